"""The user library: the user's own facts, sources, datasets and charts (Qt-free).

A library is a folder in the same plain-text format as ``data/`` (so ``nap-desktop data check DIR``
validates it and a colleague can copy or version it):

    library.toml                 format = "nap-library", version = 1 (marks the folder as a library)
    sources/<id>.toml            one [[source]] block per file
    facts/<id>.toml              one [[fact]] block per file
    datasets/<id>.toml + .csv    as in data/
    charts/<id>.toml             one [[chart]] block per file

It has no catalog.toml: its facts use the bundled sections, and may cite bundled sources as well
as its own. Every user id starts with ``USER_PREFIX`` ("user."), and no bundled id may (the loader
enforces both), so a user id can never collide with a bundled one, now or after a data update.
User items follow every rule bundled ones do: a source with a status on every fact and row,
nothing estimated. Items loaded from a library have ``origin == "user"``.

The default folder (QStandardPaths.AppDataLocation) is a Qt matter and lives in ``ui``; here:

    USER_PREFIX = "user."
    LibraryError(problems)                          every problem at once: .problems (English text),
                                                    .texts(lang) (each in "en" or "es"), .items (Messages
                                                    and loader Problems: see core/catalog/messages.py)
    resolve_library(arg) -> Path | None             --library DIR, else $NAP_LIBRARY, else None
    is_library(path) -> bool                        has library.toml
    init_library(path) -> Path                      create the folder layout (idempotent)
    user_id(text) -> str                            "Members surveyed" -> "user.members-surveyed"
    load_catalog_with_library(library, data_root=None) -> Catalog        raises CatalogError
    load_library_with_problems(library, data_root=None) -> (Catalog, list[Problem])
    add_fact(library, fact: dict) -> str            fact in data/'s [[fact]] shape (see below)
    update_fact(library, fact_id, fact: dict) -> str
    remove_fact(library, fact_id) -> None
    add_source(library, source: dict) -> str        publisher, title, url, date, status [, id, note]
    list_items(library) -> list[LibraryItem]        kind "fact"|"source"|"dataset"|"chart", id, title, file
    save_table(library, table, *, id, kind, title_en, title_es="", unit, source, status,
               orientation="categories_in_rows", period="", decimals=None,
               subtitle_en="", subtitle_es="", notes_en="", notes_es="") -> (dataset_id, chart_id)
    fact_to_toml(fact: dict) -> str                 the text written to facts/<id>.toml

A fact dict uses data/'s keys: id (optional: made from text_en; "user." added when missing),
section, topic, countries, value, value_max, unit, period, qualifier, decimals, label_en, label_es,
text_en, text_es (may be ""), note_en, note_es, and ``sources``: a list whose entries are source
ids (bundled or user) or source dicts {publisher, title, url, date, status[, note, id]}, which are
written as user sources. A fact must have at least one source, and every new source needs
publisher, title, URL, date and a status (official|report|secondary). Anything wrong raises
LibraryError listing every problem; nothing is written unless the whole library still validates
(the write is checked by loading the library with the same rules as data/, and undone on failure).
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nap_desktop.core.catalog.loader import Problem
    from nap_desktop.core.catalog.model import Catalog
    from nap_desktop.core.catalog.tables import ParsedTable

from nap_desktop.core.catalog.library_files import (  # noqa: F401 - their names here too
    MARKER, USER_PREFIX, _toml_block, _write, init_library)

ENV_VAR = "NAP_LIBRARY"
ORIENTATIONS = ("categories_in_rows", "categories_in_columns")
#: chart kinds a user table can be drawn as (the Import dialog offers these)
TABLE_KINDS = ("line", "column", "bar", "grouped", "stacked", "share", "diverging", "table")


class LibraryError(Exception):
    """A change the library cannot take; every reason, for the user.

    ``items`` are Messages (code + parameters) and loader Problems (FILE:LINE: message);
    ``problems`` is their English text (the command line, logs); ``texts(lang)`` gives them in the
    language the user reads (the window's interface language).
    """

    def __init__(self, problems: list[Any]):
        self.items = list(problems)
        self.problems = [str(p) for p in self.items]
        super().__init__("\n".join(self.problems))

    def texts(self, lang: str = "en") -> list[str]:
        from nap_desktop.core.catalog.messages import render

        return [render(p, lang) for p in self.items]


@dataclass(frozen=True)
class LibraryItem:
    kind: str  # "fact", "source", "dataset", "chart"
    id: str
    title: str
    file: str  # relative to the library folder


SOURCE_FIELDS = ("publisher", "title", "url", "date", "status")
FACT_KEYS = ("id", "section", "topic", "countries", "value", "value_max", "unit", "period", "qualifier",
             "decimals", "label_en", "label_es", "title_en", "title_es", "text_en", "text_es", "sources",
             "note_en", "note_es")
BLANK_NOTE = "Blank in the imported table: no figure given (a gap, not a zero)"
#: a period the table does not have, between its first and last, added so the time axis keeps its steps
ADDED_NOTE = "Not in the imported table: a period between its first and last, added as a gap (not a zero)"
BLANK_REASON = {"en": "No figure in the imported table", "es": "Sin cifra en la tabla importada"}


def _msg(code: str, **params: Any) -> Any:
    from nap_desktop.core.catalog.messages import msg

    return msg(code, **params)


def _choices(values: Any) -> str:
    return ", ".join(values)


def resolve_library(arg: Path | str | None) -> Path | None:
    """The library folder: the --library argument, else $NAP_LIBRARY, else None (the UI then uses its default)."""
    if arg:
        return Path(arg).expanduser()
    env = os.environ.get(ENV_VAR, "").strip()
    return Path(env).expanduser() if env else None


def is_library(path: Path | str) -> bool:
    """A library folder: has library.toml, or (hand-made) data folders without a catalog.toml."""
    path = Path(path)
    if (path / MARKER).is_file():
        return True
    return path.is_dir() and not (path / "catalog.toml").exists() and any(
        (path / d).is_dir() for d in ("facts", "sources", "datasets", "charts"))


def user_id(text: str) -> str:
    """An id in the user namespace: "Members surveyed, 2025" -> "user.members-surveyed-2025"."""
    text = str(text).strip()
    if text.startswith(USER_PREFIX):
        text = text[len(USER_PREFIX):]
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9_]+", "-", ascii_text).strip("-")
    slug = re.sub(r"-{2,}", "-", slug)[:60].strip("-") or "item"
    return USER_PREFIX + slug


# --- loading ----------------------------------------------------------------------------------
def load_library_with_problems(library: Path | str | None, data_root: Path | str | None = None, *,
                               bundled_rules: bool = True) -> tuple[Catalog, list[Problem]]:
    """The bundled catalog plus the library (if any), and every problem in the library.

    Problems in the bundled data are raised (CatalogError): they are not the user's to fix.
    ``bundled_rules=False`` skips the file-level data rules on the bundled data only (app start-up;
    tests and ``data check`` run them); the library always gets every rule.
    """
    from nap_desktop.core.catalog.loader import load_catalog, load_second_root

    base = load_catalog(data_root, rules=bundled_rules)
    if library is None or not Path(library).exists():
        return base, []
    catalog, problems = load_second_root(base, Path(library))
    return catalog, problems + _library_problems(Path(library), catalog)


#: the library.toml version this app writes and reads
LIBRARY_VERSION = 1
#: the largest figure a fact may state (a USD trillion figure is 1e1 in usd_tn; a count 1e10): beyond it the
#: number is a typing accident, and formatting it would print 300 digits
MAX_FIGURE = 1e15
_URL_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _library_problems(folder: Path, catalog: Catalog) -> list[Problem]:
    """What the loader does not say about a library as a whole: its library.toml (missing, unreadable, from a
    newer version), a data folder that is a file, a source address with a control character, a figure too
    large to be one."""
    from nap_desktop.core.catalog.files import Problem, _TomlFile

    out: list[Problem] = []
    marker = folder / MARKER
    if marker.exists() or marker.is_symlink():
        f = _TomlFile(marker, folder, out)
        version = (f.data or {}).get("version", LIBRARY_VERSION) if f.data is not None else LIBRARY_VERSION
        if f.data is not None and version != LIBRARY_VERSION:
            out.append(Problem(MARKER, f.key_line(1, "version") if f.lines else 0,
                               f"version {version!r}: this library was written by another version of NAP Briefing "
                               f"(this one reads version {LIBRARY_VERSION}); its files were read as version "
                               f"{LIBRARY_VERSION}: check them, or open it with that version"))
    for sub in ("facts", "sources", "datasets", "charts"):
        if (folder / sub).exists() and not (folder / sub).is_dir():
            out.append(Problem(sub, 0, "a file where a folder belongs"))
    for src in catalog.sources.values():
        if getattr(src, "origin", "") == "user" and _URL_CONTROL.search(src.url or ""):
            bad = _URL_CONTROL.search(src.url).group()
            out.append(Problem("sources/", 0, f"source {src.id}: url holds a control character (U+{ord(bad):04X}): "
                                              "write the address as the agency's page gives it"))
    for fact in catalog.facts:
        value = getattr(fact, "value", None)
        if getattr(fact, "origin", "") == "user" and isinstance(value, (int, float)) and abs(value) > MAX_FIGURE:
            out.append(Problem(fact.file or "facts/", fact.line,
                               f"fact {fact.id}: value {value:g} is too large to be a figure (at most {MAX_FIGURE:g})"))
    return out


def load_catalog_with_library(library: Path | str | None, data_root: Path | str | None = None, *,
                              bundled_rules: bool = True) -> Catalog:
    """Bundled + user (user items have origin="user"); raises CatalogError listing the library's problems."""
    from nap_desktop.core.catalog.loader import CatalogError

    catalog, problems = load_library_with_problems(library, data_root, bundled_rules=bundled_rules)
    if problems:
        raise CatalogError(problems)
    return catalog


def fact_to_toml(fact: dict[str, Any]) -> str:
    """The text written to facts/<id>.toml (data/'s [[fact]] format, keys in data/'s order)."""
    ordered = {k: fact[k] for k in FACT_KEYS if k in fact}
    ordered.update({k: v for k, v in fact.items() if k not in ordered})
    return "# A fact from your library (NAP Briefing).\n\n" + _toml_block("fact", ordered)


def _source_toml(source: dict[str, Any]) -> str:
    keys = ("id", "publisher", "title", "url", "date", "status", "note")
    return "# A source from your library (NAP Briefing).\n\n" + _toml_block(
        "source", {k: source[k] for k in keys if source.get(k) not in (None, "")})


class _Change:
    """Files written for one change, undone together when the library no longer validates."""

    def __init__(self, library: Path):
        self.library = library
        self.saved: dict[Path, bytes | None] = {}

    def write(self, path: Path, text: str) -> None:
        if path not in self.saved:
            self.saved[path] = path.read_bytes() if path.exists() else None
        _write(path, text)

    def delete(self, path: Path) -> None:
        if path not in self.saved:
            self.saved[path] = path.read_bytes() if path.exists() else None
        if path.exists():
            path.unlink()

    def undo(self) -> None:
        for path, old in self.saved.items():
            if old is None:
                if path.exists():
                    path.unlink()
            else:
                _write(path, old.decode("utf-8"))

    def commit(self, before: list[str]) -> Catalog:
        """Validate the library after the change; undo it and raise LibraryError on new problems."""
        try:
            catalog, problems = load_library_with_problems(self.library)
        except BaseException:
            self.undo()
            raise
        new = [p for p in problems if str(p) not in before]
        if new:
            self.undo()
            raise LibraryError(new)
        return catalog


def _problems_now(library: Path) -> tuple[Catalog, list[str]]:
    catalog, problems = load_library_with_problems(library)
    return catalog, [str(p) for p in problems]


# --- sources -----------------------------------------------------------------------------------
def _check_source(source: dict[str, Any], where: Any) -> list[Any]:
    from nap_desktop.core.catalog.model import STATUSES

    problems = []
    for key in SOURCE_FIELDS:
        value = source.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(_msg("source.missing", where=where, field=_msg(f"field.{key}")))
    status = source.get("status")
    if isinstance(status, str) and status.strip() and status not in STATUSES:
        problems.append(_msg("source.bad_status", where=where, status=status, choices=_choices(STATUSES)))
    url = source.get("url")
    if isinstance(url, str) and url.strip() and not re.match(r"^https?://\S+\.\S+", url.strip()):
        problems.append(_msg("source.bad_url", where=where, url=url))
    return problems


def _place_source(library: Path, source: dict[str, Any], catalog: Catalog, change: _Change,
                  where: Any, problems: list[Any]) -> str:
    """Write a source dict as a user source (reusing an identical one); returns its id."""
    problems_here = _check_source(source, where)
    if problems_here:
        problems.extend(problems_here)
        return ""
    clean = {k: str(source.get(k, "")).strip() for k in ("publisher", "title", "url", "date", "status", "note")}
    for existing in catalog.sources.values():
        if existing.origin == "user" and all(getattr(existing, k) == clean[k] for k in clean):
            return existing.id
    sid = user_id(str(source.get("id") or f"{clean['publisher']}-{clean['date']}"))
    base, n = sid, 2
    while sid in catalog.sources or (library / "sources" / f"{sid}.toml") in change.saved:
        sid, n = f"{base}-{n}", n + 1
    change.write(library / "sources" / f"{sid}.toml", _source_toml({"id": sid, **clean}))
    return sid


def add_source(library: Path | str, source: dict[str, Any]) -> str:
    """Add a source (publisher, title, url, date, status[, id, note]); an identical user source is reused."""
    library = init_library(library)
    catalog, before = _problems_now(library)
    change = _Change(library)
    problems: list[str] = []
    sid = _place_source(library, source, catalog, change, _msg("where.source"), problems)
    if problems:
        raise LibraryError(problems)
    change.commit(before)
    return sid


# --- facts ------------------------------------------------------------------------------------
def _fact_file(library: Path, fact_id: str) -> Path:
    return library / "facts" / f"{fact_id}.toml"


def _prepare_fact(library: Path, fact: dict[str, Any], catalog: Catalog, change: _Change,
                  fact_id: str | None) -> tuple[str, dict[str, Any]]:
    problems: list[Any] = []
    data = {k: v for k, v in dict(fact).items() if v is not None}
    if fact_id is None:
        raw_id = str(data.get("id") or "").strip() or user_id(str(data.get("title_en") or data.get("text_en") or "fact"))
        fact_id = raw_id if raw_id.startswith(USER_PREFIX) else user_id(raw_id)
        if not str(data.get("id") or "").strip():  # a made-up id must be new
            base, n = fact_id, 2
            while catalog.fact(fact_id) is not None or fact_id in catalog.charts:
                fact_id, n = f"{base}-{n}", n + 1
        elif catalog.fact(fact_id) is not None or fact_id in catalog.charts:
            what = "fact" if catalog.fact(fact_id) is not None else "chart"
            problems.append(_msg(f"fact.id_taken_{what}", id=fact_id))
    data["id"] = fact_id
    for key in ("text_en",):
        if not str(data.get(key) or "").strip():
            problems.append(_msg("fact.missing_text_en", id=fact_id))
    raw_sources = data.get("sources") or []
    if not isinstance(raw_sources, (list, tuple)) or not raw_sources:
        problems.append(_msg("fact.no_source", id=fact_id))
        raw_sources = []
    ids: list[str] = []
    for n, entry in enumerate(raw_sources, start=1):
        where = _msg("where.fact_source", id=fact_id, n=n)
        if isinstance(entry, dict):
            sid = _place_source(library, entry, catalog, change, where, problems)
            if sid:
                ids.append(sid)
        elif isinstance(entry, str) and entry in catalog.sources:
            ids.append(entry)
        else:
            problems.append(_msg("fact.unknown_source", where=where, entry=entry))
    data["sources"] = ids
    if problems:
        change.undo()
        raise LibraryError(problems)
    for key in ("value", "value_max"):
        if isinstance(data.get(key), str):
            try:
                data[key] = float(data[key].replace(",", ""))
            except ValueError:
                pass  # the loader reports it with its line
    return fact_id, data


def add_fact(library: Path | str, fact: dict[str, Any]) -> str:
    """Add a fact (data/'s [[fact]] keys; see the module docstring); returns its id (always "user.…")."""
    library = init_library(library)
    catalog, before = _problems_now(library)
    change = _Change(library)
    fact_id, data = _prepare_fact(library, fact, catalog, change, None)
    change.write(_fact_file(library, fact_id), fact_to_toml(data))
    change.commit(before)
    return fact_id


def _own_fact(library: Path, catalog: Catalog, fact_id: str):
    found = catalog.fact(fact_id)
    if found is None or found.origin != "user":
        raise LibraryError([_msg("fact.bundled" if found is not None else "fact.not_in_library", id=fact_id)])
    return found


def _remove_block(path: Path, table: str, line: int) -> str | None:
    """The file's text without the [[table]] block starting at ``line`` (None: the file holds only that block)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = re.compile(r"^\s*\[\[?\s*[A-Za-z_]")
    end = len(lines)
    for i in range(line, len(lines)):
        if header.match(lines[i]):
            end = i
            break
    rest = lines[: line - 1] + lines[end:]
    if not any(re.match(r"^\s*\[\[", t) for t in rest):
        return None
    return "".join(rest)


def update_fact(library: Path | str, fact_id: str, fact: dict[str, Any]) -> str:
    """Replace a user fact (same id); bundled facts cannot be changed. Returns the id."""
    library = Path(library)
    catalog, before = _problems_now(library)
    old = _own_fact(library, catalog, fact_id)
    change = _Change(library)
    _, data = _prepare_fact(library, {**fact, "id": fact_id}, catalog, change, fact_id)
    own = library / old.file
    if own != _fact_file(library, fact_id):
        rest = _remove_block(own, "fact", old.line)
        if rest is None:
            change.delete(own)
        else:
            change.write(own, rest)
    change.write(_fact_file(library, fact_id), fact_to_toml(data))
    change.commit(before)
    return fact_id


def remove_fact(library: Path | str, fact_id: str) -> None:
    """Delete a user fact (its sources stay; packs keep their copy of it)."""
    library = Path(library)
    catalog, before = _problems_now(library)
    old = _own_fact(library, catalog, fact_id)
    users = [cid for cid, spec in catalog.charts.items() if fact_id in spec.facts]
    if users:
        raise LibraryError([_msg("fact.in_chart", id=fact_id, charts=", ".join(users))])
    change = _Change(library)
    own = library / old.file
    rest = _remove_block(own, "fact", old.line)
    if rest is None:
        change.delete(own)
    else:
        change.write(own, rest)
    change.commit(before)


def list_items(library: Path | str) -> list[LibraryItem]:
    """Everything in the library (even if some of it does not validate: it is listed, not hidden)."""
    library = Path(library)
    if not library.exists():
        return []
    catalog, _ = load_library_with_problems(library)
    items = [LibraryItem("fact", f.id, f.title_en or f.text_en, f.file) for f in catalog.facts if f.origin == "user"]
    items += [LibraryItem("source", s.id, f"{s.publisher}: {s.title}", f"sources/{s.id}.toml")
              for s in catalog.sources.values() if s.origin == "user"]
    items += [LibraryItem("dataset", d.id, d.title_en, d.file) for d in catalog.datasets.values() if d.origin == "user"]
    items += [LibraryItem("chart", c.id, c.title_en, f"charts/{c.id}.toml")
              for c in catalog.charts.values() if c.origin == "user"]
    return items


# --- tables -----------------------------------------------------------------------------------
def save_table(library: Path | str, table: ParsedTable, *, id: str, kind: str, title_en: str, title_es: str = "",
               unit: str, source: dict[str, Any] | str, status: str, orientation: str = "categories_in_rows",
               period: str = "", decimals: int | None = None, subtitle_en: str = "", subtitle_es: str = "",
               notes_en: str = "", notes_es: str = "") -> tuple[str, str]:
    """Write ``table`` as a dataset (datasets/<id>.toml + .csv) and a chart (charts/<id>.toml).

    ``orientation``: "categories_in_rows" (the first column holds the categories, the header the
    series) or "categories_in_columns" (transposed). ``source`` is a source dict (written as a user
    source) or the id of an existing source; ``status`` is every row's status. Blank cells are
    written as gaps with a note, never as zeros. Returns (dataset_id, chart_id) — the same id.
    """
    from nap_desktop.core.catalog.model import STATUSES
    from nap_desktop.core.formatting import UNITS

    library = init_library(library)
    problems: list[Any] = [_msg("table.problem", problem=p) for p in table.problems]
    if table.needs_confirmation and not table.problems:
        problems.append(_msg("table.unconfirmed"))
    did = id.strip() if id.strip().startswith(USER_PREFIX) else user_id(id)
    if not title_en.strip():
        problems.append(_msg("chart.missing_title_en", id=did))
    if kind not in TABLE_KINDS:
        problems.append(_msg("chart.bad_kind", id=did, kind=kind, choices=_choices(TABLE_KINDS)))
    if unit not in UNITS:
        problems.append(_msg("dataset.unknown_unit", id=did, unit=unit, known=_choices(sorted(UNITS))))
    if status not in STATUSES:
        problems.append(_msg("dataset.bad_status", id=did, status=status, choices=_choices(STATUSES)))
    if orientation not in ORIENTATIONS:
        problems.append(_msg("table.bad_orientation", orientation=orientation, choices=_choices(ORIENTATIONS)))
    if decimals is not None and not (isinstance(decimals, int) and 0 <= decimals <= 6):
        problems.append(_msg("chart.bad_decimals", id=did))
    if not table.categories or not table.series:
        problems.append(_msg("table.nothing"))
    catalog, before = _problems_now(library)
    if did in catalog.datasets or did in catalog.charts or catalog.fact(did) is not None:
        problems.append(_msg("table.id_taken", id=did))
    change = _Change(library)
    if isinstance(source, dict):
        sid = _place_source(library, {"status": status, **source}, catalog, change, _msg("where.source"), problems)
    else:
        sid = source
        if sid not in catalog.sources:
            problems.append(_msg("source.unknown_id", id=sid))
    if problems:
        change.undo()
        raise LibraryError(problems)

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["category", "series", "period", "value", "source", "status", "note"])
    transpose = orientation == "categories_in_columns"
    pairs = ([(i, j) for j in range(len(table.series)) for i in range(len(table.categories))] if transpose
             else [(i, j) for i in range(len(table.categories)) for j in range(len(table.series))])
    blank_series: dict[str, None] = {}
    for i, j in pairs:
        value = table.cells[i][j]
        cat, ser = (table.series[j], table.categories[i]) if transpose else (table.categories[i], table.series[j])
        if value is None:
            blank_series[ser] = None
        added = i < len(table.row_numbers) and table.row_numbers[i] == 0  # a period the file did not have
        writer.writerow([cat, ser, period, "" if value is None else _csv_number(value), sid, status,
                         (ADDED_NOTE if added else BLANK_NOTE) if value is None else ""])
    text = out.getvalue()
    dataset = {"id": did, "title_en": title_en.strip(), "title_es": title_es.strip(), "unit": unit,
               "frequency": "", "source": sid, "status": status, "notes_en": notes_en, "notes_es": notes_es}
    chart = {"id": did, "kind": kind, "dataset": did, "x": "category", "series_from": "series",
             "where": {"period": period}, "unit": unit, "title_en": title_en.strip(), "title_es": title_es.strip(),
             "subtitle_en": subtitle_en, "subtitle_es": subtitle_es, "notes_en": notes_en, "notes_es": notes_es}
    axis = table.header[0] if table.header and not transpose else ""
    if axis and axis != "Category":  # the user's name for the first column ("Month", "State") labels the axis
        chart["x_title_en"] = axis
    if decimals is not None:
        chart["decimals"] = decimals
    if blank_series:  # blanks are gaps, shown with their reason on the chart and in its notes
        chart["gap_reasons"] = {ser: dict(BLANK_REASON) for ser in blank_series}
    header = "# Imported with NAP Briefing; the rows are in the .csv next to this file.\n\n"
    change.write(library / "datasets" / f"{did}.csv", text)
    change.write(library / "datasets" / f"{did}.toml", header + _toml_block("dataset", dataset, array=False))
    change.write(library / "charts" / f"{did}.toml", "# A chart from your library (NAP Briefing).\n\n"
                 + _toml_block("chart", chart))
    change.commit(before)
    return did, did


def _csv_number(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
