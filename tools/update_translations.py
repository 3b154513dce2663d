"""Regenerate the interface translations from the code: pyside6-lupdate, then pyside6-lrelease.

    python tools/update_translations.py          # update resources/i18n/nap_<lang>.ts and .qm
    python tools/update_translations.py --check  # change nothing; exit 1 when either is out of date

One catalogue per language, ``resources/i18n/nap_<lang>.ts``. lupdate adds the strings new in the
code (unfinished: translate them, e.g. in Qt Linguist, then run this again), keeps every existing
translation and drops the strings the code no longer has. No locations are stored, so the .ts
changes only when the strings do. lrelease compiles it to the ``nap_<lang>.qm`` the app loads
(nap_desktop/ui/i18n.py). tests/ui/test_translations.py fails when either file is out of date.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "nap_desktop" / "ui"  # the only place Qt (and so tr()) is used
I18N = REPO / "resources" / "i18n"
LUPDATE_OPTIONS = ["-extensions", "py", "-no-obsolete", "-locations", "none", "-silent"]


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: beside this Python (a venv) or on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .) in this environment")
    return found


def catalogues() -> list[Path]:
    return sorted(I18N.glob("nap_*.ts"))


def lupdate(ts: Path) -> None:
    """Merge the code's strings into ``ts`` (in place)."""
    subprocess.run([tool("pyside6-lupdate"), *LUPDATE_OPTIONS, str(SOURCES), "-ts", str(ts)],
                   check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True, capture_output=True, text=True)


def messages(ts: Path) -> set[tuple[str, str]]:
    """Every (context, source) of ``ts``, obsolete and vanished ones included."""
    import xml.etree.ElementTree as ET

    return {(context.findtext("name") or "", message.findtext("source") or "")
            for context in ET.parse(ts).getroot().iter("context") for message in context.iter("message")}


def unfinished(ts: Path) -> list[str]:
    """The sources of ``ts`` that have no finished translation."""
    import xml.etree.ElementTree as ET

    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") is not None or not (translation.text or "").strip():
                out.append(f"{context.findtext('name')}: {message.findtext('source')}")
    return out


def check() -> list[str]:
    """What is out of date, without changing anything ([] when both files are current)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in catalogues():
            copy = Path(tmp) / ts.name
            shutil.copyfile(ts, copy)
            lupdate(copy)
            new, gone = messages(copy) - messages(ts), messages(ts) - messages(copy)
            problems += [f"{ts.name}: new in the code: {c}: {s}" for c, s in sorted(new)]
            problems += [f"{ts.name}: no longer in the code: {c}: {s}" for c, s in sorted(gone)]
            qm = Path(tmp) / ts.with_suffix(".qm").name
            lrelease(ts, qm)
            committed = ts.with_suffix(".qm")
            if not committed.exists() or committed.read_bytes() != qm.read_bytes():
                problems.append(f"{committed.relative_to(REPO)} is not the lrelease of {ts.name}")
            problems += [f"{ts.name}: unfinished: {text}" for text in unfinished(ts)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when out of date")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "translations up to date")
        return 1 if problems else 0
    for ts in catalogues():
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        todo = unfinished(ts)
        print(f"{ts.relative_to(REPO)}: {len(todo)} unfinished" + "".join(f"\n  {t}" for t in todo))
    return 0


if __name__ == "__main__":
    sys.exit(main())
