"""Shared helpers for the benchmarks: timing (median of several runs), one printed line per figure."""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # run from a source checkout without `pip install .`
    sys.path.insert(0, str(REPO))


@dataclass
class Figure:
    """One measured figure, its baseline (measured in the same run) and its budget."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    budget_ratio: float | None = None  # the figure may be at most this many times its baseline
    budget_abs: float | None = None  # or at most this absolute value (same unit)
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline:
            return self.value / self.baseline
        return None

    @property
    def ok(self) -> bool | None:
        if self.budget_ratio is not None and self.ratio is not None:
            return self.ratio <= self.budget_ratio
        if self.budget_abs is not None:
            return self.value <= self.budget_abs
        return None

    def line(self) -> str:
        out = f"{self.name}: {_fmt(self.value)} {self.unit}"
        if self.baseline is not None:
            ratio = f"{self.ratio:.2f}x" if self.ratio is not None else "n/a"
            out += f" | baseline ({self.baseline_name}): {_fmt(self.baseline)} {self.unit} | ratio {ratio}"
        if self.budget_ratio is not None:
            out += f" (budget <= {self.budget_ratio:g}x)"
        elif self.budget_abs is not None:
            out += f" | {self.value / self.budget_abs:.2f} of budget (budget <= {self.budget_abs:g} {self.unit})"
        if self.ok is not None:
            out += " OK" if self.ok else " MISSED"
        if self.note:
            out += f"  [{self.note}]"
        return out


def _fmt(value: float) -> str:
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"


def timed(fn: Callable[[], object], *, runs: int = 5, warmup: int = 1) -> tuple[float, list[float]]:
    """Median wall time of `fn` in milliseconds over `runs` runs (after `warmup` discarded runs)."""
    for _ in range(warmup):
        fn()
    samples: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), samples


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} CPU ({cpu}){mem}, "
            f"Python {platform.python_version()}")


def header(title: str) -> None:
    print(f"\n== {title} ==", flush=True)


def report(figures: list[Figure]) -> list[Figure]:
    for fig in figures:
        print("  " + fig.line(), flush=True)
    return figures
