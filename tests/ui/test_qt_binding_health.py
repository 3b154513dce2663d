"""Guards against a Qt binding that leaks references to None (PySide6 6.12.0 on Python 3.11).

That defect made the interpreter abort with "deallocating None" after enough ordinary widget
calls: at exit, or mid-session in a long briefing night. pyproject pins PySide6 below 6.12; this
test fails if an installed binding under-counts None again.
"""

from __future__ import annotations

import gc
import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal on Python 3.12+")
def test_widget_calls_do_not_leak_references_to_none(qtbot):
    from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QWidget

    widget, label, item = QWidget(), QLabel("x"), QGraphicsRectItem(0, 0, 1, 1)
    qtbot.addWidget(widget)
    qtbot.addWidget(label)
    calls = [lambda: widget.setVisible(False), lambda: label.setWordWrap(True),
             lambda: widget.property("no-such-property"), lambda: item.setVisible(True)]
    gc.collect()
    before = sys.getrefcount(None)
    for call in calls:
        for _ in range(500):
            call()
    gc.collect()
    assert sys.getrefcount(None) - before > -100, "the Qt binding drops references to None"
