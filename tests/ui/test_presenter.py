"""Presenter mode: driven with the keys a presenter (or a clicker) uses, slide by slide against the deck."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from nap_desktop.core.deck import SLIDE_KINDS, compose_deck
from nap_desktop.core.pack.document import PackDocument
from nap_desktop.core.pack.packfile import Pack, PackItem
from nap_desktop.ui.present import presenter
from nap_desktop.ui.present.presenter import (
    PresenterWindow,
    SlideWidget,
    install_present_action,
    render_present_slide,
    render_present_view,
    start_presentation,
)

TALKING = "Lead with the figure; the joint review is in July."


def _chart_fact(catalog):
    """The first fact that has a chart, and that chart (ids chosen at test time: the catalog grows)."""
    for fact in catalog.facts:
        if fact.chart and fact.chart in catalog.charts:
            return fact, fact.chart
    return catalog.facts[0], next(iter(catalog.charts))


def _other_section_fact(catalog, section):
    return next((f for f in catalog.facts if f.section != section), catalog.facts[-1])


@pytest.fixture
def pack(catalog) -> Pack:
    fact, chart = _chart_fact(catalog)
    other = _other_section_fact(catalog, fact.section)
    first_section = catalog.section(fact.section)
    items = (
        PackItem("divider", text=first_section.title_en if first_section else "Section"),
        PackItem("fact", ref=fact.id, talking_points=TALKING),
        PackItem("chart", ref=chart, talking_points="Point at the last bar."),
        PackItem("fact", ref=other.id),
        PackItem("note", text="Why it matters\nIntegration supports jobs in all three countries."),
        PackItem("fact", ref="no-such-fact-in-any-catalog"),
    )
    return Pack(title="USMCA joint review", audience="Congressional staff", meeting_date="2026-05-12",
                lang="en", items=items)


@pytest.fixture
def deck(pack, catalog):
    return compose_deck(pack, catalog, lang="en")


def _window(qtbot, deck, catalog, *, presenter_view=False, lang="en") -> PresenterWindow:
    window = PresenterWindow(deck, catalog, lang, presenter_view=presenter_view)
    qtbot.addWidget(window)
    if window.console is not None:
        qtbot.addWidget(window.console)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.setFocus()
    return window


@pytest.fixture
def window(qtbot, deck, catalog) -> PresenterWindow:
    return _window(qtbot, deck, catalog)


def assert_shows(window: PresenterWindow, deck, i: int) -> None:
    shown = window.shown_slide()
    assert shown is not None, "the screen is blanked"
    assert window.index == i
    assert (shown.kind, shown.title) == (deck[i].kind, deck[i].title)
    assert shown == deck[i]
    assert window.slide_view.number == i + 1


def test_the_test_deck_has_every_slide_kind(deck):
    # key-figures slides come from state briefs: tests/ui/test_states_view.py presents one
    assert {s.kind for s in deck} == set(SLIDE_KINDS) - {"figures"}


def test_starts_on_the_title_slide(window, deck):
    assert_shows(window, deck, 0)
    assert deck[0].kind == "title"


@pytest.mark.parametrize("key", [Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space,
                                 Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_forward_keys(qtbot, window, deck, key):
    qtbot.keyClick(window, key)
    assert_shows(window, deck, 1)
    qtbot.keyClick(window, key)
    assert_shows(window, deck, 2)


@pytest.mark.parametrize("key", [Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace])
def test_back_keys(qtbot, window, deck, key):
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert_shows(window, deck, len(deck) - 1)
    qtbot.keyClick(window, key)
    assert_shows(window, deck, len(deck) - 2)
    qtbot.keyClick(window, key)
    assert_shows(window, deck, len(deck) - 3)


def test_home_end_and_the_ends_of_the_deck(qtbot, window, deck):
    qtbot.keyClick(window, Qt.Key.Key_Left)  # before the first slide: stays
    assert_shows(window, deck, 0)
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert_shows(window, deck, len(deck) - 1)
    qtbot.keyClick(window, Qt.Key.Key_Right)  # past the last slide: stays, nothing breaks
    assert_shows(window, deck, len(deck) - 1)
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert_shows(window, deck, 0)


def test_every_slide_in_order_matches_the_deck(qtbot, window, deck):
    for i in range(len(deck)):
        assert_shows(window, deck, i)
        qtbot.keyClick(window, Qt.Key.Key_PageDown)


def test_number_then_enter_jumps_to_that_slide(qtbot, window, deck):
    qtbot.keyClicks(window, "4")
    assert window.jump_label.isVisible() and "4" in window.jump_label.text()
    assert_shows(window, deck, 0)  # nothing moves until Enter
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert_shows(window, deck, 3)
    assert not window.jump_label.isVisible()
    qtbot.keyClicks(window, str(len(deck)))
    qtbot.keyClick(window, Qt.Key.Key_Enter)
    assert_shows(window, deck, len(deck) - 1)
    # Keypad digits work too (clickers and numeric pads send them).
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.KeypadModifier)
    qtbot.keyClick(window, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert_shows(window, deck, 1)


def test_two_digit_jump_and_out_of_range_numbers(qtbot, catalog, pack):
    many = pack.with_items(list(pack.items) + [PackItem("note", text=f"Note {n}") for n in range(8)])
    deck = compose_deck(many, catalog, lang="en")
    assert len(deck) >= 12
    window = _window(qtbot, deck, catalog)
    qtbot.keyClicks(window, "12")
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert_shows(window, deck, 11)
    qtbot.keyClicks(window, "999")  # no such slide: stays where it is
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert_shows(window, deck, 11)
    qtbot.keyClicks(window, "0")
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert_shows(window, deck, 11)


def test_mistyped_number_backspace_and_escape_cancel(qtbot, window, deck):
    qtbot.keyClicks(window, "35")
    qtbot.keyClick(window, Qt.Key.Key_Backspace)  # edits the number, does not go back a slide
    assert window.pending_digits == "3"
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert_shows(window, deck, 2)
    with qtbot.assertNotEmitted(window.ended):
        qtbot.keyClicks(window, "5")
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # cancels the number only
    assert window.isVisible() and window.pending_digits == ""
    assert_shows(window, deck, 2)


def _cover_color(window) -> str:
    return window._cover.palette().color(window._cover.backgroundRole()).name()


def test_blackout_and_whiteout_toggle(qtbot, window, deck):
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert window.shown_slide() is None and window.blank == "black"
    assert window._cover.isVisible() and _cover_color(window) == "#000000"
    image = window.grab().toImage()
    assert QColor(image.pixel(image.width() // 2, image.height() // 2)).name() == "#000000"
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert_shows(window, deck, 1)
    assert not window._cover.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_W)
    assert window.shown_slide() is None and window.blank == "white"
    assert _cover_color(window) == "#ffffff"
    qtbot.keyClick(window, Qt.Key.Key_B)  # black straight from white
    assert window.blank == "black"
    qtbot.keyClick(window, Qt.Key.Key_W)
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert_shows(window, deck, 1)
    # The clicker keys for the same (PowerPoint: "." black, "," white).
    qtbot.keyClick(window, Qt.Key.Key_Period)
    assert window.blank == "black"
    qtbot.keyClick(window, Qt.Key.Key_Period)
    qtbot.keyClick(window, Qt.Key.Key_Comma)
    assert window.blank == "white"


def test_next_while_blanked_brings_back_the_same_slide(qtbot, window, deck):
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_B)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert_shows(window, deck, 1)  # the audience sees the slide they left
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert_shows(window, deck, 2)


def test_escape_ends_the_presentation(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Right)
    with qtbot.waitSignal(window.ended, timeout=2000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def _visible_rect_in(window, widget):
    """The widget's rectangle in window coordinates (empty when it is not visible)."""
    from PySide6.QtCore import QRect

    if not widget.isVisible():
        return QRect()
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def test_n_switches_one_screen_between_the_slide_and_the_presenter_view(qtbot, window, deck):
    """One screen: N never paints the notes over the slide; it switches to a presenter view (current slide,
    next slide, notes, timer side by side) and back."""
    assert not window.has_presenter_view
    fact_index = next(i for i, s in enumerate(deck) if s.kind == "fact" and TALKING in s.notes)
    for _ in range(fact_index):
        qtbot.keyClick(window, Qt.Key.Key_Right)
    assert_shows(window, deck, fact_index)
    qtbot.keyClick(window, Qt.Key.Key_N)
    page = window.presenter_page
    assert page is not None and page.isVisible()
    assert not window.slide_view.isVisible()
    assert page.current_view.slide == deck[fact_index]
    assert page.next_view.slide == deck[fact_index + 1]
    assert page.notes_view.toPlainText().startswith(TALKING)
    current = _visible_rect_in(window, page.current_view)
    notes = _visible_rect_in(window, page.notes_view)
    following = _visible_rect_in(window, page.next_view)
    assert not current.isEmpty() and not notes.isEmpty() and not following.isEmpty()
    assert not current.intersects(notes), "the notes cover the slide"
    assert not following.intersects(notes) and not current.intersects(following)
    assert page.elapsed_label.isVisible() and page.elapsed_label.text().count(":") == 2
    assert not page.swap_button.isVisible()  # one screen: nothing to swap
    # The keys keep driving the slides from the presenter view; a click on it does not advance.
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.index == fact_index + 1 and page.current_view.slide == deck[fact_index + 1]
    qtbot.mouseClick(page.notes_view.viewport(), Qt.MouseButton.LeftButton)
    assert window.index == fact_index + 1
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert not page.isVisible()
    assert window.slide_view.isVisible() and window.slide_view.geometry() == window.rect()
    assert_shows(window, deck, fact_index + 1)


