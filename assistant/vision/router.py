"""Which kind of help a spoken question asks for, from its words alone.

Pure and fast: the embedded engine uses it to pick OCR, colour, light, face
counting or a description before any model runs. Rules are tried in order;
colour comes before read_text so "what colour is the writing" asks for a colour.
"""
from __future__ import annotations

import re
from enum import Enum


class Intent(str, Enum):
    DESCRIBE = "describe"
    QUESTION = "question"
    READ_TEXT = "read_text"
    COLOUR = "colour"
    LIGHT = "light"
    COUNT_PEOPLE = "count_people"
    COUNT = "count"          # how many cups / chairs / bottles
    FIND = "find"            # is there a chair, where is my cup
    MORE = "more"            # what else is there


_CONTRACTIONS = {
    "what's": "what is", "whats": "what is", "where's": "where is", "who's": "who is",
    "there's": "there is", "it's": "it is", "that's": "that is", "i'm": "i am",
    "how's": "how is", "isn't": "is not", "aren't": "are not", "can't": "cannot",
    "don't": "do not", "doesn't": "does not", "c'mon": "come on",
}

_COLOURS = ("red|orange|yellow|green|blue|purple|violet|pink|brown|black|white|grey|gray|"
            "beige|navy|gold|silver|turquoise|maroon")
_THING = r"(this|that|it|these|those|the \w+|my \w+)"
_PEOPLE = r"(people|persons|person|faces|humans|men|women|kids|children|guys|folks)"

_RULES: tuple[tuple[Intent, tuple[str, ...]], ...] = (
    (Intent.COLOUR, (
        r"\b(what|which|wat) (colou?rs?|shades?)\b",
        r"\bcolou?rs? (is|are|of)\b",
        r"\b(tell|say) me the colou?r",
        r"\bcolou?rs?$",  # "tell me its colour"
        rf"^(is|are) {_THING}( \w+)? ({_COLOURS})\b",
        rf"\b({_COLOURS}) or ({_COLOURS})\b",
        r"\bdoes (this|it|that) match\b",
    )),
    (Intent.READ_TEXT, (
        r"\bread\b",
        r"\bwhat does \w+( \w+){0,3} say\b",
        r"\bwhat is (written|printed|typed)\b",
        r"\bwhat (is|does) (the )?(text|writing|label|sign|screen|note|letter|page)\b"
        r"( (say|show|read))?",
        r"\bwhat (do|does) (the|it|this) (words?|text) (say|read)\b",
        r"\b(any|the|some) (text|writing|words)\b",
        r"\b(written|printed|writing) (on|here|there)\b",
        r"\bwhat (does it|it) say\b",
        r"\bwhich (bill|note|banknote)\b",
    )),
    (Intent.LIGHT, (
        r"\b(is|are) (the |my )?(\w+ )?(lights?|lamps?)( \w+){0,2} (on|off)\b",
        r"\b(lights?|lamps?) (on|off)\b",
        r"\b(leave|left) (the )?(lights?|lamps?) on\b",
        r"^(is|does) it (look |seem )?(dark|bright|light|dim)( in here| here| outside| in the room| now)?$",
        r"\b(is|does) (the room|it in here|it here|this room) (look |seem )?(dark|bright|light|dim|lit)\b",
        r"\bhow (dark|bright|light) is it\b",
        r"\bis there (any |enough )?light\b",
        r"\b(too|very) (dark|bright)\b",
    )),
    (Intent.COUNT_PEOPLE, (
        rf"\bhow many {_PEOPLE}\b",
        r"\bhow many of us\b",
        r"\b(is|are) (there )?(anyone|anybody|someone|somebody|any ?one|people|persons?)"
        r"( else)?( here| there| around| in (the|this) room| in front of me| with me| nearby)?$",
        r"\bam i alone\b",
        rf"\bcount (the )?{_PEOPLE}\b",
        r"\b(who|anyone|anybody|someone|somebody) (is )?(here|there|around|in the room)$",
        rf"\b(any|some) {_PEOPLE}\b",
    )),
    (Intent.MORE, (
        r"\bwhat else\b",
        r"\banything else\b",
        r"\b(what|which) other (things|objects|stuff)\b",
        r"^(and )?(is there )?(anything|something) more$",
    )),
    (Intent.COUNT, (
        r"\bhow many (\w+)",
    )),
    (Intent.FIND, (
        r"^(is|are) there (an? |any |some |the )?(\w+)( \w+)?( here| there| around| nearby"
        r"| in front of me| on the \w+| in the \w+| in the picture)?$",
        r"\bwhere (is|are) (the |my |a |an |our |your )?(\w+)",
        r"\b(do|can) you see (an? |any |the |my |some )?(\w+)",
        r"\b(find|look for|locate) (an? |any |the |my |some )?(\w+)",
        r"^(is|are) (the |my )(\w+) (here|there|in front of me)$",
    )),
    (Intent.DESCRIBE, (
        r"\bdescri(be|ption)\b",
        r"\bwhat (do|can) you see\b",
        r"\b(tell me )?what you (can )?see\b",
        r"\bwhat is (in )?(in front of|ahead of|before|around|near) (me|us)\b",
        r"\bwhat am i (looking at|holding|pointing at|facing|seeing)\b",
        r"^what is (this|that|it|here|there)( thing| object| here| over there| there| place)?$",
        r"^what is (going on|happening)( here)?$",
        r"\blook around\b",
        r"\bwhere am i\b",
        r"\bwhat is (the )?(scene|view|picture|image|photo)\b",
        r"^what is (in|on) (the |this |that |my )?(picture|image|photo|scene|view|camera)$",
        r"^(tell me )?what is (here|there|out there)$",
        r"^(look|see|take a look|have a look)( at this| at that| here)?$",
        r"\bwhat is around\b",
    )),
)
_COMPILED = tuple((intent, tuple(re.compile(p) for p in patterns)) for intent, patterns in _RULES)

