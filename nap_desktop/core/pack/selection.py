"""Builds a briefing Pack from a selection of the catalog (`export --all / --section S / --ids A,B`).

Order is the catalog's: sections in their order, facts in file order, and each chart right after
the first selected fact it illustrates (a chart no selected fact points at follows the facts of
its section, or closes the pack). A fact never *replaces* its chart: the figure slide gives the
number to say aloud, the chart slide proves it, so ``--all`` shows every fact and every chart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nap_desktop.core.pack.packfile import Pack, PackItem

if TYPE_CHECKING:
    from nap_desktop.core.catalog.model import Catalog, Fact

ALL_TITLE = {"en": "The North American Project: the figures", "es": "The North American Project: las cifras"}


class SelectionError(ValueError):
    """A selection that names something the catalog does not have; the message is for the user."""


def _uid(kind: str, ref: str) -> str:
    # Stable uids: the same selection always gives the same pack (deterministic exports).
    return f"{kind}:{ref}"


def _chart_section(catalog: Catalog, chart_id: str) -> str | None:
    spec = catalog.charts[chart_id]
    for fact_id in getattr(spec, "facts", ()):
        fact = catalog.fact(fact_id)
        if fact is not None:
            return fact.section
    linked = next((f for f in catalog.facts if f.chart == chart_id), None)
    return linked.section if linked else None


def _charts_of(catalog: Catalog, fact: Fact) -> list[str]:
    """Every chart that illustrates a fact: its own link first, then charts naming it."""
    found = [fact.chart] if fact.chart and fact.chart in catalog.charts else []
    for chart_id, spec in catalog.charts.items():
        if fact.id in getattr(spec, "facts", ()) and chart_id not in found:
            found.append(chart_id)
    return found


def _items_for(catalog: Catalog, facts: list[Fact], extra_charts: list[str], emitted: set[str]) -> list[PackItem]:
    items: list[PackItem] = []
    for fact in facts:
        items.append(PackItem(kind="fact", ref=fact.id, uid=_uid("fact", fact.id)))
        for chart_id in _charts_of(catalog, fact):
            if chart_id not in emitted:
                emitted.add(chart_id)
                items.append(PackItem(kind="chart", ref=chart_id, uid=_uid("chart", chart_id)))
    for chart_id in extra_charts:
        if chart_id not in emitted:
            emitted.add(chart_id)
            items.append(PackItem(kind="chart", ref=chart_id, uid=_uid("chart", chart_id)))
    return items


def pack_all(catalog: Catalog, *, lang: str = "en") -> Pack:
    """Every fact and every chart, one divider per section."""
    items: list[PackItem] = []
    emitted: set[str] = set()
    chart_sections = {cid: _chart_section(catalog, cid) for cid in catalog.charts}
    for section in sorted(catalog.sections, key=lambda s: s.order):
        facts = catalog.facts_in(section.id)
        orphans = [cid for cid, sec in chart_sections.items() if sec == section.id]
        if not facts and not orphans:
            continue
        items.append(PackItem(kind="divider", text=section.title(lang), uid=_uid("divider", section.id)))
        items += _items_for(catalog, facts, orphans, emitted)
    leftovers = [cid for cid in catalog.charts if cid not in emitted]
    items += _items_for(catalog, [], leftovers, emitted)
    return Pack(title=ALL_TITLE[lang], lang=lang, items=tuple(items))


def pack_section(catalog: Catalog, section_id: str, *, lang: str = "en") -> Pack:
    section = catalog.section(section_id)
    if section is None:
        known = ", ".join(s.id for s in catalog.sections)
        raise SelectionError(f"there is no section {section_id!r} in the catalog (sections: {known})")
    orphans = [cid for cid in catalog.charts if _chart_section(catalog, cid) == section_id]
    items = _items_for(catalog, catalog.facts_in(section_id), orphans, set())
    return Pack(title=section.title(lang), lang=lang, items=tuple(items))


def pack_ids(catalog: Catalog, ids: list[str], *, lang: str = "en", with_charts: bool = True) -> Pack:
    """Named facts and charts in the order given, each fact followed by its chart(s) (only the named items
    when ``with_charts`` is False: `pack new` adds charts only when asked).

    A chart that is itself named sits where it was named, not behind its fact; an id named twice
    is taken once, at its first place.
    """
    wanted = list(dict.fromkeys(i.strip() for i in ids if i.strip()))
    if not wanted:
        raise SelectionError("--ids needs at least one fact id")
    unknown = [i for i in wanted if catalog.fact(i) is None and i not in catalog.charts]
    if unknown:
        raise SelectionError("not in the catalog: " + ", ".join(unknown)
                             + " (list the ids with `nap-desktop catalog --json`)")
    # named charts count as placed from the start: they appear where named, never behind a fact
    placed = {i for i in wanted if catalog.fact(i) is None}
    items: list[PackItem] = []
    for ref in wanted:
        fact = catalog.fact(ref)
        if fact is None:
            items.append(PackItem(kind="chart", ref=ref, uid=_uid("chart", ref)))
        elif not with_charts:
            items.append(PackItem(kind="fact", ref=fact.id, uid=_uid("fact", fact.id)))
        else:
            items += _items_for(catalog, [fact], [], placed)
    title = {"en": "Selected figures", "es": "Cifras seleccionadas"}[lang]
    return Pack(title=title, lang=lang, items=tuple(items))
