"""Every window and dialog, opened in Spanish, shows no English string of ours (issue 12).

The English strings are collected from the catalogues (every <source> of resources/i18n/*.ts) and from the
Python sources (the literals passed to tr / _tr / translate), so a string that was never put in a catalogue
is caught too. Visible text is read from the widgets as a user sees them: labels, buttons, menus and their
actions, group boxes, tabs, window titles, placeholders, tooltips, combo items, table headers, list rows,
and the message boxes (grabbed by a timer while they are open, then closed).
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from nap_desktop.core.pack.packfile import Pack, PackItem

ROOT = Path(__file__).resolve().parents[2]

#: Proper names and words that are the same in both languages (never "untranslated").
ALLOWED = {
    "NAP Briefing", "USMCA", "T-MEC", "PowerPoint", "Excel", "English", "Español", "PDF", "PNG", "SVG", "CSV",
    "XLSX", "PPTX", "HTML", "OK", "The North American Project", "México, ¿cómo vamos?", "U.S.-Mexico Foundation",
    "A4", "Letter", "N", "B", "W", "Esc", "F1", "F5", "—", "…", "%", "✕",
}


def _normal(text: str) -> str:
    text = re.sub(r"&(?=[^&\s])", "", text).replace("&&", "&")  # mnemonics: "&File" reads "File"
    return " ".join(text.split())


def _catalogue_sources() -> dict[str, set[str]]:
    """English source -> its translations, from every catalogue (a source translated as itself is allowed)."""
    found: dict[str, set[str]] = {}
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.findtext("translation") or ""
            found.setdefault(_normal(source), set()).add(_normal(translation))
    return found


def _python_sources() -> set[str]:
    """The string literals our code passes to tr(...), _tr(...) and translate(context, ...)."""
    found: set[str] = set()
    for path in sorted((ROOT / "nap_desktop" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in ("tr", "_tr"):
                arg = node.args[0] if node.args else None
            elif name == "translate" and len(node.args) >= 2:
                arg = node.args[1]
            else:
                continue
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(_normal(arg.value))
    return found


_PLACEHOLDER = re.compile(r"%\d|\{[a-z_0-9]*\}")


class EnglishStrings:
    def __init__(self) -> None:
        catalogues = _catalogue_sources()
        self.same_in_spanish = {s for s, ts in catalogues.items() if s in ts}
        sources = (set(catalogues) | _python_sources()) - self.same_in_spanish - ALLOWED
        # a string without three letters in a row is a symbol or a number, not English
        sources = {s for s in sources if re.search(r"[A-Za-z]{3}", _PLACEHOLDER.sub("", s))}
        self.exact = {s for s in sources if not _PLACEHOLDER.search(s)}
        self.patterns: list[tuple[str, re.Pattern[str]]] = []
        for s in sources - self.exact:
            literal = _PLACEHOLDER.sub("", s)
            if len(re.findall(r"[A-Za-z]+", literal)) < 2:  # "{n} items"-like: too loose to match on
                continue
            parts = [re.escape(p) for p in _PLACEHOLDER.split(s)]
            self.patterns.append((s, re.compile("^" + "(.+?)".join(parts) + "$", re.DOTALL)))

    def english(self, text: str) -> str | None:
        """The English source ``text`` shows, or None."""
        text = _normal(text)
        if not text or text in ALLOWED or text in self.same_in_spanish:
            return None
        if text in self.exact:
            return text
        for source, pattern in self.patterns:
            if pattern.match(text):
                return source
        return None


@pytest.fixture(scope="module")
def english() -> EnglishStrings:
    return EnglishStrings()


# ---- reading what is on screen --------------------------------------------------------------------

def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _action_texts(actions, where: str, out: list[tuple[str, str]], seen: set[int]) -> None:
    for action in actions:
        if id(action) in seen or action.isSeparator():
            continue
        seen.add(id(action))
        if not action.isVisible():
            continue
        out.append((f"{where} action", action.text()))
        if action.toolTip() != action.text().replace("&", ""):
            out.append((f"{where} action tooltip", action.toolTip()))
        if action.statusTip():
            out.append((f"{where} action status tip", action.statusTip()))
        if action.menu() is not None:
            out.append((f"{where} menu", action.menu().title()))
            _action_texts(action.menu().actions(), f"{where} › {action.text()}", out, seen)


def _model_texts(view: QAbstractItemView, where: str, out: list[tuple[str, str]]) -> None:
    model = view.model()
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model (QListWidget's keeps columnCount private): one column
        columns = 1
    for orientation, count in ((Qt.Orientation.Horizontal, columns),):
        for section in range(min(count, 40)):
            value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                out.append((f"{where} header", value))
    for row in range(min(model.rowCount(QModelIndex()), 60)):
        for column in range(min(columns, 12)):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    out.append((f"{where} row {row}", value))


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user can see or hover in ``root`` and its visible children."""
    out: list[tuple[str, str]] = []
    seen_actions: set[int] = set()
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if w is not root and not w.isVisibleTo(root):
            continue
        name = f"{type(w).__name__}#{w.objectName() or '?'}"
        if w.isWindow():
            out.append((f"{name} window title", w.windowTitle()))
        if w.toolTip():
            out.append((f"{name} tooltip", w.toolTip()))
        if w.accessibleName():
            out.append((f"{name} accessible name", w.accessibleName()))
        if isinstance(w, QLabel):
            out.append((name, QLabel.text(w)))
        elif isinstance(w, QAbstractButton):
            out.append((name, QAbstractButton.text(w)))
        elif isinstance(w, QLineEdit):
            out.append((f"{name} placeholder", QLineEdit.placeholderText(w)))
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            out.append((f"{name} placeholder", type(w).placeholderText(w)))
        elif isinstance(w, QGroupBox):
            out.append((name, QGroupBox.title(w)))
        elif isinstance(w, QComboBox):
            out += [(f"{name} item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                out += [(f"{name} tab", w.tabText(i)), (f"{name} tab tooltip", w.tabToolTip(i))]
        elif isinstance(w, QTabBar):
            out += [(f"{name} tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and not isinstance(w.parent(), QComboBox):
            _model_texts(w, name, out)
        if isinstance(w, QMainWindow):
            _action_texts(w.menuBar().actions(), "menu bar", out, seen_actions)
            out.append(("status bar message", w.statusBar().currentMessage()))
        _action_texts(w.actions(), name, out, seen_actions)
    return [(where, _plain(text)) for where, text in out if text and text.strip()]


def untranslated(root: QWidget, english: EnglishStrings, what: str) -> list[str]:
    bad = []
    for where, text in visible_texts(root):
        for piece in [text, *text.splitlines()]:
            source = english.english(piece)
            if source is not None:
                bad.append(f"{what}: {where}: {piece!r} (source {source!r})")
                break
    return bad


def collect_modal(action, english: EnglishStrings, what: str, *, boxes: int = 1) -> list[str]:
    """Run ``action`` (which opens modal dialogs/message boxes); read each one while it is open, then close it."""
    bad: list[str] = []
    grabbed: list[str] = []

    def grab() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, grab)
            return
        grabbed.append(type(modal).__name__)
        bad.extend(untranslated(modal, english, f"{what} ({modal.windowTitle()})"))
        if isinstance(modal, QMessageBox):
            QTest.keyClick(modal, Qt.Key.Key_Escape)
            if modal.isVisible():
                modal.done(0)
        else:
            modal.reject()
        if len(grabbed) < boxes:
            QTimer.singleShot(20, grab)

    QTimer.singleShot(0, grab)
    action()
    QApplication.processEvents()
    assert grabbed, f"{what}: no dialog opened"
    return bad


# ---- the windows ----------------------------------------------------------------------------------

def _chart_fact(catalog):
    return next(f for f in catalog.facts if f.chart and f.chart in catalog.charts)


@pytest.fixture
def spanish_window(qtbot, catalog, settings_dir):
    from nap_desktop.ui.pack import file_controller
    from nap_desktop.ui.i18n import translations
    from nap_desktop.ui.main_window import MainWindow

    win = MainWindow(catalog, settings_dir=settings_dir, lang="es")
    win.file_controller.confirm_discard = lambda: file_controller.DISCARD
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.set_language("es")
    QApplication.processEvents()
    yield win
    win.document.replace_pack(win.document.pack, None, dirty=False)
    translations().set_language("en")


def _pack(catalog) -> Pack:
    fact = _chart_fact(catalog)
    items = (PackItem("divider", text="Sección"), PackItem("fact", ref=fact.id, talking_points="Puntos."),
             PackItem("chart", ref=fact.chart), PackItem("note", text="Nota\nTexto."),
             PackItem("fact", ref="no-such-fact"))
    return Pack(title="Revisión conjunta", lang="es", items=items)


def test_the_scanner_sees_english(qtbot, english):
    """The scan itself works: an English label of ours is caught, its Spanish version and a proper name are not."""
    box = QWidget()
    qtbot.addWidget(box)
    from PySide6.QtWidgets import QVBoxLayout

    layout = QVBoxLayout(box)
    for text in ("Talking points", "Puntos para exponer", "NAP Briefing"):
        layout.addWidget(QLabel(text))
    box.show()
    found = untranslated(box, english, "probe")
    assert len(found) == 1 and "Talking points" in found[0], found


def test_main_window_cards_menus_and_pack_speak_spanish(spanish_window, english, catalog):
    win = spanish_window
    bad = untranslated(win, english, "main window")
    fact = _chart_fact(catalog)
    win.add_fact_to_pack(fact.id)
    assert win.statusBar().currentMessage()  # the status bar says so
    bad += untranslated(win, english, "main window, fact added")
    win.add_fact_to_pack(fact.id)
    bad += untranslated(win, english, "main window, fact already in the pack")
    win.add_chart_to_pack(fact.chart)
    win.document.add_note("Nota")
    win.show_pack()
    win.pack_panel.select_row(0)
    QApplication.processEvents()
    bad += untranslated(win, english, "pack panel")
    view = win.pack_panel.list_view
    spot = view.visualRect(view.model().index(1, 0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    found: list[str] = []

    def grab_menu() -> None:
        popup = QApplication.activePopupWidget()
        if not isinstance(popup, QMenu):
            QTimer.singleShot(20, grab_menu)
            return
        found.extend(_menu_untranslated(popup, english, "pack item menu"))
        found.append("")

    QTimer.singleShot(0, grab_menu)
    win.pack_panel.show_item_menu(view.viewport().mapToGlobal(spot))  # what a right click opens (it blocks)
    assert found, "the pack item menu did not open"
    bad += [f for f in found if f]
    win.show_cards()
    QApplication.processEvents()
    cards = win.card_grid.cards()
    assert cards
    bad += _menu_untranslated(cards[0].build_menu(), english, "card menu")
    win.open_detail(fact.id)
    QApplication.processEvents()
    bad += untranslated(win, english, "detail view")
    chart = win.detail_view.chart_view
    if chart is not None and chart.table_toggle.isVisible():
        QTest.mouseClick(chart.table_toggle, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        bad += untranslated(win, english, "detail view, table")
    assert not bad, "\n".join(bad)


def _menu_untranslated(menu: QMenu, english: EnglishStrings, what: str) -> list[str]:
    texts: list[tuple[str, str]] = [("menu title", menu.title())]
    _action_texts(menu.actions(), what, texts, set())
    menu.close()
    return [f"{what}: {where}: {text!r}" for where, text in texts if text and english.english(text)]


def test_charts_and_sources_views_speak_spanish(spanish_window, english, qtbot):
    win = spanish_window
    bad: list[str] = []
    win.activateWindow()
    win.search_field.setFocus()
    for key, what in ((Qt.Key.Key_2, "charts view"), (Qt.Key.Key_3, "sources view")):
        QTest.keyClick(QApplication.focusWidget() or win, key, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        assert not win.cards_page.isVisible(), f"Ctrl+{key - Qt.Key.Key_0} did not open the {what}"
        bad += untranslated(win, english, what)
    assert not bad, "\n".join(bad)


def test_dialogs_speak_spanish(spanish_window, english, catalog, qtbot):
    from nap_desktop.ui.export.export_dialog import ExportDialog
    from nap_desktop.ui.library.fact_editor import FactEditor
    from nap_desktop.ui.help import HelpDialog
    from nap_desktop.ui.library.import_dialog import ImportDialog
    from nap_desktop.ui.present.presenter import PresentDialog

    win = spanish_window
    pack = _pack(catalog)
    bad: list[str] = []
    dialogs = {
        "export dialog": ExportDialog(pack, catalog, win, settings_dir=win.settings_dir),
        "present dialog (one screen)": PresentDialog(win, pack, catalog, "es", QApplication.screens()[:1]),
        "fact editor": FactEditor(catalog, "es", None, win),
        "import dialog": ImportDialog(catalog, "es", win),
    }
    help_dialog = HelpDialog(win)
    help_dialog.show_page("es")
    dialogs["help"] = help_dialog
    for what, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        bad += untranslated(dialog, english, what)
        dialog.reject()
    assert not bad, "\n".join(bad)


def test_message_boxes_speak_spanish(spanish_window, english, catalog, tmp_path):
    from nap_desktop.ui.present import presenter

    win = spanish_window
    broken = tmp_path / "roto.napbrief"
    broken.write_text("{ not a pack", encoding="utf-8")
    bad = collect_modal(win.show_about, english, "about")
    bad += collect_modal(lambda: win.file_controller.open_path(broken, ask_unsaved=False), english, "corrupt pack")
    bad += collect_modal(lambda: presenter.present_from(win, Pack(lang="es"), catalog), english, "empty pack")
    assert not bad, "\n".join(bad)


def test_presenter_and_presenter_views_speak_spanish(spanish_window, english, catalog, qtbot):
    from nap_desktop.core.deck import compose_deck
    from nap_desktop.ui.present.presenter import PresenterWindow

    slides = compose_deck(_pack(catalog), catalog, lang="es")
    bad: list[str] = []
    two = PresenterWindow(slides, catalog, "es", presenter_view=True)
    qtbot.addWidget(two)
    qtbot.addWidget(two.console)
    two.resize(1280, 720)
    two.show()
    two.console.resize(1280, 800)
    two.console.show()
    QApplication.processEvents()
    bad += untranslated(two, english, "presenter")
    bad += untranslated(two.console, english, "presenter view (two screens)")
    QTest.keyClick(two, Qt.Key.Key_B)
    bad += untranslated(two.console, english, "presenter view, blacked out")
    two.end()
    one = PresenterWindow(slides, catalog, "es")
    qtbot.addWidget(one)
    one.resize(1280, 720)
    one.show()
    qtbot.waitExposed(one)
    one.setFocus()
    QTest.keyClick(one, Qt.Key.Key_N)
    assert one.presenter_page is not None and one.presenter_page.isVisible()
    bad += untranslated(one, english, "presenter view (one screen)")
    for _ in range(len(slides)):
        QTest.keyClick(one, Qt.Key.Key_Right)
    bad += untranslated(one, english, "presenter view, last slide")
    QTest.keyClick(one, Qt.Key.Key_3)
    bad += untranslated(one, english, "presenter, typing a slide number")
    one.end()
    assert not bad, "\n".join(bad)


def test_export_dialog_after_an_export_speaks_spanish(spanish_window, english, catalog, qtbot, tmp_path):
    """After an export the dialog says what it wrote and offers Open file / Show folder: in Spanish too."""
    from nap_desktop.ui.export.export_dialog import ExportDialog

    win = spanish_window
    dialog = ExportDialog(_pack(catalog), catalog, win, settings_dir=win.settings_dir)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path))
    for name, box in dialog.format_boxes.items():
        box.setChecked(name == "xlsx")
    dialog.show_error = lambda message: pytest.fail(f"export failed: {message}")
    dialog.show()
    qtbot.waitExposed(dialog)
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.task is not None
    with qtbot.waitSignal(dialog.task.finished, timeout=60000):
        pass
    qtbot.waitUntil(dialog.open_file_button.isVisible, timeout=5000)
    bad = untranslated(dialog, english, "export dialog after an export")
    dialog.reject()
    assert not bad, "\n".join(bad)
