"""P1: the Windows installer, built here and run under Debian's 64-bit wine.

One scenario, in the order a user meets it: build two installers (this version and a newer one),
install silently into a new wine prefix, find the files, the Start-menu shortcut and the uninstall
entry; run the installed ``ksdesk --version`` and the installed program with its embedded demo
server up to the logged-in main window; install the newer build over it and find the user's data
(cache with the outbox, embedded server, a marker) byte for byte as it was; uninstall and find the
program and its entry gone and the data kept; run the same uninstaller with ``/PURGE``: the data goes.

Wine's exit codes prove nothing (installer-notes.md): every step is checked by what it left on disk
or in the registry. Runs only where ``wine``, ``wineserver`` and ``makensis`` are installed
(``python3 dev.py installer-test`` installs them); elsewhere it is skipped with the reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.installer import wine_shim

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("wine", "wineserver", "makensis")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\KSDesk"
TITLE = "КС Деск"

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds and runs the installer under wine"),
    pytest.mark.skipif(bool(MISSING), reason=f"needs {', '.join(MISSING)} (python3 dev.py installer-test)"),
    pytest.mark.slow,
    pytest.mark.timeout(1800),
]


def project_version() -> str:
    match = re.search(r'^__version__ = "([^"]+)"', (ROOT / "ksdesk_desktop" / "__init__.py").read_text(), re.M)
    assert match
    return match.group(1)


def newer(version: str) -> str:
    major, minor, patch = (int(part) for part in version.split("."))
    return f"{major}.{minor}.{patch + 1}"


@dataclass
class Wine:
    prefix: Path
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
        env.update(
            WINEPREFIX=str(self.prefix), WINEARCH="win64", WINEDEBUG="-all",
            # no .desktop files or icons written into the host's home; no Mono/Gecko prompts
            WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d",
        )
        return env

    def run(self, *args: str, timeout: float = 300) -> str:
        """``wine ARGS`` with stdout a pipe (python.exe dies on a plain file under wine), then wait for
        the wine server to finish every process it started (an NSIS uninstaller relaunches itself)."""
        result = subprocess.run(
            ["wine", *args], env=self.env, capture_output=True, timeout=timeout, check=False,
        )
        self.wait()
        return result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")

    def wait(self) -> None:
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=300, check=False)

    def timed(self, step: str, *args: str, timeout: float = 300) -> str:
        started = time.monotonic()
        out = self.run(*args, timeout=timeout)
        self.timings[step] = time.monotonic() - started
        return out

    @property
    def user_dir(self) -> Path:
        users = [p for p in (self.prefix / "drive_c" / "users").iterdir() if p.name not in {"Public", "public"}]
        assert len(users) == 1, users
        return users[0]

    @property
    def install_dir(self) -> Path:
        return self.user_dir / "AppData" / "Local" / "Programs" / "KSDesk"

    @property
    def user_data(self) -> Path:  # platformdirs' user_data_dir("KSDesk", appauthor=False) on Windows
        return self.user_dir / "AppData" / "Local" / "KSDesk"

    @property
    def shortcut(self) -> Path:
        programs = self.user_dir / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
        return programs / f"{TITLE}.lnk"

    def windows_path(self, path: Path) -> str:
        return "C:\\" + str(path.relative_to(self.prefix / "drive_c")).replace("/", "\\")

    def uninstall_entry(self) -> dict[str, str] | None:
        """The uninstall key's string values as ``reg export`` writes them (None when there is no key)."""
        out = self.prefix / "drive_c" / "entry.reg"
        out.unlink(missing_ok=True)
        self.run("reg", "export", UNINSTALL_KEY, "C:\\entry.reg", "/y")
        if not out.exists():
            return None
        text = out.read_bytes().decode("utf-16")
        values = re.findall(r'^"([^"]+)"="((?:[^"\\]|\\.)*)"', text, re.M)
        return {name: re.sub(r"\\(.)", r"\1", value) for name, value in values}


def build(version: str, out: Path, *options: str) -> Path:
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"), "--fast", "--version", version, "--out", str(out),
         *options],
        capture_output=True, text=True, timeout=1200, check=False, cwd=ROOT,
    )
    setup = out / f"KSDesk-{version}-setup.exe"
    assert setup.exists(), result.stdout + result.stderr
    return setup


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    prefix = tmp_path_factory.mktemp("wine") / "prefix"
    w = Wine(prefix)
    started = time.monotonic()
    w.run("wineboot", "-i", timeout=300)
    w.timings["new prefix"] = time.monotonic() - started
    assert (prefix / "drive_c" / "windows" / "system32").is_dir()
    # wine 8 has no bcryptprimitives.dll, which Windows 10+ has and pydantic-core's Rust code imports
    (prefix / "drive_c" / "windows" / "system32" / "bcryptprimitives.dll").write_bytes(wine_shim.bcryptprimitives())
    yield w
    subprocess.run(["wineserver", "-k"], env=w.env, timeout=60, check=False)
    print("\ninstaller timings: " + ", ".join(f"{k} {v:.0f} s" for k, v in w.timings.items()))
    shutil.rmtree(prefix.parent, ignore_errors=True)  # ~0.5 GB


@pytest.fixture
def builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("builds")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)  # two stages and two uncompressed setups, ~1 GB


