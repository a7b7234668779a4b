"""Face counting with OpenCV Haar cascades on real photos."""
from __future__ import annotations

import time

import numpy as np
import pytest

from assistant.vision.faces import (FaceBox, FaceDetector, FaceOptions, detect_faces,
                                    merge_boxes, shared_detector)

# The astronaut's face in skimage.data.astronaut() (512 x 512), by eye.
FACE_CENTRE = (222, 115)


def _centre(box: FaceBox) -> tuple[float, float]:
    return box.x + box.w / 2, box.y + box.h / 2


def test_faces_astronaut_has_one(photos) -> None:
    t0 = time.perf_counter()
    boxes = detect_faces(photos["astronaut"])
    elapsed = time.perf_counter() - t0
    assert len(boxes) == 1
    cx, cy = _centre(boxes[0])
    assert abs(cx - FACE_CENTRE[0]) < 25 and abs(cy - FACE_CENTRE[1]) < 25
    assert 60 < boxes[0].w < 140
    assert elapsed < 10


@pytest.mark.parametrize("name", ["coffee", "rocket", "chelsea"])
def test_faces_none_without_people(photos, name) -> None:
    assert detect_faces(photos[name]) == []


def test_faces_two_people_side_by_side(photos) -> None:
    a = photos["astronaut"]
    boxes = detect_faces(np.hstack([a, a[:, ::-1]]))
    assert len(boxes) == 2
    assert boxes[0].x < 512 <= boxes[1].x  # one face in each half


def test_faces_large_frame_boxes_in_its_own_pixels(photos) -> None:
    big = np.kron(photos["astronaut"], np.ones((3, 3, 1), np.uint8))  # 1536 x 1536
    boxes = detect_faces(big)
    assert len(boxes) == 1
    cx, cy = _centre(boxes[0])
    assert abs(cx - 3 * FACE_CENTRE[0]) < 75 and abs(cy - 3 * FACE_CENTRE[1]) < 75


def test_faces_dim_and_grey(photos) -> None:
    import cv2

    dim = (photos["astronaut"] * 0.3).astype(np.uint8)
    assert len(detect_faces(dim)) == 1
    assert len(detect_faces(cv2.cvtColor(photos["astronaut"], cv2.COLOR_RGB2GRAY))) == 1


def test_faces_merge_keeps_distinct_and_joins_overlaps() -> None:
    a = FaceBox(100, 100, 80, 80)
    same = FaceBox(105, 98, 78, 82, "profile")
    inside = FaceBox(120, 120, 40, 40, "profile")
    other = FaceBox(300, 100, 80, 80, "profile")
    merged = merge_boxes([same, inside, a, other], iou=0.3)
    assert merged == [a, other]


def test_faces_options(photos) -> None:
    with pytest.raises(ValueError):
        FaceOptions(scale_factor=1.0)
    frontal_only = FaceDetector(FaceOptions(use_profile=False))
    assert frontal_only.count(photos["astronaut"]) == 1
    assert shared_detector() is shared_detector()
