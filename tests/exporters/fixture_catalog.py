"""A small, frozen catalog for export tests: one chart of every kind, so goldens do not move when data/ grows.

The figures are the report's own (The North American Project, April 2026) or verbatim rows of
../shared/reference-data (ERS state trade, USMCA Art. 34.7 timeline); nothing is made up.
"""

from __future__ import annotations

from nap_desktop.core.charts.spec import PALETTE, ChartSpec, Gap, Series
from nap_desktop.core.catalog.model import Catalog, Fact, Section, Source
from nap_desktop.core.pack.packfile import Pack, PackItem

SOURCES = {
    "nap-2026": Source("nap-2026", "México, ¿cómo vamos? and U.S.-Mexico Foundation",
                       "The North American Project, April 2026 update", "report",
                       url="https://mexicocomovamos.mx/", date="2026-04"),
    "census": Source("census", "U.S. Census Bureau", "U.S. International Trade in Goods and Services", "report",
                     url="https://www.census.gov/foreign-trade/", date="2026"),
    "imf-weo": Source("imf-weo", "IMF", "World Economic Outlook, October 2025", "report",
                      url="https://www.imf.org/en/Publications/WEO", date="2025-10"),
    "oica": Source("oica", "OICA", "Production statistics", "report", url="https://www.oica.net/", date="2025"),
    "usda-ers": Source("usda-ers", "USDA ERS", "State Agricultural Trade Data", "official",
                       url="https://www.ers.usda.gov/data-products/state-agricultural-trade-data", date="2024-09"),
    "ielp": Source("ielp", "IELP blog", "How exactly will the new NAFTA's sunset clause work?", "secondary",
                   url="https://ielp.worldtradelaw.net/2018/12/how-exactly-will-the-new-naftas-sunset-clause-work.html",
                   date="2018-12"),
}

SECTIONS = (
    Section("usmca", "USMCA fast facts", "Datos clave del T-MEC", 1, "#1f5fa8"),
    Section("food", "Food security in North America", "Seguridad alimentaria en América del Norte", 2, "#2e8b57"),
    Section("autos", "The auto industry", "La industria automotriz", 4, "#8e3b8e"),
    Section("technology", "Advanced technology", "Tecnología avanzada", 5, "#444444"),
)

LONGEST_ES = ("Del total de frutas y hortalizas frescas disponibles en Estados Unidos, una proporción creciente "
              "proviene de importaciones: en 2023, casi 60% de la fruta fresca y 35% de las hortalizas frescas "
              "disponibles en el mercado estadounidense se importaron, lo que subraya el papel crítico del comercio "
              "en la seguridad alimentaria de la región y la importancia de mantener abiertas las cadenas de "
              "suministro de América del Norte ante la revisión conjunta del T-MEC.")

