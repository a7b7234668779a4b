"""What the window says it is doing: one pure state machine, fed from the events.

No Qt here but its translation of the words. The window feeds it what happened (loading steps, a turn starting, speech,
a device lost or back) and gets back an immutable ``WindowStatus`` to paint and a
``Say`` with what to tell the user once: a notice for the notice line and the chat, and
the words a screen reader should read. A missing device is a problem the first time it
is seen (one notice), then only a state ("Ready — no camera") while it is retried
quietly; when it comes back the user hears "The camera is back." once.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .translation import QT_TRANSLATE_NOOP, translate

STATES = ("loading", "ready", "listening", "thinking", "speaking")
PROBLEMS = ("no_camera", "no_microphone", "no_sound", "cannot_hear", "cannot_speak", "cannot_see")
# English, marked for translation: ``translate("StatusMachine", ...)`` where shown.
PROBLEM_WORDS = {"no_camera": QT_TRANSLATE_NOOP("StatusMachine", "no camera"),
                 "no_microphone": QT_TRANSLATE_NOOP("StatusMachine", "no microphone"),
                 "no_sound": QT_TRANSLATE_NOOP("StatusMachine", "no sound"),
                 "cannot_hear": QT_TRANSLATE_NOOP("StatusMachine", "hearing broken"),
                 "cannot_speak": QT_TRANSLATE_NOOP("StatusMachine", "voice broken"),
                 "cannot_see": QT_TRANSLATE_NOOP("StatusMachine", "eyes broken")}
BACK_WORDS = {"no_camera": QT_TRANSLATE_NOOP("StatusMachine", "The camera is back."),
              "no_microphone": QT_TRANSLATE_NOOP("StatusMachine", "The microphone is back."),
              "no_sound": QT_TRANSLATE_NOOP("StatusMachine", "Sound is back."),
              "cannot_hear": QT_TRANSLATE_NOOP("StatusMachine", "Hearing works again."),
              "cannot_speak": QT_TRANSLATE_NOOP("StatusMachine", "The voice works again."),
              "cannot_see": QT_TRANSLATE_NOOP("StatusMachine", "The eyes work again.")}
# The self-test's failed parts (``assistant.health.SelfTestDone``) as problems of the state.
SELFTEST_PROBLEMS = {"hearing": "cannot_hear", "voice": "cannot_speak", "eyes": "cannot_see"}
# ErrorEvent codes that mean a device is missing: shown once, then a state.
PROBLEM_CODES = {"no_audio_output": "no_sound", "no_audio_input": "no_microphone",
                 "camera_unavailable": "no_camera", "camera_lost": "no_camera",
                 "camera_closed": "no_camera"}
BASE_WORDS = {"loading": QT_TRANSLATE_NOOP("StatusMachine", "Starting…"),
              "ready": QT_TRANSLATE_NOOP("StatusMachine", "Ready"),
              "listening": QT_TRANSLATE_NOOP("StatusMachine", "Listening (hands-free)"),
              "thinking": QT_TRANSLATE_NOOP("StatusMachine", "Thinking…"),
              "speaking": QT_TRANSLATE_NOOP("StatusMachine", "Speaking")}


@dataclass(frozen=True)
class WindowStatus:
    """One snapshot of the status line; ``text`` is what the user reads and hears."""

    state: str = "loading"
    problems: tuple[str, ...] = ()
    text: str = "Starting…"
    activity: str = ""         # finer words for the state ("Transcribing your question…")
    background: str = ""       # slow work going on beside it ("Preparing the speech model 40%")

    def __post_init__(self) -> None:
        if self.state not in STATES:
            raise ValueError(f"unknown state {self.state!r}")
        if any(p not in PROBLEMS for p in self.problems):
            raise ValueError(f"unknown problem in {self.problems!r}")


@dataclass(frozen=True)
class Say:
    """What to tell the user after one step: each at most once."""

    notice: str = ""           # for the notice line and the chat
    announce: str = ""         # for the screen reader
    assertive: bool = False    # interrupt what the screen reader is reading

    def __bool__(self) -> bool:
        return bool(self.notice or self.announce)


QUIET = Say()


def compose(state: str, problems: tuple[str, ...], activity: str = "") -> str:
    words = activity or translate("StatusMachine", BASE_WORDS[state])
    if problems:
        missing = ", ".join(translate("StatusMachine", PROBLEM_WORDS[p]) for p in problems)
        words = f"{words.rstrip('.')} — {missing}"
    return words


class StatusMachine:
    """Feed it what happened; read ``status``; tell the user what each step returns."""

    def __init__(self) -> None:
        self._state = "loading"
        self._problems: tuple[str, ...] = ()
        self._activity = ""
        self._background = ""
        self.ready = False
        self.hands_free = False
        self.microphone: bool | None = None     # None: not known yet
        self.status = WindowStatus(text=compose("loading", ()))

    # -- the snapshot -----------------------------------------------------------------
    def _idle_state(self) -> str:
        if not self.ready:
            return "loading"
        return "listening" if self.hands_free and self.microphone else "ready"

    def _set(self, state: str, activity: str = "") -> bool:
        self._state, self._activity = state, activity
        new = WindowStatus(state=state, problems=self._problems,
                           text=compose(state, self._problems, activity),
                           activity=activity, background=self._background)
        changed, self.status = new != self.status, new
        return changed

    # -- start-up -----------------------------------------------------------------------
    def loading(self, words: str) -> Say:
        if not self.ready:
            self._set("loading", words)
        return QUIET

    def became_ready(self) -> Say:
        first = not self.ready
        self.ready = True
        self._background = ""      # start-up work without a count ends with the start-up
        self._set(self._idle_state())
        return Say(announce=self.status.text) if first else QUIET

    def progress(self, message: str, done: int, total: int) -> Say:
        """Slow work beside the conversation (a model being prepared): shown while it lasts."""
        self._background = "" if total and done >= total else message
        self._set(self._state, self._activity)
        return QUIET

    # -- the conversation ---------------------------------------------------------------
    def set_hands_free(self, on: bool) -> Say:
        before, self.hands_free = self.hands_free, on
        if self._state in ("loading", "ready", "listening"):
            self._set(self._idle_state() if self.ready else "loading", self._activity
                      if not self.ready else "")
        if before == on or not self.ready:   # while loading, "Ready" will say it
            return QUIET
        if on and self.microphone is False:
            return Say(announce=translate("StatusMachine", "Hands-free is on; it starts "
                                          "listening when a microphone is connected."))
        return Say(announce=translate("StatusMachine", "Listening (hands-free)") if on
                   else translate("StatusMachine", "Hands-free off"))

    def turn_started(self) -> Say:
        was = self._state
        self._set("thinking")
        return QUIET if was == "thinking" else Say(announce=translate("StatusMachine", "Thinking…"))

    def stage(self, words: str) -> Say:
        """A step of the turn in progress ("Transcribing your question…"): shown, not read."""
        self._set("thinking", words)
        return QUIET

    def hearing(self, words: str = "") -> Say:
        self._set("listening", words or translate("StatusMachine", "Hearing you…"))
        return QUIET

    def speaking(self) -> Say:
        self._set("speaking")
        return QUIET

    def idle(self) -> Say:
        """A turn ended (answered, cancelled, failed) or speech finished."""
        self._set(self._idle_state())
        return QUIET

    # -- devices ----------------------------------------------------------------------
    def problem(self, name: str, message: str) -> Say:
        """A device is missing: one notice the first time, then it is part of the state."""
        if name not in PROBLEMS:
            raise ValueError(f"unknown problem {name!r}")
        if name == "no_microphone":
            self.microphone = False
        if name in self._problems:
            return QUIET
        self._problems = tuple(p for p in PROBLEMS if p in self._problems or p == name)
        self._refresh()
        return Say(notice=message, announce=message)

    def fixed(self, name: str) -> Say:
        if name == "no_microphone":
            self.microphone = True
        if name not in self._problems:
            self._refresh()
            return QUIET
        self._problems = tuple(p for p in self._problems if p != name)
        self._refresh()
        back = translate("StatusMachine", BACK_WORDS[name])
        return Say(notice=back, announce=back)

    def has(self, name: str) -> bool:
        return name in self._problems

    def _refresh(self) -> None:
        state = self._state
        if state in ("ready", "listening"):
            state = self._idle_state()
        self._set(state, self._activity if state == self._state else "")


def with_text(status: WindowStatus, **changes) -> WindowStatus:
    """A copy with fields changed and the text recomposed (for tests and previews)."""
    new = dataclasses.replace(status, **changes)
    return dataclasses.replace(new, text=compose(new.state, new.problems, new.activity))
