"""``ksdesk --data-dir DIR --lang en`` end to end: the real entry point, the embedded demo server,
every file under DIR, the English interface; quitting stops the child."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ksdesk_desktop.app import main
from ksdesk_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def test_p2_s6_ksdesk_main_with_data_dir_and_english(qapp: QApplication, tmp_path: Path, memory_keyring) -> None:
    seen: dict[str, object] = {}

    def watch() -> None:
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and "Online" in windows[0].status.connection_label.text():
            window = windows[0]
            seen["title"] = window.windowTitle()
            seen["pages"] = [a.text() for a in window.page_actions.values()]
            seen["user"] = window.status.user_label.text()
            poll.stop()
            window.close()
            qapp.quit()

    poll = QTimer()
    poll.setInterval(50)
    poll.timeout.connect(watch)
    poll.start()
    QTimer.singleShot(90_000, qapp.quit)  # a hung start fails below instead of hanging the suite
    previous_hook = sys.excepthook
    try:
        code = main(["--data-dir", str(tmp_path / "root"), "--lang", "en", "--demo-tickets", "300"])
    finally:
        sys.excepthook = previous_hook
        poll.stop()
    assert code == 0
    assert seen.get("title") == "KS Desk — support operator workplace"
    assert seen["pages"] == ["Navigator", "Current tasks", "Desktop"]
    assert seen["user"]  # the demo operator's name
    root = tmp_path / "root"
    assert (root / "data" / "cache.sqlite").exists()
    assert (root / "data" / "embedded-server" / "ksdesk.sqlite").exists()
    assert (root / "logs" / "ksdesk.log").exists()
    assert children_using(root) == []  # the embedded server stopped with the client


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
