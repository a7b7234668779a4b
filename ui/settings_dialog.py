"""Settings dialog: tabs for devices, speech, vision, display, privacy, the kiosk, and
an Advanced tab for expert fields (model names, number format, beams, a remote server).

It only builds a new ``AppConfig``; the window hands it to the worker, which
saves it to the file the CLI reads and reloads what changed. Device names are
listed on a helper thread, because asking PortAudio can take a moment. Every
field is named by its label (never by its value), each label is the field's
buddy, and no two mnemonics in the dialog share a letter. Each tab scrolls, so
the dialog fits the screen at any text size.
"""
from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox,
                               QFormLayout, QFrame, QLabel, QLineEdit,
                               QScrollArea, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from assistant.config import END_SILENCE_RANGE_S, RATE_RANGE, AppConfig
from assistant.errors import ConfigError
from assistant.paths import AppPaths, app_paths

from . import accessibility as a11y
from . import device_names
from .flow import ScreenFit, room_inside
from .model_download import ModelRow
from .settings_fields import (LANGUAGES, WINDOW_LANGUAGES, VISION_CHOICES, VOICE_CHOICES, REPLY_CHOICES, STACK_CHARS, REMOTE_WARNING, translated, combo, refill, value_of, spin, check_row, check, note, name_inner_editors)
from .translation import QT_TRANSLATE_NOOP, translate

class _DeviceLister(QObject):
    """Carries the device names back from the helper thread. It belongs to the thread's
    closure, not the dialog, so a dialog closed before the names arrive is never touched."""

    listed = Signal(object, object, object)   # cameras (None: no V4L2), microphones, speakers

    def start(self, receiver, v4l2_root: Path, hub) -> None:
        self.listed.connect(receiver)

        def run() -> None:
            self.listed.emit(device_names.v4l2_cameras(v4l2_root),
                             *device_names.sound_choices(hub))
        threading.Thread(target=run, name="list-devices", daemon=True).start()