# The same commonest questions in French, German and Spanish, matched on the words with their
# accents taken off ("écrit" -> "ecrit"), tried after the English rules.
_OTHER_RULES: tuple[tuple[Intent, tuple[str, ...]], ...] = (
    (Intent.COLOUR, (
        r"\b(quelles? couleurs?|de quelle couleur|couleur)\b",
        r"\b(welche farben?|was fur eine farbe|farbe)\b",
        r"\b(que colou?r(es)?|de que colou?r|cual es el colou?r|colou?r)\b",
    )),
    (Intent.READ_TEXT, (
        r"\b(lis|lisez|lire|ecrit|ecrite|inscrit|dit (le|la|l)|texte)\b",
        r"\b(lies|lesen|vorlesen|steht|geschrieben|text|sagt)\b",
        r"\b(lee|leer|leeme|escrito|escrita|dice|texto|pone)\b",
    )),
    (Intent.COUNT_PEOPLE, (
        r"\bcombien (de|d) (personnes|gens)\b", r"\by a t il (quelqu un|des gens)\b",
        r"\bwie viele (personen|leute|menschen)\b", r"\bist (hier )?(jemand|wer) (da|hier)\b",
        r"\bcuantas personas\b", r"\bhay (alguien|gente)\b",
    )),
    (Intent.MORE, (
        r"\b(quoi d autre|qu y a t il d autre|qu est ce qu il y a d autre|autre chose|rien d autre)\b",
        r"\b(was (noch|sonst)|sonst noch|noch etwas|was gibt es noch)\b",
        r"\b(que mas|algo mas|que otra cosa|que otras cosas|nada mas)\b",
    )),
    (Intent.COUNT, (
        r"\bcombien (de|d) (\w+)", r"\bwie viele (\w+)", r"\bcuant[oa]s (\w+)",
    )),
    (Intent.FIND, (
        r"\bou (est|sont|se trouve|se trouvent) (le|la|les|l|mon|ma|mes|un|une) (\w+)",
        r"\by a t il (un|une|des|du|de la) (\w+)",
        r"\b(vois|voyez) (tu|vous) (un|une|des|le|la|les|mon|ma|mes) (\w+)",
        r"\bwo (ist|sind|steht|liegt) (der|die|das|mein|meine|ein|eine) (\w+)",
        r"\b(gibt es|siehst du|sehen sie) (ein|eine|einen|der|die|das|den|meine|meinen) (\w+)",
        r"\bdonde (esta|estan) (el|la|los|las|mi|mis) (\w+)",
        r"\b(hay|ves|ve) (un|una|unos|unas|el|la|mi) (\w+)",
    )),
    (Intent.DESCRIBE, (
        r"\b(decris|decrivez|decrire|qu est ce que (tu vois|c est)|que vois tu)\b",
        r"\b(beschreibe|beschreib|was siehst du|was ist das)\b",
        r"\b(describe|describeme|que ves|que es esto)\b",
    )),
)
_OTHER = tuple((intent, tuple(re.compile(p) for p in patterns)) for intent, patterns in _OTHER_RULES)


def _plain(question: str) -> str:
    """Lower case, accents off, apostrophes and punctuation to spaces: 'Qu'est-ce' -> 'qu est ce'."""
    import unicodedata

    text = unicodedata.normalize("NFKD", question.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[a-z0-9]+", text.replace("ß", "ss")))


def normalise(question: str) -> str:
    """Lower case, plain apostrophes, contractions spelled out, no punctuation."""
    text = question.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    words = re.findall(r"[a-z0-9']+", text)
    out = [_CONTRACTIONS.get(w, w.strip("'")) for w in words]
    return " ".join(w for w in out if w)


def route(question: str) -> Intent:
    """The intent of a question; no words at all means "tell me what is there"."""
    text = normalise(question)
    if not text and not _plain(question):
        return Intent.DESCRIBE
    for intent, patterns in _COMPILED:
        if any(p.search(text) for p in patterns):
            return intent
    plain = _plain(question)
    for intent, patterns in _OTHER:
        if any(p.search(plain) for p in patterns):
            return intent
    return Intent.QUESTION
