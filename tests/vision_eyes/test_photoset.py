"""The handheld photo set itself (no engine): it builds, it is the mix it claims to be,
its degradations are real, it builds the same bytes every time, and its scoring
matches whole words only."""
from __future__ import annotations

import collections
import io

import numpy as np
import pytest
from PIL import Image

from photoset import degrade, sources
from photoset.build import build_all, jpeg_bytes, photo
from photoset.cases import (COLOUR_QUESTION, KINDS, PhotoCase, all_cases, collector,
                            recipes)
from photoset.score import (MODEL_NOTE, check_facts, content_words, has_phrase, recall,
                            says_cant_tell)

CASES = all_cases()
# At least this many cases of each kind, as blind users' photos go (VizWiz, Be My Eyes).
MINIMUM = {"screen": 5, "medicine": 4, "food": 5, "letter": 3, "receipt": 3, "menu": 2,
           "tv": 2, "sign": 4, "colour": 3, "unusable": 10}
# Blurred or shaken cases and the real photo each was made from.
BLURRED = (("object_cat_face_blur", "chelsea"), ("unusable_floor_moving", "gravel"),
           ("unusable_tv_smear", "lecture_hall"), ("people_football_shake", "football"),
           ("object_cat_window", "cat_window"), ("sign_no_parking_shake", "sign_barrier"),
           ("sign_sports_close", "sign_sports"), ("object_fruit_close", "fruits"))
# A dim case and a clean case of the same scene.
DIMMED = (("object_banana_dim", "object_breakfast_table"),
          ("screen_boot_dark_room", "screen_repair_laptop"),
          ("tv_news_dark_room", "tv_astronaut"), ("unusable_dark", "object_cat_window"))


@pytest.fixture(scope="module")
def built():
    """id -> JPEG path; built once into the temp-dir cache and reused by later runs."""
    return build_all()


def grey(img: Image.Image) -> np.ndarray:
    return np.asarray(img.convert("L"), dtype=np.float64)


def sharpness(img: Image.Image) -> float:
    """Variance of the Laplacian at half the phone frame: halving first keeps sensor
    noise and JPEG blocks from passing for detail."""
    import cv2

    frame = img.convert("RGB").resize((1024, 768) if img.width >= img.height else (768, 1024))
    half = cv2.resize(np.asarray(frame.convert("L")), None, fx=0.5, fy=0.5,
                      interpolation=cv2.INTER_AREA)
    return float(cv2.Laplacian(half, cv2.CV_64F).var())


def test_every_case_builds_as_an_rgb_phone_photo(built):
    assert set(built) == {case.id for case in CASES}
    for case_id, path in built.items():
        with Image.open(path) as img:
            assert img.format == "JPEG" and img.mode == "RGB", case_id
            assert 500 <= max(img.size) <= 1400 and min(img.size) >= 300, (case_id, img.size)


def test_the_mix_is_what_blind_users_send():
    usable = [c for c in CASES if c.usable]
    holdout = [c for c in CASES if c.split == "holdout"]
    assert len(CASES) >= 55 and len(usable) >= 45 and len(CASES) - len(usable) >= 10
    assert len(holdout) >= 22 and sum(not c.usable for c in holdout) >= 4
    assert 0.3 <= len(holdout) / len(CASES) <= 0.5
    kinds = collections.Counter(c.kind for c in CASES)
    assert set(kinds) <= set(KINDS)
    for kind, least in MINIMUM.items():
        assert kinds[kind] >= least, (kind, kinds[kind])
    assert kinds["object"] + kinds["people"] >= 8
    assert all(c.question == COLOUR_QUESTION for c in CASES if c.kind == "colour")
    assert len({c.question for c in CASES}) >= 4


def test_ids_are_unique_and_cases_are_well_formed():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)) == len(recipes())
    for case in CASES:
        assert case.usable == bool(case.facts), case.id
        assert 6 <= len(case.description.split()) <= 25, case.id
        if not case.usable:
            assert case.kind == "unusable", case.id


def test_a_case_rejects_bad_fields():
    good = dict(id="x", split="tune", question="q", description="one two three four five six",
                facts=(("cat",),), usable=True)
    PhotoCase(**good)
    for bad in (dict(split="train"), dict(description="too short"), dict(facts=()),
                dict(facts=(("Cat",),)), dict(usable=False), dict(kind="kitchen")):
        with pytest.raises(ValueError):
            PhotoCase(**{**good, **bad})


def test_two_cases_cannot_share_an_id(monkeypatch):
    from photoset import cases_text

    twin: list = []
    collector(twin)(CASES[0].id, "tune", "object", "a copy of the first case, on purpose",
                    (("x",),))(lambda seed: Image.new("RGB", (64, 64)))
    monkeypatch.setattr(cases_text, "RECIPES", cases_text.RECIPES + twin)
    with pytest.raises(ValueError, match="share the id"):
        recipes()


@pytest.mark.parametrize("case_id, source", BLURRED)
def test_blurred_cases_are_softer_than_their_source(built, case_id, source):
    with Image.open(built[case_id]) as img:
        blurred = sharpness(img)
    clean = sharpness(degrade.backdrop(sources.photo(source)))
    assert blurred < 0.8 * clean, (blurred, clean)


