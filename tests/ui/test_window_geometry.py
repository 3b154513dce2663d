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


EDITOR = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QScrollArea
from nap_desktop.ui.app import create_application
from nap_desktop.ui.theme import apply_theme
from nap_desktop.core.catalog.loader import load_catalog
from nap_desktop.ui.main_window import MainWindow
from nap_desktop.ui.library.fact_editor import FactEditor
from nap_desktop.ui.i18n import translations
app = create_application()
apply_theme(app)
window = MainWindow(load_catalog(), settings_dir=Path(sys.argv[1]), lang=sys.argv[2])
window.show()
translations().set_language(sys.argv[2])
app.processEvents()
dialog = FactEditor(window.catalog, sys.argv[2], None, window)
dialog.show()
app.processEvents()
area = dialog.findChild(QScrollArea)
form = dialog.source_form
right = form.mapTo(area.viewport(), QPoint(form.width(), 0)).x()
rows = {}
for combo in (dialog.unit, dialog.qualifier, dialog.section, form.status):
    QTest.mouseClick(combo, Qt.MouseButton.LeftButton)
    app.processEvents()
    QTest.qWait(50)
    view = combo.view()
    shown = sum(1 for r in range(combo.count()) if view.visualRect(combo.model().index(r, 0)).bottom() <= view.viewport().height())
    rows[combo.objectName()] = [shown, combo.count()]
    combo.hidePopup()
frame = dialog.frameGeometry()
screen = dialog.screen().availableGeometry()
print("EDITOR " + json.dumps({"frame": [frame.x(), frame.y(), frame.width(), frame.height()],
      "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
      "hbar": area.horizontalScrollBar().maximum(), "form_right": right, "viewport": area.viewport().width(),
      "rows": rows}), flush=True)
"""


@pytest.mark.parametrize("lang", ["en", "es"])
def test_new_fact_dialog_at_1024x640_is_whole_and_its_drop_downs_show_every_row(tmp_path, lang):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"synchronousWindowSystemEvents": False, "windowFrameMargins": False, "screens": [
        {"name": "s", "x": 0, "y": 0, "width": 1024, "height": 640, "logicalDpi": 96, "logicalBaseDpi": 96,
         "dpr": 1}]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run([sys.executable, "-c", EDITOR, str(tmp_path / "settings"), lang], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("EDITOR ")), None)
    assert line, done.stderr
    got = json.loads(line.split(" ", 1)[1])
    assert inside(got["frame"], got["screen"]), got
    assert got["hbar"] == 0 and got["form_right"] <= got["viewport"], got  # the sources are not cut
    for name, (shown, count) in got["rows"].items():
        assert shown == count, (name, shown, count)
