"""Settings: frozen, validated dataclasses; TOML in the user config folder.

Precedence: defaults < config file < command-line flags (``with_overrides``).
Each task gets its own copy, so a settings change never alters queued work.
Settings never block: a damaged file is read as far as it can be (defaults for the rest)
and the caller is told once (``read``); it is set aside, never silently overwritten
(``save``).
"""
from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .languages import language_code  # noqa: F401 - re-exported: the one reading of a language

# One place for the ranges every front end and engine checks against.
RATE_RANGE = (0.25, 4.0)           # the speaking rate: 1.0 normal speed, 2.0 twice as fast


def check_rate(rate: float) -> float:
    """``rate`` if it is within RATE_RANGE (the engines' ``configure(rate=...)``), else ValueError."""
    low, high = RATE_RANGE
    if not low <= rate <= high:
        raise ValueError(f"rate must be between {low} and {high}, not {rate}")
    return rate


END_SILENCE_RANGE_S = (0.05, 10.0)  # the silence that ends a spoken turn
END_SILENCE_S = 0.8                # ... by default in the window (``listen``: LISTEN_END_SILENCE_S)

ASR_TASKS = ("transcribe", "translate")
VISION_ENGINES = ("auto", "imagetext", "blip2", "llava", "blip", "embedded", "openai")
ASR_ENGINES = ("local", "openai")
DTYPES = ("auto", "float16", "bfloat16", "float32")
QUANTIZE = ("none", "8bit", "4bit")
TTS_ENGINES = ("auto", "piper", "pyttsx3", "none", "openai")
REPLY_VOICE = ("auto", "speak", "announce")
# The languages the assistant answers in (assistant/locale has a catalogue for each but
# English, the source); auto: the language of the question, else the system locale.
REPLY_LANGUAGES = ("auto", "en", "fr", "de", "es")
THEMES = ("auto", "light", "dark")   # ui.theme (ui/theme.py draws them)
DEVICES = ("auto", "cpu", "cuda")
# Whisper reads hotwords as a prompt of at most 223 tokens; past that they are cut, so a
# longer setting is a mistake to say rather than to half-apply.
MAX_HOTWORDS = 500
# Whisper's languages (faster_whisper.tokenizer._LANGUAGE_CODES; a test keeps them equal), so
# a mistyped --language is refused before any model loads.
WHISPER_LANGUAGES = frozenset(
    "af am ar as az ba be bg bn bo br bs ca cs cy da de el en es et eu fa fi fo fr gl gu ha haw "
    "he hi hr ht hu hy id is it ja jw ka kk km kn ko la lb ln lo lt lv mg mi mk ml mn mr ms mt "
    "my ne nl nn no oc pa pl ps pt ro ru sa sd si sk sl sn so sq sr su sv sw ta te tg th tk tl "
    "tr tt uk ur uz vi yi yo zh yue".split())


def _check(ok: bool, message: str) -> None:
    if not ok:
        raise ConfigError(message, hint="Fix the value in the config file or on the command line.")




def looks_like_folder(value: str) -> bool:
    """A model given as a path ('/models/blip2', './x', '~/x', 'a/b/c'), not a hub name ('org/name')."""
    return value.startswith(("/", ".", "~", "\\")) or value.count("/") >= 2 or "\\" in value