@pytest.mark.parametrize("dim_id, clean_id", DIMMED)
def test_dim_cases_are_darker_than_the_same_scene_in_good_light(built, dim_id, clean_id):
    with Image.open(built[dim_id]) as dim, Image.open(built[clean_id]) as clean:
        assert grey(dim).mean() < 0.6 * grey(clean).mean()


def test_camera_faults_change_a_real_photo():
    coffee = degrade.backdrop(sources.photo("coffee"))
    glared = grey(degrade.glare(coffee, (0.5, 0.5), 0.1, 1.0))
    assert glared[384, 512] >= 250 > grey(coffee)[384, 512]
    assert grey(degrade.low_light(coffee, 0.3, seed=1)).mean() < 0.4 * grey(coffee).mean()
    turned = degrade.turn(coffee, 180)
    assert np.array_equal(np.asarray(degrade.turn(turned, 180)), np.asarray(coffee))
    assert degrade.turn(coffee, 90).size == (768, 1024)
    assert sharpness(degrade.motion(coffee, 15, 30)) < 0.5 * sharpness(coffee)
    assert sharpness(degrade.defocus(coffee, 4)) < 0.5 * sharpness(coffee)
    close = degrade.reframe(coffee, (0.25, 0.25, 0.75, 0.75))
    assert close.size == coffee.size and not np.array_equal(np.asarray(close),
                                                            np.asarray(coffee))
    assert grey(degrade.finger(coffee, 1, cover=0.85)).std() < 0.6 * grey(coffee).std()


def test_unusable_cases_are_blurred_dark_or_washed_out(built):
    for case in CASES:
        if case.usable:
            continue
        with Image.open(built[case.id]) as img:
            level = grey(img).mean()
            assert sharpness(img) < 60 or level < 40 or level > 235, case.id


def test_building_is_deterministic(built):
    """The same bytes in this process as in the build workers, for noisy and quiet cases."""
    for case_id in ("screen_boot_dark_room", "medicine_prescription_dim", "colour_red_fabric",
                    "unusable_finger", "sign_parking"):
        assert jpeg_bytes(case_id) == built[case_id].read_bytes(), case_id
    again = photo("receipt_grocery")
    with Image.open(io.BytesIO(jpeg_bytes("receipt_grocery"))) as img:
        assert np.array_equal(np.asarray(again), np.asarray(img.convert("RGB")))


def test_build_all_only_writes_what_is_missing(tmp_path, monkeypatch):
    from photoset import build

    few = tuple(c for c in CASES if c.id in ("colour_apple", "sign_parking", "unusable_dark"))
    monkeypatch.setattr(build, "all_cases", lambda split: few)
    first = build_all(tmp_path, workers=1)
    assert sorted(first) == sorted(c.id for c in few)
    victim = first["colour_apple"]
    stamp = {p: p.stat().st_mtime_ns for p in first.values()}
    victim.unlink()
    again = build_all(tmp_path, workers=1)
    assert again == first and victim.is_file()
    assert all(p.stat().st_mtime_ns == stamp[p] for p in first.values() if p != victim)


def test_facts_match_whole_words_and_phrases_only():
    case = next(c for c in CASES if c.id == "screen_repair_laptop")
    assert check_facts("A laptop. Windows CANNOT\nrepair this computer.", case) == []
    assert check_facts("A laptopcase; it cannot repairs", case) == list(case.facts)
    assert not has_phrase("category", "cat") and not has_phrase("scatter", "cat")
    assert has_phrase("A cat.", "cat") and has_phrase("(cat)", "cat")
    assert has_phrase("Amount due: $84.17.", "84.17") and not has_phrase("184.17", "84.17")
    assert has_phrase("5% battery", "5%") and not has_phrase("25% battery", "5%")
    assert has_phrase("It says \u2019night time\u2019", "night time")
    assert has_phrase("HONEY OAT. CRUNCH", "oat crunch") and not has_phrase("oatcrunch", "oat crunch")


def test_recall_counts_content_words_after_normalising():
    description = "Two bottles of pills showing 24 caplets on a table."
    assert content_words(description) == {"two", "bottl", "pill", "24", "caplet", "tabl"}
    assert recall(description, "A bottle with pills; 24 caplets. A table.") == pytest.approx(5 / 6)
    assert recall(description, f"Nothing here. {MODEL_NOTE}") == 0.0
    assert recall("A man sitting and reading", "men sit and read") == pytest.approx(2 / 3)


def test_the_give_up_phrase_is_recognised():
    assert says_cant_tell("The picture is blurry. I can't tell what this is.")
    assert says_cant_tell("I can\u2019t make out what it is.") and says_cant_tell("I cannot tell what")
    assert not says_cant_tell("I can tell what this is: a cat.")


def test_a_missing_source_names_the_package_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(sources, "OPENCV_FOLDERS", (tmp_path,))
    sources._cached.cache_clear()
    try:
        with pytest.raises(sources.SourceMissing, match="opencv-doc"):
            sources.photo("bus")
    finally:
        sources._cached.cache_clear()
    monkeypatch.setattr(sources, "FONT_DIR", tmp_path)
    sources.font.cache_clear()
    try:
        with pytest.raises(sources.SourceMissing, match="fonts-dejavu-core"):
            sources.font("sans", 20)
    finally:
        sources.font.cache_clear()
