"""Import a table, driven as a user would: shortcut, real clipboard + Ctrl+V, clicks, typing; en and es."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest

from tests.ui.test_fact_editor import focus, open_library_window, pick

pytestmark = pytest.mark.gui

GOOD_TSV = "State\tExports 2023\tExports 2024\r\nTexas\t1,234.5\t1,300\r\nOhio\t456\t\r\nIowa\t300\t310\r\n"
BAD_TSV = "State\tExports 2023\tExports 2024\r\nTexas\t1,234.5\t1,300\r\nOhio\t12x\t\r\nIowa\t300\tabc\r\n"
ROW_COL = {"en": ("Row 3", "column “Exports 2023”", "Row 4", "column “Exports 2024”"),
           "es": ("Fila 3", "columna “Exports 2023”", "Fila 4", "columna “Exports 2024”")}


@pytest.fixture(params=["en", "es"])
def lang(request):
    from nap_desktop.ui.i18n import translations

    yield request.param
    translations().set_language("en")


def open_import(qtbot, win, controller):
    from nap_desktop.ui.library.import_dialog import ImportDialog

    focus(qtbot, win.search_field)
    QTest.keyClick(win.search_field, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(controller.dialog, ImportDialog) and controller.dialog.isVisible())
    return controller.dialog


def paste(qtbot, dialog, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    focus(qtbot, dialog.preview)
    QTest.keySequence(dialog.preview, QKeySequence.StandardKey.Paste)


def describe(qtbot, dialog) -> None:
    QTest.keyClicks(dialog.title_en, "Exports to Mexico by state")
    pick(dialog.unit, "usd_mn")
    pick(dialog.kind, "grouped")
    form = dialog.source_form
    QTest.keyClicks(form.publisher, "U.S. Census Bureau")
    QTest.keyClicks(form.title, "State Exports by NAICS Commodities, Mexico")
    QTest.keyClicks(form.url, "https://www.census.gov/foreign-trade/statistics/state/data/index.html")
    QTest.keyClicks(form.date, "2026-02-05")
    pick(form.status, "official")


def test_pasted_cells_with_bad_values_are_listed_by_row_and_column(qtbot, tmp_path, settings_dir, lang):
    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, lang)
    dialog = open_import(qtbot, win, controller)
    paste(qtbot, dialog, BAD_TSV)
    listed = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    row3, col2023, row4, col2024 = ROW_COL[lang]
    assert len(listed) == 2, listed
    assert row3 in listed[0] and col2023 in listed[0] and "12x" in listed[0]
    assert row4 in listed[1] and col2024 in listed[1] and "abc" in listed[1]
    # the bad cells are highlighted in the preview grid, the good ones are not
    model = dialog.grid_model
    assert model.item(1, 1).data(Qt.ItemDataRole.UserRole) == "bad"   # row 3 of the file, "Exports 2023"
    assert model.item(2, 2).data(Qt.ItemDataRole.UserRole) == "bad"
    assert model.item(0, 1).data(Qt.ItemDataRole.UserRole) is None
    describe(qtbot, dialog)
    assert not dialog.save_button.isEnabled()  # a table with bad cells is never saved


def test_paste_preview_chart_and_save(qtbot, tmp_path, settings_dir, lang):
    from nap_desktop.cli import main as cli_main

    win, controller, library = open_library_window(qtbot, tmp_path, settings_dir, lang)
    dialog = open_import(qtbot, win, controller)
    assert not dialog.save_button.isEnabled()
    paste(qtbot, dialog, GOOD_TSV)
    assert dialog.problem_list.count() == 0
    assert dialog.grid_model.rowCount() == 3
    describe(qtbot, dialog)
    # the live chart is the table: categories in rows, one series per column; a blank is a gap
    spec = dialog.chart_view.spec
    assert spec.kind == "grouped" and spec.categories == ("Texas", "Ohio", "Iowa")
    assert [s.label_en for s in spec.series] == ["Exports 2023", "Exports 2024"]
    assert spec.series[0].values == (1234.5, 456.0, 300.0) and spec.series[1].values == (1300.0, None, 310.0)
    # transpose: the states become the series
    pick(dialog.orientation, "categories_in_columns")
    assert dialog.chart_view.spec.categories == ("Exports 2023", "Exports 2024")
    pick(dialog.orientation, "categories_in_rows")
    assert dialog.save_button.isEnabled(), dialog.missing_label.text()
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.dialog is None)
    assert not controller.last_error
    charts = [c for c in win.catalog.charts.values() if getattr(c, "origin", "") == "user"]
    assert len(charts) == 1 and charts[0].kind == "grouped"
    datasets = [d for d in win.catalog.datasets.values() if d.origin == "user"]
    assert len(datasets) == 1
    values = {(r.category, r.series): r.value for r in datasets[0].rows}
    assert values[("Texas", "Exports 2023")] == 1234.5 and values.get(("Ohio", "Exports 2024")) is None
    assert list((library / "datasets").glob("*.toml")) and list((library / "charts").glob("*.toml"))
    assert cli_main(["data", "check", str(library)]) == 0


def test_csv_and_xlsx_give_the_pasted_grid(qtbot, tmp_path, settings_dir):
    import openpyxl

    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, "en")
    dialog = open_import(qtbot, win, controller)
    csv_path = tmp_path / "exports.csv"
    csv_path.write_text(GOOD_TSV.replace("\t", ";").replace("1,234.5", "1234.5").replace("1,300", "1300"),
                        encoding="utf-8")
    xlsx_path = tmp_path / "exports.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["Read me first"])
    sheet = book.create_sheet("Data")
    sheet.append(["State", "Exports 2023", "Exports 2024"])
    for row in (["Texas", 1234.5, 1300], ["Ohio", 456, None], ["Iowa", 300, 310]):
        sheet.append(row)
    book.save(xlsx_path)

    paste(qtbot, dialog, GOOD_TSV)
    pasted = (dialog.table.categories, dialog.table.series, dialog.table.cells)
    dialog.ask_path = lambda *_a: csv_path
    QTest.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
    assert (dialog.table.categories, dialog.table.series, dialog.table.cells) == pasted
    dialog.ask_path = lambda *_a: xlsx_path
    QTest.mouseClick(dialog.xlsx_button, Qt.MouseButton.LeftButton)
    assert dialog.sheet_combo.isVisible() and [dialog.sheet_combo.itemText(i) for i in range(2)] == ["Notes", "Data"]
    dialog.sheet_combo.setFocus()
    QTest.keyClick(dialog.sheet_combo, Qt.Key.Key_Down)
    assert dialog.sheet_combo.currentText() == "Data"
    assert (dialog.table.categories, dialog.table.series, dialog.table.cells) == pasted


def test_decimal_commas_are_asked_never_guessed(qtbot, tmp_path, settings_dir, lang):
    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, lang)
    dialog = open_import(qtbot, win, controller)
    path: Path = tmp_path / "komma.csv"
    path.write_text("Land;Export\nMexiko;1.234,5\nKanada;3,25\n", encoding="utf-8")
    dialog.ask_path = lambda *_a: path
    QTest.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
    assert dialog.decimal_frame.isVisible()
    assert {"en": "decimals with a comma", "es": "decimales con coma"}[lang] in dialog.decimal_question.text()
    describe(qtbot, dialog)
    assert not dialog.save_button.isEnabled()
    QTest.mouseClick(dialog.comma_radio, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.comma_radio.height() // 2))
    assert dialog.comma_radio.isChecked()
    assert dialog.table.cells == [[1234.5], [3.25]]
    assert dialog.problem_list.count() == 0
    assert dialog.save_button.isEnabled(), dialog.missing_label.text()


def test_the_live_chart_fits_its_room_in_a_640_pixel_dialog(qtbot, tmp_path, settings_dir, lang):
    """In a laptop-sized dialog the preview's plot was taller than the room beside the form and its
    bottom (baseline, category names, a short bar) was cut off."""
    from PySide6.QtWidgets import QApplication

    from nap_desktop.ui.theme import apply_theme

    app = QApplication.instance()
    style, sheet, palette = app.style().name(), app.styleSheet(), app.palette()
    apply_theme(app)  # the app's own style sheet: its paddings are part of what leaves the plot no room
    try:
        _check_live_chart_fits(qtbot, tmp_path, settings_dir, lang)
    finally:
        app.setStyleSheet(sheet)
        app.setPalette(palette)
        app.setStyle(style)


def _check_live_chart_fits(qtbot, tmp_path, settings_dir, lang):
    win, controller, _ = open_library_window(qtbot, tmp_path, settings_dir, lang)
    dialog = open_import(qtbot, win, controller)
    dialog.resize(1000, 640)
    paste(qtbot, dialog, GOOD_TSV)
    describe(qtbot, dialog)
    qtbot.wait(50)
    view = dialog.chart_view
    plot = view.plot_widget
    assert plot.isVisible()
    # the plot lies wholly inside the area its stack gives it (nothing drawn under the legend)
    assert plot.height() <= view.stack.height(), (plot.height(), view.stack.height())
    bottom = plot.mapTo(dialog, plot.rect().bottomLeft()).y()
    legend_top = view.legend_label.mapTo(dialog, view.legend_label.rect().topLeft()).y()
    assert bottom <= legend_top, (bottom, legend_top)
