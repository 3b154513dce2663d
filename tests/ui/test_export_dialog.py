"""Export dialog: formats from the registry, background export with progress, clear failure message."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exporters"))
from fixture_catalog import make_catalog, pack_basic  # noqa: E402

from nap_desktop.exporters import REGISTRY, ExportError  # noqa: E402
from nap_desktop.ui.export.export_dialog import ExportDialog  # noqa: E402
from nap_desktop.ui.worker import run_in_background  # noqa: E402


@pytest.fixture
def dialog(qtbot, tmp_path, settings_dir):
    dlg = ExportDialog(pack_basic("es"), make_catalog(), None, settings_dir=settings_dir)
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(tmp_path))
    return dlg


def test_offers_every_registered_format_named_in_the_interface_language(dialog):
    assert set(dialog.format_boxes) == set(REGISTRY)
    assert dialog.lang == "es"  # a Spanish pack in an English window: the dialog's words stay English
    assert dialog.format_boxes["pptx"].text() == REGISTRY["pptx"].label["en"]


def test_exports_in_the_background_and_remembers_the_folder(qtbot, dialog, tmp_path, settings_dir):
    from openpyxl import load_workbook

    dialog.export_button.click()
    assert dialog.task is not None
    with qtbot.waitSignal(dialog.task.finished, timeout=20000):
        pass
    names = sorted(p.name for p in dialog.written)
    stem = "USMCA briefing for House Ways and Means staff"
    assert {f"{stem}-es.pptx", f"{stem}-es.xlsx"} <= set(names)  # the language is in the name
    assert all(name.startswith(f"{stem}-es.") for name in names)
    assert load_workbook(tmp_path / f"{stem}-es.xlsx").sheetnames[0] == "Portada"  # Spanish, as chosen
    assert dialog.progress.value() == dialog.progress.maximum()
    assert (settings_dir / "export.json").read_text(encoding="utf-8").find(str(tmp_path).replace("\\", "\\\\")) >= 0
    assert dialog.export_button.isEnabled()


def test_failure_shows_a_clear_message(qtbot, dialog, monkeypatch):
    shown = []
    monkeypatch.setattr(dialog, "show_error", shown.append)

    def broken(*args, **kwargs):
        raise ExportError("Cannot write /x/deck.pptx: permission denied.")

    monkeypatch.setitem(REGISTRY, "pptx", REGISTRY["pptx"].__class__(".pptx", broken, REGISTRY["pptx"].label))
    dialog.format_boxes["xlsx"].setChecked(False)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert shown == ["Cannot write /x/deck.pptx: permission denied."]
    assert "permission denied" in dialog.status.text()
    assert not dialog.progress.isVisible()


def test_existing_files_are_only_replaced_after_confirmation(qtbot, dialog, tmp_path, monkeypatch):
    stem = "USMCA briefing for House Ways and Means staff"
    (tmp_path / f"{stem}-es.pptx").write_bytes(b"keep me")
    monkeypatch.setattr(dialog, "confirm_overwrite", lambda paths: False)
    dialog.export_button.click()
    assert dialog.task is None
    assert (tmp_path / f"{stem}-es.pptx").read_bytes() == b"keep me"


def test_worker_hands_results_back_on_the_gui_thread(qtbot):
    seen = {}

    def work(report):
        seen["worker"] = threading.current_thread() is threading.main_thread()
        report(1, 2)
        return 42

    def done(result):
        seen["result"] = result
        seen["gui"] = threading.current_thread() is threading.main_thread()

    task = run_in_background(work, on_done=done, on_error=lambda e: seen.setdefault("error", e))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen == {"worker": False, "result": 42, "gui": True}
