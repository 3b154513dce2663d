"""A pack's item copies, field by field: whatever a copy holds, the pack opens (a field this version does not know
shows the item without its copy, says why and keeps the copy in the file) or is refused with the field's path
(``items[0].copy.unit …``, exit 2 on the command line); never a traceback, a hang or hostile output.

The generated cases start from the copies the app itself writes (one of every chart kind, every fact of the
frozen export catalog) and change one field anywhere in a copy: to any JSON value, or to what another data
version or a hand edit puts there (an unknown unit or qualifier, a list cut short, a number as text, a huge
number). What opens is then shown as the window and the exporters show it: catalog_for_pack, the deck's
slides in both languages, the pack panel's copies, the change list, and (for a share of the cases) every
export format. Counts: see tally.py (printed at the end of the run)."""

from __future__ import annotations

import copy as _copy
import json
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import tally  # noqa: E402
from fixture_catalog import make_catalog  # noqa: E402

from nap_desktop.core.catalog.model import Catalog  # noqa: E402
from nap_desktop.core.pack.packfile import Pack, PackFileError, PackItem, load_pack, save_pack  # noqa: E402
from nap_desktop.core.pack.snapshot import (catalog_for_pack, diff_pack, fact_from_copy, spec_from_copy,  # noqa: E402
                                            with_copies)
from nap_desktop.exporters import ExportError  # noqa: E402

BASE = settings.default.max_examples  # 200 by default, 2,000 under NAP_HYPOTHESIS_PROFILE=deep
NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)
CATALOG = make_catalog()
EMPTY = Catalog(version="other-data-version", sections=(), sources={}, facts=())
WORK = Path(tempfile.mkdtemp(prefix="nap-copies-"))


def _source_pack() -> dict:
    items = [PackItem("chart", cid, uid=f"c{i}") for i, cid in enumerate(CATALOG.charts)]
    items += [PackItem("fact", f.id, uid=f"f{i}") for i, f in enumerate(CATALOG.facts)]
    return with_copies(Pack(title="Copies", items=tuple(items)), CATALOG).to_json()


SOURCE = _source_pack()
ITEMS = SOURCE["items"]


def _paths(node, prefix=()):
    """Every place in a copy a value sits: (key or index, ...)."""
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node[:6]):  # the first few of long lists: the rest are alike
            yield from _paths(v, prefix + (i,))


PATHS = [(n, p) for n, item in enumerate(ITEMS) for p in _paths(item["copy"]) if p]

ANY_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()), max_size=30)
JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(min_value=-10 ** 30, max_value=10 ** 30),
              st.floats(allow_nan=False, allow_infinity=False), ANY_TEXT),
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(ANY_TEXT, kids, max_size=3), max_leaves=6)
#: what another data version or a hand edit realistically puts in a field
REALISTIC = st.sampled_from([
    "furlongs", "roughly", "sankey", "preliminary", "", "1", "first", "#GGGGGG", "javascript:alert(1)",
    "file:///etc/passwd", "\x1b[31mred\x1b[0m", "=cmd|' /C calc'!A0", "x" * 5000, "2024-13-45",
    -1, 0, 7, 99, 10 ** 18, 1e308, -1e308, 2 ** 63, 0.5, True, [], {}, ["a"], [None], [[0, 0]], [1, 2, 3],
    {"en": 1}, {"kind": "chart"}, None])


@st.composite
def mutated(draw):
    n, path = draw(st.sampled_from(PATHS))
    value = draw(st.one_of(REALISTIC, JSONISH))
    how = draw(st.sampled_from(["set", "set", "set", "delete", "shorten", "lengthen"]))
    return n, path, value, how


def _apply(data: dict, n: int, path: tuple, value, how: str) -> dict:
    data = _copy.deepcopy(data)
    node = data["items"][n]["copy"]
    for key in path[:-1]:
        node = node[key]
    last = path[-1]
    if how == "delete" and isinstance(node, dict):
        node.pop(last, None)
    elif how == "shorten" and isinstance(node[last], list) and node[last]:
        node[last] = node[last][:-1]
    elif how == "lengthen" and isinstance(node[last], list):
        node[last] = node[last] + [value]
    else:
        node[last] = value
    data["items"] = [data["items"][n]] + [i for k, i in enumerate(data["items"]) if k != n][:2]
    return data