class SettingsDialog(QDialog):

    def __init__(self, config: AppConfig, parent: QWidget | None = None, *,
                 paths: AppPaths | None = None, v4l2_root: Path = device_names.V4L2,
                 audio_hub=None) -> None:
        """``v4l2_root`` and ``audio_hub``: where cameras and sound devices are listed from
        (the system's by default)."""
        super().__init__(parent)
        self.setObjectName("settings")
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        a11y.label(self, translate("SettingsDialog", "Settings"),
                   translate("SettingsDialog", "Devices, speech, vision, display, privacy and the "
                             "kiosk. Changes are saved for the next start too."))
        self.config = config
        ui, asr, vision, tts, remote = config.ui, config.asr, config.vision, config.tts, config.remote
        self.camera = combo(device_names.generic_cameras(), ui.camera)
        self.microphone = combo([("", device_names.system_default())], ui.microphone)
        self.speaker_device = combo([("", device_names.system_default())], ui.speaker_device)
        self.asr_model = combo([("auto", translate("SettingsDialog", "Automatic")),
                                 ("tiny.en", translate("SettingsDialog", "Whisper tiny (English)")),
                                 ("base", translate("SettingsDialog",
                                                    "Whisper base (many languages)"))], asr.model)
        self.language = combo(translated(LANGUAGES), asr.language or "")
        self.voice_engine = combo(translated(VOICE_CHOICES), tts.engine, editable=False)
        self.voice = QLineEdit(tts.voice or "")
        self.rate = spin(*RATE_RANGE, 0.05, tts.rate, "×")
        self.reply_voice = combo(translated(REPLY_CHOICES), ui.reply_voice, editable=False)
        self.end_silence = spin(*END_SILENCE_RANGE_S, 0.1, ui.end_silence_s, " s")
        self.hands_free = check(translate("SettingsDialog", "Start with &hands-free listening on"),
                                 ui.hands_free)
        self.vision_engine = combo(translated(VISION_CHOICES), vision.engine, editable=False)
        self.vision_model = ModelRow(paths or app_paths(), self)
        self.font_scale = spin(0.5, 4.0, 0.1, ui.font_scale, "×")
        self.ui_language = combo([("auto", translate("SettingsDialog", "Automatic: the language "
                                                      "you speak, else the system's")),
                                   *WINDOW_LANGUAGES], ui.language, editable=False)
        self.high_contrast = check(translate("SettingsDialog", "H&igh-contrast colours (white "
                                              "and yellow on black)"), ui.high_contrast)
        self.history = check(translate("SettingsDialog", "Keep the chat hist&ory on this computer"),
                              ui.history)
        self.thumbnails = check(translate("SettingsDialog", "Keep the camera picture of each "
                                           "&question in the history"), ui.history_thumbnails)
        self.blip2_model = QLineEdit(vision.blip2_model)
        self.vision_device = combo([("auto", translate("SettingsDialog", "Automatic")),
                                     ("cpu", translate("SettingsDialog", "Processor (CPU)")),
                                     ("cuda", translate("SettingsDialog", "Graphics card (CUDA)"))],
                                    vision.device, editable=False)
        self.dtype = combo([("auto", translate("SettingsDialog", "Automatic")),
                             ("float16", "float16"), ("bfloat16", "bfloat16"),
                             ("float32", "float32")], vision.dtype, editable=False)
        self.beams = QSpinBox()
        self.beams.setRange(1, 8)
        self.beams.setValue(vision.num_beams)
        self.remote_url = QLineEdit(remote.base_url)
        self.remote_url.setPlaceholderText("http://server:8000/v1")
        self.remote_model = QLineEdit(remote.vision_model)
        self.idle_minutes = spin(0.5, 1440.0, 1.0, ui.kiosk_idle_minutes, " min")
        self.attract = check(translate("SettingsDialog", "Show a welcome screen when the kiosk "
                                        "is not in use"), ui.kiosk_attract)
        self.kiosk_history = check(translate("SettingsDialog", "Keep visitors' questions and "
                                              "answers on disk"), ui.kiosk_keep_history)
        self.kiosk_pin = QLineEdit(ui.kiosk_pin)
        self.kiosk_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.kiosk_pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"), self))
        self.error = QLabel("")
        self.error.setWordWrap(True)
        a11y.label(self.error, translate("SettingsDialog", "Settings problem"),
                   translate("SettingsDialog", "What is wrong with the settings, if anything."))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)   # whole words; arrows when many
        self.tabs.setUsesScrollButtons(True)
        self._stacked = self._narrow(parent)
        a11y.label(self.tabs, translate("SettingsDialog", "Settings pages"),
                   translate("SettingsDialog", "Ctrl+Tab moves to the next page."))
        self._page(QT_TRANSLATE_NOOP("SettingsDialog", "Devices"), (
            (translate("SettingsDialog", "C&amera"), self.camera,
             translate("SettingsDialog", "Camera number, or a picture or video file to use instead.")),
            (translate("SettingsDialog", "&Microphone"), self.microphone,
             translate("SettingsDialog", "Microphone by name, or a recording to replay.")),
            (translate("SettingsDialog", "Spea&ker"), self.speaker_device,
             translate("SettingsDialog", "Sound output by name."))))
        self._page(QT_TRANSLATE_NOOP("SettingsDialog", "Speech"), (
            (translate("SettingsDialog", "Re&plies"), self.reply_voice,
             translate("SettingsDialog", "Whether answers are spoken, read by your screen reader, "
                                         "or chosen automatically.")),
            (translate("SettingsDialog", "Speech &recognition"), self.asr_model,
             translate("SettingsDialog", "Which Whisper model turns speech into text.")),
            (translate("SettingsDialog", "&Language"), self.language,
             translate("SettingsDialog", "The language you speak.")),
            (translate("SettingsDialog", "&Voice engine"), self.voice_engine,
             translate("SettingsDialog", "Which voice speaks the answers.")),
            (translate("SettingsDialog", "Voice &name"), self.voice,
             translate("SettingsDialog", "Voice file or voice name; empty for the default.")),
            (translate("SettingsDialog", "Speaking ra&te"), self.rate,
             translate("SettingsDialog", "How fast answers are spoken; 1 is normal.")),
            (translate("SettingsDialog", "&End-of-turn silence"), self.end_silence,
             translate("SettingsDialog", "How long a pause ends a hands-free question, in seconds.")),
            (None, self.hands_free, translate("SettingsDialog", "Listen all the time from the start."))))
        self._page(QT_TRANSLATE_NOOP("SettingsDialog", "Vision"), (
            (translate("SettingsDialog", "Vision en&gine"), self.vision_engine,
             translate("SettingsDialog", "Which engine answers questions about the picture.")),
            (None, self.vision_model, ""),
            (None, note(translate("SettingsDialog", "The embedded engine works on this computer "
                                   "with no download. The large models answer more freely but "
                                   "need a fast computer.")), "")))
        self._page(QT_TRANSLATE_NOOP("SettingsDialog", "Display"), (
            (translate("SettingsDialog", "Te&xt size"), self.font_scale,
             translate("SettingsDialog", "Size of all text; 1 is normal, up to 4.")),
            (None, self.high_contrast, translate("SettingsDialog", "White and yellow on black.")),
            (translate("SettingsDialog", "Language of answers and window"), self.ui_language,
             translate("SettingsDialog", "Answers change at once, the window at the next "
                       "start."))))
        self._page(QT_TRANSLATE_NOOP("SettingsDialog", "Privacy"), (
            (None, self.history, translate("SettingsDialog", "Keep the chat history on disk.")),
            (None, self.thumbnails, translate("SettingsDialog", "Store a small picture of what the "
                                              "camera saw with each question (off: words only).")),
            (None, note(translate("SettingsDialog", "Nothing you say or show leaves this computer "
                                   "unless a server is set under Advanced.")), "")))
        remote_warning = translate("SettingsDialog", REMOTE_WARNING)
        self.advanced_tab = self._page(QT_TRANSLATE_NOOP("SettingsDialog", "Advanced"), (
            (translate("SettingsDialog", "&BLIP-2 model"), self.blip2_model,
             translate("SettingsDialog", "Name or folder of the BLIP-2 model.")),
            (translate("SettingsDialog", "Vision &device"), self.vision_device,
             translate("SettingsDialog", "Where the vision model runs.")),
            (translate("SettingsDialog", "Number &format"), self.dtype,
             translate("SettingsDialog", "The number format of the vision model's weights.")),
            (translate("SettingsDialog", "Beam &width"), self.beams,
             translate("SettingsDialog", "How many answers the vision model weighs at once; "
                                         "1 is fastest.")),
            (translate("SettingsDialog", "Server address (&URL)"), self.remote_url,
             translate("SettingsDialog", "An OpenAI-compatible server.") + " " + remote_warning),
            (None, note(remote_warning), ""),
            (translate("SettingsDialog", "Server's vision model"), self.remote_model,
             translate("SettingsDialog", "The model on that server; empty for the first it lists."))))
        self.kiosk_tab = self._page(QT_TRANSLATE_NOOP("SettingsDialog", "Kiosk"), (
            (None, note(translate("SettingsDialog", "These apply when the assistant runs as a "
                                   "kiosk (assistant --kiosk).")), ""),
            (translate("SettingsDialog", "Idle minutes before the histor&y is cleared"),
             self.idle_minutes,
             translate("SettingsDialog", "In kiosk mode, the history is cleared after this many "
                                         "idle minutes.")),
            (None, self.attract, translate("SettingsDialog", "Invite the next visitor when no one "
                                           "has used the kiosk for a while.")),
            (None, self.kiosk_history, translate("SettingsDialog", "Off: visitors' turns live in "
                                                 "memory only and are gone at idle, quit, restart "
                                                 "or a crash. The screen always starts empty.")),
            (translate("SettingsDialog", "Staff PIN"), self.kiosk_pin,
             translate("SettingsDialog", "4 to 12 digits asked before the kiosk's settings or "
                                         "quit. Empty: those stay locked in the kiosk."))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            a11y.label(button, button.text().replace("&", ""),
                       translate("SettingsDialog", "Save the settings and apply them.")
                       if button is buttons.button(QDialogButtonBox.StandardButton.Save)
                       else translate("SettingsDialog", "Close without saving."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.fit = ScreenFit(self)    # capped at the screen, its frame included; pages scroll
        _DeviceLister().start(self._fill_devices, v4l2_root, audio_hub)
        self.vision_engine.currentIndexChanged.connect(self._check_model)
        self.blip2_model.editingFinished.connect(self._check_model)
        self._check_model()

    def sizeHint(self):  # noqa: N802 (Qt's name)
        """Wide enough for every tab's title where the screen allows (``ScreenFit`` caps it)."""
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), self.tabs.tabBar().sizeHint().width() + 60))
        return hint

    def _narrow(self, parent: QWidget | None) -> bool:
        """Fewer than ``STACK_CHARS`` characters across the screen at this text size."""
        width = room_inside(parent.window() if parent is not None else self).width()
        return width < STACK_CHARS * max(self.fontMetrics().averageCharWidth(), 1)

    def _page(self, title: str, rows) -> QWidget:
        """One tab: a form that wraps long rows and scrolls when it is taller than the dialog.
        ``title``: in English (it names the page's object), translated on the tab."""
        inner = QWidget()
        form = QFormLayout(inner)
        # Large text on a small screen: each label above its field, never over it.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows if self._stacked
                              else QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget, description in rows:
            if text is None:
                if isinstance(widget, QCheckBox):
                    a11y.label(widget, widget.property("words").replace("&", ""), description)
                    widget = check_row(widget)
                form.addRow(widget)
                continue
            name = text.replace("&", "")
            a11y.label(widget, name, description)
            name_inner_editors(widget, name, description)
            label = QLabel(text)
            label.setWordWrap(True)
            label.setBuddy(widget)
            label.setAccessibleName(name)
            form.addRow(label, widget)
        scroll = QScrollArea()
        scroll.setObjectName(f"settings_{title.lower()}")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        # Tab moves through the fields and the page scrolls to each; the page itself needs no stop.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        shown = translate("SettingsDialog", title)
        a11y.label(scroll, translate("SettingsDialog", "{page} settings").format(page=shown),
                   translate("SettingsDialog", "The settings of the {page} page.").format(
                       page=shown))
        self.tabs.addTab(scroll, shown)
        return scroll

    def _fill_devices(self, cameras, inputs, outputs) -> None:
        """The pickers by the devices' own names; the setting in use stays chosen."""
        if cameras is None:            # no V4L2 (not Linux): Qt Multimedia's, if installed
            cameras = device_names.qt_cameras()
        if cameras:
            refill(self.camera, cameras)
        for box, names in ((self.microphone, inputs), (self.speaker_device, outputs)):
            refill(box, [("", device_names.system_default()), *names])

    def _vision_shown(self):
        return dataclasses.replace(self.config.vision, engine=value_of(self.vision_engine),
                                   blip2_model=self.blip2_model.text().strip()
                                   or self.config.vision.blip2_model)

    def _check_model(self, *_args) -> None:
        self.vision_model.check(self._vision_shown())

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name; closing stops a download
        self.vision_model.cancel()
        super().done(result)

    def result_config(self) -> AppConfig:
        """The settings as shown; raises ConfigError on a bad value."""
        cfg = self.config
        language = value_of(self.language) or None
        return dataclasses.replace(
            cfg,
            asr=dataclasses.replace(cfg.asr, model=value_of(self.asr_model) or "auto", language=language),
            vision=dataclasses.replace(self._vision_shown(),
                                       device=value_of(self.vision_device), dtype=value_of(self.dtype),
                                       num_beams=self.beams.value()),
            tts=dataclasses.replace(cfg.tts, engine=value_of(self.voice_engine),
                                    voice=self.voice.text().strip() or None, rate=self.rate.value()),
            remote=dataclasses.replace(cfg.remote, base_url=self.remote_url.text().strip(),
                                       vision_model=self.remote_model.text().strip()),
            ui=dataclasses.replace(cfg.ui, camera=value_of(self.camera) or "0",
                                   microphone=value_of(self.microphone),
                                   speaker_device=value_of(self.speaker_device),
                                   end_silence_s=self.end_silence.value(),
                                   hands_free=self.hands_free.isChecked(),
                                   history=self.history.isChecked(),
                                   history_thumbnails=self.thumbnails.isChecked(),
                                   high_contrast=self.high_contrast.isChecked(),
                                   font_scale=self.font_scale.value(),
                                   language=value_of(self.ui_language),
                                   reply_voice=value_of(self.reply_voice),
                                   kiosk_idle_minutes=self.idle_minutes.value(),
                                   kiosk_attract=self.attract.isChecked(),
                                   kiosk_keep_history=self.kiosk_history.isChecked(),
                                   kiosk_pin=self.kiosk_pin.text().strip()))

    def accept(self) -> None:
        try:
            self.config = self.result_config()
        except ConfigError as exc:
            self.error.setText(exc.user_text())
            a11y.announce(self.error, exc.user_text(), assertive=True)
            return
        super().accept()
