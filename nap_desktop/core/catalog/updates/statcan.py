"""Statistics Canada full-table CSV downloads ("Download entire table", CSV), recognised by their header.

    "REF_DATE","GEO","DGUID",<one column per dimension>,"UOM","UOM_ID","SCALAR_FACTOR","SCALAR_ID",
    "VECTOR","COORDINATE","VALUE","STATUS","SYMBOL","TERMINATED","DECIMALS"

UTF-8 with a BOM, every field quoted, CRLF line ends; the ZIP StatCan serves holds the table as
<table>.csv beside <table>_MetaData.csv. A value is VALUE x its scalar factor (SCALAR_ID: 0 units,
3 thousands, 6 millions, 9 billions) in its unit of measure. STATUS symbols: '..' not available,
'x' suppressed to meet the confidentiality requirements of the Statistics Act, 'F' too unreliable to
be published, '...' not applicable: those rows have no value and are refused with the reason;
'E' (use with caution) is kept and said in the row's note.
"""

from __future__ import annotations

import csv
import math
import io
import re
from datetime import date

from nap_desktop.core.catalog.updates.files import InputText
from nap_desktop.core.catalog.updates.parsed import Obs, ParsedFile, Refusal, short_line

LEAD = ("REF_DATE", "GEO", "DGUID")
TAIL = ("UOM", "UOM_ID", "SCALAR_FACTOR", "SCALAR_ID", "VECTOR", "COORDINATE", "VALUE", "STATUS", "SYMBOL",
        "TERMINATED", "DECIMALS")
REQUIRED = ("REF_DATE", "GEO", "UOM", "SCALAR_ID", "VALUE")
AGENCY = "Statistics Canada"
SUPPRESSED = {"..": "not available for this reference period (StatCan '..')",
              "...": "not applicable (StatCan '...')",
              "x": "suppressed to meet the confidentiality requirements of the Statistics Act (StatCan 'x')",
              "F": "too unreliable to be published (StatCan 'F')"}
FLAGS = {"E": "E: use with caution (Statistics Canada)"}
#: units of measure as the catalog's base units (dollars in StatCan tables are Canadian dollars)
UOM_UNITS = {"dollars": "cad", "persons": "count", "number": "count", "jobs": "count", "percent": "pct",
             "percentage": "pct", "rate": "pct"}
SCALAR_NAMES = {"units": 0, "tens": 1, "hundreds": 2, "thousands": 3, "tens of thousands": 4,
                "hundreds of thousands": 5, "millions": 6, "tens of millions": 7, "hundreds of millions": 8,
                "billions": 9}
PERIOD_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def score(header: list[str]) -> float:
    names = {h.strip().upper() for h in header}
    return sum(1 for s in LEAD + TAIL if s in names) / len(LEAD + TAIL)


def table_id(name: str) -> str:
    """'12100011.csv' or '12100011-eng.zip:12100011.csv' -> '12-10-0011' ('' when the name says nothing)."""
    m = re.search(r"(?<!\d)(\d{8})(?:\d{2})?(?!\d)", name)
    if not m:
        return ""
    d = m.group(1)
    return f"{d[:2]}-{d[2:4]}-{d[4:8]}"


def _unit(uom: str) -> str:
    text = uom.strip().lower()
    if text.startswith("index"):
        return "index"
    return UOM_UNITS.get(text, "")


