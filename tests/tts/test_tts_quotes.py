"""Text read from a picture is said in its own language: a quote plainly written in another
of our languages is said by that language's voice (espeak-ng), the rest of the reply by the
reply language's voice, as one stream at one rate. Real voices: Piper for English, espeak-ng
for French and German."""
from __future__ import annotations

import numpy as np
import pytest

from assistant.i18n import speaking
from assistant.tts.languages import LanguageSpeaker, voice_parts


def test_a_quote_in_another_language_is_a_part_of_its_own():
    assert voice_parts('It says: "SORTIE DE SECOURS".', "en") == [
        ('It says: "', "en"), ("SORTIE DE SECOURS", "fr")]
    assert voice_parts("C'est écrit : « NO ENTRY », à gauche.", "fr") == [
        ("C'est écrit : « ", "fr"), ("NO ENTRY", "en"), (" », à gauche.", "fr")]
    assert voice_parts("Dort steht: „Bitte nicht berühren“.", "en") == [
        ("Dort steht: „", "en"), ("Bitte nicht berühren", "de")]


@pytest.mark.parametrize("text, language", [
    ('It says: "EXIT".', "en"),               # the reply's own language
    ('It says: "Restaurant 24".', "en"),      # anyone's word: the reply voice
    ("It says: SORTIE.", "en"),               # no quote
    ("C'est écrit : « SORTIE DE SECOURS ».", "fr"),
])
def test_text_in_the_reply_language_or_of_no_clear_language_stays_whole(text, language):
    assert voice_parts(text, language) == [(text, language)]


@pytest.fixture
def voices(piper_speaker):
    from assistant.tts.playback import SilentPlayer
    from assistant.tts.pyttsx3_voice import Pyttsx3Speaker

    made: dict[str, Pyttsx3Speaker] = {}

    def other(language: str, rate: float):
        made[language] = Pyttsx3Speaker(None, rate=rate, player=SilentPlayer(), language=language)
        return made[language]

    return LanguageSpeaker(piper_speaker, other), made


def test_the_french_words_of_an_english_reply_are_said_by_the_french_voice(voices):
    from assistant.audio.sources import resample

    speaker, made = voices
    with speaking("en"):
        chunks = list(speaker.chunks('It says: "SORTIE DE SECOURS".'))
        rate = speaker.sample_rate
    assert set(made) == {"fr"}
    assert rate == speaker.voice("en").sample_rate        # one stream, at the reply voice's rate
    french = made["fr"].synthesize("SORTIE DE SECOURS")
    expected = resample(french.samples, french.sample_rate, rate)
    with speaking("en"):
        english = speaker.voice("en").synthesize("SORTIE DE SECOURS")
    said = np.concatenate(chunks)
    # The reply ends with the French voice's words (espeak-ng varies by a few samples from
    # one run to the next, so the loudness over time is compared, not the samples).
    assert len(said) > len(expected) + rate * 0.3
    tail = said[-len(expected):]
    assert _alike(tail, expected) > 0.9
    assert _alike(tail, english.samples) < 0.8       # not the English voice saying them
    with speaking("en"):
        whole = speaker.synthesize('It says: "SORTIE DE SECOURS".')
    assert whole.sample_rate == rate and _alike(whole.samples[-len(expected):], expected) > 0.9


def _alike(a: np.ndarray, b: np.ndarray, frame: int = 441) -> float:
    """How alike two clips' loudness over time is (correlation of 20 ms RMS envelopes)."""
    n = min(len(a), len(b)) // frame
    env = [np.sqrt(np.mean(np.square(np.asarray(x[:n * frame], np.float64)).reshape(n, frame),
                           axis=1)) for x in (a, b)]
    return float(np.corrcoef(env[0], env[1])[0, 1])


def test_an_english_reply_without_foreign_words_is_the_english_voice_alone(voices):
    speaker, made = voices
    with speaking("en"):
        list(speaker.chunks('It says: "EXIT".'))
    assert made == {}
