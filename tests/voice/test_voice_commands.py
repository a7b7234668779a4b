"""Voice commands: what is a command, and what is a question that merely contains the word."""
from __future__ import annotations

import pytest

from assistant.voice.commands import VoiceCommand, parse_command


@pytest.mark.parametrize("text, command", [
    ("Stop.", VoiceCommand.STOP), ("stop talking!", VoiceCommand.STOP), ("Okay, stop please.", VoiceCommand.STOP),
    ("Be quiet.", VoiceCommand.STOP), ("Stop, stop.", VoiceCommand.STOP), ("Never mind.", VoiceCommand.STOP),
    ("Repeat.", VoiceCommand.REPEAT), ("Could you repeat that, please?", VoiceCommand.REPEAT),
    ("Say that again.", VoiceCommand.REPEAT), ("What did you say?", VoiceCommand.REPEAT),
    ("Slower.", VoiceCommand.SLOWER), ("Slow down a bit, please.", VoiceCommand.SLOWER),
    ("Speak more slowly.", VoiceCommand.SLOWER), ("You’re too fast.", VoiceCommand.SLOWER),
    ("Faster!", VoiceCommand.FASTER), ("Speed up.", VoiceCommand.FASTER), ("Hey assistant, faster", VoiceCommand.FASTER),
])
def test_commands_are_recognised(text, command):
    assert parse_command(text) is command


@pytest.mark.parametrize("text", [
    "What does the stop sign say?", "Is it safe to stop here?", "Repeat after me: the cat sat.",
    "Why is the car going slower than the bus?", "Which runner is faster?", "What is on the table?",
    "", "   ", "...", "Thank you.", "stop " * 12,
])
def test_questions_are_not_commands(text):
    assert parse_command(text) is None


def test_short_requests_ending_in_again_repeat():
    from assistant.voice.commands import VoiceCommand, parse_command

    for said in ("Say it now again.", "tell me that again", "read it again please"):
        assert parse_command(said) is VoiceCommand.REPEAT, said
    for said in ("what does it say again about the bridge", "is it raining again"):
        assert parse_command(said) is None, said


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "fr-FR", "de_DE"])
def test_each_word_of_the_command_prompt_is_a_command(language):
    """The recogniser is primed with these words over our voice; a primed transcript is only
    taken when it is a command, so each sentence of the prompt must be one."""
    from assistant.voice.commands import command_prompt

    prompt = command_prompt(language)
    assert prompt
    sentences = [s for s in prompt.split(".") if s.strip()]
    assert len(sentences) >= 4
    assert all(parse_command(s) is not None for s in sentences), prompt
    assert {parse_command(s) for s in sentences} == set(VoiceCommand)


def test_no_prompt_for_a_language_without_commands():
    from assistant.voice.commands import command_prompt

    assert command_prompt("ja") is None and command_prompt(None) is None
