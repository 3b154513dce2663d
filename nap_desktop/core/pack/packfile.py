"""The briefing pack: what an advocate takes into a meeting, and its versioned file format (.napbrief)."""

from __future__ import annotations

import datetime as _dt
import errno
import json
import os
import re
import stat
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

FORMAT = "napbrief"
#: 1: items are references (ids) only.  2: each fact/chart item also carries ``copy``, what it showed
#: when added (see core/pack/snapshot.py); version-1 files open as packs without copies and are
#: written back as version 2.
SCHEMA_VERSION = 2
ITEM_KINDS = ("fact", "chart", "note", "divider")


class PackFileError(Exception):
    """A pack file that cannot be opened; the message is meant for the user."""


def _new_uid() -> str:
    return os.urandom(6).hex()  # 12 random hex digits (uuid4's first 12; uuid costs the app's start 2 ms)


@dataclass(frozen=True)
class PackItem:
    """One entry in the pack. ``ref`` is a fact id (kind fact) or chart id (kind chart)."""

    kind: str
    ref: str = ""
    text: str = ""  # the note's text, or the divider's title
    talking_points: str = ""
    uid: str = field(default_factory=_new_uid)
    #: what a fact/chart item showed when added (plain JSON; see core/pack/snapshot.py); None = no copy yet
    copy: dict[str, Any] | None = field(default=None, hash=False)
    #: a copy this version cannot show (saved by a newer version or data: an unknown unit, chart kind…):
    #: kept exactly as it was and saved back unchanged; the item is shown as if it had no copy
    kept_copy: dict[str, Any] | None = field(default=None, hash=False, compare=False, repr=False)
    #: why ``kept_copy`` cannot be shown, {"en": …, "es": …} (None when there is nothing to say)
    unreadable: dict[str, str] | None = field(default=None, hash=False, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "ref": self.ref, "text": self.text,
                                "talking_points": self.talking_points, "uid": self.uid}
        if self.copy is not None:
            data["copy"] = self.copy
        elif self.kept_copy is not None:
            data["copy"] = self.kept_copy  # nothing is dropped: a newer copy goes back as it came
        return data


@dataclass(frozen=True)
class Pack:
    title: str = ""
    audience: str = ""
    meeting_date: str = ""  # ISO date, may be empty
    lang: str = "en"
    items: tuple[PackItem, ...] = ()
    #: who presents (shown on the cover); saved only when set, so older files and readers are unchanged
    organisation: str = ""
    #: the U.S. state (postal code) the pack was made for as a state brief ("" for any other pack);
    #: saved only when set. It changes how the deck groups the brief's key figures.
    state: str = ""
    #: What opening the file repaired (e.g. broken characters), for the interface to tell the user; never saved.
    repairs: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def with_items(self, items: list[PackItem] | tuple[PackItem, ...]) -> Pack:
        return replace(self, items=tuple(items))

    def to_json(self) -> dict[str, Any]:
        data = {
            "format": FORMAT,
            "version": SCHEMA_VERSION,
            "title": self.title,
            "audience": self.audience,
            "meeting_date": self.meeting_date,
            "lang": self.lang,
            "items": [item.to_json() for item in self.items],
        }
        if self.organisation:
            data["organisation"] = self.organisation
        if self.state:
            data["state"] = self.state
        return _repair_strings(data, "", [])  # a lone surrogate can never make a save fail

    @classmethod
    def from_json(cls, data: Any) -> Pack:
        data, repairs = _validate(data)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise PackFileError("This is not a NAP Briefing pack (.napbrief) file.")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise PackFileError("The pack file has no valid format version.")
        if version > SCHEMA_VERSION:
            raise PackFileError(
                f"This pack was saved by a newer version of NAP Briefing (file format {version}; "
                f"this version reads up to {SCHEMA_VERSION}). Update the app to open it.")
        items = []
        raw_items = data.get("items", [])
        if not isinstance(raw_items, list):
            raise PackFileError("The pack file is damaged: its item list is not a list.")
        for position, raw in enumerate(raw_items, start=1):
            if not isinstance(raw, dict) or raw.get("kind") not in ITEM_KINDS:
                raise PackFileError(f"The pack file is damaged: item {position} is not a fact, chart, note or divider.")
            copy, kept, reason = _copy(raw.get("copy"), raw["kind"], position - 1)
            if reason:
                repairs.append(f"item {position} ({raw['kind']} {_text(raw.get('ref'))}): {reason['en']}")
            items.append(PackItem(
                kind=raw["kind"], ref=_text(raw.get("ref")), text=_text(raw.get("text")),
                talking_points=_text(raw.get("talking_points")), uid=_unique_uid(raw.get("uid"), items),
                copy=copy, kept_copy=kept, unreadable=reason))
        lang = data.get("lang", "en")
        return cls(title=_text(data.get("title")), audience=_text(data.get("audience")),
                   meeting_date=_text(data.get("meeting_date")),
                   organisation=_text(data.get("organisation")), state=_state(data.get("state")),
                   lang=lang if lang in ("en", "es") else "en", items=tuple(items), repairs=tuple(repairs))


