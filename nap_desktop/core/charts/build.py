"""Resolves the chart declarations in data/charts/*.toml into ChartSpec objects.

A declaration picks two of a dataset's three dimensions (category, series, period): ``x`` is the
axis (``"category"`` or ``"period"``), ``series_from`` names where the chart's series come from,
and ``where`` fixes the third, e.g. ``where = { period = "2025" }``. ``compute`` turns rows into an
indicator when the chart is built (``tdr``, ``sum``, ``share``), so nothing derived is stored.
A value that is missing becomes a ``Gap`` with its reason in both languages (``gap_reasons``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nap_desktop.core.catalog import indicators as ind
from nap_desktop.core.charts.spec import KINDS, NORTH_AMERICA_COLOR, PALETTE, REST_COLOR, ChartSpec, Gap, Series, weakest_status
from nap_desktop.core.formatting import UNITS

KNOWN = {"id", "kind", "dataset", "title_en", "title_es", "subtitle_en", "subtitle_es", "x_title_en", "x_title_es",
         "y_title_en", "y_title_es", "notes_en", "notes_es", "unit", "decimals", "x", "categories",
         "category_labels", "series", "series_from", "series_labels", "where", "colors", "highlight", "compute",
         "compute_args", "gap_reasons", "facts", "derived_dates", "classes_max", "classes_pinned", "period_notes",
         "message_en", "message_es", "claim"}
COMPUTES = ("tdr", "sum", "share")
DIMS = ("category", "series", "period")
NO_ROW = {"en": "No figure in the sources for this period", "es": "Sin cifra en las fuentes para este periodo"}

def _distinct(ds: Any) -> dict[str, dict[str, None]]:
    """Each dimension's distinct values in row order (dicts: linear in the rows), found once per dataset
    and kept on it, as its row index is (every chart of a dataset reads the same rows)."""
    found = ds.__dict__.get("_distinct")
    if found is None:
        rows = ds.rows
        found = {"category": dict.fromkeys(r.category for r in rows), "series": dict.fromkeys(r.series for r in rows),
                 "period": dict.fromkeys(r.period for r in rows)}
        object.__setattr__(ds, "_distinct", found)
    return found


def _color(value: Any) -> str | None:
    if isinstance(value, str) and value in PALETTE:
        return PALETTE[value]
    if isinstance(value, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", value):  # "#GGGGGG" is no colour
        return value
    return None


class _Builder:
    def __init__(self, loader: Any, f: Any, block: dict, line: int, datasets: dict, fact_ids: set[str]):
        self.loader, self.f, self.block, self.line = loader, f, block, line
        self.datasets, self.fact_ids = datasets, fact_ids
        self.ok = True
        self.cid = str(block.get("id", ""))

    def problem(self, key: str, message: str) -> None:
        self.ok = False
        where = self.f.key_line(self.line, key) if key else self.line
        self.loader.problem(self.f.name, where, f"chart {self.cid or '?'}: {message}")

    def text(self, key: str, required: bool = True) -> str:
        value = self.block.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            if required:
                self.problem(key if key in self.block else "", f"missing {key!r}")
            return ""
        return value

    def labels(self, ds: Any, dim: str, key: str, override: dict) -> tuple[str, str]:
        if isinstance(override.get(key), dict):
            o = override[key]
            return str(o.get("en", key)), str(o.get("es", o.get("en", key)))
        table = ds.category_labels if dim == "category" else ds.series_labels if dim == "series" else {}
        lab = table.get(key) if isinstance(table, dict) else None
        if isinstance(lab, dict):
            return str(lab.get("en", key)), str(lab.get("es", lab.get("en", key)))
        return key, key

    # ---------------------------------------------------------------------------------------
    def build(self) -> ChartSpec | None:
        b = self.block
        for key in b:
            if key not in KNOWN:
                self.problem(key, f"unknown field {key!r}")
        tables = ("where", "colors", "gap_reasons", "compute_args", "category_labels", "series_labels")
        for key in tables:
            if key in b and not isinstance(b[key], dict):
                self.problem(key, f"{key} must be a table ({key} = {{ … }})")
        lists = {"highlight": "categories", "categories": "categories", "series": "series keys",
                 "derived_dates": "tables"}
        for key, what in lists.items():
            value = b.get(key)
            if key in b and not (isinstance(value, list) and all(
                    isinstance(v, dict if key == "derived_dates" else str) for v in value)):
                self.problem(key, f"{key} must be a list of {what}")
        if not self.ok:
            return None
        kind = b.get("kind")
        if not isinstance(kind, str) or kind not in KINDS:
            self.problem("kind", f"unknown kind {kind!r} (known: {', '.join(KINDS)})")
            return None
        did = b.get("dataset")
        ds = self.datasets.get(did) if isinstance(did, str) else None
        if ds is not None and did in getattr(self.loader, "broken_datasets", ()):
            self.loader.problem(self.f.name, self.line, f"follow-on: chart {self.cid} not built: "
                                                        f"the rows of dataset {did} could not be read")
            return None
        if ds is None:
            self.problem("dataset", f"unknown dataset {did!r}")
            return None
        facts = b.get("facts", [])
        if not isinstance(facts, list) or not all(isinstance(fid, str) for fid in facts):
            self.problem("facts", "facts must be a list of fact ids")
            facts = []
        for fid in facts:
            if fid not in self.fact_ids:
                self.problem("facts", f"unknown fact id {fid!r}")
        unit = b.get("unit", ds.unit)
        if not isinstance(unit, str) or unit not in UNITS:
            self.problem("unit", f"unknown unit {unit!r}")
        decimals = b.get("decimals", 1)
        if not isinstance(decimals, int) or not 0 <= decimals <= 6:
            self.problem("decimals", "decimals must be 0–6")
            decimals = 1
        # a user library may leave the Spanish title empty (outputs then mark it untranslated)
        titles = {k: self.text(k, required=k == "title_en" or not getattr(self.loader, "namespace", None))
                  for k in ("title_en", "title_es")}
        if kind == "tilemap":
            spec = self.tilemap(ds, kind, unit, decimals, titles)
        elif kind == "timeline":
            spec = self.timeline(ds, kind, unit, decimals, titles)
        else:
            spec = self.grid(ds, kind, unit, decimals, titles)
        if spec is None or not self.ok:
            return None
        notes = b.get("period_notes") or {}
        if isinstance(notes, dict) and notes:  # why a linked fact's period is not the chart's, in both languages
            spec.extra["period_notes"] = {str(fid): {"en": str(v.get("en", "")), "es": str(v.get("es", ""))}
                                          for fid, v in notes.items() if isinstance(v, dict)}
        return spec

    def common(self) -> dict[str, Any]:
        b = self.block
        return {k: str(b.get(k, "")) for k in ("subtitle_en", "subtitle_es", "x_title_en", "x_title_es",
                                                 "y_title_en", "y_title_es", "notes_en", "notes_es",
                                                 "message_en", "message_es")}

    def gap(self, cat: str, skey: str, row: Any) -> Gap:
        reasons = self.block.get("gap_reasons", {}) or {}
        for k in (f"{cat}/{skey}", cat, skey):
            r = reasons.get(k)
            if isinstance(r, dict) and r.get("en") and r.get("es"):
                return Gap(cat, skey, str(r["en"]), str(r["es"]))
        if row is None:
            return Gap(cat, skey, NO_ROW["en"], NO_ROW["es"])
        self.problem("gap_reasons", f"missing value {cat}/{skey} needs gap_reasons.\"{cat}/{skey}\" "
                                    f"with the reason in both languages (en, es); dataset note: {row.note!r}")
        return Gap(cat, skey, row.note, row.note)

    def grid(self, ds: Any, kind: str, unit: str, decimals: int, titles: dict) -> ChartSpec | None:
        b = self.block
        x = b.get("x", "category")
        if x not in ("category", "period"):
            self.problem("x", f"x must be 'category' or 'period', not {x!r}")
            return None
        series_from = b.get("series_from", "series" if x == "category" else "category")
        if series_from not in DIMS or series_from == x:
            self.problem("series_from", f"series_from {series_from!r} must be another dimension than x")
            return None
        fixed_dim = next(d for d in DIMS if d not in (x, series_from))
        where = b.get("where", {}) or {}
        seen = _distinct(ds)
        present = {d: list(values) for d, values in seen.items()}
        fixed = where.get(fixed_dim)
        compute = b.get("compute")
        args = b.get("compute_args", {}) or {}
        if compute is not None and compute not in COMPUTES:
            self.problem("compute", f"unknown compute {compute!r} (known: {', '.join(COMPUTES)})")
            return None
        if fixed is None:
            if compute in ("tdr", "sum") and fixed_dim == "series":
                fixed = ""
            elif len(present[fixed_dim]) == 1:
                fixed = present[fixed_dim][0]
            else:
                self.problem("where", f"where.{fixed_dim} is needed: the dataset has several "
                                      f"({', '.join(present[fixed_dim][:6])})")
                return None
        elif fixed not in seen[fixed_dim]:
            self.problem("where", f"{fixed_dim} {fixed!r} not in dataset {ds.id}")
        categories = b.get("categories", present[x])
        series_keys = b.get("series", present[series_from])
        if not isinstance(categories, list) or not isinstance(series_keys, list):
            self.problem("categories", "categories and series must be lists")
            return None
        check_x = x if not (compute == "sum" and x == "series") else None
        for c in categories:
            if check_x and c not in seen[x]:
                self.problem("categories", f"category {c!r} not in dataset {ds.id}")
        if compute is None:
            for s in series_keys:
                if s not in seen[series_from]:
                    self.problem("series", f"series {s!r} not in dataset {ds.id}")
        if not self.ok:
            return None

        cat_over = b.get("category_labels", {}) or {}
        ser_over = b.get("series_labels", {}) or {}
        colors = b.get("colors", {}) or {}
        highlight = [str(h) for h in b.get("highlight", [])]
        highlighted = set(highlight)
        used_rows: list[Any] = []
        gaps: list[Gap] = []
        series_out: list[Series] = []
        order = list(PALETTE.values())
        for si, skey in enumerate(series_keys):
            values: list[float | None] = []
            for cat in categories:
                key = {x: cat, series_from: skey, fixed_dim: fixed}
                try:
                    v, rows = self.resolve(ds, key, compute, args)
                    values.append(v)
                    used_rows += rows
                except ind.MissingInput as exc:
                    values.append(None)  # a gap cites no source: its row's source is not credited under the chart
                    gaps.append(self.gap(cat, skey, exc.row))
            en, es = self.labels(ds, series_from, skey, ser_over)
            color = _color(colors.get(skey)) or order[si % len(order)]
            if skey in colors and _color(colors[skey]) is None:
                self.problem("colors", f"colour {colors[skey]!r} is not a palette name or #RRGGBB")
            series_out.append(Series(skey, en, es, color, tuple(values)))
        labels = [self.labels(ds, x, c, cat_over) for c in categories]
        cat_colors = tuple(NORTH_AMERICA_COLOR if c in highlighted else REST_COLOR for c in categories) if highlight else ()
        sources = list(dict.fromkeys(r.source for r in used_rows))
        statuses = [r.status for r in used_rows]
        extra: dict[str, Any] = {}
        if compute:
            extra["computed"] = {"indicator": compute, **{k: v for k, v in args.items()}}
        return ChartSpec(
            id=self.cid, kind=kind, dataset=ds.id, title_en=titles["title_en"], title_es=titles["title_es"],
            categories=tuple(categories), category_labels_en=tuple(l[0] for l in labels),
            category_labels_es=tuple(l[1] for l in labels), series=tuple(series_out), unit=unit,
            decimals=decimals, sources=tuple(sources), status=weakest_status(statuses), gaps=tuple(gaps),
            highlight=tuple(highlight), category_colors=cat_colors, facts=tuple(self.block.get("facts", [])),
            extra=extra, **self.common())

    def resolve(self, ds: Any, key: dict, compute: str | None, args: dict) -> tuple[float, list]:
        if compute is None:
            return ind.value(ds, key["category"], key["series"], key["period"])
        if compute == "tdr":
            return ind.tdr_from(ds, key["category"], key["period"], exports=args.get("exports", "exports"),
                                imports=args.get("imports", "imports"))
        if compute == "sum":
            published = args.get("published")
            if published:
                try:
                    return ind.value(ds, key["category"], published, key["period"])
                except ind.MissingInput:
                    pass
            over = args.get("over", "series")
            keys = []
            for part in args.get("of", []):
                k = dict(key)
                k[over] = part
                keys.append((k["category"], k["series"], k["period"]))
            return ind.sum_from(ds, keys)
        # share of a total category, same series and period
        part, r1 = ind.value(ds, key["category"], key["series"], key["period"])
        tot, r2 = ind.value(ds, args.get("total", "WORLD"), key["series"], key["period"])
        return ind.share(part, tot), r1 + r2

    def timeline(self, ds: Any, kind: str, unit: str, decimals: int, titles: dict) -> ChartSpec | None:
        """Events: each row's period is its date; derived_dates are computed (base + whole years)."""
        cats = self.block.get("categories", list(dict.fromkeys(r.category for r in ds.rows)))
        dates: dict[str, str] = {}
        labels: dict[str, tuple[str, str]] = {}
        used = []
        first_row: dict[str, Any] = {}
        for r in ds.rows:
            first_row.setdefault(r.category, r)
        for c in cats:
            row = first_row.get(c)
            if row is None:
                self.problem("categories", f"category {c!r} not in dataset {ds.id}")
                continue
            dates[c] = row.period
            labels[c] = self.labels(ds, "category", c, self.block.get("category_labels", {}) or {})
            used.append(row)
        computed: dict[str, dict[str, str]] = {}
        for spec in self.block.get("derived_dates", []) or []:
            base = spec.get("base")
            if base not in dates:
                self.problem("derived_dates", f"derived date base {base!r} is not a category of the chart")
                continue
            cat = str(spec.get("category"))
            dates[cat] = ind.add_years(dates[base], int(spec.get("years", 0)))
            labels[cat] = (str(spec.get("label_en", cat)), str(spec.get("label_es", cat)))
            computed[cat] = {"en": str(spec.get("note_en", "")), "es": str(spec.get("note_es", "")),
                             "base": str(base), "years": str(spec.get("years", 0))}
        if not self.ok:
            return None
        order = sorted(dates, key=lambda c: dates[c])
        ser_over = self.block.get("series_labels", {}) or {}
        skey = next(iter(self.block.get("series", [])), used[0].series if used else "date")
        en, es = self.labels(ds, "series", skey, ser_over)
        color = _color((self.block.get("colors", {}) or {}).get(skey)) or PALETTE["blue"]
        series = Series(skey, en, es, color, tuple(float(dates[c][:4]) for c in order))
        return ChartSpec(
            id=self.cid, kind=kind, dataset=ds.id, title_en=titles["title_en"], title_es=titles["title_es"],
            categories=tuple(order), category_labels_en=tuple(labels[c][0] for c in order),
            category_labels_es=tuple(labels[c][1] for c in order), series=(series,), unit=unit,
            decimals=decimals, sources=tuple(dict.fromkeys(r.source for r in used)),
            status=weakest_status([r.status for r in used]), facts=tuple(self.block.get("facts", [])),
            extra={"dates": {c: dates[c] for c in order}, "computed_dates": computed}, **self.common())

    def tilemap(self, ds: Any, kind: str, unit: str, decimals: int, titles: dict) -> ChartSpec | None:
        from nap_desktop.core.charts.tilegrid import STATES, load_layout

        tiles = load_layout(Path(self.loader.root), self.loader)
        if not tiles:
            self.problem("", "the tile map needs data/layouts/us_tile_grid.csv")
            return None
        for r in ds.rows:
            if r.category not in STATES:
                self.problem("dataset", f"dataset {ds.id} has category {r.category!r}, not a state code")
                return None
        where = self.block.get("where", {}) or {}
        period = where.get("period")
        rows_of: dict[str, list[Any]] = {}
        for r in ds.rows:
            if (period is None or r.period == period) and r.value is not None:
                rows_of.setdefault(r.category, []).append(r)
        states = [s for s in sorted(tiles, key=lambda s: (tiles[s].row, tiles[s].col))]
        top: dict[str, tuple[str, float]] = {}
        used = []
        for s in states:
            srows = rows_of.get(s, [])
            best = ind.argmax([(r.series, r.value) for r in srows])
            if best is not None:
                top[s] = best
                used += srows
        counts: dict[str, int] = {}
        for key, _ in top.values():
            counts[key] = counts.get(key, 0) + 1
        max_classes = int(self.block.get("classes_max", 7))
        ranked = sorted(counts, key=lambda k: (-counts[k], k))
        pinned = [k for k in (self.block.get("classes_pinned") or []) if k in counts]  # e.g. those the report names
        shown = (pinned + [k for k in ranked if k not in pinned])[:max(max_classes, len(pinned))]
        palette = [PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "sky", "purple", "yellow")]
        classes, class_labels, class_colors, top_names = {}, {}, {}, {}
        for i, key in enumerate(shown):
            en, es = self.labels(ds, "series", key, {})
            class_labels[key] = {"en": en, "es": es}
            class_colors[key] = palette[i % len(palette)]
        if len(ranked) > len(shown):
            class_labels["other"] = {"en": "Other commodities", "es": "Otros productos"}
            class_colors["other"] = PALETTE["grey"]
        class_labels["none"] = {"en": "No Mexico row in the ERS top-5 file", "es": "Sin fila de México en el archivo top-5 del ERS"}
        class_colors["none"] = "#FFFFFF"
        values, gaps = [], []
        reasons = self.block.get("gap_reasons", {}) or {}
        for s in states:
            if s in top:
                key, v = top[s]
                classes[s] = key if key in shown else "other"
                en, es = self.labels(ds, "series", key, {})
                top_names[s] = {"en": en, "es": es}
                values.append(v)
            else:
                classes[s] = "none"
                values.append(None)
                r = reasons.get(s) or reasons.get("*") or {}
                if not (r.get("en") and r.get("es")):
                    self.problem("gap_reasons", f"state {s} has no rows: gap_reasons needs \"{s}\" or \"*\" (en, es)")
                    r = {"en": "", "es": ""}
                gaps.append(Gap(s, "top", str(r["en"]), str(r["es"])))
        ser_over = self.block.get("series_labels", {}) or {}
        sl = ser_over.get("top", {"en": "Top export to Mexico", "es": "Principal exportación a México"})
        series = Series("top", str(sl.get("en")), str(sl.get("es")), PALETTE["blue"], tuple(values))
        names_es = [tiles[s].name_es or tiles[s].name for s in states]  # the layout's name_es
        sources = list(dict.fromkeys(r.source for r in used)) or [ds.source]
        return ChartSpec(
            id=self.cid, kind=kind, dataset=ds.id, title_en=titles["title_en"], title_es=titles["title_es"],
            categories=tuple(states), category_labels_en=tuple(tiles[s].name for s in states),
            category_labels_es=tuple(names_es), series=(series,), unit=unit, decimals=decimals,
            sources=tuple(sources), status=weakest_status([r.status for r in used] or [ds.status]),
            gaps=tuple(gaps), category_colors=tuple(class_colors[classes[s]] for s in states),
            facts=tuple(self.block.get("facts", [])),
            extra={"positions": {s: [tiles[s].row, tiles[s].col] for s in states}, "classes": classes,
                   "class_labels": class_labels, "class_colors": class_colors, "top_commodity": top_names,
                   "computed": {"indicator": "argmax", "over": "series"}},
            **self.common())


def build_charts(loader: Any, datasets: dict, fact_ids: set[str]) -> tuple[dict, dict[str, str]]:
    """Every chart in data/charts/*.toml as a ChartSpec, and each illustrated fact's chart id."""
    charts: dict[str, ChartSpec] = {}
    links: dict[str, str] = {}
    seen: dict[str, str] = {}
    for path in sorted((Path(loader.root) / "charts").glob("*.toml")):
        f = loader.toml(path)
        for block, line in f.blocks("chart", loader.problems):
            cid = loader.check_id(f, line, block.get("id"), seen, "chart")
            if cid is None:
                continue
            try:
                spec = _Builder(loader, f, block, line, datasets, fact_ids).build()
            except Exception as exc:  # noqa: BLE001 - a declaration of an unforeseen shape: a problem, not a traceback
                loader.problem(f.name, line, f"chart {cid}: cannot build it: {type(exc).__name__}: {exc}")
                continue
            if spec is None:
                continue
            charts[cid] = spec
            for fid in spec.facts:
                links.setdefault(fid, cid)
    return charts, links
