"""The update layer laid over a catalog: rows replaced and added, and everything computed from them
following (Qt-free).

    apply_layers(catalog, layers, data_root=None, library_root=None) -> Catalog
    before_updates(catalog) -> Catalog          the catalog without any layer (what data/ + library give)
    applied_updates(catalog) -> list[dict]      each applied update's record (id, files, series, date)
    update_effects(catalog) -> Effects          charts rewritten or flagged, facts with a newer figure,
                                                computed rows that changed or could not be recomputed

``data/`` is never written: a layer lives in the user library (layer.py) and is applied on load.
What follows the rows:

- **annual totals** declared with ``annual_sums`` are computed again, only from twelve months of
  one vintage: when an update gives some of a year's months and the bundled rows the others, the
  total is not mixed: the previous total stays, and the effects say why;
- ``update_sums``: a typed annual row (a first release as the press reported it) is replaced by
  the sum of its twelve months when one update gives all twelve (the agency's file is newer);
- ``ranks_from``: ranks among the states are ranked again from the updated values;
- charts are rebuilt from their declarations (TDRs, shares and sums are computed when a chart is
  built), their messages' numbers rewritten, their titles' claims checked (chart_follow.py);
- a fact whose figure is the report's keeps it; where a check (checks.toml) recomputes its figure
  from rows an update changed, its note says "Newer figure: … (source)".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from nap_desktop.core.catalog.files import read_regular_text
from nap_desktop.core.catalog.model import Catalog, DatasetRow, Source
from nap_desktop.core.catalog.updates.declarations import period_order

MONTHS = tuple(f"{m:02d}" for m in range(1, 13))
_CACHE_KEYS = ("_index", "_row_index")


@dataclass
class Effects:
    #: chart id -> {"title_en", "changed", "new", "rewritten": {key: (old, new)}, "flags": [(key, reason)]}
    charts: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: fact id -> {"old", "new", "text_en", "text_es", "source"}
    facts: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: computed rows: {"dataset", "key", "old", "new", "kind": "recomputed"|"kept_mixed"|"replaced", "reason"}
    derived: list[dict[str, Any]] = field(default_factory=list)
    #: datasets whose rows changed (directly or computed)
    datasets: set[str] = field(default_factory=set)


def before_updates(catalog: Catalog) -> Catalog:
    return catalog.__dict__.get("before_updates", catalog)


def applied_updates(catalog: Catalog) -> list[dict[str, Any]]:
    return list(catalog.__dict__.get("applied_updates", []))


def update_effects(catalog: Catalog) -> Effects:
    return catalog.__dict__.get("update_effects") or Effects()


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _dataset_blocks(catalog: Catalog, data_root: Path | None, library_root: Path | None) -> dict[str, dict]:
    """Each dataset's [dataset] table (its annual_sums, update_sums, ranks_from), read from its file."""
    from nap_desktop.core.catalog import toml_fast

    out: dict[str, dict] = {}
    for did, ds in catalog.datasets.items():
        root = library_root if ds.origin == "user" else data_root
        if root is None or not ds.file:
            continue
        try:
            text = read_regular_text(Path(root) / ds.file)
        except (OSError, UnicodeDecodeError):
            continue
        if "annual_sums" not in text and "update_sums" not in text and "ranks_from" not in text:
            continue
        try:
            block = toml_fast.loads(text).get("dataset", {})
        except Exception:  # noqa: BLE001 - the loader reports a malformed file
            continue
        if isinstance(block, dict):
            out[did] = block
    return out


def _rank(values: dict[str, float]) -> dict[str, int]:
    ordered = sorted(values.values(), reverse=True)
    first: dict[float, int] = {}
    for i, v in enumerate(ordered):
        first.setdefault(v, i + 1)
    return {k: first[v] for k, v in values.items()}


