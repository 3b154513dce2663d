"""The acceptance suite: realistic packs exported, read back and counted (python -m tests.acceptance)."""
