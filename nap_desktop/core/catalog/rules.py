"""Data-check rules on provenance, status, periods and Spanish vocabulary (each FILE:LINE: message).

Run by the loader after the catalog is built (``run_rules``):

- ``source-url``: a source needs the URL of its specific table or release, not a homepage
  (or a ``no_url_reason`` saying why none exists).
- ``source-date``: a source needs the date of its release (YYYY, YYYY-MM or YYYY-MM-DD), or a
  ``no_date_reason`` saying why none is known.
- ``source-note-es``: a bundled source with a ``note`` has its ``note_es`` (a Spanish output never
  shows our English note; a user's own note is in the user's words and needs no twin).
- ``source-no-url``: a bundled source has a URL (at least its publisher's page, with ``no_url_reason``):
  a citation with neither link nor identifiable publisher is not a source; cite the report alone and
  say in the fact's note whom it names.
- ``source-guessed-date``: a source whose reasons or note say it is cited without a date carries no
  date (a year given there was guessed); a ``no_date_reason`` and a date together contradict each other.
- ``deny-list``: no source, note or row may rest on a low-credibility domain (content farms,
  vendor blogs, anonymous mirrors): ``DENY_DOMAINS``.
- ``dataset-status``: a dataset's typed ``status`` may not be stronger than its weakest row.
- ``status-definition`` (data/README.md, "Statuses"): an ``official`` source has the specific URL of the
  agency's release or file; an ``official`` source read from a copy says so and how the copy was verified
  ("verified", or a stored copy of the agency's page); a source whose note calls it a transcription, a scrape,
  a processed, machine or re-keyed copy, or a mirror is not ``official``; no note or title of a source that is
  not ``official`` calls it official; a row is never stronger than its source (a row ``official`` from a
  ``secondary`` source).
- ``fact-report-date``: a bundled fact's ``period`` is not the report's own date (the month of the
  source ``nap-2026``, e.g. "April 2026"): a statement the report makes without a date is "undated".
- ``chart-period``: a chart linked to a fact must cover the fact's period (the years it names),
  or say why in ``period_notes = { "<fact id>" = { en = "…", es = "…" } }``.
- ``agency-names``: a bundled Spanish statement or note spells out BLS, BTS, USTR, ERS and StatCan at
  their first mention ("Oficina de Estadísticas de Transporte (BTS)"), the short form after.
- ``glossary``: Spanish text (``*_es`` keys, ``es = "…"`` labels) may not use a word that
  ``data/glossary.toml`` replaces.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from nap_desktop.core.catalog import toml_fast
from nap_desktop.core.catalog.files import read_regular_text
from nap_desktop.core.catalog.model import STATUSES

#: Content farms, vendor blogs and anonymous mirrors: never a source (DESIGN.md, "Provenance").
DENY_DOMAINS = (
    "canuck.shop", "redcensor.com", "newstodayheadlinez.com", "quantumnews.in", "usimportdata.com",
    "lapaas.com", "milthink.com", "buzzingpolitics.com", "whistlebuzz.com", "dailynewsnblog.com",
    "markettalkag",
)

DATE_RE = re.compile(r"(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _fold(text: str) -> str:
    return text.casefold()


# --- helpers -----------------------------------------------------------------------------
def _toml_files(root: Path, folder: str) -> list[Path]:
    return sorted((root / folder).glob("*.toml")) if (root / folder).is_dir() else []


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _block_starts(lines: list[str], table: str) -> list[int]:
    header = re.compile(r"^\s*\[\[\s*" + re.escape(table) + r"\s*\]\]\s*(#.*)?$")
    return [i + 1 for i, t in enumerate(lines) if header.match(t)]


def _key_line(lines: list[str], start: int, key: str) -> int:
    pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
    for i in range(start, len(lines)):
        if lines[i].lstrip().startswith("[") and i != start - 1:
            break
        if pattern.match(lines[i]):
            return i + 1
    return start


def _blocks(path: Path, table: str) -> tuple[list[tuple[dict, int]], list[str]]:
    try:
        text = read_regular_text(path)
        data = toml_fast.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return [], []  # the loader reports the file; a rule has nothing to read in it
    lines = text.splitlines()
    items = data.get(table, [])
    if not isinstance(items, list):
        return [], lines
    starts = _block_starts(lines, table)
    return [(b, starts[i] if i < len(starts) else 0) for i, b in enumerate(items) if isinstance(b, dict)], lines


# --- rules -------------------------------------------------------------------------------
#: paths that are still a site's front page ("https://www.inegi.org.mx/en/", ".../index.html")
FRONT_PAGE_PATHS = {"index.html", "index.htm", "index.php", "index.asp", "index.aspx", "default.aspx", "default.htm",
                    "home", "home.html", "inicio", "en", "es", "fr", "en-us", "es-mx", "en/home", "es/inicio", "main"}


def is_specific_url(url: str) -> bool:
    """True for the URL of a specific page (a path or a query beyond the site's front page)."""
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return False
    path = parsed.path.strip("/").lower()
    return (path != "" and path not in FRONT_PAGE_PATHS) or bool(parsed.query)


def denied_domain(text: str) -> str | None:
    low = _fold(text)
    for domain in DENY_DOMAINS:
        if domain in low:
            return domain
    return None


def check_sources(loader: Any, root: Path) -> None:
    for path in _toml_files(root, "sources"):
        name = _rel(root, path)
        blocks, lines = _blocks(path, "source")
        for block, line in blocks:
            sid = block.get("id", "?")
            url = str(block.get("url", ""))
            if not is_specific_url(url) and not str(block.get("no_url_reason", "")).strip():
                what = "no URL" if not url.strip() else f"a homepage URL ({url})"
                loader.problem(name, _key_line(lines, line, "url") if url else line,
                               f"source {sid}: {what}; give the specific table or release URL, "
                               "or a no_url_reason saying why none exists")
            date = str(block.get("date", "")).strip()
            if not DATE_RE.fullmatch(date) and not str(block.get("no_date_reason", "")).strip():
                what = "no date" if not date else f"a date that is not YYYY, YYYY-MM or YYYY-MM-DD ({date})"
                loader.problem(name, _key_line(lines, line, "date") if "date" in block else line,
                               f"source {sid}: {what}; give the date of the release, "
                               "or a no_date_reason saying why none is known")
            if (not getattr(loader, "namespace", None) and str(block.get("note", "")).strip()
                    and not str(block.get("note_es", "")).strip()):
                loader.problem(name, _key_line(lines, line, "note"),
                               f"source {sid}: a note without note_es; Spanish outputs would show it in English")
            if not getattr(loader, "namespace", None) and not url.strip():
                loader.problem(name, line, f"source {sid}: no URL at all; a bundled source names at least its "
                                           "publisher's page (with no_url_reason); where the report names no "
                                           "identifiable publisher, cite the report alone and say in the fact's note "
                                           "whom it names")
            guessed = _says_undated(block)
            if date and guessed:
                loader.problem(name, _key_line(lines, line, "date"),
                               f"source {sid}: date {date!r} but {guessed} says it is cited without a date: the date "
                               "was guessed; leave date empty (shown as n.d.) with a no_date_reason")
            elif date and str(block.get("no_date_reason", "")).strip():
                loader.problem(name, _key_line(lines, line, "no_date_reason"),
                               f"source {sid}: a date ({date!r}) and a no_date_reason contradict each other; keep one")
            for key in ("no_url_reason", "no_date_reason"):  # the reasons reach the reader in both languages
                if (not getattr(loader, "namespace", None) and str(block.get(key, "")).strip()
                        and not str(block.get(f"{key}_es", "")).strip()):
                    loader.problem(name, _key_line(lines, line, key),
                                   f"source {sid}: a {key} without {key}_es; Spanish outputs would show it in English")


#: "cited without a title, table or date" / "sin título, cuadro ni fecha": the words saying no date is given
_UNDATED = (re.compile(r"\bwithout\b[^.;]*\bdate\b", re.IGNORECASE),
            re.compile(r"\bsin\b[^.;]*\bfecha\b", re.IGNORECASE))


def _says_undated(block: dict) -> str:
    """The key whose text says the source is cited without a date ("" if none does)."""
    for key in ("no_url_reason", "no_url_reason_es", "note", "note_es", "no_date_reason", "no_date_reason_es"):
        text = str(block.get(key, ""))
        if any(p.search(text) for p in _UNDATED):
            return key
    return ""


#: the report's own source: its date is not a period of any figure it states
REPORT_SOURCE_ID = "nap-2026"
_MONTHS = {m: i for i, names in enumerate((
    (), ("january", "jan", "enero", "ene"), ("february", "feb", "febrero"), ("march", "mar", "marzo"),
    ("april", "apr", "abril", "abr"), ("may", "mayo"), ("june", "jun", "junio"), ("july", "jul", "julio"),
    ("august", "aug", "agosto", "ago"), ("september", "sep", "sept", "septiembre"), ("october", "oct", "octubre"),
    ("november", "nov", "noviembre"), ("december", "dec", "diciembre", "dic")), 0) for m in names}
_MONTH_YEAR = re.compile(r"\b([A-Za-zé]+)\.?\s+(?:de\s+)?((?:19|20)\d\d)\b")
_ISO_MONTH = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])\b")


