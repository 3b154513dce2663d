"""The stable command line of DESIGN.md: `catalog --json` and `--version`, from source and from the installed wheel."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from nap_desktop import __version__
from nap_desktop.cli import main
from nap_desktop.core.catalog.model import STATUSES

REQUIRED_FACT_KEYS = {"id", "section", "text_en", "text_es", "value", "unit", "period", "sources", "chart"}


def _check_catalog_json(payload: dict) -> None:
    assert set(payload) >= {"version", "facts", "charts", "datasets", "sources"}
    assert payload["facts"], "the catalog has no facts"
    ids = [f["id"] for f in payload["facts"]]
    assert len(ids) == len(set(ids))
    for fact in payload["facts"]:
        assert REQUIRED_FACT_KEYS <= set(fact), fact["id"]
        assert fact["text_en"].strip() and fact["text_es"].strip(), fact["id"]
        assert fact["value"] is None or isinstance(fact["value"], (int, float)), fact["id"]
        assert fact["sources"], fact["id"]
        for source in fact["sources"]:
            assert {"publisher", "title", "url", "status"} <= set(source)
            assert source["status"] in STATUSES


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_catalog_json_in_both_languages(capsys):
    assert main(["catalog", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    _check_catalog_json(payload)
    # without --lang: both languages, said as such, each fact with what the app shows in each
    assert payload["lang"] == "both"
    for f in payload["facts"]:
        assert set(f["resolved"]) == {"en", "es"}
        assert f["resolved"]["en"]["text"] == f["text_en"] and f["resolved"]["es"]["text"] == f["text_es"]
        assert f["resolved"]["es"]["headline"] == f["headline_es"] and f["resolved"]["en"]["title"]
    assert main(["catalog", "--json", "--lang", "es"]) == 0
    spanish = json.loads(capsys.readouterr().out)
    assert spanish["lang"] == "es"
    assert all(f["text"] == f["text_es"] for f in spanish["facts"])
    assert all(set(f["resolved"]) == {"es"} and f["resolved"]["es"]["title"] == f["title"] for f in spanish["facts"])


def test_catalog_json_fails_clearly_on_a_broken_folder(tmp_path, capsys):
    (tmp_path / "catalog.toml").write_text("version = \n", encoding="utf-8")
    assert main(["catalog", "--json", "--data", str(tmp_path)]) == 1
    assert "catalog.toml:1: malformed TOML" in capsys.readouterr().err


def _installed_script() -> Path | None:
    """The console script of a non-editable install in this interpreter's environment, if any."""
    script = Path(sysconfig.get_path("scripts")) / "nap-desktop"
    if not script.exists():
        found = shutil.which("nap-desktop")
        script = Path(found) if found else script
    return script if script.exists() else None


def test_installed_command_finds_its_data_from_any_directory(tmp_path):
    script = _installed_script()
    if script is None:
        pytest.skip("nap-desktop is not installed in this environment (run `pip install .` first)")
    env = {k: v for k, v in os.environ.items() if k not in ("NAP_DATA_DIR", "PYTHONPATH")}
    result = subprocess.run([str(script), "catalog", "--json"], capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    _check_catalog_json(json.loads(result.stdout))
    probe = subprocess.run([sys.executable, "-c", "import nap_desktop.paths as p; print(p.data_dir())"],
                           capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    if probe.returncode == 0 and "site-packages" in probe.stdout:
        assert "nap_desktop" in probe.stdout  # the wheel ships data/ inside the package
