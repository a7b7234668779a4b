"""The window's Qt translations: gather the strings of ui/*.py into ui/translations/
assistant_<lang>.ts, and compile each .ts into the .qm the window loads.

``pyside6-lupdate`` and ``pyside6-lrelease`` come with PySide6 (no Qt install needed). The
.ts files are what translators edit (by hand or in ``pyside6-linguist``); the .qm files are
committed beside them so an install needs no Qt tools. tests/ui/test_ui_translations.py
fails when a string of ui/ is missing from a .ts, a translation is unfinished, or a .qm no
longer matches its .ts.

    python scripts/update_translations.py           # after changing strings in ui/
    python scripts/update_translations.py --compile # after editing a .ts
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"
TRANSLATIONS = UI / "translations"
LANGUAGES = ("fr", "de", "es")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} is missing: pip install PySide6")
    return found


def sources() -> list[str]:
    return [str(p) for p in sorted(UI.glob("*.py"))]


def update(ts: Path) -> None:
    """Add new strings of ui/ to ``ts`` (unfinished) and drop those no longer used."""
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-target-language", ts.stem.split("_", 1)[1], "-ts", str(ts)],
                   check=True, capture_output=True, text=True)


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    TRANSLATIONS.mkdir(exist_ok=True)
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"assistant_{lang}.ts"
        if "--compile" not in argv:
            update(ts)
        compile_ts(ts, ts.with_suffix(".qm"))
        print(ts.relative_to(ROOT), "->", ts.with_suffix(".qm").name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
