"""Indicators computed from dataset rows (never stored): TDR, shares, growth rates, sums.

Every function returns ``(value, rows_used)`` or raises ``MissingInput`` naming the row that is
missing or empty, so callers can show a gap with its reason or report a check problem.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nap_desktop.core.catalog.model import Dataset, DatasetRow


class MissingInput(Exception):
    """An input row is absent or has no value; ``row`` is the empty row when there is one."""

    def __init__(self, message: str, row: DatasetRow | None = None):
        super().__init__(message)
        self.row = row


def row(dataset: Dataset, category: str, series: str, period: str) -> DatasetRow:
    r = dataset.row_index().get((category, series, period))
    if r is not None:
        return r
    raise MissingInput(f"dataset {dataset.id} has no row category={category!r} series={series!r} period={period!r}")


def value(dataset: Dataset, category: str, series: str, period: str) -> tuple[float, list[DatasetRow]]:
    r = row(dataset, category, series, period)
    if r.value is None:
        raise MissingInput(f"{dataset.id} {category}/{series}/{period} is missing: {r.note}", r)
    return r.value, [r]


def tdr(exports: float, imports: float) -> float:
    """Trade Deficit Ratio: (imports - exports) / exports; 0 is balanced, < 0 a U.S. surplus."""
    if exports == 0:
        raise ZeroDivisionError("TDR is undefined when exports are zero")
    return (imports - exports) / exports


def tdr_from(dataset: Dataset, category: str, period: str, *, exports: str = "exports",
             imports: str = "imports") -> tuple[float, list[DatasetRow]]:
    ex, r1 = value(dataset, category, exports, period)
    im, r2 = value(dataset, category, imports, period)
    return tdr(ex, im), r1 + r2


def share(part: float, total: float) -> float:
    """part as a percent of total."""
    if total == 0:
        raise ZeroDivisionError("share of a zero total")
    return part / total * 100.0


def growth(before: float, after: float) -> float:
    """Percent change from before to after."""
    if before == 0:
        raise ZeroDivisionError("growth from zero")
    return (after / before - 1.0) * 100.0


def total(values: list[float]) -> float:
    return float(sum(values))


def sum_from(dataset: Dataset, keys: list[tuple[str, str, str]]) -> tuple[float, list[DatasetRow]]:
    used: list[DatasetRow] = []
    parts = []
    for category, series, period in keys:
        v, rows = value(dataset, category, series, period)
        parts.append(v)
        used += rows
    return total(parts), used


def add_years(iso: str, years: int) -> str:
    """An ISO date moved by whole years (29 Feb falls back to 28 Feb)."""
    d = date.fromisoformat(iso)
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:
        return d.replace(year=d.year + years, day=28).isoformat()


def argmax(pairs: list[tuple[str, float]]) -> tuple[str, float] | None:
    """The (key, value) with the largest value; ties go to the key that sorts first."""
    present = [(k, v) for k, v in pairs if v is not None]
    if not present:
        return None
    return max(sorted(present), key=lambda kv: kv[1])
