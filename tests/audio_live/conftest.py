"""Fixtures for the live-audio tests: real recordings, Silero, a fake sounddevice."""
from __future__ import annotations

import numpy as np
import pytest
from audio_live_helpers import LIBRIVOX, MIC, RATE, SPEAKER, WEBCAM, FakeSoundDevice, read_pcm16


@pytest.fixture(scope="session")
def librivox_clips() -> dict[str, np.ndarray]:
    clips = {}
    for path in sorted(LIBRIVOX.glob("*.wav")):
        audio, rate = read_pcm16(path)
        assert rate == RATE
        clips[path.stem.rsplit("-", 1)[-1]] = audio
    assert len(clips) == 5, "pocketsphinx-testdata is not installed"
    return clips


@pytest.fixture(scope="session")
def silero_factory():
    """Builds Silero detectors; the ONNX session load is cheap but share the import cost."""
    from assistant.audio.vad import SileroStreamingVad

    return SileroStreamingVad


@pytest.fixture
def fake_sd_factory():
    made: list[FakeSoundDevice] = []

    def make(audio, devices=(SPEAKER, MIC, WEBCAM), speed=4.0, **kwargs) -> FakeSoundDevice:
        sd = FakeSoundDevice(audio, list(devices), speed=speed, **kwargs)  # 4x real time
        made.append(sd)
        return sd

    yield make
    for sd in made:
        sd.before_output_open.set()
        sd.before_output_start.set()
        sd.before_input_open.set()
        for stream in sd.open_streams():
            stream.close()
    for sd in made:  # what the real PortAudio can die of (see tests/fake_portaudio.py)
        assert sd.unsafe_failures == [], "an open failed while another stream was running"
        assert sd.unsafe_terminates == 0, "PortAudio was terminated during an open"
