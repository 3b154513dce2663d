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


import pytest  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def _qt_application_owned_by_pytest_qt(qapp):
    """The PNG writer makes a QApplication when none exists (the command line's case); created inside a test
    run that never asked pytest-qt for one, it was torn down in the wrong order at interpreter exit and this
    folder run alone ended in a segfault after every test had passed. pytest-qt's application is made first."""
    return qapp
