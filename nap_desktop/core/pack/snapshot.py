"""Portable packs: every fact and chart item carries a copy of what it showed when it was added.

A pack (schema version 2) stores in ``PackItem.copy`` a plain-JSON copy of its item:

    fact:  {"kind": "fact", "id", "section", "section_title_en", "section_title_es", "topic", "countries",
            "value", "value_max", "unit", "period", "qualifier", "decimals", "text_en", "text_es",
            "label_en", "label_es", "note_en", "note_es", "chart", "origin",
            "sources": [full source dicts: id, publisher, title, url, date, status, note, origin]}
    chart: {"kind": "chart", "spec": ChartSpec.to_json() (categories, series values = the rows, gaps …),
            "sources": [full source dicts]}

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

from dataclasses import dataclass, field
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


def copy_of(item: PackItem, catalog: Catalog) -> dict[str, Any] | None:
    raise NotImplementedError


def with_copies(pack: Pack, catalog: Catalog) -> Pack:
    raise NotImplementedError


def catalog_for_pack(pack: Pack, catalog: Catalog) -> Catalog:
    raise NotImplementedError


def diff_pack(pack: Pack, catalog: Catalog) -> list[ItemChange]:
    raise NotImplementedError


def take_update(pack: Pack, uid: str | None, catalog: Catalog) -> Pack:
    raise NotImplementedError


def fact_from_copy(copy: dict[str, Any]) -> Fact:
    raise NotImplementedError


def spec_from_copy(copy: dict[str, Any]) -> ChartSpec:
    raise NotImplementedError
