"""From what agency files give to the rows of the catalog's datasets (Qt-free).

Each ``[[dataset.update_from]]`` block of a dataset (see declarations.py) picks values of the files in
its format and says which row each one is. ``map_files`` returns, for every block some file feeds,
the candidate rows (converted to the dataset's unit) and what was refused or left out, and why:

- a unit that is not the dataset's kind of quantity (dollars for a count), a frequency that is not
  the dataset's (a quarterly FRED download for a monthly dataset), a scale off by a factor of about
  a thousand against the catalog's own values for the same periods: the whole series is refused;
- a period before the dataset's first one is not used (the dataset covers what the report needs);
- values the dataset leaves out on purpose (``exclude``) are not used;
- with ``annual_from_months``, a year is made only from its twelve months of one vintage.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from nap_desktop.core.catalog.updates.declarations import period_order
from nap_desktop.core.catalog.updates.parsed import (
    DIMENSION_NAMES,
    UNIT_SCALE,
    Obs,
    ParsedFile,
    Refusal,
    unit_factor,
)

#: the file's values against the catalog's for the same periods: beyond this, the scale does not match
SCALE_LIMIT = 5.0
FREQUENCIES = ("monthly", "quarterly", "annual")


@dataclass(frozen=True)
class Candidate:
    category: str
    series: str
    period: str
    value: float
    file: str          # InputText.name (or "dot1_0123.csv, …" for a year made of twelve files)
    line: int
    vintage: str
    files: tuple[str, ...] = ()   # every file behind the value (twelve monthly files for a year)
    flag: str = ""


@dataclass
class Mapped:
    dataset: str
    spec: dict[str, Any]
    candidates: list[Candidate] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    #: (reason code, English reason, count): values of the files this block does not use, with why
    not_used: list[tuple[str, str, int]] = field(default_factory=list)
    factor: float = 1.0
    file_unit: str = ""
    files: list[str] = field(default_factory=list)
    agency: str = ""
    urls: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.dataset}#{self.spec.get('index', 0)}"


def _matches(obs: Obs, match: dict[str, Any]) -> bool:
    for key, wanted in match.items():
        got = obs.get(key)
        if isinstance(wanted, list):
            if got not in [str(w) for w in wanted]:
                return False
        elif got != str(wanted):
            return False
    return True


def _fields(obs: Obs) -> dict[str, str]:
    data = obs.as_dict()
    if "partner" in data:
        data.setdefault("p", data["partner"].lower())
    return data


def _fill(template: str, data: dict[str, str]) -> str:
    try:
        return template.format(**data)
    except (KeyError, IndexError, ValueError):
        return ""


def _frequency_of(period: str) -> str:
    if len(period) == 7 and period[4] == "-":
        return "monthly"
    if "Q" in period:
        return "quarterly"
    if len(period) == 4 and period.isdigit():
        return "annual"
    return ""


def _unit_name(unit: str) -> str:
    dim = UNIT_SCALE.get(unit, (unit, 1))[0]
    return DIMENSION_NAMES.get(dim, unit or "no unit the app knows")


def _specs(catalog: Any, fmt: str) -> list[tuple[Any, dict[str, Any]]]:
    out = []
    for ds in catalog.datasets.values():
        for spec in getattr(ds, "update_from", ()) or ():
            if spec.get("format") == fmt:
                out.append((ds, spec))
    return out


def _dedupe_files(files: list[ParsedFile]) -> tuple[list[ParsedFile], list[Refusal]]:
    """The same file given twice is read once; two files of one format giving the same values
    (the same series and period): the first file given is used, the other's are refused."""
    out: list[ParsedFile] = []
    refused: list[Refusal] = []
    seen_sha: dict[tuple[str, str], str] = {}
    for parsed in files:
        key = (parsed.source.sha256, parsed.source.name.split(":", 1)[-1])
        if key in seen_sha:
            refused.append(Refusal(parsed.name, 0, parsed.name, f"{parsed.name}: the same file as {seen_sha[key]}, "
                                   "given twice: read once", "same_file", {"name": parsed.name, "first": seen_sha[key]}))
            continue
        seen_sha[key] = parsed.name
        out.append(parsed)
    by_format: dict[str, dict[tuple, str]] = {}
    for parsed in out:
        owners = by_format.setdefault(parsed.format, {})
        clash: dict[str, int] = {}
        kept: list[Obs] = []
        for obs in parsed.observations:
            k = (obs.fields, obs.period)
            first = owners.get(k)
            if first is not None and first != parsed.name:
                clash[first] = clash.get(first, 0) + 1
                continue
            owners[k] = parsed.name
            kept.append(obs)
        for first, n in clash.items():
            refused.append(Refusal(parsed.name, 0, parsed.name,
                                   f"{parsed.name}: {n:,} value{'s' if n != 1 else ''} for series and periods "
                                   f"{first} also gives: the first file given is used", "duplicate_file",
                                   {"name": parsed.name, "first": first, "n": n}))
        parsed.observations = kept
    return out, refused


