"""The one place user text enters the exporters: any ``str`` comes out safe for every format we write.

PowerPoint and Excel files are XML 1.0, which cannot hold most control characters, the
non-characters U+FFFE/U+FFFF (and their kin), or lone UTF-16 surrogates; python-pptx, openpyxl and
XlsxWriter then fail half-way through an export. Some fields are also capped by the format
(core properties 255 characters, sheet names 31, cells 32,767). Everything here is total: it
never raises on any ``str`` (or on ``None``/non-text, which becomes text).

- :func:`clean` repairs one text: C0/C1 controls dropped except newline and tab (vertical tab,
  form feed, CR, NEL become a newline, as Word's line breaks mean), non-characters dropped, a
  valid surrogate pair joined into its character and a lone surrogate replaced with U+FFFD.
- :func:`capped` cleans and cuts at a word with "…" where a format caps the length.
- :func:`sanitize_pack` cleans every user text field of a pack and its items (called at the top of
  each exporter, so nothing downstream needs to care).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from typing import Any

ELLIPSIS = "…"

#: Format caps (characters).
CORE_PROPERTY_MAX = 255
SHEET_NAME_MAX = 31
XLSX_CELL_MAX = 32767

_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x85]")
# C0 controls except \t and \n, DEL, C1 controls, surrogates (handled before), non-characters.
_BAD_CHARS = ("\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
              + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17)))
_BAD = re.compile(f"[{_BAD_CHARS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Anything clean() would change, in one pass (most Spanish text is not ASCII yet needs nothing).
_NEEDS_WORK = re.compile(f"[{_BAD_CHARS}\ud800-\udfff\r\v\f\x85]")


def _fix_surrogates(text: str) -> str:
    # Through UTF-16: a high+low pair becomes the real character, a lone half becomes U+FFFD.
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def clean(text: Any) -> str:
    """``text`` made safe for XML-based formats (see the module docstring); never raises."""
    if text is None:
        return ""
    if not isinstance(text, str):
        try:
            text = str(text)
        except Exception:  # noqa: BLE001 - a hostile __str__ must not break an export
            return ""
    if text.isascii() and text.isprintable():
        return text  # the common case, fast
    if not _NEEDS_WORK.search(text):
        return text  # accents, "\n", "\t": nothing to change
    if _SURROGATE.search(text):
        text = _fix_surrogates(text)
    text = _LINE_BREAKS.sub("\n", text)
    return _BAD.sub("", text)


def cut_at_word(text: str, limit: int, ellipsis: str = ELLIPSIS) -> str:
    """At most ``limit`` characters; when cut, at a word boundary if one is near, ending in ``ellipsis``."""
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text
    room = max(limit - len(ellipsis), 0)
    cut = text[:room]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space >= room // 2:
        cut = cut[:space]
    cut = cut.rstrip(" \n\t,;:-–")
    return (cut + ellipsis)[:limit]


def capped(text: Any, limit: int) -> str:
    """:func:`clean`, then at most ``limit`` characters, cut at a word with "…" when over."""
    return cut_at_word(clean(text), limit)


def needs_cap(text: Any, limit: int) -> bool:
    """Whether :func:`capped` would shorten ``text`` (so the full text should go elsewhere)."""
    return len(clean(text)) > limit


# ---- packs ----------------------------------------------------------------------------------

_PLAIN = frozenset({int, float, bool, type(None)})


def _rows_clean(rows: Any, cls: type) -> bool:
    """Whether every row of a sequence of one dataclass (a dataset's rows) holds only plain scalars and
    texts :func:`clean` leaves as they are, checked a field at a time over all rows (C-level passes, not a
    call per field per row: the bundled datasets' rows in about 8 ms, was most of sanitize_catalog's 46 ms)."""
    if not (dataclasses.is_dataclass(cls) and len(rows) > 8):
        return False
    from operator import attrgetter

    for name in _init_fields(cls):
        column = list(map(attrgetter(name), rows))
        kinds = set(map(type, column))
        if kinds <= _PLAIN:
            continue
        if kinds - _PLAIN != {str}:
            return False  # nested values (tuples, dicts): cleaned one by one
        text = "".join(v for v in column if type(v) is str)
        if not (text.isascii() and text.isprintable()) and _NEEDS_WORK.search(text):
            return False
    return True


def _clean_value(value: Any, depth: int = 0) -> Any:
    """Strings cleaned inside any structure a pack or catalog carries (dicts, lists, tuples, dataclasses).
    Returns the very same object when nothing in it needed cleaning (no copies of clean data)."""
    if isinstance(value, str):
        return clean(value)
    if depth > 64 or value is None or isinstance(value, (int, float, bool)):
        return value
    if isinstance(value, dict):
        items = [(_clean_value(k, depth + 1), _clean_value(v, depth + 1)) for k, v in value.items()]
        if all(k2 is k and v2 is v for (k2, v2), (k, v) in zip(items, value.items())):
            return value
        return dict(items)
    if isinstance(value, (list, tuple)):
        kinds = set(map(type, value))
        if kinds <= _PLAIN:  # a column of numbers: nothing to clean, no call each
            return value
        if len(kinds) == 1 and _rows_clean(value, next(iter(kinds))):
            return value  # a dataset's rows: every field checked a column at a time
        out = [_clean_value(v, depth + 1) for v in value]
        if all(a is b for a, b in zip(out, value)):
            return value
        if isinstance(value, list):
            return out
        try:
            return type(value)(*out) if hasattr(value, "_fields") else type(value)(out)
        except TypeError:
            return tuple(out)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _clean_dataclass(value, depth + 1)
    return value


_INIT_FIELDS: dict[type, tuple[str, ...]] = {}


def _init_fields(cls: type) -> tuple[str, ...]:
    names = _INIT_FIELDS.get(cls)
    if names is None:  # dataclasses.fields() builds its tuple on every call: once per class instead
        names = _INIT_FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.init)
    return names


def _clean_dataclass(obj: Any, depth: int = 0) -> Any:
    changes = {}
    for name in _init_fields(type(obj)):
        old = getattr(obj, name)
        new = _clean_value(old, depth)
        if new is not old:
            changes[name] = new
    if not changes:
        return obj
    try:
        return dataclasses.replace(obj, **changes)
    except Exception:  # noqa: BLE001 - a dataclass whose __post_init__ refuses the cleaned value
        return obj


def sanitize_catalog(catalog: Any) -> Any:
    """The catalog with every text cleaned like :func:`clean` (a user library's TOML may hold "\\u000b" or
    "\\ufffe" escapes) and every chart's colours real colours (:func:`safe_color`). The very same object when
    nothing needed changing (the bundled data)."""
    cleaned = _clean_dataclass(catalog)
    charts = getattr(cleaned, "charts", None)
    if isinstance(charts, dict) and not all(_colors_ok(c) for c in charts.values()):
        cleaned = dataclasses.replace(cleaned, charts={k: _fix_colors(v) for k, v in charts.items()})
    return cleaned


def safe_date(value: Any) -> str:
    """An ISO date (YYYY-MM-DD or YYYY-MM) with a year in 1900–2200, else "" (never an OverflowError later)."""
    text = clean(value).strip()
    if not text:
        return ""
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?", text)
    if not m or not 1900 <= int(m.group(1)) <= 2200:
        return ""
    try:
        _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:
        return ""
    return text


def sanitize_pack(pack: Any) -> Any:
    """A copy of ``pack`` whose every user text (title, audience, items and what they carry) is clean,
    its language one we write and its meeting date one every exporter can format."""
    cleaned = _clean_dataclass(pack)
    changes: dict[str, Any] = {}
    if getattr(cleaned, "lang", "en") not in ("en", "es"):
        changes["lang"] = "en"
    if hasattr(cleaned, "meeting_date"):
        date = safe_date(cleaned.meeting_date)
        if date != cleaned.meeting_date:
            changes["meeting_date"] = date
    if changes:
        cleaned = dataclasses.replace(cleaned, **changes)
    return cleaned


# ---- workbooks: every string is written as a literal string ---------------------------------
#
# Excel evaluates a cell that holds a formula, and a chart name that reads like a reference
# ("cmd|' /C calc'!A0", "=HYPERLINK(…)") becomes one. Every string that reaches a workbook we write
# (our .xlsx, and the chart sheets embedded in the deck) passes through here and is written as text:
# cells with write_string, chart names through literal_chart, sheet names through safe_sheet_name,
# sheet references through sheet_ref, headers and footers through header_footer.

#: XlsxWriter options for every workbook we write: text stays text (no formulas, numbers or links made of it)
XLSX_LITERAL_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
#: Excel's header/footer cap (characters, codes included)
HEADER_FOOTER_MAX = 255
CHART_NAME_MAX = 255
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def utf16_len(text: str) -> int:
    """Length as Excel counts it (UTF-16 code units: an emoji is two)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _cut_utf16(text: str, limit: int) -> str:
    """The longest prefix of ``text`` that is at most ``limit`` UTF-16 units (never half a character)."""
    if utf16_len(text) <= limit:
        return text
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return text[:i]
    return text


def cell_text(value: Any, limit: int = XLSX_CELL_MAX) -> str:
    """A cell's text: :func:`clean`, then at most ``limit`` characters as Excel counts them, cut at a
    word with "…" when over (callers keep the whole text elsewhere: see :func:`cell_chunks`)."""
    text = clean(value)
    if utf16_len(text) <= limit:
        return text
    return cut_at_word(text, len(_cut_utf16(text, limit)))  # a prefix of that, plus "…": still within


def needs_cell_cap(value: Any, limit: int = XLSX_CELL_MAX) -> bool:
    return utf16_len(clean(value)) > limit


def cell_chunks(text: str, limit: int = XLSX_CELL_MAX) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` UTF-16 units (a long text across a row of cells)."""
    out: list[str] = []
    while text:
        piece = _cut_utf16(text, limit) or text[:1]
        out.append(piece)
        text = text[len(piece):]
    return out


def chart_name(value: Any) -> str:
    """A chart title, axis title or series name as literal text (see :func:`literal_chart`)."""
    return capped(value, CHART_NAME_MAX)


def literal_chart(chart: Any) -> Any:
    """An XlsxWriter chart whose names (title, axis titles, series names) given as text are always that
    text, never a formula or a reference: XlsxWriter reads any name that looks like ``Sheet!A1`` (or
    starts with "=") as a reference, so "cmd|' /C calc'!A0" became ``<c:f>``. A reference is given as a
    ``[sheet, row, col]`` list, which stays one. Returns the chart."""
    original = chart._process_names

    def process(name: Any, name_formula: Any) -> tuple[Any, Any]:
        if isinstance(name, list):
            return original(name, name_formula)
        return (None if name is None else chart_name(name)), None

    chart._process_names = process
    return chart


def safe_sheet_name(name: Any, fallback: str = "Sheet") -> str:
    """A name Excel accepts as it is: none of []:*?/\\, no apostrophe at either end, at most 31 UTF-16
    units, not empty, not "History"."""
    text = _SHEET_BAD.sub(" ", clean(name).replace("\n", " ").replace("\t", " "))
    text = _cut_utf16(" ".join(text.split()), SHEET_NAME_MAX).strip().strip("'").strip()
    if not text:
        text = fallback
    if text.casefold() == "history":
        text = _cut_utf16(text + " 1", SHEET_NAME_MAX)
    return text


def sheet_ref(name: str) -> str:
    """A sheet name quoted for a reference or an internal link: 'It''s' (an apostrophe doubled)."""
    return "'" + str(name).replace("'", "''") + "'"


def header_footer(text: Any, limit: int) -> str:
    """Text for a header or footer section: cleaned, on one line, cut to ``limit`` characters *before*
    "&" (Excel's control character there) is doubled, so a cut never leaves a lone "&" code."""
    line = " ".join(clean(text).split())
    cut = cut_at_word(line, limit)
    while cut.count("&") + len(cut) > limit and cut:
        cut = cut_at_word(cut[:-1], len(cut) - 1)
    return cut.replace("&", "&&")


# ---- terminals ------------------------------------------------------------------------------------
# A title holding ESC [ 2 J clears the user's terminal; a right-to-left override reorders what follows.
# Every line the command line prints with user text in it goes through for_terminal: control characters,
# C1 controls and bidirectional overrides are shown as visible escapes (\x1b, \u202e), never sent raw.
_TERMINAL_BAD = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def for_terminal(text: Any) -> str:
    """``text`` safe to print to a terminal: every control character shown as an escape (a tab too: the
    listings use tabs between columns)."""
    text = text if isinstance(text, str) else str(text)
    return _TERMINAL_BAD.sub(lambda m: (f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                        else f"\\u{ord(m.group()):04x}"), text)


# ---- links ----------------------------------------------------------------------------------------
# Only http and https links are ever written (deck hyperlinks, workbook links, the handout's <a href>), from
# any origin: the bundled data, a user library, or a pack's copies (which the library never checked). A
# javascript:, file:, data: or any other URL is shown as plain text or not at all, never made clickable.
URL_MAX = 2000  # what every browser and Office accept
_URL_BAD = re.compile(r"[\x00-\x20\x7f-\x9f<>\"\\^`{|}\u2028\u2029\ufeff]")


