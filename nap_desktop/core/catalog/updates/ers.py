"""USDA Economic Research Service files, recognised by their header.

State Agricultural Trade Data, "Top 5 Agricultural Exports by State" and "… Imports by State":

    State,Fiscal year,Country,Commodity name,Dollar value,Fiscal quarter,Trade type,Fiscal quarter description
    TX,2023,Mexico,Pork and pork products,239356193,4,Exports,Fiscal Quarter 4

values in U.S. dollars; quarter 0 is the "Fiscal Year Total". A fiscal-year total is used only when
the file also has that year's fourth quarter: the FY2024 rows of a file that stops at Q3 are a
partial year, refused as such.

U.S. Food Imports (the file ERS writes in Windows-1252):

    Commodity,Country,UOM,Category,SubCategory,RowNumber,YearNum,FoodValue

Either may come in UTF-8, UTF-8 with a BOM or Windows-1252 (files.decode reads all three).
"""

from __future__ import annotations

import csv
import math
import io
import re
from datetime import date

from nap_desktop.core.catalog.updates.files import InputText
from nap_desktop.core.catalog.updates.parsed import Obs, ParsedFile, Refusal, short_line

TOP5 = ("State", "Fiscal year", "Country", "Commodity name", "Dollar value", "Fiscal quarter", "Trade type")
FOOD = ("Commodity", "Country", "UOM", "YearNum", "FoodValue")
AGENCY = "USDA Economic Research Service"
TOP5_PAGE = "https://www.ers.usda.gov/data-products/state-agricultural-trade-data/"
FOOD_PAGE = "https://www.ers.usda.gov/data-products/us-food-imports/"
#: ERS's units of measure in the food-imports file, as the catalog's units ("" = none of ours)
FOOD_UNITS = {"million $": "usd_mn", "dollars": "usd", "percent": "pct"}


