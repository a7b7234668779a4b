"""The window's history written out for people: Markdown (a readable transcript) or JSON."""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from ..errors import AssistantError
from ..storage import write_private


def _clock(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(seconds))


def to_markdown(turns: list[Any]) -> str:
    """A readable transcript of the conversation."""
    lines = ["# Conversation with the assistant", ""]
    if not turns:
        lines.append("_No turns yet._")
    for turn in turns:
        how = "said" if turn.spoken else "typed"
        lines.append(f"## {_clock(turn.started_at)}")
        lines.append("")
        lines.append(f"**You ({how}):** {turn.transcript if turn.spoken else turn.question}")
        lines.append("")
        lines.append(f"**Assistant:** {turn.answer}")
        if turn.timings_ms:
            parts = ", ".join(f"{k} {v:.0f} ms" for k, v in turn.timings_ms.items())
            lines.append("")
            lines.append(f"_{turn.engine}; {parts}_" if turn.engine else f"_{parts}_")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def to_json(turns: list[Any]) -> str:
    return json.dumps({"turns": [t.to_json() for t in turns]}, ensure_ascii=False, indent=2) + "\n"


def export(store: Any, path: Path, fmt: str | None = None) -> Path:
    """Write the history to ``path`` as Markdown or JSON (from ``fmt`` or the suffix)."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "md").lower()
    if fmt in ("md", "markdown"):
        text = to_markdown(store.turns())
    elif fmt == "json":
        text = to_json(store.turns())
    else:
        raise AssistantError(f"History cannot be exported as '{fmt}'.",
                             hint="Use a file ending in .md or .json.", code="bad_input",
                             stage="input")
    # Atomic and private: a full disk leaves no half export, the transcript is the user's alone.
    return write_private(path, text)
