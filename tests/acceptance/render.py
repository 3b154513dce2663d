"""Render exported files (.pptx, .xlsx, .pdf) to one PNG contact sheet for a person to look at.

    from tests.acceptance.render import have_renderer, render_contact_sheet
    ok, why = have_renderer()
    if ok:
        render_contact_sheet([deck, workbook, letter, a4], Path("sheet-en.png"), title="border-economy (en)")

Each .pptx/.xlsx is converted to PDF with LibreOffice headless (a private user profile per call, so
parallel runs and root runs work; 180 s per file), every PDF page is rasterised with `pdftoppm`, and
the pages are laid out with Pillow: a header line with the title, then one labelled block per file
with its page thumbnails (common height, about six to a row). A file that cannot be converted or
rasterised shows as a red text tile with its name and the tool's message; it never stops the run.
The sheet is kept under ~12,000 px high by shrinking the thumbnails, and past a minimum size by
leaving pages out ("N more pages not shown").
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

INSTALL_HINT = "install libreoffice-impress libreoffice-calc poppler-utils"

CONVERT_TIMEOUT_S = 180
RASTER_TIMEOUT_S = 180
PER_ROW = 6
MAX_HEIGHT = 12_000
MIN_THUMB_H = 60
ERROR_MIN_W = 520
MAX_WIDTH = 8_000

MARGIN = 20
GAP = 12  # between thumbs, and between rows
FONT_TITLE = 28
FONT_FILE = 18
FONT_LABEL = 13

BG = (255, 255, 255)
INK = (20, 20, 20)
MUTED = (110, 110, 110)
FRAME = (170, 170, 170)
ERR_BG = (255, 228, 228)
ERR_INK = (180, 0, 0)

_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_OFFICE_TYPES = {".pptx", ".ppt", ".odp", ".xlsx", ".xls", ".ods", ".docx", ".doc", ".odt"}


# --------------------------------------------------------------------------------------------------
# tools


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def have_renderer() -> tuple[bool, str]:
    """(True, "") when LibreOffice (Impress and Calc) and pdftoppm are installed, else (False, why)."""
    missing: list[str] = []
    office = _soffice()
    if office is None:
        missing.append("soffice (LibreOffice)")
    else:
        # Debian-style installs split Impress and Calc into their own packages; their registry
        # files say whether they are there. Elsewhere (no such folder) trust soffice.
        registry = Path(os.path.realpath(office)).parent.parent / "share" / "registry"
        if registry.is_dir():
            for part, xcd in (("LibreOffice Impress", "impress.xcd"), ("LibreOffice Calc", "calc.xcd")):
                if not (registry / xcd).is_file():
                    missing.append(part)
    if shutil.which("pdftoppm") is None:
        missing.append("pdftoppm (poppler-utils)")
    if missing:
        return False, f"missing {', '.join(missing)}: {INSTALL_HINT}"
    return True, ""


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        proc.kill()


def _run(cmd: list[str], timeout: float, env: dict[str, str] | None = None) -> tuple[int | None, str]:
    """Run cmd in its own process group; (returncode or None on timeout, stdout+stderr)."""
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        env=env, start_new_session=True, text=True, errors="replace",
    )
    try:
        out, _ = proc.communicate(timeout=timeout)
        return proc.returncode, out or ""
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        out, _ = proc.communicate()
        return None, out or ""


def _convert_to_pdf(src: Path, outdir: Path, profile: Path) -> tuple[Path | None, str, float]:
    """LibreOffice-convert src into outdir; (pdf or None, message, seconds)."""
    office = _soffice()
    if office is None:
        return None, f"soffice not found: {INSTALL_HINT}", 0.0
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / (src.stem + ".pdf")).unlink(missing_ok=True)  # a reused workdir: no stale PDF
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["HOME"] = str(profile.parent)  # some distro wrappers write under $HOME regardless
    cmd = [
        office, f"-env:UserInstallation={profile.as_uri()}",
        "--headless", "--invisible", "--nologo", "--nodefault", "--nolockcheck", "--norestore",
        "--convert-to", "pdf", "--outdir", str(outdir), str(src),
    ]
    t0 = time.monotonic()
    rc, out = _run(cmd, CONVERT_TIMEOUT_S, env)
    took = time.monotonic() - t0
    pdf = outdir / (src.stem + ".pdf")
    # javaldx: LibreOffice looking for a Java it does not need for a conversion
    message = " ".join(line for line in out.split("\n") if "javaldx" not in line).strip()
    message = " ".join(message.split())
    if rc is None:
        return None, f"soffice timed out after {CONVERT_TIMEOUT_S} s. {message}".strip(), took
    if pdf.is_file() and pdf.stat().st_size > 0:
        return pdf, message, took
    return None, f"soffice exit {rc}: {message or 'no PDF written'}", took


def _rasterise(pdf: Path, outdir: Path, dpi: int) -> tuple[list[Path], str]:
    if shutil.which("pdftoppm") is None:
        return [], f"pdftoppm not found: {INSTALL_HINT}"
    shutil.rmtree(outdir, ignore_errors=True)  # a reused workdir: no stale pages
    outdir.mkdir(parents=True, exist_ok=True)
    rc, out = _run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(outdir / "page")], RASTER_TIMEOUT_S)
    pages = sorted(outdir.glob("page-*.png"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    if rc is None:
        return pages, f"pdftoppm timed out after {RASTER_TIMEOUT_S} s"
    if rc != 0:
        return pages, f"pdftoppm exit {rc}: {' '.join(out.split())}"
    if not pages:
        return [], "pdftoppm wrote no pages"
    return pages, ""


# --------------------------------------------------------------------------------------------------
# fonts and text


def _font(size: int, bold: bool = False) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    names = ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf"] if bold else ["DejaVuSans.ttf"]
    for name in names:
        try:
            return ImageFont.truetype(str(_FONT_DIR / name), size)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


def _text_w(font, text: str) -> float:
    return font.getlength(text) if hasattr(font, "getlength") else len(text) * 7


def _fit(font, text: str, width: float) -> str:
    """text, cut in the middle with an ellipsis, to fit width pixels."""
    if _text_w(font, text) <= width:
        return text
    keep = len(text)
    while keep > 1:
        keep -= 1
        head = text[: (keep + 1) // 2]
        tail = text[len(text) - keep // 2:] if keep // 2 else ""
        cut = head + "…" + tail
        if _text_w(font, cut) <= width:
            return cut
    return "…"


def _wrap(font, text: str, width: float) -> list[str]:
    approx = max(8, int(width / max(1.0, _text_w(font, "n"))))
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        for line in textwrap.wrap(para, approx, break_long_words=True) or [""]:
            while _text_w(font, line) > width and len(line) > 1:  # wrap() counts chars, not pixels
                cut = max(1, int(len(line) * width / _text_w(font, line)))
                lines.append(line[:cut])
                line = line[cut:]
            lines.append(line)
    return lines


# --------------------------------------------------------------------------------------------------
# the sheet


@dataclass
class _Tile:
    label: str  # the file name
    page: Path | None = None  # a page image, or None for an error tile
    size: tuple[int, int] = (0, 0)  # native pixels
    error: str = ""
    number: int = 0  # page number, 0 for a whole-file tile

    def caption(self, font, width: float) -> str:
        """'deck.pptx p3', the name shortened (then dropped) to fit width, the page number kept."""
        if not self.number:
            return _fit(font, self.label, width)
        page = f"p{self.number}"
        full = f"{self.label} {page}"
        if _text_w(font, full) <= width:
            return full
        room = width - _text_w(font, " " + page)
        name = _fit(font, self.label, room) if room > _text_w(font, "ab…yz") else ""
        return f"{name} {page}" if name else page

    def aspect(self) -> float:
        if self.page is None:
            return 1.6
        w, h = self.size
        return w / h if h else 1.0


@dataclass
class _Block:
    name: str
    note: str
    tiles: list[_Tile] = field(default_factory=list)
    shown: int = 0  # how many tiles fit on the sheet

    def hidden(self) -> int:
        return len(self.tiles) - self.shown


def _collect(src: Path, work: Path, profile: Path, dpi: int, index: int) -> _Block:
    block = _Block(src.name, "")
    here = work / f"{index:02d}-{re.sub(r'[^A-Za-z0-9._-]', '_', src.stem)}"
    try:
        if not src.is_file():
            block.tiles.append(_Tile(src.name, error=f"{src.name}: file not found ({src})"))
            return block
        suffix = src.suffix.lower()
        if suffix == ".pdf":
            pdf = src
        elif suffix in _OFFICE_TYPES:
            pdf, msg, took = _convert_to_pdf(src, here / "pdf", profile)
            block.note = f"LibreOffice {took:.1f} s"
            if pdf is None:
                block.tiles.append(_Tile(src.name, error=f"{src.name}: LibreOffice could not convert it. {msg}"))
                return block
        else:
            block.tiles.append(_Tile(src.name, error=f"{src.name}: not a .pptx, .xlsx or .pdf file"))
            return block
        pages, msg = _rasterise(pdf, here / "png", dpi)
        for n, page in enumerate(pages, 1):
            try:
                with Image.open(page) as im:
                    size = im.size
                block.tiles.append(_Tile(src.name, page, size, number=n))
            except OSError as exc:
                block.tiles.append(_Tile(src.name, error=f"{src.name} page {n}: {exc}", number=n))
        if msg:
            block.tiles.append(_Tile(src.name, error=f"{src.name}: {msg}"))
    except Exception as exc:  # noqa: BLE001 - a sheet with a red tile beats a stopped run
        block.tiles.append(_Tile(src.name, error=f"{src.name}: {type(exc).__name__}: {exc}"))
    n = sum(t.page is not None for t in block.tiles)
    block.note = ", ".join(x for x in (f"{n} page{'' if n == 1 else 's'}", block.note) if x)
    return block


def _rows(block: _Block, thumb_h: int) -> list[list[tuple[_Tile, int]]]:
    """The shown tiles of block as rows of (tile, thumb width)."""
    rows: list[list[tuple[_Tile, int]]] = []
    for i, tile in enumerate(block.tiles[: block.shown]):
        if i % PER_ROW == 0:
            rows.append([])
        width = round(thumb_h * tile.aspect())
        if tile.page is None:  # an error tile: room for a few lines of the message
            width = max(width, ERROR_MIN_W)
        rows[-1].append((tile, max(1, width)))
    return rows


def _metrics():
    title_f, file_f, label_f = _font(FONT_TITLE, bold=True), _font(FONT_FILE, bold=True), _font(FONT_LABEL)
    line = lambda f, size: (f.getbbox("Ag")[3] if hasattr(f, "getbbox") else size) + 6  # noqa: E731
    return title_f, file_f, label_f, line(title_f, FONT_TITLE), line(file_f, FONT_FILE), line(label_f, FONT_LABEL)


def _layout_height(blocks: list[_Block], thumb_h: int, title_lh: int, file_lh: int, label_lh: int) -> int:
    h = MARGIN + title_lh + GAP
    for b in blocks:
        h += file_lh + len(_rows(b, thumb_h)) * (thumb_h + label_lh + GAP)
        if b.hidden():
            h += label_lh
        h += GAP
    return h + MARGIN


def _draw_error(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], text: str, font) -> None:
    x0, y0, x1, y1 = box
    draw.rectangle(box, fill=ERR_BG, outline=ERR_INK, width=2)
    lh = (font.getbbox("Ag")[3] if hasattr(font, "getbbox") else FONT_LABEL) + 3
    lines = _wrap(font, text, x1 - x0 - 12)
    room = max(1, (y1 - y0 - 12) // lh)
    if len(lines) > room:
        lines = lines[: room - 1] + [_fit(font, lines[room - 1] + " …", x1 - x0 - 12)] if room > 1 else lines[:1]
    for i, line in enumerate(lines):
        draw.text((x0 + 6, y0 + 6 + i * lh), line, fill=ERR_INK, font=font)


def render_contact_sheet(
    files: list[Path], out_png: Path, *, title: str, workdir: Path | None = None, dpi: int = 50,
) -> Path:
    """Render files (.pptx, .xlsx, .pdf) to one PNG contact sheet at out_png and return out_png.

    workdir keeps the intermediate PDFs and page images (default: a temporary folder, removed).
    Thumbnails share one height (a 16:9 slide's native height at dpi, shrunk to keep the sheet
    under ~12,000 px); problems show as red tiles, never as exceptions.
    """
    out_png = Path(out_png)
    tmp = tempfile.TemporaryDirectory(prefix="nap-render-") if workdir is None else None
    work = Path(tmp.name) if tmp is not None else Path(workdir)
    work.mkdir(parents=True, exist_ok=True)
    # A private LibreOffice profile: a running soffice (or another run) would otherwise take the
    # conversion over, and root runs would write into /root.
    profile_root = Path(tempfile.mkdtemp(prefix="nap-lo-profile-"))
    try:
        blocks = [_collect(Path(f), work, profile_root / "profile", dpi, i) for i, f in enumerate(files, 1)]
        return _compose(blocks, out_png, title, dpi)
    finally:
        shutil.rmtree(profile_root, ignore_errors=True)
        if tmp is not None:
            tmp.cleanup()


def _compose(blocks: list[_Block], out_png: Path, title: str, dpi: int) -> Path:
    title_f, file_f, label_f, title_lh, file_lh, label_lh = _metrics()
    for b in blocks:
        b.shown = len(b.tiles)

    thumb_h = max(MIN_THUMB_H, round(7.5 * dpi))  # 13.33 x 7.5 in slide: shown at its native size
    widest = max((t.aspect() for b in blocks for t in b.tiles), default=1.6)
    # keep a row of six of the widest pages under MAX_WIDTH
    thumb_h = max(MIN_THUMB_H, min(thumb_h, int((MAX_WIDTH - 2 * MARGIN) / (PER_ROW * widest + 0.5))))
    height = lambda th: _layout_height(blocks, th, title_lh, file_lh, label_lh)  # noqa: E731
    while thumb_h > MIN_THUMB_H and height(thumb_h) > MAX_HEIGHT:
        thumb_h = max(MIN_THUMB_H, int(thumb_h * 0.95))
    while height(thumb_h) > MAX_HEIGHT:  # still too tall at the smallest size: leave pages out
        longest = max(blocks, key=lambda b: b.shown)
        if longest.shown <= 1:
            break
        longest.shown -= 1

    width = 2 * MARGIN + max(
        [round(_text_w(title_f, title))]
        + [round(_text_w(file_f, f"{b.name}  {b.note}")) for b in blocks]
        + [sum(w for _, w in row) + GAP * (len(row) - 1) for b in blocks for row in _rows(b, thumb_h)]
    )
    width = min(width, MAX_WIDTH)
    sheet = Image.new("RGB", (width, height(thumb_h)), BG)
    draw = ImageDraw.Draw(sheet)

    y = MARGIN
    draw.text((MARGIN, y), _fit(title_f, title, width - 2 * MARGIN), fill=INK, font=title_f)
    y += title_lh + GAP
    for b in blocks:
        draw.text((MARGIN, y), _fit(file_f, b.name, width - 2 * MARGIN), fill=INK, font=file_f)
        name_w = _text_w(file_f, b.name)
        if b.note and name_w + 20 < width - 2 * MARGIN:
            draw.text((MARGIN + name_w + 16, y + 3), _fit(label_f, b.note, width - 2 * MARGIN - name_w - 16),
                      fill=MUTED, font=label_f)
        y += file_lh
        for row in _rows(b, thumb_h):
            x = MARGIN
            for tile, w in row:
                box = (x, y, x + w - 1, y + thumb_h - 1)
                if tile.page is None:
                    _draw_error(draw, box, tile.error, label_f)
                else:
                    try:
                        with Image.open(tile.page) as im:
                            thumb = im.convert("RGB").resize((w, thumb_h), Image.Resampling.LANCZOS)
                        sheet.paste(thumb, (x, y))
                        draw.rectangle(box, outline=FRAME)
                    except OSError as exc:
                        _draw_error(draw, box, f"{tile.caption(label_f, 10**6)}: {exc}", label_f)
                draw.text((x, y + thumb_h + 2), tile.caption(label_f, w), fill=MUTED, font=label_f)
                x += w + GAP
            y += thumb_h + label_lh + GAP
        if b.hidden():
            draw.text((MARGIN, y), f"{b.hidden()} more pages not shown", fill=ERR_INK, font=label_f)
            y += label_lh
        y += GAP

    out_png.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(out_png, optimize=False)
    return out_png
