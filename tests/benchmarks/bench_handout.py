"""Handout PDF of the whole catalog against bare reportlab drawing the same page content.

Ours: ``export_pdf`` end to end (composition, text safety, SVG charts through svglib, layout,
font subsetting, the atomic write). Baseline, in the same process: reportlab alone laying out the
same content, prepared outside the timer (the same paragraphs as plain strings, the same chart
drawings already parsed, the same fonts registered), into a file. Budget: ours <= 1.5x the baseline.
"""

from __future__ import annotations

import io
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from _common import Figure, header, report, timed

NOW = datetime(2026, 12, 1, tzinfo=timezone.utc)


def run(*, runs: int = 5) -> list[Figure]:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.units import inch
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from nap_desktop.core.catalog.loader import load_catalog
    from nap_desktop.core.pack.selection import pack_all
    from nap_desktop.exporters import handout_pdf as h

    catalog = load_catalog()
    pack = pack_all(catalog, lang="en")
    header(f"handout: whole catalog ({len(pack.items)} items) as a PDF, median of {runs}")
    h._register_fonts()
    width = LETTER[0] - 1.2 * inch
    # The same content, prepared outside the timer: every paragraph's markup and style, the grid's
    # rows, widths and style commands, the chart drawings already parsed (one fresh set per run).
    story = h.handout_story(pack, catalog, lang="en", frame_width=width, chart_height=3.6 * inch)
    blueprint = []
    n_facts = sum(1 for i in pack.items if i.kind == "fact")
    n_charts = 0
    for flowable in story:
        if isinstance(flowable, Paragraph):
            blueprint.append(("p", flowable.text, flowable.style))
        elif isinstance(flowable, Table):
            rows = [[[(c.text, c.style) for c in cell] if isinstance(cell, list) else cell for cell in row]
                    for row in flowable._cellvalues]
            blueprint.append(("t", rows, flowable._colWidths, flowable._cellStyles and list(flowable._bkgrndcmds)
                              + list(flowable._linecmds) + list(flowable._spanCmds)))
        elif type(flowable).__name__ == "Drawing":
            n_charts += 1
            blueprint.append(("d", n_charts - 1))
        else:
            blueprint.append(("x", flowable))
    charts = [catalog.charts[i.ref] for i in pack.items if i.kind == "chart" and i.ref in catalog.charts][:h.MAX_CHARTS]
    drawing_sets = [[h._chart_drawing(spec, catalog, "en", width, svg_width=h.svg_width_for(width)) for spec in charts]
                    for _ in range(runs + 2)]
    grid_style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), h.FONT, 10)]

    with tempfile.TemporaryDirectory(prefix="nap-bench-handout-") as tmp:
        folder = Path(tmp)

        def ours() -> None:
            h.export_pdf(pack, catalog, folder / "ours.pdf", lang="en", now=NOW, paper="letter")

        def bare() -> None:
            drawings = drawing_sets.pop()
            built = []
            for entry in blueprint:
                if entry[0] == "p":
                    built.append(Paragraph(entry[1], entry[2]))
                elif entry[0] == "t":
                    rows = [[[Paragraph(text, style) for text, style in cell] if isinstance(cell, list) else cell
                             for cell in row] for row in entry[1]]
                    table = Table(rows, colWidths=entry[2])
                    table.setStyle(TableStyle(grid_style))
                    built.append(table)
                elif entry[0] == "d":
                    built.append(drawings[entry[1]])
                else:
                    built.append(entry[1])
            buffer = io.BytesIO()
            SimpleDocTemplate(buffer, pagesize=LETTER, invariant=1, leftMargin=0.6 * inch, rightMargin=0.6 * inch,
                              topMargin=0.6 * inch, bottomMargin=0.7 * inch, initialFontName=h.FONT).build(built)
            (folder / "bare.pdf").write_bytes(buffer.getvalue())

        bare_ms, _ = timed(bare, runs=runs)
        ours_ms, _ = timed(ours, runs=runs)
    return report([Figure(f"handout PDF, whole catalog ({n_facts} facts, {len(charts)} charts)", ours_ms, "ms",
                          bare_ms, "bare reportlab, same content", budget_ratio=1.5)])


if __name__ == "__main__":
    run()
