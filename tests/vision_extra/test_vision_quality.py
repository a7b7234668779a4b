"""Frame quality on real photos, and the same photos darkened, blurred or covered."""
from __future__ import annotations

import dataclasses
import threading

import cv2
import numpy as np
import pytest

from assistant.vision.quality import FrameQuality, QualityThresholds, check_frame, sharpest

NAMES = ("astronaut", "coffee", "chelsea", "rocket")


def _blur(image: np.ndarray, sigma_at_512: float) -> np.ndarray:
    return cv2.GaussianBlur(image, (0, 0), sigma_at_512 * image.shape[1] / 512)


@pytest.mark.parametrize("name", NAMES)
def test_quality_real_photos_are_fine(photos, name) -> None:
    q = check_frame(photos[name])
    assert isinstance(q, FrameQuality)
    assert q.ok and q.problem == "" and q.message == ""
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.blurred = True  # type: ignore[misc]


@pytest.mark.parametrize("name", NAMES)
def test_quality_blurred(photos, name) -> None:
    q = check_frame(_blur(photos[name], 3))
    assert q.blurred and not q.too_dark and not q.covered
    assert q.sharpness < check_frame(photos[name]).sharpness / 5
    assert q.message == "The picture is blurry. Hold the camera still for a moment."


@pytest.mark.parametrize("name", NAMES)
def test_quality_dim_room_is_dark_not_covered(photos, name) -> None:
    dim = (photos[name] * 0.2).astype(np.uint8)
    q = check_frame(dim)
    assert q.too_dark and not q.covered
    assert q.message == "The picture is too dark. Try turning on a light."


@pytest.mark.parametrize("name", NAMES)
def test_quality_covered_lens(photos, name) -> None:
    rng = np.random.default_rng(1)
    # A hand over the lens: almost black, almost uniform, a little sensor noise.
    covered = np.clip(photos[name] * 0.03 + rng.normal(0, 1.5, photos[name].shape), 0, 255)
    q = check_frame(covered.astype(np.uint8))
    assert q.covered and q.problem == "covered"
    assert "covered" in q.message
    # A finger in daylight: bright, skin coloured, featureless.
    finger = _blur(photos[name], 60) * 0.05 + np.array([200, 140, 120]) * 0.95
    q = check_frame(np.clip(finger + rng.normal(0, 1.5, finger.shape), 0, 255).astype(np.uint8))
    assert q.covered and not q.too_dark


def test_quality_grey_and_size_independent(photos) -> None:
    gray = cv2.cvtColor(photos["astronaut"], cv2.COLOR_RGB2GRAY)
    assert check_frame(gray).ok
    small = check_frame(photos["astronaut"]).sharpness
    # The same pixels at twice the size (a bigger sensor) score the same; without
    # the fixed analysis width the Laplacian variance would drop about fourfold.
    big_image = cv2.resize(photos["astronaut"], (1024, 1024), interpolation=cv2.INTER_NEAREST)
    assert check_frame(big_image).sharpness == pytest.approx(small, rel=0.1)


def test_quality_thresholds_validated(photos) -> None:
    with pytest.raises(ValueError):
        QualityThresholds(dark_mean=300)
    with pytest.raises(ValueError):
        QualityThresholds(blur_variance=-1)
    with pytest.raises(ValueError):
        check_frame(np.zeros((0, 0, 3), np.uint8))
    # Stricter settings change the verdict on the same real photo.
    assert not check_frame(photos["rocket"], QualityThresholds(dark_mean=90)).ok
    assert check_frame(photos["rocket"]).ok


def test_sharpest_picks_the_crisp_frame(photos) -> None:
    image = photos["coffee"]
    frames = [_blur(image, 2), _blur(image, 1), image, _blur(image, 0.6), _blur(image, 4)]
    assert sharpest(frames) is frames[2]
    assert sharpest(frames[:2]) is frames[1]
    with pytest.raises(ValueError):
        sharpest([])


def test_sharpest_of_camera_frames(photos, make_fake_cv2) -> None:
    from assistant.vision.camera import OpenCVCamera

    shaky = [_blur(photos["chelsea"], s) for s in (3, 2, 0.01, 4, 2.5)]
    fake = make_fake_cv2(shaky, fps=100)
    with OpenCVCamera(0, cv2_module=fake) as cam:
        cam.latest()
        threading.Event().wait(0.2)  # ~20 frames at 100 fps fill the ring
        frames = cam.recent(5)
        assert len(frames) == 5
        best = sharpest(frames)
    assert np.array_equal(best.image, shaky[2])
