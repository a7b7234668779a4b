"""vision.engine = "openai": the frame, the question and what was measured go to a real HTTP
server speaking the OpenAI wire format; its answer comes back streamed; when it cannot be
used the embedded engine answers the same photo, said once."""
from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from assistant.cancel import Cancelled, CancelToken
from assistant.config import AppConfig
from assistant.events import EventBus, ModelUnloaded
from assistant.engines.factory import EngineFactory
from assistant.pipeline import Assistant

SIGN_WORDS = ("LAUNCH", "PAD")


def _config(server, **remote) -> AppConfig:
    return AppConfig().with_overrides(vision={"engine": "openai"},
                                      remote={"base_url": server.base_url, **remote})


def _assistant(paths, config: AppConfig, events) -> tuple[Assistant, EngineFactory]:
    bus = EventBus()
    bus.subscribe(events.append)
    factory = EngineFactory(paths, on_event=bus.emit, remote=config.remote)
    vision = factory.vision(config.vision)
    vision.load()
    return Assistant(vision=vision, bus=bus), factory


def _sent_image(request) -> Image.Image:
    parts = request.body["messages"][-1]["content"]
    url = next(p["image_url"]["url"] for p in parts if p["type"] == "image_url")
    assert url.startswith("data:image/jpeg;base64,")
    return Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1])))


def _sent_text(request) -> str:
    parts = request.body["messages"][-1]["content"]
    return " ".join(p["text"] for p in parts if p["type"] == "text")


def _system_text(request) -> str:
    return " ".join(m["content"] for m in request.body["messages"] if m["role"] == "system")


def _run_cli(args: list[str], home: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "ASSISTANT_HOME": str(home), "PYTHONWARNINGS": "ignore",
                   **(env or {})}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True,
                          text=True, env=environment, timeout=300)


def test_ask_json_through_the_cli_names_the_remote_engine(server, samples, tmp_path):
    server.models = ["llava-hf/llava-1.5-7b-hf", "other"]
    config = tmp_path / "config.toml"
    config.write_text(f'[vision]\nengine = "openai"\n\n[remote]\nbase_url = "{server.base_url}"\n'
                      'timeout_s = 20.0\n')
    run = _run_cli(["--config", str(config), "ask", "--image", str(samples / "sign.jpg"),
                    "--text", "What is in front of me?", "--voice-engine", "none", "--json"],
                   Path(os.environ["ASSISTANT_HOME"]),
                   env={"ASSISTANT_REMOTE_API_KEY": "kiosk-key-1"})
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    host = f"127.0.0.1:{server.port}"
    # No model set: the first one the server lists, asked once at /v1/models.
    assert result["engines"]["vision"] == f"openai:llava-hf/llava-1.5-7b-hf@{host} on remote"
    assert result["answer"].startswith(server.answer)
    chats = server.of("/v1/chat/completions")
    assert len(chats) == 1 and chats[0].body["model"] == "llava-hf/llava-1.5-7b-hf"
    assert chats[0].body["stream"] is True
    assert chats[0].headers["authorization"] == "Bearer kiosk-key-1"
    # The photo itself (scaled, JPEG) and what OCR read here went with the question.
    sent = _sent_image(chats[0])
    original = Image.open(samples / "sign.jpg")
    assert abs(sent.width / sent.height - original.width / original.height) < 0.02
    # The question as asked; what was measured here goes beside it, as instructions.
    assert _sent_text(chats[0]) == "What is in front of me?"
    assert all(word in _system_text(chats[0]).upper() for word in SIGN_WORDS)


def test_pieces_stream_in_the_order_the_server_sent_them(server, paths, sign, events):
    server.pieces = ["The ", "picture ", "shows ", "a ", "blue ", "sign", "."]
    assistant, factory = _assistant(paths, _config(server, vision_model="fake-vlm",
                                                   send_measurements=False), events)
    seen: list[str] = []
    try:
        result = assistant.respond(sign, "Is there anything to sit on?", on_text=seen.append)
    finally:
        factory.close()
    assert seen == server.pieces
    assert result.answer == "".join(server.pieces)
    assert result.engines["vision"].startswith("openai:fake-vlm@")
    # Measurements are not sent when the kiosk says so.
    assert "Measured" not in _system_text(server.of("/v1/chat/completions")[0])
    assert events.codes == []


def test_unreachable_server_answers_offline_and_says_so_once(server, paths, sign, events):
    server.stop()   # connection refused from now on
    assistant, factory = _assistant(paths, _config(server, vision_model="fake-vlm", retries=1),
                                    events)
    try:
        answers = [assistant.respond(sign, "What is in front of me?"),
                   assistant.respond(sign, "Describe the picture.")]
    finally:
        factory.close()
    for result in answers:
        assert all(word in result.answer.upper() for word in SIGN_WORDS), result.answer
        assert result.engines["vision"].startswith("embedded")
        assert "install a vision model" not in result.answer
    assert events.codes == ["remote_unreachable"]
    assert events.messages()[0] == (f"The vision server at 127.0.0.1:{server.port} cannot be "
                                    "reached; answering with the offline engine on this machine.")


