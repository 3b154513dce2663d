"""Interface language: installs the compiled Qt translation (.qm) and switches it at run time.

Installing or removing a QTranslator makes Qt send QEvent.LanguageChange to every widget; each
widget re-reads its strings in ``changeEvent``. The content language (fact statements, chart
titles) follows the same switch through ``Translations.language_changed``.

One catalogue per language: ``resources/i18n/nap_<lang>.ts``, generated from the code by
``pyside6-lupdate`` and compiled to ``nap_<lang>.qm`` by ``pyside6-lrelease``
(``tools/update_translations.py`` runs both; a test fails when either is out of date). lupdate
reads only literal strings in three spellings, so every translated string is written as one:

- ``self.tr("...")`` in a method of a QObject class: the class is the context;
- ``Name.tr("...")`` anywhere else, where ``Name`` is the QObject class whose strings they are
  (``ImportDialog.tr``) or a ``TranslationContext`` named for the purpose (``Presenter.tr``);
- ``QCoreApplication.translate("Context", "...")``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from nap_desktop.paths import resources_dir

LANGUAGES = ("en", "es")


class TranslationContext:
    """A named translation context for strings outside the QObject they belong to.

    ``class PrintHandout(TranslationContext): ...`` then ``PrintHandout.tr("Handout")``:
    pyside6-lupdate files ``Name.tr(...)`` under the context ``Name``, and at run time the class's
    own name is the context, so the catalogue and the code cannot disagree.
    """

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(cls.__name__, text, disambiguation, n)


class Translations(QObject):
    """One per application: the current language and the translators that implement it."""

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self._app = app
        self._lang = "en"
        self._installed: list[QTranslator] = []

    @property
    def lang(self) -> str:
        return self._lang

    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}")
        if lang == self._lang and (lang == "en" or self._installed):
            return
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        if lang != "en":
            ours = QTranslator(self)
            path = resources_dir() / "i18n" / f"nap_{lang}.qm"
            if not ours.load(str(path)):
                raise FileNotFoundError(f"missing translation file {path}")
            qt_own = QTranslator(self)  # Qt's own strings: standard dialog buttons
            if qt_own.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._installed.append(qt_own)
            self._installed.append(ours)
            for translator in self._installed:
                self._app.installTranslator(translator)
        # Qt posts LanguageChange to the widgets; deliver it now so every string has changed on return.
        QCoreApplication.sendPostedEvents(None, int(QEvent.Type.LanguageChange))
        self._lang = lang
        QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico) if lang == "es"
                           else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        self.language_changed.emit(lang)


def translations() -> Translations:
    """The application's Translations object (created on first use)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    found = app.findChild(Translations)
    if found is None:
        found = Translations(app)
    return found


def system_language() -> str:
    """'es' when the operating system is set to Spanish, else 'en'."""
    return "es" if QLocale.system().language() == QLocale.Language.Spanish else "en"


def shortcut_text(sequence) -> str:
    """A shortcut as the menus show it (translated: "Control+F" in Spanish), for hints and tooltips."""
    from PySide6.QtGui import QKeySequence

    if not isinstance(sequence, QKeySequence):
        sequence = QKeySequence(sequence)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


# Qt's own dialogs (Open, Save, Print) in Mexican Spanish. Qt's catalogue (qtbase_es.qm, loaded above
# from QLibraryInfo's translations folder) is Spain's Spanish ("fichero" where Mexico says "archivo")
# and lacks Qt 6's "&Look in:" and "Files of &type:". These are Qt's own source texts in Qt's own
# contexts: pyside6-lupdate files them in nap_es.ts, translated there, and our catalogue is installed
# after Qt's, so Qt asks it first. ``qt_overrides()`` is never needed at run time; it lists the strings
# so that lupdate (which reads literals) keeps them.
def qt_overrides() -> list[str]:
    return [
        QCoreApplication.translate("QFileDialog", "Look in:"),
        QCoreApplication.translate("QFileDialog", "&Look in:"),  # Qt 6's labels, which qtbase_es lacks
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        QCoreApplication.translate("QFileDialog", "Files of type:"),
        QCoreApplication.translate("QFileDialog", "File &name:"),
        QCoreApplication.translate("QFileDialog", "All Files (*)"),
        QCoreApplication.translate("QFileDialog", "Directory:"),
        QCoreApplication.translate("QFileDialog", "Forward"),
        QCoreApplication.translate("QPrintDialog", "Print To File ..."),
        QCoreApplication.translate("QPrintDialog", "File %1 is not writable.\nPlease choose a different file name."),
        QCoreApplication.translate("QPrintWidget", "Output &file:"),
        QCoreApplication.translate("QPrintSettingsOutput", "Collate"),
    ]
