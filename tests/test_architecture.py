"""The arrows between packages (style.md §1): the shared core and the client's store import no Qt,
the server imports no Qt, and the client never imports the server."""

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


@pytest.mark.parametrize("folder", ["sync", "ksdesk_desktop/store"])
def test_core_and_store_import_no_qt(folder: str) -> None:
    assert offenders(ROOT / folder, QT) == []


def test_client_never_imports_the_server() -> None:
    assert offenders(ROOT / "ksdesk_desktop", ("sync.server",)) == []


def test_the_checker_sees_a_wrong_arrow(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("from PySide6.QtCore import QObject\nimport sync.server.app\n")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert offenders(tmp_path, QT) == ["bad.py imports PySide6.QtCore"]
        assert offenders(tmp_path, ("sync.server",)) == ["bad.py imports sync.server.app"]
    finally:
        ROOT = saved


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