def _state(value: Any) -> str:
    """A state brief's postal code; anything that is not one of the 50 states and DC is no state (the
    pack opens as an ordinary pack)."""
    from nap_desktop.core.charts.tilegrid import STATES

    return value if isinstance(value, str) and value in STATES else ""


def _copy(value: Any, kind: str, n: int) -> tuple[dict[str, Any] | None, dict[str, Any] | None, dict[str, str] | None]:
    """An item's saved copy (schema 2), checked field by field (core/pack/copycheck.py):
    (copy, None, None) to show; (None, kept, reason) for a copy this version cannot show (kept, saved back
    unchanged); a damaged copy raises PackFileError naming the field (``items[0].copy.unit (item 1): …``)."""
    from nap_desktop.core.pack.copycheck import CopyDamaged, check_copy

    try:
        copy, reason = check_copy(value, kind, f"items[{n}].copy")
    except CopyDamaged as exc:
        raise PackFileError(f"The pack file is damaged: {exc.where} (item {n + 1}): {exc.detail}.") from None
    if reason:
        return None, value, reason
    return copy, None, None


def _unique_uid(value: Any, earlier: list[PackItem]) -> str:
    """Item ids identify rows while editing; a missing or repeated id (hand-edited file) gets a fresh one."""
    uid = str(value) if value else ""
    if not uid or any(item.uid == uid for item in earlier):
        return _new_uid()
    return uid


def _text(value: Any) -> str:
    """A text field as saved; a missing or null field is empty, never the word "None"."""
    return "" if value is None else str(value)


# ---- validation of what a file holds (PackFileError names the field) -----------------------

MAX_PACK_BYTES = 64 * 1024 * 1024  # far above any real pack (2,000 items with their copies: a few MB)
MAX_DEPTH = 64  # a pack is 4 levels deep; item copies a few more
MAX_NUMBER_DIGITS = 40
YEAR_RANGE = (1900, 2200)
_TEXT_FIELDS = ("title", "audience", "meeting_date", "lang")
_ITEM_TEXT_FIELDS = ("kind", "ref", "text", "talking_points", "uid")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return type(value).__name__


