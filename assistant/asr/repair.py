"""Speech the decoder skipped or looped on, found so it can be decoded again; tidy segment times.

Whisper can leave a stretch of speech without words (greedy decoding jumps over it, or
a loop swallows it) or repeat one sentence many times. The bare library returns that as
it is. Here every stretch of speech the VAD found (``language.speech_units``) must give
words: ``suspects`` lists the stretches that gave none and the segments that loop, the
transcriber decodes each such stretch again on its own (no previous text, temperature
fallback, another model when there is one), ``splice`` puts the better result in place,
and what is still without words is reported as a gap, never dropped in silence.

``tidy`` makes the times hold: no segment starts before the previous one ends, none ends
after the recording, words stay inside their segment. Everything here is pure.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Sequence

from . import Segment
from .language import RETRY_COMPRESSION, Decoded, Span, words_in

MIN_GAP_S = 1.0      # a shorter stretch without words may be a breath, a cough or a click
PAD_S = 0.3          # context kept around a stretch decoded again


def suspects(segments: Sequence[Decoded], units: Sequence[Span], duration_s: float) -> list[Span]:
    """Stretches worth decoding again: speech with no words, and looping segments (merged)."""
    spans = [u for u in units if u.duration >= MIN_GAP_S and words_in(u, segments) == 0.0]
    spans += [Span(s.start, s.end) for s in segments
              if s.compression_ratio > RETRY_COMPRESSION and s.end > s.start]
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        lo, hi = max(0.0, span.start - PAD_S), min(duration_s, span.end + PAD_S)
        if out and lo <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, hi))
        else:
            out.append(Span(lo, hi))
    return out


def loops(segments: Sequence[Decoded]) -> bool:
    return any(s.compression_ratio > RETRY_COMPRESSION for s in segments)


def better(old: Sequence[Decoded], new: Sequence[Decoded]) -> bool:
    """Whether a retry's segments should replace the old ones: more words and no loop."""
    if loops(new) and not loops(old):
        return False
    count = lambda segs: sum(len(s.text.split()) for s in segs)  # noqa: E731
    return count(new) > count(old) or (loops(old) and not loops(new) and count(new) > 0)


def inside(seg: Any, span: Span) -> bool:
    """A segment belongs to a span when its middle lies in it."""
    return span.start <= (float(seg.start) + float(seg.end)) / 2 <= span.end


def splice(segments: list, span: Span, replacement: list) -> list:
    """``segments`` with those inside ``span`` replaced by ``replacement`` (times already moved)."""
    kept = [s for s in segments if not inside(s, span)]
    return sorted(kept + list(replacement), key=lambda s: float(s.start))


def shifted(seg: Any, offset: float) -> Any:
    """A faster-whisper segment moved by ``offset`` seconds."""
    return dataclasses.replace(seg, start=float(seg.start) + offset, end=float(seg.end) + offset)


def gaps(segments: Sequence[Decoded], spans: Sequence[Span]) -> list[tuple[float, float]]:
    """The spans that still gave no words, as (start, end) seconds."""
    return [(round(s.start, 2), round(s.end, 2)) for s in spans if words_in(s, segments) == 0.0]


def tidy(segments: Sequence[Segment], duration_s: float) -> list[Segment]:
    """Segments in order, none overlapping the one before, none past the end; words inside."""
    out: list[Segment] = []
    floor = 0.0
    for seg in sorted(segments, key=lambda s: s.start):
        start = min(max(seg.start, floor), duration_s)
        end = min(max(seg.end, start), duration_s)
        words = tuple(dataclasses.replace(w, start=min(max(w.start, start), end),
                                          end=min(max(w.end, w.start, start), end)) for w in seg.words)
        out.append(dataclasses.replace(seg, start=start, end=end, words=words))
        floor = end
    return out
