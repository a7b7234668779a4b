"""Rate conversion for live audio that arrives (or leaves) in blocks.

A device that refuses 16 kHz records at 48 or 44.1 kHz; the microphone's
consumers (VAD, ASR) want 16 kHz. Resampling each block on its own (as
``sources.resample`` does for a whole file) puts a discontinuity at every
block edge, a click every 32 ms that the VAD hears as energy. This resampler
keeps the input it still needs and its exact output position between calls,
so the output is the same whatever the block sizes were.

Windowed-sinc interpolation at exact rational positions (output ``n`` sits at
input position ``n * src / dst``, computed in integers, so hours of audio do
not drift), low-passed below the lower Nyquist rate so 48 kHz noise does not
fold into the speech band. Pure numpy: no resampling library to install.
"""
from __future__ import annotations

import math

import numpy as np

_ZERO_CROSSINGS = 8      # sinc lobes on each side: ~60 dB stop band with the Kaiser window
_CUTOFF = 0.92           # fraction of the lower Nyquist rate kept (7.4 kHz of speech at 16 kHz)
_KAISER_BETA = 6.0


class StreamResampler:
    """Converts float32 mono blocks from ``src_rate`` to ``dst_rate``, state kept across blocks.

    The output lags the input by ``delay`` input samples (about half a
    millisecond at 48 kHz) because each output sample needs a little of the
    future; ``flush()`` returns that tail at the end of a stream.
    """

    def __init__(self, src_rate: int, dst_rate: int) -> None:
        if src_rate <= 0 or dst_rate <= 0:
            raise ValueError("sample rates must be positive")
        g = math.gcd(int(src_rate), int(dst_rate))
        self.src_rate, self.dst_rate = int(src_rate), int(dst_rate)
        self._up, self._down = self.dst_rate // g, self.src_rate // g  # reduced ratio
        # Cut-off in cycles per input sample: below the lower of the two Nyquist rates.
        self._fc = 0.5 * _CUTOFF * min(1.0, self.dst_rate / self.src_rate)
        self.delay = int(math.ceil(_ZERO_CROSSINGS / (2 * self._fc)))  # kernel half width
        self._offsets = np.arange(-self.delay + 1, self.delay + 1)    # taps around floor(t)
        # Leading zeros stand for the silence before the first block.
        self._buf = np.zeros(self.delay, np.float64)
        self._base = -self.delay   # input index of _buf[0]
        self._n = 0                # index of the next output sample
        # Output positions fall on only ``up`` distinct fractions: tabulate their weights.
        self._table = (self._kernel(np.arange(self._up)[:, None] / self._up - self._offsets[None, :])
                       if self._up <= 4096 else None)

    @property
    def passthrough(self) -> bool:
        return self.src_rate == self.dst_rate

    def process(self, block: np.ndarray) -> np.ndarray:
        """Feed input samples; returns every output sample that is now complete."""
        data = np.asarray(block, dtype=np.float32).reshape(-1)
        if self.passthrough:
            return data.copy()
        self._buf = np.concatenate([self._buf, data.astype(np.float64)])
        return self._emit(self._base + self._buf.shape[0])

    def flush(self) -> np.ndarray:
        """The last samples, computed with silence after the end of the input."""
        if self.passthrough:
            return np.zeros(0, np.float32)
        end = self._base + self._buf.shape[0]
        last = -(-end * self._up // self._down)  # outputs whose position is before the end
        self._buf = np.concatenate([self._buf, np.zeros(self.delay + 1, np.float64)])
        out = self._emit(self._base + self._buf.shape[0])
        return out[: max(0, last - (self._n - out.shape[0]))]

    def _emit(self, available: int) -> np.ndarray:
        # Output n needs input up to floor(n * down / up) + delay, which must be < available.
        last_floor = available - 1 - self.delay
        if last_floor < 0:
            return np.zeros(0, np.float32)
        count = ((last_floor + 1) * self._up - 1) // self._down + 1 - self._n
        if count <= 0:
            return np.zeros(0, np.float32)
        n = np.arange(self._n, self._n + count, dtype=np.int64)
        whole = (n * self._down) // self._up                 # floor of each position
        phase = (n * self._down) % self._up                   # and its fraction, in 1/up
        taps = whole[:, None] + self._offsets[None, :]        # input indices used
        out = np.einsum("ij,ij->i", self._buf[taps - self._base], self._weights(phase))
        self._n += count
        # Keep only what the next output can still reach.
        keep_from = (self._n * self._down) // self._up - self.delay + 1
        drop = max(0, keep_from - self._base)
        if drop:
            self._buf = self._buf[drop:]
            self._base += drop
        return out.astype(np.float32)

    def _weights(self, phase: np.ndarray) -> np.ndarray:
        if self._table is not None:
            return self._table[phase]
        return self._kernel(phase[:, None] / self._up - self._offsets[None, :])

    def _kernel(self, distance: np.ndarray) -> np.ndarray:
        """Kaiser-windowed sinc at ``distance`` input samples from the output position."""
        x = distance / self.delay
        window = np.i0(_KAISER_BETA * np.sqrt(np.clip(1.0 - x * x, 0.0, 1.0))) / np.i0(_KAISER_BETA)
        return 2 * self._fc * np.sinc(2 * self._fc * distance) * window


class Reblocker:
    """Cuts a stream of variable-sized pieces into blocks of exactly ``size`` samples."""

    def __init__(self, size: int) -> None:
        if size <= 0:
            raise ValueError("block size must be positive")
        self.size = size
        self._pending = np.zeros(0, np.float32)

    def push(self, samples: np.ndarray) -> list[np.ndarray]:
        data = np.concatenate([self._pending, samples]) if self._pending.size else samples
        whole = data.shape[0] // self.size * self.size
        blocks = [data[i:i + self.size].copy() for i in range(0, whole, self.size)]
        self._pending = data[whole:].copy()
        return blocks
