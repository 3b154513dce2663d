"""Start-up timed from outside on a real X server: from launch to the first visible (mapped) top-level window.

Used by bench_startup when ``Xvfb`` is installed (``apt-get install xvfb``); otherwise the caller skips this
measurement with a note. The watcher talks to the X server itself through libX11 (ctypes): it selects
SubstructureNotify on the root window *before* the process is spawned and waits for the first MapNotify of
a top-level window of at least 200x150 pixels (Qt's hidden helper windows are never mapped), so no polling
interval is added to the figure. The clock is the parent's CLOCK_MONOTONIC from just before the spawn.

    with XServer() as display:
        ms = time_to_first_window([sys.executable, "app.py"], env, display)
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

_MAP_NOTIFY = 19
_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19


class _XMapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
                ("override_redirect", ctypes.c_int)]


class _XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", _XMapEvent), ("pad", ctypes.c_long * 24)]


class _XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("rest", ctypes.c_long * 32)]


def available() -> str | None:
    """None when the Xvfb measurement can run here, else why not (the benchmark prints it as a note)."""
    if shutil.which("Xvfb") is None:
        return "Xvfb is not installed (apt-get install xvfb): the outside measurement was skipped"
    if ctypes.util.find_library("X11") is None:
        return "libX11 is not installed: the outside measurement was skipped"
    return None


class XServer:
    """A private Xvfb on a free display number, 1920x1080x24, stopped on exit."""

    def __init__(self, size: str = "1920x1080x24"):
        self.size = size
        self.proc: subprocess.Popen | None = None
        self.display = ""

    def __enter__(self) -> str:
        for number in range(90, 140):
            if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
                continue
            proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", self.size, "-nolisten", "tcp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and proc.poll() is None:
                if Path(f"/tmp/.X11-unix/X{number}").exists():
                    self.proc, self.display = proc, f":{number}"
                    time.sleep(0.2)
                    return self.display
                time.sleep(0.02)
            proc.kill()
            proc.wait()
        raise RuntimeError("could not start Xvfb on any display :90-:139")

    def __exit__(self, *exc) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def time_to_first_window(command: list[str], env: dict[str, str], display: str, timeout: float = 60.0) -> float:
    """ms from spawning ``command`` to the first mapped top-level window (>= 200x150) on ``display``;
    the process is then terminated (it is a start-up measurement, nothing is saved)."""
    x11 = ctypes.CDLL(ctypes.util.find_library("X11"))
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
    x11.XPending.argtypes = [ctypes.c_void_p]
    x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_XEvent)]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_XWindowAttributes)]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    dpy = x11.XOpenDisplay(display.encode())
    if not dpy:
        raise RuntimeError(f"cannot open X display {display}")
    try:
        root = x11.XDefaultRootWindow(dpy)
        x11.XSelectInput(dpy, root, _SUBSTRUCTURE_NOTIFY_MASK)
        x11.XSync(dpy, 0)
        fd = x11.XConnectionNumber(dpy)
        env = dict(env, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        start = time.monotonic_ns()
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            event = _XEvent()
            deadline = time.monotonic() + timeout
            while True:
                while x11.XPending(dpy):
                    x11.XNextEvent(dpy, ctypes.byref(event))
                    if event.type == _MAP_NOTIFY and not event.xmap.override_redirect:
                        seen = time.monotonic_ns()
                        attrs = _XWindowAttributes()
                        if x11.XGetWindowAttributes(dpy, event.xmap.window, ctypes.byref(attrs)) and \
                                attrs.width >= 200 and attrs.height >= 150:
                            return (seen - start) / 1e6
                if proc.poll() is not None:
                    raise RuntimeError(f"{command[-1]} exited ({proc.returncode}) before showing a window: "
                                       f"{proc.stderr.read().decode(errors='replace')[-2000:]}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RuntimeError(f"no window within {timeout:g} s")
                select.select([fd], [], [], min(left, 0.05))
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
    finally:
        x11.XCloseDisplay(dpy)


if __name__ == "__main__":  # a quick look: python tests/benchmarks/_xvfb.py
    import sys

    why = available()
    if why:
        raise SystemExit(why)
    child = Path(__file__).with_name("_startup_child.py")
    with XServer() as disp:
        for mode in ("bare", "app", "bare", "app"):
            print(mode, f"{time_to_first_window([sys.executable, str(child), mode], dict(os.environ), disp):.0f} ms")
