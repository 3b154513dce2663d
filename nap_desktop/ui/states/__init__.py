"""The States view (Ctrl+4): every state's brief, from a tile map or a searchable list."""
