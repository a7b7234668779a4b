"""Scoring an answer against a case: content recall, facts present, "can't tell" flags.

Recall asks how much of what a sighted helper said the engine also said. Words are
compared after a light normalising (plurals, -ing, a final e) so "bottles" meets
"bottle" and "showing" meets "show"; stop words and the words every caption uses
("photo", "shows") do not count. Facts are stricter: whole words or phrases.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cases import PhotoCase

# The embedded engine's fixed pointer to bigger models: not content, so never scored.
MODEL_NOTE = "For full descriptions, install a vision model; 'assistant models' shows how."
# What the engine says when it found nothing usable in the frame.
CANT_TELL = re.compile(r"\bcan(?:'|no)?t (?:tell|make out) what\b")

STOP_WORDS = frozenset("""
a about above after again against all am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours yourself
yourselves also may might must shall s t d ll m re ve let lets it's i'm don't can't
""".split())
CAPTION_WORDS = frozenset("""
photo photos photograph photographed picture pictures image images show shows showing shown
visible appears appear appearing seems seem seen view frame filling something thing things
perhaps maybe probably
""".split())


def strip_note(answer: str) -> str:
    return answer.replace(MODEL_NOTE, " ").strip()


def normalise(word: str) -> str:
    """A crude stem: enough that plurals, -ing forms and a final e meet their base word."""
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
        if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "lsz":
            word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lowercase words and numbers, split on anything that is not a letter or a digit."""
    return re.findall(r"[a-z0-9]+", text.lower())


def content_words(text: str) -> set[str]:
    """The normalised words that carry content: no stop words, no caption filler."""
    return {normalise(w) for w in words(text)
            if w not in STOP_WORDS and w not in CAPTION_WORDS}


def recall(description: str, answer: str) -> float:
    """The share of the description's content words that the answer also has."""
    wanted = content_words(description)
    if not wanted:
        return 0.0
    return len(wanted & content_words(strip_note(answer))) / len(wanted)


def says_cant_tell(answer: str) -> bool:
    """True when the answer gives up ("I can't tell what this is")."""
    return bool(CANT_TELL.search(answer.lower().replace("\u2019", "'")))


def has_phrase(text: str, phrase: str) -> bool:
    """Whole-word (or whole-phrase) match, case-insensitive: 'cat' is not in 'category'.

    Between a phrase's words any run of spaces or punctuation is accepted, because a
    reader joins printed lines with a stop or a comma ("HONEY OAT. CRUNCH") and a
    listener hears the same words.
    """
    between = r"[^a-z0-9]+"
    pattern = between.join(re.escape(word) for word in phrase.lower().split())
    pattern = r"(?<![a-z0-9])" + pattern + r"(?![a-z0-9])"
    return re.search(pattern, text.lower().replace("\u2019", "'")) is not None


def check_facts(answer: str, case: "PhotoCase") -> list[tuple[str, ...]]:
    """The fact groups of ``case`` that ``answer`` lacks (an empty list: all present)."""
    text = strip_note(answer)
    return [group for group in case.facts if not any(has_phrase(text, alt) for alt in group)]
