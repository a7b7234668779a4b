"""Look: scalable fonts, a visible focus ring, and light, dark and high-contrast themes.

State is never shown by colour alone: the status line and the buttons also say it in
words ("Listening", "Hands-free: on"). Each theme is one ``Colours`` set drawn through
one style sheet template and one palette (Qt's Fusion style, the same on every desktop);
every text colour pair a theme draws is listed by ``text_pairs`` and checked against
WCAG's 4.5:1 by the tests (``contrast_ratio``), its graphics (meter bar, focus ring)
against 3:1. ``ui.theme = auto`` follows the system's light or dark setting
(``QStyleHints.colorScheme()``, Qt 6.5 and later; the window re-applies on a change);
high contrast, when on, wins over both.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from assistant.config import THEMES  # noqa: F401 (ui.theme's choices, for the window's menu)

MIN_SCALE, MAX_SCALE = 0.5, 4.0
BASE_POINT_SIZE = 11.0
KIOSK_SCALE = 1.6        # the kiosk's text is this much larger than the chosen size


@dataclass(frozen=True)
class Colours:
    window: str        # the window's background
    base: str          # fields, lists, the meter's trough
    text: str
    placeholder: str   # the hint in an empty question box, on ``base``
    button: str
    button_text: str
    edge: str          # borders
    focus: str         # the focus ring
    selbg: str         # a selected row or tab
    selfg: str
    meter: str         # the microphone level's bar
    meter_text: str    # its words, drawn over the bar and the trough
    trough: str


LIGHT = Colours(window="#f4f5f7", base="#ffffff", text="#1f2328", placeholder="#595959",
                button="#ffffff", button_text="#1f2328", edge="#767f89", focus="#1a5fb4",
                selbg="#dce8fa", selfg="#1f2328", meter="#4a8fd6", meter_text="#1f2328",
                trough="#ffffff")
DARK = Colours(window="#1f2227", base="#2a2e35", text="#e6e8eb", placeholder="#a0a7b0",
               button="#30353d", button_text="#e6e8eb", edge="#8a929c", focus="#8ab4f8",
               selbg="#2d4a72", selfg="#ffffff", meter="#2e7d32", meter_text="#ffffff",
               trough="#121417")
# The meter's bar is blue, not yellow: its "Microphone 40%" text is white over both the bar
# and the black trough, so the bar must be dark enough for white text (>= 4.5:1) and still
# stand out from black (>= 3:1, WCAG's contrast for graphics).
HC_BG, HC_FG, HC_ACCENT, HC_FOCUS, HC_METER = "#000000", "#ffffff", "#ffff00", "#00ffff", "#1a5fb4"
HC_PLACEHOLDER = "#c0c0c0"
HIGH = Colours(window=HC_BG, base=HC_BG, text=HC_FG, placeholder=HC_PLACEHOLDER, button=HC_BG,
               button_text=HC_ACCENT, edge=HC_FG, focus=HC_FOCUS, selbg=HC_ACCENT, selfg=HC_BG,
               meter=HC_METER, meter_text=HC_FG, trough=HC_BG)
NORMAL_PLACEHOLDER = LIGHT.placeholder

# The meter and button blocks come first: the tests read their colours from the sheet.
# Borders and padding add up the same in every state (focused, checked), so no state cuts
# a button's or tab's words.
_SHEET = """
QProgressBar { border: 1px solid %(edge)s; border-radius: 4px; color: %(meter_text)s;
    background: %(trough)s; text-align: center; }
QProgressBar::chunk { background: %(meter)s; border-radius: 3px; }
QProgressBar#mic_level::chunk { width: 7px; margin: 1px; border-radius: 1px; }
QPushButton { background: %(button)s; color: %(button_text)s;
    padding: 8px 14px; border: 1px solid %(edge)s; border-radius: 6px; }
