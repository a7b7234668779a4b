"""The smart end of turn's decision (issue 26): what was said so far -> how long a pause
ends the turn. Pure: text in, seconds out. Before it, every pause was ``end_silence_s``."""
from __future__ import annotations

import pytest

from assistant.asr.partial import without_repeats
from assistant.voice.turn_end import (AGAIN_MARGIN_S, AGAIN_MAX_S, LONG_PAUSE_S, SHORT_PAUSE_S, Ending,
                                      ending, pause_after)


@pytest.mark.parametrize("text", [
    "What does the sign say?", "What is this?", "Who is he?", "stop", "Stop.", "Be quiet.",
    "Slow down please", "Thank you.", "What does the sign say.", "Read the text.",
    "Had he married a more amiable woman he might have been made still more respectable than he was.",
])
def test_a_finished_question_or_command_gets_the_short_pause(text):
    assert ending(text) is Ending.COMPLETE
    assert pause_after(text, 0.8) == SHORT_PAUSE_S


@pytest.mark.parametrize("text", [
    "He was not an ill disposed young man.",
    "Ask not what your country can do for you.", "I dropped my keys somewhere here.",
    "It's a red box on the left.",
])
def test_a_finished_statement_gets_the_short_pause(text):
    assert ending(text) is Ending.STATEMENT
    assert pause_after(text, 0.8) == SHORT_PAUSE_S


@pytest.mark.parametrize("text", [
    # quick transcripts of real recordings: the jfk address's lead-in, Asterisk's fragments
    "And so my fellow American.", "Participants in the conference.", "The person at extension.",
    "My fellow Americans and friends.",
])
def test_a_statement_without_a_verb_is_not_a_finished_turn(text):
    assert ending(text) is Ending.UNFINISHED
    assert pause_after(text, 0.5) == LONG_PAUSE_S


def test_a_speaker_who_went_on_after_a_long_pause_is_waited_for_as_long_again():
    # The jfk address: a pause of 1.09 s inside the turn, then "... can do for you." and 0.61 s.
    statement = "And so my fellow Americans ask not what your country can do for you."
    assert pause_after(statement, 0.5) == SHORT_PAUSE_S
    assert pause_after(statement, 0.5, went_on_after_s=1.09) == pytest.approx(1.09 + AGAIN_MARGIN_S)
    assert pause_after("and so my fellow Americans ask not", 0.5, went_on_after_s=1.06) == \
        pytest.approx(1.06 + AGAIN_MARGIN_S)
    # A question or a command still ends the turn after the short pause.
    assert pause_after("What does the sign say?", 0.5, went_on_after_s=1.09) == SHORT_PAUSE_S
    assert pause_after("stop", 0.5, went_on_after_s=1.09) == SHORT_PAUSE_S
    # A pause no longer than the setting tells nothing; a very long one is not waited whole.
    assert pause_after(statement, 0.5, went_on_after_s=0.45) == SHORT_PAUSE_S
    assert pause_after(statement, 0.5, went_on_after_s=4.0) == AGAIN_MAX_S
    assert pause_after("and the", 0.5, went_on_after_s=1.4) == LONG_PAUSE_S + 0.15


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


def test_without_the_verb_lexicon_a_statement_counts_as_finished(monkeypatch):
    """lemminflect missing (a bare `pip install` of the core without it, a damaged wheel):
    the judge goes on as before the verb check, never stops judging."""
    import sys

    from assistant.voice import turn_end

    turn_end._en_verb.cache_clear()
    try:
        with monkeypatch.context() as patch:
            patch.setitem(sys.modules, "lemminflect", None)     # import fails
            turn_end.warm_up()
            assert ending("And so my fellow Americans.") is Ending.STATEMENT
    finally:
        turn_end._en_verb.cache_clear()
    assert ending("And so my fellow Americans.") is Ending.UNFINISHED
