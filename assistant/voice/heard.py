"""A turn as the listener hands it on (``Heard``), and cutting the start off an utterance.

Shared by the listener (which makes them), the hearing (which transcribes them) and the
guards, apart from the listener's machinery so that each can import them alone.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from ..audio.segmenter import Utterance
from ..cancel import CancelToken
from .speculation import Tentative


@dataclass(frozen=True)
class Heard:
    utterance: Utterance
    end_of_turn: float        # monotonic: when the turn was closed
    last_voice: float         # monotonic: end of the voiced audio
    barged_in: bool
    source: str = "hands_free"   # or "push_to_talk"
    # Cancelled ("continued") when the user went on and the next turn takes this one back.
    token: CancelToken = field(default_factory=CancelToken, compare=False, repr=False)
    takes_back: Heard | None = field(default=None, compare=False, repr=False)
    # Set by the hearing when this was a command (done at once) or our own voice: a turn
    # that took it back leaves it out again.
    kept_apart: threading.Event = field(default_factory=threading.Event, compare=False,
                                        repr=False)
    # Handed out before its pause was over: heard at once, shown and answered only once the
    # listener confirms the pause ended the turn (``speculation.py``).
    tentative: Tentative | None = field(default=None, compare=False, repr=False)

    def turn_ended(self) -> float:
        """When the turn ended (for a confirmed tentative turn, when its pause did)."""
        ended = self.tentative.ended_at if self.tentative is not None else None
        return self.end_of_turn if ended is None else ended


def trim(utt: Utterance, from_s: float) -> Utterance:
    """The utterance from stream time ``from_s`` on (unchanged when that is before it)."""
    if from_s <= utt.start_s:
        return utt
    cut = min(int(round((from_s - utt.start_s) * utt.sample_rate)), utt.audio.shape[0])
    cut_s = cut / utt.sample_rate
    # In whole samples: stream times are sums of floats, and a handed-back part cut exactly
    # must leave 0, not 3e-15 s (the listener reads any handed-back audio left as the user's
    # earlier word and then keeps the turn's leading echo of our voice).
    handed_back = int(round(utt.handed_back_s * utt.sample_rate)) - cut
    return Utterance(audio=utt.audio[cut:], start_s=utt.start_s + cut_s, end_s=utt.end_s,
                     reason=utt.reason, sample_rate=utt.sample_rate,
                     handed_back_s=max(handed_back, 0) / utt.sample_rate, continues=utt.continues)
