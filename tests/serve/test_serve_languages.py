"""``serve`` answers in the request's language (issue 23, must-have 6): the language its
question is written in, else its ``Accept-Language`` header, else the server's
``ui.language`` (here fixed to Spanish). A real server, the embedded engine, the sample sign."""
from __future__ import annotations

import signal

import pytest
from serve_support import data_url, sign_message, start

from assistant.i18n import text_language

PICTURE_ONLY = {"role": "user", "content": [{"type": "image_url", "image_url": {"url": data_url()}}]}
ENGLISH = frozenset("the is it says and of there this what mostly".split())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    served = start(tmp_path_factory.mktemp("serve"), config='[ui]\nlanguage = "es"\n')
    yield served
    if served.proc.poll() is None:
        served.stop(signal.SIGKILL)


def ask(server, message, accept: str | None = None) -> dict:
    headers = {"Accept-Language": accept} if accept else {}
    with server.http() as http:
        reply = http.post("/v1/chat/completions", headers=headers,
                          json={"model": "embedded", "messages": [message]})
    assert reply.status_code == 200, reply.text
    return reply.json()


def said(reply: dict) -> str:
    return " ".join([reply["choices"][0]["message"]["content"],
                     *(n["message"] for n in reply.get("notices", []))])


def words(text: str) -> set[str]:
    import re

    return set(re.findall(r"[\w']+", text.casefold()))


def test_the_question_language_wins(server):
    reply = ask(server, sign_message("Qu'est-ce qui est écrit sur le panneau ?"), accept="de")
    text = said(reply)
    assert "LAUNCH PAD" in text and text_language(text.replace("LAUNCH PAD", "")) == "fr", text
    assert not ENGLISH & words(text), text


def test_accept_language_when_the_picture_comes_alone(server):
    text = said(ask(server, PICTURE_ONLY, accept="de-CH, fr;q=0.8, en;q=0.5"))
    assert "LAUNCH PAD" in text and text_language(text.replace("LAUNCH PAD", "")) == "de", text
    assert not ENGLISH & words(text), text


def test_an_english_question_is_answered_in_english(server):
    text = said(ask(server, sign_message("What does the sign say?"), accept="fr"))
    assert "LAUNCH PAD" in text and text_language(text) == "en", text


def test_the_setting_when_the_request_says_nothing(server):
    text = said(ask(server, PICTURE_ONLY))
    assert "LAUNCH PAD" in text and text_language(text.replace("LAUNCH PAD", "")) == "es", text
    assert not ENGLISH & words(text), text
