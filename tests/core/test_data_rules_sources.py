"""Sources an official accepts: every source carries the date of its release (rule ``source-date``).

Each break is made in a copy of data/ and the problem names the exact FILE:LINE, in English and,
through core/catalog/messages.py, in Spanish.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from nap_desktop.core.catalog import messages
from nap_desktop.core.catalog.loader import load_catalog_with_problems
from nap_desktop.core.catalog.rules import DATE_RE, denied_domain, is_specific_url

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture()
def data(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def _problems(root: Path):
    return load_catalog_with_problems(root)[1]


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in {path}")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_source_without_a_date_is_reported_at_its_line(data):
    path = data / "sources" / "agencies.toml"
    _replace(path, 'date = "2025-10"\nstatus = "report"', 'date = ""\nstatus = "report"')  # imf-weo
    lines = path.read_text(encoding="utf-8").splitlines()
    start = _line_of(path, 'id = "imf-weo"')
    line = next(i for i in range(start, len(lines)) if lines[i] == 'date = ""') + 1
    found = [p for p in _problems(data) if str(p).startswith(f"sources/agencies.toml:{line}: source imf-weo: no date")]
    assert found, [str(p) for p in _problems(data)]
    spanish = messages.render(found[0], "es")
    assert spanish == (f"sources/agencies.toml, línea {line}: fuente imf-weo: no tiene fecha; dé la fecha de la "
                       "publicación, o un no_date_reason que diga por qué no se conoce")


def test_a_date_in_another_form_is_reported(data):
    path = data / "sources" / "agencies.toml"
    _replace(path, 'date = "2025-10"\nstatus = "report"', 'date = "October 2025"\nstatus = "report"')
    line = _line_of(path, 'date = "October 2025"')
    found = [p for p in _problems(data) if str(p).startswith(
        f"sources/agencies.toml:{line}: source imf-weo: a date that is not YYYY, YYYY-MM or YYYY-MM-DD (October 2025)")]
    assert found
    assert "sin traducir" not in messages.render(found[0], "es")
    assert "AAAA, AAAA-MM o AAAA-MM-DD (October 2025)" in messages.render(found[0], "es")


def test_a_missing_date_passes_only_with_its_reason(data):
    assert not _problems(DATA)  # sec-mckinsey has date = "" and a no_date_reason
    path = data / "sources" / "sections_extra.toml"
    assert 'no_date_reason = "The report cites McKinsey & Company without a date' in path.read_text(encoding="utf-8")
    _replace(path, 'no_date_reason = "The report cites McKinsey', 'note_x = "The report cites McKinsey')
    line = _line_of(path, 'date = ""')
    assert any(str(p).startswith(f"sources/sections_extra.toml:{line}: source sec-mckinsey: no date")
               for p in _problems(data))


def test_date_forms():
    assert all(DATE_RE.fullmatch(d) for d in ("2026", "2026-02", "2026-02-19", "1994"))
    assert not any(DATE_RE.fullmatch(d) for d in ("", "2026-13", "26-02-19", "Feb 2026", "2026-02-19T00:00", "2026/02"))


def test_every_bundled_source_meets_the_rules_data_check_cannot_see():
    """What a reviewer checks by eye, asserted: a recognisable publisher, a specific URL or a reason,
    a date or a reason, and no copy passed off as the agency's own page (a copy is secondary and says where)."""
    for path in sorted((DATA / "sources").glob("*.toml")):
        for s in tomllib.loads(path.read_text(encoding="utf-8"))["source"]:
            sid = s["id"]
            publisher = s["publisher"]
            # a publisher is a name (shown as is in Spanish outputs): no English prose about how it was read
            assert publisher.strip() and not any(w in publisher for w in ("republished", "as cited", "copy", "mirror")), sid
            assert is_specific_url(s.get("url", "")) or s.get("no_url_reason", "").strip(), sid
            assert DATE_RE.fullmatch(str(s.get("date", ""))) or s.get("no_date_reason", "").strip(), sid
            assert denied_domain(" ".join(str(v) for v in s.values())) is None, sid
            text = " ".join(str(s.get(k, "")) for k in ("note", "title")).lower()
            if "github" in text or "copy" in text or "transcription" in text:
                # DESIGN.md: a byte-identical copy of the agency's file, verified (e.g. by its totals) and named
                # in the note, is the agency's file; any other copy is secondary
                verified = ("verbatim" in text or "unchanged" in text) and ("equal" in text or "sum to" in text)
                # ... or the agency's own page, as published, kept by us (the reference data's "official" rows)
                agency_page = "stored copy of the" in text and any(
                    d in s.get("url", "") for d in ("stlouisfed.org", "census.gov", "bls.gov", "bts.gov", "usda.gov",
                                                   "statcan.gc.ca", "inegi.org.mx"))
                verified = verified or agency_page
                assert s["status"] == "secondary" or verified, f"{sid}: read from an unverified copy, so secondary"
                assert "not " in text or "read from" in text or "read on" in text, f"{sid}: say where the copy was read"


