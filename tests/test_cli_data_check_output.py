"""`nap-desktop data check` output: a closed pipe ends quietly; a folder missing its catalog.toml says so once."""

from __future__ import annotations

import shutil
import subprocess
import sys

from nap_desktop.cli import main
from nap_desktop.paths import data_dir


def _unmarked_copy(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    (folder / "catalog.toml").unlink()
    return folder


def test_a_data_folder_without_catalog_toml_is_one_line_not_hundreds(tmp_path, capsys):
    folder = _unmarked_copy(tmp_path)
    assert main(["data", "check", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2, lines[:5]
    assert lines[0].startswith("catalog.toml: missing: ") and "library.toml" in lines[0]


def test_data_check_piped_to_head_ends_without_a_traceback(tmp_path):
    folder = _unmarked_copy(tmp_path)
    (folder / "library.toml").write_text('format = "nap-library"\nversion = 1\n', encoding="utf-8")
    for i in range(20):  # thousands of "must start with 'user.'" lines: more than a pipe buffer holds
        shutil.copy(folder / "facts" / "usmca.toml", folder / "facts" / f"copy{i}.toml")
    proc = subprocess.Popen([sys.executable, "-m", "nap_desktop", "data", "check", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()  # what `| head -1` reads, then it goes away
    proc.stdout.close()
    with proc.stderr:
        err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert b"must start with 'user.'" in first
    assert "Traceback" not in err and "BrokenPipe" not in err, err[-500:]
