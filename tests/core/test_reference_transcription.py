"""Every value in data/ that claims to come from ../shared/reference-data equals the reference value.

Re-reads the reference CSVs (matching on series, partner/state/country and period) and compares
each transcribed row. Unit conversions are exact decimal shifts (USD million -> billion, USD ->
USD million). Missing rows must be missing in the reference too: nothing was filled in.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest

from nap_desktop.core.catalog.loader import load_catalog
from nap_desktop.core.catalog.rules import denied_domain

REF = Path(__file__).resolve().parents[2].parent / "shared" / "reference-data"
pytestmark = pytest.mark.skipif(not REF.is_dir(), reason=f"reference data not found at {REF} (../shared/reference-data)")

CODES = {"Mexico": "MX", "Canada": "CA", "China": "CN", "Taiwan": "TW", "Germany": "DE",
         "United States": "US", "Japan": "JP", "South Korea": "KR", "Indonesia": "ID", "India": "IN",
         "Vietnam": "VN", "France": "FR", "Italy": "IT", "All other": "OTHER", "Total domestic exports (world)": "WORLD"}
TO_BN = {"USD billion": Decimal(1), "USD billion (current)": Decimal(1), "USD million": Decimal("0.001")}


def _read(name: str) -> list[dict[str, str]]:
    """The reference rows, less those whose only provenance is a low-credibility page (never used)."""
    with open(REF / name, encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if not denied_domain(" ".join(str(v) for v in r.values()))]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _rows_of(ds, keep):  # a dataset's rows that ``keep`` selects, compared as a dataset
    from dataclasses import replace

    return replace(ds, rows=tuple(r for r in ds.rows if keep(r)))


def _compare(ds, reference: dict[tuple, list[Decimal]], key_of) -> int:
    """Each present row equals one reference value for its key; each missing row has none."""
    matched = 0
    for row in ds.rows:
        if row.line == 0:  # computed on load (annual_sums), checked in tests/core/test_rules.py
            continue
        key = key_of(row)
        candidates = reference.get(key, [])
        if row.value is None:
            assert not candidates, f"{ds.id}:{row.line} left empty but the reference has {candidates} for {key}"
            continue
        assert candidates, f"{ds.id}:{row.line} {key} has no reference row"
        assert any(abs(Decimal(repr(row.value)) - c) < Decimal("1e-9") for c in candidates), \
            f"{ds.id}:{row.line} {key}: ours {row.value}, reference {candidates}"
        matched += 1
    return matched


def test_goods_trade_by_partner(catalog):
    ref: dict[tuple, list[Decimal]] = {}
    for r in _read("us_goods_trade_by_partner_2024_2025.csv"):
        if r["series"] in ("us_goods_exports", "us_goods_imports") and r["partner_group"] in CODES and r["value"]:
            ref.setdefault((CODES[r["partner_group"]], r["series"].split("_")[-1], r["period"]), []).append(
                Decimal(r["value"]) * TO_BN[r["unit"]])
    ds = catalog.datasets["us-goods-trade-partners"]
    assert _compare(ds, ref, lambda row: (row.category, row.series, row.period)) == 5


def test_trilateral_series(catalog):
    ref: dict[tuple, list[Decimal]] = {}
    for r in _read("trilateral_goods_trade_series.csv"):
        if not re.fullmatch(r"-?[0-9.]+", r["value"]):
            continue
        if r["series"] == "us_goods_trade_with_CA_MX" and "bts.gov" in r["source_url_or_repo_path"]:
            ref.setdefault(("CA+MX", r["period"]), []).append(Decimal(r["value"]))
        elif r["series"] == "us_goods_total_trade" and r["partner_group"] in ("Canada", "Mexico"):
            ref.setdefault((CODES[r["partner_group"]], r["period"]), []).append(Decimal(r["value"]) * TO_BN[r["unit"]])
    ds = catalog.datasets["us-trilateral-goods-trade"]
    totals = _rows_of(ds, lambda row: row.series == "total")
    assert _compare(totals, ref, lambda row: (row.category, row.period)) >= 40
    # 2019 by flow: USITC Shifts 2019 (official), summed on load into the totals
    flows: dict[tuple, list[Decimal]] = {}
    for r in _read("trilateral_goods_trade_series.csv"):
        if r["series"] in ("us_goods_exports", "us_goods_imports") and "USITC" in r["source_org"] and r["period"] == "2019":
            flows.setdefault((CODES[r["partner_group"]], r["series"].split("_")[-1], r["period"]), []).append(Decimal(r["value"]))
    by_flow = _rows_of(ds, lambda row: row.series != "total")
    assert _compare(by_flow, flows, lambda row: (row.category, row.series, row.period)) == 4


def test_fresh_produce_shares(catalog):
    commodities = {"All fresh fruit": "fruit", "Fresh vegetables (excl. potatoes, sweet potatoes, mushrooms)": "vegetables",
                   "Fresh fruit": "fruit", "Fresh vegetables": "vegetables"}
    avail: dict[tuple, list[Decimal]] = {}
    supplier: dict[tuple, list[Decimal]] = {}
    for r in _read("import_share_fresh_produce.csv"):
        if r["commodity"] not in commodities:
            continue
        if r["series"] == "import_share_of_availability":
            avail.setdefault((commodities[r["commodity"]], r["period"]), []).append(Decimal(r["value"]))
        elif r["series"] == "supplier_share_of_us_imports_value":
            supplier.setdefault((commodities[r["commodity"]], CODES[r["country_or_state"]], r["period"]), []).append(
                Decimal(r["value"]))
    assert _compare(catalog.datasets["ers-fresh-produce-import-share"], avail, lambda row: (row.category, row.period)) == 4
    assert _compare(catalog.datasets["ers-fresh-produce-supplier-shares"], supplier,
                    lambda row: (row.category, row.series, row.period)) == 4
    # the report's 2023 figures equal the official ERS ones
    report = catalog.datasets["fresh-produce-supplier-shares-2023"]
    for row in report.rows:
        assert [Decimal(repr(row.value))] == [c.normalize() for c in supplier[(row.category, row.series, "2023")][:1]]


def test_state_exports_to_mexico_fy2023(catalog):
    ref: dict[tuple, list[Decimal]] = {}
    for r in _read("ers_state_trade_mexico.csv"):
        if r["series"] == "state_ag_exports_to_mexico" and r["period"] == "FY2023":
            state = re.search(r"\(([A-Z]{2})\)$", r["country_or_state"]).group(1)
            ref.setdefault((state, _slug(r["commodity"])), []).append(Decimal(r["value"]) / Decimal(1_000_000))
    ds = catalog.datasets["ers-state-ag-exports-mexico"]
    n = _compare(ds, ref, lambda row: (row.category, row.series))
    states_in_ref = {k[0] for k in ref} - {"US", "PR"}
    assert n == sum(len(v) for k, v in ref.items() if k[0] in states_in_ref)  # every state row, none skipped
    # the report's examples, FY2023 (USD million): Louisiana corn, Texas pork
    assert ds.value(category="LA", series="corn", period="FY2023") == pytest.approx(1206.5, abs=0.05)
    assert ds.value(category="TX", series="pork-and-pork-products", period="FY2023") == pytest.approx(920.6, abs=0.05)


def test_vehicle_production(catalog):
    types = {"passenger cars": "cars", "commercial vehicles (incl. light trucks/SUVs per OICA definition)": "commercial",
             "all motor vehicles": "total"}
    ref: dict[tuple, list[Decimal]] = {}
    for r in _read("vehicle_production_oica.csv"):
        if r["product_or_group"] in types and r["unit"] == "units" and r["value"]:
            if r["country"] == "Canada" and r["period"] == "2021" and r["product_or_group"] == "passenger cars":
                continue  # '288': corrupt in the source (thousands lost); we leave it missing
            ref.setdefault((CODES.get(r["country"], r["country"]), types[r["product_or_group"]], r["period"]), []).append(
                Decimal(r["value"]))
    ds = catalog.datasets["vehicle-production-oica"]
    assert _compare(ds, ref, lambda row: (row.category, row.series, row.period)) == 50


def test_manufacturing_employment(catalog):
    """The line is one vintage: every MANEMP month of one copy in official_copies_2023_2026.csv, as written."""
    rows = [r for r in _read("official_copies_2023_2026.csv") if r["series"].startswith("MANEMP - ")]
    copies = {r["location"] for r in rows}
    chosen = [r for r in rows if "@061c29e1713b7f896c0d1fd48a4db3221f60c084" in r["location"]]
    assert chosen and len({r["location"] for r in chosen}) == 1, copies
    ref = {("US", r["period"]): [Decimal(r["value"])] for r in chosen}
    ds = catalog.datasets["us-manufacturing-employment"]
    assert _compare(ds, ref, lambda row: (row.category, row.period)) == len(ref) == len(ds.rows) == 44
    assert [r.period for r in ds.rows] == sorted(p for _, p in ref)  # Jan 2023 .. Aug 2026, no month skipped
    assert (ds.rows[0].period, ds.rows[-1].period) == ("2023-01", "2026-08")
    assert {r.status for r in ds.rows} == {"secondary"}  # official_machine_copy: secondary, as the notes say
    assert {r.source for r in ds.rows} == {"ref-fred-manemp-github"}
    assert "061c29e1713b7f896c0d1fd48a4db3221f60c084" in catalog.sources["ref-fred-manemp-github"].note
    # the months the earlier copy (employment_manufacturing.csv) also gives are the same numbers
    earlier = {r["period"]: Decimal(r["value"]) for r in _read("employment_manufacturing.csv") if r["series"] == "FRED MANEMP"}
    assert all(earlier[r.period] == Decimal(repr(r.value)) for r in ds.rows if r.period in earlier)
    # the chart draws every row and says the span it covers
    spec = catalog.charts["usmca-us-manufacturing-employment"]
    assert list(spec.categories) == [r.period for r in ds.rows]
    assert "January 2023–August 2026" in spec.subtitle_en and "enero de 2023–agosto de 2026" in spec.subtitle_es


def test_manufacturing_employment_csv_is_the_script_output():
    """data/datasets/us-manufacturing-employment.csv is what tools/build_manemp_dataset.py writes."""
    import importlib.util

    tool = Path(__file__).resolve().parents[2] / "tools" / "build_manemp_dataset.py"
    spec = importlib.util.spec_from_file_location("build_manemp_dataset", tool)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.OUT.read_text(encoding="utf-8") == module.render(module.rows_from_reference(REF / "official_copies_2023_2026.csv"))


def test_farm_exports_by_destination(catalog):
    ref: dict[tuple, list[Decimal]] = {}
    for r in _read("us_ag_exports_by_destination.csv"):
        if r["series"] == "us_ag_domestic_exports_by_partner_usitc":
            ref.setdefault((CODES[r["country_or_state"]], r["period"]), []).append(Decimal(r["value"]))
    ds = catalog.datasets["us-ag-exports-by-destination"]
    assert _compare(ds, ref, lambda row: (row.category, row.period)) == 60


def test_usmca_timeline_dates(catalog):
    ref = {r["period"]: r for r in _read("usmca_article_34_7_timeline.csv")}
    ds = catalog.datasets["usmca-timeline"]
    for row in ds.rows:
        assert row.period in ref, row
        assert row.value == float(row.period[:4])
        if row.status == "official":
            assert "(official" in ref[row.period]["source_org"] or "official" in ref[row.period]["source_org"]
            assert "DERIVED" not in ref[row.period]["unit"]
    # derived dates are not stored: the chart computes them
    derived = {p for p, r in ref.items() if "DERIVED" in r["unit"]}
    assert derived and not derived & {r.period for r in ds.rows if r.status == "official"}


def test_official_rows_come_from_official_reference_rows(catalog):
    """No row is promoted: 'official' only where the reference says the source is the agency itself."""
    for ds in catalog.datasets.values():
        for row in ds.rows:
            if row.status == "official":
                # ... or sums of the agency's own files, built by a script from verbatim copies verified by their
                # totals (tools/build_state_datasets.py; tests/states recompute them from the files)
                assert row.source in {"ref-bts-naft-table1", "ref-ers-con-110713", "ref-usitc-shifts-2017-ag",
                                      "ref-canada-gazette-2020", "bts-transborder-2022",
                                      "bts-transborder-2023", "statcan-daily-2026-04-02",
                                      "alfred-ipg3361t3sq-2026-05",  # NOTES-autos-tech: official ALFRED
                                      "ref-usitc-shifts-2019-canada", "ref-usitc-shifts-2019-mexico",
                                      "ref-fred-impch-github"}, (ds.id, row)  # verified FRED copy (tools/build_fred_datasets.py)
