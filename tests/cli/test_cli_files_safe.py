"""Paths the user gives the console (issue 21, items 1, 2, 4 and 7), through the real
``assistant`` command, as root and as an ordinary user (uid 65534 through ``setpriv``).

Everything happens in one temporary folder: real files, symlinks, FIFOs and device nodes
made there with ``mknod`` (a /dev/null twin is char 1:3, a /dev/full twin 1:7). After every
test the real /dev nodes and the project folder are checked unchanged.

Most checks happen before any model loads, so they take a fraction of a second; the few
that need an answer use the bundled embedded engines.
"""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

import assistant

CODE_ROOT = Path(assistant.__file__).resolve().parents[1]     # the code under test
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
SIGN, QUESTION = SAMPLES / "sign.jpg", SAMPLES / "question.wav"
NOBODY = 65534
IS_ROOT = os.geteuid() == 0
needs_root = pytest.mark.skipif(not IS_ROOT, reason="mknod, mount and changing user need root")
WATCHED = ("/dev/null", "/dev/full", "/dev/zero")
NULL, FULL = os.makedev(1, 3), os.makedev(1, 7)


def _node(path: str) -> tuple[int, int, int]:
    st = os.lstat(path)
    return st.st_ino, st.st_mode, st.st_rdev


@pytest.fixture(autouse=True)
def nothing_outside_changes():
    """The real devices keep their inode and type; the project folder gets no new files."""
    before = {p: _node(p) for p in WATCHED}
    tree = sorted(os.listdir(CODE_ROOT))
    yield
    assert {p: _node(p) for p in WATCHED} == before
    assert sorted(os.listdir(CODE_ROOT)) == tree


