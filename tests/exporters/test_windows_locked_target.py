"""Exporting over a file that is open in PowerPoint or Excel, simulated: on Windows the rename over a file
another program holds open fails with a permission error (a sharing violation) while the file and its
folder are writable. Every writer goes through exporters/files.write_atomically, so each export must say
which file is open, keep the new export under a free name beside it ("deck (2).pptx") and leave the old
file as it was."""

from __future__ import annotations

import os
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from fixture_catalog import make_catalog, pack_basic

from nap_desktop.exporters import REGISTRY, ExportError, write_atomically
from nap_desktop.core.pack.packfile import TargetLockedError, atomic_write_bytes

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def locked(monkeypatch):
    """Files in this set are 'open in another program': os.replace onto them fails as on Windows."""
    held: set[Path] = set()
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if Path(dst).resolve() in held:
            raise PermissionError(13, "The process cannot access the file because it is being used by "
                                      "another process", str(dst))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)

    def hold(path: Path) -> Path:
        held.add(Path(path).resolve())
        return path

    return hold


@pytest.mark.parametrize("name", ["pptx", "xlsx", "pdf", "bundle"])
def test_every_export_over_an_open_file_is_kept_under_a_free_name(tmp_path, locked, name):
    exporter = REGISTRY[name]
    catalog, pack = make_catalog(), pack_basic()
    dest = tmp_path / f"deck{exporter.extension}"
    exporter.function(pack, catalog, dest, lang="en", now=NOW)
    before = dest.read_bytes()
    locked(dest)
    with pytest.raises(ExportError) as caught:
        exporter.function(pack, catalog, dest, lang="es", now=NOW)
    kept = tmp_path / f"deck (2){exporter.extension}"
    message = str(caught.value)
    assert str(dest) in message and "probably open in another program" in message and str(kept) in message
    assert "Nothing was lost" in message and caught.value.kept == kept
    assert dest.read_bytes() == before  # the open file is untouched
    assert kept.is_file() and kept.read_bytes() != before  # the Spanish export, whole
    if name in ("pptx", "xlsx", "bundle"):
        with zipfile.ZipFile(kept) as zf:
            assert zf.testzip() is None
    else:
        assert kept.read_bytes().startswith(b"%PDF") and kept.read_bytes().rstrip().endswith(b"%%EOF")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~nap-")]  # no temp file left behind


def test_the_next_free_name_is_taken_and_nothing_is_overwritten(tmp_path, locked):
    dest = tmp_path / "deck.pptx"
    dest.write_bytes(b"open in PowerPoint")
    (tmp_path / "deck (2).pptx").write_bytes(b"an earlier copy")
    locked(dest)
    with pytest.raises(ExportError) as caught:
        write_atomically(dest, b"new")
    assert caught.value.kept == tmp_path / "deck (3).pptx"
    assert (tmp_path / "deck (2).pptx").read_bytes() == b"an earlier copy"
    assert (tmp_path / "deck (3).pptx").read_bytes() == b"new" and dest.read_bytes() == b"open in PowerPoint"


def test_without_hard_links_the_copy_is_renamed(tmp_path, locked, monkeypatch):
    """FAT drives and some network shares have no hard links: the kept copy is renamed instead."""
    def no_links(*_a, **_k):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    dest = locked(tmp_path / "book.xlsx")
    dest.write_bytes(b"open in Excel")
    with pytest.raises(ExportError) as caught:
        write_atomically(dest, b"new")
    assert caught.value.kept.read_bytes() == b"new" and caught.value.kept.name == "book (2).xlsx"


def test_data_files_are_never_copied_beside_themselves(tmp_path, locked):
    """A library's fact file held open (an editor) is an error, never a second fact beside it."""
    fact = tmp_path / "facts" / "user.fact.toml"
    fact.parent.mkdir()
    fact.write_text("old")
    locked(fact)
    with pytest.raises(TargetLockedError) as caught:
        atomic_write_bytes(fact, b"new")
    assert caught.value.kept is None and "user.fact.toml is open in another program" in str(caught.value)
    assert sorted(p.name for p in fact.parent.iterdir()) == ["user.fact.toml"] and fact.read_text() == "old"


def test_a_read_only_file_is_still_reported_as_read_only(tmp_path, monkeypatch):
    """A refused replace on a file that may not be written is a permission problem, not a lock."""
    import nap_desktop.core.pack.packfile as packfile

    dest = tmp_path / "deck.pptx"
    dest.write_bytes(b"old")
    monkeypatch.setattr(packfile, "_looks_locked", lambda target: False)
    monkeypatch.setattr(os, "replace", lambda *a, **k: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    with pytest.raises(ExportError) as caught:
        write_atomically(dest, b"new")
    assert "permission denied" in str(caught.value) and caught.value.kept is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx"]
