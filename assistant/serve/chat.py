"""``POST /v1/chat/completions``: questions about pictures, answered by the vision engine.

A request's ``messages`` are its whole context (the server keeps nothing between
requests): earlier user/assistant pairs become the turns the pipeline uses for
follow-ups, and a picture sent in an earlier message applies to later questions that
carry none (turns before any picture are about the first picture sent after them).
Several pictures in the last message: the question is answered about each in turn, in one
answer labelled "Picture 1: ...", "Picture 2: ..." (each engine answers one picture at a
time; an earlier message's pictures leave its last one in view, as one picture does).
System messages are read by no engine here and are skipped. ``stream: true`` sends server-sent events: ``chat.completion.chunk`` objects
(the role, the answer's pieces as the engine writes them, a last one with
``finish_reason``), then ``data: [DONE]``. "Tokens" in ``max_tokens`` and ``usage`` are
words: the embedded engine has no tokenizer.
"""
from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Callable

from ..voice.events import next_turn_id
from . import models
from .errors import ApiError, bad_request, error_for
from .images import decode_image, image_bytes
from .limits import MAX_PICTURES, check_text

DEFAULT_QUESTION = "What is in this picture?"   # a picture sent with no words
# A chat with no picture anywhere (a client's "Say hello", a chat window's title request):
# said plainly rather than refused, since clients treat a 400 there as a broken server.
NO_PICTURE = ("I answer questions about pictures: send a picture with your question (an "
              "image_url part), and I will describe it, read its text or answer about it.")
NO_PICTURE_NOTICE = {"code": "no_picture",
                     "message": "The request had no picture, so no vision engine was asked."}
ROLES = ("system", "developer", "user", "assistant", "tool")


@dataclass
class Exchange:
    question: str
    image: int | None          # index into Chat.images of the picture in view then
    answer: str | None = None


@dataclass
class Chat:
    model: str
    earlier: list[Exchange]
    question: str
    image: int | None           # None: no picture anywhere in the conversation
    images: list[Any]           # the image_url values, in order
    pictures: list[int] = field(default_factory=list)   # those of the last message (indexes)
    stream: bool = False
    max_words: int | None = None
    temperature: float | None = None
    include_usage: bool = False
    prompt_words: int = 0
    extra: dict = field(default_factory=dict)
    accept_language: str | None = None   # the request's Accept-Language, as one of ours


def parse(body: Any, known_models: list[str], max_text: int) -> Chat:
    """Check a request body and find its question, picture and earlier turns (no decoding)."""
    if not isinstance(body, dict):
        raise bad_request("The request body must be a JSON object.", "invalid_json")
    model = models.check(body.get("model"), known_models)
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise bad_request("'messages' must be a non-empty list.", "invalid_messages", "messages")
    if body.get("n") not in (None, 1):
        raise bad_request("Only one answer per request (n=1) is given.", "unsupported", "n")
    exchanges: list[Exchange] = []
    images: list[Any] = []
    current: int | None = None
    last_pictures: list[int] = []
    words = 0
    for i, message in enumerate(messages):
        if not isinstance(message, dict) or message.get("role") not in ROLES:
            raise bad_request(f"messages[{i}] needs a role: one of {', '.join(ROLES)}.",
                              "invalid_messages", f"messages[{i}]")
        text, pictures = _content(message.get("content"), i)
        check_text(text, max_text, f"messages[{i}].content")
        words += len(text.split())
        role = message["role"]
        if role == "user":
            last_pictures = []
            for picture in pictures:
                images.append(picture)
                current = len(images) - 1
                last_pictures.append(current)
            exchanges.append(Exchange(text.strip(), current))
        elif role == "assistant" and exchanges and exchanges[-1].answer is None:
            exchanges[-1].answer = text.strip()
        elif pictures:
            raise bad_request("Only user messages may carry pictures.", "invalid_messages",
                              f"messages[{i}]")
        # system/developer/tool messages: the vision engines take no instructions; skipped.
    if len(images) > MAX_PICTURES:
        raise bad_request(f"A chat request may carry up to {MAX_PICTURES} pictures; this one has "
                          f"{len(images)}. Send the earlier turns as text, with only the pictures "
                          "they are about.", "too_many_images", "messages")
    if messages[-1].get("role") != "user":
        raise bad_request("The last message must be the user's question.", "invalid_messages", "messages")
    _refuse_unsupported(body)
    last = exchanges[-1]
    # Turns before any picture are about the first one sent after them: clients (our remote
    # engine among them) send earlier turns as text and the picture with the last question.
    following = last.image
    for e in reversed(exchanges):
        if e.image is None:
            e.image = following
        following = e.image
    earlier = [e for e in exchanges[:-1] if e.answer]   # a question never answered is no context
    chat = Chat(model=model, earlier=earlier, question=last.question or DEFAULT_QUESTION,
                image=last.image, images=images, pictures=last_pictures,
                stream=bool(body.get("stream")), prompt_words=words)
    chat.max_words = _max_tokens(body)
    chat.temperature = _temperature(body.get("temperature"))
    options = body.get("stream_options")
    chat.include_usage = isinstance(options, dict) and bool(options.get("include_usage"))
    return chat