def period_months(period: str) -> set[str]:
    """The months (YYYY-MM) a period names: "as of April 2026" -> {"2026-04"}; "2026-03" -> {"2026-03"}."""
    found = {f"{y}-{m}" for y, m in _ISO_MONTH.findall(period or "")}
    for word, year in _MONTH_YEAR.findall(period or ""):
        month = _MONTHS.get(word.lower())
        if month:
            found.add(f"{year}-{month:02d}")
    return found


_COPY = re.compile(r"\bcop(?:y|ies)\b|\bcopia", re.IGNORECASE)
_VERIFIED = re.compile(r"\bverified\b|\bverificad[ao]s?\b|\bstored copy of the [^.;]*\bpage\b", re.IGNORECASE)
_NOT_THE_FILE = re.compile(r"\btranscri(?:ption|bed)|\bscrap(?:e|ed|ing)\b|\bprocessed\b|\bmachine copy|\bre-?keyed\b|"
                           r"\bmirror\b|\btranscripci|\bprocesad|\bespejo\b", re.IGNORECASE)
_CALLS_OFFICIAL = re.compile(r"(?<!not )(?<!un)\bofficial\b|(?<!no )\boficial(?:es)?\b", re.IGNORECASE)


def check_status_definition(loader: Any, root: Path, catalog: Any) -> None:
    """Statuses as data/README.md defines them, where the words of the data can show it."""
    for path in _toml_files(root, "sources"):
        name = _rel(root, path)
        blocks, lines = _blocks(path, "source")
        for block, line in blocks:
            sid, status = block.get("id", "?"), block.get("status")
            note = " ".join(str(block.get(k, "")) for k in ("note", "note_es"))
            if status == "official":
                if not is_specific_url(str(block.get("url", ""))):
                    loader.problem(name, _key_line(lines, line, "url"),
                                   f"source {sid}: official but no specific URL of the agency's release or file")
                if _NOT_THE_FILE.search(note):
                    loader.problem(name, _key_line(lines, line, "status"),
                                   f"source {sid}: official, but its note says it was read from a transcription, "
                                   "a processed or machine copy or a mirror: that is secondary")
                elif _COPY.search(note) and not _VERIFIED.search(note):
                    loader.problem(name, _key_line(lines, line, "note"),
                                   f"source {sid}: official, read from a copy, but the note does not say how the copy "
                                   "was verified to be the agency's file (e.g. \"Verified: its totals equal ...\")")
            elif status in STATUSES:
                words = " ".join(str(block.get(k, "")) for k in ("title", "title_es", "note", "note_es"))
                if _CALLS_OFFICIAL.search(words):
                    loader.problem(name, _key_line(lines, line, "note" if "official" in note.lower() or "oficial" in
                                                   note.lower() else "title"),
                                   f"source {sid}: its status is {status!r} but its note or title calls it official")
    for ds in catalog.datasets.values():
        if (ds.origin == "user") != bool(getattr(loader, "namespace", None)):
            continue  # a library's check reports its own rows; the bundled data's are checked with data/
        for row in ds.rows:
            src = catalog.sources.get(row.source)
            if (row.line and src is not None and row.status in STATUSES and src.status in STATUSES
                    and STATUSES.index(row.status) < STATUSES.index(src.status)):
                loader.problem(ds.file.replace(".toml", ".csv") if ds.file else f"datasets/{ds.id}.csv", row.line,
                               f"row {row.category}/{row.series}/{row.period}: status {row.status!r} is stronger than "
                               f"its source {row.source} ({src.status!r})")


