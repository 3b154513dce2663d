"""Agency files recognised by their content, the real ones and files written here, with their broken variants."""

from __future__ import annotations

from datetime import date

import pytest

from nap_desktop.core.catalog.updates.detect import read_agency_file
from nap_desktop.core.catalog.updates.files import UpdateFileError
from tests.updates.helpers import (
    ANNUAL_HEADER,
    bts_annual,
    bts_monthly,
    ers_text,
    fred_text,
    raw,
    statcan_text,
    write,
    zip_of,
)

TODAY = date(2026, 12, 7)


def read(path):
    return read_agency_file(path, TODAY)


def codes(parsed):
    return sorted({r.code for r in parsed.refused})


# --- the real files ------------------------------------------------------------------------------
def test_real_fred_impmx():
    [p] = read(raw("FRED", "IMPMX.csv"))
    assert p.format == "fred" and p.series["IMPMX"]["frequency"] == "monthly"
    assert p.rows_read == 499 and not p.refused
    assert p.series["IMPMX"]["first"] == "1985-01" and p.series["IMPMX"]["last"] == "2026-07"
    last = max(p.observations, key=lambda o: o.period)
    assert (last.period, last.value) == ("2026-07", 60549.615043)


def test_real_bts_monthly_and_annual():
    [m] = read(raw("BTS_TransBorder", "dot1_0123.csv"))
    assert m.format == "bts-dot1" and "monthly" in m.label and m.rows_read == 27837 and not m.refused
    [a] = read(raw("BTS_TransBorder", "dot1_2022.csv"))
    assert "annual" in a.label and {o.period for o in a.observations} == {"2022"}
    total = sum(o.value for o in a.observations if o.get("level") == "total")
    states = sum(o.value for o in a.observations if o.get("level") == "state")
    assert total == states  # the national total is the sum of the states and DU


def test_real_ers_files_and_the_windows_1252_one():
    [ex] = read(raw("ERS_Top5_Agricultural_Exports_by_State_FY2019-FY2024Q3.csv"))
    [im] = read(raw("ERS_Top5_Agricultural_Imports_by_State_FY2019-FY2024Q3.csv"))
    assert ex.format == im.format == "ers-top5"
    assert set(ex.series) == {"exports"} and set(im.series) == {"imports"}
    # FY2024 stops at Q3: its fiscal-year totals are marked partial (refused if a dataset would take them)
    fy24 = [o for o in ex.observations if o.period == "FY2024"]
    assert fy24 and all(o.flag.startswith("partial_year:Q1, Q2, Q3") for o in fy24)
    [food] = read(raw("ERS_US_Food_Imports_1999-2024_cp1252.csv"))
    assert food.format == "ers-food-imports" and food.source.encoding == "Windows-1252"
    assert any("CÔTE" in o.get("country") or "COTE D’IVOIRE" == o.get("country") for o in food.observations)


def test_the_processed_copy_is_not_an_agency_file():
    with pytest.raises(UpdateFileError) as exc:
        read(raw("BTS_TransBorder_UNT_us_state_trade_1993-2025.csv"))
    assert exc.value.code == "unknown_format"
    message = exc.value.message
    assert "Year,StateCode,State" in message and "FRED" in message and "BTS TransBorder dot1" in message
    assert "Statistics Canada" in message and "Nothing was changed" in message


# --- FRED ----------------------------------------------------------------------------------------------
def test_fred_headers_several_series_and_gaps(tmp_path):
    text = fred_text({"IMPMX": {"2026-01": "40000.5", "2026-02": "."}, "EXPMX": {"2026-01": "28000", "2026-02": "29000"}},
                     header="DATE")
    [p] = read(write(tmp_path / "fredgraph.csv", text))
    assert set(p.series) == {"IMPMX", "EXPMX"}
    assert any("older FRED header DATE" in n for n in p.notes)
    assert [r.code for r in p.refused] == ["missing"] and "IMPMX 2026-02" in p.refused[0].reason
    assert len(p.observations) == 3


@pytest.mark.parametrize("newline,bom", [("\n", False), ("\r\n", False), ("\r\n", True)])
def test_fred_line_ends_and_bom(tmp_path, newline, bom):
    [p] = read(write(tmp_path / "x.csv", fred_text({"IMPMX": {"2026-01": "1.5", "2026-02": "2.5"}}), newline=newline,
                     bom=bom))
    assert [o.value for o in sorted(p.observations, key=lambda o: o.period)] == [1.5, 2.5] and not p.refused


