"""Answers stream as they are generated and stop within a token when the turn is cancelled.

Tiny random-weight BLIP-2 (OPT and Flan-T5) saved as a user's folder would be; the streamed
pieces must join to exactly what ``answer()`` says for the same greedy settings.
"""
from __future__ import annotations

import threading
import time

import pytest

from assistant.cancel import CancelToken, Cancelled
from assistant.conversation.history import Turn
from assistant.vision import AnswerStream, stream_answer
from assistant.vision.blip2 import NO_ANSWER, Blip2Engine
from assistant.vision.streaming import THREAD_NAME, TextTidier, generate_streamed

QUESTION = "What is in the picture?"


def generating_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == THREAD_NAME and t.is_alive()]


@pytest.fixture(autouse=True)
def no_thread_left_behind():
    yield
    assert generating_threads() == []


@pytest.fixture(scope="module", params=["opt", "flan-t5"])
def folder(request, tiny_blip2_lively, tiny_blip2_t5):
    return tiny_blip2_lively if request.param == "opt" else tiny_blip2_t5


class ForwardCounter:
    """Counts the language model's forward passes (one per generated token after the prompt)."""

    def __init__(self, engine, fail_at: int = 0) -> None:
        engine.load()
        _, model, _ = engine._lazy.loaded
        self.calls = 0
        self.fail_at = fail_at
        self._handle = model.language_model.register_forward_hook(self._hook)

    def _hook(self, module, args, output):
        self.calls += 1
        if self.fail_at and self.calls >= self.fail_at:
            raise RuntimeError("boom: the generation failed")

    def remove(self) -> None:
        self._handle.remove()


@pytest.mark.parametrize("settings", [{}, {"num_beams": 2}], ids=["greedy", "beams"])
def test_streamed_pieces_join_to_the_answer(folder, photo, settings):
    engine = Blip2Engine(str(folder), device="cpu", max_new_tokens=24, **settings)
    for name in ("coffee", "astronaut"):
        image = photo(name)
        whole = engine.answer(image, QUESTION)
        streamed = stream_answer(engine, image, QUESTION)
        pieces = list(streamed)
        assert "".join(pieces) == whole.text == streamed.answer.text
        assert streamed.answer.details["prompt"] == whole.details["prompt"]
        assert streamed.answer.details["image_tokens"] == 4
        if not settings:
            # Greedy streaming stops no earlier than answer() (no marker in random words).
            assert streamed.answer.details["answer_ids"] == whole.details["answer_ids"]
            # Whole words only: each piece after the first starts at a space.
            assert all(piece.startswith(" ") for piece in pieces[1:])
        else:
            assert len(pieces) == 1   # beam search cannot stream: the text comes at the end


def test_follow_up_stream_reuses_the_image_encoding(tiny_blip2_lively, photo):
    engine = Blip2Engine(str(tiny_blip2_lively), device="cpu", max_new_tokens=6)
    coffee = photo("coffee")
    first = stream_answer(engine, coffee, QUESTION)
    list(first)
    history = (Turn(QUESTION, first.text),)
    follow = stream_answer(engine, coffee, "What colour is it?", history)
    list(follow)
    assert first.answer.details["image_encoding"] == "computed"
    assert follow.answer.details["image_encoding"] == "reused"
    assert "What colour is it?" in follow.answer.details["prompt"]
    assert QUESTION in follow.answer.details["prompt"]   # the earlier turn is context
    # For callers that iterate engine.stream() themselves.
    assert engine.last_answer is follow.answer
    assert engine.last_details["image_encoding"] == "reused"
    assert engine.last_details["engine"] == engine.name


def test_cancelling_after_the_first_piece_stops_generation_within_a_token(
        tiny_blip2_lively, photo):
    engine = Blip2Engine(str(tiny_blip2_lively), device="cpu", max_new_tokens=200,
                         min_new_tokens=200)
    counter = ForwardCounter(engine)
    token = CancelToken()
    try:
        pieces = []
        with pytest.raises(Cancelled):
            for piece in engine.stream(photo("coffee"), QUESTION, cancel=token):
                pieces.append(piece)
                if len(pieces) == 1:
                    at_cancel = counter.calls
                    cancelled_at = time.perf_counter()
                    token.cancel("barge-in")
        returned_after = time.perf_counter() - cancelled_at
    finally:
        counter.remove()
    assert len(pieces) == 1
    # The token being generated when cancel() came may finish; no more after it.
    assert counter.calls - at_cancel <= 2, (at_cancel, counter.calls)
    assert counter.calls < 60          # uncancelled, it would have run 200 passes
    assert returned_after < 1.0
    assert engine.last_answer is None  # a cut answer is never reported as an answer


def test_a_turn_cancelled_before_it_starts_generates_nothing(tiny_blip2_lively, photo):
    engine = Blip2Engine(str(tiny_blip2_lively), device="cpu", max_new_tokens=5)
    counter = ForwardCounter(engine)
    token = CancelToken()
    token.cancel()
    try:
        with pytest.raises(Cancelled):
            list(engine.stream(photo("coffee"), QUESTION, cancel=token))
        with pytest.raises(Cancelled):
            engine.answer(photo("coffee"), QUESTION, cancel=token)
    finally:
        counter.remove()
    assert counter.calls == 0


