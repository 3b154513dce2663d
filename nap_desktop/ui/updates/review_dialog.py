"""The review of agency files before anything changes: File > Update data from a file…, or a file
dropped on the window.

What it shows: the files read (format, rows, SHA-256), the series found with what each would
change (new periods, revisions with both values and the difference, values the file confirms), what
is refused and why, what is not used and why; and for what is ticked, the computed figures, charts
(rewritten messages, titles the new rows contradict, flagged), facts (a newer figure) and saved
packs that would change. Each series has a check box: accept all, some, or none. Nothing is written
until Apply (``apply_requested`` with the ticked keys); Cancel changes nothing.

Opened with ``open()`` (window-modal, no nested event loop), so tests drive it with real mouse and
key events: Space ticks the current series, Ctrl+A ticks all, Ctrl+Shift+A none, Enter applies.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

# rows shown in the changes table for one series (the rest are counted; the review has them all)
TABLE_LIMIT = 3000




def _round(value: Any) -> Any:
    return round(value, 3) if isinstance(value, float) else value


def _num(value: Any) -> str:
    from nap_desktop.core.catalog.updates.report import fmt_number

    return fmt_number(value)


class _SeriesTree(QTreeWidget):
    """Space (or Select) ticks or unticks the current series."""

    def keyPressEvent(self, event: Any) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and item is not None \
                and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            checked = item.checkState(0) == Qt.CheckState.Checked
            item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            event.accept()
            return
        super().keyPressEvent(event)


class UpdateReviewDialog(QDialog):
    """``apply_requested(keys)``: apply the ticked series (a list of review series keys)."""

    apply_requested = Signal(list)

    def __init__(self, review: Any, catalog: Any, lang: str = "en", library: Any = None,
                 packs: list | tuple = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("UpdateReviewDialog")
        self.review, self.catalog, self._lang = review, catalog, lang
        self.library, self.packs = library, list(packs)
        self.impacts: Any = None
        self.applied_keys: list[str] | None = None
        self.setMinimumSize(900, 620)
        self.setSizeGripEnabled(True)

        self.intro = QLabel(objectName="ReviewIntro")
        self.intro.setWordWrap(True)
        self.files_label = QLabel(objectName="ReviewFiles")
        self.files_label.setWordWrap(True)
        self.files_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errors_label = QLabel(objectName="ReviewErrors")
        self.errors_label.setWordWrap(True)
        self.errors_label.setStyleSheet("color: #b3261e;")

        self.series_list = _SeriesTree(objectName="SeriesList")
        self.series_list.setRootIsDecorated(False)
        self.series_list.setUniformRowHeights(True)
        self.series_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.series_list.setColumnCount(5)
        self.series_list.header().setStretchLastSection(False)
        self.series_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            self.series_list.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.series_items: dict[str, QTreeWidgetItem] = {}
        for s in review.series:
            item = QTreeWidgetItem(self.series_list)
            item.setData(0, Qt.ItemDataRole.UserRole, s.key)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if not s.acceptable:
                flags &= ~Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(0, Qt.CheckState.Checked if s.acceptable else Qt.CheckState.Unchecked)
            for col, value in enumerate((s.count("new"), s.count("revised"), s.count("confirmed"), len(s.refused)), 1):
                item.setText(col, f"{value:,}")
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.series_items[s.key] = item
        self.series_list.itemChanged.connect(self._on_item_changed)
        self.series_list.currentItemChanged.connect(lambda cur, _prev: self._show_series(cur))

        self.changes_table = QTableWidget(objectName="ChangesTable")
        self.changes_table.setColumnCount(6)
        self.changes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes_table.verticalHeader().setVisible(False)
        self.changes_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.changes_table.horizontalHeader().setStretchLastSection(True)
        self.table_note = QLabel(objectName="TableNote")
        self.table_note.setWordWrap(True)
        self.refused_list = QListWidget(objectName="RefusedList")
        self.refused_list.setWordWrap(True)
        self.impact_view = QTextBrowser(objectName="ImpactView")
        self.impact_view.setOpenLinks(False)

        self.tabs = QTabWidget(objectName="ReviewTabs")
        changes_page = QWidget()
        changes_layout = QVBoxLayout(changes_page)
        changes_layout.setContentsMargins(0, 0, 0, 0)
        changes_layout.addWidget(self.table_note)
        changes_layout.addWidget(self.changes_table, 1)
        self.tabs.addTab(changes_page, "")
        self.tabs.addTab(self.refused_list, "")
        self.tabs.addTab(self.impact_view, "")

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.series_list)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 1)
        split.setSizes([160, 380])

        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("ApplyButton")
        self.apply_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("CancelButton")
        self.apply_button.clicked.connect(self._apply)
        self.cancel_button.clicked.connect(self.reject)
        self.summary_label = QLabel(objectName="ReviewSummary")
        self.summary_label.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.files_label)
        layout.addWidget(self.errors_label)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        QShortcut(QKeySequence("Ctrl+A"), self, activated=lambda: self.set_all(True))
        QShortcut(QKeySequence("Ctrl+Shift+A"), self, activated=lambda: self.set_all(False))
        self._retranslate()
        self._fill_refused()
        if review.series:
            self.series_list.setCurrentItem(self.series_list.topLevelItem(0))
        self.refresh_impacts()
        self.series_list.setFocus()

    # ---- selection --------------------------------------------------------------------------
    def checked_keys(self) -> list[str]:
        return [k for k, item in self.series_items.items() if item.checkState(0) == Qt.CheckState.Checked]

    def set_all(self, on: bool) -> None:
        self.series_list.blockSignals(True)
        for item in self.series_items.values():
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.series_list.blockSignals(False)
        self.refresh_impacts()

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 0:
            self.refresh_impacts()

    def refresh_impacts(self) -> None:
        from nap_desktop.core.catalog.updates import review as rv

        keys = self.checked_keys()
        try:
            self.impacts = rv.impacts(self.review, self.catalog, set(keys), self.packs, self.library) if keys else None
        except Exception as exc:  # noqa: BLE001 - the review stays usable; the reason is shown
            self.impacts = None
            self.impact_view.setPlainText(UpdateReviewDialog.tr("What the update would change could not be worked out: %1")
                                          .replace("%1", f"{type(exc).__name__}: {exc}"))
        else:
            self.impact_view.setHtml(self._impact_html())
        self.apply_button.setEnabled(bool(keys))
        self._update_summary()

    # ---- contents ---------------------------------------------------------------------------
    def _series(self, key: str) -> Any:
        return next((s for s in self.review.series if s.key == key), None)

    def _show_series(self, item: QTreeWidgetItem | None) -> None:
        from nap_desktop.core.catalog.updates.report import not_used_text

        self.changes_table.setRowCount(0)
        if item is None:
            return
        s = self._series(item.data(0, Qt.ItemDataRole.UserRole))
        if s is None:
            return
        order = {"revised": 0, "new": 1, "confirmed": 2, "unchanged": 3}
        changes = sorted(s.changes, key=lambda c: (order.get(c.kind, 9), c.period, c.category, c.series))
        shown = changes[:TABLE_LIMIT]
        self.changes_table.setRowCount(len(shown))
        kinds = {"new": UpdateReviewDialog.tr("new period"), "revised": UpdateReviewDialog.tr("revised"), "confirmed": UpdateReviewDialog.tr("confirmed"),
                 "unchanged": UpdateReviewDialog.tr("already from this file")}
        for row, c in enumerate(shown):
            diff = c.difference
            shown_diff = "" if diff is None or c.kind in ("confirmed", "unchanged") else (("+" if diff >= 0 else "") + _num(diff))
            cells = (c.period, f"{c.category} / {c.series}", _num(c.old), _num(c.new), shown_diff,
                     kinds.get(c.kind, c.kind))
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col in (2, 3, 4):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.changes_table.setItem(row, col, cell)
        notes = [not_used_text(code, reason, n, self._lang) for code, reason, n in s.not_used]
        from nap_desktop.core.formatting import format_axis_unit

        unit = UpdateReviewDialog.tr("Values in %1.").replace("%1", format_axis_unit(s.unit, self._lang) or s.unit)
        more = (UpdateReviewDialog.tr("%1 more rows are in the review (not listed here).").replace("%1", f"{len(changes) - TABLE_LIMIT:,}")
                if len(changes) > TABLE_LIMIT else "")
        self.table_note.setText(" ".join([unit, more] + notes).strip())

    def _fill_refused(self) -> None:
        from nap_desktop.core.catalog.updates.report import refusal_text

        self.refused_list.clear()
        for r in self.review.all_refused():
            where = f"{r.file}:{r.line}: " if r.line else f"{r.file}: "
            self.refused_list.addItem(where + refusal_text(r, self._lang))
        if not self.review.all_refused():
            self.refused_list.addItem(UpdateReviewDialog.tr("Nothing refused."))

    def _impact_html(self) -> str:
        from nap_desktop.core.catalog.updates.report import fmt_number

        im, lang = self.impacts, self._lang
        if im is None:
            return "<p>" + html.escape(UpdateReviewDialog.tr("Tick a series to see what it would change.")) + "</p>"
        parts: list[str] = []
        if im.derived:
            parts.append("<h4>" + html.escape(UpdateReviewDialog.tr("Computed figures")) + "</h4><ul>")
            for d in im.derived[:40]:
                ds = self.catalog.datasets.get(d["dataset"])
                what = html.escape(ds.title(lang) if ds is not None else d["dataset"])
                cat, ser, period = d["key"]
                if ds is not None and cat != "*":
                    cat = (ds.category_labels.get(cat) or {}).get(lang, cat)
                    ser = (ds.series_labels.get(ser) or {}).get(lang, ser)
                key = html.escape(" / ".join(k for k in (cat, ser, period) if k != "*"))
                if d["kind"] == "kept_mixed":
                    parts.append(f"<li>{what}: {key}: {html.escape(d['reason'])}</li>")
                elif d["old"] is None and d["new"] is None:
                    parts.append(f"<li>{what}: {html.escape(d['reason'])}</li>")
                else:
                    parts.append(f"<li>{what}: {key}: {fmt_number(_round(d['old']))} → <b>{fmt_number(_round(d['new']))}</b></li>")
            parts.append("</ul>")
        if im.charts:
            parts.append("<h4>" + html.escape(UpdateReviewDialog.tr("Charts")) + "</h4><ul>")
            for cid, info in im.charts.items():
                title = info.get("title_es" if lang == "es" else "title_en") or cid
                counts = (UpdateReviewDialog.tr("1 value revised, %2 added") if info["changed"] == 1 else
                          UpdateReviewDialog.tr("%1 values revised, %2 added")).replace("%1", f"{info['changed']:,}") \
                    .replace("%2", f"{info['new']:,}")
                parts.append(f"<li><b>{html.escape(title)}</b> — {html.escape(counts)}")
                suffix = "_es" if lang == "es" else "_en"
                quote = ("«", "»") if lang == "es" else ("“", "”")
                for key, (old, new) in info.get("rewritten", {}).items():
                    if key.endswith(suffix):
                        parts.append("<br>" + html.escape(UpdateReviewDialog.tr("Message")) + f": {quote[0]}{html.escape(old)}"
                                     f"{quote[1]} → {quote[0]}<b>{html.escape(new)}</b>{quote[1]}")
                for key, text in info.get("dropped", {}).items():
                    if key.endswith(suffix):
                        parts.append("<br>" + html.escape(UpdateReviewDialog.tr("Message no longer shown (the subtitle is)"))
                                     + f": {quote[0]}{html.escape(text)}{quote[1]}")
                for key, reason in info.get("flags_es" if lang == "es" else "flags", []):
                    if key.endswith(suffix):
                        parts.append("<br><span style='color:#b3261e'><b>" + html.escape(UpdateReviewDialog.tr("Flagged"))
                                     + f"</b>: {html.escape(reason.split(': ', 1)[-1] if reason.startswith(key) else reason)}</span>")
                parts.append("</li>")
            parts.append("</ul>")
        if im.facts:
            parts.append("<h4>" + html.escape(UpdateReviewDialog.tr("Facts (the report's figure stays; a newer one is noted)")) + "</h4><ul>")
            for fid, info in im.facts.items():
                fact = self.catalog.fact(fid)
                title = fact.title(lang) if fact else fid
                parts.append(f"<li><b>{html.escape(title)}</b>: {html.escape(info['text_es' if lang == 'es' else 'text_en'])}</li>")
            parts.append("</ul>")
        if im.packs:
            parts.append("<h4>" + html.escape(UpdateReviewDialog.tr("Saved packs")) + "</h4><ul>")
            for p in im.packs:
                refs = ", ".join(i["ref"] for i in p["items"][:8])
                parts.append(f"<li><b>{html.escape(p['title'] or p['path'])}</b> ({html.escape(p['path'])}): "
                             f"{html.escape(refs)} — " + html.escape(UpdateReviewDialog.tr("it keeps its copies until you take the update")) + "</li>")
            parts.append("</ul>")
        if not parts:
            parts.append("<p>" + html.escape(UpdateReviewDialog.tr("No chart, fact or pack shows a different figure.")) + "</p>")
        return "".join(parts)

    def _update_summary(self) -> None:
        keys = set(self.checked_keys())
        chosen = [s for s in self.review.series if s.key in keys]
        new = sum(s.count("new") for s in chosen)
        revised = sum(s.count("revised") for s in chosen)
        confirmed = sum(s.count("confirmed") for s in chosen)
        self.summary_label.setText(
            UpdateReviewDialog.tr("Ticked: %1 new, %2 revised, %3 confirmed.").replace("%1", f"{new:,}").replace("%2", f"{revised:,}")
            .replace("%3", f"{confirmed:,}") + " " + UpdateReviewDialog.tr("Nothing changes until you apply; an applied update can be removed."))

    def _apply(self) -> None:
        keys = self.checked_keys()
        if not keys:
            return
        self.applied_keys = keys
        self.apply_requested.emit(keys)
        self.accept()

    # ---- language -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "tabs"):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        from nap_desktop.core.catalog.updates.report import error_text

        review, lang = self.review, self._lang
        self.setWindowTitle(UpdateReviewDialog.tr("Update data from agency files"))
        self.intro.setText(UpdateReviewDialog.tr("Read on %1. Nothing changes until you apply: the accepted rows go to your library as a "
                              "layer over the bundled data, each sourced to its file, and can be removed.")
                           .replace("%1", review.read_on))
        lines = []
        for f in review.files:
            lines.append(f"<b>{html.escape(f.name)}</b> — {html.escape(f.label)}, {f.rows_read:,} "
                         + html.escape(UpdateReviewDialog.tr("rows")) + f", {html.escape(f.encoding)}, SHA-256 <tt>{f.sha256[:16]}…</tt>")
        self.files_label.setText("<br>".join(lines))
        errors = [error_text(e, lang) for _, e in review.errors]
        self.errors_label.setText("<br>".join(html.escape(e) for e in errors))
        self.errors_label.setVisible(bool(errors))
        self.series_list.setHeaderLabels([UpdateReviewDialog.tr("Series (tick to accept)"), UpdateReviewDialog.tr("New"), UpdateReviewDialog.tr("Revised"), UpdateReviewDialog.tr("Confirmed"),
                                          UpdateReviewDialog.tr("Refused")])
        for s in review.series:
            item = self.series_items[s.key]
            label = s.label_es if lang == "es" else s.label_en
            ds = self.catalog.datasets.get(s.dataset)
            item.setText(0, label)
            item.setToolTip(0, f"{ds.title(lang) if ds is not None else s.dataset} ({s.key})")
        self.changes_table.setHorizontalHeaderLabels([UpdateReviewDialog.tr("Period"), UpdateReviewDialog.tr("Row"), UpdateReviewDialog.tr("In the catalog"), UpdateReviewDialog.tr("In the file"),
                                                      UpdateReviewDialog.tr("Difference"), UpdateReviewDialog.tr("Change")])
        refused = len(review.all_refused())
        self.tabs.setTabText(0, UpdateReviewDialog.tr("Changes"))
        self.tabs.setTabText(1, UpdateReviewDialog.tr("Refused (%1)").replace("%1", f"{refused:,}"))
        self.tabs.setTabText(2, UpdateReviewDialog.tr("What would change"))
        self.apply_button.setText(UpdateReviewDialog.tr("&Apply ticked series"))
        self.cancel_button.setText(UpdateReviewDialog.tr("Cancel"))
        self._update_summary()
