"""First launch fits the screen it opens on; the window's size and place are remembered and brought
back inside the current screen (issue 26). Each start is a real process on an offscreen screen of the
size named (Qt's offscreen platform, configfile)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]

START = r"""
import json, sys
from pathlib import Path
from nap_desktop.ui.app import create_application
from nap_desktop.core.catalog.loader import load_catalog
from nap_desktop.ui.main_window import MainWindow
app = create_application()
window = MainWindow(load_catalog(), settings_dir=Path(sys.argv[1]), lang=sys.argv[2])
window.show()
app.processEvents()
screen = window.screen().availableGeometry()
frame = window.frameGeometry()
panel = window.pack_dock
top_left = panel.mapToGlobal(panel.rect().topLeft())
bottom_right = panel.mapToGlobal(panel.rect().bottomRight())
out = {"screen": [screen.x(), screen.y(), screen.width(), screen.height()],
       "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
       "panel": [top_left.x(), top_left.y(), bottom_right.x(), bottom_right.y(), panel.isVisible()]}
if len(sys.argv) > 3:
    x, y, w, h = map(int, sys.argv[3].split(","))
    window.setGeometry(x, y, w, h)
    app.processEvents()
window.close()
print("GEOMETRY " + json.dumps(out), flush=True)
"""


def start(tmp_path: Path, screen: tuple[int, int], settings: Path, lang: str = "en", then: str | None = None) -> dict:
    config = tmp_path / f"screen-{screen[0]}x{screen[1]}.json"
    config.write_text(json.dumps({"synchronousWindowSystemEvents": False, "windowFrameMargins": False, "screens": [
        {"name": "s", "x": 0, "y": 0, "width": screen[0], "height": screen[1], "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    args = [sys.executable, "-c", START, str(settings), lang] + ([then] if then else [])
    done = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("GEOMETRY ")), None)
    assert line, done.stderr
    return json.loads(line.split(" ", 1)[1])


def inside(frame, screen) -> bool:
    x, y, w, h = frame
    sx, sy, sw, sh = screen
    return sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh


@pytest.mark.parametrize("lang", ["en", "es"])
def test_first_launch_at_1024x640_fits_and_shows_the_pack_panel(tmp_path, lang):
    got = start(tmp_path, (1024, 640), tmp_path / "settings", lang)
    assert inside(got["frame"], got["screen"]), got
    left, top, right, bottom, visible = got["panel"]
    assert visible and 0 <= left and right < 1024 and bottom < 640, got


def test_first_launch_on_a_large_screen_is_not_the_whole_screen_nor_1280x800(tmp_path):
    got = start(tmp_path, (1920, 1080), tmp_path / "settings")
    x, y, w, h = got["frame"]
    assert inside(got["frame"], got["screen"]) and (w, h) == (1440, 900)
    assert abs((x + w / 2) - 960) <= 1 and abs((y + h / 2) - 540) <= 1  # centred


def test_size_and_place_are_remembered_and_kept_on_a_smaller_screen(tmp_path):
    settings = tmp_path / "settings"
    start(tmp_path, (1920, 1080), settings, then="300,200,1500,850")
    again = start(tmp_path, (1920, 1080), settings)
    assert again["frame"] == [300, 200, 1500, 850]
    laptop = start(tmp_path, (1024, 640), settings)  # the same settings on a small screen
    assert inside(laptop["frame"], laptop["screen"]), laptop
    assert laptop["panel"][2] < 1024
