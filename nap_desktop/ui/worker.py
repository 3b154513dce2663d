"""One helper for slow work: run it in a thread, hand the result (or the error) back on the GUI thread.

Like Anki's ``QueryOp``: the work function must not touch widgets; it gets a ``report(done, total)``
callable for progress. ``on_done`` / ``on_error`` / ``on_progress`` run on the GUI thread.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot

Progress = Callable[[int, int], None]


class BackgroundTask(QObject):
    """A running piece of work; emits exactly one of ``finished`` / ``failed``, on the GUI thread."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    # emitted from the worker thread; this object lives on the GUI thread, so delivery is queued there
    _raw_progress = Signal(int, int)
    _raw_done = Signal(object)
    _raw_failed = Signal(object)

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self._thread: threading.Thread | None = None
        self.running = False
        self._raw_progress.connect(self._on_raw_progress)
        self._raw_done.connect(self._on_raw_done)
        self._raw_failed.connect(self._on_raw_failed)

    @Slot(int, int)
    def _on_raw_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @Slot(object)
    def _on_raw_done(self, result: Any) -> None:
        self.running = False
        self.finished.emit(result)

    @Slot(object)
    def _on_raw_failed(self, exc: Any) -> None:
        self.running = False
        self.failed.emit(exc)

    def start(self) -> BackgroundTask:
        self.running = True
        self._thread = threading.Thread(target=self._run, name="nap-background", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        # Signals emitted from this thread are queued to receivers living on the GUI thread.
        try:
            result = self._work(lambda done, total: self._raw_progress.emit(int(done), int(total)))
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the user
            self._raw_failed.emit(exc)
            return
        self._raw_done.emit(result)

    def wait(self, timeout: float | None = None) -> None:
        """For tests and shutdown: block until the thread ends."""
        if self._thread is not None:
            self._thread.join(timeout)


_LIVE: set[BackgroundTask] = set()


def run_in_background(work: Callable[[Progress], Any], *, on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None],
                      on_progress: Callable[[int, int], None] | None = None,
                      parent: QObject | None = None) -> BackgroundTask:
    """Start ``work(report)`` in a thread; callbacks run on the GUI thread. Keeps the task alive until it ends."""
    task = BackgroundTask(work, parent)
    _LIVE.add(task)

    def _release(*_: Any) -> None:
        _LIVE.discard(task)

    task.finished.connect(on_done)
    task.failed.connect(on_error)
    task.finished.connect(_release)
    task.failed.connect(_release)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    return task.start()
