"""The Import dialog on tables as agencies publish them (issue 26), driven by the clipboard and the
drop-downs: footnote rows never reach the live chart, and a share chart over 100% cannot be saved."""

from __future__ import annotations

import pytest

from tests.ui.test_fact_editor import open_library_window, pick
from tests.ui.test_import_dialog import describe, lang, open_import, paste  # noqa: F401 - fixture

pytestmark = pytest.mark.gui

FOOTNOTED = ("Año\tVehículos\r\n2023\t3,468,000\r\n2024\t3,989,403\r\n\r\n"
             "Fuente: INEGI. Registro administrativo de la industria automotriz.\t\r\nNota: cifras preliminares.\t\r\n")
SHARES = "Partner\tShare\r\nMexico\t1,234\r\nCanada\t14.2\r\n"


def test_footnotes_pasted_from_an_agency_sheet_are_not_categories(qtbot, tmp_path, settings_dir, lang):
    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, lang)
    dialog = open_import(qtbot, win, controller)
    paste(qtbot, dialog, FOOTNOTED)
    describe(qtbot, dialog)
    pick(dialog.kind, "column")
    assert dialog.problem_list.count() == 0
    assert dialog.chart_view.spec.categories == ("2023", "2024")
    assert dialog.save_button.isEnabled(), dialog.missing_label.text()


def test_a_share_chart_over_100_percent_is_listed_and_not_saved(qtbot, tmp_path, settings_dir, lang):
    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, lang)
    dialog = open_import(qtbot, win, controller)
    paste(qtbot, dialog, SHARES)
    describe(qtbot, dialog)
    pick(dialog.unit, "pct")
    pick(dialog.kind, "share")
    listed = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert len(listed) == 1, listed
    assert ("1,234% is more than 100%" if lang == "en" else "1,234% es más de 100%") in listed[0]
    assert not dialog.save_button.isEnabled()
    pick(dialog.kind, "column")  # the same figures as columns in pct: nothing to refuse
    assert dialog.problem_list.count() == 0 and dialog.save_button.isEnabled()


YEARS = range(2019, 2025)
LONG = "Year\tCountry\tValue\r\n" + "".join(f"{y}\tMexico\t{y - 2009}\r\n{y}\tCanada\t{y - 1999}\r\n" for y in YEARS)


def test_a_long_table_offers_its_columns_and_reads_by_the_ones_picked(qtbot, tmp_path, settings_dir, lang):
    """One observation per row, as agencies publish: the dialog says so, offers the header's columns and,
    once the category and the value are picked, reads the table by them (the series too when picked)."""
    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, lang)
    dialog = open_import(qtbot, win, controller)
    paste(qtbot, dialog, LONG)
    assert dialog.columns_frame.isVisible()
    assert ("one observation per row" if lang == "en" else "una observación por fila") in dialog.columns_question.text()
    assert [dialog.value_column.itemText(i) for i in range(1, dialog.value_column.count())] == ["Year", "Country", "Value"]
    assert not dialog.save_button.isEnabled()
    pick(dialog.category_column, "Year")
    pick(dialog.series_column, "Country")
    pick(dialog.value_column, "Value")
    assert dialog.table is not None and dialog.table.problems == []
    assert dialog.table.categories == [str(y) for y in YEARS] and dialog.table.series == ["Mexico", "Canada"]
    assert dialog.table.cells[0] == [10.0, 20.0] and dialog.table.cells[-1] == [15.0, 25.0]
    describe(qtbot, dialog)
    pick(dialog.kind, "column")
    assert dialog.chart_view.spec.categories == tuple(str(y) for y in YEARS)
    assert dialog.save_button.isEnabled(), dialog.missing_label.text()
    # a new paste starts afresh: the columns are asked again
    paste(qtbot, dialog, LONG)
    assert dialog.columns_frame.isVisible() and dialog.category_column.currentData() is None


def test_a_pipe_chosen_as_the_csv_is_refused_at_once_not_read(qtbot, tmp_path, settings_dir, lang):
    """A FIFO (or a link to /dev/zero) picked in the file dialog would block the window forever if read:
    it is refused with a word, the dialog stays usable (issue 27)."""
    import os

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, lang)
    dialog = open_import(qtbot, win, controller)
    fifo = tmp_path / "table.csv"
    os.mkfifo(fifo)
    dialog.ask_path = lambda *_a: fifo
    QTest.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)  # returns: nothing waits on the pipe
    assert dialog.table is None and dialog.empty_label.isVisible()
    assert "table.csv" in dialog.empty_label.text()
    paste(qtbot, dialog, LONG)  # still usable
    assert dialog.columns_frame.isVisible()
