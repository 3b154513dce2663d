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