def safe_url(value: Any) -> str:
    """``value`` when it is an http(s) URL with a host and nothing a link must not hold (controls, spaces,
    quotes, angle brackets; at most URL_MAX characters), else "" (write it as text, or not at all)."""
    from urllib.parse import urlsplit

    if not isinstance(value, str) or not value or len(value) > URL_MAX or _URL_BAD.search(value):
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:  # an unbalanced [ in the host
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    import unicodedata

    # no space of any script (U+1680 Ogham, U+3000 ...), no format character, and a host with a letter or digit
    if any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp", "Cs", "Co", "Cn")
           for ch in value) or not any(ch.isalnum() for ch in (parts.hostname or "")):
        return ""
    return value


# ---- sizes a drawn chart can have -----------------------------------------------------------------
# A chart drawn in a deck, a handout or an image with 100,000 categories is not a chart a reader can read,
# and drawing one costs minutes (python-pptx looks up a table's cells row by row; reportlab lays out every
# bar). Such a chart is refused before anything is written, with the limit named; the workbook, which writes
# its table linearly, keeps every row.
MAX_DRAWN_CATEGORIES = 2_000
MAX_DRAWN_VALUES = 20_000
MAX_TABLE_ROWS = 500  # a chart of kind "table" is drawn cell by cell


def too_large_to_draw(spec: Any) -> str:
    """Why ``spec`` is too large to draw (a sentence naming the limit), or "" when it can be drawn."""
    categories = len(getattr(spec, "categories", ()) or ())
    values = categories * max(1, len(getattr(spec, "series", ()) or ()))
    title = capped(getattr(spec, "title_en", "") or getattr(spec, "id", ""), 80)
    name = f"\u201c{title}\u201d ({capped(getattr(spec, 'id', ''), 80)})"
    if getattr(spec, "kind", "") == "table" and categories > MAX_TABLE_ROWS:
        return (f"The table {name} has {categories:,} rows: a table drawn on a slide or a handout holds at most "
                f"{MAX_TABLE_ROWS:,}")
    if categories > MAX_DRAWN_CATEGORIES:
        return (f"The chart {name} has {categories:,} categories: a chart drawn in a deck, a handout or an image "
                f"holds at most {MAX_DRAWN_CATEGORIES:,}")
    if values > MAX_DRAWN_VALUES:
        return (f"The chart {name} has {values:,} values: a chart drawn in a deck, a handout or an image holds "
                f"at most {MAX_DRAWN_VALUES:,}")
    return ""


