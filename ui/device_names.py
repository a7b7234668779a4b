"""The names the Settings pickers show for cameras, microphones and speakers.

Cameras by the names their drivers give: V4L2's card names on Linux (read from
``/sys/class/video4linux`` by ``assistant.vision.camera_list.cameras``, as ``assistant
devices`` does), Qt Multimedia's descriptions elsewhere when it is installed, else "Camera N". Sound
devices by PortAudio's names through the one ``AudioHub``, without ALSA's "(hw:0,0)"; the
system's own routes ("default", "pulse", "sysdefault", "pipewire") are the one "System
default" entry, whose setting is empty. Listing runs on the dialog's helper thread (PortAudio
and sysfs may be slow); Qt Multimedia only on the UI thread.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

# Imported here, not on the helper thread: PySide6's import hook is not thread-safe.
from assistant.audio.hub import shared_hub
from assistant.vision.camera_list import V4L2, cameras

SYSTEM_DEFAULT = "System default"
SYSTEM_ROUTES = ("default", "pulse", "sysdefault", "pipewire")
GENERIC_CAMERAS = [("0", "Camera 0"), ("1", "Camera 1"), ("2", "Camera 2")]
_ALSA_ADDRESS = re.compile(r"\s*\(hw:\d+,\s*\d+\)$")


def _unique(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Two devices of one name (two identical webcams) are told apart by a number."""
    seen: dict[str, int] = {}
    out = []
    for value, label in pairs:
        seen[label] = seen.get(label, 0) + 1
        out.append((value, label if seen[label] == 1 else f"{label} ({seen[label]})"))
    return out


def v4l2_cameras(root: Path = V4L2) -> list[tuple[str, str]] | None:
    """(setting, name) of each V4L2 camera; None where there is no V4L2 (not Linux)."""
    found = cameras(root)
    if found is None:
        return None
    return _unique([(str(c["index"]), c["name"] or f"Camera {c['index']}") for c in found])


def qt_cameras() -> list[tuple[str, str]] | None:
    """Qt Multimedia's camera descriptions, in its order (the UI thread only); None without it."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return None
    return _unique([(str(i), d.description() or f"Camera {i}")
                    for i, d in enumerate(QMediaDevices.videoInputs())])


def sound_label(name: str) -> str:
    if name.strip().lower() in SYSTEM_ROUTES:
        return SYSTEM_DEFAULT
    return _ALSA_ADDRESS.sub("", name).strip() or name


def sound_choices(hub: Any = None) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(microphones, speakers) as (setting, label); the system's routes left out (they are
    "System default"); empty with no sound system."""
    try:
        if hub is None:
            hub = shared_hub()
        listed = hub.devices()
    except Exception:  # noqa: BLE001 - no PortAudio, no devices: a name can still be typed
        return [], []

    def choices(devices) -> list[tuple[str, str]]:
        return _unique([(d.name, sound_label(d.name)) for d in devices
                        if sound_label(d.name) != SYSTEM_DEFAULT])

    return (choices([d for d in listed if d.is_input]), choices([d for d in listed if d.is_output]))
