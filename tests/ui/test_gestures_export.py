"""Export dialog used with the mouse (issue 12): language in the file names, open file / show folder,
nothing clipped after an export, Documents by default, Spanish labels."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exporters"))
from fixture_catalog import make_catalog, pack_basic  # noqa: E402

from nap_desktop.ui.export.export_dialog import ExportDialog  # noqa: E402

STEM = "USMCA briefing for House Ways and Means staff"


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def dialog(qtbot, out, settings_dir):
    dlg = ExportDialog(pack_basic("es"), make_catalog(), None, settings_dir=settings_dir)
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(out))
    dlg.format_boxes["xlsx"].setChecked(True)
    for name, box in dlg.format_boxes.items():
        box.setChecked(name in ("pptx", "xlsx"))
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _export(qtbot, dialog):
    dialog.show_error = lambda message: pytest.fail(f"export failed: {message}")
    if not dialog.isVisible():
        dialog.show()
        qtbot.waitExposed(dialog)
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.task is not None
    with qtbot.waitSignal(dialog.task.finished, timeout=30000):
        pass


def test_english_and_spanish_exports_get_their_own_names_and_both_stay(qtbot, dialog, out):
    _export(qtbot, dialog)
    QTest.mouseClick(dialog.lang_buttons["en"], Qt.MouseButton.LeftButton)
    assert dialog.lang == "en"
    assert dialog.format_boxes["pptx"].text() != ""
    _export(qtbot, dialog)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f"{STEM}-en.pptx", f"{STEM}-en.xlsx", f"{STEM}-es.pptx", f"{STEM}-es.xlsx"])
    assert f"{STEM}-en.pptx" in dialog.name_hint.text()


def test_both_languages_are_fully_visible(dialog):
    for button in dialog.lang_buttons.values():
        assert button.isVisible()
        assert button.width() >= button.sizeHint().width()
    assert {b.text() for b in dialog.lang_buttons.values()} == {"English", "Español"}


def test_after_an_export_open_file_and_show_folder_open_local_paths_and_nothing_is_clipped(qtbot, dialog, out,
                                                                                         monkeypatch):
    opened = []
    monkeypatch.setattr(dialog, "open_url", opened.append)
    assert not dialog.open_file_button.isVisible()
    _export(qtbot, dialog)
    qtbot.waitUntil(dialog.open_file_button.isVisible, timeout=2000)
    QTest.mouseClick(dialog.open_file_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.show_folder_button, Qt.MouseButton.LeftButton)
    assert all(url.isLocalFile() for url in opened)
    assert [Path(url.toLocalFile()) for url in opened] == [out / f"{STEM}-es.pptx", out]
    # every label shows its whole text (wrapped labels get the height their text needs)
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.text():
            if label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), label.text()
            else:
                assert label.width() >= label.sizeHint().width() - 1, label.text()


def test_default_folder_is_documents_and_then_the_last_one_used(qtbot, tmp_path, settings_dir):
    fresh = ExportDialog(pack_basic("en"), make_catalog(), None, settings_dir=settings_dir)
    qtbot.addWidget(fresh)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = documents if documents and Path(documents).is_dir() else str(Path.home())
    assert fresh.folder_edit.text() == expected
    fresh.folder_edit.setText(str(tmp_path))
    _export(qtbot, fresh)
    again = ExportDialog(pack_basic("en"), make_catalog(), None, settings_dir=settings_dir)
    qtbot.addWidget(again)
    assert again.folder_edit.text() == str(tmp_path)


def test_labels_are_spanish_in_a_spanish_interface(qtbot, settings_dir):
    from nap_desktop.ui.i18n import translations

    translations().set_language("es")
    try:
        dlg = ExportDialog(pack_basic("es"), make_catalog(), None, settings_dir=settings_dir)
        qtbot.addWidget(dlg)
        texts = {label.text() for label in dlg.findChildren(QLabel) if label.text()}
        for english in ("Formats", "Language", "Folder", "File name"):
            assert english not in texts
        assert dlg.export_button.text() == "Exportar"
        assert dlg.windowTitle() != "Export briefing"
    finally:
        translations().set_language("en")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_control_of_the_dialog_overlaps_another_or_is_cut(qtbot, settings_dir, lang):
    """The format check boxes were drawn over each other and the handout's talking-points box was cut
    at the dialog's edge (seen in Spanish): every visible control lies inside the dialog, apart from
    the others, and is as wide as its text needs."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

    from nap_desktop.ui.i18n import translations

    from PySide6.QtWidgets import QApplication

    from nap_desktop.ui.theme import apply_theme

    app = QApplication.instance()
    style, sheet, palette = app.style().name(), app.styleSheet(), app.palette()
    apply_theme(app)  # the app's own style sheet (its paddings are what squashed the check boxes)
    translations().set_language(lang)
    try:
        from PySide6.QtWidgets import QMainWindow

        parent = QMainWindow()  # opened from the window, as the app does
        qtbot.addWidget(parent)
        parent.show()
        from nap_desktop.core.catalog.loader import load_catalog
        from nap_desktop.core.pack.packfile import Pack, PackItem

        catalog = load_catalog()
        pack = Pack(lang=lang, items=[PackItem(kind="fact", ref=catalog.facts[0].id)])
        dlg = ExportDialog(pack, catalog, parent, settings_dir=settings_dir)
        dlg.show()
        qtbot.waitExposed(dlg)
        found = [w for kind in (QAbstractButton, QComboBox, QLineEdit, QLabel) for w in dlg.findChildren(kind)]
        widgets = [w for w in dict.fromkeys(found) if w.isVisible() and (not isinstance(w, QLabel) or w.text())]
        rects = {}
        for w in widgets:
            rect = QRect(w.mapTo(dlg, w.rect().topLeft()), w.size())
            assert dlg.rect().contains(rect), (w.objectName() or w.text() if hasattr(w, "text") else w, rect)
            if isinstance(w, QAbstractButton):
                assert w.width() >= w.sizeHint().width(), (w.text(), w.width(), w.sizeHint().width())
            rects[w] = rect
        boxes = [w for w in widgets if isinstance(w, QAbstractButton)]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not rects[a].intersects(rects[b]), (a.text(), b.text())
    finally:
        translations().set_language("en")
        app.setStyleSheet(sheet)
        app.setPalette(palette)
        app.setStyle(style)
