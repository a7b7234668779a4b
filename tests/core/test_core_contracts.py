"""Engines are held to their contracts: every real vision engine, transcriber and speaker has
every member of its protocol (``VisionEngine``, ``Transcriber``, ``Speaker``) with a signature
that takes what the protocol's callers pass; every fake engine in the tests conforms too; and
no code asks an engine whether it has a method (``hasattr``/``getattr`` probes, or
``inspect.signature`` to decide what to pass).

Classes are checked, not built: building the real engines loads models. Engines are found by
reading the source (a class that defines ``answer``, ``transcribe`` or ``synthesize``), so a
new engine cannot be left out of the check."""
from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import sys
from pathlib import Path

import pytest

from assistant.asr import Transcriber
from assistant.tts import Speaker
from assistant.vision import VisionEngine

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"

# The method whose definition makes a class an engine of that role.
ROLES = {"answer": VisionEngine, "transcribe": Transcriber, "synthesize": Speaker}

REAL_ENGINES = {
    "assistant.vision.embedded.EmbeddedEngine": VisionEngine,
    "assistant.vision.blip.BlipEngine": VisionEngine,
    "assistant.vision.blip2.Blip2Engine": VisionEngine,
    "assistant.vision.llava.LlavaEngine": VisionEngine,
    "assistant.vision.imagetext.ImageTextEngine": VisionEngine,
    "assistant.vision.clip.ClipLabeller": VisionEngine,
    "assistant.vision.grounding.GroundedEngine": VisionEngine,
    "assistant.remote.vision.OpenAIVisionEngine": VisionEngine,
    "assistant.remote.fallback.FallbackVision": VisionEngine,
    "assistant.asr.whisper.FasterWhisperTranscriber": Transcriber,
    "assistant.remote.asr.OpenAITranscriber": Transcriber,
    "assistant.tts.piper_voice.PiperSpeaker": Speaker,
    "assistant.tts.pyttsx3_voice.Pyttsx3Speaker": Speaker,
    "assistant.tts.languages.LanguageSpeaker": Speaker,
    "assistant.tts.factory.SilentSpeaker": Speaker,
    "assistant.remote.tts.OpenAISpeaker": Speaker,
}

# Classes with a method of an engine's name that are not engines, and why.
NOT_ENGINES = {
    "assistant.pipeline.Assistant": "transcribe(audio, options, timings) is a pipeline stage",
    "assistant.serve.runtime.Runtime": "answer(image, question, earlier, cancel) serves a request",
    "assistant.vision.blip._Job": "answer(text, ids) words one generation's output",
    "assistant.vision.llava._Job": "answer(engine, text, ids) words one generation's output",
    "assistant.vision.imagetext._Job": "answer(...) words one generation's output",
}

# Probes that are not of engines: ui/devices.py stops a microphone source and a camera (None
# when absent).
PENDING = {
    ("ui/devices.py", "getattr", "close"),
    ("ui/devices.py", "getattr", "stop"),
    # The scene analyser names whichever helper model it built (labeller, face finder,
    # object detector): those are not engines and not all have a name.
    ("assistant/vision/scene.py", "getattr", "name"),
    # Which inputs a transformers model's forward and image encoder take (they differ per
    # family and version): the library's model, not one of our engines.
    ("assistant/vision/imagetext_parts.py", "inspect.signature", ""),
}


def members(protocol: type) -> set[str]:
    """The protocol's attributes and methods (``typing.get_protocol_members`` from 3.13)."""
    names = set(getattr(protocol, "__annotations__", {}))
    names |= {n for n in vars(protocol) if not n.startswith("_")}
    return names


def _class_defs(folder: Path, package: str):
    """(dotted class name, ClassDef, path) for each class in the modules under ``folder``."""
    for path in sorted(folder.rglob("*.py")):
        module = ".".join((package, *path.relative_to(folder).with_suffix("").parts))
        module = module.removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                yield f"{module}.{node.name}", node, path


def _defined(node: ast.ClassDef) -> set[str]:
    return {item.name for item in node.body if isinstance(item, ast.FunctionDef)}


def _role(node: ast.ClassDef) -> type | None:
    if "Protocol" in {getattr(base, "id", getattr(base, "attr", "")) for base in node.bases}:
        return None
    return next((proto for method, proto in ROLES.items() if method in _defined(node)), None)


def _load(dotted: str) -> type:
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def problems(cls: type, protocol: type) -> list[str]:
    """What ``cls`` lacks of ``protocol``, or takes differently; [] when it conforms."""
    found = []
    declared = {n for klass in cls.__mro__ for n in getattr(klass, "__annotations__", {})}
    for name in sorted(members(protocol)):
        if not hasattr(cls, name) and name not in declared:
            found.append(f"no {name}")
            continue
        wanted = vars(protocol).get(name)
        if not inspect.isfunction(wanted):
            continue
        have = getattr(cls, name, None)
        if not callable(have):
            found.append(f"{name} is not a method")
            continue
        found += [f"{name}: {p}" for p in _signature_gaps(inspect.signature(wanted),
                                                           inspect.signature(have))]
    return found


