"""`nap-desktop brief` and `pack new --state` as a user runs them (subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "nap_desktop", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=120)


def test_brief_list_names_the_51():
    out = _run("brief", "--list", "--lang", "es")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 51 and "NM\tNuevo México" in lines and "NC\tCarolina del Norte" in lines


def test_an_unknown_state_exits_2_and_suggests(tmp_path):
    out = _run("brief", "Texsa", "--pdf", str(tmp_path / "x.pdf"))
    assert out.returncode == 2
    assert "Texas" in out.stderr and "brief --list" in out.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_a_spanish_name_without_accents_writes_every_output(tmp_path):
    files = {k: tmp_path / f"b.{k}" for k in ("pptx", "xlsx", "pdf")}
    out = _run("brief", "nuevo mexico", "--lang", "es", "--pptx", str(files["pptx"]), "--xlsx", str(files["xlsx"]),
               "--pdf", str(files["pdf"]), "--paper", "a4", "--bundle", str(tmp_path / "b.zip"))
    assert out.returncode == 0, out.stderr
    assert all(p.stat().st_size > 1000 for p in files.values())
    with zipfile.ZipFile(tmp_path / "b.zip") as bundle:
        names = bundle.namelist()
    assert any(n.endswith(".pptx") for n in names) and "manifest.json" in names


def test_paper_without_a_handout_is_refused(tmp_path):
    out = _run("brief", "TX", "--pptx", str(tmp_path / "d.pptx"), "--paper", "a4")
    assert out.returncode == 2 and "--paper" in out.stderr


def test_pack_new_state_writes_a_pack_that_exports_without_the_state_items(tmp_path):
    pack = tmp_path / "ia.napbrief"
    out = _run("pack", "new", str(pack), "--state", "Iowa")
    assert out.returncode == 0, out.stderr
    data = json.loads(pack.read_text(encoding="utf-8"))
    assert data["state"] == "IA" and all("copy" in i for i in data["items"] if i["kind"] in ("fact", "chart"))
    deck = tmp_path / "ia.pptx"
    out = _run("export", str(pack), "--pptx", str(deck), "--strict")
    assert out.returncode == 0, out.stderr
    from pptx import Presentation

    assert 5 <= len(Presentation(str(deck)).slides) <= 8
