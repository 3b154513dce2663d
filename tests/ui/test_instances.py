"""Several app instances against one settings folder (issue 13): one recovery file per running
instance, each behind a QLockFile; a second instance never offers nor deletes a live one's work;
saving over a pack that changed on disk asks first; a failing autosave is visible."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from nap_desktop.core.pack.packfile import Pack, load_pack, save_pack
from nap_desktop.ui.pack import file_controller as fc_mod
from nap_desktop.ui.pack.file_controller import CANCEL, OVERWRITE, SAVE_AS, FileController

REPO = Path(__file__).resolve().parents[2]

# A real app instance: the bundled catalog, the main window, the settings folder from
# NAP_SETTINGS_DIR (as `nap-desktop` finds it). Recovery offers are printed and answered "No"
# (the answer that deletes the offered copy), so an offer of a live instance's file would destroy it.
INSTANCE = r"""
import sys
from nap_desktop.ui.app import create_application, default_settings_dir
from nap_desktop.core.catalog.loader import load_catalog
from nap_desktop.ui.main_window import MainWindow

role = sys.argv[1]
app = create_application()
window = MainWindow(load_catalog(), settings_dir=default_settings_dir(), lang="en")
fc = window.file_controller
def offered(info):
    print("OFFERED", info["file"], info["title"], flush=True)
    return False
fc.ask_restore = offered
fc.show_error = lambda title, text: print("ERROR", title, flush=True)
window.show()
window.offer_recovery()
window.document.set_meta(title=f"work of {role}")
window.document.add_note(f"note by {role}")
fc.autosave()
print("AUTOSAVED", fc.recovery_path, flush=True)
if role == "A":
    sys.stdin.readline()  # stay alive (a running instance) until the test says so
