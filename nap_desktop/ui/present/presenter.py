"""Presenter mode: the pack full screen from the app, drawn from the same slides the PowerPoint export writes.

``start_presentation`` is the entry point; ``install_present_action`` gives the main window its
Present (F5) action in one line; ``render_present_slide`` is what ``screenshot --view present:N`` draws.
This module is the show controller (starting a presentation, its options dialog, screenshots); the
slides are drawn by ``slides`` (a fixed 1600×900 logical canvas, scaled and letterboxed to any
screen), shown by the audience ``window`` and driven from the presenter's ``console``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.core.catalog.model import Catalog
from nap_desktop.core.deck import compose_deck
from nap_desktop.core.pack.packfile import Pack, PackItem
from nap_desktop.core.screens import choose_screens
from nap_desktop.ui.present.console import PresenterConsole
from nap_desktop.ui.present.slides import _MISSING_INK, CANVAS_H, CANVAS_W, Presenter, SlideWidget, render_slide_image
from nap_desktop.ui.present.window import PresenterWindow, screen_info


# ---- starting a presentation ----------------------------------------------------------------------

_RUNNING: list[PresenterWindow] = []


def _inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user why nothing happened (tests replace this)."""
    QMessageBox.information(parent, title, text)


def _pack_of(document_or_pack: Any) -> Pack:
    if callable(document_or_pack) and not isinstance(document_or_pack, Pack):
        document_or_pack = document_or_pack()
    return document_or_pack if isinstance(document_or_pack, Pack) else document_or_pack.pack


def missing_items(pack: Pack, catalog: Catalog) -> list[PackItem]:
    return [i for i in pack.items if (i.kind == "fact" and catalog.fact(i.ref) is None)
            or (i.kind == "chart" and i.ref not in catalog.charts)]


def refusal(pack: Pack, catalog: Catalog) -> str:
    """Why this pack cannot be presented ('' when it can)."""
    if not pack.items:
        return Presenter.tr("This briefing pack is empty, so there is nothing to present. "
                            "Add facts, charts or notes to it first.")
    missing = missing_items(pack, catalog)
    if len(missing) == len(pack.items):
        refs = ", ".join(i.ref for i in missing[:5]) + (" …" if len(missing) > 5 else "")
        return Presenter.tr("None of the items in this pack is in the catalog any more (data version {version}), "
                            "so there is nothing to present: {refs}. Replace them with current facts or charts, "
                            "then present.").format(version=catalog.version or "?", refs=refs)
    return ""


def start_presentation(document_or_pack: Any, catalog: Catalog, lang: str | None = None,
                       parent: QWidget | None = None, *, swap: bool = False,
                       screens: Sequence[QScreen] | None = None) -> PresenterWindow | None:
    """Present a pack (or a PackDocument's pack) full screen; None, with a message, if there is nothing to show.

    ``lang`` defaults to the pack's language. With two or more screens the presenter view opens on
    the laptop (see core.screens.choose_screens); ``swap`` puts it on the other screen.
    """
    pack = _pack_of(document_or_pack)
    reason = refusal(pack, catalog)
    if reason:
        _inform(parent, Presenter.tr("Nothing to present"), reason)
        return None
    lang = lang or pack.lang or "en"
    for old in list(_RUNNING):
        old.end()
    slides = compose_deck(pack, catalog, lang=lang)
    screen_list = list(screens) if screens is not None else list(QGuiApplication.screens())
    window = PresenterWindow(slides, catalog, lang, presenter_view=len(screen_list) > 1)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _RUNNING.append(window)
    window.ended.connect(lambda: _RUNNING.remove(window) if window in _RUNNING else None)
    if screen_list:
        window.place_on_screens(screen_list, swap=swap)
    else:
        window.showFullScreen()
    window.activateWindow()
    window.setFocus()
    return window


