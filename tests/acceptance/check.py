"""The acceptance check: export a pack in one language to every format, read each file back as a reader
meets it, and count what a professional would fix by hand before handing it over.

Each counter returns findings ``(counter, where, what)``; a pack passes when it has none. Counters:

- ``handout_pages``: a handout of six facts and one chart or fewer (a state brief too) over one page;
- ``process_words``: how the data was cleaned ("removed", "content farm", "republished", "transcription"
  …) on a face: slides, the presenter's slides, the handout, visible workbook cells other than the notes
  sheet ("Notes on the data", which is where it belongs) and the Sources sheet's notes column;
- ``english_on_spanish``: on a Spanish face, an English agency name (outside the titles of the sources,
  which are the publications' own names), an app word ("Source", "Key points", "and 3 more") or "n/a";
- ``periods``: a headline figure without a period (on its slide, in the workbook's Facts sheet) and a
  period line that names no time;
- ``small_text``: slide text under 10 pt (text boxes, tables, charts) or handout text under 7.5 pt;
- ``overflow``: slide text that does not fit its box, measured with core/textmetrics (the fonts the
  exporters measure with); handout text outside the page;
- ``missing_in_cache``: a chart's cache or embedded workbook holding a value where the data has none;
- ``properties``: author, company, language, subject and keywords of the deck, workbook and handout;
- ``manifest``: a bundle member not hashed in the manifest, or hashed wrong.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)
COUNTERS = ("handout_pages", "process_words", "english_on_spanish", "periods", "small_text", "overflow",
            "missing_in_cache", "properties", "manifest")
PAPERS = ("letter", "a4")
EMU_PER_PT = 12700

#: how the data was cleaned: words for the notes, never for a face
PROCESS = re.compile(
    r"\b(?:removed|retirad[oa]s?|content[- ]farms?|contenido de baja calidad|republish\w*|republicad\w*|"
    r"contributor (?:text|content|posts?|articles?)|contributed (?:posts?|articles?)|scrap(?:ed|e|ing)|raspad\w*|transcri(?:ption|bed)\w*|transcripci[oó]n\w*|"
    r"transcrit[oa]s?|mirror|espejo|vendor blog|corrupt\w*|dañad[oa]s?|not derived|no se deriva\w*|"
    r"acceptable source|fuente aceptable|low[- ]credibility|baja credibilidad|deny[- ]list|refused|"
    r"rechazad[oa]s?|cleaned|depurad[oa]s?)\b", re.IGNORECASE)

#: English names of agencies that Spanish outputs name in Spanish (data/glossary.toml)
AGENCIES_EN = re.compile(
    r"\b(?:U\.S\. Census Bureau|Census Bureau|Bureau of Labor Statistics|Bureau of Transportation Statistics|"
    r"Economic Research Service|Department of Agriculture|Department of Commerce|Department of Labor|"
    r"Federal Reserve Bank|Federal Reserve Board|Office of the United States Trade Representative|"
    r"Trade Representative|International Trade Commission|Bureau of Economic Analysis|"
    r"International Trade Administration|International Monetary Fund|Congressional Research Service|"
    r"Center for Strategic and International Studies|Government of Canada|Observatory of Economic Complexity|"
    r"International Organization of Motor Vehicle Manufacturers|UN Trade and Development|OECD)\b")
#: app words a Spanish face must not carry (the exporters' own English labels)
APP_WORDS_EN = re.compile(
    r"(?<![\w/])n/a(?![\w/])|\b(?:Sources?|Period|Key points|Key figures|Talking points|Presented by|"
    r"Notes?|Page|Slide|Chart|Missing item|No value for|Not drawn|reported|and \d+ more|Contents|"
    r"Prepared for|Meeting)\b")
#: a period names a time: a year (or a quarter, a fiscal year: they carry one)
PERIOD = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@dataclass
class Outputs:
    deck: Path
    book: Path
    handouts: dict[str, Path]
    bundle: Path


@dataclass
class Result:
    pack: str
    lang: str
    findings: list[tuple[str, str, str]] = field(default_factory=list)
    #: sources of the pack by status (reported, not counted: issue 24 asks how many are secondary)
    statuses: dict[str, int] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    slides: int = 0

    def add(self, counter: str, where: str, what: str) -> None:
        assert counter in COUNTERS, counter
        self.findings.append((counter, where, what))

    def count(self, counter: str) -> int:
        return sum(1 for c, _, _ in self.findings if c == counter)


# --- packs --------------------------------------------------------------------------------------------
def load_packs(names: Iterable[str] | None = None) -> dict[str, tuple[Any, Any]]:
    """name -> (pack, the catalog it exports from), the packs under packs/ and the whole catalog."""
    from nap_desktop.cli.export import catalog_for_export
    from nap_desktop.core.catalog.library import load_catalog_with_library
    from nap_desktop.core.pack.packfile import load_pack
    from nap_desktop.core.pack.selection import pack_all

    here = Path(__file__).resolve().parent / "packs"
    catalog = load_catalog_with_library(here / "library")
    out: dict[str, tuple[Any, Any]] = {}
    for path in sorted(here.glob("*.napbrief")):
        if names and path.stem not in names:
            continue
        pack = load_pack(path)
        with contextlib.redirect_stderr(io.StringIO()):  # "exports from the pack's copy": said to users, not here
            out[path.stem] = (pack, catalog_for_export(pack, catalog)[0])
    if not names or "whole-catalog" in names:
        whole = pack_all(catalog, lang="en")
        from dataclasses import replace

        whole = replace(whole, title="The North American Project: every figure", audience="Briefing staff",
                        meeting_date="2026-12-15", organisation="North American Project")
        out["whole-catalog"] = (whole, catalog)
    return out


def export_all(pack: Any, catalog: Any, lang: str, folder: Path) -> Outputs:
    from nap_desktop.exporters.bundle import export_bundle
    from nap_desktop.exporters.handout_pdf import export_pdf
    from nap_desktop.exporters.pptx_exporter import export_pptx
    from nap_desktop.exporters.xlsx_exporter import export_xlsx

    folder.mkdir(parents=True, exist_ok=True)
    deck = export_pptx(pack, catalog, folder / "deck.pptx", lang=lang, now=NOW)
    book = export_xlsx(pack, catalog, folder / "workbook.xlsx", lang=lang, now=NOW)
    handouts = {p: export_pdf(pack, catalog, folder / f"handout-{p}.pdf", lang=lang, now=NOW, paper=p)
                for p in PAPERS}
    bundle = export_bundle(pack, catalog, folder / "bundle.zip", lang=lang, now=NOW, paper="letter")
    return Outputs(Path(deck), Path(book), {k: Path(v) for k, v in handouts.items()}, Path(bundle))


# --- text helpers -------------------------------------------------------------------------------------
def _source_titles(catalog: Any) -> list[str]:
    titles = set()
    for src in catalog.sources.values():
        for key in ("title", "title_es"):
            text = str(getattr(src, key, "") or "").strip()
            if len(text) > 3:
                titles.add(text)
    return sorted(titles, key=len, reverse=True)


_URL = re.compile(r"(?:https?://|www\.)\S+")


def _without_titles(text: str, titles: list[str]) -> str:
    """The text less the sources' own titles (a publication's name stays as published) and links."""
    text = _URL.sub(" ", text)
    flat = " ".join(text.split())
    for title in titles:
        if title in flat:
            flat = flat.replace(title, " ")
    return flat


def _face(result: Result, where: str, text: str, lang: str, titles: list[str]) -> None:
    """Count process words and (Spanish) English words in one piece of face text."""
    if not text or not text.strip():
        return
    for m in PROCESS.finditer(_URL.sub(" ", text)):
        result.add("process_words", where, _context(text, m.group(0)))
    if lang == "es":
        rest = _without_titles(text, titles)
        for rx in (AGENCIES_EN, APP_WORDS_EN):
            for m in rx.finditer(rest):
                result.add("english_on_spanish", where, _context(rest, m.group(0)))


def _context(text: str, word: str) -> str:
    flat = " ".join(text.split())
    i = flat.find(word)
    return f"{word!r} in …{flat[max(0, i - 40): i + len(word) + 40]}…"


# --- the deck -----------------------------------------------------------------------------------------
def _shapes(shapes: Any) -> Iterable[Any]:
    for shape in shapes:
        if shape.shape_type == 6 or hasattr(shape, "shapes") and not getattr(shape, "has_chart", False) \
                and shape.__class__.__name__ == "GroupShape":
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _run_size(run: Any, para: Any) -> float | None:
    if run.font.size is not None:
        return run.font.size.pt
    if para.font.size is not None:
        return para.font.size.pt
    return None


_SZ = re.compile(rb'\bsz="(\d+)"')


def check_deck(result: Result, out: Outputs, pack: Any, catalog: Any, lang: str, titles: list[str]) -> None:
    from pptx import Presentation

    from nap_desktop.core import textmetrics
    from nap_desktop.core.deck import compose_deck, drawn_spec

    prs = Presentation(str(out.deck))
    slides = list(prs.slides)
    result.slides = len(slides)
    composed = compose_deck(pack, catalog, lang=lang)
    if len(composed) != len(slides):
        result.add("missing_in_cache", "deck", f"{len(slides)} slides but {len(composed)} composed: charts unmatched")
    for n, slide in enumerate(slides, 1):
        names: dict[str, Any] = {}
        for shape in _shapes(slide.shapes):
            where = f"slide {n} {shape.name!r}"
            names[shape.name] = shape
            if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
                _check_text_shape(result, where, shape, textmetrics)
                _face(result, where, shape.text_frame.text, lang, titles)
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        _face(result, where + " table", cell.text, lang, titles)
                        for para in cell.text_frame.paragraphs:
                            for run in para.runs:
                                size = _run_size(run, para)
                                if size is not None and size < 10 - 1e-6:
                                    result.add("small_text", where + " table", f"{size:g} pt: {run.text[:40]!r}")
            if getattr(shape, "has_chart", False) and shape.has_chart:
                chart = shape.chart
                xml = chart.part.blob
                for sz in _SZ.findall(xml):
                    if int(sz) < 1000:
                        result.add("small_text", where + " chart", f"{int(sz) / 100:g} pt")
                texts = re.findall(rb"<(?:a:t|c:v)>([^<]*)</", xml)
                words = " ".join(t.decode("utf-8", "replace") for t in texts
                                 if not re.fullmatch(rb"[-\d.,E+]+", t.strip() or b"0"))
                _face(result, where + " chart", words, lang, titles)
                spec = composed[n - 1].chart if n - 1 < len(composed) else None
                if spec is not None:
                    _check_chart_cache(result, where, chart, drawn_spec(spec), lang)
        _check_periods_on_slide(result, n, names)
    # the presenter shows the composed slides: the same faces, drawn by the window
    for n, s in enumerate(composed, 1):
        where = f"presenter slide {n}"
        face = [s.title, s.subtitle, s.figure, s.figure_label, s.statement, s.period, s.source_line, s.kicker,
                s.footer, *s.bullets, *s.footnotes]
        face += [x for e in s.sources for x in (e.publisher, e.date, e.status_label)]
        face += [x for c in s.cells for x in (c.figure, c.label, c.claim, c.period, c.source_line)]
        _face(result, where, "\n".join(x for x in face if x), lang, titles)


def _check_text_shape(result: Result, where: str, shape: Any, textmetrics: Any) -> None:
    tf = shape.text_frame
    if not tf.text.strip():
        return
    width = (shape.width - (tf.margin_left or 0) - (tf.margin_right or 0)) / EMU_PER_PT
    height = (shape.height - (tf.margin_top or 0) - (tf.margin_bottom or 0)) / EMU_PER_PT
    used = 0.0
    for para in tf.paragraphs:
        sizes = [s for s in (_run_size(r, para) for r in para.runs) if s is not None]
        if not para.runs or not para.text.strip():
            continue
        size = max(sizes) if sizes else 18.0
        for s in sizes:
            if s < 10 - 1e-6:
                result.add("small_text", where, f"{s:g} pt: {para.text[:50]!r}")
                break
        bold = any(r.font.bold for r in para.runs)
        for piece in para.text.replace("\u2060", "").split("\v"):
            lines = textmetrics.wrap(piece, width, size, bold) if piece else [""]
            if any(textmetrics.text_width(ln, size, bold) > width + 0.5 for ln in lines):
                result.add("overflow", where, f"a word wider than its box: {piece[:50]!r}")
            used += textmetrics.height(len(lines), size)
    if width > 0 and used > height + 1.0:
        result.add("overflow", where, f"text {used:.0f} pt tall in a {height:.0f} pt box: {tf.text[:60]!r}")


def _check_periods_on_slide(result: Result, n: int, names: dict[str, Any]) -> None:
    def text(name: str) -> str:
        shape = names.get(name)
        return shape.text_frame.text if shape is not None and shape.has_text_frame else ""

    pairs = [("Headline figure", "Period", "Title", "Statement")]
    pairs += [(f"Figure {i}", f"Period {i}", f"Claim {i}", f"Claim {i}") for i in range(1, 13)]
    for figure, period, title, statement in pairs:
        if figure not in names or not text(figure).strip():
            continue
        line = text(period)
        if line.strip():
            if not PERIOD.search(line):
                result.add("periods", f"slide {n} {period!r}", f"a period line that names no time: {line!r}")
        elif not PERIOD.search(" ".join((text(figure), text(title), text(statement)))):
            result.add("periods", f"slide {n} {figure!r}", f"figure {text(figure)!r} without a period")


def _check_chart_cache(result: Result, where: str, chart: Any, spec: Any, lang: str) -> None:
    """Where the data has no value, the chart's cache has no point and its embedded workbook no number."""
    from lxml import etree

    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    root = etree.fromstring(chart.part.blob)
    cats = spec.category_labels(lang)
    missing: dict[str, set[str]] = {}
    for s in spec.series:
        missing[s.label(lang)] = {cats[i] for i, v in enumerate(s.values) if v is None and i < len(cats)}
    book = None
    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob), data_only=False)
    except Exception:  # noqa: BLE001 - a chart without its workbook is counted below
        book = None
    for ser in root.iterfind(".//c:ser", ns):
        name = "".join(ser.xpath("./c:tx//c:v/text()", namespaces=ns))
        labels = ser.xpath("./c:cat//c:pt", namespaces=ns)
        cat_at = {int(p.get("idx")): "".join(p.xpath("./c:v/text()", namespaces=ns)) for p in labels}
        want = missing.get(name)
        if want is None:
            continue
        for pt in ser.xpath("./c:val//c:numCache/c:pt", namespaces=ns):
            cat = cat_at.get(int(pt.get("idx")), "")
            if cat in want:
                value = "".join(pt.xpath("./c:v/text()", namespaces=ns))
                result.add("missing_in_cache", where, f"{name!r} {cat!r}: cache holds {value!r} for a missing value")
        if book is not None:
            ws = book.worksheets[0]
            header = [c.value for c in ws[1]]
            if name in header:
                col = header.index(name) + 1
                for row in ws.iter_rows(min_row=2):
                    cat = str(row[0].value if row[0].value is not None else "")
                    value = row[col - 1].value if col - 1 < len(row) else None
                    if cat in want and value not in (None, ""):
                        result.add("missing_in_cache", where + " workbook",
                                   f"{name!r} {cat!r}: embedded workbook holds {value!r}")


