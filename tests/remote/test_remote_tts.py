"""tts.engine = "openai": the text goes to /v1/audio/speech, the WAV that comes back is what
is played; when the server cannot be used the voice on this machine speaks, said once."""
from __future__ import annotations

import io
import wave

import numpy as np
from fake_openai_server import tone_wav

from assistant.config import AppConfig
from assistant.engines.factory import EngineFactory
from assistant.tts.playback import SilentPlayer
from assistant.tts.wav import read_wav, write_wav


def _speaker(server, paths, events, **remote):
    config = AppConfig().with_overrides(tts={"engine": "openai", "play": False, "rate": 1.25},
                                        remote={"base_url": server.base_url, **remote})
    factory = EngineFactory(paths, on_event=events.append, remote=config.remote)
    return factory.speaker(config.tts), factory


def _samples(data: bytes) -> tuple[np.ndarray, int]:
    with wave.open(io.BytesIO(data), "rb") as clip:
        return (np.frombuffer(clip.readframes(clip.getnframes()), "<i2").astype(np.float32)
                / 32768.0, clip.getframerate())


def test_the_servers_audio_is_what_is_played(server, paths, events, tmp_path):
    server.speech = tone_wav(seconds=0.7, rate=22_050, hz=330.0)
    speaker, factory = _speaker(server, paths, events)
    try:
        speaker.load()
        audio = speaker.synthesize("The sign says launch pad.")
        played = speaker.speak("Second sentence.")        # through the (silent) Player
    finally:
        factory.close()
    expected, rate = _samples(server.speech)
    assert audio.sample_rate == rate == 22_050 and speaker.sample_rate == rate
    assert np.array_equal(audio.samples, expected)
    assert np.array_equal(played.samples, expected)
    first = server.of("/v1/audio/speech")[0]
    assert first.body == {"model": "tts-1", "voice": "alloy", "input": "The sign says launch pad.",
                          "response_format": "wav", "speed": 1.25}
    # Playable: it round-trips through a WAV file.
    again = read_wav(write_wav(audio, tmp_path / "a.wav"))
    assert again.sample_rate == rate and len(again.samples) == len(expected)
    assert events.codes == []


def test_a_streamed_wav_of_unknown_length_is_read(server, paths, events):
    data = bytearray(tone_wav(seconds=0.4, rate=24_000))
    data[4:8] = data[40:44] = (0xFFFFFFFF).to_bytes(4, "little")   # as streaming servers write it
    server.speech = bytes(data)
    speaker, factory = _speaker(server, paths, events)
    try:
        chunks = list(speaker.chunks("Hello there."))
    finally:
        factory.close()
    assert len(chunks) == 1 and len(chunks[0]) == int(0.4 * 24_000)
    assert speaker.sample_rate == 24_000


def test_unreachable_server_speaks_with_the_voice_here(server, paths, events):
    server.stop()
    speaker, factory = _speaker(server, paths, events, retries=0)
    try:
        assert isinstance(speaker.player, SilentPlayer)   # play = false
        speaker.load()
        first = speaker.synthesize("The sign says launch pad.")
        second = speaker.synthesize("It is blue.")
    finally:
        factory.close()
    for audio in (first, second):
        assert audio.duration_s > 0.3 and np.abs(audio.samples).max() > 0.01
    assert events.codes == ["remote_unreachable"]
    assert "speaking with the voice on this machine" in events.messages()[0]


def test_a_change_of_voice_on_the_server_builds_a_new_speaker(server, paths, events):
    config = AppConfig().with_overrides(tts={"engine": "openai", "play": False},
                                        remote={"base_url": server.base_url})
    factory = EngineFactory(paths, on_event=events.append)
    try:
        first = factory.speaker(config.tts, remote=config.remote)
        faster = factory.speaker(config.with_overrides(tts={"rate": 1.5}).tts, remote=config.remote)
        other = factory.speaker(config.tts, remote=config.with_overrides(
            remote={"tts_voice": "nova"}).remote)
    finally:
        factory.close()
    assert faster is first and other is not first and other.name.startswith("openai:tts-1/nova@")
