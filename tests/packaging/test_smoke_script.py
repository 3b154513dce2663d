"""packaging/smoke_test.py as a release engineer runs it: without pypdf (or any checker) it fails loudly
before testing anything, instead of skipping the handout's check; its usage line names the script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "packaging" / "smoke_test.py"


def _run(*args: str, hide: str | None = None) -> subprocess.CompletedProcess:
    code = ("import runpy, sys\n"
            + (f"sys.modules[{hide!r}] = None\n" if hide else "")
            + f"sys.argv = [{str(SCRIPT)!r}, *{list(args)!r}]\n"
            + f"runpy.run_path({str(SCRIPT)!r}, run_name='__main__')\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO)


def test_missing_pypdf_fails_before_anything_is_tested(tmp_path):
    app = tmp_path / "dist"
    app.mkdir()
    (app / "nap-briefing").write_text("#!/bin/sh\nexit 0\n")
    proc = _run(str(app), hide="pypdf")
    assert proc.returncode == 2
    assert "lacks pypdf" in proc.stderr and 'pip install ".[build]"' in proc.stderr
    assert "PASSED" not in proc.stdout


def test_usage_names_the_script_and_the_build_to_run(tmp_path):
    usage = _run("--help")
    assert usage.returncode == 0
    assert usage.stdout.startswith("usage: python packaging/smoke_test.py ")
    assert "--exe NAME" in usage.stdout
    missing = _run(str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert "no built app at" in missing.stderr and "run packaging/build.sh first" in missing.stderr