# --- the workbook -------------------------------------------------------------------------------------
def check_book(result: Result, out: Outputs, pack: Any, catalog: Any, lang: str, titles: list[str]) -> None:
    from openpyxl import load_workbook

    notes = {"en": "Notes on the data", "es": "Notas sobre los datos"}[lang]
    sources = {"en": "Sources", "es": "Fuentes"}[lang]
    book = load_workbook(out.book)
    for ws in book.worksheets:
        if ws.sheet_state != "visible" or ws.title == notes:
            continue
        note_cols: set[int] = set()
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                value = cell.value
                if ws.title == sources and re.fullmatch(r"(?i)notes?|notas?|note on the source|nota", value.strip()):
                    note_cols.add(cell.column)
                if ws.title == sources and cell.column in note_cols:
                    continue  # the Sources sheet's notes say how a copy was read: provenance, kept
                _face(result, f"workbook {ws.title!r} {cell.coordinate}", value, lang, titles)
        for part in (ws.oddHeader, ws.oddFooter):
            for pos in (part.left, part.center, part.right):
                if pos.text:
                    _face(result, f"workbook {ws.title!r} header/footer", pos.text, lang, titles)
                    if len(pos.text) > 255:
                        result.add("overflow", f"workbook {ws.title!r} header/footer", f"{len(pos.text)} characters")
    _check_facts_sheet_periods(result, book, lang)


