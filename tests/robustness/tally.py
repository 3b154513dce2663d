"""Counts of what the generated-case suites tried and what came of it, printed at the end of the run.

The closing note quotes these: cases, clean refusals, tracebacks (must be 0), hangs (must be 0), hostile
outputs (must be 0), special files replaced (must be 0). Each suite records every case it tries with
:func:`case`; a traceback or a hang is recorded here *and* fails its test."""

from __future__ import annotations

from collections import Counter
from typing import Callable

COUNTS: Counter[str] = Counter()
BY_SUITE: dict[str, Counter[str]] = {}
ORDER = ("cases", "opened or written", "clean refusals", "tracebacks", "hangs", "hostile outputs",
         "special files replaced")


def case(suite: str, outcome: str) -> None:
    """One generated case of ``suite`` ended in ``outcome`` (one of ORDER after "cases")."""
    COUNTS["cases"] += 1
    COUNTS[outcome] += 1
    per = BY_SUITE.setdefault(suite, Counter())
    per["cases"] += 1
    per[outcome] += 1


def line(counts: Counter[str]) -> str:
    keys = list(ORDER) + sorted(k for k in counts if k not in ORDER)
    return ", ".join(f"{k} {counts.get(k, 0):,}" for k in keys)


def run_case(suite: str, fn: Callable[[], object], refusals: tuple[type[BaseException], ...],
             seconds: float = 30.0) -> tuple[str, object]:
    """Run one case with a hang guard: ("ok", result) | ("refused", exception). A traceback (any other
    exception) or a hang is recorded and raised as an AssertionError naming it."""
    import traceback

    from specials import run_with_timeout

    outcome, value = run_with_timeout(fn, seconds)
    if outcome == "hung":
        case(suite, "hangs")
        raise AssertionError(f"{suite}: hung for {seconds:g} s")
    if outcome == "raised":
        if isinstance(value, refusals) and str(value):
            case(suite, "clean refusals")
            return "refused", value
        case(suite, "tracebacks")
        raise AssertionError(f"{suite}: {type(value).__name__}: {value}\n"
                             + "".join(traceback.format_exception(value)))
    case(suite, "opened or written")
    return "ok", value
