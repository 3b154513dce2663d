"""Fact cards driven as a user does (issue 12): search that shows why, the card's context menu, drag a card
into the pack. Gestures only: keys typed into the search box, clicks on the card, menus picked by click or key."""

from __future__ import annotations

import dataclasses
import json

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from nap_desktop.core.charts.spec import ChartSpec, Series
from nap_desktop.ui.browse.facts import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN
from nap_desktop.ui.pack.pack_model import FACT_MIME


@pytest.fixture(scope="module")
def cards_catalog(sample_catalog):
    """The sample catalog; one statement with markup-like characters, one fact linked to a chart."""
    spec = ChartSpec(
        id="ports-by-value", kind="bar", dataset="ports", title_en="Busiest land ports by freight value",
        title_es="Puertos terrestres con mayor valor de carga", categories=("laredo",),
        category_labels_en=("Laredo, TX",), category_labels_es=("Laredo, TX",),
        series=(Series("value", "Freight value", "Valor de carga", "#0072B2", (296.2,)),), unit="usd_bn")
    facts = []
    for fact in sample_catalog.facts:
        if fact.id == "autos-mexico-production":
            fact = dataclasses.replace(fact, text_en="Mexico's vehicle <b>production</b> fell 0.9% & more.")
        if fact.id == "usmca-laredo-port":
            fact = dataclasses.replace(fact, chart="ports-by-value")
        if fact.id == "usmca-border-daily-trade":
            fact = dataclasses.replace(fact, text_es=fact.text_es + " Lo protege el T-MEC.")
        facts.append(fact)
    return dataclasses.replace(sample_catalog, facts=tuple(facts), charts={spec.id: spec})


def _open(qtbot, catalog, settings_dir, lang):
    from nap_desktop.ui.pack import file_controller
    from nap_desktop.ui.i18n import translations
    from nap_desktop.ui.main_window import MainWindow

    win = MainWindow(catalog, settings_dir=settings_dir, lang="en")
    win.file_controller.confirm_discard = lambda: file_controller.DISCARD
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    if lang != "en":
        win.language_actions[lang].trigger()
    return win, translations


@pytest.fixture(params=["en", "es"])
def win(request, qtbot, cards_catalog, settings_dir):
    window, translations = _open(qtbot, cards_catalog, settings_dir, request.param)
    yield window
    translations().set_language("en")


@pytest.fixture
def en_win(qtbot, cards_catalog, settings_dir):
    window, translations = _open(qtbot, cards_catalog, settings_dir, "en")
    yield window
    translations().set_language("en")


@pytest.fixture
def es_win(qtbot, cards_catalog, settings_dir):
    window, translations = _open(qtbot, cards_catalog, settings_dir, "es")
    yield window
    translations().set_language("en")


def _type(win, text):
    field = win.search_field
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    QTest.keyClicks(field, text)


def _card(win, fact_id, qtbot):
    qtbot.waitUntil(lambda: win.card_grid.card(fact_id) is not None, timeout=2000)
    return win.card_grid.card(fact_id)


# ---- search that shows why ---------------------------------------------------------------------------

def test_typed_words_are_highlighted_on_the_card_and_clearing_removes_them(en_win, qtbot):
    _type(en_win, "laredo frei")
    card = _card(en_win, "usmca-laredo-port", qtbot)
    text = card.statement_label.text()
    assert f"{HIGHLIGHT_OPEN}Laredo{HIGHLIGHT_CLOSE}" in text
    assert f"{HIGHLIGHT_OPEN}freight{HIGHLIGHT_CLOSE} value" in text  # the whole word of which the start was typed
    assert card.statement_label.textFormat() == Qt.TextFormat.RichText
    assert card.match_text() == ""  # the card's own text matched: no "matched in" note
    QTest.keyClick(en_win.search_field, Qt.Key.Key_Escape)  # Esc clears the search
    assert en_win.search_field.text() == ""
    card = _card(en_win, "usmca-laredo-port", qtbot)
    assert card.statement_label.text() == card.fact.text_en
    assert card.statement_label.textFormat() == Qt.TextFormat.PlainText
    assert HIGHLIGHT_OPEN not in card.value_label.text()


