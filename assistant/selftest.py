"""``assistant selftest``: does each part really work, end to end, on this machine?

Each engine runs on the samples shipped in the package, and its result is checked, not only
its loading:

* **hearing**: the recorded question (``samples/question.wav``, a person asking "What does
  the sign say?") must be transcribed with those words;
* **voice**: the voice speaks a sentence that must not be silent, and the transcriber must
  hear its words back (a voice that makes noise, or nothing, fails);
* **eyes**: the vision engine must read the sample sign (``samples/sign.jpg``);
* **microphone** and **speaker**, where the machine has them: they open, a microphone
  delivers sound, a speaker plays a moment of silence. A machine without them is "absent",
  not a failure (a server has none).

Before a part's engine runs, every model file it uses is hashed in full (``models.audit``):
a damaged file fails the part at once, naming the file and the reinstall command (and is
refused by every later use, exit 3); the joined Whisper base, a cache, is rebuilt and said.

A part that fails says why and what to do (the coded error's own hint where there is one);
``sentence`` says the whole result once in words. Nothing leaves the machine; only a damaged
cache file is rebuilt. The quick form (the window, the kiosk, ``serve``'s ``/health?full=1``)
runs on the engines already loaded (``engines``), without opening the devices, and takes the
file audit made before those engines loaded (``audit_files``), so a rebuilt model is the one
loaded.
"""
from __future__ import annotations

import contextlib
import re
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from .config import AppConfig
from .errors import AssistantError

SAMPLES = Path(__file__).resolve().parent / "samples"
QUESTION_WAV = SAMPLES / "question.wav"
SIGN = SAMPLES / "sign.jpg"
QUESTION_WORDS = {"sign", "say"}         # what the recorded question must be heard to ask
SIGN_WORDS = {"launch", "pad"}           # what the sample sign says
SPOKEN = "The assistant can hear you and speak to you."
SPOKEN_WORDS = {"assistant", "hear", "speak"}
HEAR_LIMIT_S = 8.0       # the 3-second question is heard in about 1 s here (tiny.en, 2 cores)
PARTS = ("hearing", "voice", "eyes", "microphone", "speaker")
NAMES = {"hearing": "speech recognition", "voice": "voice", "eyes": "vision engine",
         "microphone": "microphone", "speaker": "sound output"}
# How the result is said, part by part ("I can't hear: ...").
CANNOT = {"hearing": "I can't hear", "voice": "I can't speak", "eyes": "I can't see",
          "microphone": "The microphone does not work", "speaker": "The sound output does not work"}
_FIX_MODELS = "Run 'assistant models' to see what is installed; reinstall with the README's setup command."
_FIX_VOICE = _FIX_MODELS[0].lower() + _FIX_MODELS[1:]     # the same, after "or "


@dataclass(frozen=True)
class Check:
    part: str
    status: str           # "ok", "failed", "absent" (no such device here), "off" (set so)
    detail: str
    fix: str = ""
    ms: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"ms": round(self.ms, 1)}


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z']+", text.lower()))


def passed(checks: list[Check]) -> bool:
    return all(check.status != "failed" for check in checks)


MODEL_PARTS = ("hearing", "voice", "eyes")
ROLE = {"hearing": "asr", "voice": "tts", "eyes": "vision"}


def audit_files(config: AppConfig) -> dict[str, Any]:
    """Each model part's files hashed in full (``models.audit.PartFiles`` by part)."""
    from .models.audit import audit_part

    return {part: audit_part(part, config) for part in MODEL_PARTS}


