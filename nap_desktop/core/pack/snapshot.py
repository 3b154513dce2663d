"""Portable packs: every fact and chart item carries a copy of what it showed when it was added.

A pack (schema version 2) stores in ``PackItem.copy`` a plain-JSON copy of its item:

    fact:  {"kind": "fact", "id", "section", "section_title_en", "section_title_es", "topic", "countries",
            "value", "value_max", "unit", "period", "qualifier", "decimals", "text_en", "text_es",
            "label_en", "label_es", "note_en", "note_es", "chart", "origin",
            "sources": [full source dicts: id, publisher, title, url, date, status, note, origin]}
    chart: {"kind": "chart", "spec": every ChartSpec field (categories, labels, series with their values
            = the rows, gaps, colours, notes, sources …), "sources": [full source dicts],
            "section": {id, title_en, title_es, order, color} | None, "facts": [copies of the facts it
            illustrates, used only when the catalog lacks them (its slide's kicker and takeaway)]}

Public API (the UI's open/present/export paths use it):

    copy_of(item, catalog) -> dict | None          the copy for a fact/chart item (None: not in catalog)
    with_copies(pack, catalog) -> Pack             every fact/chart item that has no copy gets one (v1 -> v2)
    catalog_for_pack(pack, catalog) -> Catalog     the catalog with every copy overlaid: a pack opens,
                                                   presents and exports identically with no user library
                                                   and any data version (items keep what they showed)
    diff_pack(pack, catalog) -> list[ItemChange]   items whose catalog version differs from the copy
    take_update(pack, uid | None, catalog) -> Pack replace one item's copy (or all, uid=None) by the current one
    fact_from_copy(copy) / spec_from_copy(copy)    rebuild model objects from a copy

``ItemChange``: uid, kind, ref, status ("updated" | "missing": the catalog no longer has it, the pack
keeps showing its copy), old_value/new_value (display strings, e.g. "12.9 million"), old_text/new_text,
old_sources/new_sources (lists of source dicts). Nothing in a pack is ever dropped.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nap_desktop.core.catalog.model import Catalog, Fact
    from nap_desktop.core.charts.spec import ChartSpec
    from nap_desktop.core.pack.packfile import Pack, PackItem


@dataclass(frozen=True)
class ItemChange:
    uid: str
    kind: str  # "fact" | "chart"
    ref: str
    status: str  # "updated" | "missing"
    old_value: str = ""
    new_value: str = ""
    old_text: str = ""
    new_text: str = ""
    old_sources: list[dict[str, Any]] = field(default_factory=list)
    new_sources: list[dict[str, Any]] = field(default_factory=list)


_SKIP_FACT = ("file", "line")


def _plain(value: Any) -> Any:
    """JSON-ready: tuples become lists, dataclasses dicts (what json.dumps would give back)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=lambda o: dataclasses.asdict(o)))


def _section_json(catalog: Catalog, section_id: str) -> dict[str, Any] | None:
    section = catalog.section(section_id)
    if section is None:
        return None
    return {"id": section.id, "title_en": section.title_en, "title_es": section.title_es,
            "order": section.order, "color": section.color}


def _fact_copy(fact: Fact, catalog: Catalog) -> dict[str, Any]:
    data = {f.name: getattr(fact, f.name) for f in dataclasses.fields(fact) if f.name not in _SKIP_FACT}
    data["sources"] = [catalog.sources[s].to_json() for s in fact.sources if s in catalog.sources]
    return _plain({"kind": "fact", **data, "section_copy": _section_json(catalog, fact.section)})


def _chart_copy(spec: ChartSpec, catalog: Catalog) -> dict[str, Any]:
    data = {f.name: getattr(spec, f.name) for f in dataclasses.fields(spec)}
    facts = [catalog.fact(fid) for fid in spec.facts]
    facts = [f for f in facts if f is not None]
    section = _section_json(catalog, facts[0].section) if facts else None
    return _plain({"kind": "chart", "spec": data,
                   "sources": [catalog.sources[s].to_json() for s in spec.sources if s in catalog.sources],
                   "section": section, "facts": [_fact_copy(f, catalog) for f in facts]})


def copy_of(item: PackItem, catalog: Catalog) -> dict[str, Any] | None:
    """The copy for a fact/chart item as the catalog shows it now (None: not in the catalog, or a note)."""
    if item.kind == "fact":
        fact = catalog.fact(item.ref)
        return _fact_copy(fact, catalog) if fact is not None else None
    if item.kind == "chart":
        spec = catalog.charts.get(item.ref)
        return _chart_copy(spec, catalog) if spec is not None else None
    return None


