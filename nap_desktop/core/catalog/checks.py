"""Cross-checks: a fact's headline figure recomputed from the dataset that can produce it.

data/checks.toml holds [[check]] blocks::

    [[check]]
    fact = "tech-atp-group-aerospace"
    dataset = "atp-groups-2025"
    compute = "value"            # value | sum | share | growth | tdr | change
    category = "atp08-aerospace"
    series = "contribution"
    period = "2025"
    scale = 1                    # optional: multiply the result (e.g. -1000 for a fall in thousands)

``sum`` adds ``categories`` (or ``series_list``); ``share`` divides ``category`` by ``total``;
``growth``/``change`` compare ``period_from`` with ``period``; ``tdr`` uses the exports/imports series.
The recomputed figure must equal the fact's value within half a unit of the fact's last written
decimal; otherwise the fact's FILE:LINE gets a problem naming both numbers.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from nap_desktop.core.catalog import indicators as ind
from nap_desktop.core.formatting import date_from_value

COMPUTES = ("value", "sum", "share", "growth", "tdr", "change")
KNOWN = {"fact", "dataset", "compute", "category", "series", "period", "categories", "series_list", "total",
         "period_from", "exports", "imports", "scale", "field", "note"}


def written_decimals(value: float, decimals: int | None) -> int:
    """How many decimals the fact is written with (its `decimals`, else as the number is written)."""
    if decimals is not None:
        return decimals
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -int(exponent))


def tolerance(value: float, decimals: int | None) -> float:
    return 0.5 * 10 ** (-written_decimals(value, decimals))


def _fmt(value: float, places: int) -> str:
    return f"{value:.{places}f}"


def recompute(ds: Any, check: dict) -> float:
    """The check's figure from the dataset rows (raises ind.MissingInput / ZeroDivisionError)."""
    how = check.get("compute", "value")
    series = str(check.get("series", ""))
    period = str(check.get("period", ""))
    if how == "value":
        return ind.value(ds, str(check["category"]), series, period)[0]
    if how == "sum":
        if "series_list" in check:
            keys = [(str(check["category"]), str(s), period) for s in check["series_list"]]
        else:
            keys = [(str(c), series, period) for c in check.get("categories", [])]
        return ind.sum_from(ds, keys)[0]
    if how == "share":
        part = ind.value(ds, str(check["category"]), series, period)[0]
        whole = ind.value(ds, str(check["total"]), series, period)[0]
        return ind.share(part, whole)
    if how in ("growth", "change"):
        before = ind.value(ds, str(check["category"]), series, str(check["period_from"]))[0]
        after = ind.value(ds, str(check["category"]), series, period)[0]
        return ind.growth(before, after) if how == "growth" else after - before
    if how == "tdr":
        return ind.tdr_from(ds, str(check["category"]), period, exports=str(check.get("exports", "exports")),
                            imports=str(check.get("imports", "imports")))[0]
    raise ValueError(how)


def run_checks(loader: Any, catalog: Any) -> None:
    """Run data/checks.toml against the loaded catalog; every disagreement is a Problem.
    Also checks every chart's title, subtitle and message against its rows (core/catalog/claims.py) and
    every fact's value against the figure its title and statement write (core/catalog/fact_figures.py)."""
    from nap_desktop.core.catalog.claims import check_chart_claims
    from nap_desktop.core.catalog.fact_figures import check_fact_figures

    check_chart_claims(loader, catalog)
    check_fact_figures(loader, catalog.facts)  # a fact's value is the figure its title and text write
    path = Path(loader.root) / "checks.toml"
    if not path.is_file():
        return
    f = loader.toml(path)
    for block, line in f.blocks("check", loader.problems):
        where = f"{f.name}:{line}"
        for key in block:
            if key not in KNOWN:
                loader.problem(f.name, f.key_line(line, key), f"check: unknown field {key!r}")
        fact = catalog.fact(str(block.get("fact", "")))
        if fact is None:
            loader.problem(f.name, f.key_line(line, "fact"), f"check: unknown fact id {block.get('fact')!r}")
            continue
        ds = catalog.datasets.get(block.get("dataset"))
        if ds is None:
            loader.problem(f.name, f.key_line(line, "dataset"), f"check: unknown dataset {block.get('dataset')!r}")
            continue
        how = block.get("compute", "value")
        if how not in COMPUTES:
            loader.problem(f.name, f.key_line(line, "compute"),
                           f"check: unknown compute {how!r} (known: {', '.join(COMPUTES)})")
            continue
        target = fact.value_max if block.get("field") == "value_max" else fact.value
        if fact.unit == "date" and target is not None and date_from_value(target):
            iso = date_from_value(target) or ""  # a date fact (YYYYMMDD): its row's period is that date
            if not str(block.get("period", "")).startswith(iso):
                loader.problem(fact.file or f.name, fact.line or line,
                               f"fact {fact.id} says {iso} but the check reads period {block.get('period')!r} "
                               f"of dataset {ds.id} (check at {where})")
                continue
            target = float(iso[:4])
        if target is None:
            loader.problem(f.name, line, f"check: fact {fact.id} has no value to check")
            continue
        try:
            got = recompute(ds, block) * float(block.get("scale", 1))
        except ind.MissingInput as exc:
            loader.problem(f.name, line, f"check: {exc}")
            continue
        except (KeyError, ZeroDivisionError, TypeError, ValueError) as exc:
            loader.problem(f.name, line, f"check: cannot compute {how}: {exc}")
            continue
        places = written_decimals(target, fact.decimals)
        if abs(got - target) > tolerance(target, fact.decimals) + 1e-9:
            says = _fmt(target, places)
            gives = _fmt(got, places)
            if gives == says:  # rounding hides the difference: show more places
                gives = _fmt(got, places + 2)
            loader.problem(fact.file or f.name, fact.line or line,
                           f"fact {fact.id} says {says} but dataset {ds.id} gives {gives} "
                           f"({how}; check at {where})")
