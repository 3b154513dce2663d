"""Robustness tests reuse the frozen export catalog (tests/exporters/fixture_catalog.py)."""

from __future__ import annotations

import sys
from pathlib import Path

_EXPORTERS = str(Path(__file__).resolve().parent.parent / "exporters")
if _EXPORTERS not in sys.path:
    sys.path.insert(0, _EXPORTERS)
