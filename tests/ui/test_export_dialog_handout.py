"""Export dialog: the handout's paper and talking points, the bundle checkbox, a user template (remembered)."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exporters"))
from fixture_catalog import make_catalog, pack_basic  # noqa: E402

from nap_desktop.ui.export.export_dialog import ExportDialog  # noqa: E402

pypdf = pytest.importorskip("pypdf")


def _open(qtbot, settings_dir, out, lang="en"):
    dlg = ExportDialog(pack_basic(lang), make_catalog(), None, settings_dir=settings_dir)
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(out))
    dlg.show_error = lambda message: pytest.fail(f"export failed: {message}")
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _export(qtbot, dlg):
    QTest.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.task.finished, timeout=60000):
        pass


def _template(tmp_path) -> Path:
    from pptx import Presentation

    path = tmp_path / "house-style.pptx"
    deck = Presentation()
    deck.core_properties.author = "Someone Else"
    deck.save(str(path))
    return path


def test_bundle_is_off_by_default_and_the_handout_is_on(qtbot, settings_dir, tmp_path):
    dlg = _open(qtbot, settings_dir, tmp_path)
    assert not dlg.format_boxes["bundle"].isChecked()
    assert dlg.format_boxes["pdf"].isChecked()


def test_a4_with_talking_points_and_a_remembered_template(qtbot, settings_dir, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    template = _template(tmp_path)
    dlg = _open(qtbot, settings_dir, out)
    for name, box in dlg.format_boxes.items():
        if box.isChecked() != (name in ("pptx", "pdf", "bundle")):
            QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    dlg.ask_template = lambda start: str(template)
    QTest.mouseClick(dlg.template_button, Qt.MouseButton.LeftButton)
    assert dlg.template_label.text() == template.name
    dlg.paper_combo.setFocus()
    QTest.keyClick(dlg.paper_combo, Qt.Key.Key_A)  # type-ahead picks "A4"
    assert dlg.paper_combo.currentData() == "a4"
    QTest.mouseClick(dlg.talking_points_box, Qt.MouseButton.LeftButton, pos=dlg.talking_points_box.rect().center())
    assert dlg.talking_points_box.isChecked()
    _export(qtbot, dlg)
    pdf = next(out.glob("*.pdf"))
    page = pypdf.PdfReader(str(pdf)).pages[0]
    assert round(float(page.mediabox[3])) == 842  # A4
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages)
    point = next(i.talking_points for i in dlg.pack.items if i.talking_points.strip())
    assert " ".join(point.split()[:4]) in " ".join(text.split())
    from pptx import Presentation

    deck = Presentation(str(next(out.glob("*.pptx"))))
    assert deck.core_properties.author != "Someone Else"  # the template's properties never come along
    with zipfile.ZipFile(next(out.glob("*.zip"))) as zf:
        assert any(n.endswith(".pdf") for n in zf.namelist())

    again = _open(qtbot, settings_dir, out)
    assert again.template_label.text() == template.name
    assert again.paper_combo.currentData() == "a4"
    QTest.mouseClick(again.template_clear, Qt.MouseButton.LeftButton)
    assert again.template_path is None
    assert _open(qtbot, settings_dir, out).template_path is None


def test_spanish_dialog_labels(qtbot, settings_dir, tmp_path, spanish_ui=None):
    from nap_desktop.ui.i18n import translations

    translations().set_language("es")
    try:
        dlg = _open(qtbot, settings_dir, tmp_path, lang="es")
        assert dlg.template_button.text() == "Usar una plantilla de PowerPoint…"
        assert dlg.talking_points_box.text() == "Imprimir los puntos para la conversación en la hoja"
        assert dlg.paper_combo.itemText(0) == "Carta (EE. UU.)"
    finally:
        translations().set_language("en")
