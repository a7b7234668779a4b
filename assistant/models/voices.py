"""Piper voices for languages other than English: fetched by ``assistant models download
voice:NAME`` from the hub's ``rhasspy/piper-voices`` repository (two files per voice, the
model and its ``.onnx.json``), found here in the Hugging Face cache without importing
anything, so a reply in that language is said by it instead of espeak-ng.

A voice's name says where it lives: ``fr_FR-siwis-medium`` is
``fr/fr_FR/siwis/medium/fr_FR-siwis-medium.onnx``.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from .vlm_names import hf_cache_dir

VOICE_REPO = "rhasspy/piper-voices"
PREFIX = "voice:"
# A clear voice per language we answer in (Piper's own samples page); any other works too.
SUGGESTED = {"fr": "fr_FR-siwis-medium", "de": "de_DE-thorsten-medium",
             "es": "es_ES-davefx-medium", "en": "en_US-lessac-medium"}
_NAME = re.compile(r"^(?P<lang>[a-z]{2,3})_(?P<region>[A-Z]{2})-(?P<speaker>[A-Za-z0-9_]+)-"
                   r"(?P<quality>x_low|low|medium|high)$")
_QUALITY_ORDER = ("medium", "high", "low", "x_low")   # the clearer-for-its-speed first


def is_voice(name: str) -> bool:
    return name.strip().lower().startswith(PREFIX)


def voice_files(name: str) -> tuple[str, str]:
    """The repository paths of ``voice:NAME`` (model, config); exit 2 for a name that is not one."""
    voice = name.strip()[len(PREFIX):] if is_voice(name) else name.strip()
    found = _NAME.match(voice)
    if found is None:
        raise InputError(f"'{voice}' is not a Piper voice name (language_REGION-speaker-quality, "
                         "such as fr_FR-siwis-medium).",
                         hint="Voices for our languages: " + ", ".join(
                             f"voice:{v}" for v in SUGGESTED.values()) + ".",
                         code="unknown_model")
    lang, region, speaker, quality = found.group("lang", "region", "speaker", "quality")
    model = f"{lang}/{lang}_{region}/{speaker}/{quality}/{voice}.onnx"
    return model, f"{model}.json"


def downloaded_voice(language: str, cache: Path | None = None) -> Path | None:
    """A fetched Piper voice of ``language`` (its .onnx, with the .onnx.json beside it), the
    suggested one first, then by quality; None when there is none."""
    snapshots = (cache or hf_cache_dir()) / f"models--{VOICE_REPO.replace('/', '--')}" / "snapshots"
    if not snapshots.is_dir():
        return None
    found = []
    for model in snapshots.glob(f"*/{language}/*/*/*/*.onnx"):
        parsed = _NAME.match(model.stem)
        if parsed and parsed.group("lang") == language and Path(f"{model}.json").is_file():
            found.append(model)
    if not found:
        return None

    def rank(model: Path) -> tuple:
        quality = _NAME.match(model.stem).group("quality")
        return (model.stem != SUGGESTED.get(language), _QUALITY_ORDER.index(quality), model.stem)

    return sorted(found, key=rank)[0]
