"""Who has a pack open: a lock file beside the pack, as Word (~$name) and LibreOffice (.~lock.name#) do.

    acquire(path) -> PackLock | LockInfo    ours (held until release()), or who holds it
    read_lock(path) -> LockInfo | None      the live holder of the pack's lock (stale locks: None)

The lock file ``.~lock.<name>#`` holds JSON: user, host, pid, token, app, opened_at (ISO time). A lock
is stale when its process is gone on this host (checked by pid) or the file cannot be read; a lock
from another host is live (we cannot tell), and says which host. Two windows of one process differ by
their token. Nothing here stops a save: the lock lets a second window say "open in another window"
before the user edits; the on-disk check at save time still protects the file.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

APP = "NAP Briefing"


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    token: str
    opened_at: str  # ISO time, local

    @property
    def this_host(self) -> bool:
        return self.host == _host()


def lock_path(path: Path) -> Path:
    path = Path(path)
    return path.with_name(f".~lock.{path.name}#")


def _host() -> str:
    try:
        return socket.gethostname() or "?"
    except OSError:
        return "?"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a service account): say nothing
        return ""


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ok = ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return False
    return True


def _read(lock: Path) -> LockInfo | None:
    try:
        data = json.loads(lock.read_text(encoding="utf-8"))
        return LockInfo(user=str(data.get("user", "")), host=str(data.get("host", "")),
                        pid=int(data.get("pid", 0)), token=str(data.get("token", "")),
                        opened_at=str(data.get("opened_at", "")))
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def is_stale(info: LockInfo | None) -> bool:
    if info is None:
        return True
    return info.this_host and not _alive(info.pid)


def read_lock(path: Path) -> LockInfo | None:
    """The holder of ``path``'s lock if it is live, else None."""
    info = _read(lock_path(path))
    return None if is_stale(info) else info


class PackLock:
    """Our lock on a pack, held until ``release()`` (which removes the file only if it is still ours)."""

    def __init__(self, path: Path, info: LockInfo):
        self.path = Path(path)
        self.file = lock_path(path)
        self.info = info

    def release(self) -> None:
        found = _read(self.file)
        if found is not None and found.token == self.info.token:
            try:
                self.file.unlink()
            except OSError:
                pass


def acquire(path: Path, token: str | None = None) -> PackLock | LockInfo | None:
    """Take the lock on ``path``: a PackLock, or the LockInfo of the live holder (another window or
    instance). None when the folder does not let us write a lock (read-only share): nothing to say."""
    lock = lock_path(path)
    info = LockInfo(user=_user(), host=_host(), pid=os.getpid(), token=token or os.urandom(8).hex(),
                    opened_at=_dt.datetime.now().isoformat(timespec="seconds"))
    payload = json.dumps({"app": APP, "user": info.user, "host": info.host, "pid": info.pid,
                          "token": info.token, "opened_at": info.opened_at}, ensure_ascii=False).encode("utf-8")
    for _attempt in range(2):
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = _read(lock)
            if holder is not None and holder.token == info.token:
                return PackLock(path, holder)  # already ours
            if not is_stale(holder):
                return holder
            try:
                lock.unlink()  # a crashed window's lock: taken over
            except OSError:
                return None
            continue
        except OSError:
            return None
        try:
            os.write(fd, payload)
        finally:
            os.close(fd)
        if os.name == "nt":  # pragma: no cover - hidden as Word's ~$ files are
            try:
                import ctypes

                ctypes.windll.kernel32.SetFileAttributesW(str(lock), 0x2)
            except Exception:  # noqa: BLE001
                pass
        return PackLock(path, info)
    return None
