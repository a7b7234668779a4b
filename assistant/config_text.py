"""The settings file ``assistant config init`` writes: every setting, each with a comment.

tomli_w writes no comments, so the lines are put together here: the comment from
``DESCRIPTIONS`` (one entry per setting: a test keeps it equal to the dataclasses' fields),
the value written by tomli_w, so quoting and escaping stay the library's. A setting with no
value (None: "not set") is written commented out, so the file reads back to the same settings.
"""
from __future__ import annotations

import dataclasses
from typing import Any

# ``config`` imports this module to save, so the choices are written out here; a test keeps
# them equal to config's tuples (ASR_ENGINES, VISION_ENGINES...).

SECTIONS: dict[str, str] = {
    "asr": "Speech recognition (faster-whisper, on this computer unless engine = \"openai\").",
    "vision": "What answers questions about the picture.",
    "tts": "The spoken answer.",
    "ui": "The desktop window.",
    "remote": "An OpenAI-compatible server, used where an engine above is \"openai\". Frames "
              "and recordings leave this computer.",
    "serve": "'assistant serve': the OpenAI-compatible API on this computer.",
}


DESCRIPTIONS: dict[str, dict[str, str]] = {
    "asr": {
        "engine": "local | openai: faster-whisper here, or the [remote] server (this "
                  "one as fallback)",
        "model": "auto (by language) | tiny.en | base | a folder with a CTranslate2 Whisper model",
        "language": "two-letter code such as en or fr; not set: detected",
        "task": "transcribe | translate (English text from speech in any language)",
        "device": "auto | cpu | cuda",
        "compute_type": "CTranslate2 compute type: int8, float16, float32...",
        "cpu_threads": "threads for recognition; 0: all cores",
        "beam_size": "1 to 10; 1 is greedy decoding (fastest)",
        "vad_filter": "skip silence before decoding (Silero VAD)",
        "no_speech_threshold": "0 to 1: above it a window counts as silence",
        "initial_prompt": "words to prime the recogniser (names, jargon); not set: none",
        "condition_on_previous_text": "feed each 30 s window the previous text (off: long "
                                      "recordings loop less)",
        "hotwords": "words to favour, such as names or jargon (\"Dashwood, Norland\"); at most "
                    "500 characters",
        "max_question_seconds": "1 to 3600: a longer spoken question is refused before loading",
    },
    "vision": {
        "engine": "auto | imagetext | blip2 | llava | blip | embedded | openai; auto: the first of "
                  "image-text (SmolVLM, Qwen2-VL, Gemma 3...), BLIP-2, LLaVA, BLIP found here, else "
                  "embedded (built in)",
        "imagetext_model": "image-text-to-text model (SmolVLM, Qwen2-VL, Qwen2.5-VL, "
                           "LLaVA-OneVision, Gemma 3, LLaVA 1.5): a Hugging Face name or a local "
                           "folder",
        "blip2_model": "BLIP-2: a Hugging Face name or a local folder",
        "llava_model": "LLaVA: a Hugging Face name or a local folder",
        "blip_model": "BLIP question answering: a Hugging Face name or a local folder",
        "blip_caption_model": "BLIP captions: a Hugging Face name or a local folder",
        "clip_model": "CLIP labels for the embedded engine, when present",
        "device": "auto | cpu | cuda",
        "dtype": "auto | float16 | bfloat16 | float32; auto: bfloat16/float16 on CUDA, float32 on the CPU",
        "quantize": "none | 8bit | 4bit: 8bit and 4bit on CUDA with bitsandbytes",
        "max_new_tokens": "1 to 512: the longest answer, in tokens",
        "num_beams": "1 to 8: beam search width",
        "min_length": "0 to max_new_tokens: the shortest answer, in tokens",
        "repetition_penalty": "1 to 3",
        "length_penalty": "-2 to 2",
        "do_sample": "sample (varied answers) instead of greedy/beam (the same answer each time)",
        "temperature": "0.05 to 2, with do_sample",
        "blip2_cache_frames": "0 to 64: image encodings kept for follow-up questions",
        "history_turns": "0 to 20: earlier turns the model sees",
        "ocr_min_score": "0 to 1: OCR lines less sure than this are left out",
        "grounding": "tell BLIP-2/LLaVA/BLIP the text and objects measured here",
    },
    "tts": {
        "engine": "auto | piper | pyttsx3 | none | openai; auto: Piper when installed, else pyttsx3",
        "voice": "Piper .onnx file or pyttsx3 voice id; not set: the default voice",
        "rate": "0.25 to 4: 1 is normal speed",
        "play": "play answers through the speakers when there are some",
    },
    "ui": {
        "camera": "camera index, or a video or image file that stands in for one",
        "microphone": "\"\": the default input; a device name (or part of it); or a recording "
                      "to replay",
        "speaker_device": "\"\": the default output; a device name (or part of it)",
        "end_silence_s": "seconds of silence that end a hands-free question",
        "smart_turn": "a shorter pause ends a finished question or command, a longer one an "
                      "unfinished sentence (\"and the\"); off: always end_silence_s",
        "speculate": "hear a question while its last pause still runs (shown and answered "
                     "only if the pause ends it), so the answer comes sooner",
        "hands_free": "listen without a key held",
        "selftest": "the window checks its hearing, voice and eyes at start and daily and "
                    "says the result once (model files hashed first)",
        "history": "keep the chat history on disk",
        "history_thumbnails": "keep each turn's camera frame with it (private: off by default)",
        "kiosk_idle_minutes": "0.5 to 1440: a kiosk idle this long starts afresh",
        "kiosk_pin": "4 to 12 digits asked before the kiosk's settings or quit (\"\": locked)",
        "kiosk_attract": "an idle screen inviting the next visitor",
        "kiosk_keep_history": "keep the kiosk's visitors' turns on disk (off: in memory only, "
                              "gone at idle, quit or a crash)",
        "font_scale": "0.5 to 4",
        "high_contrast": "high-contrast colours",
        "theme": "auto | light | dark: auto follows the system's light or dark setting "
                 "(high_contrast wins over all three)",
        "reply_voice": "auto | speak | announce: a reply is spoken or announced to the screen "
                       "reader, never both; auto: announced when a screen reader runs",
        "language": "auto | en | fr | de | es: the language of answers and spoken messages; "
                    "auto: the question's language, else the system's",
    },
    "remote": {
        "base_url": "e.g. http://gpu-box:8000/v1 (\"\": none)",
        "api_key": "\"\": ASSISTANT_REMOTE_API_KEY, else OPENAI_API_KEY, else none",
        "vision_model": "\"\": the first model the server lists",
        "asr_model": "the server's speech recognition model",
        "tts_model": "the server's voice model",
        "tts_voice": "the server's voice",
        "timeout_s": "0.5 to 600: per request, for the answer",
        "retries": "0 to 10, with back-off; then the embedded engine answers (said once)",
        "connect_timeout_s": "0.1 to 60: a connect, and the one health probe per process",
        "recheck_after_s": "1 to 3600: a server that failed is left alone this long (every process)",
        "send_measurements": "send the text and objects measured here with the question",
    },
    "serve": {
        "host": "127.0.0.1: this computer only; any other address needs a token",
        "port": "1 to 65535",
        "token": "\"\": ASSISTANT_API_TOKEN; required on every route but /health",
        "max_image_mb": "0.01 to 500: the largest picture accepted",
        "max_audio_mb": "0.01 to 2000: the largest recording accepted",
        "max_text_chars": "1 to 1000000: the longest question",
        "request_timeout_s": "1 to 3600",
        "workers": "0 to 256 requests answered at once; 0: one per two cores",
        "queue": "0 to 10000 requests waiting beyond those; more are refused with 429",
        "allowed_folders": "folders whose files clients may name",
        "max_connections": "16 to 100000 open at once; beyond, the oldest idle one closes",
        "header_timeout_s": "0.5 to 300: a connection that sends no request head in time closes",
        "tokens": "more tokens beside serve.token: one per kiosk",
        "token_file": "a file of tokens, one per line, re-read when it changes",
        "requests_per_minute": "0 to 1000000 per client address; 0: no limit",
        "metrics_open_on_loopback": "true: /metrics without the token from this computer only",
    },
}


# What a setting with no value (None) is shown with, commented out, to uncomment and edit.
EXAMPLES: dict[str, str] = {"language": "en", "initial_prompt": "Dashwood, Norland, Barton",
                            "hotwords": "Dashwood, Norland", "voice": "/path/to/voice.onnx"}


def _value_line(name: str, value: Any) -> str:
    import tomli_w

    return tomli_w.dumps({name: value}).rstrip("\n")


def commented_toml(config: Any) -> str:
    """The whole settings file (``config``: an ``AppConfig``), each setting with its comment."""
    out = ["# Settings of the local assistant. Command-line flags override them;",
           "# 'assistant config show' prints the settings in use.", ""]
    for section in dataclasses.fields(config):
        values = getattr(config, section.name)
        out += [f"# {SECTIONS[section.name]}", f"[{section.name}]"]
        for setting in dataclasses.fields(values):
            value = getattr(values, setting.name)
            out.append(f"# {DESCRIPTIONS[section.name][setting.name]}")
            if value is None:   # TOML has no "none": left out, so it reads back as not set
                out.append(f"# {_value_line(setting.name, EXAMPLES.get(setting.name, ''))}")
            else:
                out.append(_value_line(setting.name, value))
        out.append("")
    return "\n".join(out)