@pytest.mark.parametrize("url", ["https://www.inegi.org.mx", "https://www.inegi.org.mx/", "https://www.inegi.org.mx/en/",
                                 "https://www.bls.gov/index.html", "https://www.gob.mx/es/inicio", "ftp://x.org/a"])
def test_a_front_page_is_not_a_specific_url(url):
    assert not is_specific_url(url)


@pytest.mark.parametrize("url", ["https://www.inegi.org.mx/programas/enoe/15ymas/", "https://mexiconewsdaily.com/?p=100187",
                                 "https://fred.stlouisfed.org/series/MANEMP"])
def test_a_table_or_release_url_is_specific(url):
    assert is_specific_url(url)


def test_a_front_page_with_a_language_path_is_reported_at_its_line(data):
    path = data / "sources" / "agencies.toml"
    _replace(path, 'url = "https://www.inegi.org.mx/programas/enoe/15ymas/"', 'url = "https://www.inegi.org.mx/en/"')
    line = _line_of(path, 'url = "https://www.inegi.org.mx/en/"')
    assert any(str(p).startswith(f"sources/agencies.toml:{line}: source inegi: a homepage URL (https://www.inegi.org.mx/en/)")
               for p in _problems(data))


def test_a_bundled_source_note_without_its_spanish_is_reported_at_its_line(data):
    """Rule source-note-es: a Spanish output would show our English note (the workbook's Sources sheet,
    the detail view, the Sources view)."""
    path = data / "sources" / "agencies.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('id = "inegi"')
    note_es = text.index("note_es = ", start)
    path.write_text(text[:note_es] + text[text.index("\n", note_es) + 1:], encoding="utf-8")
    line = _line_of(path, 'note = "URL of ENOE')
    found = [p for p in _problems(data) if str(p).startswith(f"sources/agencies.toml:{line}: source inegi: a note "
                                                             "without note_es")]
    assert found, [str(p) for p in _problems(data)]
    assert messages.render(found[0], "es") == (f"sources/agencies.toml, línea {line}: fuente inegi: una nota sin "
                                               "note_es; las salidas en español la mostrarían en inglés")


def test_a_user_source_note_needs_no_spanish_twin(tmp_path):
    """A user's own note is in the user's words: the library is not asked for a translation."""
    from nap_desktop.core.catalog.library import add_source, init_library
    from nap_desktop.core.catalog.library import load_catalog_with_library

    library = tmp_path / "lib"
    init_library(library)
    add_source(library, {"publisher": "Statistics Canada", "title": "Canadian international merchandise trade",
                         "url": "https://www150.statcan.gc.ca/n1/daily-quotidien/260402/cg-a008-eng.htm",
                         "date": "2026-04-02", "status": "official", "note": "Chart 8 of The Daily"})
    catalog = load_catalog_with_library(library)
    mine = [s for s in catalog.sources.values() if s.origin == "user"]
    assert [s.note_in("es") for s in mine] == ["Chart 8 of The Daily"]


def test_spanish_titles_and_notes_of_sources_are_used_in_spanish_only():
    catalog = load_catalog_with_problems(DATA)[0]
    census = catalog.sources["census-c5700-v2026-02"]
    assert census.title_in("en").startswith("Trade in Goods with China (country page c5700)")
    assert census.title_in("es").startswith("Trade in Goods with China (página de país c5700)")  # title as published
    assert "no se leyó en census.gov" in census.note_in("es") and "not read on census.gov" in census.note_in("en")
    published = catalog.sources["ref-freightwaves-2026"]  # a title as published: the same in both languages
    assert published.title_in("es") == published.title_in("en") == published.title
    assert all(s.note_es for s in catalog.sources.values() if s.note)
    assert catalog.sources["ref-vanguardia-2026"].publisher_in("es").startswith("Vanguardia (México), citando a")
