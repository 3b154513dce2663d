"""Property tests (Hypothesis): whatever a pack file, a pack field or a template holds, the app either works or
says why with one of its documented errors (PackFileError for packs, ExportError for exports) — never another
exception. Example counts scale from the profile's max_examples (tests/conftest.py): >= 1,000 in the default
run, ten times more with ``--hypothesis-profile=deep``."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import event, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import templates_hostile as th  # noqa: E402
from fixture_catalog import make_catalog  # noqa: E402

from nap_desktop.core.pack.packfile import Pack, PackFileError, PackItem, load_pack, save_pack  # noqa: E402
from nap_desktop.exporters import REGISTRY, ExportError  # noqa: E402
from nap_desktop.exporters.template import open_template  # noqa: E402
from nap_desktop.exporters.textsafe import capped, clean, sanitize_pack  # noqa: E402

BASE = settings.default.max_examples  # 200 by default, 2,000 under the deep profile
NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)
CATALOG = make_catalog()
WORK = Path(tempfile.mkdtemp(prefix="nap-hypothesis-"))

# Any code point, lone surrogates and controls included; weighted towards the ones that break XML.
ANY_CHAR = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()),
    st.sampled_from(["\v", "\f", "\r", "\x00", "\x1b", "\x85", "\ufffe", "\uffff", "\ud83d", "\ude00",
                     "\U0010ffff", "\u2028", "&", "<", "]", ">", '"', "=", "\t", "\n", "🌎", "é"]))
TEXT = st.text(ANY_CHAR, max_size=60) | st.text(ANY_CHAR, min_size=250, max_size=400)
NUMBER = st.one_of(st.integers(), st.integers(min_value=10 ** 30, max_value=10 ** 60),
                   st.floats(allow_nan=True, allow_infinity=True))
SCALAR = st.one_of(st.none(), st.booleans(), NUMBER, TEXT)
JSONISH = st.recursive(SCALAR, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(TEXT, kids, max_size=4),
                       max_leaves=12)
DATE = st.one_of(st.just(""), st.dates().map(str), st.from_regex(r"\A\d{1,20}-\d{1,3}-\d{1,3}\Z"), TEXT)
REFS = sorted(f.id for f in CATALOG.facts) + sorted(CATALOG.charts) + ["no-such-id", ""]


def _field(good):
    """Mostly the right type, sometimes anything at all."""
    return _mostly(good, JSONISH)


def _mostly(usual, rare, one_in: int = 12):
    """``usual``, and one time in ``one_in`` ``rare`` (Hypothesis picks one_of branches evenly)."""
    return st.integers(min_value=1, max_value=one_in).flatmap(lambda n: rare if n == 1 else usual)


ITEM = st.fixed_dictionaries(
    {"kind": _field(st.sampled_from(["fact", "chart", "note", "divider"]))},
    optional={"ref": _field(st.sampled_from(REFS)), "text": _field(TEXT), "talking_points": _field(TEXT),
              "uid": _field(st.text(max_size=12)), "extra": JSONISH})
PACK = st.fixed_dictionaries(
    {"format": _mostly(st.just("napbrief"), st.sampled_from(["other", "", "NAPBRIEF"]), 20),
     "version": _mostly(st.just(1), JSONISH, 20)},
    optional={"title": _field(TEXT), "audience": _field(TEXT), "meeting_date": _field(DATE),
              "lang": _field(st.sampled_from(["en", "es", "fr", ""])), "items": _field(st.lists(ITEM, max_size=6))})


def _serialise(obj, ascii_only: bool) -> bytes:
    text = json.dumps(obj, ensure_ascii=ascii_only, allow_nan=True)
    return text.encode("utf-8", "surrogatepass")  # a raw surrogate goes out as CESU bytes, as broken tools do


@settings(max_examples=BASE * 3)
@given(PACK, st.booleans(), _mostly(st.none(), st.integers(min_value=0, max_value=400), 8),
       _mostly(st.none(), st.tuples(st.integers(min_value=0, max_value=400), st.integers(0, 255)), 8))
def test_any_pack_file_opens_or_says_why_and_what_opens_saves(obj, ascii_only, cut, flip):
    raw = bytearray(_serialise(obj, ascii_only))
    if cut is not None:
        raw = raw[:cut]  # a file cut short (a full disk, a sync tool)
    if flip is not None and raw:
        raw[flip[0] % len(raw)] = flip[1]  # a damaged byte
    path = WORK / "in.napbrief"
    path.write_bytes(bytes(raw))
    try:
        pack = load_pack(path)
    except PackFileError as exc:
        event("pack: clean error " + str(exc).split(":")[0][:40])
        assert str(exc)  # a message for the user
        assert path.read_bytes() == bytes(raw)  # and the file untouched
        return
    event("pack: opened" + (" with repairs" if pack.repairs else ""))
    out = WORK / "out.napbrief"
    save_pack(pack, out)  # never a UnicodeEncodeError
    again = load_pack(out)
    assert again == pack and again.repairs == ()
    sanitize_pack(pack)


@settings(max_examples=BASE * 2)
@given(st.text(ANY_CHAR, max_size=300), st.integers(min_value=0, max_value=300))
def test_clean_is_total_idempotent_and_xml_safe(text, limit):
    out = clean(text)
    out.encode("utf-8")
    assert clean(out) == out
    for ch in out:
        c = ord(ch)
        assert c in (9, 10) or 0x20 <= c < 0x7F or 0xA0 <= c
        assert not (0xD800 <= c <= 0xDFFF or 0xFDD0 <= c <= 0xFDEF or (c & 0xFFFE) == 0xFFFE)
    cut = capped(text, limit)
    assert len(cut) <= limit and cut.rstrip("…") in out or not out


PACK_OBJECTS = st.builds(
    Pack, title=TEXT, audience=TEXT, meeting_date=DATE.filter(lambda d: isinstance(d, str)),
    lang=st.sampled_from(["en", "es", "fr"]),
    items=st.lists(st.builds(PackItem, kind=st.sampled_from(["fact", "chart", "note", "divider"]),
                             ref=st.sampled_from(REFS), text=TEXT, talking_points=TEXT,
                             uid=st.uuids().map(lambda u: u.hex[:12])), max_size=5).map(tuple))


@settings(max_examples=max(BASE // 8, 10))
@given(PACK_OBJECTS, st.sampled_from(["en", "es"]))
def test_any_pack_exports_to_every_format_or_says_why(pack, lang):
    for name, exporter in REGISTRY.items():
        if name == "bundle":
            continue  # the bundle is the other exports together
        dest = WORK / f"out{exporter.extension}"
        try:
            exporter.function(pack, CATALOG, dest, lang=lang, now=NOW)
        except ExportError as exc:
            event(f"export {name}: ExportError")
            assert str(exc)
            continue
        event(f"export {name}: written")
        assert dest.stat().st_size > 0


_TEMPLATE_PARTS = th.parts()
_TEXT_SLOTS = {
    "layout_name": (th.LAYOUT, b'name="Title Only"', 'name="{}"'),
    "placeholder": (th.LAYOUT, b"Click to edit Master title style", "{}"),
    "core_title": ("docProps/core.xml", b"</cp:coreProperties>", "<dc:title>{}</dc:title></cp:coreProperties>"),
}


@settings(max_examples=max(BASE // 5, 10))
@given(st.sampled_from(sorted(_TEXT_SLOTS)), TEXT, st.booleans(),
       _mostly(st.none(), st.tuples(st.sampled_from(sorted(_TEMPLATE_PARTS)), st.integers(0, 2000)), 4))
def test_any_template_text_gives_a_deck_or_an_export_error(slot, text, escaped, truncate):
    parts = dict(_TEMPLATE_PARTS)
    name, marker, form = _TEXT_SLOTS[slot]
    inserted = escape(text, {'"': "&quot;"}) if escaped else text
    parts[name] = parts[name].replace(marker, form.format(inserted).encode("utf-8", "surrogatepass"), 1)
    if truncate is not None:
        part, at = truncate
        parts[part] = parts[part][:at]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for part, data in parts.items():
            z.writestr(part, data)
    path = WORK / "t.pptx"
    path.write_bytes(buffer.getvalue())
    try:
        open_template(path)
        event("template: accepted")
        export = REGISTRY["pptx"].function
        export(Pack(title=text, items=(PackItem("chart", REFS[-3], uid="c"),)), CATALOG, WORK / "t-out.pptx",
               lang="en", now=NOW, template=path)
        event("template: deck written")
    except ExportError as exc:
        event("template: ExportError " + str(exc).replace(str(path), "T")[:60])
        assert str(exc)
