"""Write the acceptance packs (tests/acceptance/packs/*.napbrief) and the user library some of them use.

The packs are built the way users build them: six to ten items picked from the cards, a divider or a
note where a presenter wants one, an audience, an organisation and a meeting date, talking points on
some items; one pack holds the user's own figures (from a library beside the packs) and an item that
is no longer in the catalog; two are state briefs made with `pack new --state`. The whole catalog is
not a file: `tests.acceptance` builds it from the catalog it checks.

    python -m tests.acceptance.make_packs      # rewrites the files; review the diff before committing
"""

from __future__ import annotations

import shutil
from pathlib import Path

from nap_desktop.core.catalog import library as lib
from nap_desktop.core.catalog.library import load_catalog_with_library
from nap_desktop.core.pack.packfile import Pack, PackItem, save_pack
from nap_desktop.core.pack.state_brief import brief_pack

HERE = Path(__file__).resolve().parent
PACKS = HERE / "packs"
LIBRARY = PACKS / "library"

#: The user's own figures, as a user types them into New fact (real figures, with their sources:
#: ../shared/reference-data/employment_manufacturing.csv and official_copies_2023_2026.csv).
USER_FACTS = [
    {"section": "usmca", "topic": "jobs", "countries": ["US"], "value": 12.58, "unit": "count_mn",
     "period": "2025-12",
     "title_en": "U.S. factories employed 12.58 million people in December 2025",
     "title_es": "Las fábricas de EE. UU. empleaban a 12.58 millones de personas en diciembre de 2025",
     "text_en": "U.S. manufacturing employed 12.58 million people in December 2025 (seasonally adjusted).",
     "text_es": "La manufactura de EE. UU. empleaba a 12.58 millones de personas en diciembre de 2025 "
                "(cifras desestacionalizadas).",
     "sources": [{"publisher": "Federal Reserve Bank of St. Louis (FRED)",
                  "title": "All Employees, Manufacturing (MANEMP), from the BLS Current Employment Statistics",
                  "url": "https://fred.stlouisfed.org/series/MANEMP", "date": "2026-08-09",
                  "status": "secondary"}]},
    {"section": "usmca", "topic": "jobs", "countries": ["CA"], "value": 1528.6, "unit": "count_th",
     "period": "2025-12",
     "title_en": "Canada's factories had 1,528.6 thousand payroll employees in December 2025",
     "title_es": "Las fábricas de Canadá tenían 1,528.6 miles de asalariados en diciembre de 2025",
     "text_en": "Canadian manufacturing had 1,528.6 thousand payroll employees in December 2025 "
                "(seasonally adjusted, revised).",
     "text_es": "La manufactura canadiense tenía 1,528.6 miles de asalariados en diciembre de 2025 "
                "(cifras desestacionalizadas, revisadas).",
     "sources": [{"publisher": "Statistics Canada",
                  "title": "Payroll employment, earnings and hours, December 2025 (table 2)",
                  "url": "https://www150.statcan.gc.ca/n1/daily-quotidien/260326/t002a-eng.htm",
                  "date": "2026-03-26", "status": "official"}]},
]

TP = "Lead with this one; it is the number the office will repeat."


def _items(*refs: str, charts: tuple[str, ...] = (), talk: dict[str, str] | None = None) -> tuple[PackItem, ...]:
    talk = talk or {}
    out = []
    for ref in refs:
        if ref.startswith("divider:"):
            out.append(PackItem("divider", text=ref.split(":", 1)[1]))
        elif ref.startswith("note:"):
            out.append(PackItem("note", text=ref.split(":", 1)[1]))
        else:
            out.append(PackItem("chart" if ref in charts else "fact", ref, talking_points=talk.get(ref, "")))
    return tuple(out)


