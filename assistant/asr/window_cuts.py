"""A 30 s window that began just after a word started: that word put back.

faster-whisper decodes a long recording in 30 s windows. Each window after the first starts
where the last one's final timestamp put it, and that timestamp is often a little late: the
window then begins a fifth of a second into the next stretch of speech, and the first word
of that stretch, cut at its start, can be lost. tiny.en with CTranslate2 on an AMD CPU
(int8 through oneDNN) wrote "might even have been made amiable himself." for "He might
even ..." twice in five minutes, and dropped "And" of "And Mr. John Dashwood" twice, where
the bare library's windows happened to fall elsewhere.

For each window that began inside a stretch of speech, at most ``MAX_LEAD_S`` after the
pause before it, the start of that stretch is read again from the pause on: an encoder pass
over those few seconds only (``partial.unpadded_text``, as the quick partial transcript does)
and a few tokens,
a tenth of a second or so, not another window's decode. When the words read are the
window's first words with one to ``MAX_LOST`` more in front, and those are not simply the
end of what came before the cut, they are put back at the start of the window's first
segment: its text and its tokens (so word times align them too). Anything else leaves the
segment as it was.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from typing import Any, Sequence

import numpy as np

from . import SAMPLE_RATE, partial, phantom
from .language import Span

log = logging.getLogger(__name__)

CUT_INSIDE_S = 0.1   # a window starting this far into a stretch of speech may have cut a word
MAX_LEAD_S = 1.0     # deeper in, the previous window's words reach past the pause: not a lost onset
READ_S = 3.0         # audio read again after the pause: the lost words and some that follow
PAD_S = 0.3          # silence kept before the stretch (never reaching into the speech before it)
MATCH = 3            # words after the lost ones that must be the window's own first words
MAX_LOST = 3         # what a cut can lose: the first word or two of a sentence
TOKENS = 12          # tokens read again: enough for MAX_LOST + MATCH words


def cuts(segments: Sequence[Any], units: Sequence[Span]) -> list[tuple[int, Span]]:
    """(index of a window's first segment, the stretch of speech it began inside) for each
    window after the first that began within ``MAX_LEAD_S`` of a stretch's start."""
    out = []
    for i in range(1, len(segments)):
        before, after = segments[i - 1], segments[i]
        seek = getattr(after, "seek", None)
        if seek is None or seek == getattr(before, "seek", None):
            continue
        start = float(after.start)
        for unit in units:
            if unit.start + CUT_INSIDE_S < start < unit.end and start - unit.start <= MAX_LEAD_S:
                out.append((i, unit))
                break
    return out


def lost_words(before: str, after: str, reread: str) -> str:
    """The words ``reread`` has in front of ``after``'s first ones, as ``reread`` writes them;
    "" unless it is exactly that (``MATCH`` words agreeing after one to ``MAX_LOST`` more),
    and unless those words merely repeat the end of ``before``."""
    raw = reread.split()[:MAX_LOST + MATCH + 2]
    said = [_words(w) for w in raw]
    if any(len(w) > 1 for w in said):
        return ""                    # "in,out": a word boundary the comparison cannot place
    read = [(r, w[0]) for r, w in zip(raw, said) if w]
    first, last = _words(after), _words(before)
    wanted = first[:MATCH]
    if len(wanted) < min(MATCH, 2):
        return ""                    # too little of the window to recognise it
    for k in range(1, MAX_LOST + 1):
        if [w for _, w in read[k:k + len(wanted)]] == wanted:
            lost = [w for _, w in read[:k]]
            if lost == last[-k:]:
                return ""            # the words before the cut, read again
            return " ".join(r for r, _ in read[:k])
    return ""


def mend(model, audio: np.ndarray, segments: list, units: Sequence[Span], language: str,
         reader=None, check=None) -> list:
    """``segments`` (faster-whisper's, of ``audio``) with the words lost at window starts put
    back. ``reader(model, piece, language)`` gives a piece's first words (``first_words``);
    ``check()``, called before each, raises to stop (a cancelled request)."""
    reader = reader or first_words
    out = list(segments)
    for i, unit in cuts(segments, units):
        if check is not None:
            check()
        lo = max([unit.start - PAD_S, 0.0] + [u.end for u in units if u.end <= unit.start])
        hi = min(unit.end, float(out[i].start) + READ_S)
        piece = audio[int(lo * SAMPLE_RATE):int(hi * SAMPLE_RATE)]
        if piece.shape[0] < SAMPLE_RATE // 10:
            continue
        try:
            reread = reader(model, piece, language)
        except (RuntimeError, ValueError) as exc:   # a runtime that refuses: the segment stays
            log.info("could not read the start of a window again (%s)", exc)
            continue
        lost = lost_words(out[i - 1].text, out[i].text, reread)
        if lost:
            log.info("a window began inside speech at %.1f s: '%s' put back", float(out[i].start), lost)
            out[i] = _with_words_in_front(model, out[i], lost, language)
    return out


def first_words(model, piece: np.ndarray, language: str) -> str:
    """The first ``TOKENS`` tokens ``model`` reads in ``piece``, encoded at its own length."""
    return partial.unpadded_text(model, piece, language, TOKENS)


def _with_words_in_front(model, segment: Any, words: str, language: str) -> Any:
    from faster_whisper.tokenizer import Tokenizer

    tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe",
                          language=language or "en")
    tokens = list(tokenizer.encode(" " + words)) + list(segment.tokens)
    return dataclasses.replace(segment, text=" " + words + segment.text, tokens=tokens)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+(?:['’-]\w+)*", phantom.normalize(text))
