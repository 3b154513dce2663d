"""FileController: New/Open/Save/Save As, recent files, undo/redo actions, the title bar, autosave and recovery."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLockFile, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from nap_desktop.core.pack.document import PackChange, PackDocument
from nap_desktop.core.catalog.model import Catalog
from nap_desktop.core.pack.packfile import Pack, PackFileError, atomic_write_bytes, load_pack, save_pack

SUFFIX = ".napbrief"
RECENT_FILE = "recent-files.json"
RECOVERY_FILE = "autosave-recovery.json"  # the one shared file of earlier versions (still offered)
#: One recovery file per running instance, each guarded by a QLockFile held while the instance runs.
RECOVERY_DIR = "recovery"
RECOVERY_GLOB = "autosave-*.json"
#: Our temp files (core.pack.packfile: .~nap-*.tmp) older than this are left by killed saves.
STALE_TEMP_AGE_S = 600.0
RECOVERY_FORMAT = "napbrief-recovery"
MAX_RECENT = 8
AUTOSAVE_INTERVAL_MS = 30_000
#: Changes are written to the recovery file this soon after they happen (typing is coalesced).
AUTOSAVE_DEBOUNCE_MS = 400

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RESTORE, LATER = "restore", "later"  # the recovery dialog's answers (with DISCARD)
OVERWRITE, SAVE_AS = "overwrite", "save_as"


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _lock_for(recovery_file: Path) -> QLockFile:
    lock = QLockFile(str(recovery_file.with_suffix(".lock")))
    lock.setStaleLockTime(0)  # never stale by age: only when the instance that holds it is gone
    return lock


class FileController(QObject):
    """Owns everything about the pack's file. Dialogs are plain methods (``ask_open_path``,
    ``ask_save_path``, ``confirm_discard``, ``show_error``, ``ask_restore``, ``show_info``)
    so tests replace them and never block on a modal dialog."""

    def __init__(self, window: QMainWindow, document: PackDocument, catalog: Catalog, settings_dir: Path):
        super().__init__(window)
        self.window = window
        self.document = document
        self.catalog = catalog
        self.settings_dir = Path(settings_dir)
        self.recent_path = self.settings_dir / RECENT_FILE
        self.recovery_dir = self.settings_dir / RECOVERY_DIR
        # This instance's own recovery file, locked while it runs: another instance never offers,
        # overwrites or deletes it; after a crash the lock is stale and the next start offers it.
        self.instance_id = f"{os.getpid()}-{os.urandom(4).hex()}"
        self.recovery_path = self.recovery_dir / f"autosave-{self.instance_id}.json"
        self._instance_lock = self._lock_instance()
        self._recovery_pending = False  # kept for callers of earlier versions; our file is ours alone
        #: (path, (mtime_ns, size), sha256) of the pack file as last opened or saved
        self._disk: tuple[Path, tuple[int, int] | None, str | None] | None = None
        self._autosave_failing = False
        # our lock beside the open pack file (core.pack.packlock), so another window can say so
        self._lock_token = os.urandom(8).hex()
        self._pack_lock = None
        self._remove_stale_temps()

        self.actions: dict[str, QAction] = {}
        for name, keys in (("new", [QKeySequence.StandardKey.New]),
                           ("open", [QKeySequence.StandardKey.Open]),
                           ("save", [QKeySequence("Ctrl+S")]),
                           ("save_as", [QKeySequence("Ctrl+Shift+S")]),
                           ("undo", [QKeySequence("Ctrl+Z")]),
                           ("redo", [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])):
            action = QAction(window)
            action.setObjectName(f"action_{name}")
            action.setShortcuts([QKeySequence(k) for k in keys])
            window.addAction(action)  # shortcuts work even before the menus are built
            self.actions[name] = action
        self.actions["new"].triggered.connect(self.new)
        self.actions["open"].triggered.connect(self.open)
        self.actions["save"].triggered.connect(self.save)
        self.actions["save_as"].triggered.connect(self.save_as)
        self.actions["undo"].triggered.connect(self.document.undo)
        self.actions["redo"].triggered.connect(self.document.redo)

        self.recent_menu = QMenu(window)
        self.recent_menu.aboutToShow.connect(self._rebuild_recent_menu)

        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_timer.start()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(AUTOSAVE_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.autosave)

        document.subscribe(self._on_document_changed)
        window.installEventFilter(self)
        self.retranslate()
        self._rebuild_recent_menu()

    # ---- dialogs (tests replace these) ---------------------------------------------------
    def ask_open_path(self) -> Path | None:
        start = str(self.document.path.parent) if self.document.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open briefing pack"), start, self._filter())
        return Path(name) if name else None

    def ask_save_path(self, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save briefing pack"), str(suggested),
                                              self._filter())
        return Path(name) if name else None

    def confirm_discard(self) -> str:
        """Save, discard or cancel, for unsaved changes. Returns SAVE, DISCARD or CANCEL."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsaved changes"),
                          self.tr("The pack “%1” has changes that are not saved.").replace("%1", self._display_name()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.window)
        box.setInformativeText(self.tr("Do you want to save them first?"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return DISCARD
        return CANCEL

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.window, title, message)

    def show_info(self, title: str, message: str) -> None:
        QMessageBox.information(self.window, title, message)

    def show_warning(self, title: str, message: str) -> None:
        QMessageBox.warning(self.window, title, message)

    def ask_changed_on_disk(self, path: Path) -> str:
        """The pack file changed on disk since it was opened or saved: OVERWRITE, SAVE_AS or CANCEL."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The pack changed on disk"),
                          self.tr("“%1” was changed by another program or another NAP Briefing window "
                                  "since you opened it.").replace("%1", path.name), QMessageBox.StandardButton.NoButton,
                          self.window)
        box.setInformativeText(self.tr("Overwrite it with your version, save yours under another name, or cancel?"))
        overwrite = box.addButton(self.tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton(self.tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        if clicked is overwrite:
            return OVERWRITE
        if clicked is save_as:
            return SAVE_AS
        del cancel
        return CANCEL

    def ask_restore(self, info: dict[str, Any]) -> str:
        """Offer the autosaved pack; ``info`` has title, path (or None), saved_at, items.
        RESTORE, LATER (keep the copy, ask at the next start) or DISCARD (delete the copy)."""
        name = info.get("title") or (Path(info["path"]).name if info.get("path") else self.tr("Untitled pack"))
        text = self.tr("NAP Briefing did not close normally. An autosaved copy of “%1” (%2 items) was found; "
                       "it was saved %3.").replace("%1", name).replace("%2", str(info.get("items", 0))).replace(
            "%3", self.when_in_words(info.get("saved_at") or ""))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore unsaved work?"), text,
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("RestoreBox")
        box.setInformativeText(self.tr("Restore opens it now. Later keeps the copy and asks again at the next "
                                       "start. Discard deletes it."))
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.setEscapeButton(later)
        box.exec()
        clicked = box.clickedButton()
        return RESTORE if clicked is restore else DISCARD if clicked is discard else LATER

    def when_in_words(self, iso: str, now: _dt.datetime | None = None) -> str:
        """'today at 10:42', 'yesterday at 18:05', else 'on Thursday, December 3, 2026 at 10:42', in
        the window's language (the raw time when it cannot be read)."""
        from PySide6.QtCore import QDate, QLocale, QTime

        try:
            when = _dt.datetime.fromisoformat(iso)
        except (TypeError, ValueError):
            return iso
        now = now or _dt.datetime.now(when.tzinfo)
        lang = getattr(self.window, "lang", "en")
        locale = QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico) if lang == "es" else \
            QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        clock = locale.toString(QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat)
        days = (now.date() - when.date()).days
        if days == 0:
            return self.tr("today at %1").replace("%1", clock)
        if days == 1:
            return self.tr("yesterday at %1").replace("%1", clock)
        day = locale.toString(QDate(when.year, when.month, when.day), QLocale.FormatType.LongFormat)
        return self.tr("on %1 at %2").replace("%1", day).replace("%2", clock)

    def ask_open_locked(self, path: Path, info: Any) -> bool:
        """The pack is open in another window (``info``: core.pack.packlock.LockInfo). True: open anyway."""
        who = info.user or self.tr("someone")
        where = self.tr("this computer") if info.this_host else info.host
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The pack is already open"),
                          self.tr("“%1” is open in another NAP Briefing window.").replace("%1", path.name),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("PackLockedBox")
        box.setInformativeText(
            self.tr("Opened by %1 on %2, %3.").replace("%1", who).replace("%2", where).replace(
                "%3", self.when_in_words(info.opened_at))
            + "\n\n" + self.tr("If both windows change it, the one that saves second is asked before it "
                                "overwrites the other's work. Open it here anyway?"))
        anyway = box.addButton(self.tr("Open anyway"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is anyway

    # ---- file commands -------------------------------------------------------------------
    def new(self) -> bool:
        if not self._resolve_unsaved():
            return False
        self.document.replace_pack(Pack(lang=self.document.pack.lang), None)
        self._delete_recovery()
        self._lock_pack(None)
        return True

    def open_new(self, pack: Pack) -> bool:
        """A pack the app made (a state brief): it replaces the open one, unsaved, as if the user had
        built it (closing asks to save it); unsaved changes to the open pack are resolved first."""
        if not self._resolve_unsaved():
            return False
        self.document.replace_pack(pack, None, dirty=True)
        self._lock_pack(None)
        return True

    def open(self) -> bool:
        if not self._resolve_unsaved():
            return False
        path = self.ask_open_path()
        if path is None:
            return False
        return self.open_path(path, ask_unsaved=False)

    def open_path(self, path: Path, *, ask_unsaved: bool = True) -> bool:
        """Open a pack; on any error the current pack is left exactly as it was."""
        path = Path(path)
        if ask_unsaved and not self._resolve_unsaved():
            return False
        if not self._may_open_locked(path):
            return False
        try:
            pack = load_pack(path)
        except PackFileError as exc:
            from nap_desktop.core.catalog.messages import render_pack_error  # the reason, in the window's language

            reason = render_pack_error(exc, getattr(self.window, "lang", "en"))
            self.show_error(self.tr("Cannot open the pack"),
                            self.tr("“%1” could not be opened.").replace("%1", path.name) + "\n\n" + reason
                            + "\n\n" + self.tr("Your current pack has not been changed."))
            return False
        repairs = tuple(getattr(pack, "repairs", ()))
        # a repaired pack is changed: marked unsaved, so the repaired text is what gets saved
        self.document.replace_pack(pack, path, dirty=bool(repairs))
        self._delete_recovery()
        self._remember_disk(path)
        self._lock_pack(path)
        self._add_recent(path)
        if repairs:
            shown = "\n".join(f"• {r}" for r in repairs[:8]) + (f"\n• … (+{len(repairs) - 8})" if len(repairs) > 8 else "")
            self.show_info(self.tr("The pack was repaired"),
                           self.tr("“%1” contained text that could not be kept as it was (for example half of an "
                                   "emoji cut by another program). It was repaired; save the pack to keep the "
                                   "repaired version.").replace("%1", path.name) + "\n\n" + shown)
        missing = self.missing_items()
        if missing:
            refs = ", ".join(sorted({i.ref for i in missing}))
            self.show_info(self.tr("Some items are missing from the catalog"),
                           (self.tr("One item in this pack refers to a fact or chart that is no longer in the "
                                    "catalog: %2. It is kept and marked in the pack.") if len(missing) == 1 else
                            self.tr("%1 items in this pack refer to facts or charts that are no longer in the "
                                    "catalog: %2. They are kept and marked in the pack."))
                           .replace("%1", str(len(missing))).replace("%2", refs))
        return True

    def missing_items(self) -> list:
        from nap_desktop.core.pack.packfile import missing_refs

        # an item that carries its copy (schema 2) still shows what it showed: it is not missing
        return [i for i in missing_refs(self.document.pack, {f.id for f in self.catalog.facts}, set(self.catalog.charts))
                if i.copy is None]

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        suggested = self.document.path or (self._default_dir() / (self._safe_name() + SUFFIX))
        path = self.ask_save_path(suggested)
        if path is None:
            return False
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self._write(path)

    def maybe_close(self) -> bool:
        """True if the window may close (saved, discarded or nothing to save)."""
        if not self._resolve_unsaved():
            return False
        self._autosave_timer.stop()
        self._debounce.stop()
        self._delete_recovery()
        self.release_instance_lock()
        self._lock_pack(None)
        return True

    def _resolve_unsaved(self) -> bool:
        if not self.document.dirty:
            return True
        answer = self.confirm_discard()
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    def _write(self, path: Path) -> bool:
        if not self._disk_unchanged(path):
            answer = self.ask_changed_on_disk(path)
            if answer == SAVE_AS:
                return self.save_as()
            if answer != OVERWRITE:
                return False
        try:
            # every fact and chart item carries its copy, as `pack new` writes: the pack opens the same
            # on a colleague's laptop, without this user's library or with another data version
            from nap_desktop.core.pack.snapshot import with_copies

            save_pack(with_copies(self.document.pack, self.catalog), path)
        except OSError as exc:
            self.show_error(self.tr("Cannot save the pack"),
                            self.tr("“%1” could not be saved: %2").replace("%1", str(path)).replace(
                                "%2", exc.strerror or str(exc))
                            + "\n\n" + self.tr("Nothing was lost: the pack is still open, and any earlier "
                                               "copy of the file is unchanged. Try Save As to another folder."))
            return False
        self.document.mark_saved(path)
        self._remember_disk(path)
        self._lock_pack(path)
        self._add_recent(path)
        self._delete_recovery()
        return True

    # ---- changed on disk -----------------------------------------------------------------
    def _remember_disk(self, path: Path) -> None:
        path = Path(path)
        self._disk = (path, _file_stamp(path), _file_hash(path))

    def _restore_disk(self, path: Path, disk: Any) -> None:
        """The on-disk check after a restore compares with the file as the lost window knew it (kept in
        the autosave), not as it is now: a save from another window since then is asked about."""
        try:
            stamp = (int(disk["mtime_ns"]), int(disk["size"]))
            digest = str(disk["sha256"]) if disk.get("sha256") else None
        except (TypeError, KeyError, ValueError):
            stamp, digest = None, None  # an autosave of an earlier version: any file there is asked about
        if stamp is None and _file_stamp(path) is None:
            self._disk = (path, None, None)
            return
        self._disk = (path, stamp if stamp is not None else (-1, -1), digest)

    def _disk_unchanged(self, path: Path) -> bool:
        """False if ``path`` is the file we opened/saved and someone changed it since."""
        if self._disk is None or Path(path) != self._disk[0]:
            return True  # a new target: the save dialog already asked about replacing it
        _known, stamp, digest = self._disk
        now = _file_stamp(Path(path))
        if now is None or now == stamp:
            return True  # gone (nothing to lose) or untouched
        return digest is not None and _file_hash(Path(path)) == digest  # touched, same bytes

    # ---- the pack's lock file (another window has it open) ---------------------------------
    def _may_open_locked(self, path: Path) -> bool:
        from nap_desktop.core.pack import packlock

        if self._pack_lock is not None and self._pack_lock.path == Path(path):
            return True  # ours already
        holder = packlock.read_lock(path)
        if holder is None or holder.token == self._lock_token:
            return True
        return self.ask_open_locked(Path(path), holder)

    def _lock_pack(self, path: Path | None) -> None:
        """Hold the lock of ``path`` (None: of no pack). A pack another window holds stays theirs."""
        from nap_desktop.core.pack import packlock

        if self._pack_lock is not None and (path is None or self._pack_lock.path != Path(path)):
            self._pack_lock.release()
            self._pack_lock = None
        if path is not None and self._pack_lock is None:
            taken = packlock.acquire(Path(path), self._lock_token)
            self._pack_lock = taken if isinstance(taken, packlock.PackLock) else None

    # ---- instance lock and temp files ----------------------------------------------------
    def _lock_instance(self) -> QLockFile | None:
        try:
            self.recovery_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None  # read-only settings: autosave will say it cannot write
        lock = _lock_for(self.recovery_path)
        return lock if lock.tryLock(0) else None

    def release_instance_lock(self) -> None:
        if self._instance_lock is not None:
            self._instance_lock.unlock()
            self._instance_lock = None

    def _remove_stale_temps(self) -> None:
        """Temp files of saves that were killed (ours are .~nap-*.tmp) go at the next start."""
        try:
            from nap_desktop.core.pack.packfile import remove_stale_temps
        except ImportError:
            return
        folders = {self.settings_dir, self.recovery_dir}
        folders |= {p.parent for p in self.recent_files()}
        for folder in folders:
            try:
                remove_stale_temps(folder, STALE_TEMP_AGE_S)
            except OSError:
                pass

    # ---- autosave and recovery -----------------------------------------------------------
    def autosave(self) -> None:
        """Write the open pack to this instance's recovery file if it has unsaved changes."""
        self._debounce.stop()
        if not self.document.dirty:
            self._delete_recovery()
            return
        payload = {
            "format": RECOVERY_FORMAT,
            "version": 1,
            "path": str(self.document.path) if self.document.path else None,
            "saved_at": _dt.datetime.now().isoformat(timespec="seconds"),
            "pack": self.document.pack.to_json(),
        }
        if self._disk is not None and self.document.path is not None and self._disk[0] == self.document.path:
            # the file as it was when opened or last saved: a restore keeps the "changed on disk" check
            _p, stamp, digest = self._disk
            payload["disk"] = {"mtime_ns": stamp[0] if stamp else None, "size": stamp[1] if stamp else None,
                               "sha256": digest}
        try:
            self.recovery_dir.mkdir(parents=True, exist_ok=True)
            if self._instance_lock is None:
                self._instance_lock = self._lock_instance()
            try:
                data = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate in the text: escaped, so the copy stays readable
                data = json.dumps(payload, ensure_ascii=True, indent=1).encode("ascii")
            atomic_write_bytes(self.recovery_path, data)
        except (OSError, ValueError) as exc:
            self._autosave_failed(exc)
            return
        if self._autosave_failing:
            self._autosave_failing = False
            self._status(self.tr("Autosave works again: your changes are protected."), 8000)

    def _autosave_failed(self, exc: Exception) -> None:
        """A visible warning: the status bar while it lasts, and one dialog per failure streak."""
        reason = self._reason(exc)
        text = self.tr("Autosave failed (%1): your latest changes are not protected.").replace("%1", reason)
        self._status(text + " " + self.tr("Save the pack (Ctrl+S) or use Save As."), 0)
        if self._autosave_failing:
            return
        self._autosave_failing = True
        self.show_warning(self.tr("Autosave failed"), text + "\n\n" + self._last_good_copy())

    def _reason(self, exc: Exception) -> str:
        """Why a write failed, in the interface language for the common cases."""
        import errno

        if isinstance(exc, OSError):
            known = {errno.ENOSPC: self.tr("the disk is full"), errno.EDQUOT: self.tr("the disk is full"),
                     errno.EROFS: self.tr("the folder is read-only"),
                     errno.EACCES: self.tr("no permission to write there"),
                     errno.EPERM: self.tr("no permission to write there"),
                     errno.ENOTDIR: self.tr("the settings folder cannot be created"),
                     errno.ENOENT: self.tr("the settings folder cannot be created")}
            return known.get(exc.errno) or exc.strerror or str(exc)
        return str(exc)

    def _last_good_copy(self) -> str:
        if self.recovery_path.is_file():
            found = self.read_recovery(self.recovery_path)
            when = found[2]["saved_at"] if found else ""
            return (self.tr("The last autosaved copy (%1) is %2.").replace("%1", when)
                    .replace("%2", str(self.recovery_path)))
        if self.document.path is not None and self.document.path.exists():
            return self.tr("The last saved version is %1.").replace("%1", str(self.document.path))
        return self.tr("No copy has been saved yet: use Save As to save the pack to a folder you can write to.")

    def _status(self, text: str, timeout_ms: int) -> None:
        bar = getattr(self.window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, timeout_ms)

    def read_recovery(self, path: Path | None = None) -> tuple[Pack, Path | None, dict[str, Any]] | None:
        """The autosaved pack in ``path`` (this instance's file by default), or None if unreadable."""
        path = Path(path) if path is not None else self.recovery_path
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != RECOVERY_FORMAT:
                raise PackFileError("not a recovery file")
            pack = Pack.from_json(data.get("pack"))
        except (OSError, ValueError, PackFileError):
            return None
        pack_path = Path(data["path"]) if isinstance(data.get("path"), str) and data.get("path") else None
        info = {"title": pack.title, "path": str(pack_path) if pack_path else None,
                "saved_at": str(data.get("saved_at", "")), "items": len(pack.items), "file": str(path),
                "disk": data.get("disk") if isinstance(data.get("disk"), dict) else None}
        return pack, pack_path, info

    def orphaned_recovery_files(self) -> list[Path]:
        """Recovery files whose instance is gone (its lock is stale or absent), newest first.
        A running instance's file is never listed."""
        found: list[Path] = []
        legacy = self.settings_dir / RECOVERY_FILE
        if legacy.is_file():
            found.append(legacy)
        try:
            mine = sorted(self.recovery_dir.glob(RECOVERY_GLOB), key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            mine = []
        for path in mine:
            if path == self.recovery_path:
                continue
            probe = _lock_for(path)
            if probe.tryLock(0):  # its owner is gone
                probe.unlock()
                found.append(path)
        return found

    def offer_recovery(self) -> bool:
        """At start-up: offer the work of instances that ended without closing. True if restored."""
        for path in self.orphaned_recovery_files():
            lock = None if path.parent == self.settings_dir else _lock_for(path)
            if lock is not None and not lock.tryLock(0):
                continue  # another instance is offering it right now
            try:
                if self._offer_one(path):
                    return True
            finally:
                if lock is not None:
                    lock.unlock()
        return False

    def _offer_one(self, path: Path) -> bool:
        found = self.read_recovery(path)
        if found is None:
            damaged = path.with_name(path.name + ".damaged")
            self.show_error(self.tr("Autosave unreadable"),
                            self.tr("An autosaved pack was found but it is damaged and cannot be restored. "
                                    "It has been set aside as %1.").replace("%1", str(damaged)))
            try:
                path.replace(damaged)
            except OSError:
                pass
            return False
        pack, pack_path, info = found
        answer = self.ask_restore(info)
        if answer is True or answer is False:  # replacements of earlier versions answered yes/no
            answer = RESTORE if answer else DISCARD
        if answer == LATER:
            return False  # the copy stays; the next start offers it again
        if answer != RESTORE:
            self._unlink(path)
            return False
        self.document.replace_pack(pack, pack_path, dirty=True)
        if pack_path is not None:
            self._restore_disk(pack_path, info.get("disk"))
            if pack_path.exists() and self._may_open_locked(pack_path):
                self._lock_pack(pack_path)
        self.autosave()
        if self.recovery_path.is_file():  # the work is in our own recovery file now
            self._unlink(path)
        return True

    def _delete_recovery(self) -> None:
        self._debounce.stop()
        self._unlink(self.recovery_path)

    @staticmethod
    def _unlink(path: Path) -> None:
        try:
            path.unlink()
        except OSError:
            pass

    # ---- recent files --------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        try:
            data = json.loads(self.recent_path.read_text(encoding="utf-8"))
            paths = data.get("recent", []) if isinstance(data, dict) else []
            return [Path(p) for p in paths if isinstance(p, str)][:MAX_RECENT]
        except (OSError, ValueError):
            return []

    def _store_recent(self, paths: list[Path]) -> None:
        payload = json.dumps({"recent": [str(p) for p in paths[:MAX_RECENT]]}, ensure_ascii=False, indent=1)
        try:
            self.settings_dir.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.recent_path, payload.encode("utf-8"))
        except OSError:
            pass  # the list is a convenience; never block a save on it
        self._rebuild_recent_menu()

    def _add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        paths = [p for p in self.recent_files() if p != path]
        self._store_recent([path] + paths)

    def open_recent(self, path: Path) -> bool:
        path = Path(path)
        if not path.exists():
            self._store_recent([p for p in self.recent_files() if p != path])
            self.show_error(self.tr("File not found"),
                            self.tr("“%1” no longer exists; it has been removed from the recent files.")
                            .replace("%1", str(path)))
            return False
        return self.open_path(path)

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        paths = self.recent_files()
        for number, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if not paths:
            empty = self.recent_menu.addAction(self.tr("No recent packs"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear the list"), lambda: self._store_recent([]))

    # ---- title and actions ---------------------------------------------------------------
    def _display_name(self) -> str:
        if self.document.pack.title.strip():
            return self.document.pack.title.strip()
        if self.document.path is not None:
            return self.document.path.name
        return self.tr("Untitled pack")

    def _update_window(self) -> None:
        self.window.setWindowTitle(f"{self._display_name()}[*] — NAP Briefing")
        self.window.setWindowModified(self.document.dirty)
        undo, redo = self.actions["undo"], self.actions["redo"]
        undo.setEnabled(self.document.can_undo)
        redo.setEnabled(self.document.can_redo)
        undo.setText(self.tr("&Undo %1").replace("%1", self._command_text(self.document.undo_text)).strip()
                     if self.document.can_undo else self.tr("&Undo"))
        redo.setText(self.tr("&Redo %1").replace("%1", self._command_text(self.document.redo_text)).strip()
                     if self.document.can_redo else self.tr("&Redo"))
        # The toolbar keeps one short word (its buttons must not grow and jump with every command);
        # the menu and the tooltip say what will be undone.
        for action, short in ((undo, self.tr("&Undo")), (redo, self.tr("&Redo"))):
            action.setIconText(short.replace("&", ""))
            action.setToolTip(action.text().replace("&", ""))

    def _command_text(self, text: str) -> str:
        """The document's command names (plain English in core) in the interface language."""
        names = {
            "Add fact": self.tr("Add fact"), "Add chart": self.tr("Add chart"), "Add note": self.tr("Add note"),
            "Add divider": self.tr("Add divider"), "Remove item": self.tr("Remove item"),
            "Move item": self.tr("Move item"), "Edit talking points": self.tr("Edit talking points"),
            "Edit note": self.tr("Edit note"), "Edit divider": self.tr("Edit divider"),
            "Edit pack details": self.tr("Edit pack details"), "Edit title": self.tr("Edit title"),
            "Edit audience": self.tr("Edit audience"), "Edit meeting date": self.tr("Edit meeting date"),
            "Change pack language": self.tr("Change pack language"), "Edit presenter": self.tr("Edit presenter"),
            # the selection commands of the pack panel
            "Add facts": self.tr("Add facts"), "Add charts": self.tr("Add charts"),
            "Duplicate item": self.tr("Duplicate item"), "Duplicate items": self.tr("Duplicate items"),
            "Remove items": self.tr("Remove items"), "Move items": self.tr("Move items"),
            "Move to top": self.tr("Move to top"), "Move to bottom": self.tr("Move to bottom"),
        }
        return names.get(text, text)

    def retranslate(self) -> None:
        texts = {"new": self.tr("&New Pack"), "open": self.tr("&Open…"), "save": self.tr("&Save"),
                 "save_as": self.tr("Save &As…")}
        for name, text in texts.items():
            self.actions[name].setText(text)
        self._rebuild_recent_menu()
        self._update_window()

    def _on_document_changed(self, change: PackChange) -> None:
        self._update_window()
        if change.kind in ("exists",):
            return
        if self.document.dirty:
            self._debounce.start()
        elif change.kind != "saved":
            self._delete_recovery()  # undone back to the saved state

    def eventFilter(self, watched, event):
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # ---- helpers -------------------------------------------------------------------------
    def _filter(self) -> str:
        return self.tr("NAP Briefing packs (*.napbrief);;All files (*)")

    def _default_dir(self) -> Path:
        documents = Path.home() / "Documents"
        return documents if documents.is_dir() else Path.home()

    def _safe_name(self) -> str:
        name = "".join(c if c.isalnum() or c in " -_" else " " for c in self.document.pack.title).strip()
        return " ".join(name.split())[:60] or self.tr("Briefing pack")
