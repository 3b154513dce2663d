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
    line = _line_of(path, 'date = ""')
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
                assert s["status"] == "secondary", f"{sid}: read from a copy, so secondary"
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
