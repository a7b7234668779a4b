"""The application icon: the installed one (``local-assistant`` in the icon theme, put in
~/.local/share/icons/hicolor by ``scripts/setup.sh``), else the drawing in ``resources/icons``."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

ICON_NAME = "local-assistant"      # the desktop entry's Icon= and the hicolor file names
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def app_icon() -> QIcon:
    icon = QIcon()
    for png in sorted(ICONS.glob(f"{ICON_NAME}-*.png")):
        icon.addFile(str(png))
    svg = ICONS / f"{ICON_NAME}.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    return QIcon.fromTheme(ICON_NAME, icon) if icon.isNull() else icon


def set_window_icon(window) -> None:
    from PySide6.QtGui import QGuiApplication

    icon = app_icon()
    window.setWindowIcon(icon)
    QGuiApplication.setWindowIcon(icon)
    # Wayland and the desktop entry match the window to its entry by this name.
    QGuiApplication.setDesktopFileName(ICON_NAME)
