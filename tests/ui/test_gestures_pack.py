"""Pack panel driven by the mouse and keyboard as a user does (issue 12): click an item, pick a date."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nap_desktop.core.charts.spec import ChartSpec, Series
from nap_desktop.core.pack.document import PackDocument
from nap_desktop.core.pack.packfile import Pack, PackItem
from nap_desktop.ui.pack.pack_panel import PackPanel


@pytest.fixture(scope="module")
def cat(sample_catalog):
    spec = ChartSpec(
        id="ports-by-value", kind="bar", dataset="ports", title_en="Busiest land ports by freight value",
        title_es="Puertos terrestres con mayor valor de carga", categories=("laredo",),
        category_labels_en=("Laredo, TX",), category_labels_es=("Laredo, TX",),
        series=(Series("value", "Freight value", "Valor de carga", "#0072B2", (296.2,)),), unit="usd_bn")
    return dataclasses.replace(sample_catalog, charts={spec.id: spec})


@pytest.fixture
def panel(qtbot, cat):
    doc = PackDocument(Pack(title="Ports", items=(
        PackItem("fact", ref="usmca-border-daily-trade", uid="u-border"),
        PackItem("chart", ref="ports-by-value", uid="u-chart"),
        PackItem("note", text="Mention Laredo", uid="u-note"),
        PackItem("fact", ref="usmca-laredo-port", uid="u-laredo"),
    )))
    widget = PackPanel(doc, cat)
    qtbot.addWidget(widget)
    widget.resize(420, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _click_row(panel, row, button=Qt.MouseButton.LeftButton):
    view = panel.list_view
    rect = view.visualRect(view.model().index(row))
    QTest.mouseClick(view.viewport(), button, Qt.KeyboardModifier.NoModifier, rect.center())


def test_clicking_an_item_unlocks_its_talking_points_and_the_buttons(panel, qtbot):
    assert not panel.points_edit.isEnabled()
    assert not panel.remove_button.isEnabled()
    _click_row(panel, 1)
    assert panel.selected_uid() == "u-chart"
    assert panel.points_edit.isEnabled()
    assert panel.remove_button.isEnabled() and panel.up_button.isEnabled() and panel.down_button.isEnabled()
    # typing into the talking points (a click into the field, then keys) lands on the clicked item
    QTest.mouseClick(panel.points_edit.viewport(), Qt.MouseButton.LeftButton)
    QTest.keyClicks(panel.points_edit, "Laredo moves 40%")
    assert panel.document.item("u-chart").talking_points == "Laredo moves 40%"
    # the remove button, clicked, removes the clicked item
    QTest.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert [i.uid for i in panel.document.pack.items] == ["u-border", "u-note", "u-laredo"]


def test_clicking_the_first_item_disables_up_and_the_last_disables_down(panel):
    _click_row(panel, 0)
    assert not panel.up_button.isEnabled() and panel.down_button.isEnabled()
    QTest.mouseClick(panel.down_button, Qt.MouseButton.LeftButton)
    assert [i.uid for i in panel.document.pack.items][1] == "u-border"
    _click_row(panel, 3)
    assert panel.up_button.isEnabled() and not panel.down_button.isEnabled()


def test_button_row_does_not_move_when_the_selected_kind_changes(panel):
    tops = []
    for row in (0, 2, 1, 2):  # fact, note (has a text editor), chart, note
        _click_row(panel, row)
        QApplication.processEvents()
        tops.append(panel.remove_button.mapTo(panel, QPoint(0, 0)).y())
    assert len(set(tops)) == 1, tops


@pytest.fixture
def app_theme():
    """The app's own palette and style sheet (the test app has neither): what the user sees."""
    from PySide6.QtWidgets import QApplication

    from nap_desktop.ui.theme import apply_theme

    app = QApplication.instance()
    style, sheet, palette = app.style().name(), app.styleSheet(), app.palette()
    apply_theme(app)
    yield
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    app.setStyle(style)


