"""make_speaker picks the engine the settings ask for; available_voices lists what is here."""
from __future__ import annotations

import sys

import pytest

from assistant.config import TtsConfig
from assistant.errors import ConfigError
from assistant.tts.factory import SilentSpeaker, available_voices, make_speaker, piper_available
from assistant.tts.piper_voice import PiperSpeaker, bundled_voice_path
from assistant.tts.playback import Player, SilentPlayer
from assistant.tts.pyttsx3_voice import Pyttsx3Speaker


def test_none_is_silent_but_answers():
    speaker = make_speaker(TtsConfig(engine="none"))
    assert isinstance(speaker, SilentSpeaker)
    assert speaker.speak("Hello.").duration_s == 0.0
    speaker.stop(), speaker.close()


def test_auto_prefers_piper_when_installed():
    assert piper_available()  # installed in this project's environment
    speaker = make_speaker(TtsConfig(engine="auto", rate=1.5))
    assert speaker.name == "piper:en_US-joe-medium"
    # English replies in the Piper voice, French ones in espeak-ng's French voice
    assert isinstance(speaker.voice("en"), PiperSpeaker)
    french = speaker.voice("fr")
    assert isinstance(french, Pyttsx3Speaker) and french.language == "fr"
    assert french.player is speaker.player      # one player: "stop" silences either


def test_auto_falls_back_to_espeak_without_piper(monkeypatch):
    monkeypatch.setitem(sys.modules, "piper", None)
    assert not piper_available()
    assert isinstance(make_speaker(TtsConfig()), Pyttsx3Speaker)


def test_explicit_choices_and_play_off(fake_sd):
    assert isinstance(make_speaker(TtsConfig(engine="pyttsx3", voice="gmw/en-us")), Pyttsx3Speaker)
    onnx = str(bundled_voice_path())
    assert isinstance(make_speaker(TtsConfig(voice=onnx)), PiperSpeaker)
    quiet = make_speaker(TtsConfig(engine="piper", play=False))
    assert isinstance(quiet.player, SilentPlayer)
    given = Player(sd=fake_sd)
    assert make_speaker(TtsConfig(engine="pyttsx3"), player=given).player is given
    with pytest.raises(ConfigError):
        make_speaker(TtsConfig(engine="piper", voice="gmw/en-us"))


def test_available_voices_lists_both_engines():
    listed = available_voices()
    voices = {v.engine: v for v in listed if not v.language}   # the default voices
    # Each other reply language: its fetched Piper voice, or the one to fetch (not here).
    assert {v.language for v in listed if v.language} == {"fr", "de", "es"}
    assert voices["piper"].present and voices["piper"].size_bytes > 50_000_000
    assert voices["piper"].path.endswith("en_US-joe-medium.onnx")
    assert voices["pyttsx3"].present and "espeak" in voices["pyttsx3"].path
