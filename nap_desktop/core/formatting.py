"""Numbers, money, percents and dates written the way each language writes them (en, es-MX).

Mexico writes 1,234.5 (comma thousands, point decimals), as the U.S. does; what differs is the
words: "billion" is "mil millones" and "trillion" is "billón". Every screen and export formats
through this module so a figure reads the same everywhere.
"""

from __future__ import annotations

import math
import re
from datetime import date

#: unit id -> how a value in that unit is written. ``scale`` words follow the number.
UNITS: dict[str, dict[str, str]] = {
    "usd": {"en": "USD {n}", "es": "{n} dólares", "es1": "{n} dólar"},
    "usd_mn": {"en": "USD {n} million", "es": "{n} millones de dólares", "es1": "{n} millón de dólares"},
    "usd_bn": {"en": "USD {n} billion", "es": "{n} mil millones de dólares"},
    "usd_tn": {"en": "USD {n} trillion", "es": "{n} billones de dólares", "es1": "{n} billón de dólares"},
    "cad_mn": {"en": "CAD {n} million", "es": "{n} millones de dólares canadienses",
               "es1": "{n} millón de dólares canadienses"},
    "cad_bn": {"en": "CAD {n} billion", "es": "{n} mil millones de dólares canadienses"},
    "pct": {"en": "{n}%", "es": "{n}%"},
    "pp": {"en": "{n} pp", "es": "{n} pp"},
    "count": {"en": "{n}", "es": "{n}"},
    "count_th": {"en": "{n} thousand", "es": "{n} mil"},
    "count_mn": {"en": "{n} million", "es": "{n} millones", "es1": "{n} millón"},
    "ratio": {"en": "{n}", "es": "{n}"},
    "times": {"en": "{n}×", "es": "{n} veces"},
    "index": {"en": "{n}", "es": "{n}"},
    "year": {"en": "{n}", "es": "{n}"},
    "date": {"en": "{n}", "es": "{n}"},
    "rank": {"en": "{n}", "es": "{n}.º lugar"},            # 7 -> "7th" / "7.º lugar"
    "one_in": {"en": "1 in {n}", "es": "1 de cada {n}"},   # 20 -> "1 in 20" / "1 de cada 20"
    "fraction": {"en": "{n}", "es": "{n}"},                # 0.5 -> "half" / "la mitad" (FRACTIONS)
    "pct_change": {"en": "{n}%", "es": "{n}%"},            # 39.5 -> "+39.5%": a change, always signed
    "none": {"en": "", "es": ""},
}

#: Fractions the report writes in words; a fraction fact's value is one of these.
FRACTIONS = {
    0.5: {"en": "half", "es": "la mitad"},
    0.333: {"en": "one-third", "es": "un tercio"},
    0.25: {"en": "a quarter", "es": "una cuarta parte"},
    0.667: {"en": "two-thirds", "es": "dos tercios"},
    0.75: {"en": "three-quarters", "es": "tres cuartas partes"},
}


def fraction_words(value: float, lang: str) -> str | None:
    for key, words in FRACTIONS.items():
        if abs(value - key) < 0.005:
            return words[lang]
    return None


def ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def date_from_value(value: float) -> str | None:
    """A date fact's value written as YYYYMMDD (20260701) or YYYYMM (202603) -> ISO text."""
    if not float(value).is_integer():
        return None
    digits = str(int(value))
    if len(digits) == 8:
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    if len(digits) == 6:
        return f"{digits[:4]}-{digits[4:]}"
    return None

#: Short axis/column labels for a unit ("USD billion").
UNIT_AXIS = {
    "usd": {"en": "USD", "es": "dólares"},
    "usd_mn": {"en": "USD million", "es": "millones de dólares"},
    "usd_bn": {"en": "USD billion", "es": "miles de millones de dólares"},
    "usd_tn": {"en": "USD trillion", "es": "billones de dólares"},
    "cad_mn": {"en": "CAD million", "es": "millones de dólares canadienses"},
    "cad_bn": {"en": "CAD billion", "es": "miles de millones de dólares canadienses"},
    "pct": {"en": "%", "es": "%"},
    "pp": {"en": "percentage points", "es": "puntos porcentuales"},
    "count": {"en": "number", "es": "número"},
    "count_th": {"en": "thousands", "es": "miles"},
    "count_mn": {"en": "millions", "es": "millones"},
    "ratio": {"en": "ratio", "es": "razón"},
    "times": {"en": "times", "es": "veces"},
    "index": {"en": "index", "es": "índice"},
    "year": {"en": "year", "es": "año"},
    "date": {"en": "date", "es": "fecha"},
    "rank": {"en": "rank", "es": "lugar"},
    "one_in": {"en": "1 in N", "es": "1 de cada N"},
    "fraction": {"en": "share", "es": "proporción"},
    "pct_change": {"en": "% change", "es": "variación %"},
    "none": {"en": "", "es": ""},
}

QUALIFIERS = {
    "": {"en": "{v}", "es": "{v}"},
    "about": {"en": "about {v}", "es": "alrededor de {v}"},
    "more_than": {"en": "more than {v}", "es": "más de {v}"},
    "over": {"en": "over {v}", "es": "más de {v}"},
    "nearly": {"en": "nearly {v}", "es": "casi {v}"},
    "less_than": {"en": "less than {v}", "es": "menos de {v}"},
    "up_to": {"en": "up to {v}", "es": "hasta {v}"},
    "range": {"en": "{v}", "es": "{v}"},
    "from_to": {"en": "{v}", "es": "{v}"},   # value -> value_max: "17.3% → 82.3%"
}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}

