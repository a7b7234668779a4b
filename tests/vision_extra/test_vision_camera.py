"""Frame sources: OpenCVCamera over a fake cv2 replaying real photos; real video files."""
from __future__ import annotations

import queue
import threading

import numpy as np
import pytest

from assistant.errors import DeviceError, InputError
from assistant.vision.camera import Frame, ImageFileSource, OpenCVCamera, VideoFileSource


def _which_photo(image: np.ndarray, photos: dict[str, np.ndarray]) -> str | None:
    for name, rgb in photos.items():
        if rgb.shape == image.shape and np.array_equal(rgb, image):
            return name
    return None


def test_camera_hands_out_rgb_photos(fake_cv2, photos) -> None:
    with OpenCVCamera(0, cv2_module=fake_cv2) as cam:
        frame = cam.latest()
        assert isinstance(frame, Frame)
        assert frame.image.dtype == np.uint8 and frame.image.ndim == 3
        # Converted back from the fake driver's BGR to exactly the RGB photo.
        assert _which_photo(frame.image, photos) in {"astronaut", "coffee", "chelsea"}
        assert frame.to_pil().size == (frame.image.shape[1], frame.image.shape[0])


def test_camera_latest_is_newest_without_backlog(fake_cv2) -> None:
    with OpenCVCamera(0, cv2_module=fake_cv2) as cam:
        first = cam.latest()
        threading.Event().wait(0.3)  # let ~18 frames go by
        newest = cam.latest()
        # The reader drains the driver: what we get is within a frame of the last read.
        assert newest.seq > first.seq + 5
        assert newest.seq >= fake_cv2.reads - 1
        assert newest.timestamp > first.timestamp


def test_camera_recent_keeps_a_small_ring(fake_cv2) -> None:
    with OpenCVCamera(0, cv2_module=fake_cv2, ring_size=5) as cam:
        threading.Event().wait(0.25)
        three = cam.recent(3)
        assert [f.seq for f in three] == sorted(f.seq for f in three)
        assert len(three) == 3
        assert len(cam.recent(50)) == 5
        seqs = [f.seq for f in cam.recent(5)]
        assert seqs == list(range(seqs[0], seqs[0] + 5))  # consecutive, oldest first


def test_camera_unreadable_index_is_a_plain_device_error(fake_cv2) -> None:
    with pytest.raises(DeviceError) as info:
        OpenCVCamera(7, cv2_module=fake_cv2).open()
    err = info.value
    assert err.code == "camera_unavailable"
    assert "7" in err.message and "cv2" not in err.user_text().lower()
    assert err.hint


def test_camera_that_opens_but_sends_nothing(photos, make_fake_cv2) -> None:
    silent = make_fake_cv2([photos["coffee"]], silent=True)
    cam = OpenCVCamera(0, cv2_module=silent, open_timeout_s=0.3)
    with pytest.raises(DeviceError) as info:
        cam.open()
    assert info.value.code == "camera_unavailable"
    assert silent.released == silent.opened  # nothing left open


def test_camera_reports_loss_and_reconnects(fake_cv2) -> None:
    statuses: queue.Queue = queue.Queue()
    cam = OpenCVCamera(0, cv2_module=fake_cv2, on_status=statuses.put,
                       failures_before_lost=3, reopen_interval_s=0.05)
    with cam:
        cam.latest()
        fake_cv2.unplug()
        problem = statuses.get(timeout=3)
        assert isinstance(problem, DeviceError) and problem.code == "camera_lost"
        assert cam.problem is problem
        with pytest.raises(DeviceError) as info:
            cam.latest()
        assert info.value.code == "camera_lost"
        assert "camera" in info.value.user_text().lower()
        before = fake_cv2.reads
        fake_cv2.plug()
        assert statuses.get(timeout=3) is None  # back again
        frame = cam.latest()
        assert cam.problem is None
        # Frames flow again after the reopen.
        assert cam.latest(timeout=2).seq >= frame.seq and fake_cv2.reads > before
    assert fake_cv2.opened >= 2


