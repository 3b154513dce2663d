"""Sums of the verbatim BTS TransBorder dot1 files, computed here independently of the app's script,
for the tests to compare the briefs with (skips when ../shared/reference-data/raw is absent)."""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

RAW = Path(__file__).resolve().parents[2].parent / "shared" / "reference-data" / "raw" / "BTS_TransBorder"
COUNTRY = {"2010": "MX", "1220": "CA"}
FLOW = {"1": "exports", "2": "imports"}
MODES = {"1": "vessel", "3": "air", "4": "other", "5": "truck", "6": "rail", "7": "pipeline", "8": "other", "9": "other"}


def need_raw() -> Path:
    if not (RAW / "dot1_0123.csv").is_file():
        pytest.skip(f"the verbatim BTS files are not here ({RAW}): the state figures cannot be recomputed")
    return RAW


@lru_cache(maxsize=None)
def sums(year: str) -> dict:
    """{'trade': {(flow, partner, state): usd}, 'modes': {(partner, state, mode): usd (exports)},
    'dest': {(partner, state, code): usd (exports)}} for 2022 (annual file) or 2023 (12 monthly files)."""
    raw = need_raw()
    files = [raw / "dot1_2022.csv"] if year == "2022" else [raw / f"dot1_{m:02d}23.csv" for m in range(1, 13)]
    trade: dict = defaultdict(int)
    modes: dict = defaultdict(int)
    dest: dict = defaultdict(int)
    for path in files:
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                partner = COUNTRY.get(row["COUNTRY"])
                flow = FLOW.get(row["TRDTYPE"])
                if partner is None or flow is None:
                    continue
                value = int(row["VALUE"])
                state = row["USASTATE"]
                trade[(flow, partner, state)] += value
                if flow == "exports":
                    modes[(partner, state, MODES.get(row["DISAGMOT"], "other"))] += value
                    code = row["MEXSTATE"] if partner == "MX" else row["CANPROV"]
                    dest[(partner, state, code)] += value
    return {"trade": dict(trade), "modes": dict(modes), "dest": dict(dest)}