def test_fred_truncated_duplicated_and_broken_rows(tmp_path):
    text = ("observation_date,IMPMX\n2026-01-01,40000.123456\n2026-02-01,41000.123456\n2026-02-01,41000.123456\n"
            "2026-03-01,42000.123456\n2026-03-01,43000.000000\n2026-13-01,1.0\n2026-04-01,abc\n2027-01-01,5.000000\n"
            "2026-05-01,605")  # cut mid-value, no line end
    [p] = read(write(tmp_path / "IMPMX.csv", text))
    assert codes(p) == ["bad_period", "bad_value", "duplicate", "duplicate_conflict", "future", "truncated"]
    assert {o.period for o in p.observations} == {"2026-01", "2026-02"}  # both March values refused


def test_fred_units_transformation_is_not_the_series(tmp_path):
    [p] = read(write(tmp_path / "x.csv", "observation_date,IMPMX_PCH\n2026-01-01,1.2\n"))
    assert p.series["IMPMX_PCH"]["transform"] == "percent change"


def test_fred_quarterly_download(tmp_path):
    [p] = read(write(tmp_path / "x.csv", "observation_date,IMPMX\n2025-01-01,1\n2025-04-01,2\n2025-07-01,3\n"))
    assert p.series["IMPMX"]["frequency"] == "quarterly" and {o.period for o in p.observations} == {"2025Q1", "2025Q2", "2025Q3"}


# --- BTS ------------------------------------------------------------------------------------------------
ROWS = [(1, "TX", 5, "NL", "", 2010, 100), (1, "TX", 6, "NL", "", 2010, 50), (2, "TX", 5, "", "", 2010, 70),
        (1, "MI", 5, "", "XO", 1220, 30), (1, "DU", 1, "OT", "", 2010, 5)]


def test_bts_monthly_sums_by_state_mode_destination(tmp_path):
    [p] = read(write(tmp_path / "dot1_0124.csv", bts_monthly(ROWS, 1)))
    got = {(o.get("level"), o.get("flow"), o.get("partner"), o.get("state"), o.get("mode"), o.get("dest")): o.value
           for o in p.observations}
    assert got[("state", "exports", "MX", "TX", "", "")] == 150
    assert got[("total", "exports", "MX", "US", "", "")] == 155
    assert got[("mode", "exports", "MX", "TX", "rail", "")] == 50
    assert got[("dest", "exports", "CA", "MI", "", "XO")] == 30
    assert {o.period for o in p.observations} == {"2024-01"}


def test_bts_in_a_zip_and_the_annual_layout(tmp_path):
    z = zip_of(tmp_path / "TransBorder.zip", {"dot1_0124.csv": bts_monthly(ROWS, 1), "readme.pdf": b"%PDF-1.4"})
    [p] = read(z)
    assert p.name == "TransBorder.zip:dot1_0124.csv"
    [a] = read(write(tmp_path / "annual.csv", bts_annual(ROWS), newline="\n"))
    assert {o.period for o in a.observations} == {"2022"}


def test_bts_broken_variants(tmp_path):
    text = bts_monthly(ROWS, 1) + "1,TX,2304,5,NL,,2010,abc,0,0,1,X,01,2024\r\n1,TX,2304,5,NL,,9999,1,0,0,1,X,01,2024\r\n1,TX,2304,5"
    [p] = read(write(tmp_path / "dot1.csv", text, newline="\n"))
    assert codes(p) == ["bad_code", "bad_value", "truncated"]
    wrong = ANNUAL_HEADER.replace("VALUE,", "AMOUNT,")
    with pytest.raises(UpdateFileError) as exc:
        read(write(tmp_path / "edited.csv", wrong + "\n1,TX,2304,5,NL,,2010,1,X,2022,100,0,0\n"))
    assert exc.value.code == "missing_columns" and "VALUE" in exc.value.message and "BTS" in exc.value.message


