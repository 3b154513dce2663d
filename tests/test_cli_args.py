"""Argument handling of `nap-desktop` (issue 12, command line): --lang anywhere, unknown words are
errors (exit 2), output names must match their kind, a missing output folder is refused (never created)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import nap_desktop.ui.app as app_module
from nap_desktop.cli import _parser, main


@pytest.fixture
def started(monkeypatch):
    """Record how the window would be started instead of running an event loop."""
    calls: list[dict] = []

    def fake_run_app(pack=None, lang=None, smoke_test=False, **_other):
        calls.append({"pack": pack, "lang": lang, "smoke_test": smoke_test})
        return 0

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    return calls


def _exit_code(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as info:
        main(argv)
    return info.value.code


def test_lang_opens_the_app_in_that_language(started):
    assert main(["--lang", "es"]) == 0
    assert started == [{"pack": None, "lang": "es", "smoke_test": False}]


def test_lang_before_or_after_a_pack(started, tmp_path):
    pack = tmp_path / "brief.napbrief"
    pack.write_text("{}", encoding="utf-8")
    assert main(["--lang", "es", str(pack)]) == 0
    assert main([str(pack), "--lang", "es"]) == 0
    assert main([str(pack), "--lang=es"]) == 0
    assert [c["pack"] for c in started] == [pack, pack, pack]
    assert [c["lang"] for c in started] == ["es", "es", "es"]


@pytest.mark.parametrize("word", ["frobnicate", "exprot", "catalgo", "missing.napbrief"])
def test_an_unknown_word_is_an_error_not_a_pack(started, capsys, word, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _exit_code([word]) == 2
    err = capsys.readouterr().err
    assert word in err
    assert started == [], "the window must not open on a mistyped command"


def test_option_values_are_not_taken_for_a_pack(started, tmp_path):
    library = tmp_path / "lib"
    library.mkdir()
    assert main(["--library", str(library), "--lang", "es"]) == 0
    assert started[-1]["pack"] is None and started[-1]["lang"] == "es"


def test_lang_before_a_sub_command_applies_to_it(capsys):
    import json

    assert main(["--lang", "es", "catalog", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["lang"] == "es"
    assert main(["--lang", "es", "catalog", "--json", "--lang", "en"]) == 0  # the nearer one wins
    assert json.loads(capsys.readouterr().out)["lang"] == "en"


def test_an_unknown_word_after_lang_is_an_error(started, capsys):
    assert _exit_code(["--lang", "es", "frobnicate"]) == 2
    assert "frobnicate" in capsys.readouterr().err
    assert started == []


@pytest.mark.parametrize("option,name,suffix", [
    ("--pptx", "a.txt", ".pptx"), ("--xlsx", "a.csv", ".xlsx"), ("--png", "a.jpg", ".png"),
    ("--svg", "a.png", ".svg"),
])
def test_export_refuses_an_output_of_the_wrong_kind(capsys, tmp_path, option, name, suffix):
    target = tmp_path / name
    argv = ["export", "--all", option, str(target)]
    if option in ("--png", "--svg"):
        argv += ["--chart", "anything"]
    assert _exit_code(argv) == 2
    err = capsys.readouterr().err
    assert f"must end with {suffix}" in err and name in err
    assert not target.exists()


def test_template_without_pptx_is_an_error(capsys, tmp_path):
    template = tmp_path / "t.pptx"
    template.write_bytes(b"")
    assert _exit_code(["export", "--all", "--xlsx", str(tmp_path / "o.xlsx"), "--template", str(template)]) == 2
    assert "--template" in capsys.readouterr().err
    assert not (tmp_path / "o.xlsx").exists()


def test_export_refuses_a_missing_output_folder_and_creates_none(tmp_path, capsys):
    target = tmp_path / "new" / "deeper" / "facts.xlsx"
    assert _exit_code(["export", "--ids", "auto-share-usmca-trade-2024", "--xlsx", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"the folder {target.parent} does not exist" in err and "create it first" in err
    assert not (tmp_path / "new").exists()


def test_export_and_screenshot_refuse_a_file_in_place_of_the_folder(tmp_path, capsys):
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    assert _exit_code(["export", "--all", "--xlsx", str(blocker / "a.xlsx")]) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert _exit_code(["screenshot", str(blocker / "a.png")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_screenshot_refuses_a_non_png_name(capsys, tmp_path):
    assert _exit_code(["screenshot", str(tmp_path / "shot.jpg")]) == 2
    assert "must end with .png" in capsys.readouterr().err


def _all_actions(parser):
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                for sub_action in _all_actions(sub):
                    yield f"{name} {sub_action[0]}", sub_action[1]
        elif not isinstance(action, argparse._HelpAction):
            yield "/".join(action.option_strings) or action.dest, action


def test_every_option_has_help_text():
    missing = [name for name, action in _all_actions(_parser()) if not (action.help or "").strip()]
    assert missing == []


def _script() -> Path:
    script = Path(sys.executable).with_name("nap-desktop")
    if not script.exists():
        pytest.skip("the nap-desktop script is not installed next to this interpreter")
    return script


def test_installed_script_lang_es_and_unknown_word(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    spanish = subprocess.run([str(_script()), "--lang", "es", "--smoke-test"], capture_output=True,
                             text=True, env=env, timeout=120)
    assert spanish.returncode == 0, spanish.stderr
    assert "interface language es" in spanish.stdout
    wrong = subprocess.run([str(_script()), "frobnicate"], capture_output=True, text=True, env=env,
                           timeout=60, cwd=tmp_path)
    assert wrong.returncode == 2
    assert "frobnicate" in wrong.stderr and "Traceback" not in wrong.stderr


def test_the_start_up_path_knows_every_sub_command():
    """Opening the window skips the sub-command parsers; the list it checks argv against is complete."""
    from nap_desktop.cli import COMMAND_NAMES, _command_names, _parser

    assert set(COMMAND_NAMES) == _command_names(_parser())
