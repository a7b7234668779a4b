"""Settings → Vision: whether the chosen vision model is on this computer, and its download.

``ModelRow`` says plainly when the chosen model is missing and offers "Download…", which runs
``assistant.models.download.download`` (the same code as ``assistant models download``) on a
helper thread, with its progress in a bar and a Cancel button; a failure is one plain
sentence. Whether the model is here is found on a helper thread too (``missing_vlm`` may import
huggingface_hub). The results come back through a carrier object owned by the thread, so a
dialog closed meanwhile is never touched; closing it cancels the download.
"""
from __future__ import annotations

import io
import logging
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from assistant.config import VisionConfig
from assistant.models.choice import VLM_ORDER, missing_vlm
from assistant.models.vlm_names import lookup
from assistant.paths import AppPaths

from . import accessibility as a11y
from .settings_words import engine_name
from .translation import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

# A download's failure by its code (assistant/models/download.py), in one plain sentence
# (English here; translated where it is shown).
FAILED = {"hub_unreachable": QT_TRANSLATE_NOOP(
              "ModelRow", "The download could not start: this computer cannot reach the "
                          "Hugging Face hub. Try again when it is online."),
          "model_gated": QT_TRANSLATE_NOOP(
              "ModelRow", "This model's makers ask you to accept its licence on the Hugging "
                          "Face website before it can be downloaded."),
          "unknown_model": QT_TRANSLATE_NOOP(
              "ModelRow", "The Hugging Face hub has no model by this name; check the name "
                          "on the Advanced page."),
          "no_disk_space": QT_TRANSLATE_NOOP(
              "ModelRow", "There is not enough free disk space for this model."),
          "download_failed": QT_TRANSLATE_NOOP(
              "ModelRow", "The download stopped before the end; Download again fetches "
                          "the rest."),
          "download_corrupt": QT_TRANSLATE_NOOP(
              "ModelRow", "Some files arrived damaged and were deleted; Download again "
                          "fetches them afresh.")}
CANCELLED = QT_TRANSLATE_NOOP("ModelRow", "Download cancelled. The finished files are kept; "
                                          "Download again fetches the rest.")


class _Carrier(QObject):
    checked = Signal(int, str)            # request number, the missing model ("" when here)
    progress = Signal(int, int)           # bytes done, bytes planned
    finished = Signal(str, str)           # outcome ("done", "failed", "cancelled"), words


def _size(n: int) -> str:
    if n >= 1e9:
        return translate("ModelRow", "{size} GB").format(size=f"{n / 1e9:.1f}")
    return translate("ModelRow", "{size} MB").format(size=f"{n / 1e6:.0f}")


