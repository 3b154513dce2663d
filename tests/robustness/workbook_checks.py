"""What a workbook we wrote must never hold: a formula or a link made of user text, a chart name read as a
reference, a reference that is not to one of its own cells, a header or footer over Excel's cap.

``workbook_problems(xlsx_bytes)`` checks one .xlsx (ours, or a chart sheet embedded in a deck);
``deck_problems(pptx_path)`` checks every workbook embedded in a deck. Each returns what it found,
as sentences (empty = clean)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

# A reference to cells of a sheet: 'It''s'!$A$1, Sheet1!$B$2:$B$9 (what our charts and defined names use).
# Unquoted: word characters of any script and "." (Excel's rule, as XlsxWriter's quote_sheetname applies it:
# a sheet named "¹" or "Año" is written unquoted, and Excel reads it so).
_SHEET = r"(?:'(?:[^']|'')+'|[\w.]+)"
_CELL = r"\$[A-Z]{1,3}\$[0-9]{1,7}"
CELL_REF = re.compile(rf"^{_SHEET}!{_CELL}(?::{_CELL})?$")
DEFINED = re.compile(rf"^(?:{_SHEET}!{_CELL}(?::{_CELL})?|{_SHEET}!\$[0-9]+:\$[0-9]+)(?:,{_SHEET}!{_CELL}(?::{_CELL})?)*$")


def _xml_unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
            .replace("&amp;", "&"))


def workbook_problems(data: bytes, where: str = "workbook") -> list[str]:
    problems: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if not name.endswith(".xml") and not name.endswith(".rels"):
                continue
            text = z.read(name).decode("utf-8", "replace")
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                for f in re.findall(r"<f(?: [^>]*)?>(.*?)</f>", text, re.S):
                    problems.append(f"{where}:{name}: a formula {f[:60]!r}")
                for part in re.findall(r"<(odd|even|first)(Header|Footer)>(.*?)</\1\2>", text, re.S):
                    shown = _xml_unescape(part[2])
                    if len(shown) > 255:
                        problems.append(f"{where}:{name}: a {part[1].lower()} of {len(shown)} characters (over 255)")
            if name.startswith("xl/worksheets/_rels/"):
                for target in re.findall(r'TargetMode="External"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*TargetMode="External"', text):
                    url = _xml_unescape(target[0] or target[1])
                    if not url.startswith(("http://", "https://")):
                        problems.append(f"{where}:{name}: a link to {url[:60]!r}")
            if name.startswith("xl/charts/"):
                for f in re.findall(r"<c:f>(.*?)</c:f>", text, re.S):
                    ref = _xml_unescape(f)
                    if not CELL_REF.match(ref):
                        problems.append(f"{where}:{name}: a chart reference that is not a cell range: {ref[:60]!r}")
            if name == "xl/workbook.xml":
                for dn in re.findall(r"<definedName [^>]*>(.*?)</definedName>", text, re.S):
                    ref = _xml_unescape(dn)
                    if not DEFINED.match(ref):
                        problems.append(f"{where}: a defined name that is not a cell range: {ref[:60]!r}")
                for sheet in re.findall(r'<sheet name="([^"]*)"', text):
                    shown = _xml_unescape(sheet)
                    units = len(shown) + sum(1 for ch in shown if ord(ch) > 0xFFFF)
                    if units > 31 or not shown or shown[0] == "'" or shown[-1] == "'" or re.search(r"[\[\]:*?/\\]", shown):
                        problems.append(f"{where}: a sheet name Excel refuses: {shown!r}")
    return problems


def embedded_workbooks(pptx: Path | str) -> dict[str, bytes]:
    with zipfile.ZipFile(pptx) as z:
        return {n: z.read(n) for n in z.namelist() if n.endswith(".xlsx")}


def deck_problems(pptx: Path | str) -> list[str]:
    problems: list[str] = []
    for name, data in embedded_workbooks(pptx).items():
        problems += workbook_problems(data, name)
    return problems


def sheet_strings(data: bytes) -> list[str]:
    """Every string a workbook's cells hold (shared and inline), unescaped."""
    out: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name == "xl/sharedStrings.xml" or (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                text = z.read(name).decode("utf-8", "replace")
                out += [_xml_unescape(t) for t in re.findall(r"<t(?: [^>]*)?>(.*?)</t>", text, re.S)]
    return out
