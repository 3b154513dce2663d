"""PackPanel: the side panel where the briefing pack is built (details, ordered items, talking points)."""

from __future__ import annotations

from PySide6.QtCore import (
    QDate, QEvent, QItemSelection, QItemSelectionModel, QLocale, QMimeData, QObject, QPoint, QRect, QSize, Qt, Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListView,
    QMenu, QPlainTextEdit, QPushButton, QSizePolicy, QSplitter, QStyle, QStyledItemDelegate, QStyleOptionComboBox, QToolButton, QVBoxLayout, QWidget,
)

from nap_desktop.core.pack.document import PackChange, PackDocument
from nap_desktop.core.catalog.model import Catalog
from nap_desktop.ui.pack.pack_model import (
    COPY_NOTE_ROLE, DIVIDER_BACKGROUND, HEADLINE_ROLE, KIND_ROLE, MISSING_COLOR, MISSING_ROLE, TALKING_POINTS_ROLE, PackListModel,
)

#: QDateEdit cannot be empty: its minimum date stands for "no date" and shows the special text.
NO_DATE = QDate(2000, 1, 1)
LANG_CODES = ("en", "es")


class _UndoKeysToWindow(QObject):
    """Text fields keep their own undo history; let Ctrl+Z / Ctrl+Shift+Z reach the pack's undo instead."""

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()
            return True
        return False


