"""The document properties every export writes (deck, workbook, handout): who made it and what it is, in
the pack's language. The author and company are the pack's organisation ("Presented by"); the app's name
only when the pack names none. Subject and keywords are in the deck's language (a Spanish deck says
"T-MEC", "América del Norte")."""

from __future__ import annotations

from typing import Any

APP = "NAP Briefing"

SUBJECT = {"en": "Briefing: figures from The North American Project",
           "es": "Reunión informativa: cifras de The North American Project"}
KEYWORDS = {"en": ("USMCA", "North America", "trade", "Mexico", "Canada", "United States"),
            "es": ("T-MEC", "América del Norte", "comercio", "México", "Canadá", "Estados Unidos")}


def organisation(pack: Any) -> str:
    return str(getattr(pack, "organisation", "") or "").strip()


def author(pack: Any) -> str:
    """The pack's organisation, else the app's name."""
    return organisation(pack) or APP


def company(pack: Any) -> str:
    """The pack's organisation, or nothing (never the app's name: the app is not the user's company)."""
    return organisation(pack)


def subject(pack: Any, lang: str) -> str:
    lang = lang if lang in SUBJECT else "en"
    state = str(getattr(pack, "state", "") or "")
    if state:
        from nap_desktop.core.catalog.states import state_by_code

        try:
            found = state_by_code(state)
            name = found.name_es if lang == "es" else found.name_en
        except LookupError:
            name = state
        return (f"{name}: trade with Mexico and Canada" if lang == "en"
                else f"{name}: comercio con México y Canadá")
    return SUBJECT[lang]


def keywords(pack: Any, lang: str) -> str:
    lang = lang if lang in KEYWORDS else "en"
    words = list(KEYWORDS[lang])
    state = str(getattr(pack, "state", "") or "")
    if state:
        words.append(state)
    return "; ".join(words)


def language_tag(lang: str) -> str:
    return "es-MX" if lang == "es" else "en-US"
