"""`nap-desktop pack new --ids` writes the items named, in that order; a fact's charts come only with
--with-charts, which lists them; without it the command says which charts were left out."""

from __future__ import annotations

import json

from nap_desktop.cli import main

FACT, CHART, OTHER = "auto-production-na-3q2025", "auto-production-change-3q2025", "usmca-trade-trilateral-20y"


def _refs(path):
    return [(i["kind"], i["ref"]) for i in json.loads(path.read_text(encoding="utf-8"))["items"]]


def test_only_the_items_named_and_a_note_of_the_charts_left_out(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("NAP_LIBRARY", raising=False)
    out = tmp_path / "p.napbrief"
    assert main(["pack", "new", str(out), "--ids", f"{FACT},{OTHER}"]) == 0
    assert _refs(out) == [("fact", FACT), ("fact", OTHER)]
    said = capsys.readouterr().out
    assert f"1 chart not added ({CHART}); add --with-charts or name it in --ids" in said
    assert "(2 items)" in said


def test_with_charts_adds_them_after_their_fact_and_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("NAP_LIBRARY", raising=False)
    out = tmp_path / "p.napbrief"
    assert main(["pack", "new", str(out), "--ids", f"{FACT},{OTHER}", "--with-charts"]) == 0
    assert _refs(out) == [("fact", FACT), ("chart", CHART), ("fact", OTHER)]
    assert f"added the chart of the facts named: {CHART}" in capsys.readouterr().out


def test_a_chart_named_is_placed_where_named_and_nothing_is_said(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("NAP_LIBRARY", raising=False)
    out = tmp_path / "p.napbrief"
    assert main(["pack", "new", str(out), "--ids", f"{CHART},{FACT}"]) == 0
    assert _refs(out) == [("chart", CHART), ("fact", FACT)]
    said = capsys.readouterr().out
    assert "not added" not in said and "added the chart" not in said
