"""How every renderer draws a ChartSpec: the decisions the deck, the images and the screen share.

Qt-free, so the exporters and the on-screen charts read one set of rules: colours (one North
America highlight, negatives in their own colour), which series get a legend entry, when data
labels carry the numbers instead of a value axis, tick decimals, hover values with their unit.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from nap_desktop.core.charts.spec import NEGATIVE_COLOR, NORTH_AMERICA_COLOR, PALETTE, REST_COLOR
from nap_desktop.core.formatting import format_number

if TYPE_CHECKING:
    from nap_desktop.core.charts.spec import ChartSpec, Series

__all__ = ["NEGATIVE_COLOR", "NORTH_AMERICA_COLOR", "REST_COLOR", "POSITIVE_COLOR", "SERIES_CYCLE",
           "series_colors", "legend_series", "has_values", "sign_legend", "data_labels_carry_numbers",
           "value_axis_title", "tick_decimals", "format_tick", "hover_value", "key_dates", "data_label"]

#: A single series of positive values (and the positive side of a diverging chart).
POSITIVE_COLOR = PALETTE["blue"]
#: Series colours in the order a chart without declared colours uses them (colour-blind safe).
SERIES_CYCLE = tuple(PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "sky", "purple", "grey", "yellow"))

#: Units whose formatted value carries no unit word ("113,000"): the hover adds the value axis's noun.
_BARE_UNITS = ("count", "ratio", "index", "none")


def has_values(series: Series) -> bool:
    return any(v is not None for v in series.values)


def series_colors(spec: ChartSpec) -> list[str]:
    """One colour per series, all different: a declared colour is kept unless an earlier series
    already uses it; then the next unused colour of the cycle (three series never share one grey)."""
    used: list[str] = []
    for k, s in enumerate(spec.series):
        color = (s.color or SERIES_CYCLE[k % len(SERIES_CYCLE)]).upper()
        if color in used or _family(color) in {_family(u) for u in used}:
            color = next((c.upper() for c in SERIES_CYCLE if c.upper() not in used
                          and _family(c.upper()) not in {_family(u) for u in used}), color)
        used.append(color)
    return used


#: colours a reader cannot tell apart side by side (orange #E69F00 and vermillion #D55E00 read as one)
_FAMILIES = {PALETTE["orange"].upper(): "warm", PALETTE["vermillion"].upper(): "warm"}


def _family(color: str) -> str:
    return _FAMILIES.get(color.upper(), color.upper())


def legend_series(spec: ChartSpec) -> list[int]:
    """Indices of the series a legend lists, in series order: a series with no value has no entry."""
    return [k for k, s in enumerate(spec.series) if has_values(s)]


def _text(spec: ChartSpec) -> str:
    return " ".join((spec.title_en, spec.subtitle_en, spec.y_title_en, " ".join(s.label_en for s in spec.series))).lower()


def sign_legend(spec: ChartSpec, lang: str) -> tuple[str, str] | None:
    """(positive, negative) legend labels for a single-series chart with values below zero, whose
    negative bars are drawn in NEGATIVE_COLOR: what a negative value means in this chart."""
    if len(spec.series) != 1 or not any(v is not None and v < 0 for v in spec.series[0].values):
        return None
    text = _text(spec)
    if "deficit" in text:
        return {"en": ("Adds to the deficit", "Surplus (reduces the deficit)"),
                "es": ("Suma al déficit", "Superávit (reduce el déficit)")}[lang]
    if "change" in text or "growth" in text:
        return {"en": ("Increase", "Decrease"), "es": ("Aumento", "Disminución")}[lang]
    return {"en": ("Positive value", "Negative value"), "es": ("Valor positivo", "Valor negativo")}[lang]


def data_labels_carry_numbers(spec: ChartSpec) -> bool:
    """Bars labelled with their values need no value axis (the deck's rule): a single series of up
    to 15 categories, or up to 16 bars in all. Lines keep their axis."""
    n, m = len(spec.categories), max(1, len(spec.series))
    if spec.kind in ("line", "timeline", "tilemap", "table"):
        return False
    return (m == 1 and n <= 15) or n * m <= 16


def value_axis_title(spec: ChartSpec, lang: str) -> str:
    """The value axis's title, or '' when it would repeat what the subtitle already says."""
    title = spec.y_title(lang)
    explicit = (spec.y_title_es if lang == "es" else spec.y_title_en).strip()
    if not explicit and spec.unit in _BARE_UNITS:
        return ""  # "number" beside numbers says nothing
    if not title or title.lower() in spec.subtitle(lang).lower():
        return ""
    return title


def tick_decimals(values: list[float], cap: int = 3) -> int:
    """The fewest decimals that write every tick exactly (0, 20, 40 -> 0; 0.5, 1.0, 1.5 -> 1)."""
    finite = [float(v) for v in values if v is not None and math.isfinite(v)]
    for d in range(cap + 1):
        if all(abs(round(v, d) - v) < 1e-9 * max(1.0, abs(v)) for v in finite):
            return d
    return cap


def format_tick(value: float, lang: str, decimals: int) -> str:
    return format_number(0.0 if abs(value) < 1e-12 else value, lang, decimals=decimals)


def hover_value(spec: ChartSpec, value: float | None, lang: str) -> str:
    """A value as hovering shows it: with its unit ('USD 1.6 trillion', '32.7%', '803 thousand');
    a bare count takes the noun of the chart's own value axis title ('113,000 jobs lost')."""
    text = spec.format(value, lang)
    if value is None or spec.unit not in _BARE_UNITS:
        return text
    noun = (spec.y_title_es if lang == "es" else spec.y_title_en).strip()
    if not noun:
        return text
    if spec.unit == "count" and not (len(noun) > 1 and noun[1].isupper()):
        return f"{text} {noun[0].lower()}{noun[1:]}"
    return f"{text} ({noun})"


def key_dates(spec: ChartSpec, lang: str) -> set[str]:
    """A timeline's key events: those highlighted, else the one the title names (its year and a word
    of its label in the title), drawn larger and bold in every renderer."""
    if spec.highlight:
        return set(spec.highlight)
    title = spec.title(lang).lower()
    dates = spec.extra.get("dates", {})
    found = set()
    for cat, label in zip(spec.categories, spec.category_labels(lang)):
        year = str(dates.get(cat, ""))[:4]
        words = [wd for wd in re.findall(r"\w+", label.lower()) if len(wd) >= 5]
        if year and year in title and any(wd in title for wd in words):
            found.add(cat)
    return found


def data_label(spec: ChartSpec, value: float, lang: str) -> str:
    """A value written on its bar, as the deck's data labels write it: the number with the chart's
    decimals ('338.0', '1,751,736'), percentages with '%'; the unit is in the subtitle (and hover)."""
    text = format_number(value, lang, decimals=spec.decimals)
    return text + "%" if spec.unit in ("pct", "pct_change") else text


#: unit -> (its magnitude, its family): a value of 48,491 usd_mn is 48.5 billion dollars
_UNIT_SCALE = {"count": (1.0, "count"), "count_th": (1e3, "count"), "count_mn": (1e6, "count"),
               "usd": (1.0, "USD"), "usd_th": (1e3, "USD"), "usd_mn": (1e6, "USD"), "usd_bn": (1e9, "USD"),
               "usd_tn": (1e12, "USD"), "cad": (1.0, "CAD"), "cad_mn": (1e6, "CAD"), "cad_bn": (1e9, "CAD"),
               "mxn": (1.0, "MXN"), "mxn_mn": (1e6, "MXN"), "mxn_bn": (1e9, "MXN")}
_SCALE_WORDS = {1e3: {"en": "thousands", "es": "miles"}, 1e6: {"en": "millions", "es": "millones"},
                1e9: {"en": "billions", "es": "miles de millones"}, 1e12: {"en": "trillions", "es": "billones"}}
_MONEY_WORDS = {1e3: {"en": "thousand", "es": "miles de"}, 1e6: {"en": "million", "es": "millones de"},
                1e9: {"en": "billion", "es": "miles de millones de"}, 1e12: {"en": "trillion", "es": "billones de"}}
_CURRENCY_ES = {"USD": "dólares", "CAD": "dólares canadienses", "MXN": "pesos"}


def axis_scale(spec: ChartSpec, lang: str) -> tuple[float, str]:
    """(divisor, axis title) for a value axis: ticks in thousands, millions or billions with the unit
    named once ('Vehicles, millions': 0-14, never 0-14,000,000), every renderer alike. (1, the plain
    value-axis title) when the values stay under 10,000 as they are."""
    values = [abs(v) for s in spec.series for v in s.values if v is not None]
    top = max(values, default=0.0)
    plain = value_axis_title(spec, lang)
    if top < 10_000 or spec.unit not in _UNIT_SCALE:
        return 1.0, plain
    magnitude, family = _UNIT_SCALE[spec.unit]
    real = top * magnitude
    scale = next(s for s in (1e12, 1e9, 1e6, 1e3) if real >= s or s == 1e3)
    divisor = scale / magnitude
    if divisor <= 1:
        return 1.0, plain
    if family == "count":
        word = _SCALE_WORDS[scale][lang]
        explicit = (spec.y_title_es if lang == "es" else spec.y_title_en).strip()
        title = plain if explicit and spec.unit not in ("count_th", "count_mn") else ""
        return divisor, f"{title} ({word})" if title else word[:1].upper() + word[1:]
    if lang == "es":
        return divisor, f"{_MONEY_WORDS[scale]['es'][:1].upper()}{_MONEY_WORDS[scale]['es'][1:]} " \
                        f"{_CURRENCY_ES.get(family, family)}"
    return divisor, f"{family} {_MONEY_WORDS[scale]['en']}"
