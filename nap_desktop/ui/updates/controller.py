"""The window's data updates: File > Update data from a file… (Ctrl+Shift+U), files dropped on the
window, and File > Applied data updates… (list, remove).

A file is read in the background (twelve BTS months take about a second), then the review dialog
opens; Apply writes the layer into the user library (core/catalog/updates), the window reloads its
catalog, and the open pack is checked for items that changed (the pack-updates dialog: keep the copy
or take the update). Dialogs open with ``open()`` so tests drive them with real events.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox


class UpdatesController(QObject):
    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.dialog: Any = None       # the review dialog open now (tests find it here)
        self.list_dialog: Any = None  # the applied-updates dialog open now
        self.task: Any = None         # the background read, while it runs
        self.last_error = ""
        self.last_applied: Any = None
        self.action = QAction(window)
        self.action.setObjectName("UpdateDataAction")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.action.triggered.connect(self.choose_files)
        self.list_action = QAction(window)
        self.list_action.setObjectName("AppliedUpdatesAction")
        self.list_action.triggered.connect(self.show_applied)
        window.addAction(self.action)  # the shortcut works wherever the focus is in the window
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(UpdatesController.tr("&Update data from a file…"))
        self.action.setStatusTip(UpdatesController.tr("Bring figures up to date from an agency's download (FRED, BTS TransBorder, "
                                    "USDA ERS, Statistics Canada): review what changes before anything does"))
        self.list_action.setText(UpdatesController.tr("Applied data &updates…"))
        self.list_action.setStatusTip(UpdatesController.tr("The agency files applied to your library, and removing one"))

    # ---- where ---------------------------------------------------------------------------------
    def library(self) -> Path:
        controller = getattr(self.window, "library_controller", None)
        if controller is not None:
            return Path(controller.library)
        from nap_desktop.ui.library.library_paths import library_dir

        return library_dir(None)

    def saved_packs(self) -> list[Path]:
        """The packs to check: the open one (if saved) and the recent files."""
        paths: list[Path] = []
        doc_path = getattr(self.window.document, "path", None)
        if doc_path:
            paths.append(Path(doc_path))
        fc = getattr(self.window, "file_controller", None)
        if fc is not None:
            try:
                paths += [p for p in fc.recent_files() if p not in paths]
            except Exception:  # noqa: BLE001 - an unreadable recent list: no packs to check
                pass
        return [p for p in paths if p.is_file()][:20]

    # ---- reading ---------------------------------------------------------------------------------
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, UpdatesController.tr("Update data from agency files"), str(Path.home()),
            UpdatesController.tr("Agency downloads (*.csv *.zip *.txt);;All files (*)"))
        if names:
            self.open_files([Path(n) for n in names])

    def open_files(self, paths: list[Path], background: bool = True) -> Any:
        """Read ``paths`` and open the review dialog (returns it when ``background`` is False)."""
        from nap_desktop.core.catalog.updates import review as rv

        catalog, packs, library = self.window.catalog, self.saved_packs(), self.library()
        if not paths:
            return None

        def work(_report: Any) -> Any:
            return rv.review_files(list(paths), catalog)

        if not background:
            return self._show(work(None), catalog, packs, library)
        from nap_desktop.ui.worker import run_in_background

        self.window.statusBar().showMessage(UpdatesController.tr("Reading %1…").replace("%1", ", ".join(p.name for p in paths[:3])))
        self.task = run_in_background(work, on_done=lambda review: self._show(review, catalog, packs, library),
                                      on_error=self._failed, parent=self)
        return self.task

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.last_error = f"{type(exc).__name__}: {exc}"
        self.window.statusBar().clearMessage()
        QMessageBox.warning(self.window, UpdatesController.tr("The files were not read"), self.last_error)

    def _show(self, review: Any, catalog: Any, packs: list[Path], library: Path) -> Any:
        from nap_desktop.ui.updates.review_dialog import UpdateReviewDialog

        self.task = None
        self.window.statusBar().clearMessage()
        dialog = UpdateReviewDialog(review, catalog, self.window.lang, library if library.exists() else None, packs,
                                    self.window)
        dialog.apply_requested.connect(lambda keys: self.apply(review, catalog, library, keys))
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: Any) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # ---- applying --------------------------------------------------------------------------------
    def apply(self, review: Any, catalog: Any, library: Path, keys: list[str]) -> Any:
        from nap_desktop.core.catalog.updates import review as rv
        from nap_desktop.core.catalog.updates.layer import LayerError

        try:
            layer = rv.accept(review, catalog, library, set(keys))
        except (LayerError, OSError) as exc:
            self.last_error = getattr(exc, "message", None) or getattr(exc, "strerror", None) or str(exc)
            QMessageBox.warning(self.window, UpdatesController.tr("The update was not applied"), self.last_error)
            return None
        self.last_applied = layer
        if layer is None:
            self.window.statusBar().showMessage(UpdatesController.tr("Nothing to do: these figures are already applied."), 6000)
            return None
        self._reload()
        self.window.statusBar().showMessage(
            UpdatesController.tr("Applied update %1: %2 rows from %3. File > Applied data updates… removes it.")
            .replace("%1", layer.id).replace("%2", f"{len(layer.rows):,}")
            .replace("%3", ", ".join(f.get("name", "") for f in layer.files[:3])), 10000)
        return layer

    def _reload(self) -> None:
        controller = getattr(self.window, "library_controller", None)
        if controller is not None:
            controller.reload()
            if getattr(self.window.document, "path", None) is not None:
                controller.check_pack_updates()  # the open pack: keep its copies or take the new figures
            return
        from nap_desktop.core.catalog.library import load_catalog_with_library

        self.window.set_catalog(load_catalog_with_library(self.library()))

    def remove(self, update_id: str) -> bool:
        from nap_desktop.core.catalog.updates.layer import LayerError, remove_layer

        try:
            remove_layer(self.library(), update_id)
        except (LayerError, OSError) as exc:
            self.last_error = getattr(exc, "message", None) or str(exc)
            QMessageBox.warning(self.window, UpdatesController.tr("The update was not removed"), self.last_error)
            return False
        self._reload()
        self.window.statusBar().showMessage(UpdatesController.tr("Removed update %1: the previous figures are back.")
                                            .replace("%1", update_id), 8000)
        return True

    def show_applied(self) -> Any:
        from nap_desktop.ui.updates.applied_dialog import AppliedUpdatesDialog

        dialog = AppliedUpdatesDialog(self.library(), self.window.lang, self.window)
        dialog.remove_requested.connect(lambda uid: self.remove(uid) and dialog.refresh())
        dialog.finished.connect(lambda _r: setattr(self, "list_dialog", None))
        self.list_dialog = dialog
        dialog.open()
        return dialog

    # ---- drag and drop ---------------------------------------------------------------------------
    @staticmethod
    def dropped_files(mime: Any) -> list[Path]:
        """The local files of a drop that are not packs (a .napbrief is opened, not reviewed)."""
        if mime is None or not mime.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() != ".napbrief" and not p.is_dir()]

    def drag_enter(self, event: Any) -> bool:
        if self.dropped_files(event.mimeData()):
            event.acceptProposedAction()
            return True
        return False

    def drop(self, event: Any) -> bool:
        paths = self.dropped_files(event.mimeData())
        if not paths:
            return False
        event.acceptProposedAction()
        self.open_files(paths)
        return True
