"""PNG sizes of resources/icons/local-assistant.svg (for desktops and window managers that
show no SVG), drawn with Qt's own SVG renderer: ``python scripts/make_icons.py``."""
from __future__ import annotations

from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts, images)
    renderer = QSvgRenderer(str(ICONS / "local-assistant.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"local-assistant-{size}.png"))
        print(ICONS / f"local-assistant-{size}.png")


if __name__ == "__main__":
    main()
