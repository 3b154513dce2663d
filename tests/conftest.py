"""Shared test set-up: Qt offscreen before anything imports it, the gui marker, catalog fixtures."""

from __future__ import annotations

import os

# Must happen before any test module imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import importlib.util  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

if importlib.util.find_spec("nap_desktop") is None:  # a source checkout run without `pip install .`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nap_desktop.core.catalog.model import Catalog, Fact, Section, Source  # noqa: E402

_UI_DIR = Path(__file__).parent / "ui"

try:  # Hypothesis profiles for the property tests (tests/robustness): `--hypothesis-profile=deep` for more
    from hypothesis import HealthCheck, settings

    _QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
    # default: the property tests scale their example counts from max_examples (>= 1,000 in all, ~30 s)
    settings.register_profile("default", max_examples=200, deadline=None, suppress_health_check=_QUIET,
                              print_blob=True)
    settings.register_profile("deep", max_examples=2000, deadline=None, suppress_health_check=_QUIET,
                              print_blob=True)
    settings.load_profile(os.environ.get("NAP_HYPOTHESIS_PROFILE", "default"))
except ImportError:  # pragma: no cover - hypothesis is in the test extra
    pass



def pytest_collection_modifyitems(config, items):
    for item in items:
        if _UI_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The bundled catalog, loaded (and validated) once per test session."""
    from nap_desktop.core.catalog.loader import load_catalog

    return load_catalog()


@pytest.fixture
def settings_dir(tmp_path: Path) -> Path:
    """A private settings folder: no test ever reads or writes the real user configuration."""
    path = tmp_path / "settings"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def sample_catalog() -> Catalog:
    """A small, fixed catalog of figures transcribed from the report, for UI and search tests.

    Independent of the bundled data (which grows), so tests can name exact facts and counts.
    """
    sections = (
        Section("usmca", "USMCA fast facts", "Datos clave del T-MEC", 1, "#1f5fa8"),
        Section("food", "Food security in North America", "Seguridad alimentaria en América del Norte", 2, "#2e8b57"),
        Section("autos", "The auto industry", "La industria automotriz", 4, "#8e3b8e"),
    )
    sources = {
        "nap-2026": Source("nap-2026", "México, ¿cómo vamos? and U.S.-Mexico Foundation",
                           "The North American Project (April 2026 update)", "report",
                           url="https://www.mexicocomovamos.mx", date="2026-04"),
        "ustr": Source("ustr", "Office of the U.S. Trade Representative", "USMCA fact sheet", "report",
                       url="https://ustr.gov", date="2025"),
        "census": Source("census", "U.S. Census Bureau", "U.S. International Trade in Goods and Services",
                         "official", url="https://www.census.gov/foreign-trade/", date="2026"),
        "bts": Source("bts", "Bureau of Transportation Statistics", "TransBorder Freight Data", "secondary",
                      date="2026"),
        "inegi": Source("inegi", "INEGI", "Registro administrativo de la industria automotriz", "official",
                        date="2026"),
    }
    facts = (
        Fact(id="usmca-trade-trilateral-growth", section="usmca", topic="trade", countries=("US", "MX", "CA"),
             value=1.6, unit="usd_tn", period="2025", qualifier="more_than",
             text_en="In the last 20 years, trilateral trade in goods increased from USD 803 billion to more "
                     "than USD 1.6 trillion annually.",
             text_es="En los últimos 20 años, el comercio trilateral de bienes pasó de 803 mil millones de "
                     "dólares a más de 1.6 billones de dólares anuales.",
             sources=("census", "nap-2026"),
             note_en="Goods only; services are not included.",
             note_es="Solo bienes; no incluye servicios."),
        Fact(id="usmca-border-daily-trade", section="usmca", topic="ports", countries=("US", "MX"),
             value=2.39, unit="usd_bn", period="2025", label_en="every day", label_es="cada día",
             text_en="The Mexico–U.S. border is the busiest in the world, trading USD 2.39 billion every day.",
             text_es="La frontera México–Estados Unidos es la más transitada del mundo, con un intercambio de "
                     "2.39 mil millones de dólares cada día.",
             sources=("ustr", "nap-2026")),
        Fact(id="usmca-laredo-port", section="usmca", topic="ports", countries=("US", "MX"),
             value=296.2, unit="usd_bn", period="2025", qualifier="over",
             text_en="The Port of Laredo, Texas, is the busiest land port for Mexico–U.S. goods trade, with over "
                     "USD 296.2 billion in freight value in 2025.",
             text_es="El puerto de Laredo, Texas, es el puerto terrestre con mayor comercio de bienes entre México "
                     "y Estados Unidos, con más de 296.2 mil millones de dólares en valor de carga en 2025.",
             sources=("bts", "nap-2026")),
        Fact(id="food-mexico-share-ag-imports", section="food", topic="agriculture", countries=("US", "MX"),
             value=32.7, unit="pct", period="2025",
             text_en="In 2025, Mexico was the United States' leading agricultural trading partner, accounting for "
                     "32.7% of U.S. agricultural imports and serving as the destination for 16.9% of U.S. "
                     "agricultural exports.",
             text_es="En 2025, México fue el principal socio comercial agropecuario de Estados Unidos, con el "
                     "32.7% de sus importaciones agropecuarias y destino del 16.9% de la exportación agropecuaria "
                     "estadounidense.",
             sources=("census", "nap-2026")),
        Fact(id="autos-mexico-production", section="autos", topic="production", countries=("MX",),
             value=-0.9, unit="pct", period="2025",
             text_en="Mexico's vehicle production declined 0.9% over the year.",
             text_es="La producción de vehículos de México disminuyó 0.9% en el año.",
             sources=("inegi", "nap-2026")),
    )
    return Catalog(version="test-2026.04", sections=sections, sources=sources, facts=facts)
