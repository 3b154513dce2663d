"""ChartView draws every ChartSpec kind: hover values, axis units, gaps with reasons, source line, table."""

from __future__ import annotations

import pytest

from nap_desktop.core.charts.spec import KINDS, ChartSpec, Gap, Series, source_line

pytest.importorskip("pyqtgraph")

# Figures from the report (April 2026 update); categories the report leaves out are gaps.
GDP_SHARES = (("na", "North America", "América del Norte", 30.0), ("eu", "European Union", "Unión Europea", 18.0),
              ("cn", "China", "China", 17.0), ("lac", "Latin America and the Caribbean",
                                                 "América Latina y el Caribe", 6.0))


def make_spec(kind: str) -> ChartSpec:
    base = dict(id=f"test-{kind}", kind=kind, dataset="test", sources=("imf", "nap-2026"),
                title_en=f"A {kind} chart", title_es=f"Una gráfica {kind}")
    if kind in ("column", "bar", "share", "table"):
        cats = GDP_SHARES
        values = tuple(c[3] for c in cats)
        if kind == "share":
            series = (Series("2025", "2025", "2025", "#0072B2", values),)
        else:
            series = (Series("share", "Share of world GDP", "Participación en el PIB mundial", "#0072B2", values),)
        return ChartSpec(**base, categories=tuple(c[0] for c in cats), category_labels_en=tuple(c[1] for c in cats),
                         category_labels_es=tuple(c[2] for c in cats), series=series, unit="pct", decimals=0,
                         highlight=("na",))
    if kind == "line":
        return ChartSpec(**base, categories=("2005", "2015", "2025"), category_labels_en=("2005", "2015", "2025"),
                         category_labels_es=("2005", "2015", "2025"), x_title_en="Year", x_title_es="Año",
                         series=(Series("trade", "Trilateral goods trade", "Comercio trilateral de bienes",
                                        "#0072B2", (803.0, None, 1600.0)),),
                         unit="usd_bn", decimals=0,
                         gaps=(Gap("2015", "trade", "The report does not state this year",
                                   "El informe no da este año"),))
    if kind == "grouped":
        return ChartSpec(**base, categories=("mx", "ca"), category_labels_en=("Mexico", "Canada"),
                         category_labels_es=("México", "Canadá"), unit="pct", decimals=1,
                         series=(Series("imports", "Share of U.S. agricultural imports",
                                        "Participación en importaciones agropecuarias de EE.UU.", "#0072B2", (32.7, None)),
                                 Series("exports", "Share of U.S. agricultural exports",
                                        "Participación en exportaciones agropecuarias de EE.UU.", "#E69F00", (16.9, None))),
                         gaps=(Gap("ca", "imports", "Not stated in the report", "El informe no lo indica"),
                               Gap("ca", "exports", "Not stated in the report", "El informe no lo indica")))
    if kind == "stacked":
        return ChartSpec(**base, categories=("ca",), category_labels_en=("Canada",), category_labels_es=("Canadá",),
                         unit="count", decimals=0,
                         series=(Series("mines", "Active mines", "Minas activas", "#0072B2", (56.0,)),
                                 Series("processing", "Processing facilities", "Plantas de procesamiento", "#E69F00",
                                        (31.0,)),
                                 Series("projects", "Advanced projects", "Proyectos avanzados", "#009E73", (171.0,))))
    if kind == "diverging":
        return ChartSpec(**base, categories=("us", "mx"),
                         category_labels_en=("U.S. motor vehicles and parts output", "Mexico vehicle production"),
                         category_labels_es=("Producción de vehículos y autopartes de EE.UU.",
                                             "Producción de vehículos de México"),
                         series=(Series("change", "Change", "Cambio", "#0072B2", (-1.92, -0.9)),),
                         unit="pct", decimals=2)
    if kind == "timeline":
        cats = ("force", "review", "end")
        return ChartSpec(**base, categories=cats,
                         category_labels_en=("Entry into force", "Joint review", "Termination date without extension"),
                         category_labels_es=("Entrada en vigor", "Revisión conjunta", "Terminación sin extensión"),
                         series=(), unit="date",
                         extra={"dates": {"force": "2020-07-01", "review": "2026-07-01", "end": "2036-07-01"}})
    if kind == "tilemap":
        return ChartSpec(**base, categories=("TX", "CA", "ME"), category_labels_en=("Texas", "California", "Maine"),
                         category_labels_es=("Texas", "California", "Maine"), series=(), unit="none",
                         extra={"positions": {"TX": [6, 4], "CA": [4, 0], "ME": [0, 10]},
                                "classes": {"TX": "top", "CA": "top"},
                                "class_labels": {"top": {"en": "Mexico is the top market", "es": "México es el "
                                                                                              "principal mercado"}},
                                "class_colors": {"top": "#0072B2"}})
    raise AssertionError(kind)