fc.confirm_discard = lambda: "discard"
window.close()  # a normal quit: the instance's own recovery file goes with it
print("EXIT", flush=True)
"""


def _start(role: str, settings: Path) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NAP_SETTINGS_DIR=str(settings))
    return subprocess.Popen([sys.executable, "-c", INSTANCE, role], cwd=REPO, env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _until(proc: subprocess.Popen, word: str) -> tuple[list[str], str]:
    seen = []
    for line in proc.stdout:
        seen.append(line.strip())
        if line.startswith(word):
            return seen, line.split(" ", 1)[1].strip() if " " in line.strip() else ""
    raise AssertionError(f"no {word}: {seen} {proc.stderr.read()}")


def test_second_instance_never_offers_or_deletes_a_running_instances_work(tmp_path):
    settings = tmp_path / "settings"
    a = _start("A", settings)
    try:
        a_seen, a_file = _until(a, "AUTOSAVED")
        assert not any(line.startswith("OFFERED") for line in a_seen)
        a_file = Path(a_file)
        assert a_file.is_file() and "note by A" in a_file.read_text(encoding="utf-8")

        b = _start("B", settings)
        out, err = b.communicate(timeout=120)
        assert b.returncode == 0, err
        assert "OFFERED" not in out, "B offered to recover the running instance A"
        b_file = Path(next(line for line in out.splitlines() if line.startswith("AUTOSAVED")).split(" ", 1)[1])
        assert b_file != a_file, "each instance has its own recovery file"
        assert a_file.is_file() and "note by A" in a_file.read_text(encoding="utf-8"), "B touched A's work"
        assert not b_file.exists(), "B quit normally: its own recovery file is gone"
    finally:
        a.send_signal(signal.SIGKILL)  # A crashes: its lock is now stale
        a.wait(timeout=30)
        a.stdout.close()
        a.stderr.close()
        a.stdin.close()

    c = _start("C", settings)
    out, err = c.communicate(timeout=120)
    assert c.returncode == 0, err
    offers = [line for line in out.splitlines() if line.startswith("OFFERED")]
    assert offers == [f"OFFERED {a_file} work of A"], out
    assert not a_file.exists(), "declined: the crashed instance's copy is deleted"


# --- in-process: changed on disk, autosave failure -------------------------------------------

@pytest.fixture
def controller(qtbot, sample_catalog, tmp_path):
    from PySide6.QtWidgets import QMainWindow

    from nap_desktop.core.pack.document import PackDocument

    window = QMainWindow()
    qtbot.addWidget(window)
    document = PackDocument()
    fc = FileController(window, document, sample_catalog, tmp_path / "settings")
    fc.asked: list[Path] = []
    fc.warnings: list[tuple[str, str]] = []
    fc.errors: list[tuple[str, str]] = []
    fc.answer = CANCEL
    fc.save_as_path = None

    def ask(path):
        fc.asked.append(path)
        return fc.answer

    fc.ask_changed_on_disk = ask
    fc.ask_save_path = lambda suggested: fc.save_as_path
    fc.show_warning = lambda title, text: fc.warnings.append((title, text))
    fc.show_error = lambda title, text: fc.errors.append((title, text))
    fc.show_info = lambda title, text: None
    yield fc
    fc.release_instance_lock()


def _changed_elsewhere(path: Path, title: str) -> None:
    save_pack(Pack(title=title), path)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))  # a later save, whatever the clock


def test_saving_over_a_pack_changed_on_disk_asks_first(controller, tmp_path):
    path = tmp_path / "brief.napbrief"
    save_pack(Pack(title="original"), path)
    assert controller.open_path(path)
    controller.document.set_meta(title="mine")
    _changed_elsewhere(path, "theirs")

    controller.answer = CANCEL
    assert not controller.save()
    assert controller.asked == [path] and load_pack(path).title == "theirs", "Cancel keeps their version"
    assert controller.document.dirty

    controller.answer = SAVE_AS
    controller.save_as_path = tmp_path / "mine.napbrief"
    assert controller.save()
    assert load_pack(tmp_path / "mine.napbrief").title == "mine" and load_pack(path).title == "theirs"
    assert controller.document.path == tmp_path / "mine.napbrief"


def test_overwrite_after_asking_and_no_question_when_unchanged(controller, tmp_path):
    path = tmp_path / "brief.napbrief"
    save_pack(Pack(title="original"), path)
    assert controller.open_path(path)
    controller.document.set_meta(title="v2")
    assert controller.save() and controller.asked == [], "nothing changed on disk: no question"
    os.utime(path)  # touched (e.g. a backup tool), same bytes: still no question
    controller.document.set_meta(title="v3")
    assert controller.save() and controller.asked == []
    _changed_elsewhere(path, "theirs")
    controller.document.set_meta(title="v4")
    controller.answer = OVERWRITE
    assert controller.save()
    assert controller.asked == [path] and load_pack(path).title == "v4"


def test_autosave_failure_warns_once_per_streak_and_says_where_the_last_copy_is(controller, monkeypatch):
    from PySide6.QtWidgets import QMainWindow

    assert isinstance(controller.window, QMainWindow)
    controller.document.add_note("first")
    controller.autosave()
    good = controller.recovery_path
    assert good.is_file()

    def disk_full(path, payload):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(fc_mod, "atomic_write_bytes", disk_full)
    controller.document.add_note("second")
    controller.autosave()
    controller.autosave()
    controller.autosave()
    assert len(controller.warnings) == 1, "one dialog per failure streak"
    title, text = controller.warnings[0]
    assert "Autosave failed" in title and "the disk is full" in text
    assert str(good) in text, "the dialog says where the last good copy is"
    status = controller.window.statusBar().currentMessage()
    assert "Autosave failed" in status and "not protected" in status
    assert "first" in good.read_text(encoding="utf-8"), "the last good copy is untouched"

    monkeypatch.undo()
    controller.autosave()  # the disk has room again
    assert "second" in good.read_text(encoding="utf-8")
    assert "works again" in controller.window.statusBar().currentMessage()
    monkeypatch.setattr(fc_mod, "atomic_write_bytes", disk_full)
    controller.document.add_note("third")
    controller.autosave()
    assert len(controller.warnings) == 2, "a new failure streak warns again"


def test_read_only_settings_folder_warns_with_the_saved_copy(qtbot, sample_catalog, tmp_path):
    from PySide6.QtWidgets import QMainWindow

    from nap_desktop.core.pack.document import PackDocument

    settings = tmp_path / "settings"
    settings.mkdir()
    settings.chmod(0o500)
    if os.geteuid() == 0:  # root writes into read-only folders: a settings path that cannot be a folder
        blocker = tmp_path / "blocker"
        blocker.write_text("a file", encoding="utf-8")
        settings = blocker / "settings"
    try:
        window = QMainWindow()
        qtbot.addWidget(window)
        pack_path = tmp_path / "brief.napbrief"
        save_pack(Pack(title="saved"), pack_path)
        document = PackDocument()
        fc = FileController(window, document, sample_catalog, settings)
        warnings = []
        fc.show_warning = lambda title, text: warnings.append(text)
        fc.show_info = lambda *a: None
        assert fc.open_path(pack_path)
        document.set_meta(title="edited")
        fc.autosave()
        assert len(warnings) == 1 and str(pack_path) in warnings[0]
    finally:
        (tmp_path / "settings").chmod(0o700)


def test_stale_temp_files_of_killed_saves_are_removed_at_start(qtbot, sample_catalog, tmp_path):
    from PySide6.QtWidgets import QMainWindow

    from nap_desktop.core.pack.document import PackDocument
    from nap_desktop.core.pack.packfile import TEMP_PREFIX, TEMP_SUFFIX

    settings = tmp_path / "settings"
    (settings / fc_mod.RECOVERY_DIR).mkdir(parents=True)
    old = settings / fc_mod.RECOVERY_DIR / f"{TEMP_PREFIX}autosave-1-x.json-deadbeef{TEMP_SUFFIX}"
    fresh = settings / f"{TEMP_PREFIX}recent-files.json-cafe{TEMP_SUFFIX}"
    for path in (old, fresh):
        path.write_bytes(b"partial")
    os.utime(old, (1_000_000, 1_000_000))
    window = QMainWindow()
    qtbot.addWidget(window)
    fc = FileController(window, PackDocument(), sample_catalog, settings)
    try:
        assert not old.exists(), "a killed save's temp file goes at the next start"
        assert fresh.exists(), "a temp file of a save in progress (another instance) is left alone"
    finally:
        fc.release_instance_lock()


def test_autosave_warning_in_spanish(controller, monkeypatch):
    from nap_desktop.ui.i18n import translations

    def disk_full(path, payload):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(fc_mod, "atomic_write_bytes", disk_full)
    translations().set_language("es")
    try:
        controller.document.add_note("uno")
        controller.autosave()
    finally:
        translations().set_language("en")
    title, text = controller.warnings[0]
    assert title == "Falló el guardado automático"
    assert "el disco está lleno" in text and "Aún no se ha guardado ninguna copia" in text


@pytest.mark.parametrize("button,expected", [("Overwrite", OVERWRITE), ("Save As…", SAVE_AS), ("Cancel", CANCEL)])
def test_changed_on_disk_dialog_buttons_clicked_with_the_mouse(qtbot, sample_catalog, tmp_path, button, expected):
    """The real dialog: a mouse click on each button gives its answer."""
    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QPushButton

    from nap_desktop.core.pack.document import PackDocument

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    fc = FileController(window, PackDocument(), sample_catalog, tmp_path / "settings")
    seen: list[str] = []

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        target = next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == button)
        QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(target.width() // 2, target.height() // 2))

    QTimer.singleShot(20, click)
    try:
        assert fc.ask_changed_on_disk(tmp_path / "brief.napbrief") == expected
    finally:
        fc.release_instance_lock()
    assert seen and "brief.napbrief" in seen[0]