class ModelRow(QWidget):
    """The words about the chosen model, Download…, and while it runs a bar and Cancel."""

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.missing = ""                 # the chosen model when it is not here
        self.engine = ""
        self.running: threading.Event | None = None   # set to stop the download
        self._asked = 0
        self.outcome = ""                 # the last download's: "done", "failed", "cancelled"
        self.words = QLabel("")
        self.words.setWordWrap(True)
        self.download_button = QPushButton(translate("ModelRow", "Download…"))
        self.cancel_button = QPushButton(translate("ModelRow", "Cancel download"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        a11y.label(self.words, translate("ModelRow", "Vision model"),
                   translate("ModelRow", "Whether the chosen vision model is on this computer."))
        a11y.label(self.download_button, translate("ModelRow", "Download the vision model"),
                   translate("ModelRow", "Fetch the chosen model from the Hugging Face hub "
                                         "(it goes online)."))
        a11y.label(self.cancel_button, translate("ModelRow", "Cancel download"),
                   translate("ModelRow", "Stop the download; finished files stay."))
        a11y.label(self.bar, translate("ModelRow", "Download progress"),
                   translate("ModelRow", "How much of the model has arrived."))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.download_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        self.download_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self._show(words="", download=False)

    def _show(self, *, words: str, download: bool, running: bool = False) -> None:
        self.words.setText(words)
        self.words.setAccessibleName(
            translate("ModelRow", "Vision model: {words}").format(words=words) if words
            else translate("ModelRow", "Vision model"))
        self.words.setVisible(bool(words))
        self.download_button.setVisible(download and not running)
        self.cancel_button.setVisible(running)
        self.bar.setVisible(running)

    # -- is the chosen model here? ------------------------------------------------------
    def check(self, vision: VisionConfig) -> None:
        """Find out (on a helper thread) whether ``vision``'s chosen model is here."""
        if self.running is not None:
            return                        # the row says how the download goes meanwhile
        self._asked += 1
        self.engine = vision.engine
        if vision.engine not in VLM_ORDER:
            self.missing = ""
            self._show(words="", download=False)
            return
        asked, paths, carrier = self._asked, self.paths, _Carrier()
        carrier.checked.connect(self._checked)
        # Nothing is imported on this thread (PySide6's import hook is not thread-safe).
        threading.Thread(target=lambda: carrier.checked.emit(
                             asked, missing_vlm(vision, paths, ask_library=False)),
                         name="find-vision-model", daemon=True).start()

    def _checked(self, asked: int, missing: str) -> None:
        if asked != self._asked or self.running is not None:
            return                        # a newer choice, or a download, came since
        self.missing = missing
        name = engine_name(self.engine)
        if not missing:
            self._show(words=translate("ModelRow", "{name} is on this computer.").format(name=name),
                       download=False)
            return
        known = lookup(missing)
        can_fetch = missing.count("/") == 1 and not missing.startswith(("/", "~", "."))
        if not can_fetch:
            how = translate("ModelRow", "The folder named on the Advanced page does not hold a "
                                        "complete model.")
        elif known is not None:
            how = translate("ModelRow", "Download fetches about {size} from the Hugging Face hub; "
                                        "it is the only step that goes online."
                            ).format(size=_size(known.disk_bytes))
        else:
            how = translate("ModelRow", "Download fetches from the Hugging Face hub; it is the "
                                        "only step that goes online.")
        said = translate("ModelRow", "{name} is not on this computer ({model}), so it cannot "
                                     "answer yet.").format(name=name, model=missing)
        self._show(words=f"{said} {how}", download=can_fetch)

    # -- the download -------------------------------------------------------------------
    def start(self) -> None:
        if not self.missing or self.running is not None:
            return
        # Imported here, on the UI thread, once: PySide6's import hook is not safe against
        # two threads importing at once.
        import huggingface_hub._snapshot_download  # noqa: F401
        import tqdm.auto  # noqa: F401
        from assistant.cancel import Cancelled
        from assistant.errors import AssistantError
        from assistant.models.download import download

        stop, repo, carrier = threading.Event(), self.missing, _Carrier()
        self.running = stop
        carrier.progress.connect(self._progress)
        carrier.finished.connect(self._finished)
        name = engine_name(self.engine)
        self.bar.setValue(0)
        self._show(words=translate("ModelRow", "Downloading {name}…").format(name=name),
                   download=True, running=True)
        a11y.announce(self.words, translate("ModelRow", "Downloading {name}").format(name=name))

        def run() -> None:
            try:
                download(repo, out=io.StringIO(), progress=carrier.progress.emit, stop=stop)
            except Cancelled:
                carrier.finished.emit("cancelled", translate("ModelRow", CANCELLED))
            except AssistantError as exc:
                carrier.finished.emit("failed", translate("ModelRow", FAILED[exc.code])
                                      if exc.code in FAILED
                                      else translate("ModelRow", "The download failed."))
            except Exception:  # noqa: BLE001 - a bug: the log keeps it, the reader a sentence
                log.exception("model download failed")
                carrier.finished.emit("failed", translate("ModelRow", "The download failed."))
            else:
                carrier.finished.emit("done", translate(
                    "ModelRow", "{name} is downloaded. Save to use it.").format(name=name))

        threading.Thread(target=run, name="download-model", daemon=True).start()

    def cancel(self) -> None:
        if self.running is not None:
            self.running.set()
            self._show(words=translate("ModelRow", "Cancelling the download…"), download=True,
                       running=True)
            self.cancel_button.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        if self.running is None or self.running.is_set():
            return
        self.bar.setValue(int(1000 * done / total) if total > 0 else 0)
        name = engine_name(self.engine)
        self.words.setText(translate("ModelRow", "Downloading {name}: {done} of {total}.").format(
            name=name, done=_size(done), total=_size(total)))

    def _finished(self, outcome: str, words: str) -> None:
        self.running = None
        self.cancel_button.setEnabled(True)
        if outcome == "done":
            self.missing = ""
        self.outcome = outcome
        self._show(words=words, download=outcome != "done")
        a11y.announce(self.words, words, assertive=outcome == "failed")
