"""Benchmarks for the assistant's stages; run ``python bench/ask.py``.

ASR: our FasterWhisperTranscriber.transcribe against a bare faster-whisper
WhisperModel on the same folder, same audio, same options, in the same run,
interleaved (alternating who goes first) so machine load hits both alike. The
ratio of medians is our overhead; the target is <= 1.1. Other stages (vision,
TTS) add their own ``bench_<stage>`` function and a line in STAGES.

Language: ``ask --audio`` without ``--language`` against ``--language en`` on English
clips: the ASR stage as ``ask`` runs it (the factory's transcriber, the command's
options), interleaved in the same run; ratio of total times (target <= 1.2) and the
word error rate of both.

Pipeline: the whole ``ask`` path (ASR → vision → TTS) over the same real clips, with
per-stage medians and p90, models loaded first and reported apart.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # runnable from a checkout without installing
    sys.path.insert(0, str(ROOT))

DEFAULT_CLIPS = [
    *sorted(Path("/usr/share/pocketsphinx/test/data/librivox").glob("*.wav")),
    Path("/usr/share/pocketsphinx/test/data/goforward.raw"),
    Path("/usr/share/sounds/alsa/Front_Center.wav"),
    Path("/usr/share/sounds/alsa/Rear_Left.wav"),
]


LIBRIVOX_TRANSCRIPTS = Path("/usr/share/pocketsphinx/test/data/librivox/transcription")
_NUMBERS = {"0": "zero", "1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six",
            "7": "seven", "8": "eight", "9": "nine", "10": "ten", "mr": "mister", "mrs": "missus"}


def reference(clip: Path) -> str | None:
    """What is said in a bundled Debian clip (None when unknown)."""
    if clip.name == "goforward.raw":
        return "go forward ten meters"
    if clip.parent.name == "alsa":
        return clip.stem.replace("_", " ")
    if LIBRIVOX_TRANSCRIPTS.exists():
        for line in LIBRIVOX_TRANSCRIPTS.read_text().splitlines():
            match = re.match(r"<s>(.*)</s>\s*\((.+)\)", line.strip())
            if match and match.group(2) == clip.stem:
                return match.group(1)
    return None


def _words(text: str) -> list[str]:
    text = re.sub(r"[^\w\s']", " ", text.lower().replace("-", " "))
    return [_NUMBERS.get(w, w) for w in text.split()]


def word_error_rate(pairs: list[tuple[str, str]]) -> float:
    """Corpus WER over (reference, hypothesis) pairs: edit distance over reference words."""
    errors = total = 0
    for ref, hyp in pairs:
        r, h = _words(ref), _words(hyp)
        row = list(range(len(h) + 1))
        for i, rw in enumerate(r, 1):
            prev, row[0] = row[0], i
            for j, hw in enumerate(h, 1):
                prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (rw != hw))
        errors += row[-1]
        total += len(r)
    return errors / max(total, 1)


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bench_asr(clips: list[Path], *, model: str = "tiny.en", repeats: int = 5, cpu_threads: int = 0,
              cache_dir: Path | None = None) -> dict:
    """Median seconds per clip for our transcriber and bare faster-whisper, and their ratio."""
    from faster_whisper import WhisperModel

    from assistant.asr import bundled
    from assistant.asr.whisper import FasterWhisperTranscriber
    from assistant.audio import load_audio
    from assistant.config import AsrConfig

    language = "en" if model == bundled.TINY_EN else None
    config = AsrConfig(model=model, language=language, cpu_threads=cpu_threads)
    ours = FasterWhisperTranscriber(config, cache_dir=cache_dir)
    ours.load()
    folder = bundled.tiny_en_path() if model == bundled.TINY_EN else bundled.base_path(cache_dir)
    threads = cpu_threads or os.cpu_count() or 1
    bare = WhisperModel(str(folder), device="cpu", compute_type="int8", cpu_threads=threads)

    def run_bare(audio):
        segments, _ = bare.transcribe(audio, language=language, task="transcribe", beam_size=config.beam_size,
                                      vad_filter=config.vad_filter, no_speech_threshold=config.no_speech_threshold)
        return list(segments)  # the work happens while draining

    audios = [(clip, load_audio(clip)) for clip in clips]
    ours.transcribe(audios[0][1]), run_bare(audios[0][1])  # first-call warm-up for both
    times: dict[str, dict[str, list[float]]] = {clip.name: {"ours": [], "bare": []} for clip, _ in audios}
    texts: dict[str, str] = {}
    for round_ in range(repeats):
        for clip, audio in audios:
            pair = [("ours", lambda a=audio: texts.__setitem__(clip.name, ours.transcribe(a).text)),
                    ("bare", lambda a=audio: run_bare(a))]
            for who, fn in (pair if round_ % 2 == 0 else pair[::-1]):
                times[clip.name][who].append(_timed(fn))

    rows = []
    for clip, audio in audios:
        ours_s = statistics.median(times[clip.name]["ours"])
        bare_s = statistics.median(times[clip.name]["bare"])
        rows.append({"clip": clip.name, "audio_s": round(len(audio) / 16000, 2), "ours_s": round(ours_s, 4),
                     "bare_s": round(bare_s, 4), "ratio": round(ours_s / bare_s, 3), "text": texts[clip.name]})
    total_ours = sum(r["ours_s"] for r in rows)
    total_bare = sum(r["bare_s"] for r in rows)
    return {"stage": "asr", "model": model, "threads": threads, "repeats": repeats, "rows": rows,
            "total_ours_s": round(total_ours, 3), "total_bare_s": round(total_bare, 3),
            "ratio": round(total_ours / total_bare, 3),
            "median_clip_ratio": round(statistics.median(r["ratio"] for r in rows), 3), "target": 1.1}


def print_asr(result: dict) -> None:
    print(f"\nASR  model={result['model']}  threads={result['threads']}  repeats={result['repeats']}")
    print(f"{'clip':<44} {'audio s':>7} {'ours s':>8} {'bare s':>8} {'ratio':>6}  text")
    for r in result["rows"]:
        print(f"{r['clip'][:44]:<44} {r['audio_s']:>7.2f} {r['ours_s']:>8.3f} {r['bare_s']:>8.3f} "
              f"{r['ratio']:>6.3f}  {r['text'][:40]}")
    verdict = "OK" if result["ratio"] <= result["target"] else "OVER TARGET"
    print(f"{'total':<44} {'':>7} {result['total_ours_s']:>8.3f} {result['total_bare_s']:>8.3f} "
          f"{result['ratio']:>6.3f}  (median per clip {result['median_clip_ratio']}; target <= "
          f"{result['target']}: {verdict})")


def bench_language(clips: list[Path], *, repeats: int = 5) -> dict:
    """ASR time and WER of ``ask --audio`` on English clips: no --language vs --language en."""
    from assistant.asr import TranscribeOptions
    from assistant.audio import load_audio
    from assistant.config import AppConfig
    from assistant.engines.factory import EngineFactory
    from assistant.paths import app_paths

    factory = EngineFactory(app_paths())
    setups = {}
    for who, language in (("auto", None), ("en", "en")):
        config = AppConfig().with_overrides(asr={"language": language})  # as `ask --language` sets it
        transcriber = factory.transcriber(config.asr)
        options = TranscribeOptions(language=config.asr.language, task=config.asr.task,
                                    initial_prompt=config.asr.initial_prompt)
        load_s = _timed(lambda t=transcriber, o=options: t.load(language=o.language, task=o.task))
        setups[who] = (transcriber, options, load_s)
    audios = [(clip, load_audio(clip)) for clip in clips]
    for transcriber, options, _ in setups.values():  # first-call warm-up for both
        transcriber.transcribe(audios[0][1], options)
    times: dict[str, dict[str, list[float]]] = {c.name: {"auto": [], "en": []} for c, _ in audios}
    results: dict[str, dict[str, object]] = {c.name: {} for c, _ in audios}
    for round_ in range(repeats):
        for clip, audio in audios:
            order = ["auto", "en"] if round_ % 2 == 0 else ["en", "auto"]
            for who in order:
                transcriber, options, _ = setups[who]
                started = time.perf_counter()
                results[clip.name][who] = transcriber.transcribe(audio, options)
                times[clip.name][who].append(time.perf_counter() - started)
    factory.close()
    rows = []
    for clip, audio in audios:
        auto, en = results[clip.name]["auto"], results[clip.name]["en"]
        rows.append({"clip": clip.name, "audio_s": round(len(audio) / 16000, 2),
                     "auto_s": round(statistics.median(times[clip.name]["auto"]), 4),
                     "en_s": round(statistics.median(times[clip.name]["en"]), 4),
                     "auto_model": auto.model, "auto_language": auto.language,
                     "auto_text": auto.text, "en_text": en.text, "reference": reference(clip)})
    total_auto = sum(r["auto_s"] for r in rows)
    total_en = sum(r["en_s"] for r in rows)
    scored = [r for r in rows if r["reference"]]
    return {"stage": "language", "repeats": repeats, "rows": rows,
            "load_s": {who: round(load, 3) for who, (_, _, load) in setups.items()},
            "total_auto_s": round(total_auto, 3), "total_en_s": round(total_en, 3),
            "ratio": round(total_auto / total_en, 3), "target": 1.2,
            "wer_auto": round(word_error_rate([(r["reference"], r["auto_text"]) for r in scored]), 4),
            "wer_en": round(word_error_rate([(r["reference"], r["en_text"]) for r in scored]), 4),
            "scored_clips": len(scored)}


def print_language(result: dict) -> None:
    print(f"\nask --audio ASR, English clips: no --language (auto) vs --language en; repeats={result['repeats']}"
          f"  load s: auto {result['load_s']['auto']}, en {result['load_s']['en']}")
    print(f"{'clip':<44} {'audio s':>7} {'auto s':>8} {'en s':>8} {'ratio':>6}  auto model / language")
    for r in result["rows"]:
        print(f"{r['clip'][:44]:<44} {r['audio_s']:>7.2f} {r['auto_s']:>8.3f} {r['en_s']:>8.3f} "
              f"{r['auto_s'] / r['en_s']:>6.3f}  {r['auto_model']} / {r['auto_language']}")
    verdict = "OK" if result["ratio"] <= result["target"] else "OVER TARGET"
    print(f"{'total':<44} {'':>7} {result['total_auto_s']:>8.3f} {result['total_en_s']:>8.3f} "
          f"{result['ratio']:>6.3f}  (target <= {result['target']}: {verdict})")
    print(f"WER on {result['scored_clips']} clips: auto {result['wer_auto']:.3f}, --language en {result['wer_en']:.3f}")


def bench_pipeline(clips: list[Path], *, image: Path, language: str | None, repeats: int) -> dict:
    """Per-stage medians of the whole ask path (ASR → vision → TTS) over real clips.

    The models are loaded first and reported apart, as the CLI does with ``load_*``.
    """
    from assistant.asr import TranscribeOptions
    from assistant.audio import load_audio
    from assistant.config import AppConfig
    from assistant.engines.factory import EngineFactory
    from assistant.paths import app_paths
    from assistant.pipeline import Assistant
    from assistant.vision.image import load_image

    config = AppConfig().with_overrides(asr={"language": language}, tts={"play": False})
    factory = EngineFactory(app_paths())
    load_s = {}
    transcriber = factory.transcriber(config.asr)
    vision = factory.vision(config.vision)
    speaker = factory.speaker(config.tts)
    load_s["asr"] = _timed(lambda: transcriber.load(language=language))
    load_s["vision"] = _timed(getattr(vision, "load", lambda: None))
    load_s["tts"] = _timed(getattr(speaker, "load", lambda: None))
    assistant = Assistant(vision=vision, transcriber=transcriber, speaker=speaker)
    picture = load_image(image)
    options = TranscribeOptions(language=language)
    per_stage: dict[str, list[float]] = {"asr": [], "vision": [], "tts": [], "total": []}
    for _ in range(repeats):
        for clip in clips:
            result = assistant.ask(picture, audio=load_audio(clip), asr_options=options, synthesize=True)
            for stage in per_stage:
                per_stage[stage].append(result.timings_ms.get(stage, 0.0) / 1000.0)
    factory.close()
    return {"stage": "pipeline", "engines": result.engines, "clips": len(clips), "repeats": repeats,
            "load_s": {k: round(v, 3) for k, v in load_s.items()},
            "median_s": {k: round(statistics.median(v), 3) for k, v in per_stage.items()},
            "p90_s": {k: round(sorted(v)[int(0.9 * (len(v) - 1))], 3) for k, v in per_stage.items()}}


def print_pipeline(result: dict) -> None:
    print(f"\nPipeline  {result['clips']} clips x {result['repeats']}  engines: "
          + ", ".join(f"{k}={v}" for k, v in result["engines"].items()))
    print(f"{'stage':<8} {'load s':>8} {'median s':>9} {'p90 s':>8}")
    for stage, median in result["median_s"].items():
        load = result["load_s"].get(stage)
        print(f"{stage:<8} {'' if load is None else f'{load:.3f}':>8} {median:>9.3f} {result['p90_s'][stage]:>8.3f}")


STAGES = {"asr", "language", "pipeline"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stages", default="asr,language,pipeline", help=f"comma list of {', '.join(sorted(STAGES))}")
    parser.add_argument("--asr-models", default="tiny.en", help="comma list: tiny.en, base")
    parser.add_argument("--clips", nargs="*", type=Path, help="audio files (default: Debian speech clips)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, default=0, help="CPU threads, 0 = all cores")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--image", type=Path, default=ROOT / "resources" / "samples" / "sign.jpg",
                        help="photo the pipeline stage asks about")
    parser.add_argument("--language", default="en", help="language of the clips ('' = detect)")
    args = parser.parse_args(argv)

    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = set(stages) - STAGES
    if unknown:
        parser.error(f"unknown stage(s): {', '.join(sorted(unknown))}")
    results = []
    if "asr" in stages:
        clips = args.clips or [c for c in DEFAULT_CLIPS if c.exists()]
        if not clips:
            parser.error("no audio clips found; pass --clips")
        for model in [m.strip() for m in args.asr_models.split(",") if m.strip()]:
            result = bench_asr(clips, model=model, repeats=args.repeats, cpu_threads=args.threads)
            print_asr(result)
            results.append(result)
    if "language" in stages:
        clips = args.clips or [c for c in DEFAULT_CLIPS if c.exists()]
        result = bench_language(clips, repeats=args.repeats)
        print_language(result)
        results.append(result)
    if "pipeline" in stages:
        clips = args.clips or [c for c in DEFAULT_CLIPS if c.exists()]
        result = bench_pipeline(clips, image=args.image, language=args.language or None,
                                repeats=max(1, args.repeats // 2))
        print_pipeline(result)
        results.append(result)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
