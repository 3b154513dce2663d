"""`nap-desktop import` run as a user runs it (a subprocess) on agency files: the long ERS table read by its
columns, footnotes said, and the arguments the library would have kept wrongly refused."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

RAW = Path(__file__).resolve().parents[2] / "shared" / "reference-data" / "raw"
SOURCE = ["--source-publisher", "USDA Economic Research Service", "--source-title", "U.S. Food Imports",
          "--source-url", "https://www.ers.usda.gov/data-products/us-food-imports", "--source-date", "2025-07-01",
          "--status", "official"]


def nap(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "NAP_LIBRARY"}
    env["HOME"] = str(cwd)
    return subprocess.run([str(Path(sys.executable).with_name("nap-desktop")), *args], capture_output=True,
                          text=True, env=env, timeout=240, cwd=cwd)


def _import(tmp_path: Path, table: Path, *extra: str, source=SOURCE) -> subprocess.CompletedProcess:
    return nap("import", str(table), "--library", str(tmp_path / "lib"), "--kind", "line",
               "--title-en", "Live animal imports grew", "--unit", "usd_mn", *source, *extra, cwd=tmp_path)


def test_a_long_agency_table_says_its_shape_once_then_imports_by_columns(tmp_path):
    ers = RAW / "ERS_US_Food_Imports_1999-2024_cp1252.csv"
    proc = _import(tmp_path, ers, "--id", "live-animals")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2, lines  # one message and the summary, not 19,838 lines
    assert "one observation per row" in lines[0] and "--category, --series, --value" in lines[0]
    proc = _import(tmp_path, ers, "--id", "live-animals", "--category", "YearNum", "--series", "Country",
                   "--value", "FoodValue", "--filter", "Commodity=Total live animals", "--filter", "UOM=Million $")
    assert proc.returncode == 0, proc.stderr
    assert "imported 26 categories x 4 series" in proc.stdout
    rows = (tmp_path / "lib" / "datasets" / "user.live-animals.csv").read_text(encoding="utf-8").splitlines()
    assert "1999,MEXICO,,292.2," in "\n".join(rows)


def test_footnotes_are_said_and_left_out(tmp_path):
    table = tmp_path / "inegi.csv"
    table.write_text("Año,Vehículos\n2023,3468000\n2024,3989403\n\nFuente: INEGI.\nNota: cifras preliminares.\n",
                     encoding="utf-8")
    proc = _import(tmp_path, table, "--id", "autos", "--lang", "es")
    assert proc.returncode == 0, proc.stderr
    assert "nota: se dejaron fuera 2 filas de notas a partir de la fila 5" in proc.stderr
    csv = (tmp_path / "lib" / "datasets" / "user.autos.csv").read_text(encoding="utf-8")
    assert "Fuente" not in csv and "Nota" not in csv


def test_wrong_id_future_date_and_share_over_100_are_refused(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("Partner,Share\nMexico,1234\nCanada,14.2\n", encoding="utf-8")
    bad_id = _import(tmp_path, table, "--id", "Bad Id!")
    assert bad_id.returncode == 2 and "--id 'Bad Id!'" in bad_id.stderr and "--id bad-id" in bad_id.stderr
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    future = _import(tmp_path, table, "--id", "s", source=[*SOURCE[:-3], tomorrow, "--status", "official"])
    assert future.returncode == 2 and "after today" in future.stderr
    share = nap("import", str(table), "--library", str(tmp_path / "lib"), "--kind", "share", "--title-en", "Shares",
                "--unit", "pct", "--id", "s", *SOURCE, cwd=tmp_path)
    assert share.returncode == 1 and "1,234% is more than 100%" in share.stderr
    assert not (tmp_path / "lib" / "datasets").exists() or not list((tmp_path / "lib" / "datasets").iterdir())


def test_a_problem_never_points_at_a_file_that_was_not_written(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("Year,Value\n2024,5\n2025,6\n", encoding="utf-8")
    proc = _import(tmp_path, table, "--id", "x", source=["--source-publisher", "BLS", "--source-title", "T",
                                                         "--source-url", "https://www.bls.gov", "--source-date",
                                                         "2024-01-01", "--status", "official"])
    assert proc.returncode == 1
    assert "homepage URL" in proc.stderr
    assert "sources/" not in proc.stderr and ".toml" not in proc.stderr
    assert "the source given (--source-*)" in proc.stderr
