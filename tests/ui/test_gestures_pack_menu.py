"""Pack items' context menu, chart drops and the presenter field, driven as a user does (issues 12 and 10).

Every action is reached by a gesture: a right click on the item's rectangle in the list viewport (or the
Menu key / Shift+F10), then a click on the menu entry's own rectangle; undo is Ctrl+Z."""

from __future__ import annotations

import dataclasses
import datetime
import json

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from nap_desktop.core.charts.spec import ChartSpec, Series
from nap_desktop.core.pack.document import PackDocument
from nap_desktop.core.pack.packfile import Pack, PackItem
from nap_desktop.ui.pack.pack_model import CHART_MIME, FACT_MIME
from nap_desktop.ui.pack.pack_panel import PackPanel

CTRL = Qt.KeyboardModifier.ControlModifier
COPY = {"kind": "fact", "id": "usmca-border-daily-trade", "text_en": "as it was when added"}


def _chart(chart_id, title_en, title_es):
    return ChartSpec(
        id=chart_id, kind="bar", dataset="ports", title_en=title_en, title_es=title_es, categories=("laredo",),
        category_labels_en=("Laredo, TX",), category_labels_es=("Laredo, TX",),
        series=(Series("value", "Freight value", "Valor de carga", "#0072B2", (296.2,)),), unit="usd_bn")


@pytest.fixture(scope="module")
def cat(sample_catalog):
    charts = [_chart("ports-by-value", "Busiest land ports by freight value",
                     "Puertos terrestres con mayor valor de carga"),
              _chart("ports-second", "Second chart of ports", "Segunda gráfica de puertos")]
    return dataclasses.replace(sample_catalog, charts={c.id: c for c in charts})


def _items():
    return (PackItem("fact", ref="usmca-border-daily-trade", uid="u-border", talking_points="Say it", copy=COPY),
            PackItem("chart", ref="ports-by-value", uid="u-chart"),
            PackItem("note", text="Mention Laredo", uid="u-note"),
            PackItem("fact", ref="usmca-laredo-port", uid="u-laredo"))


@pytest.fixture
def panel(qtbot, cat):
    widget = PackPanel(PackDocument(Pack(title="Ports", items=_items())), cat)
    qtbot.addWidget(widget)
    widget.resize(420, 760)
    widget.show()
    qtbot.waitExposed(widget)
    _activate(qtbot, widget)
    return widget


def _activate(qtbot, widget):
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def _uids(panel):
    return [i.uid for i in panel.document.pack.items]


def _row_center(panel, row):
    view = panel.list_view
    return view.visualRect(view.model().index(row)).center()


def _click_row(panel, row, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.mouseClick(panel.list_view.viewport(), Qt.MouseButton.LeftButton, modifier, _row_center(panel, row))


def _with_menu(qtbot, open_menu, pick):
    """Open the menu with a gesture; while it is up, ``pick(menu)`` acts on it (clicks an entry)."""
    seen = {}

    def act():
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, act)
            return
        seen["menu"] = menu
        seen["texts"] = [a.text() for a in menu.actions() if not a.isSeparator()]
        seen["enabled"] = {a.objectName(): a.isEnabled() for a in menu.actions() if not a.isSeparator()}
        pick(menu)

    QTimer.singleShot(0, act)
    owner = QApplication.activeWindow()
    open_menu()
    qtbot.waitUntil(lambda: "menu" in seen and not seen["menu"].isVisible(), timeout=3000)
    # the offscreen platform leaves the closed popup "active"; a desktop gives activation back to the window
    if owner is not None:
        _activate(qtbot, owner)
    return seen


def _click_action(name):
    def pick(menu):
        action = menu.findChild(type(menu.actions()[0]), name)
        assert action is not None, name
        if not action.isEnabled():
            menu.close()
            return
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         menu.actionGeometry(action).center())
    return pick


def _right_click(panel, row):
    def open_menu():
        view = panel.list_view
        point = _row_center(panel, row)
        asked = []
        view.menu_requested.connect(asked.append)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, point)
        view.menu_requested.disconnect(asked.append)
        # A real right click makes the window system send the context-menu event; QTest's click does not,
        # so send it as the platform would (unless a menu already came up).
        if not asked:
            from PySide6.QtGui import QContextMenuEvent
            event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point))
            QApplication.sendEvent(view.viewport(), event)
    return open_menu


