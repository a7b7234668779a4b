"""Real Piper speech encoded by ``audio/encode.py`` in every format, decoded back with PyAV:
the rate each format promises, the speech's length, sound (not silence), and for MP3 and Ogg
Opus the words themselves, heard by Whisper tiny.en."""
from __future__ import annotations

import io

import numpy as np
import pytest

from assistant.audio.encode import EXTENSIONS, FORMATS, SERVE_RATE, Encoder, encode, format_for_path
from assistant.errors import InputError

SENTENCE = "The coffee cup is on the wooden table next to a small black cat."
TWO = "The door on the left is open. Please close it when you leave the room."


@pytest.fixture(scope="module")
def speech(piper_speaker):
    return piper_speaker.synthesize(SENTENCE)


SCALE = {"flt": 1.0, "dbl": 1.0, "s16": 32768.0, "s32": 2147483648.0}


def decoded(data: bytes, fmt: str, pcm_rate: int = SERVE_RATE) -> tuple[np.ndarray, int]:
    """Float mono samples and their rate, read back with PyAV (raw PCM: as a client reads it)."""
    import av

    if fmt == "pcm":
        return np.frombuffer(data, "<i2").astype(np.float32) / 32768.0, pcm_rate
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.audio[0]
        assert stream.codec_context.channels == 1
        frames = [f.to_ndarray().astype(np.float32).reshape(-1) / SCALE[f.format.name[:3]]
                  for f in container.decode(stream)]
        rate = stream.codec_context.sample_rate
    return np.concatenate(frames), rate


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples ** 2)))


@pytest.mark.slow
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_decodes_to_the_speech_at_its_rate(speech, fmt):
    data = encode(speech.samples, speech.sample_rate, fmt, rate=SERVE_RATE)
    samples, rate = decoded(data, fmt)
    assert rate == (48_000 if fmt == "opus" else SERVE_RATE)
    # Codec delay and padding (MP3: up to about 2300 samples, AAC: 2048) add under 0.1 s.
    assert abs(len(samples) / rate - speech.duration_s) < 0.15, (len(samples) / rate, speech.duration_s)
    assert rms(samples) > 0.3 * rms(speech.samples)            # the speech, not silence


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["wav", "flac", "mp3", "aac"])
def test_a_whole_file_keeps_the_voices_rate_and_its_length_in_its_header(speech, fmt):
    """``--speak-to``: no rate given, so no resampling where the codec takes the voice's."""
    import av

    data = encode(speech.samples, speech.sample_rate, fmt)
    samples, rate = decoded(data, fmt)
    assert rate == speech.sample_rate == 22_050
    assert abs(len(samples) / rate - speech.duration_s) < 0.15
    if fmt != "aac":    # ADTS has no length field (readers guess it from the bit rate)
        with av.open(io.BytesIO(data)) as container:      # the header says how long (seekable)
            assert container.duration is not None
            assert abs(container.duration / 1e6 - speech.duration_s) < 0.1
    if fmt in ("wav", "flac"):                          # lossless: every sample back
        assert len(samples) == len(speech.samples)
        assert np.abs(samples - np.clip(speech.samples, -1, 1)).max() < 1e-3


@pytest.mark.slow
def test_a_stream_fed_a_sentence_at_a_time_is_one_playable_file(piper_speaker):
    """The server's way: pieces at the voice's rate in, bytes out after each piece; the joined
    bytes decode to all the sentences, and the first piece's bytes come before the second."""
    pieces = list(piper_speaker.chunks(TWO))
    assert len(pieces) == 2
    total = sum(len(p) for p in pieces) / piper_speaker.sample_rate
    for fmt in FORMATS:
        encoder = Encoder(fmt, piper_speaker.sample_rate, rate=SERVE_RATE)
        parts = [encoder.feed(p) for p in pieces] + [encoder.finish()]
        assert len(parts[0]) > 0, fmt              # the first sentence leaves before the second
        samples, rate = decoded(b"".join(parts), fmt)
        assert abs(len(samples) / rate - total) < 0.15, fmt
    with pytest.raises(Exception):
        Encoder("ogg", 22_050)                     # the API's names only


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["mp3", "opus"])
def test_the_words_survive_the_lossy_formats(speech, fmt, transcribe_wer, tmp_path):
    data = encode(speech.samples, speech.sample_rate, fmt, rate=SERVE_RATE)
    path = tmp_path / f"said.{'ogg' if fmt == 'opus' else fmt}"
    path.write_bytes(data)
    wer, heard = transcribe_wer(path, SENTENCE)
    assert wer <= 0.2, f"{SENTENCE!r} was heard as {heard!r}"


def test_the_extension_names_the_format_and_an_unknown_one_is_refused():
    assert {ext: format_for_path(f"/tmp/a{ext.upper()}").name for ext in EXTENSIONS} == EXTENSIONS
    assert format_for_path("/dev/null").name == "wav"          # no extension: WAV, as before
    assert format_for_path("out.backup.mp3").name == "mp3"
    for bad in ("answer.mp4", "answer.txt", "answer.m4a"):
        with pytest.raises(InputError) as caught:
            format_for_path(bad)
        assert caught.value.code == "unknown_audio_format" and caught.value.exit_status == 2
        assert ".mp3" in caught.value.message and bad.rsplit(".", 1)[1] in caught.value.message


def test_the_encoders_are_in_the_installed_pyav():
    import av

    for fmt in FORMATS.values():
        av.codec.Codec(fmt.codec, "w")
        av.format.ContainerFormat(fmt.container, "w")
