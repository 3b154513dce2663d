"""Charts: ChartSpec, building specs from the data folder's declarations, layouts (tile grid)."""
