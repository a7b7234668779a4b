"""How long a pause ends the turn, from what the user has said so far.

A pure decision, in the spirit of Pipecat's smart-turn and LiveKit's turn detector but with
word lists instead of a model: the listener decodes the last few seconds of the open turn
when a pause begins and asks ``pause_after(text)``. A complete question or command ("What
does it say?", "stop") is answered after a short pause; a sentence that is plainly not
finished ("ask", "and the", "apples, pears,") waits longer, so a breath mid-sentence does
not end the turn; anything else keeps the configured end-of-turn silence.

A finished statement ("He was not an ill-disposed young man.") is answered after the short
pause too, unless it has no verb: "And so my fellow Americans." is an address, a lead-in, not
yet a turn (the English verbs are lemminflect's lexicon). And a speaker who has already gone on
after a pause longer than the configured silence in this turn is waited for that long again
after a statement (``went_on_after_s``): their pauses are longer than the setting, and a
question or command still ends the turn after the short pause.

Word lists belong to a language (``RULES``); English is the only one now. A language with
no rules always gets the configured silence.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import Enum
from typing import Callable

from .commands import parse_command

SHORT_PAUSE_S = 0.25     # after a complete question or command
LONG_PAUSE_S = 1.5       # after a plainly unfinished sentence (Pipecat waits up to 3 s)
AGAIN_MARGIN_S = 0.25    # waited beyond the longest pause the speaker went on after
AGAIN_MAX_S = 2.0        # ... but never longer than this


class Ending(Enum):
    COMPLETE = "complete"        # a question or a command: answer soon
    STATEMENT = "statement"      # a finished statement: soon, unless the speaker pauses long
    UNFINISHED = "unfinished"    # more is coming: wait
    UNSURE = "unsure"            # the configured end silence


@dataclass(frozen=True)
class LanguageRules:
    """What ends and what cannot end a turn in one language (lower-case words)."""

    never_last: frozenset[str]     # a sentence never ends on these
    seldom_last: frozenset[str]    # ... nor on these, unless it ends in "?" or "!"
    is_command: Callable[[str], bool]   # the whole turn is a command ("stop", "slow down")
    replies: frozenset[str]        # a turn of only these words is complete ("thank you", "yes")
    question_openers: frozenset[str]   # a sentence that begins so is a question
    has_verb: Callable[[list[str]], bool] = lambda words: True   # a statement needs one
    min_statement_words: int = 4   # a statement shorter than this, ended by ".", stays unsure


# A sentence never ends on these, whatever Whisper's punctuation says ("and the?").
_EN_NEVER_LAST = frozenset("""
    a an the my your our their its
    and or but nor because although though whereas unless until if than
    of to for from with without into onto between through across toward towards
    ask please um uh er erm
""".split())

# ... and seldom on these: unfinished unless the text ends in "?" or "!" ("Who is he?").
# Not "is", "was": a sentence often ends on them ("than he was", fitted on the LibriVox clips).
_EN_SELDOM_LAST = frozenset("""
    so while in on at by about over under after before behind near like as
    i he she we they be been being do does did have has had can could
    will would shall should may might must what which who whom whose where when why how
    tell show read describe let every each some any
""".split())

_EN_REPLIES = frozenset("thanks thank you okay ok yes yeah no nope right fine great".split())

_EN_OPENERS = frozenset("""
    what which who whom whose where when why how is are was were am do does did have has had
    can could will would shall should may might must tell show read describe please
""".split())


@functools.lru_cache(maxsize=4096)
def _en_verb(word: str) -> bool:
    if "'" in word:                  # "it's", "don't", "I'd" (or a possessive: let it pass)
        return True
    try:
        from lemminflect import getAllLemmas

        return bool(getAllLemmas(word, upos="VERB")) or bool(getAllLemmas(word, upos="AUX"))
    except Exception:  # no lexicon, or a damaged one: every statement counts as having a verb
        return True


def _en_has_verb(words: list[str]) -> bool:
    return any(_en_verb(word) for word in words)


RULES: dict[str, LanguageRules] = {
    "en": LanguageRules(never_last=_EN_NEVER_LAST, seldom_last=_EN_SELDOM_LAST,
                        is_command=lambda text: parse_command(text) is not None,
                        replies=_EN_REPLIES, question_openers=_EN_OPENERS,
                        has_verb=_en_has_verb),
}

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d+", re.UNICODE)
_TRAILING_OPEN = re.compile(r"(,|;|:|-|\u2014|\u2013|\.\.\.|\u2026)\s*$")


def warm_up() -> None:
    """Load the word lexicons now (about 0.2 s), not at a user's first pause."""
    for rules in RULES.values():
        rules.has_verb(["be"])


def ending(text: str, language: str = "en") -> Ending:
    """Whether ``text`` (a partial transcript) reads as a finished turn."""
    rules = RULES.get((language or "").split("-")[0].lower())
    words = [w.lower() for w in _WORD.findall(text)]
    if rules is None or not words:
        return Ending.UNSURE
    stripped = text.strip()
    if _TRAILING_OPEN.search(stripped):       # "apples, pears," / "so..." / "the -"
        return Ending.UNFINISHED
    if rules.is_command(stripped) or all(w in rules.replies for w in words):
        return Ending.COMPLETE                       # "stop", "be quiet", "thank you"
    if words[-1] in rules.never_last:                # "ask", "and the"
        return Ending.UNFINISHED
    if stripped.endswith(("?", "!")):                # "What is this?", "Who is he?"
        return Ending.COMPLETE
    if words[-1] in rules.seldom_last:               # "what is in", "he"
        return Ending.UNFINISHED
    if stripped.endswith(".") and words[0] in rules.question_openers:
        return Ending.COMPLETE                       # "What does it say." / "Read the text."
    if stripped.endswith(".") and len(words) >= rules.min_statement_words:
        # "He was not an ill-disposed young man." / "And so my fellow Americans."
        return Ending.STATEMENT if rules.has_verb(words) else Ending.UNFINISHED
    return Ending.UNSURE


def pause_after(text: str, default_s: float, *, language: str = "en",
                short_s: float = SHORT_PAUSE_S, long_s: float = LONG_PAUSE_S,
                went_on_after_s: float = 0.0) -> float:
    """The silence that ends the turn after ``text``; ``default_s`` when unsure. The short
    pause never lengthens a configured silence, nor the long one shortens it.

    ``went_on_after_s``: the longest pause in this turn after which the speaker went on.
    Longer than ``default_s``, it is waited again (and a little more) after anything but a
    question or command."""
    kind = ending(text, language)
    if kind is Ending.COMPLETE:
        return min(short_s, default_s)
    seconds = default_s
    if kind is Ending.STATEMENT:
        seconds = min(short_s, default_s)
    elif kind is Ending.UNFINISHED:
        seconds = max(long_s, default_s)
    if went_on_after_s > default_s:
        seconds = max(seconds, min(went_on_after_s + AGAIN_MARGIN_S, max(AGAIN_MAX_S, default_s)))
    return seconds
