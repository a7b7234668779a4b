"""scripts/setup.sh installs every Debian package whose files the tests read."""
from __future__ import annotations

import re
from pathlib import Path

from system_files import PACKAGES, debian_package

ROOT = Path(__file__).resolve().parents[1]

ASTERISK_LANGUAGES = ("en", "fr", "es", "ru")  # tests/asr reads prompts and transcripts in these
TOOLS = ("espeak-ng", "sox", "man-db")  # binaries tests run (man: the manual page test)


def _setup_packages() -> set[str]:
    script = (ROOT / "scripts" / "setup.sh").read_text()
    names: set[str] = set()
    for body in re.findall(r"^\w+_DEBS=\(([^)]*)\)", script, flags=re.M | re.S):
        names.update(body.split())
    return names


def test_setup_installs_what_the_tests_read():
    wanted = set(PACKAGES.values()) | set(TOOLS)
    for lang in ASTERISK_LANGUAGES:
        wanted.update(debian_package(f"/usr/share/asterisk/sounds/{lang}/x.wav").split())
        wanted.add(debian_package(f"/usr/share/doc/asterisk-core-sounds-{lang}/core-sounds-{lang}.txt.gz"))
    assert wanted <= _setup_packages(), sorted(wanted - _setup_packages())