@dataclass(frozen=True)
class AsrConfig:
    engine: str = "local"        # local: faster-whisper here; openai: a server ([remote]), here as fallback
    model: str = "auto"          # auto | tiny.en | base | a folder with a CTranslate2 Whisper model
    language: str | None = None  # None: detect; a code (en, pt-BR) or a name (english), kept as the code
    task: str = "transcribe"
    device: str = "cpu"
    compute_type: str = "int8"
    cpu_threads: int = 0         # 0: all cores
    beam_size: int = 1
    vad_filter: bool = True
    no_speech_threshold: float = 0.6
    initial_prompt: str | None = None
    # Off: each 30 s window is decoded on its own. On (faster-whisper's default), greedy decoding
    # of a 6-minute reading looped and lost 17% of its words (tiny.en) and beam search lost a third
    # (base); off, both lost under 2% (bench/asr.py). Short questions are one window: no change.
    condition_on_previous_text: bool = False
    hotwords: str | None = None  # words to favour, e.g. names or jargon ("Dashwood, Norland")
    max_question_seconds: float = 120.0  # a longer spoken question is refused before it is loaded

    def __post_init__(self) -> None:
        if self.language is not None and language_code(self.language) not in WHISPER_LANGUAGES:
            raise ConfigError(f"The speech model does not know the language '{self.language}'.",
                              hint="Use a two-letter code such as en, fr or es (or a name "
                                   "such as english), or leave the language out to detect it.",
                              code="bad_language")
        if self.language is not None:   # kept as the code, so every reader sees 'en', not 'English'
            object.__setattr__(self, "language", language_code(self.language))
        _check(self.engine in ASR_ENGINES, f"asr.engine must be one of {', '.join(ASR_ENGINES)}, not '{self.engine}'.")
        _check(self.task in ASR_TASKS, f"asr.task must be one of {', '.join(ASR_TASKS)}, not '{self.task}'.")
        _check(self.device in DEVICES, f"asr.device must be one of {', '.join(DEVICES)}, not '{self.device}'.")
        _check(self.cpu_threads >= 0, "asr.cpu_threads cannot be negative.")
        _check(1 <= self.beam_size <= 10, "asr.beam_size must be between 1 and 10.")
        _check(0.0 <= self.no_speech_threshold <= 1.0, "asr.no_speech_threshold must be between 0 and 1.")
        _check(1.0 <= self.max_question_seconds <= 3600.0, "asr.max_question_seconds must be between 1 and 3600.")
        _check(self.hotwords is None or (isinstance(self.hotwords, str) and len(self.hotwords) <= MAX_HOTWORDS),
               f"asr.hotwords must be text of at most {MAX_HOTWORDS} characters.")


@dataclass(frozen=True)
class VisionConfig:
    # auto: the first of image-text, BLIP-2, LLaVA, BLIP whose weights are on this machine,
    # else embedded
    engine: str = "auto"
    # imagetext: any image-text-to-text model with a chat template (SmolVLM, Qwen2-VL,
    # Qwen2.5-VL, LLaVA-OneVision, Gemma 3, LLaVA 1.5); the default is the smallest (0.5 GB)
    imagetext_model: str = "HuggingFaceTB/SmolVLM-256M-Instruct"
    blip2_model: str = "Salesforce/blip2-opt-2.7b"  # each model: a HF name or a local folder
    llava_model: str = "llava-hf/llava-1.5-7b-hf"
    blip_model: str = "Salesforce/blip-vqa-base"
    blip_caption_model: str = "Salesforce/blip-image-captioning-base"
    clip_model: str = "openai/clip-vit-base-patch32"  # labels for the embedded engine, when present
    device: str = "auto"
    dtype: str = "auto"          # auto: bfloat16/float16 on CUDA, float32 on the CPU
    quantize: str = "none"       # 8bit / 4bit on CUDA with bitsandbytes (pip extra "gpu")
    max_new_tokens: int = 40
    num_beams: int = 1
    min_length: int = 0
    repetition_penalty: float = 1.0
    length_penalty: float = 1.0
    do_sample: bool = False      # greedy/beam by default: the same question, the same answer
    temperature: float = 1.0
    blip2_cache_frames: int = 4  # image encodings kept for follow-up questions (imagetext too)
    history_turns: int = 3
    ocr_min_score: float = 0.5
    grounding: bool = True       # tell BLIP-2/LLaVA/BLIP the text and objects measured offline

    def __post_init__(self) -> None:
        _check(self.engine in VISION_ENGINES, f"vision.engine must be one of {', '.join(VISION_ENGINES)}, not '{self.engine}'.")
        _check(self.device in DEVICES, f"vision.device must be one of {', '.join(DEVICES)}, not '{self.device}'.")
        _check(self.dtype in DTYPES, f"vision.dtype must be one of {', '.join(DTYPES)}, not '{self.dtype}'.")
        _check(self.quantize in QUANTIZE, f"vision.quantize must be one of {', '.join(QUANTIZE)}, not '{self.quantize}'.")
        _check(1 <= self.max_new_tokens <= 512, "vision.max_new_tokens must be between 1 and 512.")
        _check(1 <= self.num_beams <= 8, "vision.num_beams must be between 1 and 8.")
        _check(0 <= self.min_length <= self.max_new_tokens, "vision.min_length must be between 0 and max_new_tokens.")
        _check(1.0 <= self.repetition_penalty <= 3.0, "vision.repetition_penalty must be between 1 and 3.")
        _check(-2.0 <= self.length_penalty <= 2.0, "vision.length_penalty must be between -2 and 2.")
        _check(0.05 <= self.temperature <= 2.0, "vision.temperature must be between 0.05 and 2.")
        _check(0 <= self.blip2_cache_frames <= 64, "vision.blip2_cache_frames must be between 0 and 64.")
        _check(0 <= self.history_turns <= 20, "vision.history_turns must be between 0 and 20.")
        _check(0.0 <= self.ocr_min_score <= 1.0, "vision.ocr_min_score must be between 0 and 1.")


