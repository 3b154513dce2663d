"""Smoke test of the standalone build: runs the frozen app from its folder with no Python on PATH.

    python packaging/smoke_test.py [DIST] [--exe NAME]

DIST is the build's folder (default dist/nap-briefing); --exe the program in it to run (default
nap-briefing, nap-desktop.exe on Windows). The build environment needs python-pptx, openpyxl, Pillow and
pypdf (`pip install ".[build]"`): a check that cannot run is a failure, never a skip.

Each command runs in a clean environment (like `env -i`): PATH is an empty folder, HOME a temporary
one, QT_QPA_PLATFORM=offscreen. The files it writes are then opened with python-pptx, openpyxl and
Pillow from the *build* environment (not the app's) to prove they are valid. The screenshot is also
taken with fontconfig seeing no fonts at all, and compared with the normal one: the app must draw
with its bundled fonts, so the two must match.

Exit 0 when every step passes; prints one line per step with its exit code and duration.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = 180


def _absent(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is None


class Smoke:
    def __init__(self, app: Path, work: Path):
        self.app = app
        self.work = work
        self.failures: list[str] = []
        empty_bin = work / "empty-path"
        empty_bin.mkdir()
        (work / "home").mkdir()
        self.env = {
            "PATH": str(empty_bin),
            "HOME": str(work / "home"),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_RUNTIME_DIR": str(work / "home"),
        }
        no_fonts = work / "no-fonts.conf"
        no_fonts.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                            f"<fontconfig><cachedir>{work / 'fc-cache'}</cachedir></fontconfig>\n")
        self.no_fonts_conf = no_fonts

    def check(self, ok: bool, what: str) -> bool:
        if not ok:
            self.failures.append(what)
            print(f"    FAIL: {what}", flush=True)
        return ok

    def run(self, label: str, args: list[str], *, env_extra: dict[str, str] | None = None,
            capture: bool = False) -> subprocess.CompletedProcess[str] | None:
        env = dict(self.env, **(env_extra or {}))
        start = time.perf_counter()
        try:
            proc = subprocess.run([str(self.app), *args], env=env, cwd=self.work, text=True,
                                  encoding="utf-8", errors="replace",
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            print(f"[{label}] nap-briefing {' '.join(args)} -> TIMEOUT after {TIMEOUT} s", flush=True)
            self.failures.append(f"{label}: timeout")
            return None
        took = time.perf_counter() - start
        print(f"[{label}] nap-briefing {' '.join(args)} -> exit {proc.returncode} in {took:.2f} s", flush=True)
        if proc.returncode != 0:
            self.failures.append(f"{label}: exit {proc.returncode}")
            tail = (proc.stderr or "").strip().splitlines()[-15:]
            for line in tail:
                print(f"    stderr: {line}")
            return None
        noisy = [l for l in (proc.stderr or "").splitlines() if l.strip()]
        if noisy:
            print(f"    stderr ({len(noisy)} lines), first: {noisy[0][:160]}")
        return proc


def png_summary(path: Path) -> tuple[int, int, int]:
    """(width, height, number of distinct colours): a blank or unreadable PNG fails here."""
    from PIL import Image

    with Image.open(path) as img:
        img.load()
        colours = img.convert("RGB").getcolors(maxcolors=1 << 20)
        return img.width, img.height, len(colours) if colours is not None else 1 << 20


def png_difference(a: Path, b: Path) -> float:
    """Share of pixels that differ between two PNGs of the same size (1.0 if sizes differ)."""
    from PIL import Image, ImageChops

    with Image.open(a) as ia, Image.open(b) as ib:
        if ia.size != ib.size:
            return 1.0
        diff = ImageChops.difference(ia.convert("RGB"), ib.convert("RGB")).convert("L")
        changed = sum(diff.histogram()[1:])
        return changed / (ia.width * ia.height)


#: how this script is run, in its usage line and messages
PROG = "python packaging/smoke_test.py"


def _build_command() -> str:
    if sys.platform == "win32":
        return r"packaging\windows\build.ps1"
    if sys.platform == "darwin":
        return "packaging/macos/build.sh"
    return "packaging/build.sh"


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog=PROG, description="Smoke test of the standalone build.")
    parser.add_argument("dist", nargs="?", type=Path, default=REPO / "dist" / "nap-briefing",
                        help="the build's folder (default: dist/nap-briefing)")
    # the program to run: nap-desktop.exe on Windows (the console one), else nap-briefing
    parser.add_argument("--exe", default=None, metavar="NAME", help="the program in DIST to run")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    missing = [m for m in ("pptx", "openpyxl", "PIL", "pypdf") if _absent(m)]
    if missing:
        print(f"smoke test: the build environment lacks {', '.join(missing)}, needed to check the app's files; "
              f"pip install \".[build]\" (nothing was tested)", file=sys.stderr)
        return 2
    dist, name = args.dist, args.exe
    exe = dist / (name or ("nap-desktop.exe" if os.name == "nt" else "nap-briefing"))
    if not exe.is_file():
        print(f"smoke test: no built app at {exe}; run {_build_command()} first", file=sys.stderr)
        return 2
    print(f"smoke test of {exe}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="nap-smoke-") as tmp:
        s = Smoke(exe.resolve(), Path(tmp))
        s.check(shutil.which("python3", path=s.env["PATH"]) is None
                and shutil.which("python", path=s.env["PATH"]) is None, "python is reachable on PATH")
        print(f"    environment: {json.dumps(s.env)}")

        proc = s.run("version", ["--version"])
        if proc is not None:
            __version__ = re.search(r'__version__ = "([^"]+)"',
                                    (REPO / "nap_desktop" / "__init__.py").read_text("utf-8")).group(1)
            s.check(__version__ in proc.stdout, f"--version prints {proc.stdout.strip()!r}, not {__version__}")
            print(f"    {proc.stdout.strip()}")

        proc = s.run("catalog", ["catalog", "--json"])
        if proc is not None:
            try:
                data = json.loads(proc.stdout)
            except json.JSONDecodeError as exc:
                s.check(False, f"catalog --json is not JSON: {exc}")
            else:
                facts = data.get("facts", [])
                s.check(bool(facts), "catalog --json lists no facts")
                s.check(all(f.get("sources") for f in facts), "a fact without sources in catalog --json")
                print(f"    {len(facts)} facts, {len(data.get('charts', []))} charts, "
                      f"{len(data.get('datasets', []))} datasets, {len(data.get('sources', []))} sources")

        pptx_path, xlsx_path = s.work / "all.pptx", s.work / "all.xlsx"
        proc = s.run("export", ["export", "--all", "--pptx", str(pptx_path), "--xlsx", str(xlsx_path)])
        if proc is not None:
            try:
                from pptx import Presentation

                deck = Presentation(str(pptx_path))
                slides = len(deck.slides)
                charts = sum(1 for sl in deck.slides for sh in sl.shapes if getattr(sh, "has_chart", False))
                s.check(slides > 0, "the deck has no slides")
                print(f"    {pptx_path.name}: {pptx_path.stat().st_size / 1024:.0f} KB, {slides} slides, "
                      f"{charts} native charts (opened with python-pptx)")
            except Exception as exc:  # noqa: BLE001 - any failure to open is the finding
                s.check(False, f"python-pptx cannot open the deck: {exc!r}")
            try:
                from openpyxl import load_workbook

                wb = load_workbook(xlsx_path)
                sheets = wb.sheetnames
                charts = sum(len(ws._charts) for ws in wb.worksheets)
                cells = sum(1 for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None)
                s.check(bool(sheets) and cells > 0, "the workbook is empty")
                print(f"    {xlsx_path.name}: {xlsx_path.stat().st_size / 1024:.0f} KB, {len(sheets)} sheets, "
                      f"{cells} filled cells, {charts} charts (opened with openpyxl)")
            except Exception as exc:  # noqa: BLE001
                s.check(False, f"openpyxl cannot open the workbook: {exc!r}")

        pdf_path, bundle_path = s.work / "autos-es.pdf", s.work / "autos-es.zip"
        proc = s.run("handout + bundle", ["export", "--section", "autos", "--lang", "es", "--pdf", str(pdf_path),
                                          "--paper", "a4", "--bundle", str(bundle_path)])
        if proc is not None:
            head = pdf_path.read_bytes()[:5] if pdf_path.is_file() else b""
            s.check(head == b"%PDF-", "the handout is not a PDF")
            try:
                import hashlib
                import zipfile

                with zipfile.ZipFile(bundle_path) as zf:
                    manifest = json.loads(zf.read("manifest.json"))
                    bad = [f["name"] for f in manifest["files"]
                           if hashlib.sha256(zf.read(f["name"])).hexdigest() != f["sha256"]]
                s.check(not bad, f"bundle members whose SHA-256 differs from the manifest: {bad}")
                from pypdf import PdfReader  # checked at the start: a missing pypdf is a failure, not a skip

                text = "".join(page.extract_text() for page in PdfReader(str(pdf_path)).pages)
                s.check("Fuentes" in text, "the Spanish handout has no 'Fuentes' list")
                pages = len(PdfReader(str(pdf_path)).pages)
                print(f"    {pdf_path.name}: {pdf_path.stat().st_size / 1024:.0f} KB, {pages} page(s); "
                      f"{bundle_path.name}: {len(manifest['files'])} files, hashes match the manifest")
            except Exception as exc:  # noqa: BLE001
                s.check(False, f"the bundle cannot be read: {exc!r}")

        shot = s.work / "cards.png"
        proc = s.run("screenshot", ["screenshot", str(shot)])
        if proc is not None and s.check(shot.is_file(), "screenshot wrote no PNG"):
            w, h, colours = png_summary(shot)
            s.check(colours > 16, f"the screenshot looks blank ({colours} colours)")
            print(f"    {shot.name}: {w}x{h}, {colours} colours")

        bare = s.work / "cards-no-system-fonts.png"
        proc = s.run("screenshot, no system fonts", ["screenshot", str(bare)],
                     env_extra={"FONTCONFIG_FILE": str(s.no_fonts_conf)})
        if proc is not None and shot.is_file() and s.check(bare.is_file(), "screenshot wrote no PNG"):
            changed = png_difference(shot, bare)
            # Same bundled fonts either way: only anti-aliasing noise may differ.
            s.check(changed < 0.005, f"{changed:.2%} of the pixels change when no system fonts are installed")
            print(f"    identical to the normal screenshot except {changed:.3%} of pixels")

        proc = s.run("app self-test", ["--smoke-test"])
        print(f"smoke test: {'PASSED' if not s.failures else 'FAILED: ' + '; '.join(s.failures)} "
              f"in {time.perf_counter() - started:.1f} s")
        return 0 if not s.failures else 1


if __name__ == "__main__":
    sys.exit(main())
