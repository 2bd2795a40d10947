"""Translation: one context, the user's locale with a fallback when it is unset."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from .resources import PLUGIN_ROOT

CONTEXT = "AllianceOfTerritories"
_translator = None


def tr(text):
    """Translate ``text``; format after translating: ``tr("{n} rows").format(n=n)``."""
    return QCoreApplication.translate(CONTEXT, text)


def user_language():
    """Two-letter language of the user: QGIS's setting, else the system locale, else English.

    Under ``qgis_process`` and headless tests ``locale/userLocale`` is unset (None).
    """
    value = QSettings().value("locale/userLocale", "") or ""
    if not isinstance(value, str) or len(value) < 2:
        value = QLocale.system().name() or "en"
    return value[:2].lower()


def install_translator():
    """Load ``i18n/alliance_<lang>.qm`` when it exists; return the language used."""
    global _translator
    language = user_language()
    path = PLUGIN_ROOT / "i18n" / f"alliance_{language}.qm"
    if _translator is None and path.exists():
        translator = QTranslator()
        if translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _translator = translator
    return language


def remove_translator():
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
