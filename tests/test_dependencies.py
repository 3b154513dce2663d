"""`pip install .` brings everything the app imports at run time (issue 26: openpyxl was left out, so the
.xlsx import said a valid workbook "is not an Excel workbook"), and nothing declared is unused. The
imports of nap_desktop/ are read from its source (AST, function-level imports included; `if TYPE_CHECKING`
blocks left out) and mapped to distributions with importlib.metadata.packages_distributions()."""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "nap_desktop"


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared(extra: str | None = None) -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] if extra is None else project["optional-dependencies"][extra]
    return {_normal(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", r).group(0)): r for r in requirements}


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def runtime_imports() -> dict[str, list[str]]:
    """Top-level module name -> the files (path:line) of nap_desktop/ that import it, third-party only."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        skip = _type_checking_lines(tree)
        for node in ast.walk(tree):
            if getattr(node, "lineno", None) in skip:
                continue
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("nap_desktop", "__future__"):
                    continue
                found.setdefault(top, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_module_imported_at_run_time_is_a_declared_dependency():
    imports = runtime_imports()
    assert {"PySide6", "openpyxl", "lxml", "PIL", "numpy", "pptx"} <= set(imports)  # the walk sees them
    owners = md.packages_distributions()
    declared = _declared()
    missing = {}
    for module, where in imports.items():
        distributions = {_normal(d) for d in owners.get(module, [])}
        assert distributions, f"{module} (imported at {where[0]}) is not installed here: cannot map it"
        if not distributions & set(declared):
            missing[module] = (sorted(distributions), where[:3])
    assert not missing, f"imported at run time but not in pyproject's dependencies: {missing}"


def test_every_declared_dependency_is_imported():
    owners = md.packages_distributions()
    imported = {_normal(d) for module in runtime_imports() for d in owners.get(module, [])}
    unused = sorted(set(_declared()) - imported)
    assert not unused, f"declared in pyproject but never imported by nap_desktop/: {unused}"


def test_every_requirement_has_a_tested_lower_bound_and_ci_installs_it():
    constraints = subprocess.run([sys.executable, str(ROOT / ".ci" / "lowest_constraints.py"), "test"],
                                 capture_output=True, text=True, check=True).stdout.split()
    pins = dict(line.split("==") for line in constraints)
    assert {_normal(n) for n in pins} == set(_declared()) | set(_declared("test"))
    # the bounds the issue found broken are gone
    assert pins["PySide6-Essentials"] not in ("6.6", "6.6.0") and pins["reportlab"] not in ("4.0", "4.0.0")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "lowest_constraints.py test" in ci and "-c .venv-lowest.txt" in ci
    assert "tests/core tests/exporters" in ci
