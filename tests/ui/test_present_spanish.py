"""The Present dialog and the presenter view speak Spanish in a Spanish interface (issue 12)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def test_presenter_strings_are_spanish(qapp):
    from nap_desktop.ui.i18n import translations

    translations().set_language("es")
    try:
        for english, spanish in (("Language of the slides:", "Idioma de las diapositivas:"),
                                 ("Screens:", "Pantallas:"), ("Swap screens", "Intercambiar pantallas"),
                                 ("One screen: slides only (press N to see your notes).",
                                  "Una pantalla: solo las diapositivas (pulse N para ver sus notas)."),
                                 ("Talking points", "Puntos para exponer"), ("◀ Previous", "◀ Anterior")):
            assert QCoreApplication.translate("Presenter", english) == spanish
    finally:
        translations().set_language("en")
