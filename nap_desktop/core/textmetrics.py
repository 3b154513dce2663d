"""Text measured with the bundled fonts' metrics (DejaVu Sans), and the deck's type scale by role.

DejaVu Sans is wider than Arial/Liberation Sans (the template's font), so text that fits here fits
on screen and in PowerPoint. Lines are broken here, at spaces only, so a year range such as
"1994–2025" never breaks; the renderers write the lines with explicit breaks.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: role -> (size, minimum) in points on a 13.33 x 7.5 in slide. Text that does not fit at the
#: minimum is shortened (the full text goes to the speaker notes); it is never shrunk below it.
TYPE_SCALE: dict[str, tuple[float, float]] = {
    "title": (28.0, 24.0),
    "cover_title": (40.0, 32.0),
    "divider_title": (40.0, 32.0),
    "kicker": (12.0, 12.0),
    "figure": (54.0, 54.0),  # the headline figure: one size on every fact slide
    "cell_figure": (32.0, 24.0),  # a figure in a key-figures grid (three across)
    "message": (20.0, 16.0),
    "body": (16.0, 12.0),
    "chart": (12.0, 12.0),  # chart labels: data labels, ticks, legends, map tiles, timeline labels
    "source": (11.0, 10.0),
    "footer": (10.0, 10.0),
}
LINE_EM = 1.2
_SCALE = 100  # measure at 100 px and scale (advance widths are linear in size)


def role_size(role: str) -> float:
    return TYPE_SCALE[role][0]


def role_min(role: str) -> float:
    return TYPE_SCALE[role][1]


@lru_cache(maxsize=4)
def _font(bold: bool):  # noqa: ANN202 - PIL type
    from PIL import ImageFont

    from nap_desktop.paths import resources_dir

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(resources_dir() / "fonts" / name), _SCALE)


@lru_cache(maxsize=65536)
def _width_100(text: str, bold: bool) -> float:
    return float(_font(bold).getlength(text))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Advance width of one line of ``text`` at ``size`` pt, in points."""
    return _width_100(text, bold) * size / _SCALE


def _break_word(word: str, width: float, size: float, bold: bool, lines: list[str]) -> str:
    """Append to ``lines`` the pieces of ``word`` that fill ``width``; return the last piece (which fits).

    Linear in the word's length: each piece is found by a binary search over a window that is grown by
    doubling from the previous piece's length, so no measurement is longer than about twice a line (a
    100,000-character URL is broken in milliseconds, not one character at a time)."""
    n = len(word)
    start = 0
    guess = 8
    while start < n:
        if text_width(word[start:start + guess], size, bold) <= width:
            lo = guess  # fits
            if start + lo >= n:
                return word[start:]  # the rest fits
            hi = min(lo * 2, n - start)
            while text_width(word[start:start + hi], size, bold) <= width:
                if start + hi >= n:
                    return word[start:]
                lo, hi = hi, min(hi * 2, n - start)
        else:
            lo, hi = 0, guess
        # word[start:start+lo] fits (or lo == 0), word[start:start+hi] does not
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if text_width(word[start:start + mid], size, bold) <= width:
                lo = mid
            else:
                hi = mid
        cut = max(lo, 1)  # a single character wider than the box still makes progress
        lines.append(word[start:start + cut])
        start += cut
        guess = max(cut, 1)
    return lines.pop()  # the word ended on a piece of one character wider than the box: it is the line


#: Words a line never separates (the Spanish abbreviation of the United States, written with a space):
#: the space becomes a no-break space, which the renderers draw as a space.
_NO_BREAK = (("EE. UU.", "EE.\u00a0UU."),)
_SPACES = re.compile(r"[ \t\r\f\v]+")  # not str.split(): that splits at a no-break space too


def keep_together(text: str) -> str:
    """``text`` with the spaces of :data:`_NO_BREAK` made no-break spaces."""
    for plain, joined in _NO_BREAK:
        text = text.replace(plain, joined)
    return text


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap into lines no wider than ``width`` pt; hard line breaks are kept.

    A single word wider than the box (a URL) is broken by characters (:func:`_break_word`). Linear in
    the text's length: every measurement is of at most about two lines."""
    lines: list[str] = []
    for para in keep_together(text).split("\n"):
        words = [w for w in _SPACES.split(para) if w]
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            if text_width(line, size, bold) > width:
                line = _break_word(word, width, size, bold, lines)
        lines.append(line)
    return lines


def height(lines: int, size: float) -> float:
    return lines * size * LINE_EM


def fits(text: str, width: float, box_height: float, size: float, bold: bool = False) -> bool:
    return height(len(wrap(text, width, size, bold)), size) <= box_height + 0.01


def fit(text: str, width: float, box_height: float, role: str, *, bold: bool = False,
        sizes: tuple[float, ...] | None = None) -> tuple[list[str], float, bool]:
    """(lines, size, shortened): the role's size, or a smaller step down to its minimum, at which the
    text fits; otherwise the text is shortened at a word with "…" at the minimum size."""
    size, minimum = TYPE_SCALE[role]
    steps = sizes or tuple(sorted({s for s in (size, size - 2, size - 4, size - 6, size - 8, minimum)
                                   if s >= minimum}, reverse=True))
    for s in steps:
        lines = wrap(text, width, s, bold)
        if height(len(lines), s) <= box_height + 0.01:
            return lines, s, False
    s = steps[-1]
    max_lines = max(1, int((box_height + 0.01) // (s * LINE_EM)))
    lines = wrap(text, width, s, bold)[:max_lines]
    last = lines[-1]
    while last and text_width(last + " …", s, bold) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    lines[-1] = last.rstrip(",;:") + " …"
    return lines, s, True
