"""Microphone and WAV replay sources, driven by a fake sounddevice that plays real speech."""
from __future__ import annotations

import math
import sys
import threading
import time

import numpy as np
import pytest
from audio_live_helpers import (FRONT_CENTER, MIC, SPEAKER, WEBCAM, Collector, read_pcm16,
                                write_pcm16)

from assistant.audio.sources import MicrophoneSource, WavReplaySource, read_wav_16k, resample
from assistant.errors import DeviceError


def test_microphone_delivers_the_recording_in_float32_blocks(fake_sd_factory, librivox_clips):
    clip = librivox_clips["0880"]
    sd = fake_sd_factory(clip, speed=8.0)
    mic = MicrophoneSource("headset", sd_module=sd, block_ms=32)
    got = Collector()
    mic.start(got)
    assert sd.drained.wait(10), "the fake device never finished replaying"
    mic.stop()
    assert mic.device_name == MIC["name"]
    assert all(b.dtype == np.float32 and b.ndim == 1 for b in got.blocks)
    assert {b.shape[0] for b in got.blocks[:-1]} == {512}
    np.testing.assert_array_equal(got.audio(), clip)
    assert not mic.running


def test_device_choice_by_index_name_and_default(fake_sd_factory, librivox_clips):
    sd = fake_sd_factory(librivox_clips["0880"], default_input=2)
    assert MicrophoneSource(None, sd_module=sd).resolve_device() == (2, WEBCAM["name"])
    assert MicrophoneSource(1, sd_module=sd).resolve_device() == (1, MIC["name"])
    assert MicrophoneSource("C920", sd_module=sd).resolve_device() == (2, WEBCAM["name"])
    with pytest.raises(DeviceError) as err:
        MicrophoneSource(0, sd_module=sd).resolve_device()  # an output-only device
    assert err.value.code == "no_audio_input" and "Headset Mic" in err.value.hint
    with pytest.raises(DeviceError):
        MicrophoneSource("Blue Yeti", sd_module=sd).resolve_device()
    # A default pointing at nothing usable falls back to the first microphone.
    sd.default.device = [-1, -1]
    assert MicrophoneSource(None, sd_module=sd).resolve_device() == (1, MIC["name"])


def test_no_input_device_is_a_plain_device_error(fake_sd_factory, librivox_clips):
    sd = fake_sd_factory(librivox_clips["0880"], devices=[SPEAKER])
    mic = MicrophoneSource(sd_module=sd)
    with pytest.raises(DeviceError) as err:
        mic.start(Collector())
    assert err.value.code == "no_audio_input"
    assert err.value.user_text().startswith("No microphone was found")
    assert not mic.running and sd.streams == []


def test_missing_portaudio_is_a_plain_device_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # import fails as if PortAudio were absent
    with pytest.raises(DeviceError) as err:
        MicrophoneSource().start(Collector())
    assert err.value.code == "no_audio_input" and "libportaudio2" in err.value.hint


def test_real_sounddevice_agrees_with_this_machine():
    """With the real library: either a microphone is listed and chosen, or a coded error."""
    import sounddevice

    inputs = [d for d in sounddevice.query_devices() if d["max_input_channels"] > 0]
    mic = MicrophoneSource()
    if inputs:
        index, name = mic.resolve_device()
        assert name in {d["name"] for d in inputs}
    else:
        with pytest.raises(DeviceError) as err:
            mic.resolve_device()
        assert err.value.code == "no_audio_input"


@pytest.mark.parametrize("silent_loss", [False, True], ids=["stream-error", "goes-quiet"])
def test_microphone_survives_unplug_and_replug(fake_sd_factory, librivox_clips, silent_loss):
    clip = np.concatenate([librivox_clips["0870"], librivox_clips["0920"]])
    sd = fake_sd_factory(clip, speed=4.0)
    sd.silent_loss = silent_loss
    states: list[str] = []
    lost, restored = threading.Event(), threading.Event()

    def on_state(state):
        states.append(state)
        (lost if state == "lost" else restored).set()

    mic = MicrophoneSource("headset", sd_module=sd, retry_s=0.05, stall_s=0.4, on_state=on_state)
    got = Collector()
    mic.start(got)
    try:
        assert got.wait_for(10)
        sd.unplug(MIC["name"])
        assert lost.wait(5), "the loss was never noticed"
        before = got.count()
        # While away, reopening keeps failing and nothing arrives.
        assert not restored.wait(0.3)
        assert got.count() == before
        sd.plug(MIC["name"])
        assert restored.wait(5), "the microphone was not reopened"
        assert got.wait_for(before + 10)
        assert mic.running
    finally:
        mic.stop()
    assert states == ["lost", "restored"]
    assert len(sd.streams) == 2 and not any(s.active for s in sd.streams)
    assert sd.inits and sd.killed == []  # the list was re-read, with no stream open
    # Everything delivered is the recording, in order, with no block repeated.
    audio = got.audio()
    np.testing.assert_array_equal(audio, clip[:audio.shape[0]])


def test_wav_replay_paces_in_real_time(tmp_path, librivox_clips):
    clip = librivox_clips["0880"][: 16_000]  # one second
    source = WavReplaySource(write_pcm16(tmp_path / "one.wav", clip), speed=4.0)
    got = Collector()

    began = time.monotonic()
    source.start(got)
    assert source.wait(10)
    elapsed = time.monotonic() - began
    source.stop()
    assert 0.2 <= elapsed < 3.0  # 1 s of audio at 4x: about 0.25 s (loose top: shared CPU)
    np.testing.assert_allclose(got.audio(), clip, atol=1 / 32767)
    assert source.sample_rate == 16_000 and math.isclose(source.duration_s, 1.0)


def test_wav_replay_can_stop_midway(tmp_path, librivox_clips):
    source = WavReplaySource(write_pcm16(tmp_path / "a.wav", librivox_clips["0870"]), speed=1.0)
    got = Collector()
    source.start(got)
    assert got.wait_for(3)
    source.stop()
    assert source.wait(1) and got.count() < 50


def test_wav_replay_resamples_48k_speech(silero_factory):
    audio48, rate = read_pcm16(FRONT_CENTER)
    assert rate == 48_000
    audio16 = read_wav_16k(FRONT_CENTER)
    assert abs(audio16.shape[0] - audio48.shape[0] / 3) <= 1
    # Resampling keeps the waveform: decimating the 48 kHz original lines up with it.
    corr = np.corrcoef(audio16[100:-100], audio48[::3][: audio16.shape[0]][100:-100])[0, 1]
    assert corr > 0.95
    # And Silero hears the words "front center" in it.
    vad = silero_factory()
    probs = [vad.probability(w) for w in audio16[: audio16.shape[0] // 512 * 512].reshape(-1, 512)]
    assert sum(p > 0.5 for p in probs) * 0.032 > 0.4


def test_resample_rejects_nothing_and_keeps_tones():
    t = np.arange(8000) / 8000
    tone = np.sin(2 * np.pi * 440 * t).astype(np.float32)
    up = resample(tone, 8000)
    assert up.shape[0] == 16000
    spectrum = np.abs(np.fft.rfft(up))
    assert abs(np.argmax(spectrum) * 16000 / up.shape[0] - 440) < 2
    assert resample(np.zeros(0, np.float32), 44100).shape == (0,)
