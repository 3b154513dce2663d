"""`nap-desktop screenshot` renders the real window offscreen to a PNG, in both languages, and `--smoke-test`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "nap_desktop", *args], capture_output=True, text=True,
                          timeout=120, env=env, cwd=tmp_path)


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es"])
def test_cards_view_in_both_languages(tmp_path, lang):
    out = tmp_path / f"cards_{lang}.png"
    result = _run("screenshot", str(out), "--lang", lang, "--size", "1280x720", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _png_size(out) == (1280, 720)
    assert not (tmp_path / "cfg").exists()  # never wrote the user's configuration


def test_detail_view_with_a_chart_and_the_pack_view(tmp_path, catalog):
    fact = next((f for f in catalog.facts if f.chart), None)
    if fact is None:
        pytest.skip("the bundled catalog has no chart yet")
    out = tmp_path / "detail.png"
    result = _run("screenshot", str(out), "--view", f"detail:{fact.id}", "--size", "1024x768", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _png_size(out) == (1024, 768)
    pack = tmp_path / "pack.png"
    result = _run("screenshot", str(pack), "--view", "pack", "--lang", "es", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr


def test_unknown_fact_or_view_is_a_clear_error(tmp_path):
    result = _run("screenshot", str(tmp_path / "x.png"), "--view", "detail:no-such-fact", tmp_path=tmp_path)
    assert result.returncode == 2 and "no fact 'no-such-fact'" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_smoke_test_builds_the_window_and_draws_a_chart(tmp_path):
    result = _run("--smoke-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "smoke test OK" in result.stdout


def test_screenshot_of_a_pack_with_missing_items_reports_them_instead_of_blocking(tmp_path):
    """A pack whose items left the catalog opens with a message; offscreen, that message must not wait for a click."""
    import subprocess
    import sys
    from pathlib import Path

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "packs" / "v1_basic.napbrief"
    out = tmp_path / "pack.png"
    result = subprocess.run([sys.executable, "-m", "nap_desktop", "screenshot", str(out), "--view", "pack",
                             "--pack", str(fixture), "--lang", "es"],
                            capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000
    assert "catálogo" in result.stderr  # the missing items are named, in the chosen language


def test_screenshot_of_a_pack_open_in_another_window_does_not_wait_for_a_click(tmp_path):
    """A live lock beside the pack (another window has it open) would ask 'Open anyway?'; offscreen nobody
    answers: the picture is taken, the lock is said on stderr and stays the other window's."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from nap_desktop.core.pack import packlock

    pack = tmp_path / "brief.napbrief"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "fixtures" / "packs" / "v1_basic.napbrief", pack)
    held = packlock.acquire(pack, "othertoken000000")  # this test process is the other window
    assert isinstance(held, packlock.PackLock)
    before = packlock.read_lock(pack)
    assert before is not None and before.pid == os.getpid()
    out = tmp_path / "pack.png"
    result = subprocess.run([sys.executable, "-m", "nap_desktop", "screenshot", str(out), "--view", "pack",
                             "--pack", str(pack)], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000
    assert "open in another window" in result.stderr
    assert packlock.read_lock(pack) == before  # still the other window's
    held.release()


def test_screenshot_refuses_a_folder_that_does_not_exist(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    out = tmp_path / "no" / "such" / "shot.png"
    result = subprocess.run([sys.executable, "-m", "nap_desktop", "screenshot", str(out)], capture_output=True,
                            text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert not (tmp_path / "no").exists()
