"""Word times for segments already decoded, without decoding again.

faster-whisper's ``word_timestamps=True`` does more than time the words: it also moves
the start of the next 30 s window to the last word's end, so the decoder sees other
audio and the words themselves change (a sentence lost, "or" heard as "are"). Here the
decoder runs as the bare library runs it, and its tokens are then aligned to the audio
with the same cross-attention alignment faster-whisper uses for word timestamps
(``WhisperModel.add_word_timestamps``): the words stay exactly the decoder's, and each
gets a start, an end and a probability. The cost is one encoder pass per 30 s of speech.

Times are in seconds of the ``samples`` given, like the segments' own.
"""
from __future__ import annotations

import logging
from typing import Any, Sequence

import numpy as np

from . import SAMPLE_RATE, Word

log = logging.getLogger(__name__)

# faster-whisper's defaults for word_timestamps, so words are split and joined the same way.
PREPEND_PUNCTUATIONS = "\"'“¿([{-"
APPEND_PUNCTUATIONS = "\"'.。,，!！?？:：”)]}、"
WINDOW_S = 30.0


def word_times(model: Any, samples: np.ndarray, segments: Sequence[Any], *, language: str | None,
               task: str = "transcribe") -> list[tuple[Word, ...]]:
    """Words of each decoded faster-whisper segment, timed; () for a segment that cannot be.

    ``model`` is the faster-whisper ``WhisperModel`` that decoded ``segments`` from
    ``samples`` (16 kHz mono float32); ``language`` the language they were decoded in.
    """
    if not segments:
        return []
    from faster_whisper.tokenizer import Tokenizer

    multilingual = bool(model.model.is_multilingual)
    tokenizer = Tokenizer(model.hf_tokenizer, multilingual, task=task,
                          language=(language or "en") if multilingual else None)
    found: list[tuple[Word, ...]] = [() for _ in segments]
    for group in _windows(segments):
        try:
            timed = _align(model, tokenizer, samples, [segments[i] for i in group])
        except (RuntimeError, ValueError, IndexError) as exc:  # a runtime that cannot align
            log.warning("word times could not be found (%s); the words stay untimed", exc)
            continue
        for i, words in zip(group, timed):
            found[i] = words
    return found


def _windows(segments: Sequence[Any]) -> list[list[int]]:
    """Consecutive segments grouped so each group fits one encoder window."""
    groups: list[list[int]] = []
    start = 0.0
    for i, seg in enumerate(segments):
        if groups and float(seg.end) - start <= WINDOW_S:
            groups[-1].append(i)
        else:
            groups.append([i])
            start = float(seg.start)
    return groups


def _align(model: Any, tokenizer: Any, samples: np.ndarray, segments: list) -> list[tuple[Word, ...]]:
    start = max(0.0, float(segments[0].start))
    lo = int(start * SAMPLE_RATE)
    hi = min(samples.shape[0], lo + int(WINDOW_S * SAMPLE_RATE),
             int(float(segments[-1].end) * SAMPLE_RATE) + SAMPLE_RATE // 2)
    extractor = model.feature_extractor
    window = int(extractor.nb_max_frames)
    features = extractor(np.ascontiguousarray(samples[lo:hi], dtype=np.float32))[:, :window]
    frames = int(features.shape[-1])
    padded = np.ascontiguousarray(np.pad(features, ((0, 0), (0, window - frames))), dtype=np.float32)
    encoded = model.encode(padded)
    seek = int(round(start * model.frames_per_second))
    subsegments = [{"seek": seek, "start": float(s.start), "end": float(s.end), "tokens": list(s.tokens)}
                   for s in segments]
    model.add_word_timestamps([subsegments], tokenizer, encoded, frames, PREPEND_PUNCTUATIONS,
                              APPEND_PUNCTUATIONS, last_speech_timestamp=start)
    out = []
    for seg, sub in zip(segments, subsegments):
        lo_s, hi_s = float(seg.start), float(seg.end)
        words = []
        for w in sub.get("words", ()):
            # Inside the segment's own span: alignment near a window's edge can spill over.
            w_start = min(max(float(w["start"]), lo_s), hi_s)
            w_end = min(max(float(w["end"]), w_start), hi_s)
            words.append(Word(start=w_start, end=w_end, text=w["word"], probability=float(w["probability"])))
        out.append(tuple(words))
    return out
