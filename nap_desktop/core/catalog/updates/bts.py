"""BTS TransBorder Freight Data "dot1" files (U.S. DOT Bureau of Transportation Statistics).

Two layouts, recognised by their header (the file name is never trusted):

    monthly  TRDTYPE,USASTATE,DEPE,DISAGMOT,MEXSTATE,CANPROV,COUNTRY,VALUE,SHIPWT,FREIGHT_CHARGES,DF,CONTCODE,MONTH,YEAR
    annual   TRDTYPE,USASTATE,DEPE,DISAGMOT,MEXSTATE,CANPROV,COUNTRY,DF,CONTCODE,YEAR,VALUE,SHIPWT,FREIGHT_CHARGES

as CSV or inside the ZIP BTS distributes. Each row is a value in U.S. dollars for one state x port x
mode (x Mexican state or Canadian province). The file is summed here into what the catalog's state
datasets hold: by state, by state and mode, by state and destination, for each flow
(TRDTYPE 1 export, 2 import) and partner (COUNTRY 2010 Mexico, 1220 Canada), per month (monthly
layout: period YYYY-MM) or per year (annual layout: YYYY). Codes are those of NOTES-state-trade.md.
"""

from __future__ import annotations

import csv
import math
import io
from datetime import date

from nap_desktop.core.catalog.updates.files import InputText
from nap_desktop.core.catalog.updates.parsed import Obs, ParsedFile, Refusal, short_line

REQUIRED = ("TRDTYPE", "USASTATE", "DISAGMOT", "COUNTRY", "VALUE", "YEAR")
SIGNATURE = ("TRDTYPE", "USASTATE", "DEPE", "DISAGMOT", "MEXSTATE", "CANPROV", "COUNTRY", "VALUE", "SHIPWT",
             "FREIGHT_CHARGES", "DF", "CONTCODE", "YEAR")
FLOWS = {"1": "exports", "2": "imports"}
PARTNERS = {"2010": "MX", "1220": "CA"}
#: DISAGMOT as the state datasets group it: 4 mail, 8 other and 9 foreign trade zone are "other"
MODES = {"1": "vessel", "3": "air", "4": "other", "5": "truck", "6": "rail", "7": "pipeline", "8": "other", "9": "other"}
AGENCY = "U.S. DOT Bureau of Transportation Statistics (TransBorder Freight Data)"
PAGE = "https://www.bts.gov/transborder"


def score(header: list[str]) -> float:
    names = {h.strip().upper() for h in header}
    return sum(1 for s in SIGNATURE if s in names) / len(SIGNATURE)


