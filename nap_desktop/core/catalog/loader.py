"""Reads the catalog from data/ and validates it, reporting every problem as FILE:LINE: message.

Layout of a data folder (plain text, one object per block, diff-friendly):

    catalog.toml           version + [[section]] blocks
    sources/*.toml         [[source]] blocks
    facts/*.toml           [[fact]] blocks
    datasets/<id>.toml     one [dataset] table; its rows in datasets/<id>.csv
    charts/*.toml          [[chart]] blocks (a chart names the facts it illustrates)
    checks.toml            [[check]] blocks: a fact's headline recomputed from a dataset
    layouts/*.csv          small layout tables (the U.S. tile grid)
"""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from nap_desktop.core.formatting import QUALIFIERS, UNITS
from nap_desktop.core.catalog.model import LANGS, STATUSES, Catalog, Dataset, DatasetRow, Fact, Section, Source
from nap_desktop.core.catalog.files import CatalogError, Problem, _TomlFile, _read_file  # noqa: F401 - names kept here
from nap_desktop.core.catalog.library_files import USER_PREFIX  # ids in a user library start with it

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
COUNTRIES = {"US", "MX", "CA", "CN", "TW", "DE", "JP", "VN", "MY", "IN", "TH", "KR", "IE", "IT",
             "BR", "FR", "EU", "NA", "WORLD", "ASIA", "LAC"}


#: Problems that stop a whole file from being read: everything defined in it is missing, so the
#: "unknown id" errors elsewhere are follow-ons of this one root cause.
ROOT_CAUSE_RE = re.compile(r"^(malformed TOML|malformed CSV|unreadable encoding|unclosed quote|cannot read"
                           r"|a folder where a file belongs|a file where a folder belongs|missing file"
                           r"|'\w+' must be written as \[\[|no \[\[section\]\] blocks|\w+ without an 'id')")
FOLLOW_ON_RE = re.compile(r"unknown (source|section|fact|dataset|chart)\b|not in dataset |: no rows$"
                          r"|^no sources defined|rows without a dataset|its rows file is missing|the tile map needs "
                          r"|has no row |^follow-on: ")


def fold_follow_ons(problems: list[Problem]) -> list[Problem]:
    """Root causes first; when a file could not be read, the errors that only say "unknown id"
    (ids it would have defined) are counted into the first root cause instead of listed."""
    problems = list(dict.fromkeys(problems))  # a file read twice (the tile layout) is reported once
    roots = [p for p in problems if ROOT_CAUSE_RE.match(p.message)]
    if not roots:
        return problems
    rest = [p for p in problems if p not in roots]
    kept = [p for p in rest if not FOLLOW_ON_RE.search(p.message)]
    folded = len(rest) - len(kept)
    if folded:
        first = roots[0]
        roots[0] = Problem(first.file, first.line, f"{first.message} (fix this first: {folded} follow-on "
                                                   f"problem{'s' if folded != 1 else ''} from what this file "
                                                   "defines are not listed)", first.key)
    return roots + kept


def _text_key(value: Any) -> str | None:
    """`value` when it is text (so it can be looked up in a dict or set), else None."""
    return value if isinstance(value, str) else None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)



