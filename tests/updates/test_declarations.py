"""Datasets declare their release cadence and the agency files they take; data check validates both."""

from __future__ import annotations

import shutil
from datetime import date

from nap_desktop.core.catalog.loader import load_catalog, load_catalog_with_problems
from nap_desktop.core.catalog.updates.staleness import stale_datasets, staleness
from tests.updates.helpers import DATA


def _copy(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    return root


def test_every_bundled_dataset_declares_its_release():
    catalog = load_catalog(rules=False)
    missing = [d.id for d in catalog.datasets.values() if not d.release.get("cadence")]
    assert not missing
    takers = set()
    for d in catalog.datasets.values():
        for s in d.update_from:
            if s["format"] == "fred":
                wanted = s["match"]["series"]
                takers |= set(wanted if isinstance(wanted, list) else [wanted])
    assert {"IMPMX", "IMPCH", "EXPMX", "EXPCH", "MANEMP", "CES3133600101", "IPG3361T3S"} <= takers


def test_release_problems_at_their_line(tmp_path):
    root = _copy(tmp_path)
    path = root / "datasets" / "us-trade-mexico-monthly.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('last_period = "2025-12"', 'last_period = "2025-11"').replace('cadence = "monthly"', 'cadence = "weekly"', 1)
    text = text.replace('format = "fred"', 'format = "wto"', 1)
    path.write_text(text, encoding="utf-8")
    _, problems = load_catalog_with_problems(root, rules=False)
    lines = text.splitlines()
    shown = [str(p) for p in problems if p.file == "datasets/us-trade-mexico-monthly.toml"]
    cadence_line = next(i + 1 for i, t in enumerate(lines) if t.startswith("cadence"))
    assert f"datasets/us-trade-mexico-monthly.toml:{cadence_line}: dataset us-trade-mexico-monthly: release cadence 'weekly'" \
        in "\n".join(shown)
    assert any("update_from format 'wto'" in p for p in shown)


def test_last_period_must_be_where_the_rows_end(tmp_path):
    root = _copy(tmp_path)
    path = root / "datasets" / "us-trade-mexico-monthly.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('last_period = "2025-12"', 'last_period = "2025-11"'),
                    encoding="utf-8")
    _, problems = load_catalog_with_problems(root, rules=False)
    assert any("release last_period '2025-11' but its rows run to '2025-12'" in str(p) for p in problems)


def test_staleness_from_the_date():
    catalog = load_catalog(rules=False)
    ds = catalog.datasets["us-trade-mexico-monthly"]
    assert not staleness(ds, date(2026, 3, 6)).stale and staleness(ds, date(2026, 3, 7)).stale
    s = staleness(ds, date(2026, 12, 7))
    assert s.text("en") == ("monthly; last month shown: December 2025; likely newer since March 2026 (U.S. Census "
                            "Bureau (FT-900), via FRED, download it from https://fred.stlouisfed.org/series/IMPMX)")
    assert s.text("es").startswith("mensual; último mes mostrado: diciembre de 2025; probablemente hay una cifra más "
                                   "reciente desde marzo de 2026 (Oficina del Censo de EE. UU.")
    assert "usmca-timeline" not in {x.dataset for x in stale_datasets(catalog, date(2030, 1, 1))}  # cadence none
