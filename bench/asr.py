"""Word error rate and real-time factor of each Whisper model and mode, with bare faster-whisper beside.

    python bench/asr.py [--sets librivox,asterisk,long] [--prompts 40] [--modes ...]

Speech (all real, from the Debian packages the test setup installs):
- ``librivox``: the five pocketsphinx LibriVox sentences, one clip each (as ``ask`` gets them);
- ``asterisk``: the first ``--prompts`` English Asterisk phone prompts (8 kHz, resampled);
- ``long``: the five LibriVox sentences, each followed by 1 s of silence, twelve times over
  (6 minutes), transcribed as a file (``transcribe_file``), where chunking and loops show.

Modes: ``ours:<model>[:<language>[:<beam size>]]`` is FasterWhisperTranscriber with asr.model and
asr.language set so (no language: detected per stretch); ``bare:<model>[:<language>[:<beam>]]`` is
``WhisperModel.transcribe`` on the same samples with the same settings (beam size, VAD,
no-speech threshold, previous text) and nothing else, the whole recording at once;
``lib:<model>[:<language>]`` is the same with the library's own defaults (beam 5, decoding
conditioned on the previous window, no VAD). WER is over all
reference words of the set; RTF is processing seconds per second of audio (lower is faster),
models loaded first. Both run in one process, one after the other per clip.
"""
from __future__ import annotations

import argparse
import gzip
import os
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ask import reference, word_error_rate  # noqa: E402

LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")
ASTERISK_EN = Path("/usr/share/asterisk/sounds/en")
ASTERISK_DOC = Path("/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz")
DEFAULT_MODES = ("ours:auto", "ours:tiny.en:en", "ours:base", "bare:tiny.en:en", "bare:base",
                 "lib:tiny.en:en", "lib:base")


def librivox() -> list[tuple[str, np.ndarray, str]]:
    from assistant.audio import load_audio

    return [(clip.name, load_audio(clip), reference(clip) or "") for clip in sorted(LIBRIVOX.glob("*.wav"))]


def asterisk(count: int) -> list[tuple[str, np.ndarray, str]]:
    from assistant.audio import load_audio

    found = []
    with gzip.open(ASTERISK_DOC, "rt", encoding="utf-8", errors="replace") as handle:
        for line in handle:
            key, _, text = line.partition(":")
            wav = ASTERISK_EN / f"{key.strip()}.wav"
            text = re.sub(r"\[.*?\]|<.*?>", "", text).strip()
            if "/" in key or not text or not wav.exists() or len(text.split()) < 3:
                continue
            found.append((key, load_audio(wav), text))
            if len(found) >= count:
                break
    return found


def long_file(folder: Path) -> tuple[Path, str]:
    """The 6-minute file of the issue: five sentences and 1 s of silence, twelve times."""
    from assistant.audio import load_audio

    clips = librivox()
    parts = []
    for _ in range(12):
        for _, audio, _ in clips:
            parts += [audio, np.zeros(16_000, np.float32)]
    path = folder / "long.wav"
    write_wav(path, np.concatenate(parts))
    assert load_audio(path).shape[0] > 300 * 16_000
    return path, " ".join([" ".join(text for _, _, text in clips)] * 12)


def write_wav(path: Path, audio: np.ndarray, rate: int = 16_000) -> Path:
    import wave

    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes())
    return path


class Mode:
    def __init__(self, spec: str, cache_dir: Path | None) -> None:
        from assistant.asr import bundled
        from assistant.asr.whisper import FasterWhisperTranscriber
        from assistant.config import AsrConfig

        who, model, *rest = spec.split(":")
        self.spec, self.who, self.model = spec, who, model
        self.language = rest[0] or None if rest else None
        beam = int(rest[1]) if len(rest) > 1 else AsrConfig.beam_size
        self.config = AsrConfig(model=model, language=self.language, beam_size=beam)
        if who == "ours":
            self.engine = FasterWhisperTranscriber(self.config, cache_dir=cache_dir, first_language="en")
            self.engine.load()
        else:
            from faster_whisper import WhisperModel

            name = bundled.TINY_EN if model in ("auto", bundled.TINY_EN) else bundled.BASE
            folder = bundled.tiny_en_path() if name == bundled.TINY_EN else bundled.base_path(cache_dir)
            self.engine = WhisperModel(str(folder), device="cpu", compute_type=self.config.compute_type,
                                       cpu_threads=self.config.cpu_threads or os.cpu_count() or 1)

    def run(self, audio: np.ndarray | Path) -> str:
        if self.who == "ours":
            if isinstance(audio, Path):
                return self.engine.transcribe_file(audio).text
            return self.engine.transcribe(audio).text
        source = str(audio) if isinstance(audio, Path) else audio
        if self.who == "lib":  # the library's own defaults (beam 5, previous text, no VAD)
            segments, _ = self.engine.transcribe(source, language=self.language)
        else:
            segments, _ = self.engine.transcribe(
                source, language=self.language, task="transcribe", beam_size=self.config.beam_size,
                vad_filter=self.config.vad_filter, no_speech_threshold=self.config.no_speech_threshold,
                condition_on_previous_text=self.config.condition_on_previous_text)
        return " ".join(s.text.strip() for s in segments)


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="librivox,asterisk,long")
    parser.add_argument("--prompts", type=int, default=40)
    parser.add_argument("--modes", default=",".join(DEFAULT_MODES))
    parser.add_argument("--cache-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    sets = args.sets.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        data: dict[str, list[tuple[str, object, str, float]]] = {}
        if "librivox" in sets:
            data["librivox"] = [(n, a, t, a.shape[0] / 16_000) for n, a, t in librivox()]
        if "asterisk" in sets:
            data["asterisk"] = [(n, a, t, a.shape[0] / 16_000) for n, a, t in asterisk(args.prompts)]
        if "long" in sets:
            from assistant.audio import load_audio

            path, text = long_file(Path(tmp))
            data["long"] = [("long.wav", path, text, load_audio(path).shape[0] / 16_000)]
        print(f"{'set':10} {'mode':18} {'WER':>7} {'RTF':>6} {'words':>6} {'ref':>6}")
        for spec in args.modes.split(","):
            mode = Mode(spec, args.cache_dir)
            for name, items in data.items():
                pairs, spent, audio_s = [], 0.0, 0.0
                for _, audio, text, seconds in items:
                    started = time.perf_counter()
                    hyp = mode.run(audio)
                    spent += time.perf_counter() - started
                    audio_s += seconds
                    pairs.append((text, hyp))
                words = sum(len(h.split()) for _, h in pairs)
                ref = sum(len(r.split()) for r, _ in pairs)
                print(f"{name:10} {spec:18} {100 * word_error_rate(pairs):6.1f}% {spent / audio_s:6.3f} "
                      f"{words:6d} {ref:6d}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
