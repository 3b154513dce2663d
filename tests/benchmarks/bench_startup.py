"""Start-up: first painted main window of the app vs a bare PySide6 QMainWindow, each in a new process.

Runs alternate (bare, app, bare, app, ...) so both see the same machine state; the first pair is a
discarded warm-up (it fills the OS file cache, as any second launch on a laptop would find it).
Time = from just before the process is spawned to the first Paint event of the QMainWindow
(CLOCK_MONOTONIC in both processes). Memory = resident set size right after that first paint.
Both run on the same Qt platform (offscreen unless QT_QPA_PLATFORM is set) with a throw-away HOME.
The app is also started with a 1,000-fact user library (one file per fact, one user source, made by
bench_import.make_library in a temp folder and passed via $NAP_LIBRARY), against the same bare runs.
Budgets: app <= 3x bare, also with the 1,000-fact library; RSS <= 250 MB.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import Figure, header, report  # type: ignore[no-redef]
    from bench_import import make_library  # type: ignore[no-redef]
else:
    from ._common import Figure, header, report
    from .bench_import import make_library

CHILD = Path(__file__).resolve().parent / "_startup_child.py"


def launch(mode: str, env: dict[str, str]) -> tuple[float, float]:
    """(ms to first paint, RSS MB) of one cold process; mode "app-library" is the app with $NAP_LIBRARY."""
    if mode == "app-library":
        mode = "app"
    else:
        env = {k: v for k, v in env.items() if k != "NAP_LIBRARY"}
    start = time.monotonic_ns()
    proc = subprocess.run([sys.executable, str(CHILD), mode], env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    lines = [l for l in proc.stdout.splitlines() if l.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"start-up child '{mode}' failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    data = json.loads(lines[-1])
    return (data["painted_ns"] - start) / 1e6, data["rss_mb"]


def run(*, runs: int = 7) -> list[Figure]:
    header(f"start-up to first painted main window (median of {runs} cold processes each)")
    with tempfile.TemporaryDirectory(prefix="nap-bench-home-") as home:
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=str(Path(home) / ".config"),
                   XDG_DATA_HOME=str(Path(home) / ".local/share"), XDG_RUNTIME_DIR=home)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["NAP_LIBRARY"] = str(make_library(Path(home) / "bench-library", facts=1000))
        launch("bare", env)
        launch("app", env)
        launch("app-library", env)
        bare_ms, app_ms, lib_ms, bare_rss, app_rss = [], [], [], [], []
        for _ in range(runs):
            t, m = launch("bare", env)
            bare_ms.append(t)
            bare_rss.append(m)
            t, m = launch("app", env)
            app_ms.append(t)
            app_rss.append(m)
            lib_ms.append(launch("app-library", env)[0])
    platform_note = f"QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}"
    return report([
        Figure("start-up, first paint", statistics.median(app_ms), "ms", statistics.median(bare_ms),
               "bare PySide6 QMainWindow", budget_ratio=3.0,
               note=f"{platform_note}; app min {min(app_ms):.0f} / max {max(app_ms):.0f} ms"),
        Figure("start-up, first paint, 1,000-fact user library", statistics.median(lib_ms), "ms",
               statistics.median(bare_ms), "bare PySide6 QMainWindow", budget_ratio=3.0,
               note=f"{platform_note}; min {min(lib_ms):.0f} / max {max(lib_ms):.0f} ms"),
        Figure("memory after start (RSS)", statistics.median(app_rss), "MB", statistics.median(bare_rss),
               "bare PySide6 QMainWindow", budget_abs=250.0),
    ])


if __name__ == "__main__":
    run()
