"""Qt's own dialogs (Open, Save, Print) in Mexican Spanish.

Qt's catalogue (qtbase_es.qm, loaded by ui/i18n.py from QLibraryInfo's translations folder) is
Spain's Spanish: "fichero" where Mexico says "archivo". The strings below are Qt's own source texts
in Qt's own contexts; pyside6-lupdate files them in nap_es.ts, where they are translated as a Mexican
reader expects, and our catalogue is installed after Qt's, so Qt asks it first. ``qt_overrides()`` is
never needed at run time: it lists the strings so that lupdate (which reads literals) keeps them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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
