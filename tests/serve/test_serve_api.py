"""``assistant serve`` answering the official ``openai`` client over real HTTP.

One real server for the module (a child process, a free port, a token); real photos and
real recorded speech; the embedded vision engine and Whisper tiny.en answer.
"""
from __future__ import annotations

import base64
import io
import shutil
import signal
import threading
import wave

import numpy as np
import pytest
from serve_support import QUESTION_WAV, SIGN, sign_message, start, words


@pytest.fixture(scope="module")
def allowed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("allowed")
    shutil.copy(SIGN, folder / "sign.jpg")
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory, allowed):
    served = start(tmp_path_factory.mktemp("serve"), config=(
        f'[serve]\nallowed_folders = ["{allowed}"]\n[tts]\nengine = "auto"\n'))
    yield served
    if served.proc.poll() is None:
        served.stop(signal.SIGKILL)


def test_ready_line_says_a_token_is_required(server):
    assert server.url.startswith("http://127.0.0.1:")
    assert server.ready_line.endswith("(token required)")


def test_health_needs_no_token_and_models_lists_the_engines(server):
    with server.http(token="") as http:
        health = http.get("/health")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    ids = [m.id for m in server.client().models.list()]
    assert ids[0] == "embedded"                 # the vision engine first: remote clients take it
    assert "whisper-1" in ids and "tts-1" in ids


def test_chat_reads_the_sign_from_a_data_url(server):
    reply = server.client().chat.completions.create(model="embedded", messages=[sign_message()])
    text = reply.choices[0].message.content
    assert "LAUNCH PAD" in text.upper() and "NO ENTRY" in text.upper()
    assert reply.model == "embedded" and reply.choices[0].finish_reason == "stop"
    assert reply.usage.completion_tokens == len(text.split())


def test_chat_reads_a_data_url_as_clients_wrap_and_spell_it(server):
    """Lines wrapped at 76 (MIME), the scheme in capitals, URL-safe base64 without padding."""
    import textwrap

    encoded = base64.urlsafe_b64encode(SIGN.read_bytes()).decode().rstrip("=")
    url = "DATA:image/JPEG;BASE64," + "\r\n".join(textwrap.wrap(encoded, 76))
    reply = server.client().chat.completions.create(model="embedded",
                                                    messages=[sign_message(url=url)])
    assert "LAUNCH PAD" in reply.choices[0].message.content.upper()


def test_the_no_vision_model_notice_is_a_field_not_console_advice_in_the_answer(server):
    """One message, the embedded engine: the answer is only the answer; that no vision model
    is installed comes in "notices", in words for an API client (no console command)."""
    client = server.client()
    reply = client.chat.completions.create(model="embedded", messages=[sign_message()])
    text = reply.choices[0].message.content
    assert "install" not in text and "'assistant" not in text and "LAUNCH PAD" in text.upper()
    notices = reply.model_extra["notices"]
    assert [n["code"] for n in notices] == ["no_vision_model"]
    assert "vision model" in notices[0]["message"] and "'assistant" not in notices[0]["message"]
    chunks = list(client.chat.completions.create(model="embedded", messages=[sign_message()],
                                                 stream=True))
    assert chunks[-1].model_extra["notices"] == notices       # the stream's last chunk has them
    assert all(not c.model_extra.get("notices") for c in chunks[:-1])


def test_streaming_gives_chunks_that_join_to_the_answer(server):
    client = server.client()
    whole = client.chat.completions.create(model="embedded", messages=[sign_message()])
    chunks = list(client.chat.completions.create(model="embedded", messages=[sign_message()],
                                                 stream=True))
    assert len(chunks) >= 3
    assert chunks[0].choices[0].delta.role == "assistant"
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    joined = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert joined == whole.choices[0].message.content


