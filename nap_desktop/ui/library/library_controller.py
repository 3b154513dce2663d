"""The window's user-library actions: New fact… (Ctrl+Shift+N), Edit fact…, Delete fact…, Import table…,
and the pack-updates check after a pack opens.

Every write goes through core.catalog.library (which validates the whole library before it keeps a
change); the window then gets the reloaded catalog (``MainWindow.set_catalog``), so a new or edited
card shows at once and search finds it. Dialogs open with ``open()`` (window-modal, not a nested
event loop), so tests drive them with real key and mouse events.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox


def is_user_fact(fact: Any) -> bool:
    from nap_desktop.core.catalog.library import USER_PREFIX

    return fact is not None and (getattr(fact, "origin", "") == "user" or fact.id.startswith(USER_PREFIX))


def install_library(window: Any, library: Path | str, data_root: Path | str | None = None) -> "LibraryController":
    """Give the window its library actions: File > New fact…, Import table…; Edit > Edit/Delete your fact…"""
    controller = LibraryController(window, library, data_root)
    window.library_controller = controller
    file_menu = window.file_menu
    first = window.export_action if window.export_action in file_menu.actions() else None
    file_menu.insertAction(first, controller.new_fact_action)
    file_menu.insertAction(first, controller.import_action)
    file_menu.insertSeparator(first)
    window.edit_menu.addSeparator()
    window.edit_menu.addAction(controller.edit_fact_action)
    window.edit_menu.addAction(controller.delete_fact_action)
    return controller


class LibraryController(QObject):
    def __init__(self, window: Any, library: Path | str, data_root: Path | str | None = None):
        super().__init__(window)
        self.window = window
        self.library = Path(library)
        self.data_root = data_root
        self.dialog: Any = None  # the dialog open now (tests find it here)
        self.last_error = ""
        self._applying_update = False

        self.new_fact_action = QAction(window)
        self.new_fact_action.setObjectName("NewFactAction")
        self.new_fact_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_fact_action.triggered.connect(self.new_fact)
        self.import_action = QAction(window)
        self.import_action.setObjectName("ImportTableAction")
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.triggered.connect(self.import_table)
        self.edit_fact_action = QAction(window)
        self.edit_fact_action.setObjectName("EditFactAction")
        self.edit_fact_action.triggered.connect(lambda: self.edit_fact())
        self.delete_fact_action = QAction(window)
        self.delete_fact_action.setObjectName("DeleteFactAction")
        self.delete_fact_action.triggered.connect(lambda: self.delete_fact())
        for action in self.actions():
            window.addAction(action)
        window.document.subscribe(self._on_document_changed)
        window.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def actions(self) -> list[QAction]:
        return [self.new_fact_action, self.import_action, self.edit_fact_action, self.delete_fact_action]

    def retranslate(self) -> None:
        self.new_fact_action.setText(LibraryController.tr("New &fact…"))
        self.new_fact_action.setStatusTip(LibraryController.tr("Add one of your own figures, with its source, to your library"))
        self.import_action.setText(LibraryController.tr("&Import table…"))
        self.import_action.setStatusTip(LibraryController.tr("Make a chart from a CSV file, an Excel sheet or pasted cells"))
        self.edit_fact_action.setText(LibraryController.tr("Edit &your fact…"))
        self.delete_fact_action.setText(LibraryController.tr("De&lete your fact…"))

    # ---- the catalog -----------------------------------------------------------------------------
    def reload(self) -> Any:
        from nap_desktop.core.catalog.library import load_catalog_with_library

        catalog = load_catalog_with_library(self.library, self.data_root)
        self.window.set_catalog(catalog)
        return catalog

    def current_fact(self) -> Any:
        """The fact on the detail page, else the focused card's fact."""
        window = self.window
        fact_id = None
        if window._showing_detail() and window.detail_view.fact is not None:
            fact_id = window.detail_view.fact.id
        else:
            fact_id = window.card_grid.current_fact_id()
        return window.catalog.fact(fact_id) if fact_id else None

    def _user_fact(self, fact_id: str | None) -> Any:
        fact = self.window.catalog.fact(fact_id) if fact_id else self.current_fact()
        if not is_user_fact(fact):
            self.window.statusBar().showMessage(
                LibraryController.tr("Only your own facts can be edited or deleted: select one of the cards marked “Yours”."), 6000)
            return None
        return fact

    # ---- New / Edit ----------------------------------------------------------------------------------
    def new_fact(self) -> Any:
        return self._open_editor(None)

    def edit_fact(self, fact_id: str | None = None) -> Any:
        fact = self._user_fact(fact_id)
        return self._open_editor(fact) if fact is not None else None

    def _open_editor(self, fact: Any) -> Any:
        from nap_desktop.ui.library.fact_editor import FactEditor

        dialog = FactEditor(self.window.catalog, self.window.lang, fact, self.window)
        dialog.save_handler = lambda: self._save_fact(dialog) is not None  # refused: the dialog stays open
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        dialog.text_en.setFocus()
        return dialog

    def _forget(self, dialog: Any) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _save_fact(self, dialog: Any) -> str | None:
        from nap_desktop.core.catalog.library import LibraryError, add_fact, init_library, update_fact

        block = dialog.fact_block()
        block["sources"] = [b["id"] if b.get("id") else b for b in dialog.source_blocks()]
        try:
            init_library(self.library)
            if dialog.fact is None:
                fact_id = add_fact(self.library, block)
            else:
                fact_id = update_fact(self.library, dialog.fact.id, block)
        except (LibraryError, OSError) as exc:
            self._error(LibraryController.tr("Your fact was not saved"), self._problems_text(exc), dialog)
            return None
        self.reload()
        self._show_fact(fact_id)
        self.window.statusBar().showMessage(LibraryController.tr("Saved to your library: %1").replace("%1", str(self.library)), 6000)
        return fact_id

    def _show_fact(self, fact_id: str) -> None:
        window = self.window
        window.show_cards()
        window.card_grid.ensure_visible(fact_id)
        if not window.card_grid.focus_fact(fact_id):  # the virtual grid binds the card on its next layout
            QTimer.singleShot(0, lambda: window.card_grid.focus_fact(fact_id))

    # ---- Delete ---------------------------------------------------------------------------------------
    def delete_fact(self, fact_id: str | None = None) -> Any:
        fact = self._user_fact(fact_id)
        if fact is None:
            return None
        in_pack = any(i.kind == "fact" and i.ref == fact.id for i in self.window.document.pack.items)
        box = QMessageBox(QMessageBox.Icon.Question, LibraryController.tr("Delete your fact?"), "", parent=self.window)
        box.setObjectName("DeleteFactQuestion")
        text = LibraryController.tr("Delete “%1” from your library?").replace("%1", fact.text(self.window.lang)[:120])
        if in_pack:
            text += "\n\n" + LibraryController.tr("The open pack uses this fact. The pack keeps its own copy, so its slides "
                                                  "do not change.")
        box.setText(text)
        delete = box.addButton(LibraryController.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(LibraryController.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)

        def done(_result: int) -> None:
            if box.clickedButton() is delete:
                self._remove(fact.id)
            if self.dialog is box:
                self.dialog = None

        box.finished.connect(done)
        self.dialog = box
        box.open()
        return box

    def _remove(self, fact_id: str) -> bool:
        from nap_desktop.core.catalog.library import LibraryError, remove_fact

        document = self.window.document
        try:
            from nap_desktop.core.pack.snapshot import with_copies

            # the pack keeps what it showed: make sure every item has its copy before the fact goes
            pack = with_copies(document.pack, self.window.catalog)
            if pack is not document.pack and pack != document.pack:
                document.pack = pack
        except NotImplementedError:
            pass
        try:
            remove_fact(self.library, fact_id)
        except (LibraryError, OSError) as exc:
            self._error(LibraryController.tr("Your fact was not deleted"), self._problems_text(exc))
            return False
        self.reload()
        self.window.show_cards()
        return True

    # ---- Import -----------------------------------------------------------------------------------------
    def import_table(self) -> Any:
        from nap_desktop.ui.library.import_dialog import ImportDialog

        dialog = ImportDialog(self.window.catalog, self.window.lang, self.window)
        dialog.save_handler = lambda: self._save_table(dialog) is not None  # refused: the dialog stays open
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _save_table(self, dialog: Any) -> tuple[str, str] | None:
        from nap_desktop.core.catalog.library import LibraryError, init_library, save_table

        try:
            init_library(self.library)
            ids = save_table(self.library, dialog.table, **dialog.save_arguments())
        except (LibraryError, OSError, ValueError) as exc:
            self._error(LibraryController.tr("The table was not saved"), self._problems_text(exc), dialog)
            return None
        self.reload()
        self.window.statusBar().showMessage(LibraryController.tr("Saved to your library: %1").replace("%1", str(self.library)), 6000)
        return ids

    # ---- packs whose items changed --------------------------------------------------------------------
    def _on_document_changed(self, change: Any) -> None:
        if change.kind == "reset" and not self._applying_update and self.window.document.path is not None:
            QTimer.singleShot(0, self.check_pack_updates)

    def check_pack_updates(self) -> Any:
        from nap_desktop.core.pack.snapshot import diff_pack

        try:
            changes = [c for c in diff_pack(self.window.document.pack, self.window.catalog) if c.status == "updated"]
            from nap_desktop.core.pack.kept import kept_against_current  # kept before, against this same catalog

            items = {i.uid: i for i in self.window.document.pack.items}
            changes = [c for c in changes if not (c.uid in items and kept_against_current(items[c.uid], self.window.catalog))]
        except NotImplementedError:
            return None
        if not changes:
            return None
        from nap_desktop.ui.pack.pack_updates import PackUpdatesDialog

        if self.window.lang != "en":
            changes = [self._in_language(c, self.window.lang) for c in changes]
        catalog, lang = self.window.catalog, self.window.lang
        titles = {}
        for c in changes:
            if c.kind == "fact" and catalog.fact(c.ref) is not None:
                titles[c.uid] = catalog.fact(c.ref).title(lang)
            elif c.kind == "chart" and c.ref in catalog.charts:
                titles[c.uid] = catalog.charts[c.ref].title(lang)
        dialog = PackUpdatesDialog(changes, lang, self.window, titles=titles)
        dialog.take_requested.connect(self.take_update)
        dialog.keep_requested.connect(self.keep_copy)
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _in_language(self, change: Any, lang: str) -> Any:
        """The change's figures and statements as the interface language writes them."""
        from dataclasses import replace

        from nap_desktop.core.pack import snapshot

        item = next((i for i in self.window.document.pack.items if i.uid == change.uid), None)
        current = snapshot.copy_of(item, self.window.catalog) if item is not None else None
        if item is None or not item.copy or current is None or change.kind != "fact":
            return change
        try:
            old_value, new_value = snapshot._figure(item.copy, lang)[0], snapshot._figure(current, lang)[0]
        except Exception:  # noqa: BLE001 - keep the English display rather than lose the dialog
            return change
        return replace(change, old_value=old_value, new_value=new_value,
                       old_text=item.copy.get(f"text_{lang}") or change.old_text,
                       new_text=current.get(f"text_{lang}") or change.new_text)

    def take_update(self, uid: str) -> None:
        """Replace one item's copy (``uid``) or every changed item's (``""``) by the current catalog's."""
        from nap_desktop.core.pack.snapshot import take_update

        document = self.window.document
        pack = take_update(document.pack, uid or None, self.window.catalog)
        self._applying_update = True
        try:
            document.replace_pack(pack, document.path, dirty=True)
        finally:
            self._applying_update = False

    def keep_copy(self, uid: str) -> None:
        """The item keeps its copy, marked as of its date and with the catalog's newer figure named."""
        from nap_desktop.core.pack.kept import keep_copy

        document = self.window.document
        pack = keep_copy(document.pack, uid, self.window.catalog)
        self._applying_update = True
        try:
            document.replace_pack(pack, document.path, dirty=True)
        finally:
            self._applying_update = False

    def report_load_problems(self, problems: list[Any]) -> None:
        """The library folder did not load: say so (the window shows the bundled catalog; nothing is touched).

        ``problems``: the loader's Problems (or their text), each shown with its file and line in the
        interface language; at most 20, then how many more.
        """
        from nap_desktop.core.catalog.messages import render

        lang = self.window.lang
        shown = ["• " + render(p, lang) for p in problems[:20]]
        if len(problems) > 20:
            shown.append(LibraryController.tr("… and %1 more").replace("%1", f"{len(problems) - 20:,}"))
        self._error(LibraryController.tr("Your library did not load"),
                    LibraryController.tr("The window shows the bundled catalog. Your library folder %1 has not been changed; "
                                         "fix these problems and restart:").replace("%1", str(self.library))
                    + "\n\n" + "\n".join(shown))

    # ---- messages -------------------------------------------------------------------------------------
    def _problems_text(self, exc: BaseException) -> str:
        """Why a change was refused, in the interface language (core messages carry a code; see
        core/catalog/messages.py); a system error names what failed and the system's reason."""
        from nap_desktop.core.catalog.library import LibraryError
        from nap_desktop.core.catalog.tables import TableError

        lang = self.window.lang
        if isinstance(exc, LibraryError):
            texts = exc.texts(lang)
            return "\n".join("• " + t for t in texts) if len(texts) > 1 else "".join(texts)
        if isinstance(exc, TableError):
            return exc.text(lang)
        if isinstance(exc, OSError):
            where = exc.filename or self.library
            reason = exc.strerror or str(exc)
            return LibraryController.tr("Your library folder could not be written: %1 (%2)").replace("%1", str(where)).replace(
                "%2", reason)
        return str(exc)

    def _error(self, title: str, message: str, over: Any = None) -> None:
        """A warning over the window, or over the dialog (``over``) that still holds what was typed."""
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=over if over is not None else self.window)
        box.setObjectName("LibraryError")
        box.open()
