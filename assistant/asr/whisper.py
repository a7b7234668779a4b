"""faster-whisper adapter: the bundled models behind the Transcriber protocol.

Model choice: with a language given, English transcription uses the bundled tiny.en
(fast) and any other language or translation the multilingual base. With no language,
tiny.en goes first and base is asked only when tiny.en's English is in doubt, per
stretch of speech, so mixed-language recordings keep each language (``language.py``).
One WhisperModel per (folder, device, compute type) is loaded on first use and kept.
faster-whisper's segments are a lazy generator, so ``transcribe`` drains it here,
in whatever worker thread calls us, never on a UI thread.
"""
from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np

from ..config import AsrConfig, language_code
from ..errors import ConfigError, InputError, ModelMissingError, TranscriptionError
from ..events import Event, Progress
from . import (SAMPLE_RATE, Segment, TranscribeOptions, Transcription, Word, align, bundled, language, long_audio,
               partial, phantom, repair, window_cuts)
from .whisper_choice import (  # noqa: F401 (cuda_usable, cuda_failed: this module's API too)
    ModelChoice, _detector, _needed, choose_model, cuda_failed, cuda_usable)
from .whisper_models import WhisperModels

log = logging.getLogger(__name__)

STAGE = "asr"
EventCallback = Callable[[Event], None]


@dataclass(frozen=True)
class _Part:
    """Decoded segments of one run of speech; their times count from ``offset`` seconds."""

    model: str
    language: str
    probability: float
    segments: list
    offset: float = 0.0
    engine: object = None            # the WhisperModel that decoded them (word times are aligned with it)
    audio: np.ndarray | None = None  # the samples they were decoded from
    gaps: tuple = ()                 # (start, end) of speech that gave no words, in the part's seconds


