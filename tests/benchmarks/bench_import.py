"""Growth with input size: importing a user's table of 10k and 100k rows (DESIGN.md budgets).

Three figures per size, each the median of several runs, all measured in this process:
  * parse CSV: ``parse_csv`` on a file of N rows x 3 series written as Mexico writes numbers (1,234.5);
  * parse XLSX: ``parse_xlsx`` (openpyxl read-only) on the same table as a workbook;
  * import: ``parse_csv`` + ``save_table`` into an empty library (writes the dataset and chart, then
    validates the library with the real loader, which builds the chart from every row).
Reported as time per row, and growth = time(100k) / time(10k) / 10 (1.0 is linear; budget 1.3).
Baseline, measured in the same run: the 10k-row figure scaled linearly.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import Figure, header, report, timed  # type: ignore[no-redef]
else:
    from ._common import Figure, header, report, timed

SERIES = ("Exports", "Imports", "Balance")
SOURCE = {"publisher": "Benchmark", "title": "Synthetic table for timing only (never shipped)",
          "url": "https://example.org/benchmark-table", "date": "2026-01-01", "status": "official"}


def write_tables(folder: Path, rows: int) -> tuple[Path, Path]:
    import openpyxl

    csv_path = folder / f"t{rows}.csv"
    with csv_path.open("w", encoding="utf-8") as out:
        out.write("Month," + ",".join(SERIES) + "\n")
        for i in range(rows):
            out.write(f"m{i:06d},\"{1000 + i:,}.5\",\"{2000 + i:,}.25\",{-(i % 97)}\n")
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("Table")
    ws.append(["Month", *SERIES])
    for i in range(rows):
        ws.append([f"m{i:06d}", 1000 + i + 0.5, 2000 + i + 0.25, -(i % 97)])
    xlsx_path = folder / f"t{rows}.xlsx"
    book.save(xlsx_path)
    return csv_path, xlsx_path


def _parse_csv(path: Path, rows: int) -> None:
    from nap_desktop.core.catalog.tables import parse_csv

    table = parse_csv(path)
    if table.problems or len(table.categories) != rows:
        raise RuntimeError(f"benchmark table does not parse: {table.problems[:3]}")


def _parse_xlsx(path: Path, rows: int) -> None:
    from nap_desktop.core.catalog.tables import parse_xlsx

    table = parse_xlsx(path)
    if table.problems or len(table.categories) != rows:
        raise RuntimeError(f"benchmark workbook does not parse: {table.problems[:3]}")


def _import(path: Path, folder: Path) -> None:
    from nap_desktop.core.catalog.library import save_table
    from nap_desktop.core.catalog.tables import parse_csv

    library = folder / "library"
    if library.exists():
        shutil.rmtree(library)
    save_table(library, parse_csv(path), id="bench", kind="line", title_en="Benchmark", unit="usd_mn",
               source=dict(SOURCE), status="official")


def make_library(folder: Path, facts: int = 1000) -> Path:
    """A user library of ``facts`` facts (one file each, as the app writes them) citing one source."""
    from nap_desktop.core.catalog.library import fact_to_toml, init_library

    library = init_library(folder / f"library-{facts}")
    (library / "sources" / "user.bench.toml").write_text(
        '[[source]]\nid = "user.bench"\npublisher = "Benchmark"\ntitle = "Synthetic facts for timing only"\n'
        'url = "https://example.org/benchmark-facts"\ndate = "2026-01-01"\nstatus = "official"\n', encoding="utf-8")
    for i in range(facts):
        (library / "facts" / f"user.f{i:04d}.toml").write_text(fact_to_toml({
            "id": f"user.f{i:04d}", "section": "usmca", "topic": "jobs", "countries": ["US"], "value": float(i),
            "unit": "count_th", "period": "2025-12", "title_en": f"Benchmark fact {i}",
            "text_en": f"Benchmark statement {i}.", "text_es": f"Enunciado de prueba {i}.",
            "sources": ["user.bench"]}), encoding="utf-8")
    return library


def library_load(*, runs: int = 3) -> list[Figure]:
    """Loading the catalog with a 1,000-fact user library, against the bundled catalog alone (start-up)."""
    from nap_desktop.core.catalog.library import load_catalog_with_library
    from nap_desktop.core.catalog.loader import load_catalog

    header(f"catalog load with a 1,000-fact user library (median of {runs})")
    with tempfile.TemporaryDirectory(prefix="nap-bench-library-") as tmp:
        library = make_library(Path(tmp))
        bundled, _ = timed(load_catalog, runs=runs)
        with_library, _ = timed(lambda: load_catalog_with_library(library), runs=runs)
    return report([Figure("catalog load, bundled + 1,000 user facts", with_library, "ms", bundled,
                          "bundled catalog alone", note=f"+{(with_library - bundled) / 1000:.3f} ms per user fact")])


def run(*, runs: int = 3, sizes: tuple[int, int] = (10_000, 100_000)) -> list[Figure]:
    small, large = sizes
    factor = large / small
    header(f"import: user tables of {small:,} and {large:,} rows x {len(SERIES)} series (median of {runs})")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="nap-bench-import-") as tmp:
        folder = Path(tmp)
        files = {n: write_tables(folder, n) for n in sizes}
        for label, fn, n_runs in (
                ("parse CSV", lambda n: _parse_csv(files[n][0], n), runs),
                ("parse XLSX", lambda n: _parse_xlsx(files[n][1], n), max(1, runs - 1)),
                ("import CSV into a library", lambda n: _import(files[n][0], folder), max(1, runs - 1))):
            t_small, _ = timed(lambda: fn(small), runs=n_runs)
            t_large, _ = timed(lambda: fn(large), runs=n_runs, warmup=0)
            figures += [
                Figure(f"{label}, {small:,} rows", t_small / small * 1000, "µs per row", note=f"{t_small:.0f} ms total"),
                Figure(f"{label}, {large:,} rows", t_large / large * 1000, "µs per row", note=f"{t_large:.0f} ms total"),
                Figure(f"{label} growth {small // 1000}k->{large // 1000}k rows", t_large / factor, "ms per 10k-equivalent",
                       t_small, f"{small:,}-row {label} (linear = 1.0)", budget_ratio=1.3,
                       note=f"time({large // 1000}k)/time({small // 1000}k)/{factor:g}"),
            ]
    report(figures)
    return figures + library_load(runs=runs)


if __name__ == "__main__":
    run()