def test_a_damaged_zip_and_a_zip_without_csv(tmp_path):
    good = zip_of(tmp_path / "good.zip", {"dot1_0124.csv": bts_monthly(ROWS, 1)})
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[:60])
    with pytest.raises(UpdateFileError) as exc:
        read(cut)
    assert exc.value.code == "bad_zip"
    with pytest.raises(UpdateFileError) as exc:
        read(zip_of(tmp_path / "pics.zip", {"a.png": b"\x89PNG"}))
    assert exc.value.code == "zip_no_csv"
    with pytest.raises(UpdateFileError) as exc:
        read(zip_of(tmp_path / "book.xlsx", {"[Content_Types].xml": "<Types/>"}))
    assert exc.value.code == "office"


# --- ERS ------------------------------------------------------------------------------------------------
def test_ers_windows_1252_and_bom_and_partial_years(tmp_path):
    rows = [("TX", 2025, "Mexico", "Café, té y especias", 2_000_000, q) for q in (1, 2, 3, 4)]
    rows += [("TX", 2025, "Mexico", "Café, té y especias", 8_000_000, 0), ("TX", 2026, "Mexico", "Corn", 1_000_000, 1),
             ("TX", 2026, "Mexico", "Corn", 1_000_000, 0)]
    for name, kwargs in (("cp1252", {"encoding": "cp1252"}), ("bom", {"bom": True}), ("crlf", {"newline": "\r\n"})):
        [p] = read(write(tmp_path / f"{name}.csv", ers_text(rows), **kwargs))
        assert p.format == "ers-top5"
        total = next(o for o in p.observations if o.period == "FY2025")
        assert total.get("commodity") == "caf-t-y-especias" and total.get("commodity_name") == "Café, té y especias"
        assert total.value == 8_000_000 and not total.flag
        partial = next(o for o in p.observations if o.period == "FY2026")
        assert partial.flag == "partial_year:Q1"
    [p] = read(write(tmp_path / "cp.csv", ers_text(rows), encoding="cp1252"))
    assert p.source.encoding == "Windows-1252"


# --- Statistics Canada ----------------------------------------------------------------------------------
def test_statcan_full_table_symbols_and_scalar_factor(tmp_path):
    rows = [("2026-03", "United States", "9.5", ""), ("2026-04", "United States", "", ".."),
            ("2026-05", "United States", "", "x"), ("2026-06", "United States", "", "F"),
            ("2026-07", "United States", "1.2", "E")]
    [p] = read(write(tmp_path / "12100011.csv", statcan_text(rows), bom=True))
    assert p.format == "statcan" and "12-10-0011" in p.label
    values = {o.period: o for o in p.observations}
    assert values["2026-03"].value == 9.5e6 and values["2026-03"].unit == "cad"  # millions of dollars
    assert values["2026-07"].flag.startswith("E: use with caution")
    assert sorted(r.params.get("status") for r in p.refused) == ["..", "F", "x"]
    [t] = read(write(tmp_path / "thousands.csv", statcan_text(rows[:1], ("thousands", 3)), bom=True))
    assert t.observations[0].value == 9500.0


def test_statcan_zip_skips_the_metadata(tmp_path):
    z = zip_of(tmp_path / "12100011-eng.zip", {"12100011.csv": "\ufeff" + statcan_text([("2026-03", "United States", "1", "")]),
                                                "12100011_MetaData.csv": "Cube Title,Table\n"})
    [p] = read(z)
    assert p.name.endswith("12100011.csv") and p.observations[0].period == "2026-03"


# --- anything else --------------------------------------------------------------------------------------
@pytest.mark.parametrize("content,code", [
    (b"name,comment\nfoo,bar\n", "unknown_format"),
    (b"<!DOCTYPE html><html><body>FRED</body></html>", "html"),
    (b"%PDF-1.7 ...", "binary"),
    (b"", "empty"),
])
def test_other_files_get_a_clear_message(tmp_path, content, code):
    path = tmp_path / "download.csv"
    path.write_bytes(content)
    with pytest.raises(UpdateFileError) as exc:
        read(path)
    assert exc.value.code == code


def test_a_folder_and_a_missing_file(tmp_path):
    with pytest.raises(UpdateFileError) as exc:
        read(tmp_path)
    assert exc.value.code == "folder"
    with pytest.raises(UpdateFileError) as exc:
        read(tmp_path / "nope.csv")
    assert exc.value.code == "missing"
