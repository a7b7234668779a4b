"""Look: scalable fonts, a visible focus ring, and a high-contrast theme.

State is never shown by colour alone: the status line and the buttons also
say it in words ("Listening", "Hands-free: on"). Every text colour pair used
in the high-contrast theme is listed in ``HIGH_CONTRAST_PAIRS`` and checked
against WCAG's 4.5:1 by the tests (``contrast_ratio``).
"""
from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

MIN_SCALE, MAX_SCALE = 0.5, 4.0
BASE_POINT_SIZE = 11.0
KIOSK_SCALE = 1.6        # the kiosk's text is this much larger than the chosen size

# A thick focus outline on every focusable control, in both themes.
_FOCUS = """
*:focus { outline: none; }
QPushButton:focus, QLineEdit:focus, QListWidget:focus, QCheckBox:focus, QComboBox:focus,
QDoubleSpinBox:focus, QSpinBox:focus, QTextEdit:focus, QToolButton:focus, QTabBar::tab:focus {
    border: 3px solid %(focus)s;
}
QPushButton { padding: 8px 14px; border: 1px solid %(edge)s; border-radius: 4px; }
QPushButton:focus, QPushButton:checked { padding: 6px 12px; }
QPushButton:checked { border: 3px double %(edge)s; }
QTabBar::tab { padding: 8px 14px; border: 1px solid %(edge)s; }
QTabBar::tab:focus { padding: 6px 12px; }
QTabBar::tab:selected { background: %(selbg)s; color: %(selfg)s; }
QPushButton#kiosk_button { padding: 12px 18px; border: 3px solid %(edge)s; border-radius: 10px; }
QListWidget { selection-background-color: %(selbg)s; selection-color: %(selfg)s; }
QListWidget::item { padding: 6px; border: 2px solid transparent; }
QListWidget::item:selected { border: 2px solid %(focus)s; background: %(selbg)s; color: %(selfg)s; }
"""

NORMAL = _FOCUS % {"focus": "#1a5fb4", "edge": "#777777", "selbg": "#dce8fa", "selfg": "#000000"}

# The meter's bar is blue, not yellow: its "Microphone 40%" text is white over both the bar
# and the black trough, so the bar must be dark enough for white text (>= 4.5:1) and still
# stand out from black (>= 3:1, WCAG's contrast for graphics).
HC_BG, HC_FG, HC_ACCENT, HC_FOCUS, HC_METER = "#000000", "#ffffff", "#ffff00", "#00ffff", "#1a5fb4"
HC_PLACEHOLDER = "#c0c0c0"
HIGH_CONTRAST = f"""
QWidget {{ background: {HC_BG}; color: {HC_FG}; }}
QLineEdit, QListWidget, QTextEdit, QComboBox, QDoubleSpinBox, QSpinBox {{
    background: {HC_BG}; color: {HC_FG}; border: 2px solid {HC_FG};
}}
QPushButton {{ background: {HC_BG}; color: {HC_ACCENT}; }}
QProgressBar {{ border: 2px solid {HC_FG}; color: {HC_FG}; background: {HC_BG}; text-align: center; }}
QProgressBar::chunk {{ background: {HC_METER}; }}
QStatusBar QLabel {{ color: {HC_FG}; }}
QTabBar::tab {{ background: {HC_BG}; color: {HC_FG}; border: 2px solid {HC_FG}; padding: 7px 13px; }}
QTabBar::tab:selected {{ background: {HC_ACCENT}; color: {HC_BG}; }}
""" + _FOCUS % {"focus": HC_FOCUS, "edge": HC_FG, "selbg": HC_ACCENT, "selfg": HC_BG}

# (what, text colour, background) for every text drawn in the high-contrast theme.
HIGH_CONTRAST_PAIRS = (
    ("text", HC_FG, HC_BG), ("buttons", HC_ACCENT, HC_BG), ("selected row", HC_BG, HC_ACCENT),
    ("selected tab", HC_BG, HC_ACCENT), ("meter text over its trough", HC_FG, HC_BG),
    ("meter text over its bar", HC_FG, HC_METER), ("hint in an empty box", HC_PLACEHOLDER, HC_BG),
)
NORMAL_PLACEHOLDER = "#595959"   # the hint in an empty question box, on white
# (what, colour, next to) for things that must be seen but carry no text (3:1).
HIGH_CONTRAST_GRAPHICS = (("meter bar", HC_METER, HC_BG), ("focus ring", HC_FOCUS, HC_BG))


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


def apply(app: QApplication, *, scale: float = 1.0, high_contrast: bool = False) -> None:
    """Set the application font size and style sheet; widgets follow at once."""
    font = QFont(app.font())
    font.setPointSizeF(point_size(scale))
    app.setFont(font)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.PlaceholderText,
                     QColor(HC_PLACEHOLDER if high_contrast else NORMAL_PLACEHOLDER))
    app.setPalette(palette)
    app.setStyleSheet(HIGH_CONTRAST if high_contrast else NORMAL)
