"""Streamed, cancellable generation for the Hugging Face vision engines.

``generate_streamed`` runs ``generate`` on a helper thread with a token streamer and a
stopping criterion that ends generation once the turn's ``CancelToken`` is cancelled (within
one token), and yields the answer's text as it grows. The text goes through ``TextTidier``,
the same tidy-up ``answer()`` applies to the whole text (one line, no stray separators, cut
where the model runs on into an invented next turn), so the pieces joined are exactly the
answer ``answer()`` gives for the same settings.

torch and transformers are imported only when generation runs.
"""
from __future__ import annotations

import logging
import queue
import re
import threading
from typing import Any, Callable, Generator, Sequence

from ..cancel import NEVER, CancelToken
from .hf_common import running_guarded, torch_module, transformers_module

log = logging.getLogger(__name__)

THREAD_NAME = "vision-generate"
JOIN_TIMEOUT_S = 30.0   # a stopped generation ends after its current forward pass
_LAST_SPACE = re.compile(r"\s(?=\S*$)")
_END = object()
_WAKE = object()


class TextTidier:
    """The answer's visible text, growing: emitted pieces never change afterwards.

    ``update(raw)`` takes the whole decoded text so far and returns what may be shown now:
    complete words only (the last one may still grow, or turn out to start a marker), one
    space between words, no leading or trailing spaces and colons. A ``marker`` ("Question:",
    "USER:") ends the answer: ``done`` turns True and nothing after it is shown.
    ``finish(raw)`` returns the rest at the end, or ``fallback`` when nothing was said.
    """

    def __init__(self, markers: Sequence[str] = (), fallback: str = "") -> None:
        self._markers = tuple(markers)
        self._fallback = fallback
        self.text = ""       # everything returned so far, joined
        self.done = False    # a marker was reached: generating more is wasted

    def update(self, raw: str) -> str:
        return self._advance(self._visible(raw, final=False))

    def finish(self, raw: str) -> str:
        text = self._visible(raw, final=True) or self._fallback
        if not text.startswith(self.text):
            # A tokenizer clean-up changed text already shown; what was shown stays the answer.
            log.warning("streamed text %r is not a prefix of the final %r", self.text, text)
            return ""
        return self._advance(text)

    @classmethod
    def tidy(cls, raw: str, markers: Sequence[str] = (), fallback: str = "") -> str:
        """The whole answer at once: what ``finish`` gives without any ``update`` first."""
        return cls(markers, fallback).finish(raw)

    def _visible(self, raw: str, *, final: bool) -> str:
        hits = [i for i in (raw.find(m) for m in self._markers) if i >= 0]
        if hits:
            raw, final, self.done = raw[:min(hits)], True, True
        if not final:
            last = _LAST_SPACE.search(raw)
            raw = raw[:last.start()] if last else ""
        return " ".join(raw.split()).strip(" :")

    def _advance(self, text: str) -> str:
        if not text.startswith(self.text):
            return ""   # held until a later decode agrees with what was shown
        piece, self.text = text[len(self.text):], text
        return piece


class TokenQueue:
    """A ``generate()`` streamer: the prompt is skipped, each new token id goes to a queue."""

    def __init__(self) -> None:
        self._queue: queue.Queue = queue.Queue()
        self._prompt_seen = False

    def put(self, value: Any) -> None:
        if not self._prompt_seen:   # generate() first hands over the prompt
            self._prompt_seen = True
            return
        self._queue.put([int(i) for i in value.reshape(-1).tolist()])

    def end(self) -> None:
        self._queue.put(_END)

    def wake(self) -> None:
        self._queue.put(_WAKE)

    def get(self, timeout: float) -> Any:
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            return None

    def get_nowait(self) -> Any:
        try:
            return self._queue.get_nowait()
        except queue.Empty:
            return None


def stop_criteria(cancel: CancelToken, stop: threading.Event, purpose: str):
    """A ``StoppingCriteriaList`` that ends generation once ``cancel`` or ``stop`` is set."""
    transformers = transformers_module(purpose)
    torch = torch_module(purpose)

    class _Stop(transformers.StoppingCriteria):
        def __call__(self, input_ids, scores, **kwargs):
            flag = cancel.cancelled or stop.is_set()
            return torch.full((input_ids.shape[0],), flag, dtype=torch.bool,
                              device=input_ids.device)

    return transformers.StoppingCriteriaList([_Stop()])


def generate_blocking(run: Callable[[Any, Any], Any], *, cancel: CancelToken,
                      purpose: str) -> Any:
    """``run(None, criteria)`` on this thread; raises ``Cancelled`` when cancelled meanwhile."""
    cancel.check()
    criteria = stop_criteria(cancel, threading.Event(), purpose)
    with running_guarded(purpose):
        output = run(None, criteria)
    cancel.check()
    return output


def generate_streamed(run: Callable[[Any, Any], Any], *, decode: Callable[[list[int]], str],
                      tidier: TextTidier, cancel: CancelToken = NEVER, purpose: str,
                      stream_tokens: bool = True,
                      join_timeout: float = JOIN_TIMEOUT_S) -> Generator[str, None, Any]:
    """Yield the answer's text as ``run(streamer, criteria)`` generates it; return its output.

    ``run`` calls ``generate(..., streamer=streamer, stopping_criteria=criteria)`` (streamer
    None when ``stream_tokens`` is False: beam search cannot stream, so its text comes at the
    end, from the output). Generation runs on a helper thread that is always joined before
    this returns or raises; its errors are raised here. Cancelled: stops within one token and
    raises ``Cancelled``. The caller decodes the output, feeds ``tidier.finish`` and yields
    the rest.
    """
    cancel.check()
    stop = threading.Event()
    tokens = TokenQueue()
    criteria = stop_criteria(cancel, stop, purpose)
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            with running_guarded(purpose):   # inference mode is per thread: enter it here
                box["output"] = run(tokens if stream_tokens else None, criteria)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            box["error"] = exc
        finally:
            tokens.end()

    thread = threading.Thread(target=work, name=THREAD_NAME, daemon=True)
    if cancel is not NEVER:
        cancel.on_cancel(tokens.wake)   # a waiting reader notices at once
    thread.start()
    ids: list[int] = []
    try:
        ended = False
        while not ended and not cancel.cancelled:
            item = tokens.get(timeout=1.0)
            if item is None and not thread.is_alive():
                break
            fresh = False
            while item is not None:   # take everything already there, decode once
                if item is _END:
                    ended = True
                elif item is not _WAKE:
                    ids.extend(item)
                    fresh = True
                item = tokens.get_nowait()
            if fresh and not tidier.done and not cancel.cancelled:
                piece = tidier.update(decode(ids))
                if tidier.done:
                    stop.set()   # the model ran on into a made-up turn: the rest is unused
                if piece:
                    yield piece
    finally:
        stop.set()
        thread.join(join_timeout)
        if thread.is_alive():
            log.warning("generation did not stop within %.0f s", join_timeout)
    if "error" in box:
        raise box["error"]
    cancel.check()
    return box.get("output")