@dataclass(frozen=True)
class TtsConfig:
    engine: str = "auto"         # auto: Piper when installed, else pyttsx3
    voice: str | None = None     # Piper .onnx path or pyttsx3 voice id; None: the default
    rate: float = 1.0            # RATE_RANGE
    play: bool = True            # play through the sound card when there is one

    def __post_init__(self) -> None:
        _check(self.engine in TTS_ENGINES, f"tts.engine must be one of {', '.join(TTS_ENGINES)}, not '{self.engine}'.")
        low, high = RATE_RANGE
        _check(low <= self.rate <= high, f"tts.rate must be between {low} and {high}.")


@dataclass(frozen=True)
class UiConfig:
    """The desktop window: devices by name, turn timing, history, look."""

    camera: str = "0"            # camera index, or a video / image file that stands in for one
    microphone: str = ""         # "" default input; a device name (substring); or a WAV file to replay
    speaker_device: str = ""     # "" default output; a device name (substring)
    end_silence_s: float = END_SILENCE_S   # silence that ends a hands-free question
    # ... unless what was said so far shows the question is finished (a shorter pause) or
    # plainly is not ("and the": a longer one): voice.turn_end. Off: always end_silence_s.
    smart_turn: bool = True
    # Hear a turn while its last pause still runs; shown and answered only if it ends the
    # turn (voice.speculation): the answer comes sooner. Off: heard once the pause is over.
    speculate: bool = True
    hands_free: bool = False
    selftest: bool = True        # the window's quick self-test at start and daily, said once
    history: bool = True         # keep the chat history on disk
    history_thumbnails: bool = False  # and the camera frame of each turn with it (private: opt-in)
    kiosk_idle_minutes: float = 5.0
    kiosk_pin: str = ""          # digits asked before the kiosk's settings or quit ("": those stay locked)
    kiosk_attract: bool = True   # an idle screen inviting the next visitor
    # A kiosk keeps visitors' turns in memory only (a restart, crash or power cut shows and
    # keeps nothing); staff who need a record turn this on. The screen starts empty either way.
    kiosk_keep_history: bool = False
    font_scale: float = 1.0
    high_contrast: bool = False
    # the window's colours: auto follows the system's light or dark setting; high_contrast wins
    theme: str = "auto"
    # a reply is spoken or announced to the screen reader, never both; auto: announced when a
    # screen reader is running, else spoken
    reply_voice: str = "auto"
    # the language of every answer, notice and spoken message: auto (the language the question
    # was spoken or written in, else the system locale, else English) or one of REPLY_LANGUAGES
    language: str = "auto"

    def __post_init__(self) -> None:
        _check(self.language in REPLY_LANGUAGES,
               f"ui.language must be one of {', '.join(REPLY_LANGUAGES)}, not '{self.language}'.")
        low, high = END_SILENCE_RANGE_S
        _check(low <= self.end_silence_s <= high,
               f"ui.end_silence_s must be between {low:g} and {high:g} seconds.")
        _check(isinstance(self.smart_turn, bool), "ui.smart_turn must be true or false.")
        _check(isinstance(self.speculate, bool), "ui.speculate must be true or false.")
        _check(isinstance(self.selftest, bool), "ui.selftest must be true or false.")
        _check(0.5 <= self.kiosk_idle_minutes <= 1440, "ui.kiosk_idle_minutes must be between 0.5 and 1440.")
        _check(0.5 <= self.font_scale <= 4.0, "ui.font_scale must be between 0.5 and 4.")
        _check(self.theme in THEMES, f"ui.theme must be one of {', '.join(THEMES)}, not '{self.theme}'.")
        _check(self.reply_voice in REPLY_VOICE, f"ui.reply_voice must be one of {', '.join(REPLY_VOICE)}, not '{self.reply_voice}'.")
        _check(self.kiosk_pin == "" or (self.kiosk_pin.isdigit() and 4 <= len(self.kiosk_pin) <= 12),
               "ui.kiosk_pin must be 4 to 12 digits, or empty.")


