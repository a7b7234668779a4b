"""Which vision engine the settings pick here: finding, not building.

On ``"auto"`` the best vision-language model whose weights are present, else the embedded
engine. ``models.catalogue`` (what ``assistant models`` lists) and ``engines.factory`` (what
is built) both ask this one function, so the two never disagree.
"""
from __future__ import annotations

from ..config import VisionConfig
from ..paths import AppPaths
from .hub import locate_hf_model

# Vision-language backends, best first: what "auto" tries before the embedded engine.
VLM_ORDER = ("imagetext", "blip2", "llava", "blip")


def vlm_model_name(kind: str, config: VisionConfig) -> str:
    return {"imagetext": config.imagetext_model, "blip2": config.blip2_model,
            "llava": config.llava_model, "blip": config.blip_model}[kind]


def vision_kind(config: VisionConfig, paths: AppPaths) -> str:
    """The engine ``config`` picks here: on "auto", the best one whose weights are present."""
    if config.engine != "auto":
        return config.engine
    for kind in VLM_ORDER:
        if locate_hf_model(vlm_model_name(kind, config), (paths.models_dir,)):
            return kind
    return "embedded"


def missing_vlm(config: VisionConfig, paths: AppPaths, *, ask_library: bool = True) -> str:
    """The model ``config`` names outright (not "auto") whose weights are not here; "" when
    none is missing. The window offers its download instead of failing to load it."""
    if config.engine not in VLM_ORDER:
        return ""
    model = vlm_model_name(config.engine, config)
    found = locate_hf_model(model, (paths.models_dir,), ask_library=ask_library)
    return "" if found else model
