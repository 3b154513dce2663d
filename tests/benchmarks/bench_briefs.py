"""State briefs: all 51 handouts in both languages, and one brief against a 10-item pack of the same size.

Figures: (1) the time to make every state's handout (51 states x English and Spanish), with the time
per handout; (2) one brief end to end (the pack built from the state datasets, then deck, workbook and
handout) against the same three exports of an ordinary 10-item pack with the same number of facts and
charts, timed alternately in this process. No budget is set by DESIGN.md; the ratio says what the
brief's own work (reading the state datasets, composing its texts and charts) adds to an export.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from _common import Figure, header, report

NOW = datetime(2026, 12, 7, tzinfo=timezone.utc)


def run(*, runs: int = 5) -> list[Figure]:
    from nap_desktop.core.catalog.loader import load_catalog
    from nap_desktop.core.catalog.states import states
    from nap_desktop.core.pack.selection import pack_ids
    from nap_desktop.core.pack.snapshot import catalog_for_pack, with_copies
    from nap_desktop.core.pack.state_brief import brief_pack
    from nap_desktop.exporters.handout_pdf import handout_bytes
    from nap_desktop.exporters.pptx_exporter import export_pptx
    from nap_desktop.exporters.xlsx_exporter import export_xlsx

    catalog = load_catalog()
    codes = [s.code for s in states()]
    header(f"state briefs: {len(codes)} handouts x 2 languages; one brief vs a 10-item pack, median of {runs}")

    start = time.perf_counter()
    for code in codes:
        for lang in ("en", "es"):
            pack = brief_pack(catalog, code, lang)
            handout_bytes(pack, catalog_for_pack(pack, catalog), lang=lang, now=NOW, paper="letter")
    all_ms = (time.perf_counter() - start) * 1000

    brief = brief_pack(catalog, "TX", "en")
    n_facts = sum(1 for i in brief.items if i.kind == "fact")
    n_charts = sum(1 for i in brief.items if i.kind == "chart")
    facts = [f.id for f in catalog.facts if f.chart is None][:n_facts]
    chart_ids = [c for c in catalog.charts if catalog.charts[c].kind in ("grouped", "tilemap", "bar")][:n_charts]
    ordinary = with_copies(pack_ids(catalog, facts + chart_ids, lang="en"), catalog)

    with tempfile.TemporaryDirectory(prefix="nap-bench-briefs-") as tmp:
        folder = Path(tmp)

        def export(pack) -> None:
            shown = catalog_for_pack(pack, catalog)
            export_pptx(pack, shown, folder / "d.pptx", lang="en", now=NOW)
            export_xlsx(pack, shown, folder / "w.xlsx", lang="en", now=NOW)
            handout_bytes(pack, shown, lang="en", now=NOW, paper="letter")

        def one_brief() -> None:
            export(brief_pack(catalog, "TX", "en"))

        def one_pack() -> None:
            export(with_copies(pack_ids(catalog, facts + chart_ids, lang="en"), catalog))

        one_brief(), one_pack()  # warm-up
        a, b = [], []
        for _ in range(runs):  # alternately, so a slow moment of the shared machine hits both
            t = time.perf_counter(); one_brief(); a.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter(); one_pack(); b.append((time.perf_counter() - t) * 1000)
    figures = [
        Figure("all 51 state handouts, English and Spanish", all_ms, "ms",
               note=f"{all_ms / (2 * len(codes)):.0f} ms a handout, brief built included"),
        Figure(f"one state brief (TX: {n_facts} facts, {n_charts} charts) to deck+workbook+handout",
               statistics.median(a), "ms", baseline=statistics.median(b),
               baseline_name=f"a {len(ordinary.items)}-item catalog pack, same exports",
               note=f"spread brief {min(a):.0f}-{max(a):.0f} ms, pack {min(b):.0f}-{max(b):.0f} ms"),
    ]
    report(figures)
    return figures


if __name__ == "__main__":
    run()
