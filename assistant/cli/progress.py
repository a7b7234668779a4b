"""A terminal progress bar for long transcriptions: one stderr line redrawn with ``\\r``.

The bar knows nothing of models or events: it is fed seconds of audio done and in total, and
reads time from the clock it is given, so tests drive it with numbers. Whether to draw it at
all (a terminal, no ``--quiet``) is the caller's choice (``commands.transcribe``).
"""
from __future__ import annotations

import math
import os
import time
from typing import Callable, TextIO

# Progress(stage="asr", message=TRANSCRIBING, done=seconds done, total=seconds in the file):
# what FasterWhisperTranscriber.transcribe_file reports as it goes.
TRANSCRIBING = "Transcribing"
MIN_TOTAL_S = 60.0    # a shorter file is done before a bar would tell the user anything
REDRAW_S = 0.2        # at most five redraws a second: on a GPU segments come faster than that
ESTIMATE_AFTER_S = 2.0  # no "time left" before the rate has been measured this long
DEFAULT_COLUMNS = 80  # a terminal that does not say its width (a fresh pseudo-terminal says 0)


def clock_text(seconds: float) -> str:
    """0:07, 12:34, 1:02:03."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def bar_line(label: str, done_s: float, total_s: float, elapsed_s: float, left_s: float | None,
             columns: int, *, ascii_only: bool = False) -> str:
    """The bar's text, shorter than ``columns`` so redrawing never wraps to a second line.

    ``total_s`` 0 means the length is unknown: then audio time done and elapsed only.
    """
    if total_s <= 0:
        return _fit([f"{label}: {clock_text(done_s)} of audio", f", {clock_text(elapsed_s)} elapsed"],
                    columns)
    share = min(1.0, done_s / total_s)
    head = f"{label} {100 * share:3.0f}%"
    audio = f" {clock_text(done_s)} / {clock_text(total_s)}"
    elapsed = f", {clock_text(elapsed_s)} elapsed"
    left = "" if left_s is None else f", about {clock_text(math.ceil(left_s))} left"
    # Room kept for the estimate before it is known, so the bar does not shrink when it comes.
    kept = max(len(left), len(f", about {clock_text(total_s)} left"))
    room = columns - 1 - len(head + audio + elapsed) - kept - 3  # " [" and "]"
    if room >= 10:
        full, empty = ("#", "-") if ascii_only else ("\u2588", "\u2591")
        filled = int(room * share)
        head += " [" + full * filled + empty * (room - filled) + "]"
    # Narrow terminals lose the elapsed time first: the time left is what a user waits on.
    return _fit([head + audio, left, elapsed + left], columns)


def _fit(choices: list[str], columns: int) -> str:
    """The longest ending that fits after the first word, shorter than ``columns``.

    ``choices[0]`` is always shown; each other choice is a tail tried from the last (the
    fullest) to the first; a line still too long is cut.
    """
    first = choices[0]
    for tail in reversed(choices[1:]):
        if len(first + tail) < columns:
            return first + tail
    return first[:max(0, columns - 1)]


class ProgressBar:
    """Draws ``update(done_s, total_s)`` as one redrawn line once the file is over a minute.

    ``interrupt()`` ends the line so another message can be printed under it (the next update
    draws a fresh one); ``finish()`` draws the last state and ends the line.
    """

    def __init__(self, stream: TextIO, *, label: str = TRANSCRIBING, min_total_s: float = MIN_TOTAL_S,
                 clock: Callable[[], float] = time.monotonic, columns: int | None = None) -> None:
        self._stream = stream
        self._label = label
        self._min_total_s = min_total_s
        self._clock = clock
        self._columns = columns
        self._started = clock()
        self._first: tuple[float, float] | None = None  # (time, done) of the first report
        self._done = 0.0
        self._total = 0.0
        self._drawn_at: float | None = None
        self._on_screen = 0     # characters of the bar now on the line; 0: no bar line open
        self._stale = False     # a report came in that a throttled redraw has not shown yet
        self._shown = False
        encoding = stream.encoding or "ascii"  # io.StringIO says None
        try:
            "\u2588\u2591".encode(encoding)
            self._ascii = False
        except (UnicodeEncodeError, LookupError):
            self._ascii = True

    @property
    def shown(self) -> bool:
        """Whether the bar has been drawn at least once."""
        return self._shown

    def update(self, done_s: float, total_s: float) -> None:
        now = self._clock()
        # Never backwards: a stretch decoded again (another model) is not lost progress.
        self._done = max(self._done, float(done_s))
        self._total = max(0.0, float(total_s))
        if self._total:
            self._done = min(self._done, self._total)
        if self._first is None:
            self._first = (now, self._done)
        if not self._shown and not self._long_enough():
            return
        finished = bool(self._total) and self._done >= self._total
        throttled = (self._on_screen and self._drawn_at is not None
                     and now - self._drawn_at < REDRAW_S)
        if throttled and not finished:
            self._stale = True
            return
        self._draw(now)

    def interrupt(self) -> None:
        """End the bar's line (if one is open) so a message can be printed below it."""
        if self._on_screen:
            self._write("\n")
            self._on_screen = 0
            self._drawn_at = None

    def finish(self, completed: bool = False) -> None:
        """Show the last state (all of it when ``completed``) and end the line.

        Nothing when the bar never showed. The last report may stop short of the end (it
        says where the last words ended), so a finished file is drawn at 100% here.
        """
        if completed and self._total:
            self._stale = self._stale or self._done < self._total
            self._done = self._total
        if self._stale and self._shown:
            self._draw(self._clock())
        self.interrupt()

    def time_left(self, now: float) -> float | None:
        """Seconds left at the rate measured since the first report; None until it is known."""
        if self._first is None or not self._total or self._done >= self._total:
            return None
        since, done_then = self._first
        spent, gained = now - since, self._done - done_then
        if spent < ESTIMATE_AFTER_S or gained <= 0:
            return None
        return (self._total - self._done) * spent / gained

    def _long_enough(self) -> bool:
        if self._total:
            return self._total > self._min_total_s
        return self._done > self._min_total_s  # length unknown: once a minute has been done

    def _draw(self, now: float) -> None:
        line = bar_line(self._label, self._done, self._total, now - self._started, self.time_left(now),
                        self._width(), ascii_only=self._ascii)
        pad = " " * max(0, self._on_screen - len(line))  # covers a longer line drawn before
        self._write("\r" + line + pad)
        self._on_screen = len(line)
        self._drawn_at = now
        self._stale = False
        self._shown = True

    def _width(self) -> int:
        if self._columns:
            return self._columns
        try:
            columns = os.get_terminal_size(self._stream.fileno()).columns
        except (OSError, ValueError):  # not a terminal, or closed
            columns = 0
        return columns or DEFAULT_COLUMNS

    def _write(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):  # a closed or broken terminal costs the bar, not the text
            self._on_screen = 0