def drawn_charts(pack: Any, catalog: Any) -> list[Any]:
    """The charts an export of ``pack`` draws: its chart items and the charts of its facts."""
    charts = getattr(catalog, "charts", {}) or {}
    out, seen = [], set()
    for item in getattr(pack, "items", ()):
        ref = item.ref
        if item.kind == "fact":
            fact = catalog.fact(ref) if hasattr(catalog, "fact") else None
            ref = getattr(fact, "chart", "") if fact is not None else ""
        elif item.kind != "chart":
            continue
        if ref and ref in charts and ref not in seen:
            seen.add(ref)
            out.append(charts[ref])
    return out


#: The most items (facts, charts, notes, dividers) an export writes: a deck of 5,000 fact slides takes about
#: half a minute on a 2-core laptop (linear); a pack of 100,000 notes would take many minutes and is refused.
MAX_EXPORT_ITEMS = 5_000


def check_item_count(pack: Any, what: str) -> None:
    """ExportError before anything is written when ``pack`` holds more than MAX_EXPORT_ITEMS items."""
    from nap_desktop.exporters.files import ExportError

    n = len(getattr(pack, "items", ()) or ())
    if n > MAX_EXPORT_ITEMS:
        raise ExportError(f"The pack has {n:,} items: an export holds at most {MAX_EXPORT_ITEMS:,}. The {what} was "
                          "not written. Export a section or a selection of it (--section, --ids), or split the pack.")


