"""Is a line that OCR read made of words, or of debris that only looks like letters?

A blurred or glared label comes back from OCR as confident nonsense ("Hight Yime" for
"NightTime"); reading it aloud misleads more than saying nothing. A line is kept when
enough of its words are known English words (pyspellchecker's frequency list, which
also knows many brand and drug names), numbers, units or codes, or when the recogniser
was very sure. Pure, apart from loading the word list once.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Callable, Iterable

# Words OCR reads on labels, screens and receipts that a word list may lack.
UNITS = frozenset({"mg", "mcg", "ml", "g", "kg", "oz", "lb", "lbs", "fl", "l", "cl", "dl", "mm",
                   "cm", "in", "ft", "pk", "ct", "qty", "no", "tel", "fax", "www", "com", "usb",
                   "id", "pin", "ok", "tv", "pc", "am", "pm", "wt", "iu", "kcal", "cal", "tbsp",
                   "tsp", "pcs", "vat", "gst", "st", "rd", "nd", "th", "dr", "mr", "mrs", "ms"})
# Short words that are real; other one- and two-letter groups are usually debris.
SHORT = frozenset("a i an as at be by do go he if in is it me my no of oh on or so to up us we "
                  "am pm ok tv id uk us eu dr mr ms st vs".split())
SURE_SCORE = 0.97      # the recogniser is rarely this sure of nonsense
_WORD = re.compile(r"[A-Za-z]+")
_lock = threading.Lock()
OTHER_LANGUAGES = ("fr", "de", "es")   # pyspellchecker's word lists of i18n.SUPPORTED but English


@lru_cache(maxsize=1)
def _english_counts():
    """pyspellchecker's English word counts, loaded once for every check here (None: not
    installed)."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return None
    with _lock:
        return SpellChecker(language="en").word_frequency


@lru_cache(maxsize=1)
def _english() -> Callable[[str], bool] | None:
    frequency = _english_counts()
    if frequency is None:  # no word list: every line counts as words, as before
        return None
    return lambda word: word in frequency


def known_share(text: str, is_word: Callable[[str], bool] | None = None) -> float:
    """Share of the line's letter groups (3+ letters) that are words; 1.0 when it has none."""
    check = is_word if is_word is not None else _english()
    if check is None:
        return 1.0
    # Units and short real words are not judged; CamelCase brands ("NightTime") are split
    # the way a reader would.
    parts = [p.lower() for g in _WORD.findall(text) for p in _camel(g)]
    judged = [p for p in parts if p not in UNITS and (len(p) >= 3 or p not in SHORT)]
    if not judged:
        return 1.0
    return sum(1 for p in judged if len(p) >= 3 and check(p)) / len(judged)


def stroke_run(text: str) -> bool:
    """A line that is only vertical strokes ("11111", "Il1"): how OCR reads lines of text too
    blurred to resolve. Said as a number it would be made up."""
    chars = re.sub(r"[^0-9A-Za-z]", "", text)
    return len(chars) >= 2 and set(chars) <= set("1lIi")


def _camel(word: str) -> Iterable[str]:
    pieces = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", word)
    return pieces if len(pieces) > 1 and "".join(pieces) == word else (word,)


# The recogniser reads Chinese and English; on Latin text it writes some punctuation in
# its full-width forms ("4、75", "12：30").
_FULL_WIDTH = str.maketrans({"：": ":", "；": ";", "，": ",", "。": ".", "、": ".", "（": "(",
                             "）": ")", "！": "!", "？": "?", "％": "%", "＄": "$", "／": "/"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def tidy(text: str) -> str:
    """One line of OCR text as written, full-width punctuation made plain, and words the
    recogniser ran together ("NOPARKING", "SportsCentre", "TotalFat8g") set apart."""
    return " ".join(separate(w) for w in text.translate(_FULL_WIDTH).split())


# Only between runs of 3+ letters: "iPhone" and "McDonalds" stay whole.
_CAMEL = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})")
_LETTERS_DIGITS = re.compile(r"(?<=[A-Za-z]{3})(?=\d)|(?<=\d)(?=[A-Za-z]{3})")


