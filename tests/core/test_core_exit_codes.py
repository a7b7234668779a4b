"""One exit-code table; saving and logging that never cost an answer (issue 10)."""
import errno
import io
import logging

from assistant import errors
from assistant.errors import (AssistantError, ConfigError, DependencyMissingError, DeviceError,
                              InputError, ModelMissingError, SaveError)
from assistant.events import ErrorEvent, EventBus, Recorder
from assistant.pipeline import Assistant
from assistant.storage import failure_words


def test_each_kind_of_failure_has_its_status():
    assert InputError("x").exit_status == ConfigError("x").exit_status == errors.EXIT_BAD_INPUT == 2
    assert ModelMissingError("x").exit_status == errors.EXIT_MISSING == 3
    assert DependencyMissingError("p", "gpu", purpose="x", stage="y").exit_status == 3
    assert DeviceError("x").exit_status == errors.EXIT_NO_DEVICE == 4
    assert SaveError("x").exit_status == errors.EXIT_NOT_SAVED == 5
    assert AssistantError("x", code="bad_input").exit_status == 2
    assert AssistantError("x").exit_status == errors.EXIT_FAILED == 1
    codes = [code for code, _ in errors.EXIT_CODES]
    assert codes == sorted(set(codes)) and {0, 70, 130} <= set(codes)


class _BrokenStore:
    def append(self, name, turn):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_remember_never_raises_and_says_why():
    bus = EventBus()
    seen = Recorder(bus)
    assistant = Assistant(vision=object(), sessions=_BrokenStore(), bus=bus)
    assert assistant.remember("s", object()) == "the disk is full"
    assert [e.code for e in seen.events if isinstance(e, ErrorEvent)] == ["session_not_saved"]
    assert assistant.remember(None, object()) is None


def test_failure_words():
    assert failure_words(OSError(errno.EROFS, "x")) == "the disk is read-only"
    assert failure_words(FileExistsError(errno.EEXIST, "x", "/a/b")) == "/a/b is a file, not a folder"
    assert failure_words(UnicodeEncodeError("utf-8", "\udcff", 0, 1, "x")) == "the text is not valid UTF-8"


class _FullDisk(io.StringIO):
    def write(self, text):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_log_file_on_a_full_disk_turns_itself_off_and_says_so_once(tmp_path, capsys):
    from assistant.cli import _LogFile

    handler = _LogFile(tmp_path / "assistant.log", encoding="utf-8")
    handler.stream = _FullDisk()
    logger = logging.getLogger("test.full-disk")
    logger.addHandler(handler)
    try:
        for n in range(3):
            logger.warning("line %d", n)
    finally:
        logger.removeHandler(handler)
    err = capsys.readouterr().err
    assert err.count("the disk is full") == 1 and "Logging error" not in err and "Traceback" not in err
    assert handler.off
