"""The user library: the fact editor, the import dialog, their controller and where the library lives."""
