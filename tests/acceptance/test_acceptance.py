"""The hand-over acceptance check in the suite: every pack under packs/ (built as users build them: six to
ten mixed items, audience, organisation, talking points, a gap, a user figure; two state briefs), in
English and in Spanish, exported to the deck, the workbook, the handout on Letter and A4 and the bundle,
read back, and every counter of tests/acceptance/check.py at zero.

The whole catalog (184 slides, ~25 s a language) runs with NAP_ACCEPTANCE_FULL=1, as does
``python -m tests.acceptance`` (which also prints the counts, and renders contact sheets with --render).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pytest

from tests.acceptance.check import COUNTERS, check_pack, load_packs

PACKS = sorted(p.stem for p in (Path(__file__).resolve().parent / "packs").glob("*.napbrief"))
FULL = os.environ.get("NAP_ACCEPTANCE_FULL") == "1"


@lru_cache(maxsize=1)
def _packs() -> dict:
    return load_packs(None if FULL else set(PACKS))


def test_the_packs_are_what_users_build():
    """The fixture is realistic, not chosen to pass: enough packs, each of six to ten items with an
    audience, and among them state briefs, a user's own figure and talking points."""
    packs = {name: pack for name, (pack, _) in _packs().items() if name in PACKS}
    assert len(packs) >= 10
    for name, pack in packs.items():
        assert 6 <= len(pack.items) <= 12, name
        assert pack.audience.strip(), name
    assert sum(1 for p in packs.values() if getattr(p, "state", "")) >= 2
    assert any(i.talking_points.strip() for p in packs.values() for i in p.items)
    catalog = _packs()[PACKS[0]][1]
    user_facts = [i.ref for p in packs.values() for i in p.items if i.kind == "fact" and i.ref.startswith("user.")]
    assert user_facts and all(catalog.fact(ref) is not None and catalog.fact(ref).origin == "user"
                              for ref in user_facts)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", PACKS + (["whole-catalog"] if FULL else []))
def test_a_realistic_pack_hands_over_without_a_fix(name, lang, tmp_path):
    pack, catalog = _packs()[name]
    result, _ = check_pack(name, pack, catalog, lang, tmp_path)
    counts = {c: result.count(c) for c in COUNTERS}
    findings = "\n".join(f"  {c}: {where}: {what}" for c, where, what in result.findings[:40])
    assert sum(counts.values()) == 0, f"{name} ({lang}): {counts}\n{findings}"
    # the deck, the workbook and both handouts were written and read
    assert result.slides > 0 and set(result.pages) == {"letter", "a4"}
