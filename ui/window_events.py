"""The window's status, notices and announcements, driven by the typed events.

``WindowEvents`` owns the one ``StatusMachine`` (``ui/window_state.py``): every event
from the worker and the device threads goes through it, so the status line, the notice
line, the chat's notes and what a screen reader hears all say the same thing once. A
reply is either announced (a screen reader is running, or ``ui.reply_voice`` says
"announce") or spoken by the voice, never both: the worker is told which.
"""
from __future__ import annotations

import dataclasses
import logging
import re

from assistant.conversation.store import HistoryCleared, HistoryRestored, TurnRecorded
from assistant.health import SelfTestDone
from assistant.events import (ErrorEvent, ModelLoaded, ModelLoading, Progress, SpeakingFinished,
                              SpeakingStarted, SpeechStarted, StageStarted, Transcript)
from assistant.notices import spoken
from assistant.voice.engine import DESCRIBE_QUESTION, READ_TEXT_QUESTION
from assistant.voice.events import (AnswerGrowing, CommandHeard, ListeningChanged, MicLevel,
                                    TurnCancelled, TurnCompleted, TurnStarted, UtteranceIgnored)

from . import accessibility as a11y
from .chat_view import WORKING
from .screen_reader import screen_reader_running
from .translation import QT_TRANSLATE_NOOP, translate
from .window_state import PROBLEM_CODES, SELFTEST_PROBLEMS, Say, StatusMachine, WindowStatus

log = logging.getLogger(__name__)

READY_STAGE = "startup"   # worker.READY, kept here so this module needs no worker import
# The tables hold English (marked for translation); each is translated where it is shown,
# with translate("WindowEvents", ...).
STAGE_WORDS = {"asr": QT_TRANSLATE_NOOP("WindowEvents", "Transcribing your question…"),
               "vision": QT_TRANSLATE_NOOP("WindowEvents", "Thinking…"),
               "tts": QT_TRANSLATE_NOOP("WindowEvents", "Preparing the spoken answer…")}
STAGE_NAMES = {"vision": QT_TRANSLATE_NOOP("WindowEvents", "Vision"),
               "asr": QT_TRANSLATE_NOOP("WindowEvents", "Speech recognition"),
               "tts": QT_TRANSLATE_NOOP("WindowEvents", "Voice")}
QUESTION_WORDS = {DESCRIBE_QUESTION: QT_TRANSLATE_NOOP("WindowEvents", "Describing the picture…"),
                  READ_TEXT_QUESTION: QT_TRANSLATE_NOOP("WindowEvents",
                                                        "Reading the text in the picture…")}
CANCEL_WORDS = {"newer_question": QT_TRANSLATE_NOOP("WindowEvents",
                                                    "Not answered: a newer question came first."),
                "stop": QT_TRANSLATE_NOOP("WindowEvents", "Stopped."),
                "closing": QT_TRANSLATE_NOOP("WindowEvents",
                                             "Not answered: the assistant was closing."),
                "continued": QT_TRANSLATE_NOOP("WindowEvents", "Joined to what you said next."),
                "not_ready": QT_TRANSLATE_NOOP("WindowEvents",
                                               "Not answered: the assistant was still loading."),
                "settings": QT_TRANSLATE_NOOP("WindowEvents",
                                              "Not answered: the settings changed; ask again.")}
# On a kiosk a visitor can only tell staff; the device's own words go to the log for them.
VISITOR_WORDS = {"no_camera": QT_TRANSLATE_NOOP(
                     "WindowEvents", "The camera is not working; please tell a member of staff."),
                 "no_microphone": QT_TRANSLATE_NOOP(
                     "WindowEvents", "Voice questions are not working; please tell a member of "
                                     "staff. You can type your question."),
                 "no_sound": QT_TRANSLATE_NOOP(
                     "WindowEvents", "There is no sound; answers are shown on the screen. Please "
                                     "tell a member of staff."),
                 "cannot_hear": QT_TRANSLATE_NOOP(
                     "WindowEvents", "Voice questions are not working today; please tell a member "
                                     "of staff. You can type your question."),
                 "cannot_speak": QT_TRANSLATE_NOOP(
                     "WindowEvents", "I cannot speak today; answers are shown on the screen. "
                                     "Please tell a member of staff."),
                 "cannot_see": QT_TRANSLATE_NOOP(
                     "WindowEvents", "I cannot see today; please tell a member of staff.")}


