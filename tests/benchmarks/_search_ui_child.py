"""Child process of bench_search: the main window's search box, keystroke by keystroke (offscreen).

    python _search_ui_child.py DATA_DIR MAX_KEYSTROKES [REPEATS]
Prints one JSON line: window build time and, per keystroke, the ms from setting the search text to
the end of the event processing that follows (results filtered, cards laid out, window repainted).
The sequence is typed REPEATS times (default 5), each session starting from an empty box, and each
keystroke's figure is its median over the sessions, as bench_search does for the core search: one
keystroke slowed by another process on this shared machine does not decide the figure, a keystroke
that is slow every time does.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from bench_search import keystrokes

    from nap_desktop.core.catalog.loader import load_catalog_with_problems
    from nap_desktop.ui.app import create_application
    from nap_desktop.ui.main_window import MainWindow

    data, limit = Path(sys.argv[1]), int(sys.argv[2])
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    app = create_application()
    catalog, _ = load_catalog_with_problems(data)
    with tempfile.TemporaryDirectory() as settings:
        start = time.perf_counter()
        window = MainWindow(catalog, settings_dir=Path(settings), lang="en")
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        app.processEvents()  # the idle work the first paint scheduled (the search index): part of the build
        build_ms = (time.perf_counter() - start) * 1000
        strokes = [q for q, c in keystrokes() if not c][:limit]
        sessions = []
        for _ in range(repeats):
            window.search_field.setText("")  # a fresh typing session (not timed)
            app.processEvents()
            times = []
            for query in strokes:
                t0 = time.perf_counter()
                window.search_field.setText(query)
                app.processEvents()
                times.append((time.perf_counter() - t0) * 1000)
            sessions.append(times)
        window.close()
    medians = [statistics.median(column) for column in zip(*sessions)]
    worst_single = max(max(times) for times in sessions)
    print(json.dumps({"build_ms": build_ms, "times": medians, "worst_single": worst_single, "repeats": repeats,
                      "queries": strokes, "facts": len(catalog.facts)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
