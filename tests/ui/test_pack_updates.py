"""Opening a pack whose items changed since they were added: the pack-updates dialog, in en and es."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.test_fact_editor import open_library_window

pytestmark = pytest.mark.gui


@pytest.fixture(params=["en", "es"])
def lang(request):
    from nap_desktop.ui.i18n import translations

    yield request.param
    translations().set_language("en")


def _old_pack(catalog, path):
    """A pack saved when two facts showed other figures (an older data version) and a third is unchanged."""
    from nap_desktop.core.pack.packfile import Pack, PackItem, save_pack
    from nap_desktop.core.pack.snapshot import copy_of

    facts = [f for f in catalog.facts if f.value is not None][:3]
    items = []
    for i, fact in enumerate(facts):
        item = PackItem(kind="fact", ref=fact.id)
        copy = copy_of(item, catalog)
        if i < 2:
            copy["value"] = fact.value * 2 + 1
            copy["sources"] = [{**copy["sources"][0], "publisher": "Old Statistical Office", "date": "2019"}]
        items.append(PackItem(kind="fact", ref=fact.id, uid=f"item-{i}", copy=copy))
    save_pack(Pack(title="Old pack", items=tuple(items)), path)
    return facts


def test_opening_a_changed_pack_offers_each_update(qtbot, tmp_path, settings_dir, lang):
    from nap_desktop.ui.pack.pack_updates import PackUpdatesDialog

    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, lang)
    path = tmp_path / "old.napbrief"
    facts = _old_pack(win.catalog, path)
    assert win.open_pack(path)
    qtbot.waitUntil(lambda: isinstance(controller.dialog, PackUpdatesDialog))
    dialog = controller.dialog
    assert set(dialog.rows) == {"item-0", "item-1"}  # the unchanged item is not listed
    row = dialog.rows["item-0"]
    # old -> new figure, with both sources
    assert "Old Statistical Office" in row.old_label.text()
    publisher = win.catalog.sources[facts[0].sources[0]].publisher
    assert publisher.split(" (")[0] in row.new_label.text()
    assert {"en": "Take update", "es": "Tomar actualización"}[lang] == row.take_button.text()
    assert {"en": "Keep copy", "es": "Conservar copia"}[lang] == row.keep_button.text()

    # the pack keeps its copy until the user takes the update
    before = {i.uid: i.copy for i in win.document.pack.items}
    assert before["item-0"]["value"] == facts[0].value * 2 + 1
    QTest.mouseClick(row.take_button, Qt.MouseButton.LeftButton)
    after = {i.uid: i.copy for i in win.document.pack.items}
    assert after["item-0"]["value"] == facts[0].value
    assert after["item-1"] == before["item-1"]
    QTest.mouseClick(dialog.rows["item-1"].keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.dialog is None)
    kept = {i.uid: i.copy for i in win.document.pack.items}
    assert kept["item-1"]["value"] == facts[1].value * 2 + 1
    assert len(win.document.pack.items) == 3  # nothing dropped


def test_take_all(qtbot, tmp_path, settings_dir):
    from nap_desktop.ui.pack.pack_updates import PackUpdatesDialog

    win, controller, _library = open_library_window(qtbot, tmp_path, settings_dir, "en")
    path = tmp_path / "old.napbrief"
    facts = _old_pack(win.catalog, path)
    assert win.open_pack(path)
    qtbot.waitUntil(lambda: isinstance(controller.dialog, PackUpdatesDialog))
    QTest.mouseClick(controller.dialog.take_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.dialog is None)
    values = [i.copy["value"] for i in win.document.pack.items]
    assert values == [f.value for f in facts]
