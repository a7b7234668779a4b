"""The reply language and the message catalogues (assistant/i18n.py, assistant/locale)."""
from __future__ import annotations

import gettext
import subprocess
from pathlib import Path

import pytest
from system_files import system_file

from assistant import i18n
from assistant.config import AppConfig, UiConfig
from assistant.errors import ConfigError
from assistant.i18n import reply_language, speaking, system_locale, text_language
from assistant.voice.commands import VoiceCommand, parse_command

LOCALE = Path(i18n.__file__).with_name("locale")


@pytest.mark.parametrize("setting,spoken,system,expected", [
    ("auto", "fr", "de_DE.UTF-8", "fr"),        # the question's language first
    ("auto", None, "de_DE.UTF-8", "de"),        # else the system's
    ("auto", "ru", "es_ES.UTF-8", "es"),        # a language we cannot answer in: the system's
    ("auto", "ru", "C.UTF-8", "en"),            # else English
    ("auto", None, None, "en"),
    ("de", "fr", "es_ES.UTF-8", "de"),          # a fixed code wins
    (None, "es-MX", None, "es"),
])
def test_reply_language(setting, spoken, system, expected):
    assert reply_language(setting, spoken, system) == expected


def test_system_locale_reads_the_posix_variables_in_gettexts_order():
    assert system_locale({"LANG": "fr_FR.UTF-8"}) == "fr_FR.UTF-8"
    assert system_locale({"LANGUAGE": "de:en", "LANG": "fr_FR.UTF-8"}) == "de"
    assert system_locale({"LC_ALL": "C", "LANG": "C.UTF-8"}) is None


@pytest.mark.parametrize("text,expected", [
    ("Qu'est-ce qui est écrit sur le panneau ?", "fr"),
    ("Was steht auf dem Schild?", "de"),
    ("¿Qué dice el letrero?", "es"),
    ("What does the sign say?", "en"),
    ("OK", None),
])
def test_text_language(text, expected):
    assert text_language(text) == expected


def test_ui_language_is_validated_and_described():
    assert UiConfig(language="fr").language == "fr"
    with pytest.raises(ConfigError, match="ui.language"):
        UiConfig(language="xx")
    assert AppConfig().with_overrides(ui={"language": "es"}).ui.language == "es"


@pytest.mark.parametrize("lang", ["fr", "de", "es"])
def test_each_mo_matches_its_po(lang, tmp_path):
    """The committed .mo is what msgfmt makes of the .po today (scripts/compile_catalogues.py)."""
    msgfmt = system_file("/usr/bin/msgfmt", "gettext")
    po = LOCALE / lang / "LC_MESSAGES" / "assistant.po"
    fresh = tmp_path / "fresh.mo"
    subprocess.run([str(msgfmt), "--check-format", "-o", str(fresh), str(po)], check=True)
    with open(fresh, "rb") as a, open(po.with_suffix(".mo"), "rb") as b:
        assert gettext.GNUTranslations(a)._catalog == gettext.GNUTranslations(b)._catalog, \
            f"{po.with_suffix('.mo')} is stale: run python scripts/compile_catalogues.py"


@pytest.mark.parametrize("lang,said", [
    ("fr", "C'est écrit : « LAUNCH PAD »."),
    ("de", "Dort steht: „LAUNCH PAD“."),
    ("es", "Dice: «LAUNCH PAD»."),
    ("en", 'It says: "LAUNCH PAD".'),
])
def test_the_text_read_is_quoted_in_the_language_and_never_translated(lang, said):
    from assistant.vision.embedded_answers import read_sentence
    from assistant.vision.ocr import TextLine

    line = TextLine(text="LAUNCH PAD", score=0.99, box=(0, 0, 10, 10))
    with speaking(lang):
        assert read_sentence("?", [line]) == said


@pytest.mark.parametrize("lang,expected", [
    ("fr", "Surtout du bleu foncé, avec un peu de blanc."),
    ("de", "Überwiegend Dunkelblau, mit etwas Weiß."),
    ("es", "Sobre todo azul oscuro, con algo de blanco."),
    ("en", "Mostly dark blue, with some white."),
])
def test_colours_in_each_language(lang, expected):
    from assistant.vision.colours import ColourShare
    from assistant.vision.embedded_answers import colour_sentence

    with speaking(lang):
        assert colour_sentence([ColourShare("dark blue", 0.6), ColourShare("white", 0.3)]) == expected


def test_notices_and_errors_in_the_reply_language():
    from assistant.errors import InputError
    from assistant.notices import NO_VISION_MODEL, console_words

    error = InputError("The question is empty.", hint="Type or say a question.")
    with speaking("de"):
        assert error.user_text() == "Die Frage ist leer. Tippen oder sagen Sie eine Frage."
        assert "Bildmodell" in console_words(NO_VISION_MODEL)
    assert error.user_text() == "The question is empty. Type or say a question."
    with speaking("fr"):
        assert console_words("no_such_code") == ""   # not the catalogue's header


@pytest.mark.parametrize("text,command", [
    ("Arrête !", VoiceCommand.STOP), ("Halt!", VoiceCommand.STOP), ("¡Para!", VoiceCommand.STOP),
    ("Répète, s'il te plaît.", VoiceCommand.REPEAT), ("Wiederhole.", VoiceCommand.REPEAT),
    ("¡Repite!", VoiceCommand.REPEAT), ("Plus lentement.", VoiceCommand.SLOWER),
    ("Langsamer, bitte.", VoiceCommand.SLOWER), ("Más despacio.", VoiceCommand.SLOWER),
    ("Plus vite !", VoiceCommand.FASTER), ("Schneller!", VoiceCommand.FASTER),
    ("Más rápido.", VoiceCommand.FASTER),
    ("Qu'est-ce qui est écrit sur la boîte ?", None), ("¿Para qué sirve esto?", None),
])
def test_voice_commands_in_four_languages(text, command):
    assert parse_command(text) is command
