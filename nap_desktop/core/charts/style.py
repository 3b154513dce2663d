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
        if color in used:
            color = next((c.upper() for c in SERIES_CYCLE if c.upper() not in used), color)
        used.append(color)
    return used


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