def test_slide_only_button_leaves_the_presenter_view(qtbot, window, deck):
    qtbot.keyClick(window, Qt.Key.Key_N)
    page = window.presenter_page
    assert page.slide_button.isVisible()
    qtbot.mouseClick(page.slide_button, Qt.MouseButton.LeftButton)
    assert not page.isVisible() and window.slide_view.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Right)  # the keyboard is still on the slides
    assert_shows(window, deck, 1)


def test_n_with_two_screens_never_shows_notes_to_the_audience(qtbot, deck, catalog):
    window = _window(qtbot, deck, catalog, presenter_view=True)
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert window.presenter_page is None and window.slide_view.isVisible()


def test_mouse_clicks_and_wheel_navigate(qtbot, window, deck):
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert_shows(window, deck, 1)
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert_shows(window, deck, 2)
    qtbot.mouseClick(window, Qt.MouseButton.RightButton, pos=QPoint(40, 40))
    assert_shows(window, deck, 1)

    def wheel(dy: int) -> None:
        pos = QPointF(40, 40)
        event = QWheelEvent(pos, window.mapToGlobal(pos), QPoint(0, 0), QPoint(0, dy), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(window, event)

    wheel(-120)
    assert_shows(window, deck, 2)
    wheel(120)
    assert_shows(window, deck, 1)
    wheel(-60)  # half a notch (touchpads): nothing yet
    assert_shows(window, deck, 1)
    wheel(-60)
    assert_shows(window, deck, 2)


def test_chart_slide_embeds_a_live_chart_with_hover_values(qtbot, window, deck):
    i = next(i for i, s in enumerate(deck) if s.kind == "chart")
    window.go_to(i)
    assert_shows(window, deck, i)
    view = window.slide_view.chart_view
    assert view is not None and view.isVisible()
    assert view.spec is deck[i].chart
    # The chart sits inside the slide's canvas, under the title, above the source line.
    canvas = window.slide_view.canvas_rect()
    assert canvas.contains(QPointF(view.geometry().topLeft())) and canvas.contains(
        QPointF(view.geometry().bottomRight()))
    points = view.hit_points()
    assert points, "hovering shows nothing"
    x, y, text = points[0]
    assert view.hover_text_at(x, y) == text and text
    # The slide draws the title and source itself: the chart's own copies are hidden.
    assert not view.title_label.isVisible() and not view.source_label.isVisible()
    window.go_to(i + 1)
    assert not view.isVisible()


def test_keys_still_work_with_the_chart_under_the_mouse(qtbot, window, deck):
    i = next(i for i, s in enumerate(deck) if s.kind == "chart")
    window.go_to(i)
    view = window.slide_view.chart_view
    # A click on the chart advances like a click anywhere on the slide (PowerPoint does the same)...
    qtbot.mouseClick(view.plot_widget.viewport(), Qt.MouseButton.LeftButton)
    assert window.index == i + 1
    # ...and does not take the keyboard away from the presenter.
    assert view.plot_widget.focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert_shows(window, deck, i)


# ---- presenter view (two screens) -----------------------------------------------------------------

def test_presenter_view_shows_current_next_notes_time_and_clock(qtbot, deck, catalog):
    window = _window(qtbot, deck, catalog, presenter_view=True)
    console = window.console
    assert console is not None
    console.resize(1280, 800)
    console.show()
    qtbot.waitExposed(console)
    fact_index = next(i for i, s in enumerate(deck) if s.kind == "fact" and TALKING in s.notes)
    window.go_to(fact_index)
    assert console.current_view.slide == deck[fact_index]
    assert console.next_view.slide == deck[fact_index + 1]
    assert console.notes_view.toPlainText().startswith(TALKING)
    assert f"{fact_index + 1}" in console.position_label.text() and str(len(deck)) in console.position_label.text()
    assert console.elapsed_label.text() == console.elapsed_text()
    assert len(console.elapsed_label.text()) == 8 and console.elapsed_label.text().count(":") == 2
    hh, mm = console.clock_label.text().split(":")
    assert 0 <= int(hh) < 24 and 0 <= int(mm) < 60
    # The presenter's keyboard is on the laptop: keys typed into the console drive the slides.
    qtbot.keyClick(console, Qt.Key.Key_Right)
    assert_shows(window, deck, fact_index + 1)
    assert console.current_view.slide == deck[fact_index + 1]
    qtbot.keyClick(console, Qt.Key.Key_B)
    assert window.shown_slide() is None and console.blank_label.isVisible()
    assert console.current_view.slide == deck[fact_index + 1]  # the presenter still sees where they are
    qtbot.keyClick(console, Qt.Key.Key_B)
    qtbot.keyClick(console, Qt.Key.Key_End)
    assert console.next_view.slide is None  # nothing after the last slide
    assert not console.next_button.isEnabled()
    console.prev_button.click()
    assert window.index == len(deck) - 2
    with qtbot.waitSignal(window.ended, timeout=2000):
        qtbot.keyClick(console, Qt.Key.Key_Escape)
    assert not console.isVisible()


def test_one_screen_means_no_presenter_view(qtbot, pack, catalog):
    screen = QApplication.primaryScreen()
    window = start_presentation(pack, catalog, "en", screens=[screen])
    assert window is not None
    qtbot.addWidget(window)
    assert not window.has_presenter_view
    assert window.isFullScreen()
    window.end()


_TWO_SCREENS = textwrap.dedent("""
    import json, sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from nap_desktop.core.catalog.loader import load_catalog
    from nap_desktop.core.pack.packfile import Pack, PackItem
    from nap_desktop.ui.present.presenter import start_presentation
    catalog = load_catalog()
    pack = Pack(title="Two screens", items=(PackItem("fact", ref=catalog.facts[0].id, talking_points="Say it."),))
    out = {"screens": [s.name() for s in app.screens()], "primary": app.primaryScreen().name()}
    win = start_presentation(pack, catalog, "en", swap=bool(int(sys.argv[1])))
    app.processEvents()
    out["audience"] = win.screen().name()
    out["audience_full"] = win.isFullScreen()
    out["audience_geometry"] = list(win.geometry().getRect())
    out["console"] = win.console.screen().name() if win.console else None
    out["console_visible"] = bool(win.console and win.console.isVisible())
    win.swap_screens()
    app.processEvents()
    out["swapped_audience"] = win.screen().name()
    out["swapped_console"] = win.console.screen().name() if win.console else None
    win.end()
    print(json.dumps(out))
""")


@pytest.mark.parametrize("swap", [False, True])
def test_two_real_screens_slides_on_projector_presenter_view_on_laptop(tmp_path, swap):
    """Qt's offscreen platform simulates a laptop and a projector; the windows land where they should."""
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {"name": "Laptop", "x": 0, "y": 0, "width": 1920, "height": 1200, "logicalDpi": 96, "logicalBaseDpi": 96,
         "dpr": 1},
        {"name": "Projector", "x": 1920, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}))
    script = tmp_path / "two_screens.py"
    script.write_text(_TWO_SCREENS)
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               PYTHONPATH=str(Path(presenter.__file__).resolve().parents[3]))
    done = subprocess.run([sys.executable, str(script), str(int(swap))], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["screens"] == ["Laptop", "Projector"] and out["primary"] == "Laptop"
    slides_on, console_on = ("Laptop", "Projector") if swap else ("Projector", "Laptop")
    assert out["audience"] == slides_on and out["audience_full"]
    if not swap:
        assert out["audience_geometry"] == [1920, 0, 1280, 720]
    assert out["console"] == console_on and out["console_visible"]
    # The swap-screens action exchanges them while presenting.
    assert (out["swapped_audience"], out["swapped_console"]) == (console_on, slides_on)


# ---- starting: refusals, language, the Present action ---------------------------------------------

@pytest.fixture
def messages(monkeypatch):
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(presenter, "_inform", lambda parent, title, text: said.append((title, text)))
    return said


def test_empty_pack_says_so_and_does_not_start(messages, catalog):
    assert start_presentation(Pack(title="Empty"), catalog, "en") is None
    assert len(messages) == 1 and "empty" in messages[0][1]
    assert not presenter._RUNNING


def test_pack_whose_items_are_all_gone_says_so(messages, catalog):
    gone = Pack(items=(PackItem("fact", ref="retired-fact-1"), PackItem("chart", ref="retired-chart")))
    assert start_presentation(PackDocument(gone), catalog, "en") is None
    assert len(messages) == 1
    text = messages[0][1]
    assert "retired-fact-1" in text and "retired-chart" in text and "catalog" in text


def test_some_items_missing_still_presents_with_missing_slides(qtbot, messages, catalog, pack):
    window = start_presentation(pack, catalog, "en", screens=[QApplication.primaryScreen()])
    assert window is not None and not messages
    qtbot.addWidget(window)
    assert [s.kind for s in window.slides].count("missing") == 1
    window.end()
    assert not presenter._RUNNING


@pytest.mark.parametrize("lang", ["en", "es"])
def test_language_is_chosen_before_presenting(qtbot, catalog, pack, lang):
    window = start_presentation(PackDocument(pack), catalog, lang, screens=[QApplication.primaryScreen()])
    assert window is not None
    qtbot.addWidget(window)
    expected = compose_deck(pack, catalog, lang=lang)
    assert [s.title for s in window.slides] == [s.title for s in expected]
    assert window.shown_slide() == expected[0]
    window.end()


def test_language_defaults_to_the_packs(qtbot, catalog, pack):
    spanish = Pack(title=pack.title, lang="es", items=pack.items)
    window = start_presentation(spanish, catalog, screens=[QApplication.primaryScreen()])
    qtbot.addWidget(window)
    assert window.lang == "es"
    assert window.slides[1].title == compose_deck(spanish, catalog, lang="es")[1].title == "Agenda"
    assert any(s.title == "Fuentes" for s in window.slides)
    window.end()


def test_present_action_f5_asks_language_then_presents(qtbot, catalog, pack, monkeypatch, messages):
    main = QMainWindow()
    qtbot.addWidget(main)
    doc = PackDocument(pack)
    asked = []

    def ask(parent, p, cat, lang, screens):
        asked.append(lang)
        return ("es", False)

    monkeypatch.setattr(presenter, "_ask_present_options", ask)
    action = install_present_action(main, doc, catalog, lambda: None)
    assert action.shortcut().toString() == "F5" and action in main.actions()
    action.trigger()
    assert asked == ["en"]  # preselected: the pack's language
    assert len(presenter._RUNNING) == 1
    window = presenter._RUNNING[0]
    qtbot.addWidget(window)
    assert window.lang == "es"
    assert [s.title for s in window.slides] == [s.title for s in compose_deck(pack, catalog, lang="es")]
    window.end()
    assert not presenter._RUNNING

    monkeypatch.setattr(presenter, "_ask_present_options", lambda *a: None)  # Cancel
    action.trigger()
    assert not presenter._RUNNING

    doc.replace_pack(Pack())  # the action reads the document as it is now
    action.trigger()
    assert messages and "empty" in messages[-1][1]


def test_present_dialog_offers_both_languages_and_warns_about_missing_items(qtbot, catalog, pack):
    dialog = presenter.PresentDialog(None, pack, catalog, "es", [QApplication.primaryScreen()])
    qtbot.addWidget(dialog)
    assert dialog.choice() == ("es", False)
    dialog.lang_combo.setCurrentIndex(0)
    assert dialog.choice() == ("en", False)
    assert not dialog.swap_check.isEnabled()  # one screen: nothing to swap
    texts = " ".join(label.text() for label in dialog.findChildren(presenter.QLabel))
    assert "no-such-fact-in-any-catalog" in texts
    assert "One item of this pack is no longer in the catalog; its slide says so" in texts  # singular, not "item(s)"
    two = Pack(title="T", lang="en", items=(*pack.items, PackItem("chart", ref="no-such-chart")))
    dialog = presenter.PresentDialog(None, two, catalog, "en", [QApplication.primaryScreen()])
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(presenter.QLabel))
    assert "2 items of this pack are no longer in the catalog" in texts