def test_an_unaccented_query_highlights_the_accented_word_in_the_spanish_card(es_win, qtbot):
    _type(es_win, "mexico")
    card = _card(es_win, "usmca-border-daily-trade", qtbot)
    assert f"La frontera {HIGHLIGHT_OPEN}México{HIGHLIGHT_CLOSE}–Estados Unidos" in card.statement_label.text()
    _type(es_win, "dia")  # the headline: "2.39 mil millones de dólares cada día"
    card = _card(es_win, "usmca-border-daily-trade", qtbot)
    assert f"cada {HIGHLIGHT_OPEN}día{HIGHLIGHT_CLOSE}" in card.value_label.text()
    assert f"cada {HIGHLIGHT_OPEN}día{HIGHLIGHT_CLOSE}" in card.statement_label.text()


def test_t_mec_never_breaks_at_its_hyphen_on_a_card_and_copies_as_written(es_win, qtbot):
    """A card's statement wrapped "T-" / "MEC" across lines: a non-breaking hyphen on screen, with or without
    a search mark; Ctrl+C still copies the statement as written."""
    card = _card(es_win, "usmca-border-daily-trade", qtbot)
    assert "T\u2011MEC" in card.statement_label.text() and "T-MEC" not in card.statement_label.text()
    _type(es_win, "protege")
    card = _card(es_win, "usmca-border-daily-trade", qtbot)
    assert f"{HIGHLIGHT_OPEN}protege{HIGHLIGHT_CLOSE} el T\u2011MEC." in card.statement_label.text()
    QApplication.clipboard().clear()
    card.setFocus()
    QTest.keyClick(card, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text()
    assert "el T-MEC." in copied and "\u2011" not in copied
    QApplication.clipboard().clear()


def test_statement_text_is_escaped_before_marking(en_win, qtbot):
    _type(en_win, "vehicle")
    card = _card(en_win, "autos-mexico-production", qtbot)
    text = card.statement_label.text()
    assert f"{HIGHLIGHT_OPEN}vehicle{HIGHLIGHT_CLOSE} &lt;b&gt;production&lt;/b&gt; fell 0.9% &amp; more." in text
    assert "<b>" not in text


def test_a_spanish_only_query_says_matched_in_the_spanish_text(en_win, qtbot):
    _type(en_win, "frontera")  # only the Spanish statement says "frontera" (English: "border")
    assert en_win.card_grid.fact_ids() == ["usmca-border-daily-trade"]
    card = _card(en_win, "usmca-border-daily-trade", qtbot)
    assert card.match_label.isVisible()
    assert card.match_text() == "Matched in the Spanish text"
    assert HIGHLIGHT_OPEN not in card.statement_label.text()  # nothing of the English text matched
    _type(en_win, "inegi")  # a source's name
    card = _card(en_win, "autos-mexico-production", qtbot)
    assert card.match_text() == "Matched in: source"
    _type(en_win, "border")
    card = _card(en_win, "usmca-border-daily-trade", qtbot)
    assert card.match_text() == "" and not card.match_label.isVisible()
    # the note is measured into the card: never clipped
    _type(en_win, "frontera")
    card = _card(en_win, "usmca-border-daily-trade", qtbot)
    assert card.height() >= card.heightForWidth(card.width())


def test_an_english_only_query_on_the_spanish_cards_says_matched_in_the_english_text(es_win, qtbot):
    _type(es_win, "border")
    card = _card(es_win, "usmca-border-daily-trade", qtbot)
    assert card.match_text() == "Coincide en el texto en inglés"
    _type(es_win, "inegi")
    card = _card(es_win, "autos-mexico-production", qtbot)
    assert card.match_text() == "Coincide en: fuente"


# ---- context menu ---------------------------------------------------------------------------------

def _pick_from_menu(qtbot, open_menu, pick):
    """Open a context menu with the `open_menu` gesture; `pick(menu)` acts on it from a timer (menus block).
    Returns the texts of the menu's actions."""
    seen: dict = {}

    def act():
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, act)
            return
        seen["texts"] = [a.text() for a in menu.actions() if not a.isSeparator()]
        seen["names"] = [a.objectName() for a in menu.actions()]
        pick(menu)

    QTimer.singleShot(0, act)
    open_menu()
    qtbot.waitUntil(lambda: "texts" in seen and QApplication.activePopupWidget() is None, timeout=3000)
    return seen


def _click_action(name):
    def pick(menu):
        action = next(a for a in menu.actions() if a.objectName() == name)
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         menu.actionGeometry(action).center())
    return pick


def _key_to_action(name):
    def pick(menu):
        for _ in range(len(menu.actions()) + 1):
            QTest.keyClick(menu, Qt.Key.Key_Down)
            if menu.activeAction() is not None and menu.activeAction().objectName() == name:
                break
        QTest.keyClick(menu, Qt.Key.Key_Return)
    return pick


