"""The States view as a user drives it: Ctrl+4, a click on a tile, typing a name and Enter, the
"Make a pack for this state" button, arrow keys on the map, a right-click on a tile map chart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def win(qtbot, catalog, settings_dir):
    from nap_desktop.ui.i18n import translations
    from nap_desktop.ui.main_window import MainWindow
    from nap_desktop.ui.pack import file_controller

    window = MainWindow(catalog, settings_dir=settings_dir, lang="en")
    window.file_controller.confirm_discard = lambda: file_controller.DISCARD
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    yield window
    translations().set_language("en")


def _open_states(win, qtbot):
    QTest.keyClick(win, Qt.Key.Key_4, CTRL)
    page = win.states.page
    assert page is not None and win.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.tile_map.width() > 100)
    return page


def test_ctrl_4_opens_the_states_view_and_a_tile_click_shows_the_brief(win, qtbot):
    page = _open_states(win, qtbot)
    tiles = page.tile_map
    QTest.mouseClick(tiles, LEFT, NONE, tiles.tile_rect("TX").center().toPoint())
    assert page.code == "TX" and tiles.selected == "TX"
    assert page.title_label.text().startswith("Texas sent USD 129.5 billion of goods to Mexico in 2023")
    assert page.list.currentItem().text().startswith("Texas")
    assert page.make_button.isEnabled()
    # arrow keys move on the map: the tile right of Texas is Louisiana in our layout, or another state
    QTest.keyClick(tiles, Qt.Key.Key_Right)
    assert page.code != "TX" and page.code == tiles.selected


def test_typing_a_spanish_name_without_accents_and_enter_shows_it_then_make_a_pack(win, qtbot):
    page = _open_states(win, qtbot)
    assert page.filter_field.hasFocus()
    QTest.keyClicks(page.filter_field, "nuevo mexico")
    shown = [page.list.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(page.list.count())
             if not page.list.item(i).isHidden()]
    assert shown == ["NM"]
    QTest.keyClick(page.filter_field, Qt.Key.Key_Return)
    assert page.code == "NM"
    QTest.mouseClick(page.make_button, LEFT)
    pack = win.document.pack
    assert pack.state == "NM" and pack.title.startswith("New Mexico")
    assert win.document.dirty
    # the brief's state items are not in the catalog: the pack list shows their copies, not "missing",
    # marked as the state's figures (not as a stray "pack copy"), the national facts unmarked
    from nap_desktop.ui.pack.pack_model import COPY_NOTE_ROLE

    model = win.pack_panel.model
    assert not any(model.is_missing(r) for r in range(model.rowCount()))
    marks = {pack.items[r].ref:
             model.index(r).data(COPY_NOTE_ROLE) for r in range(model.rowCount())}
    state_marks = {ref: m for ref, m in marks.items() if ref.startswith("state-nm-")}
    assert len(state_marks) >= 6 and set(state_marks.values()) == {"state figures"}
    assert all(m == "" for ref, m in marks.items() if not ref.startswith("state-") and ref)


def test_a_postal_code_typed_in_lower_case_and_enter(win, qtbot):
    page = _open_states(win, qtbot)
    QTest.keyClicks(page.filter_field, "vt")
    QTest.keyClick(page.filter_field, Qt.Key.Key_Return)
    assert page.code == "VT"
    assert page.make_button.hasFocus()
    QTest.keyClick(page.make_button, Qt.Key.Key_Space)
    assert win.document.pack.state == "VT"


def test_right_click_on_a_tile_offers_make_a_pack(win, qtbot):
    page = _open_states(win, qtbot)
    tiles = page.tile_map
    point = tiles.tile_rect("IA").center().toPoint()
    QTest.mouseClick(tiles, Qt.MouseButton.RightButton, NONE, point)
    if tiles.last_menu is None:  # a platform that sends the context menu event separately
        from PySide6.QtGui import QContextMenuEvent
        from PySide6.QtWidgets import QApplication

        QApplication.sendEvent(tiles, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, tiles.mapToGlobal(point)))
    menu = tiles.last_menu
    assert menu is not None
    action = menu.actions()[0]
    assert action.text() == "Make a pack for Iowa"
    action.trigger()
    menu.close()
    assert win.document.pack.state == "IA"


def test_right_click_on_a_state_in_a_tile_map_chart(win, qtbot):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    win.open_chart("food-state-exports-mexico-map")
    view = win.browse.chart_page.chart_view if hasattr(win.browse.chart_page, "chart_view") else None
    if view is None:
        from nap_desktop.ui.browse.chart_view import ChartView

        view = win.browse.chart_page.findChild(ChartView)
    qtbot.waitUntil(lambda: view.plot_widget.width() > 100)
    x, y = next((x, y) for x, y, text in view.hit_points() if view.tile_at(x, y) == "MI")
    vb = view.plot_widget.getPlotItem().getViewBox()
    from PySide6.QtCore import QPointF

    scene = vb.mapViewToScene(QPointF(x, y))
    point = view.plot_widget.mapFromScene(scene)
    target = view.plot_widget.viewport()
    QTest.mouseClick(target, Qt.MouseButton.RightButton, NONE, point)
    if view.last_menu is None:
        # offscreen Qt makes no context-menu event of a right click: send the one a desktop sends
        QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, target.mapToGlobal(point)))
    assert view.last_menu is not None
    action = view.last_menu.actions()[0]
    assert action.text() == "Make a pack for Michigan"
    action.trigger()
    view.last_menu.close()
    assert win.document.pack.state == "MI"


def test_spanish_states_view(win, qtbot):
    from nap_desktop.ui.i18n import translations

    translations().set_language("es")
    win.set_language("es") if hasattr(win, "set_language") else None
    page = _open_states(win, qtbot)
    QTest.mouseClick(page.tile_map, LEFT, NONE, page.tile_map.tile_rect("NC").center().toPoint())
    assert page.list.currentItem().text().startswith("Carolina del Norte")
    assert "Carolina del Norte" in page.title_label.text()
    assert page.make_button.text() == "Crear un paquete para este estado"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_state_brief_presents_its_key_figures_without_overflow(qtbot, catalog, lang):
    from nap_desktop.core.deck import compose_deck
    from nap_desktop.core.pack.snapshot import catalog_for_pack
    from nap_desktop.core.pack.state_brief import brief_pack
    from nap_desktop.ui.present.presenter import PresenterWindow

    pack = brief_pack(catalog, "MI", lang)
    shown = catalog_for_pack(pack, catalog)
    deck = compose_deck(pack, shown, lang=lang)
    assert 5 <= len(deck) <= 8 and deck[1].kind == "figures" and len(deck[1].cells) == 6
    window = PresenterWindow(deck, shown, lang, presenter_view=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.setFocus()
    for i in range(len(deck)):
        assert window.shown_slide() == deck[i]
        window.slide_view.grab()  # paint it
        assert window.slide_view.overflows == [], (i, deck[i].kind, window.slide_view.overflows)
        qtbot.keyClick(window, Qt.Key.Key_Right)