def _check_facts_sheet_periods(result: Result, book: Any, lang: str) -> None:
    period_head = {"en": "Period", "es": "Periodo"}[lang]
    value_heads = {"en": ("Value", "Figure"), "es": ("Valor", "Cifra")}[lang]
    for ws in book.worksheets:
        header_row = None
        for row in ws.iter_rows(max_row=12):
            texts = [str(c.value or "").strip() for c in row]
            if period_head in texts and any(h in texts for h in value_heads):
                header_row = row
                break
        if header_row is None:
            continue
        texts = [str(c.value or "").strip() for c in header_row]
        pcol = texts.index(period_head)
        vcol = next(texts.index(h) for h in value_heads if h in texts)
        for row in ws.iter_rows(min_row=header_row[0].row + 1):
            if len(row) <= max(pcol, vcol):
                continue
            value, period = row[vcol].value, str(row[pcol].value or "")
            if value in (None, ""):
                continue
            if not period.strip():
                result.add("periods", f"workbook {ws.title!r} {row[vcol].coordinate}", f"figure {value!r} without a period")
            elif not PERIOD.search(period):
                result.add("periods", f"workbook {ws.title!r} {row[pcol].coordinate}",
                           f"a period that names no time: {period!r}")


# --- the handout --------------------------------------------------------------------------------------
def _char_size(c: Any) -> float:
    """The type size a reader sees: pdfminer's LTChar.size is the glyph box's height, which for text turned a
    quarter (an axis title) is its advance, not its size; the box's other side is."""
    a, b = c.matrix[0], c.matrix[1]
    return c.width if abs(b) > abs(a) else c.size


