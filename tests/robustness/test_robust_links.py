"""Only http and https links are ever written (issue 27, item 7), from any origin: a pack's copies (which no
library checked), a user library, the bundled data. A javascript:, file:, data: URL, or one with a NUL or
an escape in it, is written as plain text or not at all: never a deck hyperlink, a workbook link or the
handout's <a href>. The bundle holds the same three files and is checked inside.

Generated cases put a URL in the sources of a pack's copies, save the pack, open it (a clean refusal counts)
and export every format from what opened; every link in every file is then read back."""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import tally  # noqa: E402
from fixture_catalog import make_catalog  # noqa: E402

from nap_desktop.core.catalog.model import Catalog  # noqa: E402
from nap_desktop.core.pack.packfile import Pack, PackFileError, PackItem, load_pack  # noqa: E402
from nap_desktop.core.pack.snapshot import catalog_for_pack, with_copies  # noqa: E402
from nap_desktop.exporters import REGISTRY, ExportError  # noqa: E402
from nap_desktop.exporters.textsafe import safe_url  # noqa: E402

NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)
CATALOG = make_catalog()
EMPTY = Catalog(version="other-data-version", sections=(), sources={}, facts=())
WORK = Path(tempfile.mkdtemp(prefix="nap-links-"))
SOURCE = with_copies(Pack(title="Links", items=tuple(
    [PackItem("fact", f.id, uid=f"f{i}") for i, f in enumerate(CATALOG.facts[:3])]
    + [PackItem("chart", next(iter(CATALOG.charts)), uid="c0")])), CATALOG).to_json()

HOSTILE = ["javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)", " javascript:alert(1)", "\tjavascript:x",
           "file:///etc/passwd", "file://server/share/x.xlsm", "data:text/html,<script>alert(1)</script>",
           "vbscript:msgbox", "ms-excel:ofe|u|https://x", "smb://host/share", "http://ex\x00ample.org",
           "https://example.org/\x1b[31m", "https://example.org/\"><x>", "//evil.example/", "http:/x", "https://",
           "mailto:a@b.c", "https://example.org/" + "a" * 5000, "https://\u1680", "https://\u3000x.org",
           "https://example.org/\u200b"]
_URLS = st.one_of(st.sampled_from(HOSTILE),
                  st.builds(lambda scheme, rest: scheme + rest,
                            st.sampled_from(["javascript:", "file:", "data:", "https://", "http://", "ftp://", ""]),
                            st.text(max_size=40)))


def _links_in_zip(raw: bytes, where: str) -> list[tuple[str, str]]:
    """Every external target (relationship with TargetMode External) in an OOXML zip, and any zip inside."""
    out = []
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            if name.endswith(".rels"):
                for m in re.finditer(rb"<Relationship\b[^>]*>", data):
                    tag = m.group(0)
                    if b'TargetMode="External"' in tag:
                        target = re.search(rb'Target="([^"]*)"', tag).group(1).decode("utf-8", "replace")
                        out.append((f"{where}:{name}", target))
            elif name.endswith((".pptx", ".xlsx", ".zip")):
                out += _links_in_zip(data, f"{where}:{name}")
            elif name.endswith(".pdf"):
                out += _links_in_pdf(data, f"{where}:{name}")
    return out


def _links_in_pdf(raw: bytes, where: str) -> list[tuple[str, str]]:
    from pypdf import PdfReader

    out = []
    for page in PdfReader(io.BytesIO(raw)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if "/URI" in action:
                out.append((where, str(action["/URI"])))
            elif action.get("/S") not in (None, "/GoTo"):
                out.append((where, f"action {action.get('/S')}"))
    return out


def _links(path: Path) -> list[tuple[str, str]]:
    raw = path.read_bytes()
    return _links_in_pdf(raw, path.name) if path.suffix == ".pdf" else _links_in_zip(raw, path.name)


@settings(max_examples=max(10, settings.default.max_examples // 10))
@given(urls=st.lists(_URLS, min_size=1, max_size=4), lang=st.sampled_from(["en", "es"]))
def test_only_http_links_are_written_from_a_packs_copies(urls, lang):
    data = json.loads(json.dumps(SOURCE))
    n = 0
    for item in data["items"]:
        for src in item.get("copy", {}).get("sources", []):
            src["url"] = urls[n % len(urls)]
            n += 1
        for src in item.get("copy", {}).get("extra_sources", []) or []:
            src["url"] = urls[n % len(urls)]
            n += 1
    path = WORK / "links.napbrief"
    path.write_text(json.dumps(data), encoding="utf-8")
    outcome, pack = tally.run_case("links", lambda: load_pack(path), (PackFileError,))
    if outcome == "refused":
        return
    catalog = catalog_for_pack(pack, EMPTY)
    for name, exporter in REGISTRY.items():
        dest = WORK / f"links-{lang}{exporter.extension}"
        outcome, _ = tally.run_case("links", lambda: exporter.function(pack, catalog, dest, lang=lang, now=NOW),
                                    (ExportError,))
        if outcome != "ok":
            continue
        bad = [(w, t) for w, t in _links(dest) if safe_url(t) != t or not t.lower().startswith(("http://", "https://"))]
        if bad:
            tally.case("links", "hostile outputs")
        assert not bad, bad


def test_a_javascript_link_in_a_copy_is_plain_text_and_an_https_one_stays_a_link():
    data = json.loads(json.dumps(SOURCE))
    srcs = [s for item in data["items"] for s in item.get("copy", {}).get("sources", [])]
    for src in srcs:  # every copy of one source (the copies of a source are merged by id) gets a script link
        src["url"] = "javascript:alert(1)" if src["id"] == srcs[0]["id"] else "https://www.census.gov/foreign-trade/"
    path = WORK / "two.napbrief"
    path.write_text(json.dumps(data), encoding="utf-8")
    pack = load_pack(path)
    catalog = catalog_for_pack(pack, EMPTY)
    found = {}
    for name in ("pptx", "xlsx", "pdf"):
        dest = REGISTRY[name].function(pack, catalog, WORK / f"two{REGISTRY[name].extension}", lang="en", now=NOW)
        found[name] = [t for _w, t in _links(dest)]
        assert not [t for t in found[name] if "javascript" in t.lower()], (name, found[name])
    assert any("census.gov" in t for t in found["pptx"]) and any("census.gov" in t for t in found["pdf"])
