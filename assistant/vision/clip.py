"""CLIP zero-shot labels (openai/clip-*) over a short list of everyday things and places.

For the embedded engine when CLIP weights are on this computer: unlike the ImageNet
labeller it can name what blind users point a camera at (a door, a light switch, a
medicine bottle). Also a small VisionEngine answering "what is this". The label texts are
encoded once per model; each picture then costs one pass of the image tower.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Generator, Sequence

from ..cancel import NEVER, CancelToken
from ..events import Event
from . import VisionAnswer, runtime_subset
from .hf_common import (DEVICES, DTYPES, LazyModel, check_choice, choose_dtype, find_weights,
                        load_guarded, missing_weights, release_memory, resolve_device,
                        running_guarded, hub_options, torch_module, transformers_module)

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn

DEFAULT_MODEL = "openai/clip-vit-base-patch32"
TEMPLATE = "a photo of {}."
# Below this the best label is offered as a guess between two, never as a fact.
SURE = 0.5
_PURPOSE = "CLIP image labeller"

# Things and places people who cannot see ask about; with articles so answers read well.
EVERYDAY_LABELS: tuple[str, ...] = (
    "a person", "a group of people", "a child", "a dog", "a cat",
    "a door", "a window", "stairs", "an elevator", "a hallway", "a light switch", "a lamp",
    "a kitchen", "a bathroom", "a bedroom", "a living room", "an office", "a shop",
    "a supermarket shelf", "a street", "a sidewalk", "a crosswalk", "a traffic light",
    "a bus", "a bus stop", "a train station", "a car", "a bicycle", "a parking lot", "a park",
    "a tree", "a plant", "flowers", "the sky",
    "a cup", "a mug of coffee", "a glass of water", "a bottle", "a can", "a plate of food",
    "fruit", "vegetables", "bread", "a packet of food", "a box", "a medicine bottle",
    "pills", "a phone", "a laptop", "a computer screen", "a television", "a remote control",
    "a keyboard", "a book", "a letter", "a newspaper", "a sign", "a banknote", "coins",
    "keys", "a wallet", "glasses", "a bag", "an umbrella", "a shoe", "clothes",
    "a chair", "a sofa", "a bed", "a table", "a sink", "a toilet", "a shower",
    "a refrigerator", "a microwave", "an oven", "a stove", "a kettle", "a washing machine",
    "a trash can", "a toothbrush", "scissors", "a clock", "a map", "a rocket",
)


def is_available(model: str = DEFAULT_MODEL, *, models_dir: Path | None = None) -> bool:
    return find_weights(model, models_dir) is not None


def spoken_guess(ranked: Sequence[tuple[str, float]], sure: float = SURE) -> str:
    """A sentence that claims no more than the probabilities do."""
    if not ranked:
        return "I cannot tell what this is."
    (best, p_best), rest = ranked[0], ranked[1:]
    if p_best >= sure:
        return f"It looks like {best}."
    if rest:
        return f"It might be {best} or {rest[0][0]}, but I am not sure."
    return f"It might be {best}, but I am not sure."


class ClipLabeller:
    """Top-k everyday labels for a picture; also answers "what is this" as a VisionEngine."""

    announce_missing_model = False   # the protocol's notice flag: this engine has its model

    def __init__(self, model: str = DEFAULT_MODEL, *, labels: Sequence[str] = EVERYDAY_LABELS,
                 template: str = TEMPLATE, device: str = "auto", dtype: str = "auto",
                 models_dir: Path | None = None,
                 on_event: Callable[[Event], None] | None = None) -> None:
        check_choice(device, DEVICES, "device")
        check_choice(dtype, DTYPES, "dtype")
        labels = tuple(label.strip() for label in labels if label.strip())
        if len(labels) < 2 or len(set(labels)) != len(labels):
            raise ValueError("labels must hold at least two different names")
        if "{}" not in template:
            raise ValueError("template must contain {} where the label goes")
        self._model_name = model
        self._labels = labels
        self._template = template
        self._wanted_device = device
        self._wanted_dtype = dtype
        self._models_dir = models_dir
        self._lazy = LazyModel(model, on_event)

    @property
    def name(self) -> str:
        return f"clip:{self._model_name}"

    @property
    def device(self) -> str:
        loaded = self._lazy.loaded
        return loaded[2] if loaded else resolve_device(self._wanted_device, _PURPOSE)

    @property
    def labels(self) -> tuple[str, ...]:
        return self._labels

    def load(self) -> None:
        self._lazy.get(self._load)

    def warm_up(self) -> None:
        """Nothing beyond ``load``, which already ran the text tower over every label."""

    def configure(self, **runtime: Any) -> None:
        """No run-time settings apply (nothing is generated); the names are still checked."""
        runtime_subset(runtime, ())

    def close(self) -> None:
        """Free the model (GPU memory too); safe twice; the next use loads it again."""
        self._lazy.forget()
        release_memory()

    def probabilities(self, image: "Image.Image"):
        """One probability per label (numpy, sums to 1), in ``labels`` order."""
        processor, model, device, dtype, label_features = self._lazy.get(self._load)
        torch = torch_module(_PURPOSE)
        inputs = processor(images=image.convert("RGB"), return_tensors="pt").to(device, dtype)
        with running_guarded(_PURPOSE):
            features = _features(model.get_image_features(pixel_values=inputs["pixel_values"]))
            features = features / features.norm(dim=-1, keepdim=True)
            logits = model.logit_scale.exp() * features @ label_features.T
            probs = torch.softmax(logits.float(), dim=-1)[0]
        return probs.cpu().numpy()

    def top_labels(self, image: "Image.Image", k: int = 3) -> list[tuple[str, float]]:
        """Same shape as the ImageNet labeller's: [(label, probability)], best first."""
        if k < 1:
            raise ValueError("k must be at least 1")
        probs = self.probabilities(image)
        order = probs.argsort()[::-1][:k]
        return [(self._labels[i], float(probs[i])) for i in order]

    def answer(self, image: "Image.Image", question: str,
               history: Sequence["Turn"] = (), *, context: str = "",
               cancel: CancelToken = NEVER) -> VisionAnswer:
        """The best labels as a guess; the question, history and context change nothing."""
        cancel.check()
        ranked = self.top_labels(image, k=3)
        cancel.check()
        return VisionAnswer(text=spoken_guess(ranked), engine=self.name, device=self.device,
                            details={"labels": [(label, round(p, 3)) for label, p in ranked]})

    def stream(self, image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
               context: str = "", cancel: CancelToken = NEVER
               ) -> Generator[str, None, VisionAnswer]:
        """The whole answer as one piece (one pass of the image tower)."""
        answer = self.answer(image, question, history, context=context, cancel=cancel)
        yield answer.text
        return answer

    def _load(self, announce: Callable[[], None]):
        folder = find_weights(self._model_name, self._models_dir)
        if folder is None:
            raise missing_weights("CLIP", self._model_name, default=DEFAULT_MODEL,
                                  size="600 MB", setting="vision.clip_model")
        transformers = transformers_module(_PURPOSE)
        device = resolve_device(self._wanted_device, _PURPOSE)
        dtype = choose_dtype(device, self._wanted_dtype, _PURPOSE)
        announce()

        def load():
            processor = transformers.CLIPProcessor.from_pretrained(folder, **hub_options())
            model = transformers.CLIPModel.from_pretrained(folder, dtype=dtype,
                                                           **hub_options())
            return processor, model.to(device).eval()

        processor, model = load_guarded(_PURPOSE, folder, load)
        texts = [self._template.format(label) for label in self._labels]
        max_length = model.config.text_config.max_position_embeddings
        tokens = processor.tokenizer(texts, padding=True, truncation=True, max_length=max_length,
                                     return_tensors="pt").to(device)
        with running_guarded(_PURPOSE):
            label_features = _features(model.get_text_features(**tokens))
            label_features = label_features / label_features.norm(dim=-1, keepdim=True)
        return (processor, model, device, dtype, label_features), device


def _features(output):
    """transformers 5 returns a model output whose pooler_output is projected; 4.x a tensor."""
    return output.pooler_output if hasattr(output, "pooler_output") else output
