"""The conversation's ears: microphone windows -> utterances, barge-in, push-to-talk, level.

Runs on one thread (the engine's listener), fed 32 ms windows in stream order, so its
state needs no lock. For every speech window heard while our reply may be audible it asks
the echo detector whether the window is our own voice coming back. That gives three
things: barge-in (a few windows in a row that are speech but not our echo stop the
reply), the true onset of the user's voice (the first such window, not the moment
barge-in was decided: the whole question is kept), and which leading part of an
utterance was only our echo (trimmed). Push-to-talk records everything between the real
press and the real release (``ptt.PushToTalk`` absorbs key auto-repeat).

A word split off by a pause ("ask ... not") comes back at the start of the next turn (the
segmenter's ``continues``), unless our own voice was heard in the audio taken back. The
short turn handed out before is then cancelled through its ``Heard.token``: as a question it
is dropped, while a command in it still runs and the hearing leaves its words out of the
next turn (``Heard.takes_back``, ``kept_apart``).

Speculative hearing (``options.speculate``, ``speculation.py``): once a pause in a hands-free
turn has run the segmenter's ``tail_s``, the turn is handed out tentatively (the same audio
it would hold if the pause ended it) and confirmed or dropped when the pause is decided.

Smart end of turn (``options.smart_turn``): when a pause begins in a hands-free turn, the
turn so far goes to the ``TurnJudge`` (a quick tiny.en transcript on its own thread); its
answer, read at the next windows, sets how long this pause may last (``turn_end``): short
after a finished question or command, long after "and the". Push-to-talk never asks.
"""
from __future__ import annotations

import collections
import math
import time
from typing import Callable

import numpy as np

from ..audio.segmenter import SegmentStarted, Utterance, UtteranceCutter
from ..events import Event
from .echo_guard import RATE, EchoDetector
from .events import ConversationOptions, MicLevel, UtteranceIgnored, missed
from .heard import Heard, trim
from .onset import OnsetHold
from .ptt import PushToTalk, Talk
from .speculation import Tentative
from .turn_judge import TurnJudge

__all__ = ["Heard", "Listener", "level_of", "trim"]

LEVEL_EVERY_S = 0.05


def level_of(block: np.ndarray) -> float:
    """Loudness 0..1 on a dB scale (-60 dBFS -> 0, 0 dBFS -> 1)."""
    if block.size == 0:
        return 0.0
    rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))
    if rms <= 1e-6:
        return 0.0
    return max(0.0, min(1.0, (20.0 * math.log10(rms) + 60.0) / 60.0))