def _show(pack: Pack, exports: bool) -> None:
    """Everything the window and the exporters do with a pack that opened."""
    from nap_desktop.core.deck import compose_deck
    from nap_desktop.core.pack.snapshot import _figure

    for base in (EMPTY, CATALOG):
        catalog = catalog_for_pack(pack, base)
        for lang in ("en", "es"):
            compose_deck(pack, catalog, lang=lang, now=NOW)
        diff_pack(pack, base)
    for item in pack.items:  # the pack panel and the change list read the copies themselves
        if isinstance(item.copy, dict):
            if item.kind == "fact":
                fact_from_copy(item.copy)
            else:
                spec_from_copy(item.copy)
            _figure(item.copy, "es")
    out = WORK / "again.napbrief"
    save_pack(pack, out)  # what opened saves, and keeps what it could not show
    again = json.loads(out.read_text(encoding="utf-8"))
    assert len(again["items"]) == len(pack.items)
    if exports:
        from nap_desktop.exporters import REGISTRY
        from nap_desktop.exporters.svg_chart import chart_svg

        catalog = catalog_for_pack(pack, EMPTY)
        for name in ("pptx", "xlsx", "pdf"):
            exporter = REGISTRY[name]
            exporter.function(pack, catalog, WORK / f"c{exporter.extension}", lang="es", now=NOW)
        for spec in catalog.charts.values():
            chart_svg(spec, catalog, "en")


@settings(max_examples=BASE * 2)
@given(mutated(), st.integers(min_value=0, max_value=9))
def test_any_change_to_a_copy_opens_or_is_refused_with_its_path(change, dice):
    n, path, value, how = change
    data = _apply(SOURCE, n, path, value, how)
    file = WORK / "in.napbrief"
    file.write_text(json.dumps(data, ensure_ascii=False, allow_nan=True), encoding="utf-8", errors="surrogatepass")
    outcome, result = tally.run_case("pack copies: open", lambda: load_pack(file), (PackFileError,))
    if outcome == "refused":
        text = str(result)
        assert "items[0].copy" in text or "damaged" in text or "number" in text, text
        return
    pack = result
    tally.run_case("pack copies: show and export", lambda: _show(pack, exports=dice == 0),
                   (ExportError,), seconds=60)


def test_every_copy_the_app_writes_opens_unchanged(tmp_path):
    path = tmp_path / "all.napbrief"
    path.write_text(json.dumps(SOURCE), encoding="utf-8")
    pack = load_pack(path)
    assert pack.repairs == () and all(i.copy is not None for i in pack.items)
    assert [i.copy for i in pack.items] == [i["copy"] for i in ITEMS]


def test_every_bundled_fact_and_chart_copy_opens_unchanged(tmp_path, catalog):
    items = [PackItem("chart", cid, uid=f"c{i}") for i, cid in enumerate(catalog.charts)]
    items += [PackItem("fact", f.id, uid=f"f{i}") for i, f in enumerate(catalog.facts)]
    pack = with_copies(Pack(title="Everything", items=tuple(items)), catalog)
    save_pack(pack, tmp_path / "all.napbrief")
    again = load_pack(tmp_path / "all.napbrief")
    assert again.repairs == () and [i.copy for i in again.items] == [i.copy for i in pack.items]


def _one(tmp_path, n_item: int, mutate) -> Path:
    data = _copy.deepcopy(SOURCE)
    mutate(data["items"][n_item]["copy"])
    data["items"] = [data["items"][n_item]]
    path = tmp_path / "one.napbrief"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


FACT = next(n for n, i in enumerate(ITEMS) if i["kind"] == "fact")
CHART = next(n for n, i in enumerate(ITEMS) if i["kind"] == "chart" and len(i["copy"]["spec"]["categories"]) > 2)


