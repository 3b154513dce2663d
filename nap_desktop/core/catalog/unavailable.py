"""Report charts that cannot be drawn: declared in data/charts/*.toml as [[unavailable]] blocks.

    [[unavailable]]
    id = "tech-atp-balance-by-year"
    section = "technology"
    title_en = "…"                    # the report's chart, as the report titles it
    title_es = "…"
    unavailable_reason_en = "…"       # why there is no dataset (what was searched, what is missing)
    unavailable_reason_es = "…"
    facts = ["…"]                     # the facts the report's chart illustrates

Never drawn from invented values: the catalog keeps them (``unavailable_charts(catalog)``),
``catalog --json`` lists them under ``unavailable_charts``, and a missing reason, an unknown
section or fact, or an id that is also a drawn chart is a FILE:LINE problem.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nap_desktop.core.catalog.files import read_regular_text

REQUIRED = ("id", "section", "title_en", "title_es", "unavailable_reason_en", "unavailable_reason_es")
KNOWN = set(REQUIRED) | {"facts", "note_en", "note_es"}


def load_unavailable(loader: Any, catalog: Any) -> tuple[dict, ...]:
    import tomllib  # here, not at the top: the window's start reads unavailable_charts() only

    from nap_desktop.core.catalog import toml_fast  # tomli's compiled parser (same results, ~3x faster)

    root = Path(loader.root)
    out: list[dict] = []
    sections = {s.id for s in catalog.sections}
    for path in sorted((root / "charts").glob("*.toml")) if (root / "charts").is_dir() else []:
        try:
            text = read_regular_text(path)
            blocks = toml_fast.loads(text).get("unavailable", [])
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue  # the chart loader already reports an unreadable file
        if not isinstance(blocks, list):
            continue
        name = path.relative_to(root).as_posix()
        lines = text.splitlines()
        starts = [i + 1 for i, t in enumerate(lines) if re.match(r"^\s*\[\[\s*unavailable\s*\]\]", t)]
        for n, block in enumerate(blocks):
            line = starts[n] if n < len(starts) else 0
            if not isinstance(block, dict):
                continue
            cid = str(block.get("id", "?"))
            ok = True
            for key in REQUIRED:
                if not isinstance(block.get(key), str) or not block[key].strip():
                    loader.problem(name, line, f"unavailable chart {cid}: missing {key!r} (a chart that cannot be "
                                               "drawn says why, in both languages)")
                    ok = False
            for key in block:
                if key not in KNOWN:
                    loader.problem(name, line, f"unavailable chart {cid}: unknown field {key!r}")
            if block.get("section") not in sections:
                loader.problem(name, line, f"unavailable chart {cid}: unknown section {block.get('section')!r}")
                ok = False
            facts = block.get("facts", [])
            if not isinstance(facts, list) or not all(isinstance(f, str) for f in facts):
                loader.problem(name, line, f"unavailable chart {cid}: facts must be a list of fact ids")
                facts = []
            for fid in facts:
                if catalog.fact(fid) is None:
                    loader.problem(name, line, f"unavailable chart {cid}: unknown fact id {fid!r}")
            if cid in catalog.charts:
                loader.problem(name, line, f"unavailable chart {cid}: the same id is a drawn chart")
                ok = False
            if ok:
                out.append({"id": cid, "section": block["section"], "title_en": block["title_en"],
                            "title_es": block["title_es"], "reason_en": block["unavailable_reason_en"],
                            "reason_es": block["unavailable_reason_es"], "facts": list(facts),
                            "available": False})
    return tuple(out)


def attach(loader: Any, catalog: Any) -> None:
    """Keep the declarations on the catalog (the same per-instance cache the catalog uses for its index)."""
    catalog.__dict__["unavailable_charts"] = load_unavailable(loader, catalog)


def unavailable_charts(catalog: Any) -> tuple[dict, ...]:
    return tuple(catalog.__dict__.get("unavailable_charts", ()))
