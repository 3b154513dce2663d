"""Catalog load: time to load and validate data/, and a synthetic data folder 100x larger.

Baseline, measured in the same run: only reading the same files (tomllib + csv, no model, no
validation), so the ratio is the cost of building and checking the catalog on top of parsing it.
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
import tomllib
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import Figure, header, report, timed  # type: ignore[no-redef]
    from synthetic import make_synthetic_data  # type: ignore[no-redef]
else:
    from ._common import Figure, header, report, timed
    from .synthetic import make_synthetic_data


def parse_only(root: Path) -> int:
    """The bare parse of every TOML and CSV file in the folder (what any loader must at least do)."""
    n = 0
    for path in sorted(root.rglob("*")):
        if path.suffix == ".toml":
            n += len(tomllib.loads(path.read_text("utf-8")))
        elif path.suffix == ".csv":
            n += sum(1 for _ in csv.DictReader(io.StringIO(path.read_text("utf-8"))))
    return n


def measure(root: Path, label: str, runs: int) -> tuple[list[Figure], int]:
    from nap_desktop.core.catalog.loader import load_catalog_with_problems

    catalog, problems = load_catalog_with_problems(root)
    app_ms, _ = timed(lambda: load_catalog_with_problems(root), runs=runs)
    base_ms, _ = timed(lambda: parse_only(root), runs=runs)
    rows = sum(len(d.rows) for d in catalog.datasets.values())
    note = (f"{len(catalog.facts)} facts, {len(catalog.datasets)} datasets, {rows} rows, "
            f"{len(catalog.charts)} charts; {len(problems)} problem(s)")
    return [Figure(f"load+validate {label}", app_ms, "ms", base_ms, "tomllib+csv parse only", note=note)], len(problems)


def run(*, factor: int = 100, runs: int = 5) -> list[Figure]:
    from nap_desktop.paths import data_dir

    header(f"catalog load (median of {runs})")
    figures, problems = measure(data_dir(), "data/", runs)
    with tempfile.TemporaryDirectory(prefix="nap-bench-") as tmp:
        big = make_synthetic_data(Path(tmp) / "data", factor=factor)
        more, big_problems = measure(big, f"synthetic x{factor}", max(3, runs // 2))
    figures += more
    # Scaling: the synthetic folder should cost about `factor` times the real one, not more.
    figures.append(Figure(f"scaling x{factor} / data/", more[0].value / factor, "ms per copy",
                          figures[0].value, "data/ once",
                          note="linear growth expected; >2x per copy means super-linear work"))
    if problems or big_problems:
        figures[0].note += " — data/ does not validate: run `nap-desktop data check`"
    return report(figures)


if __name__ == "__main__":
    run()
