"""PackPanel and PackListModel driven through the real widgets: add, reorder (drag and keyboard), edit,
remove, undo, missing items, language."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt, QTranslator
from PySide6.QtTest import QTest

from nap_desktop.core.charts.spec import ChartSpec, Series
from nap_desktop.core.pack.document import PackDocument
from nap_desktop.core.pack.packfile import Pack, PackItem
from nap_desktop.ui.pack.pack_model import FACT_MIME, MISSING_COLOR, MISSING_ROLE, PackListModel
from nap_desktop.ui.pack.pack_panel import NO_DATE, PackPanel


@pytest.fixture(scope="module")
def cat(sample_catalog):
    """The sample catalog plus one chart, so chart items have something to point at."""
    spec = ChartSpec(
        id="ports-by-value", kind="bar", dataset="ports", title_en="Busiest land ports by freight value",
        title_es="Puertos terrestres con mayor valor de carga", categories=("laredo",),
        category_labels_en=("Laredo, TX",), category_labels_es=("Laredo, TX",),
        series=(Series("value", "Freight value", "Valor de carga", "#0072B2", (296.2,)),), unit="usd_bn")
    return dataclasses.replace(sample_catalog, charts={spec.id: spec})


def _pack() -> Pack:
    return Pack(title="Ports", items=(
        PackItem("fact", ref="usmca-border-daily-trade", uid="u-border"),
        PackItem("chart", ref="ports-by-value", uid="u-chart"),
        PackItem("note", text="Mention Laredo", uid="u-note"),
        PackItem("fact", ref="usmca-laredo-port", uid="u-laredo"),
    ))


@pytest.fixture
def panel(qtbot, cat):
    doc = PackDocument(_pack())
    widget = PackPanel(doc, cat)
    qtbot.addWidget(widget)
    widget.resize(420, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _shown(panel: PackPanel) -> list[str]:
    model = panel.list_view.model()
    return [model.data(model.index(r)) for r in range(model.rowCount())]


def _uids(panel: PackPanel) -> list[str]:
    return [i.uid for i in panel.document.pack.items]


def test_model_passes_qtmodeltester_through_every_kind_of_change(qtmodeltester, cat):
    doc = PackDocument(_pack())
    model = PackListModel(doc, cat)
    qtmodeltester.check(model)
    # the C++ tester keeps watching: every change below must emit consistent signals
    uid = doc.add_fact("food-mexico-share-ag-imports", 1)
    doc.move(uid, 4)
    doc.move(uid, 0)
    doc.set_talking_points(uid, "32.7%")
    doc.set_meta(lang="es")
    doc.remove("u-note")
    while doc.can_undo:
        doc.undo()
    while doc.can_redo:
        doc.redo()
    doc.replace_pack(Pack(), None)
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_items_show_their_headline_in_the_pack_language(panel):
    shown = _shown(panel)
    assert shown[0].startswith("USD 2.39 billion every day — The Mexico–U.S. border")
    assert shown[1] == "Chart: Busiest land ports by freight value"
    assert shown[2] == "Note: Mention Laredo"
    panel.lang_combo.setCurrentIndex(1)  # the user picks Español for the pack
    assert panel.document.pack.lang == "es"
    shown = _shown(panel)
    assert "2.39 mil millones de dólares" in shown[0] and "cada día" in shown[0]
    assert shown[1].endswith("Puertos terrestres con mayor valor de carga")
    panel.document.undo()
    assert panel.lang_combo.currentIndex() == 0 and "billion" in _shown(panel)[0]


def test_items_missing_from_the_catalog_are_marked_and_harmless(qtbot, cat):
    doc = PackDocument(Pack(items=(PackItem("fact", ref="gone-fact"), PackItem("chart", ref="gone-chart"),
                                   PackItem("fact", ref="usmca-laredo-port"))))
    panel = PackPanel(doc, cat)
    qtbot.addWidget(panel)
    model = panel.model
    assert "missing from the catalog" in model.data(model.index(0)) and "gone-fact" in model.data(model.index(0))
    assert "missing from the catalog" in model.data(model.index(1))
    assert [model.data(model.index(r), MISSING_ROLE) for r in range(3)] == [True, True, False]
    assert model.data(model.index(0), Qt.ItemDataRole.ForegroundRole).color() == MISSING_COLOR
    assert "no longer in the catalog" in model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    # every operation still works on them
    panel.select_row(0)
    panel.points_edit.setPlainText("Replace with the 2027 figure")
    assert doc.pack.items[0].talking_points == "Replace with the 2027 figure"
    panel.move_selected(1)
    panel.set_content_language("es")
    panel.grab()
    panel.remove_selected()
    assert [i.ref for i in doc.pack.items] == ["gone-chart", "usmca-laredo-port"]


def test_keyboard_reorder_with_alt_arrows_is_undoable(panel):
    panel.list_view.setFocus()
    panel.select_row(0)
    QTest.keyClick(panel.list_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(panel.list_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _uids(panel) == ["u-chart", "u-note", "u-border", "u-laredo"]
    assert panel.selected_uid() == "u-border", "the moved item stays selected"
    assert "Laredo" in _shown(panel)[1]
    QTest.keyClick(panel.list_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _uids(panel) == ["u-chart", "u-border", "u-note", "u-laredo"]
    panel.document.undo()
    panel.document.undo()
    panel.document.undo()
    assert _uids(panel) == ["u-border", "u-chart", "u-note", "u-laredo"]
    # at the top, Alt+Up does nothing (and records nothing)
    panel.select_row(0)
    QTest.keyClick(panel.list_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _uids(panel)[0] == "u-border" and panel.document.can_redo


def test_drag_and_drop_reorder_goes_through_the_document_and_is_undoable(panel):
    model = panel.model
    mime = model.mimeData([model.index(0)])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    # dropped between "note" and "laredo": the list as it was, insert before row 3
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert _uids(panel) == ["u-chart", "u-note", "u-border", "u-laredo"]
    assert "border" in _shown(panel)[2]
    assert panel.document.undo_text == "Move item"
    # dropped at the very end (row -1, no parent)
    mime = model.mimeData([model.index(0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert _uids(panel) == ["u-note", "u-border", "u-laredo", "u-chart"]
    # QListView's own internal move uses moveRows
    assert model.moveRows(QModelIndex(), 3, 1, QModelIndex(), 0)
    assert _uids(panel) == ["u-chart", "u-note", "u-border", "u-laredo"]
    for _ in range(3):
        panel.document.undo()
    assert _uids(panel) == ["u-border", "u-chart", "u-note", "u-laredo"]
    assert model.rowCount() == 4, "a move never drops or duplicates rows"


def test_dropping_a_fact_card_adds_the_fact_at_the_drop_row(panel):
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setData(FACT_MIME, b'["food-mexico-share-ag-imports", "usmca-laredo-port"]')
    assert panel.model.dropMimeData(mime, Qt.DropAction.CopyAction, 1, 0, QModelIndex())
    refs = [i.ref for i in panel.document.pack.items]
    assert refs == ["usmca-border-daily-trade", "food-mexico-share-ag-imports", "ports-by-value", "",
                    "usmca-laredo-port"], "already in the pack: not added twice"


def test_delete_key_and_remove_button_remove_and_undo_restores(panel):
    panel.list_view.setFocus()
    panel.select_row(1)
    QTest.keyClick(panel.list_view, Qt.Key.Key_Delete)
    assert _uids(panel) == ["u-border", "u-note", "u-laredo"]
    assert panel.selected_uid() == "u-note", "the next item is selected"
    QTest.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert _uids(panel) == ["u-border", "u-laredo"]
    panel.document.undo()
    panel.document.undo()
    assert _uids(panel) == ["u-border", "u-chart", "u-note", "u-laredo"]
    assert panel.model.rowCount() == 4


def test_add_note_and_divider_buttons_insert_after_the_selection(panel):
    panel.select_row(0)
    QTest.mouseClick(panel.add_divider_button, Qt.MouseButton.LeftButton)
    assert panel.document.pack.items[1].kind == "divider"
    assert panel.text_edit.isVisibleTo(panel) and panel.selected_uid() == panel.document.pack.items[1].uid
    panel.text_edit.selectAll()
    QTest.keyClicks(panel.text_edit, "Puertos fronterizos")
    assert panel.document.pack.items[1].text == "Puertos fronterizos"
    assert _shown(panel)[1] == "Puertos fronterizos"
    QTest.mouseClick(panel.add_note_button, Qt.MouseButton.LeftButton)
    assert panel.document.pack.items[2].kind == "note"
    panel.document.undo()  # the note
    panel.document.undo()  # typing the title (one step)
    assert panel.document.pack.items[1].text == "New section"
    assert panel.text_edit.toPlainText() == "New section", "the editor follows undo"


def test_talking_points_editor_edits_the_selected_item_and_undo_is_one_step(panel):
    assert not panel.points_edit.isEnabled(), "nothing selected yet"
    panel.select_row(3)
    assert panel.points_edit.isEnabled()
    panel.points_edit.setFocus()
    QTest.keyClicks(panel.points_edit, "Laredo: 296.2")
    item = panel.document.item("u-laredo")
    assert item.talking_points == "Laredo: 296.2"
    assert "Talking points: Laredo: 296.2" in panel.model.data(panel.model.index(3), Qt.ItemDataRole.ToolTipRole)
    panel.select_row(0)
    assert panel.points_edit.toPlainText() == ""
    panel.select_row(3)
    assert panel.points_edit.toPlainText() == "Laredo: 296.2"
    panel.document.undo()
    assert panel.points_edit.toPlainText() == "" and panel.document.item("u-laredo").talking_points == ""
    panel.document.redo()
    assert panel.points_edit.toPlainText() == "Laredo: 296.2"


def test_details_fields_and_document_stay_in_step_both_ways(panel):
    panel.title_edit.setFocus()
    panel.title_edit.selectAll()
    QTest.keyClicks(panel.title_edit, "Revision T-MEC")
    assert panel.document.pack.title == "Revision T-MEC"
    QTest.keyClicks(panel.audience_edit, "USTR")
    assert panel.document.pack.audience == "USTR"
    panel.date_edit.setDate(QDate(2026, 7, 1))
    assert panel.document.pack.meeting_date == "2026-07-01"
    QTest.mouseClick(panel.clear_date_button, Qt.MouseButton.LeftButton)
    assert panel.document.pack.meeting_date == "" and panel.date_edit.date() == NO_DATE
    assert panel.date_edit.text() == "No date"
    panel.document.undo()
    assert panel.date_edit.date() == QDate(2026, 7, 1)
    panel.document.undo()
    panel.document.undo()
    assert panel.audience_edit.text() == ""
    panel.document.undo()
    assert panel.title_edit.text() == "Ports", "typing the title was one undo step"
    panel.document.set_meta(title="From the model", meeting_date="2026-04-30")
    assert panel.title_edit.text() == "From the model" and panel.date_edit.date() == QDate(2026, 4, 30)


def test_adding_a_fact_already_there_selects_it_instead(panel):
    panel.select_row(0)
    panel.document.add_fact("usmca-laredo-port")
    assert panel.model.rowCount() == 4 and panel.selected_uid() == "u-laredo"


def test_empty_pack_says_how_to_add_facts(qtbot, cat):
    panel = PackPanel(PackDocument(), cat)
    qtbot.addWidget(panel)
    assert "Add to pack" in panel.list_view.empty_text and "Ctrl+D" in panel.list_view.empty_text
    assert not panel.remove_button.isEnabled()
    panel.grab()  # paints the empty state without error


class _Marker(QTranslator):
    """A stand-in translation that prefixes every string, to see which texts are translatable."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"ES:{source}" if context in ("PackPanel", "PackListModel") else ""

    def isEmpty(self):
        return False


def test_language_change_retranslates_the_panel(panel, qtbot):
    translator = _Marker()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: panel.heading.text() == "ES:Briefing pack")
        assert panel.remove_button.text().startswith("ES:")
        # languages keep their own names (as the Language menu, Export and Present write them)
        assert [panel.lang_combo.itemText(i) for i in range(2)] == ["English", "Español"]
        assert _shown(panel)[2].startswith("ES:Note")
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: panel.heading.text() == "Briefing pack")
