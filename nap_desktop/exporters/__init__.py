"""Writers that turn a briefing pack into files (PowerPoint, Excel, chart images), and their registry.

``REGISTRY`` maps an exporter name to ``Exporter(extension, function, label)``; the Export
dialog and the command line offer exactly what is registered here. Every deck/workbook writer is
called as ``function(pack, catalog, dest, *, lang, now)``. No Qt in this package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from nap_desktop.exporters.files import ExportError, write_atomically  # noqa: F401 - the names every writer uses

if TYPE_CHECKING:
    from nap_desktop.core.catalog.model import Catalog
    from nap_desktop.core.pack.packfile import Pack


@dataclass(frozen=True)
class Exporter:
    extension: str
    function: Callable[..., Any]
    label: dict[str, str]

    def __iter__(self):  # unpacks as (extension, callable, label) like a tuple
        return iter((self.extension, self.function, self.label))


def _pptx(pack: Pack, catalog: Catalog, dest: Path, *, lang: str, now: datetime, **kw: Any) -> Path:
    from nap_desktop.exporters.pptx_exporter import export_pptx

    return export_pptx(pack, catalog, dest, lang=lang, now=now, **kw)


def _xlsx(pack: Pack, catalog: Catalog, dest: Path, *, lang: str, now: datetime, **kw: Any) -> Path:
    from nap_desktop.exporters.xlsx_exporter import export_xlsx

    return export_xlsx(pack, catalog, dest, lang=lang, now=now, **kw)


def _pdf(pack: Pack, catalog: Catalog, dest: Path, *, lang: str, now: datetime, **kw: Any) -> Path:
    from nap_desktop.exporters.handout_pdf import export_pdf

    return export_pdf(pack, catalog, dest, lang=lang, now=now, **kw)


def _bundle(pack: Pack, catalog: Catalog, dest: Path, *, lang: str, now: datetime, **kw: Any) -> Path:
    from nap_desktop.exporters.bundle import export_bundle

    return export_bundle(pack, catalog, dest, lang=lang, now=now, **kw)


#: name -> (extension, callable, label by language)
REGISTRY: dict[str, Exporter] = {
    "pptx": Exporter(".pptx", _pptx, {"en": "PowerPoint deck (.pptx)", "es": "Presentación de PowerPoint (.pptx)"}),
    "xlsx": Exporter(".xlsx", _xlsx, {"en": "Excel workbook (.xlsx)", "es": "Libro de Excel (.xlsx)"}),
    "pdf": Exporter(".pdf", _pdf, {"en": "One-page handout (.pdf)", "es": "Hoja informativa de una página (.pdf)"}),
    "bundle": Exporter(".zip", _bundle, {"en": "Meeting bundle: deck, workbook, handout and manifest (.zip)",
                                         "es": "Paquete de la reunión: presentación, libro, hoja y manifiesto (.zip)"}),
}
