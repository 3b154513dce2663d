"""Claims checked against their charts: what a chart's title, subtitle and message say is true of its rows.

Two rules, each reported as FILE:LINE of the key that says it:

1. **Numbers.** Every number in ``title_*``, ``subtitle_*`` or ``message_*`` is one the chart shows
   or one computed from its rows (a difference, a sum, a ratio, a share of a total, a growth rate),
   equal to it as rounded where it is written ("30%" matches 30.0 and 29.6; "0.58" matches 0.583).
   A magnitude word scales it ("USD 1.6 trillion", "11.9 million", "12,580 thousand").
   A year must be a period the chart shows ("2025" under a chart of 2013 and 2017 is a problem).
   References are not claims: "Article 34.7", "NAICS 3341", "Chapter 23", "top-5".

2. **Qualitative claims.** A chart title that claims something ("growing", "leading", "largest",
   "drives", "fell in all", "most", "nearly tied") must declare the claim so it can be checked::

       claim = { kind = "max", categories = ["atp04-information-communications"] }

   kinds: ``max`` (the named categories are the top N of each series checked, N = how many are
   named), ``rising`` / ``falling`` (each series checked ends above / below where it starts,
   optionally between ``from`` and ``to``), ``all_below`` / ``all_above`` (every value shown is
   below / above ``value``), ``majority`` (the named series add up to more than half of a share
   chart's category), ``close`` (two named categories differ by at most ``within``).
   ``series`` picks which series are checked (default: the last one for ``max``, all for the others).
"""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path
from typing import Any

#: keys whose text is checked, in the order a reader meets them
TEXT_KEYS = ("title_en", "title_es", "subtitle_en", "subtitle_es", "message_en", "message_es")
KINDS = ("max", "rising", "falling", "all_below", "all_above", "majority", "close")

#: words that make a title a claim about the rows (must be declared as ``claim``)
CLAIM_WORDS = re.compile(
    r"\b(grow\w*|rising|rise[sn]?|increas\w*|lead\w*|largest|biggest|most|drive[sn]?|driving|"
    r"fell|fall\w*|declin\w*|drop\w*|tied|majority|dominat\w*|"
    r"crec\w*|creciente|encabez\w*|lider\w*|impuls\w*|cay\w*|cae\w*|disminu\w*|empatad\w*|"
    r"mayor parte|mayoría|domin\w*)\b", re.IGNORECASE)

#: references that carry digits but state no figure
REFERENCE = re.compile(
    r"(?i)\b(?:article|artículo|art\.|chapter|capítulo|annex(?:es)?|anexos?|naics|scian|exhibit|"
    r"anexo|atp)\s*\d[\d.\-–]*[a-z]?\b|\btop-\d+\b|\bMANEMP\b")
QUARTER = re.compile(r"\b[1-4][QT](\d{4})\b")
FISCAL = re.compile(r"\bFY(\d{4})\b")
NUMBER = re.compile(r"(?<![\w.])[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\w.,])[-−]?\d+(?:\.\d+)?(?![\d])")
MAGNITUDE = [
    (re.compile(r"^\s*(?:mil millones|billion|bn)\b", re.I), 1e9),
    (re.compile(r"^\s*(?:billones|billón|trillion|tn)\b", re.I), 1e12),
    (re.compile(r"^\s*(?:millones|millón|million|mn)\b", re.I), 1e6),
    (re.compile(r"^\s*(?:thousand|mil)\b", re.I), 1e3),
]
#: what one unit of a chart's values is worth
UNIT_BASE = {"usd_bn": 1e9, "usd_mn": 1e6, "usd_tn": 1e12, "count_th": 1e3, "count_mn": 1e6, "cad_bn": 1e9, "cad_mn": 1e6}
YEAR = re.compile(r"^(19|20)\d{2}$")


