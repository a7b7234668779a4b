"""Table-driven tests for the question router: many phrasings per intent."""
from __future__ import annotations

import pytest

from assistant.vision.router import Intent, normalise, route

CASES = {
    Intent.READ_TEXT: [
        "What does this say?", "what does it say", "WHAT DOES THIS SAY?!", "read this",
        "Read this.", "  read   this  ", "can you read it for me", "please read the label",
        "What’s written here?", "what's written here", "whats written on this",
        "what is printed on the box", "What does the sign say?", "what does the letter say",
        "what does the screen show", "is there any text on this", "read me the page",
        "what does the label on this bottle say", "Could you read out the instructions?",
        "what's the text", "which bill is this",
    ],
    Intent.COLOUR: [
        "What colour is this?", "what color is this", "WHAT COLOR IS IT", "what colours are these",
        "Which colour is my shirt?", "what's the colour of this jumper", "tell me the colour",
        "is this shirt blue?", "Is it red or green?", "are these socks black", "what colour is the writing",
        "tell me its colour", "does this match?", "what shade is this",
    ],
    Intent.LIGHT: [
        "Is the light on?", "is the light on", "are the lights on?", "Is the lamp off?",
        "is it dark", "Is it dark in here?", "is it bright outside", "did I leave the light on",
        "lights on or off?", "how dark is it", "is there any light", "is the room dark?",
        "is the kitchen light still on",
    ],
    Intent.COUNT_PEOPLE: [
        "How many people are here?", "how many people are in the room", "HOW MANY PEOPLE?",
        "is anyone there", "Is anybody here?", "is there someone in front of me",
        "am I alone?", "count the people", "how many faces can you see", "are there any people",
        "who is here", "is someone there?", "how many of us are there",
    ],
    Intent.DESCRIBE: [
        "describe", "Describe this.", "describe the room", "what do you see", "What can you see?",
        "what's in front of me", "What is in front of me?", "tell me what you see",
        "what am I looking at", "what am I holding?", "What is this?", "what's that",
        "look around", "where am I", "what's going on", "give me a description", "look",
        "what's around me", "What is in the picture?", "what's in this photo",
        "What is on the camera?",
    ],
    Intent.FIND: [
        "Is there a chair?", "is there a chair here", "where is my cup", "Where are my keys?",
        "do you see a bottle", "can you see my phone", "find the door", "are there any cups",
        "is my laptop here", "look for my glasses",
    ],
    Intent.COUNT: [
        "How many cups are there?", "how many bottles", "how many chairs can you see",
    ],
    Intent.MORE: [
        "What else is there?", "anything else?", "what else can you see", "and what else",
        "what other things are here",
    ],
    Intent.QUESTION: [
        "Is the door open?", "how old is this milk", "is this a cat or a dog",
        "what is the man doing", "can I cross the street now", "is the stove on",
        "which way is the exit", "is my cup full", "is this dish clean",
        "bread or cake?", "what breed is this dog",
    ],
}

TABLE = [(q, intent) for intent, qs in CASES.items() for q in qs]


@pytest.mark.parametrize(("question", "expected"), TABLE, ids=[q for q, _ in TABLE])
def test_router_table(question: str, expected: Intent) -> None:
    assert route(question) is expected


def test_router_empty_means_describe() -> None:
    assert route("") is Intent.DESCRIBE
    assert route("  ?! ") is Intent.DESCRIBE


def test_router_intents_are_strings() -> None:
    assert Intent("read_text") is Intent.READ_TEXT
    assert Intent.COLOUR == "colour"
    assert {i.value for i in Intent} == {"describe", "question", "read_text", "colour",
                                         "light", "count_people", "count", "find", "more"}


def test_router_normalise_handles_apostrophes_and_case() -> None:
    assert normalise("What’s WRITTEN here?!") == "what is written here"
    assert normalise("Isn't it dark...") == "is not it dark"
