"""Outputs from the window: the export dialog, the printed handout, chart images (PNG)."""
