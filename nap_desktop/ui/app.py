"""Starts the desktop app: QApplication (high-DPI safe), theme, translations, catalog, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from nap_desktop import __version__


def create_application(argv: list[str] | None = None, *, icon: bool = True):  # -> QApplication
    """The QApplication, created once, with high-DPI rounding, theme and identity set; ``icon=False``
    leaves the window icon to set_app_icon (the app sets it just after the first paint)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from nap_desktop.ui.theme import apply_theme

    app = QApplication.instance()
    if app is None:
        # Fractional scale factors (125%, 150%) render crisply instead of rounding to 1x/2x.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        QCoreApplication.setOrganizationName("NAP Briefing")
        QCoreApplication.setApplicationName("NAP Briefing")
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    from nap_desktop.ui.fonts import register_bundled_fonts

    register_bundled_fonts()
    if icon:
        set_app_icon(app)
    apply_theme(app)
    return app


def set_app_icon(app) -> None:
    """The app's icon (an SVG: Qt's SVG icon engine loads for it, ~1 ms not needed for the first frame)."""
    from PySide6.QtGui import QIcon

    from nap_desktop.paths import resources_dir

    icon_path = resources_dir() / "icons" / "nap-briefing.svg"
    if icon_path.is_file():
        app.setWindowIcon(QIcon(str(icon_path)))


#: Overrides the settings folder (recent files, recovery files and their instance locks): portable
#: installs, and tests that run several real instances against one folder.
SETTINGS_ENV = "NAP_SETTINGS_DIR"


def default_settings_dir() -> Path:
    import os

    from PySide6.QtCore import QStandardPaths

    override = os.environ.get(SETTINGS_ENV, "").strip()
    if override:
        path = Path(override)
    else:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
        path = Path(location) if location else Path.home() / ".config" / "nap-briefing"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # a read-only settings folder: the app still starts; autosave says it cannot write
    return path


def load_catalog_for_window(library: Path | str | None = None):  # -> (Catalog, Path, list[str])
    """The bundled catalog plus the user library (``--library``, else $NAP_LIBRARY, else AppDataLocation).

    A library that does not load is not fatal: the window opens on the bundled catalog and the
    returned problems say why the user's items are missing (nothing in the folder is touched).
    """
    from nap_desktop.core.catalog.library import is_library, load_catalog_with_library
    from nap_desktop.core.catalog.loader import CatalogError, load_catalog
    from nap_desktop.ui.library.library_paths import library_dir

    folder = library_dir(library)
    # the bundled data's file-level rules are run by the tests and `data check`, not at every launch
    if not folder.is_dir() or not is_library(folder):
        return load_catalog(rules=False), folder, []
    try:
        return load_catalog_with_library(folder, bundled_rules=False), folder, []
    except CatalogError as exc:
        return load_catalog(rules=False), folder, [str(p) for p in exc.problems]


def catalog_cache_dir() -> Path | None:
    """Where start-up keeps the catalogs it loaded (core/catalog/cache.py), in the user's cache folder."""
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) / "catalog" if location else None


def load_bundled_catalog(cache_dir: Path | None = None):  # -> Catalog
    """The bundled catalog for the window (its file-level rules are run by the tests and `data check`),
    from the start-up cache when data/ and the code have not changed since it was stored."""
    from nap_desktop.core.catalog.cache import cached
    from nap_desktop.paths import data_dir

    def build():
        from nap_desktop.core.catalog.loader import load_catalog  # (~40 ms of imports a cached start skips)

        return load_catalog(rules=False), True

    return cached("bundled", [data_dir()], cache_dir, build)


def add_library_to(base, folder: Path, cache_dir: Path | None = None):  # -> (Catalog, list[Problem])
    """``base`` (the bundled catalog) plus the library in ``folder``, checked with every rule; on any
    problem, ``base`` unchanged and the problems (loader Problems: FILE:LINE: message, which
    core.catalog.messages.render gives in the interface language; nothing in the folder is touched)."""
    from nap_desktop.core.catalog.cache import cached
    from nap_desktop.core.catalog.library import is_library
    from nap_desktop.paths import data_dir

    if not folder.is_dir() or not is_library(folder):
        return base, []

    def load_second_root(*args):
        from nap_desktop.core.catalog import loader

        return loader.load_second_root(*args)

    def build():
        catalog, problems = load_second_root(base, folder)
        return (catalog, list(problems)), not problems  # a library with problems is checked again next time

    # the same bundled data and the same library files as last time: what was loaded then, all
    # rules passed (a change to any file in either folder loads and checks the library again)
    catalog, problems = cached("with-library", [data_dir(), folder], cache_dir, build)
    if catalog.version != base.version:  # the window's catalog is not the bundled one of data/
        catalog, problems = load_second_root(base, folder)
        problems = list(problems)
    return (base, problems) if problems else (catalog, [])


