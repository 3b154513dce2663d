"""The user library's folder and the TOML it writes (Qt-free), below everything that reads or changes it:
the library's editor (library.py) and the updates' layer (updates/layer.py) write through these, and
this module imports no loader.

    USER_PREFIX, MARKER                      "user." ids; library.toml marks a library folder
    init_library(path) -> Path               its folders and library.toml (idempotent)
    _toml_block(table, data) -> str          one [[table]] block in data/'s TOML subset
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

#: ids in a user library start with this; bundled ids never may (the loader refuses them)
USER_PREFIX = "user."
MARKER = "library.toml"


def init_library(path: Path | str) -> Path:
    """Create the library's folders and library.toml (idempotent); returns the folder."""
    path = Path(path)
    for sub in ("facts", "sources", "datasets", "charts"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    marker = path / MARKER
    if not marker.exists():
        _write(marker, "# A NAP Briefing user library: your own facts, sources, datasets and charts,\n"
                       "# in the same format as the app's data/ folder (check it: nap-desktop data check DIR).\n"
                       'format = "nap-library"\nversion = 1\n')
    return path


def _write(path: Path, text: str) -> None:
    from nap_desktop.core.pack.packfile import atomic_write_bytes

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, text.encode("utf-8"))


# --- TOML writing (the subset data/ uses) -------------------------------------------------------
def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("not a finite number")
        return repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _toml_block(table: str, data: dict[str, Any], *, array: bool = True) -> str:
    lines = [f"[[{table}]]" if array else f"[{table}]"]
    for key, value in data.items():
        if value is None or value == "" and key not in ("text_es", "title_es"):
            continue
        lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"