def test_every_chunk_of_a_stream_names_its_turn_and_two_streams_differ(server):
    """Two streams read side by side: each chunk carries its own turn's id (the id the
    window and `listen --json` key on), so no client joins one answer's pieces to another's."""
    client = server.client()
    first = client.chat.completions.create(model="embedded", messages=[sign_message()], stream=True)
    second = client.chat.completions.create(model="embedded", messages=[sign_message()], stream=True)
    a, b = [], []
    for x, y in zip(first, second):
        a.append(x)
        b.append(y)
    a += list(first)
    b += list(second)
    ids_a = {c.model_extra["turn_id"] for c in a}
    ids_b = {c.model_extra["turn_id"] for c in b}
    assert len(ids_a) == len(ids_b) == 1 and ids_a != ids_b
    assert all(str(next(iter(ids_a))) in c.id for c in a)
    whole = client.chat.completions.create(model="embedded", messages=[sign_message()])
    assert whole.model_extra["turn_id"] not in ids_a | ids_b


def test_max_tokens_cuts_streamed_and_whole_answers_alike(server):
    client = server.client()
    whole = client.chat.completions.create(model="embedded", messages=[sign_message()], max_tokens=3)
    chunks = list(client.chat.completions.create(model="embedded", messages=[sign_message()],
                                                 max_tokens=3, stream=True))
    assert len(whole.choices[0].message.content.split()) == 3
    assert whole.choices[0].finish_reason == "length"
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == whole.choices[0].message.content
    assert chunks[-1].choices[0].finish_reason == "length"


def test_follow_up_without_a_picture_is_about_the_earlier_one(server):
    client = server.client()
    first = client.chat.completions.create(model="embedded", messages=[sign_message("What colour is it?")])
    follow = client.chat.completions.create(model="embedded", messages=[
        sign_message("What colour is it?"),
        {"role": "assistant", "content": first.choices[0].message.content},
        {"role": "user", "content": "And what does the text say?"}])
    assert "NO ENTRY" in follow.choices[0].message.content.upper()
    # No picture anywhere (a client's "Say hello", a chat window's title request): answered
    # with what the server can do, never a guess about a picture; a notice says no engine ran.
    for stream in (False, True):
        reply = client.chat.completions.create(model="embedded", stream=stream, messages=[
            {"role": "user", "content": "What does the text say?"}])
        if stream:
            chunks = list(reply)
            text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
            notices = chunks[-1].model_extra["notices"]
        else:
            text, notices = reply.choices[0].message.content, reply.model_extra["notices"]
        assert "send a picture" in text and "NO ENTRY" not in text.upper()
        assert [n["code"] for n in notices] == ["no_picture"]


def test_a_file_inside_allowed_folders_is_read_and_one_outside_refused(server, allowed):
    client = server.client()
    inside = client.chat.completions.create(model="embedded", messages=[
        sign_message(url=f"file://{allowed / 'sign.jpg'}")])
    assert "NO ENTRY" in inside.choices[0].message.content.upper()
    with pytest.raises(Exception) as caught:
        client.chat.completions.create(model="embedded", messages=[sign_message(url=str(SIGN))])
    assert caught.value.status_code == 403 and caught.value.code == "path_not_allowed"
    with pytest.raises(Exception) as caught:
        client.chat.completions.create(model="embedded", messages=[
            sign_message(url=f"file://{allowed}/../{SIGN.name}")])
    assert caught.value.status_code == 403


@pytest.mark.parametrize("fmt", ["json", "text", "srt", "vtt", "verbose_json"])
def test_transcription_of_a_recording_in_every_format(server, fmt):
    client = server.client()
    with QUESTION_WAV.open("rb") as audio:
        out = client.audio.transcriptions.create(
            model="whisper-1", file=audio, response_format=fmt,
            **({"timestamp_granularities": ["word", "segment"]} if fmt == "verbose_json" else {}))
    text = out if isinstance(out, str) else out.text
    assert {"what", "does", "the", "sign", "say"} <= words(text)
    if fmt == "srt":
        assert text.startswith("1\n00:00:00,") and " --> " in text
    if fmt == "vtt":
        assert text.startswith("WEBVTT\n\n00:00:")
    if fmt == "verbose_json":
        assert out.language == "en" and 2.0 < out.duration < 2.5
        assert out.segments and out.segments[0].start < out.segments[-1].end <= out.duration + 0.1
        spoken = [w.word.lower().strip(".,?") for w in out.words]
        assert spoken[:5] == ["what", "does", "the", "sign", "say"]
        assert all(w.start <= w.end for w in out.words)


