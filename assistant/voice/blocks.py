"""The conversation's listener thread: microphone blocks and key presses, in the order they
came, handed to the ``Listener`` (VAD, segmenter, echo check, barge-in, push-to-talk).

The microphone's callback only queues (``on_block``); a stalled listener drops the oldest
audio rather than blocking the sound card. Key presses, hands-free switches, new options and
a drain marker travel in the same queue, so each applies between two blocks, never inside one.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from typing import Any, Callable

import numpy as np

from .listener import Listener

log = logging.getLogger(__name__)

BLOCK_QUEUE = 400                       # about 13 s of 32 ms blocks: a stall, not normal use


class ListenerThread:
    """Feeds ``listener`` from one bounded queue on a thread of its own (``run``)."""

    def __init__(self, listener: Listener, closing: threading.Event,
                 on_drain: Callable[[threading.Event], None]) -> None:
        self.listener = listener
        self.closing = closing
        self.on_drain = on_drain          # after the open utterance is closed: queue the marker
        self.queue: queue.Queue[Any] = queue.Queue(maxsize=BLOCK_QUEUE)
        self.dropped = 0

    # -- from any thread ---------------------------------------------------------------
    def on_block(self, block: np.ndarray) -> None:
        """The microphone's callback: never waits."""
        try:
            self.queue.put_nowait((block, time.monotonic()))
        except queue.Full:   # the listener is stuck: newest audio matters more
            self.dropped += 1
            if self.dropped % 100 == 1:
                log.warning("dropped %d audio blocks: listening is behind", self.dropped)

    def press(self, pressed: bool) -> None:
        offer(self.queue, ("press" if pressed else "release", time.monotonic()))

    def set_hands_free(self, on: bool) -> None:
        offer(self.queue, ("hands_free", on))

    def configure(self, options: Any) -> None:
        offer(self.queue, ("options", options))

    def drain(self, done: threading.Event, timeout: float) -> bool:
        """Close the open utterance, then ``on_drain(done)``; False when the queue stayed full."""
        try:
            self.queue.put(("drain", done), timeout=timeout)
        except queue.Full:
            return False
        return True

    def stop(self) -> None:
        offer(self.queue, None, timeout=0.1)

    # -- the thread --------------------------------------------------------------------
    def run(self) -> None:
        while not self.closing.is_set():
            try:
                item = self.queue.get(timeout=0.1)
            except queue.Empty:
                self.listener.tick(time.monotonic())   # a key released with no audio flowing
                continue
            if item is None:
                return
            try:
                self._item(item)
            except Exception:  # a bug here must not stop hearing
                log.exception("listening failed on a block")

    def _item(self, item: Any) -> None:
        kind, value = item
        if isinstance(kind, np.ndarray):
            self.listener.block(kind, value)
        elif kind == "press":
            self.listener.press(value)
        elif kind == "release":
            self.listener.release(value)
        elif kind == "hands_free":
            self.listener.set_hands_free(value)
        elif kind == "options":
            self.listener.configure(value)
        elif kind == "drain":
            self.listener.flush(time.monotonic())
            self.on_drain(value)               # behind the utterances just finished


def offer(q: queue.Queue, item: Any, timeout: float = 0.5) -> None:
    """Put ``item`` in ``q``, waiting at most ``timeout``; a queue that stays full drops it, said."""
    try:
        q.put(item, timeout=timeout)
    except queue.Full:
        log.warning("a queue stayed full; dropping %r", type(item).__name__)
