"""The camera view on a replayed 30 fps video of real photos, and a screenshot of the window."""
from __future__ import annotations

from ui_support import answers

from assistant.vision.camera import VideoFileSource


def test_camera_view_keeps_up_with_a_30_fps_source(open_window, qtbot, camera_video):
    source = VideoFileSource(camera_video, realtime=True, loop=True)
    window = open_window(camera=source)
    seen = []
    window.camera_view.frame_shown.connect(seen.append)
    qtbot.waitUntil(lambda: len(seen) >= 60, timeout=10_000)
    # The 25 fps target is measured by bench/ui.py; here only that frames keep flowing on a
    # shared, loaded CI machine.
    assert window.camera_view.fps() >= 10.0, window.camera_view.fps()
    assert seen == sorted(seen)                  # never an older frame after a newer one
    # The question is about the frame on screen: a later frame than the first one painted.
    from PIL import Image

    from assistant.vision.image import image_id

    window.question.setText("What colours do you see?")
    on_screen = window.camera_view.current_frame
    window.ask_typed()
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=60_000)
    assert window.chat.turns()[0].image_id == image_id(Image.fromarray(on_screen.image))
    colours = ("red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black",
               "white", "grey", "gray")
    assert any(c in answers(window)[0].lower() for c in colours), answers(window)[0]


def test_window_screenshot(open_window, qtbot, tmp_path):
    from PySide6.QtGui import QImage

    window = open_window()
    window.question.setText("What does the sign say?")
    window.ask_typed()
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=60_000)
    qtbot.waitUntil(lambda: window.state == "Ready", timeout=10_000)
    shot = tmp_path / "window.png"
    assert window.grab().save(str(shot))
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    # Not blank: the camera picture and the text give many distinct colours.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 17)}
    assert len(colours) > 200