def _right_click(card):
    """The right click a user makes; where the test platform makes no context-menu event of it (offscreen),
    the event the window system would send for that click."""
    def gesture():
        before = card.menus_opened
        QTest.mouseClick(card, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, card.rect().center())
        if card.menus_opened == before:
            QApplication.sendEvent(card, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, card.rect().center(),
                                                           card.mapToGlobal(card.rect().center())))
    return gesture


def test_right_click_add_to_pack_then_remove_from_pack(win, qtbot):
    card = _card(win, "usmca-border-daily-trade", qtbot)
    seen = _pick_from_menu(qtbot, _right_click(card), _click_action("AddToPack"))
    assert win.card_grid.current_fact_id() == "usmca-border-daily-trade"  # the click made it the current card
    add_text = "&Add to pack" if win.lang == "en" else "A&gregar al paquete"
    assert seen["names"][:3] == ["OpenFact", "AddToPack", "CopyCitation"]
    assert add_text in seen["texts"]
    assert "OpenChart" not in seen["names"]  # this fact has no chart
    assert [i.ref for i in win.document.pack.items] == ["usmca-border-daily-trade"]
    assert card.add_button.text() == ("✓ In the pack" if win.lang == "en" else "✓ En el paquete")
    # the same card's menu now offers Remove, picked with the keyboard
    seen = _pick_from_menu(qtbot, _right_click(card), _key_to_action("RemoveFromPack"))
    assert "RemoveFromPack" in seen["names"] and "AddToPack" not in seen["names"]
    assert win.document.pack.items == ()
    assert card.menus_opened == 2  # one menu per right click


def test_menu_key_opens_the_menu_with_open_chart_and_copy_with_citation(win, qtbot):
    card = _card(win, "usmca-laredo-port", qtbot)
    win.card_grid.focus_fact("usmca-laredo-port")  # as the arrow keys leave it (a click would open the detail)
    QApplication.clipboard().clear()
    seen = _pick_from_menu(qtbot, lambda: QTest.keyClick(card, Qt.Key.Key_Menu), _click_action("CopyCitation"))
    assert "OpenChart" in seen["names"]
    assert ("Open c&hart" if win.lang == "en" else "Abrir la &gráfica") in seen["texts"]
    copied = QApplication.clipboard().text()
    assert card.fact.text(win.lang) in copied
    assert ("Source:" if win.lang == "en" else "Fuente:") in copied
    QApplication.clipboard().clear()
    # Shift+F10 opens the same menu; Esc closes it without doing anything
    before = card.menus_opened
    seen = _pick_from_menu(qtbot, lambda: QTest.keyClick(card, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
                           lambda menu: QTest.keyClick(menu, Qt.Key.Key_Escape))
    assert seen["names"][0] == "OpenFact"
    assert card.menus_opened == before + 1  # one menu per key press, not two
    assert win.document.pack.items == ()


def test_menu_open_shows_the_detail(en_win, qtbot):
    card = _card(en_win, "usmca-border-daily-trade", qtbot)
    _pick_from_menu(qtbot, _right_click(card), _click_action("OpenFact"))
    assert en_win.pages.currentWidget() is en_win.detail_view
    assert en_win.detail_view.fact.id == "usmca-border-daily-trade"


# ---- drag a card into the pack --------------------------------------------------------------------------

def _drop_on_pack(win, mime, row):
    """A real drag's enter, move and drop events on the pack list, at the top edge of `row`."""
    view = win.pack_panel.list_view
    rect = view.visualRect(view.model().index(row))
    pos = QPoint(rect.center().x(), rect.top() + 1)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(view.viewport(), enter)
    move = QDragMoveEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(view.viewport(), move)
    assert move.isAccepted()
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, buttons, mods, QEvent.Type.Drop)
    QApplication.sendEvent(view.viewport(), drop)
    return drop