def check_fact_periods(loader: Any, root: Path, catalog: Any) -> None:
    """A bundled fact's period is never the report's own date."""
    if getattr(loader, "namespace", None):
        return
    report = catalog.sources.get(REPORT_SOURCE_ID)
    month = (report.date or "")[:7] if report is not None else ""
    if not re.fullmatch(r"\d{4}-\d\d", month):
        return
    for path in _toml_files(root, "facts"):
        name = _rel(root, path)
        blocks, lines = _blocks(path, "fact")
        for block, line in blocks:
            period = str(block.get("period", ""))
            if month in period_months(period):
                loader.problem(name, _key_line(lines, line, "period"),
                               f"fact {block.get('id', '?')}: period {period!r} is the report's own date ({month}), "
                               "not the period of the figure; write \"undated\" where the report gives none")


def check_deny_list(loader: Any, root: Path) -> None:
    """Every line of every data file that names a low-credibility domain."""
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".toml", ".csv") or not path.is_file() or path.name == "glossary.toml":
            continue
        try:
            text = read_regular_text(path)
        except (OSError, UnicodeDecodeError):
            continue
        if denied_domain(text) is None:  # no domain spans a line break: a clean file has no bad line
            continue
        for i, line in enumerate(text.splitlines(), 1):
            domain = denied_domain(line)
            if domain and not line.lstrip().startswith("#"):
                loader.problem(_rel(root, path), i,
                               f"low-credibility source {domain!r} (content farm, vendor blog or anonymous "
                               "mirror): not a source an official accepts; cite the agency or leave a gap with its reason")


