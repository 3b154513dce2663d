"""State briefs: a briefing pack made for one U.S. state (the 50 states and DC).

What trade with Mexico and Canada means for the state, from the state datasets that
``tools/build_state_datasets.py`` builds out of the BTS TransBorder files (and USDA ERS for farm
exports): key figures (exports to each partner in the latest year with a full official figure and
in the latest year at all, the change since 2022, the rank among the states, the share that
crosses by truck and rail, the top farm exports to Mexico), a chart of the state's trade with each
partner over the years, a tile map with the state highlighted, where its exports go in Mexico and
Canada, and the national facts every delegation meeting needs.

Everything here is computed from dataset rows: no figure is typed. The facts and charts are ordinary
model objects (``Fact``, ``ChartSpec``) in a section of their own; ``state_catalog`` lays them over a
catalog and ``brief_pack`` returns an ordinary pack, each item with its copy, so the brief opens,
presents, exports and is edited like any other pack.

Public API:

    state_catalog(catalog, code) -> Catalog        the catalog with the state's facts, charts and section
    brief_pack(catalog, code, lang, national=None) -> Pack
    brief_items(catalog, code) -> (facts, charts)
    DEFAULT_NATIONAL                                the national facts a brief carries unless told otherwise
    StateBriefError                                 no data for that state (message for the user)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nap_desktop.core.catalog.model import Catalog, Fact, Section
from nap_desktop.core.catalog.states import State, resolve_state, states
from nap_desktop.core.charts.spec import PALETTE, ChartSpec, Gap, Series, weakest_status
from nap_desktop.core.formatting import format_value

if TYPE_CHECKING:
    from nap_desktop.core.pack.packfile import Pack

#: The national facts every state's meeting needs (the user can change which).
DEFAULT_NATIONAL = ("usmca-review-joint-review-2026", "usmca-trade-main-partners-2025", "usmca-trade-trilateral-20y")

#: Dataset ids written by tools/build_state_datasets.py
TRADE_DATASET = "bts-state-trade"
MODES_DATASET = "bts-state-trade-modes-2023"
DEST_DATASET = "bts-state-export-destinations-2023"
#: exports whose Mexican state or Canadian province the files do not record (codes OT, XX)
UNKNOWN_DEST_DATASET = "bts-state-export-destinations-unidentified-2023"
AG_DATASET = "ers-state-ag-exports-mexico"

PARTNERS = ("MX", "CA")
FIRST_YEAR = "2022"
SECTION_COLOR = "#1f5fa8"
SECTION_ORDER = 90
#: How many destinations per partner the destinations chart shows.
TOP_DESTINATIONS = 5
MODE_KEYS = ("truck", "rail", "air", "vessel", "pipeline", "other")

_PARTNER = {"MX": {"en": "Mexico", "es": "México"}, "CA": {"en": "Canada", "es": "Canadá"}}


class StateBriefError(ValueError):
    """A brief that cannot be made (no data for the state); the message is for the user."""


# ---------------------------------------------------------------------------------------------
# Reading the state datasets
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Figure:
    value: float
    status: str
    source: str


@dataclass
class StateFigures:
    state: State
    #: (flow "exports"/"imports", partner, year) -> Figure, USD
    trade: dict[tuple[str, str, str], Figure]
    #: (flow, partner, year) -> (rank among the 50 states and DC, tied)
    ranks: dict[tuple[str, str, str], tuple[int, bool]]
    #: exports by mode, 2023: (partner, mode) -> USD
    modes: dict[tuple[str, str], Figure]
    #: partner -> [(destination code, name en, name es, USD)], largest first
    destinations: dict[str, list[tuple[str, str, str, Figure]]]
    #: partner -> USD of 2023 exports with no destination recorded
    unknown_destination: dict[str, float]
    #: [(commodity key, label en, label es, Figure in USD million)], largest first (FY2023)
    farm: list[tuple[str, str, str, Figure]]
    #: the latest year with a full official figure, and the latest year at all
    official_year: str
    latest_year: str


def _dataset(catalog: Catalog, dataset_id: str) -> Any:
    ds = catalog.datasets.get(dataset_id)
    if ds is None:
        raise StateBriefError(f"This data version has no {dataset_id} dataset, so no state brief can be made.")
    return ds


def _usd(value: float, unit: str) -> float:
    scale = {"usd": 1.0, "usd_th": 1e3, "usd_mn": 1e6, "usd_bn": 1e9}.get(unit)
    if scale is None:
        raise StateBriefError(f"unexpected unit {unit!r} in a state dataset")
    return value * scale


def _series_key(series: str) -> tuple[str, str] | None:
    """'exports-mx' -> ('exports', 'MX')."""
    flow, _, partner = series.partition("-")
    partner = partner.upper()
    if flow in ("exports", "imports") and partner in PARTNERS:
        return flow, partner
    return None


def rank_of(values: dict[str, float], code: str) -> tuple[int, bool]:
    """Standard competition ranking (1, 2, 2, 4) of ``code`` among ``values``; (rank, tied)."""
    mine = values[code]
    rank = 1 + sum(1 for v in values.values() if v > mine)
    tied = sum(1 for v in values.values() if v == mine) > 1
    return rank, tied


def state_figures(catalog: Catalog, code: str) -> StateFigures:
    state = resolve_state(code)
    codes = {s.code for s in states()}
    trade_ds = _dataset(catalog, TRADE_DATASET)
    trade: dict[tuple[str, str, str], Figure] = {}
    by_key: dict[tuple[str, str, str], dict[str, float]] = {}
    for row in trade_ds.rows:
        key = _series_key(row.series)
        if key is None or row.value is None:
            continue
        usd = _usd(row.value, trade_ds.unit)
        if row.category in codes:
            by_key.setdefault((*key, row.period), {})[row.category] = usd
        if row.category == state.code:
            trade[(*key, row.period)] = Figure(usd, row.status, row.source)
    if not trade:
        raise StateBriefError(f"The state datasets have no rows for {state.name_en}.")
    ranks = {k: rank_of(v, state.code) for k, v in by_key.items() if state.code in v}
    years = sorted({k[2] for k in trade})
    official = [y for y in years if all(trade.get(("exports", p, y)) and trade[("exports", p, y)].status == "official"
                                        for p in PARTNERS)]
    official_year = official[-1] if official else years[-1]

    modes: dict[tuple[str, str], Figure] = {}
    modes_ds = catalog.datasets.get(MODES_DATASET)
    if modes_ds is not None:
        for row in modes_ds.rows:
            if row.category != state.code or row.value is None:
                continue
            flow, _, rest = row.series.partition("-")
            partner, _, mode = rest.partition("-")
            if flow == "exports" and partner.upper() in PARTNERS and mode in MODE_KEYS:
                modes[(partner.upper(), mode)] = Figure(_usd(row.value, modes_ds.unit), row.status, row.source)

    destinations: dict[str, list[tuple[str, str, str, Figure]]] = {p: [] for p in PARTNERS}
    dest_ds = catalog.datasets.get(DEST_DATASET)
    if dest_ds is not None:
        labels = dest_ds.category_labels
        for row in dest_ds.rows:  # category "MX-NL" (where to), series the U.S. state
            if row.value is None or row.series != state.code:
                continue
            partner, _, dest = row.category.partition("-")
            if partner not in PARTNERS:
                continue
            names = labels.get(row.category) or {}
            destinations[partner].append((dest, names.get("en", dest), names.get("es", names.get("en", dest)),
                                          Figure(_usd(row.value, dest_ds.unit), row.status, row.source)))
        for partner in PARTNERS:
            destinations[partner].sort(key=lambda d: (-d[3].value, d[0]))

    unknown_destination: dict[str, float] = {}
    unknown_ds = catalog.datasets.get(UNKNOWN_DEST_DATASET)
    if unknown_ds is not None:
        for row in unknown_ds.rows:
            if row.series == state.code and row.value is not None:
                partner = row.category.partition("-")[0]
                unknown_destination[partner] = unknown_destination.get(partner, 0.0) + _usd(row.value, unknown_ds.unit)

    farm: list[tuple[str, str, str, Figure]] = []
    ag_ds = catalog.datasets.get(AG_DATASET)
    if ag_ds is not None:
        for row in ag_ds.rows:
            if row.category == state.code and row.period == "FY2023" and row.value is not None:
                names = ag_ds.series_labels.get(row.series, {})
                farm.append((row.series, names.get("en", row.series), names.get("es", names.get("en", row.series)),
                             Figure(row.value, row.status, row.source)))
        farm.sort(key=lambda f: (-f[3].value, f[0]))
    return StateFigures(state=state, trade=trade, ranks=ranks, modes=modes, destinations=destinations,
                        unknown_destination=unknown_destination, farm=farm,
                        official_year=official_year, latest_year=years[-1])


# ---------------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------------
def money(usd: float, lang: str) -> str:
    """USD as a reader says it: billions from 1 billion up, else millions (one decimal)."""
    if abs(usd) >= 1e9:
        return format_value(usd / 1e9, "usd_bn", lang, decimals=1)
    if abs(usd) >= 1e5:
        return format_value(usd / 1e6, "usd_mn", lang, decimals=1 if abs(usd) >= 1e6 else 2)
    return format_value(round(usd), "usd", lang, decimals=0)


def _headline_unit(usd: float) -> tuple[float, str]:
    if abs(usd) >= 1e9:
        return round(usd / 1e9, 6), "usd_bn"
    return round(usd / 1e6, 6), "usd_mn"


def _decimals(value: float) -> int:
    """As ``money`` writes it: one decimal, two under 1 (0.29 million, not 0.3)."""
    return 2 if abs(value) < 1 else 1


def _pct(value: float, lang: str, signed: bool = False) -> str:
    return format_value(value, "pct_change" if signed else "pct", lang, decimals=1)


def _ordinal(rank: int, lang: str) -> str:
    if lang == "es":
        return f"{rank}.º"
    from nap_desktop.core.formatting import ordinal_en

    return ordinal_en(rank)


_ORDINAL_ES = {1: "primer", 2: "segundo", 3: "tercer", 4: "cuarto", 5: "quinto", 6: "sexto", 7: "séptimo",
               8: "octavo", 9: "noveno", 10: "décimo"}


def rank_phrase(rank: int, tied: bool, lang: str) -> str:
    """How the rank reads after a figure: 'more than any other state', 'the 5th-largest of …'."""
    if lang == "es":
        # a place: an ordinal word up to the tenth ('el segundo lugar'), its number after ('el lugar 45'); never
        # '45.º mayor' or 'noveno mayor', calques of '45th-largest' (data/glossary.toml)
        word = _ORDINAL_ES.get(rank)
        place = f"el {word} lugar" if word else f"el lugar {rank}"
        if rank == 1 and not tied:
            return "más que cualquier otro estado"
        if tied:
            return f"empatado en {place} entre los 50 estados y el D. C."
        return f"{place} entre los 50 estados y el D. C."
    if rank == 1 and not tied:
        return "more than any other state"
    if tied:
        return f"tied for {_ordinal(rank, lang)} among the 50 states and DC"
    return f"the {_ordinal(rank, lang)}-largest amount among the 50 states and DC"


def _partner(partner: str, lang: str) -> str:
    return _PARTNER[partner][lang]


def _change_phrase(new: float, old: float, year: str, lang: str) -> str:
    change = (new - old) / old * 100 if old else 0.0
    if lang == "es":
        if abs(change) < 0.05:
            return f"igual que en {year}"
        return f"{_pct(abs(change), lang)} {'más' if change > 0 else 'menos'} que en {year}"
    if abs(change) < 0.05:
        return f"the same as in {year}"
    return f"{_pct(abs(change), lang)} {'more' if change > 0 else 'less'} than in {year}"


_CAVEATS = {
    "origin": {
        "en": "Exports are credited to the state where the goods began their journey to the border (origin of "
              "movement), not necessarily where they were made or grown.",
        "es": "Las exportaciones se atribuyen al estado donde las mercancías iniciaron su trayecto a la frontera "
              "(origen del movimiento), no necesariamente donde se produjeron o cultivaron.",
    },
    "importer": {
        "en": "Imports are credited to the state of the importer of record, which overstates states where "
              "importers and customs brokers are based.",
        "es": "Las importaciones se atribuyen al estado del importador registrado, lo que sobrestima a los "
              "estados donde tienen sede importadores y agentes aduanales.",
    },
    "unknown": {
        "en": "Part of U.S. trade is recorded with no state (USD {du} of exports to Canada in {year}), so state "
              "figures are lower bounds.",
        "es": "Una parte del comercio de EE. UU. se registra sin estado ({du} de exportaciones a Canadá en {year}), "
              "por lo que las cifras estatales son cotas inferiores.",
    },
    "partial": {
        "en": "The agency's files in hand cover {official} in full; {later} come from a processed copy of the BTS "
              "files (secondary).",
        "es": "Los archivos del organismo disponibles cubren {official} completo; {later} provienen de una copia "
              "procesada de los archivos de la BTS (fuente secundaria).",
    },
}

#: The short footnote a handout and a slide carry (the full caveats are in the notes).
FOOTNOTE = {
    "en": "State of origin of movement for exports, of the importer of record for imports; trade with no "
          "state recorded is left out. {later}: secondary (processed copy of BTS files).",
    "es": "Exportaciones por estado de origen del movimiento; importaciones por estado del importador "
          "registrado; se omite el comercio sin estado. {later}: fuente secundaria (copia procesada de la BTS).",
}


def caveats(fig: StateFigures, catalog: Catalog, lang: str) -> list[str]:
    """Every caveat that changes how a state figure reads (the notes carry them whole)."""
    out = [_CAVEATS["origin"][lang], _CAVEATS["importer"][lang]]
    du = _du(catalog, "exports", "CA", fig.official_year)
    if du is not None:
        out.append(_CAVEATS["unknown"][lang].format(du=money(du, lang).removeprefix("USD "), year=fig.official_year)
                   if lang == "en" else _CAVEATS["unknown"][lang].format(du=money(du, lang), year=fig.official_year))
    later = _later_years(fig)
    if later:
        out.append(_CAVEATS["partial"][lang].format(official=fig.official_year, later=_years_text(later, lang)))
    return out


def _later_years(fig: StateFigures) -> list[str]:
    return sorted({k[2] for k, f in fig.trade.items() if f.status != "official"})


def _years_text(years: list[str], lang: str) -> str:
    if len(years) == 1:
        return years[0]
    joiner = " y " if lang == "es" else " and "
    return ", ".join(years[:-1]) + joiner + years[-1]


def _du(catalog: Catalog, flow: str, partner: str, year: str) -> float | None:
    ds = catalog.datasets.get(TRADE_DATASET)
    if ds is None:
        return None
    row = ds.row_index().get(("DU", f"{flow}-{partner.lower()}", year))
    return _usd(row.value, ds.unit) if row is not None and row.value is not None else None


def footnote(fig: StateFigures, lang: str) -> str:
    later = _later_years(fig)
    text = FOOTNOTE[lang].format(later=_years_text(later, lang) if later else "")
    if not later:
        text = text.rsplit(". ", 1)[0] + "."
    return text


# ---------------------------------------------------------------------------------------------
# The brief's facts and charts
# ---------------------------------------------------------------------------------------------
def section_id(code: str) -> str:
    return f"state-{code.lower()}"


def _fid(code: str, name: str) -> str:
    return f"state-{code.lower()}-{name}"


def _name(fig: StateFigures, lang: str) -> str:
    return fig.state.name_es if lang == "es" else fig.state.name_en


def _sources(*figures: Figure | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.source for f in figures if f is not None and f.source))


def _fact(fig: StateFigures, name: str, *, value: float | None, unit: str, period: str, title: dict[str, str],
          text: dict[str, str], sources: tuple[str, ...], note: dict[str, str], label: dict[str, str] | None = None,
          countries: tuple[str, ...] = ("US", "MX", "CA"), chart: str | None = None, decimals: int | None = 1) -> Fact:
    label = label or {"en": "", "es": ""}
    return Fact(id=_fid(fig.state.code, name), section=section_id(fig.state.code), topic="state-trade",
                countries=countries, value=value, unit=unit, period=period, text_en=text["en"], text_es=text["es"],
                sources=sources, title_en=title["en"], title_es=title["es"],
                decimals=(_decimals(value) if unit in ("usd_bn", "usd_mn") else decimals) if value is not None else None, label_en=label["en"], label_es=label["es"], note_en=note["en"], note_es=note["es"],
                chart=chart, origin="bundled")


def _both(fn: Any) -> dict[str, str]:
    return {lang: fn(lang) for lang in ("en", "es")}


def _export_fact(fig: StateFigures, catalog: Catalog, partner: str, notes: dict[str, str]) -> Fact | None:
    year = fig.official_year
    exp = fig.trade.get(("exports", partner, year))
    if exp is None:
        return None
    imp = fig.trade.get(("imports", partner, year))
    rank, tied = fig.ranks.get(("exports", partner, year), (0, False))

    def title(lang: str) -> str:
        n, p, m = _name(fig, lang), _partner(partner, lang), money(exp.value, lang)
        if lang == "es":
            return f"{n} envió a {p} bienes por {m} en {year}, {rank_phrase(rank, tied, lang)}"
        return f"{n} sent {m} of goods to {p} in {year}, {rank_phrase(rank, tied, lang)}"

    def text(lang: str) -> str:
        n, p, m = _name(fig, lang), _partner(partner, lang), money(exp.value, lang)
        if lang == "es":
            out = (f"En {year}, {n} envió a {p} bienes por {m}: {_ordinal(rank, lang)} lugar entre los 50 estados y "
                   f"el Distrito de Columbia{' (empate)' if tied else ''}.")
            if imp is not None:
                out += f" Ese año recibió de {p} bienes por {money(imp.value, lang)}."
            return out
        out = (f"In {year}, {n} shipped {m} of goods to {p}, {_ordinal(rank, lang)} of the 50 states and DC"
               f"{' (tied)' if tied else ''}.")
        if imp is not None:
            out += f" It received {money(imp.value, lang)} of goods from {p} that year."
        return out

    value, unit = _headline_unit(exp.value)
    return _fact(fig, f"exports-{partner.lower()}", value=value, unit=unit, period=year, title=_both(title),
                 text=_both(text), sources=_sources(exp, imp), note=notes,
                 countries=("US", partner))


def _latest_fact(fig: StateFigures, partner: str, notes: dict[str, str]) -> Fact | None:
    year = fig.latest_year
    if year == fig.official_year:
        return None
    exp = fig.trade.get(("exports", partner, year))
    base = fig.trade.get(("exports", partner, FIRST_YEAR))
    if exp is None:
        return None

    def title(lang: str) -> str:
        p, m = _partner(partner, lang), money(exp.value, lang)
        change = f", {_change_phrase(exp.value, base.value, FIRST_YEAR, lang)}" if base else ""
        if lang == "es":
            return f"En {year}, las exportaciones de {_name(fig, lang)} a {p} sumaron {m}{change}"
        return f"Exports from {_name(fig, lang)} to {p} were {m} in {year}{change}"

    def text(lang: str) -> str:
        p, m, n = _partner(partner, lang), money(exp.value, lang), _name(fig, lang)
        if lang == "es":
            out = f"En {year}, {n} exportó a {p} bienes por {m}"
            if base:
                out += f", frente a {money(base.value, lang)} en {FIRST_YEAR}"
            return out + " (copia procesada de los archivos de la BTS: fuente secundaria)."
        out = f"In {year}, {n} exported {m} of goods to {p}"
        if base:
            out += f", against {money(base.value, lang)} in {FIRST_YEAR}"
        return out + " (a processed copy of the BTS files: a secondary source)."

    value, unit = _headline_unit(exp.value)
    return _fact(fig, f"exports-{partner.lower()}-latest", value=value, unit=unit, period=year, title=_both(title),
                 text=_both(text), sources=_sources(exp, base), note=notes,
                 countries=("US", partner))


def _modes_fact(fig: StateFigures, notes: dict[str, str]) -> Fact | None:
    total = sum(f.value for f in fig.modes.values())
    if not total:
        return None
    truck = sum(f.value for (p, m), f in fig.modes.items() if m == "truck")
    rail = sum(f.value for (p, m), f in fig.modes.items() if m == "rail")
    share = (truck + rail) / total * 100
    year = "2023"

    def title(lang: str) -> str:
        if lang == "es":
            return (f"{_pct(share, lang)} de lo que {_name(fig, lang)} exportó a México y Canadá en {year} "
                    f"cruzó por camión o tren")
        return f"{_pct(share, lang)} of what {_name(fig, lang)} exported to Mexico and Canada in {year} crossed by truck or rail"

    def text(lang: str) -> str:
        t, r = _pct(truck / total * 100, lang), _pct(rail / total * 100, lang)
        if lang == "es":
            return (f"De los {money(total, lang)} que {_name(fig, lang)} exportó a México y Canadá en {year}, "
                    f"{t} viajó por camión y {r} por tren; el resto, por barco, avión, ducto y otros medios.")
        return (f"Of the {money(total, lang)} that {_name(fig, lang)} exported to Mexico and Canada in {year}, "
                f"{t} went by truck and {r} by rail; the rest by vessel, air, pipeline and other modes.")

    return _fact(fig, "modes", value=round(share, 6), unit="pct", period=year, title=_both(title), text=_both(text),
                 sources=_sources(*fig.modes.values()), note=notes,
                 label=_both(lambda lang: "por camión o tren" if lang == "es" else "by truck or rail"))


def _farm_fact(fig: StateFigures, catalog: Catalog) -> Fact:
    period = "FY2023"
    ag = catalog.datasets.get(AG_DATASET)
    source = ag.source if ag is not None else ""
    notes = {"en": ag.notes_en if ag else "", "es": ag.notes_es if ag else ""}
    if not fig.farm:
        def none_title(lang: str) -> str:
            if lang == "es":
                return f"El ERS no registra a México entre los cinco principales destinos agropecuarios de {_name(fig, lang)}"
            return f"USDA ERS lists no Mexico row among the top farm exports of {_name(fig, lang)}"
        return _fact(fig, "farm-mx", value=None, unit="none", period=period, title=_both(none_title),
                     text=_both(lambda lang: none_title(lang) + (" (año fiscal 2023)." if lang == "es" else
                                                                 " (fiscal year 2023).")),
                     sources=(source,) if source else (), note=notes, countries=("US", "MX"))
    key, en, es, top = fig.farm[0]
    rest = fig.farm[1:4]

    def title(lang: str) -> str:
        label = es if lang == "es" else en
        if lang == "es":
            return f"{label}: la mayor exportación agropecuaria de {_name(fig, lang)} a México, {money(top.value * 1e6, lang)}"
        return f"{label} led the farm exports of {_name(fig, lang)} to Mexico: {money(top.value * 1e6, lang)}"

    def text(lang: str) -> str:
        label = es if lang == "es" else en
        items = [f"{(r_es if lang == 'es' else r_en).lower()} ({money(f.value * 1e6, lang)})" for _, r_en, r_es, f in rest]
        if lang == "es":
            out = (f"En el año fiscal 2023, la mayor exportación agropecuaria de {_name(fig, lang)} a México que publica "
                   f"el ERS del USDA fue {label.lower()}, con {money(top.value * 1e6, lang)}")
            return out + (f"; le siguieron {_years_text(items, lang)}." if items else ".")
        out = (f"In fiscal year 2023, {label.lower()} led the farm exports of {_name(fig, lang)} to Mexico that "
               f"USDA ERS publishes, at {money(top.value * 1e6, lang)}")
        return out + (f"; next came {_years_text(items, lang)}." if items else ".")

    value, unit = _headline_unit(top.value * 1e6)
    return _fact(fig, "farm-mx", value=value, unit=unit, period=period, title=_both(title), text=_both(text),
                 sources=_sources(top, *(f for *_, f in rest)), note=notes, countries=("US", "MX"))


_SERIES_COLORS = {("exports", "MX"): PALETTE["blue"], ("imports", "MX"): PALETTE["sky"],
                  ("exports", "CA"): PALETTE["vermillion"], ("imports", "CA"): PALETTE["orange"]}
_FLOW = {"exports": {"en": "Exports to {p}", "es": "Exportaciones a {p}"},
         "imports": {"en": "Imports from {p}", "es": "Importaciones de {p}"}}


def _trade_chart(fig: StateFigures, facts: list[Fact], notes: dict[str, str]) -> ChartSpec:
    code = fig.state.code
    years = sorted({k[2] for k in fig.trade})
    series, gaps, used = [], [], []
    for partner in PARTNERS:
        for flow in ("exports", "imports"):
            values = []
            for year in years:
                f = fig.trade.get((flow, partner, year))
                values.append(round(f.value / 1e9, 6) if f else None)
                if f:
                    used.append(f)
                else:
                    gaps.append(Gap(year, f"{flow}-{partner.lower()}", "No BTS figure for this year",
                                    "Sin cifra de la BTS para este año"))
            labels = {lang: _FLOW[flow][lang].format(p=_partner(partner, lang)) for lang in ("en", "es")}
            series.append(Series(f"{flow}-{partner.lower()}", labels["en"], labels["es"],
                                 _SERIES_COLORS[(flow, partner)], tuple(values)))
    first, last = years[0], years[-1]

    def title(lang: str) -> str:
        parts = []
        for partner in PARTNERS:
            a, b = fig.trade.get(("exports", partner, first)), fig.trade.get(("exports", partner, last))
            if a and b and a.value:
                change = (b.value - a.value) / a.value * 100
                p = _partner(partner, lang)
                if lang == "es":
                    verb = "subieron" if change > 0 else "bajaron"
                    parts.append(f"a {p} {verb} {_pct(abs(change), lang)}")
                else:
                    verb = "rose" if change > 0 else "fell"
                    parts.append(f"to {p} {verb} {_pct(abs(change), lang)}")
        if lang == "es":
            return f"Las exportaciones de {_name(fig, lang)} " + " y ".join(parts) + f", {first}–{last}"
        return f"Exports from {_name(fig, lang)} " + " and ".join(parts) + f", {first}–{last}"

    def imports_message(lang: str) -> str:
        mx, ca = fig.trade.get(("imports", "MX", last)), fig.trade.get(("imports", "CA", last))
        if not (mx and ca):
            return ""
        if lang == "es":
            return (f"En {last}, {_name(fig, lang)} recibió bienes por {money(mx.value, lang)} de México y por "
                    f"{money(ca.value, lang)} de Canadá")
        return f"In {last}, {_name(fig, lang)} took in {money(mx.value, lang)} of goods from Mexico and {money(ca.value, lang)} from Canada"

    later = _later_years(fig)
    sub = {"en": "Goods trade with each partner by year, USD billion",
           "es": "Comercio de bienes con cada socio por año, miles de millones de dólares"}
    if later:
        sub["en"] += f"; {_years_text(later, 'en')} from a processed copy of the BTS files"
        sub["es"] += f"; {_years_text(later, 'es')} de una copia procesada de los archivos de la BTS"
    return ChartSpec(
        id=_fid(code, "trade"), kind="line", dataset=TRADE_DATASET, title_en=title("en"), title_es=title("es"),
        categories=tuple(years), category_labels_en=tuple(years), category_labels_es=tuple(years),
        series=tuple(series), unit="usd_bn", decimals=1, subtitle_en=sub["en"], subtitle_es=sub["es"],
        message_en=imports_message("en"), message_es=imports_message("es"),
        sources=_sources(*used), status=weakest_status([f.status for f in used]),
        notes_en=notes["en"], notes_es=notes["es"],
        gaps=tuple(gaps), facts=tuple(f.id for f in facts[:1]), origin="bundled",
        extra={"footnote": {lang: footnote(fig, lang) for lang in ("en", "es")}})


#: Export bands of the tile map (USD billion), largest first.
_BANDS = ((20.0, {"en": "USD 20 billion or more", "es": "20 mil millones de dólares o más"}, "#08519C"),
          (5.0, {"en": "USD 5–20 billion", "es": "5 a 20 mil millones de dólares"}, "#4292C6"),
          (1.0, {"en": "USD 1–5 billion", "es": "1 a 5 mil millones de dólares"}, "#9ECAE1"),
          (0.0, {"en": "Under USD 1 billion", "es": "Menos de mil millones de dólares"}, "#DEEBF7"))
HIGHLIGHT_COLOR = PALETTE["orange"]


def map_partner(fig: StateFigures) -> str:
    """The partner the tile map ranks by: the one this state exports more to."""
    year = fig.official_year
    mx = fig.trade.get(("exports", "MX", year))
    ca = fig.trade.get(("exports", "CA", year))
    return "CA" if (ca and (not mx or ca.value > mx.value)) else "MX"


def _tile_map(fig: StateFigures, catalog: Catalog, facts: list[Fact]) -> ChartSpec:

    code, year, partner = fig.state.code, fig.official_year, map_partner(fig)
    ds = _dataset(catalog, TRADE_DATASET)
    everyone = states()
    positions = {s.code: [s.row, s.col] for s in everyone}
    order = sorted(everyone, key=lambda s: (s.row, s.col))
    index = ds.row_index()
    values, classes, used_status, used_sources = [], {}, [], []
    for s in order:
        row = index.get((s.code, f"exports-{partner.lower()}", year))
        v = round(_usd(row.value, ds.unit) / 1e9, 6) if row is not None and row.value is not None else None
        values.append(v)
        if row is not None:
            used_status.append(row.status)
            used_sources.append(row.source)
        if s.code == code:
            classes[s.code] = "this"
        elif v is None:
            classes[s.code] = "none"
        else:
            classes[s.code] = next(f"band{i}" for i, (low, _, _) in enumerate(_BANDS) if v >= low)
    class_labels = {"this": {"en": fig.state.name_en, "es": fig.state.name_es}}
    class_colors = {"this": HIGHLIGHT_COLOR}
    for i, (_, label, color) in enumerate(_BANDS):
        class_labels[f"band{i}"] = label
        class_colors[f"band{i}"] = color
    rank, tied = fig.ranks.get(("exports", partner, year), (0, False))

    def title(lang: str) -> str:
        p = _partner(partner, lang)
        if lang == "es":
            place = "el primer lugar" if rank == 1 and not tied else f"el {_ordinal(rank, lang)} lugar" + (
                " (empate)" if tied else "")
            return f"{_name(fig, lang)} ocupa {place} entre los estados en exportaciones a {p}, {year}"
        place = "first" if rank == 1 and not tied else _ordinal(rank, lang) + (" (tied)" if tied else "")
        return f"{_name(fig, lang)} ranks {place} among the states in exports to {p}, {year}"

    ranked = sorted(((v, s.code) for v, s in zip(values, order) if v is not None), reverse=True)

    def map_message(lang: str) -> str:
        if len(ranked) < 2:
            return ""
        names = {s.code: s.name(lang) for s in order}
        mine = next(v for v, c in ranked if c == code) if any(c == code for _, c in ranked) else None
        (v1, c1), (v2, c2) = ranked[0], ranked[1]
        def bn(v: float) -> str:
            return money(v * 1e9, lang)
        if c1 == code:
            return (f"{names[c1]} encabeza con {bn(v1)}; le sigue {names[c2]} con {bn(v2)}" if lang == "es" else
                    f"{names[c1]} leads with {bn(v1)}, ahead of {names[c2]} with {bn(v2)}")
        if mine is None:
            return ""
        return (f"{names[code]}: {bn(mine)}; {names[c1]} encabeza con {bn(v1)}" if lang == "es" else
                f"{names[code]}: {bn(mine)}; {names[c1]} leads with {bn(v1)}")

    sub = {"en": f"Goods exports to {_partner(partner, 'en')} by state of origin of movement, {year}, USD billion",
           "es": f"Exportaciones de bienes a {_partner(partner, 'es')} por estado de origen del movimiento, {year}, "
                 f"miles de millones de dólares"}
    label = {lang: _FLOW["exports"][lang].format(p=_partner(partner, lang)) for lang in ("en", "es")}
    return ChartSpec(
        id=_fid(code, "map"), kind="tilemap", dataset=TRADE_DATASET, title_en=title("en"), title_es=title("es"),
        categories=tuple(s.code for s in order), category_labels_en=tuple(s.name_en for s in order),
        category_labels_es=tuple(s.name_es for s in order),
        series=(Series(f"exports-{partner.lower()}", label["en"], label["es"], PALETTE["blue"], tuple(values)),),
        unit="usd_bn", decimals=1, subtitle_en=sub["en"], subtitle_es=sub["es"], message_en=map_message("en"),
        message_es=map_message("es"), sources=tuple(dict.fromkeys(used_sources)), status=weakest_status(used_status),
        notes_en=_CAVEATS["origin"]["en"], notes_es=_CAVEATS["origin"]["es"], highlight=(code,),
        category_colors=tuple(class_colors.get(classes[s.code], "#FFFFFF") for s in order),
        facts=tuple(f.id for f in facts[:1]),
        extra={"positions": positions, "classes": classes, "class_labels": class_labels,
               "class_colors": class_colors, "highlight": code})


def _destinations_chart(fig: StateFigures, facts: list[Fact]) -> ChartSpec | None:
    code, year = fig.state.code, "2023"
    cats, en, es, values, colors, used = [], [], [], [], [], []
    shares = {}
    for partner in PARTNERS:
        rows = fig.destinations.get(partner, [])
        total = fig.trade.get(("exports", partner, year))
        for dest, name_en, name_es, f in rows[:TOP_DESTINATIONS]:
            cats.append(f"{partner}-{dest}")
            en.append(name_en)
            es.append(name_es)
            values.append(round(f.value / 1e9, 6))
            colors.append(_SERIES_COLORS[("exports", partner)])
            used.append(f)
        if rows and total and total.value:
            shares[partner] = (rows[0], rows[0][3].value / total.value * 100)
    if not cats:
        return None

    def title(lang: str) -> str:
        parts = []
        for partner, ((dest, n_en, n_es, _), share) in shares.items():
            name = n_es if lang == "es" else n_en
            if lang == "es":
                parts.append(f"{name} recibió {_pct(share, lang)} de lo enviado a {_partner(partner, lang)}")
            else:
                parts.append(f"{name} took {_pct(share, lang)} of exports to {_partner(partner, lang)}")
        return f"{_name(fig, lang)}: " + "; ".join(parts) + f", {year}"

    def dest_message(lang: str) -> str:
        parts = []
        for partner in PARTNERS:
            top = [(d[2] if lang == "es" else d[1]) for d in fig.destinations.get(partner, [])[:3]]
            if top:
                p = _partner(partner, lang)
                parts.append((f"en {p}: " if lang == "es" else f"in {p}: ") + _years_text(top, lang))
        if not parts:
            return ""
        head = "Principales destinos " if lang == "es" else "Largest destinations "
        return head + "; ".join(parts)

    # how much of the state's exports the files give no destination for: it changes how the bars read
    unknown = {}
    for partner in PARTNERS:
        total = fig.trade.get(("exports", partner, year))
        if total and total.value and fig.unknown_destination.get(partner):
            unknown[partner] = fig.unknown_destination[partner] / total.value * 100
    unknown_text = {}
    for lang in ("en", "es"):
        if lang == "es":
            parts = [f"{_pct(v, lang)} de lo exportado a {_partner(p, lang)}" for p, v in unknown.items() if v >= 0.05]
            unknown_text[lang] = ("; " + " y ".join(parts) + (" no tiene" if len(parts) == 1 else " no tienen")
                                  + " destino registrado") if parts else ""
        else:
            parts = [f"{_pct(v, lang)} of exports to {_partner(p, lang)}" for p, v in unknown.items() if v >= 0.05]
            unknown_text[lang] = ("; " + " and ".join(parts) + (" has" if len(parts) == 1 else " have")
                                  + " no destination recorded") if parts else ""

    series = Series("exports", "Exports, 2023", "Exportaciones, 2023", PALETTE["blue"], tuple(values))
    return ChartSpec(
        id=_fid(code, "destinations"), kind="bar", dataset=DEST_DATASET, title_en=title("en"), title_es=title("es"),
        categories=tuple(cats), category_labels_en=tuple(en), category_labels_es=tuple(es), series=(series,),
        unit="usd_bn", decimals=1,
        subtitle_en=f"Largest destinations of goods exports from {fig.state.name_en}: Mexican states and Canadian "
                    f"provinces, {year}, USD billion" + unknown_text["en"],
        subtitle_es=f"Principales destinos de las exportaciones de bienes de {fig.state.name_es}: estados de México y "
                    f"provincias de Canadá, {year}, miles de millones de dólares" + unknown_text["es"],
        message_en=dest_message("en"), message_es=dest_message("es"), sources=_sources(*used),
        status=weakest_status([f.status for f in used]),
        notes_en=_CAVEATS["origin"]["en"], notes_es=_CAVEATS["origin"]["es"], category_colors=tuple(colors),
        facts=tuple(f.id for f in facts[:1]))


def brief_items(catalog: Catalog, code: str) -> tuple[list[Fact], list[ChartSpec], Section, StateFigures]:
    """The state's facts and charts, computed from the state datasets."""
    fig = state_figures(catalog, code)
    notes = {lang: " ".join(caveats(fig, catalog, lang)) for lang in ("en", "es")}
    facts = [f for f in (
        _export_fact(fig, catalog, "MX", notes), _export_fact(fig, catalog, "CA", notes),
        _latest_fact(fig, "MX", notes), _latest_fact(fig, "CA", notes),
        _modes_fact(fig, notes), _farm_fact(fig, catalog)) if f is not None]
    if map_partner(fig) == "CA" and len(facts) >= 2 and facts[1].id.endswith("exports-ca"):
        facts[0], facts[1] = facts[1], facts[0]  # lead with the partner the state sends more to
    charts = [c for c in (_trade_chart(fig, facts, notes), _tile_map(fig, catalog, facts), _destinations_chart(fig, facts))
              if c is not None]
    section = Section(id=section_id(fig.state.code), title_en=fig.state.name_en, title_es=fig.state.name_es,
                      order=SECTION_ORDER, color=SECTION_COLOR)
    return facts, charts, section, fig


