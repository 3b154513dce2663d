"""FileController: save/open/recent, undo/redo keys, the modified marker, close prompt, autosave and recovery."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow

from nap_desktop.core.pack.document import PackDocument
from nap_desktop.core.pack.packfile import Pack, PackItem, load_pack, save_pack
from nap_desktop.ui.pack import file_controller as fc_mod
from nap_desktop.ui.pack.file_controller import CANCEL, DISCARD, SAVE, FileController
from nap_desktop.ui.pack.pack_panel import PackPanel

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "packs"


class Dialogs:
    """Records every dialog the controller would have shown; answers are set by each test."""

    def __init__(self):
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.open_path: Path | None = None
        self.save_path: Path | None = None
        self.discard_answer = CANCEL
        self.restore_answer = True
        self.discard_asked = 0
        self.restore_info: dict | None = None

    def install(self, controller: FileController) -> None:
        controller.ask_open_path = lambda: self.open_path
        controller.ask_save_path = lambda suggested: self.save_path
        controller.show_error = lambda title, message: self.errors.append((title, message))
        controller.show_info = lambda title, message: self.infos.append((title, message))

        def confirm():
            self.discard_asked += 1
            return self.discard_answer

        def restore(info):
            self.restore_info = info
            return self.restore_answer

        controller.confirm_discard = confirm
        controller.ask_restore = restore


def _make(qtbot, sample_catalog, settings_dir, pack: Pack | None = None, path: Path | None = None, show=False):
    window = QMainWindow()
    qtbot.addWidget(window)
    document = PackDocument(pack, path)
    panel = PackPanel(document, sample_catalog)
    window.setCentralWidget(panel)
    controller = FileController(window, document, sample_catalog, settings_dir)
    dialogs = Dialogs()
    dialogs.install(controller)
    if show:
        window.resize(600, 700)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    return window, document, panel, controller, dialogs


@pytest.fixture
def app_parts(qtbot, sample_catalog, settings_dir):
    return _make(qtbot, sample_catalog, settings_dir)


def test_title_shows_pack_name_and_modified_marker(app_parts, tmp_path):
    window, doc, _panel, controller, dialogs = app_parts
    assert window.windowTitle() == "Untitled pack[*] — NAP Briefing" and not window.isWindowModified()
    doc.add_fact("usmca-laredo-port")
    assert window.isWindowModified()
    doc.set_meta(title="Puertos — Laredo")
    assert window.windowTitle() == "Puertos — Laredo[*] — NAP Briefing"
    dialogs.save_path = tmp_path / "laredo"
    assert controller.save()
    assert not window.isWindowModified()
    assert doc.path == tmp_path / "laredo.napbrief", "the extension is added"
    doc.set_meta(title="")
    assert window.windowTitle() == "laredo.napbrief[*] — NAP Briefing" and window.isWindowModified()


def test_undo_redo_actions_follow_the_document(app_parts):
    _window, doc, _panel, controller, _dialogs = app_parts
    undo, redo = controller.actions["undo"], controller.actions["redo"]
    assert not undo.isEnabled() and not redo.isEnabled()
    doc.add_fact("usmca-laredo-port")
    assert undo.isEnabled() and undo.text() == "&Undo Add fact"
    undo.trigger()
    assert doc.pack.items == () and redo.text() == "&Redo Add fact" and not undo.isEnabled()
    redo.trigger()
    assert len(doc.pack.items) == 1
    shortcuts = {name: [k.toString() for k in a.shortcuts()] for name, a in controller.actions.items()}
    assert shortcuts["undo"] == ["Ctrl+Z"] and shortcuts["redo"] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert shortcuts["save"] == ["Ctrl+S"] and shortcuts["save_as"] == ["Ctrl+Shift+S"]
    assert shortcuts["new"] == ["Ctrl+N"] and shortcuts["open"] == ["Ctrl+O"]


def test_ctrl_z_and_ctrl_shift_z_keys_undo_and_redo_pack_edits(qtbot, sample_catalog, settings_dir):
    window, doc, panel, _controller, _dialogs = _make(
        qtbot, sample_catalog, settings_dir,
        Pack(items=(PackItem("fact", ref="usmca-laredo-port", uid="a"),
                    PackItem("fact", ref="usmca-border-daily-trade", uid="b"))), show=True)
    panel.list_view.setFocus()
    panel.select_row(0)
    QTest.keyClick(panel.list_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [i.uid for i in doc.pack.items] == ["b", "a"]
    ctrl = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(panel.list_view, Qt.Key.Key_Z, ctrl)
    assert [i.uid for i in doc.pack.items] == ["a", "b"]
    QTest.keyClick(panel.list_view, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert [i.uid for i in doc.pack.items] == ["b", "a"]
    QTest.keyClick(panel.list_view, Qt.Key.Key_Z, ctrl)
    QTest.keyClick(panel.list_view, Qt.Key.Key_Y, ctrl)
    assert [i.uid for i in doc.pack.items] == ["b", "a"]
    # inside the talking-points editor, Ctrl+Z undoes the pack edit (one step for the typing), not just the widget
    panel.select_row(0)
    panel.points_edit.setFocus()
    QTest.keyClicks(panel.points_edit, "Border trade")
    assert doc.item("b").talking_points == "Border trade"
    QTest.keyClick(panel.points_edit, Qt.Key.Key_Z, ctrl)
    assert doc.item("b").talking_points == "" and panel.points_edit.toPlainText() == ""
    QTest.keyClick(panel.points_edit, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert doc.item("b").talking_points == "Border trade"


def test_save_open_round_trip_and_recent_files(app_parts, tmp_path, settings_dir):
    _window, doc, _panel, controller, dialogs = app_parts
    doc.set_meta(title="Revisión conjunta", audience="USTR", meeting_date="2026-07-01", lang="es")
    doc.add_fact("usmca-laredo-port")
    doc.add_divider("Alimentos")
    from nap_desktop.core.pack.snapshot import with_copies

    dialogs.save_path = tmp_path / "a.napbrief"
    assert controller.save()
    # the file carries the copy of each fact and chart item, as `pack new` writes it (issue 26)
    saved = with_copies(doc.pack, controller.catalog)
    assert load_pack(tmp_path / "a.napbrief") == saved
    assert saved.items[0].copy["id"] == "usmca-laredo-port"
    controller.new()
    assert doc.pack.items == () and doc.path is None
    dialogs.open_path = tmp_path / "a.napbrief"
    assert controller.open()
    assert doc.pack == saved and not doc.dirty and not doc.can_undo
    stored = json.loads((settings_dir / fc_mod.RECENT_FILE).read_text(encoding="utf-8"))
    assert stored["recent"] == [str((tmp_path / "a.napbrief").resolve())]
    assert [a.text() for a in controller.recent_menu.actions()][0] == "&1 a.napbrief"


def test_recent_files_keep_eight_and_prune_missing_with_a_message(app_parts, tmp_path):
    _window, doc, _panel, controller, dialogs = app_parts
    for n in range(10):
        save_pack(Pack(title=f"p{n}"), tmp_path / f"p{n}.napbrief")
        assert controller.open_path(tmp_path / f"p{n}.napbrief")
    recent = controller.recent_files()
    assert [p.name for p in recent] == [f"p{n}.napbrief" for n in range(9, 1, -1)]
    (tmp_path / "p9.napbrief").unlink()
    assert not controller.open_recent(recent[0])
    assert "no longer exists" in dialogs.errors[-1][1]
    assert recent[0] not in controller.recent_files()
    assert doc.pack.title == "p9", "the open pack is untouched"
    assert controller.open_recent(recent[1]) and doc.pack.title == "p8"


@pytest.mark.parametrize("content, phrase", [
    ('{"format": "napbrief", "version": 1, "title": "Tru', "damaged or incomplete"),
    ("not json", "damaged or incomplete"),
    ('{"format": "napbrief", "version": 99, "items": []}', "newer version"),
    ('{"hello": "world"}', "not a NAP Briefing pack"),
])
def test_opening_a_bad_file_shows_a_message_and_changes_nothing(app_parts, tmp_path, content, phrase):
    _window, doc, _panel, controller, dialogs = app_parts
    doc.set_meta(title="Current work")
    doc.add_fact("usmca-laredo-port")
    before, undo_text = doc.pack, doc.undo_text
    bad = tmp_path / "bad.napbrief"
    bad.write_text(content, encoding="utf-8")
    dialogs.open_path = bad
    dialogs.discard_answer = DISCARD
    assert not controller.open()
    title, message = dialogs.errors[-1]
    assert title == "Cannot open the pack" and phrase in message and "bad.napbrief" in message
    assert "has not been changed" in message
    assert doc.pack == before and doc.dirty and doc.path is None and doc.undo_text == undo_text
    assert controller.recent_files() == []


def test_opening_a_pack_with_items_missing_from_the_catalog_marks_them(app_parts, tmp_path):
    _window, doc, panel, controller, dialogs = app_parts
    save_pack(Pack(items=(PackItem("fact", ref="gone-fact"), PackItem("fact", ref="usmca-laredo-port"))),
              tmp_path / "old.napbrief")
    assert controller.open_path(tmp_path / "old.napbrief")
    assert len(doc.pack.items) == 2
    assert "gone-fact" in dialogs.infos[-1][1]
    assert "missing from the catalog" in panel.model.data(panel.model.index(0))


def test_the_v1_fixture_opens_in_the_app(app_parts, tmp_path):
    _window, doc, panel, controller, dialogs = app_parts
    import shutil

    fixture = tmp_path / "v1_basic.napbrief"  # a copy: opening takes a lock beside the file (never in tests/)
    shutil.copyfile(FIXTURES / "v1_basic.napbrief", fixture)
    assert controller.open_path(fixture)
    assert panel.title_edit.text() == "USMCA 2026 joint review — briefing for Commerce"
    assert panel.model.rowCount() == 4 and panel.lang_combo.currentIndex() == 1


def test_failed_save_reports_and_keeps_everything(app_parts, tmp_path, monkeypatch):
    _window, doc, _panel, controller, dialogs = app_parts
    target = tmp_path / "brief.napbrief"
    save_pack(Pack(title="on disk"), target)
    doc.set_meta(title="new work")
    doc.mark_saved(target)
    doc.add_note("unsaved note")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    assert not controller.save()
    monkeypatch.undo()
    # the cause in words a user reads (the system's "No space left on device" as "the disk is full"), and the way out
    assert "the disk is full" in dialogs.errors[-1][1] and "Save As" in dialogs.errors[-1][1]
    assert doc.dirty and doc.pack.items[-1].text == "unsaved note"
    assert load_pack(target).title == "on disk"


def test_maybe_close_prompts_only_with_unsaved_work(app_parts, tmp_path):
    _window, doc, _panel, controller, dialogs = app_parts
    assert controller.maybe_close() and dialogs.discard_asked == 0
    doc.add_note("draft")
    dialogs.discard_answer = CANCEL
    assert not controller.maybe_close()
    assert doc.pack.items[0].text == "draft"
    dialogs.discard_answer = SAVE
    dialogs.save_path = None  # the user cancels the Save As dialog: do not close
    assert not controller.maybe_close()
    dialogs.save_path = tmp_path / "closing.napbrief"
    assert controller.maybe_close()
    assert load_pack(tmp_path / "closing.napbrief").items[0].text == "draft"


def test_recovery_file_written_after_a_change_and_removed_on_save(app_parts, settings_dir, tmp_path, qtbot):
    _window, doc, _panel, controller, dialogs = app_parts
    controller.offer_recovery()  # nothing to offer on a first start
    assert dialogs.restore_info is None
    recovery = controller.recovery_path
    assert recovery.parent == settings_dir / fc_mod.RECOVERY_DIR
    doc.add_note("Remember the Article 34.7 timeline")
    qtbot.waitUntil(lambda: recovery.exists() and "Article 34.7" in recovery.read_text(encoding="utf-8"))
    doc.set_talking_points(doc.pack.items[0].uid, "segunda versión")
    qtbot.waitUntil(lambda: "segunda versión" in recovery.read_text(encoding="utf-8"))
    dialogs.save_path = tmp_path / "saved.napbrief"
    controller.save()
    assert not recovery.exists(), "a clean save removes the recovery file"
    doc.add_note("more")
    qtbot.waitUntil(recovery.exists)
    doc.undo()
    assert not recovery.exists(), "undoing back to the saved state is clean again"


def test_next_start_offers_the_recovered_pack(qtbot, sample_catalog, settings_dir, tmp_path):
    _w, doc, _p, controller, _d = _make(qtbot, sample_catalog, settings_dir,
                                        Pack(title="Original"), tmp_path / "orig.napbrief")
    controller.offer_recovery()
    doc.add_fact("usmca-laredo-port")
    doc.set_meta(title="Edited before the crash")
    controller.autosave()  # what the debounce timer does
    # "crash": no maybe_close; the instance's lock goes with its process. The next start:
    controller.release_instance_lock()
    window, doc2, panel2, controller2, dialogs2 = _make(qtbot, sample_catalog, settings_dir)
    controller2.autosave()  # even if the new session ticks first, the crash copy is not touched
    assert controller.recovery_path.exists()
    assert controller2.offer_recovery()
    assert dialogs2.restore_info["title"] == "Edited before the crash" and dialogs2.restore_info["items"] == 1
    assert doc2.pack.title == "Edited before the crash" and doc2.pack.items[0].ref == "usmca-laredo-port"
    assert doc2.dirty and doc2.path == tmp_path / "orig.napbrief" and window.isWindowModified()
    assert panel2.title_edit.text() == "Edited before the crash"


def test_declining_recovery_deletes_it(qtbot, sample_catalog, settings_dir):
    _w, doc, _p, controller, _d = _make(qtbot, sample_catalog, settings_dir)
    doc.add_note("x")
    controller.autosave()
    controller.release_instance_lock()  # the first instance crashed
    _w2, doc2, _p2, controller2, dialogs2 = _make(qtbot, sample_catalog, settings_dir)
    dialogs2.restore_answer = False
    assert not controller2.offer_recovery()
    assert doc2.pack.items == () and not controller.recovery_path.exists()


def test_damaged_recovery_file_is_reported_and_set_aside(qtbot, sample_catalog, settings_dir):
    (settings_dir / fc_mod.RECOVERY_FILE).write_text('{"format": "napbrief-recovery", "pack": {', encoding="utf-8")
    _w, doc, _p, controller, dialogs = _make(qtbot, sample_catalog, settings_dir)
    assert not controller.offer_recovery()
    assert "damaged" in dialogs.errors[-1][1]
    assert (settings_dir / (fc_mod.RECOVERY_FILE + ".damaged")).exists()


KILLED_SESSION = r"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QMainWindow
from nap_desktop.core.pack.document import PackDocument
from nap_desktop.core.catalog.model import Catalog
from nap_desktop.ui.pack.file_controller import FileController
from nap_desktop.ui.pack.pack_panel import PackPanel

app = QApplication([])
window = QMainWindow()
doc = PackDocument()
catalog = Catalog("test", (), {}, ())
window.setCentralWidget(PackPanel(doc, catalog))
controller = FileController(window, doc, catalog, Path(sys.argv[1]))
controller.offer_recovery()
window.show()
panel = window.centralWidget()
doc.set_meta(title="Killed mid-edit")
doc.add_fact("usmca-laredo-port")
panel.select_row(0)
panel.points_edit.setPlainText("Punto: 296.2 mil millones")
recovery = controller.recovery_path
def check():
    if recovery.exists() and "296.2 mil millones" in recovery.read_text(encoding="utf-8"):
        print("AUTOSAVED", flush=True)
from PySide6.QtCore import QTimer
timer = QTimer(); timer.timeout.connect(check); timer.start(50)
QTimer.singleShot(20000, lambda: app.exit(3))  # never hang the test run
app.exec()
"""


