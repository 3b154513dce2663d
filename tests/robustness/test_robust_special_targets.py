"""Every writer refuses a target that exists and is not an ordinary file (a pipe, a device such as a link to
/dev/null, a socket, or a link to one), with a clear message, before anything is written, and never creates
a folder; the special file is left exactly as it was. A dangling link, a missing folder and a read-only
folder are each named for what they are."""

from __future__ import annotations

import os
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from fixture_catalog import make_catalog, pack_basic
import tally
from specials import run_with_timeout, special_targets, still_special

from nap_desktop.core.pack.packfile import NotAFileError, Pack, save_pack
from nap_desktop.exporters import ExportError

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX special files")
NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)
CAT = make_catalog()


def _chart():
    return next(iter(CAT.charts.values()))


def _png(dest: Path) -> None:
    pytest.importorskip("PySide6")
    from nap_desktop.ui.export.chart_image import export_png

    export_png(_chart(), CAT, dest, lang="en")


def _writers():
    from nap_desktop.exporters.bundle import export_bundle
    from nap_desktop.exporters.handout_pdf import export_pdf
    from nap_desktop.exporters.pptx_exporter import export_pptx
    from nap_desktop.exporters.svg_chart import export_svg
    from nap_desktop.exporters.xlsx_exporter import export_xlsx

    return {
        "pack.napbrief": lambda d: save_pack(pack_basic(), d),
        "deck.pptx": lambda d: export_pptx(pack_basic(), CAT, d, lang="en", now=NOW),
        "book.xlsx": lambda d: export_xlsx(pack_basic(), CAT, d, lang="en", now=NOW),
        "handout.pdf": lambda d: export_pdf(pack_basic(), CAT, d, lang="en", now=NOW),
        "bundle.zip": lambda d: export_bundle(pack_basic(), CAT, d, lang="en", now=NOW),
        "chart.svg": lambda d: export_svg(_chart(), CAT, d, lang="en"),
        "chart.png": _png,
    }


WRITERS = sorted(_writers())
#: what the closing note quotes: special targets tried, refused cleanly, replaced (must stay 0)
COUNTS = {"special targets tried": 0, "refused cleanly": 0, "special files replaced": 0, "hangs": 0}


@pytest.mark.parametrize("name", WRITERS)
def test_every_writer_refuses_every_special_target_and_leaves_it_alone(tmp_path, name):
    write = _writers()[name]
    targets = special_targets(tmp_path, name)
    assert "fifo" in targets and "link to a fifo" in targets
    for kind, target in targets.items():
        COUNTS["special targets tried"] += 1
        outcome, exc = run_with_timeout(lambda: write(target), 20)
        if outcome == "hung":
            COUNTS["hangs"] += 1
            tally.case("special targets (writers)", "hangs")
            pytest.fail(f"{name} -> {kind}: the writer hung")
        if not still_special(target):
            COUNTS["special files replaced"] += 1
            tally.case("special targets (writers)", "special files replaced")
        assert still_special(target), f"{name} -> {kind}: the special file was replaced by a regular file"
        assert outcome == "raised", f"{name} -> {kind}: written without a word"
        assert isinstance(exc, (ExportError, NotAFileError)), f"{name} -> {kind}: {type(exc).__name__}: {exc}"
        text = str(exc) if isinstance(exc, ExportError) else exc.strerror
        assert "not a file" in text and "nothing was written" in text, text
        COUNTS["refused cleanly"] += 1
        tally.case("special targets (writers)", "clean refusals")
    # nothing left behind: no temp file beside the targets
    assert not [p for p in tmp_path.rglob(".~nap-*")]


def test_special_target_counts(capsys):
    """Printed for the closing note (run after the writers above; pytest keeps file order)."""
    with capsys.disabled():
        print("\nspecial targets: " + ", ".join(f"{k} {v}" for k, v in COUNTS.items()))
    assert COUNTS["special files replaced"] == 0 and COUNTS["hangs"] == 0


def test_the_cli_refuses_a_link_to_a_device_or_pipe_before_any_work(tmp_path, capsys):
    from nap_desktop.cli import main

    targets = special_targets(tmp_path, "deck.pptx")
    for kind, target in targets.items():
        with pytest.raises(SystemExit) as info:
            main(["export", "--all", "--pptx", str(target)])
        assert info.value.code == 2, kind
        err = capsys.readouterr().err
        assert "not a file" in err and str(target) in err, (kind, err)
        assert still_special(target)
    pack_targets = special_targets(tmp_path / "p", "p.napbrief")
    for kind, target in pack_targets.items():
        assert main(["pack", "new", str(target), "--ids", "usmca-trade-trilateral-20y"]) == 2, kind
        assert "not a file" in capsys.readouterr().err and still_special(target)


def test_no_writer_creates_a_missing_folder(tmp_path):
    for name, write in _writers().items():
        dest = tmp_path / "missing" / "deeper" / name
        outcome, exc = run_with_timeout(lambda: write(dest), 30)
        assert outcome == "raised", name
        text = str(exc) if isinstance(exc, ExportError) else exc.strerror
        assert f"the folder {dest.parent} does not exist" in text, (name, text)
        assert not (tmp_path / "missing").exists(), name


def test_a_dangling_link_into_a_missing_folder_says_so(tmp_path):
    from nap_desktop.exporters.xlsx_exporter import export_xlsx

    link = tmp_path / "book.xlsx"
    link.symlink_to(tmp_path / "gone" / "book.xlsx")
    with pytest.raises(ExportError) as info:
        export_xlsx(pack_basic(), CAT, link, lang="en", now=NOW)
    text = str(info.value)
    assert "it is a link to" in text and f"the folder {tmp_path / 'gone'}" in text and "does not exist" in text
    assert not (tmp_path / "gone").exists()


def test_a_read_only_disk_is_named_as_such(tmp_path, monkeypatch):
    import errno

    from nap_desktop.exporters import write_atomically

    def refuse(*_a, **_k):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path))

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ExportError) as info:
        write_atomically(tmp_path / "a.pdf", b"x")
    monkeypatch.undo()
    assert "read-only" in str(info.value) and "does not exist" not in str(info.value)
    with pytest.raises(OSError) as raw:
        monkeypatch.setattr(os, "open", refuse)
        save_pack(Pack(title="t"), tmp_path / "p.napbrief")
    monkeypatch.undo()
    assert "read-only" in raw.value.strerror  # what the window shows (it prints strerror)


def test_the_cli_removes_what_a_killed_export_left(tmp_path, capsys):
    from nap_desktop.cli import main

    stale = tmp_path / ".~nap-deck.pptx-0badf00d.tmp"
    fresh = tmp_path / ".~nap-deck.pptx-1badf00d.tmp"
    stale.write_bytes(b"half a deck")
    fresh.write_bytes(b"another export, running now")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    assert main(["export", "--ids", "usmca-trade-trilateral-20y", "--xlsx", str(tmp_path / "b.xlsx")]) == 0
    assert not stale.exists() and fresh.exists()


def test_stale_bundle_work_folders_are_removed(tmp_path, monkeypatch):
    import tempfile

    from nap_desktop.exporters import bundle

    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    left = tmp_path / "nap-bundle-abc123"
    left.mkdir()
    (left / "deck.pptx").write_bytes(b"x")
    recent = tmp_path / "nap-bundle-now"
    recent.mkdir()
    other = tmp_path / "someone-elses"
    other.mkdir()
    old = time.time() - 7200
    for p in (left, other):
        os.utime(p, (old, old))
    assert bundle.remove_stale_work_folders() == [left]
    assert recent.exists() and other.exists()
