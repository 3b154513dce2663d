"""The briefing pack: its file format and migrations, the editable document (undoable commands), selections."""