def test_killed_process_is_restored_on_next_start(qtbot, sample_catalog, settings_dir):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-c", KILLED_SESSION, str(settings_dir)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()  # blocks until the autosave happened (or the child died)
        assert line.strip() == "AUTOSAVED", proc.stderr.read()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    _w, doc, panel, controller, dialogs = _make(qtbot, sample_catalog, settings_dir)
    assert controller.offer_recovery()
    assert doc.pack.title == "Killed mid-edit" and doc.dirty
    assert doc.pack.items[0].ref == "usmca-laredo-port"
    assert doc.pack.items[0].talking_points == "Punto: 296.2 mil millones"
    assert panel.model.rowCount() == 1


def test_a_pack_with_a_cut_emoji_opens_says_what_was_repaired_and_saves(app_parts, tmp_path):
    _window, doc, _panel, controller, dialogs = app_parts
    path = tmp_path / "cut.napbrief"
    path.write_text('{"format":"napbrief","version":1,"title":"x\\ud83d","items":[]}', encoding="utf-8")
    assert controller.open_path(path)
    title, message = dialogs.infos[-1]
    assert "repaired" in title.lower() and "title" in message
    assert doc.pack.title == "x\ufffd" and doc.dirty
    assert controller.save()
    assert load_pack(path).title == "x\ufffd"
