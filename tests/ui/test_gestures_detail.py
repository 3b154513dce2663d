"""The detail view and its chart driven as a user drives them (issue 12 "Detail view"; issue 10 item 4).

Mouse clicks, wheel turns and mouse moves are real events on the real widgets (the plot's viewport,
the buttons); nothing calls the slot behind a gesture.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

pytest.importorskip("pyqtgraph")


@pytest.fixture
def detail(qtbot, catalog):
    """A shown DetailView over the bundled catalog, tall enough to scroll (the chart below the fold)."""
    from nap_desktop.ui.browse.detail_view import DetailView

    def make(fact_id: str, lang: str = "en", size: tuple[int, int] = (900, 600)):
        view = DetailView(catalog, lang)
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        view.show_fact(fact_id)
        QApplication.processEvents()
        return view

    return make


def _scene_to_viewport(chart, x: float, y: float) -> QPoint:
    """Where the data point (x, y) of the chart is on the plot's viewport, in pixels."""
    vb = chart.plot_widget.getPlotItem().getViewBox()
    return chart.plot_widget.mapFromScene(vb.mapViewToScene(QPointF(x, y)))


def _hover(qtbot, chart, x: float, y: float) -> str:
    """Move the real mouse over data point (x, y) and return what the chart shows for it."""
    chart.last_hover_text = ""
    viewport = chart.plot_widget.viewport()
    QTest.mouseMove(viewport, _scene_to_viewport(chart, x, y))
    qtbot.waitUntil(lambda: chart.last_hover_text != "", timeout=2000)
    return chart.last_hover_text


def _bring_plot_into_view(qtbot, view) -> None:
    view.ensureWidgetVisible(view.chart_view.plot_widget, 0, 0)
    QApplication.processEvents()


# ---- 1. table mode never sticks to the next fact ------------------------------------------------

def test_a_fact_opened_after_table_mode_shows_its_chart(qtbot, catalog, settings_dir):
    from tests.ui.test_main_window import _open_window

    gen = _open_window(qtbot, catalog, settings_dir)
    window = next(gen)
    try:
        window.open_detail("usmca-gdp-share-na-2025")
        chart = window.detail_view.chart_view
        qtbot.mouseClick(chart.table_toggle, Qt.MouseButton.LeftButton)
        assert chart.stack.currentWidget() is chart.table
        # Esc goes back to the cards; Return on a card opens its detail (the gestures of the window)
        window.detail_view.setFocus()
        QTest.keyClick(window.detail_view, Qt.Key.Key_Escape)
        assert window.pages.currentWidget() is not window.detail_view
        window.open_detail("tech-atp-group-biotechnology")
        assert window.detail_view.fact.id == "tech-atp-group-biotechnology"
        assert chart.stack.currentWidget() is chart.plot_widget, "the table of the last fact stuck"
        assert chart.table_toggle.text() == "Show table"
        # the same fact again (a language switch, a refresh) keeps the user's choice
        qtbot.mouseClick(chart.table_toggle, Qt.MouseButton.LeftButton)
        window.detail_view.show_fact("tech-atp-group-biotechnology")
        assert chart.stack.currentWidget() is chart.table
    finally:
        next(gen, None)  # run the fixture's teardown: the language back to English


# ---- 2. the wheel over a chart scrolls the page ---------------------------------------------------