def check_drawable(pack: Any, catalog: Any, what: str) -> None:
    """ExportError before anything is written when ``pack`` has too many items (:func:`check_item_count`) or a
    chart it draws is too large to draw (:func:`too_large_to_draw`); ``what`` names the file ("deck", "handout")."""
    from nap_desktop.exporters.files import ExportError

    check_item_count(pack, what)
    for spec in drawn_charts(pack, catalog):
        why = too_large_to_draw(spec)
        if why:
            raise ExportError(f"{why}. The {what} was not written. The workbook (.xlsx) keeps every row of its "
                              "table; for a slide, chart a summary of the table (fewer categories).")


# ---- colours ------------------------------------------------------------------------------------
# A colour is written into XML attributes (SVG fill="…", DrawingML srgbClr) and parsed by XlsxWriter:
# anything but #RRGGBB breaks the file or, unescaped in an SVG, becomes markup. A pack's copies are
# checked when it opens (core/pack/copycheck.py); here every exporter gets only real colours.
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
FALLBACK_COLOR = "#7F7F7F"


def safe_color(value: Any, default: str = FALLBACK_COLOR) -> str:
    """``value`` when it is a #RRGGBB colour, else ``default`` (an empty colour stays empty)."""
    if value == "":
        return ""
    return value if isinstance(value, str) and _COLOR.fullmatch(value) else default


