"""Keys that go back, as Help and the buttons say (issue 26): Esc with a card focused clears the search;
the section list shows where the keyboard is; Show table does not stay on for the next chart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

pytestmark = pytest.mark.gui


@pytest.fixture
def win(qtbot, catalog, settings_dir):
    from nap_desktop.ui.pack import file_controller
    from nap_desktop.ui.i18n import translations
    from nap_desktop.ui.main_window import MainWindow
    from nap_desktop.ui.theme import apply_theme
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    sheet = app.styleSheet()
    apply_theme(app)
    window = MainWindow(catalog, settings_dir=settings_dir, lang="en")
    window.file_controller.confirm_discard = lambda: file_controller.DISCARD
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    app.setStyleSheet(sheet)
    translations().set_language("en")


def test_esc_with_a_card_focused_clears_the_search_and_keeps_the_focus_on_the_cards(win, qtbot):
    win.search_field.setFocus()
    QTest.keyClicks(win.search_field, "tomato")
    qtbot.waitUntil(lambda: 0 < len(win.card_grid.fact_ids()) < len(win.catalog.facts))
    QTest.keyClick(win.search_field, Qt.Key.Key_Down)  # into the results
    focused = win.focusWidget()
    assert focused is not win.search_field
    QTest.keyClick(focused, Qt.Key.Key_Escape)
    assert win.search_field.text() == ""
    qtbot.waitUntil(lambda: len(win.card_grid.fact_ids()) == len(win.index.search("").facts))
    assert win.pages.currentWidget() is win.cards_page


def test_the_focused_section_row_is_drawn_with_a_focus_ring(win, qtbot):
    nav = win.section_nav
    win.search_field.setFocus()
    before = nav.viewport().grab().toImage()
    QTest.keyClick(win.search_field, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(nav.hasFocus)
    after = nav.viewport().grab().toImage()
    rect = nav.visualItemRect(nav.currentItem())
    changed = sum(1 for x in range(rect.left(), rect.right(), 2) for y in (rect.top() + 1, rect.bottom() - 2)
                  if before.pixelColor(x, y) != after.pixelColor(x, y))
    assert changed > rect.width() // 4, changed  # a ring along the row's edges, not a pixel or two


def test_show_table_is_off_for_the_next_chart_on_the_chart_page(win, qtbot):
    ids = [c for c in win.catalog.charts][:2]
    page = win.open_chart(ids[0])
    view = page.chart_view
    QTest.mouseClick(view.table_toggle, Qt.MouseButton.LeftButton)
    assert view.table_toggle.isChecked()
    QTest.keyClick(page, Qt.Key.Key_Escape)  # back where it came from
    page = win.open_chart(ids[1])
    assert page.chart_view.spec.id == ids[1]
    assert not page.chart_view.table_toggle.isChecked()
    assert page.chart_view.table_toggle.text() == "Show table"


def test_shift_tab_then_down_moves_the_ring_and_enter_or_a_click_switches_the_section(win, qtbot):
    nav = win.section_nav
    everything = list(win.card_grid.fact_ids())
    win.search_field.setFocus()
    QTest.keyClick(win.search_field, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(nav.hasFocus)
    QTest.keyClick(nav, Qt.Key.Key_Down)
    assert nav.currentRow() == 1 and nav.selected_row() == 0
    assert win.card_grid.fact_ids() == everything  # nothing switched behind the user's back
    QTest.keyClick(nav, Qt.Key.Key_Return)
    section = nav.item(1).data(Qt.ItemDataRole.UserRole)
    qtbot.waitUntil(lambda: win.card_grid.fact_ids() != everything)
    assert {win.catalog.fact(f).section for f in win.card_grid.fact_ids()} == {section}
    QTest.keyClick(nav, Qt.Key.Key_Up)
    assert nav.currentRow() == 0 and nav.selected_row() == 1
    QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     nav.visualItemRect(nav.item(0)).center())
    qtbot.waitUntil(lambda: win.card_grid.fact_ids() == everything)
