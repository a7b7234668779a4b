"""Own-voice guard: do not take the assistant's own speech, heard back through
the microphone, for the user's.

Two layers, pure (numpy only, times passed in) and safe across threads: the speech
thread feeds them, the listener and the transcription worker ask them. Each guard keeps
its state behind one lock and scores on a snapshot taken under it, so a score never sees
a buffer half-updated (a probe once saw 202 "deque mutated during iteration" errors in
3 s, each one a lost turn).

* ``EchoDetector`` (acoustic, while speaking): keeps the audio we are playing on
  a clock and asks "is what the microphone hears now a delayed, scaled copy of
  what we played?" by normalised cross-correlation over a range of delays. A
  high score means echo (no barge-in); speech that does not match means the
  user talks over us (double talk), which is a barge-in. It copes with a plain
  delayed echo (a virtual device, a loud speaker close to the mic); a reverberant
  room weakens the match, which is what a real echo canceller (PulseAudio /
  PipeWire ``module-echo-cancel``, WebRTC AEC) is for.
* ``EchoTextGuard`` (after transcription): a transcript that mostly repeats a
  reply spoken in the last few seconds is our own voice, not a question.
"""
from __future__ import annotations

import collections
import difflib
import re
import threading
from dataclasses import dataclass

import numpy as np

RATE = 16_000


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.casefold().replace("’", "'"))