def test_answer_can_be_cancelled_from_another_thread(tiny_blip2_lively, photo):
    engine = Blip2Engine(str(tiny_blip2_lively), device="cpu", max_new_tokens=200,
                         min_new_tokens=200)
    counter = ForwardCounter(engine)
    token = CancelToken()

    def cancel_on_fifth_pass(module, args, output):
        if counter.calls == 5:
            threading.Thread(target=token.cancel).start()

    _, model, _ = engine._lazy.loaded
    handle = model.language_model.register_forward_hook(cancel_on_fifth_pass)
    try:
        with pytest.raises(Cancelled):
            engine.answer(photo("coffee"), QUESTION, cancel=token)
    finally:
        handle.remove()
        counter.remove()
    assert counter.calls < 20


def test_closing_the_stream_early_stops_generation(tiny_blip2_lively, photo):
    engine = Blip2Engine(str(tiny_blip2_lively), device="cpu", max_new_tokens=200,
                         min_new_tokens=200)
    counter = ForwardCounter(engine)
    try:
        stream = stream_answer(engine, photo("coffee"), QUESTION)
        next(iter(stream))
        stream.close()
    finally:
        counter.remove()
    assert counter.calls < 60 and stream.answer is None


def test_an_error_inside_generate_reaches_the_caller(tiny_blip2_lively, photo):
    engine = Blip2Engine(str(tiny_blip2_lively), device="cpu", max_new_tokens=20)
    counter = ForwardCounter(engine, fail_at=3)
    try:
        with pytest.raises(RuntimeError, match="boom"):
            list(engine.stream(photo("coffee"), QUESTION))
    finally:
        counter.remove()


def test_generation_stops_where_the_model_runs_on_into_a_new_turn():
    """OPT running on into "Question: ..." ends the answer and the generation."""
    import torch

    words = {1: " a", 2: " red", 3: " cup.", 4: " Question", 5: ":", 6: " what", 7: " is"}
    produced = []

    def run(streamer, criteria):
        streamer.put(torch.tensor([[0, 0]]))          # the prompt, skipped
        for token in [1, 2, 3, 4, 5, 6, 7] * 10:
            if criteria(torch.zeros((1, 1), dtype=torch.long), None).all():
                break
            produced.append(token)
            streamer.put(torch.tensor([token]))
            time.sleep(0.002)   # a real model takes time per token; the reader keeps up
        streamer.end()
        return "output"

    tidier = TextTidier(("Question:",), NO_ANSWER)
    gen = generate_streamed(run, decode=lambda ids: "".join(words[i] for i in ids),
                            tidier=tidier, purpose="test")
    pieces = AnswerStream(gen)
    joined = "".join(pieces)
    assert joined == "a red cup." == tidier.text
    assert tidier.done and len(produced) < 20
    assert pieces.answer == "output"


@pytest.mark.parametrize("raw, expected", [
    ("  a  red\ncup  ", "a red cup"),
    (" : a red cup Question: what else? Answer: x", "a red cup"),
    ("   ", NO_ANSWER),
    ("Question: nothing", NO_ANSWER),
    ("a cup: ", "a cup"),
    ("a: b", "a: b"),
])
def test_tidier_pieces_join_to_the_whole_text_tidied(raw, expected):
    assert TextTidier.tidy(raw, ("Question:",), NO_ANSWER) == expected
    for cut in range(len(raw) + 1):   # the same text, arriving in any two pieces
        tidier = TextTidier(("Question:",), NO_ANSWER)
        first = tidier.update(raw[:cut])
        second = tidier.update(raw)
        rest = tidier.finish(raw)
        assert first + second + rest == expected


def test_a_word_that_may_still_grow_is_held_back():
    tidier = TextTidier(("Question:",))
    assert tidier.update(" a red cu") == "a red"
    assert tidier.update(" a red cup Ques") == " cup"
    assert tidier.update(" a red cup Question: more") == ""
    assert tidier.done


def test_embedded_engine_streams_its_whole_answer_at_once(photo):
    from assistant.vision.embedded import EmbeddedEngine

    engine = EmbeddedEngine(announce_missing_model=False)
    image = photo("coffee")
    whole = engine.answer(image, "Is it dark in here?")
    streamed = stream_answer(engine, image, "Is it dark in here?")
    assert list(streamed) == [whole.text]
    assert engine.last_details["intent"] == "light"
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        next(engine.stream(image, "Is it dark in here?", cancel=token))


def test_grounded_engine_streams_the_vlm_reads_with_ocr_and_adds_the_text(
        tmp_path, tiny_blip2, sign_photo_path):
    from assistant.config import AppConfig
    from assistant.engines.factory import EngineFactory
    from assistant.paths import AppPaths
    from assistant.vision.grounding import GroundedEngine
    from assistant.vision.image import load_image

    paths = AppPaths(tmp_path / "config", tmp_path / "cache", tmp_path / "data")
    config = AppConfig().with_overrides(vision={"blip2_model": str(tiny_blip2),
                                                "max_new_tokens": 4})
    engine = EngineFactory(paths).vision(config.vision)
    assert isinstance(engine, GroundedEngine)
    sign = load_image(sign_photo_path)

    read = stream_answer(engine, sign, "What does the sign say?")
    assert list(read) == ['The sign says: "LAUNCH PAD. NO ENTRY".']
    assert read.answer.details["read_by"] == "ocr"

    question = "Describe what is in front of me"
    described = stream_answer(engine, sign, question)
    pieces = list(described)
    whole = engine.answer(sign, question)
    assert "".join(pieces) == whole.text == described.answer.text
    assert pieces[-1].endswith('It says: "LAUNCH PAD. NO ENTRY".')   # after the VLM's words
    assert 'Text in the picture: "LAUNCH PAD. NO ENTRY".' in described.answer.details["prompt"]
    assert engine.last_details["grounding"] == described.answer.details["grounding"]

    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        list(stream_answer(engine, sign, question, cancel=token))
