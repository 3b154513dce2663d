"""When a newer figure is probably out, where the user sees it: the line on a card, the chart's notes,
and the Sources view's list of stale datasets with the agency pages to download from (all offline,
from today's date; core/catalog/updates/staleness.py computes it)."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QToolButton, QVBoxLayout, QWidget


def today() -> date:
    return date.today()


def card_line(fact: Any, catalog: Any, lang: str) -> tuple[str, str]:
    """(the short line a card shows, its tooltip with the full text and the agency page); ("", "") when current."""
    from nap_desktop.core.catalog.updates.staleness import cached

    spec = catalog.charts.get(getattr(fact, "chart", None) or "")
    found = cached(catalog, spec.dataset, today()) if spec is not None else None
    if found is None or not found.stale:
        return "", ""
    short = StaleDatasetsPanel.tr("Newer figures likely out since %1").replace("%1", found.due_text(lang))
    return short, found.text(lang)


def chart_note(spec: Any, catalog: Any, lang: str) -> str:
    """The chart's notes line ("" when its dataset is current)."""
    from nap_desktop.core.catalog.updates.staleness import note

    return note("chart", spec, catalog, lang, today())


def with_chart_note(notes: str, spec: Any, catalog: Any, lang: str) -> str:
    line = chart_note(spec, catalog, lang) if spec is not None else ""
    return "\n\n".join(t for t in (notes, line) if t)


class StaleDatasetsPanel(QFrame):
    """'Newer figures likely out (N)': a toggle that shows each stale dataset, its cadence, last period,
    when the next release was due, and the agency page to download it from (text to copy: no network)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("StaleDatasets")
        self._catalog: Any = None
        self._lang = "en"
        self.stale: list[Any] = []
        self.toggle = QToolButton(objectName="StaleToggle")
        self.toggle.setCheckable(True)
        # the arrow is a character of the text: with an arrow icon Qt elides the text to a width it measures
        # without the button's room ("Puede haber cifras más re…s" in a button wide enough for all of it)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toggle.toggled.connect(self._toggled)
        self.browser = QTextBrowser(objectName="StaleList")
        self.browser.setOpenLinks(False)
        self.browser.setMaximumHeight(180)
        self.browser.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # the whole width of the column: the text is never cut in the middle ("cifras …s (17 …)" at 1024 px)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.toggle)
        layout.addWidget(self.browser)

    def set_catalog(self, catalog: Any, lang: str) -> None:
        from nap_desktop.core.catalog.updates.staleness import stale_datasets

        self._catalog, self._lang = catalog, lang
        self.stale = stale_datasets(catalog, today())
        self.setVisible(bool(self.stale))
        self._retranslate()

    def _toggled(self, on: bool) -> None:
        self.browser.setVisible(on)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "browser"):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        arrow = "▾ " if self.toggle.isChecked() else "▸ "
        self.toggle.setText(arrow + StaleDatasetsPanel.tr("Newer figures likely out (%1 datasets)").replace("%1", str(len(self.stale))))
        self.toggle.setToolTip(StaleDatasetsPanel.tr("Datasets whose agency has probably published newer figures since "
                                                     "the last period shown; download the file from the page given and "
                                                     "use File > Update data from a file…"))
        rows = []
        for s in self.stale:
            ds = self._catalog.datasets.get(s.dataset) if self._catalog is not None else None
            title = ds.title(self._lang) if ds is not None else s.dataset
            rows.append(f"<p><b>{html.escape(title)}</b><br>{html.escape(s.text(self._lang, with_page=False))}<br>"
                        f"<tt>{html.escape(s.page)}</tt></p>")
        self.browser.setHtml("".join(rows))