def _pick(qtbot, panel, row, name):
    return _with_menu(qtbot, _right_click(panel, row), _click_action(name))


def test_duplicate_from_the_menu_keeps_the_copy_and_talking_points_with_a_new_uid(panel, qtbot):
    _pick(qtbot, panel, 0, "PackMenuDuplicate")
    uids = _uids(panel)
    assert len(uids) == 5 and uids[0] == "u-border" and uids[1] not in ("u-border",)
    copy = panel.document.pack.items[1]
    assert (copy.kind, copy.ref, copy.copy, copy.talking_points) == ("fact", "usmca-border-daily-trade", COPY, "Say it")
    assert panel.selected_uids() == [uids[1]]  # the copy is selected
    panel.document.undo()
    assert _uids(panel) == ["u-border", "u-chart", "u-note", "u-laredo"]


def test_remove_move_to_top_and_bottom_from_the_menu_each_undo(panel, qtbot):
    _pick(qtbot, panel, 2, "PackMenuTop")
    assert _uids(panel) == ["u-note", "u-border", "u-chart", "u-laredo"]
    _pick(qtbot, panel, 0, "PackMenuBottom")
    assert _uids(panel) == ["u-border", "u-chart", "u-laredo", "u-note"]
    _pick(qtbot, panel, 1, "PackMenuRemove")
    assert _uids(panel) == ["u-border", "u-laredo", "u-note"]
    for expected in (["u-border", "u-chart", "u-laredo", "u-note"], ["u-note", "u-border", "u-chart", "u-laredo"],
                     ["u-border", "u-chart", "u-note", "u-laredo"]):
        panel.document.undo()
        assert _uids(panel) == expected
    assert not panel.document.can_undo


def test_move_to_top_is_greyed_on_the_first_item(panel, qtbot):
    seen = _pick(qtbot, panel, 0, "PackMenuTop")
    assert seen["enabled"]["PackMenuTop"] is False and seen["enabled"]["PackMenuBottom"] is True
    assert _uids(panel)[0] == "u-border"


def test_the_commands_apply_to_every_selected_item(panel, qtbot):
    _click_row(panel, 1)
    _click_row(panel, 3, CTRL)  # Ctrl+click adds the last fact to the selection
    assert panel.selected_uids() == ["u-chart", "u-laredo"]
    seen = _pick(qtbot, panel, 3, "PackMenuDuplicate")  # right click inside the selection keeps it
    assert "&Remove 2 items" in seen["texts"]
    uids = _uids(panel)
    assert uids[:4] == ["u-border", "u-chart", "u-note", "u-laredo"] and len(uids) == 6
    assert [panel.document.item(u).ref for u in uids[4:]] == ["ports-by-value", "usmca-laredo-port"]
    assert panel.selected_uids() == uids[4:]
    panel.document.undo()  # one step for both copies
    assert len(_uids(panel)) == 4
    _click_row(panel, 0)
    _click_row(panel, 2, Qt.KeyboardModifier.ShiftModifier)
    _pick(qtbot, panel, 1, "PackMenuRemove")
    assert _uids(panel) == ["u-laredo"]
    panel.document.undo()
    assert _uids(panel) == ["u-border", "u-chart", "u-note", "u-laredo"]
    _click_row(panel, 2)
    _click_row(panel, 3, CTRL)
    _pick(qtbot, panel, 2, "PackMenuTop")
    assert _uids(panel) == ["u-note", "u-laredo", "u-border", "u-chart"]
    panel.document.undo()
    assert _uids(panel) == ["u-border", "u-chart", "u-note", "u-laredo"]


def test_copy_with_citation_copies_the_statement_figure_and_source(panel, qtbot, cat):
    QApplication.clipboard().clear()
    _pick(qtbot, panel, 3, "PackMenuCopy")
    mime = QApplication.clipboard().mimeData()
    fact = cat.fact("usmca-laredo-port")
    assert fact.text("en") in mime.text() and "Source:" in mime.text()
    assert mime.hasHtml() and "<p>" in mime.html()
    # a chart: its title and source line
    _pick(qtbot, panel, 1, "PackMenuCopy")
    assert QApplication.clipboard().text().startswith("Busiest land ports by freight value")


def test_a_note_offers_edit_which_puts_the_cursor_in_its_text(panel, qtbot):
    seen = _pick(qtbot, panel, 2, "PackMenuEdit")
    assert "&Edit text" in seen["texts"] and "&Open" not in seen["texts"]
    qtbot.waitUntil(panel.text_edit.hasFocus, timeout=2000)
    QTest.keyClicks(panel.text_edit, "Laredo first")
    assert panel.document.item("u-note").text == "Laredo first"