def test_dragging_a_card_into_the_pack_inserts_it_at_the_drop_row(win, qtbot, monkeypatch):
    win.document.add_fact("usmca-trade-trilateral-growth")
    win.document.add_fact("autos-mexico-production")
    card = _card(win, "usmca-laredo-port", qtbot)
    carried = []

    def fake_exec(drag, *args):  # QDrag.exec blocks on a real drag: keep what it carries
        mime = drag.mimeData()
        carried.append((json.loads(bytes(mime.data(FACT_MIME).data()).decode("utf-8")), mime))
        return Qt.DropAction.CopyAction

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    start = card.rect().center()
    QTest.mousePress(card, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(card, start + QPoint(2, 0))  # a wobble below the drag distance starts nothing
    assert carried == []
    QTest.mouseMove(card, start + QPoint(QApplication.startDragDistance() + 6, 4))
    QTest.mouseRelease(card, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(QApplication.startDragDistance() + 6, 4))
    assert [ids for ids, _ in carried] == [["usmca-laredo-port"]]
    assert win.pages.currentWidget() is win.cards_page  # the drag did not open the detail
    drop = _drop_on_pack(win, carried[0][1], 1)
    assert drop.isAccepted()
    assert [i.ref for i in win.document.pack.items] == [
        "usmca-trade-trilateral-growth", "usmca-laredo-port", "autos-mexico-production"]
    card = _card(win, "usmca-laredo-port", qtbot)
    assert card.add_button.text() == ("✓ In the pack" if win.lang == "en" else "✓ En el paquete")


def test_a_click_without_moving_focuses_and_selects_and_a_double_click_opens(en_win, qtbot, monkeypatch):
    monkeypatch.setattr(QDrag, "exec", lambda *a: pytest.fail("a click must not start a drag"))
    card = _card(en_win, "usmca-laredo-port", qtbot)
    QTest.mouseClick(card, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, card.rect().center())
    assert en_win.pages.currentWidget() is en_win.cards_page  # a click selects (issue 26), as Anki and Zotero
    assert card.hasFocus() and en_win.card_grid.selected_ids() == ["usmca-laredo-port"]
    QTest.mouseDClick(card, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, card.rect().center())
    assert en_win.pages.currentWidget() is en_win.detail_view
    assert en_win.detail_view.fact.id == "usmca-laredo-port"


def test_cards_kept_out_of_view_follow_the_language_switch(en_win, qtbot):
    from nap_desktop.ui.browse.fact_cards import FactCardWidget

    _type(en_win, "laredo")  # one result: the other cards are parked out of view (not hidden)
    assert en_win.card_grid.fact_ids() == ["usmca-laredo-port"]
    en_win.language_actions["es"].trigger()
    QApplication.processEvents()
    shown = [c for c in en_win.card_grid.viewport().findChildren(FactCardWidget) if c.isVisible()]
    assert shown and all(c.statement_label.text() == c.fact.text_es or HIGHLIGHT_OPEN in c.statement_label.text()
                         for c in shown)
    viewport = en_win.card_grid.viewport().rect()
    assert [c.fact.id for c in shown if c.geometry().intersects(viewport)] == ["usmca-laredo-port"]


def test_click_ctrl_click_and_shift_click_select_cards_and_ctrl_d_adds_them_all(en_win, qtbot):
    """Issue 26: selection as in Anki or Zotero; Enter or a double click opens."""
    grid = en_win.card_grid
    order = grid.fact_ids()[:4]
    cards = [_card(en_win, f, qtbot) for f in order]
    CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    QTest.mouseClick(cards[0], Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cards[0].rect().center())
    QTest.mouseClick(cards[2], Qt.MouseButton.LeftButton, CTRL, cards[2].rect().center())
    assert grid.selected_ids() == [order[0], order[2]]
    assert cards[0].property("selected") and cards[2].property("selected") and not cards[1].property("selected")
    QTest.mouseClick(cards[2], Qt.MouseButton.LeftButton, CTRL, cards[2].rect().center())  # Ctrl+click again: out
    assert grid.selected_ids() == [order[0]]
    QTest.mouseClick(cards[0], Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cards[0].rect().center())
    QTest.mouseClick(cards[3], Qt.MouseButton.LeftButton, SHIFT, cards[3].rect().center())  # a range from the anchor
    assert grid.selected_ids() == order[:4]
    assert en_win.pages.currentWidget() is en_win.cards_page  # nothing opened
    QTest.keyClick(cards[3], Qt.Key.Key_D, CTRL)
    assert [i.ref for i in en_win.document.pack.items] == order[:4], (grid.selected_ids(), grid.current_fact_id(), order)
    en_win.document.undo()  # one undo step for the four
    assert en_win.document.pack.items == ()
    QTest.mouseClick(cards[1], Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cards[1].rect().center())
    assert grid.selected_ids() == [order[1]]
    QTest.keyClick(cards[1], Qt.Key.Key_Return)
    assert en_win.pages.currentWidget() is en_win.detail_view and en_win.detail_view.fact.id == order[1]