@pytest.fixture
def chart_catalog(sample_catalog):
    import dataclasses

    from nap_desktop.core.catalog.model import Source

    sources = dict(sample_catalog.sources)
    sources["imf"] = Source("imf", "International Monetary Fund", "World Economic Outlook", "official",
                            date="2025-10")
    return dataclasses.replace(sample_catalog, sources=sources)


@pytest.fixture
def make_view(qtbot, chart_catalog):
    from nap_desktop.ui.browse.chart_view import ChartView

    def make(kind: str, lang: str = "en"):
        view = ChartView(make_spec(kind), chart_catalog, lang)
        qtbot.addWidget(view)
        view.resize(900, 600)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_draws_with_title_source_line_and_table(make_view, chart_catalog, kind):
    view = make_view(kind)
    spec = view.spec
    assert view.title_label.text() == spec.title_en
    assert view.source_label.text() == source_line(spec, chart_catalog, "en")
    assert "International Monetary Fund (2025)" in view.source_label.text()
    assert view.table.rowCount() == len(spec.categories)
    if kind == "table":
        assert view.stack.currentWidget() is view.table
    else:
        assert view.stack.currentWidget() is view.plot_widget
        assert view.hit_points(), "nothing to hover"


def test_hover_on_a_column_shows_the_exact_formatted_value(make_view):
    view = make_view("column")
    # the first column (North America, 30%) sits at x=0
    assert view.hover_text_at(0.0, 10.0) == "North America: 30%"
    assert view.hover_text_at(3.0, 3.0) == "Latin America and the Caribbean: 6%"
    assert view.hover_text_at(0.5, 50.0) == ""


def test_hover_on_a_line_point_shows_value_and_period(make_view):
    view = make_view("line")
    assert view.hover_text_at(2.0, 1600.0) == "2025 · Trilateral goods trade: USD 1,600 billion"


def test_value_axis_carries_the_unit_and_the_category_axis_no_title(make_view):
    view = make_view("line")
    plot = view.plot_widget.getPlotItem()
    assert plot.getAxis("left").labelText == "USD billion"
    assert plot.getAxis("bottom").labelText == ""  # "Year" under years says nothing
    bar_view = make_view("bar")
    bar = bar_view.plot_widget.getPlotItem()
    # four labelled bars: the data labels carry the numbers, so no value axis (as in the deck)
    assert not bar.getAxis("bottom").isVisible()


def test_value_axis_ticks_are_formatted_by_language(make_view):
    view = make_view("line", lang="es")
    axis = view.plot_widget.getPlotItem().getAxis("left")
    assert axis.tickStrings([1000.0, 1500.0], 1.0, 500.0) == ["1,000", "1,500"]
    assert axis.tickStrings([0.5], 1.0, 0.5) == ["0.5"]


def test_gaps_are_marked_with_their_reason(make_view):
    view = make_view("line")
    assert "2015: The report does not state this year" in view.gap_label.text()
    assert view.hover_text_at(1.0, 1200.0) == "2015 · Trilateral goods trade: n/a — The report does not state this year"
    table_cell = view.table.item(1, 1)
    assert table_cell.text() == "n/a *"
    assert table_cell.toolTip() == "The report does not state this year"


