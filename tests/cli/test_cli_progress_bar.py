"""The transcription progress bar and the console printer, fed numbers and events (no model)."""
import io
import sys

import pytest

from assistant.cli.commands import _progress_printer
from assistant.events import ErrorEvent, ModelLoaded, ModelLoading, Progress
from assistant.cli.progress import REDRAW_S, TRANSCRIBING, ProgressBar, bar_line, clock_text


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _bar(columns: int = 100):
    out, clock = io.StringIO(), Clock()
    return ProgressBar(out, clock=clock, columns=columns), out, clock


def _last_line(text: str) -> str:
    return text.split("\r")[-1].rstrip("\n").rstrip()


def test_clock_text():
    assert [clock_text(s) for s in (0, 7.9, 61, 754, 3723)] == ["0:00", "0:07", "1:01", "12:34", "1:02:03"]


def test_a_file_of_a_minute_or_less_draws_nothing():
    bar, out, clock = _bar()
    for done in (0, 20, 40, 60):
        clock.now += 1
        bar.update(done, 60)
    bar.finish()
    assert out.getvalue() == "" and not bar.shown


def test_bar_shows_share_audio_time_elapsed_and_time_left():
    bar, out, clock = _bar()
    bar.update(10, 120)          # the first report: the rate is measured from here
    clock.now += 10
    bar.update(60, 120)          # 50 s of audio in 10 s: 60 s left at 5x -> 12 s
    line = _last_line(out.getvalue())
    assert line.startswith("Transcribing  50% [")
    assert "1:00 / 2:00, 0:10 elapsed, about 0:12 left" in line
    assert "\n" not in out.getvalue()  # one line, redrawn
    bar.finish()
    assert out.getvalue().endswith("\n")


def test_the_bar_keeps_its_width_when_the_estimate_comes():
    bar, out, clock = _bar()
    bar.update(10, 120)
    clock.now += 10
    bar.update(60, 120)
    before, after = out.getvalue().split("\r")[1:]
    assert "left" not in before and "left" in after
    assert before.index("]") == after.index("]")


def test_no_estimate_before_the_rate_is_measured():
    bar, out, clock = _bar()
    bar.update(5, 300)
    assert "left" not in out.getvalue() and "elapsed" in out.getvalue()


def test_redraws_are_throttled_and_finish_shows_the_last_state():
    bar, out, clock = _bar()
    bar.update(0, 100)
    for done in range(1, 50):
        clock.now += REDRAW_S / 10
        bar.update(done, 100)
    assert out.getvalue().count("\r") < 10
    bar.finish()
    assert "49%" in _last_line(out.getvalue()) and out.getvalue().endswith("\n")


def test_a_completed_file_ends_at_100_percent():
    bar, out, clock = _bar()
    bar.update(10, 100)
    clock.now += 1
    bar.update(97.5, 100)        # where the last words ended
    bar.finish(completed=True)
    assert " 100% " in _last_line(out.getvalue()) and out.getvalue().endswith("\n")


def test_a_failed_run_keeps_its_last_state():
    bar, out, clock = _bar()
    bar.update(40, 100)
    bar.finish()
    assert " 40% " in _last_line(out.getvalue())


def test_the_end_is_always_drawn():
    bar, out, clock = _bar()
    bar.update(50, 100)
    bar.update(100, 100)         # at once, but the last report is never held back
    assert " 100% " in _last_line(out.getvalue())


def test_progress_never_goes_back_nor_past_the_end():
    bar, out, clock = _bar()
    bar.update(80, 100)
    clock.now += 1
    bar.update(30, 100)          # a stretch decoded again by another model
    assert "1:20 / 1:40" in _last_line(out.getvalue())
    clock.now += 1
    bar.update(130, 100)
    assert "1:40 / 1:40" in _last_line(out.getvalue())


def test_a_shorter_line_covers_the_longer_one_before_it():
    bar, out, clock = _bar()
    bar.update(10, 120)
    clock.now += 5
    bar.update(30, 120)          # "about ... left" appears: the line grows
    clock.now += 5
    bar.update(40, 120)
    drawn = out.getvalue().split("\r")[1:]
    assert len(drawn[-1]) >= len(drawn[-2].rstrip())


