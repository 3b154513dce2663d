"""Work another window would overwrite (issue 26): a pack open in another window or instance says so
(a lock file beside the pack, with user, host and pid; a crashed holder's lock is stale); a restored
autosave keeps the on-disk check; the recovery dialog says when in words and offers Later; a pack
saved from the window carries its items' copies."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from nap_desktop.core.pack import packlock
from nap_desktop.core.pack.document import PackDocument
from nap_desktop.core.pack.packfile import Pack, PackItem, load_pack, save_pack
from nap_desktop.ui.pack.file_controller import CANCEL, DISCARD, LATER, RESTORE, FileController
from nap_desktop.ui.pack.pack_panel import PackPanel

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]

HOLDER = r"""
import sys
from pathlib import Path
from nap_desktop.ui.app import create_application
from nap_desktop.core.catalog.loader import load_catalog
from nap_desktop.ui.main_window import MainWindow
app = create_application()
window = MainWindow(load_catalog(), settings_dir=Path(sys.argv[2]), lang="en")
window.show()
assert window.file_controller.open_path(Path(sys.argv[1]))
print("OPEN", flush=True)
sys.stdin.readline()
"""


def make_controller(qtbot, catalog, settings_dir: Path):
    window = QMainWindow()
    qtbot.addWidget(window)
    document = PackDocument(None, None)
    window.setCentralWidget(PackPanel(document, catalog))
    controller = FileController(window, document, catalog, settings_dir)
    controller.show_info = lambda *a: None
    controller.show_error = lambda title, message: pytest.fail(f"{title}: {message}")
    return window, document, controller


def click_box(name: str, button_text: str, seen: list) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != name:
            QTimer.singleShot(20, click)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        QTest.mouseClick(next(b for b in box.buttons() if b.text().replace("&", "") == button_text),
                         Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, click)


def a_pack(tmp_path: Path) -> Path:
    path = tmp_path / "joint review.napbrief"
    save_pack(Pack(title="Joint review", items=(PackItem(kind="note", text="first"),)), path)
    return path


def test_a_pack_open_in_another_instance_says_so_until_that_instance_is_gone(qtbot, sample_catalog, tmp_path):
    path = a_pack(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    other = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(tmp_path / "other-settings")], cwd=REPO,
                             env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().startswith("OPEN"), other.stderr.read()
        lock = packlock.lock_path(path)
        assert lock.is_file() and json.loads(lock.read_text(encoding="utf-8"))["pid"] == other.pid

        window, document, controller = make_controller(qtbot, sample_catalog, tmp_path / "settings")
        window.show()
        seen: list[str] = []
        click_box("PackLockedBox", "Cancel", seen)
        assert not controller.open_path(path)
        assert "is open in another NAP Briefing window" in seen[0] and "this computer" in seen[0]
        assert document.path is None

        click_box("PackLockedBox", "Open anyway", seen)
        assert controller.open_path(path)
        assert document.path == path and len(seen) == 2
        assert json.loads(lock.read_text(encoding="utf-8"))["pid"] == other.pid  # still the other's
        controller.new()
    finally:
        other.send_signal(signal.SIGKILL)  # a crash: its lock stays behind
        other.communicate(timeout=30)
    assert packlock.lock_path(path).is_file()
    controller.ask_open_locked = lambda *a: pytest.fail("asked about a crashed instance's lock")
    assert controller.open_path(path)
    assert json.loads(packlock.lock_path(path).read_text(encoding="utf-8"))["pid"] == os.getpid()
    controller.new()  # closing the pack gives the lock back
    assert not packlock.lock_path(path).exists()


def test_two_windows_of_one_process(qtbot, sample_catalog, tmp_path):
    path = a_pack(tmp_path)
    _wa, _da, a = make_controller(qtbot, sample_catalog, tmp_path / "s")
    _wb, db, b = make_controller(qtbot, sample_catalog, tmp_path / "s")
    assert a.open_path(path)
    asked = []
    b.ask_open_locked = lambda p, info: asked.append(info) or False
    assert not b.open_path(path) and db.path is None
    assert asked and asked[0].pid == os.getpid()
    assert a.maybe_close()
    assert b.open_path(path) and len(asked) == 1


def test_a_restored_autosave_still_asks_before_overwriting_another_windows_save(qtbot, sample_catalog, tmp_path):
    path = a_pack(tmp_path)
    settings = tmp_path / "settings"
    # window A opens the pack and edits; its autosave is written; then A dies (its lock goes stale)
    _wa, doc_a, a = make_controller(qtbot, sample_catalog, settings)
    assert a.open_path(path)
    doc_a.add_note("A's work")
    a.autosave()
    a.release_instance_lock()
    a._lock_pack(None)
    # window B saves the same file meanwhile
    save_pack(Pack(title="Joint review", items=(PackItem(kind="note", text="B's work"),)), path)
    os.utime(path, ns=(path.stat().st_mtime_ns + 5_000_000_000,) * 2)
    b_bytes = path.read_bytes()

    window, doc_c, c = make_controller(qtbot, sample_catalog, settings)
    window.show()
    seen: list[str] = []
    click_box("RestoreBox", "Restore", seen)
    assert c.offer_recovery()
    assert "today at" in seen[0]
    assert [i.text for i in doc_c.pack.items] == ["first", "A's work"] and doc_c.path == path
    asked = []
    c.ask_changed_on_disk = lambda p: asked.append(p) or CANCEL
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == [path], "Ctrl+S after a restore overwrote another window's save without asking"
    assert path.read_bytes() == b_bytes


def test_recovery_dialog_later_keeps_the_copy_and_discard_deletes_it(qtbot, sample_catalog, tmp_path):
    settings = tmp_path / "settings"
    _wa, doc_a, a = make_controller(qtbot, sample_catalog, settings)
    doc_a.add_note("unsaved work")
    a.autosave()
    a.release_instance_lock()
    copy = a.recovery_path
    assert copy.is_file()

    window, doc_b, b = make_controller(qtbot, sample_catalog, settings)
    window.show()
    seen: list[str] = []
    click_box("RestoreBox", "Later", seen)
    assert not b.offer_recovery()
    assert copy.is_file() and doc_b.pack.items == ()
    assert [t for t in ("Restore", "Later", "Discard") if t in seen[0]]
    assert "T" not in seen[0].split("saved ")[-1].split(".")[0]  # no raw ISO time

    click_box("RestoreBox", "Discard", seen)
    assert not b.offer_recovery()
    assert not copy.exists()


def test_when_in_words(qtbot, sample_catalog, tmp_path):
    from nap_desktop.ui.i18n import translations

    window, _doc, controller = make_controller(qtbot, sample_catalog, tmp_path / "s")
    now = dt.datetime(2026, 12, 7, 16, 0)

    class c:  # noqa: N801 - the words as read (Qt writes a narrow no-break space before AM)
        @staticmethod
        def when_in_words(iso, now):
            return controller.when_in_words(iso, now).replace("\u202f", " ").replace("\xa0", " ")

    assert c.when_in_words("2026-12-07T10:42:05", now) == "today at 10:42 AM"
    assert c.when_in_words("2026-12-06T18:05:00", now) == "yesterday at 6:05 PM"
    assert c.when_in_words("2026-12-03T10:42:00", now) == "on Thursday, December 3, 2026 at 10:42 AM"
    window.lang = "es"
    translations().set_language("es")
    try:
        assert c.when_in_words("2026-12-07T10:42:05", now) == "hoy a las 10:42 a.m."
        assert c.when_in_words("2026-12-06T18:05:00", now) == "ayer a las 6:05 p.m."
        assert c.when_in_words("2026-12-03T10:42:00", now) == "el jueves, 3 de diciembre de 2026 a las 10:42 a.m."
    finally:
        translations().set_language("en")


def test_a_pack_saved_from_the_window_opens_the_same_without_the_users_library(qtbot, tmp_path, settings_dir):
    from nap_desktop.core.catalog.library import add_fact, init_library, load_catalog_with_library
    from nap_desktop.core.catalog.loader import load_catalog
    from nap_desktop.core.pack.snapshot import catalog_for_pack
    from nap_desktop.ui.main_window import MainWindow

    library = init_library(tmp_path / "library")
    fid = add_fact(library, {
        "section": "usmca", "topic": "trade", "countries": ["US"], "value": 12, "unit": "pct", "period": "2025",
        "text_en": "Quuxtown firms sell 12% of their output to Mexico.", "text_es": "",
        "sources": [{"publisher": "Quuxtown Chamber of Commerce", "title": "Member survey 2025",
                     "url": "https://quuxtown.example.org/survey-2025.pdf", "date": "2025-11-01", "status": "report"}]})
    win = MainWindow(load_catalog_with_library(library), settings_dir=settings_dir, lang="en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.add_fact_to_pack(fid)
    target = tmp_path / "colleague.napbrief"
    win.file_controller.ask_save_path = lambda suggested: target
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    QTest.keyClick(win, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert target.is_file()
    data = json.loads(target.read_text(encoding="utf-8"))
    facts = [i for i in data["items"] if i["kind"] in ("fact", "chart")]
    assert facts and all(i.get("copy") for i in facts)
    # the colleague's laptop: the bundled catalog only
    shown = catalog_for_pack(load_pack(target), load_catalog()).fact(fid)
    assert shown is not None and shown.value == 12 and shown.text_en.startswith("Quuxtown")
    win.file_controller.confirm_discard = lambda: DISCARD
