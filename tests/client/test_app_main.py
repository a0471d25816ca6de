"""``ksdesk --data-dir DIR --lang en`` end to end, in its own process: the real entry point, the
embedded demo server, every file under DIR, the English interface; quitting stops the child."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

# Runs ksdesk's main() and, once the window is online, notes what the user sees and closes it.
DRIVER = """
import json, os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from ksdesk_desktop.app import main
from ksdesk_desktop.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
seen = {}
choose = os.environ.get("KSDESK_TEST_CHOOSE_LANGUAGE")  # «Меню → Язык» → this language, once online

def watch():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if windows and ("Online" in windows[0].status.connection_label.text()
                    or "В сети" in windows[0].status.connection_label.text()):
        w = windows[0]
        seen.update(title=w.windowTitle(), pages=[a.text() for a in w.page_actions.values()],
                    user=w.status.user_label.text())
        if choose:
            w.language_actions[choose].trigger()
            boxes = [b for b in app.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()]
            seen["message"] = boxes[0].text() if boxes else ""
        poll.stop()
        w.close()
        app.quit()

poll = QTimer(interval=50)
poll.timeout.connect(watch)
poll.start()
QTimer.singleShot(90_000, app.quit)
code = main(sys.argv[1:])
print("RESULT " + json.dumps({"code": code, **seen}, ensure_ascii=False), flush=True)
"""


def children_using(root: Path) -> list[str]:
    """Command lines of live processes that mention ``root`` (Linux /proc)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
            status = (cmdline.parent / "stat").read_text()
        except OSError:
            continue
        if any(str(root).encode() in a for a in args) and ") Z" not in status:
            found.append(b" ".join(args).decode(errors="replace"))
    return found


def test_p2_s6_ksdesk_main_with_data_dir_and_english(tmp_path: Path) -> None:
    root = tmp_path / "root"
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, "--data-dir", str(root), "--lang", "en", "--demo-tickets", "300"],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"},
        cwd=Path(__file__).resolve().parents[2],
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, result.stdout + result.stderr
    seen = json.loads(lines[-1].removeprefix("RESULT "))
    assert seen["code"] == 0
    assert seen.get("title") == "KS Desk — support operator workplace"
    assert seen["pages"] == ["Navigator", "Current tasks", "Desktop"]
    assert seen["user"]  # the demo operator's name
    assert (root / "data" / "cache.sqlite").exists()
    assert (root / "data" / "embedded-server" / "ksdesk.sqlite").exists()
    assert (root / "logs" / "ksdesk.log").exists()
    assert children_using(root) == []  # the embedded server stopped with the client


def run_client(root: Path, *args: str, env: dict[str, str] | None = None) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, "--data-dir", str(root), "--demo-tickets", "300", *args],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
             **(env or {})},
        cwd=Path(__file__).resolve().parents[2],
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, result.stdout + result.stderr
    seen: dict = json.loads(lines[-1].removeprefix("RESULT "))
    assert seen["code"] == 0
    return seen


def test_p2_language_chosen_in_the_menu_applies_at_the_next_start(tmp_path: Path) -> None:
    root = tmp_path / "root"
    first = run_client(root, env={"KSDESK_TEST_CHOOSE_LANGUAGE": "en"})  # Russian, the default: Меню → Язык → English
    assert first["title"] == "КС Деск — рабочее место сотрудника поддержки"
    assert first["message"] == "Язык интерфейса сменится при следующем запуске программы."
    assert json.loads((root / "config" / "settings.json").read_text(encoding="utf-8"))["language"] == "en"
    second = run_client(root)  # no --lang: the settings decide
    assert second["title"] == "KS Desk — support operator workplace"
    assert second["pages"] == ["Navigator", "Current tasks", "Desktop"]
