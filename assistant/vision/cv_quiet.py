"""OpenCV's own log lines kept off the user's terminal while a capture opens.

A camera that cannot be opened makes OpenCV print ``[ WARN:0@0.02] global cap_v4l.cpp ...``
(one line per backend tried) before our own one-line error, which already says what went
wrong and what to do; the log level goes back to what it was once the capture is open.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator


@contextmanager
def quiet(cv2: Any) -> Iterator[None]:
    levels = getattr(getattr(cv2, "utils", None), "logging", None)
    if levels is None:      # a stand-in module in tests has no logging to quieten
        yield
        return
    previous = levels.getLogLevel()
    levels.setLogLevel(levels.LOG_LEVEL_SILENT)
    try:
        yield
    finally:
        levels.setLogLevel(previous)