def check_handouts(result: Result, out: Outputs, pack: Any, catalog: Any, lang: str, titles: list[str]) -> None:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

    facts = sum(1 for i in pack.items if i.kind == "fact")
    charts = sum(1 for i in pack.items if i.kind == "chart")
    one_page = bool(getattr(pack, "state", "")) or (facts <= 6 and charts <= 1)
    for paper, path in out.handouts.items():
        pages = list(extract_pages(str(path)))
        result.pages[paper] = len(pages)
        if one_page and len(pages) > 1:
            result.add("handout_pages", f"handout {paper}", f"{len(pages)} pages for {facts} facts and {charts} charts")
        for p, page in enumerate(pages, 1):
            where = f"handout {paper} p{p}"
            text = []
            for box in page:
                if not isinstance(box, LTTextContainer):
                    continue
                for line in box:
                    if not isinstance(line, LTTextLine):
                        continue
                    chars = [c for c in line if isinstance(c, LTChar)]
                    if not chars:
                        continue
                    small = min(_char_size(c) for c in chars)
                    if small < 7.5 - 0.05:
                        result.add("small_text", where, f"{small:.1f} pt: {line.get_text().strip()[:50]!r}")
                    if line.x0 < -0.5 or line.x1 > page.width + 0.5 or line.y0 < -0.5 or line.y1 > page.height + 0.5:
                        result.add("overflow", where, f"text outside the page: {line.get_text().strip()[:50]!r}")
                    text.append(line.get_text())
            _face(result, where, " ".join(text), lang, titles)


