"""Updates from agency files: one BTS monthly dot1 file (~28,000 rows) and all twelve, and the catalog
rebuild after an update against a cold load.

Figures, each the median of several runs in this process:
  * review of one month: read the file by its content, sum it by state/mode/destination, map it to the
    state datasets and compare with the catalog (core/catalog/updates review_files);
  * review of twelve months, reported as growth = time(12) / time(1) / 12 (1.0 is linear; budget 1.3);
  * rebuild after the update: the twelve months applied as a layer over the loaded catalog (rows replaced,
    ranks and totals recomputed, charts rebuilt), against a cold load of the catalog from its files
    (budget 1.0x: taking an update must never cost more than starting again);
  * reload with the layer: what the window does after Apply (load from the files + the layer), for the record.
The real 2023 files of ../shared/reference-data are used when present; otherwise synthetic files of the
same layout and size are written (the figures say which).
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import Figure, header, report, timed  # type: ignore[no-redef]
else:
    from ._common import Figure, header, report, timed

RAW = Path(__file__).resolve().parents[3] / "shared" / "reference-data" / "raw" / "BTS_TransBorder"
HEADER = "TRDTYPE,USASTATE,DEPE,DISAGMOT,MEXSTATE,CANPROV,COUNTRY,VALUE,SHIPWT,FREIGHT_CHARGES,DF,CONTCODE,MONTH,YEAR"
STATES = ("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH "
          "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DU").split()


def _synthetic(folder: Path, month: int, rows: int = 28_000) -> Path:
    rng = random.Random(month)
    lines = [HEADER]
    for _ in range(rows):
        mx = rng.random() < 0.4
        lines.append(f"{rng.choice('12')},{rng.choice(STATES)},{rng.randint(100, 3999):04d},{rng.choice('1345679')},"
                     f"{rng.choice(('NL', 'CH', 'BC', 'OT')) if mx else ''},{'' if mx else rng.choice(('XO', 'XQ', 'XA'))},"
                     f"{'2010' if mx else '1220'},{rng.randint(1000, 50_000_000)},0,0,1,X,{month:02d},2023")
    path = folder / f"dot1_{month:02d}23.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def files(folder: Path) -> tuple[list[Path], str]:
    real = [RAW / f"dot1_{m:02d}23.csv" for m in range(1, 13)]
    if all(p.is_file() for p in real):
        return real, "the real 2023 BTS files"
    return [_synthetic(folder, m) for m in range(1, 13)], "synthetic files of the dot1 layout (../shared absent)"


def run(*, runs: int = 3) -> list[Figure]:
    from nap_desktop.core.catalog.library import init_library, load_catalog_with_library
    from nap_desktop.core.catalog.updates import review as rv
    from nap_desktop.core.catalog.updates.apply import apply_layers, before_updates
    from nap_desktop.core.catalog.updates.layer import list_layers

    today = date(2026, 12, 7)
    with tempfile.TemporaryDirectory(prefix="nap-bench-updates-") as tmp:
        folder = Path(tmp)
        paths, what = files(folder)
        rows = sum(1 for _ in paths[0].open(encoding="utf-8")) - 1
        header(f"updates: BTS dot1, one month ({rows:,} rows) and twelve; {what} (median of {runs})")
        library = init_library(folder / "library")
        catalog = load_catalog_with_library(library)
        t1, _ = timed(lambda: rv.review_files(paths[:1], catalog, today), runs=runs)
        t12, _ = timed(lambda: rv.review_files(paths, catalog, today), runs=max(1, runs - 1), warmup=0)
        review = rv.review_files(paths, catalog, today)
        layer = rv.accept(review, catalog, library)
        if layer is None:
            raise RuntimeError("the benchmark's twelve files gave nothing to apply")
        layers = list_layers(library)
        base = before_updates(load_catalog_with_library(library))
        rebuild, _ = timed(lambda: apply_layers(base, layers, library_root=library), runs=runs)
        cold, _ = timed(lambda: load_catalog_with_library(None), runs=runs)
        reload, _ = timed(lambda: load_catalog_with_library(library), runs=runs)
        n_rows = len(layer.rows)
    figures = [
        Figure("update review, one BTS month", t1, "ms", note=f"{t1 / rows * 1000:.2f} µs per row"),
        Figure("update review, twelve BTS months", t12, "ms", note=f"{t12 / (12 * rows) * 1000:.2f} µs per row"),
        Figure("update review growth 1->12 months", t12 / 12, "ms per month", t1, "one month (linear = 1.0)",
               budget_ratio=1.3, note="time(12)/time(1)/12"),
        Figure("catalog rebuild after the update", rebuild, "ms", cold, "cold load of the catalog", budget_ratio=1.0,
               note=f"{n_rows:,} layer rows: rows replaced, totals and ranks recomputed, charts rebuilt"),
        Figure("catalog reload with the layer (after Apply)", reload, "ms", cold, "cold load of the catalog",
               note="load from the files, then the layer"),
    ]
    return report(figures)


if __name__ == "__main__":
    run()
