"""Imports point down only (DESIGN.md): cli/api/ui → plugins → pipeline → records, store,
blobs, events, jobs → mapping, validate, extract → blueprint; and no module imports
another that (directly or not) imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "feedline"
LAYERS = {
    "errors": 0, "atomic": 0, "settings": 0, "py": 0, "logs": 1,
    "blueprint": 1,
    "extract": 2, "validate": 2, "mapping": 2, "feeds": 3,
    "store": 3, "blobs": 3, "events": 3, "jobs": 3, "records": 3, "egress": 3, "notify": 3,
    "pipeline": 4, "ingress": 4,
    "listener": 3, "plugins": 5,
    "app": 6, "runner": 6,
    "api": 7, "ui": 7, "cli": 7, "client": 7, "__init__": 7,
}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS["__init__"] if len(parts) == 1 else LAYERS[parts[1]]


def imports(path: Path) -> list[tuple[str, bool]]:
    """``(imported feedline module, at module level)``, outside ``if TYPE_CHECKING``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.ImportFrom) and child.module and child.module.startswith("feedline"):
                names = [f"{child.module}.{a.name}" for a in child.names]
                found.append((child.module, top))
                found.extend((n, top) for n in names if (PACKAGE.parent / n.replace(".", "/")).exists()
                             or (PACKAGE.parent / (n.replace(".", "/") + ".py")).exists())
            elif isinstance(child, ast.Import):
                found.extend((a.name, top) for a in child.names if a.name.startswith("feedline"))
            inner = top and not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            visit(child, inner)

    visit(tree, True)
    return found


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py") if "alembic" not in p.parts}


def test_imports_point_down() -> None:
    wrong = []
    for name, path in modules().items():
        for target, _top in imports(path):
            if layer(target) > layer(name):
                wrong.append(f"{name} (layer {layer(name)}) imports {target} (layer {layer(target)})")
    assert not wrong, "\n".join(sorted(set(wrong)))


def unit(module: str) -> str:
    """The top-level module or package a module belongs to (``feedline.store``)."""
    return ".".join(module.split(".")[:2])


def test_no_import_cycles_between_packages() -> None:
    graph: dict[str, set[str]] = {}
    for name, path in modules().items():
        edges = graph.setdefault(unit(name), set())
        edges.update(unit(t) for t, top in imports(path) if top and unit(t) != unit(name)
                     and unit(t) != "feedline")
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" → ".join([*trail[trail.index(nxt):], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert not cycles, "\n".join(cycles)
