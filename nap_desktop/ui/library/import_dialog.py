"""Import a table: from a CSV file, an Excel sheet, or cells pasted from Excel / LibreOffice (Ctrl+V).

The preview shows the grid as read, with every bad cell highlighted and listed by row and column
name; the user says what the rows and columns are (categories / series, or transposed), the unit,
the source and the chart kind, and sees the chart live (the app's own ChartView). A table that
uses decimal commas (1.234,5) is never read silently: the dialog asks, with a visible choice.
Parsing is core.catalog.tables; saving is core.catalog.library.save_table (by the controller).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QGuiApplication, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.core.catalog.model import Catalog, Source
from nap_desktop.core.charts.spec import PALETTE, ChartSpec, Gap, Series
from nap_desktop.core.formatting import UNITS
from nap_desktop.ui.dialog_guard import ChangesGuard, enter_saves, show_all_rows, widget_state
from nap_desktop.ui.library.fact_editor import SourceForm, _unit_name

BAD_CELL = QColor("#F9D6D5")
KINDS = ("column", "line", "grouped", "stacked", "share", "diverging", "table")
KIND_NAMES = {
    "line": ("Line", "Líneas"),
    "column": ("Column", "Columnas"),
    "grouped": ("Grouped columns", "Columnas agrupadas"),
    "stacked": ("Stacked columns", "Columnas apiladas"),
    "share": ("Share (parts of a whole)", "Participación (partes de un todo)"),
    "diverging": ("Diverging (gains and losses)", "Divergente (alzas y bajas)"),
    "table": ("Table", "Tabla"),
}
SERIES_COLORS = (PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["vermillion"],
                 PALETTE["sky"], PALETTE["purple"], PALETTE["grey"], PALETTE["yellow"])


# ---- the problem messages of core.catalog.tables, in the dialog's language ------------------------
def problem_text(problem: Any, lang: str = "en") -> str:
    """'Row 3, column “Exports”: “12x” is not a number', in ``lang`` (core.catalog.messages' templates)."""
    from nap_desktop.core.catalog.messages import table_message

    code = getattr(problem, "code", "")
    if code == "unconfirmed":  # the dialog asks above, with two buttons: say so instead of naming the API
        text = dict(getattr(problem, "params", ()) or ()).get("text", "")
        message = ImportDialog.tr("%text uses a decimal comma: confirm above that the table uses decimal commas").replace(
            "%text", "“" + str(text) + "”")
    else:
        message = table_message(problem, lang)
    where = []
    if problem.row:
        where.append(ImportDialog.tr("Row %1").replace("%1", f"{problem.row:,}"))
    if problem.column and not (code == "empty_header" and lang != "en"):
        where.append(ImportDialog.tr("column “%1”").replace("%1", problem.column))
    return (", ".join(where) + ": " + message) if where else message


# ---- raw grids (what the preview shows, as written) -------------------------------------------------
def raw_grid_from_text(text: str, delimiter: str | None = None) -> list[list[str]]:
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = "\t" if "\t" in first else (";" if first.count(";") > first.count(",") else ",")
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in row)]


