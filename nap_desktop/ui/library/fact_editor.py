"""New fact / Edit fact: the dialog in which a user writes one of their own facts, with its sources.

The dialog says, inline and in the interface language, what is still missing; its Save button stays
disabled until the fact could be saved (a statement, a section, a value that is a number with its unit
and period, and at least one complete source). ``fact_block()`` and ``source_blocks()`` give what it
holds in data/'s TOML shape; the library controller writes them through core.catalog.library.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from nap_desktop.core.catalog.model import STATUS_SHORT, STATUSES, Catalog, Fact
from nap_desktop.core.formatting import QUALIFIERS, UNIT_AXIS, UNITS
from nap_desktop.ui.dialog_guard import ChangesGuard, enter_saves, show_all_rows


#: Country codes offered as check boxes, North America first.
COUNTRY_CHOICES = ("US", "MX", "CA", "NA", "CN", "WORLD")

_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def parse_number(text: str) -> float | None:
    """A figure as English and Mexican Spanish write it (1,234.5 or 1234.5); None if it is not one."""
    t = text.strip().replace("\u2212", "-")
    if not _NUMBER.match(t):
        return None
    return float(t.replace(",", ""))


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.10f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


# Names of units, qualifiers and countries in both languages (the combo shows the interface language).
QUALIFIER_NAMES = {
    "": ("exactly", "exactamente"),
    "about": ("about", "alrededor de"),
    "more_than": ("more than", "más de"),
    "over": ("over", "más de (over)"),
    "nearly": ("nearly", "casi"),
    "less_than": ("less than", "menos de"),
    "up_to": ("up to", "hasta"),
    "range": ("range (to value max)", "rango"),
}
COUNTRY_NAMES = {
    "US": ("United States", "Estados Unidos"),
    "MX": ("Mexico", "México"),
    "CA": ("Canada", "Canadá"),
    "NA": ("North America", "América del Norte"),
    "CN": ("China", "China"),
    "WORLD": ("World", "Mundo"),
}


def _unit_name(unit: str, lang: str) -> str:
    if unit == "none":
        return "—"
    axis = UNIT_AXIS.get(unit, {}).get(lang, "") or unit
    sample = UNITS.get(unit, {}).get(lang, "{n}").replace("{n}", "1.5").strip()
    # how a value reads ("USD 1.5 million"), or the unit's name where the number stands alone ("number")
    return sample if sample and sample != "1.5" else axis


class SourceForm(QGroupBox):
    """Publisher, title, URL, date and status of one source."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, compact: bool = False):
        super().__init__(parent)
        self.setObjectName("SourceForm")
        self.publisher = QLineEdit(objectName="SourcePublisher")
        self.title = QLineEdit(objectName="SourceTitle")
        self.url = QLineEdit(objectName="SourceUrl")
        self.url.setPlaceholderText("https://")
        self.date = QLineEdit(objectName="SourceDate")
        self.date.setPlaceholderText("2026-03-31")
        self.status = QComboBox(objectName="SourceStatus")
        for status in STATUSES:
            self.status.addItem(status, status)
        self.status.setCurrentIndex(-1)
        self.labels = [QLabel() for _ in range(5)]
        fields = (self.publisher, self.title, self.url, self.date, self.status)
        for label, field in zip(self.labels, fields):
            label.setBuddy(field)
        if compact:  # two label/field pairs a row (the Import dialog)
            grid = QGridLayout(self)
            grid.setContentsMargins(8, 4, 8, 4)
            for i, (label, field) in enumerate(zip(self.labels, fields)):
                grid.addWidget(label, i // 2, (i % 2) * 2)
                grid.addWidget(field, i // 2, (i % 2) * 2 + 1)
            grid.setColumnStretch(1, 1)
            grid.setColumnStretch(3, 1)
        else:
            form = QFormLayout(self)
            for label, field in zip(self.labels, fields):
                form.addRow(label, field)
        for edit in (self.publisher, self.title, self.url, self.date):
            edit.textChanged.connect(self.changed)
        self.status.currentIndexChanged.connect(self.changed)

    def retranslate(self, lang: str) -> None:
        self.setTitle(FactEditor.tr("Source"))
        for label, text in zip(self.labels, (FactEditor.tr("&Publisher"), FactEditor.tr("T&itle"), FactEditor.tr("&URL"), FactEditor.tr("&Date"), FactEditor.tr("S&tatus"))):
            label.setText(text)
        for i, status in enumerate(STATUSES):
            self.status.setItemText(i, STATUS_SHORT[status][lang])
        self.status.setPlaceholderText(FactEditor.tr("Choose…"))

    def block(self) -> dict[str, str]:
        return {
            "publisher": self.publisher.text().strip(),
            "title": self.title.text().strip(),
            "url": self.url.text().strip(),
            "date": self.date.text().strip(),
            "status": self.status.currentData() or "",
        }

    def set_block(self, block: dict[str, str]) -> None:
        self.publisher.setText(block.get("publisher", ""))
        self.title.setText(block.get("title", ""))
        self.url.setText(block.get("url", ""))
        self.date.setText(block.get("date", ""))
        self.status.setCurrentIndex(self.status.findData(block.get("status", "")))

    def clear(self) -> None:
        self.set_block({})

    def is_empty(self) -> bool:
        return not any(self.block().values())

    def missing(self) -> list[str]:
        """What this source still needs (translated), empty when it is complete."""
        b = self.block()
        out = []
        if not b["publisher"]:
            out.append(FactEditor.tr("the source's publisher"))
        if not b["title"]:
            out.append(FactEditor.tr("the source's title"))
        if not b["url"]:
            out.append(FactEditor.tr("the source's URL"))
        elif not re.match(r"^https?://[^\s/]+\.[^\s]+$", b["url"]):
            out.append(FactEditor.tr("a source URL that starts with https:// and names the table or release"))
        if not b["date"]:
            out.append(FactEditor.tr("the source's date"))
        if not b["status"]:
            out.append(FactEditor.tr("the source's status"))
        return out


class FactEditor(ChangesGuard, QDialog):
    """New fact (``fact=None``) or Edit fact (a user fact)."""

    def __init__(self, catalog: Catalog, lang: str = "en", fact: Fact | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("FactEditor")
        self._catalog = catalog
        self._lang = lang
        self._fact = fact
        self.setMinimumSize(720, 560)

        # ---- the statement ------------------------------------------------------------------
        self.text_en = QPlainTextEdit(objectName="StatementEn")
        self.text_es = QPlainTextEdit(objectName="StatementEs")
        for edit in (self.text_en, self.text_es):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
        # ---- the figure ---------------------------------------------------------------------
        self.value = QLineEdit(objectName="HeadlineValue")
        self.value.setPlaceholderText("1,234.5")
        self.value.setMinimumWidth(110)
        self.unit = QComboBox(objectName="Unit")
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.setMinimumContentsLength(14)
        for unit in UNITS:
            self.unit.addItem(unit, unit)
        self.qualifier = QComboBox(objectName="Qualifier")
        for q in QUALIFIERS:
            self.qualifier.addItem(q, q)
        self.period = QLineEdit(objectName="Period")
        self.period.setPlaceholderText("2025")
        self.section = QComboBox(objectName="Section")
        for s in catalog.sections:
            self.section.addItem(s.id, s.id)
        self.section.setCurrentIndex(-1)
        self.countries: dict[str, Any] = {}
        country_box = QGridLayout()
        from PySide6.QtWidgets import QCheckBox

        for i, code in enumerate(COUNTRY_CHOICES):
            box = QCheckBox(objectName=f"Country{code}")
            box.setProperty("code", code)
            self.countries[code] = box
            country_box.addWidget(box, i // 3, i % 3)

        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        figure = QGridLayout()
        figure.addWidget(self.qualifier, 0, 0)
        figure.addWidget(self.value, 0, 1)
        figure.addWidget(self.unit, 0, 2)
        figure.setColumnStretch(1, 1)
        figure.setColumnStretch(2, 1)
        for key, field in (("text_en", self.text_en), ("text_es", self.text_es), ("value", figure),
                           ("period", self.period), ("countries", country_box), ("section", self.section)):
            label = QLabel()
            self.labels[key] = label
            if isinstance(field, QWidget):
                label.setBuddy(field)
            else:
                label.setBuddy(self.value)
            form.addRow(label, field)
        self.es_hint = QLabel(objectName="Muted")
        self.es_hint.setWordWrap(True)
        form.insertRow(2, "", self.es_hint)

        # ---- sources ------------------------------------------------------------------------
        self.source_list = QListWidget(objectName="SourceList")
        self.source_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.source_list.setMaximumHeight(72)
        self.source_list.setWordWrap(True)
        self.source_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.source_form = SourceForm()
        self.add_source_button = QPushButton(objectName="AddSource")
        self.add_source_button.clicked.connect(self.add_source)
        self.remove_source_button = QPushButton(objectName="RemoveSource")
        self.remove_source_button.clicked.connect(self.remove_source)
        source_buttons = QHBoxLayout()
        source_buttons.addWidget(self.add_source_button)
        source_buttons.addWidget(self.remove_source_button)
        source_buttons.addStretch(1)
        self.sources_label = QLabel()
        sources = QVBoxLayout()
        sources.addWidget(self.sources_label)
        sources.addWidget(self.source_list)
        sources.addWidget(self.source_form)
        sources.addLayout(source_buttons)

        # ---- what is missing, and the buttons ------------------------------------------------
        self.missing_label = QLabel(objectName="MissingLabel")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color: #B3261E;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("SaveFact")
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

        body = QWidget()
        columns = QHBoxLayout(body)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        sources.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(sources, 1)
        self._columns, self._left, self._sources = columns, left, sources
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # a small screen still reaches all
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.missing_label)
        outer.addWidget(self.buttons)

        for edit in (self.text_en, self.text_es):
            edit.textChanged.connect(self.validate)
        for edit in (self.value, self.period):
            edit.textChanged.connect(self.validate)
        for combo in (self.unit, self.qualifier, self.section):
            combo.currentIndexChanged.connect(self.validate)
        self.source_form.changed.connect(self.validate)
        self._retranslate()
        if fact is not None:
            self._load(fact)
        self.validate()
        self._fit_to(body)
        self._body, self._fitted = body, False
        enter_saves(self, self.save_button)  # Enter saves, whichever button has the focus
        show_all_rows(self)
        self.remember_state()  # closing with changes asks first

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._fitted:  # once the style sheet and fonts apply, the real sizes are known
            self._fitted = True
            self._fit_to(self._body)
        super().showEvent(event)

    def _fit_to(self, body: QWidget) -> None:
        """Open wide enough for both columns (the statement and the sources), within the screen; on a
        screen too narrow for both side by side, the sources go under the statement (scrolled down to,
        never cut at the right edge)."""
        want = body.sizeHint().width() + 48
        screen = (self.parentWidget() or self).screen()
        avail = screen.availableGeometry() if screen is not None else None
        room = avail.width() - 40 if avail is not None else want
        if body.minimumSizeHint().width() + 30 > room:  # the margins and a scroll bar
            self._columns.setDirection(QBoxLayout.Direction.TopToBottom)
            want = max(column.sizeHint().width() for column in (self._left, self._sources)) + 48
        self.setMinimumWidth(min(self.minimumWidth(), room))
        height = max(self.height(), 600)
        if avail is not None:
            height = min(height, avail.height() - 40)
            self.setMinimumHeight(min(self.minimumHeight(), height))
        self.resize(max(self.minimumWidth(), min(want, room)), height)

    # ---- loading an existing fact -----------------------------------------------------------
    def _load(self, fact: Fact) -> None:
        self.text_en.setPlainText(fact.text_en)
        untranslated = not fact.text_es.strip() or fact.text_es == fact.text_en
        self.text_es.setPlainText("" if untranslated else fact.text_es)
        self.value.setText(format_number(fact.value))
        self.unit.setCurrentIndex(max(0, self.unit.findData(fact.unit)))
        self.qualifier.setCurrentIndex(max(0, self.qualifier.findData(fact.qualifier)))
        self.period.setText(fact.period)
        self.section.setCurrentIndex(self.section.findData(fact.section))
        for code, box in self.countries.items():
            box.setChecked(code in fact.countries)
        self._extra_countries = [c for c in fact.countries if c not in self.countries]
        for sid in fact.sources:
            src = self._catalog.sources.get(sid)
            if src is not None:
                self._append_source({"id": src.id, "publisher": src.publisher, "title": src.title,
                                     "url": src.url, "date": src.date, "status": src.status})

    # ---- sources ------------------------------------------------------------------------------
    def _append_source(self, block: dict[str, str]) -> None:
        item = QListWidgetItem(f"{block['publisher']} — {block['title']} ({block['date']}, {block['status']})")
        item.setData(Qt.ItemDataRole.UserRole, dict(block))
        self.source_list.addItem(item)

    def add_source(self) -> bool:
        """Moves a complete source form into the list (the form clears for another source)."""
        if self.source_form.missing():
            self.validate()
            return False
        self._append_source(self.source_form.block())
        self.source_form.clear()
        self.validate()
        # the button just pressed is disabled now (the form is empty): the focus goes where the next
        # keystroke belongs, Save when the fact is complete (Enter saves), else the next source
        (self.save_button if self.save_button.isEnabled() else self.source_form.publisher).setFocus()
        return True

    def remove_source(self) -> None:
        row = self.source_list.currentRow()
        if row < 0 and self.source_list.count():
            row = self.source_list.count() - 1
        if row >= 0:
            self.source_list.takeItem(row)
        self.validate()

    def source_blocks(self) -> list[dict[str, str]]:
        """The fact's sources; a complete source still in the form counts (nothing typed is lost)."""
        blocks = [self.source_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.source_list.count())]
        if not self.source_form.is_empty() and not self.source_form.missing():
            blocks.append(self.source_form.block())
        return blocks

    # ---- validation ------------------------------------------------------------------------
    def missing(self) -> list[str]:
        """Everything that stops the fact from being saved, in the interface language."""
        out: list[str] = []
        if not self.text_en.toPlainText().strip():
            out.append(FactEditor.tr("the statement in English"))
        if self.section.currentIndex() < 0:
            out.append(FactEditor.tr("a section"))
        value_text = self.value.text().strip()
        unit = self.unit.currentData()
        if value_text:
            if parse_number(value_text) is None:
                out.append(FactEditor.tr("a headline value written as a number (1,234.5)"))
            if unit == "none":
                out.append(FactEditor.tr("the unit of the headline value"))
            if not self.period.text().strip():
                out.append(FactEditor.tr("the period of the headline value"))
        form_missing = self.source_form.missing()
        if not self.source_form.is_empty() and form_missing:
            out.extend(form_missing)
        elif not self.source_blocks():
            out.append(FactEditor.tr("at least one source (publisher, title, URL, date and status)"))
        return out

    def validate(self) -> bool:
        missing = self.missing()
        self.save_button.setEnabled(not missing)
        self.add_source_button.setEnabled(not self.source_form.is_empty() and not self.source_form.missing())
        self.remove_source_button.setEnabled(self.source_list.count() > 0)
        if missing:
            self.missing_label.setText(FactEditor.tr("Still needed: %1.").replace("%1", "; ".join(missing)))
        else:
            self.missing_label.setText("")
        self.missing_label.setVisible(bool(missing))
        return not missing

    #: called on Save once the dialog is complete; the dialog closes only when it returns true, so a
    #: fact the library refuses stays in the dialog, as typed, next to the message that says why
    save_handler: Any = None

    def _on_save(self) -> None:
        if self.validate() and (self.save_handler is None or self.save_handler()):
            self.accept()

    # ---- what the dialog holds ---------------------------------------------------------------
    def fact_block(self) -> dict[str, Any]:
        """The fact in data/'s TOML shape (without id and sources; the library assigns those)."""
        value = parse_number(self.value.text())
        countries = [code for code, box in self.countries.items() if box.isChecked()]
        countries += [c for c in getattr(self, "_extra_countries", []) if c not in countries]
        block: dict[str, Any] = {
            "section": self.section.currentData() or "",
            "topic": self._fact.topic if self._fact is not None and self._fact.topic else "user",
            "countries": countries,
            "text_en": self.text_en.toPlainText().strip(),
            "text_es": self.text_es.toPlainText().strip(),
        }
        if value is not None:
            block["value"] = int(value) if value == int(value) and "." not in self.value.text() else value
            block["unit"] = self.unit.currentData()
            block["period"] = self.period.text().strip()
            if self.qualifier.currentData():
                block["qualifier"] = self.qualifier.currentData()
        elif self.period.text().strip():
            block["period"] = self.period.text().strip()
        return block

    @property
    def fact(self) -> Fact | None:
        return self._fact

    # ---- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        lang = self._lang
        self.setWindowTitle(FactEditor.tr("New fact") if self._fact is None else FactEditor.tr("Edit fact"))
        texts = {
            "text_en": FactEditor.tr("Statement (&English)"),
            "text_es": FactEditor.tr("Statement (&Spanish)"),
            "value": FactEditor.tr("Headline &value"),
            "period": FactEditor.tr("&Period"),
            "countries": FactEditor.tr("Countries"),
            "section": FactEditor.tr("Sectio&n"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.es_hint.setText(FactEditor.tr("Spanish may be left empty: Spanish outputs then show the English text, "
                                           "marked as untranslated."))
        self.text_en.setPlaceholderText(FactEditor.tr("One sentence with the figure, e.g. Mexico bought USD 1.2 billion of our state's exports in 2025."))
        self.text_es.setPlaceholderText(FactEditor.tr("The same sentence in Spanish (optional)"))
        for i in range(self.unit.count()):
            self.unit.setItemText(i, _unit_name(self.unit.itemData(i), lang))
        for i in range(self.qualifier.count()):
            names = QUALIFIER_NAMES.get(self.qualifier.itemData(i), ("", ""))
            self.qualifier.setItemText(i, names[1] if lang == "es" else names[0])
        for i, s in enumerate(self._catalog.sections):
            self.section.setItemText(i, s.title(lang))
        self.section.setPlaceholderText(FactEditor.tr("Choose a section…"))
        for code, box in self.countries.items():
            names = COUNTRY_NAMES[code]
            box.setText(names[1] if lang == "es" else names[0])
        self.sources_label.setText(FactEditor.tr("Sources (at least one)"))
        self.add_source_button.setText(FactEditor.tr("&Add this source"))
        self.remove_source_button.setText(FactEditor.tr("&Remove source"))
        self.source_form.retranslate(lang)
        self.save_button.setText(FactEditor.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(FactEditor.tr("Cancel"))
        if hasattr(self, "missing_label"):
            self.validate()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._retranslate()