def apply_layers(catalog: Catalog, layers: list[Any], data_root: Path | str | None = None,
                 library_root: Path | str | None = None) -> Catalog:
    """``catalog`` with ``layers`` (layer.Layer, oldest first) applied; the original stays reachable
    through before_updates(). With no layers, ``catalog`` itself."""
    pre = before_updates(catalog)
    if not layers:
        return pre
    if data_root is None:
        data_root = pre.__dict__.get("data_root")
        if data_root is None:
            from nap_desktop.paths import data_dir
            data_root = data_dir()
    data_root = Path(data_root)
    library_root = Path(library_root) if library_root else None
    effects = Effects()
    sources: dict[str, Source] = dict(pre.sources)
    for layer in layers:
        sources.update(layer.sources)

    # 1. rows replaced and added, in the order the updates were applied
    rows_by_ds: dict[str, list[DatasetRow]] = {}
    positions: dict[str, dict[tuple, int]] = {}
    vintage: dict[tuple, str] = {}  # (dataset, category, series, period) -> vintage of a layer row
    for layer in layers:
        for lr in layer.rows:
            ds = pre.datasets.get(lr.dataset)
            if ds is None:
                continue  # the dataset is gone from this data version: the row has nowhere to go
            rows = rows_by_ds.get(lr.dataset)
            if rows is None:
                rows = rows_by_ds[lr.dataset] = list(ds.rows)
                positions[lr.dataset] = {(r.category, r.series, r.period): i for i, r in enumerate(rows)}
            key = (lr.category, lr.series, lr.period)
            new = DatasetRow(category=lr.category, series=lr.series, period=lr.period, value=lr.value,
                             source=lr.source, status=lr.status, note=lr.note, line=0)
            pos = positions[lr.dataset].get(key)
            if pos is None:
                positions[lr.dataset][key] = len(rows)
                rows.append(new)
            else:
                rows[pos] = new
            vintage[(lr.dataset, *key)] = lr.vintage
    for did, rows in rows_by_ds.items():
        # new periods after the old ones, in time order (a chart takes its periods in row order)
        old_n = len(pre.datasets[did].rows)
        tail = sorted(rows[old_n:], key=lambda r: (period_order(r.period) or (0, 0), r.period))
        rows_by_ds[did] = rows[:old_n] + tail
        effects.datasets.add(did)

    def current_rows(did: str) -> list[DatasetRow]:
        return rows_by_ds.get(did) or list(pre.datasets[did].rows)

    # 2. computed rows follow
    blocks = _dataset_blocks(pre, data_root, library_root)
    for did, block in blocks.items():
        if did not in pre.datasets:
            continue
        for spec_key in ("annual_sums", "update_sums"):
            for spec in block.get(spec_key, []) or []:
                if not isinstance(spec, dict) or spec.get("from") not in effects.datasets:
                    continue
                _sum_rows(pre, did, spec, spec_key, current_rows, rows_by_ds, vintage, effects, layers)
        ranks = block.get("ranks_from")
        if isinstance(ranks, dict) and ranks.get("dataset") in effects.datasets:
            _rank_rows(pre, did, ranks, current_rows, rows_by_ds, effects)

    # 3. datasets with their new rows and status
    from nap_desktop.core.catalog.derive import weakest

    datasets = dict(pre.datasets)
    for did, rows in rows_by_ds.items():
        ds = pre.datasets[did]
        datasets[did] = replace(ds, rows=tuple(rows), status=weakest([r.status for r in rows]) or ds.status)
        datasets[did].__dict__.pop("_row_index", None)

    # 4. charts rebuilt
    from nap_desktop.core.catalog.updates import rebuild

    charts = dict(pre.charts)
    rebuilt = rebuild.rebuild_charts(pre, datasets, effects.datasets, data_root, library_root)
    for cid, (spec, follow) in rebuilt.items():
        charts[cid] = spec
        if follow.changed_values or follow.new_cells or follow.flags or follow.rewritten:
            effects.charts[cid] = {"title_en": pre.charts[cid].title_en, "title_es": pre.charts[cid].title_es,
                                   "changed": follow.changed_values, "new": follow.new_cells,
                                   "rewritten": follow.rewritten, "flags": follow.flags,
                                   "flags_es": follow.flags_es, "dropped": follow.dropped,
                                   "dataset": spec.dataset}

    # 5. facts: the report's figure stays; a newer comparable figure is said
    facts = list(pre.facts)
    newer = rebuild.newer_figures(pre, datasets, effects.datasets, data_root, sources)
    if newer:
        index = {f.id: i for i, f in enumerate(facts)}
        for fid, info in newer.items():
            i = index.get(fid)
            if i is None:
                continue
            f = facts[i]
            note_en = (f.note_en + " " if f.note_en else "") + info["text_en"]
            note_es = (f.note_es + " " if f.note_es else "") + info["text_es"]
            facts[i] = replace(f, note_en=note_en.strip(), note_es=note_es.strip())
            effects.facts[fid] = info
    out = Catalog(version=pre.version, sections=pre.sections, sources=sources, facts=tuple(facts),
                  datasets=datasets, charts=charts)
    for key, value in pre.__dict__.items():
        if key not in ("version", "sections", "sources", "facts", "datasets", "charts") + _CACHE_KEYS:
            out.__dict__[key] = value
    out.__dict__["before_updates"] = pre
    out.__dict__["applied_updates"] = [layer.record() for layer in layers]
    out.__dict__["update_effects"] = effects
    return out


