"""`screenshot` and `--smoke-test` honour --library (issue 27: both ignored it): the picture shows the
library's facts, the smoke test loads and checks the library, a broken library fails the smoke test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from nap_desktop.cli import main

ROOT = Path(__file__).resolve().parents[1]
FACT_TOML = '''
[[source]]
id = "fred-manemp"
publisher = "U.S. Bureau of Labor Statistics (CES), via FRED, Federal Reserve Bank of St. Louis"
title = "All Employees, Manufacturing (MANEMP), thousands, seasonally adjusted"
url = "https://fred.stlouisfed.org/series/MANEMP"
date = "2026-03-08"
status = "secondary"

[[fact]]
id = "manemp-dec-2025"
section = "usmca"
topic = "jobs"
countries = ["US"]
value = 12580
unit = "count_th"
period = "2025-12"
title_en = "Factory jobs fell to 12,580 thousand"
text_en = "U.S. manufacturing employed 12,580 thousand people in December 2025."
text_es = "La manufactura de EE. UU. empleaba a 12,580 mil personas en diciembre de 2025."
sources = ["fred-manemp"]
'''


def _library(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("NAP_LIBRARY", raising=False)
    facts = tmp_path / "fact.toml"
    facts.write_text(FACT_TOML, encoding="utf-8")
    library = tmp_path / "lib"
    assert main(["library", "add-fact", str(facts), "--library", str(library)]) == 0
    return library


def _run(tmp_path, *args):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "nap_desktop", *args], capture_output=True, text=True, timeout=180,
                          cwd=ROOT, env=env)


def test_screenshot_draws_a_fact_of_the_library_named(tmp_path, monkeypatch):
    library = _library(tmp_path, monkeypatch)
    out = tmp_path / "shot.png"
    view = "detail:user.manemp-dec-2025"
    without = _run(tmp_path, "screenshot", str(out), "--view", view)
    assert without.returncode == 2 and "no fact 'user.manemp-dec-2025'" in without.stderr
    for args in (["screenshot", str(out), "--view", view, "--library", str(library)],
                 ["--library", str(library), "screenshot", str(out), "--view", view]):
        proc = _run(tmp_path, *args)
        assert proc.returncode == 0, proc.stderr
        assert out.stat().st_size > 10_000
        out.unlink()


def test_smoke_test_loads_and_checks_the_library(tmp_path, monkeypatch):
    library = _library(tmp_path, monkeypatch)
    plain = _run(tmp_path, "--smoke-test")
    assert plain.returncode == 0 and "166 facts" in plain.stdout, plain.stderr
    with_library = _run(tmp_path, "--smoke-test", "--library", str(library))
    assert with_library.returncode == 0 and "167 facts" in with_library.stdout, with_library.stderr
    toml = next((library / "facts").glob("*.toml"))
    toml.write_text(toml.read_text(encoding="utf-8").replace("value = 12580", "value = 99999"), encoding="utf-8")
    broken = _run(tmp_path, "--smoke-test", "--library", str(library))
    assert broken.returncode == 1 and "smoke test failed" in broken.stderr
    assert "is not the figure its text writes" in broken.stderr


def test_data_check_says_when_a_library_has_no_library_toml(tmp_path, monkeypatch, capsys):
    library = _library(tmp_path, monkeypatch)
    capsys.readouterr()
    assert main(["data", "check", str(library)]) == 0
    assert "no library.toml" not in capsys.readouterr().out
    (library / "library.toml").unlink()
    assert main(["data", "check", str(library)]) == 0  # a hand-made library still reads
    out = capsys.readouterr().out
    assert "OK: library with 1 fact" in out and f"note: {library} has no library.toml" in out
