"""Render a Transcription as plain text, SubRip (SRT), WebVTT or JSON."""
from __future__ import annotations

import dataclasses
import json

from . import Segment, Transcription

FORMATS = ("txt", "srt", "vtt", "json")


def render(transcription: Transcription, fmt: str) -> str:
    """The transcription in ``fmt`` (one of FORMATS)."""
    try:
        writer = _WRITERS[fmt.lower().lstrip(".")]
    except KeyError:
        raise ValueError(f"unknown transcript format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return writer(transcription)


def to_txt(transcription: Transcription) -> str:
    return transcription.text.strip() + "\n" if transcription.text.strip() else ""


def timestamp(seconds: float, *, separator: str = ",") -> str:
    """HH:MM:SS,mmm (SRT) or HH:MM:SS.mmm (VTT with separator='.')."""
    millis = max(0, round(seconds * 1000))
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


LINE_CHARS = 42  # subtitle editors' usual limit for one line


def _cues(transcription: Transcription) -> list[Segment]:
    """One cue per segment; with word times, one cue per line of at most LINE_CHARS characters,
    timed from its first word to its last. Players reject zero-length or reversed cues, so
    every cue lasts at least 1 ms."""
    cues = []
    for seg in transcription.segments:
        if not seg.text.strip():
            continue
        for cue in (_lines(seg) if seg.words else [seg]):
            cues.append(dataclasses.replace(cue, end=max(cue.end, cue.start + 0.001)))
    return cues


def _lines(seg: Segment) -> list[Segment]:
    lines: list[list] = [[]]
    for word in seg.words:
        text = "".join(w.text for w in lines[-1] + [word]).strip()
        if lines[-1] and len(text) > LINE_CHARS:
            lines.append([])
        lines[-1].append(word)
    return [dataclasses.replace(seg, start=line[0].start, end=line[-1].end,
                                text="".join(w.text for w in line).strip(), words=tuple(line))
            for line in lines if line]


def to_srt(transcription: Transcription) -> str:
    blocks = []
    for number, seg in enumerate(_cues(transcription), start=1):
        blocks.append(f"{number}\n{timestamp(seg.start)} --> {timestamp(seg.end)}\n{seg.text.strip()}\n")
    return "\n".join(blocks)


def to_vtt(transcription: Transcription) -> str:
    lines = ["WEBVTT", ""]
    for seg in _cues(transcription):
        lines.append(f"{timestamp(seg.start, separator='.')} --> {timestamp(seg.end, separator='.')}")
        lines.append(seg.text.strip())
        lines.append("")
    return "\n".join(lines)


def to_json(transcription: Transcription) -> str:
    data = {
        "text": transcription.text,
        "language": transcription.language,
        "language_probability": round(transcription.language_probability, 4),
        "duration_s": round(transcription.duration_s, 3),
        "model": transcription.model,
        "device": transcription.device,
        "dropped": list(transcription.dropped),
        # speech that gave no words even when decoded again
        "gaps": [{"start": round(a, 3), "end": round(b, 3)} for a, b in transcription.gaps],
        "segments": [_segment_dict(seg) for seg in transcription.segments],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _segment_dict(seg: Segment) -> dict:
    out = {"start": round(seg.start, 3), "end": round(seg.end, 3), "text": seg.text,
           "no_speech_prob": round(seg.no_speech_prob, 4), "avg_logprob": round(seg.avg_logprob, 4)}
    if seg.language:
        out["language"] = seg.language
    if seg.words:
        # faster-whisper's field names (Word: start, end, word, probability)
        out["words"] = [{"start": round(w.start, 3), "end": round(w.end, 3), "word": w.text,
                         "probability": round(w.probability, 4)} for w in seg.words]
    return out


_WRITERS = {"txt": to_txt, "srt": to_srt, "vtt": to_vtt, "json": to_json}
