"""Keyboard and menus: every action has a shortcut, F4 held down is push-to-talk.

Shortcuts are QActions on the window, so they work with or without the menu
bar (kiosk mode hides it and moves settings and quit behind key chords). An
application-wide event filter sees F4 go down and up wherever the focus is,
and counts any key or click as activity for the kiosk's idle purge.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QStyle

from . import accessibility as a11y
from . import theme
from .translation import translate

PUSH_TO_TALK_KEY = Qt.Key.Key_F4


def app() -> QApplication:
    return QApplication.instance()  # type: ignore[return-value]


class Keys(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.theme_actions: dict[str, QAction] = {}   # View → Theme (desktop only)
        self.talking = False
        self.visitor_look: tuple[float, bool] | None = None   # a kiosk visitor's size, contrast
        self.idle = QTimer(self, singleShot=True)
        self.idle.setInterval(int(window.config.ui.kiosk_idle_minutes * 60_000))
        self.idle.timeout.connect(self._idle_purge)
        handlers = {
            "ask": window.ask_typed, "focus_question": self._focus_question,
            "hands_free": lambda: window.hands_free_button.toggle(),
            "describe": window.describe_now, "read_text": window.read_text_now,
            "open_picture": window.pictures.open_dialog, "paste_picture": window.pictures.paste,
            "use_camera": window.pictures.use_camera,
            "repeat": window.repeat, "stop": window.stop_speaking,
            "focus_history": self._focus_history, "timings": self._toggle_timings,
            "bigger": lambda: self._scale(1.15), "smaller": lambda: self._scale(1 / 1.15),
            "normal_size": lambda: self._scale(None), "contrast": self._toggle_contrast,
            "clear_history": self._clear_history, "settings": self.open_settings,
            "help": self._help, "quit": window.request_quit,
            "search_history": self._focus_search, "copy_answer": window.copy_answer,
            "new_conversation": window.new_conversation, "details": window.show_details,
        }
        for shortcut in a11y.SHORTCUTS:
            if shortcut.action in ("ask", "push_to_talk"):
                continue  # Enter belongs to the question box; F4 is held, see eventFilter
            if window.kiosk and shortcut.action in a11y.DESKTOP_ONLY:
                continue
            action = QAction(shortcut.label, window)
            keys = [QKeySequence(a11y.keys_for(shortcut.action, kiosk=window.kiosk))]
            if shortcut.action == "bigger":
                keys.append(QKeySequence("Ctrl+="))  # the same key without Shift on most layouts
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handlers[shortcut.action])
            window.addAction(action)
            self.actions[shortcut.action] = action
        self.actions["timings"].setCheckable(True)
        self.actions["contrast"].setCheckable(True)
        self.actions["contrast"].setChecked(window.config.ui.high_contrast)
        if not window.kiosk:
            self._menus()
        app().installEventFilter(self)
        self.touch()

    def _menus(self) -> None:
        # Menu letters differ from the buttons' (Ask, Stop speaking): Alt+A, Alt+S do one thing.
        # Quit sits at the end of the Assistant menu (Ctrl+Q), never one click away on the bar.
        groups = ((translate("Keys", "&File"), ("open_picture", "paste_picture", "use_camera")),
                  (translate("Keys", "Ass&istant"), ("describe", "read_text", "repeat", "stop",
                                                     "hands_free", "", "quit")),
                  (translate("Keys", "&View"), ("focus_history", "timings", "bigger", "smaller",
                                                "normal_size", "contrast", "theme")),
                  (translate("Keys", "&History"), ("search_history", "copy_answer",
                                                   "new_conversation", "", "clear_history",
                                                   "export")),
                  (translate("Keys", "S&ettings"), ("settings",)),
                  (translate("Keys", "He&lp"), ("help", "details")))
        export = QAction(translate("Keys", "Export history…"), self.window)
        export.triggered.connect(self._export)
        self.menus = []
        for title, names in groups:
            menu = QMenu(title, self.window)
            for name in names:
                if not name:
                    menu.addSeparator()
                elif name == "export":
                    menu.addAction(export)
                elif name == "theme":
                    menu.addMenu(self._theme_menu())
                else:
                    menu.addAction(self.actions[name])
            self.menus.append(menu)
        # Large text on a small screen: one "Menu" holding them all, instead of menus
        # hidden behind the menu bar's hard-to-see » button.
        self.all_menus = QMenu(translate("Keys", "&Menu"), self.window)
        self.compact = None
        self.compact_menus(False)

    def menu_bar_width(self) -> int:
        """The width the full menu bar needs at the current text size (generously counted)."""
        bar = self.window.menuBar()
        metrics = QFontMetrics(bar.font())
        titles = [m.title() for m in self.menus]
        pad = 2 * bar.style().pixelMetric(QStyle.PixelMetric.PM_MenuBarHMargin) + 3 * metrics.averageCharWidth()
        return sum(metrics.horizontalAdvance(t.replace("&", "")) + pad for t in titles)

    def compact_menus(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        bar = self.window.menuBar()
        bar.clear()
        self.all_menus.clear()
        target = self.all_menus if compact else bar
        for menu in self.menus:
            target.addMenu(menu)
        if compact:
            bar.addMenu(self.all_menus)

    def _theme_menu(self) -> QMenu:
        """Automatic (the system's light or dark), Light, Dark: ``ui.theme``."""
        menu = QMenu(translate("Keys", "&Theme"), self.window)
        group = QActionGroup(menu)
        for choice, words in (("auto", translate("Keys", "&Automatic (as the system)")),
                              ("light", translate("Keys", "&Light")),
                              ("dark", translate("Keys", "&Dark"))):
            action = QAction(words, menu, checkable=True)
            action.setChecked(self.window.config.ui.theme == choice)
            action.triggered.connect(lambda _on, c=choice: self.set_theme(c))
            group.addAction(action)
            menu.addAction(action)
            self.theme_actions[choice] = action
        return menu

    def set_theme(self, choice: str) -> None:
        self._set_ui(theme=choice)
        words = {"auto": translate("Keys", "Theme automatic"), "light": translate("Keys", "Theme light"),
                 "dark": translate("Keys", "Theme dark")}[choice]
        a11y.announce(self.window, words)

    # -- activity and push-to-talk --------------------------------------------
    def touch(self) -> None:
        """Activity: restart the kiosk's idle countdown."""
        if self.window.kiosk:
            self.idle.start()

    def remove(self) -> None:
        app().removeEventFilter(self)
        self.idle.stop()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress):
            self.touch()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) \
                and event.key() == PUSH_TO_TALK_KEY and self.window.isActiveWindow():
            if event.isAutoRepeat():
                return True
            if kind == QEvent.Type.KeyPress and not self.talking:
                self.talking = True
                self.window.begin_push_to_talk()
            elif kind == QEvent.Type.KeyRelease and self.talking:
                self.talking = False
                self.window.end_push_to_talk()
            return True
        return False

    # -- actions --------------------------------------------------------------
    def _focus_question(self) -> None:
        self.window.question.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_search(self) -> None:
        self.window.history_search.open()

    def _focus_history(self) -> None:
        chat = self.window.chat
        chat.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if chat.count() and chat.currentRow() < 0:
            chat.setCurrentRow(chat.count() - 1)

    def _toggle_timings(self) -> None:
        self.window.chat.set_show_timings(self.actions["timings"].isChecked())

    def _set_ui(self, **changes) -> None:
        """A look key's change: saved quietly, the key's own announcement is the one."""
        config = self.window.config
        self.window.apply_config(dataclasses.replace(
            config, ui=dataclasses.replace(config.ui, **changes)), quiet=True)

    def look(self) -> tuple[float, bool]:
        """The text size and contrast on screen: a kiosk visitor's own, else the settings'."""
        ui = self.window.config.ui
        return self.visitor_look or (ui.font_scale, ui.high_contrast)

    def _set_look(self, scale: float, contrast: bool) -> None:
        if not self.window.kiosk:
            self._set_ui(font_scale=scale, high_contrast=contrast)
            return
        # A visitor's choice lasts until the kiosk is idle; it never reaches the settings file.
        self.visitor_look = (scale, contrast)
        theme.apply(app(), scale=scale, high_contrast=contrast, choice=self.window.config.ui.theme)

    def reset_look(self) -> None:
        """The next visitor starts with the look staff chose."""
        if self.visitor_look is None:
            return
        self.visitor_look = None
        ui = self.window.config.ui
        self.actions["contrast"].setChecked(ui.high_contrast)
        theme.apply(app(), scale=ui.font_scale, high_contrast=ui.high_contrast, choice=ui.theme)

    def _scale(self, factor: float | None) -> None:
        scale, contrast = self.look()
        scale = 1.0 if factor is None else theme.clamp_scale(scale * factor)
        self._set_look(scale, contrast)
        a11y.announce(self.window, translate("Keys", "Text size {percent} percent").format(
            percent=round(scale * 100)))

    def _toggle_contrast(self) -> None:
        on = self.actions["contrast"].isChecked()
        self._set_look(self.look()[0], on)
        a11y.announce(self.window, translate("Keys", "High contrast on") if on
                      else translate("Keys", "High contrast off"))

    def _clear_history(self) -> None:
        self.window.host.clear_history()

    def _idle_purge(self) -> None:
        """No one has used the kiosk for a while: the next visitor starts afresh."""
        self.reset_look()
        if self.window.chat.count():
            self.window.host.clear_history()

    def open_settings(self):
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.window.config, self.window, paths=self.window.paths)
        dialog.accepted.connect(lambda: self.window.apply_config(dialog.config))
        dialog.open()
        return dialog

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, translate("Keys", "Export history"),
                                              "history.md",
                                              "Markdown (*.md);;JSON (*.json)")
        if path:
            self.window.host.export_history(path)

    def _help(self) -> None:
        from .text_dialog import TextDialog

        box = TextDialog(translate("Keys", "Keyboard shortcuts"), a11y.help_text(kiosk=self.window.kiosk),
                         self.window, name="help")
        self.help_box = box      # the tests read it
        box.open()


def install(window) -> Keys:
    return Keys(window)