def test_disabled_buttons_look_disabled(app_theme, panel):
    """With the app's theme (its palette once gave disabled buttons the enabled text colour)."""
    panel.list_view.clearSelection()
    buttons = (panel.remove_button, panel.up_button, panel.down_button)
    assert not any(b.isEnabled() for b in buttons)
    disabled = [b.grab().toImage() for b in buttons]
    _click_row(panel, 1)
    assert all(b.isEnabled() for b in buttons)
    enabled = [b.grab().toImage() for b in buttons]

    # the text colour differs: sample the darkest pixel of each
    def darkest(img):
        return min(img.pixelColor(x, y).lightness() for x in range(img.width()) for y in range(img.height()))
    for off, on in zip(disabled, enabled):
        assert darkest(off) - darkest(on) > 40, (darkest(off), darkest(on))


def test_meeting_date_picker_opens_at_today_and_a_clicked_day_is_set(panel, qtbot):
    assert panel.document.pack.meeting_date == ""
    edit = panel.date_edit
    calendar = edit.calendarWidget()
    # the popup opens at today's month when the pack has no date
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(edit.width() - 8, edit.height() // 2))
    qtbot.waitUntil(lambda: calendar.isVisible(), timeout=2000)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    # click the 15th of the month shown: find its cell in the table view
    from PySide6.QtWidgets import QTableView
    table = calendar.findChild(QTableView)
    model = table.model()
    target = None
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            idx = model.index(r, c)
            if str(model.data(idx)) == "15" and r < 4:
                target = idx
                break
        if target is not None:
            break
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     table.visualRect(target).center())
    expected = QDate(today.year(), today.month(), 15).toString(Qt.DateFormat.ISODate)
    qtbot.waitUntil(lambda: panel.document.pack.meeting_date == expected, timeout=2000)


def test_a_typed_year_is_kept(panel, qtbot):
    panel.set_content_language("en")  # "MMMM d, yyyy"
    edit = panel.date_edit
    # a double click on the year selects it; typing replaces it
    line = edit.lineEdit()
    QTest.mouseDClick(line, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      QPoint(line.width() - 50, line.height() // 2))
    assert line.selectedText() == str(QDate.currentDate().year())
    QTest.keyClicks(edit, "2027")
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    today = QDate.currentDate()
    assert panel.document.pack.meeting_date == QDate(2027, today.month(), today.day()).toString(Qt.DateFormat.ISODate)
    assert "2027" in edit.text()


def test_a_single_click_on_the_date_text_does_not_change_the_date(panel):
    panel.document.set_meta(meeting_date="2026-06-15")
    edit = panel.date_edit
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, edit.height() // 2))
    assert panel.document.pack.meeting_date == "2026-06-15"


def test_focusing_the_date_without_typing_leaves_no_date(panel):
    edit = panel.date_edit
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, edit.height() // 2))
    QTest.mouseClick(panel.title_edit, Qt.MouseButton.LeftButton)  # leave without typing
    assert not edit.hasFocus()
    assert panel.document.pack.meeting_date == ""
    assert edit.text() == edit.specialValueText()
    assert not panel.document.can_undo


@pytest.mark.parametrize("close", ["escape", "click_outside"])
def test_opening_the_date_picker_and_closing_it_sets_no_date(panel, qtbot, close):
    """Issue 26: opening the calendar set today in the pack before the user picked a day."""
    edit = panel.date_edit
    calendar = edit.calendarWidget()
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(edit.width() - 8, edit.height() // 2))
    qtbot.waitUntil(calendar.isVisible, timeout=2000)
    assert panel.document.pack.meeting_date == ""
    assert edit.text() == edit.specialValueText()  # the field does not show today as if it were chosen
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    if close == "escape":
        QTest.keyClick(calendar, Qt.Key.Key_Escape)
    else:
        calendar.window().close()  # what a click outside the popup does
    qtbot.waitUntil(lambda: not calendar.isVisible(), timeout=2000)
    QTest.mouseClick(panel.title_edit, Qt.MouseButton.LeftButton)
    assert panel.document.pack.meeting_date == ""
    assert not panel.document.can_undo
    assert edit.text() == edit.specialValueText()
