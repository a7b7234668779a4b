"""The window's language: Qt translation files for every string of ``ui/``.

Every word the window shows goes through ``translate(context, text)`` (Qt's
``QCoreApplication.translate``; the name is what ``pyside6-lupdate`` looks for), or, for
words in module-level tables, is marked with ``QT_TRANSLATE_NOOP(context, text)`` and
translated where it is shown. Placeholders are ``{name}``, filled with ``.format`` after
translation, so a translator can move them.

``scripts/update_translations.py`` gathers the strings into ``ui/translations/
assistant_<lang>.ts`` (edited by translators, or in Qt Linguist) and compiles the ``.qm``
files the window loads; both are committed, and ``tests/ui/test_ui_translations.py`` fails
when a ``.qm`` no longer matches its ``.ts`` or a string is left untranslated.

The language is ``ui.language`` when fixed, else the system locale, else English (the
source language) -- the same rule as the spoken replies (``assistant.i18n``), so the
window and the voice agree. Qt's own strings (the standard buttons of a message box, the
context menu of a text field) come from Qt's ``qtbase_<lang>.qm`` shipped with PySide6.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from assistant import i18n

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).with_name("translations")
translate = QCoreApplication.translate

_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name, for lupdate)
    """Marks ``text`` for translation where it is written; ``translate`` it where shown."""
    return text


def window_language(setting: str | None, system: str | None = None) -> str:
    """'fr', 'de', 'es' or 'en' for the window, from ``ui.language`` and the system locale."""
    if system is None:
        system = i18n.system_locale() or QLocale.system().name()
    try:
        return i18n.reply_language(setting, None, system)
    except ValueError:
        return "en"


def install(app, language: str) -> str:
    """Load the translations of ``language`` into ``app`` (replacing earlier ones) and make it
    the default language of the core's messages too. Returns the language in use: English
    when its file is missing or unreadable (the window still opens, in English)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    code = i18n.supported(language) or "en"
    i18n.set_default(code)
    if code == "en":
        return code
    ours = QTranslator(app)
    if not ours.load(str(TRANSLATIONS_DIR / f"assistant_{code}.qm")):
        log.warning("the window's %s translation could not be read; showing English", code)
        i18n.set_default("en")
        return "en"
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return code
