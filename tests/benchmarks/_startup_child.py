"""Child process of bench_startup: starts either a bare QMainWindow or the real app, and prints one JSON
line when the main window has been painted for the first time (CLOCK_MONOTONIC, comparable with the
parent's clock) plus the process's resident memory once the first paint's events are processed.

    python _startup_child.py bare|app [--until-library]

With --until-library it also waits until the window's catalog holds the user library's facts (the
app adds them just after the first paint) and reports that moment as library_ns.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # peak RSS: the closest portable figure

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def install_probe() -> None:
    """Wrap QApplication.exec so that, whoever creates the window, its first paint is caught."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    original_exec = QApplication.exec

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted_ns: int | None = None

        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if self.painted_ns is None and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
                self.painted_ns = time.monotonic_ns()
                QTimer.singleShot(0, self.done)
            return False

        def done(self) -> None:
            app = QApplication.instance()
            app.processEvents()
            self.rss = rss_mb()
            self.library_ns = None
            if "--until-library" in sys.argv:  # also: when the user library's facts are in the window
                self.poll = QTimer()
                self.poll.timeout.connect(self.wait_library)
                self.poll.start(2)
                return
            self.finish()

        def wait_library(self) -> None:
            windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
            catalog = getattr(windows[0], "catalog", None) if windows else None
            if catalog is not None and any(getattr(f, "origin", "") == "user" for f in catalog.facts):
                self.library_ns = time.monotonic_ns()
                self.poll.stop()
                self.finish()

        def finish(self) -> None:
            print(json.dumps({"painted_ns": self.painted_ns, "rss_mb": self.rss, "library_ns": self.library_ns,
                              "modules": len(sys.modules)}), flush=True)
            QApplication.instance().quit()

    def exec_with_probe(*_self):  # QApplication.exec is static; called on an instance it gets self
        app = QApplication.instance()
        probe = FirstPaint()
        app.installEventFilter(probe)
        app._nap_probe = probe  # keep it alive
        QTimer.singleShot(60_000, app.quit)  # never hang a benchmark
        return original_exec()

    QApplication.exec = exec_with_probe  # type: ignore[method-assign]


def main() -> int:
    mode = sys.argv[1]
    install_probe()
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 800)
        window.show()
        return app.exec()
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from nap_desktop.cli import main as app_main

    return app_main([])


if __name__ == "__main__":
    sys.exit(main())