def state_catalog(catalog: Catalog, code: str) -> Catalog:
    """``catalog`` with the state's section, facts and charts added (nothing of the catalog changes)."""
    facts, charts, section, _ = brief_items(catalog, code)
    return _with(catalog, facts, charts, section)


def _with(catalog: Catalog, facts: list[Fact], charts: list[ChartSpec], section: Section) -> Catalog:
    known = {f.id for f in facts}
    return Catalog(version=catalog.version,
                   sections=tuple(s for s in catalog.sections if s.id != section.id) + (section,),
                   sources=catalog.sources,
                   facts=tuple(f for f in catalog.facts if f.id not in known) + tuple(facts),
                   datasets=catalog.datasets,
                   charts={**catalog.charts, **{c.id: c for c in charts}})


def brief_footnote(pack: Pack, catalog: Catalog, lang: str) -> str:
    """The short footnote of a state brief's handout, from the pack's own trade chart (its copy carries it)."""
    state = getattr(pack, "state", "")
    spec = catalog.charts.get(_fid(state, "trade")) if state else None
    note = (spec.extra or {}).get("footnote", {}) if spec is not None else {}
    return str(note.get(lang, "")) if isinstance(note, dict) else ""


def brief_title(fig: StateFigures, facts: list[Fact], lang: str) -> str:
    return facts[0].title(lang) if facts else _name(fig, lang)


