"""The bundled datasets: every value traced to a source with a status, listed by `catalog --json`."""

from __future__ import annotations

import json

import pytest

from nap_desktop.cli import main
from nap_desktop.core.catalog.loader import load_catalog
from nap_desktop.core.catalog.model import STATUSES
from nap_desktop.paths import data_dir

ATP_REPORT = {  # the report's table "10 technology groups integrate the ATP", contribution to the 2025 deficit
    "atp01-biotechnology": 24, "atp02-life-sciences": 9, "atp03-opto-electronics": 4,
    "atp04-information-communications": 87, "atp05-electronics": 3, "atp06-flexible-manufacturing": 0,
    "atp07-advanced-materials": 0, "atp08-aerospace": -27, "atp09-weapons": -1, "atp10-nuclear-technology": 1,
}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_catalog_json_lists_charts_and_datasets_with_sourced_rows(capsys):
    assert main(["catalog", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["charts"]) >= 15
    kinds = {c["kind"] for c in out["charts"]}
    assert {"line", "grouped", "stacked", "diverging", "share", "timeline", "tilemap", "table"} <= kinds
    assert {"column", "bar"} & kinds
    by_id = {d["id"]: d for d in out["datasets"]}
    for chart in out["charts"]:
        assert chart["dataset"] in by_id, chart["id"]
        assert chart["sources"], f"chart {chart['id']} names no source"
    for d in out["datasets"]:
        assert d["rows"], d["id"]
        for row in d["rows"]:
            assert isinstance(row["source"], dict) and row["source"]["publisher"], (d["id"], row)
            assert row["status"] in STATUSES, (d["id"], row)


def test_no_value_lacks_a_source_and_gaps_say_why(catalog):
    for ds in catalog.datasets.values():
        for row in ds.rows:
            assert row.source in catalog.sources, (ds.id, row)
            assert row.status in STATUSES
            if row.value is None:
                assert row.note.strip(), f"{ds.id}:{row.line} is missing without a reason"


def test_official_status_only_for_official_sources(catalog):
    """A row may not claim more trust than its source: 'official' only from an official source."""
    for ds in catalog.datasets.values():
        for row in ds.rows:
            if row.status == "official":
                assert catalog.sources[row.source].status == "official", (ds.id, row)


def test_atp_table_matches_the_reports_ten_figures(catalog):
    ds = catalog.datasets["atp-groups-2025"]
    got = {r.category: r.value for r in ds.rows if r.period == "2025"}
    assert got == ATP_REPORT
    assert ds.status == "report" and ds.source == "census-atp"
    chart = catalog.charts["tech-atp-groups-2025"]
    values = dict(zip(chart.categories, chart.series[0].values))
    assert values == ATP_REPORT
    assert sum(1 for v in values.values() if v < 0) == 2  # aerospace and weapons: net surpluses


def test_derived_reference_rows_are_not_stored(catalog):
    """TDRs, sums and vehicle totals for 2015–2022 are computed by code, never stored as figures."""
    trade = catalog.datasets["us-goods-trade-partners"]
    assert {r.series for r in trade.rows} == {"exports", "imports"}
    ca_imports_2025 = next(r for r in trade.rows if (r.category, r.series, r.period) == ("CA", "imports", "2025"))
    assert ca_imports_2025.value is None and "not" in ca_imports_2025.note
    oica = catalog.datasets["vehicle-production-oica"]
    assert not [r for r in oica.rows if r.series == "total" and r.period < "2023"]


def test_raw_ers_files_are_not_copied_into_data():
    names = [p.name for p in data_dir().rglob("*")]
    assert not [n for n in names if n.startswith("ERS_")]
    big = [p for p in data_dir().rglob("*.csv") if p.stat().st_size > 500_000]
    assert not big, big
