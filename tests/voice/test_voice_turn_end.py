"""The smart end of turn's decision (issue 26): what was said so far -> how long a pause
ends the turn. Pure: text in, seconds out. Before it, every pause was ``end_silence_s``."""
from __future__ import annotations

import pytest

from assistant.asr.partial import without_repeats
from assistant.voice.turn_end import LONG_PAUSE_S, SHORT_PAUSE_S, Ending, ending, pause_after


@pytest.mark.parametrize("text", [
    "What does the sign say?", "What is this?", "Who is he?", "stop", "Stop.", "Be quiet.",
    "Slow down please", "Thank you.", "What does the sign say.", "Read the text.",
    "He was not an ill disposed young man.",
    "Had he married a more amiable woman he might have been made still more respectable than he was.",
])
def test_a_finished_question_or_command_gets_the_short_pause(text):
    assert ending(text) is Ending.COMPLETE
    assert pause_after(text, 0.8) == SHORT_PAUSE_S


@pytest.mark.parametrize("text", [
    "Ask", "Ask.", "and the", "And the?", "What is on the", "apples, pears,", "Unless to be rather...",
    "He.", "how much there might be.", "What is in", "Tell me about", "Describe",
    "Mr. John Dashwood had then leisure to consider how.",
])
def test_a_plainly_unfinished_sentence_gets_the_long_pause(text):
    assert ending(text) is Ending.UNFINISHED
    assert pause_after(text, 0.5) == LONG_PAUSE_S


@pytest.mark.parametrize("text", ["", "the sign", "Hello there", "I'd less to be rather cold-hearted in wrath"])
def test_anything_else_keeps_the_configured_silence(text):
    assert ending(text) is Ending.UNSURE
    assert pause_after(text, 0.65) == 0.65


def test_the_decision_never_works_against_the_configured_silence():
    # The short pause never lengthens a shorter setting, nor the long one shortens a longer one.
    assert pause_after("stop", 0.1) == 0.1
    assert pause_after("and the", 2.0) == 2.0
    assert pause_after("and the", 0.1) == LONG_PAUSE_S


def test_a_language_without_rules_keeps_the_configured_silence():
    assert ending("Was steht auf dem Schild?", "de") is Ending.UNSURE
    assert pause_after("und die", 0.5, language="de") == 0.5
    assert ending("What does it say?", "en-GB") is Ending.COMPLETE


@pytest.mark.parametrize("text, kept", [
    ("What is this? What is this?", "What is this?"),
    ("What is this? What is this, what", "What is this?"),
    ("Unless to be rather, unless to be rather,", "Unless to be rather,"),
    ("What does the sign say?", "What does the sign say?"),
    ("He said that that was fine.", "He said that that was fine."),
])
def test_a_quick_transcript_that_says_itself_again_is_cut_where_it_loops(text, kept):
    assert without_repeats(text) == kept
