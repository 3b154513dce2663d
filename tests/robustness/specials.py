"""Special files for the reader and writer tests: pipes, devices, sockets, links to them, sparse giants.

Every maker returns the path it made (or None where the platform cannot make it), and a private
device node stands in for /dev/null so that no test can ever replace a real device, even if a
writer regressed while the suite runs as root."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path
from typing import Callable


def fifo(folder: Path, name: str) -> Path | None:
    if not hasattr(os, "mkfifo"):
        return None
    path = folder / name
    os.mkfifo(path)
    return path


def device(folder: Path, name: str) -> Path | None:
    """A character device node of our own (major/minor of /dev/null), made only where we may (root)."""
    path = folder / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (AttributeError, OSError, PermissionError):
        return None
    return path


def sock(folder: Path, name: str) -> Path | None:
    path = folder / name
    if len(str(path)) > 100 or not hasattr(socket, "AF_UNIX"):
        return None
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
    except OSError:
        return None
    finally:
        server.close()  # the socket file stays on disk
    return path


def link_to(folder: Path, name: str, target: Path | str | None) -> Path | None:
    if target is None:
        return None
    path = folder / name
    path.symlink_to(target)
    return path


def special_targets(folder: Path, name: str) -> dict[str, Path]:
    """Each kind of special target a writer must refuse, named ``name`` (its suffix kept) in ``folder``:
    a FIFO, a link to a FIFO, a device, a link to a device, a socket, a link to a socket."""
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(name).stem, Path(name).suffix
    made: dict[str, Path | None] = {}
    real = folder / "real"
    real.mkdir(exist_ok=True)
    made["fifo"] = fifo(folder, f"{stem}-fifo{suffix}")
    made["link to a fifo"] = link_to(folder, f"{stem}-lfifo{suffix}", fifo(real, f"{stem}-p"))
    made["device"] = device(folder, f"{stem}-dev{suffix}")
    made["link to a device (like /dev/null)"] = link_to(folder, f"{stem}-ldev{suffix}", device(real, f"{stem}-null"))
    made["socket"] = sock(folder, f"{stem}-s{suffix}")
    made["link to a socket"] = link_to(folder, f"{stem}-ls{suffix}", sock(real, f"{stem}-so"))
    return {k: v for k, v in made.items() if v is not None}


def still_special(path: Path) -> bool:
    """The special file is still what it was (not replaced by a regular file)."""
    mode = os.stat(path).st_mode
    return not stat.S_ISREG(mode)


def sparse(folder: Path, name: str, size: int) -> Path:
    path = folder / name
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def run_with_timeout(fn: Callable[[], object], seconds: float = 10.0) -> tuple[str, object]:
    """("ok", result) | ("raised", exception) | ("hung", None): a hang cannot block the suite (daemon)."""
    import threading

    out: list[tuple[str, object]] = []

    def go() -> None:
        try:
            out.append(("ok", fn()))
        except BaseException as exc:  # noqa: BLE001 - reported to the caller
            out.append(("raised", exc))

    worker = threading.Thread(target=go, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        return "hung", None
    return out[0]
