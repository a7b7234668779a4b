"""``assistant devices``: the cameras, microphones and sound outputs this computer has, by the
names the system gives them and the number or name the settings and options take
(``--camera N``, ``ui.microphone``, ``ui.speaker_device``); ``--json`` for scripts.

Cameras are read from Linux's V4L2 list (``/sys/class/video4linux``: each camera's capture
node and its card name), never by opening each index with OpenCV, which is slow and turns
on camera lights. Elsewhere the cameras are left out, said so.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any

from ..config import AppConfig
from ..errors import EXIT_OK
from ..paths import AppPaths
from .console import emit_json

from ..vision.camera_list import V4L2, cameras  # noqa: F401 (the completion hook uses it here)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser("devices", help="list the cameras, microphones and sound outputs "
                                             "with the numbers and names the settings take")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def sound_devices() -> tuple[list[dict[str, Any]], list[dict[str, Any]], str | None]:
    """(microphones, outputs, problem): PortAudio's list, the default marked."""
    from ..audio.hub import shared_hub
    from ..errors import DeviceError

    hub = shared_hub()
    try:
        listed = hub.devices()
    except DeviceError as exc:
        return [], [], exc.user_text()
    defaults = {kind: _default(hub, kind) for kind in ("input", "output")}

    def entry(device, kind: str) -> dict[str, Any]:
        return {"index": device.index, "name": device.name, "default": device.index == defaults[kind],
                "sample_rate": int(device.default_samplerate)}

    return ([entry(d, "input") for d in listed if d.is_input],
            [entry(d, "output") for d in listed if d.is_output], None)


def _default(hub: Any, kind: str) -> int:
    """The device PortAudio uses when none is named (its own default unless one was set)."""
    chosen = hub.default_index(kind)
    if chosen >= 0:
        return chosen
    try:
        return int(hub.sd().query_devices(kind=kind)["index"])
    except Exception:  # noqa: BLE001 - no default device: nothing is marked
        return -1


def run(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    found_cameras = cameras()
    microphones, outputs, problem = sound_devices()
    if args.json:
        emit_json({"cameras": found_cameras, "microphones": microphones, "outputs": outputs,
                   "sound_problem": problem})
        return EXIT_OK
    print("Cameras (--camera N):")
    if found_cameras is None:
        print("  (this system gives no camera list; try --camera 0, 1, ...)")
    for camera in found_cameras or []:
        print(f"  {camera['index']:>3}  {camera['name']}  ({camera['path']})")
    if found_cameras == []:
        print("  none found")
    for title, listed in (("Microphones (ui.microphone: a number or part of the name):", microphones),
                          ("Sound outputs (ui.speaker_device):", outputs)):
        print(title)
        for device in listed:
            mark = "  (default)" if device["default"] else ""
            print(f"  {device['index']:>3}  {device['name']}{mark}")
        if not listed:
            print(f"  none found{': ' + problem if problem else ''}")
    if problem:
        print(f"note: {problem}", file=sys.stderr)
    return EXIT_OK
