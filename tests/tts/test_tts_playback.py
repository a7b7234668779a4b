"""The Player with a paced fake sound card: full playback, fast stop, no device."""
from __future__ import annotations

import sys
import threading
import time

import numpy as np
from fake_portaudio import sound_card

from assistant.tts.playback import NO_AUDIO_OUTPUT, Player
from assistant.tts.wav import read_wav

LIBRIVOX_WAV = "/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0870.wav"
ALSA_WAV = "/usr/share/sounds/alsa/Front_Center.wav"


def test_plays_a_real_recording_to_the_end_in_real_time(fake_sd):
    audio = read_wav(ALSA_WAV)
    player = Player(sd=fake_sd, blocksize=2048)
    started = time.monotonic()
    assert player.play(audio)
    assert player.is_playing
    assert player.wait(timeout=10) is True
    elapsed = time.monotonic() - started
    assert not player.is_playing
    played = fake_sd.streams[0].played
    assert fake_sd.streams[0].samplerate == 48_000
    assert np.array_equal(played[: len(audio.samples)], audio.samples)
    assert not played[len(audio.samples):].any()  # only silence pads the last block
    assert audio.duration_s * 0.8 < elapsed < audio.duration_s + 1.0
    assert fake_sd.streams[0].closed


def test_stop_from_another_thread_is_immediate(fake_sd):
    audio = read_wav(LIBRIVOX_WAV)  # 7 s of real speech
    player = Player(sd=fake_sd)
    assert player.play(audio)
    stream = fake_sd.streams[0]
    assert stream.first_block.wait(5)
    time.sleep(0.3)  # let real playback run a while before interrupting it
    took: list[float] = []

    def interrupt():
        t0 = time.monotonic()
        player.stop()
        took.append(time.monotonic() - t0)

    stopper = threading.Thread(target=interrupt)
    t0 = time.monotonic()
    stopper.start()
    assert stream.finished.wait(1.0)
    stopper.join()
    assert stream.finished_at - t0 < 0.1
    assert took[0] < 0.1
    assert not player.is_playing
    assert player.wait(timeout=0.1) is False  # it was stopped, not finished
    played = stream.played
    assert 0.2 * audio.sample_rate < len(played) < 2 * audio.sample_rate
    assert np.array_equal(played, audio.samples[: len(played)])


def test_fed_chunks_play_in_order_and_a_new_play_replaces_the_old(fake_sd):
    audio = read_wav(ALSA_WAV)
    player = Player(sd=fake_sd, blocksize=4096)
    half = len(audio.samples) // 2
    assert player.start(audio.sample_rate)
    player.feed(audio.samples[:half])
    player.feed(audio.samples[half:])
    player.end()
    assert player.wait(timeout=10)
    assert np.array_equal(fake_sd.streams[0].played[: len(audio.samples)], audio.samples)
    # Starting anew while one plays stops the first at once.
    long_clip = read_wav(LIBRIVOX_WAV)
    assert player.play(long_clip)
    assert fake_sd.streams[1].first_block.wait(5)
    assert player.play(audio)
    assert fake_sd.streams[1].finished.is_set()
    assert player.wait(timeout=10)


def test_no_output_device_is_reported_once_and_does_not_raise(broken_sd):
    reports = []
    player = Player(sd=broken_sd, on_error=reports.append)
    audio = read_wav(ALSA_WAV)
    assert player.play(audio) is False
    assert player.play(audio) is False
    assert not player.is_playing
    assert player.wait(timeout=0.1) is True  # nothing to wait for
    player.stop()  # harmless
    assert [r.code for r in reports] == [NO_AUDIO_OUTPUT]
    assert player.error is not None and player.error.code == NO_AUDIO_OUTPUT
    assert "no sound output device" in reports[0].message


def test_missing_portaudio_is_reported_once(monkeypatch):
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # import fails as without PortAudio
    reports = []
    player = Player(on_error=reports.append)
    assert player.available is False
    assert player.play(read_wav(ALSA_WAV)) is False
    assert [r.code for r in reports] == [NO_AUDIO_OUTPUT]
    assert "PortAudio" in reports[0].message and "libportaudio2" in reports[0].hint


def _band_limited(audio: np.ndarray, rate: int, target: int) -> np.ndarray:
    """Reference rate change by FFT zero-padding, independent of the code under test."""
    n, m = audio.shape[0], int(round(audio.shape[0] * target / rate))
    spectrum = np.zeros(m // 2 + 1, complex)
    whole = np.fft.rfft(audio.astype(np.float64))
    spectrum[: min(len(whole), len(spectrum))] = whole[: len(spectrum)]
    return (np.fft.irfft(spectrum, m) * m / n).astype(np.float32)


def test_a_clip_fed_in_pieces_is_converted_without_clicks_at_the_joins():
    audio = read_wav(LIBRIVOX_WAV)  # 16 kHz speech
    clip = audio.samples[: 3 * audio.sample_rate // 2]  # 1.5 s, played in real time
    card = sound_card(rates=(48_000,))  # 48 kHz and nothing else, as many HDMI and USB outputs
    player = Player(sd=card, blocksize=1024)
    assert player.start(audio.sample_rate)
    joins = list(range(0, clip.shape[0], 3000))  # sentence-sized pieces, as a speaker feeds
    for at in joins:
        player.feed(clip[at:at + 3000])
    player.end()
    assert player.wait() is True  # no timeout given; it returns when the clip has played
    assert [s.samplerate for s in card.streams] == [48_000]  # 16 kHz was refused
    played = card.streams[0].played
    want = _band_limited(clip, 16_000, 48_000)
    assert played.shape[0] >= want.shape[0]
    error = np.abs(played[: want.shape[0]] - want)
    assert 10 * np.log10(np.sum(want ** 2) / np.sum(error ** 2)) > 35
    at_joins = np.concatenate([np.arange(3 * j - 3, 3 * j + 3) for j in joins[1:]])
    assert error[at_joins].mean() < 2 * error.mean() + 1e-4