def _refuse_unsupported(body: dict) -> None:
    """Fields a client relies on that these engines cannot honour: a 400 naming the field,
    never silently ignored (LangChain's structured output returned None when it was)."""
    asked = {
        "tools": bool(body.get("tools")), "functions": bool(body.get("functions")),
        "tool_choice": body.get("tool_choice") not in (None, "none", "auto"),
        "function_call": body.get("function_call") not in (None, "none", "auto"),
        "response_format": isinstance(body.get("response_format"), dict)
        and body["response_format"].get("type") not in (None, "text"),
        "stop": body.get("stop") not in (None, "", []),
        "logprobs": bool(body.get("logprobs")), "top_logprobs": bool(body.get("top_logprobs")),
    }
    for name, used in asked.items():
        if used:
            raise bad_request(f"'{name}' is not supported by this server: its vision engines "
                              "answer in plain text only. Leave it out of the request.",
                              "unsupported_field", name)


def _content(content: Any, i: int) -> tuple[str, list[Any]]:
    """A message's text (its text parts joined) and its pictures."""
    if content is None or isinstance(content, str):
        return content or "", []
    if not isinstance(content, list):
        raise bad_request(f"messages[{i}].content must be text or a list of parts.",
                          "invalid_messages", f"messages[{i}].content")
    texts, pictures = [], []
    for part in content:
        kind = part.get("type") if isinstance(part, dict) else None
        if kind == "text" and isinstance(part.get("text"), str):
            texts.append(part["text"])
        elif kind == "image_url":
            pictures.append(part.get("image_url"))
        elif kind == "refusal":
            continue
        else:
            raise bad_request(f"messages[{i}] has a part of type {kind!r}; parts of type 'text' "
                              "and 'image_url' are taken.", "unsupported_content", f"messages[{i}].content")
    return " ".join(texts), pictures


def _max_tokens(body: dict) -> int | None:
    value = body.get("max_completion_tokens", body.get("max_tokens"))
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100_000:
        raise bad_request("max_tokens must be a whole number from 1 to 100000.", "invalid_value",
                          "max_tokens")
    return value


