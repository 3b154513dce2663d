"""An export of several files that fails part-way says which were written and which were not (issue 27);
the files written are whole, the others untouched. The failure is the disk filling up while the workbook
is written (simulated: the workbook writer raises the ExportError write_atomically raises for ENOSPC)."""

from __future__ import annotations

import pytest

from nap_desktop.cli import main
from nap_desktop.exporters import ExportError


@pytest.fixture
def disk_full_at_the_workbook(monkeypatch):
    import nap_desktop.exporters.xlsx_exporter as xlsx

    def full(_pack, _catalog, dest, **_kw):
        raise ExportError(f"Cannot write {dest}: the disk is full.")

    monkeypatch.setattr(xlsx, "export_xlsx", full)
    monkeypatch.delenv("NAP_LIBRARY", raising=False)


def test_a_failed_workbook_after_the_deck_is_said_with_what_was_written(tmp_path, capsys, disk_full_at_the_workbook):
    deck, book, handout = tmp_path / "d.pptx", tmp_path / "w.xlsx", tmp_path / "h.pdf"
    code = main(["export", "--ids", "usmca-trade-trilateral-20y", "--pptx", str(deck), "--xlsx", str(book),
                 "--pdf", str(handout)])
    assert code == 1
    err = capsys.readouterr().err
    assert "the disk is full." in err
    assert f"Written: {deck}." in err and f"Not written: {book}, {handout}." in err
    assert not book.exists() and not handout.exists()
    from pptx import Presentation

    assert len(Presentation(str(deck)).slides) >= 2  # the deck written is whole


def test_nothing_written_is_said_when_the_first_file_fails(tmp_path, capsys, disk_full_at_the_workbook):
    book, handout = tmp_path / "w.xlsx", tmp_path / "h.pdf"
    assert main(["export", "--ids", "usmca-trade-trilateral-20y", "--xlsx", str(book), "--pdf", str(handout)]) == 1
    err = capsys.readouterr().err
    assert f"Nothing was written. Not written: {book}, {handout}." in err and not handout.exists()
