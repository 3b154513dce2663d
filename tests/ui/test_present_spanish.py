"""The Present dialog and the presenter view speak Spanish in a Spanish interface (issue 12)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def test_presenter_strings_are_spanish(qapp):
    from nap_desktop.ui.i18n import translations

    translations().set_language("es")
    try:
        for english, spanish in (("Language of the slides:", "Idioma de las diapositivas:"),
                                 ("Screens:", "Pantallas:"), ("Swap screens", "Intercambiar pantallas"),
                                 ("Talking points", "Puntos para exponer"), ("◀ Previous", "◀ Anterior")):
            assert QCoreApplication.translate("Presenter", english) == spanish
        for english, spanish in (("Slide only", "Solo la diapositiva"),
                                 ("One screen: N switches between the slide and your presenter view "
                                  "(notes, next slide, timer).",
                                  "Una pantalla: N alterna entre la diapositiva y su vista del presentador "
                                  "(notas, diapositiva siguiente, cronómetro).")):
            assert QCoreApplication.translate("PresenterView", english) == spanish
    finally:
        translations().set_language("en")
