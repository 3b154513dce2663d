"""Saves and exports keep an existing file's mode, give new files the umask's mode, write through symlinks,
and leave recognisable temp files that the next start can clean up."""

from __future__ import annotations

import os
import stat
import time
from datetime import datetime, timezone

import pytest
from fixture_catalog import make_catalog, pack_basic

from nap_desktop.core.pack.packfile import Pack, load_pack, remove_stale_temps, save_pack
from nap_desktop.exporters.pptx_exporter import export_pptx
from nap_desktop.exporters.xlsx_exporter import export_xlsx

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits and symlinks")
NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask():
    old = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(old)


def _writers(tmp_path):
    cat = make_catalog()
    return {
        "pack": lambda dest: save_pack(pack_basic(), dest),
        "pptx": lambda dest: export_pptx(pack_basic(), cat, dest, lang="en", now=NOW),
        "xlsx": lambda dest: export_xlsx(pack_basic(), cat, dest, lang="en", now=NOW),
    }


@pytest.mark.parametrize("kind", ["pack", "pptx", "xlsx"])
@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_files_get_the_umask_mode(tmp_path, umask, kind, mask, expected):
    umask(mask)
    dest = tmp_path / f"new.{kind}"
    _writers(tmp_path)[kind](dest)
    assert _mode(dest) == expected


@pytest.mark.parametrize("kind", ["pack", "pptx", "xlsx"])
def test_an_existing_file_keeps_its_mode(tmp_path, umask, kind):
    umask(0o077)  # a strict umask must not tighten a shared file
    dest = tmp_path / f"shared.{kind}"
    dest.write_bytes(b"old")
    os.chmod(dest, 0o664)
    _writers(tmp_path)[kind](dest)
    assert _mode(dest) == 0o664 and dest.read_bytes() != b"old"


@pytest.mark.parametrize("kind", ["pack", "pptx", "xlsx"])
def test_saving_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path, umask, kind):
    real_dir = tmp_path / "shared-drive"
    real_dir.mkdir()
    target = real_dir / f"real.{kind}"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    link = tmp_path / f"link.{kind}"
    link.symlink_to(target)
    _writers(tmp_path)[kind](link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() != b"old" and _mode(target) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~nap-")]  # temp was beside the target
    if kind == "pack":
        assert load_pack(link).title == pack_basic().title


def test_a_relative_symlink_chain_is_followed(tmp_path):
    (tmp_path / "a").mkdir()
    target = tmp_path / "a" / "real.napbrief"
    save_pack(Pack(title="first"), target)
    (tmp_path / "mid.napbrief").symlink_to("a/real.napbrief")
    (tmp_path / "top.napbrief").symlink_to("mid.napbrief")
    save_pack(Pack(title="second"), tmp_path / "top.napbrief")
    assert load_pack(target).title == "second"
    assert (tmp_path / "top.napbrief").is_symlink() and (tmp_path / "mid.napbrief").is_symlink()


def test_a_dangling_symlink_creates_its_target(tmp_path, umask):
    umask(0o022)
    link = tmp_path / "new.napbrief"
    link.symlink_to(tmp_path / "made.napbrief")
    save_pack(Pack(title="t"), link)
    assert link.is_symlink() and load_pack(tmp_path / "made.napbrief").title == "t"


def test_a_failed_save_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    dest = tmp_path / "keep.napbrief"
    save_pack(Pack(title="old"), dest)

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        save_pack(Pack(title="new"), dest)
    monkeypatch.undo()
    assert load_pack(dest).title == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.napbrief"]


def test_stale_temps_are_removed_and_nothing_else(tmp_path):
    old_temp = tmp_path / ".~nap-brief.napbrief-1234abcd.tmp"
    fresh_temp = tmp_path / ".~nap-deck.pptx-5678ef00.tmp"
    user_file = tmp_path / "notes.tmp"
    other_hidden = tmp_path / ".~lock.deck.pptx#"
    for p in (old_temp, fresh_temp, user_file, other_hidden):
        p.write_bytes(b"x")
    decoy = tmp_path / ".~nap-link-0000.tmp"
    decoy.symlink_to(user_file)
    an_hour_ago = time.time() - 7200
    for p in (old_temp, user_file, other_hidden):
        os.utime(p, (an_hour_ago, an_hour_ago))
    os.utime(decoy, (an_hour_ago, an_hour_ago), follow_symlinks=False)
    removed = remove_stale_temps(tmp_path, older_than_s=3600)
    assert removed == [old_temp]
    assert not old_temp.exists()
    assert fresh_temp.exists() and user_file.exists() and other_hidden.exists() and decoy.is_symlink()
    assert remove_stale_temps(tmp_path / "missing", 0) == []


def test_a_killed_save_leaves_a_temp_the_cleanup_recognises(tmp_path, monkeypatch):
    dest = tmp_path / "p.napbrief"
    monkeypatch.setattr(os, "replace", lambda s, d: (_ for _ in ()).throw(KeyboardInterrupt()))
    monkeypatch.setattr(os, "unlink", lambda p: None)  # killed before it could clean up
    with pytest.raises(KeyboardInterrupt):
        save_pack(Pack(title="t"), dest)
    monkeypatch.undo()
    left = [p for p in tmp_path.iterdir()]
    assert len(left) == 1 and left[0].name.startswith(".~nap-p.napbrief-") and left[0].suffix == ".tmp"
    assert remove_stale_temps(tmp_path, older_than_s=-1) == left


def test_a_killed_command_line_export_leaves_a_temp_the_next_run_removes_at_once(tmp_path):
    """A command-line export killed while writing (SIGKILL: no cleanup runs) leaves its temp beside the target;
    the temp names its writer's process, so the next run removes it at once, not an hour later. A temp of a
    process still running (another export in progress) is kept."""
    import signal
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        from nap_desktop.core.pack import packfile
        real_replace = os.replace
        def stop(src, dst):  # the temp is written in full; killed before the rename
            print("written", flush=True)
            import time
            time.sleep(60)
        os.replace = stop
        packfile.save_pack(packfile.Pack(title="t"), Path({str(tmp_path / 'p.napbrief')!r}))
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "written"
    temps = [p for p in tmp_path.iterdir() if p.name.startswith(".~nap-")]
    assert len(temps) == 1 and f"-{child.pid}-" in temps[0].name
    assert remove_stale_temps(tmp_path) == []  # its writer still runs: kept
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    assert remove_stale_temps(tmp_path) == temps  # fresh, but its writer is gone
    assert not any(tmp_path.iterdir())
