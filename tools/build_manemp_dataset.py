"""Write data/datasets/us-manufacturing-employment.csv from the reference data, never by hand.

Reads ``../shared/reference-data/official_copies_2023_2026.csv`` (see its NOTES-official-copies.md),
keeps the FRED MANEMP rows of ONE copy (one repository path at one commit = one vintage), and writes
them as dataset rows with their source and status:

- status: the notes map ``official_machine_copy`` (a FRED API mirror committed by a bot) to
  ``secondary``; the source ``ref-fred-manemp-github`` says where the copy was read;
- the value exactly as the copy gives it (no rounding, no filling: a missing month stays missing);
- a note on the months the copy calls preliminary (the latest two).

Usage: .venv/bin/python tools/build_manemp_dataset.py [--check]
(--check: exit 1 if the CSV in data/ differs from what the reference data give.)
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT.parent / "shared" / "reference-data" / "official_copies_2023_2026.csv"
OUT = ROOT / "data" / "datasets" / "us-manufacturing-employment.csv"

SERIES_PREFIX = "MANEMP - "
#: the one copy (vintage) the line is drawn from
LOCATION = "github LeopoldN/liberalmarkets data/MANEMP.csv @061c29e1713b7f896c0d1fd48a4db3221f60c084"
STATUS = {"official_machine_copy": "secondary", "official_verbatim_copy": "secondary"}
SOURCE = "ref-fred-manemp-github"
PRELIMINARY = 2  # "latest two months preliminary" (the copy's note)


def rows_from_reference(path: Path = REF) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        picked = [r for r in csv.DictReader(fh) if r["series"].startswith(SERIES_PREFIX)]
    vintages = {r["location"] for r in picked}
    if LOCATION not in vintages:
        raise SystemExit(f"{LOCATION!r} not in {path.name} (copies found: {sorted(vintages)})")
    picked = sorted((r for r in picked if r["location"] == LOCATION), key=lambda r: r["period"])
    periods = [r["period"] for r in picked]
    if len(set(periods)) != len(periods):
        raise SystemExit("two values for one month in one copy: not one vintage")
    if any(r["status"] not in STATUS for r in picked):
        raise SystemExit(f"unexpected status in {sorted({r['status'] for r in picked})}")
    if any("latest two months preliminary" not in r["note"] for r in picked):
        raise SystemExit("the copy's note changed: re-read which months are preliminary")
    out = []
    for i, r in enumerate(picked):
        note = "preliminary in this vintage" if i >= len(picked) - PRELIMINARY else ""
        out.append({"category": "US", "series": "manemp", "period": r["period"], "value": r["value"],
                    "source": SOURCE, "status": STATUS[r["status"]], "note": note})
    return out


def render(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["category", "series", "period", "value", "source", "status", "note"],
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    text = render(rows_from_reference())
    if "--check" in argv:
        same = OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} differs from the reference data")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
