"""Hold our voice on the first sound the user may be making; the VAD's verdict ends the hold.

Silero needs 60-300 ms of a voice before two of its 32 ms windows score as speech (the soft
start of "And Mr. John" or "He might" scores under 0.3 for its first quarter of a second),
and barge-in waits for those two windows. A plain loudness onset comes in the first window.
So, while we speak, a window much louder than the room's floor *holds* the reply (the sound
card plays silence and the reply waits where it was), and then:

* the VAD confirms talk over our voice (the usual barge-in): the reply is stopped, and the
  sound stopped at the hold, one window after the onset;
* it does not within ``hold_s`` (a cough, a door, a click): the reply goes on from where it
  was held, nothing of it lost.

Loudness cannot tell the user's voice from our own coming back, so holds are *armed* only
where the microphone does not hear us: after ``arm_s`` of our voice sounding (what we played
over the echo delay at least ``voice_rms``) during which no window was loud or speech
(headphones, or a sound server's echo canceller). Where the room carries
our voice back, nothing is held and barge-in waits for the VAD and the echo check as before.
After ``max_released`` holds let go in one reply, holds stop for the rest of it, so a noisy
room cannot make the voice stutter.

Pure: windows and times are passed in (stream time, seconds).
"""
from __future__ import annotations

import collections
from dataclasses import dataclass
from typing import Callable

import numpy as np

HOLD = "hold"
RELEASE = "release"


@dataclass(frozen=True)
class OnsetOptions:
    ratio: float = 4.0          # a window this many times the floor's RMS (12 dB) is an onset
    min_floor: float = 0.001    # RMS floor never below -60 dBFS (digital silence, gated mics)
    floor_s: float = 1.5        # the floor: a low percentile of the windows over this long
    arm_s: float = 1.0          # of our voice sounding, heard quiet before a loud window may hold it
    voice_rms: float = 0.01     # what we played counts as sounding from this RMS (-40 dBFS)
    hold_s: float = 0.6         # a hold the VAD has not confirmed by then is let go
    max_hold_s: float = 1.2     # ... unless the VAD hears speech now, up to this long
    max_released: int = 2       # holds let go in one reply before holds stop for it

    def __post_init__(self) -> None:
        if self.ratio <= 1.0 or self.min_floor <= 0 or self.floor_s <= 0:
            raise ValueError("ratio must be above 1; min_floor and floor_s positive")
        if not 0 < self.hold_s <= self.max_hold_s or self.arm_s < 0 or self.max_released < 0:
            raise ValueError("need 0 < hold_s <= max_hold_s, arm_s >= 0, max_released >= 0")


class OnsetHold:
    """Fed every window; ``window`` returns HOLD, RELEASE or None, and ``feed`` (the
    listener's call) also hands them to ``on_hold`` / ``on_release`` with the time."""

    def __init__(self, options: OnsetOptions = OnsetOptions(), window_s: float = 0.032, *,
                 on_hold: Callable[[float], None] = lambda now: None,
                 on_release: Callable[[float], None] = lambda now: None) -> None:
        self.options = options
        self.window_s = window_s
        self._on_hold = on_hold
        self._on_release = on_release
        self._levels: collections.deque[float] = collections.deque(
            maxlen=max(3, int(round(options.floor_s / window_s))))
        self._new_reply()

    def _new_reply(self) -> None:
        self._quiet_s = 0.0           # of this reply heard quiet so far
        self._armed = False
        self._disarmed = False        # the room carries our voice back, or holds were let go
        self._released = 0
        self._after_release = False   # a hold was let go: the next needs a quiet window first
        self.held_at: float | None = None

    @property
    def held(self) -> bool:
        return self.held_at is not None

    def floor(self) -> float:
        if not self._levels:
            return self.options.min_floor
        return max(self.options.min_floor, sorted(self._levels)[len(self._levels) // 5])

    def window(self, rms: float, *, now: float, speaking: bool, speech: bool,
               ours: bool = False, playing_rms: float = 1.0) -> str | None:
        """One window: its RMS, its end time, whether our reply is on, whether the VAD scores
        it as speech, whether the echo check found our own voice in it, and the RMS of what we
        played that the microphone could be hearing now (over the echo delay)."""
        opts = self.options
        if not speaking:              # no reply (or it was stopped: the barge-in took it)
            self._new_reply()
            self._levels.append(rms)
            return None
        if ours:
            self._disarmed = True     # the microphone carries our voice back after all
        if self.held_at is not None:
            self._levels.append(rms)  # a new steady noise becomes the floor
            since = now - self.held_at
            if ours or since >= opts.max_hold_s or (since >= opts.hold_s and not speech):
                self.held_at = None
                self._released += 1
                self._after_release = True
                if self._released >= opts.max_released:
                    self._disarmed = True
                return RELEASE
            return None
        loud = rms >= opts.ratio * self.floor()
        if not self._armed:
            if loud or speech:
                self._disarmed = True     # we hear something while we talk: loudness says nothing
            if self._disarmed:
                self._levels.append(rms)
                return None
            if playing_rms >= opts.voice_rms:   # quiet while our voice sounded
                self._quiet_s += self.window_s
            self._armed = self._quiet_s >= opts.arm_s
            self._levels.append(rms)
            return None
        if self._disarmed or not loud or self._after_release:
            self._after_release = self._after_release and loud
            self._levels.append(rms)
            return None
        self.held_at = now
        return HOLD

    def feed(self, piece: np.ndarray, *, now: float, speaking: bool, speech: bool,
             ours: bool, playing_rms: float) -> None:
        rms = float(np.sqrt(np.mean(np.square(piece, dtype=np.float64)))) if len(piece) else 0.0
        action = self.window(rms, now=now, speaking=speaking, speech=speech, ours=ours,
                             playing_rms=playing_rms)
        if action == HOLD:
            self._on_hold(now)
        elif action == RELEASE:
            self._on_release(now)

    def let_go(self, now: float) -> None:
        """Holds are off (barge-in or the option turned off, hands-free ended): a held reply
        goes on."""
        if self.held_at is not None:
            self.held_at = None
            self._on_release(now)
