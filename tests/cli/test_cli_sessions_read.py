"""Issue 21.6: a --session conversation read back (``sessions show``) and exported
(``sessions export``), by real processes on a conversation a real ``ask`` kept."""
import json

import pytest

QUESTIONS = ("What does the sign say?", "And what colour is it?")


@pytest.fixture(scope="module")
def kitchen(cli, samples):
    """Two turns kept under 'küche' by ``ask --session``; their answers."""
    answers = []
    for question in QUESTIONS:
        run = cli("ask", "--image", str(samples / "sign.jpg"), "--text", question, "--json",
                  "--voice-engine", "none", "--session", "küche")
        assert run.returncode == 0, run.stderr
        answers.append(json.loads(run.stdout)["answer"])
    return answers


def test_show_prints_each_question_and_answer(cli, kitchen):
    run = cli("sessions", "show", "küche")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert [line.split("] ", 1)[1] for line in lines] == [
        f"You: {QUESTIONS[0]}", f"Assistant: {kitchen[0]}",
        f"You: {QUESTIONS[1]}", f"Assistant: {kitchen[1]}"]
    as_json = json.loads(cli("sessions", "show", "küche", "--json").stdout)
    assert [(t["question"], t["answer"]) for t in as_json["turns"]] == list(zip(QUESTIONS, kitchen))


def test_export_writes_markdown_and_json(cli, kitchen, tmp_path):
    md, js = tmp_path / "k.md", tmp_path / "k.json"
    for target in (md, js):
        run = cli("sessions", "export", "küche", str(target))
        assert run.returncode == 0, run.stderr
        assert f"Wrote 2 turns of 'küche' to {target}." in run.stdout
    text = md.read_text()
    assert all(q in text for q in QUESTIONS) and all(a in text for a in kitchen)
    turns = json.loads(js.read_text())["turns"]
    assert [(t["question"], t["answer"]) for t in turns] == list(zip(QUESTIONS, kitchen))
    to_stdout = cli("sessions", "export", "küche", "-", "--format", "json")
    assert json.loads(to_stdout.stdout)["turns"] == turns and "Wrote 2" in to_stdout.stderr


def test_unknown_names_and_missing_folders_are_refused(cli, kitchen, tmp_path):
    run = cli("sessions", "show", "garage")
    assert run.returncode == 2 and "no conversation named 'garage'" in run.stderr
    target = tmp_path / "missing" / "k.md"
    run = cli("sessions", "export", "küche", str(target))
    assert run.returncode == 2 and "missing" in run.stderr and not target.parent.exists()
    run = cli("sessions", "export", "küche", str(tmp_path / "k.txt"))
    assert run.returncode == 2 and "cannot be exported as 'txt'" in run.stderr