def parse(source: InputText, today: date) -> ParsedFile:
    reader = csv.reader(io.StringIO(source.text))
    header = [h.strip().upper() for h in next(reader)]
    col = {name: i for i, name in enumerate(header)}
    monthly = "MONTH" in col
    layout = "monthly" if monthly else "annual"
    parsed = ParsedFile(format="bts-dot1", label=f"BTS TransBorder dot1 file, {layout} layout", agency=AGENCY,
                        source=source, observations=[])
    i_flow, i_state, i_mode, i_country, i_value, i_year = (col[k] for k in REQUIRED)
    i_month = col.get("MONTH")
    i_mx, i_ca = col.get("MEXSTATE"), col.get("CANPROV")
    width = len(header)
    sums: dict[tuple, list] = {}  # key -> [value, first line]
    refused = parsed.refused
    years: set[str] = set()
    count = 0
    bad_codes: dict[str, int] = {}
    lines_total = source.text.count("\n") + (0 if source.ends_with_newline else 1)
    for record in reader:
        count += 1
        line = reader.line_num
        if len(record) != width:
            if not any(c.strip() for c in record):
                count -= 1
                continue
            cut = line >= lines_total and not source.ends_with_newline
            refused.append(Refusal(source.name, line, short_line(",".join(record), 50),
                                   f"line {line} has {len(record)} fields, the header {width}"
                                   + (": the file ends in the middle of a row (cut short)" if cut else ""),
                                   "truncated" if cut else "bad_row", {"line": line}))
            continue
        flow = FLOWS.get(record[i_flow].strip())
        partner = PARTNERS.get(record[i_country].strip())
        if flow is None or partner is None:
            code = f"TRDTYPE {record[i_flow].strip()!r}" if flow is None else f"COUNTRY {record[i_country].strip()!r}"
            bad_codes.setdefault(code, line)
            refused.append(Refusal(source.name, line, short_line(",".join(record), 50),
                                   f"line {line}: unknown {code} (dot1 knows TRDTYPE 1/2, COUNTRY 2010/1220)",
                                   "bad_code", {"line": line, "code": code}))
            continue
        state = record[i_state].strip().upper()
        text = record[i_value].strip()
        try:
            value = float(int(text)) if text.isdigit() else float(text)
            if not math.isfinite(value) or value < 0:
                raise ValueError
        except ValueError:
            refused.append(Refusal(source.name, line, f"{state} {flow} {partner}",
                                   f"line {line}: VALUE {short_line(text, 20)!r} is not an amount in dollars",
                                   "bad_value", {"line": line, "text": short_line(text, 20)}))
            continue
        year = record[i_year].strip()
        month = record[i_month].strip() if i_month is not None else ""
        if not (year.isdigit() and len(year) == 4) or (monthly and not (month.isdigit() and 1 <= int(month) <= 12)):
            refused.append(Refusal(source.name, line, f"{state} {flow} {partner}",
                                   f"line {line}: YEAR {year!r}" + (f" MONTH {month!r}" if monthly else "")
                                   + " is not a period", "bad_period", {"line": line}))
            continue
        period = f"{year}-{int(month):02d}" if monthly else year
        if (int(year), int(month) if monthly else 1) > (today.year, today.month):
            refused.append(Refusal(source.name, line, f"{state} {flow} {partner} {period}",
                                   f"line {line}: {period} is after today ({today.isoformat()}): out of range",
                                   "future", {"line": line, "period": period}))
            continue
        if not state:
            refused.append(Refusal(source.name, line, f"{flow} {partner} {period}",
                                   f"line {line}: no USASTATE", "bad_row", {"line": line}))
            continue
        years.add(year)
        mode = MODES.get(record[i_mode].strip(), f"mode-{record[i_mode].strip() or 'blank'}")
        dest_index = i_mx if partner == "MX" else i_ca
        dest = record[dest_index].strip().upper() if dest_index is not None else ""
        for key in (("state", flow, partner, state, period), ("total", flow, partner, "US", period),
                    ("mode", flow, partner, state, period, mode),
                    ("dest", flow, partner, state, period, dest) if dest else None):
            if key is None:
                continue
            entry = sums.get(key)
            if entry is None:
                sums[key] = [value, line]
            else:
                entry[0] += value
    parsed.rows_read = count
    for key, (value, line) in sums.items():
        level, flow, partner, state, period = key[:5]
        fields = [("level", level), ("flow", flow), ("partner", partner), ("p", partner.lower()), ("state", state)]
        if level == "mode":
            fields.append(("mode", key[5]))
        elif level == "dest":
            fields.append(("dest", key[5]))
        parsed.observations.append(Obs(tuple(fields), period, value, "usd", line, source.name))
    for flow in FLOWS.values():
        for partner in PARTNERS.values():
            parsed.series[f"{flow}-{partner}"] = {"title": f"{flow} {'to' if flow == 'exports' else 'from'} "
                                                           f"{'Mexico' if partner == 'MX' else 'Canada'} by state",
                                                  "frequency": layout}
    parsed.vintage = f"bts-dot1-{layout}-{'-'.join(sorted(years))}"
    parsed.urls = {k: PAGE for k in parsed.series}
    parsed.notes.append(f"{layout} layout" + (", CRLF line ends" if "\r\n" in source.text[:2000] else ""))
    return parsed
