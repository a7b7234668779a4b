"""Guard against Whisper's phantom phrases.

On silence, noise or music Whisper tends to "hear" the sign-off lines that fill
its subtitle training data: "Thank you.", "Thanks for watching!", "Subtitles by
the Amara.org community", "you". A phrase alone is not proof (people do say
"thank you"), so a segment is dropped only when its text is a known phantom AND
the decoder's own numbers or the audio say nobody was speaking. Pure functions;
the transcriber supplies the numbers.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

# Whole-segment texts, compared after ``normalize``.
PHANTOM_PHRASES = frozenset({
    # English
    "you", "thank you", "thank you so much", "thank you very much", "thanks", "thanks for watching",
    "thank you for watching", "thanks for watching and see you next time", "thank you for listening",
    "please subscribe", "like and subscribe", "subscribe", "bye", "bye bye", "bye-bye", "goodbye", "so", "oh",
    "uh", "um", "hmm", "the end", "silence", "music", "applause", "laughter", "foreign",
    "see you next time", "see you in the next video", "i'll see you next time",
    # French
    "merci", "merci beaucoup", "merci d'avoir regardé", "merci de votre attention", "au revoir",
    "sous-titrage st' 501", "sous-titres réalisés par la communauté d'amara.org",
    # Spanish
    "gracias", "muchas gracias", "gracias por ver", "gracias por ver el video", "adiós",
    "suscríbete", "subtítulos por la comunidad de amara.org",
    # German
    "danke", "vielen dank", "danke fürs zuschauen", "tschüss", "untertitel im auftrag des zdf für funk, 2017",
    "untertitelung des zdf, 2020", "untertitel der amara.org-community",
    # Italian, Portuguese, Russian, Japanese, Chinese
    "grazie", "grazie a tutti", "obrigado", "obrigada", "спасибо", "спасибо за просмотр",
    "продолжение следует", "ご視聴ありがとうございました", "谢谢观看", "字幕由amara.org社区提供",
})

# Phantoms that vary in their tail (names of subtitlers, years): matched at the start.
PHANTOM_PREFIXES = (
    "subtitles by", "subtitled by", "captions by", "transcribed by", "translated by",
    "sous-titres", "sous-titrage", "subtítulos", "untertitel", "sottotitoli", "legendas",
    "редактор субтитров", "субтитры", "amara.org", "www.", "http",
)

_BRACKETED = re.compile(r"^[\[(♪*].*[\])♪*]$")  # "[Music]", "(silence)", "♪ ♪"


@dataclass(frozen=True)
class GuardThresholds:
    """When a phantom-looking text is believed to be invented."""

    no_speech_prob: float = 0.6     # the model itself thought there was no speech
    avg_logprob: float = -0.9       # the model was unsure of the words it chose
    quiet_rms: float = 0.003        # about -50 dBFS: room tone, not a voice
    short_s: float = 2.0            # phantoms are short lines

    def __post_init__(self) -> None:
        if not 0.0 <= self.no_speech_prob <= 1.0:
            raise ValueError("no_speech_prob must be between 0 and 1")
        if self.avg_logprob > 0.0 or self.quiet_rms < 0.0 or self.short_s <= 0.0:
            raise ValueError("avg_logprob must be <= 0, quiet_rms >= 0 and short_s > 0")


def normalize(text: str) -> str:
    """Lower case, no surrounding punctuation or repeated spaces ("Thank you!" -> "thank you")."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,!?¡¿…:;\"'«»“”‘’-–—~")


def _words(norm: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+(?:['’.-]\w+)*", norm))


_PHRASE_WORDS = frozenset(_words(normalize(p)) for p in PHANTOM_PHRASES)
_LONGEST = max(len(w) for w in _PHRASE_WORDS)


def _is_phantom_run(words: tuple[str, ...]) -> bool:
    """True when ``words`` is one or more phantom phrases back to back ("thank you. thank you.")."""
    ok = [True] + [False] * len(words)  # ok[i]: words[:i] splits into phantom phrases
    for end in range(1, len(words) + 1):
        ok[end] = any(ok[start] and words[start:end] in _PHRASE_WORDS
                      for start in range(max(0, end - _LONGEST), end))
    return ok[-1]


def is_phantom_text(text: str) -> bool:
    """True for a known phantom line (or a run of them), a bracketed sound tag, or no words at all."""
    norm = normalize(text)
    if not norm or _BRACKETED.match(norm) or norm.startswith(PHANTOM_PREFIXES):
        return True
    words = _words(norm)
    return not words or _is_phantom_run(words)


def looks_invented(text: str, *, no_speech_prob: float, avg_logprob: float, duration_s: float,
                   segment_rms: float, thresholds: GuardThresholds = GuardThresholds()) -> bool:
    """True when a segment's text is a phantom phrase and the evidence says it was not spoken."""
    if not is_phantom_text(text):
        return False
    if not normalize(text):
        return True  # nothing to keep anyway
    if no_speech_prob >= thresholds.no_speech_prob:
        return True
    if avg_logprob <= thresholds.avg_logprob:
        return True
    return duration_s <= thresholds.short_s and segment_rms <= thresholds.quiet_rms


@dataclass(frozen=True)
class SegmentEvidence:
    """What the guard needs to know about one decoded segment."""

    text: str
    no_speech_prob: float
    avg_logprob: float
    duration_s: float
    segment_rms: float


def _loop_members(segments: Sequence[SegmentEvidence], thresholds: GuardThresholds, min_run: int = 3) -> set[int]:
    """Indexes inside runs of >= ``min_run`` identical texts the model doubted ("1,5kg 1,5kg 1,5kg")."""
    members: set[int] = set()
    start = 0
    for end in range(1, len(segments) + 1):
        if end < len(segments) and normalize(segments[end].text) == normalize(segments[start].text):
            continue
        run = range(start, end)
        if len(run) >= min_run and all(segments[i].no_speech_prob >= thresholds.no_speech_prob for i in run):
            members.update(run)
        start = end
    return members


def split_phantoms(segments: Iterable[SegmentEvidence],
                   thresholds: GuardThresholds = GuardThresholds()) -> tuple[list[int], list[str]]:
    """Indexes of segments to keep, and the texts dropped as phantoms (in order)."""
    segments = list(segments)
    loops = _loop_members(segments, thresholds)
    keep: list[int] = []
    dropped: list[str] = []
    for index, seg in enumerate(segments):
        if index in loops or looks_invented(
                seg.text, no_speech_prob=seg.no_speech_prob, avg_logprob=seg.avg_logprob,
                duration_s=seg.duration_s, segment_rms=seg.segment_rms, thresholds=thresholds):
            if normalize(seg.text):
                dropped.append(seg.text.strip())
        else:
            keep.append(index)
    return keep, dropped


def rms(samples: Sequence[float]) -> float:
    """Root mean square of float samples; 0 for an empty slice."""
    import numpy as np

    arr = np.asarray(samples, dtype=np.float32)
    if arr.size == 0:
        return 0.0
    return float(np.sqrt(np.mean(arr.astype(np.float64) ** 2)))