def _signature_gaps(wanted: inspect.Signature, have: inspect.Signature) -> list[str]:
    """Parameters the protocol's callers pass that ``have`` does not take, and parameters
    ``have`` requires that callers do not pass."""
    gaps = []
    params = [p for p in have.parameters.values() if p.name != "self"]
    by_name = {p.name: p for p in params}
    var_kw = any(p.kind is p.VAR_KEYWORD for p in params)
    var_pos = any(p.kind is p.VAR_POSITIONAL for p in params)
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    asked = [p for p in wanted.parameters.values() if p.name != "self"]
    for index, p in enumerate(asked):
        if p.kind in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
            if not (var_kw if p.kind is p.VAR_KEYWORD else var_pos):
                gaps.append(f"does not take {p}")
            continue
        if p.kind is p.POSITIONAL_OR_KEYWORD:
            ok = (index < len(positional) and positional[index].name == p.name) or \
                (var_pos and var_kw)
        else:  # keyword-only
            mine = by_name.get(p.name)
            ok = var_kw or (mine is not None and mine.kind in (p.KEYWORD_ONLY,
                                                              p.POSITIONAL_OR_KEYWORD))
        if ok and p.default is not p.empty:
            mine = by_name.get(p.name)
            ok = mine is None or mine.default is not mine.empty   # optional here too
        if not ok:
            gaps.append(f"does not take {p.name} as the protocol does")
    names = {p.name for p in asked}
    for p in params:
        if p.name not in names and p.default is p.empty and \
                p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
            gaps.append(f"requires {p.name}, which callers do not pass")
    return gaps


def test_every_engine_in_the_code_is_listed():
    found = {dotted for dotted, node, _ in _class_defs(ROOT / "assistant", "assistant")
             if _role(node) is not None}
    assert found - set(REAL_ENGINES) - set(NOT_ENGINES) == set()
    assert set(REAL_ENGINES) - found == set()


@pytest.mark.parametrize("dotted", sorted(REAL_ENGINES))
def test_each_real_engine_implements_its_protocol(dotted):
    assert problems(_load(dotted), REAL_ENGINES[dotted]) == []


def _fakes():
    """Classes in the tests that define an engine's method, or derive from one that does."""
    roles: dict[str, type] = {}
    for dotted, node, path in _class_defs(TESTS, "tests"):
        if path.name == Path(__file__).name:
            continue
        inherited = [roles[b.id] for b in node.bases if isinstance(b, ast.Name) and b.id in roles]
        role = _role(node) or next(iter(inherited), None)
        if role is not None:
            roles[node.name] = role
            yield dotted, role, path, node.name


def _test_module(path: Path):
    """A test module imported by path, its folder's helper modules importable as pytest has it."""
    name = f"_contract_{path.parent.name}_{path.stem}"
    if name in sys.modules:
        return sys.modules[name]
    sys.path.insert(0, str(path.parent))
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


FAKES = sorted(_fakes())


def test_the_tests_have_fake_engines_to_check():
    assert {role for _, role, _, _ in FAKES} >= {VisionEngine}


@pytest.mark.parametrize("dotted,role,path,name", FAKES, ids=[f[0] for f in FAKES])
def test_each_fake_engine_in_the_tests_conforms(dotted, role, path, name):
    cls = getattr(_test_module(path), name)
    assert problems(cls, role) == []
    assert isinstance(cls(), role)


def probes(source: str) -> list[tuple[str, str, int]]:
    """(hasattr|getattr|inspect.signature, member, line) for each probe of a protocol member."""
    wanted = set().union(*(members(p) for p in ROLES.values()))
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "signature":
            found.append(("inspect.signature", "", node.lineno))
            continue
        if not isinstance(func, ast.Name) or func.id not in ("hasattr", "getattr"):
            continue
        if func.id == "getattr" and len(node.args) < 3:
            continue       # getattr(x, "name") with no default asks nothing
        if len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and \
                node.args[1].value in wanted:
            found.append((func.id, node.args[1].value, node.lineno))
    return sorted(found, key=lambda probe: probe[2])


def test_no_code_probes_an_engine_for_a_method():
    found = set()
    where = {}
    for folder in ("assistant", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            for kind, name, line in probes(path.read_text(encoding="utf-8")):
                found.add((relative, kind, name))
                where.setdefault((relative, kind, name), []).append(line)
    new = {f"{k[0]}:{where[k]} {k[1]}({k[2]!r})" for k in found - PENDING}
    assert new == set(), "call the protocol's method instead of probing for it"
    gone = PENDING - found
    assert gone == set(), "these probes are gone: take them out of PENDING"


def test_the_probe_check_finds_probes():
    source = ("if hasattr(engine, 'load'):\n    engine.load()\n"
              "close = getattr(engine, 'close', None)\n"
              "import inspect\nparams = inspect.signature(engine.answer).parameters\n"
              "image = getattr(frame, 'image', frame)\nname = getattr(engine, 'name')\n")
    assert probes(source) == [("hasattr", "load", 1), ("getattr", "close", 3),
                              ("inspect.signature", "", 5)]


def test_the_signature_check_finds_a_missing_cancel():
    class NoCancel:
        def answer(self, image, question, history=(), *, context=""):
            raise NotImplementedError

    wanted = inspect.signature(VisionEngine.answer)
    assert _signature_gaps(wanted, inspect.signature(NoCancel.answer)) == [
        "does not take cancel as the protocol does"]
    assert problems(NoCancel, VisionEngine)   # and it lacks the rest