QMainWindow, QDialog, QWidget#central, QWidget#kiosk_attract { background: %(window)s; }
QWidget { color: %(text)s; }
QLineEdit, QListWidget, QTextEdit, QPlainTextEdit, QComboBox, QDoubleSpinBox, QSpinBox {
    background: %(base)s; color: %(text)s; border: 1px solid %(edge)s; border-radius: 4px;
    padding: 2px;
}
QMenuBar, QMenu, QStatusBar, QToolTip { background: %(window)s; color: %(text)s; }
QMenu::item:selected, QMenuBar::item:selected { background: %(selbg)s; color: %(selfg)s; }
*:focus { outline: none; }
QPushButton:focus, QLineEdit:focus, QListWidget:focus, QCheckBox:focus, QComboBox:focus,
QDoubleSpinBox:focus, QSpinBox:focus, QTextEdit:focus, QToolButton:focus, QTabBar::tab:focus {
    border: 3px solid %(focus)s;
}
QLineEdit:focus, QListWidget:focus, QTextEdit:focus, QComboBox:focus, QDoubleSpinBox:focus,
QSpinBox:focus { padding: 0px; }
QPushButton:focus, QPushButton:checked { padding: 6px 12px; }
QPushButton:checked { border: 3px double %(edge)s; }
QTabBar::tab { background: %(window)s; color: %(text)s; padding: 8px 14px; border: 1px solid %(edge)s; }
QTabBar::tab:focus { padding: 6px 12px; }
QTabBar::tab:selected { background: %(selbg)s; color: %(selfg)s; }
QPushButton#kiosk_button { padding: 12px 18px; border: 3px solid %(edge)s; border-radius: 10px; }
QListWidget { selection-background-color: %(selbg)s; selection-color: %(selfg)s; }
QListWidget::item { padding: 6px; border: 2px solid transparent; }
QListWidget::item:selected { border: 2px solid %(focus)s; background: %(selbg)s; color: %(selfg)s; }
"""
# High contrast: thicker lines, square corners.
_HIGH_EXTRA = """
QLineEdit, QListWidget, QTextEdit, QComboBox, QDoubleSpinBox, QSpinBox {
    border: 2px solid %(edge)s; padding: 1px; }
QLineEdit:focus, QListWidget:focus, QTextEdit:focus, QComboBox:focus, QDoubleSpinBox:focus,
QSpinBox:focus { padding: 0px; }
QProgressBar { border: 2px solid %(edge)s; }
QTabBar::tab { border: 2px solid %(edge)s; padding: 7px 13px; }
"""


def sheet(colours: Colours) -> str:
    values = asdict(colours)
    extra = _HIGH_EXTRA % values if colours is HIGH else ""
    return _SHEET % values + extra


NORMAL = sheet(LIGHT)
DARK_SHEET = sheet(DARK)
HIGH_CONTRAST = sheet(HIGH)


def text_pairs(c: Colours) -> tuple[tuple[str, str, str], ...]:
    """(what, text colour, background) for every text a theme draws (4.5:1)."""
    return (("text", c.text, c.window), ("text in a field", c.text, c.base),
            ("buttons", c.button_text, c.button), ("selected row", c.selfg, c.selbg),
            ("selected tab", c.selfg, c.selbg), ("meter text over its trough", c.meter_text, c.trough),
            ("meter text over its bar", c.meter_text, c.meter),
            ("hint in an empty box", c.placeholder, c.base))


def graphic_pairs(c: Colours) -> tuple[tuple[str, str, str], ...]:
    """(what, colour, next to) for things that must be seen but carry no text (3:1)."""
    return (("meter bar", c.meter, c.trough), ("focus ring", c.focus, c.window))


HIGH_CONTRAST_PAIRS = text_pairs(HIGH)
HIGH_CONTRAST_GRAPHICS = graphic_pairs(HIGH)


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    a, b = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def clamp_scale(scale: float) -> float:
    return max(MIN_SCALE, min(MAX_SCALE, round(scale, 2)))


def point_size(scale: float) -> float:
    return BASE_POINT_SIZE * clamp_scale(scale)


def system_is_dark(app: QApplication) -> bool:
    from PySide6.QtCore import Qt

    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def colours(choice: str = "auto", *, high_contrast: bool = False, system_dark: bool = False) -> Colours:
    """The colours on screen for ``ui.theme`` (auto, light, dark) and the contrast switch."""
    if high_contrast:
        return HIGH
    if choice == "dark" or (choice == "auto" and system_dark):
        return DARK
    return LIGHT


def _palette(c: Colours) -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, c.window), (roles.WindowText, c.text), (roles.Base, c.base),
                         (roles.AlternateBase, c.window), (roles.Text, c.text),
                         (roles.Button, c.button), (roles.ButtonText, c.button_text),
                         (roles.Highlight, c.selbg), (roles.HighlightedText, c.selfg),
                         (roles.ToolTipBase, c.window), (roles.ToolTipText, c.text),
                         (roles.PlaceholderText, c.placeholder), (roles.Link, c.focus)):
        palette.setColor(role, QColor(colour))
    return palette


def apply(app: QApplication, *, scale: float = 1.0, high_contrast: bool = False,
          choice: str = "auto") -> Colours:
    """Set the application font size, palette and style sheet; widgets follow at once."""
    font = QFont(app.font())
    font.setPointSizeF(point_size(scale))
    app.setFont(font)
    chosen = colours(choice, high_contrast=high_contrast, system_dark=system_is_dark(app))
    app.setPalette(_palette(chosen))
    app.setStyleSheet(sheet(chosen))
    return chosen
