"""``/v1/audio/speech`` of a real ``assistant serve`` (Piper) in every format OpenAI gives,
as the official ``openai`` client asks for it: decoded back with PyAV at the promised rate,
as long as the voice's own speech, not silence; the default (MP3) heard back by Whisper;
sent a sentence at a time."""
from __future__ import annotations

import io
import signal
import time

import numpy as np
import pytest
from serve_support import start, words

TEXT = "The door on the left is open."
LONG = " ".join(["The door on the left is open.", "A red sign hangs above it.",
                 "Nobody is in the room.", "The lights are on.", "A cat sleeps on the chair.",
                 "The window looks out on the river."] * 2)
RATES = {"opus": 48_000}          # every other format: 24 kHz, OpenAI's
SCALE = {"flt": 1.0, "dbl": 1.0, "s16": 32768.0, "s32": 2147483648.0}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    served = start(tmp_path_factory.mktemp("serve"), config='[tts]\nengine = "piper"\n')
    yield served
    if served.proc.poll() is None:
        served.stop(signal.SIGKILL)


@pytest.fixture(scope="module")
def voice_s() -> float:
    """How long the same voice says TEXT here (Piper's timing varies a little per run)."""
    from assistant.tts.piper_voice import PiperSpeaker
    from assistant.tts.playback import SilentPlayer

    speaker = PiperSpeaker(player=SilentPlayer())
    try:
        return speaker.synthesize(TEXT).duration_s
    finally:
        speaker.close()


def decoded(data: bytes, fmt: str) -> tuple[np.ndarray, int]:
    import av

    if fmt == "pcm":      # as clients play it: 16-bit little-endian mono at 24 kHz
        return np.frombuffer(data, "<i2").astype(np.float32) / 32768.0, 24_000
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.audio[0]
        assert stream.codec_context.channels == 1
        frames = [f.to_ndarray().astype(np.float32).reshape(-1) / SCALE[f.format.name[:3]]
                  for f in container.decode(stream)]
        return np.concatenate(frames), stream.codec_context.sample_rate


def test_the_openai_clients_default_is_mp3_that_says_the_words(server, voice_s):
    client = server.client()
    spoken = client.audio.speech.create(model="tts-1", voice="alloy", input=TEXT)
    assert spoken.response.headers["content-type"] == "audio/mpeg"
    assert spoken.content[:3] == b"ID3" or spoken.content[0] == 0xFF      # an MP3 stream
    samples, rate = decoded(spoken.content, "mp3")
    assert rate == 24_000 and spoken.response.headers["x-sample-rate"] == "24000"
    assert abs(len(samples) / rate - voice_s) < 0.25 * voice_s
    assert float(np.sqrt(np.mean(samples ** 2))) > 0.01                  # not silence
    heard = client.audio.transcriptions.create(model="whisper-1", file=("said.mp3", spoken.content))
    assert {"door", "left", "open"} <= words(heard.text), heard.text


@pytest.mark.parametrize("fmt", ["opus", "aac", "flac", "wav", "pcm"])
def test_every_format_plays_at_its_rate_for_as_long_as_the_voice_speaks(server, voice_s, fmt):
    spoken = server.client().audio.speech.create(model="tts-1", voice="nova", input=TEXT,
                                                 response_format=fmt)
    samples, rate = decoded(spoken.content, fmt)
    assert rate == RATES.get(fmt, 24_000) == int(spoken.response.headers["x-sample-rate"])
    assert abs(len(samples) / rate - voice_s) < 0.25 * voice_s, (len(samples) / rate, voice_s)
    assert float(np.sqrt(np.mean(samples ** 2))) > 0.01


def test_a_long_text_is_sent_a_sentence_at_a_time(server):
    """The first audio arrives while later sentences are still being made: well before the
    whole body, which is sent in pieces with no length announced."""
    client = server.client()
    begun = time.monotonic()
    with client.audio.speech.with_streaming_response.create(
            model="tts-1", voice="alloy", input=LONG, response_format="pcm") as response:
        assert "content-length" not in response.headers
        first_at, sizes = None, []
        for piece in response.iter_bytes():
            if first_at is None:
                first_at = time.monotonic() - begun
            sizes.append(len(piece))
        total = time.monotonic() - begun
    assert sum(sizes) / 2 / 24_000 > 10            # twelve sentences of speech
    assert len(sizes) >= 3
    print(f"first audio after {first_at:.2f} s of {total:.2f} s, in {len(sizes)} pieces")
    assert first_at < total / 3, (first_at, total)


def test_a_format_not_given_and_sse_are_refused_by_name(server):
    with server.http() as http:
        for field, value in (("response_format", "ogg"), ("stream_format", "sse")):
            response = http.post("/v1/audio/speech", json={"model": "tts-1", "input": TEXT,
                                                           "voice": "alloy", field: value})
            assert response.status_code == 400, response.text
            error = response.json()["error"]
            assert error["code"] == "unsupported_format" and error["param"] == field


def test_a_client_that_goes_away_stops_the_voice_between_sentences(server):
    """The voice is one at a time: had the abandoned text gone on being spoken, the next
    request would wait for all of it."""
    client = server.client()
    text = " ".join([LONG] * 2)               # 24 sentences
    begun = time.monotonic()
    whole = client.audio.speech.create(model="tts-1", voice="alloy", input=text,
                                       response_format="pcm")
    full_s = time.monotonic() - begun
    assert len(whole.content) / 2 / 24_000 > 20
    begun = time.monotonic()
    with client.audio.speech.with_streaming_response.create(
            model="tts-1", voice="alloy", input=text, response_format="pcm") as response:
        next(response.iter_bytes())            # the first sentence, then the client leaves
    left_s = time.monotonic() - begun
    client.audio.speech.create(model="tts-1", voice="alloy", input=TEXT)
    after_s = time.monotonic() - begun
    print(f"whole text {full_s:.2f} s; the client left after {left_s:.2f} s and the next "
          f"request was answered {after_s:.2f} s after the abandoned one began")
    assert after_s < full_s / 3, (after_s, full_s)
