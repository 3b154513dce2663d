"""Where a command may write (Qt-free): checked before any work is done, by the top of the command line
and by the sub-commands that write (pack new). Imports nothing of cli/, so every sub-command can use it."""

from __future__ import annotations

from pathlib import Path


def output_path_problem(target: Path) -> str | None:
    """Why ``target`` cannot be written, checked before any work is done: its folder must exist (a missing
    folder is never created) and the target, if it exists, must be an ordinary file (or a link to one),
    never a device such as /dev/null, a pipe or a socket. None when it can be written."""
    from nap_desktop.core.pack.packfile import check_write_target, write_target

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
