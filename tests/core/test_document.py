"""PackDocument: every command does, undoes and redoes; dirty tracking; merging; change notifications."""

from __future__ import annotations

import pytest

from nap_desktop.core.pack.document import PackChange, PackDocument
from nap_desktop.core.pack.packfile import Pack, PackItem


def _kinds(doc: PackDocument) -> list[tuple[str, str]]:
    return [(i.kind, i.ref or i.text) for i in doc.pack.items]


@pytest.fixture
def doc() -> PackDocument:
    return PackDocument()


@pytest.fixture
def changes(doc: PackDocument) -> list[PackChange]:
    seen: list[PackChange] = []
    doc.subscribe(seen.append)
    return seen


def _round_trip(doc: PackDocument, before: Pack, after: Pack) -> None:
    assert doc.pack == after
    doc.undo()
    assert doc.pack == before
    doc.redo()
    assert doc.pack == after


def test_new_document_is_empty_and_clean(doc):
    assert doc.pack == Pack() and doc.path is None
    assert not doc.dirty and not doc.can_undo and not doc.can_redo
    assert doc.undo_text == "" and doc.redo_text == ""


@pytest.mark.parametrize("add, kind, value", [
    (lambda d: d.add_fact("usmca-trade"), "fact", "usmca-trade"),
    (lambda d: d.add_chart("tdr-by-partner"), "chart", "tdr-by-partner"),
    (lambda d: d.add_note("Ask about the 2026 joint review"), "note", "Ask about the 2026 joint review"),
    (lambda d: d.add_divider("Agricultura y alimentación"), "divider", "Agricultura y alimentación"),
])
def test_each_add_command_does_undoes_and_redoes(doc, changes, add, kind, value):
    before = doc.pack
    uid = add(doc)
    assert _kinds(doc) == [(kind, value)]
    assert doc.pack.items[0].uid == uid
    assert doc.dirty and doc.undo_text.startswith("Add ")
    assert changes[-1] == PackChange("inserted", 0)
    after = doc.pack
    _round_trip(doc, before, after)
    assert [c.kind for c in changes] == ["inserted", "removed", "inserted"]
    assert doc.pack.items[0].uid == uid, "redo brings back the same item, not a copy"


def test_add_at_index_inserts_there(doc):
    doc.add_fact("a")
    doc.add_fact("c")
    doc.add_fact("b", index=1)
    doc.add_divider("Top", index=0)
    assert _kinds(doc) == [("divider", "Top"), ("fact", "a"), ("fact", "b"), ("fact", "c")]


def test_adding_a_fact_already_in_the_pack_is_ignored_and_reported(doc, changes):
    first = doc.add_fact("a")
    doc.add_note("between")
    again = doc.add_fact("a")
    assert again == first
    assert _kinds(doc) == [("fact", "a"), ("note", "between")]
    assert changes[-1] == PackChange("exists", 0)
    doc.undo()  # undoes the note, not a phantom duplicate
    assert _kinds(doc) == [("fact", "a")]
    # the same id as a chart is a different item; notes may repeat
    doc.add_chart("a")
    doc.add_note("x")
    doc.add_note("x")
    assert _kinds(doc) == [("fact", "a"), ("chart", "a"), ("note", "x"), ("note", "x")]


def test_remove_undo_puts_the_item_back_in_place_with_its_talking_points(doc, changes):
    doc.add_fact("a")
    uid = doc.add_fact("b")
    doc.add_fact("c")
    doc.set_talking_points(uid, "Say this first")
    before = doc.pack
    doc.remove(uid)
    assert _kinds(doc) == [("fact", "a"), ("fact", "c")]
    assert changes[-1] == PackChange("removed", 1)
    _round_trip(doc, before, doc.pack)
    doc.undo()
    assert doc.item(uid).talking_points == "Say this first" and doc.index_of(uid) == 1


@pytest.mark.parametrize("src, dst, expected", [
    (0, 2, ["b", "c", "a"]),
    (2, 0, ["c", "a", "b"]),
    (1, 2, ["a", "c", "b"]),
    (0, 99, ["b", "c", "a"]),  # clamped to the end
])
def test_move_does_undoes_redoes(doc, changes, src, dst, expected):
    for ref in "abc":
        doc.add_fact(ref)
    before = doc.pack
    doc.move(doc.pack.items[src].uid, dst)
    assert [i.ref for i in doc.pack.items] == expected
    assert changes[-1] == PackChange("moved", src, min(dst, 2))
    assert doc.undo_text == "Move item"
    _round_trip(doc, before, doc.pack)


def test_move_to_the_same_place_is_not_a_change(doc):
    uid = doc.add_fact("a")
    doc.mark_saved()
    doc.move(uid, 0)
    assert not doc.dirty and doc.undo_text == "Add fact"


def test_talking_points_edit_undo_redo(doc, changes):
    uid = doc.add_fact("a")
    doc.end_merge()
    before = doc.pack
    doc.set_talking_points(uid, "Ports: Laredo is the largest land port — 296.2 mil millones de dólares")
    assert changes[-1] == PackChange("changed", 0, fields=("talking_points",))
    assert doc.undo_text == "Edit talking points"
    _round_trip(doc, before, doc.pack)


def test_consecutive_typing_in_the_same_talking_points_is_one_undo_step(doc):
    uid = doc.add_fact("a")
    other = doc.add_fact("b")
    doc.end_merge()
    for text in ("T", "Tr", "Tra", "Trade"):
        doc.set_talking_points(uid, text)
    assert doc.item(uid).talking_points == "Trade"
    doc.undo()
    assert doc.item(uid).talking_points == ""
    doc.redo()
    assert doc.item(uid).talking_points == "Trade"
    # another item, or an explicit end of the edit, starts a new step
    doc.set_talking_points(other, "x")
    doc.set_talking_points(uid, "Trade grew")
    doc.undo()
    assert doc.item(uid).talking_points == "Trade"
    assert doc.item(other).talking_points == "x"