class MeetingDateEdit(QDateEdit):
    """A date field whose "no date" state (the minimum) turns into today while the user edits it.

    Typing a year or opening the calendar then starts from today, not from the placeholder year 2000;
    leaving the field untouched puts "No date" back without changing the pack.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.provisional = False
        self.dateChanged.connect(self._on_changed)

    def _on_changed(self, _date) -> None:
        if not self.signalsBlocked():
            self.provisional = False

    def _start_from_today(self) -> None:
        if self.date() == self.minimumDate():
            self.blockSignals(True)
            self.setDate(QDate.currentDate())
            self.blockSignals(False)
            self.provisional = True

    def focusInEvent(self, event):
        self._start_from_today()
        super().focusInEvent(event)

    def _on_arrow(self, pos) -> bool:
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        arrow = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxArrow, self)
        return arrow.contains(pos)

    def mousePressEvent(self, event):
        if self.calendarPopup() and self._on_arrow(event.position().toPoint()) and (
                self.provisional or self.date() == self.minimumDate()):
            if self.provisional:  # the focus just came with this click: back to "No date"
                self.blockSignals(True)
                self.setDate(self.minimumDate())
                self.blockSignals(False)
                self.provisional = False
            # the calendar opens at today's month, the field still says "No date" and the pack keeps
            # no date until a day is clicked (it showed today as if chosen)
            super().mousePressEvent(event)
            calendar = self.calendarWidget()
            if calendar is not None:
                today = QDate.currentDate()
                calendar.setCurrentPage(today.year(), today.month())
            return
        self._start_from_today()
        if self.calendarPopup() and not self._on_arrow(event.position().toPoint()):
            # Qt takes a click on the text of a calendar-popup date edit for the spin box's "down" button
            # (SC_ComboBoxEditField == SC_SpinBoxDown) and steps the date back: place the cursor instead.
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            line = self.lineEdit()
            line.setCursorPosition(line.cursorPositionAt(line.mapFrom(self, event.position().toPoint())))
            event.accept()
            return
        super().mousePressEvent(event)

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        if self.provisional and event.reason() != Qt.FocusReason.PopupFocusReason and not (
                self.calendarWidget() is not None and self.calendarWidget().isVisible()):
            self.blockSignals(True)
            self.setDate(self.minimumDate())
            self.blockSignals(False)
            self.provisional = False


class PackListView(QListView):
    """The item list: drag to reorder, Alt+Up/Down to move, Delete to remove, a context menu (right click,
    the Menu key or Shift+F10), an empty-state hint."""

    move_requested = Signal(int)  # -1 up, +1 down
    remove_requested = Signal()
    menu_requested = Signal(QPoint)  # where to open the item menu, in global coordinates

    def __init__(self, parent=None):
        super().__init__(parent)
        self.empty_text = ""
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        # Ctrl/Shift+click select several items: the context menu's commands apply to all of them.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(0)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)

    def keyPressEvent(self, event):
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
            event.accept()
            return
        if alt and event.key() == Qt.Key.Key_Down:
            self.move_requested.emit(1)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            self.remove_requested.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Menu or (
                event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier):
            self._menu_from_keyboard()
            event.accept()
            return
        super().keyPressEvent(event)

    def _menu_from_keyboard(self) -> None:
        """The menu opens under the current item (not at the mouse pointer)."""
        index = self.currentIndex()
        if not index.isValid():
            return
        if not self.selectionModel().isSelected(index):
            self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        rect = self.visualRect(index)
        point = QPoint(rect.left() + min(24, rect.width() // 2), min(rect.bottom(), self.viewport().height() - 1))
        self.menu_requested.emit(self.viewport().mapToGlobal(point))

    def contextMenuEvent(self, event):
        if event.reason() != event.Reason.Mouse:
            self._menu_from_keyboard()
            event.accept()
            return
        point = self.viewport().mapFromGlobal(event.globalPos())
        index = self.indexAt(point)
        if not index.isValid():
            event.ignore()
            return
        # A right click on an item outside the selection selects it alone; inside, keeps the selection.
        if not self.selectionModel().isSelected(index):
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        elif self.currentIndex() != index:
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.menu_requested.emit(event.globalPos())
        event.accept()

    def paintEvent(self, event):
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            rect = self.viewport().rect().adjusted(16, 16, -16, -16)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                       | Qt.TextFlag.TextWordWrap), self.empty_text)
            painter.end()


KIND_COLORS = {"fact": QColor("#0072B2"), "chart": QColor("#009E73"), "note": QColor("#7F7F7F")}
PAD = 8
BAR = 4


#: An item shows at most this many lines of its text (the full text is in its tooltip and the detail):
#: whole statements made one item fill the list, which showed two at 1024x640 with real facts.
MAX_ITEM_LINES = 3


def _wrapped_lines(text: str, metrics: QFontMetrics, width: int, max_lines: int = MAX_ITEM_LINES) -> list[str]:
    """Word-wrapped lines of `text` at `width`, at most `max_lines`, the last one ending in "…" when cut."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if metrics.horizontalAdvance(candidate) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1:])
        lines = lines[:max_lines - 1] + [metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


class PackItemDelegate(QStyledItemDelegate):
    """Draws each item as a small block: a coloured bar by kind, a caption (kind, talking points), the text."""

    def __init__(self, view: QListView, panel: PackPanel):
        super().__init__(view)
        self._view = view
        self._panel = panel

    def _caption(self, index) -> str:
        kind = index.data(KIND_ROLE)
        caption = {"fact": PackPanel.tr("Fact"), "chart": PackPanel.tr("Chart"),
                   "note": PackPanel.tr("Note")}.get(kind, "")
        if index.data(TALKING_POINTS_ROLE):
            caption += " · " + PackPanel.tr("talking points ✓")
        note = index.data(COPY_NOTE_ROLE)
        if note:  # where the figures come from: the pack's copy (issue 26)
            caption += " · " + note
        return caption.upper() if kind != "divider" else ""

    def _fonts(self, option) -> tuple[QFont, QFont]:
        caption = QFont(option.font)
        caption.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.78))
        caption.setBold(True)
        return caption, QFont(option.font)

    def _text_width(self) -> int:
        return max(80, self._view.viewport().width() - 2 * PAD - BAR - 2 * self._view.spacing())

    def sizeHint(self, option, index) -> QSize:
        caption_font, text_font = self._fonts(option)
        if index.data(KIND_ROLE) == "divider":
            text_font.setBold(True)
        width = self._text_width()
        metrics = QFontMetrics(text_font)
        text = len(_wrapped_lines(index.data(HEADLINE_ROLE) or "", metrics, width)) * metrics.lineSpacing()
        caption = QFontMetrics(caption_font).height() + 2 if self._caption(index) else 0
        return QSize(width + 2 * PAD + BAR, text + caption + 2 * PAD)

    def paint(self, painter: QPainter, option, index) -> None:
        painter.save()
        kind = index.data(KIND_ROLE)
        missing = bool(index.data(MISSING_ROLE))
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            background = palette.color(QPalette.ColorRole.Highlight)
        elif kind == "divider":
            background = DIVIDER_BACKGROUND
        else:
            background = palette.color(QPalette.ColorRole.Base)
        painter.fillRect(rect, background)
        if kind != "divider":
            painter.fillRect(QRect(rect.left(), rect.top(), BAR, rect.height()),
                             MISSING_COLOR if missing else KIND_COLORS.get(kind, QColor("#7F7F7F")))
        painter.setPen(QColor("#d9dde3"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        caption_font, text_font = self._fonts(option)
        x, y, width = rect.left() + BAR + PAD, rect.top() + PAD, self._text_width()
        caption = self._caption(index)
        if caption:
            painter.setFont(caption_font)
            painter.setPen(text_color if selected else palette.color(QPalette.ColorRole.PlaceholderText))
            height = QFontMetrics(caption_font).height()
            painter.drawText(QRect(x, y, width, height), int(Qt.AlignmentFlag.AlignLeft), caption)
            y += height + 2
        if kind == "divider":
            text_font.setBold(True)
        painter.setFont(text_font)
        painter.setPen(MISSING_COLOR if missing and not selected else text_color)
        metrics = QFontMetrics(text_font)
        for line in _wrapped_lines(index.data(HEADLINE_ROLE) or "", metrics, width):
            painter.drawText(QRect(x, y, width, metrics.lineSpacing()), int(Qt.AlignmentFlag.AlignLeft), line)
            y += metrics.lineSpacing()
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight).darker(130))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()


