"""WAV writing and reading round-trips real recordings."""
from __future__ import annotations

import wave

import numpy as np
import pytest

from assistant.errors import InputError
from assistant.tts import SpeechAudio
from assistant.tts.wav import read_wav, write_wav

ALSA_WAV = "/usr/share/sounds/alsa/Front_Center.wav"
LIBRIVOX_WAV = "/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0880.wav"


def test_read_real_recording():
    audio = read_wav(ALSA_WAV)
    assert audio.sample_rate == 48_000
    assert audio.samples.dtype == np.float32
    assert 1.3 < audio.duration_s < 1.6
    assert 0.05 < np.abs(audio.samples).max() <= 1.0


def test_round_trip_is_exact_to_16_bits(tmp_path):
    original = read_wav(LIBRIVOX_WAV)
    out = write_wav(original, tmp_path / "sub" / "copy.wav")
    back = read_wav(out)
    assert back.sample_rate == original.sample_rate
    assert len(back.samples) == len(original.samples)
    assert np.abs(back.samples - original.samples).max() < 2 / 32768
    with wave.open(str(out)) as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
    assert [p.name for p in out.parent.iterdir()] == ["copy.wav"]  # no temp file left


def test_loud_samples_are_clipped_not_wrapped(tmp_path):
    loud = SpeechAudio(np.array([2.0, -2.0, 0.5], dtype=np.float32), 16_000)
    back = read_wav(write_wav(loud, tmp_path / "loud.wav"))
    assert back.samples[0] > 0.99 and back.samples[1] < -0.99
    assert abs(back.samples[2] - 0.5) < 1e-3


def test_stereo_is_mixed_to_mono(tmp_path):
    path = tmp_path / "stereo.wav"
    left = (np.sin(np.arange(1600) / 5) * 10000).astype("<i2")
    frames = np.stack([left, left], axis=1).reshape(-1)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2), w.setsampwidth(2), w.setframerate(16_000)
        w.writeframes(frames.tobytes())
    audio = read_wav(path)
    assert len(audio.samples) == 1600
    assert np.allclose(audio.samples, left / 32768.0, atol=1e-6)


def test_empty_audio_round_trips(tmp_path):
    back = read_wav(write_wav(SpeechAudio(np.zeros(0, np.float32), 22_050), tmp_path / "e.wav"))
    assert back.duration_s == 0.0 and back.sample_rate == 22_050


def test_not_a_wav_is_a_plain_input_error(tmp_path):
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"this is not audio")
    with pytest.raises(InputError) as info:
        read_wav(bad)
    assert "not a PCM WAV" in info.value.message
    with pytest.raises(InputError):
        read_wav(tmp_path / "missing.wav")
