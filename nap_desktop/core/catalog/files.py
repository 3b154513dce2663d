"""Reading the data files (Qt-free): the problems a file gives (FILE:LINE: message) and a TOML file that
knows where each block and key sits. The bottom of core/catalog: the loader, the checks, the claims and the
updates read files through it, and it imports none of them.

    Problem(file, line, message, key="")    one FILE:LINE: message
    CatalogError(problems)                   a data folder that does not validate
    _TomlFile(path, root, problems)          parsed TOML + block_lines / key_line / blocks
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nap_desktop.core.catalog import toml_fast


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    key: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else (
            f"{self.file} [{self.key}]" if self.key else self.file)
        return f"{where}: {self.message}"


class CatalogError(Exception):
    """Raised when a data folder does not validate; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n… and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem{'' if len(problems) == 1 else 's'} in the catalog:\n{shown}{more}")


class _TomlFile:
    """A parsed TOML file plus where each block and key sits, for FILE:LINE messages."""

    def __init__(self, path: Path, root: Path, problems: list[Problem]):
        self.path = path
        self.name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        self.lines: list[str] = []
        self.data: dict[str, Any] | None = None
        raw = _read_file(path, self.name, problems)
        if raw is None:
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            problems.append(Problem(self.name, line, f"unreadable encoding: not UTF-8 (byte 0x{raw[exc.start]:02x})"))
            return
        self.lines = text.splitlines()
        try:
            self.data = toml_fast.loads(text)
        except tomllib.TOMLDecodeError as exc:
            match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
            line = int(match.group(1)) if match else 0
            message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
            problems.append(Problem(self.name, line, f"malformed TOML: {message}"))
        except RecursionError:
            problems.append(Problem(self.name, _deep_line(self.lines),
                                    "malformed TOML: arrays or tables nested too deeply"))

    def block_lines(self, table: str) -> list[int]:
        header = re.compile(r"^\s*\[\[\s*" + re.escape(table) + r"\s*\]\]\s*(#.*)?$")
        return [i + 1 for i, line in enumerate(self.lines) if header.match(line)]

    def key_line(self, start: int, key: str) -> int:
        """The line of `key = …` in the block that starts at `start` (or the block's line)."""
        pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
        for i in range(start, len(self.lines)):
            text = self.lines[i]
            if i >= start and text.lstrip().startswith("[") and i != start - 1:
                break
            if pattern.match(text):
                return i + 1
        return start

    def blocks(self, table: str, problems: list[Problem]) -> list[tuple[dict[str, Any], int]]:
        if self.data is None:
            return []
        items = self.data.get(table, [])
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            problems.append(Problem(self.name, 1, f"'{table}' must be written as [[{table}]] blocks"))
            return []
        starts = self.block_lines(table)
        return [(item, starts[i] if i < len(starts) else 0) for i, item in enumerate(items)]


#: The largest data file (TOML or CSV) a data folder or library may hold. The bundled catalog's largest is
#: under 0.5 MB and a 100,000-row imported table about 6 MB; a file over this is refused before it is read.
DATA_FILE_MAX = 64 * 1024 * 1024
#: The largest table (CSV or XLSX) the import reads: a 100,000-row CSV is about 6 MB, as XLSX about 4 MB.
TABLE_FILE_MAX = 256 * 1024 * 1024

_KINDS = ((stat.S_ISFIFO, "a pipe (FIFO)"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


class FileRefused(OSError):
    """A file the app will not read: not an ordinary file (a pipe, a device such as a link to /dev/zero, a
    socket, a folder), a dangling link, or larger than its cap. ``reason`` says which in words, ``kind`` in
    one word ("not_regular", "too_large", "dangling", "unreadable") for callers that word it their way."""

    def __init__(self, path: Path, reason: str, kind: str):
        super().__init__(reason)
        self.path, self.reason, self.kind = Path(path), reason, kind
        self.strerror = reason

    def __str__(self) -> str:
        return self.reason


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024 * 1024):.1f} GB" if size >= 1024 ** 3 else f"{max(size // (1024 * 1024), 1):,} MB"


def kind_of(mode: int) -> str:
    """What a file that is not an ordinary file is, in words ("a pipe (FIFO)", "a device" ...)."""
    return next((word for test, word in _KINDS if test(mode)), "an unknown kind of file")


def read_regular(path: Path | str, limit: int = DATA_FILE_MAX) -> bytes:
    """The bytes of ``path`` when it is (or links to) an ordinary file of at most ``limit`` bytes, else
    :class:`FileRefused` saying why. Nothing that could hang or exhaust memory is ever opened for reading:
    the kind and the size come from ``stat`` first (a 2 GB sparse file is refused in microseconds), the
    open is non-blocking (a file swapped for a FIFO in between cannot hang) and checked again on the
    descriptor, and the read stops at the cap (a file that grows while read)."""
    path = Path(path)
    try:
        info = os.stat(path)  # through links: the target is what would be read
    except FileNotFoundError as exc:
        if os.path.islink(path):
            target = os.readlink(path)
            raise FileRefused(path, f"it is a link to {target}, which does not exist", "dangling") from exc
        raise FileRefused(path, "the file does not exist", "missing") from exc
    except OSError as exc:
        raise FileRefused(path, f"cannot read the file: {exc.strerror or exc}", "unreadable") from exc
    link = f"it is a link to {os.readlink(path)}, " if os.path.islink(path) else "it is "
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(path, f"{link}{kind_of(info.st_mode)}, not an ordinary file; it was not read",
                          "not_regular")
    if info.st_size > limit:
        raise FileRefused(path, f"too large to read: {_mb(info.st_size)} (a data file may hold at most "
                                f"{_mb(limit)}); it was not read", "too_large")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise FileRefused(path, f"cannot read the file: {exc.strerror or exc}", "unreadable") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(path, f"it is {kind_of(info.st_mode)}, not an ordinary file; it was not read",
                              "not_regular")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1024 * 1024, limit + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise FileRefused(path, f"too large to read (over {_mb(limit)}, the most a data file may "
                                        "hold); it was not read", "too_large")
            chunks.append(chunk)
    except FileRefused:
        raise
    except OSError as exc:
        raise FileRefused(path, f"cannot read the file: {exc.strerror or exc}", "unreadable") from exc
    finally:
        os.close(fd)
    return b"".join(chunks)


def read_regular_text(path: Path | str, limit: int = DATA_FILE_MAX) -> str:
    """:func:`read_regular` decoded as UTF-8 (a byte-order mark, as Windows Notepad writes, is dropped).
    FileRefused or UnicodeDecodeError, as ``Path.read_text`` raises (an OSError and a ValueError)."""
    raw = read_regular(path, limit)
    return raw.decode("utf-8-sig")


def _read_file(path: Path, name: str, problems: list[Problem]) -> bytes | None:
    """The bytes of a data file, or None with a problem (a folder named like a file, a pipe, a device, a
    dangling link, a file over DATA_FILE_MAX, unreadable). A UTF-8 byte-order mark is dropped."""
    if path.is_dir():
        problems.append(Problem(name, 0, "a folder where a file belongs"))
        return None
    try:
        raw = read_regular(path)
    except FileRefused as exc:
        problems.append(Problem(name, 0, exc.reason if exc.kind != "unreadable" else exc.reason))
        return None
    return raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw


def _deep_line(lines: list[str], limit: int = 100) -> int:
    """The line where brackets first nest deeper than `limit` (for a RecursionError in tomllib)."""
    depth = 0
    for number, line in enumerate(lines, 1):
        for char in line:
            depth += char in "[{"
            depth -= char in "]}"
            if depth > limit:
                return number
    return 1
