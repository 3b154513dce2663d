"""File names made from pack titles, safe on Windows, macOS and Linux (Qt-free). One function for every
place that names a file: the export dialog's suggested names, the command line's check of the names it
is given, and the free name an export takes when its target is open in another program.

    safe_file_stem(title) -> str              'USMCA: "why" it matters.' -> 'USMCA why it matters'
    fit_stem(folder, stem, extension) -> str  the stem cut so folder/stem+extension stays under 260 chars
    name_problem(name, platform) -> str|None  why Windows or macOS would refuse a name the user typed
    free_name(path) -> Path                   'deck.pptx' -> 'deck (2).pptx' (the first that does not exist)

What Windows refuses (and so a colleague's Windows laptop, a OneDrive or SharePoint folder, or a zip
opened there): the characters < > : " / \\ | ? * and control characters; names ending in a dot or a
space; the device names CON, PRN, AUX, NUL, COM1-COM9 and LPT1-LPT9 (also with any extension:
"aux.pptx" opens the AUX device); more than 255 characters in a name; and, for programs that do not opt
in to long paths (PowerPoint and Excel among them), a full path of 260 characters or more. macOS refuses
":" in Finder and more than 255 bytes of UTF-8 in a name; Linux refuses "/" and 255 bytes.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

#: Characters no Windows name may hold (macOS's Finder refuses ':' too); control characters as well.
_REFUSED = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
#: Device names Windows reserves, with or without an extension (compared case-insensitively; the
#: superscript digits are devices too since Windows 10).
RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
                     | {f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")})
MAX_NAME_BYTES = 255  # APFS/HFS+ and ext4: bytes of UTF-8 (Windows: 255 UTF-16 units, never fewer)
MAX_PATH = 260  # Windows' MAX_PATH, the NUL included: a full path must be at most 259 characters
FALLBACK = "briefing"


def _reserved(stem: str) -> bool:
    """Windows compares the part before the first dot, trailing spaces and dots ignored."""
    return stem.split(".", 1)[0].rstrip(" .").upper() in RESERVED


def _cut_bytes(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` bytes of UTF-8, at a character (never inside one, never between
    a letter and its combining accent)."""
    if len(text.encode("utf-8")) <= limit:
        return text
    out = text.encode("utf-8")[:limit].decode("utf-8", "ignore")
    while out and unicodedata.combining(out[-1]):
        out = out[:-1]
    if out and len(out) < len(text) and unicodedata.combining(text[len(out)]):
        out = out[:-1]  # the next character is this one's accent: drop the letter too
    return out


def safe_file_stem(title: str, *, fallback: str = FALLBACK, max_chars: int = 80) -> str:
    """A file name stem from ``title`` that Windows, macOS and Linux all accept: refused characters
    become spaces, runs of spaces one, no leading or trailing dots and spaces, a device name gets a
    leading "_", at most ``max_chars`` characters (and 255 bytes with room for "-es (99).pptx");
    ``fallback`` when nothing is left."""
    stem = unicodedata.normalize("NFC", title or "")
    stem = _REFUSED.sub(" ", stem)
    stem = " ".join(stem.split()).strip(". ")
    stem = stem[:max_chars].rstrip(". ")
    stem = _cut_bytes(stem, MAX_NAME_BYTES - 24).rstrip(". ")
    if not stem:
        stem = fallback
    if _reserved(stem):
        stem = "_" + stem
    return stem


def fit_stem(folder: Path | str, stem: str, extension: str, *, reserve: int = 5, minimum: int = 8) -> str:
    """``stem`` shortened (at a word where it can) so that ``folder/stem<extension>`` stays under Windows'
    260-character path limit, with ``reserve`` characters to spare (a " (2)" for a locked target). A
    folder so deep that even ``minimum`` characters do not fit keeps ``minimum``: the write then
    reports the path as too long, naming it."""
    room = MAX_PATH - 1 - reserve - len(str(Path(folder).absolute())) - 1 - len(extension)
    if len(stem) <= room:
        return stem
    cut = stem[:max(room, minimum)]
    if " " in cut[minimum:]:
        cut = cut[:cut.rfind(" ")]
    cut = cut.rstrip(". ") or stem[:minimum]
    return "_" + cut if _reserved(cut) and not cut.startswith("_") else cut


def name_problem(name: str, platform: str = "win32") -> str | None:
    """Why a file name typed by the user would be refused on ``platform`` ("win32", "darwin", "linux"),
    with the name this module would use instead; None when it is fine there."""
    stem, dot, ext = name.rpartition(".") if "." in name.lstrip(".") else (name, "", "")
    suggestion = safe_file_stem(stem or name) + (dot + ext if dot else "")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return f"the name is longer than {MAX_NAME_BYTES} bytes"
    if platform == "win32":
        if _REFUSED.search(name):
            return f'Windows does not allow < > : " / \\ | ? * in a file name (try "{suggestion}")'
        if name != name.rstrip(". "):
            return f'Windows does not allow a file name that ends in a dot or a space (try "{suggestion}")'
        if _reserved(name):
            return f'Windows reserves the name {name.split(".", 1)[0].rstrip(" .").upper()} for a device ' \
                   f'(try "{suggestion}")'
    elif platform == "darwin" and ":" in name:
        return f'macOS does not allow ":" in a file name (try "{suggestion}")'
    return None


def path_problem(path: Path | str, platform: str = "win32") -> str | None:
    """``name_problem`` of the last part, and on Windows a full path of 260 characters or more (PowerPoint
    and Excel cannot open it)."""
    path = Path(path)
    problem = name_problem(path.name, platform)
    if problem:
        return problem
    if platform == "win32" and len(str(path.absolute())) >= MAX_PATH:
        return (f"the full path is {len(str(path.absolute()))} characters; Windows programs such as PowerPoint "
                f"and Excel cannot open a path of {MAX_PATH} or more: use a shorter name or folder")
    return None


def free_name(path: Path | str, *, first: int = 2, last: int = 999) -> Path:
    """The first of ``deck (2).pptx``, ``deck (3).pptx`` ... that does not exist beside ``path`` (each
    within 255 bytes: the stem is cut, never the number or the extension)."""
    path = Path(path)
    suffix = path.suffix
    stem = path.name[:-len(suffix)] if suffix else path.name
    for n in range(first, last + 1):
        tail = f" ({n}){suffix}"
        name = _cut_bytes(stem, MAX_NAME_BYTES - len(tail.encode("utf-8"))).rstrip(". ") + tail
        candidate = path.with_name(name)
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
    raise FileExistsError(17, f"no free name beside {path.name} up to ({last})", str(path))