# --- properties and the bundle ------------------------------------------------------------------------
def check_properties(result: Result, out: Outputs, pack: Any, lang: str) -> None:
    from openpyxl import load_workbook
    from pptx import Presentation
    from pypdf import PdfReader

    from nap_desktop.exporters import docprops

    want = {"author": docprops.author(pack), "company": docprops.company(pack),
            "language": docprops.language_tag(lang), "subject": docprops.subject(pack, lang),
            "keywords": docprops.keywords(pack, lang)}
    english = {"subject": docprops.subject(pack, "en"), "keywords": docprops.keywords(pack, "en")}

    def compare(what: str, got: dict[str, str]) -> None:
        for key, value in want.items():
            if key not in got:
                continue
            if (got[key] or "") != value:
                result.add("properties", what, f"{key} is {got[key]!r}, not {value!r}")
            if lang == "es" and key in english and got[key] == english[key]:
                result.add("properties", what, f"{key} in English in a Spanish file: {got[key]!r}")

    def company_of(path: Path) -> str:
        with zipfile.ZipFile(path) as zf:
            try:
                app = zf.read("docProps/app.xml").decode("utf-8")
            except KeyError:
                return ""
        m = re.search(r"<Company>([^<]*)</Company>", app)
        return m.group(1) if m else ""

    cp = Presentation(str(out.deck)).core_properties
    compare("deck", {"author": cp.author, "language": cp.language, "subject": cp.subject, "keywords": cp.keywords,
                     "company": company_of(out.deck)})
    bp = load_workbook(out.book).properties
    compare("workbook", {"author": bp.creator, "language": bp.language, "subject": bp.subject,
                         "keywords": bp.keywords, "company": company_of(out.book)})
    for paper, path in out.handouts.items():
        reader = PdfReader(str(path))
        meta = reader.metadata or {}
        lang_tag = str(reader.trailer["/Root"].get("/Lang", "")) if "/Root" in reader.trailer else ""
        compare(f"handout {paper}", {"author": meta.get("/Author", ""), "subject": meta.get("/Subject", ""),
                                     "keywords": meta.get("/Keywords", ""), "language": lang_tag})