def with_copies(pack: Pack, catalog: Catalog) -> Pack:
    """Every fact/chart item without a copy gets one (call before saving: v1 packs become v2)."""
    items = []
    changed = False
    for item in pack.items:
        # a copy this version cannot show (kept_copy) is kept as it is: saving never replaces it
        if item.kind in ("fact", "chart") and item.copy is None and getattr(item, "kept_copy", None) is None:
            copy = copy_of(item, catalog)
            if copy is not None:
                item = replace(item, copy=copy)
                changed = True
        items.append(item)
    return pack.with_items(items) if changed else pack


# --- rebuilding model objects from copies ------------------------------------------------------
def _no_nulls(cls: type, values: dict[str, Any]) -> dict[str, Any]:
    """A copy's null in a text field (a hand edit, another version) is empty text; a null list is empty.
    (Copies are checked field by field when a pack opens: core/pack/copycheck.py.)"""
    for f in dataclasses.fields(cls):
        if f.name in values and values[f.name] is None:
            if f.type == "str":
                values[f.name] = ""
            elif f.type.startswith("tuple"):
                values[f.name] = ()
            elif f.type.startswith("dict"):
                values[f.name] = {}
    return values


def _source_from(data: dict[str, Any]):
    from nap_desktop.core.catalog.model import Source

    known = {f.name for f in dataclasses.fields(Source)}
    values = {k: ("" if v is None else str(v)) for k, v in data.items() if k in known}
    values.setdefault("publisher", "")
    values.setdefault("title", "")
    values.setdefault("status", "report")
    values.setdefault("id", "")
    return Source(**values)


def fact_from_copy(copy: dict[str, Any]) -> Fact:
    """The Fact a copy describes (fields a newer or older app does not know are ignored / defaulted)."""
    from nap_desktop.core.catalog.model import Fact

    known = {f.name: f for f in dataclasses.fields(Fact)}
    values: dict[str, Any] = {k: v for k, v in copy.items() if k in known and k not in ("sources",)}
    values["sources"] = tuple(_str(s.get("id")) if isinstance(s, dict) else str(s) for s in (copy.get("sources") or []))
    values["countries"] = tuple(values.get("countries") or ())
    for key, default in (("id", ""), ("section", ""), ("topic", ""), ("value", None), ("unit", "none"),
                         ("period", ""), ("text_en", ""), ("text_es", "")):
        values.setdefault(key, default)
    values = _no_nulls(Fact, values)
    values["unit"] = values["unit"] or "none"
    return Fact(**values)