FACTS = (
    Fact("trade-trilateral", "usmca", "trade", ("US", "MX", "CA"), 1.6, "usd_tn", "2025",
         "In the last 20 years, trilateral trade in goods increased from USD 803 billion to more than USD 1.6 trillion annually.",
         "En los últimos 20 años, el comercio trilateral de bienes pasó de 803 mil millones de dólares a más de 1.6 billones de dólares al año.",
         ("census", "nap-2026"), qualifier="more_than", chart="trade-line"),
    Fact("gdp-share", "usmca", "gdp", ("US", "MX", "CA"), 30, "pct", "2025",
         "In 2025, the United States, Mexico and Canada together accounted for about 30% of global GDP.",
         "En 2025, Estados Unidos, México y Canadá representaron en conjunto alrededor de 30% del PIB mundial.",
         ("imf-weo", "nap-2026"), qualifier="about", label_en="of world GDP", label_es="del PIB mundial",
         chart="gdp-column"),
    Fact("fresh-imports", "food", "food", ("US", "MX"), 60, "pct", "2023",
         "By 2023 nearly 60% of fresh fruit and 35% of fresh vegetable availability in the U.S. came from imports.",
         LONGEST_ES, ("nap-2026",), qualifier="nearly", chart="produce-grouped",
         note_en="USDA figures as cited by the report.", note_es="Cifras del USDA citadas por el informe."),
    Fact("auto-production", "autos", "autos", ("US", "MX", "CA"), -3, "pct", "3Q2025 vs 3Q2024",
         "The region recorded a 3% decline in motor vehicle production as of 3Q2025 compared with 3Q2024.",
         "La región registró una caída de 3% en la producción de vehículos al 3T2025 frente al 3T2024.",
         ("oica", "nap-2026"), chart="auto-diverging"),
    Fact("transport-share", "autos", "autos", ("MX",), 32.3, "pct", "2025",
         "Mexico provided 32.3% of U.S. transportation equipment imports in 2025; Canada followed with 14%.",
         "México aportó 32.3% de las importaciones de equipo de transporte de Estados Unidos en 2025; le siguió Canadá con 14%.",
         ("census", "nap-2026"), chart="transport-share"),
    Fact("atp-deficit", "technology", "technology", ("US",), 414.6, "usd_bn", "2025",
         "The U.S. trade deficit in Advanced Technology Products reached USD 414.6 billion in 2025.",
         "El déficit comercial de Estados Unidos en Productos de Tecnología Avanzada alcanzó 414.6 mil millones de dólares en 2025.",
         ("census", "nap-2026"), chart="atp-bar"),
    Fact("joint-review", "usmca", "rules", ("US", "MX", "CA"), None, "date", "2026-07-01",
         "The first USMCA joint review is scheduled for July 1, 2026.",
         "La primera revisión conjunta del T-MEC está programada para el 1 de julio de 2026.",
         ("ielp", "nap-2026"), chart="usmca-timeline"),
)


