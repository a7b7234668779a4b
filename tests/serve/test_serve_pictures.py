"""Several pictures in one chat message, answered one by one (the official ``openai`` client
against a real ``assistant serve``): the sign in resources/samples and scikit-image's cat."""
from __future__ import annotations

import base64
import io
import signal

import openai
import pytest
from serve_support import data_url, start


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    served = start(tmp_path_factory.mktemp("serve"))
    yield served
    if served.proc.poll() is None:
        served.stop(signal.SIGKILL)


@pytest.fixture(scope="module")
def cat(photo) -> str:
    buffer = io.BytesIO()
    photo("chelsea").save(buffer, "JPEG")
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode()


def message(question: str, *urls: str) -> dict:
    return {"role": "user", "content": [{"type": "text", "text": question}] + [
        {"type": "image_url", "image_url": {"url": url}} for url in urls]}


def sections(text: str) -> list[str]:
    """The labelled answers in order: 'Picture 1: ...', 'Picture 2: ...'."""
    parts = text.split("\n\n")
    assert [p.split(":", 1)[0] for p in parts] == [f"Picture {n}" for n in range(1, len(parts) + 1)]
    return [p.split(":", 1)[1] for p in parts]


@pytest.mark.parametrize("order", ["sign first", "cat first"])
def test_each_picture_of_a_message_is_answered_in_order(server, cat, order):
    urls = [data_url(), cat] if order == "sign first" else [cat, data_url()]
    client = server.client()
    reply = client.chat.completions.create(model="embedded",
                                           messages=[message("What is in this picture?", *urls)])
    text = reply.choices[0].message.content
    answers = sections(text)
    assert len(answers) == 2
    sign, other = (answers[0], answers[1]) if order == "sign first" else (answers[1], answers[0])
    assert "LAUNCH PAD" in sign.upper() and "LAUNCH" not in other.upper()
    assert "cat" in other.lower().split() or "cat." in other.lower().split()
    assert reply.usage.completion_tokens == len(text.split())       # the whole answer counted
    assert [n["code"] for n in reply.model_extra["notices"]] == ["no_vision_model"]   # once

    chunks = list(client.chat.completions.create(
        model="embedded", messages=[message("What is in this picture?", *urls)], stream=True,
        stream_options={"include_usage": True}))
    joined = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert joined == text
    assert len([c for c in chunks if c.choices and c.choices[0].delta.content]) >= 4  # label, answer x 2
    assert chunks[-1].usage.completion_tokens == len(text.split())


def test_max_tokens_counts_over_every_picture_streamed_or_not(server, cat):
    client = server.client()
    # A cut inside the second picture's answer ("What is in this picture?" is a description:
    # a sentence or two for each picture).
    whole = client.chat.completions.create(model="embedded", max_tokens=12,
                                           messages=[message("What is in this picture?", data_url(), cat)])
    full = client.chat.completions.create(model="embedded",
                                          messages=[message("What is in this picture?", data_url(), cat)])
    words = full.choices[0].message.content.split()
    assert len(words) > 12                                            # so the cut is real
    assert whole.choices[0].message.content.split() == words[:12]
    assert whole.choices[0].finish_reason == "length" and whole.usage.completion_tokens == 12
    chunks = list(client.chat.completions.create(
        model="embedded", max_tokens=12, stream=True,
        messages=[message("What is in this picture?", data_url(), cat)]))
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == whole.choices[0].message.content
    assert chunks[-1].choices[0].finish_reason == "length"


@pytest.mark.parametrize("broken_at", [0, 1])
def test_a_damaged_picture_of_several_is_a_400_streamed_or_not(server, cat, broken_at):
    """Streamed too: every picture is read before the first chunk, so the client gets the
    status, not an answer about the first picture cut short by an error."""
    broken = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"x" * 200).decode()
    urls = [cat, cat]
    urls[broken_at] = broken
    client = server.client()
    for stream in (False, True):
        with pytest.raises(openai.BadRequestError) as caught:
            result = client.chat.completions.create(
                model="embedded", stream=stream, messages=[message("What is it?", *urls)])
            list(result) if stream else None
        assert caught.value.body["code"] == "image_unreadable"
        assert caught.value.body["param"] == "image_url"


def test_pictures_of_earlier_turns_stay_as_they_were(server, cat):
    """Two pictures in an earlier message and a follow-up without one: the last picture of
    that message is in view, as before (one answer, no labels)."""
    client = server.client()
    reply = client.chat.completions.create(model="embedded", messages=[
        message("What is in this picture?", cat, data_url()),
        {"role": "assistant", "content": "Picture 1: A cat.\n\nPicture 2: A sign."},
        {"role": "user", "content": "What does the text say?"}])
    text = reply.choices[0].message.content
    assert "Picture" not in text and "LAUNCH PAD" in text.upper()
