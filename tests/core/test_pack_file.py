"""The .napbrief file: round trip, saved fixtures of every schema version keep loading, bad files fail clearly,
saves are atomic."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nap_desktop.core.pack import packfile as pack_mod
from nap_desktop.core.pack.packfile import Pack, PackFileError, PackItem, load_pack, missing_refs, save_pack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "packs"


def _full_pack() -> Pack:
    return Pack(
        title="Revisión conjunta del T-MEC — “briefing”",
        audience="Secretaría de Economía; USTR",
        meeting_date="2026-07-01",
        lang="es",
        items=(
            PackItem("divider", text="Seguridad alimentaria"),
            PackItem("fact", ref="food-mexico-share-ag-imports", talking_points="32.7% — línea 1\nline 2\t✓"),
            PackItem("chart", ref="tdr-by-partner"),
            PackItem("note", text="Ask about steel 🇲🇽🇺🇸🇨🇦", talking_points="x" * 5000),
        ),
    )


def test_save_then_load_round_trips_exactly(tmp_path):
    original = _full_pack()
    path = tmp_path / "brief.napbrief"
    save_pack(original, path)
    assert load_pack(path) == original  # uids included: the same items, not copies
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "napbrief" and data["version"] == pack_mod.SCHEMA_VERSION
    assert "Revisión" in path.read_text(encoding="utf-8"), "saved as readable UTF-8, not \\u escapes"


def test_v1_fixture_keeps_loading():
    """Hand-written file in schema version 1. Never regenerate it: old packs must open forever."""
    pack = load_pack(FIXTURES / "v1_basic.napbrief")
    assert pack.title == "USMCA 2026 joint review — briefing for Commerce"
    assert pack.audience == "Subsecretaría de Comercio Exterior / U.S. Department of Commerce"
    assert pack.meeting_date == "2026-07-01" and pack.lang == "es"
    assert [(i.kind, i.ref) for i in pack.items] == [
        ("divider", ""), ("fact", "usmca-trade-trilateral-growth"), ("chart", "tdr-by-partner"), ("note", "")]
    assert pack.items[0].text == "Comercio trilateral: ¿cómo vamos?"
    points = pack.items[1].talking_points
    assert len(points) > 500 and points.count("\n") == 3
    assert "«1.6 billones»" in points and "(imports − exports) / exports" in pack.items[2].talking_points
    assert [i.uid for i in pack.items] == ["div000000001", "fact00000001", "chart0000001", "note00000001"]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.napbrief")))
def test_every_fixture_loads_and_survives_a_resave(name, tmp_path):
    pack = load_pack(FIXTURES / name)
    save_pack(pack, tmp_path / name)
    assert load_pack(tmp_path / name) == pack


def _write(tmp_path: Path, content: bytes | str, name: str = "bad.napbrief") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


GOOD = json.dumps(_full_pack().to_json(), ensure_ascii=False, indent=2)


@pytest.mark.parametrize("content, phrase", [
    (GOOD[: len(GOOD) // 2], "damaged or incomplete"),                    # truncated (power cut, full disk)
    ("", "damaged or incomplete"),                                         # empty file
    ("{not json at all", "damaged or incomplete"),                         # corrupt
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not UTF-8"),           # a picture renamed
    ("[1, 2, 3]", "not a NAP Briefing pack"),                              # JSON, but not a pack
    ('{"format": "xlsx-summary", "version": 1}', "not a NAP Briefing pack"),  # wrong format
    ('{"format": "napbrief"}', "no valid format version"),
    ('{"format": "napbrief", "version": "1"}', "no valid format version"),
    ('{"format": "napbrief", "version": 1, "items": {"a": 1}}', "item list is not a list"),
    ('{"format": "napbrief", "version": 1, "items": [{"kind": "video"}]}', "item 1 is not a fact"),
])
def test_bad_files_raise_a_clear_message(tmp_path, content, phrase):
    path = _write(tmp_path, content)
    with pytest.raises(PackFileError) as info:
        load_pack(path)
    message = str(info.value)
    assert phrase in message
    for jargon in ("Traceback", "Error:", "KeyError", "JSONDecodeError", "codec"):
        assert jargon not in message


def test_newer_version_says_to_update_the_app(tmp_path):
    data = _full_pack().to_json()
    data["version"] = pack_mod.SCHEMA_VERSION + 1
    path = _write(tmp_path, json.dumps(data))
    with pytest.raises(PackFileError, match="newer version of NAP Briefing") as info:
        load_pack(path)
    assert "Update the app" in str(info.value)


def test_missing_or_unreadable_file(tmp_path):
    with pytest.raises(PackFileError, match="Cannot read gone.napbrief"):
        load_pack(tmp_path / "gone.napbrief")
    with pytest.raises(PackFileError, match="Cannot read"):
        load_pack(tmp_path)  # a folder


def test_hand_edited_file_with_nulls_and_repeated_ids_still_opens(tmp_path):
    path = _write(tmp_path, json.dumps({
        "format": "napbrief", "version": 1, "title": None, "lang": "fr",
        "items": [{"kind": "note", "text": None, "uid": "same"}, {"kind": "note", "text": "b", "uid": "same"}],
    }))
    pack = load_pack(path)
    assert pack.title == "" and pack.items[0].text == "", "null is empty, never the word None"
    assert pack.lang == "en"
    assert len({i.uid for i in pack.items}) == 2, "every item keeps a distinct id"


def test_a_pack_whose_fact_is_gone_still_loads_and_is_flagged(tmp_path, sample_catalog):
    pack = Pack(items=(PackItem("fact", ref="usmca-border-daily-trade"),
                       PackItem("fact", ref="fact-removed-in-2027"),
                       PackItem("chart", ref="chart-removed"),
                       PackItem("note", text="n")))
    save_pack(pack, tmp_path / "old.napbrief")
    loaded = load_pack(tmp_path / "old.napbrief")
    assert loaded == pack
    flagged = missing_refs(loaded, {f.id for f in sample_catalog.facts}, set(sample_catalog.charts))
    assert [i.ref for i in flagged] == ["fact-removed-in-2027", "chart-removed"]


def test_failed_save_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "brief.napbrief"
    old = Pack(title="Old", items=(PackItem("note", text="keep me"),))
    save_pack(old, path)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_pack(_full_pack(), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert load_pack(path) == old
    assert [p.name for p in tmp_path.iterdir()] == ["brief.napbrief"], "no temporary file left behind"


# ---- who has a pack open (core/pack/packlock.py, issue 26) ----------------------------------------

def test_pack_lock_is_taken_reported_released_and_stale_when_its_process_is_gone(tmp_path):
    import json
    import subprocess
    import sys

    from nap_desktop.core.pack import packlock

    path = tmp_path / "joint review.napbrief"
    path.write_text("{}", encoding="utf-8")
    mine = packlock.acquire(path, "token-a")
    assert isinstance(mine, packlock.PackLock)
    lock = packlock.lock_path(path)
    assert lock.name == ".~lock.joint review.napbrief#"
    data = json.loads(lock.read_text(encoding="utf-8"))
    assert {"user", "host", "pid", "opened_at"} <= set(data) and data["app"] == "NAP Briefing"
    other = packlock.acquire(path, "token-b")  # another window: told who holds it
    assert isinstance(other, packlock.LockInfo) and other.token == "token-a" and other.this_host
    other_lock = packlock.PackLock(path, packlock.LockInfo("x", "h", 1, "token-b", ""))
    other_lock.release()  # not its lock: left alone
    assert lock.exists()
    mine.release()
    assert not lock.exists()

    # a crashed holder: its pid is gone, so the lock is stale and taken over
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    lock.write_text(json.dumps({"user": "ana", "host": packlock._host(), "pid": int(dead.stdout), "token": "old",
                                "opened_at": "2026-12-01T09:00:00"}), encoding="utf-8")
    assert packlock.read_lock(path) is None
    assert isinstance(packlock.acquire(path, "token-c"), packlock.PackLock)
    # damaged: stale; another host's: live (we cannot tell), named
    lock.write_text("not json", encoding="utf-8")
    assert packlock.read_lock(path) is None
    lock.write_text(json.dumps({"user": "ana", "host": "elsewhere-laptop", "pid": 1, "token": "t",
                                "opened_at": "2026-12-01T09:00:00"}), encoding="utf-8")
    held = packlock.read_lock(path)
    assert held is not None and held.host == "elsewhere-laptop" and not held.this_host
