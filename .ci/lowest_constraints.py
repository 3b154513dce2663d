"""Print a pip constraints file pinning every lower bound pyproject.toml declares ('>=X' -> '==X'), for the
dependencies and the given extras: CI installs the lowest versions the package allows and tests them.

    python3 .ci/lowest_constraints.py test > lowest.txt && pip install -c lowest.txt ".[test]"
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
_LOWER = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)")


def lower_bounds(extras: list[str]) -> dict[str, str]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    pins: dict[str, str] = {}
    for requirement in requirements:
        match = _LOWER.match(requirement)
        name, spec = match.group(1), match.group(2)
        lower = re.search(r">=\s*([0-9][^,\s]*)", spec)
        if lower is None:
            raise SystemExit(f"{requirement!r} has no lower bound: give it one ('>=X', the lowest version tested)")
        pins[name] = lower.group(1)
    return pins


def main(argv: list[str]) -> int:
    for name, version in lower_bounds(argv).items():
        print(f"{name}=={version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