def spec_from_copy(copy: dict[str, Any]) -> ChartSpec:
    """The ChartSpec a chart copy describes."""
    from nap_desktop.core.charts.spec import ChartSpec, Gap, Series

    data = dict((copy.get("spec") or {}))
    known = {f.name for f in dataclasses.fields(ChartSpec)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            continue
        if value is None:
            continue  # a null field: its default (an empty text, list or table)
        if key == "series":
            value = tuple(Series(key=_str(s.get("key")), label_en=_str(s.get("label_en")),
                                 label_es=_str(s.get("label_es")), color=_str(s.get("color")) or "#7F7F7F",
                                 values=tuple(s.get("values") or ())) for s in value)
        elif key == "gaps":
            value = tuple(Gap(**{k: _str(g.get(k)) for k in ("category", "series", "reason_en", "reason_es")})
                          for g in value)
        elif isinstance(value, list):
            value = tuple(value)
        values[key] = value
    for key, default in (("id", ""), ("kind", "table"), ("dataset", ""), ("title_en", ""), ("title_es", ""),
                         ("categories", ()), ("category_labels_en", ()), ("category_labels_es", ()),
                         ("series", ()), ("unit", "none")):
        values.setdefault(key, default)
    for key in ("category_labels_en", "category_labels_es"):  # a copy without labels reads its categories
        if len(values[key]) != len(values["categories"]):
            values[key] = tuple(values["categories"])
    if values.get("decimals") is None:
        values.pop("decimals", None)
    values["unit"] = values["unit"] or "none"
    return ChartSpec(**values)


def _str(value: Any) -> str:
    return "" if value is None else str(value)


# --- the catalog a pack shows -----------------------------------------------------------------
def catalog_for_pack(pack: Pack, catalog: Catalog) -> Catalog:
    """``catalog`` with every item's copy laid over it: what the pack showed, whatever data is installed.

    Items without a copy (a version-1 pack not yet saved again) show the catalog's current version.
    """
    from nap_desktop.core.catalog.model import Catalog as CatalogType, Section

    facts = {f.id: f for f in catalog.facts}
    sources = dict(catalog.sources)
    charts = dict(catalog.charts)
    sections = {s.id: s for s in catalog.sections}
    touched = False

    def add_section(data: dict[str, Any] | None) -> None:
        if isinstance(data, dict) and data.get("id") and data["id"] not in sections:
            order = data.get("order")
            sections[data["id"]] = Section(id=str(data["id"]), title_en=_str(data.get("title_en")),
                                           title_es=_str(data.get("title_es")),
                                           order=order if isinstance(order, int) else len(sections),
                                           color=_str(data.get("color")) or "#1f4e79")

    def add_sources(entries: list[Any]) -> None:
        for entry in entries or []:
            if isinstance(entry, dict) and entry.get("id"):
                sources[str(entry["id"])] = _source_from(entry)

    for item in pack.items:
        copy = item.copy
        if not copy:
            continue
        touched = True
        if item.kind == "fact" and copy.get("kind") == "fact":
            fact = fact_from_copy(copy)
            facts[fact.id or item.ref] = fact
            add_sources((copy.get("sources") or []))
            add_section(copy.get("section_copy"))
        elif item.kind == "chart" and copy.get("kind") == "chart":
            spec = spec_from_copy(copy)
            charts[spec.id or item.ref] = spec
            add_sources((copy.get("sources") or []))
            add_section(copy.get("section"))
            for fact_copy in (copy.get("facts") or []):
                if isinstance(fact_copy, dict) and fact_copy.get("id") and fact_copy["id"] not in facts:
                    facts[fact_copy["id"]] = fact_from_copy(fact_copy)
                    add_sources((fact_copy.get("sources") or []))
                    add_section(fact_copy.get("section_copy"))
    if not touched:
        return catalog
    ordered = sorted(sections.values(), key=lambda s: s.order)
    return CatalogType(version=catalog.version, sections=tuple(ordered), sources=sources,
                       facts=tuple(facts.values()), datasets=dict(catalog.datasets), charts=charts)


# --- what changed since the copy ----------------------------------------------------------------
def _comparable(copy: dict[str, Any]) -> Any:
    if copy.get("kind") == "chart":
        return _plain({"spec": copy.get("spec"), "sources": copy.get("sources")})
    return _plain({k: v for k, v in copy.items() if k != "section_copy"})


def _figure(copy: dict[str, Any], lang: str = "en") -> tuple[str, str]:
    """(display value, text) of a copy, for the change list."""
    from nap_desktop.core.formatting import format_value

    def shown(value: Any, unit: Any, **kw: Any) -> str:
        try:
            return format_value(value, unit or "none", lang, **kw)
        except Exception:  # noqa: BLE001 - a copy from another data version with a unit this one does not know
            return f"{value} {unit or ''}".strip()

    if copy.get("kind") == "chart":
        spec = copy.get("spec") or {}
        cells = []
        cats = spec.get("category_labels_en") or spec.get("categories") or []
        for s in spec.get("series") or []:
            for cat, v in zip(cats, (s.get("values") or [])[:7]):
                cells.append(f"{cat}: {'n/a' if v is None else shown(v, spec.get('unit'), decimals=spec.get('decimals'))}")
            if len(cells) > 6:
                break
        text = "; ".join(cells[:6]) + ("; …" if len(cells) > 6 else "")
        return text, _str(spec.get("title_en"))
    value = shown(copy.get("value"), copy.get("unit"), decimals=copy.get("decimals"),
                  qualifier=copy.get("qualifier") or "", value_max=copy.get("value_max"))
    period = _str(copy.get("period"))
    return (f"{value} ({period})" if period else value), _str(copy.get("text_en"))


def diff_pack(pack: Pack, catalog: Catalog) -> list[ItemChange]:
    """Items whose catalog version differs from the pack's copy ("updated"), or that the catalog lacks ("missing")."""
    changes: list[ItemChange] = []
    for item in pack.items:
        if item.kind not in ("fact", "chart") or not item.copy:
            continue
        current = copy_of(item, catalog)
        old_value, old_text = _figure(item.copy)
        if current is None:
            changes.append(ItemChange(item.uid, item.kind, item.ref, "missing", old_value=old_value,
                                      old_text=old_text, old_sources=list((item.copy.get("sources") or []))))
            continue
        if _comparable(current) == _comparable(item.copy):
            continue
        new_value, new_text = _figure(current)
        changes.append(ItemChange(item.uid, item.kind, item.ref, "updated", old_value=old_value, new_value=new_value,
                                  old_text=old_text, new_text=new_text,
                                  old_sources=list((item.copy.get("sources") or [])),
                                  new_sources=list((current.get("sources") or []))))
    return changes


def take_update(pack: Pack, uid: str | None, catalog: Catalog) -> Pack:
    """Replace the copy of item ``uid`` (every updated item when None) by the catalog's current version.

    Items the catalog no longer has keep their copy: nothing is dropped.
    """
    items = []
    for item in pack.items:
        if item.kind in ("fact", "chart") and (uid is None or item.uid == uid):
            current = copy_of(item, catalog)
            if current is not None:  # the user takes the catalog's version: a kept, unreadable copy goes
                item = replace(item, copy=current, kept_copy=None, unreadable=None)
        items.append(item)
    return pack.with_items(items)
