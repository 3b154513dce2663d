"""File names from pack titles that Windows or macOS would refuse, sanitised by one function
(core/filenames.py) for the export dialog's suggested names, the command line's checks and the free name
of an export whose target is open; Windows and macOS are simulated by naming the platform."""

from __future__ import annotations

from pathlib import Path

import pytest

from nap_desktop.core.filenames import (MAX_NAME_BYTES, MAX_PATH, fit_stem, free_name, name_problem, path_problem,
                                        safe_file_stem)


@pytest.mark.parametrize("title, stem", [
    ("CON", "_CON"), ("con", "_con"), ("aux.pptx", "_aux.pptx"), ("Nul", "_Nul"), ("COM1", "_COM1"),
    ("lpt9", "_lpt9"), ("COM¹", "_COM¹"), ("CON.", "_CON"), ("PRN .briefing", "_PRN .briefing"),
    ('USMCA: "why" <it> matters?', "USMCA why it matters"), ("a/b\\c|d*e", "a b c d e"),
    ("Trade deficit ratio...", "Trade deficit ratio"), ("  spaces and dots. . ", "spaces and dots"),
    ("tab\there\nnewline", "tab here newline"), ("", "briefing"), ("???", "briefing"), ("...", "briefing"),
    ("CONSOLE review", "CONSOLE review"), ("Comercio T-MEC: ¿qué está en juego?", "Comercio T-MEC ¿qué está en juego"),
])
def test_names_windows_or_macos_refuse_are_sanitised(title, stem):
    assert safe_file_stem(title) == stem
    assert name_problem(safe_file_stem(title) + ".pptx", "win32") is None
    assert name_problem(safe_file_stem(title) + ".pptx", "darwin") is None


def test_long_titles_fit_in_255_bytes_with_room_for_the_language_and_a_number():
    for title in ("é" * 300, "a" * 300, "年" * 300, "e\u0301" * 200):
        stem = safe_file_stem(title, max_chars=400)
        name = f"{stem}-es (99).pptx"
        assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
        assert stem and not stem.endswith("e") or title != "e\u0301" * 200  # never a letter without its accent
    assert safe_file_stem("x" * 300) == "x" * 80  # the dialog's suggestion stays readable


def test_a_path_over_260_characters_is_shortened_at_a_word():
    folder = Path("/home/analyst") / ("Shared with the delegation " * 6).strip()
    stem = "USMCA joint review what is at stake for the automotive and agricultural trade of the three countries"
    fitted = fit_stem(folder, stem, ".pptx")
    full = str(folder.absolute() / f"{fitted} (2).pptx")
    assert len(full) < MAX_PATH and stem.startswith(fitted) and not fitted.endswith(" ")
    assert fit_stem(Path("/tmp"), "short", ".pptx") == "short"
    deep = Path("/" + "d" * 300)
    assert fit_stem(deep, stem, ".pptx") == stem[:8]  # nothing fits: the write will name the path


def test_what_each_platform_refuses_is_said_with_the_name_to_use():
    assert "reserves the name AUX" in name_problem("aux.pptx", "win32") and '"_aux.pptx"' in name_problem("aux.pptx", "win32")
    assert "ends in a dot or a space" in name_problem("deck.", "win32")
    assert "ends in a dot or a space" in name_problem("deck ", "win32")
    assert '< > : "' in name_problem("a:b.pptx", "win32")
    assert name_problem("a:b.pptx", "darwin").startswith('macOS does not allow ":"')
    assert name_problem("aux.pptx", "darwin") is None and name_problem("a:b.pptx", "linux") is None
    assert "longer than 255 bytes" in name_problem("é" * 200 + ".pptx", "linux")
    long_path = Path("/tmp") / ("x" * 120) / ("y" * 140 + ".pptx")
    assert "260" in path_problem(long_path, "win32") and path_problem(long_path, "linux") is None


def test_free_name_counts_up_and_keeps_the_extension(tmp_path):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"x")
    assert free_name(target) == tmp_path / "deck (2).pptx"
    (tmp_path / "deck (2).pptx").write_bytes(b"x")
    assert free_name(target) == tmp_path / "deck (3).pptx"
    long = tmp_path / ("é" * 125 + ".xlsx")
    assert free_name(long).name.endswith(" (2).xlsx") and len(free_name(long).name.encode()) <= MAX_NAME_BYTES


@pytest.mark.parametrize("platform, name, refused", [
    ("win32", "aux.pptx", "reserves the name AUX"), ("win32", "deck..pptx.", "ends in a dot"),
    ("win32", "a|b.xlsx", "does not allow"), ("darwin", "a:b.pptx", "macOS"),
    ("linux", "aux.pptx", None), ("win32", "deck.pptx", None),
])
def test_the_command_line_refuses_names_the_platform_refuses(tmp_path, monkeypatch, capsys, platform, name, refused):
    import nap_desktop.cli.outputs as outputs
    from nap_desktop.cli import main

    monkeypatch.setattr(outputs, "PLATFORM", platform)
    problem = outputs.output_path_problem(tmp_path / name)
    if refused is None:
        assert problem is None
        return
    assert refused in problem and name in problem and "nothing was written" in problem
    if not name.endswith((".pptx", ".xlsx")):
        return  # the command line first asks for the right extension
    with pytest.raises(SystemExit) as caught:
        main(["export", "--all", "--pptx" if name.endswith(".pptx") else "--xlsx", str(tmp_path / name)])
    assert caught.value.code == 2 and refused in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