MINUS = "-"


def _check_lang(lang: str) -> str:
    if lang not in ("en", "es"):
        raise ValueError(f"unsupported language {lang!r} (expected 'en' or 'es')")
    return lang


def decimals_of(value: float) -> int:
    """How many decimals a value was written with (1.6 -> 1, 2.39 -> 2, 113000 -> 0)."""
    if value is None or math.isnan(value) or float(value).is_integer():
        return 0
    text = repr(float(value))
    if "e" in text:
        return 6
    return len(text.split(".")[1])


def format_number(value: float, lang: str = "en", *, decimals: int | None = None,
                  signed: bool = False) -> str:
    """1234.5 -> '1,234.5' in both languages; negative values carry a leading minus."""
    _check_lang(lang)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a" if lang == "en" else "n.d."
    if decimals is None:
        decimals = decimals_of(value)
    text = f"{abs(value):,.{decimals}f}"
    if float(text.replace(",", "")) == 0:
        return text  # never "-0"
    if value < 0:
        return MINUS + text
    if signed and value > 0:
        return "+" + text
    return text


def format_value(value: float | None, unit: str, lang: str = "en", *,
                 decimals: int | None = None, qualifier: str = "",
                 value_max: float | None = None, signed: bool = False) -> str:
    """A headline figure with its unit and qualifier: 'more than USD 1.6 trillion'."""
    _check_lang(lang)
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    if qualifier not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {qualifier!r}")
    if value is None:
        return ""
    if qualifier == "from_to" and value_max is not None:
        return (format_value(value, unit, lang, decimals=decimals, signed=signed) + " → "
                + format_value(value_max, unit, lang, decimals=decimals, signed=signed))
    if unit == "date" and date_from_value(value):
        return QUALIFIERS[qualifier][lang].format(v=format_date(date_from_value(value) or "", lang))
    if unit == "fraction" and fraction_words(value, lang):
        words = fraction_words(value, lang) or ""
        return QUALIFIERS[qualifier][lang].format(v=words)
    if unit == "rank" and float(value).is_integer():
        text = ordinal_en(int(value)) if lang == "en" else f"{int(value)}.º lugar"
        return QUALIFIERS[qualifier][lang].format(v=text)
    if unit == "pct_change":
        signed = True
    if unit in ("year", "date"):
        number = str(int(value)) if float(value).is_integer() else str(value)
    else:
        number = format_number(value, lang, decimals=decimals, signed=signed)
        if value_max is not None:
            number += "–" + format_number(value_max, lang, decimals=decimals)
    patterns = UNITS[unit]
    pattern = patterns[lang]
    if lang == "es" and "es1" in patterns and value_max is None and abs(value) == 1:
        pattern = patterns["es1"]
    text = pattern.format(n=number)
    return QUALIFIERS[qualifier][lang].format(v=text)


def format_axis_unit(unit: str, lang: str) -> str:
    _check_lang(lang)
    return UNIT_AXIS.get(unit, {}).get(lang, unit)


def format_date(iso: str, lang: str = "en") -> str:
    """'2026-07-01' -> 'July 1, 2026' / '1 de julio de 2026'; '2026-07' -> 'July 2026'."""
    _check_lang(lang)
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            d = date(int(parts[0]), int(parts[1]), int(parts[2]))
            month = MONTHS[lang][d.month - 1]
            return f"{month} {d.day}, {d.year}" if lang == "en" else f"{d.day} de {month} de {d.year}"
        if len(parts) == 2:
            year, month_no = int(parts[0]), int(parts[1])
            month = MONTHS[lang][month_no - 1]
            return f"{month} {year}" if lang == "en" else f"{month} de {year}"
    except (ValueError, IndexError):
        return iso
    return iso


_MONTH_ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6, "Jul": 7, "Aug": 8,
               "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}
_MONTH_ABBR_ES = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
_PERIOD_PHRASES_ES = [
    (re.compile(r"^undated$"), "sin fecha"),
    (re.compile(r"^last (\d+) years$"), r"últimos \1 años"),
    (re.compile(r"^(\d+) years ago$"), r"hace \1 años"),
    (re.compile(r"^since "), "desde "),
    (re.compile(r"^as of "), "a "),
    (re.compile(r"^by "), "a "),
    (re.compile(r"vs pre-COVID levels"), "frente a niveles previos a la COVID-19"),
    (re.compile(r"\bvs\b"), "vs."),
    (re.compile(r"(\d)Q(\d{4})"), r"\1T\2"),
    (re.compile(r"\bFY ?(\d{4})\b"), r"año fiscal \1"),
]


def format_period(period: str, lang: str = "en") -> str:
    """A fact's period as each language writes it: '2026-07-01' -> '1 de julio de 2026',
    'as of March 2025' -> 'a marzo de 2025', '3Q2025 vs 3Q2024' -> '3T2025 vs. 3T2024'."""
    _check_lang(lang)
    if not period:
        return ""
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", period):
        return format_date(period, lang)
    if lang == "en":
        return period
    text = period
    for pattern, replacement in _PERIOD_PHRASES_ES:
        text = pattern.sub(replacement, text)
    # Full month names ("March 2025" -> "marzo de 2025"), then abbreviations ("Dec 2024" -> "dic 2024").
    for number, name in enumerate(MONTHS["en"]):
        text = re.sub(rf"\b{name} (\d{{4}})\b", rf"{MONTHS['es'][number]} de \1", text)
    for abbr, number in _MONTH_ABBR.items():
        text = re.sub(rf"\b{abbr}\b", _MONTH_ABBR_ES[number - 1], text)
    return text