def parse(source: InputText, today: date) -> ParsedFile:
    reader = csv.reader(io.StringIO(source.text))
    header = [h.strip() for h in next(reader)]
    upper = [h.upper() for h in header]
    col = {name: i for i, name in enumerate(upper)}
    tid = table_id(source.name)
    parsed = ParsedFile(format="statcan", label="Statistics Canada full-table CSV" + (f" (table {tid}-01)" if tid else ""),
                        agency=AGENCY, source=source, observations=[])
    try:
        first_tail = min(col[k] for k in TAIL if k in col)
    except ValueError:
        first_tail = len(header)
    start = (col.get("DGUID", col.get("GEO", 0))) + 1
    dimensions = [(header[i], i) for i in range(start, first_tail)]
    i_date, i_geo, i_uom, i_scalar, i_value = (col[k] for k in REQUIRED)
    i_status, i_vector, i_coord = col.get("STATUS"), col.get("VECTOR"), col.get("COORDINATE")
    i_scalar_name, i_symbol, i_term = col.get("SCALAR_FACTOR"), col.get("SYMBOL"), col.get("TERMINATED")
    width = len(header)
    count = 0
    periods: set[str] = set()
    for record in reader:
        line = reader.line_num
        if not any(c.strip() for c in record):
            continue
        count += 1
        if len(record) != width:
            # StatCan appends footnotes after a blank line in some downloads: not data
            if len(record) == 1 or not PERIOD_RE.match(record[0].strip()):
                count -= 1
                continue
            parsed.refused.append(Refusal(source.name, line, short_line(",".join(record), 50),
                                          f"line {line} has {len(record)} fields, the header {width}", "bad_row",
                                          {"line": line}))
            continue
        ref = record[i_date].strip()
        m = PERIOD_RE.match(ref)
        fields = [("GEO", record[i_geo].strip())] + [(name, record[i].strip()) for name, i in dimensions]
        if i_vector is not None:
            fields.append(("VECTOR", record[i_vector].strip()))
        if i_coord is not None:
            fields.append(("COORDINATE", record[i_coord].strip()))
        uom = record[i_uom].strip()
        fields.append(("UOM", uom))
        what = " / ".join(v for k, v in fields if k not in ("VECTOR", "COORDINATE", "UOM") and v) + f" {ref}"
        if not m:
            parsed.refused.append(Refusal(source.name, line, what, f"line {line}: REF_DATE {ref!r} is not a period",
                                          "bad_period", {"line": line}))
            continue
        year, month = int(m.group(1)), int(m.group(2) or 1)
        if (year, month) > (today.year, today.month) or not 1 <= month <= 12:
            parsed.refused.append(Refusal(source.name, line, what, f"line {line}: {ref} is out of range "
                                          f"(after today, {today.isoformat()}, or not a month)", "future",
                                          {"line": line, "period": ref}))
            continue
        period = ref[:7] if m.group(2) else ref
        status = record[i_status].strip() if i_status is not None else ""
        text = record[i_value].strip()
        if status in SUPPRESSED or status.lower() == "x" or not text:
            reason = SUPPRESSED.get(status) or SUPPRESSED.get(status.lower()) or "no value in the file"
            parsed.refused.append(Refusal(source.name, line, what, f"{what}: {reason}", "suppressed",
                                          {"what": what, "status": status}))
            continue
        try:
            value = float(text)
            if not math.isfinite(value):
                raise ValueError
        except ValueError:
            parsed.refused.append(Refusal(source.name, line, what, f"line {line}: VALUE {short_line(text, 20)!r} "
                                          "is not a number", "bad_value", {"line": line, "text": short_line(text, 20)}))
            continue
        scalar_text = record[i_scalar].strip()
        if scalar_text.isdigit():
            power = int(scalar_text)
        else:
            power = SCALAR_NAMES.get((record[i_scalar_name] if i_scalar_name is not None else "").strip().lower(), -1)
        if not 0 <= power <= 9:
            parsed.refused.append(Refusal(source.name, line, what, f"line {line}: scalar factor {scalar_text!r} "
                                          "is not one StatCan uses", "scale", {"line": line}))
            continue
        unit = _unit(uom)
        flag = FLAGS.get(status, "")
        symbol = record[i_symbol].strip() if i_symbol is not None else ""
        if symbol in ("p", "r"):
            flag = "; ".join(x for x in (flag, "preliminary" if symbol == "p" else "revised") if x)
        if i_term is not None and record[i_term].strip().lower() == "t":
            flag = "; ".join(x for x in (flag, "terminated series") if x)
        periods.add(period)
        parsed.observations.append(Obs(tuple(fields), period, value * 10 ** power if unit else value, unit, line,
                                       source.name, flag))
    parsed.rows_read = count
    key = f"table {tid}-01" if tid else "full table"
    parsed.series[key] = {"title": f"Statistics Canada {key}", "frequency": "monthly" if any(len(p) == 7 for p in periods) else "annual",
                          "dimensions": [name for name, _ in dimensions]}
    parsed.urls = {key: (f"https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid={tid.replace('-', '')}01" if tid
                         else "https://www150.statcan.gc.ca/n1/en/type/data")}
    parsed.vintage = f"statcan:{source.sha256[:12]}"
    parsed.notes.append("UTF-8 with BOM" if source.encoding == "utf-8 with BOM" else source.encoding)
    return parsed