# ---- what the audience sees: layout, legibility, screenshots --------------------------------------

@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_every_slide_fits_its_text_at_projector_sizes(qtbot, catalog, pack, lang, size):
    deck = compose_deck(pack, catalog, lang=lang)
    widget = SlideWidget(catalog, lang)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    for i, slide in enumerate(deck):
        widget.set_slide(slide, i + 1, len(deck))
        widget.grab()
        assert widget.overflows == [], f"slide {i + 1} ({slide.kind}) clips text at {size}"


def test_longest_statements_in_the_catalog_fit(qtbot, catalog):
    longest = sorted(catalog.facts, key=lambda f: -max(len(f.text_en), len(f.text_es)))[:3]
    for lang in ("en", "es"):
        deck = compose_deck(Pack(items=tuple(PackItem("fact", ref=f.id) for f in longest)), catalog, lang=lang)
        widget = SlideWidget(catalog, lang)
        qtbot.addWidget(widget)
        widget.resize(1280, 720)
        widget.show()
        for slide in (s for s in deck if s.kind == "fact"):
            widget.set_slide(slide, 1, len(deck))
            widget.grab()
            assert widget.overflows == [], slide.ref


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_chart_in_the_catalog_fits_a_slide_with_its_sources(qtbot, catalog, lang):
    """Long source lines (charts built from many sources) and gap notes must not be cut off."""
    deck = compose_deck(Pack(items=tuple(PackItem("chart", ref=c) for c in catalog.charts)), catalog, lang=lang)
    widget = SlideWidget(catalog, lang)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    for slide in (s for s in deck if s.kind == "chart"):
        widget.set_slide(slide, 1, len(deck))
        widget.grab()
        assert widget.overflows == [], slide.ref
        chart = widget.chart_rect()
        assert chart.height() >= 300, f"{slide.ref}: the chart is squeezed to {chart.height():.0f} of 900"
        assert widget.chart_view.geometry().bottom() <= widget._r(0, widget._footer_layout()[0], 1, 1).top()


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (2560, 1080), (800, 1280)])
def test_slides_are_letterboxed_never_stretched(qtbot, catalog, deck, size):
    widget = SlideWidget(catalog, "en")
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.set_slide(deck[0], 1, len(deck))
    widget.show()
    canvas = widget.canvas_rect()
    assert canvas.width() / canvas.height() == pytest.approx(16 / 9, rel=1e-3)
    assert canvas.width() <= size[0] + 0.5 and canvas.height() <= size[1] + 0.5
    assert canvas.width() == pytest.approx(size[0]) or canvas.height() == pytest.approx(size[1])
    image = widget.grab().toImage()
    centre = QColor(image.pixel(int(canvas.center().x()), int(canvas.center().y()))).name()
    assert centre != "#000000"
    if canvas.top() >= 2:  # bars above and below
        assert QColor(image.pixel(size[0] // 2, 0)).name() == "#000000"
    if canvas.left() >= 2:  # bars left and right
        assert QColor(image.pixel(0, size[1] // 2)).name() == "#000000"


def test_render_present_slide_for_screenshots(catalog, pack, deck, qapp):
    image = render_present_slide(pack, catalog, "en", 0, (1280, 720))
    assert (image.width(), image.height()) == (1280, 720)
    chart_number = next(i for i, s in enumerate(deck) if s.kind == "chart") + 1
    chart = render_present_view(f"present:{chart_number}", pack, catalog, "es", (1920, 1080))
    assert (chart.width(), chart.height()) == (1920, 1080)
    # A live chart is drawn into the image: many colours, not a blank placeholder box.
    colours = {chart.pixel(x, y) for x in range(200, 1700, 7) for y in range(330, 950, 7)}
    assert len(colours) > 8
    first = render_present_view("present", pack, catalog, "en", (1280, 720))
    assert first == image
    with pytest.raises(IndexError, match=str(len(deck))):
        render_present_slide(pack, catalog, "en", len(deck), (1280, 720))
    with pytest.raises(ValueError):
        render_present_view("present:x", pack, catalog, "en", (1280, 720))


# ---- the same deck as the PowerPoint export -------------------------------------------------------

def _pptx_titles(path: Path) -> list[str]:
    from pptx import Presentation

    titles = []
    for slide in Presentation(str(path)).slides:
        shape = slide.shapes.title
        if shape is None or not shape.text_frame.text.strip():
            shape = next((s for s in slide.shapes if s.name == "Title" and s.has_text_frame), None)
        titles.append(shape.text_frame.text if shape is not None else "")
    return titles


@pytest.mark.parametrize("lang", ["en", "es"])
def test_presenter_and_powerpoint_have_the_same_titles_in_order(qtbot, tmp_path, catalog, pack, lang):
    from nap_desktop.exporters.pptx_exporter import export_pptx

    dest = tmp_path / f"deck-{lang}.pptx"
    export_pptx(pack, catalog, dest, lang=lang, now=datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc))
    window = start_presentation(pack, catalog, lang, screens=[QApplication.primaryScreen()])
    assert window is not None
    qtbot.addWidget(window)
    shown = []
    for _ in window.slides:
        shown.append(window.shown_slide().title)
        qtbot.keyClick(window, Qt.Key.Key_Right)
    window.end()
    assert _pptx_titles(dest) == shown
    assert len(shown) == len(compose_deck(pack, catalog, lang=lang))


def _long_label_chart(catalog):
    """The chart whose longest category name is longest (the on-screen chart shortens such names)."""
    with_axis = [c for c in catalog.charts.values() if c.kind in ("column", "grouped", "stacked", "diverging")]
    return max(with_axis, key=lambda c: max((len(t) for t in c.category_labels("es")), default=0))


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_chart_slides_show_category_names_in_full(qtbot, catalog, lang, size):
    """'Information & commu…' on a projector: a slide shows every category name whole (wrapped if need be)."""
    chart = _long_label_chart(catalog)
    pack = Pack(title="Labels", lang=lang, items=(PackItem("chart", ref=chart.id),))
    deck = compose_deck(pack, catalog, lang=lang)
    window = _window(qtbot, deck, catalog, lang=lang)
    window.resize(*size)
    i = next(i for i, s in enumerate(deck) if s.kind == "chart")
    qtbot.keyClick(window, Qt.Key.Key_End)
    while window.index != i:
        qtbot.keyClick(window, Qt.Key.Key_Left)
    view = window.slide_view.chart_view
    assert view is not None and view.isVisible()
    plot = view.plot_widget.getPlotItem()
    shown = [str(t) for name in ("left", "bottom") for _p, t in (plot.getAxis(name)._tickLevels or [[]])[0]]
    assert shown
    assert not [t for t in shown if t.endswith("…")], shown
    names = set(chart.category_labels(lang)) | {s.label(lang) for s in chart.series}
    for text in shown:
        if not any(ch.isdigit() for ch in text):
            assert " ".join(text.split()) in names, text


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720), (1920, 1080)])
def test_presenter_view_top_row_is_never_cut_in_spanish(qtbot, deck, catalog, size):
    """A 1024-pixel laptop in Spanish: the time and the buttons keep their whole labels (the buttons move to a
    second row rather than shrink), and nothing overlaps."""
    from PySide6.QtCore import QRect

    from nap_desktop.ui.i18n import translations

    translations().set_language("es")
    try:
        window = _window(qtbot, deck, catalog, lang="es")
        window.resize(*size)
        qtbot.keyClick(window, Qt.Key.Key_End)
        qtbot.keyClick(window, Qt.Key.Key_N)
        page = window.presenter_page
        assert page.isVisible()
        widgets = [page.position_label, page.elapsed_label, page.clock_label, page.prev_button, page.next_button,
                   page.black_button, page.reset_button, page.slide_button, page.end_button]
        rects = []
        for w in widgets:
            assert w.isVisible()
            assert w.width() >= w.sizeHint().width(), (w.text(), w.width(), w.sizeHint().width())
            r = QRect(w.mapTo(page, QPoint(0, 0)), w.size())
            assert page.rect().contains(r), (w.text(), r)
            rects.append((w.text(), r))
        for k, (a, ra) in enumerate(rects):
            for b, rb in rects[k + 1:]:
                assert not ra.intersects(rb), (a, b)
        assert page.slide_button.text() == "Solo la diapositiva"
    finally:
        translations().set_language("en")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_fact_slide_shows_its_action_title_as_the_deck_does(qtbot, catalog, lang):
    """Presenting from the app showed the section and the figure but not the slide's title."""
    fact = next(f for f in catalog.facts if f.value is not None and f.title(lang))
    pack = Pack(title="T", lang=lang, items=(PackItem("fact", ref=fact.id),))
    deck = compose_deck(pack, catalog, lang=lang)
    at = next(i for i, s in enumerate(deck) if s.kind == "fact")
    window = _window(qtbot, deck, catalog, lang=lang)
    window.resize(1024, 640)
    for _ in range(at):
        qtbot.keyClick(window, Qt.Key.Key_Right)
    window.slide_view.grab()
    drawn = dict(window.slide_view.drawn_text)
    assert drawn["title"] == deck[at].title == fact.title(lang)
    assert drawn["kicker"] == deck[at].kicker.upper() and drawn["figure"] == deck[at].figure
    assert not window.slide_view.overflows


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_one_slide_agenda_of_many_entries_fits_the_presenter(qtbot, catalog, lang):
    """More than eight one-line entries share one agenda slide: every entry drawn, none overflowing."""
    facts = sorted(catalog.facts, key=lambda f: len(f.title(lang)))[:12]
    pack = Pack(title="Agenda", lang=lang, items=tuple(PackItem("fact", ref=f.id) for f in facts))
    deck = compose_deck(pack, catalog, lang=lang)
    agendas = [i for i, s in enumerate(deck) if s.kind == "agenda"]
    assert len(agendas) == 1 and len(deck[agendas[0]].bullets) == 12
    window = _window(qtbot, deck, catalog, lang=lang)
    window.resize(1024, 640)
    for _ in range(agendas[0]):
        qtbot.keyClick(window, Qt.Key.Key_Right)
    window.slide_view.grab()
    entries = [t for what, t in window.slide_view.drawn_text if what == "agenda_entry"]
    assert len(entries) == 12 and not window.slide_view.overflows
    assert len({px for what, px in window.slide_view.drawn if what == "agenda_entry"}) == 1  # one size


