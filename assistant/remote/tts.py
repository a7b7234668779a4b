"""Speech from an OpenAI-compatible server (/v1/audio/speech), played by the usual Player.

Each sentence the conversation hands over is one request (``response_format="wav"``,
``speed`` = the speaking rate); the WAV that comes back is decoded here (any rate; a
server that sends another format is decoded with PyAV) and played through the same
``Player`` as a local voice, so stop, barge-in and the echo guard work the same. When
the server cannot be used the local voice (Piper or espeak-ng) speaks, said once.
"""
from __future__ import annotations

import io
import logging
import threading
import wave
from typing import Any, Callable, Iterator

import numpy as np

from ..config import RemoteConfig, check_rate
from ..errors import SpeechError
from ..tts import Speaker, SpeechAudio
from ..tts.playback import speak_chunks
from .link import AnsweredBy, RemoteLink, is_api_error

log = logging.getLogger(__name__)
DEFAULT_RATE = 24_000   # OpenAI's speech rate; only used before the first clip arrives


def decode_audio(data: bytes) -> SpeechAudio:
    """A server's audio (a PCM WAV, else anything PyAV reads) as float32 mono."""
    if data[:4] == b"RIFF":
        try:
            with wave.open(io.BytesIO(data), "rb") as clip:
                channels, width, rate = clip.getnchannels(), clip.getsampwidth(), clip.getframerate()
                # A streamed WAV's header may give a length of 0 or 4 GB: read what is there.
                frames = clip.readframes(max(clip.getnframes(), len(data)))
            if width == 2:
                samples = np.frombuffer(frames[: len(frames) // 2 * 2], "<i2").astype(np.float32) / 32768.0
                if channels > 1:
                    samples = samples[: len(samples) // channels * channels]
                    samples = samples.reshape(-1, channels).mean(axis=1)
                return SpeechAudio(np.ascontiguousarray(samples, np.float32), rate)
        except (wave.Error, EOFError):
            log.debug("not a PCM WAV the wave module reads; trying PyAV", exc_info=True)
    return _decode_any(data)


def _decode_any(data: bytes) -> SpeechAudio:
    try:
        import av

        with av.open(io.BytesIO(data), mode="r") as container:
            stream = container.streams.audio[0]
            rate = int(stream.rate or DEFAULT_RATE)
            resampler = av.audio.resampler.AudioResampler(format="flt", layout="mono", rate=rate)
            parts = [frame.to_ndarray().reshape(-1) for decoded in container.decode(audio=0)
                     for frame in resampler.resample(decoded)]
    except Exception as exc:  # noqa: BLE001 - whatever came back, it is not audio we can play
        raise SpeechError("The speech server sent audio that cannot be played.",
                          hint="Ask the server for WAV audio.", code="remote_bad_audio",
                          stage="tts") from exc
    samples = np.concatenate(parts).astype(np.float32) if parts else np.zeros(0, np.float32)
    return SpeechAudio(samples, rate)


class OpenAISpeaker(AnsweredBy):
    """A Speaker on a server's voice, with the local voice behind it."""

    player: Any     # what ``speak`` plays through (Speaker)

    def __init__(self, link: RemoteLink, remote: RemoteConfig, *, rate: float = 1.0,
                 player: Any, local: Callable[[], Speaker]) -> None:
        self.link = link
        self.player = player
        self._model, self._voice = remote.tts_model, remote.tts_voice
        self._rate = rate
        self._build_local = local
        self._local: Speaker | None = None
        self._answered_here = False   # the last sentence fell back: name the voice that spoke
        self._sample_rate = DEFAULT_RATE
        self._speak_lock = threading.Lock()
        self._generation = 0

    def _remote_name(self) -> str:
        return f"openai:{self._model}/{self._voice}@{self.link.host}"

    @property
    def sample_rate(self) -> int:
        """The rate of the clip last made (the conversation reads it after each chunk)."""
        return self._sample_rate

    @property
    def local(self) -> Speaker:
        if self._local is None:
            self._local = self._build_local()
        return self._local

    def load(self) -> None:
        """Check the server answers; when it does not, load the local voice instead."""
        if not self.link.available():
            self.local.load()

    def warm_up(self) -> None:
        """The local voice's, when ``load`` found the server down (the server's is its own)."""
        if self._local is not None:
            self._local.warm_up()

    def configure(self, *, rate: float | None = None) -> None:
        if rate is None:
            return
        check_rate(rate)
        self._rate = rate
        if self._local is not None:
            self._local.configure(rate=rate)

    def chunks(self, text: str) -> Iterator[np.ndarray]:
        """One clip per call (the conversation already hands over one sentence at a time)."""
        if text and text.strip():
            audio = self.synthesize(text)
            self._sample_rate = audio.sample_rate
            yield audio.samples

    def synthesize(self, text: str) -> SpeechAudio:
        if not text or not text.strip():
            return SpeechAudio(np.zeros(0, np.float32), self._sample_rate)
        if self.link.available():
            try:
                audio = self._remote(text)
                self.link.answered()
                self._answered_here = False
                self._sample_rate = audio.sample_rate
                return audio
            except Exception as exc:  # noqa: BLE001 - the server failed: speak here
                if not is_api_error(exc):
                    raise
                self.link.failed(exc)
        audio = self.local.synthesize(text)
        self._answered_here = True
        self._sample_rate = audio.sample_rate
        return audio

    def speak(self, text: str, *, wait: bool = True) -> SpeechAudio:
        """Synthesise and play; with ``wait`` returns once playback ends or is stopped."""
        with self._speak_lock:
            generation = self._generation
            audio = self.synthesize(text)
            return speak_chunks(self.player, audio.sample_rate,
                                [audio.samples] if len(audio.samples) else [],
                                lambda: self._generation != generation, wait=wait)

    def stop(self) -> None:
        self._generation += 1
        self.player.stop()
        if self._local is not None:
            self._local.stop()

    def close(self) -> None:
        self.stop()
        self.link.close()
        if self._local is not None:
            self._local.close()

    def _remote(self, text: str) -> SpeechAudio:
        reply = self.link.client.audio.speech.create(
            model=self._model, voice=self._voice, input=text, response_format="wav",
            speed=self._rate)
        data = reply.read() if hasattr(reply, "read") else bytes(reply.content)
        return decode_audio(data)