def test_typing_never_merges_into_the_saved_state(doc, tmp_path):
    uid = doc.add_fact("a")
    doc.set_talking_points(uid, "saved text")
    doc.mark_saved(tmp_path / "p.napbrief")
    assert not doc.dirty
    doc.set_talking_points(uid, "saved text, more")
    assert doc.dirty
    doc.undo()
    assert doc.item(uid).talking_points == "saved text"
    assert not doc.dirty, "undo returns exactly to what is on disk"


def test_note_and_divider_text_edits(doc, changes):
    note = doc.add_note("draft")
    divider = doc.add_divider("Section")
    doc.end_merge()
    doc.set_note_text(note, "Final note")
    assert doc.undo_text == "Edit note"
    doc.end_merge()
    doc.set_note_text(divider, "Seguridad alimentaria")
    assert doc.undo_text == "Edit divider"
    assert _kinds(doc) == [("note", "Final note"), ("divider", "Seguridad alimentaria")]
    assert changes[-1] == PackChange("changed", 1, fields=("text",))
    doc.undo()
    doc.undo()
    assert _kinds(doc) == [("note", "draft"), ("divider", "Section")]
    fact = doc.add_fact("a")
    with pytest.raises(ValueError):
        doc.set_note_text(fact, "facts keep the catalog's text")


def test_set_meta_changes_only_the_given_fields(doc, changes):
    doc.set_meta(title="USMCA review", audience="Senate Finance staff")
    before = doc.pack
    doc.end_merge()
    doc.set_meta(meeting_date="2026-07-01")
    assert doc.pack.title == "USMCA review" and doc.pack.audience == "Senate Finance staff"
    assert doc.pack.meeting_date == "2026-07-01"
    assert changes[-1] == PackChange("meta", fields=("meeting_date",))
    assert doc.undo_text == "Edit meeting date"
    _round_trip(doc, before, doc.pack)
    doc.set_meta(lang="es")
    assert doc.pack.lang == "es" and doc.undo_text == "Change pack language"
    doc.undo()
    assert doc.pack.lang == "en"


def test_set_meta_rejects_bad_values_and_ignores_no_ops(doc):
    with pytest.raises(ValueError):
        doc.set_meta(lang="fr")
    with pytest.raises(ValueError):
        doc.set_meta(meeting_date="July 1st")
    doc.set_meta(title="")
    assert not doc.can_undo and not doc.dirty
    doc.set_meta(meeting_date="2026-07-01")
    doc.set_meta(meeting_date="")
    assert doc.pack.meeting_date == ""


def test_typing_a_title_is_one_undo_step(doc):
    for text in ("U", "US", "USMCA"):
        doc.set_meta(title=text)
    doc.undo()
    assert doc.pack.title == "" and not doc.can_undo


def test_dirty_tracking_through_undo_redo_and_save(doc, tmp_path):
    doc.add_fact("a")
    assert doc.dirty
    doc.undo()
    assert not doc.dirty, "back to the state the document started in"
    doc.redo()
    doc.mark_saved(tmp_path / "p.napbrief")
    assert not doc.dirty and doc.path == tmp_path / "p.napbrief"
    doc.add_note("n")
    assert doc.dirty
    doc.undo()
    assert not doc.dirty
    doc.undo()
    assert doc.dirty, "undoing past the save is a change too"
    doc.redo()
    assert not doc.dirty
    # a new command after undo makes the saved state unreachable by redo
    doc.undo()
    doc.add_note("other")
    assert doc.dirty and not doc.can_redo


def test_new_command_clears_redo(doc):
    doc.add_fact("a")
    doc.undo()
    assert doc.can_redo and doc.redo_text == "Add fact"
    doc.add_fact("b")
    assert not doc.can_redo
    doc.redo()  # nothing to redo: no error, nothing changes
    assert _kinds(doc) == [("fact", "b")]


def test_replace_pack_clears_history_and_can_start_dirty(doc, changes, tmp_path):
    doc.add_fact("a")
    loaded = Pack(title="Loaded", items=(PackItem("note", text="n"),))
    doc.replace_pack(loaded, tmp_path / "x.napbrief")
    assert changes[-1].kind == "reset"
    assert doc.pack == loaded and doc.path == tmp_path / "x.napbrief"
    assert not doc.dirty and not doc.can_undo and not doc.can_redo
    doc.replace_pack(loaded, None, dirty=True)  # restored from autosave: still needs a save
    assert doc.dirty and doc.path is None
    doc.add_note("m")
    doc.undo()
    assert doc.dirty


def test_subscribers_hear_every_change_in_order(doc, changes):
    uid = doc.add_fact("a")
    doc.undo()
    doc.redo()
    doc.mark_saved()
    doc.remove(uid)
    assert [c.kind for c in changes] == ["inserted", "removed", "inserted", "saved", "removed"]
    doc.unsubscribe(changes.append)
    doc.undo()
    assert len(changes) == 5


def test_unknown_uid_raises_and_changes_nothing(doc):
    doc.add_fact("a")
    before = doc.pack
    for call in (lambda: doc.remove("nope"), lambda: doc.move("nope", 0),
                 lambda: doc.set_talking_points("nope", "x")):
        with pytest.raises(KeyError):
            call()
    assert doc.pack == before and doc.undo_text == "Add fact"