def _sum_rows(pre: Catalog, did: str, spec: dict, spec_key: str, current_rows: Any, rows_by_ds: dict,
              vintage: dict, effects: Effects, layers: list[Any]) -> None:
    src_id = str(spec["from"])
    src_index = {(r.category, r.series, r.period): r for r in current_rows(src_id)}
    scale = float(spec.get("scale", 1))
    rows = rows_by_ds.get(did)
    if rows is None:
        rows = rows_by_ds[did] = list(pre.datasets[did].rows)
    pos = {(r.category, r.series, r.period): i for i, r in enumerate(rows)}
    from nap_desktop.core.catalog.derive import weakest

    layer_sources = {sid for layer in layers for sid in layer.sources}
    for cat in spec.get("categories", []):
        for ser in spec.get("series", []):
            for year in spec.get("years", []):
                key = (str(cat), str(ser), str(year))
                months = [src_index.get((str(cat), str(ser), f"{year}-{m}")) for m in MONTHS]
                if any(r is None or r.value is None for r in months):
                    continue
                vints = {vintage.get((src_id, r.category, r.series, r.period), r.source) for r in months}
                from_update = [r for r in months if r.source in layer_sources]
                old = rows[pos[key]] if key in pos else None
                if not from_update:
                    continue  # nothing of this year came from an update
                if len(vints) > 1:
                    effects.derived.append({"dataset": did, "key": key, "old": old.value if old else None,
                                            "new": old.value if old else None, "kind": "kept_mixed",
                                            "reason": f"{year}: {len(from_update)} of its months come from the update "
                                                      f"and {12 - len(from_update)} from another vintage; a total is "
                                                      "made only from twelve months of one vintage, so the previous "
                                                      "figure stays"})
                    continue
                if spec_key == "update_sums" and len(from_update) < 12:
                    continue
                total = round(sum(r.value for r in months) * scale, 6)  # type: ignore[misc]
                note = (f"Computed on load: sum of the twelve months {year}-01..{year}-12 of {src_id}"
                        + (f" × {spec.get('scale')}" if "scale" in spec else "") + ", from the update file")
                new = DatasetRow(category=key[0], series=key[1], period=key[2], value=total,
                                 source=months[0].source, status=weakest([r.status for r in months]), note=note)
                if old is not None and _close(old.value, total) and old.source == new.source:
                    continue
                effects.derived.append({"dataset": did, "key": key, "old": old.value if old else None, "new": total,
                                        "kind": "replaced" if spec_key == "update_sums" else "recomputed",
                                        "reason": f"sum of the twelve months of {year} ({src_id})"})
                if key in pos:
                    rows[pos[key]] = new
                else:
                    pos[key] = len(rows)
                    rows.append(new)
                effects.datasets.add(did)


def _rank_rows(pre: Catalog, did: str, spec: dict, current_rows: Any, rows_by_ds: dict, effects: Effects) -> None:
    src = str(spec["dataset"])
    exclude = set(spec.get("exclude", []))
    groups: dict[tuple[str, str], dict[str, DatasetRow]] = {}
    for r in current_rows(src):
        if r.category in exclude or r.value is None:
            continue
        groups.setdefault((r.series, r.period), {})[r.category] = r
    rows = rows_by_ds.get(did)
    if rows is None:
        rows = rows_by_ds[did] = list(pre.datasets[did].rows)
    pos = {(r.category, r.series, r.period): i for i, r in enumerate(rows)}
    changed = False
    for (ser, period), members in groups.items():
        ranks = _rank({c: r.value for c, r in members.items()})  # type: ignore[misc]
        for cat, place in ranks.items():
            key = (cat, ser, period)
            old = rows[pos[key]] if key in pos else None
            srow = members[cat]
            if old is not None and old.value == place and old.source == srow.source:
                continue
            new = DatasetRow(category=cat, series=ser, period=period, value=float(place), source=srow.source,
                             status=srow.status, note="ranked again from the updated values")
            if key in pos:
                rows[pos[key]] = new
            else:
                pos[key] = len(rows)
                rows.append(new)
            if old is None or old.value != place:
                changed = True
    if changed:
        effects.derived.append({"dataset": did, "key": ("*", "*", "*"), "old": None, "new": None,
                                "kind": "recomputed", "reason": f"ranks among the states from {src}"})
        effects.datasets.add(did)


def finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value)


def manifest_updates(catalog: Catalog, source_ids: list[str]) -> list[dict[str, Any]]:
    """The applied updates a bundle's figures come from (for its manifest): each update whose sources
    the pack cites, with its files (name, SHA-256), the day they were read and the sources used."""
    prefix = "user.update-"
    used: dict[str, list[str]] = {}
    for sid in source_ids:
        if sid.startswith(prefix):
            used.setdefault(sid[len(prefix):].rsplit("-", 1)[0], []).append(sid)
    records = {r["id"]: r for r in applied_updates(catalog)}
    out = []
    for uid, sids in sorted(used.items()):
        record = records.get(uid, {})
        files = [{"name": f.get("name", ""), "sha256": f.get("sha256", ""), "format": f.get("format", "")}
                 for f in record.get("files", []) if set(f.get("sources", [])) & set(sids)] if record else []
        src = catalog.sources.get(sids[0])
        if not files:  # a pack's copy (or a catalog made for a pack) keeps the sources, whose notes name the files
            import re

            for sid in sids:
                note = getattr(catalog.sources.get(sid), "note", "")
                files += [{"name": n, "sha256": h, "format": ""} for n, h in re.findall(r"(\S+) SHA-256 ([0-9a-f]{64})", note)
                          if {"name": n, "sha256": h, "format": ""} not in files]
        out.append({"id": uid, "read_on": record.get("read_on", getattr(src, "date", "")),
                    "applied": record.get("applied", ""), "files": files, "sources": sorted(sids)})
    return out
