"""Runs every benchmark and prints each figure with its baseline, ratio and budget; exit 1 if a budget is missed.

    python tests/benchmarks/run_all.py [--quick] [--only startup,search,export,load,growth,import,long] [--repeat N] [--json OUT]

Not part of the default test run (pyproject: --ignore=tests/benchmarks). Takes about 2-3 minutes on
a 2-core machine; --quick uses fewer repetitions (for a smoke check of the benchmarks themselves).

--repeat N runs the whole selection N times in a row (each run is the median of its own repetitions)
and reports every figure with its median over the runs and its spread (lowest-highest). A budget
counts as met only when the figure is within it on every one of the N runs ("three runs in a row":
--repeat 3); the exit status follows that rule.
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
import bench_long_input  # noqa: E402
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
    "long": lambda quick: bench_long_input.run(runs=2 if quick else 3),
    "briefs": lambda quick: bench_briefs.run(runs=2 if quick else 5),
    "updates": lambda quick: bench_updates.run(runs=2 if quick else 5),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--only", default=",".join(BENCHES), help="comma-separated: " + ", ".join(BENCHES))
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run the selection N times; report medians and spreads; a budget is met when met on all N")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    print(f"machine: {_common.machine()}")
    started = time.perf_counter()
    runs: list[list[_common.Figure]] = []
    failed: list[str] = []
    for run in range(args.repeat):
        if args.repeat > 1:
            print(f"\n######## run {run + 1} of {args.repeat} ########", flush=True)
        figures: list[_common.Figure] = []
        for name in args.only.split(","):
            try:
                figures += BENCHES[name.strip()](args.quick)
            except Exception as exc:  # noqa: BLE001 - one broken benchmark must not hide the others
                failed.append(name)
                print(f"  {name}: FAILED to run: {exc!r}", flush=True)
        runs.append(figures)
    if args.repeat > 1:
        return _summarise_runs(runs, sorted(set(failed)), time.perf_counter() - started, args.json)
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


def _summarise_runs(runs: list[list[_common.Figure]], failed: list[str], seconds: float, json_out: Path | None) -> int:
    """Each figure over the runs: its median, its spread (lowest-highest) and whether every run met its budget."""
    import statistics

    # a figure is its name and its baseline ("export XLSX --all" is measured against XlsxWriter, with a
    # budget, and against openpyxl, without): merged by name alone, the six made a three-run figure fail
    by_name: dict[tuple[str, str], list[_common.Figure]] = {}
    for figures in runs:
        for fig in figures:
            by_name.setdefault((fig.name, fig.baseline_name or ""), []).append(fig)
    print(f"\n== summary over {len(runs)} runs ({seconds:.0f} s): median [lowest-highest] ==")
    rows = []
    met = missed = 0
    for (name, _baseline), figs in by_name.items():
        values = [f.value for f in figs]
        ratios = [f.ratio for f in figs if f.ratio is not None]
        first = figs[0]
        oks = [f.ok for f in figs]
        budgeted = first.ok is not None
        all_ok = budgeted and len(figs) == len(runs) and all(oks)
        line = f"{name}: {_common._fmt(statistics.median(values))} {first.unit} [{_common._fmt(min(values))}-{_common._fmt(max(values))}]"
        if ratios:
            line += (f" | ratio {statistics.median(ratios):.2f}x [{min(ratios):.2f}-{max(ratios):.2f}]"
                     f" vs {first.baseline_name}")
        if first.budget_ratio is not None:
            line += f" (budget <= {first.budget_ratio:g}x)"
        elif first.budget_abs is not None:
            line += f" (budget <= {first.budget_abs:g} {first.unit})"
        if budgeted:
            line += f" | within budget on {sum(bool(o) for o in oks)} of {len(runs)} runs"
            met += all_ok
            missed += not all_ok
            print(("  OK      " if all_ok else "  MISSED  ") + line)
        else:
            print("          " + line)
        rows.append({"name": name, "unit": first.unit, "values": values, "median": statistics.median(values),
                     "min": min(values), "max": max(values), "ratios": ratios,
                     "median_ratio": statistics.median(ratios) if ratios else None,
                     "budget_ratio": first.budget_ratio, "budget_abs": first.budget_abs,
                     "ok_runs": [bool(o) if o is not None else None for o in oks],
                     "met": all_ok if budgeted else None, "baseline_name": first.baseline_name})
    print(f"{met}/{met + missed} budgets met on all {len(runs)} runs" + (f"; could not run: {', '.join(failed)}" if failed else ""))
    if json_out:
        json_out.write_text(json.dumps({"machine": _common.machine(), "runs": len(runs), "figures": rows}, indent=1))
    return 1 if missed or failed else 0


if __name__ == "__main__":
    sys.exit(main())
