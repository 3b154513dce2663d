"""Hostile pack files get a clear PackFileError naming the problem, never a traceback, a hang or a memory blow-up;
a pack with repairable text opens, says what was repaired, and saves."""

from __future__ import annotations

import json
import os
import threading

import pytest

from nap_desktop.core.pack.packfile import MAX_PACK_BYTES, PackFileError, load_pack, save_pack


def _write(tmp_path, text: str | bytes, name: str = "p.napbrief"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def _pack(**fields) -> str:
    return json.dumps({"format": "napbrief", "version": 1, **fields})


def test_lone_surrogate_pack_opens_repaired_says_so_and_saves(tmp_path):
    # The audit's file: a title from a tool that cut an emoji in half.
    path = _write(tmp_path, '{"format":"napbrief","version":1,"title":"x\\ud83d",'
                            '"items":[{"kind":"note","text":"ok \\ude00","uid":"n1"}]}')
    pack = load_pack(path)
    assert pack.title == "x\ufffd" and pack.items[0].text == "ok \ufffd"
    assert any(r.startswith("title:") for r in pack.repairs)
    assert any(r.startswith("items[0].text") for r in pack.repairs)
    save_pack(pack, tmp_path / "saved.napbrief")
    again = load_pack(tmp_path / "saved.napbrief")
    assert again.title == "x\ufffd" and again.repairs == ()


def test_cesu_encoded_surrogate_bytes_open_repaired(tmp_path):
    # The same half emoji written as raw bytes (ED A0 BD) by a tool that encodes UTF-16 halves.
    path = _write(tmp_path, b'{"format":"napbrief","version":1,"title":"x\xed\xa0\xbd"}')
    pack = load_pack(path)
    assert pack.title == "x\ufffd" and pack.repairs


def test_a_pack_built_in_memory_with_a_surrogate_saves(tmp_path):
    from nap_desktop.core.pack.packfile import Pack, PackItem

    save_pack(Pack(title="a\ud800", items=(PackItem("note", text="\udfff", uid="n"),)), tmp_path / "m.napbrief")
    assert load_pack(tmp_path / "m.napbrief").title == "a\ufffd"


@pytest.mark.parametrize(("content", "phrase"), [
    ("[" * 100_000 + "]" * 100_000, "nested"),
    ('{"format":"napbrief","version":1,"title":' + "[" * 80 + "]" * 80 + "}", "nested more than 64"),
    ('{"format":"napbrief","version":1,"items":[{"kind":"note","text":' + "9" * 5000 + "}]}", "5000 digits"),
    (_pack().replace("1}", "1e999999}"), "number"),
    (_pack().replace("1}", "1.5}"), "valid format version"),
    ('{"format":"napbrief","version":1,"title":NaN}', "not a number"),
    (_pack(version=True), "valid format version"),
    (_pack(meeting_date="99999999999999999999-01-01"), "meeting_date"),
    (_pack(meeting_date="1066-10-14"), "meeting_date"),
    (_pack(meeting_date="2026-02-30"), "meeting_date"),
    (_pack(meeting_date="tomorrow"), "meeting_date"),
    (_pack(title=5), "title: expected text, got a number"),
    (_pack(audience=["a"]), "audience: expected text, got a list"),
    (_pack(lang={"x": 1}), "lang: expected text"),
    (_pack(title=True), "title: expected text, got true/false"),
    (_pack(items=[{"kind": "note", "text": "a"}, {"kind": "fact", "ref": "x"},
                  {"kind": "fact", "ref": "y"}, {"kind": "note", "talking_points": 3}]),
     "items[3].talking_points (item 4): expected text, got a number"),
    (_pack(items=[{"kind": "fact", "ref": {"id": 1}}]), "items[0].ref"),
    (_pack(items=[{"kind": "note", "uid": 17}]), "items[0].uid"),
    (_pack(items=["note"]), "item 1 is not a fact"),
    (_pack(items=[{"kind": 3}]), "items[0].kind"),
])
def test_hostile_content_gives_a_clear_error_naming_the_problem(tmp_path, content, phrase):
    with pytest.raises(PackFileError) as info:
        load_pack(_write(tmp_path, content))
    assert phrase in str(info.value)


def test_unknown_language_opens_in_english_and_says_so(tmp_path):
    pack = load_pack(_write(tmp_path, _pack(lang="fr")))
    assert pack.lang == "en" and any("lang" in r for r in pack.repairs)


def test_a_folder_is_refused(tmp_path):
    (tmp_path / "dir.napbrief").mkdir()
    with pytest.raises(PackFileError, match="folder"):
        load_pack(tmp_path / "dir.napbrief")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_symlink_to_dev_zero_is_refused_without_reading(tmp_path):
    link = tmp_path / "zero.napbrief"
    link.symlink_to("/dev/zero")
    with pytest.raises(PackFileError, match="not a regular file"):
        load_pack(link)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_and_cannot_hang(tmp_path):
    fifo = tmp_path / "pipe.napbrief"
    os.mkfifo(fifo)
    result: list[BaseException | None] = []

    def attempt():
        try:
            load_pack(fifo)
            result.append(None)
        except BaseException as exc:  # noqa: BLE001 - reported below
            result.append(exc)

    worker = threading.Thread(target=attempt, daemon=True)  # a daemon: a hang cannot block the suite's exit
    worker.start()
    worker.join(timeout=5)
    if worker.is_alive():  # unblock the reader so the thread ends, then fail
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("load_pack hung on a FIFO")
    assert isinstance(result[0], PackFileError) and "not a regular file" in str(result[0])


def test_a_file_over_the_size_cap_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.napbrief"
    with open(big, "wb") as handle:  # sparse: no disk or memory spent
        handle.truncate(MAX_PACK_BYTES + 1)
    with pytest.raises(PackFileError, match="too large"):
        load_pack(big)


def test_the_error_leaves_the_file_as_it_was(tmp_path):
    content = _pack(title=5)
    path = _write(tmp_path, content)
    with pytest.raises(PackFileError):
        load_pack(path)
    assert path.read_text(encoding="utf-8") == content
