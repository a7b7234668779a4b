"""Settings dialog: devices by name, models per stage, language, voice, timing, history, look.

It only builds a new ``AppConfig``; the window hands it to the worker, which
saves it to the file the CLI reads and reloads what changed. Device names are
listed on a helper thread, because asking PortAudio can take a moment.
"""
from __future__ import annotations

import dataclasses
import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget)

from assistant.config import AppConfig
from assistant.errors import ConfigError

from . import accessibility as a11y

LANGUAGES = (("", "Detect the language"), ("en", "English"), ("fr", "French"), ("de", "German"),
             ("es", "Spanish"), ("it", "Italian"), ("pt", "Portuguese"), ("nl", "Dutch"))


def audio_device_names() -> tuple[list[str], list[str]]:
    """(input names, output names), from the one audio owner; empty with no sound system.

    Called on a helper thread: listing devices is a PortAudio call, never the UI thread's.
    """
    try:
        from assistant.audio.hub import shared_hub

        hub = shared_hub()
        return ([d.name for d in hub.input_devices()], [d.name for d in hub.output_devices()])
    except Exception:  # no PortAudio, no devices: the user can still type a name
        return [], []


def _combo(values, current: str, *, editable: bool = True) -> QComboBox:
    box = QComboBox()
    box.setEditable(editable)
    for value in values:
        if isinstance(value, tuple):
            box.addItem(value[1], value[0])
        else:
            box.addItem(value, value)
    index = box.findData(current)
    if index >= 0:
        box.setCurrentIndex(index)
    elif editable:
        box.setEditText(current)
    return box


def _value(box: QComboBox) -> str:
    text = box.currentText()
    index = box.findText(text)
    data = box.itemData(index) if index >= 0 else None
    return str(data if data is not None else text).strip()