def test_translation_and_language_and_prompt(server):
    client = server.client()
    with QUESTION_WAV.open("rb") as audio:
        translated = client.audio.translations.create(model="whisper-1", file=audio)
    assert {"sign", "say"} <= words(translated.text)
    with QUESTION_WAV.open("rb") as audio:
        said = client.audio.transcriptions.create(model="whisper-1", file=audio, language="en",
                                                  prompt="A question about a sign.")
    assert {"sign", "say"} <= words(said.text)


def test_transcription_language_as_clients_name_it(server):
    """OpenAI documents ISO-639-1 codes; clients also send a region, capitals or the name."""
    client = server.client()
    for language in ("EN", "en-US", "english"):
        with QUESTION_WAV.open("rb") as audio:
            said = client.audio.transcriptions.create(model="whisper-1", file=audio,
                                                      language=language, response_format="verbose_json")
        assert said.language == "en" and {"sign", "say"} <= words(said.text), language
    with server.http() as http, QUESTION_WAV.open("rb") as audio:
        error = _error(http.post("/v1/audio/transcriptions", files={"file": audio},
                                 data={"model": "whisper-1", "language": "klingon"}), 400, "bad_language")
    assert error["param"] == "language" and "ISO-639-1" in error["message"]


def test_speech_is_a_wav_that_says_the_words(server):
    client = server.client()
    spoken = client.audio.speech.create(model="tts-1", voice="alloy", response_format="wav",
                                        input="The door on the left is open.")
    with wave.open(io.BytesIO(spoken.content)) as wav:
        rate, frames = wav.getframerate(), wav.readframes(wav.getnframes())
        assert wav.getsampwidth() == 2 and wav.getnchannels() == 1
    samples = np.frombuffer(frames, "<i2").astype(np.float32) / 32768.0
    assert len(samples) / rate > 0.8
    assert float(np.sqrt(np.mean(samples ** 2))) > 0.01        # not silence
    heard = client.audio.transcriptions.create(model="whisper-1", file=("said.wav", spoken.content))
    assert {"door", "open"} <= words(heard.text)


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"} and error["code"] == code
    assert "Traceback" not in response.text and "File \"" not in response.text
    return error


