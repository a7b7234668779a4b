"""Long recordings in pieces: cut at quiet moments, transcribed one by one, joined back.

A recording is decoded a piece at a time (``audio.stream_decode``) and cut into chunks
of about ``CHUNK_S`` seconds, each ended in the middle of the quietest pause in its last
``SEARCH_S`` seconds, so a cut falls between words rather than through one. Each chunk
goes through the transcriber as a whole recording would (its VAD, language check and
phantom guard), and ``join`` shifts the segments and word times by where the chunk began.
Memory then depends on the chunk, not on the recording: two hours of audio is 460 MB of
float32 samples, five minutes 19 MB. A recording no longer than one chunk is one chunk,
so its transcript is exactly what transcribing the whole file gives.
"""
from __future__ import annotations

import dataclasses
from typing import Iterable, Iterator

import numpy as np

from . import SAMPLE_RATE, Segment, Transcription, Word

CHUNK_S = 300.0   # five minutes: far beyond a sentence, small next to memory
SEARCH_S = 20.0   # where to look for a pause before the chunk's end
QUIET_WINDOW_S = 0.5
FRAME_S = 0.05


def chunks(parts: Iterable[np.ndarray], chunk_s: float = CHUNK_S,
           search_s: float = SEARCH_S) -> Iterator[tuple[float, np.ndarray]]:
    """(start in seconds, samples) of consecutive chunks of the decoded ``parts``.

    Chunks last between ``chunk_s - search_s`` and ``chunk_s + search_s`` seconds (the
    last may be shorter); together they are exactly the input.
    """
    if not 0 < search_s < chunk_s:
        raise ValueError("search_s must be positive and shorter than chunk_s")
    size, search = int(chunk_s * SAMPLE_RATE), int(search_s * SAMPLE_RATE)
    held: list[np.ndarray] = []
    count = 0
    start = 0
    for part in parts:
        held.append(part)
        count += part.shape[0]
        while count > size + search:  # enough to look for a pause and keep the rest
            buffer = np.concatenate(held)
            cut = quiet_cut(buffer[size - search:size]) + size - search
            yield start / SAMPLE_RATE, buffer[:cut]
            start += cut
            rest = buffer[cut:].copy()
            held, count = [rest], rest.shape[0]
            del buffer
    if count:
        yield start / SAMPLE_RATE, np.concatenate(held)


def quiet_cut(audio: np.ndarray) -> int:
    """Where to cut ``audio``: the middle of its longest quietest stretch.

    Quiet means within 1 dB of the quietest ``QUIET_WINDOW_S``; the middle of the pause,
    not its edge, leaves each side the lead-in and tail the VAD pads speech with.
    """
    frame = int(FRAME_S * SAMPLE_RATE)
    frames = audio.shape[0] // frame
    if frames == 0:
        return audio.shape[0]
    energy = np.square(audio[:frames * frame].astype(np.float64)).reshape(frames, frame).sum(axis=1)
    width = max(1, min(frames, int(round(QUIET_WINDOW_S / FRAME_S))))
    windows = np.convolve(energy, np.ones(width), mode="valid")
    quiet = windows <= windows.min() * 1.26 + 1e-12
    best_start, best_len, run_start = 0, 0, None
    for i, flag in enumerate(np.append(quiet, False)):  # the longest run of quiet windows
        if flag and run_start is None:
            run_start = i
        elif not flag and run_start is not None:
            if i - run_start >= best_len:  # ties: the later run, so chunks stay long
                best_start, best_len = run_start, i - run_start
            run_start = None
    middle = best_start + (best_len - 1) / 2  # the middle window of the run
    return int(round(middle * frame)) + width * frame // 2


def join(pieces: list[tuple[float, Transcription]], duration_s: float) -> Transcription:
    """One transcription from the chunks' own, their times moved to the whole recording's."""
    if len(pieces) == 1 and pieces[0][0] == 0.0:
        return pieces[0][1]
    segments = tuple(_shifted(s, offset) for offset, part in pieces for s in part.segments)
    spoken: dict[str, float] = {}
    for _, part in pieces:
        for seg in part.segments:
            spoken[seg.language or part.language] = spoken.get(seg.language or part.language, 0.0) \
                + max(0.0, seg.end - seg.start)
    if spoken:  # the language spoken longest; its surest chunk's probability
        language = max(spoken, key=spoken.__getitem__)
        probability = max((p.language_probability for _, p in pieces if p.language == language), default=0.0)
    else:
        language, probability = pieces[0][1].language, pieces[0][1].language_probability
    models = dict.fromkeys(m for _, part in pieces for m in part.model.split("+") if m)
    first = pieces[0][1]
    return Transcription(
        text=" ".join(s.text for s in segments if s.text),
        language=language,
        language_probability=float(probability),
        duration_s=duration_s,
        segments=segments,
        model="+".join(models),
        device=first.device,
        dropped=tuple(d for _, part in pieces for d in part.dropped),
        gaps=tuple((a + offset, b + offset) for offset, part in pieces for a, b in part.gaps),
    )


def _shifted(seg: Segment, offset: float) -> Segment:
    if offset == 0.0:
        return seg
    words = tuple(Word(w.start + offset, w.end + offset, w.text, w.probability) for w in seg.words)
    return dataclasses.replace(seg, start=seg.start + offset, end=seg.end + offset, words=words)