@pytest.fixture
def box():
    """A folder both root and uid 65534 can reach (pytest's tmp_path is root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="files-safe-"))
    folder.chmod(0o755)
    home = folder / "home"
    home.mkdir()
    os.chown(home, NOBODY, NOBODY) if IS_ROOT else None
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _interpreter_for_nobody() -> tuple[str, str]:
    """A Python the ordinary user may run, and the PYTHONPATH that finds our packages with it."""
    import site
    import sysconfig

    paths = os.pathsep.join([str(CODE_ROOT), sysconfig.get_paths()["purelib"],
                             *site.getsitepackages()])
    wanted = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    for candidate in (sys.executable, shutil.which(wanted) or "", f"/usr/bin/{wanted}"):
        if candidate and subprocess.run(
                ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", candidate,
                 "-c", "import assistant.cli, numpy, PIL"],
                env={**os.environ, "PYTHONPATH": paths}, capture_output=True, cwd="/",
                timeout=60).returncode == 0:
            return candidate, paths
    pytest.fail(f"no Python {sys.version_info[0]}.{sys.version_info[1]} that uid {NOBODY} may "
                "run (the interpreter under /root is 0700?); install python3 for all users")


def run(box: Path, *args: str, user: str = "root", stdin: bytes | None = None,
        timeout: float = 60, wrap: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    env = {**os.environ, "ASSISTANT_HOME": str(box / "home"), "PYTHONWARNINGS": "ignore",
           "HOME": str(box / "home")}
    python = sys.executable
    prefix: list[str] = []
    if user == "nobody":
        python, env["PYTHONPATH"] = _interpreter_for_nobody()
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    else:
        env["PYTHONPATH"] = str(CODE_ROOT)
    done = subprocess.run([*wrap, *prefix, python, "-m", "assistant", *args], env=env, cwd=box,
                          input=stdin if stdin is not None else b"", capture_output=True,
                          timeout=timeout)
    done.stdout, done.stderr = done.stdout.decode(), done.stderr.decode(errors="replace")
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done


def _error(done) -> str:
    lines = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, done.stderr
    return lines[0]


def mknod(path: Path, device: int) -> Path:
    os.mknod(path, stat.S_IFCHR | 0o666, device)
    os.chmod(path, 0o666)   # whatever the umask took: the twins are as open as the real ones
    return path


def _same_node(path: Path, device: int) -> None:
    st = os.lstat(path)
    assert stat.S_ISCHR(st.st_mode) and st.st_rdev == device, f"{path} was replaced"


def _folder_for(box: Path, user: str) -> Path:
    out = box / f"out-{user}"
    out.mkdir()
    if user == "nobody":
        os.chown(out, NOBODY, NOBODY)
    return out


USERS = pytest.mark.parametrize("user", ["root", "nobody"])


# -- item 1: writes that respect the target ---------------------------------------------------

@needs_root
@USERS
def test_history_export_writes_through_a_symlink_and_keeps_the_mode(box, user):
    out = _folder_for(box, user)
    target = out / "real.md"
    target.write_text("old")
    target.chmod(0o644)
    os.chown(target, *(2 * [NOBODY if user == "nobody" else 0]))
    (out / "link.md").symlink_to("real.md")
    done = run(box, "history", "export", str(out / "link.md"), user=user)
    assert done.returncode == 0, done.stderr
    assert (out / "link.md").is_symlink() and os.readlink(out / "link.md") == "real.md"
    assert target.read_text().startswith("# Conversation")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert sorted(p.name for p in out.iterdir()) == ["link.md", "real.md"]   # no temp file left


@needs_root
@USERS
def test_history_export_into_a_dev_null_twin_leaves_the_device(box, user):
    null = mknod(_folder_for(box, user) / "null", NULL)
    done = run(box, "history", "export", str(null), "--format", "md", user=user)
    assert done.returncode == 0, done.stderr
    _same_node(null, NULL)


@needs_root
@USERS
def test_history_export_into_a_dev_full_twin_says_full_and_leaves_the_device(box, user):
    full = mknod(_folder_for(box, user) / "full", FULL)
    done = run(box, "history", "export", str(full), "--format", "md", user=user)
    assert done.returncode == 5, done.stderr
    line = _error(done)
    assert "disk is full" in line and "Free some space" in line
    _same_node(full, FULL)


@needs_root
def test_history_export_into_a_fifo_goes_to_its_reader_and_never_waits_without_one(box):
    fifo = box / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    done = run(box, "history", "export", str(fifo), "--format", "md")
    reader.join(10)
    assert done.returncode == 0, done.stderr
    assert got and got[0].startswith(b"# Conversation")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    alone = run(box, "history", "export", str(fifo), "--format", "md", timeout=20)  # no reader
    assert alone.returncode == 5 and "nothing is reading" in _error(alone)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@needs_root
@USERS
def test_a_missing_folder_is_exit_2_naming_it_and_is_not_created(box, user):
    out = _folder_for(box, user)
    for args in (("history", "export", str(out / "no" / "dir" / "chat.md")),
                 ("--config", str(out / "no" / "dir" / "kiosk.toml"), "config", "init"),
                 ("ask", "--image", str(SIGN), "--text", "hi", "--speak-to",
                  str(out / "no" / "dir" / "a.wav"), "--json")):
        done = run(box, *args, user=user)
        assert done.returncode == 2, (args, done.stderr)
        assert f"{out / 'no' / 'dir'} does not exist" in _error(done)
        assert "Loading" not in done.stderr       # said before any model loads
        assert not (out / "no").exists()


@needs_root
def test_permission_denied_is_said_as_such_for_an_ordinary_user(box):
    locked = box / "locked"
    locked.mkdir(mode=0o755)                  # root's; uid 65534 may look but not write
    done = run(box, "history", "export", str(locked / "chat.md"), user="nobody")
    assert done.returncode == 5, done.stderr
    line = _error(done)
    assert "permission denied" in line and "Free some space" not in line
    assert not list(locked.iterdir())


@needs_root
def test_a_read_only_disk_is_said_as_such(box):
    ro = box / "ro"
    ro.mkdir()
    # A private mount namespace: the read-only tmpfs is seen by this one command alone.
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.fail(f"unshare -m does not work here: {probe.stderr.decode()}")
    script = f'mount -t tmpfs -o ro,size=1m tmpfs {ro} && exec "$@"'
    done = run(box, "history", "export", str(ro / "chat.md"),
               wrap=("unshare", "-m", "sh", "-c", script, "sh"))
    assert done.returncode == 5, done.stderr
    line = _error(done)
    assert "read-only" in line and "Free some space" not in line


@needs_root
def test_config_init_writes_through_a_link_and_not_over_a_device(box):
    target = box / "settings.toml"
    (box / "kiosk.toml").symlink_to(target)                   # dangling: the file is made there
    done = run(box, "--config", str(box / "kiosk.toml"), "config", "init")
    assert done.returncode == 0, done.stderr
    assert (box / "kiosk.toml").is_symlink() and "[vision]" in target.read_text()
    null = mknod(box / "null.toml", NULL)
    done = run(box, "--config", str(null), "config", "init")
    assert done.returncode == 0, done.stderr
    _same_node(null, NULL)


@needs_root
def test_the_settings_file_is_written_through_its_link_and_a_fifo_is_left_alone(box):
    folder = box / "home" / "config"
    folder.mkdir()
    dotfile = box / "dotfiles.toml"                           # a dotfiles manager's link
    (folder / "config.toml").symlink_to(dotfile)
    done = run(box, "config", "init")
    assert done.returncode == 0, done.stderr
    assert (folder / "config.toml").is_symlink() and "[vision]" in dotfile.read_text()
    (folder / "config.toml").unlink()
    os.mkfifo(folder / "config.toml")
    done = run(box, "config", "show", timeout=20)            # never waits on the FIFO
    assert done.returncode == 0 and "FIFO" in done.stderr, done.stderr
    assert stat.S_ISFIFO(os.lstat(folder / "config.toml").st_mode)


@needs_root
def test_speak_to_a_full_twin_and_through_a_link_with_the_answer_kept(box):
    full = mknod(box / "full.wav", FULL)
    done = run(box, "ask", "--image", str(SIGN), "--text", "What does it say?", "--no-play",
               "--voice-engine", "pyttsx3", "--speak-to", str(full), "--json", timeout=240)
    assert done.returncode == 5, done.stderr
    result = json.loads(done.stdout)                     # one object: the answer, not an error
    assert "LAUNCH PAD" in result["answer"] and "disk is full" in result["save_error"]
    _same_node(full, FULL)
    (box / "link.wav").symlink_to(box / "answer.wav")
    done = run(box, "ask", "--image", str(SIGN), "--text", "What does it say?", "--no-play",
               "--voice-engine", "pyttsx3", "--speak-to", str(box / "link.wav"), timeout=240)
    assert done.returncode == 0, done.stderr
    assert (box / "link.wav").is_symlink()
    assert (box / "answer.wav").read_bytes()[:4] == b"RIFF"


# -- item 2: reads that cannot hang -----------------------------------------------------------

@needs_root
def test_a_fifo_or_device_given_as_input_is_named_and_never_waited_on(box):
    fifo = box / "in.fifo"
    os.mkfifo(fifo)
    null = mknod(box / "null.wav", NULL)
    cases = [
        (("ask", "--image", str(fifo), "--text", "hi"), "a FIFO"),
        (("ask", "--image", str(SIGN), "--audio", str(null)), "a device"),
        (("transcribe", str(fifo)), "a FIFO"),
        (("transcribe", str(null)), "a device"),
        (("--config", str(fifo), "config", "show"), "a FIFO"),
    ]
    for args, words in cases:
        done = run(box, *args, timeout=20)           # the old code hung on the FIFO
        assert done.returncode == 2, (args, done.stderr)
        line = _error(done)
        assert words in line and "folder" not in line, (args, line)
        assert "Loading" not in done.stderr


@needs_root
def test_an_unreadable_file_is_said_for_an_ordinary_user(box):
    secret = box / "secret.wav"
    shutil.copy(QUESTION, secret)
    secret.chmod(0o600)                               # root's alone
    done = run(box, "transcribe", str(secret), user="nobody")
    assert done.returncode == 2, done.stderr
    assert "permission denied" in _error(done)


def test_transcribe_reads_standard_input(box):
    empty = run(box, "transcribe", "-")
    assert empty.returncode == 2
    line = _error(empty)
    assert "standard input" in line and "empty" in line and "does not exist" not in line
    done = run(box, "transcribe", "-", "--language", "en", stdin=QUESTION.read_bytes(), timeout=240)
    assert done.returncode == 0, done.stderr
    assert "sign" in done.stdout.lower()


# -- item 4: session names --------------------------------------------------------------------

def test_unicode_session_names_are_kept_and_asked_about(box):
    done = run(box, "ask", "--image", str(SIGN), "--audio", "-", "--session", "Küche 2",
               "--voice-engine", "none", "--json", stdin=QUESTION.read_bytes(), timeout=240)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert "sign" in result["transcript"].lower() and result["saved"] is True
    listed = run(box, "sessions", "list", "--json")
    assert [s["name"] for s in json.loads(listed.stdout)["sessions"]] == ["Küche 2"]
    gone = run(box, "sessions", "clear", "küche")
    assert gone.returncode == 2 and "no conversation named 'küche'" in _error(gone)


@pytest.mark.parametrize("name, words", [(".hidden", "starts with a dot"), ("", "is empty"),
                                         ("a/b", "slash")])
def test_a_bad_session_name_is_refused_before_any_model_runs(box, name, words):
    done = run(box, "ask", "--image", str(SIGN), "--audio", str(QUESTION), "--session", name,
               "--voice-engine", "none", timeout=240)
    assert done.returncode == 2, done.stderr
    assert words in _error(done)
    assert "Loading" not in done.stderr and not done.stdout


# -- item 7: machine-readable errors ----------------------------------------------------------

@pytest.mark.parametrize("args, code", [
    (("ask", "--json", "--image", "missing.jpg", "--text", "hi"), "file_missing"),
    (("ask", "--json", "--image", "x.jpg"), "bad_arguments"),
    (("--config", "missing.toml", "models", "--json"), "config_missing"),
    (("--config", "missing.toml", "sessions", "list", "--json"), "config_missing"),
    (("transcribe", "missing.wav", "--format", "json"), "file_missing"),
])
def test_json_errors_are_one_object_on_stdout_and_a_line_on_stderr(box, args, code):
    done = run(box, *args)
    assert done.returncode == 2, done.stderr
    out = json.loads(done.stdout)
    assert out["error"]["code"] == code and out["exit"] == 2
    assert out["error"]["message"] and out["error"]["message"] in done.stderr