class FasterWhisperTranscriber:
    """Transcriber over faster-whisper with lazy, cached models and the phantom guard."""

    config: AsrConfig    # read at each call; the engine factory replaces it (Transcriber)

    def __init__(self, config: AsrConfig = AsrConfig(), *, cache_dir: Path | None = None,
                 on_event: EventCallback | None = None, first_language: str | None = None) -> None:
        self.config = config
        # With no language set, the one to try first: the last one heard in this session.
        self._heard = (first_language or language.first_guess()).lower()
        self._on_event = on_event
        self._models = WhisperModels(lambda: self.config, cache_dir, self._emit)
        self._last_model = ""
        self._tick: Callable[[float], None] | None = None  # file progress: seconds of audio done

    @property
    def name(self) -> str:
        model = self._last_model or self.config.model
        return f"faster-whisper {model}"

    @property
    def device(self) -> str:
        return self._models.device

    # -- loading -------------------------------------------------------------
    def load(self, language: str | None = None, task: str | None = None) -> None:
        """Pre-load the models a request with this language/task would use."""
        lang = language if language is not None else self.config.language
        # The multilingual checker of the English-first path loads when a doubt needs it.
        self._model_for(choose_model(self.config, lang, task or self.config.task))

    def warm_up(self) -> None:
        """Load the default models and decode once, so the first question is not the slow one."""
        for choice in _needed(choose_model(self.config, self.config.language, self.config.task)):
            model = self._model_for(choice)
            # Through the VAD, silence would skip the decoder; one plain pass sets up its buffers.
            segments, _ = model.transcribe(np.zeros(SAMPLE_RATE, np.float32), language="en", beam_size=1,
                                           temperature=0.0, vad_filter=False)
            list(segments)

    def close(self) -> None:
        self._models.clear()

    def quick_text(self, audio: np.ndarray) -> str | None:
        """A rough transcript of the end of a turn still going on (``partial``)."""
        return partial.quick_text(self._models, self.config, audio)

    def _model_for(self, choice: ModelChoice):
        return self._models.get(choice)

    def _progress(self, message: str, done: int, total: int) -> None:
        self._emit(Progress(stage=STAGE, message=message, done=done, total=total))

    def _emit(self, event: Event) -> None:
        if self._on_event is not None:
            try:
                self._on_event(event)
            except Exception:  # a listener must never break recognition
                log.exception("ASR event handler failed")

    # -- transcription ---------------------------------------------------------
    def transcribe(self, audio: np.ndarray, options: TranscribeOptions = TranscribeOptions()) -> Transcription:
        """Text of 16 kHz mono float32 ``audio``; phantom lines on silence are removed."""
        _check(options)
        samples = _as_mono_float32(audio)
        wanted = options.language if options.language is not None else self.config.language
        # TranscribeOptions.task defaults to "transcribe", so only "translate" overrides the config.
        task = "translate" if options.task == "translate" else self.config.task
        choice = choose_model(self.config, wanted, task)
        if choice.detect:
            return self._transcribe_detecting(samples, options, choice)
        model = self._model_for(choice)
        code = _language_code(model, "en" if choice.english_only else wanted)
        decoded, info = self._decode(model, samples, code, task, options)
        lang = info.language or code or ""
        part = self._checked(_Part(choice.name, lang, float(info.language_probability or 0.0), decoded,
                                   engine=model, audio=samples), task, options)
        return self._result(samples, [part], part.language, part.probability, options.word_timestamps, task)

    def _transcribe_detecting(self, samples: np.ndarray, options: TranscribeOptions,
                              choice: ModelChoice) -> Transcription:
        """No language given: tiny.en first when this session speaks English, base where in doubt."""
        units = language.speech_units(samples)
        _check(options)   # the VAD pass over a silent chunk is the whole cost of that chunk
        words = options.word_timestamps
        probe: _Part | None = None
        if choice.name == bundled.TINY_EN and self._heard == language.ENGLISH:
            model = self._model_for(choice)
            # Decoded as the bare library decodes it; with several stretches, the words are then timed
            # (not by faster-whisper's word_timestamps, which would change them) to show what each said.
            decoded, _ = self._decode(model, samples, "en", "transcribe", options, greedy=True)
            probe = _Part(choice.name, "en", 1.0, decoded, engine=model, audio=samples)
            kept, _ = self._kept(decoded, samples, 0.0)
            timed = self._sparse_times(model, samples, kept, units)
            reasons = language.doubts([_evidence(s, t) for s, t in zip(kept, timed)], units)
            if not reasons:
                return self._english(samples, probe, units, options)
            log.info("English not trusted (%s); checking the language", "; ".join(reasons))

        detector_choice = _detector(choice)
        try:
            detector = self._model_for(detector_choice)
        except ModelMissingError:
            if probe is None:
                raise
            log.warning("no multilingual speech model to check the language with; keeping the English")
            return self._english(samples, probe, units, options)
        if not units or not detector.model.is_multilingual:
            # Nothing the VAD calls speech (the guard judges what the decoder makes of it).
            if probe is not None:
                return self._english(samples, probe, units, options)
            decoded, info = self._decode(detector, samples, None, "transcribe", options)
            part = _Part(detector_choice.name, info.language, float(info.language_probability), decoded,
                         engine=detector, audio=samples)
            return self._result(samples, [part], part.language, part.probability, words)

        runs = language.runs(units, [language.detect(detector, u.samples(samples)) for u in units])
        parts = self._decode_runs(samples, runs, options, choice, detector_choice, probe)
        main = language.dominant([language.Run(r.start, r.end, p.language, p.probability)
                                  for r, p in zip(runs, parts)])
        if main is not None and main.language and main.probability >= language.SURE:
            self._heard = main.language
        return self._result(samples, parts, main.language if main else "", main.probability if main else 0.0, words)

    def _sparse_times(self, model, samples: np.ndarray, kept: list, units: list) -> list[tuple]:
        """Word times for the segments that may hide a skipped stretch: few words over several
        stretches of speech ("in his power to do for them." stretched over 8 s of German). Dense
        segments keep () and are judged by overlap, which saves an encoder pass per window."""
        sparse = [i for i, s in enumerate(kept) if language.hides_speech(_evidence(s), units)]
        timed: list[tuple] = [()] * len(kept)
        if sparse:
            found = align.word_times(model, samples, [kept[i] for i in sparse], language="en")
            for i, words in zip(sparse, found):
                timed[i] = words
        return timed

    def _english(self, samples: np.ndarray, probe: _Part, units: list, options: TranscribeOptions) -> Transcription:
        # Probability 1.0: the language was taken, not detected, as faster-whisper reports a given one.
        part = self._checked(probe, "transcribe", options, units)
        return self._result(samples, [part], "en", 1.0, options.word_timestamps)

    def _decode_runs(self, samples: np.ndarray, runs: list, options: TranscribeOptions, choice: ModelChoice,
                     detector_choice: ModelChoice, probe: _Part | None) -> list[_Part]:
        """Each run of one language through the model for it (one run: the whole recording)."""
        whole = len(runs) == 1
        parts = []
        for run in runs:
            english = run.language == language.ENGLISH and choice.english_only
            if english and probe is not None and whole \
                    and not language.retry_needed([_evidence(s) for s in probe.segments]):
                parts.append(self._checked(dataclasses.replace(probe, probability=run.probability),
                                           "transcribe", options))  # what --language en gives
                continue
            use = choice if english else detector_choice
            model = self._model_for(use)
            audio = samples if whole else samples[int(run.start * SAMPLE_RATE):int(run.end * SAMPLE_RATE)]
            offset = 0.0 if whole else run.start
            decoded, info = self._decode(model, audio, run.language, "transcribe", options,
                                         multilingual=run.language is None, at=offset)
            probability = run.probability if run.language is not None else float(info.language_probability)
            parts.append(self._checked(_Part(use.name, info.language or run.language or "", probability, decoded,
                                             offset=offset, engine=model, audio=audio), "transcribe", options))
        return parts

    def _checked(self, part: _Part, task: str, options: TranscribeOptions, units: list | None = None) -> _Part:
        """``part`` with every stretch of its speech giving words: stretches that gave none, and loops,
        decoded again on their own (``repair``); what still gives none is kept as a gap."""
        audio = part.audio if part.audio is not None else np.zeros(0, np.float32)
        duration = audio.shape[0] / SAMPLE_RATE
        if units is None or part.offset:
            units = language.speech_units(audio)
        decoded = list(part.segments)
        if task == "transcribe" and part.engine is not None:   # words lost where a window began
            decoded = window_cuts.mend(part.engine, audio, decoded, units, part.language or "en",
                                       check=lambda: _check(options))
        spans = repair.suspects([_evidence(s) for s in decoded], units, duration)
        for span in spans:
            old = [s for s in decoded if repair.inside(s, span)]
            piece = audio[int(span.start * SAMPLE_RATE):int(span.end * SAMPLE_RATE)]
            code = part.language or None
            retry, _ = self._decode(part.engine, piece, code, task, options, fresh=True)
            retry = [repair.shifted(s, span.start) for s in retry]
            if repair.better([_evidence(s) for s in old], [_evidence(s) for s in retry]):
                log.info("speech at %.1f-%.1f s decoded again: %d words instead of %d", span.start, span.end,
                         sum(len(s.text.split()) for s in retry), sum(len(s.text.split()) for s in old))
                decoded = repair.splice(decoded, span, retry)
        gaps = repair.gaps([_evidence(s) for s in decoded], spans)
        if gaps:
            log.warning("speech without words at %s", ", ".join(f"{a:.1f}-{b:.1f} s" for a, b in gaps))
        return dataclasses.replace(part, segments=decoded, gaps=tuple(gaps))

    def _decode(self, model, samples: np.ndarray, code: str | None, task: str, options: TranscribeOptions, *,
                greedy: bool = False, multilingual: bool = False, fresh: bool = False,
                at: float = 0.0) -> tuple[list, object]:
        """Run faster-whisper and drain its lazy segments here (the expensive part).

        ``greedy``: one pass at temperature 0, no re-decoding when unsure (the quick English
        probe, and translation, whose sampled retries gave a different text on each run).
        ``fresh``: a stretch decoded again: no previous text, the full temperature fallback.
        Word times are never asked of faster-whisper (they change its words); see ``align``.
        """
        extra = {"temperature": 0.0} if (greedy or task == "translate") and not fresh else {}
        tick = self._tick if not fresh else None
        _check(options)
        try:
            raw_segments, info = model.transcribe(
                samples,
                language=code,
                task=task,
                beam_size=self.config.beam_size,
                initial_prompt=options.initial_prompt or self.config.initial_prompt,
                hotwords=options.hotwords or self.config.hotwords or None,
                condition_on_previous_text=self.config.condition_on_previous_text and not fresh,
                vad_filter=self.config.vad_filter,
                no_speech_threshold=self.config.no_speech_threshold,
                multilingual=multilingual,
                **extra,
            )
            segments = []
            for segment in raw_segments:   # the lazy generator decodes as it is drained
                _check(options)
                segments.append(segment)
                if tick is not None:
                    tick(at + float(segment.end))
            return segments, info
        except (RuntimeError, ValueError) as exc:
            raise TranscriptionError(f"Speech recognition failed ({exc}).",
                                     hint="Try again; if it keeps failing, try another model.") from exc

    def _result(self, samples: np.ndarray, parts: list[_Part], lang: str, probability: float,
                words: bool = False, task: str = "transcribe") -> Transcription:
        segments: list[Segment] = []
        dropped: list[str] = []
        gaps: list[tuple[float, float]] = []
        for part in parts:
            kept, gone = self._kept(part.segments, samples, part.offset)
            timed = [()] * len(kept)
            if words and part.engine is not None and part.audio is not None:
                timed = align.word_times(part.engine, part.audio, kept, language=part.language or None, task=task)
            segments += [_segment(s, part.offset, part.language, t) for s, t in zip(kept, timed)]
            dropped += gone
            gaps += [(a + part.offset, b + part.offset) for a, b in part.gaps]
        if dropped:
            log.info("dropped phantom ASR text: %s", dropped)
        segments = repair.tidy(segments, len(samples) / SAMPLE_RATE)
        models = list(dict.fromkeys(part.model for part in parts))
        self._last_model = "+".join(models)
        return Transcription(
            text=" ".join(s.text for s in segments if s.text),
            language=lang or "",
            language_probability=float(probability),
            duration_s=len(samples) / SAMPLE_RATE,
            segments=tuple(segments),
            model=self._last_model,
            device=self.device,
            dropped=tuple(dropped),
            gaps=tuple(gaps),
        )

    def transcribe_file(self, path: str | Path, options: TranscribeOptions = TranscribeOptions(), *,
                        chunk_s: float = long_audio.CHUNK_S) -> Transcription:
        """Text of an audio file of any length, decoded and transcribed a chunk at a time.

        A file no longer than one chunk gives what ``transcribe(load_audio(path))`` gives;
        a longer one is cut at pauses (``long_audio``), so memory stays that of one chunk.
        """
        from ..audio.files import check_audio_file
        from ..audio.stream_decode import duration_s, pieces

        checked = check_audio_file(path)
        length = duration_s(checked) or 0.0
        done: list[tuple[float, Transcription]] = []
        total = 0
        search_s = min(long_audio.SEARCH_S, chunk_s / 4)
        try:
            for offset, samples in long_audio.chunks(_checked_pieces(pieces(checked), options),
                                                     chunk_s, search_s):
                total += samples.shape[0]
                self._tick = lambda t, at=offset: self._progress("Transcribing", int(at + t), int(length))
                done.append((offset, self.transcribe(samples, options)))
                self._progress("Transcribing", int(total / SAMPLE_RATE), int(length))
        finally:
            self._tick = None
        if not done:
            raise InputError(f"The audio file {Path(path)} holds no sound samples.",
                             hint="Record again; the recording has a header but no audio.", code="audio_empty")
        result = long_audio.join(done, total / SAMPLE_RATE)
        self._last_model = result.model or self._last_model
        return result

    def _kept(self, decoded: list, samples: np.ndarray, offset: float) -> tuple[list, list[str]]:
        """The decoded segments the phantom guard keeps, and the texts it dropped."""
        evidence = []
        for seg in decoded:
            lo, hi = int((seg.start + offset) * SAMPLE_RATE), int((seg.end + offset) * SAMPLE_RATE)
            evidence.append(phantom.SegmentEvidence(
                text=seg.text, no_speech_prob=seg.no_speech_prob, avg_logprob=seg.avg_logprob,
                duration_s=max(0.0, seg.end - seg.start), segment_rms=phantom.rms(samples[lo:hi])))
        thresholds = phantom.GuardThresholds(no_speech_prob=self.config.no_speech_threshold)
        keep, dropped = phantom.split_phantoms(evidence, thresholds)
        return [decoded[i] for i in keep], dropped


