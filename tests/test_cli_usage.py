"""Wrong usages of the command line, run as a user runs them: the installed `nap-desktop` script in a
subprocess, with a fresh home (so the app's data folder is a temporary one) and no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FACT_TOML = '''
[[source]]
id = "fred-manemp"
publisher = "U.S. Bureau of Labor Statistics (CES), via FRED, Federal Reserve Bank of St. Louis"
title = "All Employees, Manufacturing (MANEMP), thousands, seasonally adjusted"
url = "https://fred.stlouisfed.org/series/MANEMP"
date = "2026-03-08"
status = "secondary"

[[fact]]
id = "manemp-dec-2025-{n}"
section = "usmca"
topic = "jobs"
countries = ["US"]
value = 12580
unit = "count_th"
period = "2025-12"
title_en = "Factory jobs fell to 12,580 thousand ({n})"
text_en = "U.S. manufacturing employed 12,580 thousand people in December 2025."
text_es = "La manufactura de EE. UU. empleaba a 12,580 mil personas en diciembre de 2025."
sources = ["fred-manemp"]
'''


def _script() -> Path:
    return Path(sys.executable).with_name("nap-desktop")


@pytest.fixture
def home(tmp_path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    return home


def run(home: Path, *args: str, display: bool = False, stdin: str | None = None, shell: str | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("NAP_LIBRARY", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_DATA_HOME",
                        "XDG_CONFIG_HOME")}
    env["HOME"] = str(home)
    if display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    if shell is not None:
        return subprocess.run(shell.replace("NAP", str(_script())), shell=True, capture_output=True, text=True,
                              env=env, timeout=240, cwd=cwd or home, executable="/bin/bash")
    return subprocess.run([str(_script()), *args], capture_output=True, text=True, env=env, timeout=240,
                          input=stdin, cwd=cwd or home)


def _app_library(home: Path) -> Path:
    return home / ".local" / "share" / "NAP Briefing" / "NAP Briefing" / "library"


def _add_facts(home: Path, library: Path | None, n: int) -> None:
    for i in range(n):
        f = home / f"fact{i}.toml"
        f.write_text(FACT_TOML.replace("{n}", str(i)), encoding="utf-8")
        extra = ["--library", str(library)] if library else []
        proc = run(home, "library", "add-fact", str(f), *extra)
        assert proc.returncode == 0, proc.stderr


def test_top_level_library_is_used_by_every_sub_command(home, tmp_path):
    lib = tmp_path / "lib"
    _add_facts(home, lib, 1)
    listed = run(home, "--library", str(lib), "library", "list")
    assert listed.returncode == 0, listed.stderr
    assert "user.manemp-dec-2025-0" in listed.stdout
    catalog = run(home, "--library", str(lib), "catalog", "--json")
    assert catalog.returncode == 0
    assert '"user.manemp-dec-2025-0"' in catalog.stdout
    deck = tmp_path / "d.pptx"
    exported = run(home, "--library", str(lib), "export", "--ids", "user.manemp-dec-2025-0", "--pptx", str(deck))
    assert exported.returncode == 0, exported.stderr
    assert deck.is_file()


def test_library_without_an_option_is_the_apps_data_folder(home):
    _add_facts(home, None, 1)
    assert (_app_library(home) / "facts").is_dir()  # where the window looks for it
    listed = run(home, "library", "list")
    assert listed.returncode == 0, listed.stderr
    assert "user.manemp-dec-2025-0" in listed.stdout
    assert '"user.manemp-dec-2025-0"' in run(home, "catalog", "--json").stdout


def test_a_library_that_does_not_exist_is_refused(home):
    for args in (["catalog", "--json", "--library", "/typo"], ["--library", "/typo", "catalog", "--json"],
                 ["library", "list", "--library", "/typo"], ["export", "--all", "--xlsx", "x.xlsx", "--library", "/typo"]):
        proc = run(home, *args)
        assert proc.returncode == 2, args
        assert "/typo: the library folder does not exist" in proc.stderr
        assert proc.stdout == ""
    assert not (home / "x.xlsx").exists()


def test_a_reader_that_goes_away_ends_no_command_with_a_traceback(home):
    _add_facts(home, None, 3)
    # `| true` has gone before the command writes its first line; `| head -2` after a few of many lines
    for command in ("NAP library list | true", "NAP catalog --json | head -2", "NAP data check | true",
                    "NAP brief --list | head -1", "NAP catalog --json --lang es | true"):
        proc = run(home, shell=command + "; echo \"status ${PIPESTATUS[0]}\"")
        assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr, (command, proc.stderr)
        assert proc.stdout.rstrip().rsplit("\n", 1)[-1] in ("status 0", "status 141"), (command, proc.stdout)
        if "head" in command:
            assert proc.stdout.count("\n") == int(command.rsplit(" ", 1)[1].lstrip("-")) + 1, command


def test_export_into_a_missing_folder_is_refused_and_no_folder_made(home):
    for option, name in (("--pptx", "x.pptx"), ("--xlsx", "x.xlsx"), ("--pdf", "x.pdf"), ("--bundle", "x.zip")):
        proc = run(home, "export", "--all", option, f"/no/such/dir/{name}")
        assert proc.returncode == 2
        assert "the folder /no/such/dir does not exist" in proc.stderr
    proc = run(home, "pack", "new", str(home / "nosuch" / "p.napbrief"), "--ids", "x")
    assert proc.returncode != 0
    assert not Path("/no/such").exists() and not (home / "nosuch").exists()


def test_a_file_that_is_not_a_pack_is_said_so_before_any_window(home):
    proc = run(home, "/etc/passwd", display=True)
    assert proc.returncode == 2
    assert "/etc/passwd: not a NAP Briefing pack" in proc.stderr
    folder = run(home, str(home), display=True)
    assert folder.returncode == 2 and "a folder, not a pack file" in folder.stderr


def test_data_check_of_a_missing_folder(home):
    proc = run(home, "data", "check", "/no/such/dir")
    assert proc.returncode == 1
    assert "/no/such/dir: the folder does not exist" in proc.stdout
    assert "catalog.toml" not in proc.stdout + proc.stderr
    notdir = run(home, "data", "check", "/etc/passwd")
    assert notdir.returncode == 1 and "a file, not a folder" in notdir.stdout


@pytest.mark.parametrize("args, says", [
    (["export", "--all", "--xlsx", "x.xlsx", "--paper", "a4"], "--paper applies to the handout"),
    (["export", "--all", "--xlsx", "x.xlsx", "--talking-points"], "--talking-points applies to the handout"),
    (["export", "--all", "--xlsx", "x.xlsx", "--chart", "x"], "--chart names the chart to draw"),
])
def test_options_that_would_be_ignored_are_refused(home, args, says):
    proc = run(home, *args)
    assert proc.returncode == 2
    assert says in proc.stderr
    assert not (home / "x.xlsx").exists()


def test_without_a_display_the_window_says_how_to_run(home):
    proc = run(home)
    assert proc.returncode == 2
    assert "no display" in proc.stderr
    assert "nap-desktop screenshot out.png" in proc.stderr
    assert "could not connect to display" not in proc.stderr and "Aborted" not in proc.stderr
    # the command line needs none; the self-test runs offscreen
    assert run(home, "catalog", "--json").returncode == 0
    assert run(home, "--smoke-test").returncode == 0


def test_a_display_that_is_not_running_is_said_so(home):
    if not Path("/tmp/.X11-unix").is_dir():
        Path("/tmp/.X11-unix").mkdir(mode=0o1777)
    env_display = ":87"
    assert not Path(f"/tmp/.X11-unix/X87").exists()
    proc = subprocess.run([str(_script())], capture_output=True, text=True, timeout=120, cwd=home, env={
        **{k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")},
        "HOME": str(home), "DISPLAY": env_display})
    assert proc.returncode == 2
    assert "the display :87 is not running" in proc.stderr
    assert "could not connect to display" not in proc.stderr


@pytest.mark.parametrize("args, says", [
    (["export", "--all", "--pdf", "x.txt"], "--pdf x.txt: the file name must end with .pdf"),
    (["export", "--all", "--bundle", "x.pptx"], "--bundle x.pptx: the file name must end with .zip"),
    (["brief", "--list", "--pptx", "x.pptx"], "--list only lists the states; --pptx need a state"),
    (["export", "--all", "--xlsx", "x.xlsx", "--library", "/etc/passwd"], "--library /etc/passwd: not a folder"),
    (["export", "--all", "--xlsx", "x.xlsx", "--xlsx", "y.xlsx"], "--xlsx is given 2 times (x.xlsx, y.xlsx): give it once"),
    (["--library", ".", "data", "check"], "--library does not apply to data: give the library folder to check"),
    (["--library", "/no/such/lib", "screenshot", "x.png"], "--library /no/such/lib: the library folder does not exist"),
])
def test_outputs_of_the_wrong_kind_or_never_written_are_refused(home, args, says):
    proc = run(home, *args)
    assert proc.returncode == 2
    assert says in proc.stderr
    assert not list(home.glob("x.*"))


def test_a_non_utf8_argument_is_an_error_not_a_traceback(home):
    proc = subprocess.run([str(_script()).encode(), b"\xff\xfe.napbrief"], capture_output=True, env={
        **{k: v for k, v in os.environ.items() if k != "DISPLAY"}, "HOME": str(home)}, timeout=120)
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr and b"no such pack file" in proc.stderr
