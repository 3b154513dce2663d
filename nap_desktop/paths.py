"""The one place that finds data/ and resources/ (source checkout, installed wheel, frozen app)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    found: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller one-folder build
        found += [Path(frozen_root) / "nap_desktop" / name, Path(frozen_root) / name]
    found.append(_PACKAGE_DIR / name)  # installed wheel: force-included into the package
    found.append(_PACKAGE_DIR.parent / name)  # source checkout
    return found


def _find(name: str, env_var: str) -> Path:
    override = os.environ.get(env_var)
    if override:
        return Path(override)
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"cannot find the bundled {name}/ folder (looked in: "
        + ", ".join(str(c) for c in _candidates(name))
        + f"); set {env_var} to its path"
    )


def data_dir() -> Path:
    """The bundled catalog folder."""
    return _find("data", "NAP_DATA_DIR")


def resources_dir() -> Path:
    """Icons, fonts, translations, templates."""
    return _find("resources", "NAP_RESOURCES_DIR")
