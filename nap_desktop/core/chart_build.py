"""Resolves the chart declarations in data/charts/*.toml into ChartSpec objects."""

from __future__ import annotations

from typing import Any


def build_charts(loader: Any, datasets: dict, fact_ids: set[str]) -> tuple[dict, dict[str, str]]:
    # Filled in by the datasets/charts work (issue 3).
    return {}, {}
