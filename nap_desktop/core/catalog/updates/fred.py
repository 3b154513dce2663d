"""FRED "Download CSV" files (Federal Reserve Bank of St. Louis), recognised by their content.

    observation_date,IMPMX            (the current header; the older downloads write DATE,IMPMX)
    1985-01-01,1303.300000
    2026-07-01,.                      ('.' : FRED has no value for that date)

A download may hold several series (one column each, as FRED writes a graph with several lines).
A column whose name carries a FRED units suffix (IMPMX_PCH: percent change, _CHG, _PC1 …) holds a
transformation, not the series' levels: the review refuses it with that reason.
"""

from __future__ import annotations

import csv
import math
import io
import re
from collections import Counter
from datetime import date

from nap_desktop.core.catalog.updates.files import InputText
from nap_desktop.core.catalog.updates.parsed import Obs, ParsedFile, Refusal, short_line

DATE_HEADERS = ("observation_date", "date")
SERIES_RE = re.compile(r"^[A-Z0-9][A-Z0-9_.]{0,39}$")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
#: FRED's units transformations, as the download names the column (SERIES_SUFFIX)
TRANSFORMS = {"CHG": "change", "CH1": "change from a year ago", "PCH": "percent change",
              "PC1": "percent change from a year ago", "PCA": "compounded annual rate of change",
              "CCH": "continuously compounded rate of change", "CCA": "continuously compounded annual rate of change",
              "LOG": "natural log"}
AGENCY = "Federal Reserve Bank of St. Louis (FRED)"


def sniff(first_line: str) -> bool:
    cells = [c.strip().strip('"') for c in first_line.split(",")]
    return (len(cells) >= 2 and cells[0].lower() in DATE_HEADERS
            and all(SERIES_RE.match(c.upper()) for c in cells[1:] if c))


def _frequency(dates: list[date]) -> str:
    if len(dates) < 2:
        return "monthly" if dates and dates[0].day == 1 else "unknown"
    if any(d.day != 1 for d in dates):
        return "daily or weekly"
    steps = Counter((b.year - a.year) * 12 + b.month - a.month for a, b in zip(dates, dates[1:]))
    step = steps.most_common(1)[0][0]
    return {1: "monthly", 3: "quarterly", 6: "semiannual", 12: "annual"}.get(step, "irregular")


def _period(d: date, frequency: str) -> str:
    if frequency == "quarterly":
        return f"{d.year}Q{(d.month - 1) // 3 + 1}"
    if frequency == "annual":
        return f"{d.year}"
    return f"{d.year}-{d.month:02d}"


def _decimals(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def parse(source: InputText, today: date) -> ParsedFile:
    lines = source.text.splitlines()
    reader = csv.reader(io.StringIO(source.text))
    header = [c.strip() for c in next(reader)]
    date_label = header[0]
    raw_columns = header[1:]
    parsed = ParsedFile(format="fred", label=f"FRED download CSV (header {date_label},…)", agency=AGENCY,
                        source=source, observations=[])
    if date_label.upper() == "DATE":
        parsed.notes.append("older FRED header DATE (the current downloads write observation_date)")
    columns: list[tuple[str, str, str]] = []  # (column key, series id, transformation or "")
    for col in raw_columns:
        key = col.upper()
        base, _, suffix = key.rpartition("_")
        columns.append((key, base, TRANSFORMS[suffix]) if base and suffix in TRANSFORMS else (key, key, ""))
    values: dict[int, list[tuple[int, date, str]]] = {i: [] for i in range(len(columns))}
    refused = parsed.refused
    count = 0
    for record in reader:
        line = reader.line_num
        if not record or all(not c.strip() for c in record):
            continue
        count += 1
        when = record[0].strip()
        m = DATE_RE.match(when)
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
        except ValueError:
            d = None
        if d is None:
            refused.append(Refusal(source.name, line, short_line(",".join(record), 40),
                                   f"line {line}: {when!r} is not a date (FRED writes YYYY-MM-DD)", "bad_period",
                                   {"line": line, "text": when}))
            continue
        if len(record) != len(header):
            refused.append(Refusal(source.name, line, short_line(",".join(record), 40),
                                   f"line {line} has {len(record)} fields, the header {len(header)}"
                                   + (": the file may be cut short" if line == len(lines) else ""),
                                   "bad_row", {"line": line}))
            continue
        for i, cell in enumerate(record[1:]):
            values[i].append((line, d, cell.strip()))
    parsed.rows_read = count
    for i, (key, sid, transform) in enumerate(columns):
        entries = values[i]
        dates = sorted({d for _, d, v in entries if v not in ("", ".")})
        frequency = _frequency(dates)
        usual = Counter(_decimals(v) for _, _, v in entries if v not in ("", ".")).most_common(1)
        info = {"title": sid, "frequency": frequency, "transform": transform, "column": raw_columns[i],
                "first": _period(dates[0], frequency) if dates else "", "last": _period(dates[-1], frequency) if dates else ""}
        parsed.series[key] = info
        parsed.urls[key] = f"https://fred.stlouisfed.org/series/{sid}"
        for n, (line, d, text) in enumerate(entries):
            period = _period(d, frequency)
            what = f"{key} {period}"
            if text in ("", "."):
                refused.append(Refusal(source.name, line, what, f"{what}: no value in the file ('{text or ' '}': "
                                       "FRED has no observation for this date)", "missing", {"what": what}))
                continue
            try:
                value = float(text.replace(",", ""))
                if not math.isfinite(value):
                    raise ValueError
            except ValueError:
                refused.append(Refusal(source.name, line, what, f"{what}: {short_line(text, 30)!r} is not a number "
                                       f"(line {line})", "bad_value", {"what": what, "text": short_line(text, 30),
                                                                      "line": line}))
                continue
            if d > today:
                refused.append(Refusal(source.name, line, what, f"{what}: a date after today ({today.isoformat()}): "
                                       "out of range", "future", {"what": what, "today": today.isoformat()}))
                continue
            last_line = line == len(lines) and not source.ends_with_newline
            if last_line and usual and _decimals(text) < usual[0][0]:
                refused.append(Refusal(source.name, line, what, f"{what}: the file ends in the middle of this line "
                                       f"(no line end, {_decimals(text)} decimals where the others have "
                                       f"{usual[0][0]}): the file seems cut short", "truncated", {"what": what}))
                continue
            parsed.observations.append(Obs((("series", key),), period, value, "", line, source.name))
    parsed.vintage = f"fred:{source.sha256[:12]}"
    return parsed
