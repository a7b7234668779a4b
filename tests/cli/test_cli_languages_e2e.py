"""Issue 23's done-when, end to end: a question spoken by espeak-ng in French, German and
Spanish about a sign the test draws (in that language), asked with ``ask --audio`` in a child
process; the reply is in that language (the catalogue's words, no English function words,
a language check), quotes the sign, and is said by a voice of that language (the WAV
transcribed back by Whisper base, told the language).

espeak-ng's voices, rates and phrasings below are the ones Whisper base hears (measured,
transcripts in the report of commit "lang2"): French and German espeak-ng is misheard when
Whisper detects the language ("Arrête !" -> "I'm it.", a French question detected as
Japanese), so the reply language the user chose is also the language they are heard in
(``AppConfig.heard_language``); the test sets only ``--reply-language``.
"""
from __future__ import annotations

import json
import re
import subprocess

import numpy as np
import pytest
from PIL import Image, ImageDraw
from photoset.sources import font
from system_files import system_file

from assistant.i18n import ESPEAK_VOICES, text_language, translator
from assistant.tts import SpeechAudio
from assistant.tts.wav import write_wav

# language: (espeak-ng voice, rate, question, words of which the transcript must have one,
# sign lines)
CASES = {
    "fr": ("fr+m3", 110, "Qu'est-ce qui est écrit sur ce panneau ?", ("panneau", "écrit"),
           ("ATTENTION", "TRAVAUX")),
    "de": ("de", 130, "Was steht auf diesem Schild?", ("was", "steht"), ("KEIN ZUTRITT",)),
    "es": ("es", 130, "Hola. ¿Qué dice el letrero, por favor?", ("dice",),
           ("SALIDA DE", "EMERGENCIA")),
}
# Whisper base hears espeak-ng's reading of these signs; not the French one (measured:
# '« ATTENTION. TRAVAUX »' -> "attaché, Tremble", '« SORTIE. DE SECOURS »' -> "Sonti ! Beaucoup !"),
# so in French only the catalogue's words of the reply are checked in the recording.
SIGN_HEARD_BACK = ("de", "es")
# English function words that never belong in a French, German or Spanish reply.
ENGLISH = frozenset("the is are it says and of with there this that what can't here mostly "
                    "also but which".split())


def words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.casefold())


def draw_sign(lines: tuple[str, ...], path) -> None:
    img = Image.new("RGB", (900, 500), (235, 235, 225))
    draw = ImageDraw.Draw(img)
    draw.rectangle((80, 120, 820, 380), fill=(20, 110, 50))
    face = font("sans", 60)
    top = 250 - 40 * len(lines)
    for i, line in enumerate(lines):
        draw.text((450, top + 40 + 80 * i), line, font=face, fill="white", anchor="mm")
    img.save(path)


def spoken(text: str, voice: str, rate: int, path):
    """espeak-ng's speech at 16 kHz, brought to a voice's level, half a second of silence
    either side (as a microphone records a question)."""
    from assistant.audio.files import load_audio

    raw = path.with_suffix(".espeak.wav")
    subprocess.run([str(system_file("/usr/bin/espeak-ng", "espeak-ng")), "-v", voice, "-s",
                    str(rate), "-g", "4", "-w", str(raw), text], check=True, timeout=60)
    audio = load_audio(raw)
    audio = audio * (0.5 / float(np.abs(audio).max()))
    pad = np.zeros(8000, np.float32)
    return write_wav(SpeechAudio(np.concatenate([pad, audio, pad]).astype(np.float32), 16000), path)


@pytest.mark.slow
@pytest.mark.parametrize("lang", sorted(CASES))
def test_spoken_question_is_answered_in_its_language(cli, tmp_path, lang):
    voice, rate, question, heard, sign = CASES[lang]
    draw_sign(sign, tmp_path / "sign.png")
    audio = spoken(question, voice, rate, tmp_path / "question.wav")
    out = tmp_path / "answer.wav"
    run = cli("ask", "--image", str(tmp_path / "sign.png"), "--audio", str(audio),
              "--reply-language", lang, "--vision-engine", "embedded", "--json",
              "--speak-to", str(out), "--no-play")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    # Heard in the language chosen, close to what was said: the words named, and at least
    # half of the question's (faster-whisper samples again when unsure of a synthetic voice:
    # "sur ce panneau" came back as "sous ce panneau" or "sous ce panel").
    assert result["language"] == lang, result
    got = set(words(result["transcript"]))
    assert any(word in got for word in heard), result["transcript"]
    asked = set(words(question))
    assert 2 * len(asked & got) >= len(asked), result["transcript"]
    answer = result["answer"]
    assert result["reply_language"] == lang
    # The sign's words, as written.
    for line in sign:
        for word in line.split():
            assert word in answer, (answer, word)
    # In the language: the catalogue's lead for a sign or for text, no English function word,
    # and the reply's own words (the sign's taken out) recognised as the language.
    catalogue = translator(lang)
    leads = {catalogue.gettext("It says"), catalogue.pgettext("text lead", "a sign that says")}
    assert leads.isdisjoint({"It says", "a sign that says"}), "the catalogue lacks them"
    assert any(lead.casefold() in answer.casefold() for lead in leads), answer
    said = " ".join([answer, *(n["message"] for n in result["notices"])])
    assert not ENGLISH & set(words(said)), said
    own = said
    for line in sign:
        own = own.replace(line, " ")
    assert text_language(own) == lang, own
    # Said by a voice of that language: espeak-ng's, and Whisper base told the language hears
    # the sign's words and the notice's in that language in the recording.
    assert result["engines"]["tts"] == f"pyttsx3:{ESPEAK_VOICES[lang]} on cpu", result["engines"]
    back = cli("transcribe", str(out), "--language", lang)
    assert back.returncode == 0, back.stderr
    heard_back = set(words(back.stdout))
    # Compared by their first six letters: Whisper hears espeak-ng's "descriptions" as
    # "description" and "assistant" as "assiste" as often as not.
    notice_stems = {w[:6] for w in words(result["notices"][0]["message"]) if len(w) > 4}
    assert len(notice_stems & {w[:6] for w in heard_back}) >= 2, (said, back.stdout)
    if lang in SIGN_HEARD_BACK:
        sign_words = {w.casefold() for line in sign for w in line.split() if len(w) > 3}
        assert len(sign_words & heard_back) >= 1, (said, back.stdout)


@pytest.mark.slow
def test_the_same_recording_gives_the_same_text_on_each_run(cli, tmp_path):
    """faster-whisper decodes espeak-ng's French question again by sampling (its first pass is
    unsure); with CTranslate2's generators seeded from the system's entropy, six runs gave five
    texts. Seeded (``whisper_models.SAMPLING_SEED``), each new process hears the same."""
    voice, rate, question, _heard, _sign = CASES["fr"]
    audio = spoken(question, voice, rate, tmp_path / "question.wav")
    texts = []
    for _ in range(3):
        run = cli("transcribe", str(audio), "--language", "fr")
        assert run.returncode == 0, run.stderr
        texts.append(run.stdout.strip())
    assert texts[0] and texts.count(texts[0]) == 3, texts
