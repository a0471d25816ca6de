#!/usr/bin/env python3
"""Set-up and run helper; needs only Python 3.11+ (standard library).

    python3 dev.py run  [ksdesk options]    the application with the embedded demo server
    python3 dev.py test [pytest options]    the whole test suite
    python3 dev.py server [ksdesk-server options]
    python3 dev.py installer [--version X.Y.Z]   the Windows installer (installer/build/KSDesk-*-setup.exe)
    python3 dev.py installer-test               build it, then install, run, upgrade, uninstall it under wine

Creates or updates ``.venv`` beside this file and installs the project into it when
``pyproject.toml`` changed. Where a system library Qt needs is missing it names the package to
install instead of failing with a traceback.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
WINDOWS = sys.platform == "win32"
PY = VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")

# shared library Qt needs -> Debian/Ubuntu package that provides it
QT_LIBS = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
XCB_LIBS = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def fail(message: str) -> None:
    print(f"dev.py: {message}", file=sys.stderr)
    raise SystemExit(2)


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (this script must explain itself on old Pythons)
        fail(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]}).")
    if PY.exists():
        return
    print(f"dev.py: creating virtual environment {VENV}", flush=True)
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    except (subprocess.CalledProcessError, OSError) as exc:
        ver = f"{sys.version_info.major}.{sys.version_info.minor}"
        fail(f"cannot create a virtual environment ({exc}).\n"
             f"On Debian/Ubuntu install it with: sudo apt install python{ver}-venv")


def ensure_installed(extra: str) -> None:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = VENV / f".installed-{extra or 'base'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    target = f".[{extra}]" if extra else "."
    print(f"dev.py: installing {target} into {VENV} (first run takes a few minutes)", flush=True)
    pip = [str(PY), "-m", "pip", "--disable-pip-version-check"]
    if subprocess.call([*pip, "install", "-q", "--upgrade", "pip"], cwd=ROOT) != 0:
        fail("pip could not upgrade itself; is the package index reachable?")
    if subprocess.call([*pip, "install", "-q", "-e", target], cwd=ROOT) != 0:
        fail(f"installing {target} failed (see pip's message above)")
    stamp.write_text(digest)


def missing_system_libraries(gui: bool) -> list[str]:
    """Debian packages for the shared libraries Qt needs and the dynamic loader cannot find."""
    if not sys.platform.startswith("linux"):
        return []
    import ctypes

    wanted = dict(QT_LIBS)
    if gui:
        wanted.update(XCB_LIBS)
    packages: list[str] = []
    for lib, package in wanted.items():
        try:
            ctypes.CDLL(lib)
        except OSError:
            if package not in packages:
                packages.append(package)
    try:
        fonts = subprocess.run(["fc-list", ":lang=ru"], capture_output=True, text=True, check=False).stdout
    except OSError:
        fonts = ""
    if not fonts.strip():
        packages.append("fonts-dejavu-core")
    return packages


def check_system(gui: bool) -> None:
    packages = missing_system_libraries(gui)
    if packages:
        fail("Qt needs system packages that are missing. Install them with:\n"
             f"    sudo apt install {' '.join(packages)}")


# Debian packages the Windows installer needs: makensis to build it, wine to test it
INSTALLER_TOOLS = {"makensis": "nsis", "wine": "wine", "wineserver": "wine"}
INSTALLER_TEST_PACKAGES = ["wine", "wine64"]


def ensure_debian_packages(tools: dict[str, str], extra: list[str], quiet: bool = False) -> None:
    """Install with apt what is missing (as root), or say the exact command to run."""
    import shutil

    missing = sorted({package for tool, package in tools.items() if shutil.which(tool) is None})
    if not missing:
        return
    packages = sorted({*missing, *extra})
    line = f"apt-get install -y --no-install-recommends {' '.join(packages)}"
    if not sys.platform.startswith("linux") or shutil.which("apt-get") is None:
        fail(f"{', '.join(missing)} missing; on Debian/Ubuntu: sudo {line}")
    if os.geteuid() != 0:
        fail(f"{', '.join(missing)} missing. Install with:\n    sudo {line}")
    print(f"dev.py: installing {' '.join(packages)} from Debian's packages", flush=True)
    out = subprocess.DEVNULL if quiet else None
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if (subprocess.call(["apt-get", "update", "-qq"], stdout=out, env=env) != 0
            or subprocess.call(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
                               stdout=out, env=env) != 0):
        fail(f"apt-get could not install {' '.join(packages)}; try: sudo {line}")


def parallel(args: list[str]) -> list[str]:
    """The suite waits on servers, sockets and processes far more than it computes: three workers,
    each taking whole files (their module-scoped servers are started once), finish it in about half
    the time on two cores. Options of one's own (``-n``, ``-p no:xdist``) win.

    A crashed worker is not replaced: pytest-xdist's file scheduler can deadlock when it hands a crashed
    worker's files to a new one (pytest-xdist issue 1378: the run then hangs until CI's limit). The
    crash is reported as the failure of the test it happened in, and the run ends."""
    if any(a == "-n" or (a.startswith("-n") and a[2:].isdigit()) or a.startswith("--numprocesses") or "xdist" in a
           for a in args):
        return []
    return ["-n", os.environ.get("KSDESK_TEST_WORKERS", "3"), "--dist", "loadfile", "--max-worker-restart", "0"]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "server", "installer", "installer-test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_venv()
    ensure_installed("test" if command in {"test", "installer-test"} else "")
    env = dict(os.environ)
    if command == "server":
        return subprocess.call([str(PY), "-m", "sync.server", *rest], cwd=ROOT, env=env)
    if command == "installer":
        ensure_debian_packages({"makensis": "nsis"}, [])
        env["QT_QPA_PLATFORM"] = "offscreen"  # the icon is drawn by Qt, with no window
        return subprocess.call([str(PY), "installer/build.py", *rest], cwd=ROOT, env=env)
    if command == "installer-test":
        ensure_debian_packages(INSTALLER_TOOLS, INSTALLER_TEST_PACKAGES, quiet=env.get("CI") == "true")
        env["QT_QPA_PLATFORM"] = "offscreen"
        return subprocess.call([str(PY), "-m", "pytest", "-p", "no:cacheprovider", "-s", "tests/installer", *rest],
                               cwd=ROOT, env=env)
    headless = command == "test" or env.get("QT_QPA_PLATFORM") == "offscreen"
    if sys.platform.startswith("linux") and not headless and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        fail("no display found. Run under a desktop session, or with xvfb-run, "
             "or set QT_QPA_PLATFORM=offscreen to start without a window.")
    check_system(gui=not headless)
    if command == "test":
        env["QT_QPA_PLATFORM"] = "offscreen"
        return subprocess.call([str(PY), "-m", "pytest", *parallel(rest), *rest], cwd=ROOT, env=env)
    return subprocess.call([str(PY), "-m", "ksdesk_desktop", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
