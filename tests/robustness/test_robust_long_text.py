"""Long words and long texts: wrapping is linear in the text's length, and every export caps a text at its
boundary while keeping it whole where a reader can find it (the deck's notes, the workbook's Full text sheet).

Issue 27, item 4: ``textmetrics.wrap`` broke a long word one character at a time, measuring the whole rest
of the word for each character (0.35 s for 2,000 characters, 2.3 s for 4,000; a 100,000-character word in a
source note kept an export running for ten minutes). Timing belongs to the benchmarks
(tests/benchmarks/bench_long_input.py); here the work is *counted*: the characters measured for a word of n
characters must grow like n, and the lines must be the ones the old character-by-character loop made.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nap_desktop.core import textmetrics


def _reference_wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """The old wrap (one character at a time): what the lines must still be."""
    tw = textmetrics.text_width
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if tw(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while tw(line, size, bold) > width and len(line) > 1:
                cut = len(line)
                while cut > 1 and tw(line[:cut], size, bold) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


_TEXT = st.text(alphabet="abcWMil1 .,/-:ñé—🌎\n", max_size=260)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, width=st.sampled_from([4.0, 20.0, 55.0, 120.0, 400.0]), size=st.sampled_from([10.0, 12.0, 28.0]),
       bold=st.booleans())
def test_wrap_makes_the_same_lines_as_the_character_by_character_loop(text, width, size, bold):
    import tally

    lines = textmetrics.wrap(text, width, size, bold)
    tally.case("wrap", "opened or written")
    assert lines == _reference_wrap(text, width, size, bold)
    for line in lines:  # every line fits, unless it is a single character wider than the box
        assert len(line) <= 1 or textmetrics.text_width(line, size, bold) <= width + 1e-9


_REAL_WIDTH = textmetrics._width_100.__wrapped__  # uncached: every measurement is counted


def _measured_chars(text: str, width: float, size: float, monkeypatch) -> tuple[int, list[str]]:
    measured = [0]
    real = _REAL_WIDTH

    def counting(t: str, bold: bool) -> float:
        measured[0] += len(t)
        return real(t, bold)

    monkeypatch.setattr(textmetrics, "_width_100", counting)
    lines = textmetrics.wrap(text, width, size)
    return measured[0], lines


def test_a_long_word_is_broken_with_work_linear_in_its_length(monkeypatch):
    """A 100,000-character word (a pasted URL, a hash) costs about as many measured characters per character
    as a 2,000-character one; the old loop measured about n²/2 characters (10^9 for 100,000)."""
    per_char = {}
    for n in (2_000, 100_000):
        word = ("https://example.org/" + "a1b2c3d4e5" * n)[:n]
        chars, lines = _measured_chars(word, 300.0, 12.0, monkeypatch)
        assert "".join(lines) == word and len(lines) > 1
        per_char[n] = chars / n
    assert per_char[100_000] <= 1.3 * per_char[2_000], per_char
    assert per_char[100_000] < 30, per_char  # a few lines' worth per piece, not the rest of the word


def test_a_long_paragraph_of_words_costs_linear_work(monkeypatch):
    per_char = {}
    for n in (5_000, 100_000):
        text = ("The North American trade relationship matters " * (n // 47 + 1))[:n]
        chars, lines = _measured_chars(text, 420.0, 16.0, monkeypatch)
        assert " ".join(lines).split() == text.split()
        per_char[n] = chars / n
    assert per_char[100_000] <= 1.3 * per_char[5_000], per_char
