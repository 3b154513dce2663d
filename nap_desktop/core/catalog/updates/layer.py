"""The update layer in the user library: accepted rows from agency files, stored beside the user's
own items and laid over the bundled datasets on load (Qt-free). ``data/`` is never written.

    <library>/updates/<id>/update.toml   what was applied: when, the files (name, SHA-256, format,
                                         agency, encoding), the series accepted, the sources
    <library>/updates/<id>/rows.csv      dataset,category,series,period,value,source,status,note,vintage

    load_layers(library) -> (list[Layer], list[Problem])     oldest first
    write_layer(library, layer) -> Path                       atomic writes; update.toml last
    remove_layer(library, update_id) -> Layer                 the previous values come back exactly
    list_layers(library) -> list[Layer]
    apply_library_layers(catalog, library, loader=None) -> Catalog    the loader's hook

Each row's source is the file it came from: publisher the agency, the series, the file's name,
SHA-256 and the day it was read, status ``official`` (the agency's own download). Removing an
update deletes its folder: the catalog is the bundled data plus the remaining layers again, so every
value it changed is back as it was, exactly.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nap_desktop.core.catalog.model import Source

FOLDER = "updates"
META = "update.toml"
ROWS = "rows.csv"
ROW_FIELDS = ("dataset", "category", "series", "period", "value", "source", "status", "note", "vintage")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{2,80}$")
#: what one update's files may weigh (twelve BTS months of state sums are well under 2 MB)
MAX_LAYER_BYTES = 64 * 1024 * 1024


class LayerError(Exception):
    """An update that cannot be written, found or removed; ``message`` for the user."""

    def __init__(self, message: str, code: str = "layer", **params: Any):
        super().__init__(message)
        self.message = message
        self.code = code
        self.params = params


@dataclass(frozen=True)
class LayerRow:
    dataset: str
    category: str
    series: str
    period: str
    value: float | None
    source: str
    status: str
    note: str = ""
    vintage: str = ""


@dataclass
class Layer:
    id: str
    applied: str                      # ISO date and time the update was accepted
    read_on: str                      # the day the files were read (YYYY-MM-DD)
    files: list[dict[str, Any]] = field(default_factory=list)
    series: list[dict[str, Any]] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    rows: list[LayerRow] = field(default_factory=list)
    folder: Path | None = None

    def record(self) -> dict[str, Any]:
        """What the manifest, --list and the Sources view say of it."""
        return {"id": self.id, "applied": self.applied, "read_on": self.read_on,
                "files": [{**{k: f.get(k, "") for k in ("name", "sha256", "format", "agency")},
                           "sources": list(f.get("sources", []))} for f in self.files],
                "series": [{k: s.get(k, "") for k in ("key", "dataset", "label_en", "label_es", "new", "revised",
                                                      "confirmed")} for s in self.series],
                "rows": len(self.rows), "datasets": sorted({r.dataset for r in self.rows})}

    def summary(self) -> str:
        files = ", ".join(f.get("name", "") for f in self.files[:3]) + (f" (+{len(self.files) - 3})" if len(self.files) > 3 else "")
        datasets = ", ".join(sorted({r.dataset for r in self.rows}))
        return f"{self.id}\t{self.read_on}\t{files}\t{len(self.rows):,} rows\t{datasets}"


def updates_folder(library: Path | str) -> Path:
    return Path(library) / FOLDER


# --- writing ------------------------------------------------------------------------------------
def _rows_csv(rows: list[LayerRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ROW_FIELDS)
    for r in rows:
        value = "" if r.value is None else (str(int(r.value)) if float(r.value).is_integer() and abs(r.value) < 1e15
                                            else repr(float(r.value)))
        writer.writerow([r.dataset, r.category, r.series, r.period, value, r.source, r.status, r.note, r.vintage])
    return out.getvalue()


def _meta_toml(layer: Layer) -> str:
    from nap_desktop.core.catalog.library_files import _toml_block

    parts = ["# An update from agency files, applied with NAP Briefing. Its rows are in rows.csv beside this file;\n"
             f"# `nap-desktop update --remove {layer.id}` takes it out again (data/ is never changed).\n\n"]
    parts.append(_toml_block("update", {"id": layer.id, "applied": layer.applied, "read_on": layer.read_on},
                             array=False))
    for f in layer.files:
        parts.append("\n" + _toml_block("file", {k: v for k, v in f.items() if v not in (None, "")}))
    for s in layer.series:
        parts.append("\n" + _toml_block("series", {k: v for k, v in s.items() if v not in (None, "")}))
    for src in layer.sources.values():
        data = {"id": src.id, "publisher": src.publisher, "publisher_es": getattr(src, "publisher_es", ""),
                "title": src.title, "title_es": src.title_es, "url": src.url,
                "date": src.date, "status": src.status, "note": src.note, "note_es": src.note_es}
        parts.append("\n" + _toml_block("source", {k: v for k, v in data.items() if v}))
    return "".join(parts)


def write_layer(library: Path | str, layer: Layer) -> Path:
    """Store ``layer`` in the library (rows first, update.toml last: a folder without update.toml is
    an update that was never completed and is ignored)."""
    from nap_desktop.core.catalog.library_files import init_library
    from nap_desktop.core.pack.packfile import atomic_write_bytes

    if not ID_RE.match(layer.id):
        raise LayerError(f"{layer.id!r} is not an update id", "bad_id", id=layer.id)
    library = init_library(library)
    folder = updates_folder(library) / layer.id
    if (folder / META).exists():
        raise LayerError(f"an update {layer.id} is already applied", "exists", id=layer.id)
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(folder / ROWS, _rows_csv(layer.rows).encode("utf-8"))
    atomic_write_bytes(folder / META, _meta_toml(layer).encode("utf-8"))
    layer.folder = folder
    return folder


def remove_layer(library: Path | str, update_id: str) -> Layer:
    """Take an applied update out of the library; raises LayerError when it is not there."""
    layers, _ = load_layers(library)
    found = next((layer for layer in layers if layer.id == update_id), None)
    if found is None or found.folder is None:
        known = ", ".join(layer.id for layer in layers) or "none"
        raise LayerError(f"no applied update {update_id!r} in {library} (applied: {known})", "unknown_id",
                         id=update_id, known=known)
    (found.folder / META).unlink()  # from here on the update is not applied, whatever happens next
    shutil.rmtree(found.folder, ignore_errors=True)
    return found


# --- reading ------------------------------------------------------------------------------------
def _read_text(path: Path, name: str, problems: list[Any]) -> str | None:
    from nap_desktop.core.catalog.files import Problem
    from nap_desktop.core.pack.packfile import PackFileError, _read_regular_file

    try:
        raw = _read_regular_file(path, MAX_LAYER_BYTES)
    except PackFileError as exc:
        problems.append(Problem(name, 0, f"cannot read the update file: {exc}"))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(name, raw[: exc.start].count(b"\n") + 1, "unreadable encoding: not UTF-8"))
        return None


def _load_one(folder: Path, library: Path, problems: list[Any]) -> Layer | None:
    from nap_desktop.core.catalog import toml_fast
    from nap_desktop.core.catalog.files import Problem
    from nap_desktop.core.catalog.model import STATUSES

    meta_name = (folder / META).relative_to(library).as_posix()
    text = _read_text(folder / META, meta_name, problems)
    if text is None:
        return None
    try:
        data = toml_fast.loads(text)
    except Exception as exc:  # noqa: BLE001 - a hand-edited file: a problem, not a traceback
        problems.append(Problem(meta_name, 0, f"malformed TOML: {exc}"))
        return None
    head = data.get("update", {})
    uid = head.get("id") if isinstance(head, dict) else None
    if not isinstance(uid, str) or uid != folder.name:
        problems.append(Problem(meta_name, 1, f"update id {uid!r} must be its folder's name {folder.name!r}"))
        return None
    sources: dict[str, Source] = {}
    for block in data.get("source", []) if isinstance(data.get("source"), list) else []:
        if not isinstance(block, dict) or not str(block.get("id", "")).startswith("user.update-"):
            problems.append(Problem(meta_name, 0, "an update's source needs an id starting 'user.update-'"))
            continue
        if block.get("status") not in STATUSES:
            problems.append(Problem(meta_name, 0, f"source {block.get('id')}: status {block.get('status')!r}"))
            continue
        sources[block["id"]] = Source(id=block["id"], publisher=str(block.get("publisher", "")),
                                      title=str(block.get("title", "")), status=block["status"],
                                      url=str(block.get("url", "")), date=str(block.get("date", "")),
                                      note=str(block.get("note", "")), origin="user",
                                      title_es=str(block.get("title_es", "")), note_es=str(block.get("note_es", "")),
                                      publisher_es=str(block.get("publisher_es", "")))
    rows_name = (folder / ROWS).relative_to(library).as_posix()
    rows_text = _read_text(folder / ROWS, rows_name, problems)
    if rows_text is None:
        return None
    rows: list[LayerRow] = []
    reader = csv.DictReader(io.StringIO(rows_text))
    if reader.fieldnames is None or tuple(reader.fieldnames) != ROW_FIELDS:
        problems.append(Problem(rows_name, 1, f"header must be {','.join(ROW_FIELDS)}"))
        return None
    for record in reader:
        line = reader.line_num
        if None in record or any(v is None for v in record.values()):
            problems.append(Problem(rows_name, line, "malformed row: not the header's fields"))
            continue
        raw = record["value"].strip()
        try:
            value = float(raw) if raw else None
        except ValueError:
            problems.append(Problem(rows_name, line, f"value {raw!r} is not a number"))
            continue
        if record["source"] not in sources or record["status"] not in STATUSES:
            problems.append(Problem(rows_name, line, f"row with unknown source {record['source']!r} or status "
                                                     f"{record['status']!r}"))
            continue
        rows.append(LayerRow(record["dataset"], record["category"], record["series"], record["period"], value,
                             record["source"], record["status"], record["note"], record["vintage"]))

    def blocks(name: str) -> list[dict]:
        value = data.get(name, [])
        return [dict(v) for v in value if isinstance(v, dict)] if isinstance(value, list) else []

    return Layer(id=uid, applied=str(head.get("applied", "")), read_on=str(head.get("read_on", "")),
                 files=blocks("file"), series=blocks("series"), sources=sources, rows=rows, folder=folder)


def load_layers(library: Path | str | None) -> tuple[list[Layer], list[Any]]:
    """Every applied update of the library, oldest first, and the problems of any that cannot be read."""
    problems: list[Any] = []
    if library is None:
        return [], problems
    library = Path(library)
    folder = updates_folder(library)
    if not folder.is_dir():
        return [], problems
    layers = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()):
        if not (sub / META).is_file():
            continue  # never completed (or being removed): not applied
        layer = _load_one(sub, library, problems)
        if layer is not None:
            layers.append(layer)
    layers.sort(key=lambda layer: (layer.applied, layer.id))
    return layers, problems


def list_layers(library: Path | str | None) -> list[Layer]:
    return load_layers(library)[0]


def apply_library_layers(catalog: Any, library: Path | str, loader: Any = None) -> Any:
    """The loader's hook: ``catalog`` (bundled + library) with the library's updates laid over it."""
    layers, problems = load_layers(library)
    if loader is not None:
        loader.problems.extend(problems)
    if not layers:
        return catalog
    from nap_desktop.core.catalog.updates.apply import apply_layers

    return apply_layers(catalog, layers, catalog.__dict__.get("data_root"), Path(library))