def _labels(*pairs: tuple[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)


def _chart(**kw) -> ChartSpec:
    return ChartSpec(**kw)


def _charts() -> dict[str, ChartSpec]:
    charts: list[ChartSpec] = []
    charts.append(_chart(
        id="trade-line", kind="line", dataset="trilateral", title_en="Trilateral goods trade",
        title_es="Comercio trilateral de bienes", categories=("2005", "2015", "2025"),
        category_labels_en=("2005", "2015", "2025"), category_labels_es=("2005", "2015", "2025"),
        series=(Series("trade", "Goods trade", "Comercio de bienes", PALETTE["blue"], (803.0, None, 1600.0)),),
        unit="usd_bn", decimals=0, x_title_en="Year", x_title_es="Año", sources=("census", "nap-2026"),
        gaps=(Gap("2015", "trade", "the report does not state 2015", "el informe no da el dato de 2015"),),
        facts=("trade-trilateral",)))
    cats = _labels(("North America", "América del Norte"), ("European Union", "Unión Europea"),
                   ("China", "China"), ("Latin America and the Caribbean", "América Latina y el Caribe"))
    charts.append(_chart(
        id="gdp-column", kind="column", dataset="gdp", title_en="Share of world GDP, 2025",
        title_es="Participación en el PIB mundial, 2025", categories=("na", "eu", "cn", "lac"),
        category_labels_en=cats[0], category_labels_es=cats[1],
        series=(Series("share", "Share of world GDP", "Participación en el PIB mundial", PALETTE["blue"],
                       (30.0, 18.0, 17.0, 6.0)),),
        unit="pct", decimals=0, sources=("imf-weo", "nap-2026"), highlight=("na",),
        category_colors=(PALETTE["blue"], PALETTE["grey"], PALETTE["grey"], PALETTE["grey"]),
        facts=("gdp-share",), subtitle_en="About 30% of world GDP", subtitle_es="Alrededor de 30% del PIB mundial"))
    prod = _labels(("Fresh fruit", "Fruta fresca"), ("Fresh vegetables", "Hortalizas frescas"))
    produce_series = (Series("mx", "Mexico", "México", PALETTE["green"], (51.0, 69.0)),
                      Series("ca", "Canada", "Canadá", PALETTE["sky"], (2.0, 20.0)))
    charts.append(_chart(
        id="produce-grouped", kind="grouped", dataset="produce", title_en="Share of U.S. fresh produce imports",
        title_es="Participación en las importaciones de productos frescos de EE.UU.", categories=("fruit", "veg"),
        category_labels_en=prod[0], category_labels_es=prod[1], series=produce_series, unit="pct", decimals=0,
        sources=("nap-2026",), facts=("fresh-imports",)))
    charts.append(_chart(
        id="produce-stacked", kind="stacked", dataset="produce",
        title_en="Mexico and Canada in U.S. fresh produce imports",
        title_es="México y Canadá en las importaciones de productos frescos de EE.UU.", categories=("fruit", "veg"),
        category_labels_en=prod[0], category_labels_es=prod[1], series=produce_series, unit="pct", decimals=0,
        sources=("nap-2026",), facts=("fresh-imports",)))
    ctry = _labels(("Canada", "Canadá"), ("United States", "Estados Unidos"), ("Mexico", "México"),
                   ("North America", "América del Norte"))
    charts.append(_chart(
        id="auto-diverging", kind="diverging", dataset="autos",
        title_en="Motor vehicle production, 3Q2025 vs 3Q2024", title_es="Producción de vehículos, 3T2025 vs 3T2024",
        categories=("CA", "US", "MX", "NA"), category_labels_en=ctry[0], category_labels_es=ctry[1],
        series=(Series("chg", "Change", "Cambio", PALETTE["vermillion"], (-4.0, -4.0, -2.0, -3.0)),),
        unit="pct", decimals=0, sources=("oica", "nap-2026"), facts=("auto-production",)))
    sh = _labels(("Mexico", "México"), ("Canada", "Canadá"))
    charts.append(_chart(
        id="transport-share", kind="share", dataset="transport",
        title_en="Share of U.S. transportation equipment imports, 2025",
        title_es="Participación en las importaciones de equipo de transporte de EE.UU., 2025",
        categories=("MX", "CA"), category_labels_en=sh[0], category_labels_es=sh[1],
        series=(Series("share", "Share", "Participación", PALETTE["blue"], (32.3, 14.0)),),
        unit="pct", decimals=1, sources=("census", "nap-2026"), highlight=("MX", "CA"),
        category_colors=(PALETTE["green"], PALETTE["sky"]), facts=("transport-share",)))
    atp = _labels(("Information and communications", "Información y comunicaciones"), ("Electronics", "Electrónica"))
    charts.append(_chart(
        id="atp-bar", kind="bar", dataset="atp", title_en="Share of the U.S. ATP deficit, 2025",
        title_es="Participación en el déficit de PTA de EE.UU., 2025", categories=("ict", "elec"),
        category_labels_en=atp[0], category_labels_es=atp[1],
        series=(Series("y2025", "2025", "2025", PALETTE["orange"], (87.0, 3.0)),),
        unit="pct", decimals=0, sources=("census", "nap-2026"), facts=("atp-deficit",)))
    charts.append(_chart(
        id="atp-table", kind="table", dataset="atp", title_en="ATP deficit by technology group",
        title_es="Déficit de PTA por grupo tecnológico", categories=("ict", "elec"),
        category_labels_en=atp[0], category_labels_es=atp[1],
        series=(Series("y2024", "2024", "2024", PALETTE["grey"], (78.0, 5.0)),
                Series("y2025", "2025", "2025", PALETTE["orange"], (87.0, 3.0))),
        unit="pct", decimals=0, sources=("census", "nap-2026"), facts=("atp-deficit",)))
    tl = _labels(("Protocol replacing NAFTA signed", "Firma del protocolo que sustituye al TLCAN"),
                 ("Entry into force", "Entrada en vigor"), ("First joint review", "Primera revisión conjunta"),
                 ("Termination absent extension", "Terminación sin prórroga"))
    charts.append(_chart(
        id="usmca-timeline", kind="timeline", dataset="timeline", title_en="USMCA Article 34.7 timeline",
        title_es="Calendario del artículo 34.7 del T-MEC", categories=("sign", "force", "review", "end"),
        category_labels_en=tl[0], category_labels_es=tl[1],
        series=(Series("year", "Year", "Año", PALETTE["blue"], (2018.0, 2020.0, 2026.0, 2036.0)),),
        unit="year", decimals=0, sources=("ielp",), status="secondary", facts=("joint-review",),
        extra={"dates": {"sign": "2018-11-30", "force": "2020-07-01", "review": "2026-07-01", "end": "2036-07-01"}}))
    states = ("AK", "IA", "IL", "KS", "LA", "MN", "MO", "ND")
    names = ("Alaska", "Iowa", "Illinois", "Kansas", "Louisiana", "Minnesota", "Missouri", "North Dakota")
    values = (3.74586, 678.697186, 1817.851829, 450.058013, 1206.494153, 233.43655, 334.711697, 16.784834)
    positions = {"AK": [0, 0], "ND": [2, 4], "MN": [2, 5], "IA": [3, 5], "IL": [3, 6], "KS": [4, 4],
                 "MO": [4, 5], "LA": [6, 5]}
    classes = {s: ("high" if v >= 1000 else "mid" if v >= 100 else "low") for s, v in zip(states, values)}
    charts.append(_chart(
        id="corn-tilemap", kind="tilemap", dataset="ers-state", title_en="Corn exports to Mexico by state, FY2023",
        title_es="Exportaciones de maíz a México por estado, AF2023", categories=states,
        category_labels_en=names, category_labels_es=names,
        series=(Series("corn", "Corn exports to Mexico", "Exportaciones de maíz a México", PALETTE["green"], values),),
        unit="usd_mn", decimals=1, sources=("usda-ers",), status="official",
        extra={"positions": positions, "classes": classes,
               "class_labels": {"high": {"en": "USD 1 billion or more", "es": "1,000 millones de dólares o más"},
                                "mid": {"en": "USD 100–999 million", "es": "100 a 999 millones de dólares"},
                                "low": {"en": "under USD 100 million", "es": "menos de 100 millones de dólares"}},
               "class_colors": {"high": "#005A32", "mid": "#41AB5D", "low": "#C7E9C0"}}))
    return {c.id: c for c in charts}


def make_catalog() -> Catalog:
    return Catalog(version="test.1", sections=SECTIONS, sources=dict(SOURCES), facts=FACTS, charts=_charts())


LONG_NOTE = ("Talking point — “¿Cómo vamos?” ñandú, Québec, São Paulo, 東京, emoji 🌎. " * 40).strip()


def pack_basic(lang: str = "en") -> Pack:
    """A typical pack: divider, facts with their charts, a note, talking points."""
    return Pack(title="USMCA briefing for House Ways and Means staff", audience="Trade subcommittee staff",
                meeting_date="2026-05-12", lang=lang, items=(
                    PackItem("divider", text="Why USMCA matters", uid="d1"),
                    PackItem("fact", "trade-trilateral", talking_points="Lead with the 1.6 trillion.", uid="f1"),
                    PackItem("chart", "trade-line", talking_points="Point at the doubling.", uid="c1"),
                    PackItem("fact", "fresh-imports", uid="f2"),
                    PackItem("chart", "produce-grouped", uid="c2"),
                    PackItem("note", text="Ask\nWhat would a tariff on tomatoes cost families?", uid="n1"),
                    PackItem("fact", "joint-review", talking_points="Secondary source: say so.", uid="f3"),
                ))


def pack_every_kind(lang: str = "en") -> Pack:
    catalog = make_catalog()
    return Pack(title="Every chart kind", lang=lang,
                items=tuple(PackItem("chart", cid, uid=f"c-{cid}") for cid in catalog.charts))


def pack_hostile(lang: str = "en") -> Pack:
    """User text that must never become a formula, unicode, a very long note, missing references."""
    return Pack(title='=HYPERLINK("http://evil.example","click")', audience="+1 555 0100", meeting_date="",
                lang=lang, items=(
                    PackItem("note", text="-5", talking_points="@SUM(A1:A2)", uid="n1"),
                    PackItem("note", text=LONG_NOTE, talking_points=LONG_NOTE, uid="n2"),
                    PackItem("fact", "no-such-fact", uid="m1"),
                    PackItem("chart", "no-such-chart", uid="m2"),
                    PackItem("fact", "gdp-share", talking_points="=1+1", uid="f1"),
                ))