def _temperature(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 2:
        raise bad_request("temperature must be a number from 0 to 2.", "invalid_value", "temperature")
    return float(value)


def cut_words(text: str, limit: int | None, *, final: bool) -> tuple[str, bool]:
    """``text`` up to its ``limit``-th word, and whether words were cut.

    While streaming (``final`` False) the text ends at a word's end, so what was sent is
    always the start of the final answer, cut or not.
    """
    ends = [m.end() for m in re.finditer(r"\S+", text)]
    if limit is not None and len(ends) > limit:
        return text[:ends[limit - 1]], True
    if final:
        return text, False
    return text[:ends[-1]] if ends else "", False


def work(chat: Chat, runtime, post: Callable[[str, Any], None] | None = None):
    """The worker's part: decode the pictures, then answer (streamed through ``post``).

    Several pictures in the last message: the question is answered about each in turn,
    labelled ("Picture 1: ..."), each decoded only when its turn comes (one picture's memory
    at a time), all within the request's one deadline and cancel token."""
    from ..conversation.history import Turn
    from ..vision.image import image_id, scene_hash

    serve = runtime.config.serve

    def decode(k: int, scratch):
        return decode_image(image_bytes(chat.images[k], max_mb=serve.max_image_mb,
                                        folders=list(serve.allowed_folders)), scratch)

    def job(cancel, post=post):
        needed = sorted({e.image for e in chat.earlier if e.image is not None})
        # One picture decoded at a time: an earlier turn's is kept only as its ids (which
        # turns were about the picture in view), so the memory is one picture's, not all.
        ids = {}
        with runtime.scratch_dir() as scratch:
            for k in needed:
                cancel.check()      # a request gone or past its deadline decodes no more
                img = decode(k, scratch)
                ids[k] = (image_id(img), scene_hash(img))
                del img
            turns = [Turn(question=e.question or DEFAULT_QUESTION, answer=e.answer or "",
                          image_id=ids[e.image][0] if e.image is not None else "",
                          scene=ids[e.image][1] if e.image is not None else "")
                     for e in chat.earlier]
            shown = chat.pictures if len(chat.pictures) > 1 else [chat.image]
            if post is not None and len(shown) > 1:
                # A stream's status goes out with its first chunk: every picture is checked
                # (decoded, then dropped) first, so a damaged one is a 400, not a cut stream.
                for k in shown:
                    cancel.check()
                    decode(k, scratch)      # the picture is dropped at once
            return _answer_each(chat, runtime, shown, turns, cancel, post,
                                lambda k: decode(k, scratch))

    return job


def request_language(chat: Chat) -> str | None:
    """The language the chat is answered in: its question's (the words the user wrote, not
    our DEFAULT_QUESTION), else its Accept-Language header, else None (the server's setting)."""
    from ..i18n import text_language

    written = None if chat.question == DEFAULT_QUESTION else text_language(chat.question)
    return written or chat.accept_language


def _answer_each(chat: Chat, runtime, shown: list[int], turns: list, cancel, post,
                 decode: Callable[[int], Any]):
    """The question about each picture in ``shown``; one answer, labelled when several."""
    several = len(shown) > 1
    parts: list[str] = []
    results: list[Any] = []
    told_ready = False
    spent = False
    for n, k in enumerate(shown, 1):
        label = (f"Picture {n}: " if n == 1 else f"\n\nPicture {n}: ") if several else ""
        left = None if chat.max_words is None else chat.max_words - len(("".join(parts) + label).split())
        if left is not None and left <= 0:
            spent = True                # max_tokens spent: no more pictures answered
            break
        cancel.check()
        picture = decode(k)            # a damaged picture: its error, before any answer
        if post is not None and not told_ready:
            post("ready", None)
            told_ready = True
        streamed: list[str] = []
        if post is not None and label:
            post("piece", label)

        def on_text(piece: str, streamed=streamed) -> None:
            streamed.append(piece)
            post("piece", piece)

        tuning = {"max_new_tokens": left, "temperature": chat.temperature}
        result = runtime.answer(picture, chat.question, turns, cancel,
                                on_text=on_text if post is not None else None, tuning=tuning,
                                language=request_language(chat))
        del picture
        sent = "".join(streamed)
        if post is not None and result.answer.startswith(sent) and len(result.answer) > len(sent):
            post("piece", result.answer[len(sent):])    # an engine that did not stream it all
        parts.append(label + result.answer)
        results.append(result)
    if not several:
        return results[0]
    return Answers("".join(parts), _merged_notices(results), cut=spent)


@dataclass
class Answers:
    """Several pictures' answers as one: the labelled text and each notice once; ``cut``:
    ``max_tokens`` ran out exactly at a picture's end, with pictures left unanswered."""
    answer: str
    notices: list
    cut: bool = False


def _merged_notices(results: list) -> list:
    seen, merged = set(), []
    for result in results:
        for notice in getattr(result, "notices", ()):
            if notice.code not in seen:
                seen.add(notice.code)
                merged.append(notice)
    return merged


def _notices(result) -> list[dict]:
    """The answer's notices (worded by ``runtime.api_words``): a field beside "choices" (the
    last chunk of a stream), never in the answer's content."""
    if isinstance(result, _Said):
        return [NO_PICTURE_NOTICE]
    return [{"code": n.code, "message": n.message} for n in getattr(result, "notices", ())]


def _usage(chat: Chat, answer: str) -> dict:
    done = len(answer.split())
    return {"prompt_tokens": chat.prompt_words, "completion_tokens": done,
            "total_tokens": chat.prompt_words + done}


@dataclass
class _Said:
    """The server's own answer (no picture): no engine was asked."""
    answer: str = NO_PICTURE


async def complete(chat: Chat, runtime, *, receive=None) -> dict:
    turn_id = next_turn_id()
    if chat.image is None:
        result: Any = _Said()
    else:
        result = await runtime.run("vision", lambda cancel: work(chat, runtime)(cancel, None),
                                   receive=receive)
    text, cut = cut_words(result.answer, chat.max_words, final=True)
    cut = cut or getattr(result, "cut", False)
    return {"id": _completion_id(turn_id), "turn_id": turn_id, "object": "chat.completion",
            "created": int(time.time()), "model": chat.model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": "length" if cut else "stop"}],
            "usage": _usage(chat, text), "notices": _notices(result)}


async def start_stream(chat: Chat, runtime) -> AsyncIterator[str]:
    """The SSE lines; bad input (a damaged picture...) raises here, before any is sent."""
    if chat.image is None:
        return _sse(chat, _said())
    events = runtime.stream(work(chat, runtime))
    kind, _ = await events.__anext__()       # "ready": the pictures were fine
    return _sse(chat, events)


async def _said() -> AsyncIterator[tuple[str, Any]]:
    yield "done", _Said()


def _completion_id(turn_id: int) -> str:
    """OpenAI's id for a completion: unique across runs (the uuid), and naming the turn."""
    return f"chatcmpl-{turn_id}-{uuid.uuid4().hex[:16]}"


async def _sse(chat: Chat, events) -> AsyncIterator[str]:
    # The turn's id (as the window's rows and `listen --json` have it) on every chunk, so a
    # client reading several streams at once never joins one answer's pieces to another's.
    turn_id = next_turn_id()
    ident, created = _completion_id(turn_id), int(time.time())

    def chunk(delta: dict, finish: str | None = None, **extra) -> str:
        obj = {"id": ident, "turn_id": turn_id, "object": "chat.completion.chunk", "created": created,
               "model": chat.model, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
        obj.update(extra)
        return f"data: {json.dumps(obj, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    full = sent = ""
    cut = False
    notices: list[dict] = []
    try:
        async for kind, value in events:
            if kind == "piece":
                full += value
                allowed, cut = cut_words(full, chat.max_words, final=False)
            elif kind == "done":   # the final text: what a request without stream gets
                allowed, cut = cut_words(value.answer, chat.max_words, final=True)
                cut = cut or getattr(value, "cut", False)
                notices = _notices(value)
            else:
                continue
            if len(allowed) > len(sent) and allowed.startswith(sent):
                yield chunk({"content": allowed[len(sent):]})
                sent = allowed
            if cut:
                break
    except ApiError as exc:
        yield f"data: {json.dumps({**exc.body(), 'turn_id': turn_id})}\n\n"
        return
    except Exception as exc:  # noqa: BLE001 - the status is sent; the error goes in the stream
        yield f"data: {json.dumps({**error_for(exc).body(), 'turn_id': turn_id})}\n\n"
        return
    finally:
        await events.aclose()
    yield chunk({}, "length" if cut else "stop", notices=notices)
    if chat.include_usage:
        obj = {"id": ident, "turn_id": turn_id, "object": "chat.completion.chunk", "created": created,
               "model": chat.model, "choices": [], "usage": _usage(chat, sent)}
        yield f"data: {json.dumps(obj)}\n\n"
    yield "data: [DONE]\n\n"
