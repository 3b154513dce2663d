"""The export dialog suggests names Windows and macOS accept, from any pack title (core/filenames.py, the
same function the command line's checks use), and keeps the whole path under 260 characters."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exporters"))
from fixture_catalog import make_catalog, pack_basic  # noqa: E402

from nap_desktop.core.filenames import MAX_PATH, name_problem  # noqa: E402
from nap_desktop.ui.export.export_dialog import ExportDialog  # noqa: E402


@pytest.mark.parametrize("title", ["CON", "aux.pptx", 'USMCA: "why" <it> matters?/\\|*', "Review. . .",
                                   "é" * 300, "nul"])
def test_suggested_names_are_accepted_on_windows_and_macos(qtbot, tmp_path, settings_dir, title):
    dlg = ExportDialog(replace(pack_basic("en"), title=title), make_catalog(), None, settings_dir=settings_dir)
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(tmp_path))
    for _name, path in dlg.destinations():
        for platform in ("win32", "darwin", "linux"):
            assert name_problem(path.name, platform) is None, (platform, path.name)


def test_a_deep_folder_keeps_the_whole_path_under_260_characters(qtbot, tmp_path, settings_dir):
    deep = tmp_path / ("Delegation meetings 2026 " * 6).strip()
    deep.mkdir()
    dlg = ExportDialog(replace(pack_basic("en"), title="USMCA joint review: what is at stake for the automotive "
                                                        "and agricultural trade of the three countries"),
                       make_catalog(), None, settings_dir=settings_dir)
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(deep))
    for _name, path in dlg.destinations():
        assert len(str(path.absolute())) + len(" (2)") < MAX_PATH, path
        assert path.name.startswith("USMCA joint review") and path.stem.endswith("-en")
