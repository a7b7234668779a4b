"""asr.engine = "openai": a real recording goes to /v1/audio/transcriptions as a WAV; the
server's text comes back unchanged; when the server cannot be used, Whisper on this
machine transcribes the same recording."""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import wave

import numpy as np

from assistant.asr import SAMPLE_RATE, TranscribeOptions
from assistant.audio.files import load_audio
from assistant.config import AppConfig
from assistant.engines.factory import EngineFactory

QUESTION = "what does the sign say"   # what resources/samples/question.wav says


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z' ]", " ", text.lower()).split()


def _transcriber(server, paths, events, **remote):
    config = AppConfig().with_overrides(asr={"engine": "openai", "language": "en"},
                                        remote={"base_url": server.base_url, **remote})
    factory = EngineFactory(paths, on_event=events.append, remote=config.remote)
    return factory.transcriber(config.asr), factory


def _wav_samples(data: bytes) -> tuple[np.ndarray, int]:
    with wave.open(io.BytesIO(data), "rb") as clip:
        assert clip.getnchannels() == 1 and clip.getsampwidth() == 2
        frames = clip.readframes(clip.getnframes())
        return np.frombuffer(frames, "<i2").astype(np.float32) / 32768.0, clip.getframerate()


def test_the_recording_goes_up_and_the_servers_text_comes_back(server, paths, samples, events):
    server.transcript = "Wie spät ist es, bitte?"   # whatever the server says is the transcript
    transcriber, factory = _transcriber(server, paths, events)
    audio = load_audio(samples / "question.wav")
    try:
        result = transcriber.transcribe(audio, TranscribeOptions(initial_prompt="A sign."))
    finally:
        factory.close()
    assert result.text == server.transcript
    assert result.language == "en" and result.model.startswith("openai:whisper-1@")
    [request] = server.of("/v1/audio/transcriptions")
    assert request.body["model"] == "whisper-1" and request.body["language"] == "en"
    assert request.body["prompt"] == "A sign."
    sent, rate = _wav_samples(request.file)
    assert rate == SAMPLE_RATE and len(sent) == len(audio)
    assert np.max(np.abs(sent - audio)) < 1e-3     # the recording itself, as 16-bit PCM
    assert events.codes == []


def test_a_server_that_knows_only_json_is_asked_for_json(server, paths, samples, events):
    server.json_only = True
    transcriber, factory = _transcriber(server, paths, events)
    audio = load_audio(samples / "question.wav")
    try:
        first = transcriber.transcribe(audio)
        second = transcriber.transcribe(audio)
    finally:
        factory.close()
    assert first.text == second.text == server.transcript
    formats = [r.body["response_format"] for r in server.of("/v1/audio/transcriptions")]
    assert formats == ["verbose_json", "json", "json"]
    assert events.codes == []


def test_unreachable_server_falls_back_to_whisper_here(server, paths, samples, events):
    server.stop()
    transcriber, factory = _transcriber(server, paths, events, retries=0)
    audio = load_audio(samples / "question.wav")
    try:
        transcriber.load(language="en")      # finds the server down: loads Whisper instead
        results = [transcriber.transcribe(audio), transcriber.transcribe(audio)]
    finally:
        factory.close()
    for result in results:
        assert _words(result.text) == QUESTION.split(), result.text
        assert result.model.startswith("tiny")
    assert events.codes == ["remote_unreachable"]
    assert "speech recognition server" in events.messages()[0]


def test_ask_a_spoken_question_with_every_engine_on_the_server(server, samples, tmp_path):
    server.models = ["Qwen/Qwen2-VL-7B-Instruct"]
    config = tmp_path / "config.toml"
    config.write_text('[asr]\nengine = "openai"\nlanguage = "en"\n\n[vision]\nengine = "openai"\n\n'
                      f'[tts]\nengine = "openai"\nplay = false\n\n'
                      f'[remote]\nbase_url = "{server.base_url}"\ntts_voice = "nova"\n')
    speech = tmp_path / "answer.wav"
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "--config", str(config), "ask", "--image",
         str(samples / "sign.jpg"), "--audio", str(samples / "question.wav"), "--speak-to",
         str(speech), "--json"], capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    host = f"127.0.0.1:{server.port}"
    assert result["engines"]["asr"] == f"openai:whisper-1@{host} on remote"
    assert result["engines"]["tts"] == f"openai:tts-1/nova@{host} on remote"
    assert result["transcript"] == server.transcript
    # "What does the sign say?" is a reading question: OCR here reads it, as for a local VLM,
    # and the server is never asked, so the answer names the engine here, not the server.
    assert "LAUNCH PAD" in result["answer"].upper()
    assert result["engines"]["vision"] == "embedded on cpu"
    assert server.of("/v1/chat/completions") == []
    [said] = server.of("/v1/audio/speech")
    assert said.body["input"] == result["answer"] and said.body["voice"] == "nova"
    written, rate = _wav_samples(speech.read_bytes())
    expected, expected_rate = _wav_samples(server.speech)
    assert rate == expected_rate and len(written) == len(expected)
