"""Cards, chart notes and the Sources view say when a newer figure is probably out (offline, from the date)."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, settings_dir, monkeypatch):
    from nap_desktop.core.catalog.loader import load_catalog
    from nap_desktop.ui import main_window
    from nap_desktop.ui.updates import staleness

    monkeypatch.setattr(staleness, "today", lambda: date(2026, 12, 7))
    win = main_window.MainWindow(load_catalog(rules=False), settings_dir=settings_dir, lang="en")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def _stale_fact(catalog):
    return next(f for f in catalog.facts if f.chart and catalog.charts[f.chart].dataset == "ers-state-ag-exports-mexico")


def test_card_line_and_tooltip(window):
    from nap_desktop.ui.browse.fact_cards import FactCardWidget as FactCard

    fact = _stale_fact(window.catalog)
    card = FactCard(fact, window.catalog, "en")
    assert card.meta_label.text().endswith("\nNewer figures likely out since January 2025")
    assert "last fiscal year shown: FY2023" in card.meta_label.toolTip()
    assert "https://www.ers.usda.gov/data-products/state-agricultural-trade-data/" in card.meta_label.toolTip()
    from nap_desktop.ui.i18n import translations

    translations().set_language("es")
    try:
        card.set_language("es")
        assert card.meta_label.text().endswith("\nProbablemente hay cifras más recientes desde enero de 2025")
        assert "último año fiscal mostrado: FY2023" in card.meta_label.toolTip()
    finally:
        translations().set_language("en")
    current = next(f for f in window.catalog.facts if f.chart and window.catalog.charts[f.chart].dataset == "gdp-shares-2025")
    card.set_fact(current)
    assert "\n" not in card.meta_label.text() and not card.meta_label.toolTip()


def test_chart_notes_and_sources_view(window, qtbot):
    from nap_desktop.ui.browse.chart_view import ChartView
    from nap_desktop.ui.browse.sources_browser import SourcesBrowser

    spec = window.catalog.charts["usmca-us-imports-mexico-monthly"]
    view = ChartView(None, window.catalog, "en")
    qtbot.addWidget(view)
    view.set_spec(spec)
    text = view.notes_label.text()
    assert "likely newer since March 2026" in text and "https://fred.stlouisfed.org/series/IMPMX" in text

    page = SourcesBrowser(window.catalog, "en")
    qtbot.addWidget(page)
    ids = [s.dataset for s in page.stale_panel.stale]
    assert "us-trade-mexico-monthly" in ids and "gdp-shares-2025" not in ids
    text = page.stale_panel.browser.toPlainText()
    assert "https://fred.stlouisfed.org/series/IMPMX" in text and "last month shown: December 2025" in text
    assert page.stale_panel.toggle.text().startswith("▸ Newer figures likely out (")
    assert page.stale_panel.browser.isHidden()
    page.show()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.mouseClick(page.stale_panel.toggle, Qt.MouseButton.LeftButton)
    assert page.stale_panel.browser.isVisible()
    assert page.stale_panel.toggle.text().startswith("▾ ")  # open: the arrow points down
