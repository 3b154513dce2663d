"""Charts follow updated rows: rebuilt from their declaration, their message's numbers recomputed,
their title's claim checked again (Qt-free).

A chart message quotes figures the chart shows or computes ("Mexico bought USD 338.0 billion …",
"Mexico's TDR was 0.58"); data check proves each one against the rows (claims.py). When an update
changes the rows, each number is traced to what it was (a value, or the difference, sum, ratio,
growth or share of two values, or a total) and written again from the new rows with the same
decimals and style. A number that cannot be traced to one figure, and a title or claim the new rows
contradict, are flagged: the review lists them, and the chart shows its dataset's title instead of a
title that is no longer true (its notes say why), never a false one.

    follow_chart(old, new, block, dataset, lang texts) -> ChartFollow
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field, replace
from typing import Any

from nap_desktop.core.catalog import claims

MESSAGE_KEYS = ("message_en", "message_es", "subtitle_en", "subtitle_es")


@dataclass
class ChartFollow:
    spec: Any                 # the rebuilt spec, texts rewritten / neutral title where needed
    changed_values: int = 0   # cells whose value changed
    new_cells: int = 0        # categories or series the old chart did not have
    rewritten: dict[str, tuple[str, str]] = field(default_factory=dict)   # key -> (old text, new text)
    flags: list[tuple[str, str]] = field(default_factory=list)            # (key, English reason)
    flags_es: list[tuple[str, str]] = field(default_factory=list)         # the same, in Spanish
    dropped: dict[str, str] = field(default_factory=dict)                 # message key -> the text not shown


def _recipes(spec: Any, block: dict) -> list[tuple[tuple, float, str]]:
    """(recipe, value, how it may be written) for every figure claims.candidates would give."""
    along_categories_is_time = block.get("x") == "period"
    along_series_is_time = block.get("series_from") == "period"
    relative = spec.unit in claims.RELATIVE_UNITS
    out: list[tuple[tuple, float, str]] = []
    cells = {}
    for si, s in enumerate(spec.series):
        for ci, v in enumerate(s.values):
            if v is not None:
                cells[(si, ci)] = v
                out.append((("v", s.key, spec.categories[ci]), v, "plain"))
    groups = []
    for si, s in enumerate(spec.series):
        members = [(("v", s.key, spec.categories[ci]), v) for ci, v in enumerate(s.values) if v is not None]
        if len(members) <= 60:
            groups.append((members, along_categories_is_time))
    for ci, cat in enumerate(spec.categories):
        members = [(("v", s.key, cat), s.values[ci]) for s in spec.series
                   if ci < len(s.values) and s.values[ci] is not None]
        groups.append((members, along_series_is_time))
    for members, over_time in groups:
        for (ra, a), (rb, b) in itertools.permutations(members, 2):
            out.append((("diff", ra, rb), a - b, "plain"))
            if not over_time:
                out.append((("sum", ra, rb), a + b, "plain"))
            if b and abs(a) >= abs(b):
                out.append((("ratio", ra, rb), a / b, "ratio"))
            if b and not relative:
                out.append((("growth", ra, rb), (a / b - 1) * 100, "percent"))
                out.append((("pct_of", ra, rb), a / b * 100, "percent"))
        if not over_time and members:
            refs = tuple(r for r, _ in members)
            total = sum(v for _, v in members)
            out.append((("total", refs), total, "plain"))
            if total and not relative:
                for r, v in members:
                    out.append((("share", r, refs), v / total * 100, "percent"))
    return out


def _evaluate(recipe: tuple, values: dict[tuple, float]) -> float | None:
    kind = recipe[0]
    try:
        if kind == "v":
            return values.get(recipe)
        if kind in ("diff", "sum", "ratio", "growth", "pct_of"):
            a, b = values.get(recipe[1]), values.get(recipe[2])
            if a is None or b is None:
                return None
            return {"diff": lambda: a - b, "sum": lambda: a + b, "ratio": lambda: a / b,
                    "growth": lambda: (a / b - 1) * 100, "pct_of": lambda: a / b * 100}[kind]()
        if kind == "total":
            parts = [values.get(r) for r in recipe[1]]
            return None if any(p is None for p in parts) else sum(parts)  # type: ignore[arg-type]
        if kind == "share":
            parts = [values.get(r) for r in recipe[2]]
            if any(p is None for p in parts) or values.get(recipe[1]) is None:
                return None
            return values[recipe[1]] / sum(parts) * 100  # type: ignore[arg-type]
    except ZeroDivisionError:
        return None
    return None


def _cell_values(spec: Any) -> dict[tuple, float]:
    return {("v", s.key, spec.categories[ci]): v for s in spec.series for ci, v in enumerate(s.values)
            if v is not None and ci < len(spec.categories)}


def _format_like(raw: str, value: float, decimals: int) -> str:
    """``value`` written as ``raw`` was: thousands separators only where it had them, its minus sign."""
    text = f"{abs(value):,.{decimals}f}" if "," in raw else f"{abs(value):.{decimals}f}"
    if value < 0:
        return ("−" if "−" in raw else "-") + text
    return text


def _spans(text: str) -> list[tuple[int, int]]:
    """Where references sit (Article 34.7, NAICS 3341 …): numbers inside them are not figures."""
    return [m.span() for m in claims.REFERENCE.finditer(text)] + [m.span() for m in claims.QUARTER.finditer(text)] + \
        [m.span() for m in claims.FISCAL.finditer(text)]


def rewrite_numbers(old: Any, new: Any, block: dict, text: str) -> tuple[str, list[str]]:
    """``text`` with each figure it quotes from ``old`` written again from ``new``; and the figures
    that could not be traced to one figure of the chart (English reasons)."""
    recipes = _recipes(old, block)
    new_values = _cell_values(new)
    base = claims.UNIT_BASE.get(old.unit, 1.0)
    refs = _spans(text)
    out, last, problems = [], 0, []
    for m in claims.NUMBER.finditer(text):
        start, end = m.span()
        if any(a <= start < b for a, b in refs):
            continue
        raw = m.group(0)
        digits = raw.lstrip("-−").replace(",", "")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        value = float(raw.replace("−", "-").replace(",", ""))
        after = text[end:]
        magnitude = 1.0
        for pattern, factor in claims.MAGNITUDE:
            if pattern.match(after):
                magnitude = factor
                break
        if claims.YEAR.match(digits) and "," not in raw and magnitude == 1.0 and not after.lstrip().startswith("%"):
            continue  # a year: not a figure
        ways = {"plain"}
        if claims.RATIO_WORD.match(after):
            ways.add("ratio")
        if claims.PERCENT_SIGN.match(after):
            ways.add("percent")
        tol = 0.5 * 10 ** (-decimals) + 1e-9

        def written(f: float, value: float = value, magnitude: float = magnitude, tol: float = tol) -> float | None:
            if magnitude == 1.0 and abs(f - value) <= tol:
                return 1.0
            if magnitude != 1.0 and abs(f * base - value * magnitude) <= tol * magnitude:
                return base / magnitude
            if magnitude == 1.0 and base != 1.0 and abs(f * base - value) <= tol:
                return base
            return None

        hits: list[tuple[int, tuple, float]] = []
        for recipe, f, how in recipes:
            if how not in ways or not math.isfinite(f):
                continue
            for sign in (1, -1):
                scale = written(sign * f)
                if scale is not None:
                    hits.append((0 if recipe[0] == "v" else 1, recipe, sign * scale))
                    break
        if not hits:
            continue
        best = min(h[0] for h in hits)
        results = []
        for rank, recipe, scale in hits:
            if rank == best:
                got = _evaluate(recipe, new_values)
                results.append(None if got is None else round(got * scale, decimals))
        known = {r for r in results if r is not None}
        old_value = round(value, decimals)
        if None in results or len(known) != 1:
            if known != {old_value}:
                problems.append(f"{raw!r} cannot be traced to one figure of the updated chart")
            continue
        new_value = known.pop()
        if new_value == old_value:
            continue
        out.append(text[last:start])
        out.append(_format_like(raw, new_value, decimals))
        last = end
    out.append(text[last:])
    return "".join(out), problems


def follow_chart(old: Any, new: Any, block: dict, dataset: Any, dataset_title: dict[str, str]) -> ChartFollow:
    """The rebuilt ``new`` spec with its texts made true of its rows (or flagged)."""
    result = ChartFollow(spec=new)
    old_cells = _cell_values(old)
    new_cells = _cell_values(new)
    result.changed_values = sum(1 for k, v in new_cells.items() if k in old_cells and old_cells[k] != v)
    result.new_cells = sum(1 for k in new_cells if k not in old_cells)
    if not result.changed_values and not result.new_cells and len(new_cells) == len(old_cells):
        return result
    texts = {k: getattr(old, k) for k in MESSAGE_KEYS if getattr(old, k, "")}
    changes: dict[str, Any] = {}
    for key, text in texts.items():
        rewritten, problems = rewrite_numbers(old, new, block, text)
        if rewritten != text:
            result.rewritten[key] = (text, rewritten)
            changes[key] = rewritten
        for p in problems:
            result.flags.append((key, f"{key}: {p}"))
            raw = p.split("'")[1] if p.count("'") >= 2 else ""
            result.flags_es.append((key, f"{key}: «{raw}» no corresponde a una sola cifra de la gráfica actualizada"))
    spec = replace(new, **changes) if changes else new
    # what data check would say of the new texts and the declared claim
    final = {k: getattr(spec, k) for k in claims.TEXT_KEYS if getattr(spec, k, "")}
    for key, message in claims.number_problems(spec, block, final, dataset):
        if not any(f[0] == key for f in result.flags):
            result.flags.append((key, message))
            result.flags_es.append((key, f"{key}: una cifra del texto no es de las filas actualizadas ({message})"))
    title_false = [f for f in result.flags if f[0].startswith("title")]
    claim = block.get("claim")
    if claim is not None:
        why = claims.claim_problem(spec, block, claim)
        if why:
            result.flags.append(("title_en", f"the title's claim is no longer true of the updated rows: {why}"))
            result.flags_es.append(("title_es", f"lo que afirma el título ya no es cierto con las filas actualizadas: {why}"))
            title_false.append(("title_en", why))
    if title_false:
        reason = "; ".join(r for _, r in title_false)
        notes_en = (f"The title declared for this chart, “{spec.title_en}”, is not true of the updated rows "
                    f"({reason}); the dataset's title is shown instead. ").strip() + " " + spec.notes_en
        notes_es = (f"El título declarado para esta gráfica, «{spec.title_es}», no es cierto con las filas "
                    f"actualizadas; se muestra el título del conjunto de datos. ") + spec.notes_es
        spec = replace(spec, title_en=dataset_title.get("en", spec.title_en),
                       title_es=dataset_title.get("es", spec.title_es),
                       notes_en=notes_en.strip(), notes_es=notes_es.strip())
    # a message with a figure that cannot be traced, or that the rows no longer give, is not shown (the
    # chart's subtitle takes its place, as for a chart declared without one); the review flags it
    dropped = {}
    for key in ("message_en", "message_es"):
        if any(f[0] == key for f in result.flags) and getattr(spec, key):
            dropped[key] = ""
            result.dropped[key] = texts.get(key, getattr(spec, key))
            result.rewritten.pop(key, None)
    if dropped:
        notes_en = (f"The message “{result.dropped['message_en']}” is not shown: a figure in it is not one the "
                    "updated rows give. " + spec.notes_en) if "message_en" in dropped else spec.notes_en
        notes_es = (f"No se muestra el mensaje «{result.dropped['message_es']}»: una de sus cifras no es de las filas "
                    "actualizadas. " + spec.notes_es) if "message_es" in dropped else spec.notes_es
        spec = replace(spec, **dropped, notes_en=notes_en.strip(), notes_es=notes_es.strip())
    result.spec = spec
    return result
