"""The review, the layer in the user library, what follows the rows, and removing an update."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from nap_desktop.core.catalog.catalog_json import catalog_to_json
from nap_desktop.core.catalog.library import init_library, load_catalog_with_library, load_library_with_problems
from nap_desktop.core.catalog.updates import review as rv
from nap_desktop.core.catalog.updates.layer import LayerError, list_layers, remove_layer
from tests.updates.helpers import bts_monthly, data_fingerprint, ers_text, fred_text, raw, statcan_text, write

TODAY = date(2026, 12, 7)


@pytest.fixture
def library(tmp_path):
    return init_library(tmp_path / "library")


def review(paths, library):
    catalog = load_catalog_with_library(library)
    return rv.review_files(paths, catalog, TODAY), catalog


def apply(paths, library, keys=None):
    r, catalog = review(paths, library)
    layer = rv.accept(r, catalog, library, keys)
    return r, layer, load_catalog_with_library(library)


def months(catalog, dataset, cat, ser):
    return [r for r in catalog.datasets[dataset].rows if r.category == cat and r.series == ser]


# --- the real IMPMX download ------------------------------------------------------------------------
def test_impmx_runs_to_july_2026_official_sourced_to_the_file_and_remove_restores(library):
    path = raw("FRED", "IMPMX.csv")
    fingerprint = data_fingerprint()
    before = catalog_to_json(load_catalog_with_library(library))
    r, layer, after = apply([path], library)
    [s] = r.series
    assert (s.count("new"), s.count("revised"), s.count("confirmed")) == (7, 0, 36)
    assert s.new_periods() == [f"2026-{m:02d}" for m in range(1, 8)]
    assert s.not_used[0][0] == "before" and s.not_used[0][2] == 456
    rows = months(after, "us-trade-mexico-monthly", "MX", "imports")
    assert rows[-1].period == "2026-07" and rows[-1].value == 60549.615043
    assert {r.status for r in rows} == {"official"}
    src = after.sources[rows[-1].source]
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    assert src.status == "official" and src.date == TODAY.isoformat() and src.url.endswith("/IMPMX")
    assert "IMPMX" in src.title and "IMPMX.csv" in src.title and sha in src.note
    assert src.publisher.startswith("U.S. Census Bureau")
    # the first-release annual figures give way to the twelve months of the agency's file
    partners = {(r.category, r.series, r.period): r for r in after.datasets["us-goods-trade-partners"].rows}
    assert round(partners[("MX", "imports", "2025")].value, 3) == 534.315
    assert partners[("MX", "imports", "2025")].source == rows[-1].source
    assert after.charts["coprod-trade-partners-2025"].message_en.endswith("sold it USD 534.3 billion")
    assert after.charts["usmca-us-imports-mexico-monthly"].categories[-1] == "2026-07"
    assert data_fingerprint() == fingerprint  # data/ untouched
    # --remove: the previous catalog, exactly
    remove_layer(library, layer.id)
    assert catalog_to_json(load_catalog_with_library(library)) == before
    assert data_fingerprint() == fingerprint


def test_the_same_file_twice_is_nothing_to_do(library):
    path = raw("FRED", "IMPMX.csv")
    _, layer, _ = apply([path], library)
    r, catalog = review([path], library)
    assert r.series[0].count("unchanged") == 43 and not r.acceptable()
    assert rv.accept(r, catalog, library) is None
    assert [x.id for x in list_layers(library)] == [layer.id]


# --- refusals ---------------------------------------------------------------------------------------------
def test_a_series_the_catalog_does_not_have_is_refused(tmp_path, library):
    path = write(tmp_path / "fred.csv", fred_text({"IMPMX": {"2026-01": "1000"}, "FOOBAR": {"2026-01": "5"}}))
    r, _ = review([path], library)
    refused = [x for x in r.refused if x.code == "unknown_series"]
    assert len(refused) == 1 and "FOOBAR" in refused[0].reason and "IMPMX" in refused[0].reason


def test_a_scale_off_by_a_thousand_is_refused(tmp_path, library):
    catalog = load_catalog_with_library(library)
    values = {r.period: f"{r.value * 1000:.3f}" for r in months(catalog, "us-trade-mexico-monthly", "MX", "imports")}
    r, _ = review([write(tmp_path / "thousands.csv", fred_text({"IMPMX": values}))], library)
    [s] = r.series
    assert [x.code for x in s.refused] == ["scale"] and not s.changes and "1,000×" in s.refused[0].reason


def test_a_quarterly_download_for_a_monthly_dataset_is_refused(tmp_path, library):
    path = write(tmp_path / "q.csv", "observation_date,IMPMX\n2025-01-01,1\n2025-04-01,2\n2025-07-01,3\n")
    r, _ = review([path], library)
    assert [x.code for x in r.series[0].refused] == ["frequency"]


def test_the_same_months_in_two_files(tmp_path, library):
    a = write(tmp_path / "a.csv", fred_text({"IMPMX": {"2026-01": "40000"}}))
    b = write(tmp_path / "b.csv", fred_text({"IMPMX": {"2026-01": "41000"}}))
    r, _ = review([a, b], library)
    assert any(x.code == "duplicate_file" and "a.csv" in x.reason for x in r.refused)
    assert [c.new for c in r.series[0].changes if c.period == "2026-01"] == [40000.0]


# --- what follows the rows ------------------------------------------------------------------------------
def test_an_annual_total_is_never_made_from_two_vintages(tmp_path, library):
    catalog = load_catalog_with_library(library)
    cn = {r.period: r.value for r in months(catalog, "census-country-trade-monthly", "CN", "imports")}
    half = {p: f"{v + 10:.1f}" for p, v in cn.items() if p.startswith("2025-0") and int(p[5:]) <= 6}
    r, layer, after = apply([write(tmp_path / "IMPCH.csv", fred_text({"IMPCH": half}))], library)
    assert r.series[0].count("revised") == 6
    partners = {(x.category, x.series, x.period): x for x in after.datasets["us-goods-trade-partners"].rows}
    old = {(x.category, x.series, x.period): x for x in catalog.datasets["us-goods-trade-partners"].rows}
    assert partners[("CN", "imports", "2025")].value == old[("CN", "imports", "2025")].value
    from nap_desktop.core.catalog.updates.apply import update_effects

    kept = [d for d in update_effects(after).derived if d["kind"] == "kept_mixed"]
    assert kept and kept[0]["key"] == ("CN", "imports", "2025") and "one vintage" in kept[0]["reason"]


def test_twelve_months_of_one_vintage_recompute_the_total_and_the_tdr(tmp_path, library):
    catalog = load_catalog_with_library(library)
    cn = {r.period: f"{r.value + 1000:.1f}" for r in months(catalog, "census-country-trade-monthly", "CN", "imports")
          if r.period.startswith("2025")}
    _, _, after = apply([write(tmp_path / "IMPCH.csv", fred_text({"IMPCH": cn}))], library)
    new = {(x.category, x.series, x.period): x.value for x in after.datasets["us-goods-trade-partners"].rows}
    assert round(new[("CN", "imports", "2025")], 4) == round(308.3799 + 12.0, 4)
    tdr = after.charts["coprod-tdr-2025"]
    cn_2025 = dict(zip(tdr.categories, next(s for s in tdr.series if s.key == "2025").values))["CN"]
    assert round(cn_2025, 3) == round((308.3799 + 12 - 106.3084) / 106.3084, 3)
    # the message's "1.90 for China" follows the rows
    assert tdr.message_en == "In 2025 Mexico's TDR was 0.58, against 2.01 for China and 2.68 for Taiwan"


def test_a_title_the_new_rows_contradict_is_flagged_and_not_shown(tmp_path, library):
    catalog = load_catalog_with_library(library)
    values = {r.period: str(r.value) for r in months(catalog, "us-manufacturing-employment", "US", "manemp")}
    values["2025-12"] = "12800"  # above December 2024 (12,693): employment did not fall through 2025
    r, catalog = review([write(tmp_path / "MANEMP.csv", fred_text({"MANEMP": values}))], library)
    impacts = rv.impacts(r, catalog, library=library)
    chart = impacts.charts["usmca-us-manufacturing-employment"]
    assert any(key == "title_en" and "falling" in reason for key, reason in chart["flags"])
    assert any(key == "message_en" and "'113'" in reason for key, reason in chart["flags"])
    spec = impacts.catalog.charts["usmca-us-manufacturing-employment"]
    assert spec.title_en == catalog.datasets["us-manufacturing-employment"].title_en  # a neutral title
    assert "kept falling" in spec.notes_en  # and why
    # "fell by 113 thousand" is not what the rows say any more: the message is not shown, the subtitle is
    assert spec.message_en == "" and spec.message("en") == spec.subtitle_en and "fell by 113" in spec.notes_en
    # the report's fact keeps its figure and says the newer one
    fact = impacts.catalog.fact("usmca-jobs-mfg-lost-us")
    assert fact.value == 113000
    assert "Newer figure: -107,000" in fact.note_en or "Newer figure: −107,000" in fact.note_en
    assert "Cifra más reciente" in fact.note_es
    assert impacts.facts["usmca-jobs-mfg-lost-us"]["new"] == -107000


def test_statcan_table_updates_the_balance(tmp_path, library):
    rows = [("2026-02", "United States", "1.8", ""), ("2026-03", "United States", "2.5", "E"),
            ("2026-04", "United States", "", "x"), ("2026-03", "All countries", "-0.5", "")]
    r, layer, after = apply([write(tmp_path / "12100011.csv", statcan_text(rows, ("billions", 9)), bom=True)], library)
    by_key = {s.key: s for s in r.series}
    us = by_key["canada-trade-balance-monthly#0"]
    assert (us.count("new"), us.count("revised")) == (1, 1)
    revised = next(c for c in us.changes if c.kind == "revised")
    assert (revised.old, revised.new, revised.difference) == (1734.0, 1800.0, 66.0)
    assert any(x.code == "suppressed" and "confidentiality" in x.reason for x in r.refused)
    rows_us = months(after, "canada-trade-balance-monthly", "US", "balance")
    assert rows_us[-1].period == "2026-03" and rows_us[-1].value == 2500.0 and "use with caution" in rows_us[-1].note
    assert months(after, "canada-trade-balance-monthly", "WORLD", "balance")[-1].value == -500.0


def test_ers_full_fiscal_year_is_a_new_period_and_a_partial_one_is_refused(tmp_path, library):
    rows = [("TX", 2024, "Mexico", "Pork and pork products", 250_000_000, q) for q in (1, 2, 3, 4)]
    rows += [("TX", 2024, "Mexico", "Pork and pork products", 1_000_000_000, 0),
             ("TX", 2025, "Mexico", "Corn", 10_000_000, 1), ("TX", 2025, "Mexico", "Corn", 10_000_000, 0),
             ("PR", 2024, "Mexico", "Corn", 1_000_000, 0), ("TX", 2024, "Canada", "Corn", 5, 0)]
    r, _, after = apply([write(tmp_path / "ers.csv", ers_text(rows), encoding="cp1252")], library)
    [s] = r.series
    assert s.new_periods() == ["FY2024"] and [x.code for x in s.refused] == ["partial_year"]
    assert any(code == "excluded" for code, _, _ in s.not_used)
    row = next(x for x in after.datasets["ers-state-ag-exports-mexico"].rows if x.period == "FY2024")
    assert (row.category, row.series, row.value, row.status) == ("TX", "pork-and-pork-products", 1000.0, "official")


def _bts_year(tmp_path, year, n=12, bump=0):
    paths = []
    for m in range(1, n + 1):
        rows = [(1, "TX", 5, "NL", "", 2010, 10_000_000_000 + bump), (1, "MI", 5, "", "XO", 1220, 5_000_000_000),
                (2, "CA", 5, "", "", 2010, 4_000_000_000)]
        paths.append(write(tmp_path / f"dot1_{m:02d}{str(year)[2:]}.csv", bts_monthly(rows, m, year), newline="\n"))
    return paths


def test_twelve_bts_months_replace_the_copy_and_rank_again(tmp_path, library):
    catalog = load_catalog_with_library(library)
    r, _, after = apply(_bts_year(tmp_path, 2024), library)
    trade = {(x.category, x.series, x.period): x for x in after.datasets["bts-state-trade"].rows}
    assert trade[("TX", "exports-mx", "2024")].value == 120_000_000_000
    assert trade[("TX", "exports-mx", "2024")].status == "official"
    assert trade[("AK", "exports-mx", "2024")].value == 0  # not in the files: no trade that year
    assert trade[("US", "exports-mx", "2024")].value == 120_000_000_000
    ranks = {(x.category, x.series, x.period): x.value for x in after.datasets["bts-state-trade-ranks"].rows}
    assert ranks[("TX", "exports-mx", "2024")] == 1 and ranks[("MI", "exports-ca", "2024")] == 1
    assert catalog.datasets["bts-state-trade"].row_index()[("TX", "exports-mx", "2024")].status == "secondary"


def test_eleven_bts_months_make_no_year(tmp_path, library):
    r, _ = review(_bts_year(tmp_path, 2024, n=11), library)
    trade = next(s for s in r.series if s.dataset == "bts-state-trade")
    assert not trade.changes and trade.not_used[0][0] == "partial_year" and "2024-12" in trade.not_used[0][1]


def test_twelve_real_2023_bts_files_equal_the_bundled_state_data(library):
    paths = [raw("BTS_TransBorder", f"dot1_{m:02d}23.csv") for m in range(1, 13)]
    r, catalog = review(paths, library)
    by_ds = {s.dataset: s for s in r.series}
    trade = by_ds["bts-state-trade"]
    bundled = {k: v for k, v in catalog.datasets["bts-state-trade"].row_index().items() if k[2] == "2023"}
    assert trade.count("revised") == trade.count("new") == 0
    got = {(c.category, c.series, c.period): c.new for c in trade.changes}
    assert got == {k: v.value for k, v in bundled.items()}  # every state, DU and the national total
    assert round(got[("US", "exports-mx", "2023")] / 1e9, 2) == 323.23
    assert round(got[("US", "imports-mx", "2023")] / 1e9, 2) == 475.61
    assert round(got[("TX", "exports-mx", "2023")] / 1e9, 2) == 129.51
    for ds in ("bts-state-trade-modes-2023", "bts-state-export-destinations-2023"):
        assert by_ds[ds].count("revised") == by_ds[ds].count("new") == 0 and by_ds[ds].count("confirmed") > 1000


# --- the layer on disk ------------------------------------------------------------------------------------
def test_the_layer_files_and_a_damaged_one(tmp_path, library):
    _, layer, _ = apply([write(tmp_path / "IMPMX.csv", fred_text({"IMPMX": {"2026-01": "40000.25"}}))], library)
    folder = library / "updates" / layer.id
    assert (folder / "update.toml").is_file() and (folder / "rows.csv").read_text().startswith(
        "dataset,category,series,period,value,source,status,note,vintage\n")
    text = (folder / "update.toml").read_text()
    assert "sha256" in text and "IMPMX.csv" in text and 'status = "official"' in text
    (folder / "rows.csv").write_text("dataset,category\nbroken\n")
    _, problems = load_library_with_problems(library)
    assert any("rows.csv" in str(p) for p in problems)


def test_removing_an_unknown_update(library):
    with pytest.raises(LayerError) as exc:
        remove_layer(library, "fred-nothing-12345678")
    assert exc.value.code == "unknown_id"


def test_the_motor_vehicle_series_the_notes_name(tmp_path, library):
    monthly = write(tmp_path / "IPG3361T3S.csv", "observation_date,IPG3361T3S\n2026-01-01,104.1\n2026-02-01,105.0\n")
    r, _ = review([monthly], library)
    assert [x.code for x in r.series[0].refused] == ["frequency"] and "monthly" in r.series[0].refused[0].reason
    quarterly = write(tmp_path / "IPG3361T3SQ.csv", "observation_date,IPG3361T3SQ\n2026-01-01,105.3615\n2026-04-01,106.9\n")
    r, _, after = apply([quarterly], library)
    [s] = r.series
    assert s.new_periods() == ["2026Q2"] and s.count("confirmed") == 1
    ces = write(tmp_path / "CES3133600101.csv", "observation_date,CES3133600101\n2026-09-01,1001.2\n")
    r, _, after = apply([ces], library)
    assert months(after, "us-motor-vehicle-parts-employment", "US", "ces3133600101")[-1].period == "2026-09"
