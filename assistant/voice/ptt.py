"""Push-to-talk that survives key auto-repeat: a pure state machine fed presses and releases.

X11 repeats a held key as release+press pairs a few milliseconds apart (about 30 a second,
often without Qt's auto-repeat flag under Xvfb, XWayland or a remote desktop); Space on a
focused button does the same. Taken at face value, holding the key for 5 s ends and
restarts the recording 150 times and the question is lost. Here a release only ends the
recording once no press followed it within ``grace_s``; presses while talking are ignored.
Times are passed in, so tests drive it with the exact event timing X delivers.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Talk(str, Enum):
    BEGIN = "begin"      # start recording (and stop the assistant talking)
    END = "end"          # the key is really up: send what was recorded


@dataclass(frozen=True)
class PushToTalkOptions:
    grace_s: float = 0.12        # X repeats at 25-40 Hz: a real release has no press within this
    min_hold_s: float = 0.3      # shorter is a tap, not a question

    def __post_init__(self) -> None:
        if not 0.0 < self.grace_s <= 1.0 or self.min_hold_s < 0:
            raise ValueError("grace_s must be in (0, 1] and min_hold_s non-negative")


class PushToTalk:
    """``press``/``release``/``tick`` return the decisions to act on (possibly none)."""

    def __init__(self, options: PushToTalkOptions = PushToTalkOptions()) -> None:
        self.options = options
        self.talking = False
        self.started_at = 0.0
        self._released_at: float | None = None

    def press(self, now: float) -> list[Talk]:
        if self.talking:
            self._released_at = None        # an auto-repeat pair: still held
            return []
        self.talking = True
        self.started_at = now
        self._released_at = None
        return [Talk.BEGIN]

    def release(self, now: float) -> list[Talk]:
        if self.talking and self._released_at is None:
            self._released_at = now
        return []

    def tick(self, now: float) -> list[Talk]:
        """Call often (every audio block or a timer): ends the talk once the grace has passed."""
        if self.talking and self._released_at is not None \
                and now - self._released_at >= self.options.grace_s:
            self.talking = False
            self._released_at = None
            return [Talk.END]
        return []

    @property
    def ending_at(self) -> float | None:
        """When a pending release takes effect, if one is pending."""
        return None if self._released_at is None else self._released_at + self.options.grace_s

    def long_enough(self, seconds: float) -> bool:
        return seconds >= self.options.min_hold_s
