"""What a dataset declares about newer figures: its release cadence, and the agency files it takes.

In a dataset TOML (data/datasets/<id>.toml or a library's), both optional::

    [dataset.release]
    cadence = "monthly"            # monthly | quarterly | annual | fiscal-year | irregular | none
    last_period = "2025-12"        # the last period its rows hold (data check compares it with the rows)
    lag_days = 35                  # days after the end of the next period until the agency usually publishes it
    agency = "U.S. Census Bureau via FRED"
    agency_es = "Oficina del Censo de EE. UU. vía FRED"   # as Spanish outputs write it (the glossary's name)
    page = "https://fred.stlouisfed.org/series/IMPMX"   # where a newer file is downloaded

    [[dataset.update_from]]        # one block per series the review offers (accept all, some or none)
    format = "fred"                # fred | bts-dot1 | ers-top5 | statcan
    match = { series = "IMPMX" }   # the file's fields that pick the values (a value or a list of values)
    category = "MX"                # the row's category; "{state}" takes it from the file's field
    series = "imports"             # the row's series; "{flow}-{partner}" …
    file_unit = "usd_mn"           # FRED files do not say their unit: the series' unit on FRED
    frequency = "monthly"          # the file's frequency must be this (FRED, StatCan)
    exclude = { state = ["PR", "VI", "US"] }   # values of the file the dataset leaves out on purpose
    annual_from_months = true      # BTS monthly files -> a year's row, only from twelve months of one vintage
    absent_is_zero = true          # with annual_from_months: a category the dataset has and the twelve files
                                   # do not name traded nothing that year (BTS lists only what moved)
    label_en = "Imports from Mexico (FRED IMPMX)"
    label_es = "Importaciones desde México (FRED IMPMX)"

    read(loader, f, block, line, what, rows) -> (release dict, update_from tuple)   used by the loader,
                                                 every problem at its FILE:LINE (data check shows them)
"""

from __future__ import annotations

import re
from typing import Any

CADENCES = ("monthly", "quarterly", "annual", "fiscal-year", "irregular", "none")
FORMATS = ("fred", "bts-dot1", "ers-top5", "statcan")
RELEASE_KEYS = {"cadence", "last_period", "lag_days", "agency", "agency_es", "page", "note_en", "note_es"}
UPDATE_KEYS = {"format", "match", "category", "series", "file_unit", "frequency", "exclude",
               "annual_from_months", "absent_is_zero", "label_en", "label_es"}
MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
QUARTER_FIRST = re.compile(r"^([1-4])Q(\d{4})$")
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")\w*\.?\s+(\d{4})\b", re.IGNORECASE)
YEAR = re.compile(r"^(\d{4})$")
FISCAL = re.compile(r"^FY(\d{4})$")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def period_order(period: str) -> tuple[int, int] | None:
    """A period as (year, month of its end) for comparing, or None when it is not a time period."""
    if m := MONTH.match(period):
        return int(m.group(1)), int(m.group(2))
    if m := QUARTER.match(period):
        return int(m.group(1)), int(m.group(2)) * 3
    if m := YEAR.match(period):
        return int(m.group(1)), 12
    if m := FISCAL.match(period):  # the U.S. federal fiscal year ends in September
        return int(m.group(1)), 9
    if m := QUARTER_FIRST.match(period):
        return int(m.group(2)), int(m.group(1)) * 3
    spans = MONTH_YEAR.findall(period)  # "Dec 2024–Dec 2025": where the span ends
    if spans:
        month, year = spans[-1]
        return int(year), MONTH_NAMES.index(month[:3].lower()) + 1
    return None


def last_period(periods: Any) -> str:
    """The latest time period among ``periods`` ("" when none is a time period)."""
    timed = [(period_order(p), p) for p in periods]
    timed = [t for t in timed if t[0] is not None]
    return max(timed)[1] if timed else ""