def test_a_slow_server_costs_at_most_timeout_times_tries(server, paths, sign, events):
    server.delay_s = 30.0
    server.faulty = ("/v1/chat/completions",)   # it lists its models: the probe passes
    timeout_s, retries = 1.0, 1
    assistant, factory = _assistant(
        paths, _config(server, vision_model="fake-vlm", timeout_s=timeout_s, retries=retries),
        events)
    try:
        started = time.monotonic()
        first = assistant.respond(sign, "What is in front of me?")
        took = time.monotonic() - started
        started = time.monotonic()
        second = assistant.respond(sign, "What is in front of me?")
        again = time.monotonic() - started
    finally:
        factory.close()
    # Each try waits timeout_s; the back-off between them is under a second.
    assert took < timeout_s * (retries + 1) + 3.0, took
    assert len(server.of("/v1/chat/completions")) == retries + 1
    assert all(word in first.answer.upper() for word in SIGN_WORDS)
    # The next question does not wait for the same dead server again.
    assert again < 1.0 and second.answer == first.answer
    assert len(server.of("/v1/chat/completions")) == retries + 1
    assert events.codes == ["remote_unreachable"]


def test_server_errors_are_retried_then_answered_offline(server, paths, sign, events):
    server.status = 503
    server.faulty = ("/v1/chat/completions",)   # it lists its models: the probe passes
    server.retry_after = "120"     # a busy server asking for two minutes: not at a kiosk
    assistant, factory = _assistant(paths, _config(server, vision_model="fake-vlm", retries=2),
                                    events)
    try:
        started = time.monotonic()
        result = assistant.respond(sign, "What is in front of me?")
        took = time.monotonic() - started
    finally:
        factory.close()
    assert len(server.of("/v1/chat/completions")) == 3
    assert took < 6.0, took        # the back-off (0.5 s + 1 s) and measuring the frame
    assert result.engines["vision"].startswith("embedded")
    assert events.codes == ["remote_unreachable"]


def test_a_refused_api_key_is_said_plainly_then_answered_offline(server, paths, sign, events):
    server.api_key = "right-key"
    assistant, factory = _assistant(paths, _config(server, vision_model="fake-vlm",
                                                   api_key="wrong-key"), events)
    try:
        result = assistant.respond(sign, "What is in front of me?")
    finally:
        factory.close()
    assert events.codes == ["remote_refused_key"]
    assert "refused the API key" in events.messages()[0]
    assert all(word in result.answer.upper() for word in SIGN_WORDS)
    # The probe found it out: the key the settings give was the one sent, once.
    assert [r.headers["authorization"] for r in server.requests] == ["Bearer wrong-key"]


def test_cancel_stops_reading_the_stream(server, paths, sign, events):
    server.pieces = ["One. ", "Two. ", "Three. ", "Four."]
    server.piece_delay_s = 5.0
    assistant, factory = _assistant(paths, _config(server, vision_model="fake-vlm",
                                                   timeout_s=30.0), events)
    cancel = CancelToken()
    seen: list[str] = []

    def first_piece(piece: str) -> None:
        seen.append(piece)
        threading.Timer(0.2, cancel.cancel).start()

    try:
        started = time.monotonic()
        with pytest.raises(Cancelled):
            assistant.respond(sign, "Count to four.", cancel=cancel, on_text=first_piece)
        took = time.monotonic() - started
    finally:
        factory.close()
    assert seen == ["One. "]
    assert took < 4.0, took    # the next piece was 5 s away: the read was not waited out
    assert events.codes == []


def test_a_change_of_server_builds_a_new_engine(server, paths, events):
    config = _config(server, vision_model="fake-vlm")
    factory = EngineFactory(paths, on_event=events.append)
    try:
        first = factory.vision(config.vision, config.remote)
        assert factory.vision(config.vision, config.remote) is first
        other = config.with_overrides(remote={"base_url": "http://127.0.0.1:9/v1"}).remote
        second = factory.vision(config.vision, other)
    finally:
        factory.close()
    assert second is not first and second.name.endswith("@127.0.0.1:9")
    assert [type(e) for e in events] == [ModelUnloaded]


def test_the_server_is_tried_again_after_its_rest(server, paths, sign, events):
    from fake_openai_server import FakeOpenAIServer

    port = server.port
    server.stop()
    assistant, factory = _assistant(paths, _config(server, vision_model="fake-vlm", retries=0,
                                                   recheck_after_s=1.0), events)
    try:
        offline = assistant.respond(sign, "What is in front of me?")
        time.sleep(1.1)
        still_down = assistant.respond(sign, "What is in front of me?")   # tried: fails again
        with FakeOpenAIServer(port=port) as back:
            resting = assistant.respond(sign, "What is in front of me?")
            assert back.requests == []          # not asked while it rests
            time.sleep(1.1)
            online = assistant.respond(sign, "What is in front of me?")
    finally:
        factory.close()
    assert offline.engines["vision"].startswith("embedded")
    assert still_down.details["remote_error"] == "unreachable"
    assert resting.details["remote_error"] == "resting"
    assert resting.engines["vision"].startswith("embedded")
    assert online.engines["vision"].startswith("openai:fake-vlm@")
    assert online.answer.startswith(back.answer)
    # Said once for the engine's life, not at each failure; the recovery is quiet.
    assert events.codes == ["remote_unreachable"]


def test_an_answer_cut_part_way_is_finished_offline(server, paths, sign, events):
    server.pieces = ["There ", "is ", "a ", "sign ", "that ", "reads"]
    server.cut_after = 3
    assistant, factory = _assistant(paths, _config(server, vision_model="fake-vlm",
                                                   send_measurements=False), events)
    seen: list[str] = []
    try:
        result = assistant.respond(sign, "What is in front of me?", on_text=seen.append)
    finally:
        factory.close()
    assert seen[:3] == ["There ", "is ", "a "]          # what was said stays said
    assert result.answer == "".join(seen)
    assert result.answer.startswith("There is a ") and len(seen) == 4
    assert all(word in seen[3].upper() for word in SIGN_WORDS)   # the offline engine's words
    assert result.engines["vision"].startswith("embedded")
    assert events.codes == ["remote_unreachable"]
