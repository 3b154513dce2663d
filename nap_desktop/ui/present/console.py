"""The presenter's own screen (the console): current and next slide, talking points, clocks and
the buttons that drive the show; beside the slides on a second screen, or over them on one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTime, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.ui.present.slides import Presenter, SlideWidget

if TYPE_CHECKING:
    from nap_desktop.ui.present.window import PresenterWindow


# ---- the presenter's own screen -------------------------------------------------------------------


class PresenterConsole(QWidget):
    """The laptop side of presenter view: current slide, next slide, talking points, elapsed time, clock."""

    def __init__(self, owner: PresenterWindow, *, embedded: bool = False):
        # embedded: one screen only, the console is a page of the slides window that N switches to
        super().__init__(owner if embedded else None)
        self._owner = owner
        self.embedded = embedded
        self.setWindowTitle(Presenter.tr("Presenter view — NAP Briefing"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setObjectName("PresenterConsole")
        # Child selectors only: the slides' own chart widgets keep their light theme.
        self.setStyleSheet("QWidget#PresenterConsole { background: #1d2329; } "
                           "QWidget#PresenterConsole > QLabel { color: #e8ecef; } "
                           "QWidget#PresenterConsole > QLabel#ConsoleHeading { color: #aab4bd; font-weight: 600; } "
                           "QWidget#PresenterConsole > QLabel#ConsoleClock { font-size: 20pt; font-weight: 600; } "
                           "QWidget#PresenterConsole > QLabel#ConsoleBlank { color: #1d2329; background: #f0e442; "
                           "padding: 4px 10px; border-radius: 4px; font-weight: 600; } "
                           "QWidget#PresenterConsole > QTextBrowser { background: #2a3139; color: #ffffff; "
                           "border: none; padding: 8px; } "
                           "QWidget#PresenterConsole > QPushButton { background: #2a3139; color: #ffffff; "
                           "border: 1px solid #56616b; border-radius: 6px; padding: 6px 12px; } "
                           "QWidget#PresenterConsole > QPushButton:hover { background: #3a434d; } "
                           "QWidget#PresenterConsole > QPushButton:disabled { color: #7a858f; } "
                           "QWidget#PresenterConsole QTextBrowser QScrollBar:vertical { background: #2a3139; "
                           "width: 12px; margin: 0; } "
                           "QWidget#PresenterConsole QTextBrowser QScrollBar::handle:vertical { background: #56616b; "
                           "border-radius: 5px; min-height: 24px; } "
                           "QWidget#PresenterConsole QTextBrowser QScrollBar::add-line:vertical, "
                           "QWidget#PresenterConsole QTextBrowser QScrollBar::sub-line:vertical { height: 0; }")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        catalog, lang = owner.catalog, owner.lang

        self.position_label = QLabel()
        self.position_label.setObjectName("ConsoleClock")
        self.elapsed_label = QLabel("00:00:00")
        self.elapsed_label.setObjectName("ConsoleClock")
        self.elapsed_label.setToolTip(Presenter.tr("Time since the presentation started"))
        self.clock_label = QLabel()
        self.clock_label.setObjectName("ConsoleClock")
        self.clock_label.setToolTip(Presenter.tr("Time of day"))
        self.blank_label = QLabel()
        self.blank_label.setObjectName("ConsoleBlank")
        self.blank_label.hide()

        def button(text: str, slot: Callable[[], Any], tip: str) -> QPushButton:
            b = QPushButton(text)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            return b

        self.prev_button = button(Presenter.tr("◀ Previous"), owner.previous_slide, Presenter.tr("Previous slide (Left, PageUp)"))
        self.next_button = button(Presenter.tr("Next ▶"), owner.next_slide, Presenter.tr("Next slide (Right, PageDown, Space)"))
        self.black_button = button(Presenter.tr("Black screen"), lambda: owner.toggle_blank("black"), Presenter.tr("Black out (B)"))
        self.reset_button = button(Presenter.tr("Reset timer"), self.reset_timer, Presenter.tr("Start the elapsed time from zero"))
        self.swap_button = button(Presenter.tr("Swap screens"), owner.swap_screens,
                                  Presenter.tr("Show the slides on the other screen and this view here"))
        self.end_button = button(Presenter.tr("End"), owner.end, Presenter.tr("End the presentation (Esc)"))
        self.slide_button = button(QCoreApplication.translate("PresenterView", "Slide only"), owner.toggle_notes,
                                   QCoreApplication.translate("PresenterView", "Show the slide alone (N)"))
        self.swap_button.setVisible(not embedded)
        self.slide_button.setVisible(embedded)

        info = QHBoxLayout()
        info.addWidget(self.position_label)
        info.addSpacing(24)
        info.addWidget(self.elapsed_label)
        info.addSpacing(24)
        info.addWidget(self.clock_label)
        info.addSpacing(16)
        info.addWidget(self.blank_label)
        info.addStretch(1)
        self._buttons_row = QHBoxLayout()
        self._buttons_row.setSpacing(8)
        for b in (self.prev_button, self.next_button, self.black_button, self.reset_button, self.swap_button,
                  self.slide_button, self.end_button):
            self._buttons_row.addWidget(b)
        # time and buttons on one row when the screen is wide enough, the buttons below otherwise
        # (a 1024-pixel laptop in Spanish): never a cut label
        self._info_row = info
        top = QGridLayout()
        top.setHorizontalSpacing(16)
        top.setVerticalSpacing(8)
        top.addLayout(info, 0, 0)
        top.addLayout(self._buttons_row, 0, 1)
        self._top = top
        self._buttons_below = False

        self.current_view = SlideWidget(catalog, lang, letterbox="#1d2329")
        self.next_view = SlideWidget(catalog, lang, letterbox="#1d2329", interactive_chart=False)
        self.notes_view = QTextBrowser()
        self.notes_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes_view.setOpenLinks(False)
        current_heading = QLabel(Presenter.tr("Current slide"))
        current_heading.setObjectName("ConsoleHeading")
        next_heading = QLabel(Presenter.tr("Next slide"))
        next_heading.setObjectName("ConsoleHeading")
        notes_heading = QLabel(Presenter.tr("Talking points"))
        notes_heading.setObjectName("ConsoleHeading")

        left = QVBoxLayout()
        left.addWidget(current_heading)
        left.addWidget(self.current_view, 1)
        right = QVBoxLayout()
        right.addWidget(next_heading)
        right.addWidget(self.next_view, 2)
        right.addWidget(notes_heading)
        right.addWidget(self.notes_view, 3)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 16)
        outer.addLayout(top)
        outer.addLayout(body, 1)

        self._elapsed = owner.clock  # shared: the time since the presentation started, whichever view shows it
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        self._on_timer_timeout()

    def reset_timer(self) -> None:
        self._elapsed.restart()
        self._on_timer_timeout()

    def elapsed_text(self) -> str:
        seconds = self._elapsed.elapsed() // 1000
        return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"

    def _on_timer_timeout(self) -> None:
        self.elapsed_label.setText(self.elapsed_text())
        self.clock_label.setText(QTime.currentTime().toString("HH:mm"))

    def refresh(self) -> None:
        owner = self._owner
        slides, i = owner.slides, owner.index
        total = len(slides)
        self.position_label.setText(Presenter.tr("Slide {n} of {total}").format(n=i + 1, total=total))
        self.current_view.set_slide(slides[i], i + 1, total)
        if i + 1 < total:
            self.next_view.set_slide(slides[i + 1], i + 2, total)
        else:
            self.next_view.set_slide(None, placeholder=Presenter.tr("End of the presentation"))
        notes = slides[i].notes.strip()
        self.notes_view.setPlainText(notes or Presenter.tr("(No talking points for this slide.)"))
        blank = owner.blank
        self.blank_label.setVisible(blank is not None)
        if blank == "black":
            self.blank_label.setText(Presenter.tr("The audience sees a black screen (B to return)"))
        elif blank == "white":
            self.blank_label.setText(Presenter.tr("The audience sees a white screen (W to return)"))
        self.black_button.setText(Presenter.tr("Show slide") if blank else Presenter.tr("Black screen"))
        self.prev_button.setEnabled(i > 0)
        self.next_button.setEnabled(i + 1 < total)
        self._arrange_top()

    def _arrange_top(self) -> None:
        margins = self.layout().contentsMargins() if self.layout() is not None else None
        room = self.width() - (margins.left() + margins.right() if margins is not None else 0)
        need = self._info_row.sizeHint().width() + self._top.horizontalSpacing() + self._buttons_row.sizeHint().width()
        below = need > room
        if below == self._buttons_below:
            return
        self._buttons_below = below
        self._top.removeItem(self._buttons_row)
        if below:
            self._top.addLayout(self._buttons_row, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        else:
            self._top.addLayout(self._buttons_row, 0, 1)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._arrange_top()
        # talking points readable at arm's length: larger on a large screen, never below 16 px
        font = self.notes_view.font()
        font.setPixelSize(max(16, min(30, round(self.width() / 64))))
        self.notes_view.setFont(font)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._owner.handle_key(event):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A click on the presenter's own view (embedded in the slides window) is not "next slide".
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.accept()

    def closeEvent(self, event: Any) -> None:
        self._timer.stop()
        super().closeEvent(event)