def _spin(low: float, high: float, step: float, value: float, suffix: str = "") -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setDecimals(2)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class SettingsDialog(QDialog):
    _devices_listed = Signal(object, object)

    def __init__(self, config: AppConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self.setWindowTitle("Settings")
        a11y.label(self, "Settings", "Devices, models, voice and history. Changes are saved for "
                   "the next start too.")
        self.config = config
        ui, asr, vision, tts = config.ui, config.asr, config.vision, config.tts
        self.camera = _combo([("0", "Camera 0"), ("1", "Camera 1"), ("2", "Camera 2")], ui.camera)
        self.microphone = _combo([("", "Default microphone")], ui.microphone)
        self.speaker_device = _combo([("", "Default speaker")], ui.speaker_device)
        self.asr_model = _combo([("auto", "Automatic"), ("tiny.en", "Whisper tiny (English)"),
                                 ("base", "Whisper base (many languages)")], asr.model)
        self.vision_engine = _combo([("auto", "Automatic"), ("blip2", "BLIP-2"),
                                     ("embedded", "Embedded (text, light, colours)")],
                                    vision.engine, editable=False)
        self.blip2_model = QLineEdit(vision.blip2_model)
        self.language = _combo(LANGUAGES, asr.language or "")
        self.voice_engine = _combo([("auto", "Automatic"), ("piper", "Piper"), ("pyttsx3", "eSpeak"),
                                    ("none", "Do not speak")], tts.engine, editable=False)
        self.voice = QLineEdit(tts.voice or "")
        self.rate = _spin(0.25, 4.0, 0.05, tts.rate, "×")
        self.end_silence = _spin(0.05, 10.0, 0.1, ui.end_silence_s, " s")
        self.hands_free = QCheckBox("Start with hands-free listening on")
        self.hands_free.setChecked(ui.hands_free)
        self.history = QCheckBox("Keep the chat history on this computer")
        self.history.setChecked(ui.history)
        self.thumbnails = QCheckBox("Keep the camera picture of each question in the history")
        self.thumbnails.setChecked(ui.history_thumbnails)
        self.high_contrast = QCheckBox("High-contrast colours")
        self.high_contrast.setChecked(ui.high_contrast)
        self.font_scale = _spin(0.5, 4.0, 0.1, ui.font_scale, "×")
        self.idle_minutes = _spin(0.5, 1440.0, 1.0, ui.kiosk_idle_minutes, " min")
        self.error = QLabel("")
        self.error.setWordWrap(True)
        a11y.label(self.error, "Settings problem", "What is wrong with the settings, if anything.")

        form = QFormLayout()
        rows = (
            ("&Camera", self.camera, "Camera number, or a picture or video file to use instead."),
            ("&Microphone", self.microphone, "Microphone by name, or a WAV file to replay."),
            ("S&peaker", self.speaker_device, "Sound output by name."),
            ("Speech &recognition model", self.asr_model, "Which Whisper model transcribes speech."),
            ("&Vision engine", self.vision_engine, "Which engine answers questions about the picture."),
            ("BLIP-2 &model", self.blip2_model, "Name or folder of the BLIP-2 model."),
            ("&Language", self.language, "The language you speak."),
            ("Voice &engine", self.voice_engine, "Which voice speaks the answers."),
            ("V&oice", self.voice, "Voice file or voice name; empty for the default."),
            ("Speaking &rate", self.rate, "How fast answers are spoken; 1 is normal."),
            ("End-of-turn &silence", self.end_silence,
             "How long a pause ends a hands-free question, in seconds."),
            ("Hands-&free", self.hands_free, "Listen all the time from the start."),
            ("&History", self.history, "Keep the chat history on disk."),
            ("Camera p&ictures in the history", self.thumbnails,
             "Store a small picture of what the camera saw with each question (off: words only)."),
            ("High &contrast", self.high_contrast, "White and yellow on black."),
            ("&Text size", self.font_scale, "Size of all text; 1 is normal."),
            ("&Kiosk idle time", self.idle_minutes,
             "In kiosk mode, the history is cleared after this many idle minutes."),
        )
        for text, widget, description in rows:
            a11y.label(widget, text.replace("&", ""), description)
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            a11y.label(button, button.text().replace("&", ""),
                       "Save the settings and apply them." if button is buttons.button(
                           QDialogButtonBox.StandardButton.Save) else "Close without saving.")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._devices_listed.connect(self._fill_devices)
        threading.Thread(target=lambda: self._devices_listed.emit(*audio_device_names()),
                         name="list-audio-devices", daemon=True).start()

    def _fill_devices(self, inputs: list[str], outputs: list[str]) -> None:
        for box, names in ((self.microphone, inputs), (self.speaker_device, outputs)):
            for name in names:
                if box.findData(name) < 0:
                    box.addItem(name, name)

    def result_config(self) -> AppConfig:
        """The settings as shown; raises ConfigError on a bad value."""
        cfg = self.config
        language = _value(self.language) or None
        return dataclasses.replace(
            cfg,
            asr=dataclasses.replace(cfg.asr, model=_value(self.asr_model) or "auto", language=language),
            vision=dataclasses.replace(cfg.vision, engine=_value(self.vision_engine),
                                       blip2_model=self.blip2_model.text().strip() or cfg.vision.blip2_model),
            tts=dataclasses.replace(cfg.tts, engine=_value(self.voice_engine),
                                    voice=self.voice.text().strip() or None, rate=self.rate.value()),
            ui=dataclasses.replace(cfg.ui, camera=_value(self.camera) or "0",
                                   microphone=_value(self.microphone),
                                   speaker_device=_value(self.speaker_device),
                                   end_silence_s=self.end_silence.value(),
                                   hands_free=self.hands_free.isChecked(),
                                   history=self.history.isChecked(),
                                   history_thumbnails=self.thumbnails.isChecked(),
                                   high_contrast=self.high_contrast.isChecked(),
                                   font_scale=self.font_scale.value(),
                                   kiosk_idle_minutes=self.idle_minutes.value()))

    def accept(self) -> None:
        try:
            self.config = self.result_config()
        except ConfigError as exc:
            self.error.setText(exc.user_text())
            a11y.announce(self.error, exc.user_text(), assertive=True)
            return
        super().accept()
