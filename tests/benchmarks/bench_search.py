"""Search as you type: per-keystroke latency on the catalog and on a synthetic catalog 100x larger.

Each query is typed one character at a time; every prefix is one keystroke, searched as the search
box does (whole query, all facts, optionally a country filter), in a fresh typing session each
repetition. Budget: 16 ms (one frame at 60 Hz) for the slowest keystroke. Also printed: a pasted
query (nothing to reuse from a previous keystroke), the one-off index build, a naive scan (lower-cased
substring test over the two statements) as a reference baseline, and the figure the user sees: the
main window's search box, where each keystroke also re-lays out the fact cards and repaints
(on data/ and on a 10x catalog; the 100x window takes over a minute just to build).
"""

from __future__ import annotations

import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import Figure, header, report  # type: ignore[no-redef]
    from synthetic import make_synthetic_data  # type: ignore[no-redef]
else:
    from ._common import Figure, header, report
    from .synthetic import make_synthetic_data

BUDGET_MS = 16.0
#: (query, country filter): English, Spanish without accents, Spanish with accents, several words.
TYPED = [
    ("exportacion agricola", ()),
    ("manufacturing jobs", ()),
    ("semiconductores", ()),
    ("trade deficit ratio", ()),
    ("méxico canadá", ()),
    ("laredo", ()),
    ("autos", ("MX",)),
]


def keystrokes() -> list[tuple[str, tuple[str, ...]]]:
    out: list[tuple[str, tuple[str, ...]]] = [("", ())]  # the box cleared: every fact
    for query, countries in TYPED:
        out += [(query[:i], countries) for i in range(1, len(query) + 1)]
    return out


def per_keystroke_ms(make_search, strokes, repeats: int) -> list[float]:
    """For every keystroke, the median (over `repeats` typing sessions) of its first and only timing.

    Each session types the whole sequence once into a fresh search (built outside the timing), so a
    keystroke may profit from the one before it, as in the search box, but never from itself.
    """
    sessions = []
    for _ in range(repeats):
        search = make_search()
        times = []
        for query, countries in strokes:
            start = time.perf_counter()
            search(query, countries)
            times.append((time.perf_counter() - start) * 1000)
        sessions.append(times)
    return [statistics.median(column) for column in zip(*sessions)]


def full_scan_ms(make_search, queries, repeats: int) -> list[float]:
    """Each query on a fresh search: a pasted query, with nothing to reuse (median of `repeats`)."""
    out = []
    for query, countries in queries:
        samples = []
        for _ in range(repeats):
            search = make_search()
            start = time.perf_counter()
            search(query, countries)
            samples.append((time.perf_counter() - start) * 1000)
        out.append(statistics.median(samples))
    return out


def measure(catalog, label: str, repeats: int) -> list[Figure]:
    from nap_desktop.core.catalog.search import SearchIndex, normalise

    start = time.perf_counter()
    SearchIndex(catalog)
    build_ms = (time.perf_counter() - start) * 1000
    strokes = keystrokes()

    built = SearchIndex(catalog)

    def make_app():
        # A fresh search per session: the built index without anything remembered from earlier queries
        # (building it again would be identical and costs seconds on the large catalog).
        index = copy.copy(built)
        for name, empty in (("_cache", {}), ("_last", None)):
            if hasattr(index, name):
                setattr(index, name, copy.copy(empty))
        return lambda q, c: index.search(q, countries=c)

    app = per_keystroke_ms(make_app, strokes, repeats)
    pasted = full_scan_ms(make_app, TYPED + [("zzzz", ()), ("e", ())], max(3, repeats // 2))

    texts = [(f.text_en.lower() + "\n" + f.text_es.lower(), frozenset(f.countries)) for f in catalog.facts]

    def naive(query: str, countries: tuple[str, ...]) -> list[int]:
        words = query.lower().split()
        wanted = set(countries)
        return [i for i, (t, cs) in enumerate(texts)
                if (not wanted or wanted & cs) and all(w in t for w in words)]

    base = per_keystroke_ms(lambda: naive, strokes, repeats)
    worst = max(app)
    p95 = sorted(app)[int(0.95 * (len(app) - 1))]
    n = len(catalog.facts)
    return [
        Figure(f"search {label}: slowest keystroke", worst, "ms", budget_abs=BUDGET_MS,
               note=f"{n} facts, {len(strokes)} keystrokes; median {statistics.median(app):.3f} ms, p95 {p95:.3f} ms"),
        Figure(f"search {label}: median keystroke", statistics.median(app), "ms",
               statistics.median(base), "naive lower()+substring scan of text_en/text_es"),
        Figure(f"search {label}: slowest pasted query (no previous keystroke to reuse)", max(pasted), "ms",
               budget_abs=BUDGET_MS, note=f"{len(pasted)} queries incl. a 1-letter and a no-match one"),
        Figure(f"search {label}: index build (once per catalog)", build_ms, "ms"),
    ]


def measure_ui(data: Path, label: str, limit: int) -> list[Figure]:
    """The main window's search box (child process, offscreen): filter + card layout + repaint per keystroke."""
    import json
    import os
    import subprocess

    child = Path(__file__).resolve().parent / "_search_ui_child.py"
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    proc = subprocess.run([sys.executable, str(child), str(data), str(limit)], env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=900)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"search UI child failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    out = json.loads(lines[-1])
    times = out["times"]
    return [Figure(f"search box in the window {label}: slowest keystroke", max(times), "ms", budget_abs=BUDGET_MS,
                   note=f"{out['facts']} facts, {len(times)} keystrokes, median of {out['repeats']} sessions each; "
                        f"median keystroke {statistics.median(times):.1f} ms, slowest single timing "
                        f"{out['worst_single']:.1f} ms; "
                        f"window with all cards built in {out['build_ms']:.0f} ms")]


def run(*, factor: int = 100, repeats: int = 5, ui: bool = True, ui_factor: int = 10) -> list[Figure]:
    from nap_desktop.core.catalog.loader import load_catalog_with_problems
    from nap_desktop.paths import data_dir

    header(f"search per keystroke (median of {repeats} per keystroke)")
    catalog, _ = load_catalog_with_problems(data_dir())
    figures = measure(catalog, "data/", repeats)
    with tempfile.TemporaryDirectory(prefix="nap-bench-") as tmp:
        big, _ = load_catalog_with_problems(make_synthetic_data(Path(tmp) / "data", factor=factor))
        figures += measure(big, f"synthetic x{factor}", repeats)
        if ui:  # the user's figure: what a keystroke costs in the window, cards included
            figures += measure_ui(data_dir(), "data/", 1000)
            small = make_synthetic_data(Path(tmp) / f"data{ui_factor}", factor=ui_factor)
            figures += measure_ui(small, f"synthetic x{ui_factor}", 12)
    return report(figures)


if __name__ == "__main__":
    run()
