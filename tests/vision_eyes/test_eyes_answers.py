"""The offline engine on the handheld photo set's held-out split: every usable photo gets
its facts said and is not given up on; unusable photos are given up on, or, where shapes
and colours still show, get only those, hedged (the rule real photos taught: describe what
can be made out before refusing). Real models, real photos with rendered screens, labels,
letters and receipts composited in and degraded as a blind user's phone would.

Only the holdout split gates: the tune split is what rules were written against
(``bench/calibrate.py``), and ``bench/eyes.py`` reports it beside the real photos.
The held-out photos the engine still gets wrong are listed below with what it misses, as
strict expected failures: a fix turns them into passes that must be moved out of the list.
"""
from __future__ import annotations

import statistics

import pytest

from photoset.build import build_all
from photoset.cases import all_cases
from photoset.score import check_facts, recall, says_cant_tell, strip_note

from assistant.vision.embedded import EmbeddedEngine
from assistant.vision.image import load_image

CASES = {case.id: case for case in all_cases("holdout")}
# Case -> what is still missed.
KNOWN_GAPS = {
    "screen_boot_dark_room": "a dim screen's message is not read",
    "food_cereal_tilted": "the product name on a tilted box is not read",
    "letter_appointment_close": "the date is past the words a description quotes",
    "tv_football_angle": "the TV seen at an angle is not detected",
    "sign_sports_close": "the sign seen close and shaken is not read",
    "object_candle_glass": "no COCO class for a candle, and no confident label",
    "object_desk_things": "small desk things are not detected",
}


@pytest.fixture(scope="module")
def answers():
    """id -> answer text (the fixed model note removed), each photo answered once."""
    paths = build_all(split="holdout")
    engine = EmbeddedEngine(announce_missing_model=False)
    return {cid: strip_note(engine.answer(load_image(paths[cid]), case.question).text)
            for cid, case in CASES.items()}


def _params():
    for cid in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[cid])] if cid in KNOWN_GAPS \
            else []
        yield pytest.param(cid, marks=marks, id=cid)


@pytest.mark.parametrize("cid", list(_params()))
def test_each_photo(answers, cid):
    case, answer = CASES[cid], answers[cid]
    if case.usable:
        assert not says_cant_tell(answer), answer
        assert check_facts(answer, case) == [], answer
        assert len(answer.split()) <= 60, answer
    else:
        assert says_cant_tell(answer) or only_hedged(answer), answer


def only_hedged(answer: str) -> bool:
    """Colours and shapes, or a hedged guess at a kind: nothing read, nothing named as sure."""
    hedged = answer.startswith(("I can only make out colours", "It might be", "Probably"))
    return hedged and '"' not in answer


def test_the_whole_set(answers):
    usable = [c for c in CASES.values() if c.usable]
    unusable = [c for c in CASES.values() if not c.usable]
    wrong = sum(says_cant_tell(answers[c.id]) for c in usable)
    caught = sum(says_cant_tell(answers[c.id]) or only_hedged(answers[c.id]) for c in unusable)
    refused = sum(says_cant_tell(answers[c.id]) for c in unusable)
    facts = sum(not check_facts(answers[c.id], c) for c in usable)
    mean_recall = statistics.mean(recall(c.description, answers[c.id]) for c in CASES.values())
    # The bars for held-out real photos, scaled to this set's size.
    assert wrong <= 0.2 * len(usable)
    assert caught >= 0.8 * len(unusable)
    assert refused >= 2          # the dark frames and the plain wall are still refused
    assert facts >= 0.7 * len(usable)   # 18 of 25 before the real-photo work, and now
    assert mean_recall >= 0.3