def _colors_ok(spec: Any) -> bool:
    extra = getattr(spec, "extra", None) or {}
    class_colors = extra.get("class_colors") if isinstance(extra, dict) else None
    return (all(safe_color(s.color) == s.color for s in getattr(spec, "series", ()))
            and all(safe_color(c) == c for c in getattr(spec, "category_colors", ()))
            and (not isinstance(class_colors, dict) or all(safe_color(c) == c for c in class_colors.values())))


def _fix_colors(spec: Any) -> Any:
    if _colors_ok(spec):
        return spec
    series = tuple(dataclasses.replace(s, color=safe_color(s.color) or FALLBACK_COLOR) for s in spec.series)
    extra = dict(spec.extra or {})
    if isinstance(extra.get("class_colors"), dict):
        extra["class_colors"] = {k: safe_color(v) or FALLBACK_COLOR for k, v in extra["class_colors"].items()}
    return dataclasses.replace(spec, series=series, category_colors=tuple(safe_color(c) for c in spec.category_colors),
                               extra=extra)


def sanitize_chart(spec: Any) -> Any:
    """One chart's texts cleaned (:func:`clean`) and its colours real (:func:`safe_color`): what the SVG/PNG
    writer draws from (the deck, workbook and handout get it through :func:`sanitize_catalog`)."""
    return _fix_colors(_clean_dataclass(spec))
