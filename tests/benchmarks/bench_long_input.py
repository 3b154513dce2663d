"""Growth with hostile input sizes (issue 27): a 100,000-character text, a 100,000-row table, many notes.

Each figure is time(large) / time(small) / (large / small), measured with the two sizes alternating in the
same process (one warm-up pair discarded), as bench_growth does: 1.0 is linear, the budget is 1.3x. What is
refused up front (a chart of a 100,000-row table in the deck and the handout; a pack of 100,000 notes) is
timed as a refusal, with its absolute time (budget: under a second).

- wrap: one 100,000-character word (a pasted URL) and a 100,000-character paragraph vs 25,000 (textmetrics)
- text export: a pack whose title, audience, a fact's text, note, talking points and a source's title are
  each 100,000 characters vs 25,000, through the deck and the handout
- table: a chart over 100,000 rows vs 25,000: the workbook (all rows) grows linearly; the deck refuses it
- notes: 250 vs 1,000 note items through the deck and the workbook; 100,000 notes refused
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import REPO, Figure, header, report  # type: ignore[no-redef]
else:
    from ._common import REPO, Figure, header, report

sys.path.insert(0, str(REPO / "tests" / "exporters"))
NOW = datetime(2026, 5, 1, 12, 30, tzinfo=timezone.utc)


def _alternate(make, sizes: tuple[int, int], runs: int) -> tuple[list[float], list[float]]:
    """ms of each run at each size, alternating small/large, one warm-up pair discarded."""
    out: tuple[list[float], list[float]] = ([], [])
    for run in range(runs + 1):
        for i, n in enumerate(sizes):
            fn = make(n)
            gc.collect()
            start = time.perf_counter()
            fn()
            ms = (time.perf_counter() - start) * 1000
            if run:
                out[i].append(ms)
    return out


def _growth(name: str, make, sizes: tuple[int, int], runs: int, unit_note: str) -> list[Figure]:
    small_ms, large_ms = _alternate(make, sizes, runs)
    small, large = statistics.median(small_ms), statistics.median(large_ms)
    factor = sizes[1] / sizes[0]
    return [
        Figure(f"{name} {sizes[1]:,}", large, "ms", note=f"{unit_note}; {min(large_ms):.1f}-{max(large_ms):.1f} ms"),
        Figure(f"{name} growth {sizes[0]:,}->{sizes[1]:,}", large / factor, f"ms per {sizes[0]:,}-equivalent", small,
               f"{sizes[0]:,} (linear = 1.0)", budget_ratio=1.3,
               note=f"time({sizes[1]:,})/time({sizes[0]:,})/{factor:g}, medians of {runs} alternating pairs"),
    ]


def run(*, runs: int = 3) -> list[Figure]:
    from fixture_catalog import make_catalog

    from nap_desktop.core import textmetrics
    from nap_desktop.core.pack.packfile import Pack, PackItem
    from nap_desktop.exporters import REGISTRY, ExportError

    catalog = make_catalog()
    figures: list[Figure] = []
    header(f"long inputs: 100,000-character texts, 100,000-row tables, many notes (median of {runs})")

    def wrap_word(n):
        word = ("https://example.org/" + "a1b2c3d4e5" * n)[:n]
        return lambda: textmetrics.wrap(word, 300.0, 12.0)

    def wrap_words(n):
        text = ("The North American trade relationship matters " * (n // 47 + 1))[:n]
        return lambda: textmetrics.wrap(text, 420.0, 16.0)

    textmetrics._width_100.cache_clear()
    figures += _growth("wrap, one word of", wrap_word, (25_000, 100_000), runs, "characters, textmetrics.wrap")
    figures += _growth("wrap, a paragraph of", wrap_words, (25_000, 100_000), runs, "characters")

    tmp = Path(tempfile.mkdtemp(prefix="nap-bench-long-"))
    f0 = catalog.facts[0]
    src_id = f0.sources[0]

    def text_export(n):
        text = ("lorem ipsum dolor sit amet " * (n // 27 + 1))[:n]
        facts = (replace(f0, text_en=text, note_en=text),) + tuple(catalog.facts[1:])
        sources = dict(catalog.sources)
        sources[src_id] = replace(sources[src_id], title=text)
        cat = replace(catalog, facts=facts, sources=sources)
        pack = Pack(title=text, audience=text, items=(PackItem("fact", f0.id, talking_points=text, uid="f1"),
                                                     PackItem("note", text=text, talking_points=text, uid="n1")))

        def go():
            REGISTRY["pptx"].function(pack, cat, tmp / "t.pptx", lang="en", now=NOW)
            REGISTRY["pdf"].function(pack, cat, tmp / "t.pdf", lang="en", now=NOW)
        return go

    figures += _growth("deck + handout, texts of", text_export, (25_000, 100_000), runs,
                       "characters in 7 fields")

    cid = next(k for k, c in catalog.charts.items() if c.kind == "bar")

    def big_catalog(n):
        base = catalog.charts[cid]
        cats = tuple(f"c{i:06d}" for i in range(n))
        series = (replace(base.series[0], values=tuple(float(i % 997) for i in range(n))),)
        spec = replace(base, categories=cats, category_labels_en=cats, category_labels_es=cats, series=series,
                       gaps=(), highlight=(), category_colors=())
        return replace(catalog, charts={**catalog.charts, cid: spec})

    chart_pack = Pack(title="Rows", items=(PackItem("chart", cid, uid="c"),))

    def workbook(n):
        cat = big_catalog(n)
        return lambda: REGISTRY["xlsx"].function(chart_pack, cat, tmp / "r.xlsx", lang="en", now=NOW)

    figures += _growth("workbook, a chart of", workbook, (25_000, 100_000), runs, "rows")
    cat = big_catalog(100_000)
    refusals = []
    for name in ("pptx", "pdf"):
        start = time.perf_counter()
        try:
            REGISTRY[name].function(chart_pack, cat, tmp / f"r{REGISTRY[name].extension}", lang="en", now=NOW)
            refused = False
        except ExportError:
            refused = True
        refusals.append(((time.perf_counter() - start) * 1000, name, refused))
    for ms, name, refused in refusals:
        figures.append(Figure(f"{name} of a 100,000-row chart: {'refused up front' if refused else 'WRITTEN'}", ms,
                              "ms", budget_abs=1000.0 if refused else 0.0, note="limit named in the message"))

    def notes(n):
        pack = Pack(title="Notes", items=tuple(PackItem("note", text="The same note", uid=f"n{i}") for i in range(n)))

        def go():
            REGISTRY["pptx"].function(pack, catalog, tmp / "n.pptx", lang="en", now=NOW)
            REGISTRY["xlsx"].function(pack, catalog, tmp / "n.xlsx", lang="en", now=NOW)
        return go

    figures += _growth("deck + workbook, notes:", notes, (250, 1_000), runs, "note items with one title")
    many = Pack(title="Notes", items=tuple(PackItem("note", text=f"N{i}", uid=f"n{i}") for i in range(100_000)))
    start = time.perf_counter()
    try:
        REGISTRY["pptx"].function(many, catalog, tmp / "m.pptx", lang="en", now=NOW)
        refused = False
    except ExportError:
        refused = True
    figures.append(Figure(f"deck of 100,000 notes: {'refused up front' if refused else 'WRITTEN'}",
                          (time.perf_counter() - start) * 1000, "ms", budget_abs=1000.0 if refused else 0.0))
    return report(figures)


if __name__ == "__main__":
    run()
