"""Build the state datasets of data/ from the BTS TransBorder files, never by hand.

    python tools/build_state_datasets.py [--raw DIR] [--out DIR]

Reads (``--raw``, default ``../shared/reference-data/raw``):
- ``BTS_TransBorder/dot1_2022.csv`` (the BTS annual dot1 file for 2022) and ``dot1_MM23.csv`` (the twelve
  monthly dot1 files of 2023), verbatim copies of the agency's files: sums of them are ``official``;
- ``BTS_TransBorder_UNT_us_state_trade_1993-2025.csv``, a university dashboard's processed copy of every
  BTS file: the only full 2024 and 2025, ``secondary``;
- the state names (English and Spanish) from the repository's ``data/layouts/us_tile_grid.csv``.

Writes into ``--out`` (default the repository's ``data/``), each dataset as ``datasets/<id>.toml`` +
``.csv`` (rows: category, series, period, value, source, status, note), and their sources in
``sources/bts.toml``:
- ``bts-state-trade``: exports to and imports from Mexico and Canada of the 50 states and DC, the rows with
  no state (``DU``) and the national total (``US``), 2022-2025, USD;
- ``bts-state-trade-ranks``: each state's rank among the 50 states and DC (standard competition ranking:
  equal values share a rank, the next rank skips), per flow, partner and year;
- ``bts-state-trade-modes-2023``: 2023 exports and imports by mode (truck, rail, air, vessel, pipeline,
  other = mail, foreign trade zones and other);
- ``bts-state-export-destinations-2023``: where each state's 2023 exports went, by Mexican state
  (MEXSTATE) and Canadian province (CANPROV), named as the BTS code list names them;
- ``bts-state-export-destinations-unidentified-2023``: the rest of those exports, whose destination BTS
  records as unknown (``OT``) or with a code its list does not define (``XX``, labelled with its code): the
  two add up to each state's exports.

Every amount is an exact sum of whole dollars (integers, never floats). A code the script does not know
(state, partner, flow, mode, destination) stops it with a message: nothing is dropped or guessed.
tests/states/test_state_datasets.py proves data/ equals this script's output and that the sums hold.
Deterministic: same input, same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_RAW = REPO.parent / "shared" / "reference-data" / "raw"
LAYOUT = REPO / "data" / "layouts" / "us_tile_grid.csv"
UNT_FILE = "BTS_TransBorder_UNT_us_state_trade_1993-2025.csv"

STATES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY "
          "NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC").split()
UNKNOWN_STATE = "DU"  # USASTATE "DU": "Unknown" in the BTS code list
COUNTRY = {"2010": "mx", "1220": "ca"}
FLOW = {"1": "exports", "2": "imports"}
#: DISAGMOT (BTS code list): 1 vessel, 3 air, 4 mail, 5 truck, 6 rail, 7 pipeline, 8 other and unknown,
#: 9 foreign trade zones; the datasets keep six modes, mail and FTZ going to "other"
MODES = {"1": "vessel", "3": "air", "4": "other", "5": "truck", "6": "rail", "7": "pipeline", "8": "other",
         "9": "other"}
MODE_ORDER = ("truck", "rail", "air", "vessel", "pipeline", "other")
UNT_PARTNER = {"Mexico": "mx", "Canada": "ca"}
UNT_FLOW = {"Export": "exports", "Import": "imports"}
YEARS_OFFICIAL = ("2022", "2023")
YEARS_COPY = ("2024", "2025")
SERIES = tuple((f, p) for p in ("mx", "ca") for f in ("exports", "imports"))

#: MEXSTATE and CANPROV codes as the BTS code list ("Codes for North American TransBorder Freight Raw
#: Data") names them, with the names in English and in Spanish. DF is "Distrito Federal" in the list:
#: Mexico City since 2016.
MEXSTATE = {
    "AG": ("Aguascalientes", "Aguascalientes"), "BC": ("Baja California", "Baja California"),
    "BS": ("Baja California Sur", "Baja California Sur"), "CH": ("Chihuahua", "Chihuahua"),
    "CL": ("Colima", "Colima"), "CM": ("Campeche", "Campeche"), "CO": ("Coahuila", "Coahuila"),
    "CS": ("Chiapas", "Chiapas"), "DF": ("Mexico City", "Ciudad de México"), "DG": ("Durango", "Durango"),
    "GR": ("Guerrero", "Guerrero"), "GT": ("Guanajuato", "Guanajuato"), "HG": ("Hidalgo", "Hidalgo"),
    "JA": ("Jalisco", "Jalisco"), "MI": ("Michoacán", "Michoacán"), "MO": ("Morelos", "Morelos"),
    "MX": ("State of Mexico", "Estado de México"), "NA": ("Nayarit", "Nayarit"), "NL": ("Nuevo León", "Nuevo León"),
    "OA": ("Oaxaca", "Oaxaca"), "PU": ("Puebla", "Puebla"), "QR": ("Quintana Roo", "Quintana Roo"),
    "QT": ("Querétaro", "Querétaro"), "SI": ("Sinaloa", "Sinaloa"), "SL": ("San Luis Potosí", "San Luis Potosí"),
    "SO": ("Sonora", "Sonora"), "TB": ("Tabasco", "Tabasco"), "TL": ("Tlaxcala", "Tlaxcala"),
    "TM": ("Tamaulipas", "Tamaulipas"), "VE": ("Veracruz", "Veracruz"), "YU": ("Yucatán", "Yucatán"),
    "ZA": ("Zacatecas", "Zacatecas"),
    # "State Unknown" in the BTS list
    "OT": ("Mexican state unknown (BTS code OT)", "Estado mexicano desconocido (código OT de la BTS)"),
    # not in the BTS code list: labelled with its code, never given a meaning
    "XX": ("Code XX (not in the BTS code list)", "Código XX (no figura en la lista de códigos de la BTS)"),
}
CANPROV = {
    "XA": ("Alberta", "Alberta"), "XB": ("New Brunswick", "Nuevo Brunswick"),
    "XC": ("British Columbia", "Columbia Británica"), "XM": ("Manitoba", "Manitoba"),
    "XN": ("Nova Scotia", "Nueva Escocia"), "XO": ("Ontario", "Ontario"),
    "XP": ("Prince Edward Island", "Isla del Príncipe Eduardo"), "XQ": ("Quebec", "Quebec"),
    "XS": ("Saskatchewan", "Saskatchewan"), "XT": ("Northwest Territories", "Territorios del Noroeste"),
    "XV": ("Nunavut", "Nunavut"), "XW": ("Newfoundland and Labrador", "Terranova y Labrador"),
    "XY": ("Yukon", "Yukón"),
    # "Province Unknown" in the BTS list
    "OT": ("Canadian province unknown (BTS code OT)", "Provincia canadiense desconocida (código OT de la BTS)"),
}
#: destination codes that name no place (the row's note says which)
NOT_A_PLACE = {("mx", "OT"): "BTS code OT: State Unknown", ("mx", "XX"): "code XX: not in the BTS code list",
               ("ca", "OT"): "BTS code OT: Province Unknown"}

KOJO = "Kojo-Jr/TransBorder-Freight-Data-Analysis"
KOJO_COMMIT = "b4a9e9970361203116bbb7a00d9377659cf973f0"
UNT = "unt-clscm/BTS-TransBorder-Dashboard"
UNT_COMMIT = "9ebfaf93dc4ebbd4eace45519bc6f81d95b33867"
CODES_COPY = (f"the BTS code list 'Codes for North American TransBorder Freight Raw Data' (PDF, created 3 May 2018), read "
              f"from the copy in the public GitHub repository {UNT} (01-Raw-Data/data_dictionary/, commit 74b3d53e)")
CODES_COPY_ES = (f"la lista de códigos de la BTS «Codes for North American TransBorder Freight Raw Data» (PDF creado el 3 de "
                 f"mayo de 2018), leída de la copia en el repositorio público de GitHub {UNT} "
                 f"(01-Raw-Data/data_dictionary/, commit 74b3d53e)")

PUBLISHER = "U.S. Department of Transportation, Bureau of Transportation Statistics (BTS)"
PUBLISHER_ES = "Oficina de Estadísticas de Transporte (BTS) del Departamento de Transporte de EE. UU."

SOURCES_TOML = f'''# Generated by tools/build_state_datasets.py: do not edit by hand (run the script).
# The BTS TransBorder Freight Data files the state datasets are computed from.

[[source]]
id = "bts-transborder-2022"
publisher = "{PUBLISHER}"
publisher_es = "{PUBLISHER_ES}"
title = "TransBorder Freight Data, annual dot1 file (state, port and mode), 2022"
title_es = "Datos de carga transfronteriza (TransBorder Freight Data), archivo anual dot1 (estado, puerto y medio de transporte), 2022"
url = "https://www.bts.gov/transborder"
no_date_reason = "the file carries no release date and the date BTS released it is not at hand; it covers calendar 2022"
no_date_reason_es = "el archivo no trae fecha de publicación y no se tiene la fecha en que la BTS lo publicó; cubre el año calendario 2022"
status = "official"
note = "Read from a verbatim copy of the BTS file (dot1_2022.csv) committed unchanged in the public GitHub repository {KOJO} (00_raw_data/year_2022/December2022/, commit {KOJO_COMMIT[:8]}; same git blob as the copy read). Verified: the twelve monthly files of 2022 in that repository sum to this annual file to the dollar for every state, partner and flow. Exports are counted by state of origin of movement, imports by state of the importer of record."
note_es = "Leído de una copia literal del archivo de la BTS (dot1_2022.csv) guardada sin cambios en el repositorio público de GitHub {KOJO} (00_raw_data/year_2022/December2022/, commit {KOJO_COMMIT[:8]}; el mismo blob de git que la copia leída). Verificado: los doce archivos mensuales de 2022 de ese repositorio suman exactamente este archivo anual para cada estado, socio y flujo. Las exportaciones se cuentan por estado de origen del movimiento; las importaciones, por estado del importador registrado."

[[source]]
id = "bts-transborder-2023"
publisher = "{PUBLISHER}"
publisher_es = "{PUBLISHER_ES}"
title = "TransBorder Freight Data, monthly dot1 files (state, port and mode), January–December 2023"
title_es = "Datos de carga transfronteriza (TransBorder Freight Data), archivos mensuales dot1 (estado, puerto y medio de transporte), enero a diciembre de 2023"
url = "https://www.bts.gov/transborder"
no_date_reason = "the files carry no release date and the dates BTS released them are not at hand; they cover January to December 2023"
no_date_reason_es = "los archivos no traen fecha de publicación y no se tienen las fechas en que la BTS los publicó; cubren de enero a diciembre de 2023"
status = "official"
note = "Read from verbatim copies of the twelve BTS monthly files (dot1_0123.csv to dot1_1223.csv) committed unchanged in the public GitHub repository {KOJO} (00_raw_data/year_2023/, commit {KOJO_COMMIT[:8]}; same git blobs as the copies read). Verified: their 2023 sums equal the Census Bureau's totals for goods trade with Mexico and Canada (exports to Mexico USD 323.23 billion, imports 475.61 billion; Canada 352.84 and 421.10 billion). Exports are counted by state of origin of movement, imports by state of the importer of record."
note_es = "Leído de copias literales de los doce archivos mensuales de la BTS (dot1_0123.csv a dot1_1223.csv) guardadas sin cambios en el repositorio público de GitHub {KOJO} (00_raw_data/year_2023/, commit {KOJO_COMMIT[:8]}; los mismos blobs de git que las copias leídas). Verificado: sus sumas de 2023 coinciden con los totales de la Oficina del Censo de EE. UU. para el comercio de bienes con México y Canadá (exportaciones a México por 323.23 mil millones de dólares, importaciones por 475.61 mil millones; con Canadá, 352.84 y 421.10 mil millones). Las exportaciones se cuentan por estado de origen del movimiento; las importaciones, por estado del importador registrado."

[[source]]
id = "bts-transborder-unt-copy"
publisher = "University of North Texas, BTS TransBorder dashboard project (from BTS TransBorder Freight Data)"
publisher_es = "Universidad del Norte de Texas, proyecto de tablero de datos TransBorder de la BTS"
title = "U.S. state trade with Mexico and Canada by mode, 1993–2025 (processed from the BTS TransBorder files)"
title_es = "Comercio de cada estado de EE. UU. con México y Canadá por medio de transporte, 1993–2025 (procesado a partir de los archivos TransBorder de la BTS)"
url = "https://github.com/{UNT}/blob/{UNT_COMMIT}/03-Processed-Data/csv/us_state_trade.csv"
no_date_reason = "the processed file carries no release date; the version read is the one committed on 2026-03-30 (commit {UNT_COMMIT[:8]})"
no_date_reason_es = "el archivo procesado no trae fecha de publicación; la versión leída es la del commit del 30 de marzo de 2026 ({UNT_COMMIT[:8]})"
status = "secondary"
note = "Read from a processed copy of every BTS TransBorder file in the public GitHub repository {UNT} (03-Processed-Data/csv/us_state_trade.csv, commit {UNT_COMMIT[:8]} of 2026-03-30; byte-identical to the copy read, SHA-256 2b9cb006…), the only source of full-year 2024 and 2025 state figures at hand; for 2022 and 2023 it equals the sums of the verbatim BTS files for every state and partner. October 2020 was derived by subtraction."
note_es = "Leído de una copia procesada de todos los archivos TransBorder de la BTS en el repositorio público de GitHub {UNT} (03-Processed-Data/csv/us_state_trade.csv, commit {UNT_COMMIT[:8]} del 30 de marzo de 2026; idéntica byte por byte a la copia leída, SHA-256 2b9cb006…), la única fuente disponible de cifras estatales de 2024 y 2025 completos; para 2022 y 2023 coincide con las sumas de los archivos literales de la BTS para cada estado y socio. Octubre de 2020 se obtuvo por diferencia."
'''

HEADER = "category,series,period,value,source,status,note\n"


class BuildError(Exception):
    """The raw files hold something the script does not know: it stops rather than guess."""


def _dot1(path: Path):
    """(flow, partner, USASTATE, mode, MEXSTATE, CANPROV, value in whole dollars) for every row of a dot1 file."""
    if not path.is_file():
        raise BuildError(f"{path}: missing")
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            partner, flow = COUNTRY.get(row["COUNTRY"]), FLOW.get(row["TRDTYPE"])
            state, mode = row["USASTATE"], MODES.get(row["DISAGMOT"])
            if partner is None or flow is None or mode is None or (state not in STATES and state != UNKNOWN_STATE):
                raise BuildError(f"{path.name}:{line}: unknown code (COUNTRY {row['COUNTRY']!r}, TRDTYPE "
                                 f"{row['TRDTYPE']!r}, DISAGMOT {row['DISAGMOT']!r}, USASTATE {state!r})")
            if not row["VALUE"].isdigit():
                raise BuildError(f"{path.name}:{line}: VALUE {row['VALUE']!r} is not a whole number of dollars")
            yield flow, partner, state, mode, row["MEXSTATE"].strip(), row["CANPROV"].strip(), int(row["VALUE"])


def _whole_dollars(text: str, where: str) -> int:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise BuildError(f"{where}: TradeValue {text!r} is not a number") from None
    if value != value.to_integral_value() or value < 0:
        raise BuildError(f"{where}: TradeValue {text!r} is not a whole number of dollars")
    return int(value)  # the copy writes whole dollars as "123.0": exact, no float


def read(raw: Path) -> dict:
    """Sums of the raw files: {'trade': {(state, flow, partner, year): usd}, 'modes': {(state, flow, partner,
    mode): usd} (2023), 'dest': {(state, partner, code): usd} (2023 exports)}."""
    bts = raw / "BTS_TransBorder"
    trade: dict[tuple[str, str, str, str], int] = defaultdict(int)
    modes: dict[tuple[str, str, str, str], int] = defaultdict(int)
    dest: dict[tuple[str, str, str], int] = defaultdict(int)
    for flow, partner, state, _mode, _mx, _ca, value in _dot1(bts / "dot1_2022.csv"):
        trade[(state, flow, partner, "2022")] += value
    for month in range(1, 13):
        path = bts / f"dot1_{month:02d}23.csv"
        for flow, partner, state, mode, mx, ca, value in _dot1(path):
            trade[(state, flow, partner, "2023")] += value
            modes[(state, flow, partner, mode)] += value
            if flow == "exports":
                code = mx if partner == "mx" else ca
                if code not in (MEXSTATE if partner == "mx" else CANPROV):
                    raise BuildError(f"{path.name}: export destination code {code!r} ({partner}) has no name in "
                                     "this script: find what BTS says it means before adding it")
                dest[(state, partner, code)] += value
    path = raw / UNT_FILE
    if not path.is_file():
        raise BuildError(f"{path}: missing")
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            if row["Year"] not in YEARS_COPY:
                continue
            where = f"{UNT_FILE}:{line}"
            partner, flow, state = UNT_PARTNER.get(row["Country"]), UNT_FLOW.get(row["TradeType"]), row["StateCode"]
            if partner is None or flow is None or (state not in STATES and state != UNKNOWN_STATE):
                raise BuildError(f"{where}: unknown Country {row['Country']!r}, TradeType {row['TradeType']!r} or "
                                 f"StateCode {state!r}")
            if row["TradeValue"].strip():
                trade[(state, flow, partner, row["Year"])] += _whole_dollars(row["TradeValue"], where)
    return {"trade": dict(trade), "modes": dict(modes), "dest": dict(dest)}


def rank(values: dict[str, float]) -> dict[str, int]:
    """Standard competition ranking, largest first: {a: 9, b: 5, c: 5, d: 1} -> 1, 2, 2, 4 (equal values
    share a rank; the rank after a tie skips as many places as tied)."""
    return {k: 1 + sum(1 for w in values.values() if w > v) for k, v in values.items()}


def state_names(layout: Path = LAYOUT) -> dict[str, tuple[str, str]]:
    """{code: (English name, Spanish name)} of the 51, from the tile-grid layout (its name_es column)."""
    with layout.open(newline="", encoding="utf-8") as handle:
        names = {r["state"]: (r["name"], r["name_es"]) for r in csv.DictReader(handle)}
    missing = [s for s in STATES if not all(names.get(s, ("", "")))]
    if missing:
        raise BuildError(f"{layout}: no name or name_es for {', '.join(missing)}")
    return names


def _source(year: str) -> tuple[str, str]:
    if year == "2022":
        return "bts-transborder-2022", "official"
    if year == "2023":
        return "bts-transborder-2023", "official"
    return "bts-transborder-unt-copy", "secondary"


def _csv(rows: list[tuple]) -> str:
    out = io.StringIO()
    out.write(HEADER)
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml(title_en: str, title_es: str, unit: str, frequency: str, source: str, status: str, notes_en: str,
          notes_es: str, extra: str = "") -> str:
    return (f"# Generated by tools/build_state_datasets.py from the BTS TransBorder files: do not edit by hand.\n"
            f"[dataset]\ntitle_en = {_q(title_en)}\ntitle_es = {_q(title_es)}\nunit = {_q(unit)}\n"
            f"frequency = {_q(frequency)}\nsource = {_q(source)}\nstatus = {_q(status)}\n"
            f"notes_en = {_q(notes_en)}\nnotes_es = {_q(notes_es)}\n{extra}")


def _labels(key: str, labels: list[tuple[str, str, str]]) -> str:
    return f"{key} = {{ " + ", ".join(f"{_q(k)} = {{ en = {_q(en)}, es = {_q(es)} }}" for k, en, es in labels) + " }\n"


SERIES_LABELS = _labels("series_labels", [
    ("exports-mx", "Exports to Mexico", "Exportaciones a México"),
    ("imports-mx", "Imports from Mexico", "Importaciones de México"),
    ("exports-ca", "Exports to Canada", "Exportaciones a Canadá"),
    ("imports-ca", "Imports from Canada", "Importaciones de Canadá")])
CAVEAT_EN = ("Exports are counted by the state where the goods began their journey to the border (origin of movement), "
             "imports by the state of the importer of record; trade recorded with no state is the category DU.")
CAVEAT_ES = ("Las exportaciones se cuentan por el estado donde las mercancías iniciaron su trayecto a la frontera (origen "
             "del movimiento) y las importaciones por el estado del importador registrado; el comercio registrado sin "
             "estado es la categoría DU.")
DU_LABEL = ("State unknown (DU)", "Estado no identificado (DU)")
US_LABEL = ("United States (sum of the states, DC and DU)", "Estados Unidos (suma de los estados, el D. C. y DU)")


#: what newer BTS files bring (core/catalog/updates: the review of an agency file; data check validates it)
def _release(last: str) -> str:
    return ("\n[dataset.release]\ncadence = \"annual\"\n"
            f"last_period = \"{last}\"\nlag_days = 60\n"
            "agency = \"U.S. DOT Bureau of Transportation Statistics (TransBorder Freight Data)\"\n"
            f"agency_es = \"{PUBLISHER_ES}\"\n"
            "page = \"https://www.bts.gov/browse-statistical-products-and-data/transborder-freight-data/transborder-freight-raw-data\"\n")


def _update_from(match: str, category: str, series: str, label_en: str, label_es: str, extra: str = "") -> str:
    return ("\n[[dataset.update_from]]\nformat = \"bts-dot1\"\n"
            f"match = {{ {match} }}\ncategory = \"{category}\"\nseries = \"{series}\"\n"
            f"annual_from_months = true\n{extra}label_en = \"{label_en}\"\nlabel_es = \"{label_es}\"\n")


UPDATES_TRADE = _release("2025") + _update_from(
    'level = ["state", "total"]', "{state}", "{flow}-{p}", "Each state's trade with Mexico and Canada (BTS dot1)",
    "Comercio de cada estado con México y Canadá (dot1 de la BTS)", "absent_is_zero = true\n")
RANKS_FROM = 'ranks_from = { dataset = "bts-state-trade", exclude = ["DU", "US"] }\n'
UPDATES_MODES = _release("2023") + _update_from(
    'level = "mode"', "{state}", "{flow}-{p}-{mode}", "Each state's trade by mode of transport (BTS dot1)",
    "Comercio de cada estado por medio de transporte (dot1 de la BTS)", "absent_is_zero = true\n")
UPDATES_DEST = _release("2023") + _update_from(
    'level = "dest", flow = "exports"', "{partner}-{dest}", "{state}",
    "Each state's exports by Mexican state and Canadian province (BTS dot1)",
    "Exportaciones de cada estado por estado de México y provincia de Canadá (dot1 de la BTS)",
    'exclude = { dest = ["OT", "XX"] }\n')
UPDATES_DEST_OTHER = _release("2023") + _update_from(
    'level = "dest", flow = "exports", dest = ["OT", "XX"]', "{partner}-{dest}", "{state}",
    "Each state's exports with no destination identified (BTS dot1 codes OT, XX)",
    "Exportaciones de cada estado sin destino identificado (códigos OT y XX del dot1 de la BTS)")


def build(raw: Path, layout: Path = LAYOUT) -> dict[str, str]:
    """{path relative to the data folder: text} of every file the script writes."""
    data = read(raw)
    trade, modes, dest = data["trade"], data["modes"], data["dest"]
    names = state_names(layout)
    state_labels = [(s, *names[s]) for s in STATES]
    files: dict[str, str] = {"sources/bts.toml": SOURCES_TOML}
    years = YEARS_OFFICIAL + YEARS_COPY

    rows, rank_rows = [], []
    for year in years:
        src, status = _source(year)
        for flow, partner in SERIES:
            key = f"{flow}-{partner}"
            national = 0
            for state in STATES + [UNKNOWN_STATE]:
                value = trade.get((state, flow, partner, year), 0)
                national += value
                rows.append((state, key, year, value, src, status, ""))
            rows.append(("US", key, year, national, src, status, "sum of the 50 states, DC and DU"))
            for state, place in rank({s: trade.get((s, flow, partner, year), 0) for s in STATES}).items():
                rank_rows.append((state, key, year, place, src, status, ""))
    rows.sort(key=lambda r: (r[2], r[1], r[0]))
    rank_rows.sort(key=lambda r: (r[2], r[1], r[0]))
    notes_en = ("Goods trade of each U.S. state with Mexico and Canada, USD (exact sums, whole dollars). 2022: the BTS "
                "annual dot1 file; 2023: the sum of the twelve BTS monthly dot1 files (official). 2024 and 2025: a "
                f"processed copy of the BTS files (secondary). {CAVEAT_EN} US is the national total (the 50 states, DC "
                "and DU).")
    notes_es = ("Comercio de bienes de cada estado de EE. UU. con México y Canadá, dólares (sumas exactas). 2022: "
                "archivo anual dot1 de la BTS; 2023: suma de los doce archivos mensuales dot1 de la BTS (oficial). 2024 "
                f"y 2025: copia procesada de los archivos de la BTS (fuente secundaria). {CAVEAT_ES} US es el total "
                "nacional (los 50 estados, el D. C. y DU).")
    trade_labels = _labels("category_labels", state_labels + [(UNKNOWN_STATE, *DU_LABEL), ("US", *US_LABEL)])
    files["datasets/bts-state-trade.csv"] = _csv(rows)
    files["datasets/bts-state-trade.toml"] = _toml(
        "U.S. states' goods trade with Mexico and Canada, 2022–2025 (BTS TransBorder)",
        "Comercio de bienes de los estados de EE. UU. con México y Canadá, 2022–2025 (TransBorder de la BTS)",
        "usd", "annual", "bts-transborder-2023", "secondary", notes_en, notes_es,
        trade_labels + SERIES_LABELS + UPDATES_TRADE)
    files["datasets/bts-state-trade-ranks.csv"] = _csv(rank_rows)
    files["datasets/bts-state-trade-ranks.toml"] = _toml(
        "Each state's rank among the 50 states and DC in goods trade with Mexico and Canada, 2022–2025",
        "Lugar de cada estado entre los 50 estados y el D. C. en comercio de bienes con México y Canadá, 2022–2025",
        "rank", "annual", "bts-transborder-2023", "secondary",
        "Computed from bts-state-trade: standard competition ranking (equal values share a rank, the next rank "
        "skips); DU and the national total are not ranked. A row's source and status are those of the year's values.",
        "Calculado a partir de bts-state-trade: clasificación estándar (valores iguales comparten lugar y el "
        "siguiente lugar se salta); DU y el total nacional no se clasifican. La fuente y el estatus de cada lugar son "
        "los de las cifras de su año.", _labels("category_labels", state_labels) + SERIES_LABELS + RANKS_FROM
        + _release("2025"))

    mode_rows = []
    for state in STATES + [UNKNOWN_STATE]:
        for flow, partner in SERIES:
            for mode in MODE_ORDER:
                value = modes.get((state, flow, partner, mode), 0)
                mode_rows.append((state, f"{flow}-{partner}-{mode}", "2023", value, "bts-transborder-2023",
                                  "official", ""))
    files["datasets/bts-state-trade-modes-2023.csv"] = _csv(mode_rows)
    mode_labels = {"truck": ("truck", "camión"), "rail": ("rail", "ferrocarril"), "air": ("air", "avión"),
                   "vessel": ("vessel", "barco"), "pipeline": ("pipeline", "ducto"),
                   "other": ("other (mail, foreign trade zones, other)", "otros (correo, zonas francas, otros)")}
    labels = []
    for flow, partner in SERIES:
        for mode in MODE_ORDER:
            f_en = "Exports to" if flow == "exports" else "Imports from"
            f_es = "Exportaciones a" if flow == "exports" else "Importaciones de"
            p_en, p_es = ("Mexico", "México") if partner == "mx" else ("Canada", "Canadá")
            labels.append((f"{flow}-{partner}-{mode}", f"{f_en} {p_en} by {mode_labels[mode][0]}",
                           f"{f_es} {p_es} por {mode_labels[mode][1]}"))
    files["datasets/bts-state-trade-modes-2023.toml"] = _toml(
        "U.S. states' goods trade with Mexico and Canada by mode of transport, 2023 (BTS TransBorder)",
        "Comercio de bienes de los estados de EE. UU. con México y Canadá por medio de transporte, 2023 (TransBorder de la BTS)",
        "usd", "annual", "bts-transborder-2023", "official",
        "Sum of the twelve BTS monthly dot1 files of 2023 by DISAGMOT: 5 truck, 6 rail, 3 air, 1 vessel, 7 pipeline; "
        "4 mail, 8 other and unknown, and 9 foreign trade zone are 'other'. A state's six modes add up to its trade "
        "in bts-state-trade. " + CAVEAT_EN,
        "Suma de los doce archivos mensuales dot1 de la BTS de 2023 por DISAGMOT: 5 camión, 6 ferrocarril, 3 avión, "
        "1 barco, 7 ducto; 4 correo, 8 otros y desconocido, y 9 zona franca son «otros». Los seis medios de un estado "
        "suman su comercio en bts-state-trade. " + CAVEAT_ES,
        _labels("category_labels", state_labels + [(UNKNOWN_STATE, *DU_LABEL)]) + _labels("series_labels", labels)
        + UPDATES_MODES)

    cats = [(f"MX-{c}", en, es) for c, (en, es) in sorted(MEXSTATE.items())]
    cats += [(f"CA-{c}", en, es) for c, (en, es) in sorted(CANPROV.items())]
    place_rows, other_rows = [], []
    for (state, partner, code), value in sorted(dest.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0])):
        note = NOT_A_PLACE.get((partner, code), "")
        (other_rows if note else place_rows).append(
            (f"{partner.upper()}-{code}", state, "2023", value, "bts-transborder-2023", "official", note))
    other_cats = {f"{p.upper()}-{c}" for p, c in NOT_A_PLACE}
    files["datasets/bts-state-export-destinations-2023.csv"] = _csv(place_rows)
    files["datasets/bts-state-export-destinations-2023.toml"] = _toml(
        "Where each U.S. state's 2023 exports went: Mexican states and Canadian provinces (BTS TransBorder)",
        "Destino de las exportaciones de 2023 de cada estado de EE. UU.: estados de México y provincias de Canadá (TransBorder de la BTS)",
        "usd", "annual", "bts-transborder-2023", "official",
        "Sum of the twelve BTS monthly dot1 files of 2023, exports, by MEXSTATE (Mexican state of the ultimate "
        "consignee) and CANPROV (Canadian province of destination); the category is the destination, the series the "
        f"U.S. state (and DU). Codes are named as in {CODES_COPY}; DF, 'Distrito Federal' there, is Mexico City. "
        "Exports with no destination identified (BTS codes OT 'State Unknown' and 'Province Unknown', and MX code XX, "
        "which the BTS list does not define) are in bts-state-export-destinations-unidentified-2023: the two datasets "
        "add up to each state's 2023 exports in bts-state-trade. " + CAVEAT_EN,
        "Suma de los doce archivos mensuales dot1 de la BTS de 2023, exportaciones, por MEXSTATE (estado mexicano del "
        "destinatario final) y CANPROV (provincia canadiense de destino); la categoría es el destino y la serie, el "
        f"estado de EE. UU. (y DU). Los códigos se nombran como en {CODES_COPY_ES}; el código DF es la Ciudad de "
        "México (la lista conserva el nombre anterior). Las exportaciones sin destino identificado (códigos OT de la "
        "BTS, «State Unknown» y «Province Unknown», y el código XX de México, que la lista de la BTS no define) están en "
        "bts-state-export-destinations-unidentified-2023: ambos conjuntos suman las exportaciones de 2023 de cada estado "
        "en bts-state-trade. " + CAVEAT_ES,
        _labels("category_labels", [c for c in cats if c[0] not in other_cats]) + UPDATES_DEST)
    files["datasets/bts-state-export-destinations-unidentified-2023.csv"] = _csv(other_rows)
    files["datasets/bts-state-export-destinations-unidentified-2023.toml"] = _toml(
        "Each U.S. state's 2023 exports with no Mexican state or Canadian province identified (BTS TransBorder)",
        "Exportaciones de 2023 de cada estado de EE. UU. sin estado de México ni provincia de Canadá identificados (TransBorder de la BTS)",
        "usd", "annual", "bts-transborder-2023", "official",
        "Sum of the twelve BTS monthly dot1 files of 2023, exports whose MEXSTATE or CANPROV names no place: MX-OT and "
        "CA-OT are the BTS codes for 'State Unknown' and 'Province Unknown'; MX-XX is a code the BTS list does not "
        f"define ({CODES_COPY}), labelled with its code and given no meaning. The category is the code, the series the "
        "U.S. state (and DU). With bts-state-export-destinations-2023 it adds up to each state's 2023 exports in "
        "bts-state-trade. " + CAVEAT_EN,
        "Suma de los doce archivos mensuales dot1 de la BTS de 2023, exportaciones cuyo MEXSTATE o CANPROV no "
        "corresponde a un lugar: MX-OT y CA-OT son los códigos de la BTS para «State Unknown» y «Province Unknown»; "
        f"MX-XX es un código que la lista de la BTS no define ({CODES_COPY_ES}), identificado por su código y sin "
        "atribuirle significado. La categoría es el código y la serie, el estado de EE. UU. (y DU). Junto con "
        "bts-state-export-destinations-2023 suma las exportaciones de 2023 de cada estado en bts-state-trade. "
        + CAVEAT_ES,
        _labels("category_labels", [c for c in cats if c[0] in other_cats]) + UPDATES_DEST_OTHER)
    return {name: spell_out_es(text) if name.endswith(".toml") else text for name, text in files.items()}


_PROSE_ES = re.compile(r'^((?:note|notes|no_date_reason|no_url_reason)_es = ")(.*)("\s*)$')
BTS_ES = "Oficina de Estadísticas de Transporte"


def spell_out_es(toml_text: str) -> str:
    """Each Spanish note names the BTS in full at its first mention ("de la Oficina de Estadísticas de
    Transporte (BTS)"), "la BTS" after, as data check's agency-names rule asks."""
    out = []
    for line in toml_text.split("\n"):
        m = _PROSE_ES.match(line)
        if m and BTS_ES not in m.group(2):
            text = re.sub(r"\bBTS\b(?!\w)", f"{BTS_ES} (BTS)", m.group(2), count=1)
            line = m.group(1) + text.replace(f"{BTS_ES} (BTS) (", f"{BTS_ES} (BTS, ") + m.group(3)
        out.append(line)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=DEFAULT_RAW, help="the reference-data raw/ folder")
    parser.add_argument("--out", type=Path, default=REPO / "data", help="the data folder to write into")
    args = parser.parse_args(argv)
    if not (args.raw / "BTS_TransBorder" / "dot1_0123.csv").is_file():
        print(f"build_state_datasets: no BTS files in {args.raw}", file=sys.stderr)
        return 2
    try:
        files = build(args.raw)
    except BuildError as exc:
        print(f"build_state_datasets: {exc}", file=sys.stderr)
        return 1
    for rel, text in files.items():
        path = args.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8", newline="")
        tmp.replace(path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
