"""Hostile inputs shared by the robustness tests (the audit's families, rebuilt here)."""

from __future__ import annotations

# XML-hostile text: what Word, a PDF copy, a cut emoji or a hand-edited file puts in a field.
C0 = [chr(c) for c in range(0x00, 0x20) if c not in (0x09, 0x0A)]
C1 = [chr(c) for c in range(0x7F, 0xA0)]
NONCHARS = ["\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe", "\U0001ffff", "\U0010fffe", "\U0010ffff"]
SURROGATES = ["\ud83d", "\ude00", "\udfff", "\ud800", "x\ud83dy", "\ude00\ud83d"]
OTHER = ["\u2028", "\u2029", "\u200b", "\u202e", "\ufeff", "&amp;<b>]]>", '"quoted" \'and\'', "=SUM(A1)", "+1",
         "@x", "-1", "\t\ttab", "\n\n\n", "", " ", "é" * 300, "🌎" * 300, "a" * 256, "word " * 60]
XML_HOSTILE = C0 + C1 + NONCHARS + SURROGATES + OTHER


def hostile_case(i: int, ch: str) -> str:
    """The hostile text inside ordinary words, so a test can see the words survive."""
    return f"Case {i} before{ch}after"
