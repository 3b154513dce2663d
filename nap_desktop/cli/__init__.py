"""Command line: `nap-desktop` with no arguments opens the window; sub-commands as in DESIGN.md."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nap_desktop import __version__
from nap_desktop.cli.outputs import output_path_problem


#: Every sub-command (the start-up path checks argv against these without building their parsers).
COMMAND_NAMES = ("brief", "catalog", "data", "export", "import", "library", "pack", "screenshot", "update")


def _parser(*, commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nap-desktop",
        description="NAP Briefing: The North American Project's figures, offline.",
    )
    parser.add_argument("--version", action="version", version=f"nap-desktop {__version__}")
    parser.add_argument("--smoke-test", action="store_true",
                        help="build the window, load the data, draw a chart, and exit 0")
    parser.add_argument("--lang", dest="top_lang", choices=("en", "es"), default=None,
                        help="interface language (also the default language of a sub-command)")
    parser.add_argument("--library", metavar="DIR", dest="top_library", default=None,
                        help="your library folder (default: $NAP_LIBRARY, else the app's data folder); "
                             "every sub-command uses it")
    if not commands:  # opening the window: the sub-commands' parsers (~35 ms) are not needed
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command")

    cat = sub.add_parser("catalog", help="print the catalog")
    cat.add_argument("--json", action="store_true", required=True, help="as JSON on stdout")
    cat.add_argument("--lang", choices=("en", "es"), default=None,
                     help="print only this language's texts (default: both)")
    cat.add_argument("--data", type=Path, default=None, help="a data folder other than the bundled one")
    cat.add_argument("--library", type=Path, default=None,
                     help="include this user library (default: $NAP_LIBRARY); its items have \"origin\": \"user\"")

    data = sub.add_parser("data", help="data folder tools")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    check = data_sub.add_parser("check", help="validate a data folder")
    check.add_argument("dir", nargs="?", type=Path, default=None,
                       help="the data folder or library to check (default: the bundled data/)")

    exp = sub.add_parser("export", help="export a pack (or a selection of the catalog) to PPTX / XLSX")
    exp.add_argument("pack", nargs="?", type=Path, help="a .napbrief file")
    group = exp.add_mutually_exclusive_group()
    group.add_argument("--all", action="store_true", help="every fact and chart in the catalog")
    group.add_argument("--section", help="every fact of one section")
    group.add_argument("--ids", help="comma-separated fact and chart ids")
    exp.add_argument("--lang", choices=("en", "es"), default=None,
                     help="language of the outputs (default: the pack's language, else en)")
    exp.add_argument("--pptx", type=Path, help="write a PowerPoint deck to this .pptx file")
    exp.add_argument("--xlsx", type=Path, help="write an Excel workbook to this .xlsx file")
    exp.add_argument("--pdf", type=Path, help="write the one-page handout PDF to this file")
    exp.add_argument("--paper", choices=("letter", "a4"), default=None,
                     help="handout paper size (default: from the locale; Letter in the US, Canada and Mexico)")
    exp.add_argument("--talking-points", action="store_true", help="print the talking points on the handout")
    exp.add_argument("--bundle", type=Path,
                     help="write a meeting bundle (.zip: deck, workbook, handout, manifest.json)")
    exp.add_argument("--png", type=Path, help="a chart image (with --chart)")
    exp.add_argument("--svg", type=Path, help="a chart image (with --chart)")
    exp.add_argument("--chart", help="the chart id for --png / --svg")
    exp.add_argument("--template", type=Path, help="a .pptx template to use instead of ours (with --pptx)")
    exp.add_argument("--strict", action="store_true",
                     help="exit 1 without writing anything when the pack has items missing from the catalog")
    exp.add_argument("--library", type=Path, default=None,
                     help="include this user library (default: $NAP_LIBRARY); a pack's own copies need none")

    from nap_desktop.cli import brief, import_table, library, pack, update

    brief.add_parser(sub)
    import_table.add_parser(sub)
    library.add_parser(sub)
    pack.add_parser(sub)
    update.add_parser(sub)

    shot = sub.add_parser("screenshot", help="render the window offscreen to a PNG")
    shot.add_argument("out", type=Path, help="the .png file to write (in an existing folder)")
    shot.add_argument("--view", default="cards", help="cards | detail:FACT_ID | charts[:FILTER] | sources[:FILTER] | chart:CHART_ID | pack | present[:N]")
    shot.add_argument("--lang", choices=("en", "es"), default=None, help="interface language (default en)")
    shot.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    shot.add_argument("--pack", type=Path, default=None, help="a .napbrief to show")
    shot.add_argument("--library", type=Path, default=None,
                      help="draw the window with this user library (default: the bundled catalog only)")
    return parser


def _cmd_catalog(args: argparse.Namespace) -> int:
    from nap_desktop.core.catalog.catalog_json import catalog_to_json
    from nap_desktop.core.catalog.library import load_catalog_with_library, resolve_library
    from nap_desktop.core.catalog.loader import CatalogError

    try:
        catalog = load_catalog_with_library(resolve_library(args.library), args.data)
    except CatalogError as exc:
        print(f"nap-desktop: the catalog does not validate.\n{exc}", file=sys.stderr)
        return 1
    json.dump(catalog_to_json(catalog, lang=args.lang), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _cmd_data_check(args: argparse.Namespace) -> int:
    from nap_desktop.core.catalog.loader import load_catalog_with_problems
    from nap_desktop.paths import data_dir

    from nap_desktop.core.catalog.library import is_library, load_library_with_problems

    root = args.dir if args.dir is not None else data_dir()
    if not Path(root).is_dir():  # said in words, exit 1 as for any problem (not "catalog.toml: missing")
        why = "the folder does not exist" if not Path(root).exists() else "a file, not a folder"
        print(f"{root}: {why}; not a folder to check (give a data folder or a user library)")
        print(f"1 problem found in {root}")
        return 1
    try:
        if is_library(root):  # a user library: checked with the bundled sections and sources it builds on
            catalog, problems = load_library_with_problems(root)
        else:
            catalog, problems = load_catalog_with_problems(root)
    except Exception as exc:  # noqa: BLE001 - `data check` reports, it never ends in a traceback
        print(f"{root}: cannot check this folder: {type(exc).__name__}: {exc}")
        print(f"1 problem found in {root}")
        return 1
    unmarked = Path(root).is_dir() and not (Path(root) / "catalog.toml").exists() \
        and not (Path(root) / "library.toml").exists()
    prefixed = [p for p in problems if "must start with 'user.'" in str(p)]
    if unmarked and prefixed:  # a data folder without its catalog.toml, not a library: one line, not hundreds
        print(f"catalog.toml: missing: {root} has neither catalog.toml (a data folder) nor library.toml "
              f"(a user library), and {len(prefixed)} of its ids do not start with 'user.'; restore "
              "catalog.toml, or add library.toml if this is a user library")
        print(f"1 problem found in {root}")
        return 1
    from nap_desktop.exporters.textsafe import for_terminal

    for problem in problems:
        print(for_terminal(problem))  # a problem quotes the file's text: never raw escapes to the terminal
    if problems:
        print(f"{len(problems)} problem{'' if len(problems) == 1 else 's'} found in {root}")
        return 1
    def count(n: int, word: str) -> str:
        return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"

    if is_library(root):
        own = lambda items: [i for i in items if getattr(i, "origin", "") == "user"]  # noqa: E731
        rows = sum(len(d.rows) for d in own(catalog.datasets.values()))
        print(f"OK: library with {count(len(own(catalog.facts)), 'fact')}, "
              f"{count(len(own(catalog.sources.values())), 'source')}, "
              f"{count(len(own(catalog.datasets.values())), 'dataset')} ({count(rows, 'row')}), "
              f"{count(len(own(catalog.charts.values())), 'chart')} checked in {root}")
        if unmarked:  # a hand-made library: read as one, and said (library.toml marks a library the app made)
            print(f"note: {root} has no library.toml: read as a hand-made user library (its ids start with "
                  "'user.'); the app's library commands add library.toml when they write to it")
        return 0
    rows = sum(len(d.rows) for d in catalog.datasets.values())
    print(f"OK: {count(len(catalog.facts), 'fact')}, {count(len(catalog.sources), 'source')}, "
          f"{count(len(catalog.sections), 'section')}, {count(len(catalog.datasets), 'dataset')} "
          f"({count(rows, 'row')}), {count(len(catalog.charts), 'chart')} checked in {root}")
    return 0


# What each output option must end with: `--pptx a.txt` is refused instead of writing a deck named a.txt.
_EXPORT_SUFFIXES = {"pptx": ".pptx", "xlsx": ".xlsx", "pdf": ".pdf", "bundle": ".zip", "png": ".png", "svg": ".svg"}


def _split_pack(argv: list[str], commands: set[str],
                options_with_value: set[str]) -> tuple[list[str], Path | None, str | None]:
    """Take `BRIEF.napbrief` out of a bare app start (a file manager's "open with").

    Only an existing file is a pack to open; any other word that is not a sub-command is an error
    (a mistyped sub-command must not silently open the window). Returns (argv, pack, error)."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--":
            i += 1
            break
        if token in options_with_value:  # e.g. `--lang es`, `--library DIR`: the value is not a pack
            i += 2
            continue
        if token.startswith("-"):
            i += 1
            continue
        break
    if i >= len(argv):
        return argv, None, None
    token = argv[i]
    if token in commands:
        return argv, None, None
    path = Path(token)
    if path.is_file():
        if path.suffix.lower() != ".napbrief":  # `nap-desktop /etc/passwd`: said here, not in an empty window
            from nap_desktop.core.pack.packfile import PackFileError, load_pack

            try:
                load_pack(path)
            except PackFileError:
                return argv, None, f"{token}: not a NAP Briefing pack (a .napbrief file saved by the app)"
            except OSError as exc:
                return argv, None, f"{token}: cannot be read: {exc.strerror or exc}"
        return argv[:i] + argv[i + 1:], path, None
    if path.is_dir():
        return argv, None, f"{token}: a folder, not a pack file (.napbrief)"
    if token.endswith(".napbrief"):
        return argv, None, f"{token}: no such pack file"
    return argv, None, (f"unknown command or file {token!r} "
                        f"(commands: {', '.join(sorted(commands))}; or an existing .napbrief file)")


def _check_output_paths(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[Path]:
    """Refuse outputs whose name says another kind of file, whose folder does not exist (it is never
    created) or that exist and are not ordinary files (a link to /dev/null, a pipe): export and
    screenshot treat them the same way, before any work is done."""
    outputs: list[Path] = []
    if args.command == "export":
        for option, suffix in _EXPORT_SUFFIXES.items():
            target = getattr(args, option, None)
            if target is None:
                continue
            if target.suffix.lower() != suffix:
                parser.error(f"export --{option} {target}: the file name must end with {suffix}")
            outputs.append(target)
    if args.command in ("export", "brief"):
        if args.command == "brief":
            outputs += [t for t in (getattr(args, o, None) for o in ("pdf", "bundle", "pptx", "xlsx")) if t is not None]
        if getattr(args, "template", None) is not None and getattr(args, "pptx", None) is None:
            parser.error("export --template applies to the PowerPoint deck: give --pptx FILE too")
    elif args.command == "screenshot":
        if args.out.suffix.lower() != ".png":
            parser.error(f"screenshot {args.out}: the file name must end with .png")
        outputs.append(args.out)
    for target in outputs:
        problem = output_path_problem(target)
        if problem:
            parser.error(problem)
    return outputs


def _remove_stale_temps(outputs: list[Path]) -> None:
    """The temp files a killed save or export left beside its target (``.~nap-*.tmp``, over an hour old)
    are removed from the folders this command writes into."""
    from nap_desktop.core.pack.packfile import remove_stale_temps, write_target

    for folder in dict.fromkeys(write_target(t).parent for t in outputs):
        remove_stale_temps(folder if str(folder) else Path("."))


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:  # the one sub-parsers action
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _app_library_dir() -> Path:
    """The library folder the window uses when neither --library nor $NAP_LIBRARY is given (the app's
    data folder, e.g. ~/.local/share/NAP Briefing/NAP Briefing/library): the same names the app sets."""
    from PySide6.QtCore import QCoreApplication

    if not QCoreApplication.applicationName() or QCoreApplication.organizationName() != "NAP Briefing":
        QCoreApplication.setOrganizationName("NAP Briefing")
        QCoreApplication.setApplicationName("NAP Briefing")
    from nap_desktop.ui.library.library_paths import default_library_dir

    return default_library_dir()


def _settle_library(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """One library for every sub-command: its own --library, else the top-level one, else $NAP_LIBRARY, else
    the app's data folder (README). A folder the user named that does not exist is refused by the commands
    that only read it (a typo must not silently mean "no library"); import, update and library add-fact
    create it."""
    import os

    from nap_desktop.core.catalog.library import ENV_VAR

    command = args.command
    if command == "data" and args.top_library:  # never silently ignored
        parser.error("--library does not apply to data: give the library folder to check: nap-desktop data check DIR")
    if command == "screenshot":  # draws what the window would show: with the library named (never $NAP_LIBRARY)
        named = getattr(args, "library", None) or args.top_library
        if named is not None:
            folder = Path(named).expanduser()
            if not folder.is_dir():
                parser.error(f"--library {named}: the library folder does not exist")
            args.library = folder
        return
    if command in (None, "data"):
        if command is None and getattr(args, "library", None) is None:
            args.library = args.top_library
        return
    creates = command in ("import", "update") or (command == "library" and args.library_command == "add-fact")
    named, how = getattr(args, "library", None) or args.top_library, "--library"
    if not named and os.environ.get(ENV_VAR, "").strip():
        named, how = os.environ[ENV_VAR].strip(), ENV_VAR
    if named:
        folder = Path(named).expanduser()
        if folder.exists() and not folder.is_dir():
            parser.error(f"{how} {named}: not a folder")
        if not folder.exists() and not creates:
            parser.error(f"{how} {named}: the library folder does not exist")
        args.library = folder
        return
    folder = _app_library_dir()
    args.library = folder if (creates or command == "library" or folder.is_dir()) else None


#: options that name one file or one thing: given twice, argparse keeps the last and drops the first silently
_ONCE = ("--pptx", "--xlsx", "--pdf", "--bundle", "--png", "--svg", "--chart", "--template", "--id", "--sheet",
         "--category", "--series", "--value", "--title-en", "--title-es", "--unit", "--kind", "--paper")


def _refuse_repeated(parser: argparse.ArgumentParser, argv: list[str]) -> None:
    seen: dict[str, list[str]] = {}
    for k, token in enumerate(argv):
        if token == "--":
            break
        name, eq, value = token.partition("=")
        if name in _ONCE:
            seen.setdefault(name, []).append(value if eq else (argv[k + 1] if k + 1 < len(argv) else ""))
    for name, values in seen.items():
        if len(values) > 1:
            parser.error(f"{name} is given {len(values)} times ({', '.join(values)}): give it once")


def _check_paper(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Options that only shape the handout are refused without a handout to shape (never silently ignored)."""
    if args.command != "export":
        return
    handout = args.pdf is not None or args.bundle is not None
    if args.paper is not None and not handout:
        parser.error("export --paper applies to the handout: give --pdf FILE or --bundle FILE too")
    if args.talking_points and args.pdf is None:
        parser.error("export --talking-points applies to the handout: give --pdf FILE too")
    if args.chart is not None and args.png is None and args.svg is None:
        parser.error("export --chart names the chart to draw: give --png FILE or --svg FILE too")


def _no_display_problem() -> str | None:
    """Why the window cannot open here (Linux/BSD without X11 or Wayland and no QT_QPA_PLATFORM): Qt would
    abort with its own message about the "xcb" plugin. None when a display is there (or on Windows/macOS)."""
    import os

    import re

    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    how = ("  Run the app on a desktop session, or use the command line, which needs no display:\n"
           "    nap-desktop export --all --pptx deck.pptx     (see nap-desktop --help)\n"
           "  nap-desktop screenshot out.png draws the window to a PNG without one.")
    display = os.environ.get("DISPLAY", "")
    if not display:
        return "nap-desktop: there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n" + how
    local = re.match(r"^(unix)?:(\d+)(\.\d+)?$", display)
    sockets = Path("/tmp/.X11-unix")
    if local and sockets.is_dir() and not (sockets / f"X{local.group(2)}").exists():
        return (f"nap-desktop: the display {display} is not running (no X server answers there), so the window "
                "cannot open.\n" + how)
    return None


def main(argv: list[str] | None = None) -> int:
    """The command line, with an early end of the reader (`nap-desktop library list | head -2`) taken quietly:
    no BrokenPipeError traceback, whatever the command."""
    try:
        code = _main(argv)
        sys.stdout.flush()  # inside the try: a reader gone while the last lines are written
        return code
    except BrokenPipeError:
        import os

        try:  # Python flushes stdout again at exit: point it at nothing so that raises no second error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 141  # 128 + SIGPIPE, as a shell reports a command ended by a closed pipe


def _main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:  # `nap-desktop` alone opens the window: no options to parse or check (argparse, ~3 ms)
        problem = _no_display_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 2
        from nap_desktop.ui.app import run_app

        return run_app()
    opening_window = not any(a in COMMAND_NAMES or a in ("-h", "--help") for a in argv)
    parser = _parser(commands=not opening_window)
    with_value = {o for a in parser._actions if a.nargs != 0 for o in a.option_strings}
    argv, pack, error = _split_pack(argv, set(COMMAND_NAMES), with_value)
    if error:
        parser.error(error)
    _refuse_repeated(parser, argv)
    args = parser.parse_args(argv)
    # `nap-desktop --lang es screenshot …` = `nap-desktop screenshot … --lang es`
    if getattr(args, "lang", None) is None:
        args.lang = args.top_lang
    if args.command == "screenshot" and args.lang is None:
        args.lang = "en"
    _check_paper(parser, args)
    _remove_stale_temps(_check_output_paths(parser, args))
    _settle_library(parser, args)
    if args.command is None and args.smoke_test and _no_display_problem():
        import os

        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the self-test needs no screen (builds, CI)
    if args.command is None:
        problem = _no_display_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 2
    if args.command == "catalog":
        return _cmd_catalog(args)
    if args.command == "data":
        return _cmd_data_check(args)
    if args.command == "export":
        from nap_desktop.cli.export import run_export

        return run_export(args)
    if args.command == "brief":
        from nap_desktop.cli.brief import run_brief

        return run_brief(args)
    if args.command == "import":
        from nap_desktop.cli.import_table import run_import

        return run_import(args)
    if args.command == "library":
        from nap_desktop.cli.library import run_library

        return run_library(args)
    if args.command == "pack":
        from nap_desktop.cli.pack import run_pack

        return run_pack(args)
    if args.command == "update":
        from nap_desktop.cli.update import run_update

        return run_update(args)
    if args.command == "screenshot":
        from nap_desktop.ui.screenshot import run_screenshot

        return run_screenshot(args)
    from nap_desktop.ui.app import run_app

    return run_app(pack=pack, lang=args.lang, smoke_test=args.smoke_test, library=getattr(args, "library", None))


if __name__ == "__main__":
    raise SystemExit(main())
