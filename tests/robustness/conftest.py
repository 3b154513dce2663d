"""Robustness tests reuse the frozen export catalog (tests/exporters/fixture_catalog.py)."""

from __future__ import annotations

import sys
from pathlib import Path

_EXPORTERS = str(Path(__file__).resolve().parent.parent / "exporters")
if _EXPORTERS not in sys.path:
    sys.path.insert(0, _EXPORTERS)


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ARG001 - pytest's hook signature
    """The generated-case counts (tests/robustness/tally.py), for the closing note."""
    tally = sys.modules.get("tally")
    if tally is None or not tally.COUNTS:
        return
    terminalreporter.section("generated cases (tests/robustness)")
    terminalreporter.write_line("all: " + tally.line(tally.COUNTS))
    for suite in sorted(tally.BY_SUITE):
        terminalreporter.write_line(f"  {suite}: " + tally.line(tally.BY_SUITE[suite]))