def check_dataset_status(loader: Any, root: Path, catalog: Any) -> None:
    for path in _toml_files(root, "datasets"):
        try:
            text = read_regular_text(path)
            block = toml_fast.loads(text).get("dataset", {})
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        typed = block.get("status")
        ds = catalog.datasets.get(path.stem)
        if ds is None or typed not in STATUSES or ds.status not in STATUSES:
            continue
        if STATUSES.index(typed) < STATUSES.index(ds.status):
            weakest = [r for r in ds.rows if r.status == ds.status]
            lines = text.splitlines()
            line = next((i + 1 for i, t in enumerate(lines) if re.match(r"^\s*status\s*=", t)), 1)
            at = f" (e.g. datasets/{path.stem}.csv:{weakest[0].line})" if weakest and weakest[0].line else ""
            loader.problem(_rel(root, path), line,
                           f"dataset {ds.id}: status {typed!r} is stronger than its rows ({ds.status!r}{at}); "
                           "a dataset's status is its weakest row's")


def fact_years(period: str) -> set[int]:
    """The years a fact's period names; a span "1994–2024" covers its two ends."""
    return {int(y) for y in YEAR_RE.findall(period or "")}


def chart_years(catalog: Any, spec: Any) -> set[int]:
    years: set[int] = set()
    ds = catalog.datasets.get(spec.dataset)
    for row in ds.rows if ds is not None else ():
        if row.value is not None:
            years |= fact_years(row.period)
    for text in (spec.title_en, getattr(spec, "subtitle_en", "")):
        if not years:
            years |= fact_years(text)
    return years


def check_chart_periods(loader: Any, root: Path, catalog: Any) -> None:
    for path in _toml_files(root, "charts"):
        name = _rel(root, path)
        blocks, lines = _blocks(path, "chart")
        for block, line in blocks:
            spec = catalog.charts.get(str(block.get("id", "")))
            if spec is None:
                continue
            covered = chart_years(catalog, spec)
            notes = block.get("period_notes", {}) or {}
            for fid in block.get("facts", []) or []:
                fact = catalog.fact(str(fid))
                if fact is None:
                    continue
                years = fact_years(fact.period)
                if years and covered and fact.period.strip().lower().startswith("since"):
                    years = set(range(min(years), max(covered) + 1))  # "since 2022": any year from then
                if not years or not covered or years & covered:
                    continue
                note = notes.get(fid) if isinstance(notes, dict) else None
                if isinstance(note, dict) and note.get("en") and note.get("es"):
                    continue
                loader.problem(name, _key_line(lines, line, "facts"),
                               f"chart {spec.id}: fact {fid} is for {fact.period!r} but the chart shows "
                               f"{min(covered)}–{max(covered)}; link a chart that covers it or add "
                               f"period_notes.\"{fid}\" = {{ en, es }} saying why")


