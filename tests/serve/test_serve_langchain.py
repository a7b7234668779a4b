"""``assistant serve`` as LangChain's ``ChatOpenAI`` uses it (issue 24): ``invoke`` with
text only and with a picture, ``stream``, and ``with_structured_output`` in each of its
methods, which this server cannot honour and so refuses with a 400 naming the field (before,
``tools`` and ``response_format`` were ignored and structured output came back as None)."""
from __future__ import annotations

import signal

import pytest
from serve_support import data_url, start, words


@pytest.fixture(scope="module")
def chat(tmp_path_factory):
    from langchain_openai import ChatOpenAI      # the [test] extra installs it

    served = start(tmp_path_factory.mktemp("langchain"), config="[tts]\nengine = \"none\"\n")
    yield ChatOpenAI(model="embedded", api_key=served.token, base_url=served.api, max_retries=0,
                     timeout=120)
    served.stop(signal.SIGTERM)


def _sign_question():
    from langchain_core.messages import HumanMessage

    return HumanMessage(content=[{"type": "text", "text": "What does the sign say?"},
                                 {"type": "image_url", "image_url": {"url": data_url()}}])


def test_invoke_with_text_only_is_answered_with_what_the_server_does(chat):
    answer = chat.invoke("Say hello").content
    assert "picture" in answer.lower(), answer


def test_invoke_and_stream_about_a_picture_give_the_same_answer(chat):
    whole = chat.invoke([_sign_question()]).content
    pieces = [chunk.content for chunk in chat.stream([_sign_question()])]
    assert {"launch", "pad"} <= words(whole), whole
    assert "".join(pieces).strip() == whole.strip()


@pytest.mark.parametrize("method,field", [("json_schema", "response_format"),
                                          ("json_mode", "response_format"),
                                          ("function_calling", "tools")])
def test_structured_output_is_refused_naming_the_field(chat, method, field):
    import openai
    from pydantic import BaseModel

    class Sign(BaseModel):
        text: str

    with pytest.raises(openai.BadRequestError) as refused:
        chat.with_structured_output(Sign, method=method).invoke([_sign_question()])
    error = refused.value.body
    assert error["code"] == "unsupported_field" and error["param"] == field, error
    assert field in error["message"]