def map_files(files: list[ParsedFile], catalog: Any) -> tuple[list[Mapped], list[Refusal], dict[str, int]]:
    """(blocks fed by the files, refusals of whole files or unknown series, values used per file)."""
    files, refused = _dedupe_files(files)
    results: list[Mapped] = []
    used_per_file: dict[str, int] = {p.name: 0 for p in files}
    formats = sorted({p.format for p in files})
    for fmt in formats:
        group = [p for p in files if p.format == fmt]
        specs = _specs(catalog, fmt)
        taken: set[int] = set()
        for ds, spec in specs:
            mapped = _map_block(ds, spec, group, catalog, taken)
            if mapped is not None:
                results.append(mapped)
        # what no block takes
        for parsed in group:
            unused = [o for o in parsed.observations if id(o) not in taken]
            used_per_file[parsed.name] = len(parsed.observations) - len(unused)
            if fmt == "fred":
                wanted = [s["match"].get("series") for _, s in specs]
                known = sorted({str(x) for w in wanted for x in (w if isinstance(w, list) else [w])})
                for sid, info in parsed.series.items():
                    if any(o.get("series") == sid for o in unused):
                        why = (f"{sid} is {info['transform']} of {info['column'].rsplit('_', 1)[0]} (a FRED units "
                               "transformation), not the series' levels the catalog holds" if info.get("transform")
                               else f"the catalog has no dataset drawn from FRED series {sid}")
                        refused.append(Refusal(parsed.name, 0, sid, f"{sid}: {why} (it takes {', '.join(known)})",
                                               "unknown_series", {"series": sid, "known": ", ".join(known),
                                                                  "transform": info.get("transform", "")}))
            elif unused and len(unused) == len(parsed.observations):
                refused.append(Refusal(parsed.name, 0, parsed.name,
                                       f"{parsed.name}: nothing in it is a series the catalog holds "
                                       f"({parsed.label}); no dataset is drawn from it", "nothing_taken",
                                       {"name": parsed.name, "label": parsed.label}))
    return results, refused, used_per_file


