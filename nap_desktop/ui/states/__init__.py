"""The States view (Ctrl+4): every state's brief, from a tile map or a searchable list."""

from nap_desktop.ui.i18n import TranslationContext


class States(TranslationContext):
    """The States view's translation context (here, so the start-up's View menu entry does not load the
    tile map and the state tables: the page is built when it is first opened)."""