def repair_text(text: str) -> str:
    """``text`` with every lone UTF-16 surrogate replaced by U+FFFD (a valid pair becomes its character)."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _repair_strings(value: Any, where: str, repairs: list[str]) -> Any:
    """Every string in ``value`` (keys too) repaired with :func:`repair_text`; what changed goes in ``repairs``."""
    if isinstance(value, str):
        fixed = repair_text(value)
        if fixed is not value and fixed != value:
            repairs.append(f"{where or 'a field'}: a broken character (for example half of an emoji) "
                           "was replaced with \ufffd")
        return fixed
    if isinstance(value, dict):
        return {_repair_strings(k, f"{where}.{repair_text(k) if isinstance(k, str) else k}".lstrip("."), repairs)
                if isinstance(k, str) else k:
                _repair_strings(v, f"{where}.{repair_text(k) if isinstance(k, str) else k}".lstrip("."), repairs)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_repair_strings(v, f"{where}[{n}]", repairs) for n, v in enumerate(value)]
    return value


def _check_depth(value: Any) -> None:
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise PackFileError(f"The pack file is damaged: it is nested more than {MAX_DEPTH} levels deep.")
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)


def _expect_text(value: Any, where: str) -> None:
    if value is not None and not isinstance(value, str):
        raise PackFileError(f"The pack file is damaged: {where}: expected text, got {_type_name(value)}.")


def _check_date_field(value: Any) -> None:
    if not value:
        return
    shown = value if len(value) <= 40 else value[:40] + "…"
    bad = PackFileError(f"The pack file is damaged: meeting_date: {shown!r} is not a date "
                        f"(YYYY-MM-DD, years {YEAR_RANGE[0]}–{YEAR_RANGE[1]}).")
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
        raise bad
    try:
        day = _dt.date.fromisoformat(value.strip())
    except ValueError:
        raise bad from None
    if not YEAR_RANGE[0] <= day.year <= YEAR_RANGE[1]:
        raise bad


def _validate(obj: Any) -> tuple[Any, list[str]]:
    """What a pack file holds, checked before it becomes a Pack: depth, every known field's type and range
    (PackFileError naming the field), and repairable text repaired. Returns (clean object, repairs).
    Unknown fields pass through untouched (newer or extra data is not dropped here)."""
    _check_depth(obj)
    repairs: list[str] = []
    obj = _repair_strings(obj, "", repairs)
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        return obj, repairs
    version = obj.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= SCHEMA_VERSION:
        return obj, repairs  # from_json says what is wrong with the version
    for name in _TEXT_FIELDS:
        _expect_text(obj.get(name), name)
    _check_date_field(obj.get("meeting_date"))
    lang = obj.get("lang")
    if lang is not None and lang not in ("en", "es"):
        shown = lang if len(lang) <= 20 else lang[:20] + "…"
        repairs.append(f"lang: {shown!r} is not a pack language; the pack opens in English")
    items = obj.get("items", [])
    if items is not None and not isinstance(items, list):
        raise PackFileError(f"The pack file is damaged: items: its item list is not a list (got {_type_name(items)}).")
    for n, raw in enumerate(items or []):
        if not isinstance(raw, dict):
            raise PackFileError(f"The pack file is damaged: items[{n}]: item {n + 1} is not a fact, chart, "
                                f"note or divider (got {_type_name(raw)}).")
        for name in _ITEM_TEXT_FIELDS:
            _expect_text(raw.get(name), f"items[{n}].{name} (item {n + 1})")
    return obj, repairs


def _parse_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise PackFileError(f"The pack file is damaged: it holds a number with {len(digits)} digits.")
    return int(digits)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS + 10:
        raise PackFileError(f"The pack file is damaged: it holds a number {len(text)} characters long.")
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise PackFileError("The pack file is damaged: it holds a number too large to use.")
    return value


def _parse_constant(name: str) -> Any:
    raise PackFileError(f"The pack file is damaged: {name} is not a number a pack can hold.")


def _read_regular_file(path: Path, limit: int = MAX_PACK_BYTES) -> bytes:
    """The bytes of ``path`` if it is (or links to) a regular file of at most ``limit`` bytes.
    A folder, FIFO, device (a link to /dev/zero) or socket is refused before it is opened for reading,
    and the open is non-blocking so a file swapped for a FIFO in between cannot hang."""
    try:
        info = os.stat(path)  # follows symlinks: the target is what gets read
    except OSError as exc:
        raise PackFileError(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc
    if stat.S_ISDIR(info.st_mode):
        raise PackFileError(f"Cannot read {path.name}: it is a folder, not a pack file.")
    if not stat.S_ISREG(info.st_mode):
        raise PackFileError(f"Cannot read {path.name}: it is not a regular file (it is a device, pipe or socket); "
                            "packs are opened only from ordinary files.")
    if info.st_size > limit:
        raise PackFileError(f"{path.name} is too large to be a pack ({info.st_size // (1024 * 1024)} MB; "
                            f"packs are at most {limit // (1024 * 1024)} MB).")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise PackFileError(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise PackFileError(f"{path.name} is not a regular file; packs are opened only from ordinary files.")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, 1024 * 1024)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise PackFileError(f"{path.name} is too large to be a pack (over {limit // (1024 * 1024)} MB).")
            chunks.append(chunk)
    except OSError as exc:
        raise PackFileError(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc
    finally:
        os.close(fd)
    return b"".join(chunks)


TEMP_PREFIX = ".~nap-"
TEMP_SUFFIX = ".tmp"


class NotAFileError(OSError):
    """A save target that exists and is not an ordinary file (a device such as /dev/null, a pipe, a
    socket), or a link to one: it is never written to or replaced. ``strerror`` says what it is."""


class TargetLockedError(PermissionError):
    """The target could not be replaced because another program holds it open (on Windows, PowerPoint and
    Excel lock the files they show: the rename over it fails with a permission error). With
    ``keep_if_locked`` the new file was kept beside it under a free name: ``kept`` ("deck (2).pptx");
    nothing is lost and the old file is unchanged."""

    def __init__(self, target: Path, kept: Path | None):
        self.target, self.kept = Path(target), kept
        where = (f"the new file was saved as \u201c{kept.name}\u201d beside it" if kept is not None
                 else "nothing was written")
        super().__init__(13, f"{self.target.name} is open in another program, which keeps it from being "
                             f"replaced (close it there, then try again); {where}", str(target))


def write_target(path: Path) -> Path:
    """Where a save to ``path`` really lands: through any symlinks, to the file they point at."""
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def _not_a_file(path: Path, target: Path, mode: int) -> NotAFileError:
    kind = _special_kind(mode)
    where = f"it is a link to {target}, {kind}" if Path(path) != target else f"it is {kind}"
    return NotAFileError(errno.EINVAL, f"{where}, not a file; nothing was written (choose an ordinary file name)",
                         str(path))


def check_write_target(path: Path) -> Path:
    """The file a save to ``path`` replaces (through links), checked: a folder raises IsADirectoryError and
    anything else that is not an ordinary file (a device, pipe or socket, or a link to one) NotAFileError.
    A target that does not exist yet is fine (it is created; its folder is never created)."""
    target = write_target(path)
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError:
        return target  # the write itself reports it
    if stat.S_ISDIR(existing.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder", str(path))
    if not stat.S_ISREG(existing.st_mode):
        raise _not_a_file(path, target, existing.st_mode)
    return target


def explain_write_error(path: Path, exc: OSError) -> str:
    """What a failed save of ``path`` means for the user, from the OS error (no errno jargon)."""
    path = Path(path)
    if isinstance(exc, NotAFileError):
        return exc.strerror or str(exc)
    target = write_target(path)
    code = exc.errno
    if code == errno.ENOENT or isinstance(exc, FileNotFoundError):
        if path.is_symlink():
            return (f"it is a link to {os.readlink(path)}, and the folder {target.parent} that link points into "
                    "does not exist")
        return f"the folder {target.parent} does not exist"
    if code == errno.EISDIR or isinstance(exc, IsADirectoryError):
        return "it is a folder"
    if code == errno.ENOTDIR or isinstance(exc, NotADirectoryError):
        return f"{target.parent} is not a folder"
    if code == errno.EROFS:
        return f"the disk that holds {target.parent} is read-only"
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full"
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.ELOOP:
        return "it is a link that points to itself (a loop of links)"
    if code == errno.ENAMETOOLONG:
        return "the file name is too long"
    return exc.strerror or str(exc)


def atomic_write_bytes(path: Path, payload: bytes, *, keep_if_locked: bool = False) -> None:
    """Write to a temporary file beside the target, then rename over it: a failure leaves the old file intact.

    A target held open by another program (Windows: PowerPoint or Excel showing it; the rename fails with
    a permission error while the file itself is writable) raises TargetLockedError; with
    ``keep_if_locked`` (exports) the new file is first kept beside it under a free name ("deck (2).pptx",
    core/filenames.free_name), so the work is not lost. Saves of data files (a library's facts) leave it
    False: a second copy there would be read as a second fact.

    Through a symlink the link's target is replaced (the link stays a link). An existing file keeps its
    permission bits (and, where allowed, its owner and group); a new file gets 0666 less the umask, as any
    program's would. A target that is not an ordinary file (a device such as a link to /dev/null, a pipe,
    a socket) is refused with NotAFileError before anything is written, and a missing folder is never
    created. Temp files are named ``.~nap-*.tmp`` so :func:`remove_stale_temps` can find the leftovers of
    a killed save. Every OSError raised carries a ``strerror`` a user can read (:func:`explain_write_error`).
    """
    try:
        _atomic_write_bytes(Path(path), payload, keep_if_locked)
    except (NotAFileError, TargetLockedError):
        raise
    except OSError as exc:
        exc.strerror = explain_write_error(Path(path), exc)
        raise


def _atomic_write_bytes(path: Path, payload: bytes, keep_if_locked: bool = False) -> None:
    target = check_write_target(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _attempt in range(100):
        # the writing process's id in the name: a temp whose process is gone is removed at once (remove_stale_temps)
        tmp = directory / f"{TEMP_PREFIX}{target.name[:80]}-{os.getpid()}-{os.urandom(4).hex()}{TEMP_SUFFIX}"
        try:
            fd = os.open(tmp, flags, 0o666)  # the kernel applies the umask
            break
        except FileExistsError:
            continue
    else:  # pragma: no cover - 100 random-name collisions
        raise FileExistsError(17, "Cannot create a temporary file", str(directory))
    try:
        with os.fdopen(fd, "wb") as handle:
            if existing is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), stat.S_IMODE(existing.st_mode))
                if hasattr(os, "fchown"):
                    try:
                        os.fchown(handle.fileno(), existing.st_uid, existing.st_gid)
                    except OSError:
                        pass  # not allowed (a file owned by someone else): keep ours
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        try:  # once more just before the rename: a file swapped for a pipe or device meanwhile stays
            now = os.lstat(target)
        except FileNotFoundError:
            now = None
        if now is not None and not (stat.S_ISREG(now.st_mode) or stat.S_ISLNK(now.st_mode)):
            raise _not_a_file(path, target, now.st_mode)
        try:
            os.replace(tmp, target)
        except PermissionError:
            if now is None or not _looks_locked(target):
                raise  # a read-only folder or file: the ordinary permission error
            raise TargetLockedError(target, _keep_beside(tmp, target) if keep_if_locked else None) from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(directory)


def _looks_locked(target: Path) -> bool:
    """A replace refused although the file may be written: another program holds it (Windows sharing
    violation). A read-only file or folder is an ordinary permission problem instead."""
    return os.access(target, os.W_OK) and os.access(target.parent if str(target.parent) else Path("."), os.W_OK)


def _keep_beside(tmp: Path, target: Path) -> Path | None:
    """Move the finished temp file to the first free "name (n).ext" beside ``target`` (never over a file)."""
    from nap_desktop.core.filenames import free_name

    for _attempt in range(20):
        try:
            candidate = free_name(target)
        except OSError:
            return None
        try:
            os.link(tmp, candidate)  # fails if the name was taken meanwhile: never replaces anything
        except FileExistsError:
            continue
        except OSError:  # no hard links here (FAT, some network drives): a rename, after a last check
            if candidate.exists():
                continue
            try:
                os.rename(tmp, candidate)
            except OSError:
                return None
            return candidate
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return candidate
    return None


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _writer_gone(name: str) -> bool:
    """The temp's writing process (its pid is in the name: ``.~nap-NAME-PID-RAND.tmp``) no longer runs here."""
    parts = name[: -len(TEMP_SUFFIX)].rsplit("-", 2)
    if len(parts) != 3 or not parts[1].isdigit():
        return False  # an older name without a pid: only its age says it is stale
    pid = int(parts[1])
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OSError, OverflowError):
        return False  # alive (another user's) or unknown: keep it
    return False