@pytest.mark.parametrize("columns", [30, 50, 80, 200])
def test_the_line_never_wraps(columns):
    bar, out, clock = _bar(columns)
    bar.update(10, 7200)
    clock.now += 30
    bar.update(3000, 7200)
    assert all(len(part.rstrip("\n")) < columns for part in out.getvalue().split("\r"))


def test_unknown_length_shows_audio_done_after_a_minute():
    bar, out, clock = _bar()
    bar.update(30, 0)
    assert out.getvalue() == ""
    clock.now += 10
    bar.update(75, 0)
    assert _last_line(out.getvalue()) == "Transcribing: 1:15 of audio, 0:10 elapsed"


def test_interrupt_ends_the_line_and_the_next_update_draws_a_new_one():
    bar, out, clock = _bar()
    bar.update(10, 100)
    bar.interrupt()
    assert out.getvalue().endswith("\n")
    bar.update(11, 100)          # within the redraw interval, but the line is gone
    assert out.getvalue().endswith("11%" + out.getvalue().split("11%")[-1])
    assert out.getvalue().count("\r") == 2


def test_ascii_bar_where_the_stream_cannot_write_blocks():
    out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    bar = ProgressBar(out, columns=80)
    bar.update(50, 100)
    bar.finish()
    out.seek(0)
    assert "[" + "#" in out.read()


def test_bar_line_without_room_for_the_bar_keeps_the_words():
    line = bar_line("Transcribing", 30, 60, 5, 5, 60)
    assert line == "Transcribing  50% 0:30 / 1:00, about 0:05 left"   # elapsed goes first
    assert bar_line("Transcribing", 30, 60, 5, 5, 62) == \
        "Transcribing  50% 0:30 / 1:00, 0:05 elapsed, about 0:05 left"
    assert bar_line("Transcribing", 30, 60, 5, 5, 40) == "Transcribing  50% 0:30 / 1:00"


def _transcribing(done: float, total: float) -> Progress:
    return Progress(stage="asr", message=TRANSCRIBING, done=done, total=total)


def test_printer_without_a_bar_prints_no_transcription_steps(capsys):
    for done in range(0, 200, 20):
        _progress_printer(_transcribing(done, 200))
    assert capsys.readouterr().err == ""


def test_printer_keeps_model_build_progress_as_before(capsys):
    _progress_printer(Progress(stage="asr", message="Preparing the multilingual speech model",
                               done=50, total=200))
    assert capsys.readouterr().err == "Preparing the multilingual speech model 25%\n"


def test_quiet_printer_drops_loading_lines_and_keeps_notes(capsys):
    events = [ModelLoading(stage="asr", model="tiny.en"),
              ModelLoaded(stage="asr", model="tiny.en", device="cpu", elapsed_ms=900),
              Progress(stage="asr", message="Preparing the multilingual speech model", done=5, total=9),
              ErrorEvent(stage="asr", code="remote_unreachable", message="The server is away."),
              Progress(stage="asr", message="The cache cannot be written; using /tmp/x.")]
    for event in events:
        _progress_printer(event, quiet=True)
    assert capsys.readouterr().err.splitlines() == ["note: The server is away.",
                                                    "The cache cannot be written; using /tmp/x."]


def test_a_message_during_the_bar_goes_on_a_line_of_its_own(capsys):
    bar = ProgressBar(sys.stderr, columns=80)  # capsys's stream
    _progress_printer(_transcribing(30, 300), bar=bar)
    _progress_printer(ModelLoading(stage="asr", model="base"), bar=bar)
    _progress_printer(_transcribing(60, 300), bar=bar)
    bar.finish()
    err = capsys.readouterr().err
    first, loading, second, end = err.split("\n")
    assert first.startswith("\rTranscribing  10%") and loading == "Loading base (asr)…"
    assert second.startswith("\rTranscribing  20%") and end == ""
