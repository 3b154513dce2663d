"""Where a command may write (Qt-free): checked before any work is done, by the top of the command line
and by the sub-commands that write (pack new). Imports nothing of cli/, so every sub-command can use it."""

from __future__ import annotations

import sys
from pathlib import Path

#: the system whose file-name rules apply (core/filenames.py); tests simulate Windows and macOS with it
PLATFORM = sys.platform


def output_path_problem(target: Path) -> str | None:
    """Why ``target`` cannot be written, checked before any work is done: its folder must exist (a missing
    folder is never created) and the target, if it exists, must be an ordinary file (or a link to one),
    never a device such as /dev/null, a pipe or a socket. On Windows and macOS the name must be one the
    system accepts (core/filenames.path_problem: on Windows "aux.pptx" would write to a device, "deck."
    could not be opened again, and PowerPoint cannot open a path of 260 characters). None when it can be
    written."""
    from nap_desktop.core.filenames import path_problem
    from nap_desktop.core.pack.packfile import check_write_target, write_target

    if PLATFORM in ("win32", "darwin"):
        problem = path_problem(target, PLATFORM)
        if problem:
            return f"{target}: {problem} (nothing was written)"

    real = write_target(target)
    folder = real.parent if str(real.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        return f"{target}: {folder} is not a folder"
    if not folder.is_dir():
        how = f" (it is a link to {real})" if target.is_symlink() else ""
        return f"{target}: the folder {folder} does not exist{how}; create it first (nothing was written)"
    try:
        check_write_target(target)
    except OSError as exc:
        return f"{target}: {exc.strerror or exc}"
    return None
