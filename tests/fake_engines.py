"""The bases of the tests' stand-in engines: the whole ``VisionEngine`` protocol, so a
fake is used exactly as the real engines are (tests/core/test_core_contracts.py checks it).

A fake says only what its test is about (``answer``, or ``stream`` for one that writes word
by word); the rest behaves as an engine with nothing to load: lifecycle calls do nothing,
unknown run-time settings are refused as the real engines refuse them, and ``stream`` gives
the whole answer in one piece, as the one-piece engines (embedded, CLIP) do.
"""
from __future__ import annotations

from typing import Any, Generator, Sequence

from assistant.asr import TranscribeOptions, Transcription
from assistant.cancel import NEVER, CancelToken
from assistant.config import AsrConfig
from assistant.vision import VisionAnswer, runtime_subset


class FakeVision:
    name = "fake"
    device = "cpu"
    announce_missing_model = False

    def load(self) -> None:
        pass

    def warm_up(self) -> None:
        pass

    def close(self) -> None:
        pass

    def configure(self, **runtime: Any) -> None:
        runtime_subset(runtime, ())

    def answer(self, image: Any, question: str, history: Sequence[Any] = (), *,
               context: str = "", cancel: CancelToken = NEVER) -> VisionAnswer:
        raise NotImplementedError("a fake engine says what it answers")

    def stream(self, image: Any, question: str, history: Sequence[Any] = (), *,
               context: str = "", cancel: CancelToken = NEVER
               ) -> Generator[str, None, VisionAnswer]:
        cancel.check()
        answer = self.answer(image, question, history, context=context, cancel=cancel)
        cancel.check()
        yield answer.text
        return answer


class FakeTranscriber:
    """A transcriber with nothing to load: a fake says what ``transcribe`` hears."""

    name = "fake-asr"
    device = "cpu"
    config = AsrConfig()

    def load(self, language: str | None = None, task: str | None = None) -> None:
        pass

    def warm_up(self) -> None:
        pass

    def close(self) -> None:
        pass

    def transcribe(self, audio: Any, options: TranscribeOptions = TranscribeOptions()) -> Transcription:
        raise NotImplementedError("a fake transcriber says what it hears")

    def transcribe_file(self, path: Any, options: TranscribeOptions = TranscribeOptions()) -> Transcription:
        raise NotImplementedError("a fake transcriber says what it hears")
