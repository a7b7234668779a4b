"""Screen reader first: a reply reaches the user once (announced or spoken, never both), state
changes are announced, and every control in every window is named, with no mnemonic clash."""
from __future__ import annotations

from a11y_support import heard, replies, tree_name  # noqa: F401 (heard is a fixture)
from ui_support import answers, ui_config

from assistant.events import SpeakingStarted
from ui import accessibility as a11y
from ui.worker import WINDOW_MODEL_NOTE


def _ask(window, qtbot, question: str = "What does the sign say?", count: int = 1) -> None:
    window.question.setText(question)
    window.ask_typed()
    qtbot.waitUntil(lambda: len(answers(window)) == count, timeout=60_000)
    qtbot.waitUntil(lambda: window.state == "Ready", timeout=20_000)


def _spoken(window) -> list[SpeakingStarted]:
    return [e for e in window.events if isinstance(e, SpeakingStarted)]


def test_the_window_names_its_controls_without_clashing_mnemonics(open_window):
    window = open_window()
    assert a11y.unnamed_focusable(window) == []
    assert a11y.mnemonic_clashes(window) == {}     # menus and buttons: one Alt key each


def test_the_kiosk_names_its_controls_without_clashing_mnemonics(open_window):
    kiosk = open_window(kiosk=True)
    assert a11y.unnamed_focusable(kiosk) == []
    assert a11y.mnemonic_clashes(kiosk) == {}


def test_the_settings_dialog_names_its_controls_without_clashing_mnemonics(open_window, qtbot):
    window = open_window()
    dialog = window.keys.open_settings()
    qtbot.waitExposed(dialog)
    from PySide6.QtWidgets import QTabWidget

    assert a11y.unnamed_focusable(dialog) == []
    assert a11y.mnemonic_clashes(dialog) == {}
    for tabs in dialog.findChildren(QTabWidget):    # every page, not only the one shown
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(10)
            assert a11y.unnamed_focusable(dialog) == [], tabs.tabText(index)
            assert a11y.mnemonic_clashes(dialog) == {}, tabs.tabText(index)
    dialog.reject()


def test_the_checks_find_what_a_screen_reader_would_miss(qtbot):
    """The tree walk must be able to fail: an unnamed field, a "&" left in a name, a combo box
    read as its value, and two buttons on one Alt key."""
    from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPushButton, QWidget

    root = QWidget()
    form = QFormLayout(root)
    combo = QComboBox()
    combo.addItems(["Automatic", "CPU"])
    form.addRow("&Device", combo)
    named_with_amp = QLineEdit()
    named_with_amp.setAccessibleName("S&peaker")
    form.addRow(named_with_amp)
    form.addRow(QLineEdit())
    form.addRow(QPushButton("&Save"), QPushButton("&Stop"))
    qtbot.addWidget(root)
    root.show()
    qtbot.waitExposed(root)
    found = " | ".join(a11y.unnamed_focusable(root))
    assert "named by its value 'Automatic'" in found
    assert "'S&peaker'" in found
    assert "has no name" in found
    assert a11y.mnemonic_clashes(root) == {"s": ["&Save", "&Stop"]}


def test_a_reply_is_announced_once_and_not_spoken(open_window, qtbot, heard):
    window = open_window(config=ui_config(reply_voice="announce"))
    heard.clear()
    _ask(window, qtbot)
    answer = answers(window)[0]
    # The answer, then (first answer of the conversation) the notice beside it, in one go.
    assert replies(heard) == [f"Assistant: {answer} {WINDOW_MODEL_NOTE}"]
    assert _spoken(window) == []                      # the voice stayed silent
    assert ("Thinking…", False) in heard              # the wait is not silent
    order = [m for m, _ in heard]
    assert order.index("Thinking…") < order.index(replies(heard)[0])
    window.repeat()                                   # the answer again
    assert replies(heard)[1:] == [f"Assistant: {answer}"]
    qtbot.wait(300)
    assert _spoken(window) == []


def test_a_spoken_reply_is_not_also_announced(open_window, qtbot, heard):
    window = open_window(config=ui_config(reply_voice="speak"))
    heard.clear()
    _ask(window, qtbot)
    assert replies(heard) == []
    assert len(_spoken(window)) == 1
    assert ("Thinking…", False) in heard
    window.repeat()
    qtbot.waitUntil(lambda: len(_spoken(window)) == 2, timeout=20_000)
    assert replies(heard) == []


# auto (a screen reader actually running, read from the session bus): test_ui_screen_reader.py


def test_the_status_line_is_read_as_its_words(open_window, qtbot, heard):
    window = open_window(config=ui_config(reply_voice="announce"))
    assert tree_name(window.state_label) == "Status: Ready"
    seen = []
    window.status_changed.connect(lambda status: seen.append(status))
    window.question.setText("What does the sign say?")
    window.ask_typed()
    assert tree_name(window.state_label) == "Status: Thinking…"
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=60_000)
    qtbot.waitUntil(lambda: tree_name(window.state_label) == "Status: Ready", timeout=20_000)
    assert [s.state for s in seen][0] == "thinking" and seen[-1].state == "ready"
    assert all(a != b for a, b in zip(seen, seen[1:]))   # emitted on change only