def _check(options: TranscribeOptions) -> None:
    """``Cancelled`` when the request's token says so. Silence decodes no segment, so this is
    also checked per decoded piece of a file, around each chunk's VAD pass and decoder call."""
    if options.cancel is not None:
        options.cancel.check()


def _checked_pieces(parts: Iterable[np.ndarray], options: TranscribeOptions) -> Iterator[np.ndarray]:
    for part in parts:
        _check(options)
        yield part


def _evidence(seg, words: tuple = ()) -> language.Decoded:
    return language.Decoded(start=float(seg.start), end=float(seg.end), text=seg.text,
                            avg_logprob=float(seg.avg_logprob), compression_ratio=float(seg.compression_ratio),
                            no_speech_prob=float(seg.no_speech_prob),
                            word_times=tuple((w.start + w.end) / 2 for w in words))


def _language_code(model, language: str | None) -> str | None:
    """'fr-CA', 'French' -> 'fr'; a language the model does not know is a settings mistake."""
    if language is None:
        return None
    code = language_code(language)
    if code not in model.supported_languages:
        raise ConfigError(f"The speech model does not know the language '{language}'.",
                          hint="Use a two-letter code such as en, fr or es, or leave the language empty to detect it.")
    return code


def _segment(seg, offset: float = 0.0, lang: str = "", words: tuple = ()) -> Segment:
    timed = tuple(Word(start=w.start + offset, end=w.end + offset, text=w.text, probability=w.probability)
                  for w in words)
    return Segment(start=float(seg.start) + offset, end=float(seg.end) + offset, text=seg.text.strip(),
                   no_speech_prob=float(seg.no_speech_prob), avg_logprob=float(seg.avg_logprob), words=timed,
                   language=lang)


def _as_mono_float32(audio: np.ndarray) -> np.ndarray:
    samples = np.asarray(audio)
    if np.issubdtype(samples.dtype, np.integer):  # 16-bit PCM straight from a device or file
        samples = samples.astype(np.float32) / float(np.iinfo(samples.dtype).max + 1)
    if samples.ndim == 2:  # (frames, channels) as sounddevice gives it
        samples = samples.mean(axis=1)
    if samples.ndim != 1:
        raise InputError(f"Audio must be a 1-D array of samples, not shape {samples.shape}.",
                         hint="Pass 16 kHz mono float32 audio.", code="audio_unreadable")
    if samples.size == 0:
        raise InputError("There is no audio to transcribe.", hint="Record again.", code="audio_empty")
    samples = np.ascontiguousarray(samples, dtype=np.float32)
    if not np.isfinite(samples).all():
        samples = np.nan_to_num(samples, nan=0.0, posinf=1.0, neginf=-1.0)
    return samples
