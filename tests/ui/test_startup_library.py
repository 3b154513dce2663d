"""The app opens on the bundled catalog and adds the user library just after its first paint."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_import import make_library  # noqa: E402

from nap_desktop.ui import app as app_mod  # noqa: E402
from nap_desktop.ui.main_window import MainWindow  # noqa: E402


def _run(monkeypatch, tmp_path, library: Path) -> MainWindow:
    """run_app as a user starts it, with exec() replaced by a loop that waits for the library."""
    seen: dict = {}
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(app_mod, "default_settings_dir", lambda: tmp_path / "settings")

    def fake_exec(*_args):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["first"] = len(window.catalog.facts)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not seen.get("done"):
            QApplication.processEvents()
            if any(f.origin == "user" for f in window.catalog.facts) or window.findChild(object, "LibraryError"):
                seen["done"] = True
        seen["window"] = window
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_mod.run_app(library=str(library), lang="en") == 0
    return seen["window"], seen["first"]


def test_user_facts_arrive_after_the_window_is_up(qtbot, monkeypatch, tmp_path):
    library = make_library(tmp_path, facts=30)
    window, first = _run(monkeypatch, tmp_path, library)
    qtbot.addWidget(window)
    user = [f for f in window.catalog.facts if f.origin == "user"]
    assert len(user) == 30
    assert first == len(window.catalog.facts) - 30  # the first paint showed the bundled catalog
    assert window.result_label.text() == f"{len(window.catalog.facts):,} facts"


def test_a_broken_library_is_reported_and_the_bundled_catalog_stays(qtbot, monkeypatch, tmp_path):
    library = make_library(tmp_path, facts=3)
    (library / "facts" / "user.f0001.toml").write_text("[[fact]\n", encoding="utf-8")
    window, first = _run(monkeypatch, tmp_path, library)
    qtbot.addWidget(window)
    assert len(window.catalog.facts) == first
    assert not any(f.origin == "user" for f in window.catalog.facts)
    box = window.findChild(object, "LibraryError")
    assert box is not None and "user.f0001.toml" in box.text()


def test_a_broken_library_at_start_up_is_reported_in_spanish_with_its_file_and_line(qtbot, monkeypatch, tmp_path):
    """Task: a broken TOML in the library folder, the app started in Spanish: the message is Spanish,
    names the file and its line, the bundled catalog opens, and nothing in the folder is touched."""
    from nap_desktop.ui.i18n import translations

    library = make_library(tmp_path, facts=3)
    broken = library / "facts" / "user.f0002.toml"
    text = broken.read_text(encoding="utf-8").replace("text_en = ", "text_en ", 1)  # a key without its '='
    broken.write_text(text, encoding="utf-8")
    before = {p: p.read_bytes() for p in library.rglob("*") if p.is_file()}
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("text_en "))
    try:
        window, first = _run_lang(monkeypatch, tmp_path, library, "es")
        qtbot.addWidget(window)
        assert len(window.catalog.facts) == first and first > 100  # the bundled catalog, all of it
        assert not any(f.origin == "user" for f in window.catalog.facts)
        box = window.findChild(object, "LibraryError")
        assert box is not None
        shown = box.text()
        assert box.windowTitle() == "Su biblioteca no se cargó", box.windowTitle()
        assert f"facts/user.f0002.toml, línea {line}: TOML mal formado: se esperaba “=” después de una clave" in shown, shown
        assert "malformed" not in shown and "Expected" not in shown and "The window shows" not in shown
        assert {p: p.read_bytes() for p in library.rglob("*") if p.is_file()} == before  # nothing touched
    finally:
        translations().set_language("en")


def _run_lang(monkeypatch, tmp_path, library: Path, lang: str):
    seen: dict = {}
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(app_mod, "default_settings_dir", lambda: tmp_path / "settings")

    def fake_exec(*_args):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["first"] = len(window.catalog.facts)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not window.findChild(object, "LibraryError"):
            QApplication.processEvents()
        seen["window"] = window
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_mod.run_app(library=str(library), lang=lang) == 0
    return seen["window"], seen["first"]


def test_the_second_start_takes_the_library_from_the_start_up_cache_until_a_file_changes(qtbot, monkeypatch, tmp_path):
    library = make_library(tmp_path, facts=30)
    monkeypatch.setattr(app_mod, "catalog_cache_dir", lambda: tmp_path / "cache")
    window, _ = _run(monkeypatch, tmp_path, library)
    qtbot.addWidget(window)
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "cache").glob("*.pickle")) == ["bundled", "with"]
    window.close()
    window, _ = _run(monkeypatch, tmp_path, library)  # from the cache: the same 30 facts
    qtbot.addWidget(window)
    assert len([f for f in window.catalog.facts if f.origin == "user"]) == 30
    window.close()
    (library / "facts" / "user.f0001.toml").unlink()  # the library changed: loaded (and checked) again
    window, _ = _run(monkeypatch, tmp_path, library)
    qtbot.addWidget(window)
    assert len([f for f in window.catalog.facts if f.origin == "user"]) == 29
