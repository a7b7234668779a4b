"""What the AudioHub reports: the devices it lists and the changes it sees.

Frozen dataclasses, so they can cross threads (the hub emits them from
whichever thread noticed the change: a microphone's watchdog, a closing
stream, a re-scan) and front ends can show them as they show other events.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class AudioDevice:
    index: int
    name: str
    max_input_channels: int
    max_output_channels: int
    default_samplerate: float

    @property
    def is_input(self) -> bool:
        return self.max_input_channels > 0

    @property
    def is_output(self) -> bool:
        return self.max_output_channels > 0

    @classmethod
    def listed(cls, i: int, d: Mapping) -> "AudioDevice":
        """From one entry of PortAudio's device list (``i``: its place in the list)."""
        return cls(int(d.get("index", i)), str(d.get("name", f"device {i}")),
                   int(d.get("max_input_channels", 0)), int(d.get("max_output_channels", 0)),
                   float(d.get("default_samplerate", 0) or 0))


@dataclass(frozen=True)
class InputLost:
    """A microphone stopped: ``reason`` "error" (its stream ended) or "stall" (no audio came)."""
    device: str
    reason: str


@dataclass(frozen=True)
class InputRestored:
    device: str
    samplerate: int  # the rate the device was opened at (blocks still arrive at 16 kHz)


@dataclass(frozen=True)
class DevicesChanged:
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]


@dataclass(frozen=True)
class NoAudioDevices:
    message: str


@dataclass(frozen=True)
class NoOutputDevice:
    device: str
    message: str


@dataclass(frozen=True)
class RescanDeferred:
    """A re-scan was asked for while streams were open; it runs when they close."""
    open_streams: int


AudioEvent = Union[InputLost, InputRestored, DevicesChanged, NoAudioDevices, NoOutputDevice,
                   RescanDeferred]
