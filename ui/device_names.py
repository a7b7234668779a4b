"""The names the Settings pickers show for cameras, microphones and speakers.

Cameras by the names their drivers give: V4L2's card names on Linux (read from
``/sys/class/video4linux`` by ``assistant.vision.camera_list.cameras``, as ``assistant
devices`` does), Qt Multimedia's descriptions elsewhere when it is installed, else "Camera N". Sound
devices by PortAudio's names through the one ``AudioHub``, without ALSA's "(hw:0,0)"; the
system's own routes ("default", "pulse", "sysdefault", "pipewire") are the one "System
default" entry, whose setting is empty. Listing runs on the dialog's helper thread (PortAudio
and sysfs may be slow); Qt Multimedia only on the UI thread. The words of our own ("System
default", "Camera 1") are translated (Qt's ``translate`` is safe on any thread).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

# Imported here, not on the helper thread: PySide6's import hook is not thread-safe.
from assistant.audio.hub import shared_hub
from assistant.vision.camera_list import V4L2, cameras

from .translation import QT_TRANSLATE_NOOP, translate

SYSTEM_DEFAULT = QT_TRANSLATE_NOOP("DeviceNames", "System default")   # shown by system_default()
SYSTEM_ROUTES = ("default", "pulse", "sysdefault", "pipewire")
_ALSA_ADDRESS = re.compile(r"\s*\(hw:\d+,\s*\d+\)$")


def system_default() -> str:
    """The words of the entry whose setting is empty: the system's own choice."""
    return translate("DeviceNames", SYSTEM_DEFAULT)


def camera_name(index) -> str:
    """A camera with no name of its own: "Camera 1"."""
    return translate("DeviceNames", "Camera {number}").format(number=index)


def generic_cameras() -> list[tuple[str, str]]:
    """The cameras offered before the real ones are listed: numbers 0 to 2."""
    return [(str(i), camera_name(i)) for i in range(3)]


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
    return _unique([(str(c["index"]), c["name"] or camera_name(c["index"])) for c in found])


def qt_cameras() -> list[tuple[str, str]] | None:
    """Qt Multimedia's camera descriptions, in its order (the UI thread only); None without it."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return None
    return _unique([(str(i), d.description() or camera_name(i))
                    for i, d in enumerate(QMediaDevices.videoInputs())])


def _system_route(name: str) -> bool:
    return name.strip().lower() in SYSTEM_ROUTES


def sound_label(name: str) -> str:
    if _system_route(name):
        return system_default()
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
                        if not _system_route(d.name)])

    return (choices([d for d in listed if d.is_input]), choices([d for d in listed if d.is_output]))
