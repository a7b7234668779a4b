"""The layers hold: no import cycles among our modules (lazy and type-only imports count),
and the core never imports the window or Qt (``scripts/import_cycles.py``)."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "import_cycles.py"


def _checker():
    spec = importlib.util.spec_from_file_location("import_cycles", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_import_cycles_among_our_modules():
    run = subprocess.run([sys.executable, str(SCRIPT), str(ROOT), "assistant", "ui"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout


def test_the_check_finds_a_cycle_through_a_lazy_import(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("def f():\n    from .c import g\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                  "    from pkg.a import x\n")
    check = _checker()
    assert check.cycles(check.edges(check.modules(tmp_path, ["pkg"]))) == [["pkg.a", "pkg.b", "pkg.c"]]
    (package / "c.py").write_text("")
    assert check.cycles(check.edges(check.modules(tmp_path, ["pkg"]))) == []


def test_the_core_never_imports_the_window_or_qt():
    check = _checker()
    mods = check.modules(ROOT, ["assistant"])
    import ast

    for name, path in mods.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            else:
                continue
            assert not [n for n in names if n.split(".")[0] in ("ui", "PySide6")], name


def test_the_layers_point_one_way():
    """Finding models sits below building engines, which sits below the console commands;
    nothing but the console package (and ``python -m assistant``) imports ``assistant.cli``,
    and the window never does."""
    check = _checker()
    edges = check.edges(check.modules(ROOT, ["assistant", "ui"]))
    below = {"assistant.models": ("assistant.engines", "assistant.cli", "assistant.serve", "ui"),
             "assistant.engines": ("assistant.cli", "assistant.serve", "ui"),
             "ui": ("assistant.cli",)}
    wrong = []
    for source, targets in edges.items():
        for low, forbidden in below.items():
            if source == low or source.startswith(low + "."):
                wrong += [(source, t) for t in targets if any(t == f or t.startswith(f + ".")
                                                             for f in forbidden)]
        if (not source.startswith(("assistant.cli", "ui")) and source != "assistant.__main__"):
            wrong += [(source, t) for t in targets if t.startswith("assistant.cli")]
    assert wrong == []
