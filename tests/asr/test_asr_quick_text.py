"""The quick partial transcript (``asr.partial``, the smart end of turn's reading of the words
so far) on short real speech: the Asterisk phone prompts of 0.5-3 s (Debian
asterisk-core-sounds-en, the first 150 in name order: human voices with their transcripts). Encoded at its own length,
a turn of a second or two was read as noise ("ask not" as "S-0."), so the judge decided its
pause on garbage; padded to 8 s it reads them nearly as well as the full 30 s pass."""
from __future__ import annotations

import gzip
import wave

import jiwer
import numpy as np
from asr_support import ASTERISK, ASTERISK_DOCS, norm_words
from system_files import system_file

from assistant.audio.resampler import resample

PROMPTS = 150


def _short_prompts(low_s: float = 0.5, high_s: float = 3.0, count: int = PROMPTS):
    doc = system_file(ASTERISK_DOCS / "asterisk-core-sounds-en" / "core-sounds-en.txt.gz")
    with gzip.open(doc, "rt", encoding="utf-8", errors="replace") as handle:
        lines = [line.split(":", 1) for line in handle if ":" in line and not line.startswith(";")]
    prompts = []
    for key, text in sorted(lines):
        path = ASTERISK / "en" / f"{key.strip()}.wav"
        if "/" in key or "[" in text or not text.strip() or not path.exists():
            continue
        with wave.open(str(system_file(path))) as clip:
            rate = clip.getframerate()
            samples = np.frombuffer(clip.readframes(clip.getnframes()), np.int16) / 32768.0
        if low_s <= samples.size / rate <= high_s:
            prompts.append((resample(samples.astype(np.float32), rate, 16_000), norm_words(text)))
        if len(prompts) == count:
            break
    assert len(prompts) == count
    return prompts


def test_short_real_prompts_are_read_as_words(tiny_transcriber):
    prompts = _short_prompts()
    heard = [norm_words(tiny_transcriber.quick_text(audio) or "") for audio, _ in prompts]
    said = [text for _, text in prompts]
    error = jiwer.wer(said, heard)
    # Measured on these 150: 0.179 encoded at its own length, 0.115 padded to 8 s.
    assert error <= 0.14, [(s, h) for s, h in zip(said, heard) if s != h]