# --- glossary ----------------------------------------------------------------------------
def load_glossary(root: Path) -> list[dict]:
    path = root / "glossary.toml"
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(read_regular_text(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    return [t for t in data.get("term", []) if isinstance(t, dict)]


def _avoid_patterns(terms: list[dict]) -> list[tuple[re.Pattern, str, str]]:
    out = []
    for term in terms:
        use = str(term.get("es", ""))
        for avoid in term.get("avoid_es", []) or []:
            flags = 0 if term.get("case_sensitive") else re.IGNORECASE
            pattern = re.compile(r"(?<![\wÁÉÍÓÚÑáéíóúñü])" + re.escape(str(avoid)) + r"(?![\wÁÉÍÓÚÑáéíóúñü])", flags)
            out.append((pattern, str(avoid), use))
        for expr in term.get("avoid_es_regex", []) or []:
            try:
                out.append((re.compile(str(expr)), str(expr), use))
            except re.error:
                continue
    return out


SPANISH_KEY = re.compile(r'(?:^|[\s{,])(?:[A-Za-z_]+_es|es)\s*=\s*"((?:[^"\\]|\\.)*)"')


def spanish_texts(line: str) -> list[str]:
    """The Spanish strings on one TOML line (``x_es = "…"`` and ``es = "…"`` in inline tables)."""
    return SPANISH_KEY.findall(line)


#: agencies a Spanish text spells out at its first mention, then names by the short form (glossary.toml)
AGENCIES_ES = {
    "BLS": "Oficina de Estadísticas Laborales", "BTS": "Oficina de Estadísticas de Transporte",
    "USTR": "Oficina del Representante Comercial de EE. UU.", "ERS": "Servicio de Investigación Económica",
    "StatCan": "Statistics Canada",
}
_AGENCY_SHORT = {k: re.compile(r"(?<![\w-])" + k + r"(?!\w)") for k in AGENCIES_ES}
_PROSE_ES = re.compile(r'^\s*(?:text|note|notes|no_url_reason|no_date_reason)_es\s*=\s*"((?:[^"\\]|\\.)*)"')


def agency_first_mentions(text: str) -> list[str]:
    """The agencies a Spanish text names by their short form before spelling them out."""
    out = []
    for short, name in AGENCIES_ES.items():
        m = _AGENCY_SHORT[short].search(text)
        if m and not (0 <= text.find(name) < m.start()):
            out.append(short)
    return out


def check_agency_names(loader: Any, root: Path) -> None:
    """A Spanish text (a statement, a note) spells out BLS, BTS, USTR, ERS and StatCan at their first mention."""
    if getattr(loader, "namespace", None):
        return  # a user's text is in the user's words
    for path in sorted(root.rglob("*.toml")):
        if path.name == "glossary.toml":
            continue
        try:
            lines = read_regular_text(path).splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for i, line in enumerate(lines, 1):
            m = _PROSE_ES.match(line)
            if not m:
                continue
            for short in agency_first_mentions(m.group(1)):
                loader.problem(_rel(root, path), i,
                               f"Spanish text names {short} before spelling it out: write "
                               f"\"{AGENCIES_ES[short]} ({short})\" at its first mention, the short form after")


def check_glossary(loader: Any, root: Path) -> None:
    patterns = _avoid_patterns(load_glossary(root))
    if not patterns:
        return
    # A plain substring test (lower case) rules out nearly every (text, term) pair before the
    # word-boundary pattern runs: ~34,000 regex searches per load of data/ otherwise.
    literal = {id(p): avoid.lower() for p, avoid, _ in patterns
               if p.flags & re.IGNORECASE and re.escape(avoid) in p.pattern}  # avoid_es words, not regexes
    for path in sorted(root.rglob("*.toml")):
        if path.name == "glossary.toml":
            continue
        try:
            lines = read_regular_text(path).splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for i, line in enumerate(lines, 1):
            for text in spanish_texts(line):
                low = text.lower()
                for pattern, avoid, use in patterns:
                    word = literal.get(id(pattern))
                    if word is not None and word not in low:
                        continue
                    found = pattern.search(text)
                    if found:  # the words as written in the text, not the glossary's pattern
                        shown = found.group(0) if found.group(0).strip() else avoid
                        loader.problem(_rel(root, path), i,
                                       f"Spanish text uses {shown!r}: the glossary says {use!r}")


def run_rules(loader: Any, catalog: Any) -> None:
    root = Path(loader.root)
    if not root.is_dir():
        return
    check_sources(loader, root)
    check_deny_list(loader, root)
    check_dataset_status(loader, root, catalog)
    check_fact_periods(loader, root, catalog)
    check_status_definition(loader, root, catalog)
    check_chart_periods(loader, root, catalog)
    check_glossary(loader, root)
    check_agency_names(loader, root)
    from nap_desktop.core.catalog import unavailable

    unavailable.attach(loader, catalog)  # report charts with no dataset, with their reason