class PackPanel(QWidget):
    """Edits a PackDocument; every edit goes through the document so it can be undone."""

    #: the user asked to open an item in the detail view: (kind "fact" | "chart", its id)
    open_requested = Signal(str, str)
    #: a short confirmation for the status bar (e.g. after "Copy with citation")
    message = Signal(str)

    def __init__(self, document: PackDocument, catalog: Catalog, parent=None):
        super().__init__(parent)
        self.setObjectName("PackPanel")
        self._doc = document
        self._catalog = catalog
        self._content_lang = document.pack.lang
        self._syncing = False
        self._undo_keys = _UndoKeysToWindow(self)

        self.model = PackListModel(document, catalog, self)

        self.heading = QLabel()
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)

        self.title_edit = QLineEdit()
        self.audience_edit = QLineEdit()
        self.organisation_edit = QLineEdit()
        self.organisation_edit.setObjectName("PackOrganisation")
        self.date_edit = MeetingDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setMaximumDate(QDate(2100, 12, 31))
        self.date_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.clear_date_button = QToolButton()
        self.clear_date_button.setText("×")
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("", "en")
        self.lang_combo.addItem("", "es")

        date_row = QHBoxLayout()
        date_row.setContentsMargins(0, 0, 0, 0)
        date_row.addWidget(self.date_edit, 1)
        date_row.addWidget(self.clear_date_button)

        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_label, self.audience_label = QLabel(), QLabel()
        self.organisation_label = QLabel()
        self.date_label, self.lang_label = QLabel(), QLabel()
        for label, field in ((self.title_label, self.title_edit), (self.audience_label, self.audience_edit),
                             (self.organisation_label, self.organisation_edit),
                             (self.date_label, date_row), (self.lang_label, self.lang_combo)):
            self.form.addRow(label, field)
        self.title_label.setBuddy(self.title_edit)
        self.audience_label.setBuddy(self.audience_edit)
        self.organisation_label.setBuddy(self.organisation_edit)
        self.date_label.setBuddy(self.date_edit)
        self.lang_label.setBuddy(self.lang_combo)

        self.items_label = QLabel()
        self.items_label.setWordWrap(True)  # long in Spanish: it must not set the panel's minimum width
        self.list_view = PackListView()
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(PackItemDelegate(self.list_view, self))
        self.items_label.setBuddy(self.list_view)

        self.add_note_button = QPushButton()
        self.add_divider_button = QPushButton()
        self.up_button = QToolButton()
        self.up_button.setText("↑")
        self.down_button = QToolButton()
        self.down_button.setText("↓")
        self.remove_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_note_button, self.add_divider_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)

        self.text_label = QLabel()
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.points_label = QLabel()
        self.points_edit = QPlainTextEdit()
        self.points_edit.setTabChangesFocus(True)
        self.points_edit.setMinimumHeight(90)
        for edit in (self.title_edit, self.audience_edit, self.organisation_edit, self.text_edit, self.points_edit):
            edit.installEventFilter(self._undo_keys)
        self.date_edit.installEventFilter(self._undo_keys)

        # The details form folds away on short windows (a toggle in the heading) so the item list keeps
        # room for at least three items; the editors below the list sit in a splitter pane of their own,
        # so the list and its button row never move when the selected item's kind changes.
        self.details_button = QToolButton()
        self.details_button.setObjectName("PackDetailsToggle")
        self.details_button.setCheckable(True)
        self.details_button.setChecked(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.DownArrow)
        self.details_button.toggled.connect(self._on_details_toggled)
        self._details_user_choice: bool | None = None
        self.details_box = QWidget()
        self.details_box.setLayout(self.form)
        self.form.setContentsMargins(0, 0, 0, 0)

        heading_row = QHBoxLayout()
        heading_row.setContentsMargins(0, 0, 0, 0)
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.details_button)

        top_pane = QWidget()
        top = QVBoxLayout(top_pane)
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(6)
        top.addWidget(self.items_label)
        top.addWidget(self.list_view, 1)
        top.addLayout(buttons)
        bottom_pane = QWidget()
        bottom = QVBoxLayout(bottom_pane)
        bottom.setContentsMargins(0, 4, 0, 0)
        bottom.setSpacing(4)
        bottom.addWidget(self.text_label)
        bottom.addWidget(self.text_edit)
        bottom.addWidget(self.points_label)
        bottom.addWidget(self.points_edit, 1)
        self.text_edit.setMinimumHeight(44)
        self.text_edit.setMaximumHeight(64)
        self.points_edit.setMinimumHeight(48)
        self.editor_splitter = QSplitter(Qt.Orientation.Vertical)
        self.editor_splitter.setObjectName("PackEditorSplitter")
        self.editor_splitter.addWidget(top_pane)
        self.editor_splitter.addWidget(bottom_pane)
        self.editor_splitter.setChildrenCollapsible(False)
        self.editor_splitter.setStretchFactor(0, 1)
        self.editor_splitter.setStretchFactor(1, 0)
        self.editor_splitter.setSizes([400, 170])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(heading_row)
        layout.addWidget(self.details_box)
        layout.addWidget(self.editor_splitter, 1)

        self.title_edit.textEdited.connect(self._on_title_edited)
        self.audience_edit.textEdited.connect(self._on_audience_edited)
        self.organisation_edit.textEdited.connect(self._on_organisation_edited)
        self.title_edit.editingFinished.connect(document.end_merge)
        self.audience_edit.editingFinished.connect(document.end_merge)
        self.organisation_edit.editingFinished.connect(document.end_merge)
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.clear_date_button.clicked.connect(lambda: self.date_edit.setDate(NO_DATE))
        self.details_button.clicked.connect(lambda checked: setattr(self, "_details_user_choice", checked))
        self.lang_combo.currentIndexChanged.connect(self._on_lang_changed)
        self.add_note_button.clicked.connect(self.add_note)
        self.add_divider_button.clicked.connect(self.add_divider)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.list_view.move_requested.connect(self.move_selected)
        self.list_view.remove_requested.connect(self.remove_selected)
        self.list_view.menu_requested.connect(self.show_item_menu)
        self.item_menu: QMenu | None = None  # the last context menu shown (tests and screenshots find it)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        # A mouse press makes the row current *before* selecting it: react to the selection too.
        self.list_view.selectionModel().selectionChanged.connect(self._on_current_changed)
        self.text_edit.textChanged.connect(self._on_text_edited)
        self.points_edit.textChanged.connect(self._on_points_edited)
        # The model subscribed first, so its rows are up to date when the panel reacts.
        document.subscribe(self._on_document_changed)

        self.retranslate()
        self._sync_meta()
        self._sync_editors()

    # ---- public --------------------------------------------------------------------------
    @property
    def document(self) -> PackDocument:
        return self._doc

    #: below this panel height the details form folds away (unless the user unfolded it)
    COMPACT_HEIGHT = 700

    def _on_details_toggled(self, shown: bool) -> None:
        self.details_box.setVisible(shown)
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self._retranslate_details()

    def _retranslate_details(self) -> None:
        shown = self.details_button.isChecked()
        self.details_button.setText(self.tr("Details"))
        self.details_button.setToolTip(self.tr("Hide the title, audience, presenter, date and language") if shown
                                       else self.tr("Show the title, audience, presenter, date and language"))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self._details_user_choice is None:
            compact = event.size().height() < self.COMPACT_HEIGHT
            if self.details_button.isChecked() == compact:
                self.details_button.blockSignals(True)
                self.details_button.setChecked(not compact)
                self.details_button.blockSignals(False)
                self._on_details_toggled(not compact)

    def tab_widgets(self) -> list:
        """The panel's fields in Tab order (the main window walks them)."""
        return [self.details_button, self.title_edit, self.audience_edit, self.organisation_edit, self.date_edit, self.clear_date_button, self.lang_combo, self.list_view,
                          self.add_note_button, self.add_divider_button, self.up_button, self.down_button,
                          self.remove_button, self.text_edit, self.points_edit]

    def selected_uid(self) -> str | None:
        index = self.list_view.currentIndex()
        if not index.isValid() or not self.list_view.selectionModel().isSelected(index):
            return None
        return self.model._items[index.row()].uid

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row)
            self.list_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list_view.scrollTo(index)

    def set_content_language(self, lang: str) -> None:
        """The app's content language: dates in the details follow it; items keep the pack's language."""
        self._content_lang = lang
        locale = QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico) if lang == "es" else QLocale(
            QLocale.Language.English, QLocale.Country.UnitedStates)
        self.date_edit.setLocale(locale)
        self.date_edit.setDisplayFormat("d 'de' MMMM 'de' yyyy" if lang == "es" else "MMMM d, yyyy")
        self.model.retranslate()

    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self.model.set_catalog(catalog)

    def add_note(self) -> None:
        uid = self._doc.add_note(self.tr("New note"), self._insert_row())
        self.select_row(self._doc.index_of(uid))
        self.text_edit.setFocus()
        self.text_edit.selectAll()

    def add_divider(self) -> None:
        uid = self._doc.add_divider(self.tr("New section"), self._insert_row())
        self.select_row(self._doc.index_of(uid))
        self.text_edit.setFocus()
        self.text_edit.selectAll()

    def selected_uids(self) -> list[str]:
        """Every selected item, in pack order."""
        rows = sorted(i.row() for i in self.list_view.selectionModel().selectedIndexes() if i.isValid())
        return [self.model._items[r].uid for r in rows if 0 <= r < len(self.model._items)]

    def select_uids(self, uids: list[str]) -> None:
        """Select these items (the first becomes current) and show them."""
        rows = sorted(self._doc.index_of(uid) for uid in uids)
        if not rows:
            return
        selection = QItemSelection()
        for row in rows:
            selection.select(self.model.index(row), self.model.index(row))
        model = self.list_view.selectionModel()
        model.setCurrentIndex(self.model.index(rows[0]), QItemSelectionModel.SelectionFlag.NoUpdate)
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list_view.scrollTo(self.model.index(rows[0]))

    def remove_selected(self) -> None:
        uids = self.selected_uids()
        if not uids:
            return
        row = self._doc.index_of(uids[0])
        self._doc.remove_many(uids)
        self.select_row(min(row, self.model.rowCount() - 1))

    def duplicate_selected(self) -> None:
        new = self._doc.duplicate(self.selected_uids())
        if new:
            self.select_uids(new)

    def move_selected_to(self, edge: str) -> None:
        uids = self.selected_uids()
        if uids:
            self._doc.move_to_edge(uids, edge)
            self.select_uids(uids)

    def open_selected(self) -> None:
        uid = self.selected_uid()
        if uid is not None:
            item = self._doc.item(uid)
            if item.kind in ("fact", "chart"):
                self.open_requested.emit(item.kind, item.ref)

    def edit_selected_text(self) -> None:
        uid = self.selected_uid()
        if uid is not None and self._doc.item(uid).kind in ("note", "divider"):
            self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.text_edit.selectAll()

    def copy_selected_with_citation(self) -> bool:
        """The selected facts and charts with their sources, as plain text and HTML (for an email),
        in the pack's language and as the pack shows them (its saved copies)."""
        from nap_desktop.core.charts.spec import source_line
        from nap_desktop.core.pack.snapshot import catalog_for_pack
        from nap_desktop.ui.browse.facts import citation

        import html

        pack = self._doc.pack
        lang = pack.lang
        wanted = set(self.selected_uids())
        items = [i for i in pack.items if i.uid in wanted and i.kind in ("fact", "chart")]
        if not items:
            return False
        catalog = catalog_for_pack(pack, self._catalog)
        plains, htmls = [], []
        for item in items:
            if item.kind == "fact":
                fact = catalog.fact(item.ref)
                if fact is not None:
                    plain, rich = citation(fact, catalog, lang)
                    plains.append(plain)
                    htmls.append(rich)
            else:
                spec = catalog.charts.get(item.ref)
                if spec is not None:
                    line = source_line(spec, catalog, lang)
                    plains.append("\n".join(p for p in (spec.title(lang), line) if p))
                    htmls.append(f"<p><b>{html.escape(spec.title(lang))}</b></p>"
                                 + (f"<p><small>{html.escape(line)}</small></p>" if line else ""))
        if not plains:
            return False
        mime = QMimeData()
        mime.setText("\n\n".join(plains))
        mime.setHtml("".join(htmls))
        QApplication.clipboard().setMimeData(mime)
        self.message.emit(self.tr("Copied with its source.") if len(plains) == 1
                          else self.tr("%1 items copied with their sources.").replace("%1", str(len(plains))))
        return True

    def show_item_menu(self, global_pos: QPoint) -> QMenu | None:
        """The context menu of the selected items (right click, Menu key, Shift+F10)."""
        uids = self.selected_uids()
        if not uids:
            return None
        items = [self._doc.item(uid) for uid in uids]
        rows = [self._doc.index_of(uid) for uid in uids]
        count = self.model.rowCount()
        single = items[0] if len(items) == 1 else None
        if self.item_menu is None:
            self.item_menu = QMenu(self)
            self.item_menu.setObjectName("PackItemMenu")
        menu = self.item_menu
        menu.clear()  # one menu, rebuilt for the selection each time it opens

        def add(name: str, text: str, slot, enabled: bool = True, shortcut: str = "") -> QAction:
            action = QAction(text, menu)
            action.setObjectName(name)
            action.setEnabled(enabled)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutVisibleInContextMenu(True)
            action.triggered.connect(slot)
            menu.addAction(action)
            return action

        if single is not None and single.kind in ("note", "divider"):
            add("PackMenuEdit", self.tr("&Edit text") if single.kind == "note" else self.tr("&Edit section title"),
                self.edit_selected_text)
        else:
            openable = single is not None and not self.model.is_missing(rows[0])
            add("PackMenuOpen", self.tr("&Open"), self.open_selected, openable)
        add("PackMenuCopy", self.tr("&Copy with citation"), self.copy_selected_with_citation,
            any(i.kind in ("fact", "chart") for i in items))
        add("PackMenuDuplicate", self.tr("D&uplicate"), self.duplicate_selected)
        menu.addSeparator()
        n = len(rows)
        add("PackMenuTop", self.tr("Move to &top"), lambda: self.move_selected_to("top"), sorted(rows) != list(range(n)))
        add("PackMenuBottom", self.tr("Move to &bottom"), lambda: self.move_selected_to("bottom"),
            sorted(rows) != list(range(count - n, count)))
        menu.addSeparator()
        add("PackMenuRemove", self.tr("&Remove") if n == 1 else self.tr("&Remove %1 items").replace("%1", str(n)),
            self.remove_selected, shortcut="Delete")
        menu.exec(global_pos)
        return menu

    def move_selected(self, step: int) -> None:
        uid = self.selected_uid()
        if uid is None:
            return
        row = self._doc.index_of(uid)
        target = row + step
        if 0 <= target < self.model.rowCount():
            self._doc.move(uid, target)
            self.select_row(target)

    # ---- widgets → document --------------------------------------------------------------
    def _insert_row(self) -> int | None:
        uid = self.selected_uid()
        return self._doc.index_of(uid) + 1 if uid is not None else None

    def _on_title_edited(self, text: str) -> None:
        if not self._syncing:
            self._doc.set_meta(title=text)

    def _on_audience_edited(self, text: str) -> None:
        if not self._syncing:
            self._doc.set_meta(audience=text)

    def _on_organisation_edited(self, text: str) -> None:
        if not self._syncing:
            self._doc.set_meta(organisation=text)

    def _on_date_changed(self, date: QDate) -> None:
        if self._syncing:
            return
        self._doc.end_merge()
        self._doc.set_meta(meeting_date="" if date == NO_DATE else date.toString(Qt.DateFormat.ISODate))
        self._doc.end_merge()

    def _on_lang_changed(self, index: int) -> None:
        if not self._syncing and index >= 0:
            self._doc.set_meta(lang=self.lang_combo.itemData(index))

    def _on_text_edited(self) -> None:
        uid = self.selected_uid()
        if self._syncing or uid is None or self._doc.item(uid).kind not in ("note", "divider"):
            return
        self._doc.set_note_text(uid, self.text_edit.toPlainText())

    def _on_points_edited(self) -> None:
        uid = self.selected_uid()
        if self._syncing or uid is None:
            return
        self._doc.set_talking_points(uid, self.points_edit.toPlainText())

    def _on_current_changed(self, *_args) -> None:
        self._doc.end_merge()  # typing in another item is a new undo step
        self._sync_editors()

    # ---- document → widgets --------------------------------------------------------------
    def _on_document_changed(self, change: PackChange) -> None:
        if change.kind == "meta" or change.kind == "reset":
            self._sync_meta()
        # Show the user what changed, including after undo/redo.
        if change.kind in ("inserted", "changed", "exists"):
            self.select_row(change.row)
        elif change.kind == "moved":
            self.select_row(change.new_row)
        elif change.kind == "removed":
            self.select_row(min(change.row, self.model.rowCount() - 1))
        self._sync_editors()
        self.list_view.viewport().update()

    def _sync_meta(self) -> None:
        pack = self._doc.pack
        self._syncing = True
        try:
            # Text set from the pack (open, undo) shows its beginning, not its end; typing is untouched
            # because the field already holds what was typed.
            for edit, text in ((self.title_edit, pack.title), (self.audience_edit, pack.audience),
                               (self.organisation_edit, pack.organisation)):
                if edit.text() != text:
                    edit.setText(text)
                    edit.setCursorPosition(0)
            date = QDate.fromString(pack.meeting_date, Qt.DateFormat.ISODate) if pack.meeting_date else NO_DATE
            if self.date_edit.date() != date and not (date == NO_DATE and self.date_edit.provisional):
                self.date_edit.setDate(date if date.isValid() else NO_DATE)
            index = LANG_CODES.index(pack.lang) if pack.lang in LANG_CODES else 0
            if self.lang_combo.currentIndex() != index:
                self.lang_combo.setCurrentIndex(index)
        finally:
            self._syncing = False

    def _sync_editors(self) -> None:
        uid = self.selected_uid()
        item = self._doc.item(uid) if uid is not None else None
        has_text = item is not None and item.kind in ("note", "divider")
        self._syncing = True
        try:
            self.text_label.setVisible(has_text)
            self.text_edit.setVisible(has_text)
            if has_text:
                self.text_label.setText(self.tr("Note text") if item.kind == "note" else self.tr("Section title"))
                if self.text_edit.toPlainText() != item.text:
                    self.text_edit.setPlainText(item.text)
            points = item.talking_points if item is not None else ""
            if self.points_edit.toPlainText() != points:
                self.points_edit.setPlainText(points)
            self.points_edit.setEnabled(item is not None)
            self.points_edit.setPlaceholderText(
                self.tr("What you will say about this item (speaker notes).") if item is not None
                else self.tr("Select an item to write its talking points."))
        finally:
            self._syncing = False
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(item is not None)
        if item is not None:
            row = self._doc.index_of(uid)
            self.up_button.setEnabled(row > 0)
            self.down_button.setEnabled(row < self.model.rowCount() - 1)

    # ---- language ------------------------------------------------------------------------
    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Briefing pack"))
        self.title_label.setText(self.tr("&Title"))
        self.audience_label.setText(self.tr("&Audience"))
        self.date_label.setText(self.tr("Meeting &date"))
        self.lang_label.setText(self.tr("&Language"))
        self.title_edit.setPlaceholderText(self.tr("e.g. USMCA joint review briefing"))
        self.audience_edit.setPlaceholderText(self.tr("e.g. House Ways and Means staff"))
        self.organisation_label.setText(self.tr("&Presented by"))
        self.organisation_edit.setPlaceholderText(self.tr("Your name or organization"))
        self.organisation_edit.setToolTip(self.tr("Shown on the deck’s cover, the handout and the workbook"))
        self.date_edit.setSpecialValueText(self.tr("No date"))
        self.clear_date_button.setToolTip(self.tr("Clear the meeting date"))
        # each language in its own name, as the Language menu and the Export and Present dialogs write it
        self.lang_combo.setItemText(0, "English")
        self.lang_combo.setItemText(1, "Español")
        self.lang_combo.setToolTip(self.tr("The language of the exported deck and workbook"))
        self.items_label.setText(self.tr("&Items (drag or Alt+Up/Down to reorder)"))
        self.list_view.empty_text = self.tr(
            "Your pack is empty.\n\nAdd facts with “Add to pack” on a fact card (or select a card "
            "and press Space or Ctrl+D). Then add notes and section dividers with the buttons below.")
        self.add_note_button.setText(self.tr("Add &note"))
        self.add_divider_button.setText(self.tr("Add di&vider"))
        self.add_note_button.setToolTip(self.tr("Add a note slide after the selected item"))
        self.add_divider_button.setToolTip(self.tr("Add a section divider after the selected item"))
        self.remove_button.setText(self.tr("&Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected item (Delete)"))
        self.up_button.setToolTip(self.tr("Move up (Alt+Up)"))
        self.down_button.setToolTip(self.tr("Move down (Alt+Down)"))
        self.up_button.setAccessibleName(self.tr("Move up"))
        self.down_button.setAccessibleName(self.tr("Move down"))
        self.clear_date_button.setAccessibleName(self.tr("Clear the meeting date"))
        self._retranslate_details()
        self.points_label.setText(self.tr("Tal&king points"))
        self.points_label.setBuddy(self.points_edit)
        self.text_label.setBuddy(self.text_edit)
        self.model.retranslate()
        self._sync_editors()
        self.list_view.viewport().update()
