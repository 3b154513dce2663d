"""The review of agency files before anything changes, and the update made from what is accepted (Qt-free).

    review_files(paths, catalog, today=None) -> Review
        every file read by its content (an unknown format is listed in ``errors`` with the formats known);
        for each series a dataset takes: the periods new to the catalog, the values that differ (both
        values and the difference), the values the file confirms, what is refused and why, what is
        not used and why
    impacts(review, catalog, keys=None, packs=()) -> Impacts
        what accepting ``keys`` (all series when None) would change: computed rows, charts (values,
        rewritten messages, titles the new rows contradict), facts (a newer figure), saved packs
    accept(review, catalog, library, keys=None, now=None) -> Layer | None    writes the layer (None: nothing to do)

Nothing is written until ``accept``; data/ never is.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from nap_desktop.core.catalog.updates.files import UpdateFileError
from nap_desktop.core.catalog.updates.layer import (
    Layer,
    LayerRow,
    list_layers,
    write_layer,
)
from nap_desktop.core.catalog.updates.mapping import Mapped, map_files
from nap_desktop.core.catalog.updates.parsed import ParsedFile, Refusal


@dataclass(frozen=True)
class RowChange:
    dataset: str
    category: str
    series: str
    period: str
    old: float | None
    new: float
    kind: str           # "new" | "revised" | "confirmed" | "unchanged"
    file: str
    line: int
    old_source: str = ""
    old_status: str = ""
    note: str = ""
    vintage: str = ""
    files: tuple[str, ...] = ()

    @property
    def difference(self) -> float | None:
        return None if self.old is None else self.new - self.old

    def to_json(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "category": self.category, "series": self.series, "period": self.period,
                "old": self.old, "new": self.new, "difference": self.difference, "kind": self.kind,
                "file": self.file, "line": self.line, "old_source": self.old_source, "old_status": self.old_status}


@dataclass
class SeriesReview:
    key: str
    dataset: str
    label_en: str
    label_es: str
    unit: str
    mapped: Mapped
    changes: list[RowChange] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    @property
    def refused(self) -> list[Refusal]:
        return self.mapped.refused

    @property
    def not_used(self) -> list[tuple[str, str, int]]:
        return self.mapped.not_used

    @property
    def acceptable(self) -> bool:
        """Something to accept: new periods, revisions, or values whose source becomes the file."""
        return any(c.kind in ("new", "revised", "confirmed") for c in self.changes)

    def new_periods(self) -> list[str]:
        return sorted({c.period for c in self.changes if c.kind == "new"})

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "dataset": self.dataset, "label_en": self.label_en, "label_es": self.label_es,
                "unit": self.unit, "files": self.mapped.files, "new": self.count("new"),
                "revised": self.count("revised"), "confirmed": self.count("confirmed"),
                "unchanged": self.count("unchanged"), "new_periods": self.new_periods(),
                "revisions": [c.to_json() for c in self.changes if c.kind == "revised"],
                "additions": [c.to_json() for c in self.changes if c.kind == "new"],
                "refused": [r.to_json() for r in self.refused],
                "not_used": [{"code": c, "reason": r, "count": n} for c, r, n in self.not_used]}


@dataclass
class FileSummary:
    name: str
    file_name: str
    sha256: str
    format: str
    label: str
    agency: str
    encoding: str
    rows_read: int
    description: str
    notes: list[str]
    used: int = 0

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Review:
    read_on: str
    files: list[FileSummary] = field(default_factory=list)
    series: list[SeriesReview] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)   # rows of the files, whole files, unknown series
    errors: list[tuple[str, UpdateFileError]] = field(default_factory=list)
    parsed: list[ParsedFile] = field(default_factory=list, repr=False)

    def all_refused(self) -> list[Refusal]:
        return self.refused + [r for s in self.series for r in s.refused]

    def acceptable(self) -> list[SeriesReview]:
        return [s for s in self.series if s.acceptable]

    def unknown_format(self) -> bool:
        return any(e.code in ("unknown_format", "missing_columns", "html", "binary", "office") for _, e in self.errors)

    def to_json(self) -> dict[str, Any]:
        return {"read_on": self.read_on, "files": [f.to_json() for f in self.files],
                "series": [s.to_json() for s in self.series], "refused": [r.to_json() for r in self.refused],
                "errors": [{"file": p, "code": e.code, "message": e.message} for p, e in self.errors]}


@dataclass
class Impacts:
    catalog: Any                      # the catalog as it would be
    charts: dict[str, dict[str, Any]]
    facts: dict[str, dict[str, Any]]
    derived: list[dict[str, Any]]
    packs: list[dict[str, Any]]       # {"path", "title", "items": [{"ref", "kind", "old", "new"}]}

    def to_json(self) -> dict[str, Any]:
        return {"charts": {k: {**v, "rewritten": {a: list(b) for a, b in v.get("rewritten", {}).items()},
                               "flags": [list(f) for f in v.get("flags", [])],
                               "flags_es": [list(f) for f in v.get("flags_es", [])]} for k, v in self.charts.items()},
                "facts": self.facts,
                "derived": [{**d, "key": list(d["key"])} for d in self.derived], "packs": self.packs}


def _sources_of_layers(catalog: Any) -> dict[str, set[str]]:
    """source id of an applied update -> the SHA-256 of the files behind it."""
    from nap_desktop.core.catalog.updates.apply import applied_updates

    out: dict[str, set[str]] = {}
    for record in applied_updates(catalog):
        for f in record.get("files", []):
            for sid in f.get("sources", []) if isinstance(f.get("sources"), list) else []:
                out.setdefault(sid, set()).add(f.get("sha256", ""))
    return out


def review_files(paths: list[Path | str], catalog: Any, today: date | None = None) -> Review:
    from nap_desktop.core.catalog.updates.detect import read_agency_file

    today = today or date.today()
    review = Review(read_on=today.isoformat())
    for path in paths:
        try:
            parsed_list = read_agency_file(Path(path), today)
        except UpdateFileError as exc:
            review.errors.append((str(path), exc))
            continue
        review.parsed.extend(parsed_list)
    for parsed in review.parsed:
        review.files.append(FileSummary(parsed.name, parsed.source.file_name, parsed.source.sha256, parsed.format,
                                        parsed.label, parsed.agency, parsed.source.encoding, parsed.rows_read,
                                        parsed.describe(), list(parsed.notes)))
        review.refused.extend(parsed.refused)
    mapped, refused, used = map_files(review.parsed, catalog)
    review.refused.extend(refused)
    for f in review.files:
        f.used = used.get(f.name, 0)
    layer_shas = _sources_of_layers(catalog)
    sha_of = {p.name: p.source.sha256 for p in review.parsed}
    for m in mapped:
        ds = catalog.datasets[m.dataset]
        sr = SeriesReview(key=m.key, dataset=m.dataset, label_en=str(m.spec.get("label_en", m.dataset)),
                          label_es=str(m.spec.get("label_es", m.spec.get("label_en", m.dataset))), unit=ds.unit, mapped=m)
        index = ds.row_index()
        for c in m.candidates:
            old = index.get((c.category, c.series, c.period))
            if old is None or old.value is None:
                kind = "new"
            elif abs(old.value - c.value) > 1e-9 * max(1.0, abs(old.value), abs(c.value)):
                kind = "revised"
            else:
                shas = layer_shas.get(old.source, set())
                kind = "unchanged" if shas and {sha_of.get(f, "") for f in c.files} <= shas else "confirmed"
            sr.changes.append(RowChange(m.dataset, c.category, c.series, c.period,
                                        None if old is None else old.value, c.value, kind, c.file, c.line,
                                        old.source if old else "", old.status if old else "",
                                        c.flag or (old.note if old is not None and not old.note.startswith("Computed on load")
                                                   else ""), c.vintage,
                                        c.files))
        review.series.append(sr)
    return review


# --- what accepting would change ------------------------------------------------------------------
def _update_id(review: Review, keys: set[str]) -> str:
    fmt = review.parsed[0].format if review.parsed else "update"
    stem = re.sub(r"[^a-z0-9]+", "-", Path(review.parsed[0].source.file_name).stem.lower()).strip("-") if review.parsed else ""
    label = stem[:24] if len(review.parsed) == 1 else f"{len(review.parsed)}-files"
    digest = hashlib.sha256("\n".join(sorted(p.source.sha256 for p in review.parsed) + sorted(keys)).encode()).hexdigest()
    return re.sub(r"-{2,}", "-", f"{fmt}-{label}-{digest[:8]}").strip("-")


def build_layer(review: Review, catalog: Any, keys: set[str] | None = None,
                now: datetime | None = None) -> Layer | None:
    """The layer accepting ``keys`` (every acceptable series when None) would write; None: nothing to do."""
    from nap_desktop.core.catalog.model import Source

    chosen = [s for s in review.acceptable() if keys is None or s.key in keys]
    if not chosen:
        return None
    keys = {s.key for s in chosen}
    now = now or datetime.now(UTC)
    uid = _update_id(review, keys)
    by_name = {p.name: p for p in review.parsed}
    sources: dict[str, Source] = {}
    source_for: dict[tuple[str, tuple[str, ...]], str] = {}
    files_sources: dict[str, list[str]] = {}
    rows: list[LayerRow] = []
    for s in chosen:
        ds = catalog.datasets[s.dataset]
        release = getattr(ds, "release", {}) or {}
        for c in s.changes:
            if c.kind not in ("new", "revised", "confirmed"):
                continue
            group = (s.key, c.files or (c.file,))
            sid = source_for.get(group)
            if sid is None:
                sid = f"user.update-{uid}-{len(sources) + 1}"
                source_for[group] = sid
                parsed = [by_name[f] for f in group[1] if f in by_name]
                first = parsed[0] if parsed else review.parsed[0]
                names = ", ".join(p.name for p in parsed)
                hashes = "; ".join(f"{p.name} SHA-256 {p.source.sha256}" for p in parsed)
                agency = release.get("agency") or first.agency
                url = (s.mapped.urls[0] if s.mapped.urls else "") or release.get("page", "")
                many = len(parsed) > 1
                sources[sid] = Source(
                    id=sid, publisher=agency, status="official", url=url, date=review.read_on, origin="user",
                    publisher_es=release.get("agency_es", "") if release.get("agency") else "",
                    title=f"{s.label_en}, from the agency's file{'s' if many else ''} {names}",
                    title_es=f"{s.label_es}, del archivo{'s' if many else ''} del organismo {names}",
                    note=f"Read by NAP Briefing on {review.read_on} from the agency's download "
                         f"({first.label}, {first.source.encoding}): {hashes}. Update {uid}.",
                    note_es=f"Leído por NAP Briefing el {review.read_on} de la descarga del organismo "
                            f"({first.label}, {first.source.encoding}): {hashes}. Actualización {uid}.")
                for p in parsed:
                    files_sources.setdefault(p.name, []).append(sid)
            rows.append(LayerRow(s.dataset, c.category, c.series, c.period, c.new, sid, "official", c.note, c.vintage))
    files = [{"name": f.name, "sha256": f.sha256, "format": f.format, "label": f.label, "agency": f.agency,
              "encoding": f.encoding, "rows": f.rows_read, "sources": files_sources.get(f.name, [])}
             for f in review.files]
    series = [{"key": s.key, "dataset": s.dataset, "label_en": s.label_en, "label_es": s.label_es,
               "new": s.count("new"), "revised": s.count("revised"), "confirmed": s.count("confirmed")}
              for s in chosen]
    return Layer(id=uid, applied=now.strftime("%Y-%m-%dT%H:%M:%SZ"), read_on=review.read_on, files=files,
                 series=series, sources=sources, rows=rows)


def impacts(review: Review, catalog: Any, keys: set[str] | None = None,
            packs: list[Path | str] | tuple = (), library: Path | str | None = None) -> Impacts:
    """What accepting ``keys`` would change (nothing is written)."""
    from nap_desktop.core.catalog.updates.apply import apply_layers, before_updates

    layer = build_layer(review, catalog, keys)
    if layer is None:
        return Impacts(catalog, {}, {}, [], [])
    existing = list_layers(library) if library else []
    after = apply_layers(before_updates(catalog), existing + [layer], library_root=library)
    from nap_desktop.core.catalog.updates.apply import update_effects

    effects = update_effects(after)
    before_effects = update_effects(catalog)
    charts = {cid: v for cid, v in effects.charts.items()
              if not _same_chart(catalog.charts.get(cid), after.charts.get(cid))}
    facts = {fid: v for fid, v in effects.facts.items() if before_effects.facts.get(fid, {}).get("new") != v.get("new")}
    derived = [d for d in effects.derived if d not in before_effects.derived]
    return Impacts(after, charts, facts, derived, pack_changes(packs, catalog, after))


def _same_chart(a: Any, b: Any) -> bool:
    return a is not None and b is not None and a.to_json() == b.to_json()


def pack_changes(packs: list[Path | str] | tuple, before: Any, after: Any) -> list[dict[str, Any]]:
    """The saved packs whose items would show something else after the update (their copies stay)."""
    from nap_desktop.core.pack.packfile import PackFileError, load_pack
    from nap_desktop.core.pack.snapshot import copy_of

    out = []
    for path in packs:
        try:
            pack = load_pack(Path(path))
        except (PackFileError, OSError, ValueError):
            continue
        items = []
        for item in pack.items:
            if item.kind not in ("fact", "chart"):
                continue
            old, new = copy_of(item, before), copy_of(item, after)
            if old is not None and new is not None and old != new:
                items.append({"ref": item.ref, "kind": item.kind})
        if items:
            out.append({"path": str(path), "title": pack.title, "items": items})
    return out


def accept(review: Review, catalog: Any, library: Path | str, keys: set[str] | None = None,
           now: datetime | None = None) -> Layer | None:
    """Write the update accepting ``keys`` into the library; None when there is nothing to do
    (nothing acceptable, or the same files and series are applied already)."""
    layer = build_layer(review, catalog, keys, now)
    if layer is None:
        return None
    if any(existing.id == layer.id for existing in list_layers(library)):
        return None
    write_layer(library, layer)
    return layer
