"""Transcript files: SRT/VTT timing lines players accept, JSON with segments and words."""
from __future__ import annotations

import json
import re

import pytest
from asr_support import goforward_raw

from assistant.asr import Segment, TranscribeOptions, Transcription, Word
from assistant.asr.formats import FORMATS, render, timestamp
from assistant.audio import load_audio

SRT_TIME = re.compile(r"^(\d{2}):(\d{2}):(\d{2}),(\d{3}) --> (\d{2}):(\d{2}):(\d{2}),(\d{3})$")
VTT_TIME = re.compile(r"^(\d{2}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2}):(\d{2}):(\d{2})\.(\d{3})$")


def _seconds(groups) -> tuple[float, float]:
    h1, m1, s1, ms1, h2, m2, s2, ms2 = map(int, groups)
    return h1 * 3600 + m1 * 60 + s1 + ms1 / 1000, h2 * 3600 + m2 * 60 + s2 + ms2 / 1000


@pytest.fixture(scope="module")
def spoken(tiny_transcriber) -> Transcription:
    return tiny_transcriber.transcribe(load_audio(goforward_raw()), TranscribeOptions(word_timestamps=True))


LONG = Transcription(
    text="First line. Second line.", language="en", language_probability=1.0, duration_s=3725.0,
    segments=(Segment(0.0, 2.5, " First line."), Segment(3661.2346, 3661.2346, "Second line.")),
)


def test_timestamp():
    assert timestamp(0) == "00:00:00,000"
    assert timestamp(3661.2346) == "01:01:01,235"
    assert timestamp(59.9996, separator=".") == "00:01:00.000"
    assert timestamp(-0.2) == "00:00:00,000"


def _check_srt(text: str, duration: float) -> list[tuple[float, float]]:
    blocks = [b for b in text.strip().split("\n\n") if b]
    spans = []
    for number, block in enumerate(blocks, start=1):
        lines = block.split("\n")
        assert lines[0] == str(number)
        match = SRT_TIME.match(lines[1])
        assert match, lines[1]
        start, end = _seconds(match.groups())
        assert 0 <= start < end <= duration + 0.5
        assert lines[2].strip()
        spans.append((start, end))
    return spans


def test_srt_from_real_speech(spoken):
    spans = _check_srt(render(spoken, "srt"), spoken.duration_s)
    assert len(spans) == len(spoken.segments) >= 1


def test_srt_hours_and_zero_length_cue():
    spans = _check_srt(render(LONG, "srt"), LONG.duration_s)
    assert spans[1][0] == pytest.approx(3661.235) and spans[1][1] > spans[1][0]


def test_vtt(spoken):
    text = render(spoken, "vtt")
    lines = text.split("\n")
    assert lines[0] == "WEBVTT" and lines[1] == ""
    timing = [line for line in lines if "-->" in line]
    assert len(timing) == len(spoken.segments)
    for line in timing:
        match = VTT_TIME.match(line)
        assert match, line
        start, end = _seconds(match.groups())
        assert 0 <= start < end <= spoken.duration_s + 0.5


def test_json_has_segments_and_words(spoken):
    data = json.loads(render(spoken, "json"))
    assert data["text"] == spoken.text and data["language"] == "en" and data["model"] == "tiny.en"
    words = [w["word"].strip(" .").lower() for seg in data["segments"] for w in seg["words"]]
    assert words[:2] == ["go", "forward"]
    assert all(w["start"] <= w["end"] for seg in data["segments"] for w in seg["words"])


def test_json_without_words_and_unicode():
    result = Transcription("Merci beaucoup, à bientôt.", "fr", 0.98, 2.0,
                           segments=(Segment(0.0, 2.0, "Merci beaucoup, à bientôt.", words=()),))
    data = json.loads(render(result, "json"))
    assert "words" not in data["segments"][0]
    assert "à bientôt" in render(result, "json")  # written as text, not \\u escapes


def test_txt_and_unknown_format(spoken):
    assert render(spoken, "txt") == spoken.text + "\n"
    assert render(Transcription("", "en", 1.0, 1.0), "txt") == ""
    assert set(FORMATS) == {"txt", "srt", "vtt", "json"}
    with pytest.raises(ValueError):
        render(spoken, "docx")


def test_words_type_roundtrip():
    seg = Segment(0.0, 1.0, "hi", words=(Word(0.1, 0.4, " hi", 0.9),))
    data = json.loads(render(Transcription("hi", "en", 1.0, 1.0, segments=(seg,)), "json"))
    assert data["segments"][0]["words"] == [{"start": 0.1, "end": 0.4, "word": " hi", "probability": 0.9}]
