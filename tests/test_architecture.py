"""The arrows between packages (style.md §1), as docs/architecture.md draws them:

- ``sync/`` (shared rules) and ``sync/server/`` import no Qt; the client never imports the server;
- the client is one chain: ``app`` → ``quick_start`` → ``start_loader`` → ``controller`` → ``ui`` →
  ``core`` → ``store``; a module imports only modules after it (Qt services such as ``ops`` and
  ``sync_runner`` sit between ``ui`` and ``core``);
- ``core/`` (the client's logic) and ``store/`` (the cache) import no Qt; ``store/`` imports nothing
  else of the client; widgets reach the cache only through ``core/`` (a store type may be named in an
  annotation), and never run SQL;
- no module imports, through any path, one that imports it back (a cycle)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def offenders(folder: Path, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for file, names in imported_modules(folder).items():
        for name in names:
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                bad.append(f"{file} imports {name}")
    return sorted(bad)


QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


@pytest.mark.parametrize("folder", ["sync", "ksdesk_desktop/store", "ksdesk_desktop/core"])
def test_core_and_store_import_no_qt(folder: str) -> None:
    assert offenders(ROOT / folder, QT) == []


def test_client_never_imports_the_server() -> None:
    assert offenders(ROOT / "ksdesk_desktop", ("sync.server",)) == []


def module_graph(root: Path, packages: tuple[str, ...] = ("ksdesk_desktop", "sync"),
                 runtime_only: bool = False) -> dict[str, set[str]]:
    """Module → the project's modules it imports (at the top, in a function, or for type checking;
    with ``runtime_only``, not those under ``if TYPE_CHECKING:``). ``from package import module``
    depends on the module, not on the package."""
    files = {".".join(p.relative_to(root).with_suffix("").parts).removesuffix(".__init__"): p
             for package in packages for p in (root / package).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        skipped: set[int] = set()
        if runtime_only:
            for node in ast.walk(tree):
                if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                    skipped.update(id(n) for child in node.body for n in ast.walk(child))
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                wanted = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                inner = [f"{node.module}.{alias.name}" for alias in node.names]
                wanted = [m for m in inner if m in files]
                if len(wanted) < len(inner):  # names defined in the module itself
                    wanted.append(node.module)
            else:
                continue
            for module in wanted:
                while module and module not in files:
                    module = module.rpartition(".")[0]
                if module and module != name:
                    found.add(module)
        graph[name] = found
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, each sorted (Tarjan's strongly connected parts)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_no_module_imports_itself_back() -> None:
    assert cycles(module_graph(ROOT)) == []


# The client's chain, from the top: a module may import only those of a later link (or its own).
CHAIN = (
    "ksdesk_desktop.app",
    "ksdesk_desktop.quick_start",
    "ksdesk_desktop.start_loader",
    "ksdesk_desktop.controller",
    "ksdesk_desktop.ui",
    # Qt services the widgets use: the main thread's side of the lanes, the runner, the connection …
    "ksdesk_desktop.sync_runner|ksdesk_desktop.ops|ksdesk_desktop.session|ksdesk_desktop.embedded"
    "|ksdesk_desktop.crash|ksdesk_desktop.i18n|ksdesk_desktop.sysinfo|ksdesk_desktop.collector",
    "ksdesk_desktop.core",
    "ksdesk_desktop.store",
)


def link(module: str) -> int | None:
    for position, names in enumerate(CHAIN):
        if any(module == n or module.startswith(n + ".") for n in names.split("|")):
            return position
    return None


def chain_offenders(graph: dict[str, set[str]]) -> list[str]:
    bad = []
    for module, imported in graph.items():
        here = link(module)
        for other in imported:
            there = link(other)
            if here is not None and there is not None and there < here:
                bad.append(f"{module} imports {other}, which comes before it")
    return sorted(bad)


def test_every_client_module_has_its_place_in_the_chain() -> None:
    graph = module_graph(ROOT, ("ksdesk_desktop",))
    assert sorted(m for m in graph if link(m) is None) == ["ksdesk_desktop", "ksdesk_desktop.__main__"]


def test_the_client_is_one_chain_from_the_start_to_the_store() -> None:
    assert chain_offenders(module_graph(ROOT, ("ksdesk_desktop",))) == []


def test_the_store_imports_nothing_else_of_the_client() -> None:
    graph = module_graph(ROOT, ("ksdesk_desktop",))
    assert sorted(f"{m} imports {o}" for m, found in graph.items() if m.startswith("ksdesk_desktop.store")
                  for o in found if not o.startswith("ksdesk_desktop.store")) == []


def test_widgets_reach_the_cache_only_through_the_core() -> None:
    """A widget may name a store reader it is handed in an annotation; it never imports the store to
    run it, nor a database driver."""
    graph = module_graph(ROOT, ("ksdesk_desktop",), runtime_only=True)
    bad = sorted(f"{m} imports {o}" for m, found in graph.items() if m.startswith("ksdesk_desktop.ui")
                 for o in found if o.startswith("ksdesk_desktop.store"))
    assert bad == []
    assert offenders(ROOT / "ksdesk_desktop" / "ui", ("sqlalchemy", "sqlite3")) == []


def test_every_cache_query_is_a_store_reader() -> None:
    """The core and the widgets ask the store's readers and writers; only ``store/`` (and the first
    stage's ``store.feed``) speaks SQL to the cache."""
    assert offenders(ROOT / "ksdesk_desktop" / "core", ("sqlalchemy", "sqlite3")) == []


def test_the_checker_sees_a_wrong_arrow(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("from PySide6.QtCore import QObject\nimport sync.server.app\n")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert offenders(tmp_path, QT) == ["bad.py imports PySide6.QtCore"]
        assert offenders(tmp_path, ("sync.server",)) == ["bad.py imports sync.server.app"]
    finally:
        ROOT = saved


def test_the_checker_sees_a_cycle_and_a_step_back(tmp_path: Path) -> None:
    client = tmp_path / "ksdesk_desktop"
    (client / "core").mkdir(parents=True)
    (client / "ui").mkdir()
    for init in (client, client / "core", client / "ui"):
        (init / "__init__.py").write_text("")
    (client / "core" / "a.py").write_text("def f():\n    from ksdesk_desktop.core import b\n")
    (client / "core" / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                          "    from ksdesk_desktop.ui.w import W\n"
                                          "from ksdesk_desktop.core.a import f\n")
    (client / "ui" / "w.py").write_text("from ksdesk_desktop.core import a\n")
    graph = module_graph(tmp_path, ("ksdesk_desktop",))
    assert cycles(graph) == [["ksdesk_desktop.core.a", "ksdesk_desktop.core.b", "ksdesk_desktop.ui.w"]]
    assert chain_offenders(graph) == ["ksdesk_desktop.core.b imports ksdesk_desktop.ui.w, which comes before it"]
    runtime = module_graph(tmp_path, ("ksdesk_desktop",), runtime_only=True)
    assert runtime["ksdesk_desktop.core.b"] == {"ksdesk_desktop.core.a"}


def _loaded_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return set(out.split())


def test_loading_the_server_loads_no_qt() -> None:
    loaded = _loaded_after_import("sync.server.app")
    assert not {m for m in loaded if m.split(".")[0] in QT}


def test_loading_the_client_loads_no_server() -> None:
    loaded = _loaded_after_import("ksdesk_desktop.app")
    assert not {m for m in loaded if m == "sync.server" or m.startswith("sync.server.")}


def test_lint_is_clean() -> None:
    """ruff with the project's rules (pyproject.toml); each suppression there says why."""
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
