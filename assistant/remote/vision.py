"""Vision on an OpenAI-compatible server (vLLM, Ollama, llama.cpp, another 'assistant serve').

``OpenAIVisionEngine`` is a vision-language model that happens to live on another machine:
the frame goes as a JPEG data URL, the question as text, earlier turns about the same
picture as earlier messages, and what OCR and the object detector measured here as a
line before the question (``context``, which ``GroundedEngine`` fills in, as for a local
LLaVA). The answer is streamed back (``stream=True``) piece by piece; a cancelled turn stops
reading and closes the connection. ``FallbackVision`` (``fallback.py``) puts the embedded
engine behind it for when the server cannot be reached.
"""
from __future__ import annotations

import base64
import io
import logging
import queue
import threading
from typing import TYPE_CHECKING, Any, Generator, Iterator, Sequence

from ..cancel import NEVER, Cancelled, CancelToken
from . import link as links
from ..vision import LastAnswer, VisionAnswer, runtime_subset

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn

log = logging.getLogger(__name__)

STYLE = "Answer in one or two short sentences."   # spoken answers: short ones (as for LLaVA)
SYSTEM = "You answer questions about a photo for a person who may not be able to see it."
MAX_SIDE = 1280        # pixels: a bigger frame costs upload time and image tokens, not accuracy
JPEG_QUALITY = 85
NO_ANSWER = "The vision server gave no answer."
RUNTIME = ("max_new_tokens", "temperature", "do_sample", "history_turns")


def image_url(image: "Image.Image", max_side: int = MAX_SIDE) -> str:
    """The frame as a ``data:image/jpeg;base64,...`` URL, scaled down to ``max_side``."""
    picture = image.convert("RGB")
    if max(picture.size) > max_side:
        scale = max_side / max(picture.size)
        picture = picture.resize((max(1, round(picture.width * scale)),
                                  max(1, round(picture.height * scale))))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def messages(image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
             context: str = "", style: str = STYLE) -> list[dict]:
    """Chat messages: how to answer and what was measured (system), earlier turns as text,
    then the frame and the question in one user message.

    One image per request: vLLM allows one by default (``--limit-mm-per-prompt``) and the
    earlier turns were about this same picture. The question stays the user's own words,
    so a server that routes on them (another 'assistant serve') routes it right.
    """
    from ..i18n import answer_instruction, current

    measured = f" Measured on the user's device: {_clean(context)}" if context.strip() else ""
    style = f"{style} {answer_instruction(current())}".strip()   # the reply language
    said: list[dict] = [{"role": "system", "content": f"{SYSTEM} {style}{measured}".strip()}]
    for turn in history:
        said.append({"role": "user", "content": _clean(turn.question)})
        said.append({"role": "assistant", "content": _clean(turn.answer)})
    said.append({"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": image_url(image)}},
        {"type": "text", "text": _clean(question)},
    ]})
    return said


class OpenAIVisionEngine(LastAnswer):
    """A VisionEngine whose model runs on an OpenAI-compatible server."""

    announce_missing_model = False   # the protocol's notice flag: the server has the model

    def __init__(self, link: "links.RemoteLink", *, model: str = "", max_new_tokens: int = 60,
                 temperature: float = 1.0, do_sample: bool = False, history_turns: int = 3,
                 **_unused: Any) -> None:
        self.link = link
        self._model = model          # "": the first model the server lists, asked once
        self._settings: dict[str, Any] = {}
        self.configure(max_new_tokens=max_new_tokens, temperature=temperature,
                       do_sample=do_sample, history_turns=history_turns)

    @property
    def name(self) -> str:
        return f"openai:{self._model or 'auto'}@{self.link.host}"

    @property
    def device(self) -> str:
        return "remote"

    @property
    def model(self) -> str:
        """The model asked for: the setting, or the server's first one (one request, kept)."""
        if not self._model:
            self._model = self.link.first_model()
        return self._model

    def load(self) -> None:
        """Ask the server which model it serves (when none was set): it answers or it fails."""
        _ = self.model

    def warm_up(self) -> None:
        """Nothing to run here: the server keeps its model warm."""

    def configure(self, **runtime: Any) -> None:
        self._settings.update(runtime_subset(runtime, RUNTIME))

    def close(self) -> None:
        self.link.close()

    def answer(self, image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
               context: str = "", cancel: CancelToken = NEVER) -> VisionAnswer:
        pieces = self.stream(image, question, history, context=context, cancel=cancel)
        while True:
            try:
                next(pieces)
            except StopIteration as done:
                return done.value

    def stream(self, image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
               context: str = "", cancel: CancelToken = NEVER
               ) -> Generator[str, None, VisionAnswer]:
        """The server's answer as it writes it; raises the client's error when it fails."""
        cancel.check()
        turns = self._settings["history_turns"]
        request = dict(model=self.model, stream=True,
                       messages=messages(image, question, tuple(history)[-turns:] if turns else (),
                                         context=context),
                       max_tokens=self._settings["max_new_tokens"],
                       temperature=self._settings["temperature"] if self._settings["do_sample"]
                       else 0.0)
        parts: list[str] = []
        finish = ""
        for chunk in _chunks(self.link.client, request, cancel):
            for choice in getattr(chunk, "choices", None) or ():
                piece = getattr(choice.delta, "content", None) or ""
                finish = getattr(choice, "finish_reason", None) or finish
                if piece and not parts:
                    piece = piece.lstrip()
                if piece:
                    parts.append(piece)
                    yield piece
        cancel.check()
        self.link.answered()
        if not parts:   # a server that stopped at once: say so rather than nothing
            parts.append(NO_ANSWER)
            yield NO_ANSWER
        answer = VisionAnswer(text="".join(parts).rstrip(), engine=self.name, device=self.device,
                              details={"server": self.link.host, "model": self.model,
                                       "finish_reason": finish, "measurements": context})
        self.last_answer = answer
        return answer


def _chunks(client: Any, request: dict, cancel: CancelToken) -> Iterator[Any]:
    """The streamed chunks, read on a helper thread so a cancel is obeyed at once.

    A blocked socket read cannot be woken from another thread; the reader instead ends by
    itself at the next chunk or the read timeout, and its connection is closed then.
    """
    chunks: queue.Queue = queue.Queue()
    stop = threading.Event()

    def read() -> None:
        try:
            response = client.chat.completions.create(**request)
            try:
                for chunk in response:
                    if stop.is_set():
                        break
                    chunks.put((_CHUNK, chunk))
            finally:
                response.close()
            chunks.put((_END, None))
        except BaseException as exc:  # noqa: BLE001 - handed to the reading thread
            chunks.put((_FAILED, exc))

    cancel.on_cancel(lambda: chunks.put((_CANCELLED, None)))
    threading.Thread(target=read, name="remote-vision-stream", daemon=True).start()
    try:
        while True:
            kind, item = chunks.get()
            if kind == _CHUNK:
                yield item
            elif kind == _FAILED:
                raise item
            elif kind == _CANCELLED or cancel.cancelled:
                raise Cancelled(cancel.reason)
            else:
                return
    finally:
        stop.set()


_CHUNK, _END, _FAILED, _CANCELLED = "chunk", "end", "failed", "cancelled"


def _clean(text: str) -> str:
    return " ".join(str(text).split())
