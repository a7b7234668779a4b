"""The pure parts of the BLIP-2 engine: where it runs, how it steps down when memory runs out,
its generation settings, and the per-frame cache of image encodings.

Nothing here imports torch; the engine turns a ``Placement`` into torch dtypes and
transformers' quantisation settings.
"""
from __future__ import annotations

import dataclasses
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Hashable

from ..errors import DependencyMissingError

QUANTIZE = ("none", "8bit", "4bit")


@dataclass(frozen=True)
class Placement:
    """Where and how the weights sit: device, torch dtype name, bitsandbytes quantisation."""

    device: str                 # "cuda" or "cpu"
    dtype: str                  # "float32", "float16" or "bfloat16"
    quantize: str = "none"      # "none", "8bit", "4bit" (CUDA only)

    def __post_init__(self) -> None:
        if self.device not in ("cuda", "cpu"):
            raise ValueError(f"device must be cuda or cpu, not {self.device!r}")
        if self.dtype not in ("float32", "float16", "bfloat16"):
            raise ValueError(f"unknown dtype {self.dtype!r}")
        if self.quantize not in QUANTIZE:
            raise ValueError(f"quantize must be one of {', '.join(QUANTIZE)}")
        if self.device == "cpu" and self.quantize != "none":
            raise ValueError("bitsandbytes quantisation needs a CUDA device")

    def describe(self) -> str:
        if self.device == "cpu":
            return "the processor (CPU, full precision)"
        if self.quantize != "none":
            return f"the graphics card ({self.quantize[0]}-bit weights)"
        return f"the graphics card ({self.dtype})"


def first_placement(device: str, dtype: str, quantize: str, *, bf16_ok: bool,
                    has_bnb: bool, purpose: str = "BLIP-2 model") -> tuple[Placement, str]:
    """The placement to load first and, when the request had to be changed, why (else "").

    ``device`` is already resolved to cuda/cpu. On CUDA "auto" means bfloat16 where the card
    has it (same memory as fp16, no overflow), else float16; a CPU always gets float32
    because half precision there is slow or unsupported.
    """
    if device == "cpu":
        note = ("8-bit and 4-bit weights need a graphics card; using full precision on the "
                "processor instead.") if quantize != "none" else ""
        return Placement("cpu", "float32"), note
    if quantize != "none" and not has_bnb:
        raise DependencyMissingError("bitsandbytes", "gpu", purpose=f"{quantize} {purpose}",
                                     stage="vision")
    note = ""
    if dtype == "auto":
        dtype = "bfloat16" if bf16_ok else "float16"
    elif dtype == "bfloat16" and not bf16_ok:
        dtype, note = "float16", "This graphics card has no bfloat16; using float16."
    if quantize != "none" and dtype == "float32":
        dtype = "float16"   # the compute dtype of quantised layers
    return Placement("cuda", dtype, quantize), note


def fallback_ladder(first: Placement, *, has_bnb: bool) -> tuple[Placement, ...]:
    """``first`` then each smaller setting to try after running out of GPU memory.

    fp32 → half → 8-bit → 4-bit (the last two only with bitsandbytes) → CPU fp32.
    """
    if first.device == "cpu":
        return (first,)
    half = first.dtype if first.dtype != "float32" else "float16"
    steps = [first, Placement("cuda", half)]
    if has_bnb:
        steps += [Placement("cuda", half, "8bit"), Placement("cuda", half, "4bit")]
    smaller = [p for p in steps[1:] if _weight_bytes(p) < _weight_bytes(first)]
    return (first, *smaller, Placement("cpu", "float32"))


def _weight_bytes(placement: Placement) -> float:
    """Bytes a weight takes: orders the fallback steps from largest to smallest."""
    return {"8bit": 1.0, "4bit": 0.5}.get(placement.quantize,
                                           4.0 if placement.dtype == "float32" else 2.0)


@dataclass(frozen=True)
class GenerationSettings:
    """What ``generate()`` is told; greedy decoding unless sampling is asked for."""

    max_new_tokens: int = 40
    min_new_tokens: int = 0
    num_beams: int = 1
    min_length: int = 0
    repetition_penalty: float = 1.0
    length_penalty: float = 1.0
    do_sample: bool = False
    temperature: float = 1.0

    def __post_init__(self) -> None:
        if not 1 <= self.max_new_tokens <= 512:
            raise ValueError("max_new_tokens must be 1..512")
        if not 0 <= self.min_new_tokens <= self.max_new_tokens:
            raise ValueError("min_new_tokens must be 0..max_new_tokens")
        if not 1 <= self.num_beams <= 8:
            raise ValueError("num_beams must be 1..8")
        if not 0 <= self.min_length <= 512:
            raise ValueError("min_length must be 0..512")
        if not 1.0 <= self.repetition_penalty <= 3.0:
            raise ValueError("repetition_penalty must be 1.0..3.0")
        if not -2.0 <= self.length_penalty <= 2.0:
            raise ValueError("length_penalty must be -2.0..2.0")
        if not 0.05 <= self.temperature <= 2.0:
            raise ValueError("temperature must be 0.05..2.0")

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))

    def updated(self, **changes: Any) -> "GenerationSettings":
        """A copy with ``changes``, validated like a new one."""
        return dataclasses.replace(self, **changes)

    def kwargs(self) -> dict[str, Any]:
        out: dict[str, Any] = {"max_new_tokens": self.max_new_tokens,
                               "num_beams": self.num_beams, "do_sample": self.do_sample}
        # Only what differs from generate()'s own defaults, so the model's generation config
        # is not overridden by accident (and transformers does not warn about unused flags).
        if self.min_new_tokens:
            out["min_new_tokens"] = self.min_new_tokens
        if self.min_length:
            out["min_length"] = self.min_length
        if self.repetition_penalty != 1.0:
            out["repetition_penalty"] = self.repetition_penalty
        if self.length_penalty != 1.0 and self.num_beams > 1:
            out["length_penalty"] = self.length_penalty
        if self.do_sample:
            out["temperature"] = self.temperature
        return out


class FrameCache:
    """The last few frames' image encodings, newest kept; safe across threads.

    A camera never gives the same pixels twice, so besides the exact frame an entry also
    answers for another frame of the same view (perceptual ``scene`` hash within
    ``SAME_SCENE_BITS``) taken within ``window_s`` seconds of the entry's last use: a
    follow-up question about what the camera still shows reuses the encoding instead of
    recomputing it.
    """

    def __init__(self, size: int = 4, *, window_s: float = 20.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if size < 0:
            raise ValueError("cache size must be >= 0")
        if window_s < 0:
            raise ValueError("window_s must be >= 0")
        self._size = size
        self._window = window_s
        self._clock = clock
        self._items: OrderedDict[Hashable, tuple[Any, str, float]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, scene: str = "") -> Any | None:
        from ..conversation.history import same_scene

        now = self._clock()
        with self._lock:
            if key not in self._items and scene and self._window > 0:
                key = next((k for k, (_, s, at) in reversed(self._items.items())
                            if now - at <= self._window and same_scene(s, scene)), key)
            if key not in self._items:
                return None
            value, scene_of, _ = self._items[key]
            self._items[key] = (value, scene_of, now)     # the window runs from the last use
            self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Any, scene: str = "") -> None:
        if self._size == 0:
            return
        with self._lock:
            self._items[key] = (value, scene, self._clock())
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    @property
    def size(self) -> int:
        """How many encodings are kept at most (0: none)."""
        return self._size

    def __len__(self) -> int:
        return len(self._items)
