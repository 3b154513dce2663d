"""Library folders cannot hang the app (issue 27, item 6): every data file the app reads is an ordinary
file under a size cap, checked with ``stat`` before it is opened, and the refusal names the file.

Each special file (a FIFO, a link to a zero device, a 2 GB sparse file, a dangling link, a socket) is put in
each place a library holds files (facts/, sources/, charts/, datasets/*.toml and the rows' *.csv) and given
to every reader: the loader the window and ``catalog`` use (``load_library_with_problems``), and ``data
check`` (the command, in-process, with its rules that read the files again). A hang guard turns a hang into
a failure (a FIFO blocked ``open`` forever; a /dev/zero link grew memory until the system killed the
process; a 2 GB sparse file was read whole for 26 s). The counts go to the run's closing tally.
"""

from __future__ import annotations

import io
import os
import stat
from contextlib import redirect_stdout
from pathlib import Path

import pytest
import specials
import tally

from nap_desktop.core.catalog.files import DATA_FILE_MAX, FileRefused, read_regular
from nap_desktop.core.catalog.library import load_library_with_problems
from nap_desktop.core.catalog.library_files import init_library

GOOD_DATASET = '''[dataset]
id = "user.x"
title_en = "X"
title_es = "X"
unit = "usd_mn"
source = "nap-2026"
status = "report"
'''


def _zero_device(folder: Path) -> Path | None:
    """A private character device with /dev/zero's numbers (made only as root; never the real one)."""
    path = folder / "zero-device"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 5))
    except (AttributeError, OSError):
        return None
    return path


def _make(kind: str, folder: Path, name: str, spare: Path) -> Path | None:
    if kind == "fifo":
        return specials.fifo(folder, name)
    if kind == "link to a zero device":
        return specials.link_to(folder, name, _zero_device(spare))
    if kind == "2 GB sparse file":
        return specials.sparse(folder, name, 2 * 1024 ** 3)
    if kind == "dangling link":
        return specials.link_to(folder, name, spare / "gone" / "x.toml")
    if kind == "socket":
        return specials.sock(folder, name)
    raise AssertionError(kind)


KINDS = ("fifo", "link to a zero device", "2 GB sparse file", "dangling link", "socket")
PLACES = ("facts/user.toml", "sources/user.toml", "charts/user.toml", "datasets/x.toml", "datasets/x.csv")
#: the words the refusal must say, by kind
WORDS = {"fifo": "pipe (FIFO)", "link to a zero device": "a device", "2 GB sparse file": "too large",
         "dangling link": "does not exist", "socket": "socket"}


def _library(tmp_path: Path, kind: str, place: str) -> tuple[Path, Path]:
    lib = init_library(tmp_path / "lib")
    spare = tmp_path / "spare"
    spare.mkdir()
    folder, name = (lib / place).parent, (lib / place).name
    if place == "datasets/x.csv":
        (folder / "x.toml").write_text(GOOD_DATASET, encoding="utf-8")
    made = _make(kind, folder, name, spare)
    if made is None:
        pytest.skip(f"this platform cannot make a {kind} here")
    return lib, made


def _readers(lib: Path):
    from nap_desktop.cli import main

    def window_loader():
        from nap_desktop.core.catalog import messages

        problems = load_library_with_problems(lib)[1]
        for problem in problems:  # the window shows them in Spanish too
            spanish = messages.render(problem, "es")
            assert "sin traducir" not in spanish and "not an ordinary" not in spanish, spanish
        return [str(p) for p in problems]

    def data_check():
        out = io.StringIO()
        with redirect_stdout(out):
            code = main(["data", "check", str(lib)])
        return [line for line in out.getvalue().splitlines()] + [f"exit {code}"]

    return {"the window's loader and catalog": window_loader, "data check": data_check}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_library_reader_refuses_a_special_file_naming_it(tmp_path, kind, place):
    lib, made = _library(tmp_path, kind, place)
    for reader, fn in _readers(lib).items():
        outcome, lines = specials.run_with_timeout(fn, 8.0)
        if outcome != "ok":
            tally.case("library files", "hangs" if outcome == "hung" else "tracebacks")
            raise AssertionError(f"{reader} with a {kind} at {place}: {outcome} {lines!r}")
        said = [line for line in lines if place in line]
        assert said, f"{reader}: nothing names {place}: {lines[:5]}"
        assert any(WORDS[kind] in line for line in said), f"{reader}: {said}"
        assert not any("missing" in line and kind != "dangling link" for line in said), said
        if reader == "data check":
            assert lines[-1] == "exit 1"
        tally.case("library files", "clean refusals")
    if kind != "dangling link":
        assert os.path.lexists(made) and not stat.S_ISREG(os.lstat(made).st_mode) or kind == "2 GB sparse file"


def test_read_regular_checks_the_size_before_reading_and_stops_at_the_cap(tmp_path, monkeypatch):
    big = specials.sparse(tmp_path, "big.toml", 2 * 1024 ** 3)
    reads = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(FileRefused) as caught:
        read_regular(big)
    assert caught.value.kind == "too_large" and "2.0 GB" in str(caught.value) and not reads
    small = tmp_path / "small.toml"
    small.write_bytes(b"x" * 100)
    assert read_regular(small, limit=100) == b"x" * 100
    with pytest.raises(FileRefused):
        read_regular(small, limit=99)
    assert DATA_FILE_MAX >= 32 * 1024 * 1024  # a 100,000-row table (about 6 MB) is far under it


def test_a_library_saved_with_a_utf8_bom_reads(tmp_path):
    """Windows Notepad saves UTF-8 with a byte-order mark: tomllib said "Invalid statement at line 1"."""
    lib = init_library(tmp_path / "lib")
    (lib / "sources" / "user.toml").write_bytes(
        "\ufeff[[source]]\nid = \"user.s\"\npublisher = \"Census\"\ntitle = \"T\"\nstatus = \"official\"\n"
        "url = \"https://www.census.gov/\"\n".encode("utf-8"))
    catalog, problems = load_library_with_problems(lib)
    assert not [p for p in problems if "Invalid statement" in str(p)], problems
    assert "user.s" in catalog.sources


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_table_to_import_that_is_a_special_file_is_refused_naming_it(tmp_path, kind, suffix):
    """The import (window and ``nap-desktop import``) reads tables through the same guarded reader."""
    from nap_desktop.core.catalog.tables import TableError, parse_csv, sheet_names

    spare = tmp_path / "spare"
    spare.mkdir()
    made = _make(kind, tmp_path, f"table{suffix}", spare)
    if made is None:
        pytest.skip(f"this platform cannot make a {kind} here")
    fn = (lambda: parse_csv(made)) if suffix == ".csv" else (lambda: sheet_names(made))
    outcome, value = specials.run_with_timeout(fn, 8.0)
    if outcome == "hung":
        tally.case("table files", "hangs")
    assert outcome == "raised" and isinstance(value, TableError), (outcome, value)
    assert made.name in str(value) and (WORDS[kind] in str(value) or kind == "dangling link"), str(value)
    tally.case("table files", "clean refusals")