def test_grouped_gap_is_explained_per_series(make_view):
    view = make_view("grouped")
    text = view.gap_label.text()
    # both series lack Canada for the same reason: one line names them both
    assert ("Canada (Share of U.S. agricultural imports, Share of U.S. agricultural exports): "
            "Not stated in the report") in text


def test_diverging_bars_colour_negative_changes(make_view):
    import pyqtgraph as pg

    from nap_desktop.ui.browse.chart_view import NEGATIVE

    view = make_view("diverging")
    bars = [i for i in view.plot_widget.getPlotItem().items if isinstance(i, pg.BarGraphItem)]
    assert len(bars) == 2
    assert {b.opts["brush"].color().name().upper() for b in bars} == {NEGATIVE.upper()}
    assert "U.S. motor vehicles and parts output: -1.92%" in [t for _, _, t in view.hit_points()]


def test_stacked_segments_sit_on_top_of_each_other(make_view):
    view = make_view("stacked")
    centres = sorted(y for _, y, _ in view.hit_points())
    assert centres == [28.0, 56.0 + 15.5, 87.0 + 85.5]


def test_share_bars_are_labelled_with_the_highlight_legend(make_view):
    view = make_view("share")
    # one bar per economy, as the deck draws shares: North America in its colour, the rest grey
    assert view.legend_entries == ["North America", "Rest of the world"]
    hits = view.hit_points()
    assert [t for _, _, t in hits] == ["North America: 30%", "European Union: 18%", "China: 17%",
                                       "Latin America and the Caribbean: 6%"]
    assert [round(x, 1) for x, _, _ in hits] == [15.0, 9.0, 8.5, 3.0]  # each bar grows from zero
    assert [round(y, 1) for _, y, _ in hits] == [3.0, 2.0, 1.0, 0.0]  # the first category on top


def test_tilemap_draws_a_square_per_placed_state_with_a_legend(make_view):
    view = make_view("tilemap")
    texts = [t for _, _, t in view.hit_points()]
    assert len(texts) == 3
    assert "Texas (Mexico is the top market)" in texts
    assert "Maine" in texts  # no class: drawn, no claim
    assert view.legend_entries == ["Mexico is the top market", "No data"]


def test_timeline_hover_shows_the_date_in_each_language(make_view):
    view = make_view("timeline")
    assert "Joint review: July 1, 2026" in [t for _, _, t in view.hit_points()]
    view.set_language("es")
    assert "Revisión conjunta: 1 de julio de 2026" in [t for _, _, t in view.hit_points()]


def test_table_toggle_and_copy_as_tab_separated_text(make_view, qtbot):
    from PySide6.QtGui import QGuiApplication

    view = make_view("grouped")
    from PySide6.QtCore import Qt

    qtbot.mouseClick(view.table_toggle, Qt.MouseButton.LeftButton)
    assert view.stack.currentWidget() is view.table
    assert view.table_toggle.text() == "Show chart"
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[:2] == ["A grouped chart", "Unit: %"]
    assert lines[2].split("\t") == ["Category", "Share of U.S. agricultural imports", "Share of U.S. agricultural exports"]
    assert lines[3].split("\t") == ["Mexico", "32.7", "16.9"]
    assert lines[4].split("\t") == ["Canada", "", ""]  # a gap stays empty: Excel must not read it as zero
    assert lines[-1].startswith("Source")


def test_switching_language_redraws_titles_labels_and_numbers(make_view):
    view = make_view("line")
    view.set_language("es")
    assert view.title_label.text() == "Una gráfica line"
    assert view.source_label.text().startswith(("Fuente: ", "Fuentes: "))  # the report is implied when an agency is named
    assert view.hover_text_at(2.0, 1600.0) == "2025 · Comercio trilateral de bienes: 1,600 mil millones de dólares"
    assert view.plot_widget.getPlotItem().getAxis("left").labelText == "miles de millones de dólares"


def test_set_spec_replaces_the_chart(make_view):
    view = make_view("timeline")
    view.set_spec(make_spec("line"))
    assert view.hover_text_at(2.0, 1600.0) == "2025 · Trilateral goods trade: USD 1,600 billion"
    assert view.plot_widget.getPlotItem().getAxis("left").isVisible()


