"""Transcription you can trust: every sentence once, in order, never fewer words than bare faster-whisper.

The long recording is real read and phone speech (LibriVox and Asterisk English prompts),
each sentence followed by a short silence, in a different order each round, for more than
five minutes: long enough to be cut into chunks and for greedy decoding that leans on the
previous window's text to loop. The bare library runs on the same file with its own
defaults; ours must not give fewer words, and every sentence must come out once, in order.
"""
from __future__ import annotations

import difflib
import re
import wave

import numpy as np
import pytest
from asr_support import asterisk_prompt, librivox_clips, norm_words, silence

from assistant.asr import Segment, TranscribeOptions, Transcription, Word, repair
from assistant.asr.formats import LINE_CHARS, render
from assistant.asr.language import Decoded, Span
from assistant.audio import load_audio

RATE = 16_000
ASTERISK_EN = ("conf-getpin", "vm-intro", "conf-onlyperson", "agent-loginok", "vm-nomore")


def _write(path, audio):
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes((np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes())
    return path


@pytest.fixture(scope="module")
def long_recording(tmp_path_factory):
    """(path, [sentence, ...] in the order spoken): over five minutes of real speech."""
    sentences = [(load_audio(wav), text) for wav, text in librivox_clips()]
    sentences += [(load_audio(wav), text) for wav, text in (asterisk_prompt("en", k) for k in ASTERISK_EN)]
    parts, spoken, seconds, round_ = [], [], 0.0, 0
    while seconds < 320:
        shift = round_ % len(sentences)
        for audio, text in sentences[shift:] + sentences[:shift]:
            parts += [audio, silence(0.8)]
            spoken.append(text)
            seconds += audio.shape[0] / RATE + 0.8
        round_ += 1
    path = _write(tmp_path_factory.mktemp("long") / "long.wav", np.concatenate(parts))
    return path, spoken


def _bare_words(path, model_folder) -> list[str]:
    from faster_whisper import WhisperModel

    model = WhisperModel(str(model_folder), device="cpu", compute_type="int8")
    segments, _ = model.transcribe(str(path), language="en")  # the library's own defaults
    return norm_words(" ".join(s.text for s in segments)).split()


def _said(text: str) -> list[str]:
    return norm_words(re.sub(r"\(.*?\)", " ", text)).split()  # "(simple tone sound plays)" is not said


def _sentences_found(spoken: list[str], heard: list[str]) -> list[float]:
    """For each sentence spoken, in order, the share of its words found where it should be:
    after the previous sentence's match, before much else."""
    cursor, shares = 0, []
    for text in spoken:
        said = _said(text)
        window = heard[cursor:cursor + 2 * len(said) + 8]
        blocks = [b for b in difflib.SequenceMatcher(None, said, window, autojunk=False).get_matching_blocks()
                  if b.size]
        shares.append(sum(b.size for b in blocks) / len(said))
        if blocks:
            cursor += blocks[-1].b + blocks[-1].size
    return shares


@pytest.mark.slow
def test_every_sentence_of_a_long_recording_once_in_order_and_no_fewer_words_than_bare(
        auto_transcriber, long_recording):
    from assistant.asr import bundled

    path, spoken = long_recording
    result = auto_transcriber.transcribe_file(path, TranscribeOptions())
    heard = norm_words(result.text).split()
    reference = [w for text in spoken for w in _said(text)]
    shares = _sentences_found(spoken, heard)
    missing = [(i, spoken[i]) for i, share in enumerate(shares) if share < 0.75]
    assert not missing, missing
    assert len(heard) <= 1.05 * len(reference), "sentences repeated or invented"
    assert len(heard) >= len(_bare_words(path, bundled.tiny_en_path()))
    assert result.gaps == ()
    ends = [(s.start, s.end) for s in result.segments]
    assert all(a <= b for a, b in ends) and all(ends[i][1] <= ends[i + 1][0] for i in range(len(ends) - 1))
    assert ends[-1][1] <= result.duration_s


@pytest.mark.slow
def test_word_timestamps_add_times_without_changing_the_words(tiny_transcriber, long_recording):
    path, _ = long_recording
    audio = load_audio(path)[: 95 * RATE]  # four 30 s windows: where faster-whisper's own word times move the next
    plain = tiny_transcriber.transcribe(audio, TranscribeOptions())
    timed = tiny_transcriber.transcribe(audio, TranscribeOptions(word_timestamps=True))
    assert timed.text == plain.text
    words = [w for s in timed.segments for w in s.words]
    assert "".join(w.text for w in words).split() == timed.text.split()
    assert all(s.start <= w.start <= w.end <= s.end for s in timed.segments for w in s.words)
    srt = render(timed, "srt")
    cues = [block.split("\n")[2:] for block in srt.strip().split("\n\n")]
    assert all(len(lines) == 1 and 0 < len(lines[0]) <= LINE_CHARS for lines in cues)
    assert len(cues) > len(timed.segments)  # lines, not whole segments
    assert " ".join(line for lines in cues for line in lines).split() == timed.text.split()


@pytest.mark.slow
def test_english_then_french_keeps_both_languages_with_and_without_word_times(auto_transcriber):
    english = [load_audio(wav) for wav, _ in librivox_clips()[:2]]
    french = [load_audio(asterisk_prompt("fr", k)[0]) for k in ("conf-getpin", "vm-intro", "conf-onlyperson")]
    audio = np.concatenate([english[0], silence(1.0), english[1], silence(1.0)]
                           + [p for clip in french for p in (clip, silence(0.8))])
    plain = auto_transcriber.transcribe(audio, TranscribeOptions())
    timed = auto_transcriber.transcribe(audio, TranscribeOptions(word_timestamps=True))
    assert {s.language for s in plain.segments} >= {"en", "fr"}
    assert timed.text == plain.text
    assert all(s.words for s in timed.segments if s.text)


@pytest.mark.slow
def test_translation_gives_the_same_text_each_time(base_transcriber):
    wav, _ = asterisk_prompt("fr", "vm-intro")
    audio = load_audio(wav)
    runs = {base_transcriber.transcribe(audio, TranscribeOptions(task="translate")).text for _ in range(3)}
    assert len(runs) == 1 and next(iter(runs)).strip()


# -- pure: which stretches are decoded again, and times that hold ---------------------------
def _decoded(start, end, text, compression=1.2):
    return Decoded(start, end, text, -0.3, compression, 0.1)


def test_speech_without_words_and_loops_are_suspects_and_what_stays_empty_is_a_gap():
    units = [Span(0.0, 4.0), Span(5.0, 9.0), Span(10.0, 10.4)]
    segments = [_decoded(0.2, 3.8, "he was not an ill disposed young man"),
                _decoded(11.0, 20.0, "he was he was he was he was he was", compression=3.1)]
    spans = repair.suspects(segments, units, 20.0)
    # 5-9 s gave no words; 10.0-10.4 s is too short to count; 11-20 s loops.
    assert [(round(s.start, 1), round(s.end, 1)) for s in spans] == [(4.7, 9.3), (10.7, 20.0)]
    assert repair.gaps(segments, spans) == [(4.7, 9.3)]
    assert repair.better([segments[1]], [_decoded(11.0, 15.0, "unless to be rather cold hearted")])
    assert not repair.better([], [_decoded(5.0, 9.0, "la la la la la la la la", compression=3.0)])


def test_tidy_segments_never_overlap_or_pass_the_end():
    words = (Word(30.5, 31.0, " a", 0.9), Word(59.0, 61.0, " b", 0.9))
    segments = [Segment(24.56, 34.56, "one"), Segment(30.84, 42.04, "two"), Segment(50.0, 60.24, "three", words=words)]
    tidy = repair.tidy(segments, 59.9)
    assert [(s.start, s.end) for s in tidy] == [(24.56, 34.56), (34.56, 42.04), (50.0, 59.9)]
    assert [(w.start, w.end) for w in tidy[2].words] == [(50.0, 50.0), (59.0, 59.9)]


def test_gaps_are_in_the_json():
    result = Transcription("hello", "en", 1.0, 10.0, (Segment(0.0, 1.0, "hello"),), gaps=((4.7, 9.3),))
    assert '"gaps": [\n    {\n      "start": 4.7,\n      "end": 9.3\n    }\n  ]' in render(result, "json")


def test_transcribe_tells_where_speech_gave_no_words():
    from assistant.cli.commands import gap_note

    assert gap_note(((4.7, 9.3), (65.2, 71.0))) == (
        "note: Speech at 0:04–0:09, 1:05–1:11 gave no words; listen to it there.")
