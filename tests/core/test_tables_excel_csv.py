"""CSV files as Excel writes them on Windows and macOS, in English and European locales, imported right:
Windows-1252 ("CSV"), UTF-8 with a BOM ("CSV UTF-8"), UTF-16 with a BOM ("Unicode Text", tab-separated),
';' separators with decimal commas (confirmed, as the import asks), CRLF and old-Mac CR line ends, and
Excel's 'sep=;' first line. Written here byte for byte as Excel writes them."""

from __future__ import annotations

import pytest

from nap_desktop.cli import main
from nap_desktop.core.catalog.tables import parse_csv

ROWS_EU = [("País", "2023", "2024"), ("México", "1.234,5", "3,5"), ("Canadá", "12", ""), ("Zona €", "0,25", "7")]
EXPECTED = [[1234.5, 3.5], [12.0, None], [0.25, 7.0]]


def _excel(rows, sep: str, newline: str = "\r\n") -> str:
    return newline.join(sep.join(row) for row in rows) + newline


@pytest.mark.parametrize("encoding, bom, sep, newline", [
    ("cp1252", b"", ";", "\r\n"),             # Excel for Windows, Spanish/German/French locale: "CSV"
    ("utf-8", b"\xef\xbb\xbf", ";", "\r\n"),  # "CSV UTF-8" (Windows and macOS)
    ("utf-16-le", b"\xff\xfe", "\t", "\r\n"),  # "Unicode Text"
    ("utf-16-be", b"\xfe\xff", "\t", "\r\n"),
    ("cp1252", b"", ";", "\r"),               # an old Mac export: CR only
    ("utf-8", b"\xef\xbb\xbf", ";", "\n"),
])
def test_excel_exports_in_a_european_locale_read_right(tmp_path, encoding, bom, sep, newline):
    path = tmp_path / "table.csv"
    path.write_bytes(bom + _excel(ROWS_EU, sep, newline).encode(encoding))
    table = parse_csv(path, decimal="comma")
    assert table.problems == [], [str(p) for p in table.problems]
    assert table.categories == ["México", "Canadá", "Zona €"] and table.series == ["2023", "2024"]
    assert table.cells == EXPECTED
    unconfirmed = parse_csv(path)  # detected, and the user is asked (never read as 12345 or 35)
    assert unconfirmed.decimal_style == "comma" and unconfirmed.needs_confirmation


def test_english_locale_excel_csv_with_a_bom_and_thousands(tmp_path):
    path = tmp_path / "table.csv"
    text = _excel([("Country", "2023"), ("Mexico", '"1,234.5"'), ("Canada", "12")], ",")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    table = parse_csv(path)
    assert table.problems == [] and table.series == ["2023"]  # the BOM is not part of the first header
    assert table.categories == ["Mexico", "Canada"] and table.cells == [[1234.5], [12.0]]


def test_excels_sep_line_names_the_separator(tmp_path):
    path = tmp_path / "table.csv"
    path.write_bytes(("sep=;\r\n" + _excel(ROWS_EU, ";")).encode("cp1252"))
    table = parse_csv(path, decimal="comma")
    assert table.problems == [] and table.cells == EXPECTED and table.categories[0] == "México"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(("sep=;\r\n" + _excel([("País", "2023"), ("México", "x")], ";")).encode("cp1252"))
    assert [str(p) for p in parse_csv(bad).problems] == ["row 3, column '2023': 'x' is not a number"]  # the file's row


def test_the_import_command_takes_a_windows_1252_semicolon_file(tmp_path, capsys):
    path = tmp_path / "exportaciones.csv"
    path.write_bytes(_excel(ROWS_EU, ";").encode("cp1252"))
    library = tmp_path / "lib"
    args = ["import", str(path), "--library", str(library), "--id", "user.exportaciones", "--kind", "bar",
            "--title-en", "Exports", "--title-es", "Exportaciones", "--unit", "usd_mn",
            "--source-publisher", "INEGI", "--source-title", "Balanza comercial", "--source-url",
            "https://www.inegi.org.mx/temas/balanza/", "--source-date", "2026-04-01", "--status", "official"]
    assert main(args) == 1  # decimal commas: the command asks for --decimal comma first
    assert "--decimal comma" in capsys.readouterr().err
    assert main(args + ["--decimal", "comma"]) == 0, capsys.readouterr().err
    written = next((library / "datasets").glob("*.csv")).read_text(encoding="utf-8")
    assert "México" in written and "1234.5" in written and "Zona €" in written
