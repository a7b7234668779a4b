"""The window in French, German and Spanish (issue 23.5): every string of ui/ is in the Qt
translation files and translated, the compiled .qm files match them, and a window started
in each language shows no English word of ours and cuts nothing -- German, the longest,
at every text size from 1x to 4x on a 1024x768 screen under a window manager."""
from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from assistant.config import AppConfig

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations as ut  # noqa: E402

LANGUAGES = ut.LANGUAGES
PLACEHOLDER = re.compile(r"\{\w*\}|%n|%\d")


def messages(ts: Path) -> list[tuple[str, str, list[str], bool]]:
    """(context, source, translations, finished) for each message of a .ts file."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            tr = message.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            out.append((name, message.findtext("source"), forms, tr.get("type") is None))
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_of_the_window_is_translated(lang, tmp_path):
    committed = ut.TRANSLATIONS / f"assistant_{lang}.ts"
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    ut.update(fresh)      # what lupdate finds in ui/ today
    found = messages(fresh)
    assert len(found) > 300, len(found)
    untranslated = [(c, s) for c, s, forms, done in found if not done or not all(forms)]
    assert untranslated == [], f"{len(untranslated)} strings of ui/ without a {lang} translation " \
                               f"(python scripts/update_translations.py): {untranslated[:10]}"
    assert sorted((c, s) for c, s, *_ in found) == sorted((c, s) for c, s, *_ in messages(committed)), \
        "the .ts is not up to date with ui/: python scripts/update_translations.py"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_placeholders_and_one_mnemonic(lang):
    for context, source, forms, _done in messages(ut.TRANSLATIONS / f"assistant_{lang}.ts"):
        for form in forms:
            if "%n" in source and len(forms) > 1:
                wanted = sorted(PLACEHOLDER.findall(source.replace("%n", "")))
                got = sorted(PLACEHOLDER.findall(form.replace("%n", "")))
            else:
                wanted, got = sorted(PLACEHOLDER.findall(source)), sorted(PLACEHOLDER.findall(form))
            assert got == wanted, (context, source, form)
            mnemonics = len(re.findall(r"&(?!&)\w", form.replace("&&", "")))
            if re.search(r"&(?!&)\w", source.replace("&&", "")):
                assert mnemonics == 1, (context, source, form)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_files_match_their_sources(lang, tmp_path):
    ts = ut.TRANSLATIONS / f"assistant_{lang}.ts"
    ut.compile_ts(ts, tmp_path / "fresh.qm")
    assert (tmp_path / "fresh.qm").read_bytes() == ts.with_suffix(".qm").read_bytes(), \
        "python scripts/update_translations.py --compile"


def test_a_missing_translation_file_leaves_the_window_in_english(monkeypatch, tmp_path):
    from assistant import i18n
    from ui import translation
    from ui.app import application

    monkeypatch.setattr(translation, "TRANSLATIONS_DIR", tmp_path)
    app = application()
    try:
        assert translation.install(app, "de") == "en"
        assert i18n.current() == "en"
    finally:
        translation.install(app, "en")


def test_the_window_language_follows_the_setting_then_the_system():
    from ui.translation import window_language

    assert window_language("de", "fr_FR.UTF-8") == "de"
    assert window_language("auto", "fr_FR.UTF-8") == "fr"
    assert window_language("auto", "ja_JP.UTF-8") == "en"
    assert window_language("auto", "C") == "en"


# -- the window itself ------------------------------------------------------------------

def _english(lang: str) -> list[re.Pattern]:
    """Our English strings that have another translation, as patterns of whole shown texts
    (placeholders match anything; the mnemonic's & is dropped). Words of the core (its gettext
    catalogue) count too: the window shows them as well."""
    sources = {s for _c, s, forms, _d in messages(ut.TRANSLATIONS / f"assistant_{lang}.ts")
               if all(f.replace("&", "") != s.replace("&", "") for f in forms)}
    po = ROOT / "assistant" / "locale" / lang / "LC_MESSAGES" / "assistant.po"
    for msgid, msgstr in re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', po.read_text("utf-8"), re.M):
        if msgid != msgstr:
            sources.add(msgid.encode().decode("unicode_escape") if "\\" in msgid else msgid)
    patterns = []
    for source in sources:
        plain = source.replace("&", "")
        if len(re.sub(PLACEHOLDER, "", plain).strip(" .,:…")) < 4:
            continue    # "OK", "{n}": not a sign of English on its own
        parts = [re.escape(p) for p in PLACEHOLDER.split(plain)]
        patterns.append(re.compile("(?s)" + ".+".join(parts)))
    return patterns


def _shown_texts(root) -> list[str]:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (QAbstractButton, QComboBox, QLabel, QLineEdit, QTabBar,
                                   QWidget)

    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
    for action in root.findChildren(QAction):
        texts += [action.text(), action.toolTip()] if action.isVisible() else []
    return [t.replace("&", "") for t in texts if t and t.strip()]


def _english_shown(root, patterns) -> list[str]:
    from ui.settings_dialog import WINDOW_LANGUAGES

    native = {name for _code, name in WINDOW_LANGUAGES}   # "English" in its own words, on purpose
    return sorted({t for t in _shown_texts(root) if t not in native
                   for p in patterns if p.fullmatch(t)})


@pytest.fixture
def window_in(open_window, qtbot, window_manager):
    from ui_support import ui_config

    opened = []

    def make(lang: str):
        window = open_window(config=ui_config(language=lang))
        if window_manager is not None:
            from ui.flow import frame_margins
            qtbot.waitUntil(lambda: frame_margins(window).height() > 0, timeout=10_000)
        opened.append(window)
        return window

    yield make
    from ui import translation
    from ui.app import application

    translation.install(application(), "en")


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_the_window_and_settings_show_no_english(window_in, qtbot, lang):
    from assistant import i18n

    window = window_in(lang)
    assert i18n.current() == lang
    patterns = _english(lang)
    assert _english_shown(window, patterns) == []
    settings = window.keys.open_settings()
    qtbot.waitUntil(settings.isVisible)
    for index in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(index)
        assert _english_shown(settings, patterns) == [], settings.tabs.tabText(index)
    settings.reject()


@pytest.mark.slow
def test_german_fits_at_every_text_size(window_in, qtbot, window_manager):
    """German, the longest of the four, from 1x to 4x on 1024x768: the window, Settings and
    the F1 list show no English and cut nothing."""
    from PySide6.QtCore import QRect

    from ui import fit_check
    from test_ui_bigtext import SMALL, _area, _bigger, _settled, steps

    window = window_in("de")
    window.screen_limit = QRect(*SMALL)
    window.fit.update()
    area = _area(window)
    patterns = _english("de")

    def fits(widget) -> list[str]:
        found = list(fit_check.problems(widget, area))
        if not area.contains(widget.frameGeometry()):
            found.append(f"frame {widget.frameGeometry().getRect()} off {area.getRect()}")
        return found

    for scale in steps():
        _bigger(window, qtbot, scale)
        assert _settled(qtbot, lambda: fits(window)) == [], scale
        assert _english_shown(window, patterns) == [], scale
        settings = window.keys.open_settings()
        qtbot.waitUntil(settings.isVisible)
        for index in range(settings.tabs.count()):
            settings.tabs.setCurrentIndex(index)
            found = _settled(qtbot, lambda: fits(settings))
            assert found == [], f"Settings, {settings.tabs.tabText(index)}, at {scale}x: {found}"
            assert _english_shown(settings, patterns) == [], (scale, index)
        settings.reject()
        window.keys.actions["help"].trigger()
        help_box = window.keys.help_box
        qtbot.waitUntil(help_box.isVisible)
        assert _settled(qtbot, lambda: fits(help_box)) == [], f"F1 at {scale}x"
        assert _english_shown(help_box, patterns) == [], scale
        help_box.accept()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_two_mnemonics_of_settings_share_a_letter_in_any_language(qtbot, lang):
    from collections import Counter

    from PySide6.QtWidgets import QAbstractButton, QLabel

    from ui import translation
    from ui.app import application
    from ui.settings_dialog import SettingsDialog

    assert translation.install(application(), lang) == lang
    try:
        dialog = SettingsDialog(AppConfig())
        qtbot.addWidget(dialog)
        texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
        texts += [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        letters = [m.group(1).lower() for t in texts
                   if (m := re.search(r"&([^&])", t.replace("&&", "")))]
        assert len(letters) >= 15, texts
        assert [letter for letter, n in Counter(letters).items() if n > 1] == []
    finally:
        translation.install(application(), "en")


def test_a_language_chosen_in_settings_answers_in_it_at_once(open_window, qtbot):
    """Settings -> Display -> language: saved, the next answer in that language, and the
    window says its own words change at the next start."""
    from assistant.events import Progress
    from ui import settings_words

    window = open_window()
    settings = window.keys.open_settings()
    qtbot.waitUntil(settings.isVisible)
    settings.ui_language.setCurrentIndex(settings.ui_language.findData("fr"))
    settings.accept()
    said = settings_words.language_changed()
    qtbot.waitUntil(lambda: any(isinstance(e, Progress) and e.message == said
                                for e in window.events), timeout=20_000)
    assert window.host.engine.assistant.reply_setting == "fr"
    from assistant.config import load

    assert load(window.paths.config_file).ui.language == "fr"


def test_the_window_says_when_the_vision_model_answers_in_english_only(open_window):
    """A French reply from a model that answers in English: the window's notice says so, in
    French (it was dropped: only the missing-model notice had window words)."""
    from assistant import i18n
    from assistant.notices import ENGLISH_ONLY

    window = open_window()
    with i18n.speaking("fr"):
        words = window.host.worker._word_notice(ENGLISH_ONLY)
    assert words and i18n.text_language(words) == "fr", words
