"""The replay source on any recording PyAV reads, decoded as it plays, at any speed.

Real speech (LibriVox) encoded as FLAC, Ogg Opus and MP3; long recordings are synthesised
room silence, where only memory and pacing matter.
"""
from __future__ import annotations

import math
import time
import wave
from pathlib import Path

import numpy as np
import pytest
from audio_live_helpers import Collector
from audio_encode import encode

from assistant.audio.files import load_audio
from assistant.audio.sources import WavReplaySource
from assistant.errors import InputError


RATE = 16_000


def silent_wav(path: Path, seconds: float) -> Path:
    """A long 16-bit WAV of digital silence, written a minute at a time."""
    minute = bytes(RATE * 2 * 60)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        for _ in range(int(seconds // 60)):
            out.writeframes(minute)
    return path


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def replay(source: WavReplaySource, timeout: float = 60) -> Collector:
    got = Collector()
    source.start(got)
    assert source.wait(timeout), "the replay did not finish"
    source.stop()
    return got


def test_flac_replays_sample_for_sample(tmp_path, librivox_clips):
    clip = librivox_clips["0880"]
    source = WavReplaySource(encode(tmp_path / "clip.flac", clip, "flac", "flac"), speed=math.inf)
    got = replay(source)
    assert {b.shape[0] for b in got.blocks[:-1]} == {512}
    np.testing.assert_allclose(got.audio(), clip, atol=1 / 32767)  # lossless
    assert math.isclose(source.duration_s, clip.shape[0] / RATE)


@pytest.mark.parametrize("fmt,codec,rate", [("ogg", "libopus", 48_000), ("mp3", "libmp3lame", 44_100)])
def test_lossy_formats_replay_what_load_audio_reads(tmp_path, librivox_clips, fmt, codec, rate):
    clip = librivox_clips["0870"]
    path = encode(tmp_path / f"clip.{fmt}", clip, fmt, codec, rate)
    got = replay(WavReplaySource(path, speed=math.inf)).audio()
    np.testing.assert_array_equal(got, load_audio(path))  # the same decoder, streamed
    # And it is still the recording: same length, same waveform (encoder delay aside).
    assert abs(got.shape[0] - clip.shape[0]) < 0.1 * RATE
    half = RATE // 2
    start = half + int(np.argmax(np.correlate(got[half:5 * half], clip[RATE:2 * RATE], mode="valid")))
    aligned = got[start:start + clip.shape[0] - 2 * RATE]
    assert np.corrcoef(aligned, clip[RATE:RATE + aligned.shape[0]])[0, 1] > 0.9


def test_speed_paces_blocks_at_n_times_real_time(tmp_path, librivox_clips):
    clip = librivox_clips["0870"][: 4 * RATE]  # four seconds
    path = encode(tmp_path / "four.flac", clip, "flac", "flac")
    source = WavReplaySource(path, speed=8.0)
    began = time.monotonic()
    got = replay(source, timeout=10)
    elapsed = time.monotonic() - began
    assert 0.4 <= elapsed < 2.5  # 4 s at 8x: 0.5 s (loose top: shared CPU)
    assert got.audio().shape[0] == clip.shape[0]


def test_an_hour_long_recording_replays_in_flat_memory(tmp_path):
    """The old source read the whole file first: an hour of WAV is 230 MB of float32."""
    path = silent_wav(tmp_path / "hour.wav", 3600)
    baseline = rss_mb()
    source = WavReplaySource(path, speed=math.inf)
    assert math.isclose(source.duration_s, 3600)  # from the header, before replaying
    peak = [rss_mb()]
    count = [0]

    def consume(block: np.ndarray) -> None:
        count[0] += block.shape[0]
        if count[0] % (RATE * 60) < block.shape[0]:  # about once a minute of audio
            peak.append(rss_mb())

    source.start(consume)
    assert source.wait(300)
    source.stop()
    assert count[0] == 3600 * RATE
    assert len(peak) > 50
    assert max(peak) - baseline < 60, f"resident memory grew by {max(peak) - baseline:.0f} MB"


def test_stop_midway_through_a_long_file(tmp_path):
    source = WavReplaySource(silent_wav(tmp_path / "ten.wav", 600), speed=1.0)
    got = Collector()
    source.start(got)
    assert got.wait_for(3)
    began = time.monotonic()
    source.stop()
    assert source.wait(1) and time.monotonic() - began < 1.0 and got.count() < 50


def test_unreadable_files_are_refused_in_words_before_replay(tmp_path):
    with pytest.raises(InputError) as err:
        WavReplaySource(tmp_path / "missing.flac")
    assert err.value.code == "file_missing"
    fake = tmp_path / "notes.ogg"
    fake.write_text("not a recording\n" * 20)
    with pytest.raises(InputError) as err:
        WavReplaySource(fake)
    assert err.value.code == "audio_unreadable"
    empty = tmp_path / "empty.wav"
    empty.touch()
    with pytest.raises(InputError) as err:
        WavReplaySource(empty)
    assert err.value.code == "audio_empty"


def test_a_file_cut_off_mid_write_replays_what_is_there(tmp_path, librivox_clips):
    clip = librivox_clips["0890"]
    whole = encode(tmp_path / "whole.flac", clip, "flac", "flac")
    cut = tmp_path / "cut.flac"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    got = replay(WavReplaySource(cut, speed=math.inf))
    heard = got.audio()
    assert 0.3 * clip.shape[0] < heard.shape[0] < 0.7 * clip.shape[0]
    np.testing.assert_allclose(heard[:RATE], clip[:RATE], atol=1 / 32767)