class PresentDialog(QDialog):
    """Before presenting: the language of the slides, which screen shows what, items that are missing."""

    def __init__(self, parent: QWidget | None, pack: Pack, catalog: Catalog, lang: str,
                 screens: Sequence[QScreen]):
        super().__init__(parent)
        self.setWindowTitle(Presenter.tr("Present"))
        self._screens = list(screens)
        form = QFormLayout()
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("English", "en")
        self.lang_combo.addItem("Español", "es")
        self.lang_combo.setCurrentIndex(1 if lang == "es" else 0)
        form.addRow(Presenter.tr("Language of the slides:"), self.lang_combo)
        self.swap_check = QCheckBox(Presenter.tr("Swap screens"))
        self.swap_check.setEnabled(len(self._screens) > 1)
        self.screens_label = QLabel()
        self.screens_label.setWordWrap(True)
        form.addRow(Presenter.tr("Screens:"), self.screens_label)
        form.addRow("", self.swap_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        missing = missing_items(pack, catalog)
        if missing:
            text = (Presenter.tr("{n} items of this pack are no longer in the catalog; their slides say so: {refs}. "
                                 "Remove them before presenting to avoid showing them.") if len(missing) > 1 else
                    QCoreApplication.translate("PresenterView", "One item of this pack is no longer in the catalog; "
                                               "its slide says so: {refs}. Remove it before presenting to avoid "
                                               "showing it."))
            warn = QLabel(text.format(n=len(missing), refs=", ".join(i.ref for i in missing[:5])))
            warn.setWordWrap(True)
            warn.setStyleSheet(f"color: {_MISSING_INK};")
            layout.addWidget(warn)
        keys = QLabel(Presenter.tr("Keys: → / Space next · ← previous · number + Enter go to slide · "
                                   "B black · W white · N presenter view · Esc end"))
        keys.setWordWrap(True)
        keys.setObjectName("Muted")
        layout.addWidget(keys)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(Presenter.tr("Present"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.swap_check.toggled.connect(self._describe_screens)
        self._describe_screens()

    def _describe_screens(self) -> None:
        if len(self._screens) < 2:
            self.screens_label.setText(QCoreApplication.translate(
                "PresenterView", "One screen: N switches between the slide and your presenter view "
                "(notes, next slide, timer)."))
            return
        infos = [screen_info(s) for s in self._screens]
        primary = QGuiApplication.primaryScreen()
        primary_index = self._screens.index(primary) if primary in self._screens else 0
        audience, presenter = choose_screens(infos, primary_index=primary_index, swap=self.swap_check.isChecked())
        self.screens_label.setText(Presenter.tr("Slides on {a}; presenter view on {p}.").format(
            a=infos[audience].name, p=infos[presenter].name if presenter is not None else "—"))

    def choice(self) -> tuple[str, bool]:
        return self.lang_combo.currentData(), self.swap_check.isChecked()


def _ask_present_options(parent: QWidget | None, pack: Pack, catalog: Catalog, lang: str,
                         screens: Sequence[QScreen]) -> tuple[str, bool] | None:
    """(language, swap) chosen before presenting, or None if cancelled (tests replace this)."""
    dialog = PresentDialog(parent, pack, catalog, lang, screens)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def present_from(window: QWidget | None, document: Any, catalog: Catalog,
                 lang_getter: Callable[[], str | None] | None = None, *, ask: bool = True,
                 settings: Any = None) -> PresenterWindow | None:
    """What the Present action does: check the pack, ask for the language (``ask``), start.

    ``ask=False`` (F5, as PowerPoint starts the show): the pack's language and the screens as last
    chosen in the settings dialog (``settings``: a QSettings, key present/swap); ``ask=True`` (Present
    settings…, Shift+F5) shows the dialog first and remembers its screen choice."""
    pack = _pack_of(document)
    cat = catalog() if callable(catalog) else catalog
    reason = refusal(pack, cat)
    if reason:
        _inform(window, Presenter.tr("Nothing to present"), reason)
        return None
    default = (lang_getter() if lang_getter is not None else None) or pack.lang or "en"
    screens = list(QGuiApplication.screens())
    if not ask:
        swap = settings is not None and str(settings.value("present/swap", "false")).lower() == "true"
        return start_presentation(pack, cat, default, window, swap=swap and len(screens) > 1, screens=screens)
    options = _ask_present_options(window, pack, cat, default, screens)
    if options is None:
        return None
    lang, swap = options
    if settings is not None:
        settings.setValue("present/swap", "true" if swap else "false")
    return start_presentation(pack, cat, lang, window, swap=swap, screens=screens)


def install_present_action(window: QWidget, document: Any, catalog: Catalog,
                           lang_getter: Callable[[], str | None] | None = None) -> QAction:
    """Add "Present" (F5) to ``window`` and return the action (put it on the toolbar / View menu).

    ``document`` is the PackDocument (or a callable returning it, or a Pack); ``lang_getter`` returns the
    language to preselect (None: the pack's own language).
    """
    action = QAction(Presenter.tr("Present"), window)
    action.setObjectName("PresentAction")
    action.setShortcut(QKeySequence(Qt.Key.Key_F5))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(Presenter.tr("Present the briefing pack full screen (F5)"))
    action.triggered.connect(lambda: present_from(window, document, catalog, lang_getter))
    window.addAction(action)
    return action


# ---- screenshots ----------------------------------------------------------------------------------


def render_present_slide(pack: Pack, catalog: Catalog, lang: str, index: int, size: QSize | tuple[int, int]
                         ) -> QImage:
    """Slide ``index`` (0-based) of the pack as the audience sees it, at ``size`` pixels."""
    slides = compose_deck(pack, catalog, lang=lang)
    if not 0 <= index < len(slides):
        raise IndexError(f"the deck has {len(slides)} slides; there is no slide {index + 1}")
    return render_slide_image(slides[index], catalog, lang, index + 1, len(slides), size)


def render_present_view(view: str, pack: Pack, catalog: Catalog, lang: str, size: QSize | tuple[int, int]
                        ) -> QImage:
    """For ``screenshot --view present[:N]``: N counts from 1 as the slide numbers do (default 1)."""
    match = re.fullmatch(r"present(?::(\d+))?", view.strip())
    if not match:
        raise ValueError(f"not a presenter view: {view!r} (use present or present:N)")
    number = int(match.group(1) or 1)
    return render_present_slide(pack, catalog, lang, number - 1, size)


def sample_pack(catalog: Catalog, lang: str = "en") -> Pack:
    """A small pack from the catalog (first facts, a chart, a note, a divider) for screenshots."""
    items: list[PackItem] = []
    first_section = catalog.sections[0] if catalog.sections else None
    if first_section is not None:
        items.append(PackItem("divider", text=first_section.title(lang)))
    items += [PackItem("fact", ref=f.id, talking_points="") for f in catalog.facts[:2]]
    chart_id = next((f.chart for f in catalog.facts if f.chart and f.chart in catalog.charts), None) \
        or next(iter(catalog.charts), None)
    if chart_id:
        items.append(PackItem("chart", ref=chart_id))
    return Pack(title="The North American Project", lang=lang, items=tuple(items))


__all__ = ["PresenterWindow", "SlideWidget", "PresenterConsole", "PresentDialog", "start_presentation",
           "install_present_action", "present_from", "render_present_slide", "render_present_view",
           "render_slide_image", "refusal", "CANVAS_W", "CANVAS_H"]