@pytest.mark.parametrize(("n", "mutate", "phrase"), [
    (FACT, lambda c: c.update(unit=5), "items[0].copy.unit (item 1): expected text, got a number"),
    (FACT, lambda c: c["section_copy"].update(order="first"),
     "items[0].copy.section_copy.order (item 1): expected a whole number, got text"),
    (FACT, lambda c: c.update(value=1e308), "items[0].copy.value (item 1): 1e+308 is out of range"),
    (FACT, lambda c: c.update(decimals=40), "items[0].copy.decimals (item 1): 40 is out of range (0 to 6)"),
    (FACT, lambda c: c.update(countries="US"), "items[0].copy.countries (item 1): expected a list, got text"),
    (FACT, lambda c: c["sources"].append(7), "items[0].copy.sources[2] (item 1): expected a source"),
    (FACT, lambda c: c.update(kind="chart"), "items[0].copy.kind (item 1): a copy of a chart on a fact item"),
    (CHART, lambda c: c["spec"].update(category_labels_en=c["spec"]["category_labels_en"][:1]),
     "items[0].copy.spec.category_labels_en (item 1): has 1 label for"),
    (CHART, lambda c: c["spec"]["series"][0].update(values=c["spec"]["series"][0]["values"][:-1]),
     "items[0].copy.spec.series[0].values (item 1): has"),
    (CHART, lambda c: c["spec"]["series"][0]["values"].__setitem__(0, "12"),
     "items[0].copy.spec.series[0].values[0] (item 1): expected a number or nothing, got text"),
    (CHART, lambda c: c["spec"].update(extra={"positions": {"TX": [10 ** 9, 0]}}),
     "items[0].copy.spec.extra.positions.TX (item 1)"),
    (CHART, lambda c: c.pop("spec"), "items[0].copy.spec (item 1): missing"),
])
def test_a_damaged_copy_is_refused_with_the_fields_path(tmp_path, n, mutate, phrase):
    with pytest.raises(PackFileError) as info:
        load_pack(_one(tmp_path, n, mutate))
    assert phrase in str(info.value)


@pytest.mark.parametrize(("n", "mutate", "where"), [
    (FACT, lambda c: c.update(unit="furlongs"), "items[0].copy.unit: 'furlongs' is a unit"),
    (FACT, lambda c: c.update(qualifier="roughly"), "items[0].copy.qualifier: 'roughly' is a qualifier"),
    (FACT, lambda c: c["sources"][0].update(status="preliminary"), "items[0].copy.sources[0].status"),
    (CHART, lambda c: c["spec"].update(kind="sankey"), "items[0].copy.spec.kind: 'sankey' is a chart kind"),
    (CHART, lambda c: c.update(kind="storyboard"), "items[0].copy.kind: 'storyboard' is a kind of copy"),
])
def test_a_copy_from_a_newer_version_opens_shown_as_missing_with_the_reason_and_is_kept(tmp_path, n, mutate, where):
    from nap_desktop.core.deck import compose_deck

    path = _one(tmp_path, n, mutate)
    kept = json.loads(path.read_text(encoding="utf-8"))["items"][0]["copy"]
    pack = load_pack(path)
    item = pack.items[0]
    assert item.copy is None and item.kept_copy == kept
    assert any(where in r for r in pack.repairs), pack.repairs
    for lang in ("en", "es"):
        slides = compose_deck(pack, catalog_for_pack(pack, EMPTY), lang=lang, now=NOW)
        missing = [s for s in slides if s.kind == "missing"]
        assert len(missing) == 1 and item.unreadable[lang] in missing[0].notes
    assert "no conoce" in item.unreadable["es"]
    save_pack(with_copies(pack, CATALOG), tmp_path / "saved.napbrief")  # saving never replaces it...
    saved = json.loads((tmp_path / "saved.napbrief").read_text(encoding="utf-8"))
    assert saved["items"][0]["copy"] == kept  # ...the copy goes back exactly as it came


def test_the_command_line_refuses_a_damaged_copy_with_exit_2(tmp_path, capsys):
    from nap_desktop.cli import main

    path = _one(tmp_path, FACT, lambda c: c.update(unit=5))
    assert main(["export", str(path), "--xlsx", str(tmp_path / "o.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "items[0].copy.unit (item 1): expected text, got a number" in err and "Traceback" not in err
    assert not (tmp_path / "o.xlsx").exists()