def _after_first_paint(window, callback) -> None:
    """Run ``callback`` once, just after the window's first paint (or after 1 s if it never paints)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    done = []

    def once() -> None:
        if not done:
            done.append(True)
            callback()

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, once)
            return False

    window._first_paint_filter = FirstPaint(window)
    window.installEventFilter(window._first_paint_filter)
    QTimer.singleShot(1000, once)


def run_app(pack: Path | None = None, lang: str | None = None, smoke_test: bool = False,
            library: Path | str | None = None) -> int:
    """`nap-desktop` (and `--smoke-test`): returns the process exit code."""
    import os

    if smoke_test and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a headless build machine or CI runner
    app = create_application(icon=smoke_test)  # the window's start: the icon just after the first paint
    from PySide6.QtWidgets import QMessageBox

    from nap_desktop.ui.i18n import system_language, translations
    from nap_desktop.ui.main_window import MainWindow

    try:
        if smoke_test:
            from nap_desktop.core.catalog.loader import load_catalog

            if library is not None:  # --smoke-test --library DIR: the bundled data and that library, every rule
                from nap_desktop.core.catalog.library import load_catalog_with_library

                catalog = load_catalog_with_library(library)
            else:
                catalog = load_catalog()
        else:  # the user library is added just after the first paint (a large one takes a while)
            catalog_cache = catalog_cache_dir()
            catalog = load_bundled_catalog(catalog_cache)
    except Exception as exc:  # noqa: BLE001 - CatalogError (the loader is imported only when it is needed)
        from nap_desktop.core.catalog.loader import CatalogError

        if not isinstance(exc, (CatalogError, FileNotFoundError)):
            raise
        if smoke_test:
            print(f"nap-desktop: smoke test failed: the catalog does not load.\n{exc}", file=sys.stderr)
            return 1
        QMessageBox.critical(None, "NAP Briefing", f"The bundled catalog does not load:\n\n{exc}")
        return 1

    if smoke_test:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="nap-smoke-") as tmp:
            return _smoke_test(app, catalog, Path(tmp), lang or "en")

    settings_dir = default_settings_dir()
    window = MainWindow(catalog, settings_dir=settings_dir, lang=lang)
    if lang is None and not window.has_saved_language():
        window.set_language(system_language())
    else:
        translations().set_language(window.lang)
    window.show()

    def add_library_then_open() -> None:  # a pack or a recovered session may cite the user's facts
        # the library's menu entries (File > New fact…, Import table…; Edit > Edit/Delete your fact…)
        # and the icon: not in the first frame, added before the user can reach them
        set_app_icon(app)
        from nap_desktop.ui.library.library_controller import install_library
        from nap_desktop.ui.library.library_paths import library_dir

        library_folder = library_dir(library)
        controller = install_library(window, library_folder)
        with_library, problems = add_library_to(window.catalog, library_folder, catalog_cache)
        if with_library is not window.catalog:
            window.set_catalog(with_library)
        if problems:
            controller.report_load_problems(problems)
        if pack is not None:
            window.open_pack(pack)
        else:
            window.offer_recovery()

    _after_first_paint(window, add_library_then_open)
    return app.exec()


def _smoke_test(app, catalog, settings_dir: Path, lang: str) -> int:
    """Build the window, load the data, draw a chart, exit 0 (used by tests and the packaged build)."""
    from nap_desktop.ui.main_window import MainWindow

    window = MainWindow(catalog, settings_dir=settings_dir, lang=lang)
    window.resize(1280, 720)
    window.show()
    app.processEvents()
    with_chart = next((f for f in catalog.facts if f.chart and f.chart in catalog.charts), None)
    if with_chart is not None:
        window.open_detail(with_chart.id)
        app.processEvents()
        view = window.detail_view.chart_view
        if view is None or view.spec is None:
            print("nap-desktop: smoke test failed: the chart was not drawn", file=sys.stderr)
            return 1
        drawn = f"chart {view.spec.id}"
    else:
        # No chart in the catalog: still prove pyqtgraph imports and draws in this build.
        from nap_desktop.ui.browse.chart_view import ChartView

        view = ChartView(None, catalog, lang)
        view.show()
        app.processEvents()
        drawn = "an empty chart (the catalog has no charts)"
    print(f"nap-desktop smoke test OK: {len(catalog.facts)} facts, {len(catalog.charts)} charts, drew {drawn}, "
          f"interface language {window.lang}: {window.windowTitle()}")
    window.close()
    return 0