def test_open_asks_for_the_fact_or_the_chart(panel, qtbot):
    opened = []
    panel.open_requested.connect(lambda kind, ref: opened.append((kind, ref)))
    _pick(qtbot, panel, 0, "PackMenuOpen")
    _pick(qtbot, panel, 1, "PackMenuOpen")
    assert opened == [("fact", "usmca-border-daily-trade"), ("chart", "ports-by-value")]


@pytest.mark.parametrize("key, modifier", [(Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
                                           (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)])
def test_the_menu_key_and_shift_f10_open_the_menu_under_the_current_item(panel, qtbot, key, modifier):
    _click_row(panel, 3)
    panel.list_view.setFocus()

    def open_menu():
        QTest.keyClick(panel.list_view, key, modifier)

    seen = _with_menu(qtbot, open_menu, _click_action("PackMenuTop"))
    assert _uids(panel)[0] == "u-laredo"
    rect = panel.list_view.visualRect(panel.model.index(3))
    top_left = panel.list_view.viewport().mapToGlobal(rect.topLeft())
    assert seen["menu"].geometry().top() >= top_left.y()


def test_the_menu_is_in_spanish(qtbot, cat):
    from nap_desktop.ui.i18n import translations

    widget = PackPanel(PackDocument(Pack(items=_items())), cat)
    qtbot.addWidget(widget)
    widget.resize(420, 760)
    widget.show()
    qtbot.waitExposed(widget)
    translations().set_language("es")
    try:
        seen = _with_menu(qtbot, _right_click(widget, 0), lambda menu: menu.close())
        assert seen["texts"] == ["&Abrir", "&Copiar con su cita", "D&uplicar", "Mover al &principio",
                                 "Mover al &final", "&Quitar"]
        _click_row(widget, 0)
        _click_row(widget, 1, CTRL)
        seen = _with_menu(qtbot, _right_click(widget, 1), lambda menu: menu.close())
        assert "&Quitar 2 elementos" in seen["texts"]
        seen = _with_menu(qtbot, _right_click(widget, 2), lambda menu: menu.close())
        assert seen["texts"][0] == "&Editar texto"
        assert widget.organisation_label.text() == "P&resenta"
    finally:
        translations().set_language("en")


# ---- drops ---------------------------------------------------------------------------------------------
def _drop(panel, mime_type, ids, row):
    """A real QDropEvent on the list's viewport at the top edge of ``row`` (insert before it)."""
    view = panel.list_view
    mime = QMimeData()
    mime.setData(mime_type, QByteArray(json.dumps(ids).encode("utf-8")))
    rect = view.visualRect(view.model().index(row))
    point = QPointF(rect.center().x(), rect.top() + 1)
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    move = QDragMoveEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), move)
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), drop)
    return drop


def test_a_chart_dropped_at_row_1_is_inserted_there_in_one_undo_step(panel):
    _drop(panel, CHART_MIME, ["ports-second"], 1)
    items = panel.document.pack.items
    assert [i.ref for i in items[:3]] == ["usmca-border-daily-trade", "ports-second", "ports-by-value"]
    assert items[1].kind == "chart"
    panel.document.undo()
    assert _uids(panel) == ["u-border", "u-chart", "u-note", "u-laredo"]


def test_facts_dropped_from_outside_go_in_at_the_row_as_one_step(panel, cat):
    doc = PackDocument(Pack(items=(PackItem("note", text="a", uid="n1"), PackItem("note", text="b", uid="n2"))))
    panel.document.replace_pack(doc.pack)
    fresh = [f.id for f in cat.facts[:3]]
    _drop(panel, FACT_MIME, fresh, 1)
    items = panel.document.pack.items
    assert [i.ref for i in items[1:4]] == fresh and items[4].uid == "n2"
    panel.document.undo()
    assert _uids(panel) == ["n1", "n2"] and not panel.document.can_undo


def test_a_chart_already_in_the_pack_is_not_added_twice(panel):
    _drop(panel, CHART_MIME, ["ports-by-value"], 3)
    assert len(_uids(panel)) == 4 and not panel.document.can_undo