def run(config: AppConfig, factory: Any = None, *, devices: bool = True,
        progress: Callable[[str], None] | None = None, engines: Any = None,
        files: dict[str, Any] | None = None) -> list[Check]:
    """Every part in turn; a part that fails never stops the others.

    ``engines``: the loaded ``Engines`` to check (the quick form) instead of the factory's;
    ``files``: an ``audit_files`` made already (else each part's files are hashed first)."""
    from .engines.conversation import prepare
    from .models.audit import audit_part

    checks: list[Check] = []
    found: dict[str, Any] = {}

    def engine(part: str) -> Any:
        role = ROLE[part]
        if engines is not None:
            loaded = engines.get(role)
            if loaded is None:
                raise AssistantError(f"The {NAMES[part]} did not load; the reason was given at "
                                     "start and is in the log.", hint=_FIX_MODELS)
            return loaded
        built = {"asr": lambda: factory.transcriber(config.asr),
                 "tts": lambda: factory.speaker(config.tts),
                 "vision": lambda: factory.vision(config.vision)}[role]()
        prepare(built, warm=False)
        return built

    def attempt(part: str, body: Callable[[], Check]) -> None:
        if progress is not None:
            progress(part)
        start = time.perf_counter()
        try:
            audited = None
            if part in MODEL_PARTS and (part != "voice" or config.tts.engine != "none"):
                audited = files[part] if files is not None else audit_part(part, config)
                if audited.problem is not None:
                    raise audited.problem
            check = body()
            if audited is not None and audited.rebuilt:
                check = Check(check.part, check.status, f"{check.detail}; damaged file "
                              f"{', '.join(audited.rebuilt)} rebuilt", check.fix)
        except AssistantError as exc:
            check = Check(part, "failed", exc.message, exc.hint or _FIX_MODELS)
        except Exception as exc:  # noqa: BLE001 - a self-test names what broke, it never crashes
            check = Check(part, "failed", f"{type(exc).__name__}: {exc}",
                          "The details are in the log; " + _FIX_MODELS)
        checks.append(Check(check.part, check.status, check.detail, check.fix,
                            (time.perf_counter() - start) * 1000.0))

    def hearing() -> Check:
        transcriber = engine("hearing")
        with _deadline("hearing") as options:
            heard = transcriber.transcribe_file(QUESTION_WAV, options).text.strip()
        if QUESTION_WORDS <= words(heard):
            found["asr"] = transcriber     # trusted to hear the voice back
            return Check("hearing", "ok", f'heard "{heard}" ({transcriber.name})')
        return Check("hearing", "failed", f'the recorded question was heard as "{heard}"',
                     "The speech model may be damaged. " + _FIX_MODELS)

    def voice() -> Check:
        if config.tts.engine == "none":
            return Check("voice", "off", "tts.engine is \"none\": answers are not spoken")
        import numpy as np

        from .audio.sources import resample

        speaker = engine("voice")
        speech = speaker.synthesize(SPOKEN)
        samples = np.asarray(speech.samples, dtype=np.float32)
        seconds = samples.size / max(1, speech.sample_rate)
        level = float(np.sqrt(np.mean(samples ** 2))) if samples.size else 0.0
        if seconds < 0.5 or level < 1e-3:
            return Check("voice", "failed", f"the voice made {seconds:.1f} s of sound at level "
                                            f"{level:.4f}: silent",
                         "Choose another voice in the settings (tts.engine), or " + _FIX_VOICE)
        transcriber = found.get("asr")
        if transcriber is None:
            return Check("voice", "ok", f"{seconds:.1f} s of sound ({speaker.name}); not heard "
                                        "back: speech recognition failed above")
        with _deadline("hearing") as options:
            heard = transcriber.transcribe(resample(samples, speech.sample_rate), options).text.strip()
        if len(SPOKEN_WORDS & words(heard)) >= 2:
            return Check("voice", "ok", f'{seconds:.1f} s, heard back as "{heard}" ({speaker.name})')
        return Check("voice", "failed", f'the voice\'s sentence was heard back as "{heard}"',
                     "The voice may be damaged or too fast: check tts.rate, or " + _FIX_VOICE)

    def eyes() -> Check:
        from .vision.image import load_image

        vision = engine("eyes")
        answer = vision.answer(load_image(SIGN), "What does the sign say?")
        if SIGN_WORDS <= words(answer.text):
            return Check("eyes", "ok", f"read the sample sign ({vision.name})")
        return Check("eyes", "failed", f'the sample sign was read as "{answer.text[:120]}"',
                     "The vision or text-reading model may be damaged. " + _FIX_MODELS)

    attempt("hearing", hearing)
    attempt("voice", voice)
    attempt("eyes", eyes)
    if devices:
        attempt("microphone", lambda: microphone(config))
        attempt("speaker", lambda: loudspeaker(config))
    return checks


