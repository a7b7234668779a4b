"""Pulling the microphone out while an answer is spoken, with the real PortAudio and PulseAudio.

The microphone is a null sink's monitor on a PulseAudio server of its own and
the speaker a null sink on another (why two: see ``tests/pulse_support.py``). The
MicrophoneSource and the Player share one AudioHub, as in the voice loop. While
a 10 s LibriVox reading plays into the speaker, the microphone's module is
unloaded: the answer must play to its end (recorded from the speaker's monitor
with parec), the microphone must report "lost" and, once the module is loaded
again, "restored", with real sound flowing from it.
"""
from __future__ import annotations

import signal
import subprocess
import threading
import time
from types import SimpleNamespace

import numpy as np
import pytest
from audio_live_helpers import Collector, read_pcm16, write_pcm16
from pulse_support import PulseServer, alsa_devices, loud_frames, require_pulse_tools

from assistant.audio.hub import InputLost, InputRestored, RescanDeferred, shared_hub
from assistant.audio.sources import MicrophoneSource
from assistant.tts import SpeechAudio
from assistant.tts.playback import Player

pytestmark = pytest.mark.alone     # a sound server in real time: not beside another worker


@pytest.fixture
def rooms(tmp_path, monkeypatch, librivox_clips):
    """A microphone server, a speaker server, and a hub whose PortAudio lists both."""
    require_pulse_tools()
    mic = PulseServer(tmp_path / "mic", "vmic", default_source="vmic.monitor")
    room = PulseServer(tmp_path / "room", "vsink")
    hub = shared_hub()  # the process's one owner of PortAudio, as in the application
    try:
        monkeypatch.setenv("ALSA_CONFIG_PATH", alsa_devices(
            tmp_path / "asound.conf", {"vmic_in": mic.server, "vsink_out": room.server}))
        monkeypatch.setenv("PULSE_SERVER", room.server)  # ALSA's "pulse" and "default" too
        assert hub.rescan(), "PortAudio was busy with streams of another test"
        names = [d.name for d in hub.devices()]
        assert "vmic_in" in names and "vsink_out" in names, names
        yield SimpleNamespace(mic=mic, room=room, hub=hub)
    finally:
        monkeypatch.undo()
        hub.rescan()  # PortAudio back on this machine's own devices (now, or when streams close)
        mic.stop()
        room.stop()


