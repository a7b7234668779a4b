"""How a chat request's messages become a question, a picture and earlier turns (pure)."""
from __future__ import annotations

import pytest

from assistant.serve.chat import DEFAULT_QUESTION, cut_words, parse
from assistant.serve.errors import ApiError

PIC_A = {"url": "data:image/png;base64,AAAA"}
PIC_B = {"url": "data:image/png;base64,BBBB"}


def user(text: str = "", *pictures: dict) -> dict:
    parts = ([{"type": "text", "text": text}] if text else []) + [
        {"type": "image_url", "image_url": p} for p in pictures]
    return {"role": "user", "content": parts}


def test_a_picture_applies_to_later_questions_and_earlier_text_turns():
    chat = parse({"model": "embedded", "messages": [
        {"role": "system", "content": "Answer briefly."},
        {"role": "user", "content": "Is it dark?"},          # before any picture: about A
        {"role": "assistant", "content": "No."},
        user("What is it?", PIC_A),
        {"role": "assistant", "content": "A sign."},
        user("And this one?", PIC_B),
        {"role": "assistant", "content": "A door."},
        {"role": "user", "content": "What colour is it?"},   # no picture: B still in view
    ]}, ["embedded"], 4000)
    assert chat.question == "What colour is it?"
    assert chat.images[chat.image] == PIC_B
    assert [(e.question, e.answer, chat.images[e.image]) for e in chat.earlier] == [
        ("Is it dark?", "No.", PIC_A), ("What is it?", "A sign.", PIC_A),
        ("And this one?", "A door.", PIC_B)]


def test_a_picture_alone_asks_what_is_in_it_and_unanswered_questions_are_dropped():
    chat = parse({"model": "embedded", "messages": [user("first?", PIC_A), user("", PIC_A)]},
                 ["embedded"], 4000)
    assert chat.question == DEFAULT_QUESTION and chat.earlier == []


@pytest.mark.parametrize("body, status, code", [
    ({"model": "embedded", "messages": [user("hi", PIC_A)], "tools": [{"type": "function"}]},
     400, "unsupported_field"),
    ({"model": "embedded", "messages": [user("hi", PIC_A)],
      "response_format": {"type": "json_schema", "json_schema": {}}}, 400, "unsupported_field"),
    ({"model": "embedded", "messages": [user("hi", PIC_A)], "stop": ["\n"]}, 400, "unsupported_field"),
    ({"model": "embedded", "messages": [user("hi", PIC_A)], "logprobs": True}, 400, "unsupported_field"),
    ({"model": "gpt-4o", "messages": [user("hi", PIC_A)]}, 404, "model_not_found"),
    ({"model": "embedded", "messages": []}, 400, "invalid_messages"),
    ({"model": "embedded", "messages": [user("hi", PIC_A), {"role": "assistant", "content": "x"}]},
     400, "invalid_messages"),
    ({"model": "embedded", "messages": [user("x" * 50, PIC_A)]}, 413, "text_too_long"),
    ({"model": "embedded", "messages": [user("hi", PIC_A)], "max_tokens": 0}, 400, "invalid_value"),
    ({"model": "embedded", "messages": [user("hi", PIC_A)], "temperature": 3}, 400, "invalid_value"),
    ({"model": "embedded", "messages": [{"role": "user", "content": [{"type": "audio"}]}]},
     400, "unsupported_content"),
])
def test_bad_requests_are_refused_with_their_code(body, status, code):
    with pytest.raises(ApiError) as caught:
        parse(body, ["embedded"], 40)
    assert (caught.value.status, caught.value.code) == (status, code)
    if code == "unsupported_field":   # the field is named, so a client knows what to drop
        assert caught.value.param in body and caught.value.param in caught.value.message


def test_a_chat_with_no_picture_anywhere_is_taken_and_harmless_defaults_are_not_refused():
    chat = parse({"model": "embedded", "messages": [{"role": "user", "content": "Say hello"}],
                  "stop": None, "response_format": {"type": "text"}, "tools": [],
                  "logprobs": False, "tool_choice": "none"}, ["embedded"], 4000)
    assert chat.image is None and chat.question == "Say hello"


def test_cut_words_keeps_streamed_text_a_prefix_of_the_final_answer():
    answer = "The sign says: LAUNCH PAD. NO ENTRY."
    final, cut = cut_words(answer, 4, final=True)
    assert (final, cut) == ("The sign says: LAUNCH", True)
    sent = ""
    for end in range(1, len(answer) + 1):       # every way a stream can be split
        part, _ = cut_words(answer[:end], 4, final=False)
        assert part.startswith(sent) and final.startswith(part)
        sent = part
    assert sent == final
    assert cut_words(answer + " ", None, final=True) == (answer + " ", False)


def _data_urls(raw: bytes) -> dict[str, str]:
    """The same picture as clients send it (names say how)."""
    import base64
    import textwrap

    plain = base64.b64encode(raw).decode()
    safe = base64.urlsafe_b64encode(raw).decode()
    return {"plain": f"data:image/jpeg;base64,{plain}",
            "mime_wrapped": "data:image/jpeg;base64," + "\r\n".join(textwrap.wrap(plain, 76)),
            "pem_wrapped": "data:image/jpeg;base64,\n" + "\n".join(textwrap.wrap(plain, 64)) + "\n",
            "upper_case": f"DATA:IMAGE/JPEG;BASE64,{plain}",
            "mixed_case": f"Data:image/JPEG;Base64,{plain}",
            "url_safe": f"data:image/jpeg;base64,{safe}",
            "url_safe_unpadded": f"data:image/jpeg;base64,{safe.rstrip('=')}"}


def test_data_urls_are_read_as_clients_send_them(samples):
    from assistant.serve.images import image_bytes

    raw = (samples / "sign.jpg").read_bytes()
    variants = _data_urls(raw)
    # Real bytes where the two alphabets differ, so the URL-safe one is really exercised.
    assert variants["url_safe"] != variants["plain"] and ("-" in variants["url_safe"] or "_" in variants["url_safe"])
    for name, url in variants.items():
        assert image_bytes(url, max_mb=10, folders=[]) == raw, name
    for bad in ("data:image/jpeg;base64,@@@@", "data:image/jpeg,rawbytes",
                "data:image/jpeg;base64,QUJD*"):
        with pytest.raises(ApiError) as caught:
            image_bytes(bad, max_mb=10, folders=[])
        assert caught.value.code == "image_unreadable", bad


def test_the_pictures_of_the_last_message_are_all_kept_in_order():
    """Several pictures in the last message are each answered; those of an earlier message
    still leave only its last one in view."""
    chat = parse({"model": "embedded", "messages": [
        user("Which is brighter?", PIC_A, PIC_B),
        {"role": "assistant", "content": "The second."},
        user("And these?", PIC_B, PIC_A, PIC_B)]}, ["embedded"], 4000)
    assert [chat.images[k] for k in chat.pictures] == [PIC_B, PIC_A, PIC_B]
    assert chat.images[chat.image] == PIC_B and chat.image == chat.pictures[-1]
    assert [chat.images[e.image] for e in chat.earlier] == [PIC_B]
    single = parse({"model": "embedded", "messages": [user("What?", PIC_A)]}, ["embedded"], 4000)
    assert single.pictures == [single.image]
