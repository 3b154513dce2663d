"""File > Export…: pick formats (from the exporter registry), language and destination; export in the background."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.core.filenames import fit_stem, safe_file_stem  # one sanitiser for every name
from nap_desktop.exporters import REGISTRY, ExportError
from nap_desktop.ui.worker import BackgroundTask, run_in_background

if TYPE_CHECKING:
    from nap_desktop.core.catalog.model import Catalog
    from nap_desktop.core.pack.packfile import Pack

SETTINGS_FILE = "export.json"


def default_folder() -> str:
    """Documents (where people look for what they exported), else the home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())




class ExportDialog(QDialog):
    """Formats, language, destination; the export runs off the GUI thread with a progress bar."""

    def __init__(self, pack: Pack, catalog: Catalog, parent: QWidget | None = None, *,
                 settings_dir: Path | None = None):
        super().__init__(parent)
        self.pack = pack
        self.catalog = catalog
        self.settings_dir = Path(settings_dir) if settings_dir else None
        self.task: BackgroundTask | None = None
        self.written: list[Path] = []
        self.setWindowTitle(self.tr("Export briefing"))
        self.setMinimumWidth(520)

        self.format_boxes: dict[str, QCheckBox] = {}
        formats = QWidget()
        fl = QVBoxLayout(formats)
        fl.setContentsMargins(0, 0, 0, 0)
        for name, exporter in REGISTRY.items():
            box = QCheckBox(exporter.label.get(self._ui_lang(), name))
            box.setObjectName(f"format_{name}")
            box.setChecked(name != "bundle")  # the bundle repeats the other files: only when asked for
            box.toggled.connect(self._update_buttons)
            self.format_boxes[name] = box
            fl.addWidget(box)

        # Two radio buttons, not a drop-down: both languages are always fully visible.
        self.lang_buttons: dict[str, QRadioButton] = {}
        self.lang_group = QButtonGroup(self)
        lang_row = QWidget()
        ll = QHBoxLayout(lang_row)
        ll.setContentsMargins(0, 0, 0, 0)
        for code, name in (("en", "English"), ("es", "Español")):  # each in its own language
            button = QRadioButton(name)
            button.setObjectName(f"lang_{code}")
            button.setChecked(code == (pack.lang if pack.lang in ("en", "es") else "en"))
            button.toggled.connect(self._on_lang_changed)
            self.lang_group.addButton(button)
            self.lang_buttons[code] = button
            ll.addWidget(button)
        ll.addStretch(1)

        settings = self._load_settings()
        self._settings = settings

        # The handout: paper (default from the locale: Letter in the US, Canada and Mexico) and talking points.
        from PySide6.QtCore import QLocale
        from PySide6.QtWidgets import QComboBox

        from nap_desktop.exporters.handout_pdf import default_paper

        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("paper")
        self.paper_combo.addItem(self.tr("US Letter"), "letter")
        self.paper_combo.addItem(self.tr("A4"), "a4")
        paper = settings.get("paper") if settings.get("paper") in ("letter", "a4") else default_paper(
            QLocale.system().name())
        self.paper_combo.setCurrentIndex(0 if paper == "letter" else 1)
        self.talking_points_box = QCheckBox(self.tr("Print the talking points on the handout"))
        self.talking_points_box.setObjectName("handout_talking_points")
        handout_row = QWidget()
        hr = QVBoxLayout(handout_row)  # paper above the long check box: side by side it was cut in Spanish
        hr.setContentsMargins(0, 0, 0, 0)
        hr.addWidget(self.paper_combo, 0, Qt.AlignmentFlag.AlignLeft)
        hr.addWidget(self.talking_points_box)

        # A PowerPoint template of the user's own, remembered per user (checked and cleaned at export).
        template = settings.get("template") or ""
        self.template_path: Path | None = Path(template) if template and Path(template).is_file() else None
        self.template_label = QLabel()
        self.template_label.setObjectName("template_label")
        self.template_label.setWordWrap(True)
        self.template_button = QPushButton(self.tr("Use a PowerPoint template…"))
        self.template_button.setObjectName("template_button")
        self.template_button.clicked.connect(self._on_template_clicked)
        self.template_clear = QPushButton(self.tr("Use ours"))
        self.template_clear.setObjectName("template_clear")
        self.template_clear.clicked.connect(lambda: self._set_template(None))
        template_row = QWidget()
        tr_ = QHBoxLayout(template_row)
        tr_.setContentsMargins(0, 0, 0, 0)
        tr_.addWidget(self.template_label, 1)
        tr_.addWidget(self.template_button)
        tr_.addWidget(self.template_clear)
        self._set_template(self.template_path, save=False)
        folder = settings.get("folder") or default_folder()
        self.folder_edit = QLineEdit(folder)
        self.folder_edit.setObjectName("folder")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._on_browse_clicked)
        folder_row = QWidget()
        hl = QHBoxLayout(folder_row)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(self.folder_edit, 1)
        hl.addWidget(browse)
        self.name_edit = QLineEdit(safe_file_stem(pack.title))
        self.name_edit.setObjectName("file_name")
        self.name_edit.textChanged.connect(self._update_buttons)
        self.name_hint = QLabel()
        self.name_hint.setObjectName("file_name_hint")
        self.name_hint.setWordWrap(True)
        self.name_edit.textChanged.connect(self._update_name_hint)

        form = QFormLayout()
        # Labels beside their fields, never wrapped above them: a wrapped row's height was not counted in
        # the dialog's minimum and the format check boxes were drawn over each other.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(self.tr("Formats"), formats)
        form.addRow(self.tr("Language"), lang_row)
        form.addRow(self.tr("Handout"), handout_row)
        form.addRow(self.tr("Template"), template_row)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("File name"), self.name_edit)
        form.addRow("", self.name_hint)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setVisible(False)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setObjectName("status")
        # user facts without Spanish: said before writing a Spanish export (they show English, marked)
        self.untranslated_note = QLabel("")
        self.untranslated_note.setWordWrap(True)
        self.untranslated_note.setObjectName("untranslated_note")
        self.untranslated_note.setVisible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # After an export: open what was written, or its folder (local files only, through the desktop).
        self.open_file_button = self.buttons.addButton(self.tr("Open file"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_file_button.setObjectName("open_file")
        self.show_folder_button = self.buttons.addButton(self.tr("Show folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.show_folder_button.setObjectName("show_folder")
        for button in (self.open_file_button, self.show_folder_button):
            button.setVisible(False)
        self.open_file_button.clicked.connect(self._on_open_file_clicked)
        self.show_folder_button.clicked.connect(self._on_show_folder_clicked)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self._on_export_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # never smaller than its content
        layout.addLayout(form)
        layout.addWidget(self.untranslated_note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._on_lang_changed()
        from nap_desktop.ui.dialog_guard import show_all_rows

        show_all_rows(self)

    # ---- small seams tests monkeypatch ------------------------------------------------------
    def ask_folder(self, start: str) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), start)

    def confirm_overwrite(self, paths: list[Path]) -> bool:
        names = "\n".join(p.name for p in paths)
        answer = QMessageBox.question(self, self.tr("Replace files?"),
                                      self.tr("These files already exist and will be replaced:") + f"\n{names}")
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Export failed"), message)

    def open_url(self, url: QUrl) -> bool:
        """Hand a local file or folder to the desktop (the default application, the file manager)."""
        if not url.isLocalFile():
            return False
        return QDesktopServices.openUrl(url)

    def clock(self) -> datetime:
        return datetime.now(timezone.utc).replace(microsecond=0)

    # ---- state ------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return "es" if self.lang_buttons["es"].isChecked() else "en"

    def set_lang(self, lang: str) -> None:
        self.lang_buttons["es" if lang == "es" else "en"].setChecked(True)

    def selected_formats(self) -> list[str]:
        return [name for name, box in self.format_boxes.items() if box.isChecked()]

    def destinations(self) -> list[tuple[str, Path]]:
        folder = Path(self.folder_edit.text().strip() or ".")
        stem = self.file_stem()
        lang = f"-{self.lang}"  # kept whole when the name is cut: English and Spanish never overwrite each other
        base = stem[:-len(lang)] if stem.endswith(lang) else stem
        # the whole path stays under Windows' 260 characters (PowerPoint and Excel cannot open longer ones)
        return [(name, folder / f"{fit_stem(folder, base, lang + REGISTRY[name].extension)}{lang}"
                                f"{REGISTRY[name].extension}") for name in self.selected_formats()]

    def file_stem(self) -> str:
        """The name typed plus the language, so English and Spanish exports never overwrite each other."""
        stem = safe_file_stem(self.name_edit.text())
        suffix = f"-{self.lang}"
        return stem if stem.lower().endswith(suffix) else stem + suffix

    def _update_name_hint(self, *_: Any) -> None:
        names = ", ".join(p.name for _, p in self.destinations())
        self.name_hint.setText(self.tr("Writes: %1").replace("%1", names) if names else "")

    @staticmethod
    def _ui_lang() -> str:
        """The interface's language: the format names are part of the dialog, not of the export."""
        from nap_desktop.ui.i18n import translations

        return translations().lang

    def _on_lang_changed(self, *_: Any) -> None:
        for name, box in self.format_boxes.items():
            box.setText(REGISTRY[name].label.get(self._ui_lang(), name))
        if hasattr(self, "untranslated_note"):
            self._update_untranslated_note()
        self._update_name_hint()
        self._update_buttons()

    def _update_untranslated_note(self) -> None:
        from nap_desktop.core.deck import UNTRANSLATED_MARK, untranslated_items

        refs = untranslated_items(self.pack, self.catalog, self.lang) if self.lang == "es" else []
        if refs:
            names = []
            for ref in refs[:3]:
                fact = self.catalog.fact(ref)
                names.append(f"“{fact.title('en') if fact is not None else self.catalog.charts[ref].title('en')}”")
            more = f" (+{len(refs) - 3})" if len(refs) > 3 else ""
            text = (self.tr("One item has no Spanish text yet: %2. The Spanish files show its English text "
                            "marked %3.") if len(refs) == 1 else
                    self.tr("%1 items have no Spanish text yet: %2. The Spanish files show their English text "
                            "marked %3."))
            self.untranslated_note.setText(text.replace("%1", str(len(refs))).replace("%2", ", ".join(names) + more)
                                           .replace("%3", UNTRANSLATED_MARK["es"]))
        self.untranslated_note.setVisible(bool(refs))

    def _update_buttons(self, *_: Any) -> None:
        if hasattr(self, "name_hint"):
            self._update_name_hint()
        busy = self.task is not None and self.task.running
        self.export_button.setEnabled(not busy and bool(self.selected_formats()) and bool(self.name_edit.text().strip()))

    def _on_browse_clicked(self) -> None:
        chosen = self.ask_folder(self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def export_options(self) -> dict[str, dict[str, Any]]:
        """What each exporter gets besides the pack: the template, the paper, the talking points."""
        paper = self.paper_combo.currentData()
        template = {"template": self.template_path} if self.template_path else {}
        return {"pptx": dict(template), "pdf": {"paper": paper, "talking_points": self.talking_points_box.isChecked()},
                "bundle": dict(template, paper=paper)}

    def ask_template(self, start: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a PowerPoint template"), start,
                                              self.tr("PowerPoint templates (*.pptx *.potx)"))
        return path

    def _on_template_clicked(self) -> None:
        chosen = self.ask_template(str(self.template_path.parent) if self.template_path else self.folder_edit.text())
        if chosen:
            self._set_template(Path(chosen))

    def _set_template(self, path: Path | None, *, save: bool = True) -> None:
        self.template_path = path
        self.template_label.setText(path.name if path else self.tr("NAP Briefing's own"))
        self.template_label.setToolTip(str(path) if path else "")
        self.template_clear.setEnabled(path is not None)
        if save:
            self._save_settings()

    def _load_settings(self) -> dict[str, Any]:
        if self.settings_dir is None:
            return {}
        try:
            return json.loads((self.settings_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _save_settings(self) -> None:
        if self.settings_dir is None:
            return
        try:
            from nap_desktop.core.pack.packfile import atomic_write_bytes

            self.settings_dir.mkdir(parents=True, exist_ok=True)
            payload = json.dumps({"folder": self.folder_edit.text().strip(), "paper": self.paper_combo.currentData(),
                                  "template": str(self.template_path) if self.template_path else ""}).encode("utf-8")
            atomic_write_bytes(self.settings_dir / SETTINGS_FILE, payload)
        except OSError:
            pass  # remembering the folder is a convenience, never a reason to fail an export

    # ---- export -----------------------------------------------------------------------------
    def _on_export_clicked(self) -> None:
        targets = self.destinations()
        folder = Path(self.folder_edit.text().strip() or ".")
        if not folder.is_dir():
            self._fail(self.tr("The folder {0} does not exist.").replace("{0}", str(folder)))
            return
        existing = [p for _, p in targets if p.exists()]
        if existing and not self.confirm_overwrite(existing):
            return
        pack, catalog, lang, now = self.pack, self.catalog, self.lang, self.clock()
        options = self.export_options()
        steps = len(targets)

        def work(report: Any) -> list[Path]:
            # Runs in a thread: exporters only, no widgets.
            written = []
            for n, (name, dest) in enumerate(targets):
                def sub(done: int, total: int = 1, n: int = n) -> None:
                    report(n * 100 + int(100 * done / max(total, 1)), steps * 100)

                REGISTRY[name].function(pack, catalog, dest, lang=lang, now=now, progress=sub, **options.get(name, {}))
                written.append(dest)
            return written

        for button in (self.open_file_button, self.show_folder_button):
            button.setVisible(False)
        self.status.setText(self.tr("Exporting…"))
        self.status.setStyleSheet("")
        self.progress.setRange(0, steps * 100)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.task = run_in_background(work, on_done=self._on_task_done, on_error=self._on_task_failed,
                                      on_progress=self._on_task_progress, parent=self)
        self._update_buttons()

    def _on_task_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_task_done(self, written: list[Path]) -> None:
        self.written = list(written)
        self.progress.setValue(self.progress.maximum())
        folder = str(written[0].parent) if written else ""
        self.status.setText(self.tr("Saved %1 in %2").replace("%1", ", ".join(p.name for p in written))
                            .replace("%2", folder))
        self.status.setToolTip("\n".join(str(p) for p in written))
        for button in (self.open_file_button, self.show_folder_button):
            button.setVisible(bool(written))
        self._save_settings()
        self._update_buttons()
        self.adjustSize()  # the status line wrapped onto more lines: grow, never clip

    def _on_open_file_clicked(self) -> None:
        if self.written:
            self.open_url(QUrl.fromLocalFile(str(self.written[0])))

    def _on_show_folder_clicked(self) -> None:
        if self.written:
            self.open_url(QUrl.fromLocalFile(str(self.written[0].parent)))

    def _on_task_failed(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, ExportError) else self.tr(
            "The export stopped with an unexpected error: {0}").replace("{0}", f"{type(exc).__name__}: {exc}")
        self._fail(message)

    def _fail(self, message: str) -> None:
        self.progress.setVisible(False)
        self.status.setText(message)
        self.status.setStyleSheet("color: #B03A2E;")
        self._update_buttons()
        self.adjustSize()
        self.show_error(message)
