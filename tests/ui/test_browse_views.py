"""The Charts and Sources views driven as a user would: clicks on the entries and rows, typing in the
filters, double-clicks, Enter, Esc, Ctrl+D, Ctrl+1/2/3, the add buttons, a drop into the pack; both languages."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nap_desktop.core.catalog.unavailable import unavailable_charts

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
#: the charts no fact links to (unreachable before the Charts view)
FACTLESS = {"auto-production-oica", "auto-production-by-type-2022", "coprod-trilateral-trade-by-partner",
            "coprod-trade-partners-table", "tech-atp-groups-table", "usmca-us-manufacturing-employment"}


@pytest.fixture
def win(qtbot, catalog, settings_dir):
    from nap_desktop.ui.pack import file_controller
    from nap_desktop.ui.i18n import translations
    from nap_desktop.ui.main_window import MainWindow

    window = MainWindow(catalog, settings_dir=settings_dir, lang="en")
    window.file_controller.confirm_discard = lambda: file_controller.DISCARD
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    yield window
    translations().set_language("en")


def _click(widget, button=LEFT):
    QTest.mouseClick(widget, button, Qt.KeyboardModifier.NoModifier, widget.rect().center())


def _row_point(tree, item):
    tree.scrollToItem(item)
    return tree.visualItemRect(item).center()


def _double_click(viewport, point):
    """What a real double click sends: press, release, then the double-click press and its release
    (QTest.mouseDClick alone sends only the second press, which item views ignore)."""
    QTest.mouseClick(viewport, LEFT, Qt.KeyboardModifier.NoModifier, point)
    QTest.mouseDClick(viewport, LEFT, Qt.KeyboardModifier.NoModifier, point)
    QTest.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.NoModifier, point)


def _click_row(tree, item):
    QTest.mouseClick(tree.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, _row_point(tree, item))


def _open_charts(win):
    assert win.browse.charts_page is None  # built when first opened, not at start-up
    _click(win.browse.charts_button)
    page = win.browse.charts_page
    assert page is not None and win.pages.currentWidget() is page
    return page


def _open_sources(win):
    assert win.browse.sources_page is None
    _click(win.browse.sources_button)
    page = win.browse.sources_page
    assert page is not None and win.pages.currentWidget() is page
    return page


def _pack_refs(win, kind):
    return [i.ref for i in win.document.pack.items if i.kind == kind]


# ---- Charts ------------------------------------------------------------------------------------------
def test_the_charts_entry_lists_every_chart_the_unavailable_ones_and_the_six_without_a_fact(win, catalog):
    page = _open_charts(win)
    unavailable = {u["id"] for u in unavailable_charts(catalog)}
    assert unavailable, "the catalog declares report charts that cannot be drawn"
    shown = set(page.visible_ids())
    assert shown == set(catalog.charts) | unavailable
    assert FACTLESS <= shown
    total = len(catalog.charts) + len(unavailable)
    assert page.count_label.text() == f"{total} of {total} charts ({len(unavailable)} not available)"
    assert win.browse.charts_button.isChecked()
    # a fact-less chart says it is reachable only here
    _click_row(page.tree, page._items["tech-atp-groups-table"])
    assert page.tree.current_id() == "tech-atp-groups-table"
    assert "only from here" in page.facts_heading.text()
    assert not page.facts_list.isVisible()
    # rows are grouped by section, in the report's order
    groups = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert groups[0] == "USMCA fast facts" and "The auto industry" in groups


def test_typing_in_the_filter_narrows_the_charts_accents_and_capitals_ignored(win, qtbot):
    page = _open_charts(win)
    QTest.keyClicks(page.filter_field, "PRODUCCION de vehiculos")
    assert set(page.visible_ids()) == {"auto-production-change-3q2025", "auto-production-oica",
                                       "auto-production-by-type-2022"}
    assert page.count_label.text().startswith("3 of ")
    page.filter_field.clear()
    QTest.keyClicks(page.filter_field, "not available")
    assert set(page.visible_ids()) == {u["id"] for u in unavailable_charts(win.catalog)}
    # Esc clears the filter first, then goes back to the cards
    QTest.keyClick(page.filter_field, Qt.Key.Key_Escape)
    assert page.filter_field.text() == ""
    assert win.pages.currentWidget() is page
    QTest.keyClick(page.filter_field, Qt.Key.Key_Escape)
    assert win.pages.currentWidget() is win.cards_page


def test_double_click_opens_a_chart_alone_and_ctrl_d_adds_it(win, qtbot):
    page = _open_charts(win)
    item = page._items["auto-production-oica"]
    _double_click(page.tree.viewport(), _row_point(page.tree, item))
    chart_page = win.browse.chart_page
    assert chart_page is not None and win.pages.currentWidget() is chart_page
    assert chart_page.chart_id == "auto-production-oica"
    assert chart_page.chart_view.spec.id == "auto-production-oica"
    assert win.save_chart_action.isEnabled()  # Chart > Save chart image works on it
    QTest.keyClick(chart_page, Qt.Key.Key_D, CTRL)
    assert _pack_refs(win, "chart") == ["auto-production-oica"]
    # back to the list, at the same chart
    _click(chart_page.back_button)
    assert win.pages.currentWidget() is page and page.tree.current_id() == "auto-production-oica"


def test_enter_opens_and_ctrl_d_in_the_list_adds_the_selected_chart(win):
    page = _open_charts(win)
    _click_row(page.tree, page._items["usmca-us-manufacturing-employment"])
    QTest.keyClick(page.tree, Qt.Key.Key_D, CTRL)
    assert _pack_refs(win, "chart") == ["usmca-us-manufacturing-employment"]
    assert win.statusBar().currentMessage() == "Added to the briefing pack."
    QTest.keyClick(page.tree, Qt.Key.Key_Return)
    assert win.pages.currentWidget() is win.browse.chart_page
    assert win.browse.chart_page.chart_id == "usmca-us-manufacturing-employment"
    # Esc goes where the page's "Back to the charts" button goes (issue 26), at the same chart
    QTest.keyClick(win.browse.chart_page, Qt.Key.Key_Escape)
    assert win.pages.currentWidget() is page
    assert page.tree.current_id() == "usmca-us-manufacturing-employment"
    QTest.keyClick(page.tree, Qt.Key.Key_Escape)  # and from the list, back to the cards
    assert win.pages.currentWidget() is win.cards_page


def test_an_unavailable_chart_shows_its_reason_is_never_drawn_and_cannot_be_added(win, catalog):
    page = _open_charts(win)
    block = next(u for u in unavailable_charts(catalog) if u["id"] == "tech-atp-balance-by-year")
    item = page._items[block["id"]]
    assert item.text(1) == "Not available"
    assert item.toolTip(0) == block["reason_en"]
    _click_row(page.tree, item)
    assert page.reason_label.isVisible() and page.reason_label.text() == block["reason_en"]
    assert not page.add_button.isEnabled() and not page.open_button.isEnabled()
    QTest.keyClick(page.tree, Qt.Key.Key_D, CTRL)
    assert not win.document.pack.items
    assert "cannot be added" in win.statusBar().currentMessage()
    _double_click(page.tree.viewport(), _row_point(page.tree, item))
    assert win.pages.currentWidget() is page  # never drawn
    assert win.browse.chart_page is None
    # the facts the report's chart illustrates are listed, and one opens with a double click
    assert page.facts_list.count() == len(block["facts"])
    fact_item = page.facts_list.item(0)
    _double_click(page.facts_list.viewport(), page.facts_list.visualItemRect(fact_item).center())
    assert win.pages.currentWidget() is win.detail_view
    assert win.detail_view.fact.id == block["facts"][0]


def test_the_add_button_adds_and_a_dragged_chart_drops_into_the_pack(win):
    page = _open_charts(win)
    _click_row(page.tree, page._items["coprod-trade-partners-table"])
    _click(page.add_button)
    assert _pack_refs(win, "chart") == ["coprod-trade-partners-table"]
    # what a drag from the list carries, dropped on the pack list with real drag events
    _click_row(page.tree, page._items["tech-atp-groups-table"])
    mime = page.tree.mimeData(page.tree.selectedItems())
    from nap_desktop.ui.pack.pack_model import CHART_MIME

    assert json.loads(bytes(mime.data(CHART_MIME)).decode("utf-8")) == ["tech-atp-groups-table"]
    view = win.pack_panel.list_view
    rect = view.visualRect(view.model().index(0))
    point = QPointF(rect.center().x(), rect.top() + 1)
    for event in (QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier),
                  QDragMoveEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier),
                  QDropEvent(point, Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier)):
        QApplication.sendEvent(view.viewport(), event)
    assert _pack_refs(win, "chart") == ["tech-atp-groups-table", "coprod-trade-partners-table"]
    # an unavailable chart carries nothing to drop
    assert not page.tree.mimeData([page._items["tech-naics334-export-shares"]]).hasFormat(CHART_MIME)


def test_ctrl_1_2_3_reach_the_facts_the_charts_and_the_sources(win):
    QTest.keyClick(win.search_field, Qt.Key.Key_2, CTRL)
    assert win.pages.currentWidget() is win.browse.charts_page
    QTest.keyClick(win.browse.charts_page.tree, Qt.Key.Key_3, CTRL)
    assert win.pages.currentWidget() is win.browse.sources_page
    assert win.browse.sources_button.isChecked() and not win.browse.charts_button.isChecked()
    QTest.keyClick(win.browse.sources_page.tree, Qt.Key.Key_1, CTRL)
    assert win.pages.currentWidget() is win.cards_page
    texts = [a.text() for a in win.view_menu.actions()]
    assert texts[:3] == ["&Facts", "&Charts", "&Sources"]


# ---- Sources ----------------------------------------------------------------------------------------
def test_sources_filter_census_select_a_source_see_its_facts_and_add_one(win, catalog):
    page = _open_sources(win)
    assert len(page.visible_ids()) == len(catalog.sources)
    QTest.keyClicks(page.filter_field, "Census")
    shown = page.visible_ids()
    assert shown and all("census" in (catalog.sources[s].publisher + catalog.sources[s].title
                                      + catalog.sources[s].url + catalog.sources[s].note + s).lower() for s in shown)
    assert "census" in shown
    assert page.count_label.text() == f"{len(shown)} of {len(catalog.sources)} sources"
    _click_row(page.tree, page._items["census"])
    src = catalog.sources["census"]
    assert page.publisher_label.text() == src.publisher
    assert page.badge.text() == {"official": "Official", "report": "Report", "secondary": "Secondary"}[src.status]
    assert page.url_field.text() == src.url and page.url_field.isReadOnly()
    facts = [f.id for f in catalog.facts if "census" in f.sources]
    charts = [c.id for c in catalog.charts.values() if "census" in c.sources]
    listed = [(page.uses_tree.topLevelItem(i).text(0), page.uses_tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1))
              for i in range(page.uses_tree.topLevelItemCount())]
    assert listed == [("Fact", f) for f in facts] + [("Chart", c) for c in charts]
    # the URL is copied, never opened
    _click(page.copy_button)
    assert QGuiApplication.clipboard().text() == src.url
    # pick the second fact and add it
    second = page.uses_tree.topLevelItem(1)
    QTest.mouseClick(page.uses_tree.viewport(), LEFT, Qt.KeyboardModifier.NoModifier,
                     page.uses_tree.visualItemRect(second).center())
    _click(page.add_button)
    assert _pack_refs(win, "fact") == [facts[1]]
    # Enter on it opens its detail
    QTest.keyClick(page.uses_tree, Qt.Key.Key_Return)
    assert win.pages.currentWidget() is win.detail_view and win.detail_view.fact.id == facts[1]


def test_add_all_puts_every_fact_and_chart_of_a_source_in_the_pack(win, catalog):
    page = _open_sources(win)
    sid = next(s for s in catalog.sources if any(s in c.sources for c in catalog.charts.values())
               and any(s in f.sources for f in catalog.facts))
    QTest.keyClicks(page.filter_field, catalog.sources[sid].title)
    _click_row(page.tree, page._items[sid])
    _click(page.add_all_button)
    assert set(_pack_refs(win, "fact")) == {f.id for f in catalog.facts if sid in f.sources}
    assert set(_pack_refs(win, "chart")) == {c.id for c in catalog.charts.values() if sid in c.sources}


# ---- Spanish ------------------------------------------------------------------------------------------
def test_both_views_in_spanish(win, catalog):
    win.set_language("es")
    total = len(catalog.charts) + len(unavailable_charts(catalog))
    assert win.browse.charts_button.text() == f"Gráficas  ({total})"
    assert win.browse.sources_button.text() == f"Fuentes  ({len(catalog.sources)})"
    page = _open_charts(win)
    assert page.heading.text() == "Gráficas"
    assert page.tree.headerItem().text(1) == "Tipo"
    QTest.keyClicks(page.filter_field, "tecnologia avanzada")  # the Spanish titles, without accents
    assert "tech-atp-balance-by-year" in page.visible_ids()
    block = next(u for u in unavailable_charts(catalog) if u["id"] == "tech-atp-balance-by-year")
    _click_row(page.tree, page._items[block["id"]])
    assert page._items[block["id"]].text(0) == block["title_es"]
    assert page._items[block["id"]].text(1) == "No disponible"
    assert page.reason_label.text() == block["reason_es"]
    QTest.keyClick(page.tree, Qt.Key.Key_D, CTRL)
    assert not win.document.pack.items
    assert win.statusBar().currentMessage().startswith("Esta gráfica no se puede agregar")
    page.filter_field.clear()
    QTest.keyClicks(page.filter_field, "empleo manufacturero")
    _click_row(page.tree, page._items["usmca-us-manufacturing-employment"])
    assert "Líneas" in page.detail_meta.text()
    _click(page.add_button)
    assert _pack_refs(win, "chart") == ["usmca-us-manufacturing-employment"]

    sources = _open_sources(win)
    assert sources.heading.text() == "Fuentes"
    QTest.keyClicks(sources.filter_field, "Census")
    _click_row(sources.tree, sources._items["census"])
    assert sources.copy_button.text() == "Copiar enlace"
    assert sources.uses_tree.topLevelItem(0).text(0) == "Dato"
    assert sources.badge.text() in ("Oficial", "Informe", "Secundaria")
    first = sources.uses_tree.topLevelItem(0)
    QTest.mouseClick(sources.uses_tree.viewport(), LEFT, Qt.KeyboardModifier.NoModifier,
                     sources.uses_tree.visualItemRect(first).center())
    QTest.keyClick(sources.uses_tree, Qt.Key.Key_D, CTRL)
    assert _pack_refs(win, "fact") == [first.data(0, Qt.ItemDataRole.UserRole + 1)]
    # back to English: the built pages follow
    win.set_language("en")
    assert sources.heading.text() == "Sources" and sources.uses_tree.topLevelItem(0).text(0) == "Fact"


def test_switching_language_on_an_open_chart_page_retitles_it(win):
    page = _open_charts(win)
    _double_click(page.tree.viewport(), _row_point(page.tree, page._items["auto-production-oica"]))
    chart_page = win.browse.chart_page
    win.set_language("es")
    assert chart_page.back_button.text() == "← Volver a las gráficas"
    assert chart_page.chart_view.title_label.text() == win.catalog.charts["auto-production-oica"].title_es
    assert "solo se llega a ella" in chart_page.no_facts_label.text()


def test_a_user_chart_says_yours_and_the_views_follow_a_new_catalog(win, catalog):
    import dataclasses

    page = _open_charts(win)
    assert page.tree.isColumnHidden(4)  # no user chart: no origin column
    charts = dict(catalog.charts)
    charts["auto-production-oica"] = dataclasses.replace(charts["auto-production-oica"], origin="user")
    win.set_catalog(dataclasses.replace(catalog, charts=charts))  # as when the user library changes
    assert not page.tree.isColumnHidden(4)
    assert page._items["auto-production-oica"].text(4) == "Yours"
    QTest.keyClicks(page.filter_field, "yours")
    assert page.visible_ids() == ["auto-production-oica"]
    _click_row(page.tree, page._items["auto-production-oica"])
    assert "Yours" in page.detail_meta.text()


def test_with_a_user_library_the_reports_unavailable_charts_are_still_listed(win, catalog, tmp_path):
    from nap_desktop.core.catalog.loader import load_second_root

    library = tmp_path / "library"
    library.mkdir()
    merged, problems = load_second_root(catalog, library)
    assert problems == []
    win.set_catalog(merged)  # as run_app does once the library has loaded
    page = _open_charts(win)
    QTest.keyClicks(page.filter_field, "not available")
    assert set(page.visible_ids()) == {u["id"] for u in unavailable_charts(catalog)} != set()


def test_no_english_string_of_ours_is_visible_in_spanish_on_the_browse_pages(win, qtbot):
    """Every page of the views opened in Spanish: no visible label, button, header, placeholder or tooltip
    is one of our English source strings (the Browse, ChartsBrowser and SourcesBrowser contexts of nap_es.ts),
    whole or as a template's fixed part."""
    import re
    import xml.etree.ElementTree as ET

    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTreeWidget

    from nap_desktop.paths import resources_dir

    english = set()
    for context in ET.parse(resources_dir() / "i18n" / "nap_es.ts").getroot().iter("context"):
        if context.findtext("name") not in ("Browse", "ChartsBrowser", "SourcesBrowser"):
            continue
        for message in context.iter("message"):
            source, translation = message.findtext("source"), message.findtext("translation")
            if source != translation:
                english.add(re.sub(r"%\w", "", source.replace("&", "")).strip())
    win.set_language("es")
    page = _open_charts(win)
    _click_row(page.tree, page._items["tech-atp-balance-by-year"])
    shown = []

    def collect(root):
        for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
            if w.isVisible():
                shown.extend([w.text().replace("&", ""), w.toolTip()])
        for w in root.findChildren(QLineEdit):
            if w.isVisible():
                shown.append(w.placeholderText())
        for tree in root.findChildren(QTreeWidget):
            if tree.isVisible():
                shown.extend(tree.headerItem().text(c) for c in range(tree.columnCount()))
                for i in range(tree.topLevelItemCount()):
                    item = tree.topLevelItem(i)
                    shown.extend(item.child(j).text(1) for j in range(item.childCount()))
                    shown.append(item.text(0))

    collect(page)
    _click_row(page.tree, page._items["auto-production-oica"])
    collect(page)
    QTest.keyClick(page.tree, Qt.Key.Key_Return)
    collect(win.browse.chart_page)
    _click(win.browse.sources_button)
    collect(win.browse.sources_page)
    collect(win.browse.nav)
    shown = [re.sub(r"[\d,]+", "", s).strip() for s in shown if s]
    leaks = sorted({s for s in shown if s in english or any(e and e in s for e in english if len(e) > 12)})
    assert leaks == []