def slug(text: str) -> str:
    """'Poultry meat and products (excluding eggs)' -> 'poultry-meat-and-products-excluding-eggs'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def score_top5(header: list[str]) -> float:
    names = {h.strip().lower() for h in header}
    return sum(1 for s in TOP5 if s.lower() in names) / len(TOP5)


def score_food(header: list[str]) -> float:
    names = {h.strip().lower() for h in header}
    return sum(1 for s in FOOD if s.lower() in names) / len(FOOD)


def _columns(header: list[str]) -> dict[str, int]:
    return {h.strip().lower(): i for i, h in enumerate(header)}


def parse_top5(source: InputText, today: date) -> ParsedFile:
    reader = csv.reader(io.StringIO(source.text))
    header = next(reader)
    col = _columns(header)
    idx = {k: col[k.lower()] for k in TOP5}
    parsed = ParsedFile(format="ers-top5", label="USDA ERS state Top-5 agricultural trade file", agency=AGENCY,
                        source=source, observations=[])
    width = len(header)
    pending: list[tuple[int, dict[str, str], str, str, float]] = []
    quarters: dict[tuple[str, str], set[str]] = {}  # (trade, year) -> quarters the file has
    trades: set[str] = set()
    count = 0
    for record in reader:
        line = reader.line_num
        if not any(c.strip() for c in record):
            continue
        count += 1
        if len(record) != width:
            parsed.refused.append(Refusal(source.name, line, short_line(",".join(record), 50),
                                          f"line {line} has {len(record)} fields, the header {width}", "bad_row",
                                          {"line": line}))
            continue
        get = {k: record[i].strip() for k, i in idx.items()}
        year, quarter, trade = get["Fiscal year"], get["Fiscal quarter"], get["Trade type"].lower()
        if not (year.isdigit() and len(year) == 4 and quarter in ("0", "1", "2", "3", "4")):
            parsed.refused.append(Refusal(source.name, line, f"{get['State']} {get['Commodity name']}",
                                          f"line {line}: fiscal year {year!r} quarter {quarter!r} is not a period",
                                          "bad_period", {"line": line}))
            continue
        if int(year) > today.year + 1:  # a fiscal year starts in October of the year before
            parsed.refused.append(Refusal(source.name, line, f"{get['State']} FY{year}",
                                          f"line {line}: FY{year} is after today ({today.isoformat()}): out of range",
                                          "future", {"line": line, "period": f"FY{year}"}))
            continue
        text = get["Dollar value"].replace(",", "")
        try:
            value = float(text)
            if not math.isfinite(value):
                raise ValueError
        except ValueError:
            parsed.refused.append(Refusal(source.name, line, f"{get['State']} {get['Commodity name']} FY{year}",
                                          f"line {line}: dollar value {short_line(text, 20)!r} is not a number",
                                          "bad_value", {"line": line, "text": short_line(text, 20)}))
            continue
        trades.add(trade)
        quarters.setdefault((trade, year), set()).add(quarter)
        fields = {"trade": trade, "state": get["State"].upper(), "country": get["Country"], "quarter": quarter,
                  "commodity": slug(get["Commodity name"]), "commodity_name": get["Commodity name"]}
        pending.append((line, fields, year, quarter, value))
    for line, fields, year, quarter, value in pending:
        period = f"FY{year}" if quarter == "0" else f"FY{year}Q{quarter}"
        flag = ""
        if quarter == "0" and "4" not in quarters.get((fields["trade"], year), set()):
            # refused by the mapping if a dataset would take it: a partial year is not a fiscal year
            have = sorted(q for q in quarters.get((fields["trade"], year), set()) if q != "0")
            flag = "partial_year:" + (", ".join(f"Q{q}" for q in have) or "no quarter")
        parsed.observations.append(Obs(tuple(fields.items()), period, value, "usd", line, source.name, flag))
    parsed.rows_read = count
    for trade in sorted(trades):
        parsed.series[trade] = {"title": f"Top-5 agricultural {trade} by state", "frequency": "fiscal year"}
    parsed.urls = {k: TOP5_PAGE for k in parsed.series}
    parsed.vintage = f"ers-top5:{source.sha256[:12]}"
    if trades:
        parsed.label = f"USDA ERS state Top-5 agricultural {' and '.join(sorted(trades))} file"
    return parsed


def parse_food(source: InputText, today: date) -> ParsedFile:
    reader = csv.reader(io.StringIO(source.text))
    header = next(reader)
    col = _columns(header)
    parsed = ParsedFile(format="ers-food-imports", label="USDA ERS U.S. Food Imports file", agency=AGENCY,
                        source=source, observations=[])
    count = 0
    for record in reader:
        line = reader.line_num
        if not any(c.strip() for c in record):
            continue
        count += 1
        try:
            commodity, country = record[col["commodity"]].strip(), record[col["country"]].strip()
            uom, year, text = record[col["uom"]].strip(), record[col["yearnum"]].strip(), record[col["foodvalue"]].strip()
        except IndexError:
            parsed.refused.append(Refusal(source.name, line, short_line(",".join(record), 50),
                                          f"line {line} has fewer fields than the header", "bad_row", {"line": line}))
            continue
        try:
            value = float(text.replace(",", ""))
        except ValueError:
            parsed.refused.append(Refusal(source.name, line, f"{commodity} {country} {year}",
                                          f"line {line}: {short_line(text, 20)!r} is not a number", "bad_value",
                                          {"line": line, "text": short_line(text, 20)}))
            continue
        if not (year.isdigit() and len(year) == 4):
            parsed.refused.append(Refusal(source.name, line, f"{commodity} {country} {year}",
                                          f"line {line}: YearNum {short_line(year, 20)!r} is not a year (a summary row)",
                                          "bad_period", {"line": line}))
            continue
        unit = FOOD_UNITS.get(uom.lower(), "")
        extra = tuple((k, record[col[k]].strip()) for k in ("category", "subcategory") if k in col and col[k] < len(record))
        parsed.observations.append(Obs((("commodity", slug(commodity)), ("commodity_name", commodity),
                                        ("country", country.upper()), ("uom", uom)) + extra, year, value, unit, line,
                                       source.name))
    parsed.rows_read = count
    parsed.series["food-imports"] = {"title": "U.S. food imports by commodity and country", "frequency": "annual"}
    parsed.urls = {"food-imports": FOOD_PAGE}
    parsed.vintage = f"ers-food:{source.sha256[:12]}"
    return parsed