# ---- in the window: Ctrl+Z, Open, the presenter field through save, reopen and export ----------------
@pytest.fixture
def window(qtbot, sample_catalog, settings_dir):
    from tests.ui.test_main_window import _open_window

    yield from _open_window(qtbot, sample_catalog, settings_dir)


def _window_with_items(window, qtbot):
    for fact_id in ("usmca-border-daily-trade", "usmca-laredo-port"):
        window.document.add_fact(fact_id)
    window.document.add_note("Mention Laredo")
    _activate(qtbot, window)
    return window.pack_panel


def test_ctrl_z_in_the_window_undoes_each_menu_command(window, qtbot):
    panel = _window_with_items(window, qtbot)
    before = _uids(panel)
    for name in ("PackMenuRemove", "PackMenuDuplicate", "PackMenuBottom"):
        _pick(qtbot, panel, 0, name)
        assert _uids(panel) != before, name
        panel.list_view.setFocus()
        QTest.keyClick(panel.list_view, Qt.Key.Key_Z, CTRL)
        assert _uids(panel) == before, name


def test_open_from_the_menu_shows_the_fact_in_the_detail_view(window, qtbot):
    panel = _window_with_items(window, qtbot)
    _pick(qtbot, panel, 1, "PackMenuOpen")
    assert window.pages.currentWidget() is window.detail_view
    assert window.detail_view.fact.id == "usmca-laredo-port"


def test_the_presenter_typed_in_the_panel_is_saved_reopened_and_on_the_deck_cover(window, qtbot, tmp_path):
    from pptx import Presentation

    from nap_desktop.core.pack.packfile import load_pack
    from nap_desktop.exporters.pptx_exporter import export_pptx

    panel = _window_with_items(window, qtbot)
    if not panel.organisation_edit.isVisible():  # short window: the details are folded; unfold them
        QTest.mouseClick(panel.details_button, Qt.MouseButton.LeftButton)
    assert panel.organisation_edit.isVisible()
    # Tab order: audience, then the presenter
    QTest.mouseClick(panel.audience_edit, Qt.MouseButton.LeftButton)
    QTest.keyClick(panel.audience_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.organisation_edit
    QTest.keyClicks(panel.organisation_edit, "U.S.-Mexico Foundation")
    assert window.document.pack.organisation == "U.S.-Mexico Foundation"
    QTest.keyClick(panel.organisation_edit, Qt.Key.Key_Z, CTRL)  # typing is one undo step
    assert window.document.pack.organisation == "" and panel.organisation_edit.text() == ""
    QTest.keyClick(panel.organisation_edit, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert panel.organisation_edit.text() == "U.S.-Mexico Foundation"

    path = tmp_path / "pack.napbrief"
    window.file_controller.ask_save_path = lambda suggested: path
    QTest.keyClick(window, Qt.Key.Key_S, CTRL)
    assert load_pack(path).organisation == "U.S.-Mexico Foundation"
    window.file_controller.new()
    assert panel.organisation_edit.text() == ""
    window.file_controller.ask_open_path = lambda: path
    QTest.keyClick(window, Qt.Key.Key_O, CTRL)
    assert panel.organisation_edit.text() == "U.S.-Mexico Foundation"

    deck = export_pptx(window.document.pack, window.pack_catalog(), tmp_path / "deck.pptx", lang="en",
                       now=datetime.datetime(2026, 4, 30, 12, 0))
    cover = Presentation(str(deck)).slides[0]
    text = "\n".join(shape.text_frame.text for shape in cover.shapes if shape.has_text_frame)
    assert "Presented by: U.S.-Mexico Foundation" in text


def test_the_presenter_field_is_in_spanish(window, qtbot):
    panel = window.pack_panel
    window.set_language("es")
    assert panel.organisation_label.text() == "P&resenta"
    assert panel.organisation_edit.placeholderText() == "Su nombre u organización"


def test_open_on_a_chart_item_shows_the_chart_page(qtbot, cat, settings_dir):
    from tests.ui.test_main_window import _open_window

    windows = _open_window(qtbot, cat, settings_dir)
    window = next(windows)
    try:
        window.document.add_chart("ports-by-value")
        _activate(qtbot, window)
        _pick(qtbot, window.pack_panel, 0, "PackMenuOpen")
        page = window.pages.currentWidget()
        assert page is not window.cards_page and page is not window._detail_view
        assert "Busiest land ports by freight value" in " ".join(
            label.text() for label in page.findChildren(type(window.pack_panel.heading)))
    finally:
        next(windows, None)
