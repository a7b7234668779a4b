#!/usr/bin/env python3
"""Import cycles among the project's own modules, lazy and type-only imports included.

    python scripts/import_cycles.py [ROOT] [package ...]     (default: . assistant ui)

Prints each cycle (a group of modules that reach one another through imports) and exits 1
if there is any; CI runs it through tests/core/test_core_layers.py. Importing a package's
``__init__`` from inside that package does not count (Python loads it first anyway).
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path


def modules(root: Path, packages: list[str]) -> dict[str, Path]:
    found = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            name = ".".join(path.relative_to(root).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def _targets(mods: dict[str, Path], name: str, node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    assert isinstance(node, ast.ImportFrom)
    package = name if mods[name].name == "__init__.py" else name.rpartition(".")[0]
    if node.level:
        parts = package.split(".")
        base = ".".join(parts[:len(parts) - node.level + 1])
        target = f"{base}.{node.module}" if node.module else base
    else:
        target = node.module or ""
    return [f"{target}.{a.name}" if f"{target}.{a.name}" in mods else target for a in node.names]


def edges(mods: dict[str, Path]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {m: set() for m in mods}
    for name, path in mods.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            for target in _targets(mods, name, node):
                while target and target not in mods:
                    target = target.rpartition(".")[0]
                own_package = mods.get(target, Path()).name == "__init__.py" and name.startswith(target + ".")
                if target and target != name and not own_package:
                    out[name].add(target)
    return out


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path(".")
    mods = modules(root, argv[1:] or ["assistant", "ui"])
    found = cycles(edges(mods))
    for group in found:
        print("cycle:", " ".join(group))
    print(f"{len(found)} import cycles among {len(mods)} modules")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
