"""Rebuilding what an update changes: the charts drawn from changed datasets, and the facts whose
figure a check recomputes from them (Qt-free; used by apply.py).

    rebuild_charts(catalog, datasets, changed, data_root, library_root) -> {chart id: (spec, ChartFollow)}
    newer_figures(catalog, datasets, changed, data_root, sources) -> {fact id: info}
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from nap_desktop.core.catalog.updates.chart_follow import ChartFollow, follow_chart

_BLOCKS: dict[tuple[str, tuple], dict[str, tuple[Any, dict, int]]] = {}


def _chart_blocks(root: Path) -> dict[str, tuple[Any, dict, int]]:
    """chart id -> (its _TomlFile, block, line), for every charts/*.toml of ``root`` (cached by mtimes)."""
    from nap_desktop.core.catalog.files import _TomlFile

    folder = root / "charts"
    paths = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    key = (str(root.resolve()), stamp)
    hit = _BLOCKS.get(key)
    if hit is not None:
        return hit
    out: dict[str, tuple[Any, dict, int]] = {}
    for path in paths:
        f = _TomlFile(path, root, [])
        for block, line in f.blocks("chart", []):
            if isinstance(block.get("id"), str):
                out[block["id"]] = (f, block, line)
    _BLOCKS.clear()
    _BLOCKS[key] = out
    return out


class _QuietLoader:
    """What charts/build.py needs of the loader, keeping its problems (a rebuilt chart with a problem
    keeps its previous spec and is flagged)."""

    def __init__(self, root: Path, namespace: str | None):
        self.root = root
        self.namespace = namespace
        self.problems: list[Any] = []
        self.broken_datasets: set[str] = set()

    def problem(self, file: str, line: int, message: str, key: str = "") -> None:
        self.problems.append(f"{file}:{line}: {message}")


def rebuild_charts(catalog: Any, datasets: dict, changed: set[str], data_root: Path,
                   library_root: Path | None) -> dict[str, tuple[Any, ChartFollow]]:
    from nap_desktop.core.charts.build import _Builder

    out: dict[str, tuple[Any, ChartFollow]] = {}
    wanted = {cid: spec for cid, spec in catalog.charts.items() if spec.dataset in changed}
    if not wanted:
        return out
    fact_ids = {f.id for f in catalog.facts}
    roots: list[tuple[Path, str | None, str]] = [(data_root, None, "bundled")]
    if library_root is not None:
        from nap_desktop.core.catalog.library_files import USER_PREFIX

        roots.append((library_root, USER_PREFIX, "user"))
    for root, namespace, origin in roots:
        blocks = _chart_blocks(root)
        for cid, old in wanted.items():
            if old.origin != origin or cid not in blocks:
                continue
            f, block, line = blocks[cid]
            loader = _QuietLoader(root, namespace)
            try:
                spec = _Builder(loader, f, block, line, datasets, fact_ids).build()
            except Exception as exc:  # noqa: BLE001 - the chart keeps its previous spec, flagged
                spec, loader.problems = None, [f"{type(exc).__name__}: {exc}"]
            if spec is None:
                follow = ChartFollow(spec=old, flags=[("rows", "the chart cannot be drawn from the updated rows "
                                                               f"({'; '.join(loader.problems[:2])}); it keeps its "
                                                               "previous values")])
                out[cid] = (old, follow)
                continue
            spec = replace(spec, origin=old.origin)
            ds = datasets.get(spec.dataset)
            titles = {"en": ds.title_en if ds else spec.title_en, "es": (ds.title_es if ds else "") or spec.title_es}
            follow = follow_chart(old, spec, block, ds, titles)
            out[cid] = (follow.spec, follow)
    return out


def newer_figures(catalog: Any, datasets: dict, changed: set[str], data_root: Path,
                  sources: dict) -> dict[str, dict[str, Any]]:
    """Facts whose check (checks.toml) now gives another figure from rows an update changed."""
    from nap_desktop.core.catalog import checks as checks_mod
    from nap_desktop.core.catalog import indicators as ind
    from nap_desktop.core.catalog.files import _TomlFile
    from nap_desktop.core.formatting import format_value

    path = data_root / "checks.toml"
    if not path.is_file():
        return {}
    f = _TomlFile(path, data_root, [])
    out: dict[str, dict[str, Any]] = {}
    for block, _line in f.blocks("check", []):
        did = block.get("dataset")
        if did not in changed:
            continue
        fact = catalog.fact(str(block.get("fact", "")))
        ds, old_ds = datasets.get(did), catalog.datasets.get(did)
        if fact is None or ds is None or fact.value is None or fact.unit == "date":
            continue
        try:
            got = checks_mod.recompute(ds, block) * float(block.get("scale", 1))
            before = checks_mod.recompute(old_ds, block) * float(block.get("scale", 1))
        except (ind.MissingInput, KeyError, ZeroDivisionError, TypeError, ValueError):
            continue
        places = checks_mod.written_decimals(fact.value, fact.decimals)
        if abs(got - before) <= 1e-9 * max(1.0, abs(got)) or round(got, places) == round(fact.value, places):
            continue
        used = _rows_used(ds, block)
        src_ids = list(dict.fromkeys(r.source for r in used))
        names = [_cite(sources.get(s)) for s in src_ids if s in sources]
        names_es = [_cite(sources.get(s), "es") for s in src_ids if s in sources]
        value_en = format_value(round(got, places), fact.unit, "en", decimals=places)
        value_es = format_value(round(got, places), fact.unit, "es", decimals=places)
        period = fact.period_text("en")
        out[fact.id] = {
            "old": fact.value, "new": round(got, places), "unit": fact.unit, "dataset": did,
            "value_en": value_en, "value_es": value_es, "sources": src_ids,
            "text_en": f"Newer figure: {value_en} ({period}; {'; '.join(names)}). The figure shown is the report's.",
            "text_es": f"Cifra más reciente: {value_es} ({fact.period_text('es')}; {'; '.join(names_es)}). "
                       "La cifra que se muestra es la del informe.",
        }
    return out


def _cite(src: Any, lang: str = "en") -> str:
    if src is None:
        return ""
    publisher = src.publisher_in(lang) if hasattr(src, "publisher_in") else src.publisher
    when = f", {src.date}" if src.date else ""
    return f"{publisher}{when}"


def _rows_used(ds: Any, block: dict) -> list[Any]:
    keys = []
    series, period = str(block.get("series", "")), str(block.get("period", ""))
    cat = str(block.get("category", ""))
    how = block.get("compute", "value")
    if how in ("growth", "change"):
        keys = [(cat, series, str(block.get("period_from", ""))), (cat, series, period)]
    elif how == "sum":
        keys = ([(cat, str(s), period) for s in block.get("series_list", [])] if "series_list" in block
                else [(str(c), series, period) for c in block.get("categories", [])])
    elif how == "share":
        keys = [(cat, series, period), (str(block.get("total", "")), series, period)]
    elif how == "tdr":
        keys = [(cat, str(block.get("exports", "exports")), period), (cat, str(block.get("imports", "imports")), period)]
    else:
        keys = [(cat, series, period)]
    index = ds.row_index()
    return [index[k] for k in keys if k in index]
