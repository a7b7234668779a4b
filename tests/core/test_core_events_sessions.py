import threading

import pytest

from assistant.conversation.history import Turn, turns_about
from assistant.conversation.prompt import blip2_prompt
from assistant.conversation.sessions import SessionStore
from assistant.errors import InputError
from assistant.events import ErrorEvent, EventBus, Recorder, Reply


def test_bus_delivers_in_order_and_survives_a_failing_handler():
    bus = EventBus()
    seen = Recorder(bus)

    def broken(event):
        raise RuntimeError("a UI handler bug")

    bus.subscribe(broken)
    bus.emit(Reply(question="q", answer="a", engine="e"))
    bus.emit(ErrorEvent(code="x", message="m", stage="asr"))
    assert [type(e) for e in seen.events] == [Reply, ErrorEvent]


def test_bus_is_safe_across_threads():
    bus = EventBus()
    seen = Recorder(bus)
    threads = [threading.Thread(target=lambda: [bus.emit(Reply(question="q", answer=str(i), engine="e"))
                                                for i in range(200)]) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen.of_type(Reply)) == 800


def test_unsubscribe_stops_delivery():
    bus = EventBus()
    seen = Recorder(bus)
    seen.close()
    bus.emit(Reply(question="q", answer="a", engine="e"))
    assert seen.events == []


def _reply(answer: str) -> Reply:
    return Reply(question="q", answer=answer, engine="test")


def test_a_diverted_thread_emits_to_its_diversion_only_and_other_threads_are_untouched():
    from assistant.voice.speculation import HeldEvents

    bus = EventBus()
    rec = Recorder(bus)
    hold = HeldEvents()
    with bus.diverted(hold.to(bus)):
        bus.emit(_reply("held"))
        other = threading.Thread(target=lambda: bus.emit(_reply("other")))
        other.start()
        other.join()
        assert [e.answer for e in rec.of_type(Reply)] == ["other"]   # held, not lost
        hold.release()
        bus.emit(_reply("after"))               # through at once now
    bus.emit(_reply("plain"))
    assert [e.answer for e in rec.of_type(Reply)] == ["other", "held", "after", "plain"]
    held = rec.of_type(Reply)[1]
    assert held.at == hold.released_at >= rec.of_type(Reply)[0].at    # stamped when sent

    dropped = HeldEvents()
    with bus.diverted(dropped.to(bus)):
        bus.emit(_reply("dropped"))
        dropped.drop()
        bus.emit(_reply("dropped too"))
    dropped.release()                                                 # too late: no effect
    assert [e.answer for e in rec.of_type(Reply)][-1] == "plain"
    assert not dropped.wait(lambda: True) and hold.wait(lambda: True)


def test_prompt_has_earlier_turns_in_order():
    history = [Turn("what is this?", "a cat."), Turn("what colour is it?", "grey")]
    prompt = blip2_prompt("is it  sleeping?", history)
    assert prompt == ("Question: what is this? Answer: a cat. Question: what colour is it? Answer: grey. "
                      "Question: is it sleeping? Answer:")


def test_turns_about_keeps_only_the_same_image_and_the_last_n():
    turns = [Turn(f"q{i}", f"a{i}", image_id="A" if i % 2 else "B") for i in range(10)]
    got = turns_about(turns, "A", 3)
    assert [t.question for t in got] == ["q5", "q7", "q9"]
    assert turns_about(turns, "A", 0) == ()


def test_session_store_appends_and_survives_damage(tmp_path):
    store = SessionStore(tmp_path)
    store.append("kitchen", Turn("q1", "a1", image_id="x"))
    store.append("kitchen", Turn("q2", "a2", image_id="x"))
    assert [t.answer for t in store.load("kitchen")] == ["a1", "a2"]
    (tmp_path / "kitchen.json").write_text("{ broken")
    assert store.load("kitchen") == []
    store.append("kitchen", Turn("q3", "a3"))
    assert [t.answer for t in store.load("kitchen")] == ["a3"]


@pytest.mark.parametrize("name", ["../etc", "", "a/b", "x" * 80])
def test_session_names_cannot_escape_the_folder(tmp_path, name):
    with pytest.raises(InputError):
        SessionStore(tmp_path).load(name)


def test_turns_about_the_same_view_count_too():
    turns = [Turn("q1", "a1", image_id="f1", scene="ff00ff00ff00ff00"),
             Turn("q2", "a2", image_id="f2", scene="ff00ff00ff00ff03"),   # 2 bits apart
             Turn("q3", "a3", image_id="f3", scene="00ff00ff00ff00ff")]   # another view
    got = turns_about(turns, "f9", 5, scene="ff00ff00ff00ff01")
    assert [t.question for t in got] == ["q1", "q2"]
    assert turns_about(turns, "f3", 5) == (turns[2],)                # exact frame, no scene
    assert turns_about(turns, "f9", 5, scene="not hex") == ()


def test_memory_sessions_keep_nothing_on_disk_and_clear(tmp_path):
    from assistant.conversation.sessions import MemorySessions

    memory = MemorySessions(max_turns=2)
    for i in range(3):
        memory.append("w", Turn(f"q{i}", f"a{i}"))
    assert [t.question for t in memory.load("w")] == ["q1", "q2"]
    memory.clear()
    assert memory.load("w") == []
