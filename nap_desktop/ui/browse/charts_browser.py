"""The Charts view: every chart of the catalog (bundled and the user's), grouped by section, and the
report's charts that cannot be drawn (greyed, with the reason; never drawn, never added).

Built the first time the user opens it (nap_desktop/ui/browse/browse.py), never at start-up.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.core.catalog.model import Catalog, Fact
from nap_desktop.core.catalog.search import normalise
from nap_desktop.core.catalog.unavailable import unavailable_charts
from nap_desktop.core.charts.spec import month_label
from nap_desktop.core.formatting import format_date, format_period
from nap_desktop.ui import theme

try:  # helper C's constant; the same string until it lands
    from nap_desktop.ui.pack.pack_model import CHART_MIME  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the pack model's version
    CHART_MIME = "application/x-nap-chart-ids"

ID_ROLE = Qt.ItemDataRole.UserRole + 1
GREY = QColor("#8a949c")


def kind_label(kind: str) -> str:
    names = {
        "line": ChartsBrowser.tr("Line"),
        "column": ChartsBrowser.tr("Columns"),
        "bar": ChartsBrowser.tr("Bars"),
        "grouped": ChartsBrowser.tr("Grouped bars"),
        "stacked": ChartsBrowser.tr("Stacked bars"),
        "diverging": ChartsBrowser.tr("Diverging bars"),
        "share": ChartsBrowser.tr("Shares"),
        "timeline": ChartsBrowser.tr("Timeline"),
        "tilemap": ChartsBrowser.tr("Map of states"),
        "table": ChartsBrowser.tr("Table"),
    }
    return names.get(kind, kind)


# ---- what the view shows about a chart (plain data; no figure is computed here) ---------------------
@dataclass(frozen=True)
class ChartEntry:
    id: str
    available: bool
    section: str | None
    title_en: str
    title_es: str
    kind: str
    facts: tuple[str, ...]
    origin: str
    period_keys: tuple[str, ...]  # first and last period the chart covers ((), when it cannot be told)
    sources: tuple[str, ...] = ()
    reason_en: str = ""
    reason_es: str = ""
    subtitle_en: str = ""
    subtitle_es: str = ""

    def title(self, lang: str) -> str:
        return self.title_es if lang == "es" and self.title_es.strip() else self.title_en

    def reason(self, lang: str) -> str:
        return self.reason_es if lang == "es" else self.reason_en


_PERIOD = re.compile(r"^(?:(?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?|FY(?:19|20)\d\d|[1-4]Q(?:19|20)\d\d)$")


def chart_facts(spec: Any, catalog: Catalog) -> tuple[str, ...]:
    """The facts linked to a chart: those the chart lists and those that point at it, in catalog order."""
    listed = set(spec.facts)
    ids = [f.id for f in catalog.facts if f.chart == spec.id or f.id in listed]
    return tuple(ids)


def chart_section(spec: Any, catalog: Catalog, facts: tuple[str, ...]) -> str | None:
    """The section whose facts share the chart's id's first word ("auto-…" -> the section of the
    "auto-…" facts: the catalog's naming convention); else the section most of its facts belong to."""
    prefix = spec.id.split("-")[0] + "-"
    tally: dict[str, int] = {}
    if not spec.id.startswith("user."):
        for fact in catalog.facts:
            if fact.id.startswith(prefix):
                tally[fact.section] = tally.get(fact.section, 0) + 1
    if not tally:
        for fid in facts:
            fact = catalog.fact(fid)
            if fact is not None:
                tally[fact.section] = tally.get(fact.section, 0) + 1
    if not tally:
        known = {s.id for s in catalog.sections}
        return spec.id.split("-")[0] if spec.id.split("-")[0] in known else None
    return max(tally, key=lambda s: tally[s])


def chart_periods(spec: Any, catalog: Catalog) -> tuple[str, ...]:
    """The first and last period a chart shows, read from what it draws (its categories or series when
    they are periods, the dates of a timeline, else the dataset rows behind its values); () if unknown."""
    dates = spec.extra.get("dates") if isinstance(spec.extra, dict) else None
    if spec.kind == "timeline" and isinstance(dates, dict) and dates:
        ordered = sorted(str(d) for d in dates.values())
        return (ordered[0], ordered[-1])
    ds = catalog.datasets.get(spec.dataset)
    periods = {r.period for r in ds.rows} if ds is not None else set()
    cats = list(spec.categories)
    keys = [s.key for s in spec.series]
    for candidates in (cats, keys):
        if candidates and all(c in periods or _PERIOD.match(c) for c in candidates) and \
                any(c in periods for c in candidates):
            ordered = [c for c in candidates if c in periods] or candidates
            return (ordered[0], ordered[-1]) if len(ordered) > 1 else (ordered[0],)
    if ds is None:
        return ()
    # the period is fixed: the rows whose value is the one the chart shows in a cell
    shown: dict[tuple[str, str], float] = {}
    for s in spec.series:
        for cat, value in zip(spec.categories, s.values):
            if value is not None:
                shown[(cat, s.key)] = value
    found: set[str] = set()
    for r in ds.rows:
        if r.value is None:
            continue
        for key in ((r.category, r.series), (r.series, r.category)):
            v = shown.get(key)
            if v is not None and abs(v - r.value) <= 1e-9 * max(1.0, abs(v)):
                found.add(r.period)
    if not found and len(periods) == 1:
        found = set(periods)
    if not found:
        return ()
    ordered = sorted(found)
    return (ordered[0], ordered[-1]) if len(ordered) > 1 else (ordered[0],)


def period_label(keys: tuple[str, ...], lang: str, *, short: bool = False) -> str:
    """'2015–2024', 'Jan 2024–Mar 2026'; dates in full ('November 30, 2018–…') or, ``short``, as years."""
    def one(p: str) -> str:
        if re.fullmatch(r"\d{4}-\d{2}", p):
            return month_label(p, lang)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", p):
            return p[:4] if short else format_date(p, lang)
        m = re.fullmatch(r"FY(\d{4})", p)
        if m:
            return f"FY{m.group(1)}" if lang == "en" else f"año fiscal {m.group(1)}"
        return format_period(p, lang)

    if not keys:
        return "—"
    if len(keys) == 1 or one(keys[0]) == one(keys[-1]):
        return one(keys[0])
    return f"{one(keys[0])}–{one(keys[-1])}"


def chart_entries(catalog: Catalog) -> list[ChartEntry]:
    """Every chart of the catalog, then every report chart that cannot be drawn."""
    out: list[ChartEntry] = []
    for spec in catalog.charts.values():
        facts = chart_facts(spec, catalog)
        out.append(ChartEntry(
            id=spec.id, available=True, section=chart_section(spec, catalog, facts), title_en=spec.title_en,
            title_es=spec.title_es, kind=spec.kind, facts=facts, origin=spec.origin,
            period_keys=chart_periods(spec, catalog), sources=tuple(spec.sources),
            subtitle_en=spec.subtitle_en, subtitle_es=spec.subtitle_es))
    for block in unavailable_charts(catalog):
        out.append(ChartEntry(
            id=block["id"], available=False, section=block.get("section"), title_en=block["title_en"],
            title_es=block["title_es"], kind="", facts=tuple(f for f in block.get("facts", ()) if catalog.fact(f)),
            origin="bundled", period_keys=(), reason_en=block["reason_en"], reason_es=block["reason_es"]))
    return out


def count_text(n: int, what: str) -> str:
    """'1 fact', '3 facts', '1 chart', '0 charts' in the interface language."""
    if what == "fact":
        return ChartsBrowser.tr("1 fact") if n == 1 else ChartsBrowser.tr("%n facts").replace("%n", f"{n:,}")
    return ChartsBrowser.tr("1 chart") if n == 1 else ChartsBrowser.tr("%n charts").replace("%n", f"{n:,}")


def matches(query: str, haystack: str) -> bool:
    """Every word of the query occurs in the (normalised) haystack: accents and capitals do not matter."""
    words = normalise(query).split()
    return all(w in haystack for w in words)


def haystack(*texts: str) -> str:
    return normalise(" ".join(t for t in texts if t))


# ---- widgets ------------------------------------------------------------------------------------
class FilterField(QLineEdit):
    """The view's own search box: Esc clears it first (then Esc goes back), Down moves into the list."""

    def __init__(self, target: QWidget | None = None):
        super().__init__()
        self.target = target
        self.setClearButtonEnabled(True)

    def event(self, event: Any) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape and self.text():
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text() and not event.modifiers():
            self.clear()
            return
        if event.key() == Qt.Key.Key_Down and self.target is not None:
            self.target.setFocus(Qt.FocusReason.TabFocusReason)
            move = getattr(self.target, "select_first_visible", None)
            if move is not None:
                move()
            return
        super().keyPressEvent(event)


class _Item(QTreeWidgetItem):
    """Sections keep the report's order whatever the sort; inside a section, the clicked column sorts."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:  # type: ignore[override]
        mine, theirs = self.data(0, Qt.ItemDataRole.UserRole + 2), other.data(0, Qt.ItemDataRole.UserRole + 2)
        if mine is not None and theirs is not None:
            tree = self.treeWidget()
            descending = tree is not None and tree.header().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            return (mine < theirs) != descending  # the same order both ways
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        a, b = self.data(column, Qt.ItemDataRole.UserRole + 3), other.data(column, Qt.ItemDataRole.UserRole + 3)
        if a is not None and b is not None:
            return a < b
        return normalise(self.text(column)) < normalise(other.text(column))


class BrowseTree(QTreeWidget):
    """A tree of rows whose Enter opens the current row; rows whose id is draggable carry ``mime``."""

    open_requested = Signal(str)

    def __init__(self, mime: str = ""):
        super().__init__()
        self._mime = mime
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)  # each line of a row elides on its own (a compact row has two)
        if mime:
            self.setDragEnabled(True)
            self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.itemDoubleClicked.connect(self._on_double_clicked)

    def mimeTypes(self) -> list[str]:
        return [self._mime] if self._mime else []

    def mimeData(self, items: Any) -> QMimeData:
        ids = [i.data(0, ID_ROLE) for i in items if i.data(0, ID_ROLE) and i.data(0, Qt.ItemDataRole.UserRole + 4)]
        mime = QMimeData()
        if ids and self._mime:
            mime.setData(self._mime, QByteArray(json.dumps(ids).encode("utf-8")))
        return mime

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def select_first_visible(self) -> None:
        it = self.topLevelItem(0)
        while it is not None:
            if not it.isHidden():
                target = it
                if it.childCount():
                    target = next((it.child(i) for i in range(it.childCount()) if not it.child(i).isHidden()), it)
                self.setCurrentItem(target)
                return
            it = self.itemBelow(it)

    def _on_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        rid = item.data(0, ID_ROLE)
        if rid:
            self.open_requested.emit(rid)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            rid = self.current_id()
            if rid:
                self.open_requested.emit(rid)
                return
        super().keyPressEvent(event)


def _label(name: str = "", *, selectable: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def fact_line(fact: Fact, lang: str) -> str:
    from nap_desktop.ui.browse.facts import headline

    value = headline(fact, lang)
    return f"{value} — {fact.title(lang)}" if value else fact.title(lang)


class ChartsBrowser(QWidget):
    """The Charts page. Emits open_chart / add_chart / open_fact / add_fact with an id."""

    open_chart = Signal(str)
    add_chart = Signal(str)
    open_fact = Signal(str)
    add_fact = Signal(str)
    message = Signal(str)

    COLUMNS = 5  # title, kind, period, facts, origin

    def __init__(self, catalog: Catalog, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ChartsPage")
        self._catalog = catalog
        self._lang = lang
        self._entries: dict[str, ChartEntry] = {}
        self._items: dict[str, QTreeWidgetItem] = {}
        self._hay: dict[str, str] = {}
        self._compact = False
        self._has_user = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.GAP * 2, theme.GAP, theme.GAP * 2, theme.GAP)
        outer.setSpacing(theme.GAP)
        top = QHBoxLayout()
        self.heading = _label("H2")
        top.addWidget(self.heading)
        self.tree = BrowseTree(CHART_MIME)
        self.tree.setObjectName("ChartsTree")
        self.filter_field = FilterField(self.tree)
        self.filter_field.setObjectName("ChartsFilter")
        self.filter_field.textChanged.connect(self.apply_filter)
        top.addStretch(1)
        self.count_label = _label("ResultCount")
        self.count_label.setWordWrap(False)
        top.addWidget(self.count_label)
        outer.addLayout(top)
        outer.addWidget(self.filter_field)

        self.tree.setColumnCount(self.COLUMNS)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.COLUMNS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.open_requested.connect(self._on_open)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())

        # details of the selected chart, under the list
        self.details = QFrame()
        self.details.setObjectName("ChartDetails")
        box = QVBoxLayout(self.details)
        box.setContentsMargins(0, theme.GAP // 2, 0, 0)
        box.setSpacing(6)
        self.detail_title = _label("ChartTitle", selectable=True)
        self.detail_meta = _label("Muted", selectable=True)
        self.reason_label = _label("UnavailableReason", selectable=True)
        self.reason_label.setStyleSheet("color: #8a4b00;")
        buttons = QHBoxLayout()
        self.open_button = QPushButton()
        self.open_button.setObjectName("OpenChartButton")
        self.open_button.clicked.connect(lambda: self._on_open(self.tree.current_id() or ""))
        self.add_button = QPushButton()
        self.add_button.setObjectName("PrimaryButton")
        self.add_button.clicked.connect(self.add_current)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        # the buttons first, at one place whatever the title, period and reason below them say (under
        # them they moved with the description's length); hidden for a chart that cannot be drawn,
        # their room kept, so nothing below jumps either
        for button in (self.open_button, self.add_button):
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
        box.addLayout(buttons)
        box.addWidget(self.detail_title)
        box.addWidget(self.detail_meta)
        box.addWidget(self.reason_label)
        self.facts_heading = _label("Muted")
        box.addWidget(self.facts_heading)
        self.facts_list = QListWidget()
        self.facts_list.setObjectName("ChartFacts")
        self.facts_list.setWordWrap(True)
        self.facts_list.itemDoubleClicked.connect(
            lambda item: self.open_fact.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.facts_list.installEventFilter(self)
        box.addWidget(self.facts_list, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        # the details scroll rather than clip on a short window (1024x640)
        self.details_scroll = QScrollArea()
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_scroll.setWidget(self.details)
        splitter.addWidget(self.details_scroll)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([560, 340])
        self.tree.setMinimumHeight(150)
        self.facts_list.setMinimumHeight(60)
        outer.addWidget(splitter, 1)
        self.splitter = splitter
        self.set_catalog(catalog)

    # ---- content ---------------------------------------------------------------------------------
    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        entries = chart_entries(catalog)
        self._entries = {e.id: e for e in entries}
        self._hay = {e.id: self._haystack(e) for e in entries}
        self._rebuild()

    def _haystack(self, e: ChartEntry) -> str:
        cat = self._catalog
        section = cat.section(e.section) if e.section else None
        publishers = [cat.sources[s].publisher for s in e.sources if s in cat.sources]
        kinds = []
        for lang in ("en", "es"):
            kinds.append(_KIND_WORDS.get(e.kind, {}).get(lang, e.kind))
        unavailable = "" if e.available else "not available unavailable no disponible"
        yours = "yours mine user suya mia usuario" if e.origin == "user" else ""
        return haystack(e.id, e.title_en, e.title_es, e.subtitle_en, e.subtitle_es, e.kind, *kinds,
                        section.title_en if section else "", section.title_es if section else "",
                        " ".join(e.period_keys), period_label(e.period_keys, "es"), *publishers,
                        e.reason_en, e.reason_es, unavailable, yours)

    def _rebuild(self) -> None:
        current = self.tree.current_id()
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        self._items = {}
        lang = self._lang
        sections = {s.id: s for s in self._catalog.sections}
        order = {s.id: s.order for s in self._catalog.sections}
        groups: dict[str | None, QTreeWidgetItem] = {}
        has_user = any(e.origin == "user" for e in self._entries.values())
        for e in self._entries.values():
            group = groups.get(e.section)
            if group is None:
                section = sections.get(e.section) if e.section else None
                group = _Item()
                group.setText(0, theme.no_break(section.title(lang)) if section else ChartsBrowser.tr("Other charts"))
                group.setData(0, Qt.ItemDataRole.UserRole + 2, order.get(e.section, len(order) + 1))
                group.setData(0, Qt.ItemDataRole.UserRole + 5, e.section)
                font = QFont(self.tree.font())
                font.setWeight(QFont.Weight.DemiBold)
                group.setFont(0, font)
                pix = QPixmap(12, 12)
                pix.fill(QColor(section.color if section else theme.MUTED))
                group.setIcon(0, QIcon(pix))
                group.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.tree.addTopLevelItem(group)
                group.setFirstColumnSpanned(True)
                groups[e.section] = group
            item = _Item(group)
            item.setData(0, ID_ROLE, e.id)
            item.setData(0, Qt.ItemDataRole.UserRole + 4, e.available)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if e.available:
                flags |= Qt.ItemFlag.ItemIsDragEnabled
            item.setFlags(flags)
            self._items[e.id] = item
            self._fill_item(item, e)
        self._has_user = has_user
        for col in range(1, self.COLUMNS):
            self.tree.setColumnHidden(col, self._compact or (col == 4 and not has_user))
        self.tree.setSortingEnabled(True)
        self.tree.expandAll()
        if current in self._items:
            self.tree.setCurrentItem(self._items[current])
        self._retranslate()
        self.apply_filter(self.filter_field.text())

    #: narrower than this, the list shows one column: the title with kind, period and facts under it
    COMPACT_WIDTH = 640

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        compact = self.width() < self.COMPACT_WIDTH
        if compact != self._compact:
            self._compact = compact
            for col in range(1, self.COLUMNS):
                self.tree.setColumnHidden(col, compact or (col == 4 and not self._has_user))
            for e in self._entries.values():
                item = self._items.get(e.id)
                if item is not None:
                    self._fill_item(item, e)

    def _meta(self, e: ChartEntry) -> str:
        lang = self._lang
        if not e.available:
            return ChartsBrowser.tr("Not available")
        facts = count_text(len(e.facts), "fact")
        parts = [kind_label(e.kind), period_label(e.period_keys, lang, short=True), facts]
        if e.origin == "user":
            parts.append(ChartsBrowser.tr("Yours"))
        return " · ".join(p for p in parts if p and p != "—")

    def _fill_item(self, item: QTreeWidgetItem, e: ChartEntry) -> None:
        lang = self._lang
        item.setText(0, f"{e.title(lang)}\n{self._meta(e)}" if self._compact else e.title(lang))
        if e.available:
            item.setText(1, kind_label(e.kind))
            item.setText(2, period_label(e.period_keys, lang, short=True))
            item.setToolTip(2, period_label(e.period_keys, lang))
            item.setData(2, Qt.ItemDataRole.UserRole + 3, e.period_keys[0] if e.period_keys else "")
            item.setText(3, f"{len(e.facts):,}")
            item.setData(3, Qt.ItemDataRole.UserRole + 3, len(e.facts))
            item.setText(4, ChartsBrowser.tr("Yours") if e.origin == "user" else ChartsBrowser.tr("Bundled"))
            subtitle = e.subtitle_es if lang == "es" else e.subtitle_en
            item.setToolTip(0, "\n".join(t for t in (e.title(lang), subtitle) if t))
            for col in range(self.COLUMNS):
                item.setForeground(col, QBrush())
        else:
            item.setText(1, ChartsBrowser.tr("Not available"))
            item.setText(2, "—")
            item.setData(2, Qt.ItemDataRole.UserRole + 3, "")
            item.setText(3, f"{len(e.facts):,}")
            item.setData(3, Qt.ItemDataRole.UserRole + 3, len(e.facts))
            item.setText(4, ChartsBrowser.tr("Bundled"))
            for col in range(self.COLUMNS):
                item.setForeground(col, QBrush(GREY))
                item.setToolTip(col, e.reason(lang))
            font = QFont(self.tree.font())
            font.setItalic(True)
            item.setFont(0, font)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._rebuild()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._entries:
            self._retranslate()
            for e in self._entries.values():
                item = self._items.get(e.id)
                if item is not None:
                    self._fill_item(item, e)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.heading.setText(ChartsBrowser.tr("Charts"))
        self.filter_field.setPlaceholderText(ChartsBrowser.tr("Filter charts: title, kind, section, year, source — English or Spanish"))
        self.filter_field.setToolTip(ChartsBrowser.tr("Accents and capitals do not matter"))
        self.tree.setHeaderLabels([ChartsBrowser.tr("Chart"), ChartsBrowser.tr("Kind"), ChartsBrowser.tr("Period"), ChartsBrowser.tr("Facts"), ChartsBrowser.tr("Origin")])
        self.tree.headerItem().setToolTip(3, ChartsBrowser.tr("How many facts link to the chart"))
        self.open_button.setText(ChartsBrowser.tr("Open chart"))
        self.open_button.setToolTip(ChartsBrowser.tr("Show the chart full size (Enter or a double click)"))
        self.add_button.setText(ChartsBrowser.tr("+ Add chart to pack"))
        self.add_button.setToolTip(ChartsBrowser.tr("Add the chart as its own slide in the briefing pack (Ctrl+D). "
                                                    "You can also drag charts from the list into the pack."))
        self.tree.setToolTip(ChartsBrowser.tr("Double-click or Enter opens a chart; Ctrl+D adds it to the pack; "
                                              "drag charts into the pack"))
        self._update_count()
        self._show_current()

    # ---- filter --------------------------------------------------------------------------------------
    def apply_filter(self, text: str = "") -> None:
        text = self.filter_field.text() if text is None else text
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            visible = 0
            for j in range(group.childCount()):
                child = group.child(j)
                show = matches(text, self._hay.get(child.data(0, ID_ROLE), ""))
                child.setHidden(not show)
                visible += show
            group.setHidden(visible == 0)
        self._update_count()
        current = self.tree.currentItem()
        if current is None or current.isHidden():
            self.tree.select_first_visible()

    def visible_ids(self) -> list[str]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                if not child.isHidden() and not group.isHidden():
                    out.append(child.data(0, ID_ROLE))
        return out

    def _update_count(self) -> None:
        shown = self.visible_ids()
        total = len(self._entries)
        drawn = sum(1 for i in shown if self._entries[i].available)
        self.count_label.setText(
            ChartsBrowser.tr("%1 of %2 charts (%3 not available)").replace("%1", f"{len(shown):,}").replace("%2", f"{total:,}")
            .replace("%3", f"{len(shown) - drawn:,}"))

    # ---- selection, open, add ---------------------------------------------------------------------------
    def current_entry(self) -> ChartEntry | None:
        rid = self.tree.current_id()
        return self._entries.get(rid) if rid else None

    def select_chart(self, chart_id: str) -> bool:
        item = self._items.get(chart_id)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        return True

    def _show_current(self) -> None:
        e, lang = self.current_entry(), self._lang
        self.details.setVisible(e is not None)
        if e is None:
            return
        section = self._catalog.section(e.section) if e.section else None
        self.detail_title.setText(e.title(lang))
        parts = [section.title(lang) if section else ""]
        if e.available:
            parts += [kind_label(e.kind), period_label(e.period_keys, lang)]
            if e.origin == "user":
                parts.append(ChartsBrowser.tr("Yours"))
            publishers = list(dict.fromkeys(self._catalog.sources[s].publisher for s in e.sources
                                            if s in self._catalog.sources))
            if publishers:
                parts.append(ChartsBrowser.tr("Sources: %1").replace("%1", "; ".join(publishers)))
        else:
            parts.append(ChartsBrowser.tr("Not available"))
        self.detail_meta.setText(" · ".join(p for p in parts if p and p != "—"))
        self.reason_label.setText(e.reason(lang))
        self.reason_label.setVisible(not e.available)
        # a chart that cannot be drawn offers neither (never drawn, never added): the reason says why
        for button in (self.open_button, self.add_button):
            button.setEnabled(e.available)
            button.setVisible(e.available)
        self.facts_list.clear()
        for fid in e.facts:
            fact = self._catalog.fact(fid)
            if fact is None:
                continue
            item = QListWidgetItem(fact_line(fact, lang))
            item.setData(Qt.ItemDataRole.UserRole, fid)
            item.setToolTip(fact.text(lang))
            self.facts_list.addItem(item)
        if e.facts:
            self.facts_heading.setText(
                (ChartsBrowser.tr("Facts this report chart illustrates (double-click to open, Ctrl+D adds the fact)")
                 if not e.available else
                 ChartsBrowser.tr("Facts that link to this chart (double-click to open, Ctrl+D adds the fact)")))
        else:
            self.facts_heading.setText(ChartsBrowser.tr("No fact links to this chart: it is reachable only from here."))
        self.facts_list.setVisible(bool(e.facts))

    def _on_open(self, chart_id: str) -> None:
        e = self._entries.get(chart_id)
        if e is None:
            return
        if not e.available:
            self.message.emit(ChartsBrowser.tr("This chart is not available: %1").replace("%1", e.reason(self._lang)))
            return
        self.open_chart.emit(chart_id)

    def add_current(self) -> bool:
        """Ctrl+D / the add button: the selected charts (or the selected fact in the list below)."""
        if self.facts_list.hasFocus() and self.facts_list.currentItem() is not None:
            self.add_fact.emit(self.facts_list.currentItem().data(Qt.ItemDataRole.UserRole))
            return True
        ids = [i.data(0, ID_ROLE) for i in self.tree.selectedItems() if i.data(0, ID_ROLE)]
        if not ids and self.tree.current_id():
            ids = [self.tree.current_id()]
        if not ids:
            self.message.emit(ChartsBrowser.tr("Select a chart first."))
            return True
        added = False
        for cid in ids:
            e = self._entries.get(cid)
            if e is None:
                continue
            if not e.available:
                self.message.emit(ChartsBrowser.tr("This chart cannot be added: %1").replace("%1", e.reason(self._lang)))
                continue
            self.add_chart.emit(cid)
            added = True
        return added

    def eventFilter(self, obj: Any, event: QEvent) -> bool:
        if obj is getattr(self, "facts_list", None) and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.facts_list.currentItem() is not None:
            self.open_fact.emit(self.facts_list.currentItem().data(Qt.ItemDataRole.UserRole))
            return True
        return super().eventFilter(obj, event)

    def focus_filter(self) -> None:
        self.filter_field.setFocus(Qt.FocusReason.ShortcutFocusReason)


#: kind names in both languages, for the filter (the UI shows the translated one)
_KIND_WORDS = {
    "line": {"en": "line", "es": "lineas"},
    "column": {"en": "columns", "es": "columnas"},
    "bar": {"en": "bars", "es": "barras"},
    "grouped": {"en": "grouped bars", "es": "barras agrupadas"},
    "stacked": {"en": "stacked bars", "es": "barras apiladas"},
    "diverging": {"en": "diverging bars", "es": "barras divergentes"},
    "share": {"en": "shares", "es": "participaciones"},
    "timeline": {"en": "timeline", "es": "cronologia linea de tiempo"},
    "tilemap": {"en": "map of states", "es": "mapa de estados"},
    "table": {"en": "table", "es": "tabla cuadro"},
}


class ChartPage(QScrollArea):
    """One chart alone, full size: the chart (or its table), then what it is linked to. ``show_chart(id)``."""

    back_requested = Signal()
    add_chart_requested = Signal(str)
    open_fact_requested = Signal(str)
    add_fact_requested = Signal(str)

    def __init__(self, catalog: Catalog, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ChartPage")
        self._catalog = catalog
        self._lang = lang
        self._chart_id: str | None = None
        self.chart_view: Any = None
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
        self.section_label = _label("SectionTag")
        outer.addWidget(self.section_label)
        # the add button on its own row (as in the fact detail): a long Spanish label never widens the page
        actions = QHBoxLayout()
        self.add_button = QPushButton()
        self.add_button.setObjectName("PrimaryButton")
        self.add_button.clicked.connect(lambda: self._chart_id and self.add_chart_requested.emit(self._chart_id))
        actions.addWidget(self.add_button)
        actions.addStretch(1)
        outer.addLayout(actions)
        self.chart_holder = QVBoxLayout()
        outer.addLayout(self.chart_holder)
        self.facts_heading = _label("H2")
        outer.addWidget(self.facts_heading)
        self.facts_list = QListWidget()
        self.facts_list.setObjectName("ChartPageFacts")
        self.facts_list.setWordWrap(True)
        self.facts_list.setMinimumHeight(90)
        self.facts_list.itemDoubleClicked.connect(
            lambda item: self.open_fact_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.facts_list.installEventFilter(self)
        outer.addWidget(self.facts_list)
        self.no_facts_label = _label("Muted")
        outer.addWidget(self.no_facts_label)
        self.notes_label = _label("Muted", selectable=True)
        outer.addWidget(self.notes_label)
        outer.addStretch(1)
        self._retranslate()

    @property
    def chart_id(self) -> str | None:
        return self._chart_id

    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        if self.chart_view is not None:
            self.chart_view._catalog = catalog

    def show_chart(self, chart_id: str) -> None:
        spec = self._catalog.charts.get(chart_id)
        if spec is None:
            raise KeyError(chart_id)
        self._chart_id = chart_id
        if self.chart_view is None:
            from nap_desktop.ui.browse.chart_view import ChartView

            self.chart_view = ChartView(spec, self._catalog, self._lang)
            self.chart_view.setMinimumHeight(440)
            self.chart_holder.addWidget(self.chart_view)
        else:
            self.chart_view.set_spec(spec)
        self._refresh()
        self.verticalScrollBar().setValue(0)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self.chart_view is not None:
            self.chart_view.set_language(lang)
        self._refresh()

    def _refresh(self) -> None:
        spec = self._catalog.charts.get(self._chart_id) if self._chart_id else None
        if spec is None:
            return
        lang = self._lang
        facts = chart_facts(spec, self._catalog)
        section_id = chart_section(spec, self._catalog, facts)
        section = self._catalog.section(section_id) if section_id else None
        self.section_label.setText(theme.no_break(section.title(lang)) if section else "")
        self.section_label.setStyleSheet(f"color: {section.color if section else theme.ACCENT};")
        self.facts_list.clear()
        for fid in facts:
            fact = self._catalog.fact(fid)
            if fact is not None:
                item = QListWidgetItem(fact_line(fact, lang))
                item.setData(Qt.ItemDataRole.UserRole, fid)
                item.setToolTip(fact.text(lang))
                self.facts_list.addItem(item)
        self.facts_list.setVisible(bool(facts))
        self.facts_heading.setVisible(bool(facts))
        self.no_facts_label.setVisible(not facts)
        from nap_desktop.ui.updates.staleness import with_chart_note  # "Newer figures: … likely newer since …"

        notes = with_chart_note(spec.notes(lang), spec, self._catalog, lang)
        self.notes_label.setText(notes)
        self.notes_label.setVisible(bool(notes))
        self._retranslate()

    def _retranslate(self) -> None:
        self.back_button.setText(ChartsBrowser.tr("← Back to the charts"))
        self.back_button.setToolTip(ChartsBrowser.tr("Back to the list of charts (Esc)"))
        self.add_button.setText(ChartsBrowser.tr("+ Add chart to pack"))
        self.add_button.setToolTip(ChartsBrowser.tr("Add the chart as its own slide in the briefing pack (Ctrl+D)"))
        self.facts_heading.setText(ChartsBrowser.tr("Facts that link to this chart"))
        self.no_facts_label.setText(ChartsBrowser.tr("No fact links to this chart: it is reachable only from the Charts view."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def eventFilter(self, obj: Any, event: QEvent) -> bool:
        if obj is getattr(self, "facts_list", None) and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.facts_list.currentItem() is not None:
            self.open_fact_requested.emit(self.facts_list.currentItem().data(Qt.ItemDataRole.UserRole))
            return True
        return super().eventFilter(obj, event)

    def add_current(self) -> bool:
        """Ctrl+D: the selected fact if the fact list has focus, else the chart."""
        if self.facts_list.hasFocus() and self.facts_list.currentItem() is not None:
            self.add_fact_requested.emit(self.facts_list.currentItem().data(Qt.ItemDataRole.UserRole))
            return True
        if self._chart_id:
            self.add_chart_requested.emit(self._chart_id)
            return True
        return False
