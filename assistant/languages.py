"""Languages as people and clients name them, to Whisper's codes.

OpenAI's transcription API documents ``language`` as an ISO-639-1 code ("en"); clients
also send a region ("en-US", "pt_BR"), another case ("EN"), a retired or sibling code
("iw" from old Java locales, "nb" for Norwegian Bokmål, "jv" where Whisper says "jw"), or
the name openai-whisper's own command line takes ("english", "Mandarin"). All of them
become the code Whisper knows; the caller checks that code against ``WHISPER_LANGUAGES``.
"""
from __future__ import annotations

# openai-whisper's names and aliases (its tokenizer's TO_LANGUAGE_CODE, which transformers
# copies: tests/core/test_core_config.py keeps them equal).
NAMES = {
    "afrikaans": "af", "albanian": "sq", "amharic": "am", "arabic": "ar", "armenian": "hy",
    "assamese": "as", "azerbaijani": "az", "bashkir": "ba", "basque": "eu", "belarusian": "be",
    "bengali": "bn", "bosnian": "bs", "breton": "br", "bulgarian": "bg", "burmese": "my",
    "cantonese": "yue", "castilian": "es", "catalan": "ca", "chinese": "zh", "croatian": "hr",
    "czech": "cs", "danish": "da", "dutch": "nl", "english": "en", "estonian": "et",
    "faroese": "fo", "finnish": "fi", "flemish": "nl", "french": "fr", "galician": "gl",
    "georgian": "ka", "german": "de", "greek": "el", "gujarati": "gu", "haitian": "ht",
    "haitian creole": "ht", "hausa": "ha", "hawaiian": "haw", "hebrew": "he", "hindi": "hi",
    "hungarian": "hu", "icelandic": "is", "indonesian": "id", "italian": "it", "japanese": "ja",
    "javanese": "jw", "kannada": "kn", "kazakh": "kk", "khmer": "km", "korean": "ko", "lao": "lo",
    "latin": "la", "latvian": "lv", "letzeburgesch": "lb", "lingala": "ln", "lithuanian": "lt",
    "luxembourgish": "lb", "macedonian": "mk", "malagasy": "mg", "malay": "ms", "malayalam": "ml",
    "maltese": "mt", "mandarin": "zh", "maori": "mi", "marathi": "mr", "moldavian": "ro",
    "moldovan": "ro", "mongolian": "mn", "myanmar": "my", "nepali": "ne", "norwegian": "no",
    "nynorsk": "nn", "occitan": "oc", "panjabi": "pa", "pashto": "ps", "persian": "fa",
    "polish": "pl", "portuguese": "pt", "punjabi": "pa", "pushto": "ps", "romanian": "ro",
    "russian": "ru", "sanskrit": "sa", "serbian": "sr", "shona": "sn", "sindhi": "sd",
    "sinhala": "si", "sinhalese": "si", "slovak": "sk", "slovenian": "sl", "somali": "so",
    "spanish": "es", "sundanese": "su", "swahili": "sw", "swedish": "sv", "tagalog": "tl",
    "tajik": "tg", "tamil": "ta", "tatar": "tt", "telugu": "te", "thai": "th", "tibetan": "bo",
    "turkish": "tr", "turkmen": "tk", "ukrainian": "uk", "urdu": "ur", "uzbek": "uz",
    "valencian": "ca", "vietnamese": "vi", "welsh": "cy", "yiddish": "yi", "yoruba": "yo",
}

# ISO-639-1 codes Whisper spells otherwise, and retired ones still in use.
ALIASES = {"jv": "jw", "nb": "no", "iw": "he", "in": "id", "ji": "yi", "mo": "ro"}


def language_code(language: str) -> str:
    """'fr-CA', 'FR_ca', 'French' -> 'fr'; 'jv' -> 'jw' (the model knows languages, not regions)."""
    text = " ".join(str(language).split()).lower()
    if text in NAMES:
        return NAMES[text]
    code = text.replace("_", "-").split("-")[0]
    return ALIASES.get(code, code)
