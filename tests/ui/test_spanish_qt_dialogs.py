"""Spanish as a Mexican reader meets it in the dialogs (issue 26): the Export dialog's format names in
the interface's language whatever language is exported; Qt's own Open/Save and Print dialogs in
Spanish ("Buscar en:", "Archivos de tipo:", no "fichero"); one way to name the languages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exporters"))
from fixture_catalog import make_catalog, pack_basic  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def spanish():
    from nap_desktop.ui.i18n import translations

    translations().set_language("es")
    yield
    translations().set_language("en")


def visible_texts(widget: QWidget) -> list[str]:
    out = []
    for w in widget.findChildren(QWidget):
        if not w.isVisible():
            continue
        text = getattr(w, "text", None)
        if callable(text):
            try:
                t = text()
            except TypeError:
                continue
            if isinstance(t, str) and t:
                out.append(t)
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
    return out


def test_export_format_names_follow_the_interface_not_the_export_language(qtbot, settings_dir, spanish):
    from nap_desktop.ui.export.export_dialog import ExportDialog

    dialog = ExportDialog(pack_basic("en"), make_catalog(), None, settings_dir=settings_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QTest.mouseClick(dialog.lang_buttons["en"], Qt.MouseButton.LeftButton)  # an English export
    names = [box.text() for box in dialog.format_boxes.values()]
    for english in ("PowerPoint deck", "Excel workbook", "One-page handout", "Meeting bundle"):
        assert not any(english in n for n in names), names
    assert any("Presentación de PowerPoint" in n for n in names)
    QTest.mouseClick(dialog.lang_buttons["es"], Qt.MouseButton.LeftButton)
    assert [box.text() for box in dialog.format_boxes.values()] == names


def test_languages_are_named_alike_in_the_pack_panel_present_and_export(qtbot, settings_dir, spanish):
    from nap_desktop.ui.export.export_dialog import ExportDialog
    from nap_desktop.ui.main_window import MainWindow
    from nap_desktop.ui.present.presenter import PresentDialog

    catalog = make_catalog()
    win = MainWindow(catalog, settings_dir=settings_dir, lang="es")
    qtbot.addWidget(win)
    win.set_language("es")
    panel_names = [win.pack_panel.lang_combo.itemText(i) for i in range(win.pack_panel.lang_combo.count())]
    export = ExportDialog(pack_basic("es"), catalog, win, settings_dir=settings_dir)
    present = PresentDialog(win, pack_basic("es"), catalog, "es", QApplication.screens()[:1])
    qtbot.addWidget(export)
    qtbot.addWidget(present)
    export_names = [export.lang_buttons[c].text() for c in ("en", "es")]
    present_names = [present.lang_combo.itemText(i) for i in range(present.lang_combo.count())]
    assert panel_names == export_names == present_names == ["English", "Español"]


def test_qt_file_dialog_speaks_mexican_spanish(qtbot, spanish):
    dialog = QFileDialog(None, "Guardar")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own dialog, as on Linux
    dialog.setNameFilter("Paquetes de NAP Briefing (*.napbrief)")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = visible_texts(dialog)
    assert "&Buscar en:" in texts and "Archivos de &tipo:" in texts, texts
    english = {"Look in:", "&Look in:", "Files of &type:", "Files of type:", "File &name:", "&Save", "&Open", "Cancel"}
    assert not english & set(texts), texts
    assert not [t for t in texts if "ichero" in t], texts


def test_qt_print_dialog_says_archivo_not_fichero(qtbot, spanish):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = [t for w in dialog.findChildren(QLabel) for t in [w.text()] if t] + visible_texts(dialog)
    assert not [t for t in texts if "ichero" in t], texts
    dialog.reject()
