"""Runs every benchmark and prints each figure with its baseline, ratio and budget; exit 1 if a budget is missed.

    python tests/benchmarks/run_all.py [--quick] [--only startup,search,export,load,growth,import] [--json OUT]

Not part of the default test run (pyproject: --ignore=tests/benchmarks). Takes about 2-3 minutes on
a 2-core machine; --quick uses fewer repetitions (for a smoke check of the benchmarks themselves).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import _common  # noqa: E402
import bench_briefs  # noqa: E402
import bench_catalog_load  # noqa: E402
import bench_export  # noqa: E402
import bench_growth  # noqa: E402
import bench_handout  # noqa: E402
import bench_import  # noqa: E402
import bench_search  # noqa: E402
import bench_startup  # noqa: E402
import bench_updates  # noqa: E402

BENCHES = {
    "startup": lambda quick: bench_startup.run(runs=3 if quick else 7),
    "search": lambda quick: bench_search.run(repeats=3 if quick else 7),
    "export": lambda quick: bench_export.run(runs=2 if quick else 5),
    "load": lambda quick: bench_catalog_load.run(runs=2 if quick else 5),
    "growth": lambda quick: bench_growth.run(runs=3 if quick else 5),
    "handout": lambda quick: bench_handout.run(runs=2 if quick else 5),
    "import": lambda quick: bench_import.run(runs=2 if quick else 3),
    "briefs": lambda quick: bench_briefs.run(runs=2 if quick else 5),
    "updates": lambda quick: bench_updates.run(runs=2 if quick else 5),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--only", default=",".join(BENCHES), help="comma-separated: " + ", ".join(BENCHES))
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    print(f"machine: {_common.machine()}")
    started = time.perf_counter()
    figures: list[_common.Figure] = []
    failed: list[str] = []
    for name in args.only.split(","):
        try:
            figures += BENCHES[name.strip()](args.quick)
        except Exception as exc:  # noqa: BLE001 - one broken benchmark must not hide the others
            failed.append(name)
            print(f"  {name}: FAILED to run: {exc!r}", flush=True)
    print(f"\n== summary ({time.perf_counter() - started:.0f} s) ==")
    budgeted = [f for f in figures if f.ok is not None]
    for fig in budgeted:
        print(("  OK      " if fig.ok else "  MISSED  ") + fig.line())
    missed = [f for f in budgeted if not f.ok]
    print(f"{len(budgeted) - len(missed)}/{len(budgeted)} budgets met" + (f"; could not run: {', '.join(failed)}" if failed else ""))
    if args.json:
        args.json.write_text(json.dumps({"machine": _common.machine(), "figures": [
            {"name": f.name, "value": f.value, "unit": f.unit, "baseline": f.baseline, "baseline_name": f.baseline_name,
             "ratio": f.ratio, "budget_ratio": f.budget_ratio, "budget_abs": f.budget_abs, "ok": f.ok, "note": f.note}
            for f in figures]}, indent=1))
    return 1 if missed or failed else 0


if __name__ == "__main__":
    sys.exit(main())
