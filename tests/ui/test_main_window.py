"""The main window driven as a user would: search, filters, keyboard, detail, add to pack, language switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMenu

from nap_desktop.core.catalog.search import SearchIndex
from nap_desktop.ui.theme import no_break


def _open_window(qtbot, catalog, settings_dir):
    """A shown 1280x720 MainWindow over ``catalog``; yields it, then resets the language."""
    from nap_desktop.ui.pack import file_controller
    from nap_desktop.ui.i18n import translations
    from nap_desktop.ui.main_window import MainWindow

    win = MainWindow(catalog, settings_dir=settings_dir, lang="en")
    # closing with unsaved work would ask; the tests' windows are discarded
    win.file_controller.confirm_discard = lambda: file_controller.DISCARD
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    yield win
    translations().set_language("en")


@pytest.fixture
def window(qtbot, sample_catalog, settings_dir):
    yield from _open_window(qtbot, sample_catalog, settings_dir)


def shown_ids(win):
    return win.card_grid.fact_ids()


def test_fact_list_model_passes_qtmodeltester(qtmodeltester, sample_catalog):
    from nap_desktop.ui.browse.facts import FactListModel

    model = FactListModel(sample_catalog, "en")
    model.set_facts(sample_catalog.facts)
    qtmodeltester.check(model)


def test_search_narrows_the_cards_and_counts_them(window, qtbot):
    assert len(shown_ids(window)) == 5
    assert window.result_label.text() == "5 facts"
    qtbot.keyClicks(window.search_field, "exportacion")
    assert shown_ids(window) == ["food-mexico-share-ag-imports"]
    assert window.result_label.text() == "1 fact"
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, "zzzz")
    assert shown_ids(window) == []
    assert window.card_grid.empty_label.isVisible()
    assert "zzzz" in window.card_grid.empty_label.text() and "Try" in window.card_grid.empty_label.text()


def test_country_and_section_filters_and_section_counts(window):
    window.set_country("CA")
    assert shown_ids(window) == ["usmca-trade-trilateral-growth"]
    window.set_country(None)
    window.set_section("usmca")
    assert shown_ids(window) == ["usmca-trade-trilateral-growth", "usmca-border-daily-trade", "usmca-laredo-port"]
    nav_texts = [window.section_nav.item(i).text() for i in range(window.section_nav.count())]
    assert nav_texts[0] == "All sections  (5)"
    assert "USMCA fast facts  (3)" in nav_texts


def test_cards_reflow_with_the_window_width(window, qtbot):
    window.resize(1800, 900)
    qtbot.waitUntil(lambda: window.card_grid.columns() >= 3)
    wide = window.card_grid.columns()
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.card_grid.columns() < wide)
    # no card wider than the visible area: nothing clipped at the right edge
    qtbot.waitUntil(lambda: all(c.geometry().right() <= window.card_grid.viewport().width()
                                for c in window.card_grid.cards()))


def test_keyboard_find_arrows_enter_and_space(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    window.card_grid.focus_first()
    first, second = shown_ids(window)[:2]
    assert window.card_grid.current_fact_id() == first
    qtbot.keyClick(window.card_grid.card(first), Qt.Key.Key_Right)
    assert window.card_grid.current_fact_id() == second
    qtbot.keyClick(window.card_grid.card(second), Qt.Key.Key_Space)
    assert [(i.kind, i.ref) for i in window.document.pack.items] == [("fact", second)]
    assert window.card_grid.card(second).add_button.text() == "✓ In the pack"
    qtbot.keyClick(window.card_grid.card(second), Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.detail_view
    assert window.detail_view.fact.id == second


def test_ctrl_d_adds_the_focused_card_and_undo_removes_it(window, qtbot):
    window.card_grid.focus_first()
    fact_id = window.card_grid.current_fact_id()
    window.add_action.trigger()
    assert [i.ref for i in window.document.pack.items] == [fact_id]
    window.file_controller.actions["undo"].trigger()
    assert window.document.pack.items == ()
    assert window.card_grid.card(fact_id).add_button.text() == "+ Add to pack"


def test_detail_shows_statement_sources_with_status_and_copyable_url(window, qtbot):
    from PySide6.QtGui import QGuiApplication

    window.open_detail("usmca-laredo-port")
    view = window.detail_view
    assert view.statement_label.text().startswith("The Port of Laredo")
    assert view.value_label.text() == "over USD 296.2 billion"
    publishers = [r.name_label.text() for r in view.source_rows]
    assert publishers == ["Bureau of Transportation Statistics", "México, ¿cómo vamos? and U.S.-Mexico Foundation"]
    assert [r.badge.text() for r in view.source_rows] == ["Secondary", "Report"]
    assert "third party" in view.source_rows[0].badge.toolTip()
    nap = view.source_rows[1]
    assert nap.url_field.isReadOnly() and nap.url_field.text() == "https://www.mexicocomovamos.mx"
    nap.copy_button.click()
    assert QGuiApplication.clipboard().text() == "https://www.mexicocomovamos.mx"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.cards_page


def _visible_texts(win) -> set[str]:
    texts: set[str] = set()
    for w in win.findChildren(QLabel) + win.findChildren(QAbstractButton):
        if w.isVisibleTo(win) and w.text().strip():
            texts.add(w.text())
    for w in win.findChildren(QLineEdit):
        if w.isVisibleTo(win) and w.placeholderText():
            texts.add(w.placeholderText())
    for menu in win.menuBar().findChildren(QMenu):
        texts.add(menu.title())
        texts.update(a.text() for a in menu.actions() if a.text())
    texts.add(win.pack_dock.windowTitle())
    return {t.replace("&", "") for t in texts}


def test_switching_to_spanish_translates_every_visible_string_and_the_content(window, qtbot):
    english = _visible_texts(window)
    window.language_actions["es"].trigger()
    spanish = _visible_texts(window)
    allowed = {"English", "Español", "NAP Briefing", "✕", "×", "↑", "↓", "1994"}
    unchanged = {t for t in english & spanish if t not in allowed and any(ch.isalpha() for ch in t)}
    # Proper names (publishers, periods) are the same in both languages; everything else must change.
    names = {s.publisher for s in window.catalog.sources.values()}
    unchanged = {t for t in unchanged if not any(n in t for n in names) and not t.startswith("2025")}
    assert unchanged == set(), f"untranslated after switching to Spanish: {sorted(unchanged)}"
    assert window.menuBar().actions()[0].text() == "&Archivo"
    assert window.result_label.text() == "5 datos"
    statements = [c.statement_label.text() for c in window.card_grid.cards()]
    assert statements[0].startswith("En los últimos 20 años")
    assert window.card_grid.cards()[0].value_label.text() == "más de 1.6 billones de dólares"
    # and back, without restarting
    window.language_actions["en"].trigger()
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.card_grid.cards()[0].statement_label.text().startswith("In the last 20 years")


def test_language_choice_is_remembered_in_the_given_settings_folder(window, settings_dir, qtbot, sample_catalog):
    from nap_desktop.ui.main_window import MainWindow

    window.set_language("es")
    again = MainWindow(sample_catalog, settings_dir=settings_dir)
    qtbot.addWidget(again)
    assert again.lang == "es"
    assert (settings_dir / "nap-briefing.ini").is_file()


def test_about_box_names_app_and_data_versions(window):
    from nap_desktop import __version__

    text = window.about_text()
    assert f"NAP Briefing {__version__}" in text
    assert "Data version test-2026.04" in text


def test_bundled_catalog_searches_both_languages(catalog):
    index = SearchIndex(catalog)
    everything = index.search("")
    assert len(everything.facts) == len(catalog.facts)
    if not catalog.facts:
        pytest.skip("bundled catalog has no facts yet")
    fact = everything.facts[0]
    word = max(fact.text_es.split(), key=len).strip(".,;:()")
    assert fact in index.search(word.upper()).facts


# ---- the virtual card grid: only what is on screen is built, yet every card is reachable --------

@pytest.fixture
def full_window(qtbot, catalog, settings_dir):
    if len(catalog.facts) < 40:
        pytest.skip("needs a catalog larger than a screenful")
    yield from _open_window(qtbot, catalog, settings_dir)


def _on_screen(grid, card) -> bool:
    return card.isVisible() and card.geometry().intersects(grid.viewport().rect())


def test_grid_builds_cards_only_for_the_screen_but_lists_every_result(full_window):
    grid = full_window.card_grid
    assert grid.fact_ids() == [f.id for f in full_window.index.search("").facts]
    assert full_window.result_label.text() == f"{len(full_window.catalog.facts)} facts"
    cards = grid.cards()
    assert 0 < len(cards) < len(grid.fact_ids()) // 2
    assert all(_on_screen(grid, c) for c in cards)
    assert [c.fact.id for c in cards] == grid.fact_ids()[:len(cards)]


def test_keyboard_scrolls_to_cards_that_were_off_screen(full_window, qtbot):
    grid = full_window.card_grid
    ids = grid.fact_ids()
    grid.focus_first()
    qtbot.keyClick(grid.card(ids[0]), Qt.Key.Key_End)
    last = grid.card(ids[-1])
    assert grid.current_fact_id() == ids[-1] and last is not None and last.hasFocus()
    assert last.fact.id == ids[-1] and _on_screen(grid, last)
    assert grid.viewport().rect().contains(last.geometry())
    qtbot.keyClick(last, Qt.Key.Key_Space)  # a recycled card adds its own fact, not the one it showed before
    assert [i.ref for i in full_window.document.pack.items] == [ids[-1]]
    assert last.add_button.text() == "✓ In the pack"
    qtbot.keyClick(last, Qt.Key.Key_Up)
    above = ids[-1 - grid.columns()]
    assert grid.current_fact_id() == above and grid.card(above).hasFocus()
    qtbot.keyClick(grid.card(above), Qt.Key.Key_Home)
    first = grid.card(ids[0])
    assert first is not None and first.hasFocus() and _on_screen(grid, first)
    assert first.add_button.text() == "+ Add to pack"
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert full_window.detail_view.fact.id == ids[0]


def test_every_card_is_tall_enough_for_its_spanish_text_at_every_scroll_position(full_window, qtbot):
    full_window.set_language("es")
    full_window.resize(1000, 700)
    grid = full_window.card_grid
    qtbot.waitUntil(lambda: grid.cards() and grid.cards()[0].width() < 400)
    bar = grid.verticalScrollBar()
    seen: set[str] = set()
    value = 0
    while True:
        bar.setValue(value)
        for card in grid.cards():
            seen.add(card.fact.id)
            assert card.statement_label.text() == no_break(card.fact.text_es)  # "T-MEC" kept on one line
            assert card.height() >= card.heightForWidth(card.width()), card.fact.id
            assert card.geometry().right() <= grid.viewport().width()
        if value >= bar.maximum():
            break
        value = min(bar.maximum(), value + bar.pageStep() // 2)
    assert seen == set(grid.fact_ids())  # scrolling shows every fact, each in its own card


# ---- toolbar and menu hooks: present, export, chart image -------------------------------------------

def test_toolbar_offers_present_export_add_undo_redo_with_their_shortcuts(window):
    bar = window.toolbar
    assert bar.isVisible()
    fc = window.file_controller.actions
    assert bar.actions()[:3] == [window.present_action, window.export_action, window.add_action]
    assert fc["undo"] in bar.actions() and fc["redo"] in bar.actions()
    assert window.present_action.shortcut().toString() == "F5"
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    assert window.export_action in window.file_menu.actions()
    assert window.save_chart_action in window.chart_menu.actions()
    texts = {bar.widgetForAction(a).text().replace("&", "") for a in (window.present_action, window.export_action)}
    assert texts == {"Present", "Export"}  # a tool button drops the menu entry's "…"
    window.set_language("es")
    texts = {bar.widgetForAction(a).text().replace("&", "") for a in (window.present_action, window.export_action)}
    assert texts == {"Presentar", "Exportar"}


def test_export_opens_the_dialog_with_the_current_pack(window, qtbot, monkeypatch, settings_dir):
    from nap_desktop.ui.export import export_dialog

    calls = []

    class FakeDialog:
        def __init__(self, pack, catalog, parent=None, *, settings_dir=None):
            calls.append((pack, catalog, parent, settings_dir))

        def exec(self):
            return 0

    monkeypatch.setattr(export_dialog, "ExportDialog", FakeDialog)
    window.add_fact_to_pack("usmca-laredo-port")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(calls) == 1
    pack, catalog, parent, folder = calls[0]
    assert pack is window.document.pack and [i.ref for i in pack.items] == ["usmca-laredo-port"]
    assert catalog is window.catalog and parent is window and folder == settings_dir


def test_present_action_presents_the_current_pack(window, qtbot, monkeypatch):
    from nap_desktop.ui.present import presenter

    calls = []
    monkeypatch.setattr(presenter, "present_from", lambda *args, **kw: calls.append((args, kw)))
    window.add_fact_to_pack("food-mexico-share-ag-imports")
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert len(calls) == 1
    (parent, document, catalog), _ = calls[0]
    doc = document() if callable(document) else document
    assert parent is window and catalog is window.catalog
    assert [i.ref for i in doc.pack.items] == ["food-mexico-share-ag-imports"]


def test_save_chart_image_writes_png_at_2x_and_svg(full_window, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    win = full_window
    assert not win.save_chart_action.isEnabled()  # the cards page has no chart
    fact = next(f for f in win.catalog.facts if f.chart and f.chart in win.catalog.charts)
    win.open_detail(fact.id)
    assert win.save_chart_action.isEnabled()
    answers = iter([(str(tmp_path / "chart.png"), ""), (str(tmp_path / "chart"), "SVG image (*.svg)")])
    monkeypatch.setattr(win, "ask_chart_image_path", lambda suggested: next(answers))
    png = win.save_chart_image()
    image = QImage(str(png))
    assert png == tmp_path / "chart.png" and not image.isNull()
    from nap_desktop.exporters.svg_chart import HEIGHT, WIDTH

    assert (image.width(), image.height()) == (2 * WIDTH, 2 * HEIGHT)
    svg = win.save_chart_image()
    assert svg == tmp_path / "chart.svg"
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<") and "<svg" in text
    assert win.catalog.charts[fact.chart].title_en.split()[0] in text
    win.show_cards()
    assert not win.save_chart_action.isEnabled()


def test_a_new_pack_is_in_the_language_the_user_works_in(qtbot, sample_catalog, settings_dir):
    from nap_desktop.ui.pack import file_controller
    from nap_desktop.ui.i18n import translations
    from nap_desktop.ui.main_window import MainWindow

    win = MainWindow(sample_catalog, settings_dir=settings_dir, lang="es")
    win.file_controller.confirm_discard = lambda: file_controller.DISCARD
    qtbot.addWidget(win)
    try:
        assert win.document.pack.lang == "es"
        assert not win.document.dirty  # nothing to save or undo: it is the starting state
        assert not win.document.can_undo
    finally:
        translations().set_language("en")
