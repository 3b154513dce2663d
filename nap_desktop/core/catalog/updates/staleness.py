"""When a newer figure is probably out, computed offline from a dataset's declared release cadence
(Qt-free): "monthly; last month shown: March 2026; likely newer since May 2026", with the agency page
to download it from.

    staleness(dataset, today) -> Staleness | None     None: the dataset declares no cadence (or "none")
    stale_datasets(catalog, today) -> list[Staleness]  those whose next release is likely out
    for_chart(spec, catalog, today) / for_fact(fact, catalog, today) -> Staleness | None   (stale only)

The last period is the latest in the dataset's rows as loaded, so an applied update moves it on.
The next release is due ``lag_days`` after the end of the period after the last one shown.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from nap_desktop.core.catalog.updates.declarations import (
    MONTH,
    QUARTER,
    QUARTER_FIRST,
    last_period,
    period_order,
)

STEP = {"monthly": 1, "quarterly": 3, "annual": 12, "fiscal-year": 12}
MONTHS = {"en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"),
          "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                 "noviembre", "diciembre")}
CADENCE = {"monthly": {"en": "monthly", "es": "mensual"}, "quarterly": {"en": "quarterly", "es": "trimestral"},
           "annual": {"en": "annual", "es": "anual"}, "fiscal-year": {"en": "annual (fiscal year)",
                                                                      "es": "anual (año fiscal)"}}
LAST = {"monthly": {"en": "last month shown", "es": "último mes mostrado"},
        "quarterly": {"en": "last quarter shown", "es": "último trimestre mostrado"},
        "annual": {"en": "last year shown", "es": "último año mostrado"},
        "fiscal-year": {"en": "last fiscal year shown", "es": "último año fiscal mostrado"}}


@dataclass(frozen=True)
class Staleness:
    dataset: str
    cadence: str
    last_period: str
    due: date
    stale: bool
    agency: str
    page: str
    agency_es: str = ""

    def period_text(self, lang: str) -> str:
        p = self.last_period
        if m := MONTH.match(p):
            name = MONTHS["es" if lang == "es" else "en"][int(m.group(2)) - 1]
            return f"{name} de {m.group(1)}" if lang == "es" else f"{name} {m.group(1)}"
        if m := QUARTER.match(p) or QUARTER_FIRST.match(p):
            year, q = (m.group(1), m.group(2)) if QUARTER.match(p) else (m.group(2), m.group(1))
            return f"{q}T{year}" if lang == "es" else f"{q}Q{year}"
        return p

    def due_text(self, lang: str) -> str:
        name = MONTHS["es" if lang == "es" else "en"][self.due.month - 1]
        return f"{name} de {self.due.year}" if lang == "es" else f"{name} {self.due.year}"

    def text(self, lang: str = "en", with_page: bool = True) -> str:
        """'monthly; last month shown: March 2026; likely newer since May 2026 (agency: page)'."""
        lang = "es" if lang == "es" else "en"
        cadence = CADENCE.get(self.cadence, {}).get(lang, self.cadence)
        last = LAST.get(self.cadence, {}).get(lang, "")
        newer = ("probablemente hay una cifra más reciente desde" if lang == "es" else "likely newer since")
        text = f"{cadence}; {last}: {self.period_text(lang)}; {newer} {self.due_text(lang)}"
        if with_page and self.page:
            where = "descárguela de" if lang == "es" else "download it from"
            agency = (self.agency_es or self.agency) if lang == "es" else self.agency
            text += f" ({agency + ', ' if agency else ''}{where} {self.page})"
        return text

    def to_json(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "cadence": self.cadence, "last_period": self.last_period,
                "due": self.due.isoformat(), "stale": self.stale, "agency": self.agency, "page": self.page,
                "text_en": self.text("en"), "text_es": self.text("es")}


def _due(last: str, cadence: str, lag_days: int) -> date | None:
    order = period_order(last)
    if order is None or cadence not in STEP:
        return None
    year, month = order
    month += STEP[cadence]
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    end = date(year, month, calendar.monthrange(year, month)[1])
    return end + timedelta(days=lag_days)


def staleness(dataset: Any, today: date | None = None) -> Staleness | None:
    release = getattr(dataset, "release", None) or {}
    cadence = release.get("cadence", "")
    if cadence not in STEP:
        return None
    periods = [r.period for r in dataset.rows if r.value is not None]
    last = last_period(periods) or release.get("last_period", "")
    due = _due(last, cadence, int(release.get("lag_days", 0) or 0))
    if due is None:
        return None
    today = today or date.today()
    return Staleness(dataset.id, cadence, last, due, today >= due, release.get("agency", ""), release.get("page", ""),
                     release.get("agency_es", ""))


def stale_datasets(catalog: Any, today: date | None = None) -> list[Staleness]:
    out = [s for s in (staleness(ds, today) for ds in catalog.datasets.values()) if s is not None and s.stale]
    return sorted(out, key=lambda s: (s.due, s.dataset))


def for_chart(spec: Any, catalog: Any, today: date | None = None) -> Staleness | None:
    ds = catalog.datasets.get(getattr(spec, "dataset", ""))
    found = staleness(ds, today) if ds is not None else None
    return found if found is not None and found.stale else None


def for_fact(fact: Any, catalog: Any, today: date | None = None) -> Staleness | None:
    """A fact's figure is as of the report; the dataset of its chart says whether newer figures exist."""
    spec = catalog.charts.get(getattr(fact, "chart", None) or "")
    return for_chart(spec, catalog, today) if spec is not None else None


def cached(catalog: Any, dataset_id: str, today: date) -> Staleness | None:
    """staleness() of one of the catalog's datasets, kept on the catalog for the day (cards ask often)."""
    memo = catalog.__dict__.setdefault("_staleness_memo", {})
    key = (dataset_id, today)
    if key not in memo:
        ds = catalog.datasets.get(dataset_id)
        memo[key] = staleness(ds, today) if ds is not None else None
    return memo[key]


def note(kind: str, obj: Any, catalog: Any, lang: str, today: date | None) -> str:
    """The line a card, a chart's notes or a slide's notes carry when a newer figure is probably out
    ('' when none is, or when there is no date to say it from)."""
    if today is None or obj is None:
        return ""
    if kind == "fact":
        spec = catalog.charts.get(getattr(obj, "chart", None) or "")
        did = getattr(spec, "dataset", "") if spec is not None else ""
    else:
        did = getattr(obj, "dataset", "")
    found = cached(catalog, did, today) if did else None
    if found is None or not found.stale:
        return ""
    head = "Cifras más recientes" if lang == "es" else "Newer figures"
    return f"{head}: {found.text(lang)}."


def slide_notes(slide: Any, catalog: Any, lang: str, now: Any) -> Any:
    """``slide`` with the staleness line at the end of its speaker notes (fact and chart slides)."""
    from dataclasses import replace

    if getattr(slide, "kind", "") not in ("fact", "chart") or now is None:
        return slide
    today = now.date() if hasattr(now, "date") else now
    obj = catalog.fact(slide.ref) if slide.kind == "fact" else catalog.charts.get(slide.ref)
    line = note(slide.kind, obj, catalog, lang, today)
    if not line or line in (slide.notes or ""):
        return slide
    # before the one caveat paragraph, which the deck keeps last (core/deck._notes)
    blocks = [b for b in (slide.notes or "").split("\n\n") if b]
    at = next((i for i, b in enumerate(blocks) if b.startswith(("Caveat: ", "Advertencia: "))), len(blocks))
    blocks.insert(at, line)
    return replace(slide, notes="\n\n".join(blocks))
