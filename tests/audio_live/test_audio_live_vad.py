"""Streaming Silero matches faster-whisper's offline Silero; the WebRTC fallback works."""
from __future__ import annotations

import time

import numpy as np
import pytest

from assistant.audio.vad import WebRtcVad, WindowFramer


def offline_probs(audio: np.ndarray) -> np.ndarray:
    from faster_whisper.vad import get_vad_model

    padded = np.pad(audio, (0, -audio.shape[0] % 512))
    return np.asarray(get_vad_model()(padded)).reshape(-1)


def streaming_probs(vad, audio: np.ndarray, block: int = 512) -> np.ndarray:
    padded = np.pad(audio, (0, -audio.shape[0] % 512))
    framer = WindowFramer(vad.window_samples)
    probs = []
    for at in range(0, padded.shape[0], block):
        probs.extend(vad.probability(w) for w in framer.push(padded[at:at + block]))
    return np.array(probs)


def test_streaming_silero_matches_offline_on_every_clip(librivox_clips, silero_factory):
    vad = silero_factory()
    for name, audio in librivox_clips.items():
        vad.reset()
        online, offline = streaming_probs(vad, audio), offline_probs(audio)
        assert online.shape == offline.shape
        np.testing.assert_allclose(online, offline, atol=1e-6, err_msg=name)
        assert (offline > 0.5).mean() > 0.5  # sanity: these clips are mostly speech


def test_odd_block_sizes_do_not_change_the_answer(librivox_clips, silero_factory):
    audio = librivox_clips["0890"]
    expected = offline_probs(audio)
    np.testing.assert_allclose(streaming_probs(silero_factory(), audio, block=333), expected, atol=1e-6)


def test_state_carries_across_windows_and_reset_clears_it(librivox_clips, silero_factory):
    vad = silero_factory()
    a, b = librivox_clips["0880"], librivox_clips["0930"]
    a = a[: a.shape[0] // 512 * 512]
    streaming_probs(vad, a)
    carried = streaming_probs(vad, b)
    # Without reset, b is heard as the continuation of a: same as offline over a+b.
    joined = offline_probs(np.concatenate([a, b]))
    np.testing.assert_allclose(carried, joined[a.shape[0] // 512:], atol=1e-6)
    vad.reset()
    np.testing.assert_allclose(streaming_probs(vad, b), offline_probs(b), atol=1e-6)
    assert not np.allclose(carried, offline_probs(b), atol=1e-4)


def test_window_size_is_checked(silero_factory):
    with pytest.raises(ValueError):
        silero_factory().probability(np.zeros(480, np.float32))


def test_silero_cost_per_window(librivox_clips, silero_factory):
    vad = silero_factory()
    audio = librivox_clips["0870"]
    windows = audio[: audio.shape[0] // 512 * 512].reshape(-1, 512)
    began = time.perf_counter()
    for w in windows:
        vad.probability(w)
    per_window_ms = (time.perf_counter() - began) * 1000 / len(windows)
    print(f"\nSilero streaming: {per_window_ms:.3f} ms per 32 ms window ({len(windows)} windows)")
    assert per_window_ms < 16  # must keep up with real time with room to spare


def test_webrtc_hears_speech_and_not_silence(librivox_clips):
    vad = WebRtcVad(aggressiveness=3)
    assert vad.window_samples == 480
    speech = librivox_clips["0920"]
    windows = speech[: speech.shape[0] // 480 * 480].reshape(-1, 480)
    began = time.perf_counter()
    decisions = np.array([vad.probability(w) for w in windows])
    per_frame_ms = (time.perf_counter() - began) * 1000 / len(windows)
    print(f"\nWebRTC VAD: {per_frame_ms:.3f} ms per 30 ms frame")
    assert set(np.unique(decisions)) <= {0.0, 1.0}
    # Where Silero is sure of speech, WebRTC mostly agrees.
    silero = offline_probs(speech)
    silero_at = silero[np.minimum((np.arange(len(windows)) * 480 + 240) // 512, len(silero) - 1)]
    assert decisions[silero_at > 0.8].mean() > 0.8
    vad.reset()
    assert all(vad.probability(np.zeros(480, np.float32)) == 0.0 for _ in range(50))


def test_webrtc_options_are_checked():
    with pytest.raises(ValueError):
        WebRtcVad(aggressiveness=4)
    with pytest.raises(ValueError):
        WebRtcVad(frame_ms=25)


@pytest.fixture
def broken_silero(tmp_path, monkeypatch):
    """The Silero model file damaged on disk: onnxruntime really fails to load it."""
    import assistant.audio.vad as vad

    damaged = tmp_path / "silero_vad_v6.onnx"
    damaged.write_bytes(b"\x08\x07not an onnx model")
    monkeypatch.setattr(vad, "_bundled_silero_path", lambda: str(damaged))


def test_the_detector_falls_back_to_webrtc_then_to_typed_questions(broken_silero, monkeypatch,
                                                                   librivox_clips):
    import sys

    from assistant.audio.vad import NoSpeechDetector, build_detector

    choice = build_detector()             # Silero fails: WebRTC listens, and it is said
    assert isinstance(choice.detector, WebRtcVad) and choice.listens
    assert choice.problem.code == "voice_detector_fallback"
    assert "could not be loaded" in choice.problem.message and "Traceback" not in choice.problem.message
    audio = next(iter(librivox_clips.values()))
    assert streaming_probs(choice.detector, audio, block=480).max() == 1.0   # it hears speech

    monkeypatch.setitem(sys.modules, "webrtcvad", None)     # not installed either
    choice = build_detector()
    assert isinstance(choice.detector, NoSpeechDetector) and not choice.listens
    assert choice.problem.code == "no_voice_detector"
    assert "type your questions" in choice.problem.user_text()
    with pytest.raises(Exception) as failed:               # listen has nothing to fall back on
        build_detector(typed_only_fallback=False)
    assert getattr(failed.value, "code", "") == "model_missing"
