"""File > Update data from a file… and drag-and-drop: the review dialog, driven by mouse and key events."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.test_fact_editor import focus, open_library_window

pytestmark = pytest.mark.gui

DATA = Path(__file__).resolve().parents[2] / "data"


def _data_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(DATA.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(DATA).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _fred_file(tmp_path: Path, catalog) -> Path:
    """An IMPMX download: the bundled months, one revised, and three new ones."""
    rows = [r for r in catalog.datasets["us-trade-mexico-monthly"].rows if r.series == "imports"]
    lines = ["observation_date,IMPMX"]
    for r in rows:
        value = r.value + 100.0 if r.period == "2025-12" else r.value
        lines.append(f"{r.period}-01,{value:.6f}")
    lines += ["2026-01-01,40100.500000", "2026-02-01,41200.250000", "2026-03-01,45000.000000"]
    path = tmp_path / "IMPMX.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(params=["en", "es"])
def lang(request):
    from nap_desktop.ui.i18n import translations

    yield request.param
    translations().set_language("en")


def _wait_dialog(qtbot, win):
    from nap_desktop.ui.updates.review_dialog import UpdateReviewDialog

    qtbot.waitUntil(lambda: isinstance(win.updates.dialog, UpdateReviewDialog), timeout=10000)
    dialog = win.updates.dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_menu_review_and_apply_with_mouse_and_keys(qtbot, tmp_path, settings_dir, lang, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    before = _data_hash()
    win, controller, library = open_library_window(qtbot, tmp_path, settings_dir, lang)
    path = _fred_file(tmp_path, win.catalog)
    assert win.updates.action in win.file_menu.actions()
    assert win.updates.action.text() == {"en": "&Update data from a file…", "es": "&Actualizar datos desde un archivo…"}[lang]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(path)], "")))
    focus(qtbot, win.search_field)
    QTest.keyClick(win.search_field, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = _wait_dialog(qtbot, win)

    item = dialog.series_items["us-trade-mexico-monthly#0"]
    assert item.checkState(0) == Qt.CheckState.Checked
    assert item.text(1) == "3" and item.text(2) == "1"  # three new months, one revision
    # the changes table: the revision first, with both values and the difference
    table = dialog.changes_table
    assert table.item(0, 0).text() == "2025-12"
    assert table.item(0, 4).text() == "+100"
    # what would change: the monthly chart, the annual total for 2025 is not mixed with another vintage
    text = dialog.impact_view.toPlainText()
    assert "534.4" in text or "534.41" in text or "534,414" in text or "534.414" in text

    # Space on the current series unticks it: nothing to apply
    dialog.series_list.setFocus()
    rect = dialog.series_list.visualItemRect(item)
    QTest.mouseClick(dialog.series_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.keyClick(dialog.series_list, Qt.Key.Key_Space)
    assert item.checkState(0) == Qt.CheckState.Unchecked
    assert not dialog.apply_button.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # tick all
    assert item.checkState(0) == Qt.CheckState.Checked and dialog.apply_button.isEnabled()
    # the refused tab says nothing was refused; the tabs switch with the mouse
    tabbar = dialog.tabs.tabBar()
    QTest.mouseClick(tabbar, Qt.MouseButton.LeftButton, pos=tabbar.tabRect(1).center())
    assert dialog.tabs.currentIndex() == 1
    QTest.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.updates.dialog is None)

    ds = win.catalog.datasets["us-trade-mexico-monthly"]
    last = [r for r in ds.rows if r.series == "imports"][-1]
    assert (last.period, last.value, last.status) == ("2026-03", 45000.0, "official")
    src = win.catalog.sources[last.source]
    assert "IMPMX.csv" in src.title and hashlib.sha256(path.read_bytes()).hexdigest() in src.note
    spec = win.catalog.charts["usmca-us-imports-mexico-monthly"]
    assert spec.categories[-1] == "2026-03"
    assert _data_hash() == before  # data/ is never written

    # File > Applied data updates…: remove it, and the bundled figures are back
    win.updates.list_action.trigger()
    qtbot.waitUntil(lambda: win.updates.list_dialog is not None)
    applied = win.updates.list_dialog
    assert applied.tree.topLevelItemCount() == 1
    QTest.mouseClick(applied.remove_button, Qt.MouseButton.LeftButton)
    assert applied.tree.topLevelItemCount() == 0
    ds = win.catalog.datasets["us-trade-mexico-monthly"]
    assert [r for r in ds.rows if r.series == "imports"][-1].period == "2025-12"
    applied.reject()


def test_dropping_a_file_opens_the_review_and_cancel_changes_nothing(qtbot, tmp_path, settings_dir):
    win, _controller, library = open_library_window(qtbot, tmp_path, settings_dir, "en")
    path = _fred_file(tmp_path, win.catalog)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(win.width() / 2, win.height() / 2)
    enter = QDragEnterEvent(QPoint(int(pos.x()), int(pos.y())), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, drop)
    dialog = _wait_dialog(qtbot, win)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: win.updates.dialog is None)
    assert not (library / "updates").exists() or not any((library / "updates").iterdir())
    assert [r for r in win.catalog.datasets["us-trade-mexico-monthly"].rows][-1].period == "2025-12"


def test_a_pack_is_not_a_data_file(qtbot, tmp_path, settings_dir):
    win, _controller, _library = open_library_window(qtbot, tmp_path, settings_dir, "en")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "brief.napbrief"))])
    assert win.updates.dropped_files(mime) == []


def test_unknown_file_says_which_formats_are_known(qtbot, tmp_path, settings_dir, lang):
    win, _controller, library = open_library_window(qtbot, tmp_path, settings_dir, lang)
    path = tmp_path / "notes.csv"
    path.write_text("name,comment\nfoo,bar\n", encoding="utf-8")
    dialog = win.updates.open_files([path], background=False)
    qtbot.waitExposed(dialog)
    assert dialog.errors_label.isVisible()
    text = dialog.errors_label.text()
    assert "FRED" in text and "Statistics Canada" in text and "name,comment" in text
    assert {"en": "is not an agency file", "es": "no es un archivo de organismo"}[lang] in text
    assert not dialog.apply_button.isEnabled()
    QTest.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.updates.dialog is None)


def test_open_pack_lists_the_changed_chart_after_an_update(qtbot, tmp_path, settings_dir):
    from nap_desktop.core.pack.packfile import Pack, PackItem, save_pack
    from nap_desktop.core.pack.snapshot import copy_of
    from nap_desktop.ui.pack.pack_updates import PackUpdatesDialog

    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, "en")
    item = PackItem(kind="chart", ref="usmca-us-imports-mexico-monthly", uid="chart-1")
    pack_path = tmp_path / "brief.napbrief"
    save_pack(Pack(title="Mexico", items=(PackItem(kind="chart", ref=item.ref, uid="chart-1",
                                                   copy=copy_of(item, win.catalog)),)), pack_path)
    assert win.open_pack(pack_path)
    QTest.qWait(50)
    assert controller.dialog is None  # nothing changed yet
    dialog = win.updates.open_files([_fred_file(tmp_path, win.catalog)], background=False)
    assert "brief.napbrief" in dialog.impact_view.toPlainText()  # the saved pack that would change
    QTest.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(controller.dialog, PackUpdatesDialog))
    assert set(controller.dialog.rows) == {"chart-1"}
    # the pack keeps its copy until the update is taken
    copy = win.document.pack.items[0].copy
    assert copy["spec"]["categories"][-1] == "2025-12"
    QTest.mouseClick(controller.dialog.rows["chart-1"].take_button, Qt.MouseButton.LeftButton)
    assert win.document.pack.items[0].copy["spec"]["categories"][-1] == "2026-03"


def test_keep_the_old_value_marked_as_of_its_date(qtbot, tmp_path, settings_dir):
    from nap_desktop.core.deck import compose_deck
    from nap_desktop.core.pack.packfile import Pack, PackItem, save_pack
    from nap_desktop.core.pack.snapshot import catalog_for_pack, copy_of
    from nap_desktop.ui.pack.pack_updates import PackUpdatesDialog

    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, "en")
    item = PackItem(kind="chart", ref="usmca-us-imports-mexico-monthly", uid="chart-1")
    pack_path = tmp_path / "brief.napbrief"
    save_pack(Pack(title="Mexico", items=(PackItem(kind="chart", ref=item.ref, uid="chart-1",
                                                   copy=copy_of(item, win.catalog)),)), pack_path)
    assert win.open_pack(pack_path)
    dialog = win.updates.open_files([_fred_file(tmp_path, win.catalog)], background=False)
    QTest.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(controller.dialog, PackUpdatesDialog))
    QTest.mouseClick(controller.dialog.rows["chart-1"].keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.dialog is None)
    copy = win.document.pack.items[0].copy
    assert copy["spec"]["categories"][-1] == "2025-12"  # the old values stay
    assert copy["kept"]["as_of"] == "2026" and "Figure as of 2026, kept in this pack on" in copy["spec"]["notes_en"]
    assert "the catalog now shows" in copy["spec"]["notes_en"] and "Cifra al 2026" in copy["spec"]["notes_es"]
    # the deck made from the pack says it in the speaker notes
    slides = compose_deck(win.document.pack, catalog_for_pack(win.document.pack, win.catalog), lang="en")
    assert any("kept in this pack" in s.notes for s in slides if s.kind == "chart")
    # the pack does not ask again until the catalog changes once more
    assert controller.check_pack_updates() is None