def _default_audience(state: State, lang: str) -> str:
    return {"en": f"The {state.name_en} delegation", "es": f"Delegación de {state.name_es}"}[lang]


def in_language(pack: Pack, catalog: Catalog, lang: str) -> Pack:
    """A state brief as exported in ``lang``: the title and audience the app wrote (its first figure's
    sentence, "The Texas delegation") in that language; whatever the user wrote stays as written. (A brief
    made in English and exported in Spanish had an English cover, footer and document title.)"""
    if not getattr(pack, "state", "") or lang not in ("en", "es"):
        return pack
    import dataclasses

    changes: dict[str, str] = {}
    first = next((i for i in pack.items if i.kind == "fact"), None)
    fact = catalog.fact(first.ref) if first is not None else None
    if fact is not None and pack.title.strip() and pack.title.strip() in {fact.title(x).strip() for x in ("en", "es")}:
        changes["title"] = fact.title(lang)
    try:
        state = resolve_state(pack.state)
    except Exception:  # noqa: BLE001 - a state these datasets lack: the texts stay as written
        state = None
    if state is not None and pack.audience.strip() in {_default_audience(state, x) for x in ("en", "es")}:
        changes["audience"] = _default_audience(state, lang)
    return dataclasses.replace(pack, **changes) if changes else pack


