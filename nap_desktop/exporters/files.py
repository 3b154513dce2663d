"""Writing an export's file (Qt-free): the error every writer raises and the one temp-file-and-rename write.

The bottom of exporters/: every writer (deck, workbook, handout, bundle, chart images) imports these from
here, and the package's registry (exporters/__init__.py) re-exports them; this module imports no writer.
"""

from __future__ import annotations

from pathlib import Path


class ExportError(Exception):
    """An export that could not be written; the message names the file and is meant for the user.

    ``kept``: where the export was saved instead when its target was open in another program
    ("deck (2).pptx"), else None."""

    def __init__(self, message: str, *, kept: Path | None = None):
        super().__init__(message)
        self.kept = kept


def write_atomically(dest: Path, payload: bytes) -> None:
    """Temp file + rename over ``dest``; any OS error becomes an ExportError naming the file. A ``dest``
    held open by another program (Windows) is left as it is and the export is kept under a free name beside
    it ("deck (2).pptx"), which the error names (``ExportError.kept``).

    A ``dest`` that exists and is not an ordinary file (a device such as a link to /dev/null, a pipe, a
    socket) is refused before anything is written; a missing folder is reported, never created."""
    from nap_desktop.core.pack.packfile import NotAFileError, TargetLockedError, atomic_write_bytes, explain_write_error

    dest = Path(dest)
    try:
        if dest.exists() and dest.is_dir():
            raise ExportError(f"Cannot write {dest}: it is a folder.")
        atomic_write_bytes(dest, payload, keep_if_locked=True)
    except NotAFileError as exc:
        raise ExportError(f"Cannot write {dest}: {exc.strerror}.") from exc
    except TargetLockedError as exc:  # Windows: the file is open in PowerPoint or Excel
        if exc.kept is not None:
            raise ExportError(
                f"Cannot replace {dest}: permission denied; it is probably open in another program (PowerPoint "
                f"and Excel lock the files they show). Nothing was lost: this export was saved as {exc.kept}. "
                f"Close {dest.name} and export again to replace it, or use the new copy.", kept=exc.kept) from exc
        raise ExportError(f"Cannot replace {dest}: permission denied; it is probably open in another program "
                          f"(PowerPoint and Excel lock the files they show). Close {dest.name} and export again, or "
                          "choose another name with Save As. The existing file was left unchanged.") from exc
    except PermissionError as exc:
        raise ExportError(
            f"Cannot write {dest}: permission denied. The folder may be read-only, or the file may be open in "
            "another program (close it and try again). Any existing file was left unchanged.") from exc
    except OSError as exc:
        raise ExportError(f"Cannot write {dest}: {explain_write_error(dest, exc)}. "
                          "Any existing file was left unchanged.") from exc