def remove_stale_temps(folder: Path, older_than_s: float = 3600.0) -> list[Path]:
    """Delete our temp files (``.~nap-*.tmp``) in ``folder`` whose writing process is gone, or older than
    ``older_than_s`` seconds: what a killed save or export left behind. Links and anything that is not a plain
    file are left alone. Returns what was removed."""
    removed: list[Path] = []
    cutoff = time.time() - older_than_s
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX)):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and (info.st_mtime < cutoff or _writer_gone(entry.name)):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def save_pack(pack: Pack, path: Path) -> None:
    payload = json.dumps(pack.to_json(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    atomic_write_bytes(Path(path), payload)


def load_pack(path: Path) -> Pack:
    """Read a .napbrief; any problem raises PackFileError with a message for the user."""
    path = Path(path)
    raw = _read_regular_file(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:  # UTF-8 with encoded lone surrogates (a tool that cut an emoji in half): opens repaired
            text = raw.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError as exc:
            raise PackFileError(f"{path.name} is not a pack file (it is not UTF-8 text).") from exc
    try:
        data = json.loads(text.removeprefix("\ufeff"), parse_int=_parse_int, parse_float=_parse_float,
                          parse_constant=_parse_constant)
    except RecursionError as exc:
        raise PackFileError(f"{path.name} is damaged: it is nested more than {MAX_DEPTH} levels deep.") from exc
    except json.JSONDecodeError as exc:
        raise PackFileError(
            f"{path.name} is damaged or incomplete (line {exc.lineno}: {exc.msg}); nothing was changed.") from exc
    except ValueError as exc:  # int() refusing a number over Python's digit limit
        raise PackFileError(f"{path.name} is damaged: it holds a number too large to use.") from exc
    return Pack.from_json(data)


def missing_refs(pack: Pack, fact_ids: set[str], chart_ids: set[str]) -> list[PackItem]:
    """Items that point at a fact or chart the catalog no longer has (they open, marked)."""
    return [i for i in pack.items
            if (i.kind == "fact" and i.ref not in fact_ids) or (i.kind == "chart" and i.ref not in chart_ids)]