def brief_pack(catalog: Catalog, code: str, lang: str = "en", national: tuple[str, ...] | list[str] | None = None,
               *, audience: str = "", organisation: str = "", meeting_date: str = "") -> Pack:
    """The state's brief as an ordinary pack: each item carries its copy (it opens anywhere)."""
    from nap_desktop.core.pack.packfile import Pack, PackItem
    from nap_desktop.core.pack.snapshot import with_copies

    facts, charts, section, fig = brief_items(catalog, code)
    full = _with(catalog, facts, charts, section)
    national = DEFAULT_NATIONAL if national is None else tuple(national)
    unknown = [n for n in national if catalog.fact(n) is None]
    if unknown:
        raise StateBriefError("Not in the catalog: " + ", ".join(unknown))
    items = [PackItem(kind="fact", ref=f.id, uid=f"fact:{f.id}") for f in facts]
    items += [PackItem(kind="chart", ref=c.id, uid=f"chart:{c.id}") for c in charts]
    items += [PackItem(kind="fact", ref=n, uid=f"fact:{n}") for n in national]
    if not audience:
        audience = _default_audience(fig.state, lang)
    pack = Pack(title=brief_title(fig, facts, lang), audience=audience, meeting_date=meeting_date, lang=lang,
                items=tuple(items), organisation=organisation, state=fig.state.code)
    return with_copies(pack, full)
