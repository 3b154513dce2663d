"""What an agency file gives, in one shape for every format (Qt-free).

    Obs        one value of the file: its fields (the agency's own keys: FRED series id, BTS state and
               partner, ERS state and commodity, StatCan dimension members), period, value, unit, line
    Refusal    a row (or a whole series) the file gives that cannot be used, and why
    ParsedFile a file read in one of the known formats
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from nap_desktop.core.catalog.updates.files import InputText

#: what one unit is worth in its dimension: a file's unit and a dataset's are converted through these
UNIT_SCALE: dict[str, tuple[str, float]] = {
    "usd": ("usd", 1.0), "usd_th": ("usd", 1e3), "usd_mn": ("usd", 1e6), "usd_bn": ("usd", 1e9),
    "usd_tn": ("usd", 1e12), "cad": ("cad", 1.0), "cad_th": ("cad", 1e3), "cad_mn": ("cad", 1e6),
    "cad_bn": ("cad", 1e9), "count": ("count", 1.0), "count_th": ("count", 1e3), "count_mn": ("count", 1e6),
    "pct": ("pct", 1.0), "index": ("index", 1.0), "ratio": ("ratio", 1.0), "pp": ("pp", 1.0),
}
#: how the review names a unit's dimension
DIMENSION_NAMES = {"usd": "U.S. dollars", "cad": "Canadian dollars", "count": "a count", "pct": "a percentage",
                   "index": "an index", "ratio": "a ratio", "pp": "percentage points"}

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
YEAR_RE = re.compile(r"^\d{4}$")
FY_RE = re.compile(r"^FY(\d{4})$")


def unit_factor(file_unit: str, dataset_unit: str) -> float | None:
    """How much one of ``file_unit`` is in ``dataset_unit`` (None: not the same kind of quantity)."""
    a, b = UNIT_SCALE.get(file_unit), UNIT_SCALE.get(dataset_unit)
    if a is None or b is None or a[0] != b[0]:
        return None
    return a[1] / b[1]


@dataclass(frozen=True)
class Obs:
    fields: tuple[tuple[str, str], ...]
    period: str
    value: float | None
    unit: str
    line: int
    file: str
    #: a status symbol the agency attached ("E" use with caution), kept in the row's note
    flag: str = ""

    def get(self, key: str, default: str = "") -> str:
        for k, v in self.fields:
            if k == key:
                return v
        return default

    def as_dict(self) -> dict[str, str]:
        return dict(self.fields)


@dataclass(frozen=True)
class Refusal:
    file: str
    line: int  # 0: a whole series or the file
    what: str
    reason: str
    code: str = "refused"
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "what": self.what, "reason": self.reason, "code": self.code}


@dataclass
class ParsedFile:
    format: str        # "fred" | "bts-dot1" | "ers-top5" | "statcan"
    label: str         # "FRED download CSV (observation_date header)"
    agency: str        # who publishes the figures (the publisher of the rows' source)
    source: InputText
    observations: list[Obs]
    refused: list[Refusal] = field(default_factory=list)
    #: the agency's series the file holds -> what the review says of each (title, frequency, first/last)
    series: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: rows that share one release: BTS "dot1 monthly 2023", FRED "IMPMX <file hash>"
    vintage: str = ""
    #: the agency page a row sourced to this file cites (the series or table page)
    urls: dict[str, str] = field(default_factory=dict)
    rows_read: int = 0

    @property
    def name(self) -> str:
        return self.source.name

    def describe(self) -> str:
        periods = sorted({o.period for o in self.observations})
        span = f"{periods[0]}–{periods[-1]}" if periods else "no periods"
        return (f"{self.label}: {self.rows_read:,} rows, {len(self.series)} series, {span}"
                f" ({self.source.encoding})")


def short_line(text: str, limit: int = 100) -> str:
    """The start of a line of the file, for messages (control characters shown as spaces)."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
