"""The meeting bundle's manifest records the agency files (updates) behind its figures."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import datetime, timezone

from nap_desktop.core.catalog.library import init_library, load_catalog_with_library
from nap_desktop.core.catalog.updates import review as rv
from nap_desktop.core.pack.packfile import Pack, PackItem
from nap_desktop.core.pack.snapshot import catalog_for_pack, with_copies
from tests.updates.helpers import fred_text, write


def test_manifest_lists_the_update_and_its_file(tmp_path):
    from nap_desktop.exporters.bundle import export_bundle

    library = init_library(tmp_path / "lib")
    path = write(tmp_path / "IMPMX.csv", fred_text({"IMPMX": {"2026-01": "40100.5", "2026-02": "41200.25"}}))
    catalog = load_catalog_with_library(library)
    layer = rv.accept(rv.review_files([path], catalog), catalog, library)
    catalog = load_catalog_with_library(library)
    pack = with_copies(Pack(title="Mexico", items=(PackItem(kind="chart", ref="usmca-us-imports-mexico-monthly"),)), catalog)
    dest = tmp_path / "bundle.zip"
    export_bundle(pack, catalog_for_pack(pack, catalog), dest, lang="en",
                  now=datetime(2026, 12, 7, 12, 0, tzinfo=timezone.utc))
    manifest = json.loads(zipfile.ZipFile(dest).read("manifest.json"))
    [update] = manifest["updates"]
    assert update["id"] == layer.id
    assert update["files"] == [{"name": "IMPMX.csv", "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                                "format": update["files"][0]["format"]}]
    assert any(s["id"] in update["sources"] and s["status"] == "official" for s in manifest["sources"])