# ---- gap labels and no-data tiles stay visible (seen on screenshots) --------------------------------

def _gap_texts(view):
    import pyqtgraph as pg

    view.grab()  # paint once: text items place themselves in the view when drawn
    plot = view.plot_widget.getPlotItem()
    return [i for i in plot.items if isinstance(i, pg.TextItem) and i.toPlainText().startswith("n/a")]


def test_gap_labels_of_an_all_negative_diverging_chart_stay_inside_the_plot(qtbot, chart_catalog):
    from nap_desktop.ui.browse.chart_view import ChartView

    # The report's production change, 3Q2025: every value negative, 2019 given for the region only.
    cats = ("na", "ca", "us", "mx")
    spec = ChartSpec(id="test-negative", kind="diverging", dataset="test", sources=("nap-2026",),
                     title_en="Production fell", title_es="La producción cayó", categories=cats,
                     category_labels_en=("North America", "Canada", "United States", "Mexico"),
                     category_labels_es=("América del Norte", "Canadá", "Estados Unidos", "México"),
                     series=(Series("y24", "vs 3Q2024", "vs 3T2024", "#D55E00", (-3.0, -4.0, -4.0, -2.0)),
                             Series("y19", "vs 3Q2019", "vs 3T2019", "#E69F00", (-8.0, None, None, None))),
                     unit="pct", decimals=0,
                     gaps=tuple(Gap(c, "y19", "Region only", "Solo la región") for c in cats[1:]))
    view = ChartView(spec, chart_catalog, "en")
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    box = view.plot_widget.getPlotItem().getViewBox().sceneBoundingRect()
    labels = _gap_texts(view)
    assert len(labels) == 3
    for label in labels:
        assert box.contains(label.sceneBoundingRect()), "an 'n/a' label is cut off at the plot edge"


def test_line_gap_labels_one_per_run_of_missing_years_and_never_overlapping(qtbot, chart_catalog):
    from nap_desktop.ui.browse.chart_view import ChartView

    years = tuple(str(y) for y in range(1994, 2026))
    missing = {2017, 2018, 2019, 2021}
    values = tuple(None if int(y) in missing else 500.0 + i * 10 for i, y in enumerate(years))
    spec = ChartSpec(id="test-line-gaps", kind="line", dataset="test", sources=("nap-2026",),
                     title_en="Trade", title_es="Comercio", categories=years, category_labels_en=years,
                     category_labels_es=years, unit="usd_bn", decimals=0,
                     series=(Series("ca", "Canada", "Canadá", "#56B4E9", values),
                             Series("mx", "Mexico", "México", "#009E73", values)),
                     gaps=tuple(Gap(str(y), k, "Not found", "No se encontró") for y in missing for k in ("ca", "mx")))
    view = ChartView(spec, chart_catalog, "en")
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    labels = _gap_texts(view)
    assert len(labels) == 2  # 2017-2019 and 2021
    rects = [label.sceneBoundingRect() for label in labels]
    assert not rects[0].intersects(rects[1])
    box = view.plot_widget.getPlotItem().getViewBox().sceneBoundingRect()
    assert all(box.contains(r) for r in rects)


def test_tilemap_no_data_tiles_are_outlined_and_hatched_and_in_the_legend(make_view):
    import pyqtgraph as pg
    from PySide6.QtCore import Qt

    view = make_view("tilemap")
    bars = [i for i in view.plot_widget.getPlotItem().items if isinstance(i, pg.BarGraphItem)]
    maine = [b for b in bars if float(b.opts["x0"][0]) == 10.0]  # ME has no class: no data
    assert any(b.opts["pen"].style() != Qt.PenStyle.NoPen for b in maine)
    assert any(b.opts["brush"].style() == Qt.BrushStyle.BDiagPattern for b in maine)
    texas = [b for b in bars if float(b.opts["x0"][0]) == 4.0]
    assert all(b.opts["brush"].style() == Qt.BrushStyle.SolidPattern for b in texas)
    assert "▨" in view.legend_label.text() and "No&nbsp;data" in view.legend_label.text()
