"""Which agency format a file is in, from its content (never its name), and reading it.

    read_agency_file(path, today) -> list[ParsedFile]    one per CSV the file holds (a ZIP may hold several)
    FORMATS_KNOWN                                         the formats, as the message for an unknown file lists them

Anything else raises UpdateFileError naming the formats known and what the file looked like
(its first line, columns, encoding); nothing changes.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from nap_desktop.core.catalog.updates import bts, ers, fred, statcan
from nap_desktop.core.catalog.updates.files import (
    InputText,
    UpdateFileError,
    read_input,
)
from nap_desktop.core.catalog.updates.parsed import ParsedFile, Refusal, short_line

FORMATS_KNOWN = (
    "FRED \"Download CSV\" (observation_date or DATE, then one column per series id)",
    "BTS TransBorder dot1, monthly or annual layout, as CSV or inside the ZIP BTS distributes",
    "USDA ERS state Top-5 agricultural exports or imports, and ERS U.S. Food Imports",
    "Statistics Canada full-table CSV (REF_DATE, GEO, DGUID, …, VALUE, STATUS, …), CSV or ZIP",
)


def _header(text: str) -> tuple[str, list[str]]:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        cells = next(csv.reader(io.StringIO(first)))
    except (csv.Error, StopIteration):
        cells = first.split(",")
    return first, [c.strip() for c in cells]


def _missing(header: list[str], required: tuple[str, ...]) -> list[str]:
    names = {h.strip().lower() for h in header}
    return [r for r in required if r.lower() not in names]


def _dedupe(parsed: ParsedFile) -> None:
    """A period the file gives twice for the same series: the same value -> kept once, the repeat
    refused; two different values -> both refused (the file does not say which is right)."""
    seen: dict[tuple, int] = {}
    drop: set[int] = set()
    for i, obs in enumerate(parsed.observations):
        key = (obs.fields, obs.period)
        first = seen.get(key)
        if first is None:
            seen[key] = i
            continue
        a = parsed.observations[first]
        what = " ".join(v for k, v in obs.fields if k not in ("commodity_name", "VECTOR", "COORDINATE", "UOM")) + f" {obs.period}"
        if a.value == obs.value:
            drop.add(i)
            parsed.refused.append(Refusal(parsed.name, obs.line, what, f"{what}: given again on line {obs.line} "
                                          f"(same value as line {a.line}): the repeat is not used", "duplicate",
                                          {"what": what, "line": obs.line, "first": a.line}))
        else:
            drop.update((i, first))
            parsed.refused.append(Refusal(parsed.name, obs.line, what, f"{what}: the file gives two values, "
                                          f"{a.value:g} (line {a.line}) and {obs.value:g} (line {obs.line}): "
                                          "neither is used", "duplicate_conflict",
                                          {"what": what, "line": obs.line, "first": a.line}))
    if drop:
        parsed.observations = [o for i, o in enumerate(parsed.observations) if i not in drop]


def parse_text(source: InputText, today: date) -> ParsedFile:
    """One CSV text in whichever known format its header says; raises UpdateFileError."""
    first, header = _header(source.text)
    lowered = source.text.lstrip()[:200].lower()
    if lowered.startswith(("<!doctype html", "<html", "<?xml")):
        raise UpdateFileError(f"{source.name} is a web page saved from the browser, not the agency's download "
                              "file: use the page's download (CSV) link.", "html", name=source.name)
    try:
        if fred.sniff(first):
            parsed = fred.parse(source, today)
            _dedupe(parsed)
            return parsed
        scores = [("bts", bts.score(header), bts.REQUIRED, "a BTS TransBorder dot1 file"),
                  ("statcan", statcan.score(header), statcan.REQUIRED, "a Statistics Canada full-table CSV"),
                  ("ers-top5", ers.score_top5(header), ers.TOP5, "a USDA ERS state Top-5 file"),
                  ("ers-food", ers.score_food(header), ers.FOOD, "a USDA ERS U.S. Food Imports file")]
        kind, best, required, name = max(scores, key=lambda s: s[1])
        if best >= 0.5:
            missing = _missing(header, required)
            if kind == "statcan" and header and header[0].upper() != "REF_DATE":
                missing = missing or ["REF_DATE first"]
            if missing:
                raise UpdateFileError(
                    f"{source.name} looks like {name} but its header lacks {', '.join(missing)} "
                    f"(it starts: {short_line(first, 120)!r}): the file may have been edited or cut; "
                    "download it again. Nothing was changed.", "missing_columns", name=source.name,
                    kind=name, missing=", ".join(missing), start=short_line(first, 120))
            if kind == "bts":
                return bts.parse(source, today)
            if kind == "statcan":
                parsed = statcan.parse(source, today)
            elif kind == "ers-top5":
                parsed = ers.parse_top5(source, today)
            else:
                parsed = ers.parse_food(source, today)
            _dedupe(parsed)
            return parsed
    except UpdateFileError:
        raise
    except (csv.Error, StopIteration, KeyError, IndexError) as exc:
        raise UpdateFileError(f"{source.name} cannot be read as an agency file ({type(exc).__name__}: {exc}); "
                              "nothing was changed.", "malformed", name=source.name, reason=str(exc)) from exc
    lines = sum(1 for _ in source.text.splitlines())
    raise UpdateFileError(
        f"{source.name} is not an agency file the app knows. It starts {short_line(first, 120)!r} "
        f"({len(header)} column{'s' if len(header) != 1 else ''}, {lines:,} line{'s' if lines != 1 else ''}, "
        f"{source.encoding}). The app reads: " + "; ".join(FORMATS_KNOWN) + ". Nothing was changed.",
        "unknown_format", name=source.name, start=short_line(first, 120), columns=len(header), lines=lines,
        encoding=source.encoding)


def read_agency_file(path: Path | str, today: date | None = None) -> list[ParsedFile]:
    """Every CSV of ``path`` read in its format; raises UpdateFileError (unknown format, unreadable)."""
    today = today or date.today()
    return [parse_text(source, today) for source in read_input(Path(path))]