def _map_block(ds: Any, spec: dict[str, Any], group: list[ParsedFile], catalog: Any, taken: set[int]) -> Mapped | None:
    match = spec.get("match", {}) or {}
    exclude = spec.get("exclude", {}) or {}
    picked: list[tuple[ParsedFile, Obs]] = []
    for parsed in group:
        for obs in parsed.observations:
            if _matches(obs, match):
                picked.append((parsed, obs))
    if not picked:
        return None
    mapped = Mapped(dataset=ds.id, spec=spec)
    mapped.files = list(dict.fromkeys(p.name for p, _ in picked))
    mapped.agency = group[0].agency
    series_tpl, category_tpl = str(spec.get("series", "")), str(spec.get("category", ""))
    excluded = 0
    kept: list[tuple[ParsedFile, Obs]] = []
    partial = 0
    for parsed, obs in picked:
        taken.add(id(obs))
        if obs.flag.startswith("partial_year:"):
            partial += 1
            what = " ".join(v for k, v in obs.fields if k in ("state", "commodity_name")) + f" {obs.period}"
            mapped.refused.append(Refusal(obs.file, obs.line, what,
                                          f"{what}: the total of a partial fiscal year (the file has "
                                          f"{obs.flag.split(':', 1)[1]} of {obs.period}, not Q4)", "partial_year",
                                          {"what": what, "quarters": obs.flag.split(":", 1)[1]}))
            continue
        if any(obs.get(k) in [str(v) for v in (vals if isinstance(vals, list) else [vals])]
               for k, vals in exclude.items()):
            excluded += 1
            continue
        kept.append((parsed, obs))
    if excluded:
        what = ", ".join(f"{k} {', '.join(str(v) for v in (vals if isinstance(vals, list) else [vals]))}"
                         for k, vals in exclude.items())
        mapped.not_used.append(("excluded", f"left out on purpose by the dataset ({what})", excluded))
    mapped.urls = list(dict.fromkeys(url for p, _ in kept for k, url in p.urls.items()))
    label = spec.get("label_en", ds.id)
    # unit
    units = {obs.unit or str(spec.get("file_unit", "")) for _, obs in kept}
    file_unit = next(iter(units)) if len(units) == 1 else ""
    factor = unit_factor(file_unit, ds.unit) if file_unit else None
    if factor is None:
        shown = ", ".join(sorted(u or "no unit the app knows" for u in units))
        mapped.refused.append(Refusal(mapped.files[0], 0, label,
                                      f"{label}: the file's unit ({shown}) is not the dataset's ({_unit_name(ds.unit)}, "
                                      f"{ds.unit}): refused", "unit", {"series": label, "file_unit": shown,
                                                                       "unit": ds.unit}))
        return mapped
    mapped.factor, mapped.file_unit = factor, file_unit
    # value x its unit / the dataset's unit, as a division for the larger units (USD -> USD million is
    # "/ 1e6", which keeps 1,571,792 USD as 1.571792, not 1.5717919999999999)
    scale_from, scale_to = UNIT_SCALE[file_unit][1], UNIT_SCALE[ds.unit][1]
    # frequency (FRED and StatCan say theirs; BTS and ERS files have one layout per period type)
    wanted = spec.get("frequency")
    if wanted in FREQUENCIES:
        got = {_frequency_of(o.period) for _, o in kept}
        if got != {wanted}:
            shown = ", ".join(sorted(g or "other" for g in got))
            mapped.refused.append(Refusal(mapped.files[0], 0, label,
                                          f"{label}: the file is {shown}, the dataset {wanted}: refused (download the "
                                          f"{wanted} series)", "frequency", {"series": label, "got": shown,
                                                                            "wanted": wanted}))
            return mapped
    raw: list[Candidate] = []
    for parsed, obs in kept:
        data = _fields(obs)
        cat, ser = _fill(category_tpl, data), _fill(series_tpl, data)
        if not cat or not ser:
            continue
        raw.append(Candidate(cat, ser, obs.period, obs.value * scale_from / scale_to, obs.file, obs.line, parsed.vintage,
                             (obs.file,), obs.flag))
    if spec.get("annual_from_months"):
        raw = _years_from_months(ds, spec, raw, mapped)
    # range: the dataset's first period onward
    orders = [o for o in (period_order(r.period) for r in ds.rows) if o is not None]
    first = min(orders) if orders else None
    first_row = min((r.period for r in ds.rows if period_order(r.period) == first), default="") if first else ""
    before: list[str] = []
    out: list[Candidate] = []
    for c in raw:
        order = period_order(c.period)
        if first is not None and order is not None and order < first:
            before.append(c.period)
            continue
        out.append(c)
    if before:
        periods = sorted(set(before), key=lambda p: period_order(p) or (0, 0))
        mapped.not_used.append(("before", f"{periods[0]}–{periods[-1]}: before the dataset's first period "
                                          f"({first_row}); the dataset covers {first_row} onward", len(before)))
    # scale against the catalog's own values for the same periods
    index = ds.row_index()
    ratios = [c.value / index[(c.category, c.series, c.period)].value for c in out
              if (c.category, c.series, c.period) in index and index[(c.category, c.series, c.period)].value
              and c.value]
    if len(ratios) >= 3:
        ratio = statistics.median(ratios)
        if ratio > SCALE_LIMIT or ratio < 1 / SCALE_LIMIT:
            shown = f"{ratio:,.0f}×" if ratio > 1 else f"1/{1 / ratio:,.0f}"
            mapped.refused.append(Refusal(mapped.files[0], 0, label,
                                          f"{label}: the file's values are {shown} the catalog's for the same periods "
                                          f"(median of {len(ratios)}): its unit or scale does not match the dataset "
                                          f"({ds.unit}); refused", "scale", {"series": label, "ratio": shown,
                                                                             "unit": ds.unit}))
            return mapped
    mapped.candidates = out
    return mapped


def _years_from_months(ds: Any, spec: dict[str, Any], raw: list[Candidate], mapped: Mapped) -> list[Candidate]:
    """A year's row from its twelve months of one vintage; other months are not used (said why)."""
    groups: dict[tuple[str, str], dict[tuple[str, str], list[Candidate]]] = {}
    years_seen: dict[tuple[str, str], set[str]] = {}
    annual: list[Candidate] = []
    for c in raw:
        if len(c.period) == 4:  # an annual file: already a year
            annual.append(c)
            continue
        year, month = c.period[:4], c.period[5:7]
        groups.setdefault((year, c.vintage), {}).setdefault((c.category, c.series), []).append(c)
        years_seen.setdefault((year, c.vintage), set()).add(month)
    out = list(annual)
    for (year, vintage), cells in sorted(groups.items()):
        months = years_seen[(year, vintage)]
        if len(months) < 12:
            missing = [f"{m:02d}" for m in range(1, 13) if f"{m:02d}" not in months]
            mapped.not_used.append(("partial_year", f"{year}: {len(months)} of its twelve months "
                                                     f"(missing {', '.join(f'{year}-{m}' for m in missing)}); a year "
                                                     "is made only from its twelve months of one vintage",
                                    sum(len(v) for v in cells.values())))
            continue
        files = tuple(sorted({f for v in cells.values() for c in v for f in c.files}))
        for (cat, ser), items in cells.items():
            out.append(Candidate(cat, ser, year, sum(c.value for c in items), ", ".join(files), items[0].line,
                                 vintage, files))
        if spec.get("absent_is_zero"):
            have = set(cells)
            present_series = {ser for (_cat, ser) in cells}
            for r in ds.rows:
                if r.series in present_series and (r.category, r.series) not in have:
                    have.add((r.category, r.series))
                    out.append(Candidate(r.category, r.series, year, 0.0, ", ".join(files), 0, vintage, files,
                                         "not in the files: no trade that year"))
    return out
