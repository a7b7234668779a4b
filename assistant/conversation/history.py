"""Chat turns (pure data)."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Turn:
    question: str
    answer: str
    image_id: str = ""      # fingerprint of the frame the question was about
    engine: str = ""
    at: float = 0.0         # wall-clock seconds

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Turn":
        known = {k: data[k] for k in ("question", "answer", "image_id", "engine", "at") if k in data}
        return cls(**known)


def turns_about(turns: list[Turn] | tuple[Turn, ...], image_id: str, limit: int) -> tuple[Turn, ...]:
    """The last ``limit`` turns about the same image, oldest first."""
    if limit <= 0:
        return ()
    same = [t for t in turns if t.image_id == image_id]
    return tuple(same[-limit:])
