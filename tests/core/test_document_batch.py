"""Commands on a selection of pack items (issue 12 context menu): each is one undo step."""

from __future__ import annotations

from nap_desktop.core.pack.document import PackDocument
from nap_desktop.core.pack.packfile import Pack, PackItem


def _doc():
    items = [PackItem("note", text=str(i), uid=f"u{i}") for i in range(5)]
    items[1] = PackItem("fact", ref="f1", uid="u1", talking_points="say it", copy={"kind": "fact", "id": "f1"})
    return PackDocument(Pack(items=tuple(items)))


def _order(doc):
    return [i.uid for i in doc.pack.items]


def test_duplicate_keeps_the_copy_and_talking_points_with_a_new_uid_and_undoes_in_one_step():
    doc = _doc()
    (new,) = doc.duplicate(["u1"])
    assert _order(doc) == ["u0", "u1", new, "u2", "u3", "u4"] and new != "u1"
    copy = doc.item(new)
    assert (copy.kind, copy.ref, copy.talking_points, copy.copy) == ("fact", "f1", "say it", {"kind": "fact", "id": "f1"})
    assert doc.undo_text == "Duplicate item"
    doc.undo()
    assert _order(doc) == ["u0", "u1", "u2", "u3", "u4"]


def test_several_items_duplicate_remove_and_move_as_one_step_each():
    doc = _doc()
    new = doc.duplicate(["u3", "u0"])
    assert _order(doc) == ["u0", "u1", "u2", "u3", *new, "u4"]
    doc.undo()
    doc.remove_many(["u4", "u0", "u2"])
    assert _order(doc) == ["u1", "u3"]
    doc.undo()
    assert _order(doc) == ["u0", "u1", "u2", "u3", "u4"]
    doc.move_to_edge(["u3", "u1"], "top")
    assert _order(doc) == ["u1", "u3", "u0", "u2", "u4"]
    doc.undo()
    doc.move_to_edge(["u0", "u2"], "bottom")
    assert _order(doc) == ["u1", "u3", "u4", "u0", "u2"]
    doc.undo()
    assert _order(doc) == ["u0", "u1", "u2", "u3", "u4"]
    assert not doc.can_undo


def test_add_refs_inserts_at_the_row_in_order_skipping_what_is_there():
    doc = _doc()
    changes = []
    doc.subscribe(changes.append)
    uids = doc.add_refs("chart", ["c1", "c2", "c1"], 1)
    assert [doc.item(u).ref for u in uids] == ["c1", "c2"]
    assert _order(doc)[1:3] == uids
    assert doc.undo_text == "Add charts"
    doc.undo()
    assert not doc.can_undo
    assert doc.add_refs("fact", ["f1"], 0) == []
    assert changes[-1].kind == "exists" and changes[-1].row == 1


def test_organisation_is_an_undoable_meta_field_and_typing_merges():
    doc = _doc()
    doc.set_meta(organisation="U")
    doc.set_meta(organisation="USMF")
    assert doc.pack.organisation == "USMF" and doc.undo_text == "Edit presenter"
    doc.undo()
    assert doc.pack.organisation == "" and not doc.can_undo


def test_move_block_drops_a_selection_between_rows_in_one_step():
    doc = _doc()
    doc.move_block(["u0", "u2"], 4)  # before u4
    assert _order(doc) == ["u1", "u3", "u0", "u2", "u4"]
    doc.undo()
    doc.move_block(["u3"], 1)
    assert _order(doc) == ["u0", "u3", "u1", "u2", "u4"] and doc.undo_text == "Move item"
    doc.move_block(["u3"], 2)  # dropped where it already is
    assert _order(doc) == ["u0", "u3", "u1", "u2", "u4"]
    doc.undo()
    assert not doc.can_undo
