"""Look: scalable fonts, a visible focus ring, and a high-contrast theme.

State is never shown by colour alone: the status line and the buttons also
say it in words ("Listening", "Hands-free: on").
"""
from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

MIN_SCALE, MAX_SCALE = 0.5, 4.0
BASE_POINT_SIZE = 11.0

# A thick focus outline on every focusable control, in both themes.
_FOCUS = """
*:focus { outline: none; }
QPushButton:focus, QLineEdit:focus, QListWidget:focus, QCheckBox:focus, QComboBox:focus,
QDoubleSpinBox:focus, QSpinBox:focus, QTextEdit:focus, QToolButton:focus {
    border: 3px solid %(focus)s;
}
QPushButton { padding: 6px 12px; border: 1px solid %(edge)s; border-radius: 4px; }
QPushButton:checked { border: 3px double %(edge)s; font-weight: bold; }
QListWidget::item { padding: 6px; border: 2px solid transparent; }
QListWidget::item:selected { border: 2px solid %(focus)s; background: %(selbg)s; color: %(selfg)s; }
"""

NORMAL = _FOCUS % {"focus": "#1a5fb4", "edge": "#777777", "selbg": "#dce8fa", "selfg": "#000000"}

HIGH_CONTRAST = """
QWidget { background: #000000; color: #ffffff; }
QLineEdit, QListWidget, QTextEdit, QComboBox, QDoubleSpinBox, QSpinBox {
    background: #000000; color: #ffffff; border: 2px solid #ffffff;
}
QPushButton { background: #000000; color: #ffff00; }
QProgressBar { border: 2px solid #ffffff; color: #ffffff; text-align: center; }
QProgressBar::chunk { background: #ffff00; }
QStatusBar QLabel { color: #ffffff; }
""" + _FOCUS % {"focus": "#00ffff", "edge": "#ffffff", "selbg": "#ffff00", "selfg": "#000000"}


def clamp_scale(scale: float) -> float:
    return max(MIN_SCALE, min(MAX_SCALE, round(scale, 2)))


def apply(app: QApplication, *, scale: float = 1.0, high_contrast: bool = False) -> None:
    """Set the application font size and style sheet; widgets follow at once."""
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * clamp_scale(scale))
    app.setFont(font)
    app.setStyleSheet(HIGH_CONTRAST if high_contrast else NORMAL)