def test_ctrl_f_focuses_the_views_filter_and_a_header_click_sorts_within_each_section(win):
    page = _open_charts(win)
    QTest.keyClick(page.tree, Qt.Key.Key_F, CTRL)
    assert win.pages.currentWidget() is page and page.filter_field.hasFocus()
    header = page.tree.header()
    x = header.sectionViewportPosition(3) + header.sectionSize(3) // 2
    QTest.mouseClick(header.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, QPoint(x, header.height() // 2))
    groups = [page.tree.topLevelItem(i) for i in range(page.tree.topLevelItemCount())]
    assert groups[0].text(0) == "USMCA fast facts"  # sections keep the report's order
    for group in groups:
        counts = [group.child(j).data(3, Qt.ItemDataRole.UserRole + 3) for j in range(group.childCount())]
        assert counts in (sorted(counts), sorted(counts, reverse=True))
    assert len({tuple(sorted(g.child(j).data(3, Qt.ItemDataRole.UserRole + 3) for j in range(g.childCount())))
                for g in groups}) > 1
    QTest.keyClick(page.tree, Qt.Key.Key_Escape)
    QTest.keyClick(win.search_field, Qt.Key.Key_F, CTRL)  # on the cards, Ctrl+F is the fact search again
    assert win.search_field.hasFocus()


def test_add_chart_to_pack_stays_in_place_whatever_the_description(win):
    """Issue 26: the button moved with the selected chart's title and details."""
    page = _open_charts(win)
    places, lengths = set(), set()
    for chart_id in list(win.catalog.charts)[:12]:
        if chart_id not in page._items:
            continue
        _click_row(page.tree, page._items[chart_id])
        assert page.tree.current_id() == chart_id
        QApplication.processEvents()
        lengths.add(len(page.detail_title.text()) + len(page.detail_meta.text()))
        places.add((page.add_button.mapTo(page, page.add_button.rect().topLeft()).y(), page.add_button.isVisible()))
    assert len(lengths) > 3  # the charts tried say different amounts
    assert len({y for y, _shown in places}) == 1, places
