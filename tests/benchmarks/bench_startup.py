"""Start-up: first painted main window of the app vs a bare PySide6 QMainWindow, each in a new process.

Runs alternate (bare, app, bare, app, ...) so both see the same machine state; the first pair is a
discarded warm-up (it fills the OS file cache, as any second launch on a laptop would find it).
Time = from just before the process is spawned to the first Paint event of the QMainWindow
(CLOCK_MONOTONIC in both processes). Memory = resident set size right after that first paint.
Both run on the same Qt platform (offscreen unless QT_QPA_PLATFORM is set) with a throw-away HOME,
whose cache folder the warm-up fills as a first launch would (compiled bytecode, the app's start-up
catalog cache: core/catalog/cache.py).
The app is also started with a 1,000-fact user library (one file per fact, one user source, made by
bench_import.make_library in a temp folder and passed via $NAP_LIBRARY), against the same bare runs;
the app adds the library just after its first paint, so the time until the user's facts are in the
window is reported as well.
Budgets: app <= 2x bare, <= 2.5x with the 1,000-fact library; RSS <= 250 MB.

Timed from outside too, as the user waits for it: where Xvfb is installed (apt-get install xvfb), the
same pairs run on a private Xvfb server (QT_QPA_PLATFORM=xcb) and the time is from the spawn to the
first mapped top-level window, seen by an X client in this process (_xvfb.py: MapNotify on the root
window, no polling). Same budgets. Without Xvfb the outside figures are skipped with a note.
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
    import _xvfb  # type: ignore[no-redef]
    from _common import Figure, header, report  # type: ignore[no-redef]
    from bench_import import make_library  # type: ignore[no-redef]
else:
    from . import _xvfb
    from ._common import Figure, header, report
    from .bench_import import make_library

CHILD = Path(__file__).resolve().parent / "_startup_child.py"


def launch(mode: str, env: dict[str, str]) -> tuple[float, float]:
    """(ms to first paint, RSS MB) of one cold process; mode "app-library" is the app with $NAP_LIBRARY."""
    return _launch(mode, env)[:2]


def _launch(mode: str, env: dict[str, str]) -> tuple[float, float, float | None]:
    """(ms to first paint, RSS MB, ms until the user library's facts are in the window or None)."""
    args = [mode]
    if mode == "app-library":
        args = ["app", "--until-library"]
    else:
        env = {k: v for k, v in env.items() if k != "NAP_LIBRARY"}
    start = time.monotonic_ns()
    proc = subprocess.run([sys.executable, str(CHILD), *args], env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    lines = [l for l in proc.stdout.splitlines() if l.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"start-up child '{mode}' failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    data = json.loads(lines[-1])
    library = (data["library_ns"] - start) / 1e6 if data.get("library_ns") else None
    return (data["painted_ns"] - start) / 1e6, data["rss_mb"], library


def run(*, runs: int = 7) -> list[Figure]:
    header(f"start-up to first painted main window (median of {runs} cold processes each)")
    with tempfile.TemporaryDirectory(prefix="nap-bench-home-") as home:
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=str(Path(home) / ".config"),
                   XDG_DATA_HOME=str(Path(home) / ".local/share"), XDG_RUNTIME_DIR=home)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # An installed app runs from compiled bytecode (pip compiles at install, the standalone build
        # ships .pyc), as the bare window's PySide6 does; with PYTHONDONTWRITEBYTECODE (set in some
        # shells and CI images) every launch would recompile ~35 of our modules (~100 ms) that the
        # baseline never pays. The warm-up launches fill a throw-away bytecode cache instead.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
        env["NAP_LIBRARY"] = str(make_library(Path(home) / "bench-library", facts=1000))
        launch("bare", env)
        launch("app", env)
        launch("app-library", env)
        bare_ms, app_ms, lib_ms, shown_ms, bare_rss, app_rss = [], [], [], [], [], []
        for _ in range(runs):
            t, m = launch("bare", env)
            bare_ms.append(t)
            bare_rss.append(m)
            t, m = launch("app", env)
            app_ms.append(t)
            app_rss.append(m)
            t, _, shown = _launch("app-library", env)
            lib_ms.append(t)
            shown_ms.append(shown)
        outside = _outside(env, runs)
    platform_note = f"QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}"
    return report(outside + [
        Figure("start-up, first paint", statistics.median(app_ms), "ms", statistics.median(bare_ms),
               "bare PySide6 QMainWindow", budget_ratio=2.0,
               note=f"{platform_note}; app min {min(app_ms):.0f} / max {max(app_ms):.0f} ms"),
        Figure("start-up, first paint, 1,000-fact user library", statistics.median(lib_ms), "ms",
               statistics.median(bare_ms), "bare PySide6 QMainWindow", budget_ratio=2.5,
               note=f"{platform_note}; min {min(lib_ms):.0f} / max {max(lib_ms):.0f} ms; the library is "
                    "added just after the first paint"),
        Figure("start-up, 1,000 user facts in the window", statistics.median(shown_ms), "ms",
               statistics.median(bare_ms), "bare PySide6 QMainWindow",
               note=f"{platform_note}; first paint + loading and showing the library (no budget of its own)"),
        Figure("memory after start (RSS)", statistics.median(app_rss), "MB", statistics.median(bare_rss),
               "bare PySide6 QMainWindow", budget_abs=250.0),
    ])


def _outside(env: dict[str, str], runs: int) -> list[Figure]:
    """Launch to the first visible window on a private Xvfb: bare, app and app with the library, alternating."""
    why = _xvfb.available()
    if why:
        print(f"  start-up from outside (Xvfb): skipped: {why}", flush=True)
        return []
    library_env = dict(env)
    bare_env = {k: v for k, v in env.items() if k != "NAP_LIBRARY"}
    commands = {"bare": ([sys.executable, str(CHILD), "bare"], bare_env),
                "app": ([sys.executable, str(CHILD), "app"], bare_env),
                "app-library": ([sys.executable, str(CHILD), "app"], library_env)}
    times: dict[str, list[float]] = {name: [] for name in commands}
    with _xvfb.XServer() as display:
        for run in range(runs + 1):  # the first round is a discarded warm-up (xcb caches, fontconfig)
            for name, (command, child_env) in commands.items():
                ms = _xvfb.time_to_first_window(command, child_env, display)
                if run:
                    times[name].append(ms)
    bare = statistics.median(times["bare"])
    pairs = sorted(a / b for a, b in zip(times["app"], times["bare"]))
    return [
        Figure("start-up from outside (Xvfb), first visible window", statistics.median(times["app"]), "ms", bare,
               "bare PySide6 QMainWindow on Xvfb", budget_ratio=2.0,
               note=f"launch to MapNotify, {runs} alternating rounds; app {min(times['app']):.0f}-"
                    f"{max(times['app']):.0f} ms, bare {min(times['bare']):.0f}-{max(times['bare']):.0f} ms; "
                    f"pair by pair {pairs[0]:.2f}-{pairs[-1]:.2f}x"),
        Figure("start-up from outside (Xvfb), first visible window, 1,000-fact user library",
               statistics.median(times["app-library"]), "ms", bare, "bare PySide6 QMainWindow on Xvfb",
               budget_ratio=2.5, note=f"{min(times['app-library']):.0f}-{max(times['app-library']):.0f} ms"),
    ]


if __name__ == "__main__":
    run()