@contextlib.contextmanager
def _deadline(part: str, seconds: float = HEAR_LIMIT_S) -> Iterator[Any]:
    """Transcription options cancelled after ``seconds``: a damaged model that decodes noise
    into hundreds of tokens fails the check in bounded time instead of holding it for minutes."""
    from .asr import TranscribeOptions
    from .cancel import CancelToken, Cancelled

    token = CancelToken()
    timer = threading.Timer(seconds, token.cancel, args=("self-test deadline",))
    timer.daemon = True
    timer.start()
    try:
        yield TranscribeOptions(cancel=token)
    except Cancelled as exc:
        raise AssistantError(f"the recorded speech was not transcribed within {seconds:.0f} s "
                             "(a damaged speech model decodes noise)",
                             hint="The speech model may be damaged. " + _FIX_MODELS,
                             stage="asr") from exc
    finally:
        timer.cancel()


def microphone(config: AppConfig, wait_s: float = 5.0) -> Check:
    from .audio.hub import shared_hub
    from .audio.sources import MicrophoneSource

    if not shared_hub().input_devices():
        return Check("microphone", "absent", "no microphone on this computer")
    chosen = config.ui.microphone.strip()
    device = None if not chosen or chosen.lower().endswith(".wav") else chosen   # a replayed file
    heard = threading.Event()
    source = MicrophoneSource(device, first_block_s=wait_s)
    source.start(lambda block: heard.set())
    try:
        if heard.wait(wait_s):
            return Check("microphone", "ok", "opened, and sound arrives")
        return Check("microphone", "failed", f"opened, but no sound arrived in {wait_s:.0f} s",
                     "Check that the microphone is not muted or used by another program.")
    finally:
        source.stop()


def loudspeaker(config: AppConfig) -> Check:
    import numpy as np

    from .audio.hub import shared_hub
    from .tts import SpeechAudio
    from .tts.playback import Player

    if not shared_hub().output_devices():
        return Check("speaker", "absent", "no sound output on this computer")
    player = Player(device=config.ui.speaker_device.strip() or None)
    if not player.play(SpeechAudio(np.zeros(4800, np.float32), 24_000)):
        why = player.error.user_text() if player.error is not None else "it did not open"
        return Check("speaker", "failed", why, "Check the sound output in the settings.")
    player.wait()
    if player.error is not None:
        return Check("speaker", "failed", player.error.user_text(),
                     "Check the sound output in the settings.")
    return Check("speaker", "ok", "opened and played")


def table(checks: list[Check]) -> str:
    """The result as a table for a terminal, then one line in words."""
    width = max(len(c.part) for c in checks)
    lines = []
    for check in checks:
        lines.append(f"{check.part:<{width}}  {check.status:<6}  {check.detail}")
        if check.fix and check.status == "failed":
            lines.append(f"{'':<{width}}  {'':<6}  fix: {check.fix}")
    lines.append(summary(checks))
    return "\n".join(lines)


def sentence(checks: list[Check]) -> str:
    """The whole result said once, in words: "Everything works." or each failure, its cause
    and its fix ("I can't hear: the ... file model.bin is damaged .... Reinstall it with: ...")."""
    failed = [c for c in checks if c.status == "failed"]
    if not failed:
        rebuilt = [c for c in checks if "rebuilt" in c.detail]
        return "Everything works." + (" A damaged speech model file was found and rebuilt."
                                      if rebuilt else "")
    said = []
    for check in failed:
        detail = check.detail.rstrip(".")
        said.append(f"{CANNOT[check.part]}: {detail[:1].lower()}{detail[1:]}. {check.fix}".strip())
    return " ".join(said)


def summary(checks: list[Check]) -> str:
    failed = [c.part for c in checks if c.status == "failed"]
    if not failed:
        return "Everything works."
    return f"Not working: {', '.join(failed)}."
