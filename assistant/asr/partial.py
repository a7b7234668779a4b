"""A quick, rough transcript of the last seconds of a turn still being spoken.

The listener asks for it when a pause begins, to decide how long that pause may be
(``voice.turn_end``), so it must take a small fraction of the pause. It reuses the English
model the transcriber already holds (tiny.en by default) and never loads one: with none
loaded it answers None and the pause keeps the configured silence.

faster-whisper pads every input to Whisper's 30 s window, and the encoder's cost follows
that: about 1.2 s for tiny.en on two busy CPU cores, longer than the pause it is meant to
shorten. CTranslate2's encoder takes the real length instead (positions sliced to it), so
here the features of the last few seconds go to the model's own ``encode``/``generate``
padded only to 8 s, not 30 (``MIN_FRAMES``: a turn of a second or two, not padded at all,
is read as noise): the encoder pass takes a few tens of ms and gives the same words on our
recordings (one greedy pass, no timestamps, no previous text; measured on a 2-core machine
under load, ``tests/audio_live/test_audio_live_smart_turn.py``, ``tests/asr/test_asr_quick_text.py``).
"""
from __future__ import annotations

import re

import numpy as np

from . import SAMPLE_RATE
from .whisper_choice import choose_model

LAST_S = 8.0          # what came before this rarely changes how a sentence ends
MIN_S = 0.1           # shorter: nothing to read
TOKENS_PER_S = 8      # a generous bound on how much text a second of speech gives
# Unpadded, the decoder sees no silence after the words and may say them again ("What is
# this? What is this?"); a second of the padding Whisper was trained with ends most of them.
TRAILING_FRAMES = 100
# ... and a turn of a second or two, encoded at its own length, is read as noise ("ask not"
# as "S-0."; tiny.en's word error rate on 150 Asterisk prompts of 0.5-3 s: 0.18): padded to
# LAST_S (8 s) it is 0.11 (tests/asr/test_asr_quick_text.py), for an encoder pass of the
# same few tens of ms. On 60 prompts of 3-7.5 s: 0.088 -> 0.074.
MIN_FRAMES = int(LAST_S * 100)
_WORD = re.compile(r"[\w']+")


def quick_text(models, config, audio: np.ndarray) -> str | None:
    """``models``: the transcriber's ``WhisperModels``; ``config``: its ``AsrConfig``."""
    model = models.loaded(choose_model(config, "en", "transcribe"))
    if model is None:
        return None
    samples = np.asarray(audio, np.float32).reshape(-1)[-int(LAST_S * SAMPLE_RATE):]
    if samples.size < MIN_S * SAMPLE_RATE:
        return ""
    seconds = samples.size / SAMPLE_RATE
    return without_repeats(unpadded_text(model, samples, "en", int(TOKENS_PER_S * seconds) + 8).strip())


def unpadded_text(model, samples: np.ndarray, language: str, max_tokens: int) -> str:
    """What ``model`` (a faster-whisper WhisperModel) reads in ``samples`` (under 30 s) in at
    most ``max_tokens`` tokens: encoded at their own length, padded to at least 8 s (not
    Whisper's 30 s window), one greedy pass, no timestamps, no previous text. Also
    ``window_cuts.first_words``."""
    from faster_whisper.tokenizer import Tokenizer

    features = model.feature_extractor(samples)
    features = np.pad(features, ((0, 0), (0, max(TRAILING_FRAMES, MIN_FRAMES - features.shape[1]))))
    encoded = model.encode(np.ascontiguousarray(features, dtype=np.float32))
    tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe",
                          language=language or "en")
    prompt = model.get_prompt(tokenizer, [], without_timestamps=True)
    result = model.model.generate(encoded, [prompt], beam_size=1, max_length=len(prompt) + max_tokens)
    return tokenizer.decode([t for t in result[0].sequences_ids[0] if t < tokenizer.eot])


def without_repeats(text: str) -> str:
    """``text`` up to where it starts saying itself again ("What is this? What is this" ->
    "What is this?"): the loop an unpadded decoder may fall into."""
    spans = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    words = [w for _s, _e, w in spans]
    for period in range(1, len(words) // 2 + 1):
        rest = words[period:]
        if len(rest) >= min(period, 2) and rest == (words[:period] * (len(rest) // period + 1))[:len(rest)]:
            return text[:spans[period - 1][1] + 1].rstrip()
    return text
