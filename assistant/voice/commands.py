"""Voice commands that work at any time: stop, repeat, slower, faster, in English, French,
German and Spanish (whichever language the user speaks, whatever the reply language: a
French speaker who set English replies still says "arrête").

A pure parser. An utterance is a command only when it is *nothing but* the
command (give or take politeness and the wake-up words people add), so a
question that happens to contain "stop" ("what does the stop sign say?") still
goes to the vision model.
"""
from __future__ import annotations

import enum
import re
import unicodedata


class VoiceCommand(enum.Enum):
    STOP = "stop"
    REPEAT = "repeat"
    SLOWER = "slower"
    FASTER = "faster"


_PHRASES: dict[VoiceCommand, tuple[str, ...]] = {
    VoiceCommand.STOP: (
        "stop", "stop it", "stop talking", "stop speaking", "stop that", "stop now", "be quiet",
        "quiet", "shut up", "silence", "enough", "that's enough", "that is enough", "cancel",
        "never mind", "nevermind", "hush", "pause",
        # French, German, Spanish
        "arrête", "arrete", "arrêtez", "arrête toi", "stop", "tais toi", "taisez vous", "silence",
        "ça suffit", "assez", "halte", "arrête de parler", "arrêtez de parler", "tais toi maintenant",
        "halt", "stopp", "hör auf", "hör auf zu reden", "hör auf zu sprechen", "aufhören", "ruhe", "sei still", "genug", "das reicht",
        "para", "pare", "para de hablar", "deja de hablar", "detente", "detente ya", "basta", "cállate", "silencio", "ya basta",
        "alto",
    ),
    VoiceCommand.REPEAT: (
        "repeat", "repeat that", "repeat it", "repeat please", "say that again", "say it again",
        "again", "once more", "one more time", "what did you say", "come again", "pardon",
        "sorry what", "can you repeat that", "could you repeat that",
        "répète", "repete", "répétez", "répète ça", "encore", "encore une fois", "redis le",
        "tu peux répéter", "pardon", "comment",
        "wiederhole", "wiederholen", "wiederhol das", "wiederhole das", "noch einmal",
        "noch mal", "nochmal", "wie bitte",
        "repite", "repítelo", "repita", "repítalo", "otra vez", "de nuevo", "cómo",
    ),
    VoiceCommand.SLOWER: (
        "slower", "slow down", "speak slower", "talk slower", "say it slower", "more slowly",
        "speak more slowly", "talk more slowly", "too fast", "you're too fast", "slowly",
        "plus lentement", "moins vite", "parle plus lentement", "trop vite", "lentement",
        "langsamer", "sprich langsamer", "zu schnell", "langsam",
        "más despacio", "mas despacio", "más lento", "habla más despacio", "demasiado rápido",
        "despacio",
    ),
    VoiceCommand.FASTER: (
        "faster", "speed up", "speak faster", "talk faster", "say it faster", "more quickly",
        "speak more quickly", "too slow", "you're too slow", "hurry up", "quicker",
        "plus vite", "parle plus vite", "plus rapidement", "trop lent", "accélère",
        "schneller", "sprich schneller", "zu langsam",
        "más rápido", "mas rapido", "más deprisa", "habla más rápido", "demasiado lento",
    ),
}

# Words people wrap a command in; dropped from both ends before matching.
_FILLER_LEADING = ("please", "ok", "okay", "hey", "assistant", "hey assistant", "um", "uh",
                   "oh", "no", "now", "just", "can you", "could you", "would you", "and", "so",
                   "well", "alright", "all right", "yes", "yeah", "er", "hmm",
                   "s'il te plaît", "s'il vous plaît", "euh", "oui", "non", "bon", "alors",
                   "bitte", "ja", "nein", "also", "äh", "por favor", "sí", "bueno", "eh", "vale")
_FILLER_TRAILING = ("please", "now", "thanks", "thank you", "a bit", "a little", "a little bit",
                    "assistant", "s'il te plaît", "s'il vous plaît", "merci", "un peu",
                    "maintenant", "bitte", "danke", "ein bisschen", "jetzt", "por favor",
                    "gracias", "un poco", "ya")

_LOOKUP = {phrase: command for command, phrases in _PHRASES.items() for phrase in phrases}


def normalize(text: str) -> str:
    """Lower case, ASCII apostrophes, punctuation to spaces, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    text = re.sub(r"[^\w' ]+", " ", text.replace("-", " "))
    return re.sub(r"\s+", " ", text).strip(" '")


def _strip_fillers(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        for filler in _FILLER_LEADING:
            if text.startswith(filler + " "):
                text, changed = text[len(filler) + 1:], True
        for filler in _FILLER_TRAILING:
            if text.endswith(" " + filler):
                text, changed = text[:-len(filler) - 1], True
    return text


def parse_command(text: str) -> VoiceCommand | None:
    """The command ``text`` is, or None when it is anything else (a question)."""
    norm = normalize(text)
    if not norm or len(norm.split()) > 8:
        return None
    if norm in _LOOKUP:
        return _LOOKUP[norm]
    core = _strip_fillers(norm)
    if core in _LOOKUP:
        return _LOOKUP[core]
    # "stop stop", "slower slower please": a repeated command is still that command.
    words = core.split()
    if words and len(set(words)) == 1 and words[0] in _LOOKUP:
        return _LOOKUP[words[0]]
    # "say it again", "tell me that again": a short request ending in "again".
    if 2 <= len(words) <= 5 and words[-1] == "again" and words[0] in _AGAIN_VERBS:
        return VoiceCommand.REPEAT
    return None


_AGAIN_VERBS = ("say", "tell", "read", "repeat", "give", "once")

# The commands as a recogniser prompt, one language at a time: Whisper base hears espeak-ng's
# "Arrête de parler." as "Ah, mais tu parles !" in about two tries of three (its re-decoding at
# a higher temperature samples), and as the command every time with these words as hotwords.
_PROMPTS = {
    "en": "Stop. Stop talking. Repeat. Slower. Faster.",
    "fr": "Arrête. Arrête de parler. Tais-toi. Répète. Plus lentement. Plus vite.",
    "de": "Stopp. Hör auf. Sei still. Wiederhole. Langsamer. Schneller.",
    "es": "Para. Para de hablar. Cállate. Repite. Más despacio. Más rápido.",
}


def command_prompt(language: str | None) -> str | None:
    """The command words of ``language`` to prime the recogniser with, or None (no commands
    in that language)."""
    return _PROMPTS.get((language or "").split("-")[0].split("_")[0].lower())