@dataclass(frozen=True)
class RemoteConfig:
    """An OpenAI-compatible server (vLLM, Ollama, llama.cpp, another 'assistant serve') used when
    vision.engine, asr.engine or tts.engine is "openai". Frames and recordings leave this machine."""

    base_url: str = ""           # e.g. http://gpu-box:8000/v1
    api_key: str = ""            # "" : ASSISTANT_REMOTE_API_KEY, else OPENAI_API_KEY, else none
    vision_model: str = ""       # "": the first model the server lists
    asr_model: str = "whisper-1"
    tts_model: str = "tts-1"
    tts_voice: str = "alloy"
    timeout_s: float = 30.0      # per request, for the answer
    retries: int = 2             # with back-off, then the embedded engine answers (said once)
    # A connect, and the one health probe per process (GET /v1/models, which a live server
    # answers in milliseconds): a dead or hung server costs this, not timeout_s x tries.
    connect_timeout_s: float = 2.0
    # A server that failed is left alone this long, by every engine and (a file in the cache
    # folder) by the next processes; then probed again.
    recheck_after_s: float = 60.0
    send_measurements: bool = True  # the OCR text and objects measured here go with the question

    def __post_init__(self) -> None:
        _check(self.base_url == "" or self.base_url.startswith(("http://", "https://")),
               "remote.base_url must start with http:// or https://.")
        _check(0.5 <= self.timeout_s <= 600.0, "remote.timeout_s must be between 0.5 and 600.")
        _check(0 <= self.retries <= 10, "remote.retries must be between 0 and 10.")
        _check(0.1 <= self.connect_timeout_s <= 60.0,
               "remote.connect_timeout_s must be between 0.1 and 60.")
        _check(1.0 <= self.recheck_after_s <= 3600.0,
               "remote.recheck_after_s must be between 1 and 3600.")


