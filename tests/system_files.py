"""Files the tests read from Debian packages, and the package that provides each.

``system_file(path, package)`` returns the path, or fails the test (never skips it)
with the package to install, so a machine that lacks test data says what it lacks.
``scripts/setup.sh test`` installs every package named here. Lives outside conftest.py
so that helper modules can import it (``from system_files import system_file``): every
test folder has its own conftest.py, and a bare ``import conftest`` gets whichever was
imported last.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

SETUP_HINT = "bash scripts/setup.sh install test"

# Path prefix -> Debian package (checked with `dpkg -S`). The Asterisk prompts need two
# packages per language: `-wav` has the audio in e.g. fr_CA_f_June/, and the package
# without `-wav` has the transcripts and makes the sounds/fr link (update-alternatives).
PACKAGES = {
    "/usr/share/pocketsphinx/test/data": "pocketsphinx-testdata",
    "/usr/share/sounds/alsa": "alsa-utils",
    "/usr/share/doc/opencv-doc": "opencv-doc",
    "/usr/share/fonts/truetype/dejavu": "fonts-dejavu-core",
}
_ASTERISK_SOUNDS = re.compile(r"^/usr/share/asterisk/sounds/([a-z]{2})(?:_[A-Za-z]+)*(/|$)")
_ASTERISK_DOCS = re.compile(r"^/usr/share/doc/asterisk-core-sounds-([a-z]{2})(/|$)")


def debian_package(path: str | Path) -> str | None:
    """The Debian package(s) that put ``path`` on the machine, when it is one the tests use."""
    text = str(path)
    match = _ASTERISK_SOUNDS.match(text)
    if match:
        return f"asterisk-core-sounds-{match.group(1)} asterisk-core-sounds-{match.group(1)}-wav"
    match = _ASTERISK_DOCS.match(text)
    if match:
        return f"asterisk-core-sounds-{match.group(1)}"
    for prefix, package in PACKAGES.items():
        if text == prefix or text.startswith(prefix + "/"):
            return package
    return None


def missing_message(path: str | Path, package: str | None = None) -> str:
    package = package or debian_package(path)
    where = f"apt-get install {package}" if package else "install the Debian package that provides it"
    return f"{path} is missing; {where} (or run: {SETUP_HINT})"


def system_file(path: str | Path, package: str | None = None) -> Path:
    """``path`` if it exists; otherwise the test fails, naming the Debian package to install."""
    path = Path(path)
    if not path.exists():
        pytest.fail(missing_message(path, package), pytrace=False)
    return path