def separate(token: str) -> str:
    """One OCR token, split where it is two words run together; unchanged otherwise."""
    token = _LETTERS_DIGITS.sub(" ", _CAMEL.sub(" ", token))
    return " ".join(_split_known(part) for part in token.split())


def _split_known(word: str, min_frequency: int = 100) -> str:
    """'NOPARKING' -> 'NO PARKING' when the word is unknown but both halves are common."""
    check = _frequency()
    if check is None or len(word) < 6 or not word.isalpha() or check(word.lower()) > 0:
        return word
    if _other_language_word(word.lower()):   # "SECOURS", "SALIDA" are whole words
        return word
    best, best_score = word, 0
    for cut in range(2, len(word) - 1):
        left, right = word[:cut].lower(), word[cut:].lower()
        scores = [check(left) if (len(left) >= 3 or left in SHORT) else 0,
                  check(right) if (len(right) >= 3 or right in SHORT) else 0]
        if min(scores) >= min_frequency and min(scores) > best_score:
            best, best_score = f"{word[:cut]} {word[cut:]}", min(scores)
    return best


@lru_cache(maxsize=1)
def _frequency() -> Callable[[str], int] | None:
    frequency = _english_counts()
    return None if frequency is None else (lambda word: frequency[word])


@lru_cache(maxsize=1)
def _other_languages() -> tuple:
    from spellchecker import SpellChecker

    with _lock:
        return tuple(SpellChecker(language=code).word_frequency for code in OTHER_LANGUAGES)


@lru_cache(maxsize=1)
def _frequencies() -> dict | None:
    """pyspellchecker's word counts of each language we answer in (None: not installed)."""
    english = _english_counts()
    if english is None:
        return None
    return {"en": english, **dict(zip(OTHER_LANGUAGES, _other_languages()))}


def written_language(text: str, min_frequency: int = 50) -> str | None:
    """The language a short text read from a picture is written in ("SORTIE DE SECOURS" ->
    "fr"): the one language whose common words hold most of its words, when one clearly
    does; None for a tie, a name or a code ("EXIT" is English, "Restaurant" is anyone's)."""
    freqs = _frequencies()
    words = [w.casefold() for w in re.findall(r"[^\W\d_]{2,}", text)]
    if not freqs or not words:
        return None
    scores = {lang: sum(1 for w in words if freq[w] >= min_frequency) for lang, freq in freqs.items()}
    first, second = sorted(scores.values(), reverse=True)[:2]
    if first == second or first * 2 < len(words):
        return None
    return max(scores, key=scores.__getitem__)


def _other_language_word(word: str, min_frequency: int = 50) -> bool:
    """A common word of French, German or Spanish (the other languages we answer in): a sign
    that says "SORTIE DE SECOURS" is read whole, never split into English pieces."""
    return any(frequency[word] >= min_frequency for frequency in _other_languages())


def plausible(text: str, score: float, is_word: Callable[[str], bool] | None = None) -> bool:
    """Worth reading aloud: real words, or a recogniser that is very sure (names, codes)."""
    letters = sum(ch.isalpha() for ch in text)
    digits = sum(ch.isdigit() for ch in text)
    if letters + digits < 2:
        return False
    cjk = len(_CJK.findall(text))
    if cjk:
        # Chinese or Japanese among Latin letters is a misread; alone, it may be real.
        return cjk == letters and score >= 0.9
    if letters == 0 or letters <= digits:
        # Prices, dates, doses, phone numbers: a misread digit is worse than none, and
        # smeared digits come back at 0.7-0.85 where clear ones score above 0.9.
        return score >= 0.88
    share = known_share(text, is_word)
    if score >= SURE_SCORE:
        return share >= 0.34 or len(text.split()) <= 2
    if score >= 0.85:
        return share >= 0.5
    return share >= 0.75
