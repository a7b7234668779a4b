"""Chat turns (pure data)."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Turn:
    question: str
    answer: str
    image_id: str = ""      # fingerprint of the frame the question was about
    engine: str = ""
    scene: str = ""         # perceptual hash of that frame (vision.image.scene_hash)
    at: float = 0.0         # wall-clock seconds

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Turn":
        known = {k: data[k] for k in ("question", "answer", "image_id", "engine", "at", "scene")
                 if k in data}
        return cls(**known)


# Bits of scene_hash that may differ for two frames to count as the same view: frames of
# one scene from a hand-held camera differ by a few bits, other scenes by about 32.
SAME_SCENE_BITS = 10


def same_scene(a: str, b: str, max_bits: int = SAME_SCENE_BITS) -> bool:
    try:
        return bool(a and b) and bin(int(a, 16) ^ int(b, 16)).count("1") <= max_bits
    except ValueError:
        return False


def turns_about(turns: list[Turn] | tuple[Turn, ...], image_id: str, limit: int,
                scene: str = "") -> tuple[Turn, ...]:
    """The last ``limit`` turns about the same picture (or the same view), oldest first."""
    if limit <= 0:
        return ()
    same = [t for t in turns if t.image_id == image_id or same_scene(t.scene, scene)]
    return tuple(same[-limit:])
