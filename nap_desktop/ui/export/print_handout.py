"""File > Print… (Ctrl+P): the pack's handout on paper, through the system's print dialog.

The handout is the same PDF the export writes (exporters.handout_pdf). When the dialog's printer
is a PDF file ("Print to file"), those exact bytes are written: vector, fonts embedded. For a real
printer each page is rasterised with PDFium (pypdfium2) at the printer's resolution (at most 300
dpi) and painted onto the page, so what comes out of the printer is what the PDF shows.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from nap_desktop.exporters import ExportError
from nap_desktop.exporters.handout_pdf import default_paper, handout_bytes
from nap_desktop.ui.i18n import TranslationContext

if TYPE_CHECKING:
    from nap_desktop.core.catalog.model import Catalog
    from nap_desktop.core.pack.packfile import Pack


class PrintHandout(TranslationContext):
    """The translation context of printing the handout."""


MAX_DPI = 300


def configure_printer(printer: QPrinter, paper: str) -> None:
    size = QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, printer.pageLayout().margins()))
    printer.setFullPage(True)
    printer.setDocName(PrintHandout.tr("Handout"))


def paint_pdf(printer: QPrinter, pdf: bytes, *, vector: bool = True) -> int:
    """Send ``pdf`` to ``printer``; returns the number of pages printed.

    "Print to file" (a PDF printer with a file name) gets the PDF's own bytes when ``vector``;
    otherwise every page is rasterised and painted, as for a physical printer."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    pages = len(document)
    if vector and printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        from pathlib import Path

        from nap_desktop.exporters import write_atomically

        document.close()
        write_atomically(Path(printer.outputFileName()), pdf)
        return pages
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportError(PrintHandout.tr("The printer could not be started."))
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        target = printer.pageLayout().fullRectPixels(printer.resolution())
        for index in range(len(document)):
            if index:
                printer.newPage()
            page = document[index]
            bitmap = page.render(scale=dpi / 72.0)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_BGR888)
            painter.drawImage(QRectF(target), image.copy())
    finally:
        painter.end()
        document.close()
    return pages


def print_handout(parent: QWidget | None, pack: Pack, catalog: Catalog, *, lang: str,
                  printer: QPrinter | None = None, ask: bool = True) -> bool:
    """Show the system print dialog for the handout of ``pack``; True when something was printed."""
    from PySide6.QtCore import QLocale

    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_printer(printer, default_paper(QLocale.system().name()))
    if ask:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(PrintHandout.tr("Print handout"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
    paper = "a4" if printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4 else "letter"
    try:
        pdf = handout_bytes(pack, catalog, lang=lang, now=datetime.now(timezone.utc).replace(microsecond=0),
                            paper=paper)
        paint_pdf(printer, pdf)
    except (ExportError, OSError) as exc:
        QMessageBox.warning(parent, PrintHandout.tr("Print handout"), PrintHandout.tr("The handout could not be printed: %1").replace(
            "%1", str(exc)))
        return False
    return True
