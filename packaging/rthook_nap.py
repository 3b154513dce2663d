"""PyInstaller runtime hook: runs inside the frozen app before nap_desktop is imported.

Points Qt at the bundled fonts (resources/fonts) so text renders even on a machine where
fontconfig finds no fonts at all; nap_desktop.ui.fonts.register_bundled_fonts() then makes
DejaVu Sans the application font. Never overrides a value the user has set.
"""

import os
import sys

_root = getattr(sys, "_MEIPASS", os.path.dirname(os.path.abspath(sys.executable)))
_fonts = os.path.join(_root, "resources", "fonts")
if os.path.isdir(_fonts):
    os.environ.setdefault("QT_QPA_FONTDIR", _fonts)
