"""Reading the data files (Qt-free): the problems a file gives (FILE:LINE: message) and a TOML file that
knows where each block and key sits. The bottom of core/catalog: the loader, the checks, the claims and the
updates read files through it, and it imports none of them.

    Problem(file, line, message, key="")    one FILE:LINE: message
    CatalogError(problems)                   a data folder that does not validate
    _TomlFile(path, root, problems)          parsed TOML + block_lines / key_line / blocks
"""

from __future__ import annotations

import re
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


def _read_file(path: Path, name: str, problems: list[Problem]) -> bytes | None:
    """The bytes of a data file, or None with a problem (a folder named like a file, unreadable)."""
    if path.is_dir():
        problems.append(Problem(name, 0, "a folder where a file belongs"))
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, 0, f"cannot read the file: {exc.strerror or exc}"))
        return None


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