def test_errors_are_openai_error_objects(server, tmp_path):
    with server.http() as http:
        bad = {"model": "embedded", "messages": [sign_message(
            url="data:image/jpeg;base64," + base64.b64encode(b"not a picture " * 20).decode())]}
        _error(http.post("/v1/chat/completions", json=bad), 400, "image_unreadable")
        _error(http.post("/v1/audio/transcriptions", data={"model": "whisper-1"},
                         files={"file": ("empty.wav", b"", "audio/wav")}), 400, "audio_empty")
        header_only = io.BytesIO()
        with wave.open(header_only, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(16000)
        _error(http.post("/v1/audio/transcriptions", data={"model": "whisper-1"},
                         files={"file": ("silent.wav", header_only.getvalue())}), 400, "audio_empty")
        _error(http.post("/v1/chat/completions", json={"model": "gpt-4o", "messages": [sign_message()]}),
               404, "model_not_found")
        _error(http.post("/v1/chat/completions", content=b"{not json"), 400, "invalid_json")
        _error(http.post("/v1/chat/completions", json={"model": "embedded", "messages": [
            sign_message(url="https://example.com/sign.jpg")]}), 400, "remote_image_url")
        _error(http.get("/v1/nothing-here"), 404, "not_found")
    for token in ("", "wrong-token"):
        with server.http(token=token) as http:
            error = _error(http.get("/v1/models"), 401, "unauthorized")
            assert error["type"] == "authentication_error"
            _error(http.post("/v1/chat/completions", json={"model": "embedded",
                                                           "messages": [sign_message()]}),
                   401, "unauthorized")
    with pytest.raises(Exception) as caught:
        server.client(token="wrong-token").models.list()
    assert caught.value.status_code == 401


def test_caption_and_vqa_take_a_multipart_picture(server):
    with server.http() as http:
        caption = http.post("/caption", files={"image": ("sign.jpg", SIGN.read_bytes(), "image/jpeg")})
        vqa = http.post("/vqa", files={"image": ("sign.jpg", SIGN.read_bytes(), "image/jpeg")},
                        data={"question": "What does the sign say?"})
        missing = http.post("/vqa", data={"question": "What does the sign say?"})
    assert caption.status_code == 200 and "NO ENTRY" in caption.json()["caption"].upper()
    assert vqa.status_code == 200 and "LAUNCH PAD" in vqa.json()["answer"].upper()
    assert vqa.json()["model"] == "embedded"
    _error(missing, 400, "image_missing")


def test_eight_clients_ten_requests_each_all_answered(server):
    results: list[str] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def client_run() -> None:
        client = server.client()
        for _ in range(10):
            try:
                reply = client.chat.completions.create(model="embedded", messages=[sign_message()])
                with lock:
                    results.append(reply.choices[0].message.content)
            except BaseException as exc:  # noqa: BLE001 - counted and shown below
                with lock:
                    failures.append(exc)

    threads = [threading.Thread(target=client_run) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert not failures, failures[:3]
    assert len(results) == 80 and all("NO ENTRY" in r.upper() for r in results)


def _peak_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024


def _png_data_url(width: int, height: int) -> str:
    """A PNG of one colour, written row by row: 13000 x 13000 in a few hundred KB."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    squeeze = zlib.compressobj(9)
    row = b"\0" + b"\x80\x80\x80" * width
    body = b"".join(squeeze.compress(row) for _ in range(height)) + squeeze.flush()
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return "data:image/png;base64," + base64.b64encode(png).decode()


def test_a_picture_that_expands_to_gigabytes_is_refused_without_decoding_it(server):
    """A few hundred KB declaring 169 megapixels: 413 naming the limit that is enforced, and
    the server's peak memory does not move (it took gigabytes when it was decoded)."""
    bomb = _png_data_url(13000, 13000)
    assert len(bomb) < 1_500_000
    before = _peak_mb(server.proc.pid)
    with server.http() as http:
        r = http.post("/v1/chat/completions", json={"model": "embedded", "messages": [
            {"role": "user", "content": [{"type": "text", "text": "What is this?"},
                                         {"type": "image_url", "image_url": {"url": bomb}}]}]})
    assert r.status_code == 413, r.text
    assert r.json()["error"]["code"] == "image_too_large"
    assert "the limit is 40 megapixels" in r.json()["error"]["message"]
    assert _peak_mb(server.proc.pid) - before < 100


def test_more_pictures_than_a_request_may_carry_is_a_clear_400(server):
    small = _png_data_url(64, 64)
    turns = []
    for i in range(17):
        turns += [{"role": "user", "content": [{"type": "text", "text": f"And this one ({i})?"},
                                                {"type": "image_url", "image_url": {"url": small}}]},
                  {"role": "assistant", "content": "Mostly grey."}]
    with server.http() as http:
        r = http.post("/v1/chat/completions", json={"model": "embedded", "messages": turns[:-1]})
    assert r.status_code == 400, r.text
    assert r.json()["error"]["code"] == "too_many_images" and "16" in r.json()["error"]["message"]


def test_sigterm_stops_the_server_cleanly(server):
    assert server.stop(signal.SIGTERM) == 0
    assert not any("Traceback" in line for line in server.stderr)

