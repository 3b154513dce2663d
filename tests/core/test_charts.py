"""Chart declarations resolved into ChartSpecs: computed TDRs, gaps with reasons, FILE:LINE errors."""

from __future__ import annotations

import shutil
import textwrap

import pytest

from nap_desktop.core.charts.spec import PALETTE, weakest_status
from nap_desktop.core.catalog.loader import load_catalog, load_catalog_with_problems
from nap_desktop.paths import data_dir


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _row(ds, category, series, period):
    return next(r for r in ds.rows if (r.category, r.series, r.period) == (category, series, period))


def test_every_partners_tdr_is_recomputed_from_exports_and_imports(catalog):
    chart = catalog.charts["coprod-tdr-2025"]
    ds = catalog.datasets[chart.dataset]
    assert chart.unit == "ratio" and chart.extra["computed"]["indicator"] == "tdr"
    checked = 0
    for series in chart.series:
        for category, shown in zip(chart.categories, series.values):
            exports = _row(ds, category, "exports", series.key).value
            imports = _row(ds, category, "imports", series.key).value
            if exports is None or imports is None:
                assert shown is None
                gap = chart.gap_for(category, series.key)
                assert gap is not None and gap.reason_en and gap.reason_es
                continue
            assert shown == pytest.approx((imports - exports) / exports, abs=1e-12)
            checked += 1
    assert checked == 8  # four partners in 2024 and in 2025 (Canada: no acceptable source)
    # the figures the reference notes computed by hand, to three decimals
    values = dict(zip(chart.categories, next(s for s in chart.series if s.key == "2025").values))
    assert round(values["MX"], 3) == 0.583 and round(values["CN"], 3) == 1.901 and round(values["TW"], 3) == 2.685  # Taiwan from the Census monthly sums (54,666.3 / 201,422.7)


def test_missing_partners_show_a_gap_with_the_reason_in_both_languages(catalog):
    chart = catalog.charts["coprod-tdr-2025"]
    gaps = {(g.category, g.series): g for g in chart.gaps}
    assert set(gaps) == {("CA", "2024"), ("CA", "2025")}
    assert "content-farm" in gaps[("CA", "2024")].reason_en and "Canadá" in gaps[("CA", "2024")].reason_es
    assert "Canad" in gaps[("CA", "2025")].reason_es


def test_chart_sources_and_status_come_from_the_plotted_rows(catalog):
    for chart in catalog.charts.values():
        assert chart.sources, chart.id
        for sid in chart.sources:
            assert sid in catalog.sources, (chart.id, sid)
        assert chart.status == weakest_status([catalog.sources[s].status for s in chart.sources]), chart.id
    tdr = catalog.charts["coprod-tdr-2025"]
    ds = catalog.datasets[tdr.dataset]
    plotted = {(c, s.key) for s in tdr.series for c, v in zip(tdr.categories, s.values) if v is not None}
    used = {r.source for r in ds.rows if (r.category, r.period) in plotted}
    assert used <= set(tdr.sources)
    assert tdr.status == "secondary"
    assert catalog.charts["usmca-timeline"].status == "report"  # official dates + the report's review date


def test_at_least_fifteen_charts_cover_every_kind(catalog):
    assert len(catalog.charts) >= 15
    kinds = {c.kind for c in catalog.charts.values()}
    for kind in ("line", "grouped", "stacked", "diverging", "share", "timeline", "tilemap", "table"):
        assert kind in kinds
    for chart in catalog.charts.values():
        assert chart.title_en and chart.title_es and chart.subtitle_en and chart.subtitle_es, chart.id
        assert len(chart.category_labels_en) == len(chart.categories) == len(chart.category_labels_es)
        for s in chart.series:
            assert len(s.values) == len(chart.categories)
            assert s.color.startswith("#")


def test_north_america_is_distinguishable_where_highlighted(catalog):
    chart = catalog.charts["usmca-gdp-shares"]
    colors = dict(zip(chart.categories, chart.category_colors))
    assert colors["NA"] == PALETTE["blue"]
    assert colors["EU"] != colors["NA"] and colors["CN"] != colors["NA"]