def raw_grid_from_xlsx(path: Path, sheet: str | None) -> list[list[str]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        ws = book[sheet] if sheet else book.worksheets[0]
        grid = []
        for i, row in enumerate(ws.iter_rows(values_only=True)):
            if i >= 2000:  # the preview shows the start of a long sheet; the parser reads all of it
                break
            grid.append(["" if v is None else (f"{v:g}" if isinstance(v, float) else str(v)) for v in row])
        return grid
    finally:
        book.close()


class ImportDialog(ChangesGuard, QDialog):
    """The table, how to read it, its source and chart; ``table`` and ``save_arguments()`` for saving."""

    def __init__(self, catalog: Catalog, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self._catalog = catalog
        self._lang = lang
        self.table: Any = None  # ParsedTable
        self._raw: list[list[str]] = []
        self._origin: tuple[str, Any] | None = None  # ("csv", path) | ("xlsx", path) | ("paste", text)
        self.setMinimumSize(1000, 640)

        # ---- where the table comes from ----------------------------------------------------------
        self.csv_button = QPushButton(objectName="FromCsv")
        self.csv_button.clicked.connect(self._on_csv_clicked)
        self.xlsx_button = QPushButton(objectName="FromXlsx")
        self.xlsx_button.clicked.connect(self._on_xlsx_clicked)
        self.sheet_label = QLabel()
        self.sheet_combo = QComboBox(objectName="SheetChooser")
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.currentIndexChanged.connect(self._on_sheet_changed)
        self.sheet_label.hide()
        self.sheet_combo.hide()
        self.paste_button = QPushButton(objectName="PasteTable")
        self.paste_button.clicked.connect(self.paste)
        self.paste_action = QAction(self)
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paste_action.triggered.connect(self.paste)
        self.addAction(self.paste_action)
        self.origin_label = QLabel(objectName="Muted")
        sources_row = QHBoxLayout()
        for w in (self.csv_button, self.xlsx_button, self.sheet_label, self.sheet_combo, self.paste_button):
            sources_row.addWidget(w)
        sources_row.addWidget(self.origin_label, 1)

        # ---- decimal style: asked, never guessed ---------------------------------------------------
        self.decimal_frame = QFrame(objectName="DecimalChoice")
        self.decimal_frame.setStyleSheet("QFrame#DecimalChoice { background: #FFF4CE; border-radius: 6px; }")
        self.decimal_question = QLabel()
        self.decimal_question.setWordWrap(True)
        self.point_radio = QRadioButton(objectName="DecimalPoint")
        self.comma_radio = QRadioButton(objectName="DecimalComma")
        self.decimal_group = QButtonGroup(self)
        self.decimal_group.addButton(self.point_radio)
        self.decimal_group.addButton(self.comma_radio)
        self.decimal_group.buttonClicked.connect(self._on_decimal_toggled)
        dec = QHBoxLayout(self.decimal_frame)
        dec.addWidget(self.decimal_question, 1)
        dec.addWidget(self.point_radio)
        dec.addWidget(self.comma_radio)
        self.decimal_frame.hide()

        # ---- a long table (one observation per row, as agencies publish): which columns hold what ------
        self.columns_frame = QFrame(objectName="ColumnChoice")
        self.columns_frame.setStyleSheet("QFrame#ColumnChoice { background: #FFF4CE; border-radius: 6px; }")
        self.columns_question = QLabel()
        self.columns_question.setWordWrap(True)
        self.category_column = QComboBox(objectName="CategoryColumn")
        self.series_column = QComboBox(objectName="SeriesColumn")
        self.value_column = QComboBox(objectName="ValueColumn")
        self.category_column_label, self.series_column_label, self.value_column_label = QLabel(), QLabel(), QLabel()
        cols = QHBoxLayout(self.columns_frame)
        cols.addWidget(self.columns_question, 1)
        for label, combo in ((self.category_column_label, self.category_column),
                             (self.series_column_label, self.series_column),
                             (self.value_column_label, self.value_column)):
            label.setBuddy(combo)
            cols.addWidget(label)
            cols.addWidget(combo)
            combo.activated.connect(self._on_columns_chosen)
        self.columns_frame.hide()
        self._columns = None  # core.catalog.tables.Columns once the user picked them

        # ---- the grid and its problems --------------------------------------------------------------
        self.grid_model = QStandardItemModel(self)
        self.preview = QTableView(objectName="TablePreview")
        self.preview.setModel(self.grid_model)
        self.preview.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setDefaultSectionSize(22)
        self.empty_label = QLabel(objectName="Muted")
        self.empty_label.setWordWrap(True)
        self.problems_label = QLabel(objectName="ProblemsTitle")
        self.problem_list = QListWidget(objectName="ProblemList")
        self.problem_list.setMaximumHeight(84)
        self.problem_list.setWordWrap(True)

        # ---- how to read it, and the chart ---------------------------------------------------------
        self.orientation = QComboBox(objectName="Orientation")
        self.orientation.addItem("", "categories_in_rows")
        self.orientation.addItem("", "categories_in_columns")
        self.kind = QComboBox(objectName="ChartKind")
        for k in KINDS:
            self.kind.addItem(k, k)
        self.unit = QComboBox(objectName="TableUnit")
        for unit in UNITS:
            if unit not in ("none", "date"):
                self.unit.addItem(unit, unit)
        self.unit.setCurrentIndex(-1)
        self.title_en = QLineEdit(objectName="TitleEn")
        self.title_es = QLineEdit(objectName="TitleEs")
        self.period = QLineEdit(objectName="TablePeriod")
        self.period.setPlaceholderText("2025")
        self.source_form = SourceForm(compact=True)
        self.form_labels = [QLabel() for _ in range(6)]
        form = QFormLayout()
        for label, field in zip(self.form_labels, (self.title_en, self.title_es, self.orientation, self.kind,
                                                   self.unit, self.period)):
            label.setBuddy(field)
            form.addRow(label, field)

        from nap_desktop.ui.browse.chart_view import ChartView

        self.chart_view = ChartView(None, catalog, lang)
        self.chart_view.setObjectName("ImportChart")
        self.chart_view.setMinimumWidth(380)
        # A preview beside the form: the detail view's 260 px minimum was taller than the room left here,
        # so the plot's bottom (the baseline, the category names, short bars) was cut off.
        self.chart_view.plot_widget.setMinimumHeight(150)

        left = QVBoxLayout()
        left.addWidget(self.preview, 1)
        left.addWidget(self.empty_label)
        left.addWidget(self.problems_label)
        left.addWidget(self.problem_list)
        left.addLayout(form)
        right = QVBoxLayout()
        right.addWidget(self.chart_view, 1)
        right.addWidget(self.source_form)
        main = QHBoxLayout()
        main.addLayout(left, 1)
        main.addLayout(right, 1)

        self.missing_label = QLabel(objectName="MissingLabel")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color: #B3261E;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("SaveTable")
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

        outer = QVBoxLayout(self)
        outer.addLayout(sources_row)
        outer.addWidget(self.decimal_frame)
        outer.addWidget(self.columns_frame)
        outer.addLayout(main, 1)
        outer.addWidget(self.missing_label)
        outer.addWidget(self.buttons)

        for combo in (self.orientation, self.kind, self.unit):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.title_en, self.title_es, self.period):
            edit.textChanged.connect(self.refresh)
        self.source_form.changed.connect(self.refresh)
        self._retranslate()
        self.refresh()
        self.preview.setFocus()
        enter_saves(self, self.save_button)
        show_all_rows(self)
        self.remember_state()

    def state(self) -> Any:
        """What closing would lose: the form, and the table read (a table is a change by itself)."""
        return widget_state(self), None if self.table is None else id(self.table)

    # ---- choosing a table -------------------------------------------------------------------------
    def ask_path(self, title: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), pattern)
        return Path(path) if path else None

    def _on_csv_clicked(self) -> None:
        path = self.ask_path(ImportDialog.tr("Import a CSV file"), ImportDialog.tr("CSV files (*.csv *.txt)"))
        if path is not None:
            self.load_csv(path)

    def _on_xlsx_clicked(self) -> None:
        path = self.ask_path(ImportDialog.tr("Import an Excel sheet"), ImportDialog.tr("Excel workbooks (*.xlsx)"))
        if path is not None:
            self.load_xlsx(path)

    def load_csv(self, path: Path) -> None:
        from nap_desktop.core.catalog.files import TABLE_FILE_MAX, read_regular_text

        try:  # an ordinary file under the cap only: a pipe or a link to /dev/zero would hang the window
            text = read_regular_text(Path(path), TABLE_FILE_MAX)
            if text.startswith("\ufeff"):
                text = text[1:]
        except (OSError, UnicodeDecodeError) as exc:
            self._unreadable(ImportDialog.tr("“%1” could not be read as a UTF-8 CSV file.").replace("%1", Path(path).name), exc)
            return
        self._origin = ("csv", Path(path))
        self._columns = None  # a new table: its columns are picked afresh
        self._raw = raw_grid_from_text(text)
        self.sheet_combo.clear()
        self._show_sheets(False)
        self.origin_label.setText(Path(path).name)
        self._parse(reset_decimal=True)

    def load_xlsx(self, path: Path, sheet: str | None = None) -> None:
        from nap_desktop.core.catalog.tables import TableError, sheet_names

        try:
            names = sheet_names(Path(path))
        except (TableError, OSError) as exc:
            self._unreadable(ImportDialog.tr("“%1” could not be read as an Excel workbook.").replace("%1", Path(path).name), exc)
            return
        self._origin = ("xlsx", Path(path))
        self._columns = None  # a new table: its columns are picked afresh
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        self.sheet_combo.setCurrentIndex(names.index(sheet) if sheet in names else 0)
        self.sheet_combo.setEnabled(len(names) > 1)
        self._show_sheets(True)
        self.sheet_combo.blockSignals(False)
        self.origin_label.setText(Path(path).name)
        self._load_sheet()

    def _show_sheets(self, on: bool) -> None:
        self.sheet_label.setVisible(on)
        self.sheet_combo.setVisible(on)

    def _on_sheet_changed(self, _index: int) -> None:
        if self._origin and self._origin[0] == "xlsx":
            self._load_sheet()

    def _load_sheet(self) -> None:
        path = self._origin[1]
        try:
            self._raw = raw_grid_from_xlsx(path, self.sheet_combo.currentText() or None)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds; the user gets a message
            self._unreadable(ImportDialog.tr("“%1” could not be read as an Excel workbook.").replace("%1", path.name), exc)
            return
        self._parse(reset_decimal=True)

    def paste(self) -> bool:
        """Ctrl+V: the clipboard's cells (tab-separated, as Excel and LibreOffice copy them)."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.empty_label.setText(ImportDialog.tr("The clipboard holds no cells. Copy a range in Excel or LibreOffice, "
                                                     "then press Ctrl+V here."))
            self.empty_label.show()
            return False
        self._origin = ("paste", text)
        self._columns = None  # a new table: its columns are picked afresh
        self._raw = raw_grid_from_text(text, "\t")
        self.sheet_combo.clear()
        self._show_sheets(False)
        self.origin_label.setText(ImportDialog.tr("Pasted cells"))
        self._parse(reset_decimal=True)
        return True

    def _unreadable(self, message: str, exc: Exception) -> None:
        """What could not be read, in the interface language; the reader's own detail when it has one
        in that language (a TableError), the system's English detail only in English."""
        from nap_desktop.core.catalog.tables import TableError

        detail = exc.text(self._lang) if isinstance(exc, TableError) else (str(exc) if self._lang == "en" else "")
        self.empty_label.setText(message + ("\n" + detail if detail else ""))
        self.empty_label.show()

    # ---- parsing ---------------------------------------------------------------------------------------
    def _decimal(self) -> str | None:
        return "comma" if self.comma_radio.isChecked() else None

    def _parse(self, reset_decimal: bool = False) -> None:
        from nap_desktop.core.catalog import tables

        if reset_decimal:
            self.decimal_group.setExclusive(False)
            self.point_radio.setChecked(False)
            self.comma_radio.setChecked(False)
            self.decimal_group.setExclusive(True)
        kind, what = self._origin
        decimal = self._decimal()
        columns = self._columns
        try:
            if kind == "csv":
                table = tables.parse_csv(what, decimal=decimal, columns=columns)
            elif kind == "xlsx":
                table = tables.parse_xlsx(what, self.sheet_combo.currentText() or None, decimal=decimal, columns=columns)
            else:
                table = tables.parse_clipboard(what, decimal=decimal, columns=columns)
        except tables.TableError as exc:
            self.table = None
            self._unreadable(ImportDialog.tr("The table could not be read."), exc)
            self.refresh()
            return
        self.table = table
        self.empty_label.hide()
        asks = table.decimal_style == "comma" or table.needs_confirmation
        self.decimal_frame.setVisible(asks or self.comma_radio.isChecked())
        self._offer_columns(bool(getattr(table, "long", False)) or columns is not None)
        self._fill_grid()
        self.refresh()

    def _offer_columns(self, show: bool) -> None:
        """A long table: the three column pickers, filled with the header's names (kept as picked)."""
        self.columns_frame.setVisible(show)
        if not show:
            return
        header = [h for h in (self._raw[0] if self._raw else []) if str(h).strip()]
        for combo, optional in ((self.category_column, False), (self.series_column, True), (self.value_column, False)):
            chosen = combo.currentData() if self._columns is not None else None  # a new table: asked afresh
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—", None)
            if optional:
                combo.setItemText(0, ImportDialog.tr("(one series)"))
            for name in header:
                combo.addItem(str(name), str(name))
            at = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(at, 0))
            combo.blockSignals(False)

    def _on_columns_chosen(self, _index: int) -> None:
        from nap_desktop.core.catalog.tables import Columns

        category, value = self.category_column.currentData(), self.value_column.currentData()
        if category is None or value is None or category == value:
            return  # both are needed, and different, before the table is read again
        self._columns = Columns(category=category, value=value, series=self.series_column.currentData())
        self._parse()

    def _on_decimal_toggled(self, _checked: bool) -> None:
        if self._origin is not None and (self.point_radio.isChecked() or self.comma_radio.isChecked()):
            self._parse()

    def _fill_grid(self) -> None:
        model = self.grid_model
        model.clear()
        raw = self._raw
        if not raw:
            return
        width = max(len(r) for r in raw)
        header = raw[0] + [""] * (width - len(raw[0]))
        model.setColumnCount(width)
        model.setHorizontalHeaderLabels(header)
        bad: set[tuple[int, int]] = set()
        bad_rows: set[int] = set()
        if self.table is not None:
            col_index = {name: i for i, name in enumerate(header)}
            for p in self.table.problems:
                if p.row and p.column in col_index:
                    bad.add((p.row, col_index[p.column]))
                elif p.row:
                    bad_rows.add(p.row)
        for r, row in enumerate(raw[1:], start=2):
            items = []
            for c in range(width):
                item = QStandardItem(row[c] if c < len(row) else "")
                if (r, c) in bad or (r in bad_rows and c == 0):
                    item.setBackground(QBrush(BAD_CELL))
                    item.setData("bad", Qt.ItemDataRole.UserRole)
                items.append(item)
            model.appendRow(items)
        model.setVerticalHeaderLabels([str(r) for r in range(2, len(raw) + 1)])
        self.preview.resizeColumnsToContents()

    # ---- state ------------------------------------------------------------------------------------------
    def _problem_items(self) -> list[Any]:
        """The table's problems, else what the chart asked for cannot show (a share over 100%, percentage
        cells in a unit that is not a percent: core.catalog.tables.chart_problems, as the command line)."""
        from nap_desktop.core.catalog.tables import chart_problems

        if self.table is None:
            return []
        return self.table.problems or chart_problems(self.table, self.kind.currentData() or "",
                                                     self.unit.currentData() or "")

    def problems(self) -> list[str]:
        return [problem_text(p, self._lang) for p in self._problem_items()]

    def missing(self) -> list[str]:
        out = []
        if self.table is None:
            out.append(ImportDialog.tr("a table (CSV, Excel sheet or Ctrl+V)"))
        elif self._problem_items() and not self._only_decimal_question():
            out.append(ImportDialog.tr("a table without bad cells (fix them in the file and import it again)"))
        if self.decimal_frame.isVisible() and not (self.point_radio.isChecked() or self.comma_radio.isChecked()):
            out.append(ImportDialog.tr("your answer on decimal commas"))
        if not self.title_en.text().strip():
            out.append(ImportDialog.tr("a title in English"))
        if self.unit.currentIndex() < 0:
            out.append(ImportDialog.tr("the unit"))
        source_missing = self.source_form.missing()
        if source_missing:
            out.extend(source_missing)
        return out

    def _only_decimal_question(self) -> bool:
        """The only problems are decimal commas the user has not confirmed yet (answering fixes them)."""
        return (self.decimal_frame.isVisible() and not (self.point_radio.isChecked() or self.comma_radio.isChecked())
                and all(p.code == "unconfirmed" for p in self.table.problems))

    def _gaps(self, transposed: bool) -> tuple[Gap, ...]:
        """Why each empty cell of the preview is empty: a bad cell to fix, or a blank (a gap, never a zero)."""
        t = self.table
        bad = set()
        by_row = {n: i for i, n in enumerate(t.row_numbers)}
        series_index = {name: j for j, name in enumerate(t.series)}
        for p in t.problems:
            if p.row in by_row and p.column in series_index:
                bad.add((by_row[p.row], series_index[p.column]))
        gaps = []
        for i, cat in enumerate(t.categories):
            for j, name in enumerate(t.series):
                if t.cells[i][j] is None:
                    c, s = (name, cat) if transposed else (cat, name)
                    if (i, j) in bad:
                        gaps.append(Gap(c, s, "the cell needs fixing (see the list)", "la celda necesita corrección (vea la lista)"))
                    else:
                        gaps.append(Gap(c, s, "blank in the table", "vacía en la tabla"))
        return tuple(gaps)

    def refresh(self) -> None:
        problems = self.problems()
        self.problem_list.clear()
        self.problem_list.addItems(problems)
        self.problem_list.setVisible(bool(problems))
        self.problems_label.setVisible(bool(problems))
        if problems:
            n = len(problems)
            self.problems_label.setText(ImportDialog.tr("1 cell needs fixing:") if n == 1 else
                                        ImportDialog.tr("%n cells need fixing:").replace("%n", str(n)))
        missing = self.missing()
        self.save_button.setEnabled(not missing)
        self.missing_label.setText(ImportDialog.tr("Still needed: %1.").replace("%1", "; ".join(missing)) if missing else "")
        self.missing_label.setVisible(bool(missing))
        b = self.source_form.block()
        if b["publisher"]:  # the live chart's source line names the source being typed
            preview = Source(id="user.preview", publisher=b["publisher"], title=b["title"],
                             status=b["status"] or "report", url=b["url"], date=b["date"])
            self.chart_view._catalog = replace(self._catalog, sources={**self._catalog.sources, "user.preview": preview})
        self.chart_view.set_spec(self.chart_spec())

    def _transposed(self) -> bool:
        return self.orientation.currentData() == "categories_in_columns"

    def chart_spec(self) -> ChartSpec | None:
        """The chart the table makes, as it will be saved (None until there is a table)."""
        t = self.table
        if t is None or not t.categories or not t.series:
            return None
        if self._transposed():
            categories = list(t.series)
            names = list(t.categories)
            values = [[t.cells[i][j] for j in range(len(t.series))] for i in range(len(t.categories))]
        else:
            categories = list(t.categories)
            names = list(t.series)
            values = [[t.cells[i][j] for i in range(len(t.categories))] for j in range(len(t.series))]
        series = tuple(Series(key=name, label_en=name, label_es=name, color=SERIES_COLORS[k % len(SERIES_COLORS)],
                              values=tuple(v)) for k, (name, v) in enumerate(zip(names, values)))
        title_en = self.title_en.text().strip()
        title_es = self.title_es.text().strip() or title_en
        b = self.source_form.block()
        decimals = 0
        for v in values:
            for x in v:
                if x is not None and x != int(x):
                    decimals = max(decimals, min(3, len(f"{x:.6f}".rstrip("0").split(".")[1])))
        return ChartSpec(
            id="user.preview", kind=self.kind.currentData(), dataset="user.preview",
            title_en=title_en, title_es=title_es, categories=tuple(categories),
            category_labels_en=tuple(categories), category_labels_es=tuple(categories),
            series=series, unit=self.unit.currentData() or "count", decimals=decimals,
            sources=("user.preview",) if b["publisher"] else (), status=b["status"] or "report",
            subtitle_en=self.period.text().strip(), subtitle_es=self.period.text().strip(),
            gaps=self._gaps(self._transposed()),
        )

    def save_arguments(self) -> dict[str, Any]:
        """Keyword arguments for core.catalog.library.save_table."""
        from nap_desktop.core.catalog.library import user_id

        b = self.source_form.block()
        title_en = self.title_en.text().strip()
        try:
            new_id = user_id(title_en)
        except NotImplementedError:
            new_id = "user." + re.sub(r"[^a-z0-9]+", "-", title_en.lower()).strip("-")
        return {
            "id": new_id,
            "kind": self.kind.currentData(),
            "title_en": title_en,
            "title_es": self.title_es.text().strip(),
            "unit": self.unit.currentData(),
            "source": b,
            "status": b["status"],
            "orientation": self.orientation.currentData(),
            "period": self.period.text().strip(),
        }

    #: called on Save once the dialog is complete; the dialog closes only when it returns true (a table
    #: the library refuses stays here, with everything the user chose, next to the message)
    save_handler: Any = None

    def _on_save(self) -> None:
        if not self.missing() and (self.save_handler is None or self.save_handler()):
            self.accept()

    # ---- language ---------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self._retranslate()
            self.refresh()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        lang = self._lang
        self.setWindowTitle(ImportDialog.tr("Import a table"))
        self.csv_button.setText(ImportDialog.tr("CSV &file…"))
        self.xlsx_button.setText(ImportDialog.tr("E&xcel sheet…"))
        self.sheet_label.setText(ImportDialog.tr("Sheet:"))
        self.paste_button.setText(ImportDialog.tr("&Paste (Ctrl+V)"))
        if self._origin is None:
            self.origin_label.setText(ImportDialog.tr("Choose a file, or copy cells in Excel or LibreOffice and press Ctrl+V."))
        self.columns_question.setText(ImportDialog.tr("This table has one observation per row. Pick the columns "
                                                      "that hold the category, the series and the value."))
        self.category_column_label.setText(ImportDialog.tr("Category column:"))
        self.series_column_label.setText(ImportDialog.tr("Series column:"))
        self.value_column_label.setText(ImportDialog.tr("Value column:"))
        if self.series_column.count():
            self.series_column.setItemText(0, ImportDialog.tr("(one series)"))
        self.decimal_question.setText(ImportDialog.tr("This table seems to write decimals with a comma (1.234,5). "
                                                      "How are its numbers written?"))
        self.point_radio.setText(ImportDialog.tr("1,234.5 (decimal point)"))
        self.comma_radio.setText(ImportDialog.tr("1.234,5 (decimal comma)"))
        for label, text in zip(self.form_labels, (ImportDialog.tr("Title (&English)"), ImportDialog.tr("Title (Spa&nish)"), ImportDialog.tr("&Layout"),
                                                  ImportDialog.tr("&Chart"), ImportDialog.tr("&Unit"), ImportDialog.tr("P&eriod"))):
            label.setText(text)
        self.orientation.setItemText(0, ImportDialog.tr("Categories in rows, series in columns"))
        self.orientation.setItemText(1, ImportDialog.tr("Categories in columns, series in rows (transpose)"))
        for i in range(self.kind.count()):
            names = KIND_NAMES[self.kind.itemData(i)]
            self.kind.setItemText(i, names[1] if lang == "es" else names[0])
        for i in range(self.unit.count()):
            self.unit.setItemText(i, _unit_name(self.unit.itemData(i), lang))
        self.unit.setPlaceholderText(ImportDialog.tr("Choose…"))
        self.title_es.setPlaceholderText(ImportDialog.tr("Optional: Spanish outputs show the English title, marked untranslated"))
        self.source_form.retranslate(lang)
        self.save_button.setText(ImportDialog.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(ImportDialog.tr("Cancel"))

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.chart_view.set_language(lang)
        self._retranslate()
        self.refresh()