def containment(heard: str, spoken: str) -> float:
    """Share of the words in ``heard`` that appear, in order, in ``spoken`` (0..1)."""
    h, s = _words(heard), _words(spoken)
    if not h or not s:
        return 0.0
    blocks = difflib.SequenceMatcher(None, h, s, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(h)


@dataclass(frozen=True)
class _Spoken:
    text: str
    started: float
    ended: float


class EchoTextGuard:
    """Remembers recent replies; ``is_echo`` says whether a transcript repeats one.

    A transcript is checked only against replies that were still audible when
    the utterance began, or ended less than ``window_s`` before it: echo and
    the room's reverberation arrive during the reply or just after it.
    """

    def __init__(self, *, window_s: float = 2.0, threshold: float = 0.6, keep: int = 8) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        if window_s < 0:
            raise ValueError("window_s cannot be negative")
        self.window_s = window_s
        self.threshold = threshold
        self._spoken: collections.deque[_Spoken] = collections.deque(maxlen=keep)
        self._lock = threading.Lock()

    def remember(self, text: str, started: float, ended: float) -> None:
        with self._lock:
            self._spoken.append(_Spoken(text, started, max(started, ended)))

    def is_echo(self, transcript: str, utterance_start: float) -> bool:
        return self.score(transcript, utterance_start) >= self.threshold

    def score(self, transcript: str, utterance_start: float) -> float:
        best = 0.0
        with self._lock:
            spoken_now = tuple(self._spoken)
        for spoken in spoken_now:
            if spoken.started - 0.5 <= utterance_start <= spoken.ended + self.window_s:
                best = max(best, containment(transcript, spoken.text))
        return best


class EchoDetector:
    """The audio we play, on the monotonic clock, and an echo score for mic audio.

    ``played(samples, at)`` appends 16 kHz audio that starts sounding at ``at``
    (or when the audio already queued ends, whichever is later); ``stopped(at)``
    cuts it. ``score(mic, mic_end)`` is the best normalised correlation between
    the latest mic audio (ending at ``mic_end``) and the reference, over delays
    from ``min_delay_s`` to ``max_delay_s`` (output + input latency of the sound
    system).
    """

    def __init__(self, *, min_delay_s: float = 0.0, max_delay_s: float = 0.8,
                 keep_s: float = 6.0) -> None:
        if not 0.0 <= min_delay_s < max_delay_s:
            raise ValueError("need 0 <= min_delay_s < max_delay_s")
        self.min_delay_s = min_delay_s
        self.max_delay_s = max_delay_s
        self.keep_s = keep_s
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            # Replaced, never edited in place: a scorer holding the old array is unaffected.
            self._buf = np.zeros(0, dtype=np.float32)  # reference audio; sample 0 at _t0
            self._t0 = 0.0
            self._end = 0.0                             # when the queued reference stops
            self._held: np.ndarray | None = None        # not yet sounded while our voice is held
            self.last_delay_s = 0.0

    def played(self, samples: np.ndarray, at: float) -> None:
        data = np.asarray(samples, dtype=np.float32).reshape(-1)
        with self._lock:
            if self._held is not None:          # queued behind the held audio
                self._held = np.concatenate([self._held, data])
                return
            if self._buf.shape[0] == 0 or at - self._end > self.keep_s:
                self._buf, self._t0, self._end = data.copy(), at, at + data.shape[0] / RATE
                return
            gap = int(round(max(0.0, at - self._end) * RATE))  # an underrun sounds as silence
            self._buf = np.concatenate([self._buf, np.zeros(gap, np.float32), data])
            self._end = self._t0 + self._buf.shape[0] / RATE
            self._trim(at)

    def held(self, at: float) -> None:
        """Our voice is held from ``at``: the reference after it waits for ``resumed``."""
        with self._lock:
            if self._held is not None:
                return
            keep = min(max(int(round((at - self._t0) * RATE)), 0), self._buf.shape[0])
            self._held = self._buf[keep:].copy()
            self._buf = self._buf[:keep]
            self._end = self._t0 + keep / RATE

    def resumed(self, at: float) -> None:
        """The held voice sounds again from ``at``."""
        with self._lock:
            rest, self._held = self._held, None
        if rest is not None and rest.shape[0]:
            self.played(rest, at)

    def stopped(self, at: float) -> None:
        with self._lock:
            self._held = None
            keep = int(round((at - self._t0) * RATE))
            if 0 <= keep < self._buf.shape[0]:
                self._buf = self._buf[:keep]
                self._end = self._t0 + keep / RATE

    def level(self, start: float, end: float) -> float:
        """RMS of what we played between ``start`` and ``end`` (monotonic): how loud our voice
        was that the microphone may be hearing now."""
        with self._lock:
            buf, t0 = self._buf, self._t0
        a = max(int(round((start - t0) * RATE)), 0)
        b = min(int(round((end - t0) * RATE)), buf.shape[0])
        if b <= a:
            return 0.0
        piece = buf[a:b].astype(np.float64)
        return float(np.sqrt(np.dot(piece, piece) / piece.shape[0]))

    def audible_until(self) -> float:
        with self._lock:
            return self._end

    def _trim(self, now: float) -> None:
        # Only audio that finished sounding long ago goes: replies are queued far ahead of
        # the speaker, so what sounds now may be seconds behind the end of the buffer.
        extra = int((now - self.keep_s - self._t0) * RATE)
        if extra > 0:
            self._buf = self._buf[extra:]
            self._t0 += extra / RATE

    def score(self, mic: np.ndarray, mic_end: float) -> float:
        """0..1; about 1 for a clean delayed echo, low for the user's own voice."""
        with self._lock:
            buf, t0 = self._buf, self._t0       # a consistent snapshot: arrays are replaced
        m = np.asarray(mic, dtype=np.float64).reshape(-1)
        n = m.shape[0]
        if n == 0 or buf.shape[0] == 0:
            return 0.0
        mic_start = mic_end - n / RATE
        # Reference that could be in the mic window: [mic_start - max_delay, mic_end - min_delay].
        lo = int(round((mic_start - self.max_delay_s - t0) * RATE))
        hi = int(round((mic_end - self.min_delay_s - t0) * RATE))
        ref = np.zeros(max(hi - lo, n), dtype=np.float64)
        a, b = max(lo, 0), min(hi, buf.shape[0])
        if b <= a:
            return 0.0
        ref[a - lo:b - lo] = buf[a:b]
        m = m - m.mean()
        m_norm = np.sqrt(np.dot(m, m))
        if m_norm < 1e-6:
            return 0.0
        size = 1 << int(np.ceil(np.log2(ref.shape[0] + n)))
        corr = np.fft.irfft(np.fft.rfft(ref, size) * np.conj(np.fft.rfft(m, size)), size)
        lags = ref.shape[0] - n + 1
        corr = corr[:lags]
        # Energy of every reference window of length n, by a running sum.
        csum = np.concatenate([[0.0], np.cumsum(ref * ref)])
        energy = np.sqrt(np.maximum(csum[n:n + lags] - csum[:lags], 0.0))
        valid = energy > 1e-3 * np.sqrt(n)
        if not valid.any():
            return 0.0
        ratios = np.where(valid, np.abs(corr) / np.maximum(energy, 1e-12) / m_norm, 0.0)
        best = int(np.argmax(ratios))
        # Delay of the match: how long after being played the echo reached the mic.
        self.last_delay_s = (mic_start - t0 - (lo + best) / RATE)
        return float(ratios[best])
