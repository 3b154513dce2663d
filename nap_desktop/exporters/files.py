"""Writing an export's file (Qt-free): the error every writer raises and the one temp-file-and-rename write.

The bottom of exporters/: every writer (deck, workbook, handout, bundle, chart images) imports these from
here, and the package's registry (exporters/__init__.py) re-exports them; this module imports no writer.
"""

from __future__ import annotations

from pathlib import Path


class ExportError(Exception):
    """An export that could not be written; the message names the file and is meant for the user."""


def write_atomically(dest: Path, payload: bytes) -> None:
    """Temp file + rename over ``dest``; any OS error becomes an ExportError naming the file.

    A ``dest`` that exists and is not an ordinary file (a device such as a link to /dev/null, a pipe, a
    socket) is refused before anything is written; a missing folder is reported, never created."""
    from nap_desktop.core.pack.packfile import NotAFileError, atomic_write_bytes, explain_write_error

    dest = Path(dest)
    try:
        if dest.exists() and dest.is_dir():
            raise ExportError(f"Cannot write {dest}: it is a folder.")
        atomic_write_bytes(dest, payload)
    except NotAFileError as exc:
        raise ExportError(f"Cannot write {dest}: {exc.strerror}.") from exc
    except PermissionError as exc:
        raise ExportError(
            f"Cannot write {dest}: permission denied. The folder may be read-only, or the file may be open in "
            "another program (close it and try again). Any existing file was left unchanged.") from exc
    except OSError as exc:
        raise ExportError(f"Cannot write {dest}: {explain_write_error(dest, exc)}. "
                          "Any existing file was left unchanged.") from exc
