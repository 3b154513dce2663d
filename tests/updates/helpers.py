"""Shared by the update tests: the real agency files (skipped with a reason when ../shared is absent),
writers of small files in each format, and a fingerprint of data/ to prove it is never written."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
RAW = REPO.parent / "shared" / "reference-data" / "raw"


def raw(*parts: str) -> Path:
    path = RAW.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"the agency's real file is not here ({path}): ../shared/reference-data is absent")
    return path


def data_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(DATA.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(DATA).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def write(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n", bom: bool = False) -> Path:
    data = text.replace("\n", newline).encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def fred_text(series: dict[str, dict[str, str]], header: str = "observation_date") -> str:
    """FRED's Download CSV: one date column, one column per series ('.' where a series has no value)."""
    dates = sorted({d for values in series.values() for d in values})
    lines = [",".join([header, *series])]
    for d in dates:
        lines.append(",".join([f"{d}-01", *(series[s].get(d, ".") for s in series)]))
    return "\n".join(lines) + "\n"


MONTHLY_HEADER = "TRDTYPE,USASTATE,DEPE,DISAGMOT,MEXSTATE,CANPROV,COUNTRY,VALUE,SHIPWT,FREIGHT_CHARGES,DF,CONTCODE,MONTH,YEAR"
ANNUAL_HEADER = "TRDTYPE,USASTATE,DEPE,DISAGMOT,MEXSTATE,CANPROV,COUNTRY,DF,CONTCODE,YEAR,VALUE,SHIPWT,FREIGHT_CHARGES"


def bts_monthly(rows: list[tuple], month: int, year: int = 2024) -> str:
    """rows: (flow 1/2, state, mode, mexstate, canprov, country 2010/1220, value)."""
    lines = [MONTHLY_HEADER]
    for flow, state, mode, mx, ca, country, value in rows:
        lines.append(f"{flow},{state},2304,{mode},{mx},{ca},{country},{value},0,0,1,X,{month:02d},{year}")
    return "\r\n".join(lines) + "\r\n"


def bts_annual(rows: list[tuple], year: int = 2022) -> str:
    lines = [ANNUAL_HEADER]
    for flow, state, mode, mx, ca, country, value in rows:
        lines.append(f"{flow},{state},2304,{mode},{mx},{ca},{country},1,X,{year},{value},0,0")
    return "\r\n".join(lines) + "\r\n"


ERS_HEADER = "State,Fiscal year,Country,Commodity name,Dollar value,Fiscal quarter,Trade type,Fiscal quarter description"


def ers_text(rows: list[tuple], trade: str = "Exports") -> str:
    """rows: (state, fiscal year, country, commodity, dollars, quarter 0-4)."""
    lines = [ERS_HEADER]
    for state, year, country, commodity, dollars, quarter in rows:
        desc = "Fiscal Year Total" if quarter == 0 else f"Fiscal Quarter {quarter}"
        name = f'"{commodity}"' if "," in commodity else commodity
        lines.append(f"{state},{year},{country},{name},{dollars},{quarter},{trade},{desc}")
    return "\n".join(lines) + "\n"


STATCAN_HEADER = ('"REF_DATE","GEO","DGUID","Trade","Basis","Seasonal adjustment","Principal trading partners",'
                  '"UOM","UOM_ID","SCALAR_FACTOR","SCALAR_ID","VECTOR","COORDINATE","VALUE","STATUS","SYMBOL",'
                  '"TERMINATED","DECIMALS"')


def statcan_text(rows: list[tuple], scalar: tuple[str, int] = ("millions", 6)) -> str:
    """rows: (ref_date, partner, value text, status); balance of payments, seasonally adjusted."""
    lines = [STATCAN_HEADER]
    for ref, partner, value, status in rows:
        lines.append(f'"{ref}","Canada","2016A000011124","Trade Balance","Balance of payments",'
                     f'"Seasonally adjusted","{partner}","Dollars","81","{scalar[0]}","{scalar[1]}","v1001",'
                     f'"1.3.2.1","{value}","{status}","","","1"')
    return "\r\n".join(lines) + "\r\n"


def zip_of(path: Path, members: dict[str, bytes | str]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    path.write_bytes(buffer.getvalue())
    return path
