"""Where the user library lives: ``--library DIR`` beats ``NAP_LIBRARY``, which beats the default
(``QStandardPaths.AppDataLocation``/library, e.g. ~/.local/share/NAP Briefing/NAP Briefing/library)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

ENV_VAR = "NAP_LIBRARY"
FOLDER = "library"


def default_library_dir() -> Path:
    """The library folder in the user's application data location (not created here)."""
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    base = Path(location) if location else Path.home() / ".local" / "share" / "nap-briefing"
    return base / FOLDER


def library_dir(option: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The library folder to use: the command-line option, else $NAP_LIBRARY, else the default."""
    if option:
        return Path(option).expanduser()
    env = os.environ if environ is None else environ
    value = env.get(ENV_VAR, "").strip()
    if value:
        return Path(value).expanduser()
    return default_library_dir()
