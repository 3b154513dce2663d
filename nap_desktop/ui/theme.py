"""The light theme: white background, calm greys, one accent colour per section, generous spacing."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

INK = "#1d2329"
MUTED = "#56616b"
#: text of a disabled control: clearly lighter than MUTED, still legible on white
DISABLED = "#a3abb3"
BORDER = "#d9dee3"
SOFT = "#f4f6f8"
ACCENT = "#1f4e79"
FOCUS = "#0072B2"
#: Background of the search words highlighted on the cards: ink on it 13:1, the section colours >= 3.3:1
HIGHLIGHT = "#ffec99"

#: Badge colours per source status (text, background); the tooltip carries the meaning.
STATUS_COLORS = {
    "official": ("#0b5e3b", "#e3f4eb"),
    "report": ("#1f4e79", "#e4edf7"),
    "secondary": ("#8a4b00", "#fdf0dc"),
}

#: Spacing unit in device-independent pixels (Qt scales it on high-DPI screens).
GAP = 12

STYLESHEET = f"""
QMainWindow, QWidget#CardsPage, QWidget#DetailPage, QScrollArea, QWidget#CardGridCanvas,
QWidget#DetailCanvas {{ background: #ffffff; color: {INK}; }}
QToolTip {{ background: #ffffff; color: {INK}; border: 1px solid {BORDER}; padding: 6px; }}
QLineEdit, QComboBox, QPlainTextEdit, QTextEdit {{
    border: 1px solid {BORDER}; border-radius: 6px; padding: 6px 8px; background: #ffffff;
    selection-background-color: {FOCUS};
}}
QLineEdit:focus, QComboBox:focus {{ border: 2px solid {FOCUS}; padding: 5px 7px; }}
QPushButton {{
    border: 1px solid {BORDER}; border-radius: 6px; padding: 6px 12px; background: #ffffff; color: {INK};
}}
QPushButton:hover {{ background: {SOFT}; }}
QPushButton:focus {{ border: 2px solid {FOCUS}; padding: 5px 11px; }}
QPushButton#PrimaryButton {{ background: {ACCENT}; color: #ffffff; border: 1px solid {ACCENT}; }}
QPushButton#PrimaryButton:hover {{ background: #173b5c; }}
QPushButton:disabled {{ color: {DISABLED}; background: {SOFT}; border: 1px solid {BORDER}; }}
QPushButton#PrimaryButton:disabled {{ color: #ffffff; background: #9fb3c6; border: 1px solid #9fb3c6; }}
QListWidget#SectionNav {{ border: none; background: {SOFT}; padding: 8px 0; outline: none; }}
QListWidget#SectionNav::item {{ padding: 10px 14px; border-left: 4px solid transparent; color: {INK}; }}
QListWidget#SectionNav::item:selected {{ background: #ffffff; color: {INK}; font-weight: 600; }}
QFrame#FactCard {{ background: #ffffff; border: 1px solid {BORDER}; border-radius: 10px; }}
QFrame#FactCard[selected="true"] {{ background: #e8f1fa; border: 2px solid #7fb0d9; }}
QFrame#FactCard[focused="true"] {{ border: 2px solid {FOCUS}; }}
QLabel#CardValue {{ font-size: 22pt; font-weight: 600; }}
QLabel#DetailValue {{ font-size: 30pt; font-weight: 600; }}
QLabel#Muted, QLabel#CardMeta {{ color: {MUTED}; }}
QLabel#SectionTag {{ font-weight: 600; }}
QLabel#ResultCount {{ color: {MUTED}; }}
QLabel#EmptyState {{ color: {MUTED}; font-size: 12pt; padding: 40px; }}
QLabel#DetailStatement {{ font-size: 14pt; }}
QLabel#H2 {{ font-size: 12pt; font-weight: 600; padding-top: 8px; }}
QLabel#ChartTitle {{ font-size: 13pt; font-weight: 600; }}
QLabel#SourceLine, QLabel#GapNote {{ color: {MUTED}; }}
QDockWidget {{ font-weight: 600; }}
QTableWidget {{ gridline-color: {BORDER}; border: 1px solid {BORDER}; }}
QHeaderView::section {{ background: {SOFT}; border: none; border-bottom: 1px solid {BORDER}; padding: 6px; }}
QMenuBar {{ background: #ffffff; }}
"""


def apply_theme(app: QApplication) -> None:
    """The light palette and stylesheet, whatever the system theme (the charts assume white)."""
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor(SOFT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(INK))
    palette.setColor(QPalette.ColorRole.Button, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(INK))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(FOCUS))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(MUTED))
    # disabled controls must look disabled (a colour for every group above makes them look enabled)
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 10.5:
        font.setPointSizeF(10.5)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)


_SHORT_HYPHENATED = __import__("re").compile(r"\b(\w{1,3})-(\w{1,4})\b")


def no_break(text: str) -> str:
    """Short hyphenated names ("T-MEC", "CO2-e") never wrap at the hyphen: a non-breaking hyphen."""
    return _SHORT_HYPHENATED.sub("\\1\u2011\\2", text)