def test_pulling_the_microphone_out_while_an_answer_is_spoken(rooms, librivox_clips, tmp_path,
                                                             monkeypatch):
    answer = np.concatenate([librivox_clips["0870"], librivox_clips["0880"]])  # 10.1 s
    question = write_pcm16(tmp_path / "question.wav", librivox_clips["0930"])
    hub = rooms.hub
    events: list = []
    unsubscribe = hub.subscribe(events.append)
    reinits_with_streams_open: list[int] = []
    reinitialise = hub._reinitialise

    def watched(sd):  # PortAudio must never be re-initialised under an open stream
        reinits_with_streams_open.append(hub.open_streams)
        reinitialise(sd)

    monkeypatch.setattr(hub, "_reinitialise", watched)
    mic_opens_with_streams_open: list[int] = []
    open_input = hub._open_input

    def watched_open(*args, **kwargs):  # a failing open beside a running stream can crash
        mic_opens_with_streams_open.append(hub.open_streams)  # PortAudio (formats.py)
        return open_input(*args, **kwargs)

    monkeypatch.setattr(hub, "_open_input", watched_open)
    states: list[str] = []
    lost, restored = threading.Event(), threading.Event()

    def on_state(state):
        states.append(state)
        (lost if state == "lost" else restored).set()

    mic = MicrophoneSource("vmic_in", hub=hub, retry_s=0.25, stall_s=1.0, on_state=on_state)
    player = Player(hub=hub, device="vsink_out")
    heard = tmp_path / "speaker.wav"
    recorder = subprocess.Popen(["parec", "--device=vsink.monitor", "--rate=16000",
                                 "--channels=1", "--format=s16le", "--file-format=wav",
                                 str(heard)], env=rooms.room.env)
    got = Collector()
    mic.start(got)
    try:
        assert got.wait_for(20, timeout=10), "no audio from the virtual microphone"
        began = time.monotonic()
        assert player.play(SpeechAudio(answer, 16_000))
        time.sleep(2.0)  # well into the answer
        rooms.mic.pactl("unload-module", rooms.mic.module_of("vmic"))
        assert lost.wait(5), "the microphone's loss was not noticed"
        assert player.is_playing, "the answer stopped when the microphone went"
        assert player.wait(timeout=30) is True, "the answer did not play to its end"
        took = time.monotonic() - began
        assert answer.shape[0] / 16_000 - 0.5 < took < answer.shape[0] / 16_000 + 4.0

        rooms.mic.pactl("load-module", "module-null-sink", "sink_name=vmic")
        rooms.mic.pactl("set-default-source", "vmic.monitor")
        assert restored.wait(15), "the microphone was not found again"
        before = got.count()
        subprocess.run(["paplay", "--device=vmic", str(question)], env=rooms.mic.env, check=True,
                       timeout=30)
        assert got.wait_for(before + 20, timeout=5)
        after = np.concatenate(got.blocks[before:])
        # The reading came through the microphone again: loud for most of its length.
        assert loud_frames(after, 16_000) >= 0.7 * loud_frames(librivox_clips["0930"], 16_000)
    finally:
        mic.stop()
        player.close()
        unsubscribe()
        recorder.send_signal(signal.SIGTERM)
        recorder.wait(timeout=10)
    assert states == ["lost", "restored"]
    kinds = [type(e) for e in events]
    assert InputLost in kinds and InputRestored in kinds
    assert kinds.index(InputLost) < kinds.index(InputRestored)
    assert RescanDeferred in kinds  # the microphone asked for a re-scan during the answer...
    assert reinits_with_streams_open and set(reinits_with_streams_open) == {0}  # ...and waited
    assert mic_opens_with_streams_open and set(mic_opens_with_streams_open) == {0}
    # The speaker got the whole answer: as many loud 100 ms frames as the reading has.
    spoken, rate = read_pcm16(heard)
    assert rate == 16_000
    assert loud_frames(spoken, rate) >= 0.9 * loud_frames(answer, 16_000)
    assert hub.open_streams == 0


def test_a_microphone_gone_quiet_is_lost_by_the_stall_timeout(rooms, librivox_clips):
    """A suspended PulseAudio source gives PortAudio no error at all: the stream stays
    "active" and silent. Only the stall timeout can tell, and the answer plays on."""
    hub = rooms.hub
    events: list = []
    unsubscribe = hub.subscribe(events.append)
    states: list[str] = []
    lost, restored = threading.Event(), threading.Event()

    def on_state(state):
        states.append(state)
        (lost if state == "lost" else restored).set()

    mic = MicrophoneSource("vmic_in", hub=hub, retry_s=0.25, stall_s=1.0, first_block_s=3.0,
                           on_state=on_state)
    player = Player(hub=hub, device="vsink_out")
    got = Collector()
    mic.start(got)
    try:
        assert got.wait_for(20, timeout=10), "no audio from the virtual microphone"
        assert player.play(SpeechAudio(librivox_clips["0870"], 16_000))  # 7.1 s
        rooms.mic.pactl("suspend-sink", "vmic", "1")
        assert lost.wait(4), "a silent microphone was not noticed"
        assert player.is_playing
        rooms.mic.pactl("suspend-sink", "vmic", "0")
        assert restored.wait(10), "the microphone did not come back"
        assert player.wait(timeout=20) is True
        before = got.count()
        assert got.wait_for(before + 10, timeout=5)
    finally:
        mic.stop()
        player.close()
        unsubscribe()
    assert states == ["lost", "restored"]
    assert [e for e in events if isinstance(e, InputLost)] == [InputLost("vmic_in", "stall")]
