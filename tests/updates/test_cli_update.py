"""`nap-desktop update FILE... [--library DIR] [--dry-run] [--json] [--strict] | --list | --remove ID`."""

from __future__ import annotations

import json

from nap_desktop.cli import main
from tests.updates.helpers import data_fingerprint, fred_text, raw, write


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_apply_list_remove(tmp_path, capsys):
    lib = str(tmp_path / "lib")
    fingerprint = data_fingerprint()
    code, out, _ = run(capsys, "update", str(raw("FRED", "IMPMX.csv")), "--library", lib)
    assert code == 0 and "7 new, 0 revised, 36 confirmed" in out and "Applied as update fred-impmx-" in out
    code, out, _ = run(capsys, "update", "--list", "--library", lib)
    assert code == 0
    [line] = out.splitlines()
    uid = line.split("\t")[0]
    assert uid.startswith("fred-impmx-") and "IMPMX.csv" in line and "43 rows" in line
    code, out, _ = run(capsys, "catalog", "--json", "--library", lib)
    datasets = {d["id"]: d for d in json.loads(out)["datasets"]}
    rows = datasets["us-trade-mexico-monthly"]["rows"]
    assert code == 0 and len(rows) == 43 and rows[-1]["period"] == "2026-07" and rows[-1]["status"] == "official"
    code, out, _ = run(capsys, "update", "--remove", uid, "--library", lib)
    assert code == 0 and "removed" in out
    code, out, err = run(capsys, "update", "--list", "--library", lib)
    assert out == "" and "no updates applied" in err
    assert data_fingerprint() == fingerprint


def test_dry_run_and_json(tmp_path, capsys):
    lib = tmp_path / "lib"
    code, out, _ = run(capsys, "update", str(raw("FRED", "IMPMX.csv")), "--library", str(lib), "--dry-run", "--json")
    data = json.loads(out)
    assert code == 0 and data["applied"] is None and data["dry_run"]
    [series] = data["review"]["series"]
    assert series["new_periods"][-1] == "2026-07" and series["confirmed"] == 36
    assert "coprod-trade-partners-2025" in data["impacts"]["charts"]
    assert not (lib / "updates").exists()


def test_unknown_format_exits_2_and_changes_nothing(tmp_path, capsys):
    lib = tmp_path / "lib"
    good = write(tmp_path / "IMPMX.csv", fred_text({"IMPMX": {"2026-01": "40000"}}))
    bad = write(tmp_path / "notes.csv", "hello,world\n1,2\n")
    code, out, err = run(capsys, "update", str(good), str(bad), "--library", str(lib))
    assert code == 2 and "notes.csv is not an agency file the app knows" in out and "nothing was changed" in err
    assert not (lib / "updates").exists()


def test_strict_exits_1_when_rows_are_refused(tmp_path, capsys):
    lib = tmp_path / "lib"
    path = write(tmp_path / "IMPMX.csv", "observation_date,IMPMX\n2026-01-01,40000\n2026-02-01,abc\n")
    code, out, err = run(capsys, "update", str(path), "--library", str(lib), "--strict")
    assert code == 1 and "refused" in err and not (lib / "updates").exists()
    code, out, _ = run(capsys, "update", str(path), "--library", str(lib))  # without --strict: applied
    assert code == 0 and "Applied as update" in out


def test_spanish_review_and_series_choice(tmp_path, capsys):
    lib = tmp_path / "lib"
    path = write(tmp_path / "f.csv", fred_text({"IMPMX": {"2026-01": "40000"}, "EXPMX": {"2026-01": "28000"}}))
    code, out, _ = run(capsys, "update", str(path), "--library", str(lib), "--lang", "es",
                       "--series", "us-trade-mexico-monthly#1")
    assert code == 0 and "Serie us-trade-mexico-monthly#1" in out and "Aplicada como actualización" in out
    code, out, _ = run(capsys, "update", "--list", "--library", str(lib), "--json")
    [record] = json.loads(out)
    assert [s["key"] for s in record["series"]] == ["us-trade-mexico-monthly#1"]
    code, _, err = run(capsys, "update", str(path), "--library", str(lib), "--series", "nope#9")
    assert code == 2 and "no series nope#9" in err


def test_nothing_given(capsys, tmp_path):
    code, _, err = run(capsys, "update", "--library", str(tmp_path))
    assert code == 2 and "give the agency files" in err