def _numbers(text: str) -> list[tuple[str, float, int, float, bool, str]]:
    """(as written, value, decimals, magnitude, is_year, what follows) for every figure in a text."""
    text = REFERENCE.sub(" ", text)
    years = [m.group(1) for m in itertools.chain(QUARTER.finditer(text), FISCAL.finditer(text))]
    text = FISCAL.sub(" ", QUARTER.sub(" ", text))
    found = [(y, float(y), 0, 1.0, True, "") for y in years]
    for m in NUMBER.finditer(text):
        raw = m.group(0).replace("−", "-")
        digits = raw.lstrip("-").replace(",", "")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        value = float(raw.replace(",", ""))
        after = text[m.end():]
        magnitude = 1.0
        for pattern, factor in MAGNITUDE:
            if pattern.match(after):
                magnitude = factor
                break
        is_year = bool(YEAR.match(digits)) and "," not in raw and magnitude == 1.0 and not after.lstrip().startswith("%")
        found.append((raw, value, decimals, magnitude, is_year, after))
    return found


def shown_years(spec: Any, block: dict, dataset: Any = None) -> set[int]:
    """Every year the chart shows: in its categories, series, labels, fixed period and dates."""
    texts: list[str] = list(spec.categories) + list(spec.category_labels_en) + list(spec.category_labels_es)
    texts += [s.key for s in spec.series] + [s.label_en for s in spec.series] + [s.label_es for s in spec.series]
    where = block.get("where", {}) or {}
    texts += [str(v) for v in where.values()] if isinstance(where, dict) else []
    period_fixed = isinstance(where, dict) and "period" in where
    if dataset is not None and not period_fixed and "period" not in (block.get("x"), block.get("series_from")):
        texts += sorted({r.period for r in dataset.rows})  # a one-period dataset: that period is shown
    dates = (spec.extra or {}).get("dates", {}) if isinstance(spec.extra, dict) else {}
    texts += [str(v) for v in dates.values()] if isinstance(dates, dict) else []
    years = {int(y) for t in texts for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", t)}
    if spec.kind == "timeline" or spec.unit == "year":
        years |= {int(v) for s in spec.series for v in s.values if v is not None and float(v).is_integer()}
    return years


#: how a derived figure is written: a ratio as "2.5 times", a growth rate or share with "%"
RATIO_WORD = re.compile(r"^\s*(?:times|veces|×|x\b|-fold)", re.I)
PERCENT_SIGN = re.compile(r"^\s*(?:%|per ?cent|por ciento)", re.I)
#: units whose values are already shares or ratios: no growth rates or shares of them
RELATIVE_UNITS = {"pct", "ratio", "pp"}


def _pair_figures(values: list[float], over_time: bool, relative: bool) -> dict[str, list[float]]:
    """Differences and ratios between two values; sums and shares only across categories (two years
    of a series are never added up); growth rates and shares only of levels, not of percentages."""
    out: dict[str, list[float]] = {"plain": [], "ratio": [], "percent": []}
    for a, b in itertools.permutations(values, 2):
        out["plain"].append(a - b)
        if not over_time:
            out["plain"].append(a + b)
        if b and abs(a) >= abs(b):
            out["ratio"].append(a / b)
        if b and not relative:
            out["percent"] += [(a / b - 1) * 100, a / b * 100]
    if not over_time:
        total = sum(values)
        out["plain"].append(total)
        if total and not relative:
            out["percent"] += [v / total * 100 for v in values]
    return out


def candidates(spec: Any, block: dict | None = None) -> dict[str, list[float]]:
    """The figures a chart shows or computes from its rows (in the chart's own unit), by how they
    may be written: ``plain`` (values, differences, sums), ``ratio`` ("2.5 times"), ``percent``
    (growth rates and shares of a total, written with "%")."""
    block = block or {}
    along_categories_is_time = block.get("x") == "period"
    along_series_is_time = block.get("series_from") == "period"
    relative = spec.unit in RELATIVE_UNITS
    series = [[v for v in s.values if v is not None] for s in spec.series]
    by_category = [[s.values[i] for s in spec.series if i < len(s.values) and s.values[i] is not None]
                   for i in range(len(spec.categories))]
    out: dict[str, list[float]] = {"plain": [v for vs in series for v in vs], "ratio": [], "percent": []}
    groups = [(g, along_categories_is_time) for g in series if len(g) <= 60]
    groups += [(g, along_series_is_time) for g in by_category]
    for group, over_time in groups:
        for kind, figures in _pair_figures(group, over_time, relative).items():
            out[kind] += figures
    return {kind: figures + [abs(v) for v in figures] for kind, figures in out.items()}


def _matches(value: float, decimals: int, magnitude: float, figures: list[float], base: float) -> bool:
    tolerance = 0.5 * 10 ** (-decimals) + 1e-9
    for f in figures:
        if not math.isfinite(f):
            continue
        if magnitude == 1.0 and abs(f - value) <= tolerance:  # as the chart writes it
            return True
        if magnitude != 1.0 and abs(f * base - value * magnitude) <= tolerance * magnitude:  # "USD 1.6 trillion"
            return True
        if magnitude == 1.0 and base != 1.0 and abs(f * base - value) <= tolerance:  # "113,000 jobs"
            return True
    return False


def number_problems(spec: Any, block: dict, texts: dict[str, str], dataset: Any = None) -> list[tuple[str, str]]:
    """(key, message) for every figure in the chart's texts that its rows do not give."""
    figures = candidates(spec, block)
    years = shown_years(spec, block, dataset)
    base = UNIT_BASE.get(spec.unit, 1.0)
    problems = []
    for key, text in texts.items():
        for raw, value, decimals, magnitude, is_year, after in _numbers(text):
            if is_year:
                if int(value) not in years:
                    span = f"{min(years)}–{max(years)}" if years else "no year"
                    problems.append((key, f"{key} names {raw}, a year the chart does not show (it shows {span})"))
                continue
            usable = list(figures["plain"])
            if RATIO_WORD.match(after):
                usable += figures["ratio"]
            if PERCENT_SIGN.match(after):
                usable += figures["percent"]
            if not _matches(value, decimals, magnitude, usable, base):
                problems.append((key, f"{key} says {raw!r}, a number the chart neither shows nor computes "
                                      "from its rows (value, difference, sum, ratio, share or growth)"))
    return problems


# --- qualitative claims -----------------------------------------------------------------------
def _series_lists(spec: Any, along: str) -> list[tuple[str, list[tuple[str, float | None]]]]:
    """Each line the claim is about, as (name, [(point, value)…]) in display order."""
    if along == "series":  # each category across the series (series_from = period)
        return [(c, [(s.key, s.values[i]) for s in spec.series]) for i, c in enumerate(spec.categories)]
    return [(s.key, list(zip(spec.categories, s.values))) for s in spec.series]


def claim_problem(spec: Any, block: dict, claim: Any) -> str | None:
    """Why a declared claim is not true of the rows shown (None when it holds)."""
    if not isinstance(claim, dict) or claim.get("kind") not in KINDS:
        return f"claim must be a table with kind one of {', '.join(KINDS)}"
    kind = claim["kind"]
    keys = [s.key for s in spec.series]
    picked = claim.get("series")
    if isinstance(picked, str):
        picked = keys if picked == "all" else [picked]
    label = dict(zip(spec.categories, spec.category_labels_en))
    if kind in ("max", "close", "majority", "all_below", "all_above"):
        wanted = picked or (keys[-1:] if kind == "max" else keys)
        unknown = [k for k in wanted if k not in keys]
        if unknown:
            return f"claim names series {unknown[0]!r}, which the chart does not show"
        columns = {s.key: dict(zip(spec.categories, s.values)) for s in spec.series}
    if kind == "max":
        named = claim.get("categories") or [claim.get("category")]
        if any(c not in spec.categories for c in named):
            return f"claim names category {next(c for c in named if c not in spec.categories)!r}, not in the chart"
        for key in wanted:
            ranked = sorted(((v, c) for c, v in columns[key].items() if v is not None), reverse=True)
            top = {c for _, c in ranked[:len(named)]}
            if top != set(named):
                beat = next(c for _, c in ranked if c not in named)
                low = min((columns[key][c] for c in named if columns[key][c] is not None), default=None)
                return (f"claim 'max' is false in {key}: {label.get(beat, beat)} ({columns[key][beat]:g}) "
                        f"is above {', '.join(label.get(c, c) for c in named)} (lowest {low:g})")
        return None
    if kind in ("all_below", "all_above"):
        limit = float(claim.get("value", 0))
        for key in wanted:
            for c, v in columns[key].items():
                if v is not None and (v >= limit if kind == "all_below" else v <= limit):
                    return f"claim '{kind}' {limit:g} is false: {label.get(c, c)} is {v:g} in {key}"
        return None
    if kind == "majority":
        cat = claim.get("category")
        if cat not in spec.categories:
            return f"claim names category {cat!r}, not in the chart"
        total = sum(columns[k][cat] or 0 for k in wanted)
        whole = float(claim.get("of", 100))
        if total <= whole / 2:
            return f"claim 'majority' is false: {', '.join(wanted)} add up to {total:g} of {whole:g} in {label.get(cat, cat)}"
        return None
    if kind == "close":
        named = claim.get("categories", [])
        if len(named) != 2 or any(c not in spec.categories for c in named):
            return "claim 'close' needs two categories the chart shows"
        within = float(claim.get("within", 2))
        for key in wanted:
            a, b = (columns[key][c] for c in named)
            if a is None or b is None or abs(a - b) > within:
                return f"claim 'close' is false in {key}: {a} and {b} differ by more than {within:g}"
        return None
    # rising / falling
    along = claim.get("along") or ("series" if block.get("series_from") == "period" else "categories")
    lines = _series_lists(spec, along)
    if picked:
        lines = [ln for ln in lines if ln[0] in picked]
        if not lines:
            return f"claim names {picked!r}, which the chart does not show"
    start, end = claim.get("from"), claim.get("to")
    for name, points in lines:
        keys_order = [p for p, _ in points]
        if start is not None or end is not None:
            if (start is not None and start not in keys_order) or (end is not None and end not in keys_order):
                return f"claim '{kind}' names a period the chart does not show ({start!r} to {end!r})"
            lo = keys_order.index(start) if start is not None else 0
            hi = keys_order.index(end) if end is not None else len(points) - 1
            points = points[lo:hi + 1]
        shown = [(p, v) for p, v in points if v is not None]
        if len(shown) < 2:
            return f"claim '{kind}' needs two values of {name} to compare"
        (p0, first), (p1, last) = shown[0], shown[-1]
        if (last <= first) if kind == "rising" else (last >= first):
            verb = "does not rise" if kind == "rising" else "does not fall"
            return f"claim '{kind}' is false: {label.get(name, name)} {verb} ({p0}: {first:g}, {p1}: {last:g})"
    return None


# --- the data-check hook ------------------------------------------------------------------------
def check_chart_claims(loader: Any, catalog: Any) -> None:
    """Run both rules over every chart of a data folder; each problem at the line of the key that says it."""
    from nap_desktop.core.catalog.files import _TomlFile

    root = Path(loader.root)
    for path in sorted((root / "charts").glob("*.toml")):
        f = _TomlFile(path, root, [])  # parse problems are reported by the chart loader already
        if f.data is None:
            continue
        for block, line in f.blocks("chart", []):
            spec = catalog.charts.get(block.get("id"))
            if spec is None:
                continue
            texts = {k: block[k] for k in TEXT_KEYS if isinstance(block.get(k), str)}
            if not getattr(loader, "namespace", None):  # bundled charts carry their own takeaway
                for key in ("message_en", "message_es"):
                    if not texts.get(key, "").strip():
                        lang = "Spanish" if key.endswith("_es") else "English"
                        loader.problem(f.name, f.key_line(line, key) if key in block else line,
                                       f"chart {spec.id}: missing {lang} message ({key}: the chart's own takeaway)")
            for key, message in number_problems(spec, block, texts, catalog.datasets.get(spec.dataset)):
                loader.problem(f.name, f.key_line(line, key), f"chart {spec.id}: {message}")
            claim = block.get("claim")
            if claim is not None:
                why = claim_problem(spec, block, claim)
                if why:
                    loader.problem(f.name, f.key_line(line, "claim"), f"chart {spec.id}: {why}")
            else:
                for key in ("title_en", "title_es"):
                    word = CLAIM_WORDS.search(texts.get(key, ""))
                    if word:
                        loader.problem(f.name, f.key_line(line, key),
                                       f"chart {spec.id}: {key} claims {word.group(0)!r} of its rows; declare it "
                                       "(claim = { kind = \"max\" | \"rising\" | \"falling\" | \"all_below\" | "
                                       "\"majority\" | \"close\", … }) so data check can verify it")
                        break