def read(loader: Any, f: Any, block: dict, line: int, what: str, rows: list) -> tuple[dict, tuple]:
    """The dataset's release and update_from declarations, checked; problems go to ``loader``."""
    release = block.get("release", {})
    out_release: dict[str, Any] = {}
    if release:
        rline = next((i + 1 for i, t in enumerate(f.lines) if t.strip() == "[dataset.release]"), line)
        if not isinstance(release, dict):
            loader.problem(f.name, f.key_line(line, "release"), f"{what}: release must be a table ([dataset.release])")
        else:
            for key in release:
                if key not in RELEASE_KEYS:
                    loader.problem(f.name, f.key_line(rline, key), f"{what}: release: unknown field {key!r} "
                                                                   f"(known: {', '.join(sorted(RELEASE_KEYS))})")
            cadence = release.get("cadence")
            if cadence not in CADENCES:
                loader.problem(f.name, f.key_line(rline, "cadence"),
                               f"{what}: release cadence {cadence!r} must be one of {', '.join(CADENCES)}")
            lag = release.get("lag_days", 0)
            if not isinstance(lag, int) or isinstance(lag, bool) or not 0 <= lag <= 800:
                loader.problem(f.name, f.key_line(rline, "lag_days"), f"{what}: release lag_days must be 0–800 days")
                lag = 0
            page = release.get("page", "")
            if cadence not in (None, "none") and not (isinstance(page, str) and re.match(r"^https?://\S+\.\S+/", page)):
                loader.problem(f.name, f.key_line(rline, "page"),
                               f"{what}: release page must be the agency page a newer file is downloaded from "
                               "(https://…/…)")
            declared = release.get("last_period", "")
            periods = [r.period for r in rows]
            latest = last_period(periods)
            if cadence not in (None, "none", "irregular"):
                if not isinstance(declared, str) or not declared:
                    loader.problem(f.name, f.key_line(rline, "last_period") if "last_period" in release else rline,
                                   f"{what}: release needs last_period (the last period its rows hold)")
                elif latest and declared != latest:
                    loader.problem(f.name, f.key_line(rline, "last_period"),
                                   f"{what}: release last_period {declared!r} but its rows run to {latest!r}")
                elif not latest and periods and declared not in periods:
                    loader.problem(f.name, f.key_line(rline, "last_period"),
                                   f"{what}: release last_period {declared!r} is not a period of its rows")
            out_release = {"cadence": str(cadence or ""), "last_period": str(declared or ""), "lag_days": lag,
                           "agency": str(release.get("agency", "")),
                           "agency_es": str(release.get("agency_es", "")), "page": str(page or ""),
                           "note_en": str(release.get("note_en", "")), "note_es": str(release.get("note_es", ""))}
    for key in ("update_sums",):
        sums = block.get(key)
        if sums is not None and not (isinstance(sums, list) and all(
                isinstance(x, dict) and isinstance(x.get("from"), str) and all(
                    isinstance(x.get(k), list) for k in ("categories", "series", "years")) for x in sums)):
            loader.problem(f.name, f.key_line(line, key), f"{what}: {key} must be a list of {{ from = \"<dataset>\", "
                                                          "categories = [...], series = [...], years = [...] }")
    ranks = block.get("ranks_from")
    if ranks is not None and not (isinstance(ranks, dict) and isinstance(ranks.get("dataset"), str)
                                  and isinstance(ranks.get("exclude", []), list)):
        loader.problem(f.name, f.key_line(line, "ranks_from"),
                       f"{what}: ranks_from must be {{ dataset = \"<dataset>\", exclude = [...] }}")
    specs = block.get("update_from", [])
    if not specs:
        return out_release, ()
    if not isinstance(specs, list) or not all(isinstance(s, dict) for s in specs):
        loader.problem(f.name, f.key_line(line, "update_from"), f"{what}: update_from must be [[dataset.update_from]] blocks")
        return out_release, ()
    starts = [i + 1 for i, t in enumerate(f.lines) if t.strip() == "[[dataset.update_from]]"]
    out: list[dict[str, Any]] = []
    for n, spec in enumerate(specs):
        sline = starts[n] if n < len(starts) else line
        ok = True
        for key in spec:
            if key not in UPDATE_KEYS:
                loader.problem(f.name, f.key_line(sline, key), f"{what}: update_from: unknown field {key!r}")
                ok = False
        if spec.get("format") not in FORMATS:
            loader.problem(f.name, f.key_line(sline, "format"),
                           f"{what}: update_from format {spec.get('format')!r} must be one of {', '.join(FORMATS)}")
            ok = False
        match = spec.get("match", {})
        if not isinstance(match, dict) or not match:
            loader.problem(f.name, f.key_line(sline, "match"), f"{what}: update_from needs match = {{ field = value }}")
            ok = False
        for key in ("category", "series", "label_en", "label_es"):
            if not isinstance(spec.get(key), str) or not spec.get(key, "").strip():
                loader.problem(f.name, f.key_line(sline, key) if key in spec else sline,
                               f"{what}: update_from needs {key!r}")
                ok = False
        if spec.get("format") == "fred" and not spec.get("file_unit"):
            loader.problem(f.name, sline, f"{what}: a FRED update_from needs file_unit (FRED files do not say it)")
            ok = False
        from nap_desktop.core.catalog.updates.parsed import UNIT_SCALE

        if spec.get("file_unit") and spec["file_unit"] not in UNIT_SCALE:
            loader.problem(f.name, f.key_line(sline, "file_unit"), f"{what}: update_from file_unit "
                                                                    f"{spec['file_unit']!r} is not a unit the app converts")
            ok = False
        if ok:
            out.append({**spec, "index": n, "line": sline})
    return out_release, tuple(out)
