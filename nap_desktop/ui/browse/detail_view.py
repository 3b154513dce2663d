"""A fact in full: statement, headline, every source with status and URL (copyable), notes, its chart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.core.formatting import format_date
from nap_desktop.core.catalog.model import Catalog, Fact, Source
from nap_desktop.ui import theme
from nap_desktop.ui.browse.fact_cards import StatusBadge
from nap_desktop.ui.browse.facts import headline, period_text


def _label(name: str = "", *, selectable: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class SourceRow(QFrame):
    """One source: publisher, title, date, status badge, and its URL as copyable text (never opened)."""

    def __init__(self, source: Source, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = source
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.name_label = _label()
        self.name_label.setStyleSheet("font-weight: 600;")
        top.addWidget(self.name_label, 1)
        self.badge = StatusBadge(source.status, lang)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.title_label = _label("Muted")
        layout.addWidget(self.title_label)
        url_row = QHBoxLayout()
        self.url_field = QLineEdit(source.url)
        self.url_field.setReadOnly(True)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(source.url))
        url_row.addWidget(self.url_field, 1)
        url_row.addWidget(self.copy_button)
        self.url_field.setVisible(bool(source.url))
        self.copy_button.setVisible(bool(source.url))
        layout.addLayout(url_row)
        self.note_label = _label("Muted")
        layout.addWidget(self.note_label)
        self.set_language(lang)

    def set_language(self, lang: str) -> None:
        src = self.source
        self.name_label.setText(src.publisher_in(lang))
        when = format_date(src.date, lang) if src.date else ""
        self.title_label.setText(" · ".join(p for p in (src.title_in(lang), when) if p))
        self.badge.set_language(lang)
        self.note_label.setText(src.note_in(lang))
        self.note_label.setVisible(bool(src.note))
        self.copy_button.setText(QCoreApplication.translate("DetailView", "Copy link"))
        self.copy_button.setToolTip(QCoreApplication.translate("DetailView", "Copy the address to the clipboard (the app never opens links)"))


class DetailView(QScrollArea):
    """The detail page. ``show_fact(id)``; emits back_requested / add_requested / add_chart_requested."""

    back_requested = Signal()
    add_requested = Signal(str)
    add_chart_requested = Signal(str)

    def __init__(self, catalog: Catalog, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        self._fact: Fact | None = None
        self.chart_view: Any = None  # created on first use: pyqtgraph loads only when a chart is shown
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        canvas = QWidget()
        canvas.setObjectName("DetailCanvas")
        self.setWidget(canvas)
        outer = QVBoxLayout(canvas)
        outer.setContentsMargins(theme.GAP * 3, theme.GAP * 2, theme.GAP * 3, theme.GAP * 3)
        outer.setSpacing(theme.GAP)

        bar = QHBoxLayout()
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        outer.addLayout(bar)
        # the add buttons sit under the figure, on their own row: long Spanish labels never push
        # the page wider than the window
        actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._actions = actions
        self.add_button = QPushButton()
        self.add_button.setObjectName("PrimaryButton")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.add_chart_button = QPushButton()
        self.add_chart_button.clicked.connect(self._on_add_chart_clicked)
        actions.addWidget(self.add_button)
        actions.addWidget(self.add_chart_button)
        actions.addStretch(1)

        head = QHBoxLayout()
        self.section_label = _label("SectionTag")
        head.addWidget(self.section_label, 1)
        self.badge_holder = QHBoxLayout()
        head.addLayout(self.badge_holder)
        outer.addLayout(head)
        self.value_label = _label("DetailValue")
        outer.addWidget(self.value_label)
        self.statement_label = _label("DetailStatement")
        outer.addWidget(self.statement_label)
        self.period_label = _label("Muted")
        outer.addWidget(self.period_label)
        outer.addLayout(actions)

        self.chart_holder = QVBoxLayout()
        outer.addLayout(self.chart_holder)

        self.notes_heading = _label("H2", selectable=False)
        self.notes_label = _label()
        outer.addWidget(self.notes_heading)
        outer.addWidget(self.notes_label)
        self.sources_heading = _label("H2", selectable=False)
        outer.addWidget(self.sources_heading)
        self.sources_box = QVBoxLayout()
        self.sources_box.setSpacing(2)
        outer.addLayout(self.sources_box)
        outer.addStretch(1)
        self.source_rows: list[SourceRow] = []
        self._badge: StatusBadge | None = None
        self._retranslate()

    @property
    def fact(self) -> Fact | None:
        return self._fact

    def show_fact(self, fact_id: str) -> None:
        fact = self._catalog.fact(fact_id)
        if fact is None:
            raise KeyError(fact_id)
        another = self._fact is None or self._fact.id != fact.id
        self._fact = fact
        for row in self.source_rows:
            row.setParent(None)
            row.deleteLater()
        self.source_rows = []
        for sid in fact.sources:
            src = self._catalog.sources.get(sid)
            if src is not None:
                row = SourceRow(src, self._lang)
                self.source_rows.append(row)
                self.sources_box.addWidget(row)
        if self._badge is not None:
            self._badge.setParent(None)
            self._badge.deleteLater()
            self._badge = None
        from nap_desktop.ui.browse.facts import fact_status

        self._badge = StatusBadge(fact_status(fact, self._catalog), self._lang)
        self.badge_holder.addWidget(self._badge)
        spec = self._catalog.charts.get(fact.chart) if fact.chart else None
        if spec is not None:
            if self.chart_view is None:
                from nap_desktop.ui.browse.chart_view import ChartView

                self.chart_view = ChartView(spec, self._catalog, self._lang)
                self.chart_view.setMinimumHeight(440)
                self.chart_holder.addWidget(self.chart_view)
            else:
                if another:
                    # a fact opened afresh shows its chart: the table was the last fact's choice
                    self.chart_view.show_table(False)
                self.chart_view.set_spec(spec)
            self.chart_view.show()
        elif self.chart_view is not None:
            self.chart_view.set_spec(None)
            self.chart_view.hide()
        self._refresh()
        self.verticalScrollBar().setValue(0)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        for row in self.source_rows:
            row.set_language(lang)
        if self._badge is not None:
            self._badge.set_language(lang)
        if self.chart_view is not None:
            self.chart_view.set_language(lang)
        self._refresh()

    def _refresh(self) -> None:
        fact, lang = self._fact, self._lang
        if fact is None:
            return
        section = self._catalog.section(fact.section)
        color = section.color if section else theme.ACCENT
        self.section_label.setText(theme.no_break(section.title(lang)) if section else fact.section)
        self.section_label.setStyleSheet(f"color: {color};")
        value = headline(fact, lang)
        self.value_label.setText(value)
        self.value_label.setStyleSheet(f"color: {color};")
        self.value_label.setVisible(bool(value))
        self.statement_label.setText(theme.no_break(fact.text(lang)))
        self.period_label.setText(QCoreApplication.translate("DetailView", "Period: %1").replace("%1", period_text(fact, lang)) if fact.period else "")
        note = fact.note(lang)
        self.notes_label.setText(note)
        self.notes_heading.setVisible(bool(note))
        self.notes_label.setVisible(bool(note))
        self._retranslate()

    def _retranslate(self) -> None:
        self.back_button.setText(QCoreApplication.translate("DetailView", "← Back to the facts"))
        self.back_button.setToolTip(QCoreApplication.translate("DetailView", "Back to the fact cards (Esc)"))
        self.add_button.setText(QCoreApplication.translate("DetailView", "+ Add fact to pack"))
        self.add_button.setToolTip(QCoreApplication.translate("DetailView", "Add this fact to the briefing pack (Ctrl+D)"))
        self.add_chart_button.setText(QCoreApplication.translate("DetailView", "+ Add chart to pack"))
        self.add_chart_button.setToolTip(QCoreApplication.translate("DetailView", "Add this chart as its own slide in the briefing pack"))
        has_chart = self._fact is not None and bool(self._fact.chart) and self._fact.chart in self._catalog.charts
        self.add_chart_button.setVisible(has_chart)
        self._fit_actions()
        self.notes_heading.setText(QCoreApplication.translate("DetailView", "Notes and caveats"))
        self.sources_heading.setText(QCoreApplication.translate("DetailView", "Sources"))
        if self._fact is not None and self._fact.period:
            self.period_label.setText(QCoreApplication.translate("DetailView", "Period: %1").replace("%1", period_text(self._fact, self._lang)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_actions()

    def _fit_actions(self) -> None:
        """The add buttons side by side when they fit, one above the other on a narrow page (long
        Spanish labels at 1024 px): the page never needs a horizontal scroll bar."""
        buttons = [b for b in (self.add_button, self.add_chart_button) if not b.isHidden()]
        needed = sum(b.sizeHint().width() for b in buttons) + theme.GAP * (len(buttons) + 6)
        direction = (QBoxLayout.Direction.LeftToRight if needed <= self.viewport().width()
                     else QBoxLayout.Direction.TopToBottom)
        if self._actions.direction() != direction:
            self._actions.setDirection(direction)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
            return
        super().keyPressEvent(event)

    def _on_add_clicked(self) -> None:
        if self._fact is not None:
            self.add_requested.emit(self._fact.id)

    def _on_add_chart_clicked(self) -> None:
        if self._fact is not None and self._fact.chart:
            self.add_chart_requested.emit(self._fact.chart)