def test_timeline_computes_2036_and_2042_from_entry_into_force(catalog):
    chart = catalog.charts["usmca-timeline"]
    dates = chart.extra["dates"]
    assert dates["entry-into-force"] == "2020-07-01"
    assert dates["joint-review"] == "2026-07-01"
    assert dates["termination"] == "2036-07-01"
    assert dates["extended-term-end"] == "2042-07-01"
    assert list(chart.categories) == sorted(chart.categories, key=lambda c: dates[c])
    stored = {r.period for r in catalog.datasets["usmca-timeline"].rows}
    assert "2036-07-01" not in stored and "2042-07-01" not in stored


def test_tilemap_colours_each_state_by_its_largest_mexico_export(catalog):
    chart = catalog.charts["food-state-exports-mexico-map"]
    ds = catalog.datasets[chart.dataset]
    assert len(chart.categories) == 51
    assert set(chart.extra["positions"]) == set(chart.categories)
    values = dict(zip(chart.categories, chart.series[0].values))
    for state in ("LA", "TX", "IL", "CA"):
        rows = [r for r in ds.rows if r.category == state]
        top = max(rows, key=lambda r: r.value)
        assert values[state] == top.value
        assert chart.extra["top_commodity"][state]["en"] == ds.series_labels[top.series]["en"]
    assert chart.extra["top_commodity"]["LA"]["en"] == "Corn"
    assert chart.extra["top_commodity"]["TX"]["en"] == "Pork and pork products"
    for state, cls in chart.extra["classes"].items():
        assert cls in chart.extra["class_labels"] and cls in chart.extra["class_colors"]
    for state in ("HI", "SC", "DC"):
        assert values[state] is None and chart.extra["classes"][state] == "none"
        assert chart.gap_for(state, "top").reason_es


def _broken_copy(tmp_path, chart_toml: str):
    root = tmp_path / "data"
    shutil.copytree(data_dir(), root)
    (root / "charts" / "zz_bad.toml").write_text(textwrap.dedent(chart_toml), encoding="utf-8")
    return load_catalog_with_problems(root)[1]


def test_bad_chart_declarations_are_reported_file_line(tmp_path):
    problems = _broken_copy(tmp_path, """\
        [[chart]]
        id = "bad-dataset"
        kind = "column"
        dataset = "no-such-dataset"
        title_en = "x"
        title_es = "x"

        [[chart]]
        id = "bad-kind"
        kind = "pie"
        dataset = "gdp-shares-2025"
        title_en = "x"
        title_es = "x"

        [[chart]]
        id = "bad-fact-and-category"
        kind = "share"
        dataset = "gdp-shares-2025"
        title_en = "x"
        title_es = "x"
        categories = ["NA", "MARS"]
        facts = ["no-such-fact"]
        """)
    text = [str(p) for p in problems]
    assert "charts/zz_bad.toml:4: chart bad-dataset: unknown dataset 'no-such-dataset'" in text
    assert any(t.startswith("charts/zz_bad.toml:10: chart bad-kind: unknown kind 'pie'") for t in text)
    assert "charts/zz_bad.toml:22: chart bad-fact-and-category: unknown fact id 'no-such-fact'" in text
    assert "charts/zz_bad.toml:21: chart bad-fact-and-category: category 'MARS' not in dataset gdp-shares-2025" in text


def test_a_gap_without_a_spanish_reason_is_reported(tmp_path):
    problems = _broken_copy(tmp_path, """\
        [[chart]]
        id = "gap-no-reason"
        kind = "grouped"
        dataset = "us-goods-trade-partners"
        title_en = "x"
        title_es = "x"
        where = { period = "2025" }
        categories = ["MX", "CA"]
        series = ["imports"]
        """)
    assert any(str(p).startswith("charts/zz_bad.toml:1: chart gap-no-reason: missing value CA/imports") for p in problems)
