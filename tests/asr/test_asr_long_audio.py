"""Long recordings transcribed a chunk at a time: cuts at pauses, times moved, words unchanged.

Real speech (the five LibriVox clips of pocketsphinx-testdata, with pauses between them)
is transcribed whole and in chunks; the pure cutting and joining are checked on
synthesised noise with known quiet places.
"""
from __future__ import annotations

import difflib
import re
import wave
from pathlib import Path

import numpy as np
import pytest
from asr_support import KNOWN_NON_INTEL_ASR_GAP, librivox_clips, norm_words

from assistant.asr import Segment, TranscribeOptions, Transcription, Word, long_audio
from assistant.audio.files import load_audio
from assistant.config import AsrConfig
from assistant.errors import ConfigError

RATE = 16_000
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def write_wav(path: Path, audio: np.ndarray) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(np.clip(audio * 32768, -32768, 32767).astype("<i2").tobytes())
    return path


@pytest.fixture(scope="module")
def reading(tmp_path_factory) -> Path:
    """The five LibriVox clips read one after another with 1.5 s pauses: 32 s of a book."""
    gap = np.zeros(int(1.5 * RATE), np.float32)
    audio = np.concatenate([part for wav, _ in librivox_clips() for part in (load_audio(wav), gap)])
    return write_wav(tmp_path_factory.mktemp("long") / "reading.wav", audio)


def _plain(word: Word) -> str:
    return re.sub(r"[^\w']", "", word.text.lower())


# -- the cutting and joining (pure) ------------------------------------------------------
def noise(seconds: float, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).normal(0, 0.1, int(seconds * RATE)).astype(np.float32)


def test_chunks_are_exactly_the_input_whatever_the_pieces():
    audio = noise(100)
    pieces = np.array_split(audio, 37)  # decoders hand over pieces of any size
    chunks = list(long_audio.chunks(pieces, chunk_s=20, search_s=5))
    assert [round(start * RATE) for start, _ in chunks] == \
        list(np.cumsum([0] + [c.shape[0] for _, c in chunks[:-1]]))
    np.testing.assert_array_equal(np.concatenate([c for _, c in chunks]), audio)
    assert all(15 * RATE <= c.shape[0] <= 25 * RATE for _, c in chunks[:-1])


def test_a_chunk_ends_in_the_pause_not_in_a_word():
    audio = noise(60)
    audio[int(17.2 * RATE):int(18.0 * RATE)] = 0.001  # the one pause near the first cut
    (start, first), (second_start, _), *_ = long_audio.chunks([audio], chunk_s=20, search_s=5)
    assert start == 0.0 and 17.2 <= first.shape[0] / RATE <= 18.0 and second_start == first.shape[0] / RATE


def test_a_recording_of_one_chunk_is_not_cut():
    audio = noise(24)
    assert [(s, c.shape[0]) for s, c in long_audio.chunks([audio], chunk_s=20, search_s=5)] == [(0.0, audio.shape[0])]


def test_join_moves_times_by_where_each_chunk_began():
    word = Word(0.5, 0.9, " hello", 0.9)
    seg = Segment(0.5, 1.5, "hello there", words=(word,), language="en")
    first = Transcription("hello there", "en", 1.0, 300.0, (seg,), "tiny.en", "cpu", ("Thank you.",))
    second = Transcription("bonjour", "fr", 0.9, 20.0, (Segment(1.0, 4.0, "bonjour", language="fr"),),
                           "base", "cpu")
    joined = long_audio.join([(0.0, first), (300.0, second)], 320.0)
    assert joined.text == "hello there bonjour" and joined.duration_s == 320.0
    assert [(s.start, s.end) for s in joined.segments] == [(0.5, 1.5), (301.0, 304.0)]
    assert joined.segments[0].words == (word,)
    assert joined.language == "fr" and joined.language_probability == 0.9  # spoken longest
    assert joined.model == "tiny.en+base" and joined.dropped == ("Thank you.",)


def test_question_length_limit_is_validated():
    assert AsrConfig().max_question_seconds == 120
    with pytest.raises(ConfigError):
        AsrConfig(max_question_seconds=0)


# -- real speech -------------------------------------------------------------------------
def test_a_short_file_is_transcribed_exactly_as_before(tiny_transcriber):
    options = TranscribeOptions(word_timestamps=True)
    question = SAMPLES / "question.wav"
    assert tiny_transcriber.transcribe_file(question, options) == \
        tiny_transcriber.transcribe(load_audio(question), options)


@KNOWN_NON_INTEL_ASR_GAP
def test_a_reading_in_chunks_gives_the_same_words_at_the_same_times(tiny_transcriber, reading):
    options = TranscribeOptions(word_timestamps=True)
    whole = tiny_transcriber.transcribe_file(reading, options)
    cut = tiny_transcriber.transcribe_file(reading, options, chunk_s=14)
    # Three chunks, cut in the pauses between the clips (at 12.8 and 26.6 s; the book reads on).
    starts = [start for start, _ in long_audio.chunks([load_audio(reading)], 14, 3.5)]
    assert len(starts) == 3 and 11.6 < starts[1] < 13.1 and 25.9 < starts[2] < 27.4
    assert len(norm_words(whole.text).split()) > 60
    assert cut.duration_s == whole.duration_s and cut.language == "en"
    words_whole = [w for s in whole.segments for w in s.words]
    words_cut = [w for s in cut.segments for w in s.words]
    # The same words ("cold-hearted" may come out as "coldhearted": another 30 s window).
    same = difflib.SequenceMatcher(None, [_plain(w) for w in words_whole], [_plain(w) for w in words_cut],
                                   autojunk=False)
    assert same.ratio() > 0.97, (whole.text, cut.text)
    # At the same times: they count from the start of the recording, not of the chunk.
    drift = [abs(words_whole[i + k].start - words_cut[j + k].start)
             for i, j, n in same.get_matching_blocks() for k in range(n)]
    assert len(drift) > 60
    assert max(drift) < 0.6 and sorted(drift)[len(drift) // 2] < 0.15, drift
    assert words_cut[-1].end > 28.0


def test_language_detection_works_chunk_by_chunk(auto_transcriber, reading):
    result = auto_transcriber.transcribe_file(reading, TranscribeOptions(), chunk_s=12)
    assert result.language == "en"
    assert norm_words(result.text).startswith("and mister john dashwood had then leisure")
    assert "ill disposed" in norm_words(result.text)


def test_a_question_over_the_limit_is_refused_in_words(tmp_path):
    from assistant.errors import InputError

    wav, _ = librivox_clips()[0]  # 7.1 s of speech
    np.testing.assert_array_equal(load_audio(wav, max_seconds=120), load_audio(wav))
    with pytest.raises(InputError) as err:
        load_audio(wav, max_seconds=3)
    assert err.value.code == "audio_too_long" and err.value.exit_status == 2
    assert err.value.message == f"The recording {wav.name} is 7 s long; a spoken question may be at most 3 s."
    raw = tmp_path / "long.raw"  # headerless: the length is the file size
    raw.write_bytes(bytes(2 * RATE * 200))
    with pytest.raises(InputError, match="3 min 20 s long; .* at most 2 min"):
        load_audio(raw, max_seconds=120)