def test_camera_close_is_clean_and_idempotent(fake_cv2) -> None:
    cam = OpenCVCamera(0, cv2_module=fake_cv2)
    cam.open()
    cam.latest()
    cam.close()
    cam.close()
    assert fake_cv2.released == fake_cv2.opened == 1
    assert not [t for t in threading.enumerate() if t.name == "camera-0"]
    with pytest.raises(DeviceError) as info:
        cam.latest()
    assert info.value.code == "camera_closed"
    # Reopening gives fresh frames, not ones from before the close.
    with cam:
        assert cam.latest().seq == 1 or cam.recent(5)[0].seq == 1


def _close_to(image: np.ndarray, expected: np.ndarray) -> float:
    return float(np.abs(image.astype(int) - expected.astype(int)).mean())


def test_video_file_steps_frame_by_frame(video_file) -> None:
    path, frames, fps = video_file
    with VideoFileSource(path, realtime=False, loop=False) as video:
        assert video.fps == pytest.approx(fps)
        assert video.frame_count == len(frames)
        got = [video.latest() for _ in range(len(frames))]
        for i, frame in enumerate(got):
            assert frame.image.shape == (120, 160, 3)
            # MJPG is lossy, yet each frame is nearest to its own source crop.
            errors = [_close_to(frame.image, f) for f in frames]
            assert int(np.argmin(errors)) == i and errors[i] < 12
        assert not video.ended.is_set()
        last = video.latest()
        assert video.ended.is_set() and last.seq == len(frames)


def test_video_file_loops_in_step_mode(video_file) -> None:
    path, frames, _ = video_file
    with VideoFileSource(path, realtime=False, loop=True) as video:
        seen = [video.latest() for _ in range(len(frames) + 3)]
    assert not video.ended.is_set()
    assert _close_to(seen[len(frames)].image, frames[0]) < 12  # back to the start


def test_video_file_realtime_paces_and_ends(video_file) -> None:
    path, frames, fps = video_file
    with VideoFileSource(path, realtime=True, loop=False) as video:
        first = video.latest()
        assert video.ended.wait(timeout=len(frames) / fps + 3)
        last = video.latest()
        assert last.seq == len(frames)
        elapsed = last.timestamp - first.timestamp
        # 19 frame periods at 20 fps: paced like a camera, not dumped at once.
        assert elapsed >= 0.8 * (len(frames) - 1) / fps
        assert len(video.recent(10)) == 5


def test_video_file_realtime_loops(video_file) -> None:
    path, frames, fps = video_file
    with VideoFileSource(path, realtime=True, loop=True) as video:
        done = threading.Event()
        done.wait((len(frames) + 6) / fps + 0.3)
        assert video.latest().seq > len(frames)
        assert not video.ended.is_set()


def test_video_file_errors_are_plain(tmp_path) -> None:
    with pytest.raises(InputError) as missing:
        VideoFileSource(tmp_path / "nope.avi").open()
    assert "not found" in missing.value.message
    junk = tmp_path / "junk.avi"
    junk.write_bytes(b"this is not a video" * 10)
    with pytest.raises(InputError) as bad:
        VideoFileSource(junk).open()
    assert "could not be read as a video" in bad.value.message


def test_image_file_source(tmp_path, photos) -> None:
    from PIL import Image

    path = tmp_path / "coffee.png"
    Image.fromarray(photos["coffee"]).save(path)
    with ImageFileSource(path) as still:
        a, b = still.latest(), still.latest()
        assert np.array_equal(a.image, photos["coffee"])
        assert b.timestamp >= a.timestamp
        assert len(still.recent(3)) == 1
    with pytest.raises(InputError):
        ImageFileSource(tmp_path / "missing.jpg").open()
    text = tmp_path / "notes.jpg"
    text.write_text("not a picture")
    with pytest.raises(InputError):
        ImageFileSource(text).open()