def visitor_words(problem: str) -> str:
    """A device problem in a visitor's words, translated."""
    return translate("WindowEvents", VISITOR_WORDS[problem])


def selftest_words(done: SelfTestDone, kiosk: bool) -> str:
    """The self-test's result said once: the whole sentence for the window's user (who can
    fix it), visitors' words on a kiosk (staff read the sentence in the log)."""
    if not kiosk or done.passed:
        return translate("WindowEvents", "Everything works.") if done.passed else done.sentence
    return " ".join(dict.fromkeys(visitor_words(SELFTEST_PROBLEMS[p]) for p in done.failed()
                                  if p in SELFTEST_PROBLEMS)) or done.sentence


NO_MICROPHONE = QT_TRANSLATE_NOOP("WindowEvents", "There is no microphone, so I cannot listen. "
                                                  "Type the question instead.")
# A sentence that sends the user to a console command ("'assistant models' shows how"):
# the window has no console, so such advice is left out of what it shows and says.
_CLI_SENTENCE = re.compile(r"[^.!?]*'assistant [a-z-]+[^']*'[^.!?]*[.!?]?\s*")


def without_cli_advice(text: str) -> str:
    return re.sub(r"\s{2,}", " ", _CLI_SENTENCE.sub("", text)).strip() or text


def announce_replies(mode: str, bus_address: str | None = None) -> bool:
    """``ui.reply_voice``: announce, speak, or auto: announced when a screen reader is
    actually running (``ui/screen_reader.py``), whatever Qt's accessibility flag says."""
    if mode == "announce":
        return True
    if mode == "speak":
        return False
    return screen_reader_running(bus_address)


