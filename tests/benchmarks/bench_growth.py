"""Growth with input size: building charts from a dataset of 10k and 40k rows (DESIGN.md budgets).

Each chart declaration is resolved against one synthetic dataset (categories x periods x series,
the shape of a user's imported monthly trade table) exactly as `data/charts/*.toml` are, through
the real loader: a grid chart over every category, a period line chart, a timeline and the
dimension checks. The figure is time(40k) / time(10k) / 4: 1.0 is linear, the budget is 1.3.
Baseline, measured in the same run: the 10k-row build scaled linearly.
"""

from __future__ import annotations

import gc
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import Figure, header, report, timed  # type: ignore[no-redef]
else:
    from ._common import Figure, header, report, timed

CHARTS = '''
[[chart]]
id = "grid-by-category"
kind = "bar"
dataset = "big"
title_en = "Every category"
title_es = "Cada categoría"
x = "category"
series_from = "series"
where = { period = "p0000" }
highlight = ["c00001", "c00002"]

[[chart]]
id = "line-by-period"
kind = "line"
dataset = "big"
title_en = "Every period"
title_es = "Cada periodo"
x = "period"
series_from = "series"
where = { category = "c00000" }

[[chart]]
id = "share-of-total"
kind = "bar"
dataset = "big"
title_en = "Share"
title_es = "Participación"
x = "category"
series_from = "series"
where = { period = "p0001" }
compute = "share"
unit = "pct"
compute_args = { total = "c00000" }
'''


def make_dataset(rows: int):
    """rows = categories x 20 periods x 2 series; every value present."""
    from nap_desktop.core.catalog.model import Dataset, DatasetRow

    periods, series = 20, ("exports", "imports")
    categories = rows // (periods * len(series))
    out = []
    for c in range(categories):
        for p in range(periods):
            for si, s in enumerate(series):
                out.append(DatasetRow(category=f"c{c:05d}", series=s, period=f"p{p:04d}",
                                      value=float(1000 + c + p + si), source="bench", status="official",
                                      line=len(out) + 2))
    return Dataset(id="big", title_en="Big", title_es="Grande", unit="usd_mn", frequency="annual",
                   source="bench", status="official", rows=tuple(out))


def build(folder: Path, ds) -> int:
    from nap_desktop.core.catalog.loader import _Loader
    from nap_desktop.core.charts.build import build_charts

    loader = _Loader(folder)
    charts, _ = build_charts(loader, {"big": ds}, set())
    if loader.problems or len(charts) != 3:
        raise RuntimeError(f"the benchmark charts do not build: {[str(p) for p in loader.problems[:3]]}")
    return sum(len(s.values) for c in charts.values() for s in c.series)


def _time_build(folder: Path, rows: int, runs: int) -> float:
    # A fresh dataset for every run (made before the clock starts): its row index is built inside
    # the timed part, as on a first load.
    fresh = [make_dataset(rows) for _ in range(runs + 1)]
    gc.collect()
    ms, _ = timed(lambda: build(folder, fresh.pop()), runs=runs)
    return ms


def run(*, runs: int = 5, sizes: tuple[int, int] = (10_000, 40_000)) -> list[Figure]:
    small, large = sizes
    header(f"growth: chart building on {small:,} and {large:,} dataset rows (median of {runs})")
    with tempfile.TemporaryDirectory(prefix="nap-bench-growth-") as tmp:
        folder = Path(tmp)
        (folder / "charts").mkdir()
        (folder / "charts" / "big.toml").write_text(CHARTS, encoding="utf-8")
        build_small = _time_build(folder, small, runs)
        build_large = _time_build(folder, large, runs)
    factor = large / small
    figures = [
        Figure(f"chart building {small:,} rows", build_small, "ms", note="3 charts through the real loader"),
        Figure(f"chart building {large:,} rows", build_large, "ms", note="3 charts through the real loader"),
        Figure(f"chart building growth {small:,}->{large:,} rows", build_large / factor, "ms per 10k-equivalent",
               build_small, f"{small:,}-row build (linear = 1.0)", budget_ratio=1.3,
               note=f"time({large // 1000}k)/time({small // 1000}k)/{factor:g}"),
    ]
    return report(figures)


if __name__ == "__main__":
    run()
