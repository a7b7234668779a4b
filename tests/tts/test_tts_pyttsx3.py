"""pyttsx3 + espeak-ng: real synthesis on the owning thread, checked through Whisper."""
from __future__ import annotations

import threading

import numpy as np
import pytest

from assistant.errors import SpeechError
from assistant.tts.playback import NO_AUDIO_OUTPUT, Player, SilentPlayer
from assistant.tts.pyttsx3_voice import Pyttsx3Speaker
from assistant.tts.wav import write_wav

SENTENCES = [
    "What does the sign say?",
    "Please read the text on this page out loud.",
]


@pytest.fixture(scope="module")
def espeak():
    return Pyttsx3Speaker(player=SilentPlayer())


@pytest.mark.slow
def test_espeak_speech_transcribes_back(espeak, transcribe_wer, tmp_path):
    scores = []
    for i, sentence in enumerate(SENTENCES):
        audio = espeak.synthesize(sentence)
        assert audio.sample_rate == 22_050 and audio.duration_s > 0.8
        wer, heard = transcribe_wer(write_wav(audio, tmp_path / f"e{i}.wav"), sentence)
        scores.append(wer)
        assert wer <= 0.35, f"{sentence!r} was heard as {heard!r}"
    print(f"espeak round-trip WER per sentence: {scores}")


def test_rate_changes_stick_between_speakers(espeak):
    # Regression: through pyttsx3's queue a new pace was sometimes dropped, and a
    # normal-speed speaker spoke at the previous speaker's double speed.
    fast = Pyttsx3Speaker(rate=2.0, player=SilentPlayer())
    text = "Hello. What does the sign say?"
    normal = [espeak.synthesize(text).duration_s]
    quick = []
    for _ in range(3):
        quick.append(fast.synthesize(text).duration_s)
        normal.append(espeak.synthesize("Hello there, how are you?").duration_s)
        normal.append(espeak.synthesize(text).duration_s)
    assert max(quick) < 0.6 * min(normal[0::2])
    assert max(normal[0::2]) - min(normal[0::2]) < 0.05  # same text, same pace every time


def test_many_threads_share_the_one_engine():
    results, errors = [], []

    def talk(i):
        try:
            results.append(Pyttsx3Speaker(player=SilentPlayer()).synthesize(f"Number {i} is here."))
        except Exception as exc:  # 'run loop already started' would land here
            errors.append(exc)

    threads = [threading.Thread(target=talk, args=(i,)) for i in range(4)]
    [t.start() for t in threads]
    [t.join(30) for t in threads]
    assert not errors and len(results) == 4
    assert all(r.duration_s > 0.5 for r in results)


def test_empty_and_long_text(espeak):
    assert espeak.synthesize("").duration_s == 0.0
    assert len(espeak.speak("  ").samples) == 0
    long_text = " ".join(["The quick brown fox jumps over the lazy dog."] * 25)
    audio = espeak.synthesize(long_text)
    assert audio.duration_s > 40
    assert np.abs(audio.samples).max() > 0.1


def test_speak_without_output_device_reports_once(broken_sd):
    reports = []
    speaker = Pyttsx3Speaker(player=Player(sd=broken_sd, on_error=reports.append))
    assert speaker.speak("Hello there.").duration_s > 0.5
    assert speaker.speak("Hello again.").duration_s > 0.5
    assert [r.code for r in reports] == [NO_AUDIO_OUTPUT]


def test_speak_plays_through_our_player_and_stops(fake_sd):
    speaker = Pyttsx3Speaker(player=Player(sd=fake_sd))
    done = {}
    talker = threading.Thread(target=lambda: done.setdefault(
        "audio", speaker.speak(" ".join(["Keep talking about the weather today."] * 6))))
    talker.start()
    assert fake_sd.output_opened.wait(10)
    stream = fake_sd.streams[0]
    assert stream.first_block.wait(5)
    speaker.stop()
    assert stream.finished.wait(0.1)
    talker.join(5)
    assert not talker.is_alive()
    assert len(stream.played) < len(done["audio"].samples)


def test_unknown_voice_is_a_plain_error():
    with pytest.raises(SpeechError) as info:
        Pyttsx3Speaker("no-such-voice", player=SilentPlayer()).synthesize("Hello.")
    assert "no-such-voice" in info.value.message