class WindowEvents:
    """Feeds the status machine and paints what it says; one per window."""

    def __init__(self, window) -> None:
        self.w = window
        self.machine = StatusMachine()
        self.announcing = False       # replies go to the screen reader instead of the voice
        self._published: WindowStatus | None = None
        self._voice_told: bool | None = None
        self.retry_microphone = False
        self._early_notes: list[str] | None = []   # notes the restored history will replace
        self.bus_address: str | None = None   # the session bus a screen reader would be on
        self.quiet_save = False   # the last save was a look key's (Ctrl++), which said it

    # -- painting ---------------------------------------------------------------------
    def publish(self) -> None:
        status = self.machine.status
        w = self.w
        if w._closing:        # "Closing…" stays
            return
        w.state = status.text
        w.ready = self.machine.ready
        if status == self._published:
            return
        self._published = status
        w.state_label.setText(status.text)
        # The words themselves are the name, so a screen reader reads the status, not a title.
        w.state_label.setAccessibleName(
            translate("WindowEvents", "Status: {status}").format(status=status.text))
        w.status_changed.emit(status)

    def tell(self, say: Say) -> None:
        self.publish()
        w = self.w
        if say.notice:
            notice = without_cli_advice(say.notice)
            self.set_notice_line(notice)
            w.chat.add_note(notice)
            if self._early_notes is not None:
                self._early_notes.append(notice)
        if say.announce:
            a11y.announce(w.notice if say.notice else w.state_label,
                          without_cli_advice(say.announce), assertive=say.assertive)

    def set_notice_line(self, text: str) -> None:
        self.w.notice.setText(text)
        self.w.notice.setAccessibleName(
            translate("WindowEvents", "Notice: {notice}").format(notice=text) if text
            else translate("WindowEvents", "No notice"))

    def notice(self, message: str, *, assertive: bool = False) -> None:
        """A one-off notice (not a device state): shown, noted in the chat, announced once."""
        self.tell(Say(notice=message, announce=message, assertive=assertive))

    def refuse(self, message: str) -> None:
        """A key that cannot work now: said at once, not kept in the chat (it may be pressed often)."""
        self.set_notice_line(message)
        self.tell(Say(announce=message, assertive=True))

    def set_reply_voice(self, mode: str) -> None:
        announcing = announce_replies(mode, self.bus_address)
        if announcing != self.announcing or self._voice_told is None:
            self.announcing = self._voice_told = announcing
            self.w.host.set_reply_voice(speak=not announcing)

    # -- devices ----------------------------------------------------------------------
    def public(self, problem: str, message: str) -> str:
        """A device problem in the words of whoever is in front of the screen: on a kiosk a
        visitor, who can only tell staff (the details are in the log for them)."""
        if self.w.kiosk and message and problem in VISITOR_WORDS:
            return visitor_words(problem)
        return message

    def camera_failed(self, message: str) -> None:
        message = self.public("no_camera", message)
        self.w.camera_view.set_message(message)
        self.tell(self.machine.problem("no_camera", message))

    def camera_opened(self) -> None:
        self.tell(self.machine.fixed("no_camera"))

    def camera_status(self, message: str) -> None:
        message = self.public("no_camera", message)
        self.w.camera_view.set_message(message)
        if message:
            self.tell(self.machine.problem("no_camera", message))
        else:
            self.tell(self.machine.fixed("no_camera"))

    def listening(self, event: ListeningChanged) -> None:
        w = self.w
        w.microphone = event.microphone
        w.level_meter.setFormat(translate("WindowEvents", "Microphone %p%") if event.microphone
                                else translate("WindowEvents", "No microphone"))
        if event.microphone:
            say = self.machine.fixed("no_microphone")
        else:
            say = self.machine.problem("no_microphone", event.note
                                       or translate("WindowEvents", NO_MICROPHONE))
        # One that never opened is tried again quietly; a lost one reconnects by itself.
        self.retry_microphone = not event.microphone and not event.note
        if self.retry_microphone and not w._retry.isActive():
            w._retry.start()
        self.tell(say)

    def hands_free(self, on: bool) -> None:
        self.tell(self.machine.set_hands_free(on))

    # -- the user's own commands ----------------------------------------------------------
    def asked(self) -> None:
        self.tell(self.machine.turn_started())

    def recording(self) -> None:
        self.tell(self.machine.hearing(translate("WindowEvents", "Recording: release to ask")))

    # -- events from the worker ---------------------------------------------------------
    def on_event(self, event) -> None:
        w, m = self.w, self.machine
        if isinstance(event, MicLevel):
            w.level_meter.setValue(int(event.level * 100))
        elif isinstance(event, TurnCompleted):
            answer = without_cli_advice(event.answer)
            w.chat.grow_answer(event.turn_id, answer)
            if event.notices:     # beside the answer (the voice says them after it)
                self.set_notice_line(" ".join(n.message for n in event.notices))
            if self.announcing:   # the voice was told to stay silent: this is the reply
                a11y.announce(w.chat, translate("WindowEvents", "Assistant: {answer}").format(
                    answer=spoken(answer, event.notices)))
            self.tell(m.idle())
        elif isinstance(event, TurnRecorded):
            turn = event.turn
            shown = without_cli_advice(turn.answer)
            if shown != turn.answer:
                turn = dataclasses.replace(turn, answer=shown)
            w.chat.finish(event.turn_id, turn=turn)
            self.tell(m.idle() if m.status.state != "speaking" else Say())
            w.keys.touch()
        elif isinstance(event, Progress):
            self._progress(event)
        elif isinstance(event, ModelLoading):
            self.tell(m.loading(translate("WindowEvents", "Loading {model}…").format(
                model=event.model)))
        elif isinstance(event, ModelLoaded):
            self._model_loaded(event)
        elif isinstance(event, StageStarted) and event.stage in STAGE_WORDS:
            self.tell(m.stage(translate("WindowEvents", STAGE_WORDS[event.stage])))
        elif isinstance(event, ListeningChanged):
            self.listening(event)
        elif isinstance(event, SpeechStarted):
            self.tell(m.hearing())
        elif isinstance(event, Transcript):
            said = translate("WindowEvents", "You said: {question}").format(question=event.text)
            w.chat.add_question(event.turn_id, said + WORKING)
            # What was heard, so a screen reader user can tell a misheard question at once.
            a11y.announce(w.chat, said)
        elif isinstance(event, TurnStarted):
            if event.turn_id not in w.chat.open_turns():   # asked another way (a voice command)
                if event.question in QUESTION_WORDS:
                    asked = translate("WindowEvents", QUESTION_WORDS[event.question])
                else:
                    asked = translate("WindowEvents", "You asked: {question}").format(
                        question=event.question) + WORKING
                w.chat.add_question(event.turn_id, asked)
            self.tell(m.turn_started())
        elif isinstance(event, AnswerGrowing):
            w.chat.grow_answer(event.turn_id, without_cli_advice(event.text))
        elif isinstance(event, TurnCancelled):
            w.chat.cancel(event.turn_id, translate("WindowEvents", CANCEL_WORDS[event.reason])
                          if event.reason in CANCEL_WORDS
                          else translate("WindowEvents", "Not answered."))
            self.tell(m.idle())
        elif isinstance(event, CommandHeard):
            w.chat.cancel(event.turn_id, translate("WindowEvents", "Voice command: {command}.")
                          .format(command=event.command))
            self.tell(m.idle())
        elif isinstance(event, (UtteranceIgnored, SpeakingFinished)):
            self.tell(m.idle())
        elif isinstance(event, SpeakingStarted):
            self.tell(m.speaking())
        elif isinstance(event, ErrorEvent):
            self._error(event)
        elif isinstance(event, SelfTestDone):
            self._self_tested(event)
        elif isinstance(event, HistoryRestored):
            w.chat.set_turns(event.turns)
            early, self._early_notes = self._early_notes or [], None
            for note in early:   # said once already; kept in the chat the history replaced
                w.chat.add_note(note)
        elif isinstance(event, HistoryCleared):
            w.chat.clear_all()
            cleared = translate("WindowEvents", "The chat history was cleared.")
            self.set_notice_line(cleared)
            a11y.announce(w.chat, cleared)

    def _self_tested(self, done: SelfTestDone) -> None:
        """Each failed part a problem of the state (staff's status line, the kiosk's visitor
        words) until a later self-test passes; the result said once (the worker speaks it)."""
        m = self.machine
        failed = {SELFTEST_PROBLEMS[p] for p in done.failed() if p in SELFTEST_PROBLEMS}
        for problem in SELFTEST_PROBLEMS.values():
            if problem in failed:
                m.problem(problem, "")
            elif m.has(problem):
                m.fixed(problem)
        self.w.selftest = done
        self.notice(selftest_words(done, self.w.kiosk), assertive=not done.passed)

    def _progress(self, event: Progress) -> None:
        w, m = self.w, self.machine
        if event.stage == READY_STAGE:
            if event.total > 0 and event.done >= event.total:
                if w.config.ui.hands_free and not w.hands_free_button.isChecked():
                    w.hands_free_button.setChecked(True)
                stale = m.status.background
                self.tell(m.became_ready())
                if stale and w.notice.text() == stale:
                    self.set_notice_line("")
            else:
                self.tell(m.loading(event.message))
        elif event.stage == "settings" and self.quiet_save:
            pass   # a look key's save: the key said "Text size 115 percent", once
        elif event.stage in ("settings", "history"):   # "Settings saved and applied."
            self.set_notice_line(event.message)
            self.tell(Say(announce=event.message))
        else:  # a model being prepared beside the conversation: shown while it lasts
            self._background(event.message, event.done, event.total)

    def _background(self, message: str, done: int, total: int) -> None:
        m = self.machine
        shown = bool(m.status.background) and self.w.notice.text() == m.status.background
        self.tell(m.progress(message, done, total))
        if m.status.background:
            self.set_notice_line(m.status.background)
        elif shown:                     # no stale "Preparing…" once it is done
            self.set_notice_line("")

    def _model_loaded(self, event: ModelLoaded) -> None:
        w = self.w
        if self.machine.status.background:
            self._background("", 1, 1)
        known = w.models.get(event.stage, "")
        if event.model not in known:  # an engine's helper model (OCR) joins its engine's entry
            w.models[event.stage] = f"{known} + {event.model}" if known else event.model
        if event.device and event.device != "cpu":
            w.models[event.stage] += f" ({event.device})"
        w.models_label.setText("; ".join(
            translate("WindowEvents", "{stage}: {model}").format(
                stage=translate("WindowEvents", STAGE_NAMES[k]) if k in STAGE_NAMES else k,
                model=v)
            for k, v in sorted(w.models.items())))
        uses_gpu = any("cuda" in v for v in w.models.values()) or "cuda" in event.device
        w.compute_label.setText("GPU" if uses_gpu else "CPU")

    def _error(self, event: ErrorEvent) -> None:
        w, m = self.w, self.machine
        problem = PROBLEM_CODES.get(event.code)
        waiting = m.status.state == "thinking"    # the user waits for an answer to this
        if problem is not None:
            say = m.problem(problem, self.public(problem, event.message))
            m.idle()
            self.tell(say)
            return
        m.idle()
        message = without_cli_advice(event.message)
        open_turns = w.chat.open_turns()
        if waiting and open_turns:   # the question it answers keeps its row, the reason under it
            w.chat.cancel(open_turns[-1], translate("WindowEvents", "Not answered: {reason}")
                          .format(reason=message))
            self.set_notice_line(message)
            self.tell(Say(announce=message, assertive=True))
            return
        # The answer to what the user just asked interrupts; anything else waits its turn.
        self.notice(message, assertive=waiting)
