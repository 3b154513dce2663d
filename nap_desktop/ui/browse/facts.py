"""The facts as the cards show them, and the list of them the card grid shows: headline, period,
status and publisher, the citation copied with a fact, search highlights and "matched in" notes
(also used by the detail view, the pack panel and the Charts and Sources views); FactListModel,
the search results in order.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from nap_desktop.core.catalog.model import Catalog, Fact
from nap_desktop.core.catalog.search import Matches
from nap_desktop.core.formatting import format_value
from nap_desktop.ui import theme
from nap_desktop.ui.i18n import TranslationContext


class FactCards(TranslationContext):
    """The translation context of the cards' menu and search notes."""


FactIdRole = Qt.ItemDataRole.UserRole + 1
SectionRole = Qt.ItemDataRole.UserRole + 2
HeadlineRole = Qt.ItemDataRole.UserRole + 3


def fact_status(fact: Fact, catalog: Catalog) -> str:
    """The status shown for a fact: that of its first source, the agency the figure comes from."""
    for sid in fact.sources:
        src = catalog.sources.get(sid)
        if src is not None:
            return src.status
    return "report"


def fact_publisher(fact: Fact, catalog: Catalog) -> str:
    src = catalog.sources.get(fact.sources[0]) if fact.sources else None
    return src.publisher if src is not None else ""


def citation(fact: Fact, catalog: Catalog, lang: str) -> tuple[str, str]:
    """(plain text, HTML) for pasting a fact into an email: statement, figure, period, source line."""
    import html

    source_word = "Fuente" if lang == "es" else "Source"
    sources = [catalog.sources[sid] for sid in fact.sources if sid in catalog.sources]
    lines = [fact.text(lang)]
    figure = headline(fact, lang)
    period = period_text(fact, lang)
    lines.append(" · ".join(p for p in (figure, period) if p))
    source_parts = []
    for src in sources:
        source_parts.append(", ".join(p for p in (src.publisher_in(lang), src.title_in(lang), src.date) if p)
                            + (f" ({src.url})" if src.url else ""))
    if source_parts:
        lines.append(f"{source_word}: " + "; ".join(source_parts))
    plain = "\n".join(line for line in lines if line)
    cells = [f"<p>{html.escape(fact.text(lang))}</p>"]
    if lines[1]:
        cells.append(f"<p><b>{html.escape(lines[1])}</b></p>")
    if sources:
        links = []
        for src in sources:
            label = html.escape(", ".join(p for p in (src.publisher_in(lang), src.title_in(lang), src.date) if p))
            links.append(f'<a href="{html.escape(src.url, quote=True)}">{label}</a>' if src.url.startswith(
                ("https://", "http://")) else label)
        cells.append(f"<p><small>{source_word}: " + "; ".join(links) + "</small></p>")
    return plain, "".join(cells)


def period_text(fact: Fact, lang: str) -> str:
    """The period in the reader's language (core.formatting.format_period via the model)."""
    return fact.period_text(lang)


#: How a matched word is marked in a card's rich text (the test of the highlight looks for it).
HIGHLIGHT_OPEN = f'<span style="background-color:{theme.HIGHLIGHT};">'
HIGHLIGHT_CLOSE = "</span>"


def highlighted(text: str, matches: Matches | None) -> str | None:
    """`text` as rich text with the query's matched words marked, every character escaped;
    None when nothing in it matches (the label then shows plain text)."""
    spans = matches.spans(text) if matches is not None else []
    if not spans:
        return None
    parts, pos = [], 0
    for start, end in spans:  # no_break keeps "T-MEC" on one line, one character for one: spans still hold
        parts += [html.escape(theme.no_break(text[pos:start]), quote=False), HIGHLIGHT_OPEN,
                  html.escape(theme.no_break(text[start:end]), quote=False), HIGHLIGHT_CLOSE]
        pos = end
    parts.append(html.escape(theme.no_break(text[pos:]), quote=False))
    return "".join(parts).replace("\n", "<br>")


def match_where(fact: Fact, lang: str, matches: Matches | None) -> tuple[str, ...]:
    """Where the query matched `fact` beyond its card's own text (see Matches.where)."""
    if matches is None:
        return ()
    found = matches.where_cached(fact, lang)
    return found if found is not None else matches.where(fact, lang, (fact.text(lang), headline(fact, lang)))


def match_note(where: tuple[str, ...]) -> str:
    """'Matched in the Spanish text' / 'Matched in: source, country' in the interface language."""
    if not where:
        return ""
    if where == ("text_es",):
        return FactCards.tr("Matched in the Spanish text")
    if where == ("text_en",):
        return FactCards.tr("Matched in the English text")
    names = {
        "text_en": FactCards.tr("the English text"), "text_es": FactCards.tr("the Spanish text"),
        "note": FactCards.tr("the note"), "source": FactCards.tr("source"),
        "country": FactCards.tr("country"), "section": FactCards.tr("section"),
        "topic": FactCards.tr("topic"), "period": FactCards.tr("period"),
        "id": FactCards.tr("fact id"),
    }
    return FactCards.tr("Matched in: %1").replace("%1", ", ".join(names.get(w, w) for w in where))


def headline(fact: Fact, lang: str) -> str:
    """The card's big figure, with its qualifier and noun: 'more than USD 1.6 trillion'."""
    if fact.value is None:
        return ""
    text = format_value(fact.value, fact.unit, lang, decimals=fact.decimals, qualifier=fact.qualifier,
                        value_max=fact.value_max)
    label = fact.label(lang)
    return f"{text} {label}" if label else text


class FactListModel(QAbstractListModel):
    """The facts currently shown (search results), in order; the card grid is its view."""

    def __init__(self, catalog: Catalog, lang: str = "en", parent: Any = None):
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        self._facts: list[Fact] = []
        self._matches: Matches | None = None

    def set_facts(self, facts: list[Fact] | tuple[Fact, ...], matches: Matches | None = None) -> None:
        """Show `facts`; `matches` (SearchResult.matches) says what the query matched, for the highlights."""
        self.beginResetModel()
        self._facts = list(facts)
        self._matches = matches
        self.endResetModel()

    def matches(self) -> Matches | None:
        return self._matches

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self._facts:
            self.dataChanged.emit(self.index(0), self.index(len(self._facts) - 1))

    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def facts(self) -> list[Fact]:
        return list(self._facts)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._facts)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._facts):
            return None
        fact = self._facts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return fact.text(self._lang)
        if role == FactIdRole:
            return fact.id
        if role == SectionRole:
            return fact.section
        if role == HeadlineRole:
            return headline(fact, self._lang)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def roleNames(self) -> dict[int, bytes]:
        names = dict(super().roleNames())
        names.update({FactIdRole: b"factId", SectionRole: b"section", HeadlineRole: b"headline"})
        return names
