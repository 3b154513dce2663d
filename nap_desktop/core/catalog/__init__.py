"""The catalog: its model, loading and validation of data/ (and the user library), checks, computed indicators, search."""
