"""A fact's figure agrees with its own words: the number in ``value`` (or ``value_max``) is the number its
title and statement write, in both languages.

A value edited without its text ("value = 12.4" under "over 11.9 million vehicles") puts one figure on the
card's face and another in the sentence beside it. Every title and statement that writes a figure (a number
that is not a year, a quarter or a reference such as "Article 34.7") must write this one, as rounded where
it is written and scaled by its magnitude word: ``value = 11.9, unit = "count_mn"`` matches "11.9 million",
"11,900 thousand" and "11.9 millones"; ``value = 113, unit = "count_th"`` matches "113,000 jobs". A text
that writes no figure (a title in words: "Mexico is the top U.S. partner") is not checked. Facts whose
figure is written in words (ranks, fractions, dates) are not checked here.

Reported at FILE:LINE of the text's key, like the chart claims (core/catalog/claims.py)."""

from __future__ import annotations

import math
from typing import Any

from nap_desktop.core.catalog.claims import UNIT_BASE, _numbers

#: units whose figure is written in words or as a date: "seventh", "about half", "1 July 2026"
NOT_CHECKED = {"rank", "fraction", "date", "none"}
TEXT_KEYS = ("title_en", "text_en", "title_es", "text_es")


def _agrees(target: float, base: float, written: tuple[str, float, int, float, bool, str]) -> bool:
    _raw, number, decimals, magnitude, _is_year, _after = written
    tolerance = 0.5 * 10 ** (-decimals) + 1e-9
    for value in (target, -target):
        if magnitude == 1.0:
            if abs(number - value) <= tolerance or (base != 1.0 and abs(number - value * base) <= tolerance):
                return True
        elif abs(number * magnitude - value * base) <= tolerance * magnitude:
            return True
    return False


def figure_problem(fact: Any, text: str) -> str | None:
    """Why ``text`` does not write the fact's figure, or None (it does, or it writes no figure)."""
    if fact.value is None or fact.unit in NOT_CHECKED or not text.strip():
        return None
    targets = [v for v in (fact.value, getattr(fact, "value_max", None)) if v is not None and math.isfinite(v)]
    year_unit = fact.unit == "year"
    written = [n for n in _numbers(text) if year_unit or not n[4]]
    if not written or not targets:
        return None
    base = UNIT_BASE.get(fact.unit, 1.0)
    if any(_agrees(t, base, n) for t in targets for n in written):
        return None
    shown = ", ".join(dict.fromkeys(n[0] for n in written))
    value = f"{targets[0]:g}" + (f"–{targets[1]:g}" if len(targets) > 1 else "")
    return f"its value {value} ({fact.unit}) is not the figure its text writes ({shown})"


def check_fact_figures(loader: Any, facts: Any) -> None:
    """Each fact's title and statement against its value; a disagreement is a Problem at the text's key
    (``facts``: the data folder's, or a user library's own)."""
    for fact in facts:
        for key in TEXT_KEYS:
            why = figure_problem(fact, getattr(fact, key, "") or "")
            if why:
                line = fact.line or 1
                loader.problem(fact.file or "facts", _key_line(loader, fact, key, line), f"fact {fact.id}: {key}: {why}")


def _key_line(loader: Any, fact: Any, key: str, line: int) -> int:
    """The line of ``key`` in the fact's block when the file is at hand, else the block's line."""
    try:
        from pathlib import Path

        from nap_desktop.core.catalog.files import read_regular_text  # ordinary files under the cap only

        lines = read_regular_text(Path(loader.root) / fact.file).splitlines()
    except (OSError, TypeError, ValueError, AttributeError):
        return line
    for n in range(line - 1, min(len(lines), line + 60)):
        stripped = lines[n].lstrip()
        if n > line - 1 and stripped.startswith("[["):
            break
        if stripped.startswith(f"{key} ") or stripped.startswith(f"{key}="):
            return n + 1
    return line