class _Loader:
    def __init__(self, root: Path, namespace: str | None = None):
        self.root = root
        self.broken_datasets = set()
        self.problems: list[Problem] = []
        #: None for the bundled data; USER_PREFIX for a user library (every id must start with it)
        self.namespace = namespace

    def namespace_problem(self, value: str, kind: str) -> str | None:
        """Why an id is in the wrong namespace (user ids start with 'user.', bundled ids never do)."""
        if self.namespace and not value.startswith(self.namespace):
            return (f"{kind} id {value!r} must start with {self.namespace!r}: "
                    "ids in a user library live in their own namespace")
        if not self.namespace and value.startswith(USER_PREFIX):
            return f"{kind} id {value!r} must not start with {USER_PREFIX!r}: that prefix is reserved for user libraries"
        return None

    def problem(self, file: str, line: int, message: str, key: str = "") -> None:
        self.problems.append(Problem(file, line, message, key))

    def toml(self, path: Path) -> _TomlFile:
        f = _TomlFile(path, self.root, self.problems)
        self.current_file = f.name  # named by guard() if an unforeseen error escapes a check
        return f

    current_file = ""
    #: datasets whose rows file could not be read (their charts' errors are follow-ons)
    broken_datasets: set[str] = set()

    def guard(self, step: Any, default: Any, what: str) -> Any:
        """Run one loading step; an unforeseen error becomes a problem naming the file, never a traceback."""
        try:
            return step()
        except Exception as exc:  # noqa: BLE001 - the last net: data check must always end in a report
            where = self.current_file or what
            self.problem(where, 0, f"cannot read {what}: {type(exc).__name__}: {exc}")
            return default

    def require_text(self, f: _TomlFile, block: dict, line: int, key: str, what: str) -> str:
        value = block.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            label = {"text_es": "missing Spanish text", "text_en": "missing English text",
                     "title_es": "missing Spanish title", "title_en": "missing English title"}.get(key)
            self.problem(f.name, line, f"{what}: {label or f'missing {key!r}'}")
            return ""
        if not isinstance(value, str):
            self.problem(f.name, f.key_line(line, key), f"{what}: {key!r} must be text")
            return ""
        return value

    def spanish_text(self, f: _TomlFile, block: dict, line: int, key: str, what: str) -> str:
        """Required in data/; a user library may leave Spanish empty (outputs then mark it untranslated)."""
        if self.namespace and not str(block.get(key) or "").strip():
            return ""
        return self.require_text(f, block, line, key, what)

    def check_id(self, f: _TomlFile, line: int, value: Any, seen: dict[str, str], kind: str) -> str | None:
        if not isinstance(value, str) or not value:
            self.problem(f.name, line, f"{kind} without an 'id'")
            return None
        if not ID_RE.match(value):
            self.problem(f.name, f.key_line(line, "id"),
                         f"{kind} id {value!r} must be lower-case letters, digits, '-', '_' or '.'")
        wrong = self.namespace_problem(value, kind)
        if wrong:
            self.problem(f.name, f.key_line(line, "id"), wrong)
        where = f"{f.name}:{line}"
        if value in seen:
            self.problem(f.name, f.key_line(line, "id"), f"duplicate {kind} id {value!r} (first defined at {seen[value]})")
            return None
        seen[value] = where
        return value

    # --- catalog.toml -----------------------------------------------------------------
    def load_sections(self) -> tuple[str, list[Section]]:
        path = self.root / "catalog.toml"
        if path.is_dir():
            return "", []  # reported once: a folder where a file belongs
        if not path.is_file():
            self.problem("catalog.toml", 0, "missing file: the data folder needs catalog.toml (version and sections)")
            return "", []
        f = self.toml(path)
        if f.data is None:
            return "", []
        version = f.data.get("version", "")
        if not isinstance(version, str) or not version:
            self.problem(f.name, 1, "missing 'version' (the data version, e.g. \"2026.04.1\")")
        sections: list[Section] = []
        seen: dict[str, str] = {}
        for block, line in f.blocks("section", self.problems):
            sid = self.check_id(f, line, block.get("id"), seen, "section")
            if sid is None:
                continue
            order = block.get("order", len(sections))
            if not isinstance(order, int) or isinstance(order, bool):
                self.problem(f.name, f.key_line(line, "order"),
                             f"section {sid}: order {order!r} must be a whole number")
                order = len(sections)
            sections.append(Section(
                id=sid,
                title_en=self.require_text(f, block, line, "title_en", f"section {sid}"),
                title_es=self.require_text(f, block, line, "title_es", f"section {sid}"),
                order=order,
                color=self._section_color(f, block, line, sid),
            ))
        if not sections and not any(p.file == f.name and ROOT_CAUSE_RE.match(p.message) for p in self.problems):
            self.problem(f.name, 1, "no [[section]] blocks: every fact names its section, defined here")
        sections.sort(key=lambda s: s.order)
        return version if isinstance(version, str) else "", sections

    def _section_color(self, f: _TomlFile, block: dict, line: int, sid: str) -> str:
        color = block.get("color", "#1f4e79")
        if not (isinstance(color, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", color)):
            self.problem(f.name, f.key_line(line, "color"), f"section {sid}: color {color!r} must be #RRGGBB")
            return "#1f4e79"
        return color

    # --- sources ------------------------------------------------------------------------
    #: every key a [[source]] block may hold: each one is carried into Source (tests/core/test_provenance_reasons.py)
    SOURCE_KEYS = frozenset(f.name for f in dataclasses.fields(Source)) - {"origin"}

    def load_sources(self) -> dict[str, Source]:
        sources: dict[str, Source] = {}
        seen: dict[str, str] = {}
        for path in sorted((self.root / "sources").glob("*.toml")):
            f = self.toml(path)
            for block, line in f.blocks("source", self.problems):
                sid = self.check_id(f, line, block.get("id"), seen, "source")
                if sid is None:
                    continue
                status = block.get("status")
                if status not in STATUSES:
                    self.problem(f.name, f.key_line(line, "status"),
                                 f"source {sid}: status {status!r} must be one of {', '.join(STATUSES)}")
                for key in block:
                    if key not in self.SOURCE_KEYS:  # a key the model would drop is never silently accepted
                        self.problem(f.name, f.key_line(line, key), f"source {sid}: unknown field {key!r}")
                sources[sid] = Source(
                    id=sid,
                    publisher=self.require_text(f, block, line, "publisher", f"source {sid}"),
                    title=self.require_text(f, block, line, "title", f"source {sid}"),
                    status=str(status),
                    url=str(block.get("url", "")),
                    date=str(block.get("date", "")),
                    note=str(block.get("note", "")),
                    title_es=str(block.get("title_es", "")),
                    note_es=str(block.get("note_es", "")),
                    publisher_es=str(block.get("publisher_es", "")),
                    **{k: str(block.get(k, "")) for k in ("no_url_reason", "no_url_reason_es", "no_date_reason",
                                                           "no_date_reason_es")},
                )
        if not seen and not self.namespace and not any(p.file.startswith("sources/") for p in self.problems):
            self.problem("sources/", 0, "no sources defined")
        return sources

    # --- facts --------------------------------------------------------------------------
    def load_facts(self, sections: list[Section], sources: dict[str, Source]) -> list[Fact]:
        section_ids = {s.id for s in sections}
        facts: list[Fact] = []
        seen: dict[str, str] = {}
        for path in sorted((self.root / "facts").glob("*.toml")):
            f = self.toml(path)
            for block, line in f.blocks("fact", self.problems):
                fact = self._fact(f, block, line, seen, section_ids, sources)
                if fact is not None:
                    facts.append(fact)
        return facts

    def _fact(self, f: _TomlFile, block: dict, line: int, seen: dict[str, str],
              section_ids: set[str], sources: dict[str, Source]) -> Fact | None:
        fid = self.check_id(f, line, block.get("id"), seen, "fact")
        if fid is None:
            return None
        what = f"fact {fid}"
        known = {"id", "section", "topic", "countries", "value", "value_max", "unit", "period",
                 "qualifier", "decimals", "label_en", "label_es", "text_en", "text_es", "sources",
                 "note_en", "note_es", "title_en", "title_es"}
        for key in block:
            if key not in known:
                self.problem(f.name, f.key_line(line, key), f"{what}: unknown field {key!r}")
        section = block.get("section")
        if _text_key(section) not in section_ids:
            self.problem(f.name, f.key_line(line, "section"),
                         f"{what}: unknown section {section!r} (known: {', '.join(sorted(section_ids))})")
        value = block.get("value")
        if value is not None and not _is_number(value):
            self.problem(f.name, f.key_line(line, "value"), f"{what}: value {value!r} is not a number")
            value = None
        value_max = block.get("value_max")
        if value_max is not None and not _is_number(value_max):
            self.problem(f.name, f.key_line(line, "value_max"), f"{what}: value_max {value_max!r} is not a number")
            value_max = None
        unit = block.get("unit", "none" if value is None else None)
        unit_known = _text_key(unit) in UNITS
        if not unit_known:
            self.problem(f.name, f.key_line(line, "unit"),
                         f"{what}: unknown unit {unit!r} (known: {', '.join(sorted(UNITS))})")
            unit = "none"
        if value is not None and unit == "none" and unit_known:
            self.problem(f.name, f.key_line(line, "unit"), f"{what}: a value needs a unit")
        qualifier = block.get("qualifier", "")
        if _text_key(qualifier) is None or qualifier not in QUALIFIERS:
            self.problem(f.name, f.key_line(line, "qualifier"),
                         f"{what}: unknown qualifier {qualifier!r} (known: {', '.join(q for q in QUALIFIERS if q)})")
            qualifier = ""
        period = block.get("period", "")
        if value is not None and not period:
            self.problem(f.name, line, f"{what}: a value needs its period")
        countries = block.get("countries", [])
        if not isinstance(countries, list) or not all(isinstance(c, str) for c in countries):
            self.problem(f.name, f.key_line(line, "countries"), f"{what}: countries must be a list of codes")
            countries = []
        for code in countries:
            if code not in COUNTRIES:
                self.problem(f.name, f.key_line(line, "countries"), f"{what}: unknown country code {code!r}")
        fact_sources = block.get("sources", [])
        if "sources" in block and not (isinstance(fact_sources, list) and all(isinstance(s, str) for s in fact_sources)):
            self.problem(f.name, f.key_line(line, "sources"), f"{what}: sources must be a list of source ids")
            fact_sources = None
        elif not fact_sources:
            self.problem(f.name, f.key_line(line, "sources"), f"{what}: every fact needs at least one source")
        fact_sources = fact_sources or []
        for sid in fact_sources:
            if sid not in sources:
                self.problem(f.name, f.key_line(line, "sources"), f"{what}: unknown source id {sid!r}")
        decimals = block.get("decimals")
        if decimals is not None and (not isinstance(decimals, int) or not 0 <= decimals <= 6):
            self.problem(f.name, f.key_line(line, "decimals"), f"{what}: decimals must be 0–6")
            decimals = None
        return Fact(
            id=fid,
            section=str(section),
            topic=str(block.get("topic", "")),
            countries=tuple(countries),
            value=float(value) if value is not None else None,
            value_max=float(value_max) if value_max is not None else None,
            unit=str(unit),
            period=str(period),
            qualifier=qualifier,
            decimals=decimals,
            text_en=self.require_text(f, block, line, "text_en", what),
            text_es=self.spanish_text(f, block, line, "text_es", what),
            title_en=self._fact_title(f, block, line, "title_en", what),
            title_es=self._fact_title(f, block, line, "title_es", what),
            label_en=str(block.get("label_en", "")),
            label_es=str(block.get("label_es", "")),
            note_en=str(block.get("note_en", "")),
            note_es=str(block.get("note_es", "")),
            sources=tuple(str(s) for s in fact_sources),
            file=f.name,
            line=line,
        )

    #: Every bundled fact needs its action title in both languages; a user library's facts may
    #: leave it empty (the slide then opens with the start of the statement).
    @property
    def require_titles(self) -> bool:
        return not getattr(self, "namespace", None)

    #: An action title is ~12 words: at most this many (Spanish runs longer: "mil millones de dólares").
    TITLE_WORDS = {"title_en": 14, "title_es": 17}

    def _fact_title(self, f: _TomlFile, block: dict, line: int, key: str, what: str) -> str:
        """The fact's action title (title_en / title_es): required, text, about 12 words at most."""
        value = block.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if self.require_titles:
                lang = "Spanish" if key.endswith("_es") else "English"
                self.problem(f.name, line, f"{what}: missing {lang} title ({key}: the fact's message in ~12 words)")
            return ""
        if not isinstance(value, str):
            self.problem(f.name, f.key_line(line, key), f"{what}: {key!r} must be text")
            return ""
        limit = self.TITLE_WORDS.get(key, 14)
        if len(value.split()) > limit:
            self.problem(f.name, f.key_line(line, key),
                         f"{what}: {key} has {len(value.split())} words (at most {limit}): "
                         "an action title is the message in ~12 words")
        return value.strip()

    # --- datasets -----------------------------------------------------------------------
    def load_datasets(self, sources: dict[str, Source]) -> dict[str, Dataset]:
        datasets: dict[str, Dataset] = {}
        folder = self.root / "datasets"
        for path in sorted(folder.glob("*.toml")):
            f = self.toml(path)
            if f.data is None:
                continue
            block = f.data.get("dataset")
            if not isinstance(block, dict):
                self.problem(f.name, 1, "a dataset file needs one [dataset] table")
                continue
            did = path.stem
            if block.get("id", did) != did:
                self.problem(f.name, f.key_line(1, "id"), f"dataset id {block.get('id')!r} must match its file name {did!r}")
            line = next((i + 1 for i, t in enumerate(f.lines) if t.strip() == "[dataset]"), 1)
            what = f"dataset {did}"
            wrong = self.namespace_problem(did, "dataset")
            if wrong:
                self.problem(f.name, line, wrong)
            status = block.get("status")
            if status not in STATUSES:
                self.problem(f.name, f.key_line(line, "status"),
                             f"{what}: status {status!r} must be one of {', '.join(STATUSES)}")
            source = block.get("source")
            if _text_key(source) not in sources:
                self.problem(f.name, f.key_line(line, "source"), f"{what}: unknown source id {source!r}")
            unit = block.get("unit")
            if _text_key(unit) not in UNITS:
                self.problem(f.name, f.key_line(line, "unit"), f"{what}: unknown unit {unit!r}")
            before = len(self.problems)
            rows = self._rows(folder / f"{did}.csv", str(source), str(status), sources, what)
            if any(ROOT_CAUSE_RE.match(p.message) for p in self.problems[before:]):
                self.broken_datasets.add(did)  # its charts are not built: their errors would be follow-ons
            from nap_desktop.core.catalog.updates import declarations  # release cadence, agency files it takes

            # the last period includes the years of the rows computed on load (annual_sums, row_sums)
            computed = [SimpleNamespace(period=str(y)) for key in ("annual_sums", "row_sums")
                        for spec in (block.get(key) if isinstance(block.get(key), list) else [])
                        if isinstance(spec, dict) for y in (spec.get("years") or [])]
            release, update_from = declarations.read(self, f, block, line, what, [*rows, *computed])
            datasets[did] = Dataset(
                id=did,
                title_en=self.require_text(f, block, line, "title_en", what),
                title_es=self.spanish_text(f, block, line, "title_es", what),
                unit=str(unit),
                frequency=str(block.get("frequency", "")),
                source=str(source),
                status=str(status),
                rows=tuple(rows),
                notes_en=str(block.get("notes_en", "")),
                notes_es=str(block.get("notes_es", "")),
                category_labels=self._labels_table(f, block, line, "category_labels", what),
                series_labels=self._labels_table(f, block, line, "series_labels", what),
                file=f.name,
                release=release,
                update_from=update_from,
            )
        for path in sorted(folder.glob("*.csv")):
            if not (folder / f"{path.stem}.toml").exists():
                self.problem(f"datasets/{path.name}", 0, f"rows without a dataset: datasets/{path.stem}.toml is missing")
        return datasets

    def _labels_table(self, f: _TomlFile, block: dict, line: int, key: str, what: str) -> dict:
        value = block.get(key, {})
        if not isinstance(value, dict):
            self.problem(f.name, f.key_line(line, key), f"{what}: {key} must be a table (key = {{ en = …, es = … }})")
            return {}
        return dict(value)

    def _rows(self, path: Path, source: str, status: str, sources: dict[str, Source], what: str) -> list[DatasetRow]:
        name = f"datasets/{path.name}"
        if not path.exists() and not path.is_symlink():  # a pipe or a dangling link: said by _read_file
            self.problem(name, 0, f"{what}: its rows file is missing")
            return []
        raw = _read_file(path, name, self.problems)
        if raw is None:
            return []
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.problem(name, raw[: exc.start].count(b"\n") + 1,
                         f"unreadable encoding: not UTF-8 (byte 0x{raw[exc.start]:02x})")
            return []
        try:
            return self._parse_rows(name, text, source, status, sources, what)
        except csv.Error as exc:
            self.problem(name, _csv_line(text, exc), f"malformed CSV: {exc}")
            return []

    def _parse_rows(self, name: str, text: str, source: str, status: str, sources: dict[str, Source],
                    what: str) -> list[DatasetRow]:
        reader = csv.DictReader(io.StringIO(text))
        required = {"category", "series", "period", "value"}
        if reader.fieldnames is None or not required <= set(reader.fieldnames):
            self.problem(name, 1, f"malformed CSV header: needs columns {', '.join(sorted(required))}"
                                  " (and optionally source, status, note)")
            return []
        rows: list[DatasetRow] = []
        keys: dict[tuple[str, str, str], int] = {}
        end = 1
        for record in reader:
            start, end = end + 1, reader.line_num
            line = end
            if end > start and any("\n" in (v or "") for v in record.values() if isinstance(v, str)):
                self.problem(name, start, f"unclosed quote: the quoted field that starts on line {start} "
                                          f"runs on to line {end}")
                continue
            if None in record:
                self.problem(name, line, "malformed row: more fields than the header")
                continue
            raw_value = (record.get("value") or "").strip()
            value: float | None
            note = (record.get("note") or "").strip()
            if raw_value == "":
                value = None
                if not note:
                    self.problem(name, line, "a missing value needs a note saying why it is missing")
            else:
                try:
                    value = float(raw_value)
                    if not math.isfinite(value):
                        raise ValueError
                except ValueError:
                    self.problem(name, line, f"value {raw_value!r} is not a number")
                    continue
            row_source = (record.get("source") or "").strip() or source
            row_status = (record.get("status") or "").strip() or status
            if row_source not in sources:
                self.problem(name, line, f"unknown source id {row_source!r}")
            if row_status not in STATUSES:
                self.problem(name, line, f"status {row_status!r} must be one of {', '.join(STATUSES)}")
            key = (record["category"], record["series"], record["period"])
            if key in keys:
                self.problem(name, line, f"duplicate row {key} (first at line {keys[key]})")
            keys[key] = line
            rows.append(DatasetRow(category=record["category"], series=record["series"],
                                   period=record["period"], value=value, source=row_source,
                                   status=row_status, note=note, line=line))
        if not rows:
            self.problem(name, 1, f"{what}: no rows")
        return rows


def _csv_line(text: str, exc: csv.Error) -> int:
    match = re.search(r"line (\d+)", str(exc))
    return int(match.group(1)) if match else 1


def load_catalog_with_problems(root: Path | str, *, rules: bool = True) -> tuple[Catalog, list[Problem]]:
    """Load everything that can be loaded, and list every problem found.

    ``rules=False`` skips the consistency checks (checks.toml, chart claims) and the file-level data
    rules (rules.py: provenance, deny-list, status, chart periods, glossary), keeping only their effect
    on the catalog (the unavailable-chart declarations).
    Only for the bundled data at app start-up: the tests and ``nap-desktop data check`` run the rules
    on it, and it does not change between launches. A user library is always checked in full.
    """
    from nap_desktop.core.charts import build as charts_mod
    from nap_desktop.core.catalog import checks as checks_mod
    from nap_desktop.core.catalog import derive as derive_mod
    from nap_desktop.core.catalog import rules as rules_mod

    root = Path(root)
    loader = _Loader(root)
    if not root.is_dir():
        loader.problem(str(root), 0, "not a folder")
        return Catalog("", (), {}, ()), loader.problems
    for folder in ("sources", "facts", "datasets", "charts", "layouts"):
        if (root / folder).exists() and not (root / folder).is_dir():
            loader.problem(folder, 0, "a file where a folder belongs")
    for name in ("catalog.toml", "checks.toml"):
        if (root / name).is_dir():
            loader.problem(name, 0, "a folder where a file belongs")
    guard = loader.guard  # each step: an unforeseen error is a problem naming the file, not a traceback
    version, sections = guard(loader.load_sections, ("", []), "the sections")
    sources = guard(loader.load_sources, {}, "the sources")
    facts = guard(lambda: loader.load_facts(sections, sources), [], "the facts")
    datasets = guard(lambda: loader.load_datasets(sources), {}, "the datasets")
    datasets = guard(lambda: derive_mod.finish_datasets(loader, datasets), datasets, "the datasets")
    chart_specs, links = guard(lambda: charts_mod.build_charts(loader, datasets, {f.id for f in facts}),
                               ({}, {}), "the charts")
    facts = [Fact(**{**f.__dict__, "chart": links.get(f.id)}) for f in facts]
    catalog = Catalog(version=version, sections=tuple(sections), sources=sources,
                      facts=tuple(facts), datasets=datasets, charts=chart_specs)
    catalog.__dict__["data_root"] = str(root)  # where its chart declarations are (an update rebuilds charts)
    loader.current_file = "checks.toml"
    if rules:  # pure consistency checks (checks.toml, chart claims): nothing on the catalog depends on them
        guard(lambda: checks_mod.run_checks(loader, catalog), None, "the checks")
    loader.current_file = ""
    if rules:
        guard(lambda: rules_mod.run_rules(loader, catalog), None, "the data rules")  # provenance, status, period, glossary
    else:
        from nap_desktop.core.catalog import unavailable

        guard(lambda: unavailable.attach(loader, catalog), None, "the data rules")
    return catalog, fold_follow_ons(loader.problems)


def load_second_root(base: Catalog, root: Path | str, *, namespace: str = USER_PREFIX,
                     origin: str = "user") -> tuple[Catalog, list[Problem]]:
    """``base`` plus a second folder in data/'s format (a user library) without catalog.toml.

    Its facts use ``base``'s sections and may cite base sources as well as its own; its charts may
    draw its own or base datasets. Every id must start with ``namespace``. Its items get ``origin``.
    Problems are named relative to ``root`` (FILE:LINE: message), as for data/.
    """
    from dataclasses import replace

    from nap_desktop.core.charts import build as charts_mod

    root = Path(root)
    loader = _Loader(root, namespace=namespace)
    if not root.is_dir():
        loader.problem(str(root), 0, "not a folder")
        return base, loader.problems
    from nap_desktop.core.catalog import derive as derive_mod
    from nap_desktop.core.catalog import rules as rules_mod

    guard = loader.guard  # an unforeseen error is a problem naming the file, not a traceback
    own_sources = {k: replace(v, origin=origin) for k, v in guard(loader.load_sources, {}, "the sources").items()}
    sources = {**base.sources, **own_sources}
    own_facts = guard(lambda: loader.load_facts(list(base.sections), sources), [], "the facts")
    own_datasets = guard(lambda: loader.load_datasets(sources), {}, "the datasets")
    own_datasets = guard(lambda: derive_mod.finish_datasets(loader, own_datasets), own_datasets, "the datasets")
    own_datasets = {k: replace(v, origin=origin) for k, v in own_datasets.items()}
    datasets = {**base.datasets, **own_datasets}
    own_ids = {f.id for f in own_facts}
    own_charts, links = guard(lambda: charts_mod.build_charts(loader, datasets, {f.id for f in base.facts} | own_ids),
                              ({}, {}), "the charts")
    own_charts = {k: replace(v, origin=origin) for k, v in own_charts.items()}
    facts = list(base.facts) + [replace(f, chart=links.get(f.id), origin=origin) for f in own_facts]
    catalog = Catalog(version=base.version, sections=base.sections, sources=sources, facts=tuple(facts),
                      datasets=datasets, charts={**base.charts, **own_charts})
    # the same provenance rules as data/ (specific URLs, deny-list, status, chart periods), on the library's files
    guard(lambda: rules_mod.run_rules(loader, catalog), None, "the data rules")
    from nap_desktop.core.catalog.fact_figures import check_fact_figures  # a value agrees with its own words

    guard(lambda: check_fact_figures(loader, own_facts), None, "the facts' figures")
    # the rules attach the library's own unavailable-chart declarations: keep the base's too (the Charts view
    # and catalog --json list the report's charts that cannot be drawn whether or not a library is loaded)
    from nap_desktop.core.catalog import unavailable as unavailable_mod

    own_unavailable = unavailable_mod.unavailable_charts(catalog)
    catalog.__dict__["unavailable_charts"] = unavailable_mod.unavailable_charts(base) + tuple(
        u for u in own_unavailable if u["id"] not in {b["id"] for b in unavailable_mod.unavailable_charts(base)})
    if "data_root" in base.__dict__:
        catalog.__dict__["data_root"] = base.__dict__["data_root"]
    from nap_desktop.core.catalog.updates import layer as layer_mod  # agency files' rows laid over the datasets

    catalog = guard(lambda: layer_mod.apply_library_layers(catalog, root, loader), catalog, "the data updates")
    return catalog, loader.problems


def load_catalog(root: Path | str | None = None, *, rules: bool = True) -> Catalog:
    """Load and validate a data folder (the bundled one by default); raise CatalogError on any problem.

    ``rules=False``: see load_catalog_with_problems (the app's start-up, bundled data only).
    """
    if root is None:
        from nap_desktop.paths import data_dir
        root = data_dir()
    catalog, problems = load_catalog_with_problems(root, rules=rules)
    if problems:
        raise CatalogError(problems)
    return catalog


def _langs_present(block: dict, base: str) -> bool:
    return all(block.get(f"{base}_{lang}") for lang in LANGS)
