"""Which language is spoken, decided cheaply: English first, Whisper base only when in doubt.

On two CPU cores Whisper tiny.en decodes a short question in ~0.35 s; the multilingual
base with its language detection takes 1-1.5 s, most of it two passes of its encoder
over a 30 s window. So when no language is set, the transcriber:

1. decodes with tiny.en, greedily, and trusts the English when the decoder was sure
   (``doubts`` below: log-probability, repetition, stock phrases, letters English does
   not use, stretches of speech between pauses (``speech_units``) that came out with
   no or almost no words: tiny.en tends to skip a paragraph in another language, which
   word times show when there are several stretches);
2. otherwise asks base's encoder which language each stretch is in, on a window only
   as long as the stretch (``identify``: ~0.05 s instead of ~0.5 s), looking again on
   the full window when it hears an unlikely non-English language (``detect``);
3. decodes each run of stretches in one language with the model for it (``runs``), so
   an English paragraph followed by a German one comes out as English, then German.
   A single English run keeps tiny.en's text, which is then what ``--language en`` gives.

The language the session heard last is tried first next time, so a French speaker
pays the English attempt once, not on every question. Everything here is pure except
``speech_units`` (Silero VAD) and ``identify`` (the model's encoder).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from . import SAMPLE_RATE, phantom

ENGLISH = "en"


@dataclass(frozen=True)
class Decoded:
    """What the doubt check needs from one decoded segment (times in seconds of the input)."""

    start: float
    end: float
    text: str
    avg_logprob: float
    compression_ratio: float
    no_speech_prob: float
    word_times: tuple[float, ...] = ()  # the middle of each word, when word timestamps were made


@dataclass(frozen=True)
class Span:
    """A stretch of speech between pauses, in seconds."""

    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start

    def samples(self, audio: np.ndarray) -> np.ndarray:
        return audio[int(self.start * SAMPLE_RATE):int(self.end * SAMPLE_RATE)]


@dataclass(frozen=True)
class Run:
    """Consecutive speech in one language; ``language`` None: unsure, let the decoder detect."""

    start: float
    end: float
    language: str | None
    probability: float

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class TrustLimits:
    """When tiny.en's English is believed without asking another model.

    Measured (tiny.en greedy): English clips (LibriVox, 40 Asterisk en prompts) gave
    avg_logprob -0.12 to -0.57, a few short ones down to -0.91 (ALSA's "front center");
    120 French, Spanish and Russian prompts -0.57 to -2.2, or repeated loops
    (compression ratio 2.5-23), or stock phrases ("Thank you very much."). A false doubt
    costs ~0.1 s (one short language check); a false trust costs the user's words, so
    these are strict.
    """

    min_avg_logprob: float = -0.5
    max_compression_ratio: float = 2.0
    max_no_speech_prob: float = 0.5
    min_words_per_s: float = 0.6    # a stretch this sparse was skipped by the decoder, not spoken
    min_stretch_s: float = 3.0      # shorter stretches are too short to judge by word rate

    def __post_init__(self) -> None:
        if self.min_avg_logprob > 0 or self.max_compression_ratio <= 0 or self.min_stretch_s <= 0:
            raise ValueError("min_avg_logprob must be <= 0; max_compression_ratio and min_stretch_s > 0")


# faster-whisper's own re-decode triggers (log_prob_threshold, compression_ratio_threshold).
RETRY_LOGPROB = -1.0
RETRY_COMPRESSION = 2.4

SURE = 0.5          # a stretch's top language at least this likely is taken as its language
CONFIRM = 0.8       # a language other than English less likely than this is checked on the full window
DETECT_WINDOW_S = 5.0  # the quick check looks at no less than this (shorter stretches are padded)
UNIT_SILENCE_MS = 600  # a pause this long may separate two languages
MIN_UNIT_S = 2.0       # shorter stretches join a neighbour: the check is unreliable on a word or two


def doubts(segments: Sequence[Decoded], units: Sequence[Span], limits: TrustLimits = TrustLimits()) -> list[str]:
    """Reasons not to trust an English decoding; empty when it can be trusted."""
    reasons: list[str] = []

    def note(reason: str) -> None:
        if reason not in reasons:
            reasons.append(reason)

    for seg in segments:
        if seg.avg_logprob < limits.min_avg_logprob:
            note(f"avg_logprob {seg.avg_logprob:.2f}")
        if seg.compression_ratio > limits.max_compression_ratio:
            note(f"repetition (compression {seg.compression_ratio:.1f})")
        if seg.no_speech_prob > limits.max_no_speech_prob:
            note(f"no_speech_prob {seg.no_speech_prob:.2f}")
        if phantom.is_phantom_text(seg.text):
            note(f"stock phrase {seg.text.strip()!r}")
        if any(ch.isalpha() and not ch.isascii() for ch in seg.text):
            note(f"non-English letters in {seg.text.strip()!r}")
    for unit in units:
        words = words_in(unit, segments)
        if words == 0.0 or (unit.duration >= limits.min_stretch_s
                            and words / unit.duration < limits.min_words_per_s):
            note(f"{unit.duration:.1f} s of speech at {unit.start:.1f} s gave {words:.0f} words")
    return reasons


def retry_needed(segments: Sequence[Decoded]) -> bool:
    """True when faster-whisper would have re-decoded at a higher temperature."""
    return any(s.avg_logprob < RETRY_LOGPROB or s.compression_ratio > RETRY_COMPRESSION for s in segments)


def words_in(span: Span, segments: Sequence[Decoded]) -> float:
    """Words of ``segments`` inside ``span``: by word times when known, else shared by time overlap.

    Shared by overlap, a segment whose timestamps stretch over speech the decoder skipped
    ("in his power to do for them." over 5.4-15.9 s, the last 8 s German) still seems to
    cover it, hence word times whenever there are several stretches.
    """
    total = 0.0
    for seg in segments:
        if seg.word_times:
            total += sum(1 for t in seg.word_times if span.start <= t <= span.end)
            continue
        length = max(seg.end - seg.start, 1e-3)
        overlap = min(seg.end, span.end) - max(seg.start, span.start)
        if overlap > 0:
            total += len(seg.text.split()) * min(1.0, overlap / length)
    return total


def hides_speech(segment: Decoded, units: Sequence[Span], dense_words_per_s: float = 1.5) -> bool:
    """Whether a segment spans several stretches of speech with fewer words than speech fills:
    its words may all belong to one stretch, leaving another skipped (word times tell)."""
    spanned = [u for u in units if min(u.end, segment.end) - max(u.start, segment.start) > 0]
    if len(spanned) < 2:
        return False
    speech = sum(min(u.end, segment.end) - max(u.start, segment.start) for u in spanned)
    return len(segment.text.split()) < dense_words_per_s * speech


def merge_short(units: Sequence[Span], min_s: float = MIN_UNIT_S) -> list[Span]:
    """Join stretches shorter than ``min_s`` to the nearer neighbour (pure)."""
    spans = list(units)
    while len(spans) > 1:
        short = [i for i, s in enumerate(spans) if s.duration < min_s]
        if not short:
            break
        i = min(short, key=lambda k: spans[k].duration)
        gap_before = spans[i].start - spans[i - 1].end if i > 0 else float("inf")
        gap_after = spans[i + 1].start - spans[i].end if i + 1 < len(spans) else float("inf")
        j = i - 1 if gap_before <= gap_after else i + 1
        lo, hi = min(i, j), max(i, j)
        spans[lo:hi + 1] = [Span(spans[lo].start, spans[hi].end)]
    return spans


def runs(units: Sequence[Span], detections: Sequence[tuple[str, float]]) -> list[Run]:
    """Consecutive stretches in one language, unsure stretches taking a neighbour's language (pure).

    ``detections`` holds each unit's most likely language and its probability. A unit
    below ``SURE`` takes the language of the unit before it (or after it, at the
    start); when no unit is sure there is one run with language None.
    """
    if len(units) != len(detections):
        raise ValueError("one detection per unit")
    labels: list[tuple[str | None, float]] = [(lang, p) if p >= SURE else (None, p) for lang, p in detections]
    for i, (lang, p) in enumerate(labels):  # forwards: an unsure unit continues the last sure one
        if lang is None and i > 0 and labels[i - 1][0] is not None:
            labels[i] = (labels[i - 1][0], p)
    for i in range(len(labels) - 2, -1, -1):  # backwards: leading unsure units join the first sure one
        if labels[i][0] is None and labels[i + 1][0] is not None:
            labels[i] = (labels[i + 1][0], labels[i][1])
    out: list[Run] = []
    for unit, (lang, p) in zip(units, labels):
        if out and out[-1].language == lang:
            last = out[-1]
            weight = last.duration + unit.duration
            prob = (last.probability * last.duration + p * unit.duration) / weight if weight > 0 else p
            out[-1] = Run(last.start, unit.end, lang, prob)
        else:
            out.append(Run(unit.start, unit.end, lang, p))
    return out


def dominant(parts: Sequence[Run]) -> Run | None:
    """The language spoken longest (ties: the first)."""
    totals: dict[str | None, float] = {}
    for part in parts:
        totals[part.language] = totals.get(part.language, 0.0) + part.duration
    if not totals:
        return None
    best = max(totals, key=totals.__getitem__)  # dicts keep order: a tie goes to the first
    probs = [p.probability for p in parts if p.language == best]
    return Run(parts[0].start, parts[-1].end, best, max(probs))


def first_guess(environ: dict[str, str] | None = None) -> str:
    """The language to try first: the system locale's ("de_DE.UTF-8" -> "de"), else English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):  # the order the C library reads them
        value = env.get(name, "")
        if value:
            code = value.split(".")[0].split("_")[0].split("-")[0].lower()
            return code if len(code) in (2, 3) and code.isalpha() else ENGLISH  # C, POSIX: English
    return ENGLISH


# -- the parts that touch audio and models ------------------------------------------------
def speech_units(audio: np.ndarray) -> list[Span]:
    """Stretches of speech separated by pauses of ``UNIT_SILENCE_MS`` (Silero VAD), short ones merged."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(min_silence_duration_ms=UNIT_SILENCE_MS, speech_pad_ms=200)
    chunks = get_speech_timestamps(audio, options, sampling_rate=SAMPLE_RATE)
    return merge_short([Span(c["start"] / SAMPLE_RATE, c["end"] / SAMPLE_RATE) for c in chunks])


def detect(model, audio: np.ndarray) -> tuple[str, float]:
    """The language of one stretch of speech and its probability.

    A quick look first (``identify`` on a short window). English or a sure answer
    stands: English is what the cheap path already assumed. A doubtful other
    language is looked at again on the full 30 s window, as faster-whisper does, since
    a wrong language costs a whole decode in it.
    """
    best = identify(model, audio, quick=True)[0]
    if best[0] != ENGLISH and best[1] < CONFIRM:
        best = identify(model, audio, quick=False)[0]
    return best


def identify(model, audio: np.ndarray, *, quick: bool = True) -> list[tuple[str, float]]:
    """Languages of ``audio`` by a multilingual faster-whisper model, most likely first.

    The encoder normally sees a 30 s window however short the speech; CTranslate2
    accepts a shorter one (``quick``), which costs a fraction (0.05 s for 5 s on two
    cores instead of 0.5 s) and detected 94 of 126 Asterisk prompts of one to thirty
    words right where the full window got 100 (the misses are mostly single words on
    both). Runtimes that refuse a short window get the full one.
    """
    window = int(model.feature_extractor.nb_max_frames)
    features = model.feature_extractor(audio)[:, :window]
    frames = features.shape[-1]
    wanted = window if not quick else min(window, max(frames, int(
        DETECT_WINDOW_S * model.feature_extractor.sampling_rate / model.feature_extractor.hop_length)))
    padded = np.ascontiguousarray(np.pad(features, ((0, 0), (0, wanted - frames))), dtype=np.float32)
    try:
        encoded = model.encode(padded)
    except (RuntimeError, ValueError):
        padded = np.ascontiguousarray(np.pad(features, ((0, 0), (0, window - frames))), dtype=np.float32)
        encoded = model.encode(padded)
    return [(token[2:-2], float(prob)) for token, prob in model.model.detect_language(encoded)[0]]