@dataclass(frozen=True)
class ServeConfig:
    """'assistant serve': the OpenAI-compatible local API."""

    host: str = "127.0.0.1"      # loopback only; any other address needs a token
    port: int = 8765
    token: str = ""              # "": ASSISTANT_API_TOKEN; required on every route but /health
    max_image_mb: float = 20.0
    max_audio_mb: float = 25.0
    max_text_chars: int = 4000
    request_timeout_s: float = 120.0
    workers: int = 0             # requests answered at once; 0: one per two cores (at least 1)
    queue: int = 16              # requests waiting beyond those; more are refused with 429
    allowed_folders: list = field(default_factory=list)  # folders whose files clients may name
    max_connections: int = 512   # open at once (fewer where open-file limits say); beyond, the oldest idle closes
    header_timeout_s: float = 10.0  # a connection that sends no whole request head in this time is closed
    tokens: list = field(default_factory=list)  # more tokens beside serve.token: one per kiosk
    token_file: str = ""         # one token per line, re-read when it changes (delete a line: revoked)
    requests_per_minute: int = 600  # per client address; 0: no limit
    # /metrics needs the token like every route but /health; true: a scraper on this computer
    # (client address 127.0.0.1 or ::1) reads it without one. Behind a reverse proxy on this
    # computer every client looks local: leave it false there.
    metrics_open_on_loopback: bool = False

    def __post_init__(self) -> None:
        _check(1 <= self.port <= 65535, "serve.port must be between 1 and 65535.")
        _check(0.01 <= self.max_image_mb <= 500.0, "serve.max_image_mb must be between 0.01 and 500.")
        _check(0.01 <= self.max_audio_mb <= 2000.0, "serve.max_audio_mb must be between 0.01 and 2000.")
        _check(1 <= self.max_text_chars <= 1_000_000, "serve.max_text_chars must be between 1 and 1000000.")
        _check(1.0 <= self.request_timeout_s <= 3600.0, "serve.request_timeout_s must be between 1 and 3600.")
        _check(0 <= self.workers <= 256, "serve.workers must be between 0 and 256.")
        _check(0 <= self.queue <= 10_000, "serve.queue must be between 0 and 10000.")
        _check(all(isinstance(f, str) for f in self.allowed_folders), "serve.allowed_folders must be a list of folders.")
        _check(16 <= self.max_connections <= 100_000, "serve.max_connections must be between 16 and 100000.")
        _check(0.5 <= self.header_timeout_s <= 300.0, "serve.header_timeout_s must be between 0.5 and 300.")
        _check(all(isinstance(t, str) for t in self.tokens), "serve.tokens must be a list of tokens.")
        _check(0 <= self.requests_per_minute <= 1_000_000, "serve.requests_per_minute must be between 0 and 1000000.")
        _check(isinstance(self.metrics_open_on_loopback, bool), "serve.metrics_open_on_loopback must be true or false.")


@dataclass(frozen=True)
class AppConfig:
    asr: AsrConfig = field(default_factory=AsrConfig)
    vision: VisionConfig = field(default_factory=VisionConfig)
    tts: TtsConfig = field(default_factory=TtsConfig)
    ui: UiConfig = field(default_factory=UiConfig)
    remote: RemoteConfig = field(default_factory=RemoteConfig)
    serve: ServeConfig = field(default_factory=ServeConfig)

    @property
    def heard_language(self) -> str | None:
        """The language to transcribe questions in: ``asr.language``, else a fixed reply
        language (a user who chose French replies is heard as French: Whisper base left to
        detect takes short French questions for English or Japanese), else None (detect)."""
        if self.asr.language is not None:
            return self.asr.language
        return None if self.ui.language == "auto" else self.ui.language

    def with_overrides(self, **sections: dict[str, Any]) -> "AppConfig":
        """Return a copy with e.g. ``asr={"language": "fr"}``; None values are ignored."""
        changes = {}
        for name, values in sections.items():
            current = getattr(self, name)
            values = {k: v for k, v in values.items() if v is not None}
            changes[name] = _build(type(current), {**dataclasses.asdict(current), **values}, name)
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {name: {k: v for k, v in section.items() if v is not None}
                for name, section in dataclasses.asdict(self).items()}


_KIND_WORDS = {bool: "true or false", int: "a whole number", float: "a number",
               str: "text in quotes", list: "a list"}


def _build(cls: type, values: dict[str, Any], section: str):
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(values) - set(known))
    _check(not unknown, f"Unknown setting {section}.{unknown[0] if unknown else ''}.")
    for name, value in values.items():
        default = getattr(cls(), name)
        if default is not None and value is not None and not isinstance(value, type(default)):
            if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
                values[name] = float(value)
                continue
            raise ConfigError(f"Setting {section}.{name} should be {_KIND_WORDS[type(default)]}, "
                              f"not {value!r}.", hint="Fix the value in the config file.")
    return cls(**values)


def from_dict(data: dict[str, Any]) -> AppConfig:
    sections = {f.name: f for f in fields(AppConfig)}
    unknown = sorted(set(data) - set(sections))
    _check(not unknown, f"Unknown config section [{unknown[0] if unknown else ''}].")
    built = {}
    for name, f in sections.items():
        raw = data.get(name, {})
        _check(isinstance(raw, dict), f"Config section [{name}] must be a table.")
        built[name] = _build(f.default_factory, dict(raw), name)  # type: ignore[arg-type]
    return AppConfig(**built)