def check_bundle(result: Result, out: Outputs) -> None:
    with zipfile.ZipFile(out.bundle) as zf:
        members = [n for n in zf.namelist() if not n.endswith("/")]
        try:
            manifest = json.loads(zf.read("manifest.json"))
        except (KeyError, ValueError) as exc:
            result.add("manifest", "bundle", f"no readable manifest.json: {exc}")
            return
        listed = {e.get("name"): e.get("sha256") for e in manifest.get("files", [])}
        for name in members:
            if name == "manifest.json":
                continue
            if name not in listed:
                result.add("manifest", "bundle", f"{name}: not hashed in the manifest")
            elif hashlib.sha256(zf.read(name)).hexdigest() != listed[name]:
                result.add("manifest", "bundle", f"{name}: SHA-256 differs from the manifest")
        for name in listed:
            if name not in members:
                result.add("manifest", "bundle", f"{name}: in the manifest, not in the bundle")


# --- one pack -----------------------------------------------------------------------------------------
def source_statuses(pack: Any, catalog: Any) -> dict[str, int]:
    from nap_desktop.core.deck import used_sources

    out: dict[str, int] = {}
    for sid in used_sources(pack, catalog):
        src = catalog.sources.get(sid)
        if src is not None:
            out[src.status] = out.get(src.status, 0) + 1
    return out


def check_pack(name: str, pack: Any, catalog: Any, lang: str, folder: Path) -> tuple[Result, Outputs]:
    from dataclasses import replace

    pack = replace(pack, lang=lang)
    result = Result(name, lang)
    # the sources' titles as published, and what the user wrote (title, audience, organisation, talking
    # points, notes: a user's English is theirs) are not the app's words
    own = [pack.title, pack.audience, getattr(pack, "organisation", "")]
    own += [t for i in pack.items for t in (i.talking_points, getattr(i, "text", "")) if t]
    titles = sorted(set(_source_titles(catalog)) | {" ".join(t.split()) for t in own if len(t.strip()) > 3},
                    key=len, reverse=True)
    out = export_all(pack, catalog, lang, folder)
    result.statuses = source_statuses(pack, catalog)
    check_deck(result, out, pack, catalog, lang, titles)
    check_book(result, out, pack, catalog, lang, titles)
    check_handouts(result, out, pack, catalog, lang, titles)
    check_properties(result, out, pack, lang)
    check_bundle(result, out)
    return result, out
