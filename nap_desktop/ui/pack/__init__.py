"""The briefing pack: its list model, the pack panel, pack files (open/save/recovery) and updates of placed facts."""
