"""File > Print… (Ctrl+P) prints the pack's handout through the system print dialog."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from nap_desktop.core.pack.packfile import Pack, PackItem
from tests.ui.test_main_window import _open_window

pypdf = pytest.importorskip("pypdf")


@pytest.fixture
def window(qtbot, sample_catalog, settings_dir):
    yield from _open_window(qtbot, sample_catalog, settings_dir)


def _give_pack(window, catalog, lang="en"):
    facts = [f for f in catalog.facts if f.value is not None][:3]
    pack = Pack(title="Print me", audience="Staff", meeting_date="2026-12-10", lang=lang,
                items=tuple(PackItem("fact", f.id) for f in facts))
    window.document.replace_pack(pack)
    return pack


@pytest.mark.parametrize("lang", ["en", "es"])
def test_ctrl_p_prints_the_handout_to_the_chosen_printer(window, qtbot, sample_catalog, tmp_path, monkeypatch, lang):
    from nap_desktop.ui.export import print_handout

    out = tmp_path / "printed.pdf"

    def accept(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(print_handout.QPrintDialog, "exec", accept)
    pack = _give_pack(window, sample_catalog, lang)
    window.activateWindow()
    window.search_field.setFocus()
    QTest.keySequence(window.search_field, QKeySequence.StandardKey.Print)
    qtbot.waitUntil(out.exists, timeout=5000)
    reader = pypdf.PdfReader(str(out))
    text = "".join(p.extract_text() for p in reader.pages)
    assert pack.title in text
    assert ("Fuentes" if lang == "es" else "Sources") in text


def test_a_physical_printer_gets_every_page_painted(sample_catalog, tmp_path):
    """The raster path (a real printer): each handout page is rendered and painted through QPainter."""
    import io
    from datetime import datetime, timezone

    from nap_desktop.exporters.handout_pdf import handout_bytes
    from nap_desktop.ui.export.print_handout import paint_pdf

    facts = [f for f in sample_catalog.facts if f.value is not None][:3]
    pack = Pack(title="Print me", lang="en", items=tuple(PackItem("fact", f.id) for f in facts))
    pdf = handout_bytes(pack, sample_catalog, lang="en", now=datetime(2026, 12, 1, tzinfo=timezone.utc))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # Qt's PDF engine stands in for the printer
    printer.setOutputFileName(str(tmp_path / "raster.pdf"))
    pages = paint_pdf(printer, pdf, vector=False)
    expected = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert pages == expected
    printed = pypdf.PdfReader(str(tmp_path / "raster.pdf"))
    assert len(printed.pages) == expected
    assert printed.pages[0].images, "the page arrives as a painted image"