@dataclass(frozen=True)
class Loaded:
    """Settings read from a file; ``problem`` says in words what was wrong with it, if anything."""

    config: AppConfig
    problem: str | None = None

    @property
    def damaged(self) -> bool:
        return self.problem is not None


def read(path: Path) -> Loaded:
    """Read the TOML file without ever failing: a missing file means all defaults; a file that
    is not TOML gives all defaults; otherwise each bad value (or unknown name) is named and left
    out, and every good one is kept."""
    if not path.exists():
        return Loaded(AppConfig())
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return Loaded(AppConfig(), f"The settings file {path} could not be read "
                                   f"({exc.strerror or exc}); using the default settings.")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return Loaded(AppConfig(), f"The settings file {path} is not valid TOML ({exc}); "
                                   "using the default settings.")
    try:
        return Loaded(from_dict(data))
    except (ConfigError, TypeError, ValueError):   # each mistake is named below
        pass
    built, mistakes = {}, []
    sections = {f.name: f for f in fields(AppConfig)}
    mistakes += [f"Unknown config section [{name}]." for name in sorted(set(data) - set(sections))]
    for name, f in sections.items():
        raw = data.get(name, {})
        if not isinstance(raw, dict):
            mistakes.append(f"Config section [{name}] must be a table.")
            raw = {}
        built[name], wrong = _build_keeping(f.default_factory, raw, name)  # type: ignore[arg-type]
        mistakes += wrong
    many = f"{len(mistakes)} mistakes" if len(mistakes) > 1 else "a mistake"
    reasons = "; ".join(m.rstrip(".") for m in mistakes)
    return Loaded(AppConfig(**built), f"The settings file {path} has {many} ({reasons}); using "
                                      f"the default for {'each' if len(mistakes) > 1 else 'it'} "
                                      "and the file's other settings.")


def _build_keeping(cls: type, raw: dict[str, Any], section: str) -> tuple[Any, list[str]]:
    """The section with every good value kept, and a sentence for each bad one (left out)."""
    known = {f.name for f in fields(cls)}
    good, mistakes = {}, []
    for key, value in raw.items():
        if key not in known:
            mistakes.append(f"Unknown setting {section}.{key}.")
            continue
        try:
            good[key] = getattr(_build(cls, {key: value}, section), key)
        except (ConfigError, TypeError) as exc:
            mistakes.append(getattr(exc, "message", str(exc)))
    try:
        return _build(cls, dict(good), section), mistakes
    except ConfigError as exc:   # good alone, wrong together (vision.min_length > max_new_tokens)
        mistakes.append(exc.message)
    for key in list(good):       # leave out the one value that makes the rest agree
        rest = {k: v for k, v in good.items() if k != key}
        try:
            return _build(cls, rest, section), mistakes
        except ConfigError:
            continue
    return cls(), mistakes


def load(path: Path) -> AppConfig:
    """Read the TOML file; a missing file means all defaults; a damaged one raises ConfigError."""
    loaded = read(path)
    if loaded.problem:
        raise ConfigError(loaded.problem.replace("; using", ". Using", 1),
                          hint="Fix it, or run 'assistant config init' to set it aside and start afresh.")
    return loaded.config


def save(config: AppConfig, path: Path) -> Path | None:
    """Write the settings atomically (a crash never leaves half a file).

    A damaged file in the way is set aside as ``config.toml.corrupt-<time>`` first, never
    silently overwritten; that copy's path is returned (None when there was none). A symlink
    is written through (the file it points to is replaced, the link stays); a FIFO or device
    in the file's place is refused (``storage.NotOurFile``).
    """
    from .config_text import commented_toml
    from .storage import set_aside, write_private

    landing = Path(path)
    if landing.is_symlink():
        # A settings file linked from elsewhere (a dotfiles folder, a kiosk image) is written
        # where the link points, and the link kept; a missing folder there is refused.
        from .userfiles import check_writable

        landing = check_writable(landing, "the settings")
    kept = None
    if landing.is_file() and read(landing).damaged:
        kept = set_aside(landing)
    write_private(landing, commented_toml(config))   # only over a regular file
    return kept
