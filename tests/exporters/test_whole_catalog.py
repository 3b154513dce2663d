"""The bundled catalog, all of it (--all), in both formats and both languages; LibreOffice opens the files."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime, timezone

import pytest

from nap_desktop.core.pack.selection import pack_all
from nap_desktop.exporters.pptx_exporter import export_pptx
from nap_desktop.exporters.xlsx_exporter import export_xlsx

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)


def _chart_objects(prs):
    found = []
    for slide in prs.slides:
        for sh in slide.shapes:
            if sh.name.startswith("Legend "):  # a horizontal chart's own legend, beside its chart
                continue
            if getattr(sh, "has_chart", False) and sh.has_chart or sh.shape_type == 6 or (
                    getattr(sh, "has_table", False) and sh.has_table):
                found.append(sh.name.split(" ")[-1])
    return found


@pytest.mark.parametrize("lang", ["en", "es"])
def test_whole_catalog_exports_and_reopens(tmp_path, catalog, lang):
    from openpyxl import load_workbook
    from pptx import Presentation

    pack = pack_all(catalog, lang=lang)
    deck = export_pptx(pack, catalog, tmp_path / "all.pptx", lang=lang, now=NOW)
    book = export_xlsx(pack, catalog, tmp_path / "all.xlsx", lang=lang, now=NOW)
    prs = Presentation(str(deck))
    assert sorted(_chart_objects(prs)) == sorted(catalog.charts)  # one chart object per ChartSpec
    wb = load_workbook(book)
    assert len(wb.sheetnames) == len(catalog.charts) + 4  # cover, facts, notes on the data, sources
    charts_in_book = sum(len(ws._charts) for ws in wb.worksheets)
    assert charts_in_book == sum(1 for s in catalog.charts.values() if s.kind != "timeline")
    facts = wb.worksheets[1]
    assert facts.max_row == len(catalog.facts) + 1


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_deck_and_workbook(tmp_path, catalog):
    from pptx import Presentation

    pack = pack_all(catalog, lang="es")
    deck = export_pptx(pack, catalog, tmp_path / "all.pptx", lang="es", now=NOW)
    book = export_xlsx(pack, catalog, tmp_path / "book.xlsx", lang="es", now=NOW)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck), str(book)],
                   check=True, capture_output=True, timeout=240)
    pdf = (tmp_path / "all.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert pages == len(Presentation(str(deck)).slides)
    assert (tmp_path / "book.pdf").stat().st_size > 10_000
