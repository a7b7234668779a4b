"""The cameras Linux lists (V4L2, ``/sys/class/video4linux``): each camera's capture node and
its card name, read from sysfs, never by opening each index with OpenCV (slow, and it turns
cameras on). Used by ``assistant devices`` and the window's Settings; no side effects beyond
reading sysfs.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

V4L2 = Path("/sys/class/video4linux")


def cameras(root: Path = V4L2) -> list[dict[str, Any]] | None:
    """[{index, path, name}] of V4L2 capture nodes; None where there is no V4L2 (not Linux)."""
    if not root.is_dir():
        return None
    found = []
    for node in sorted(root.glob("video*"), key=lambda p: int(re.sub(r"\D", "", p.name) or 0)):
        number = re.fullmatch(r"video(\d+)", node.name)
        if not number:
            continue
        try:
            if (node / "index").exists() and (node / "index").read_text().strip() != "0":
                continue    # a camera's second node (metadata), not one to open
            name = (node / "name").read_text().strip()
        except OSError:
            continue
        found.append({"index": int(number.group(1)), "path": f"/dev/{node.name}", "name": name})
    return found
