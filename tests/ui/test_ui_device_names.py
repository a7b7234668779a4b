"""The Settings pickers name devices as the system does: V4L2 card names from a sysfs folder
(a fake one, laid out as the kernel's), PortAudio's names through the AudioHub (the tests'
fake PortAudio), the system's routes as "System default"."""
from __future__ import annotations

from pathlib import Path

from fake_portaudio import FakeSoundDevice

from assistant.audio.hub import AudioHub


def _sysfs(root: Path) -> Path:
    for node, name, index in (("video0", "Integrated Camera: Integrated C", "0"),
                              ("video1", "Integrated Camera: Integrated C", "1"),   # metadata
                              ("video2", "HD Pro Webcam C920", "0"),
                              ("video4", "HD Pro Webcam C920", "0")):
        (root / node).mkdir(parents=True)
        (root / node / "name").write_text(name + "\n")
        (root / node / "index").write_text(index + "\n")
    return root


def _hub() -> AudioHub:
    def device(name, inputs, outputs):
        return dict(name=name, max_input_channels=inputs, max_output_channels=outputs,
                    default_samplerate=48000.0)
    return AudioHub(FakeSoundDevice(None, [
        device("HDA Intel PCH: ALC256 Analog (hw:0,0)", 2, 2),
        device("USB Audio Device: - (hw:1,0)", 1, 0), device("pulse", 32, 32),
        device("default", 32, 32), device("sysdefault", 128, 128)]))


def _items(box) -> list[tuple[str, str]]:
    return [(box.itemData(i), box.itemText(i)) for i in range(box.count())]


def test_cameras_microphones_and_speakers_by_their_names(qtbot, tmp_path):
    from ui.settings_dialog import SettingsDialog
    from ui_support import home, ui_config

    dialog = SettingsDialog(ui_config(camera="2", microphone="pulse"),
                            paths=home(tmp_path), v4l2_root=_sysfs(tmp_path / "v4l2"),
                            audio_hub=_hub())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.camera.itemText(0) != "Camera 0",
                    timeout=10_000)
    assert _items(dialog.camera) == [("0", "Integrated Camera: Integrated C"),
                                     ("2", "HD Pro Webcam C920"), ("4", "HD Pro Webcam C920 (2)")]
    assert dialog.camera.currentText() == "HD Pro Webcam C920"      # camera 2 still chosen
    assert _items(dialog.microphone) == [("", "System default"), ("HDA Intel PCH: ALC256 Analog (hw:0,0)",
                                         "HDA Intel PCH: ALC256 Analog"),
                                         ("USB Audio Device: - (hw:1,0)", "USB Audio Device: -"),
                                         ("pulse", "System default (pulse)")]
    assert dialog.microphone.currentText() == "System default (pulse)"
    assert _items(dialog.speaker_device) == [("", "System default"), (
        "HDA Intel PCH: ALC256 Analog (hw:0,0)", "HDA Intel PCH: ALC256 Analog")]
    assert dialog.speaker_device.currentText() == "System default"
    dialog.camera.setCurrentIndex(2)
    dialog.microphone.setCurrentIndex(1)
    chosen = dialog.result_config().ui
    assert (chosen.camera, chosen.microphone, chosen.speaker_device) == (
        "4", "HDA Intel PCH: ALC256 Analog (hw:0,0)", "")


def test_no_v4l2_keeps_numbered_cameras_and_a_typed_file(qtbot, tmp_path):
    from ui.settings_dialog import SettingsDialog
    from ui_support import home, ui_config

    dialog = SettingsDialog(ui_config(camera=str(tmp_path / "clip.mp4")), paths=home(tmp_path),
                            v4l2_root=tmp_path / "none", audio_hub=_hub())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.microphone.count() == 3, timeout=10_000)
    assert dialog.result_config().ui.camera == str(tmp_path / "clip.mp4")
