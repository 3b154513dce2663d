"""`nap-desktop data check` on broken copies of data/ (issue 13): never a traceback, every problem as
FILE:LINE (or FILE [KEY]) with the root cause first and its follow-on errors folded into it,
everything on stdout, exit 1."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from nap_desktop.cli import main
from nap_desktop.paths import data_dir


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(data_dir(), dest)
    return dest


@pytest.fixture
def data(tmp_path, pristine) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(pristine, dest)
    return dest


def _check(folder: Path, capsys) -> tuple[int, list[str], str]:
    code = main(["data", "check", str(folder)])
    out, err = capsys.readouterr()
    lines = [line for line in out.splitlines() if line.strip()]
    return code, lines, err


@pytest.fixture(scope="module")
def baseline(pristine) -> set[str]:
    """Problems the unbroken copy already has (none once data/ is clean), by their text."""
    from nap_desktop.core.catalog.loader import load_catalog_with_problems

    _, problems = load_catalog_with_problems(pristine)
    return {str(p).replace(str(pristine), "<root>") for p in problems}


def _new_problems(lines: list[str], folder: Path, baseline: set[str]) -> list[str]:
    body = [line for line in lines if not re.match(r"^[\d,]+ problems? found in ", line)]
    return [line for line in body if line.replace(str(folder), "<root>") not in baseline]


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in {path}")


# --- the breakages of the audit, each with the exact place the check must name --------------------

def test_unclosed_csv_quote(data, capsys, baseline):
    csv_path = data / "datasets" / "us-goods-trade-partners.csv"
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("MX,", '"MX,', 1)
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = _check(data, capsys)
    assert code == 1 and "Traceback" not in err + "\n".join(out)
    new = _new_problems(out, data, baseline)
    assert new and new[0].startswith("datasets/us-goods-trade-partners.csv:3: "), new
    assert "quote" in new[0]


def test_non_utf8_tile_layout(data, capsys, baseline):
    path = data / "layouts" / "us_tile_grid.csv"
    raw = path.read_bytes().replace(b"Alaska", b"Al\xe1ska", 1)
    path.write_bytes(raw)
    code, out, err = _check(data, capsys)
    assert code == 1 and not err
    new = _new_problems(out, data, baseline)
    assert len(new) == 1, new  # the tile map that needs the layout is a follow-on, folded into it
    assert new[0].startswith("layouts/us_tile_grid.csv:2: unreadable encoding: not UTF-8 (byte 0xe1)")


def test_section_order_is_not_a_number(data, capsys, baseline):
    _replace(data / "catalog.toml", "order = 1", 'order = "first"')
    code, out, err = _check(data, capsys)
    assert code == 1 and not err
    new = _new_problems(out, data, baseline)
    assert new == ["catalog.toml:8: section usmca: order 'first' must be a whole number"]


def test_highlight_is_not_a_list(data, capsys, baseline):
    path = data / "charts" / "autos.toml"
    _replace(path, 'highlight = ["NA", "CA", "US", "MX"]', "highlight = 5")
    line = _line_of(path, "highlight = 5")
    code, out, err = _check(data, capsys)
    assert code == 1 and not err
    new = _new_problems(out, data, baseline)
    assert new == [f"charts/autos.toml:{line}: chart auto-production-change-3q2025: highlight must be a list of categories"]


def test_a_string_where_a_list_belongs(data, capsys, baseline):
    path = data / "facts" / "usmca.toml"
    _replace(path, 'countries = ["US", "MX", "CA"]', 'countries = "US"')
    _replace(path, 'sources = ["nap-2026"]', 'sources = "nap-2026"')
    countries, sources = _line_of(path, 'countries = "US"'), _line_of(path, 'sources = "nap-2026"')
    code, out, err = _check(data, capsys)
    assert code == 1 and not err
    new = _new_problems(out, data, baseline)
    assert new == [
        f"facts/usmca.toml:{countries}: fact usmca-trade-trilateral-20y: countries must be a list of codes",
        f"facts/usmca.toml:{sources}: fact usmca-trade-trilateral-20y: sources must be a list of source ids",
    ]


def test_a_folder_named_like_a_toml_file(data, capsys, baseline):
    (data / "facts" / "more.toml").mkdir()
    code, out, err = _check(data, capsys)
    assert code == 1 and not err
    assert _new_problems(out, data, baseline) == ["facts/more.toml: a folder where a file belongs"]


def test_deep_toml_nesting(data, capsys, baseline):
    path = data / "facts" / "deep.toml"
    path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    code, out, err = _check(data, capsys)
    assert code == 1 and not err
    new = _new_problems(out, data, baseline)
    assert len(new) == 1 and new[0].startswith("facts/deep.toml:1: "), new
    assert "nested too deeply" in new[0]


def test_one_toml_typo_is_one_problem(data, capsys, baseline):
    """A typo in a sources file: its sources vanish, so every fact citing them would fail too;
    those follow-on errors are folded into the one root cause."""
    path = data / "sources" / "report.toml"
    text = path.read_text(encoding="utf-8")
    first = text.index("status = ")
    path.write_text(text[:first] + "status = report\n" + text[text.index("\n", first) + 1:], encoding="utf-8")
    line = text[:first].count("\n") + 1
    code, out, err = _check(data, capsys)
    assert code == 1 and not err
    new = _new_problems(out, data, baseline)
    assert len(new) == 1, new
    assert new[0].startswith(f"sources/report.toml:{line}: malformed TOML: ")
    assert re.search(r"\d+ follow-on problem", new[0])


# --- ~50 breakages: never a traceback, always exit 1 -------------------------------------------

def _mutations() -> list[tuple[str, Callable[[Path], None]]]:
    def write(rel: str, text: str | bytes):
        def go(root: Path):
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                target.write_bytes(text)
            else:
                target.write_text(text, encoding="utf-8")
        return go

    def sub(rel: str, old: str, new: str):
        return lambda root: _replace(root / rel, old, new)

    def remove(rel: str):
        def go(root: Path):
            target = root / rel
            shutil.rmtree(target) if target.is_dir() else target.unlink()
        return go

    def mkdir(rel: str):
        return lambda root: (root / rel).mkdir(parents=True)

    chart = "charts/autos.toml"
    fact = "facts/usmca.toml"
    ds = "datasets/us-goods-trade-partners"
    return [
        ("empty catalog.toml", write("catalog.toml", "")),
        ("catalog.toml binary", write("catalog.toml", b"\x00\xff\xfe" * 50)),
        ("catalog.toml folder", lambda r: ((r / "catalog.toml").unlink(), (r / "catalog.toml").mkdir())),
        ("no catalog.toml", remove("catalog.toml")),
        ("section as table", write("catalog.toml", 'version = "1"\n[section]\nid = "x"\n')),
        ("section is a string", write("catalog.toml", 'version = "1"\nsection = "x"\n')),
        ("version a number", sub("catalog.toml", 'version = "2026.04.1"', "version = 5")),
        ("order a string", sub("catalog.toml", "order = 1", 'order = "first"')),
        ("order a float", sub("catalog.toml", "order = 1", "order = 1.5")),
        ("order a list", sub("catalog.toml", "order = 1", "order = [1]")),
        ("color a number", sub("catalog.toml", 'color = "#1f5fa8"', "color = 7")),
        ("section id a list", sub("catalog.toml", 'id = "usmca"', 'id = ["usmca"]')),
        ("title a table", sub("catalog.toml", 'title_en = "USMCA fast facts"', "title_en = { a = 1 }")),
        ("sources folder is a file", lambda r: (shutil.rmtree(r / "sources"), (r / "sources").write_text("x"))),
        ("source toml a folder", mkdir("sources/zz.toml")),
        ("source status a number", sub("sources/agencies.toml", 'status = "report"', "status = 3")),
        ("source url a list", sub("sources/agencies.toml", "url = ", "url = [1] #")),
        ("source id a table", sub("sources/agencies.toml", 'id = "ustr"', "id = { x = 1 }")),
        ("source TOML typo", sub("sources/agencies.toml", 'status = "report"', "status = report")),
        ("sources non-utf8", write("sources/bad.toml", b'[[source]]\nid = "\xe9"\n')),
        ("fact countries string", sub(fact, 'countries = ["US", "MX", "CA"]', 'countries = "US"')),
        ("fact sources string", sub(fact, 'sources = ["nap-2026"]', 'sources = "nap-2026"')),
        ("fact sources list of tables", sub(fact, 'sources = ["nap-2026"]', "sources = [{ a = 1 }]")),
        ("fact countries list of lists", sub(fact, 'countries = ["US", "MX", "CA"]', 'countries = [["US"]]')),
        ("fact section a list", lambda r: _replace(r / fact, 'section = "usmca"', 'section = ["usmca"]')),
        ("fact value a string", sub(fact, "value = ", 'value = "x" #')),
        ("fact value huge", sub(fact, "value = ", "value = 1e400 #")),
        ("fact decimals a string", lambda r: _replace(r / fact, "[[fact]]", '[[fact]]\ndecimals = "2"')),
        ("fact unit a list", sub(fact, "unit = ", "unit = [1] #")),
        ("fact qualifier a list", lambda r: _replace(r / fact, "[[fact]]", "[[fact]]\nqualifier = [1]")),
        ("fact text a number", sub(fact, "text_en = ", "text_en = 5 #")),
        ("fact as table", write("facts/zz.toml", '[fact]\nid = "zz"\n')),
        ("deep nesting", write("facts/deep.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n")),
        ("deep inline tables", write("facts/deep2.toml", "x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n")),
        ("fact toml folder", mkdir("facts/more.toml")),
        ("fact TOML typo", sub(fact, "[[fact]]", "[[fact]")),
        ("dataset toml a folder", mkdir("datasets/zz.toml")),
        ("dataset csv a folder", lambda r: ((r / f"{ds}.csv").unlink(), (r / f"{ds}.csv").mkdir())),
        ("csv unclosed quote", sub(f"{ds}.csv", "MX,exports,2024", '"MX,exports,2024')),
        ("csv value not a number", sub(f"{ds}.csv", "MX,exports,2024,334,", "MX,exports,2024,3x4,")),
        ("csv non-utf8", lambda r: (r / f"{ds}.csv").write_bytes((r / f"{ds}.csv").read_bytes() + b"\xff\n")),
        ("csv empty", write(f"{ds}.csv", "")),
        ("csv huge field", write(f"{ds}.csv", "category,series,period,value\n" + "x" * 200_000 + ",a,b,1\n")),
        ("dataset labels a string", sub(f"{ds}.toml", "category_labels = {", 'category_labels = "x"\nzz_labels = {')),
        ("dataset unit a list", sub(f"{ds}.toml", 'unit = "usd_bn"', "unit = [1]")),
        ("dataset id mismatch", lambda r: _replace(r / f"{ds}.toml", "[dataset]", '[dataset]\nid = 5')),
        ("dataset block a list", write("datasets/zz.toml", "[[dataset]]\nid = 'zz'\n")),
        ("chart highlight a number", sub(chart, 'highlight = ["NA", "CA", "US", "MX"]', "highlight = 5")),
        ("chart where a string", sub(chart, 'where = { period = "3Q2025" }', 'where = "3Q2025"')),
        ("chart colors a list", sub(chart, "colors = {", "colors = [1]\nzz = {")),
        ("chart categories a string", sub(chart, 'categories = ["NA", "CA", "US", "MX"]', 'categories = "NA"')),
        ("chart categories of numbers", sub(chart, 'categories = ["NA", "CA", "US", "MX"]', "categories = [1, 2]")),
        ("chart facts a string", lambda r: _replace(r / chart, "facts = [", 'facts = "x"\nzz = [')),
        ("chart gap_reasons a list", sub(chart, "gap_reasons = {", "gap_reasons = [1]\nzz = {")),
        ("chart compute_args a string", lambda r: _replace(r / chart, 'compute_args = { over', 'compute_args = "x"\nzz = { over')),
        ("chart kind a list", sub(chart, 'kind = "diverging"', "kind = [1]")),
        ("chart dataset a table", sub(chart, 'dataset = "vehicle-production-change"', "dataset = { a = 1 }")),
        ("charts folder a file", lambda r: (shutil.rmtree(r / "charts"), (r / "charts").write_text("x"))),
        ("checks.toml a folder", lambda r: ((r / "checks.toml").unlink(), (r / "checks.toml").mkdir())),
        ("checks typo", sub("checks.toml", "[[check]]", "[[check]")),
        ("check fields wrong type", sub("checks.toml", 'period = "2025"', "period = [2025]")),
        ("layout missing", remove("layouts/us_tile_grid.csv")),
        ("layout non-utf8", lambda r: (r / "layouts/us_tile_grid.csv").write_bytes(b"state,name,row,col\nAK,\xe1,0,0\n")),
        ("layout unclosed quote", sub("layouts/us_tile_grid.csv", "AK,Alaska", 'AK,"Alaska')),
        ("layout a folder", lambda r: ((r / "layouts/us_tile_grid.csv").unlink(), (r / "layouts/us_tile_grid.csv").mkdir())),
    ]


MUTATIONS = _mutations()


def test_fifty_breakages_never_end_in_a_traceback(pristine, tmp_path, capsys):
    assert len(MUTATIONS) >= 50
    failures = []
    for i, (name, mutate) in enumerate(MUTATIONS):
        folder = tmp_path / f"b{i}"
        shutil.copytree(pristine, folder)
        mutate(folder)
        try:
            code = main(["data", "check", str(folder)])
        except BaseException as exc:  # noqa: BLE001 - the point is that nothing escapes
            failures.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        out, err = capsys.readouterr()
        if code != 1 or "Traceback" in out + err or err.strip():
            failures.append(f"{name}: exit {code}, stderr {err[:200]!r}")
            continue
        body = [line for line in out.splitlines() if line.strip() and not re.match(r"^\d+ problem", line)]
        bad = [line for line in body if not re.match(r"^[^\s:][^:]*(:\d+)?( \[[^\]]+\])?: \S", line)]
        if not body or bad:
            failures.append(f"{name}: output not FILE:LINE: {bad[:2] or out[:200]!r}")
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("name,expected_start", [
    ("catalog.toml folder", "catalog.toml: a folder where a file belongs (fix this first: "),
    ("empty catalog.toml", "catalog.toml:1: no [[section]] blocks"),
    ("section id a list", "catalog.toml:6: section without an 'id' (fix this first: "),
    ("dataset csv a folder", "datasets/us-goods-trade-partners.csv: a folder where a file belongs (fix this first: "),
    ("csv unclosed quote", "datasets/us-goods-trade-partners.csv:2: unclosed quote: the quoted field that starts on line 2"),
    ("layout unclosed quote", "layouts/us_tile_grid.csv:2: unclosed quote"),
    ("layout a folder", "layouts/us_tile_grid.csv: a folder where a file belongs"),
    ("source TOML typo", "sources/agencies.toml:11: malformed TOML: "),
])
def test_a_root_cause_comes_first_with_its_follow_ons_folded(name, expected_start, pristine, tmp_path, capsys, baseline):
    mutate = dict(MUTATIONS)[name]
    folder = tmp_path / "data"
    shutil.copytree(pristine, folder)
    mutate(folder)
    code, out, err = _check(folder, capsys)
    assert code == 1 and not err
    new = _new_problems(out, folder, baseline)
    assert new[0].startswith(expected_start), new[:3]
    assert len(new) <= 2, new  # the root cause (and at most one independent problem), never a cascade
