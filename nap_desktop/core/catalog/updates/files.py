"""Reading a file the user gives as an agency download: bytes, ZIP members, text (Qt-free).

Agency files are read from ordinary files only (no folders, pipes or devices), with a size cap, and
ZIP archives (BTS distributes its TransBorder tables zipped, Statistics Canada its full tables) are
opened member by member with caps on what they unpack to, so a hostile archive cannot fill memory.

    read_input(path) -> list[InputText]     one per CSV the file holds (a ZIP may hold several)
    InputText: name (shown to the user: "dot1_0123.csv" or "TransBorder.zip:dot1_0123.csv"),
               file_name (the file on disk), sha256 (of the file on disk), text, encoding, size
    UpdateFileError(message)                 the file cannot be read as an agency file (nothing changes)
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

#: far above any agency download we know (a BTS annual dot1 CSV is ~3 MB, a StatCan full table tens of MB)
MAX_FILE_BYTES = 256 * 1024 * 1024
#: what all the CSVs of one ZIP may unpack to
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
#: a member that unpacks to more than this many times its packed size is refused (a "zip bomb")
MAX_RATIO = 200
MAX_MEMBERS = 400


class UpdateFileError(Exception):
    """Why a file cannot be read as an agency download; ``message`` is for the user (English; the
    ``code`` and ``params`` let the interface say it in Spanish)."""

    def __init__(self, message: str, code: str = "unreadable", **params: object):
        super().__init__(message)
        self.message = message
        self.code = code
        self.params = params


@dataclass(frozen=True)
class InputText:
    name: str        # what the review calls it: the file name, or "archive.zip:member.csv"
    file_name: str   # the file on disk
    sha256: str      # of the file on disk (what the user can check against the agency's file)
    text: str
    encoding: str    # "utf-8", "utf-8 with BOM", "Windows-1252", "UTF-16"
    size: int        # bytes of this CSV (unpacked)
    ends_with_newline: bool = True


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path`` when it is (or links to) an ordinary file under the cap.

    The read itself goes through the pack reader's guarded reader (non-blocking open, regular-file
    check on the open descriptor, cap while reading); the checks here only word the refusal for an
    agency file rather than a pack."""
    from nap_desktop.core.pack.packfile import PackFileError, _read_regular_file

    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise UpdateFileError(f"{path.name}: no such file.", "missing", name=path.name) from exc
    except OSError as exc:
        raise UpdateFileError(f"{path.name}: cannot be read ({exc.strerror or exc}).", "unreadable",
                              name=path.name, reason=str(exc.strerror or exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UpdateFileError(f"{path.name} is a folder: give the agency's download file itself.", "folder",
                              name=path.name)
    if not stat.S_ISREG(info.st_mode):
        raise UpdateFileError(f"{path.name} is not an ordinary file (a device, pipe or socket): "
                              "agency files are read only from ordinary files.", "not_regular", name=path.name)
    if info.st_size > MAX_FILE_BYTES:
        raise UpdateFileError(f"{path.name} is {info.st_size // (1024 * 1024)} MB: larger than any agency "
                              f"download the app reads (at most {MAX_FILE_BYTES // (1024 * 1024)} MB).",
                              "too_large", name=path.name, mb=info.st_size // (1024 * 1024))
    try:
        return _read_regular_file(path, MAX_FILE_BYTES)
    except PackFileError as exc:
        raise UpdateFileError(f"{path.name}: cannot be read ({exc}).", "unreadable", name=path.name,
                              reason=str(exc)) from exc


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (what the
    USDA ERS food-imports file and Excel for Windows write). Line ends are left as they are."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "utf-8 with BOM"
        except UnicodeDecodeError:
            pass
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "Windows-1252"


def looks_binary(raw: bytes) -> str:
    """What a file that is not text is ("" when it looks like text)."""
    head = raw[:8]
    if head.startswith(b"%PDF"):
        return "a PDF document"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old-style Excel or Office file (.xls)"
    if head.startswith(b"PK"):
        return "a ZIP archive"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "a picture"
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "a binary file"
    return ""


def _zip_members(path: Path, raw: bytes, digest: str) -> list[InputText]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UpdateFileError(f"{path.name} is a damaged or incomplete ZIP archive ({exc}): download it again.",
                              "bad_zip", name=path.name, reason=str(exc)) from exc
    names = [i.filename for i in infos]
    if "[Content_Types].xml" in names:
        raise UpdateFileError(f"{path.name} is an Excel workbook or Office document, not an agency CSV "
                              "download: save or download the CSV file instead.", "office", name=path.name)
    if len(infos) > MAX_MEMBERS:
        raise UpdateFileError(f"{path.name} holds {len(infos)} files: more than any agency archive.",
                              "zip_members", name=path.name, n=len(infos))
    csvs = [i for i in infos if not i.is_dir() and i.filename.lower().endswith((".csv", ".txt"))
            and not Path(i.filename).name.startswith(("._", "."))]
    # Statistics Canada ships <table>.csv with <table>_MetaData.csv: the metadata is not data
    csvs = [i for i in csvs if not i.filename.lower().endswith("_metadata.csv")] or csvs
    if not csvs:
        shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
        raise UpdateFileError(f"{path.name} is a ZIP archive with no CSV file in it ({shown or 'empty'}).",
                              "zip_no_csv", name=path.name, members=shown or "empty")
    out: list[InputText] = []
    total = 0
    for info in csvs:
        if info.file_size > MAX_FILE_BYTES or (info.compress_size and info.file_size > MAX_RATIO * max(info.compress_size, 1024)):
            raise UpdateFileError(f"{path.name}:{info.filename} would unpack to {info.file_size // (1024 * 1024)} MB: "
                                  "refused (not an agency file of a size the app reads).", "zip_bomb",
                                  name=f"{path.name}:{info.filename}")
        total += info.file_size
        if total > MAX_UNPACKED_BYTES:
            raise UpdateFileError(f"{path.name} unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB: refused.",
                                  "zip_bomb", name=path.name)
        try:
            with archive.open(info) as handle:
                data = handle.read(info.file_size + 1)
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError, zipfile.LargeZipFile) as exc:
            raise UpdateFileError(f"{path.name}:{info.filename} cannot be unpacked ({exc}): the archive is damaged, "
                                  "encrypted or incomplete.", "bad_zip", name=path.name, reason=str(exc)) from exc
        if len(data) > info.file_size:  # a directory entry that lied about the size
            raise UpdateFileError(f"{path.name}:{info.filename} is larger than the archive says: refused.",
                                  "zip_bomb", name=f"{path.name}:{info.filename}")
        text, encoding = decode(data)
        out.append(InputText(name=f"{path.name}:{info.filename}", file_name=path.name, sha256=digest, text=text,
                             encoding=encoding, size=len(data), ends_with_newline=data.endswith((b"\n", b"\r"))))
    return out


def read_input(path: Path | str) -> list[InputText]:
    """Every CSV text ``path`` holds (itself, or the CSV members of a ZIP); raises UpdateFileError."""
    path = Path(path)
    raw = read_bytes(path)
    digest = hashlib.sha256(raw).hexdigest()
    if not raw.strip():
        raise UpdateFileError(f"{path.name} is empty.", "empty", name=path.name)
    kind = looks_binary(raw)
    if kind == "a ZIP archive":
        return _zip_members(path, raw, digest)
    if kind:
        raise UpdateFileError(f"{path.name} is {kind}, not an agency CSV download.", "binary", name=path.name, kind=kind)
    text, encoding = decode(raw)
    return [InputText(name=path.name, file_name=path.name, sha256=digest, text=text, encoding=encoding,
                      size=len(raw), ends_with_newline=raw.endswith((b"\n", b"\r")))]
