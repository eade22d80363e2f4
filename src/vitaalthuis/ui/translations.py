"""Loading the window's translations: the app's own .qm (built from resources/i18n/*.ts) and Qt's own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from vitaalthuis.resources import ResourceMissingError, resource

_installed: list[QTranslator] = []


def install(lang: str) -> bool:
    """Switch the application to ``lang``; returns whether the app's own translation was found.

    English is the source language: its .qm holds only the plural forms ("1 check-in", "2 check-ins").
    """
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English,
                     QLocale.Country.Netherlands if lang == "nl" else QLocale.Country.UnitedKingdom)
    QLocale.setDefault(locale)
    if isinstance(app, QApplication):
        # A widget takes its locale from its parent, and a window the default of when it was made: without
        # this, a window open during the switch (and every spin box built in it later) would go on reading
        # and writing numbers the old way ("32,5" hours read as 32 after switching to English).
        for window in app.topLevelWidgets():
            window.setLocale(locale)
    found = False
    try:
        qm = resource("i18n", f"vitaalthuis_{lang}.qm")
        own = QTranslator(app)
        if own.load(str(qm)):
            app.installTranslator(own)
            _installed.append(own)
            found = True
    except ResourceMissingError:
        pass
    if lang == "en":
        return True  # the source language: Qt's own strings are English already
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return found
