"""A period the imported table does not have, added between its first and last so the time axis keeps its
steps, is not described as a blank cell of the table: its row says it was added."""

from __future__ import annotations

import csv

from nap_desktop.core.catalog import library as lib
from nap_desktop.core.catalog.tables import parse_csv

SOURCE = {"publisher": "Quuxtown Chamber of Commerce", "title": "Member survey 2025",
          "url": "https://quuxtown.example.org/survey-2025.pdf", "date": "2025-11-01", "status": "report"}


def test_added_periods_and_blank_cells_have_their_own_notes(tmp_path):
    # 2021 is not in the file; 2023's Mexico cell is blank in the file
    table = parse_csv("Year,Mexico,Canada\n2020,10,20\n2022,11,21\n2023,,22\n")
    assert table.categories == ["2020", "2021", "2022", "2023"]
    dataset_id, _ = lib.save_table(tmp_path / "lib", table, id="members", kind="line", title_en="Members",
                                   unit="count", source=dict(SOURCE), status="report")
    path = tmp_path / "lib" / "datasets" / f"{dataset_id}.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    notes = {(r["category"], r["series"]): r["note"] for r in rows if r["value"] == ""}
    assert set(notes) == {("2021", "Mexico"), ("2021", "Canada"), ("2023", "Mexico")}
    assert notes[("2021", "Mexico")] == notes[("2021", "Canada")] == lib.ADDED_NOTE
    assert notes[("2023", "Mexico")] == lib.BLANK_NOTE
    assert "Not in the imported table" in lib.ADDED_NOTE and "Blank in the imported table" in lib.BLANK_NOTE