class Listener:
    """Fed windows by ``push``; hands finished turns to ``on_heard``."""

    def __init__(self, detector, options: ConversationOptions, *, echo: EchoDetector,
                 speaking: Callable[[], bool], on_heard: Callable[[Heard], None],
                 on_barge_in: Callable[[float], None], emit: Callable[[Event], None],
                 on_talk: Callable[[Talk], None] = lambda talk: None,
                 judge: TurnJudge | None = None,
                 on_hold: Callable[[float], None] = lambda now: None,
                 on_release: Callable[[float], None] = lambda now: None) -> None:
        self.options = options
        self.judge = judge
        self._pause = 0                 # the pauses in hands-free turns, counted
        self._in_pause = False
        self._spec_pause = 0            # the pause a turn was last handed out in
        self.echo = echo
        self._speaking = speaking
        self._on_heard = on_heard
        self._on_barge_in = on_barge_in
        self._emit = emit
        self._on_talk = on_talk
        self.window = detector.window_samples
        self.onset = OnsetHold(window_s=self.window / RATE, on_hold=on_hold, on_release=on_release)
        self.cutter = UtteranceCutter(detector, options.segmenter, threshold=options.vad_threshold,
                                      on_speech_start=self._speech_started)
        self.ptt = PushToTalk(options.push_to_talk)
        self.hands_free = options.hands_free
        self._recent: collections.deque[np.ndarray] = collections.deque(
            maxlen=int(options.echo_window_s * RATE / self.window) + 1)
        pre = int(options.segmenter.pre_roll_s * RATE / self.window) + 1
        self._pre_roll: collections.deque[np.ndarray] = collections.deque(maxlen=pre)
        self._ptt_audio: list[np.ndarray] | None = None
        self._ptt_start_s = 0.0
        self.stream_s = 0.0             # seconds of audio heard
        self.clock_offset = 0.0         # monotonic time minus stream time (newest block)
        self._double_talk = 0
        self._run_start_s: float | None = None    # first window of the current non-echo run
        self._user_onset_s: float | None = None   # first non-echo speech since the last pause
        self._echo_seen = False                   # an echo window since the last pause
        self._barged = False
        # A barge-in whose turn has not been handed on yet: kept across the pauses that reset
        # the turn's other state, so the turn that follows is known to have stopped our voice.
        self._barge_unheard = False
        self._barge_at = 0.0
        self._last_level = 0.0
        self._last_heard: Heard | None = None     # the hands-free turn a next one may continue
        self._last_echo_s = -1.0                  # end of the newest window that was our echo
        # The open turn's start, where to keep it from, and the short turn it takes back.
        self._keep_from: tuple[float, float, Heard | None] | None = None
        self._speculated: Heard | None = None     # handed out while its pause runs
        self._speculated_span: tuple[float, float] = (0.0, 0.0)   # its (start_s, end_s) as cut

    # -- inputs (listener thread only) -------------------------------------------------
    def block(self, block: np.ndarray, arrived: float) -> None:
        block = np.asarray(block, np.float32).reshape(-1)
        self.clock_offset = arrived - (self.stream_s + block.shape[0] / RATE)
        if arrived - self._last_level >= LEVEL_EVERY_S:
            self._last_level = arrived
            self._emit(MicLevel(level=level_of(block)))
        for at in range(0, block.shape[0], self.window):
            self._window(block[at:at + self.window])
        self.tick(arrived)

    def press(self, now: float) -> None:
        for talk in self.ptt.press(now):
            self._talk(talk)

    def release(self, now: float) -> None:
        for talk in self.ptt.release(now):
            self._talk(talk)

    def tick(self, now: float) -> None:
        for talk in self.ptt.tick(now):
            self._talk(talk)

    def set_hands_free(self, on: bool) -> None:
        self.hands_free = on
        self.onset.let_go(time.monotonic())
        self._drop_speculated()
        self.cutter.reset()
        self._reset_turn()
        self._last_heard = None

    def configure(self, options: ConversationOptions) -> None:
        """New run-time options (``ConversationEngine.configure``); the open turn goes on
        under the new timing. Listener thread only."""
        self.options = options
        self.cutter.segmenter.options = options.segmenter
        pre = int(options.segmenter.pre_roll_s * RATE / self.window) + 1
        if pre != self._pre_roll.maxlen:
            self._pre_roll = collections.deque(self._pre_roll, maxlen=pre)

    def flush(self, now: float) -> None:
        """End of the audio (a replayed file, closing): finish the open turn."""
        if self._ptt_audio is not None:
            self._talk(Talk.END)
        self._finish(self.cutter.flush(), now)

    def to_monotonic(self, stream_s: float) -> float:
        return stream_s + self.clock_offset

    # -- windows ---------------------------------------------------------------------
    def _window(self, piece: np.ndarray) -> None:
        start_s = self.stream_s
        self.stream_s += piece.shape[0] / RATE
        self._recent.append(piece)
        if self._ptt_audio is not None:
            self._ptt_audio.append(piece.copy())
            return
        self._pre_roll.append(piece.copy())
        if not self.hands_free:
            return
        self._pause_decided()
        done = self.cutter.push(piece)
        now = self.to_monotonic(self.stream_s)
        self._finish(done, now)          # a turn this window closed uses what came before it
        self._classify(start_s, now)
        self._pause_began()

    # -- smart end of turn -----------------------------------------------------------
    def _pause_began(self) -> None:
        seg = self.cutter.segmenter
        if seg.silence_s <= 0:           # speaking, or no turn open
            self._in_pause = False
            if self._speculated is not None and seg.in_speech:
                self._drop_speculated()  # the user went on: that pause did not end the turn
            return
        if self._in_pause:
            self._speculate()
            return
        self._in_pause = True
        self._pause += 1
        opts = self.options
        if self.judge is not None and opts.smart_turn and TurnJudge.understands(opts.language):
            self.judge.ask(self._pause, self.cutter.open_audio(), seg.options.end_silence_s,
                           opts.language, seg.went_on_after_s)

    def _speculate(self) -> None:
        """Hand the open turn out once its pause has run ``tail_s``: from then on its audio
        is what the turn would hold if this pause ended it. Also in a pause lengthened for a
        sentence that sounds unfinished: when the user does stop there, the answer is not
        held up by the longer pause on top of the transcription."""
        seg = self.cutter.segmenter
        opts = self.options
        if not opts.speculate or self._speculated is not None or self._spec_pause == self._pause:
            return
        if seg.silence_s + 1e-9 < seg.options.tail_s:
            return
        self._spec_pause = self._pause
        utt = self.cutter.open_utterance()
        if utt is None:
            return
        shaped = self._shape(utt)
        if isinstance(shaped, str):      # our own voice, or too short: the pause decides
            return
        kept, takes_back = shaped
        now = self.to_monotonic(self.stream_s)
        heard = Heard(kept, end_of_turn=now, last_voice=self._last_voice(kept),
                      barged_in=self._barged or self._barge_unheard, takes_back=takes_back,
                      tentative=Tentative())
        self._speculated, self._speculated_span = heard, (utt.start_s, utt.end_s)
        self._on_heard(heard)

    def _drop_speculated(self) -> None:
        heard, self._speculated = self._speculated, None
        if heard is not None:
            heard.tentative.drop()

    def _pause_decided(self) -> None:
        if self.judge is None or not self._in_pause:
            return
        seconds = self.judge.decision(self._pause)
        if seconds is not None:
            self.cutter.segmenter.set_pause(seconds)

    def _classify(self, start_s: float, now: float) -> None:
        """Is this window speech, and whose: ours coming back, or the user's?"""
        opts = self.options
        speech = self.cutter.last_probability >= opts.vad_threshold
        echo_like = False
        if speech:
            audible = self._speaking() or now < self.echo.audible_until() + opts.echo_max_delay_s
            echo_like = audible and self.echo.score(np.concatenate(list(self._recent)),
                                                    now) >= opts.echo_threshold
        if opts.barge_in and opts.onset_hold:    # our voice held while the VAD decides
            speaking = self._speaking()          # what we played is read only while we speak
            self.onset.feed(self._recent[-1], now=now, speaking=speaking, speech=speech,
                            ours=echo_like, playing_rms=self.echo.level(
                                now - opts.echo_max_delay_s, now) if speaking else 0.0)
        else:
            self.onset.let_go(now)
        if not speech:
            self._double_talk = 0
            self._run_start_s = None
            if not self.cutter.in_speech:
                self._reset_turn()
                if self._barge_unheard and now - self._barge_at > opts.segmenter.pre_roll_s \
                        + 2 * opts.segmenter.end_silence_s:
                    # Talk that stopped our voice never became a turn (too soft or short for
                    # the segmenter): reported, not lost.
                    self._barge_unheard = False
                    missed(self._emit)
            return
        if echo_like:
            self._echo_seen = True
            self._last_echo_s = self.stream_s
            self._double_talk = 0
            self._run_start_s = None
            return
        if self._run_start_s is None:
            self._run_start_s = start_s
        if self._user_onset_s is None:
            self._user_onset_s = start_s
        if not (opts.barge_in and self._speaking()):
            return
        self._double_talk += 1
        if self._double_talk >= opts.barge_in_windows:
            self._double_talk = 0
            self._barged = self._barge_unheard = True
            self._barge_at = now
            # The user's voice began where this run began, not now.
            self._user_onset_s = min(self._user_onset_s, self._run_start_s)
            self._on_barge_in(now)

    def _reset_turn(self) -> None:
        self._user_onset_s = None
        self._echo_seen = False
        self._barged = False
        self._run_start_s = None

    def _speech_started(self, event: SegmentStarted) -> None:
        from ..events import SpeechStarted

        self._emit(SpeechStarted())
        self._keep_from = None
        if event.handed_back_s > 0:
            self._take_back(event)
        self._last_heard = None

    def _take_back(self, event: SegmentStarted) -> None:
        """Audio taken back from before the usual pre-roll is the user's, unless our reply was
        heard in it: then the turn keeps only its usual start and the short turn stands."""
        short = self._last_heard if event.continues else None
        # The short turn as it was heard (its leading echo already cut), then the pause.
        users_until = event.start_s if short is None else short.utterance.end_s
        if self._last_echo_s > users_until:
            self._keep_from = (event.start_s, event.start_s + event.handed_back_s, None)
            return
        if short is not None:
            self._keep_from = (event.start_s, short.utterance.start_s, short)
            short.token.cancel("continued")   # it is part of this turn now

    def _finish(self, done: list[Utterance], now: float) -> None:
        from ..events import SpeechEnded

        for utt in done:
            self._emit(SpeechEnded(duration_s=utt.duration_s))
            shaped = self._shape(utt)
            barged = self._barged
            self._reset_turn()
            speculated, self._speculated = self._speculated, None
            if speculated is not None:
                if (utt.start_s, utt.end_s) == self._speculated_span:
                    # The pause ended the turn: the same audio was handed out already.
                    self._barge_unheard = False
                    self._last_heard = speculated
                    speculated.tentative.confirm(now)
                    continue
                speculated.tentative.drop()
            if shaped == "own_voice_acoustic":      # every speech window was our own voice
                self._emit(UtteranceIgnored(reason=shaped, duration_s=utt.duration_s))
                self._last_heard = None
                continue
            barged = barged or self._barge_unheard
            self._barge_unheard = False
            if isinstance(shaped, str):
                self._emit(UtteranceIgnored(reason=shaped, duration_s=utt.duration_s))
                if barged:
                    missed(self._emit)
                self._last_heard = None
                continue
            kept, takes_back = shaped
            heard = Heard(kept, end_of_turn=now, last_voice=self._last_voice(kept),
                          barged_in=barged, takes_back=takes_back)
            self._last_heard = heard
            self._on_heard(heard)

    def _shape(self, utt: Utterance) -> tuple[Utterance, Heard | None] | str:
        """The turn as handed out and the short turn it takes back, or why it is not one
        ("own_voice_acoustic", "too_short"). Reads the open turn's state, changes nothing."""
        opts = self.options
        takes_back = None
        if self._keep_from is not None and self._keep_from[0] == utt.start_s:
            _start, keep_from, takes_back = self._keep_from
            utt = trim(utt, keep_from)
        if self._echo_seen:
            if self._user_onset_s is None:
                return "own_voice_acoustic"
            # Our echo first, then the user: keep from the usual pre-roll before the user's
            # first window (soft onsets like the "s" of "stop" come before the detector).
            # A turn that took back the user's earlier word begins with that word.
            if utt.handed_back_s <= 0:
                utt = trim(utt, self._user_onset_s - opts.segmenter.pre_roll_s)
        if utt.duration_s < opts.min_utterance_s:
            return "too_short"
        return utt, takes_back

    def _last_voice(self, utt: Utterance) -> float:
        return self.to_monotonic(max(utt.end_s - self.options.segmenter.tail_s, utt.start_s))

    # -- push-to-talk ----------------------------------------------------------------
    def _talk(self, talk: Talk) -> None:
        self._on_talk(talk)
        if talk is Talk.BEGIN:
            self._drop_speculated()
            self.cutter.reset()
            self._reset_turn()
            self._last_heard = None
            # The first syllable often starts with the key press: keep the pre-roll.
            self._ptt_audio = list(self._pre_roll)
            self._ptt_start_s = self.stream_s - sum(p.shape[0] for p in self._ptt_audio) / RATE
            return
        chunks, self._ptt_audio = self._ptt_audio or [], None
        audio = np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)
        seconds = audio.shape[0] / RATE
        now = time.monotonic()
        if not self.ptt.long_enough(seconds):
            self._emit(UtteranceIgnored(reason="too_short", duration_s=seconds))
            return
        utt = Utterance(audio=audio, start_s=self._ptt_start_s, end_s=self.stream_s,
                        reason="push_to_talk")
        self._on_heard(Heard(utt, end_of_turn=now, last_voice=now, barged_in=False,
                             source="push_to_talk"))
