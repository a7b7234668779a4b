"""Vision models asked in the reply language (issue 23, must-have 4): a multilingual
image-text model (SmolVLM, Gemma 3) and the remote OpenAI engine are told to answer in it; an
English-only one (LLaVA 1.5 here, BLIP-2/BLIP/LLaVA engines alike) is asked as before and the
reply says once per conversation that it answers in English. Tiny random-weight models
(tests/tiny_imagetext.py): the words they say are noise, the prompt they get is not."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from assistant.conversation.sessions import SessionStore
from assistant.i18n import speaking
from assistant.notices import ENGLISH_ONLY
from assistant.pipeline import Assistant
from assistant.remote.vision import messages
from assistant.vision.imagetext import ImageTextEngine

SIGN = Path(__file__).resolve().parents[2] / "resources" / "samples" / "sign.jpg"
ASKED = {"fr": "Answer in French.", "de": "Answer in German.", "es": "Answer in Spanish."}


@pytest.mark.parametrize("arch", ("smolvlm", "gemma3"))
def test_multilingual_model_is_told_the_reply_language(tmp_path, tiny_imagetext, arch):
    engine = ImageTextEngine(str(tiny_imagetext(arch)), device="cpu", max_new_tokens=4)
    sign = Image.open(SIGN)
    for lang, instruction in ASKED.items():
        result = Assistant(vision=engine, reply_setting=lang).ask(sign, text="Was ist das?")
        assert instruction in result.details["prompt"], result.details["prompt"]
        assert [other for other in ASKED.values() if other in result.details["prompt"]] == [instruction]
        assert ENGLISH_ONLY not in [n.code for n in result.notices]
    english = Assistant(vision=engine, reply_setting="en").ask(sign, text="What is this?")
    assert not any(i in english.details["prompt"] for i in ASKED.values())
    engine.close()


def test_english_only_model_answers_in_english_and_says_so_once(tmp_path, tiny_imagetext):
    engine = ImageTextEngine(str(tiny_imagetext("llava-1.5")), device="cpu", max_new_tokens=4)
    assert engine.english_only
    sign = Image.open(SIGN)
    assistant = Assistant(vision=engine, reply_setting="fr",
                          sessions=SessionStore(tmp_path / "sessions"))
    first = assistant.ask(sign, text="Qu'est-ce que c'est ?", session="s")
    assert not any(i in first.details["prompt"] for i in ASKED.values())
    said = [n for n in first.notices if n.code == ENGLISH_ONLY]
    assert len(said) == 1 and said[0].message == "Ce modèle de vision ne répond qu'en anglais."
    second = assistant.ask(sign, text="De quelle couleur ?", session="s")
    assert ENGLISH_ONLY not in [n.code for n in second.notices]      # once per conversation
    english = Assistant(vision=engine, reply_setting="en").ask(sign, text="What is this?")
    assert ENGLISH_ONLY not in [n.code for n in english.notices]     # nothing to say in English
    engine.close()


def test_remote_engine_is_told_the_reply_language():
    sign = Image.open(SIGN)
    for lang, instruction in ASKED.items():
        with speaking(lang):
            system = messages(sign, "Was steht da?")[0]["content"]
        assert system.endswith(instruction), system
    with speaking("en"):
        assert not any(i in messages(sign, "What does it say?")[0]["content"] for i in ASKED.values())