def smoke(w: Wine) -> dict[str, object]:
    """The installed program as the shortcut starts it (``pythonw.exe``, then ``ksdesk_desktop.app.main``)
    up to the logged-in main window; what it saw comes back in a file."""
    driver = w.prefix / "drive_c" / "ksdesk-smoke.py"
    result = w.prefix / "drive_c" / "ksdesk-smoke.json"
    shutil.copy(Path(__file__).with_name("smoke_driver.py"), driver)
    result.unlink(missing_ok=True)
    pythonw = w.windows_path(w.install_dir / "Python" / "pythonw.exe")
    out = w.timed("smoke start", pythonw, "C:\\ksdesk-smoke.py", "C:\\ksdesk-smoke.json", "--demo-tickets", "300",
                  timeout=420)
    crashes = sorted((w.user_data / "Logs").glob("crash-*.txt")) if (w.user_data / "Logs").is_dir() else []
    assert result.exists(), out + "".join(c.read_text(encoding="utf-8", errors="replace") for c in crashes)
    seen: dict[str, object] = json.loads(result.read_text(encoding="utf-8"))
    return seen


def test_p1_install_run_upgrade_uninstall_under_wine(wine: Wine, builds: Path) -> None:
    w = wine
    version, later = project_version(), newer(project_version())
    started = time.monotonic()
    first = build(version, builds)
    w.timings["build"] = time.monotonic() - started
    started = time.monotonic()
    second = build(later, builds, "--app-only")  # the same interpreter and wheels
    w.timings["second build"] = time.monotonic() - started

    # install silently: files, shortcut, uninstall entry (never wine's exit code)
    w.timed("install", str(first), "/S")
    inst = w.install_dir
    for part in ("Python/python.exe", "Python/pythonw.exe", "Python/python311.dll", "ksdesk.exe", "ksdesk.ico",
                 "uninstall.exe", "app/ksdesk_desktop/app.py", "app/sync/server/__main__.py",
                 "app/resources/style.qss", "app/forms/ticket_form.ui", "lib/PySide6/Qt6Core.dll"):
        assert (inst / part).is_file(), part
    assert (inst / "app" / "resources" / "translations" / "ksdesk_en.qm").is_file()  # no lrelease on Windows
    link = w.shortcut.read_bytes()
    assert "pythonw.exe".encode("utf-16-le") in link or b"pythonw.exe" in link
    assert "ksdesk.ico".encode("utf-16-le") in link or b"ksdesk.ico" in link
    entry = w.uninstall_entry()
    assert entry is not None
    assert entry["DisplayName"] == TITLE
    assert entry["DisplayVersion"] == version
    assert entry["Publisher"] == "KS Desk"
    assert entry["DisplayIcon"] == w.windows_path(inst / "ksdesk.ico")
    assert entry["InstallLocation"] == w.windows_path(inst)
    assert entry["UninstallString"] == f'"{w.windows_path(inst / "uninstall.exe")}"'

    # the installed command line and the installed program
    assert w.timed("ksdesk --version", w.windows_path(inst / "ksdesk.exe"), "--version").strip() == f"ksdesk {version}"
    seen = smoke(w)
    assert seen.get("code") == 0, seen
    assert seen.get("title") == "КС Деск — рабочее место сотрудника поддержки", seen
    assert seen.get("user"), seen  # the demo operator, logged in through the embedded server
    assert str(seen.get("python", "")) == w.windows_path(inst / "Python" / "pythonw.exe"), seen
    data = w.user_data
    assert (data / "cache.sqlite").is_file()  # the cache, where unsent tickets wait in the outbox
    assert (data / "embedded-server" / "ksdesk.sqlite").is_file()
    (data / "unsent-marker.txt").write_text("обращение, которое ещё не отправлено\n", encoding="utf-8")
    before = snapshot(data)

    # upgrade in place: the newer program, the user's data as it was
    (inst / "Python" / "stale-from-older-version.txt").write_text("x")
    w.timed("upgrade", str(second), "/S")
    assert w.timed("ksdesk --version (upgraded)", w.windows_path(inst / "ksdesk.exe"), "--version").strip() == (
        f"ksdesk {later}"
    )
    assert not (inst / "Python" / "stale-from-older-version.txt").exists()
    entry = w.uninstall_entry()
    assert entry is not None and entry["DisplayVersion"] == later
    assert snapshot(data) == before

    # uninstall: program, shortcut and entry gone; the user's data stays
    kept_uninstaller = w.prefix / "drive_c" / "uninstall-copy.exe"
    shutil.copy(inst / "uninstall.exe", kept_uninstaller)
    w.timed("uninstall", w.windows_path(inst / "uninstall.exe"), "/S")
    assert not inst.exists(), sorted(str(p) for p in inst.rglob("*"))[:20]
    assert not w.shortcut.exists()
    assert w.uninstall_entry() is None
    assert snapshot(data) == before

    # the same uninstaller again, with /PURGE (``_?=`` names the folder it was installed to): the data goes too
    w.timed("uninstall /PURGE", w.windows_path(kept_uninstaller), "/S", "/PURGE", f"_?={w.windows_path(inst)}")
    assert not inst.exists()
    assert w.uninstall_entry() is None
    assert not data.exists()
