"""load_audio on real recordings and on the broken files users actually hand us."""
from __future__ import annotations

import shutil
import wave

import numpy as np
import pytest
from asr_support import alsa, goforward_raw, librivox_clips
from system_files import system_file

from assistant.audio import load_audio
from assistant.errors import InputError

def _wav_frames(path) -> tuple[int, int]:
    with wave.open(str(path)) as w:
        return w.getnframes(), w.getframerate()


def test_wav_is_resampled_to_16k_mono_float32():
    frames, rate = _wav_frames(alsa("Front_Center"))  # 48 kHz stereo
    audio = load_audio(alsa("Front_Center"))
    assert audio.dtype == np.float32 and audio.ndim == 1
    assert abs(len(audio) - frames * 16000 / rate) < 0.02 * 16000
    assert 0.05 < np.abs(audio).max() <= 1.0


def test_16k_librivox_wav_keeps_its_length():
    wav = librivox_clips()[0][0]
    frames, rate = _wav_frames(wav)
    assert rate == 16000
    assert abs(len(load_audio(wav)) - frames) <= 160


def test_raw_s16le_is_read_as_16k(tmp_path):
    raw = goforward_raw()
    audio = load_audio(raw)
    assert len(audio) == raw.stat().st_size // 2
    assert np.abs(audio).max() > 0.05
    odd = tmp_path / "odd.raw"
    odd.write_bytes(raw.read_bytes() + b"\x01")  # half a sample at the end
    assert len(load_audio(odd)) == len(audio)


def test_flac_and_ogg_decode(tmp_path):
    import subprocess

    for suffix in ("flac", "ogg"):
        out = tmp_path / f"fc.{suffix}"
        subprocess.run([str(system_file("/usr/bin/sox", "sox")), str(alsa("Front_Center")), str(out)], check=True)
        audio = load_audio(out)
        assert abs(len(audio) - len(load_audio(alsa("Front_Center")))) < 0.05 * 16000


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as err:
        load_audio(tmp_path / "nope.wav")
    assert err.value.code == "file_missing"


def test_zero_length_wav(tmp_path):
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(InputError) as err:
        load_audio(empty)
    assert err.value.code == "audio_empty"


def test_header_only_wav_is_empty(tmp_path):
    header_only = tmp_path / "header.wav"
    with wave.open(str(header_only), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000)
    with pytest.raises(InputError) as err:
        load_audio(header_only)
    assert err.value.code == "audio_empty"


def test_truncated_wav_decodes_what_is_there(tmp_path):
    # Decision: a recording cut off mid-write is still transcribable, so we keep its samples.
    cut = tmp_path / "cut.wav"
    data = alsa("Front_Center").read_bytes()
    cut.write_bytes(data[: len(data) // 3])
    full, partial = load_audio(alsa("Front_Center")), load_audio(cut)
    assert 0.25 * len(full) < len(partial) < 0.4 * len(full)
    np.testing.assert_allclose(partial[1000:4000], full[1000:4000], atol=1e-3)


def test_wav_cut_inside_its_header_is_unreadable(tmp_path):
    cut = tmp_path / "cut.wav"
    cut.write_bytes(alsa("Front_Center").read_bytes()[:30])
    with pytest.raises(InputError) as err:
        load_audio(cut)
    assert err.value.code == "audio_unreadable"


def test_jpeg_renamed_wav_is_unreadable(tmp_path):
    from PIL import Image
    from skimage import data

    fake = tmp_path / "photo.wav"
    Image.fromarray(data.astronaut()).save(fake, format="JPEG")
    with pytest.raises(InputError) as err:
        load_audio(fake)
    assert err.value.code == "audio_unreadable"
    assert "Traceback" not in err.value.user_text()


def test_text_file_and_folder_are_unreadable(tmp_path):
    text = tmp_path / "notes.mp3"
    text.write_text("this is not audio\n" * 50)
    for bad in (text, tmp_path):
        with pytest.raises(InputError) as err:
            load_audio(bad)
        assert err.value.code == "audio_unreadable"


def test_path_with_spaces_and_unicode(tmp_path):
    target = tmp_path / "voix enregistrée.wav"
    shutil.copy(alsa("Front_Center"), target)
    assert len(load_audio(target)) == len(load_audio(alsa("Front_Center")))


def test_a_tiny_recording_at_1_hz_is_refused_before_it_expands(tmp_path):
    """10 KB at 1 sample a second would be 80 million samples at 16 kHz (gigabytes while
    resampling): refused in words from the header. 8 kHz (a telephone) is still taken."""
    import subprocess
    import sys

    low = tmp_path / "one-hertz.wav"
    with wave.open(str(low), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(1)
        w.writeframes(np.zeros(5000, np.int16).tobytes())
    code = ("import resource, sys\nfrom assistant.audio import load_audio\n"
            "from assistant.errors import InputError\n"
            "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "try:\n    load_audio(sys.argv[1]); out = 'decoded'\n"
            "except InputError as exc:\n    out = exc.code + ': ' + exc.message\n"
            "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024, out)\n")
    run = subprocess.run([sys.executable, "-c", code, str(low)], capture_output=True, text=True,
                         timeout=300)
    grown, outcome = run.stdout.strip().split(" ", 1)
    assert outcome.startswith("audio_rate_too_low") and "at least 8000" in outcome, run.stderr
    assert int(grown) < 50
    phone = tmp_path / "phone.wav"
    with wave.open(str(phone), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes((np.sin(np.arange(8000) / 8) * 8000).astype(np.int16).tobytes())
    assert len(load_audio(phone)) == 16000
