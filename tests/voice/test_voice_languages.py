"""A French conversation through the ConversationEngine: a question spoken by espeak-ng is
heard as French (the reply language chosen), answered in French by espeak-ng's French voice,
and "Arrête de parler." said while it speaks stops the speech as a voice command (barge-in
off, so only the command can stop it).

The phrasings and voice are the ones Whisper base hears from espeak-ng (measured: "Arrête !"
alone -> "Amen !"/"Ah, c'est bon !", "Arrête, s'il te plaît." -> "Ah mec ! S'il te plaît !";
"Arrête de parler." with the fr+f2 voice at 110 words a minute -> "Arrête de parler !").
"""
from __future__ import annotations

import subprocess
import time

import numpy as np
import pytest
from PIL import Image
from fake_portaudio import sound_card
from voice_helpers import FixedVision, silence, write_pcm16

from assistant.audio.sources import WavReplaySource
from assistant.i18n import text_language
from assistant.events import EventBus, Recorder, SpeakingFinished, SpeakingStarted, Transcript
from assistant.pipeline import Assistant
from assistant.tts.playback import Player
from assistant.voice.engine import ConversationEngine
from assistant.voice.events import CommandHeard, ConversationOptions

IMAGE = Image.new("RGB", (64, 64), (90, 120, 60))
# About 80 s said by espeak-ng: still speaking when the command comes, however slow the
# transcriptions on a busy machine (with 50 s, CI once heard the command after the end).
ANSWER = " ".join(["Le panneau indique que le vieux moulin se trouve à trois kilomètres, "
                   "que le pont est fermé aux camions, et qu'il faut prendre la route de "
                   "gauche après l'église."] * 8)


def espeak(tmp_path, text: str, voice: str, rate: int) -> np.ndarray:
    from assistant.audio.files import load_audio

    out = tmp_path / f"{abs(hash(text))}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-g", "4", "-w", str(out), text],
                   check=True, timeout=60)
    audio = load_audio(out)
    return (audio * (0.5 / float(np.abs(audio).max()))).astype(np.float32)


@pytest.fixture(scope="module")
def french_ears():
    from assistant.asr.whisper import FasterWhisperTranscriber
    from assistant.config import AsrConfig

    engine = FasterWhisperTranscriber(AsrConfig(cpu_threads=2))
    engine.load("fr")
    return engine


@pytest.mark.slow
def test_arrete_stops_a_french_reply(tmp_path, french_ears, piper, detector):
    from assistant.tts.languages import LanguageSpeaker
    from assistant.tts.pyttsx3_voice import Pyttsx3Speaker

    card = sound_card()
    player = Player(card)
    speaker = LanguageSpeaker(piper, lambda language, rate: Pyttsx3Speaker(
        None, rate=rate, player=player, language=language))
    audio = np.concatenate([silence(0.5), espeak(tmp_path, "Qu'est-ce qui est écrit sous ce panneau ?", "fr+m3", 110),
                            silence(30.0), espeak(tmp_path, "Arrête de parler.", "fr+f2", 110),
                            silence(4.0)])
    bus = EventBus()
    rec = Recorder(bus)
    vision = FixedVision(ANSWER)
    source = WavReplaySource(write_pcm16(tmp_path / "mic.wav", audio), speed=1.0)
    loop = ConversationEngine(source=source, detector=detector, transcriber=french_ears,
                              assistant=Assistant(vision=vision, bus=bus, reply_setting="fr"),
                              image=lambda: IMAGE, speaker=speaker, player=player, bus=bus,
                              options=ConversationOptions(language="fr", barge_in=False))
    loop.start()
    try:
        assert source.wait(120)
        assert loop.drain(60)
        time.sleep(0.5)
    finally:
        loop.close()
    texts = [(t.text, t.language) for t in rec.of_type(Transcript)]
    assert len(texts) == 2 and all(lang == "fr" for _, lang in texts), texts
    # Heard as French words (measured: "Qu'est-ce qui est un type sous-supano ?": espeak-ng's
    # "écrit sous ce panneau" is beyond Whisper base here; the words of the command are not).
    assert text_language(texts[0][0]) == "fr", texts
    assert [c.command for c in rec.of_type(CommandHeard)] == ["stop"], texts
    assert vision.questions == [texts[0][0]]          # the command never reached the eyes
    started = rec.of_type(SpeakingStarted)
    assert started and started[0].text.startswith("Le panneau indique"), started
    finished = rec.of_type(SpeakingFinished)
    assert finished and finished[0].interrupted, finished
    # Cut short: far less than the whole reply reached the sound card.
    played = sum(len(s.played) / s.samplerate for s in card.streams)
    assert played < 40.0, played
