"""Compile the message catalogues: assistant/locale/*/LC_MESSAGES/assistant.po -> .mo.

GNU msgfmt (Debian package ``gettext``) with ``--check``, which also refuses a translation
whose {placeholders} differ from the English. The .mo files are committed beside their
.po, so an install from source or a wheel needs no gettext tools;
tests/core/test_core_i18n.py fails when one no longer matches its .po.

    python scripts/compile_catalogues.py          # after editing a .po
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "assistant" / "locale"


def compile_po(po: Path, mo: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        raise SystemExit("msgfmt is missing: sudo apt install gettext")
    subprocess.run([msgfmt, "--check-format", "-o", str(mo), str(po)], check=True)


def main() -> int:
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        compile_po(po, po.with_suffix(".mo"))
        print(po.with_suffix(".mo").relative_to(LOCALE.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