def _wheel(widget, pos: QPoint, delta_y: int) -> None:
    glob = widget.mapToGlobal(pos)
    event = QWheelEvent(QPointF(pos), QPointF(glob), QPoint(0, 0), QPoint(0, delta_y), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_mouse_wheel_over_a_chart_scrolls_the_page_and_never_zooms(qtbot, detail):
    view = detail("usmca-trade-trilateral-since-2022", size=(900, 500))
    _bring_plot_into_view(qtbot, view)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0, "the page must be taller than the window for this test"
    bar.setValue(bar.minimum() + (bar.maximum() - bar.minimum()) // 2)
    before = bar.value()
    plot = view.chart_view.plot_widget
    vb = plot.getPlotItem().getViewBox()
    ranges = vb.viewRange()
    centre = plot.viewport().rect().center()
    assert plot.viewport().isVisible()
    _wheel(plot.viewport(), centre, -120)  # one notch towards the user: the page moves down
    assert bar.value() > before
    moved = bar.value()
    _wheel(plot.viewport(), centre, 120)
    assert bar.value() < moved
    assert vb.viewRange() == ranges, "the wheel zoomed the chart"


# ---- 3. hover values carry the unit, in the UI language -----------------------------------------

def test_hovering_a_bar_shows_its_value_with_the_unit(qtbot, detail):
    view = detail("usmca-gdp-share-na-2025")
    _bring_plot_into_view(qtbot, view)
    chart = view.chart_view
    # North America, 30%: the first bar, drawn at the top
    n = len(chart.spec.categories)
    assert _hover(qtbot, chart, 15.0, n - 1) == "North America (USMCA): 30%"


def test_hovering_a_count_shows_the_noun_of_its_axis_in_both_languages(qtbot, detail):
    view = detail("usmca-jobs-mfg-lost-us")
    _bring_plot_into_view(qtbot, view)
    chart = view.chart_view
    assert chart.spec.id == "usmca-manufacturing-jobs-lost"
    assert _hover(qtbot, chart, 0.0, 50000.0) == "United States: 113,000 jobs lost"
    view.set_language("es")
    assert _hover(qtbot, chart, 0.0, 40000.0) == "Estados Unidos: 113,000 empleos perdidos"


def test_hovering_a_line_point_shows_money_with_its_unit_in_spanish(qtbot, detail):
    view = detail("usmca-trade-trilateral-since-2022", lang="es")
    _bring_plot_into_view(qtbot, view)
    chart = view.chart_view
    spec = chart.spec
    i = spec.categories.index("2025")
    mx = next(k for k, s in enumerate(spec.series) if s.key == "MX")
    value = spec.series[mx].values[i]
    assert _hover(qtbot, chart, float(i), value) == "2025 · México: 872.8 mil millones de dólares"


# ---- 4. Copy data: title, unit, table, source -----------------------------------------------------

def test_copy_data_copies_title_unit_table_and_source_as_text_and_html(qtbot, detail):
    view = detail("tech-atp-group-biotechnology")
    chart = view.chart_view
    qtbot.mouseClick(chart.copy_button, Qt.MouseButton.LeftButton)
    mime = QGuiApplication.clipboard().mimeData()
    lines = mime.text().splitlines()
    assert lines[0] == chart.spec.title_en
    assert lines[1] == "Unit: %"
    assert lines[2].split("\t") == ["ATP technology group", "Share of the 2025 ATP deficit"]
    assert lines[3].split("\t") == ["Information & communications", "87"]
    assert lines[-1].startswith("Source: U.S. Census Bureau")
    html = mime.html()
    assert "<table" in html and "<th>ATP technology group</th>" in html and "87%" in html
    assert "Source: U.S. Census Bureau" in html
    view.set_language("es")
    qtbot.mouseClick(chart.copy_button, Qt.MouseButton.LeftButton)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0] == chart.spec.title_es and lines[-1].startswith("Fuente: ")


# ---- 5. colours, legends, ticks, labels -----------------------------------------------------------

def _bars(chart):
    import pyqtgraph as pg

    return [i for i in chart.plot_widget.getPlotItem().items if isinstance(i, pg.BarGraphItem)]


def test_surpluses_have_their_own_colour_and_meaning_in_the_legend(qtbot, detail):
    from nap_desktop.core.charts.spec import NEGATIVE_COLOR

    view = detail("tech-atp-group-biotechnology")
    chart = view.chart_view
    spec = chart.spec
    fills = {b.opts["brush"].color().name().upper() for b in _bars(chart)}
    assert NEGATIVE_COLOR.upper() in fills  # aerospace's surplus, as in the deck and the SVG
    assert chart.legend_entries == ["Adds to the deficit", "Surplus (reduces the deficit)"]
    aerospace = spec.categories.index("atp08-aerospace")
    assert _hover(qtbot, chart, -10.0, len(spec.categories) - 1 - aerospace) == "Aerospace: -27%"


def test_north_america_is_drawn_in_the_deck_highlight_colour(qtbot, detail):
    from nap_desktop.core.charts.spec import NORTH_AMERICA_COLOR, REST_COLOR

    view = detail("usmca-gdp-share-na-2025")
    chart = view.chart_view
    fills = [b.opts["brush"].color().name().upper() for b in _bars(chart)]
    assert fills == [NORTH_AMERICA_COLOR.upper()] + [REST_COLOR.upper()] * 3
    assert chart.legend_entries == ["North America", "Rest of the world"]


def _spec(series, kind="grouped", **extra):
    from nap_desktop.core.charts.spec import ChartSpec

    return ChartSpec(id="t", kind=kind, dataset="t", title_en="T", title_es="T", categories=("a", "b"),
                     category_labels_en=("A", "B"), category_labels_es=("A", "B"), series=series, unit="pct",
                     decimals=1, sources=("nap-2026",), **extra)


def test_three_series_declared_in_one_grey_get_distinct_colours_and_an_empty_series_no_legend(qtbot, catalog):
    from nap_desktop.core.charts.spec import Gap, Series
    from nap_desktop.ui.browse.chart_view import ChartView

    grey = "#7F7F7F"
    spec = _spec((Series("x", "First", "Primera", grey, (1.0, 2.0)),
                  Series("y", "Second", "Segunda", grey, (3.0, 4.0)),
                  Series("z", "Third", "Tercera", grey, (5.0, 6.0)),
                  Series("e", "Never published", "Nunca publicada", "#0072B2", (None, None))),
                 gaps=(Gap("a", "e", "Not published", "No publicada"), Gap("b", "e", "Not published", "No publicada")))
    chart = ChartView(spec, catalog, "en")
    qtbot.addWidget(chart)
    chart.resize(800, 500)
    chart.show()
    qtbot.waitExposed(chart)
    colours = [b.opts["brush"].color().name().upper() for b in _bars(chart)]
    assert len(set(colours)) == 3
    assert chart.legend_entries == ["First", "Second", "Third"]  # series order; no bar, no entry
    assert "Never published" in chart.gap_label.text()  # the missing series is still explained


def test_months_read_jan_2024_and_ticks_carry_only_the_decimals_needed(qtbot, catalog):
    from nap_desktop.ui.browse.chart_view import ChartView

    chart = ChartView(catalog.charts["usmca-us-manufacturing-employment"], catalog, "en")
    qtbot.addWidget(chart)
    chart.resize(900, 500)
    chart.show()
    qtbot.waitExposed(chart)
    plot = chart.plot_widget.getPlotItem()
    ticks = [t for _, t in plot.getAxis("bottom")._tickLevels[0]]
    assert "Jan 2025" in ticks and not any("-" in t for t in ticks)
    chart.set_language("es")
    ticks = [t for _, t in plot.getAxis("bottom")._tickLevels[0]]
    assert "ene 2025" in ticks
    left = plot.getAxis("left")
    assert left.tickStrings([12600.0, 12700.0, 12800.0], 1.0, 100.0) == ["12,600", "12,700", "12,800"]
    assert left.tickStrings([0.5, 1.0, 1.5], 1.0, 0.5) == ["0.5", "1.0", "1.5"]
    # no axis title says what the subtitle and the month labels already say
    assert plot.getAxis("left").labelText == "" and plot.getAxis("bottom").labelText == ""


# ---- 6. a fact's chart shows the fact's figure, or the fact has no chart ------------------------

def test_the_1_6_trillion_fact_no_longer_opens_a_chart_that_cannot_show_it(qtbot, detail, catalog):
    view = detail("usmca-trade-trilateral-20y")
    assert view.fact.chart is None
    assert view.chart_view is None or not view.chart_view.isVisible()
    assert not view.add_chart_button.isVisible()
    # the chart stays with the fact it does show: about USD 1.6 trillion since 2022
    trade = catalog.charts["usmca-trilateral-trade"]
    assert "usmca-trade-trilateral-20y" not in trade.facts
    assert catalog.fact("usmca-trade-trilateral-since-2022").chart == trade.id


def test_the_chart_speaks_spanish_through_the_installed_translation(qtbot, detail):
    from nap_desktop.ui.i18n import translations

    translations().set_language("es")
    try:
        view = detail("usmca-gdp-share-na-2025", lang="es")
        chart = view.chart_view
        assert chart.legend_entries == ["América del Norte", "Resto del mundo"]
        qtbot.mouseClick(chart.copy_button, Qt.MouseButton.LeftButton)
        lines = QGuiApplication.clipboard().text().splitlines()
        assert lines[1] == "Unidad: %"
        assert chart.copy_button.text() == "Copiar datos"
    finally:
        translations().set_language("en")


def test_the_timeline_emphasises_the_date_its_title_names_and_hovers_it(qtbot, detail):
    view = detail("usmca-review-joint-review-2026")
    _bring_plot_into_view(qtbot, view)
    chart = view.chart_view
    assert chart.key_events == ["First joint review"]
    assert chart.plot_widget.getPlotItem().getAxis("bottom").labelText == ""  # no "Year" under years
    x = next(px for px, _, t in chart.hit_points() if t.startswith("First joint review"))
    assert _hover(qtbot, chart, x, 0.0) == "First joint review: July 1, 2026"


def test_the_spanish_detail_fits_a_1024_window_without_a_horizontal_scroll_bar(qtbot, catalog, settings_dir):
    from tests.ui.test_main_window import _open_window

    gen = _open_window(qtbot, catalog, settings_dir)
    window = next(gen)
    try:
        window.set_language("es")
        window.resize(1024, 640)
        window.open_detail("auto-production-na-3q2025")
        QApplication.processEvents()
        view = window.detail_view
        qtbot.waitUntil(lambda: view.widget().width() <= view.viewport().width(), timeout=2000)
        assert not view.horizontalScrollBar().isVisible()
        assert view.add_button.text() == "+ Agregar dato al paquete"
        # the two add buttons went one above the other rather than past the edge
        assert view.add_chart_button.geometry().top() > view.add_button.geometry().top()
    finally:
        next(gen, None)  # run the fixture's teardown: the language back to English


def test_a_stack_with_a_missing_part_shows_no_total_and_each_empty_run_one_mark(qtbot, catalog):
    import pyqtgraph as pg

    from nap_desktop.core.charts.spec import Gap, Series
    from nap_desktop.ui.browse.chart_view import ChartView

    cats = ("2019", "2020", "2021", "2022")
    spec = _spec((Series("ca", "Canada", "Canadá", "#56B4E9", (500.0, None, None, 520.0)),
                  Series("mx", "Mexico", "México", "#009E73", (600.0, 610.0, None, 630.0))), kind="stacked",
                 gaps=(Gap("2020", "ca", "Not found", "No se encontró"), Gap("2021", "ca", "Not found", "No se encontró"),
                       Gap("2021", "mx", "Not found", "No se encontró")))
    spec = __import__("dataclasses").replace(spec, categories=cats, category_labels_en=cats, category_labels_es=cats)
    chart = ChartView(spec, catalog, "en")
    qtbot.addWidget(chart)
    chart.resize(800, 500)
    chart.show()
    qtbot.waitExposed(chart)
    texts = [i.toPlainText() for i in chart.plot_widget.getPlotItem().items if isinstance(i, pg.TextItem)]
    assert texts.count("n/a *") == 2  # 2020's missing Canada on its stack; 2021 empty
    assert sorted(t for t in texts if t.startswith("Total")) == ["Total 1,100.0%", "Total 1,150.0%"]
    assert "2020–2021" not in chart.gap_label.text()  # two years are named, not a range
    assert "2020, 2021 (Canada): Not found" in chart.gap_label.text()