def test_agenda_entries_share_one_size(qtbot, catalog):
    """A long first entry used to be drawn smaller than the rest; the agenda uses one size for all."""
    facts = sorted(catalog.facts, key=lambda f: -len(f.title("es")))[:4]
    pack = Pack(title="Agenda", lang="es", items=tuple(PackItem("fact", ref=f.id) for f in facts))
    deck = compose_deck(pack, catalog, lang="es")
    agenda = next(i for i, s in enumerate(deck) if s.kind == "agenda")
    window = _window(qtbot, deck, catalog, lang="es")
    window.resize(1024, 640)
    for _ in range(agenda):
        qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.slide_view.slide.kind == "agenda"
    window.slide_view.grab()  # paint it now
    sizes = {px for what, px in window.slide_view.drawn if what == "agenda_entry"}
    assert len([w for w, _ in window.slide_view.drawn if w == "agenda_entry"]) == len(deck[agenda].bullets)
    assert len(sizes) == 1, sizes


@pytest.mark.parametrize("size", [(1128, 634), (1280, 720)])
def test_accents_on_capitals_are_not_cut(qtbot, catalog, size):
    """'TECNOLOGÍA' in the kicker: at these sizes (1128x634 is the current slide of a 1920-pixel presenter view)
    the accent rises above the line box and used to be clipped to a dot."""
    import math

    from nap_desktop.core.deck import Slide

    widget = SlideWidget(catalog, "es")
    qtbot.addWidget(widget)
    widget.resize(*size)

    def ink_above_box(kicker: str) -> int:
        widget.set_slide(Slide(kind="fact", title="x", kicker=kicker), 1, 1)
        image = widget.grab().toImage()
        canvas = widget.canvas_rect()
        s = widget.scale()
        top = math.ceil(canvas.y() + 44 * s)  # the kicker's box (logical y=44)
        left, right = int(canvas.x() + 80 * s), int(canvas.x() + 400 * s)
        white = QColor("#ffffff").rgb()
        return sum(1 for y in range(max(0, top - int(14 * s)), top) for x in range(left, right)
                   if image.pixel(x, y) != white)

    assert ink_above_box("IIII") == 0  # nothing of a plain capital pokes out of its box...
    assert ink_above_box("ÍÍÍÍ") > 0  # ...but the accents of these do, and they are drawn
