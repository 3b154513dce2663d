"""The whole-catalog workbook, read back as a user gets it: bars from zero in table order, true
percentages, years as numbers, print set-up, rows tall enough for their text, meaningful sheet names."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime, timezone

import pytest

from nap_desktop.core.pack.selection import pack_all
from nap_desktop.exporters.xlsx_exporter import export_xlsx

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)
NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}


@pytest.fixture(scope="module", params=["en", "es"])
def book(request, tmp_path_factory, catalog):
    lang = request.param
    dest = tmp_path_factory.mktemp(f"wb_{lang}") / "all.xlsx"
    export_xlsx(pack_all(catalog, lang=lang), catalog, dest, lang=lang, now=NOW)
    return lang, dest


def _charts(dest):
    """(chart xml root, category reference) for every chart in the workbook."""
    from lxml import etree

    with zipfile.ZipFile(dest) as z:
        for name in sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)):
            yield name, etree.fromstring(z.read(name))


def test_horizontal_bars_grow_from_zero_in_table_order(book, catalog):
    from openpyxl import load_workbook

    lang, dest = book
    wb = load_workbook(dest)
    bars = 0
    tilemaps: list[str] = []
    for name, root in _charts(dest):
        bar_dir = root.find(".//c:barChart/c:barDir", NS)
        if bar_dir is None or bar_dir.get("val") != "bar":
            continue
        bars += 1
        cat_ax, val_ax = root.find(".//c:catAx", NS), root.find(".//c:valAx", NS)
        # categories top to bottom = table order: the category axis runs maxMin ...
        assert cat_ax.find("c:scaling/c:orientation", NS).get("val") == "maxMin", name
        # ... the bars start at zero on the value axis (not at its maximum) ...
        assert cat_ax.find("c:crosses", NS).get("val") == "autoZero", name
        # ... and the value axis sits at the bottom (crosses at the last category).
        assert val_ax.find("c:crosses", NS).get("val") == "max", name
        assert val_ax.find("c:scaling/c:orientation", NS).get("val") == "minMax", name
        ref = root.find(".//c:ser/c:cat//c:f", NS).text
        sheet, cells = ref.rsplit("!", 1)
        ws = wb[sheet.strip("'").replace("''", "'")]
        labels = [row[0].value for row in ws[cells.replace("$", "")]]
        spec = next(s for s in catalog.charts.values() if ws["A1"].value == s.title(lang))
        expected = list(spec.category_labels(lang))
        if spec.kind == "tilemap":  # the 51 states ranked, largest first, a state without a value last
            values = spec.series[0].values
            expected = [expected[i] for i in sorted(range(len(values)),
                                                    key=lambda i: (values[i] is None, -(values[i] or 0)))]
            # every state named on the chart (Excel drops every other label of 51 by default)
            assert cat_ax.find("c:tickLblSkip", NS).get("val") == "1", name
            tilemaps.append(name)
        assert [str(v) for v in labels] == [str(c) for c in expected], name
    assert bars >= 5
    assert tilemaps


def test_percentages_are_fractions_with_a_percent_format(book, catalog):
    from openpyxl import load_workbook

    lang, dest = book
    wb = load_workbook(dest)
    checked = 0
    for spec in catalog.charts.values():
        if spec.unit != "pct":
            continue
        ws = next(w for w in wb.worksheets[2:-1] if w["A1"].value == spec.title(lang))
        header, rows = spec.table(lang)
        for i, row in enumerate(rows):
            for j, value in enumerate(row[1:]):
                if value is None:
                    continue
                n_head = sum(1 for c in ws[4] if c.value is not None)  # the table's header row
                cell = ws.cell(5 + i, n_head - len(spec.series) + 1 + j)
                assert cell.value == pytest.approx(value / 100), (ws.title, cell.coordinate)
                assert cell.number_format.endswith("%") and '"%"' not in cell.number_format
                checked += 1
    assert checked >= 20
    facts = wb.worksheets[1]
    pct = [r for r in facts.iter_rows(min_row=2) if r[3].value is not None and r[3].number_format.endswith("%")]
    assert pct and all(abs(r[3].value) < 10 for r in pct)


def test_years_are_numbers_and_months_dates(book, catalog):
    from openpyxl import load_workbook

    lang, dest = book
    wb = load_workbook(dest)
    line = next(w for w in wb.worksheets if w["A1"].value == catalog.charts["usmca-trilateral-trade"].title(lang))
    assert line["A5"].value == 1994 and isinstance(line["A5"].value, int)
    spec = catalog.charts["usmca-us-manufacturing-employment"]
    months = next(w for w in wb.worksheets if w["A1"].value == spec.title(lang))
    first = spec.categories[0]  # "YYYY-MM": the first month the dataset has
    assert months["A5"].value == datetime(int(first[:4]), int(first[5:7]), 1)
    assert months["A5"].number_format == "mmm yyyy"


def test_every_sheet_prints_landscape_one_page_wide_with_headers_and_source(book):
    from openpyxl import load_workbook

    lang, dest = book
    wb = load_workbook(dest)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1), ws.title  # 1 is the default
        assert ws.page_setup.fitToHeight == 0, ws.title
        assert ws.print_title_rows, ws.title
        footer = ws.oddFooter.left.text or ""
        assert footer.strip(), ws.title
    chart_sheet = wb.worksheets[2]
    assert ("Source" if lang == "en" else "Fuente") in chart_sheet.oddFooter.left.text


def test_wrapped_rows_are_tall_enough(book):
    """A wrapped cell's text fits in its row: lines needed at ~1 character per width unit x 15 pt."""
    from openpyxl import load_workbook

    lang, dest = book
    wb = load_workbook(dest)
    for ws in (wb.worksheets[0], wb.worksheets[1], wb.worksheets[-1]):
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if not isinstance(c.value, str) or not c.alignment.wrap_text:
                    continue
                width = next((d.width for d in ws.column_dimensions.values()
                              if d.min and d.max and d.min <= c.column <= d.max and d.width), 8.43)
                lines = sum(max(1, -(-len(p) // int(width * 1.3))) for p in c.value.split("\n"))
                height = ws.row_dimensions[c.row].height or 15
                assert height >= 14 * lines, (ws.title, c.coordinate, len(c.value), width, height)


def test_sheet_names_are_meaningful_and_unique(book):
    from openpyxl import load_workbook

    lang, dest = book
    names = load_workbook(dest, read_only=True).sheetnames
    assert len({n.lower() for n in names}) == len(names)
    small = {"of", "the", "and", "to", "in", "across", "about", "de", "la", "las", "los", "y", "en", "del"}
    for n in names:
        assert not re.search(r"\(\d+\)$", n), n
        assert n.split()[-1].lower() not in small, n


def test_sources_sheet_has_publication_dates_not_meeting_dates(book):
    from openpyxl import load_workbook

    lang, dest = book
    ws = load_workbook(dest)[("Sources" if lang == "en" else "Fuentes")]
    assert ws["D1"].value == ("Publication date" if lang == "en" else "Fecha de publicación")


def test_footers_fit_excel_and_never_cut_a_source(book, catalog):
    """Footers cut mid-phrase at Excel's 255 characters ('…; U.S.…', issue 23): a source line too long
    keeps whole sources and says how many more are on the Sources sheet."""
    from openpyxl import load_workbook

    from nap_desktop.core.charts.spec import source_line

    lang, dest = book
    more = "(Sources sheet)" if lang == "en" else "(hoja Fuentes)"
    long_lines = [source_line(c, catalog, lang) for c in catalog.charts.values()]
    assert any(len(line) > 180 for line in long_lines)  # the catalog has such charts
    shortened = 0
    for ws in load_workbook(dest).worksheets:
        left = ws.oddFooter.left.text or ""
        assert len(ws.oddFooter.left.text or "") + len(ws.oddFooter.right.text or "") + 20 <= 255, ws.title
        assert not left.rstrip().endswith("…"), (ws.title, left)
        if left.endswith(more):
            shortened += 1
            names = re.sub(r" (?:and|y) \d+ (?:more|más) \(.*\)$", "", left.replace("&&", "&")).split(": ", 1)[1].split("; ")
            full = next(line for line in long_lines if all(n in line for n in names))
            assert all(f"; {n};" in f"; {full.split(': ', 1)[1]};" for n in names), (ws.title, left)
    assert shortened


def test_chart_sheet_headers_are_never_clipped(book):
    """'Top export to Mexico (USD' (issue 23): a column header wider than its column wraps, and its row is
    as tall as the wrapped header."""
    from openpyxl import load_workbook

    lang, dest = book
    wb = load_workbook(dest)
    checked = 0
    for ws in wb.worksheets[2:]:
        for c in ws[4]:
            if not isinstance(c.value, str) or not c.alignment.wrap_text:
                continue
            width = next((d.width for d in ws.column_dimensions.values()
                          if d.min and d.max and d.min <= c.column <= d.max and d.width), 8.43)
            lines = max(1, -(-len(c.value) // int(width * 1.05 - 1)))
            height = ws.row_dimensions[4].height or 15
            assert height >= 14 * lines, (ws.title, c.coordinate, c.value, width, height)
            checked += lines > 1
    assert checked  # some headers do wrap
