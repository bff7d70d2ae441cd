"""The layout holds: no module over 400 lines, and no import cycle between biennien's modules,
imports inside functions counted (they hide a cycle, they do not remove it)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "biennien"
MAX_LINES = 400


def modules() -> dict[str, Path]:
    """Dotted name -> file, a package under its own name (its __init__)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The biennien modules `name` imports anywhere in its body. `from P import x` is an edge to
    P.x when that is a module, else to P; the parents a submodule's import runs are not counted."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If) and _type_checking(block.test)
                   for stmt in block.body for n in ast.walk(stmt)}
    for node in ast.walk(tree):
        if id(node) in typing_only:   # `if TYPE_CHECKING:` imports never run
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    return {m for m in found if m in known and m != name}


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING"
            or isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_the_cycle_finder_sees_function_level_imports():
    assert cycles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]
    edges = graph()
    assert "biennien.stages.mentions.persons" in edges["biennien.stages.mentions.scan"]
    assert "biennien.scale.local" in edges["biennien.cli"]   # imported inside a command
    assert "biennien.store.scores" in edges["biennien.store.db"]   # inside a method
    assert "biennien.store.db" not in edges["biennien.store.scores"]   # under `if TYPE_CHECKING:` only


def test_no_module_over_400_lines():
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_one_copy_of_the_orthography():
    """Tone marks, upper-case letter tables, trie builders and zone-kind sets live in text.py only."""
    found = []
    for name, path in modules().items():
        if name == "biennien.text":
            continue
        source = path.read_text(encoding="utf-8")
        for what, pattern in (("tone marks", r"\\u0300|\\u0301|\\u0309|\\u0303|\\u0323"),
                              ("a trie builder", r"node\.setdefault\("),
                              ("an upper-case letter table", r"\.isupper\(\) and c\.isalpha\(\)"),
                              ("zone kinds", r"\{\"(caption|credit|byline|source)\", \"")):
            if re.search(pattern, source):
                found.append((name, what))
    assert found == []