def packs(catalog) -> dict[str, Pack]:
    user = sorted(f.id for f in catalog.facts if f.origin == "user")
    charts = tuple(catalog.charts)
    out = {
        "congress-ten": Pack(
            title="USMCA at the joint review: what the district trades", lang="en",
            audience="Office of Rep. Alvarez, House Ways and Means staff", meeting_date="2026-06-16",
            organisation="U.S.-Mexico Foundation",
            items=_items("divider:Trade", "usmca-trade-trilateral-since-2022", "usmca-ports-laredo-2025",
                         "usmca-trilateral-trade", "usmca-jobs-mfg-lost-us", "usmca-manufacturing-jobs-lost",
                         "usmca-review-joint-review-2026", "usmca-review-termination-2036",
                         "food-ag-exports-mexico-share-2025",
                         "note:Ask\nWhat would a lapse of the agreement cost the district's employers?",
                         charts=charts, talk={"usmca-ports-laredo-2025": TP,
                                              "usmca-jobs-mfg-lost-us": "Jobs lost under tariffs, not trade."})),
        "senado-mx": Pack(
            title="La revisión del T-MEC: lo que está en juego para México", lang="es",
            audience="Asesores de la Comisión de Relaciones Exteriores, América del Norte, Senado de la República",
            meeting_date="2026-05-20", organisation="Consejo Mexicano de Asuntos Internacionales",
            items=_items("usmca-gdp-share-na-2025", "usmca-gdp-shares", "usmca-energy-mx-gas-us-70",
                         "usmca-labor-rrm-workers-2025", "usmca-labor-rrm-cases-2025",
                         "usmca-review-bilateral-talks-2026", "usmca-timeline", "usmca-rules-rrm-annex31",
                         "coprod-tdr-definition", "coprod-tdr-2025", charts=charts,
                         talk={"usmca-gdp-share-na-2025": "Empezar por el tamaño de la región.",
                               "coprod-tdr-2025": "Explicar la razón de déficit comercial con el ejemplo."})),
        "autos-supply-chain": Pack(
            title="One car, eight border crossings: the auto supply chain", lang="en",
            audience="Senate Finance Committee trade staff", meeting_date="2026-09-02",
            organisation="Alliance for Automotive Innovation",
            items=_items("auto-production-na-3q2025", "auto-production-change-3q2025",
                         "auto-components-cross-borders", "auto-mexico-vehicle-content-us-made",
                         "auto-canada-vehicle-value-us-origin", "auto-production-oica",
                         "auto-us-motor-vehicle-parts-jobs-2025", "auto-production-by-type-2022",
                         "auto-us-direct-jobs-2024", charts=charts,
                         talk={"auto-components-cross-borders": "A part crosses up to eight times.",
                               "auto-production-oica": "Production has not recovered its 2019 level."})),
        "food-security": Pack(
            title="What is on the table: food security and North American trade", lang="en",
            audience="House Agriculture Committee staff", meeting_date="2026-07-08",
            organisation="Farmers for Free Trade",
            items=_items("divider:Supply", "food-fresh-veg-imports-mexico-share-2023",
                         "food-tomato-supply-imports-2023", "food-avocados-import-share-2024",
                         "food-import-share-availability", "food-fresh-fruit-availability-imports-2023",
                         "divider:Markets", "food-ag-exports-by-destination", "food-state-exports-mexico-map",
                         "food-trade-war-farm-compensation", "food-mexico-exports-produce-and-spirits",
                         charts=charts, talk={"food-trade-war-farm-compensation": TP})),
        "technology": Pack(
            title="Chips and chokepoints: technology trade and North America", lang="en",
            audience="Senate Commerce Committee staff", meeting_date="2026-10-14",
            organisation="Center for Strategic and International Studies",
            items=_items("tech-atp-deficit-2025", "tech-atp-deficit-growth-2025", "tech-atp-groups-2025",
                         "tech-atp-groups-table", "tech-naics3344-imports-taiwan-share-2025",
                         "tech-naics334-import-shares", "tech-strait-of-malacca-seaborne-trade-2023",
                         "tech-asian-chokepoints-exposure", "tech-build-regional-capacity", charts=charts,
                         talk={"tech-strait-of-malacca-seaborne-trade-2023": "The chokepoint argument."})),
        "own-figures": Pack(
            title="Factory jobs on both sides of the border", lang="en",
            audience="Michigan congressional delegation staff", meeting_date="2026-11-18",
            organisation="Great Lakes Manufacturing Council",
            items=_items(*user, "usmca-jobs-mfg-lost-us", "usmca-jobs-mfg-lost-ca",
                         "usmca-us-manufacturing-employment", "usmca-ports-detroit-2025",
                         "usmca-retired-fact-2024",  # removed from the catalog since the pack was made
                         "note:Ask\nWhich suppliers in the district ship to Ontario?", charts=charts,
                         talk={user[0]: "Our own figure, from the BLS series."} if user else None)),
        "border-economy": Pack(
            title="The border economy in monthly figures", lang="es",
            audience="Oficina de Asuntos Fronterizos del Gobierno de Chihuahua", meeting_date="2026-08-25",
            organisation="Comité de Desarrollo Fronterizo",
            items=_items("usmca-trade-border-daily", "usmca-us-imports-mexico-monthly",
                         "usmca-canada-trade-balance-monthly", "food-state-imports-mexico-map",
                         "usmca-ports-los-angeles-2025", "coprod-trilateral-trade-by-partner",
                         "coprod-trade-partners-2025", "coprod-trade-partners-table", charts=charts)),
        "coproduction": Pack(
            title="Co-production, not just trade", lang="en",
            audience="Council on Foreign Relations study group", meeting_date="2026-04-30",
            organisation="",  # no organisation: the documents name the app
            items=_items("coprod-regionalization-trend", "coprod-usmca-vertical-integration",
                         "coprod-intra-industry-trade", "coprod-china-asymmetry-vs-usmca-integration",
                         "coprod-tdr-definition", "coprod-tdr-example-0-50", "coprod-tdr-example-1-00",
                         "coprod-tdr-lower-means-coproduction", "coprod-tdr-2025", charts=charts)),
    }
    return out


def main() -> None:
    if LIBRARY.exists():
        shutil.rmtree(LIBRARY)
    for fact in USER_FACTS:
        lib.add_fact(LIBRARY, fact)
    catalog = load_catalog_with_library(LIBRARY)
    for path in PACKS.glob("*.napbrief"):
        path.unlink()
    for name, pack in packs(catalog).items():
        save_pack(pack, PACKS / f"{name}.napbrief")
    texas = brief_pack(catalog, "TX", "en", audience="The Texas congressional delegation",
                       organisation="Texas Border Coalition", meeting_date="2026-09-09")
    save_pack(texas, PACKS / "state-texas.napbrief")
    michigan = brief_pack(catalog, "MI", "es", organisation="Consulado General de México en Detroit",
                          meeting_date="2026-10-01")
    save_pack(michigan, PACKS / "state-michigan.napbrief")
    print(f"wrote {len(list(PACKS.glob('*.napbrief')))} packs and a library of {len(USER_FACTS)} facts in {PACKS}")


if __name__ == "__main__":
    main()
