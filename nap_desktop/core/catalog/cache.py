"""A start-up cache of loaded catalogs (Qt-free): the app's second launch does not parse the same files again.

Loading data/ (about 300 TOML and CSV files) and a 1,000-fact user library (1,000 files) is most of
what the window waits for. Neither changes between most launches, so the app keeps what it loaded
in its cache folder and takes it back when nothing it was made from has changed:

    fingerprint(*folders) -> str          app version, Python version, the core code and every file
                                          in the folders (path, size, modification time)
    cached(kind, folders, cache_dir, build) -> value
        ``build()`` returns (value, keep); the value is stored only when ``keep`` (e.g. it loaded
        without problems). Any trouble with the cache (unreadable, from another version, a full
        disk) falls back to ``build()``: the cache can make start-up faster, never different.

Only the app's start-up uses it; the tests and ``nap-desktop data check`` always load and validate
from the files. The cache holds nothing that is not in the folders: a changed, added or removed
file changes the fingerprint, and the entry made from the old files is never read again (old
entries of the same kind are deleted when a new one is written).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any, Callable

#: bumped when what is stored changes shape in a way the code fingerprint would not see
FORMAT = 1
_CODE = Path(__file__).resolve().parents[1]  # nap_desktop/core: the model and the loaders


def _stat_lines(root: Path, out: list[str]) -> None:
    root = Path(root)
    if not root.exists():
        out.append(f"missing {root}")
        return
    stack = [("", str(root))]
    while stack:
        prefix, folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name == "__pycache__":
                continue
            try:
                if entry.is_dir():
                    stack.append((prefix + entry.name + "/", entry.path))
                    continue
                st = entry.stat()
            except OSError:
                continue
            out.append(f"{prefix}{entry.name}\0{st.st_size}\0{st.st_mtime_ns}")


def fingerprint(*folders: Path | str) -> str:
    from nap_desktop import __version__

    lines = [f"format {FORMAT}", f"app {__version__}", f"python {sys.version}"]
    code: list[str] = []
    _stat_lines(_CODE, code)
    lines += [line for line in code if line.split("\0", 1)[0].endswith(".py")]
    for folder in folders:
        lines.append(f"folder {Path(folder).resolve()}")
        _stat_lines(Path(folder), lines)
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


def cached(kind: str, folders: list[Path | str], cache_dir: Path | str | None,
           build: Callable[[], tuple[Any, bool]]) -> Any:
    """The value ``build()`` makes from ``folders``, from the cache when none of them has changed."""
    if cache_dir is None:
        return build()[0]
    cache_dir = Path(cache_dir)
    try:
        key = fingerprint(*folders)
    except Exception:  # noqa: BLE001 - a folder that cannot be read: just load it (and report it)
        return build()[0]
    path = cache_dir / f"{kind}-{key[:40]}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - missing, partly written, from another version: load the files
        pass
    value, keep = build()
    if keep:
        _store(cache_dir, kind, path, value)
    return value


def _store(cache_dir: Path, kind: str, path: Path, value: Any) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        for old in cache_dir.glob(f"{kind}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a read-only or full cache folder: the app still starts
        pass
