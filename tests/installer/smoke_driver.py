"""Run by the installed ``pythonw.exe`` under wine, as the Start-menu shortcut runs the program:
``ksdesk_desktop.app.main`` with the embedded demo server; once the main window shows the logged-in
operator online, note what the user sees, close it and write it as JSON to the file named by the
first argument (``pythonw.exe`` has no standard output). The other arguments are ``ksdesk``'s.

Wine drops every ``QT_*`` variable of the Linux side, so the platform is set here, before Qt loads."""

import json
import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ksdesk_desktop.app import main
from ksdesk_desktop.ui.main_window import MainWindow

result_file = sys.argv.pop(1)
app = QApplication(sys.argv[:1])
seen: dict[str, object] = {}


def watch() -> None:
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if windows and "В сети" in windows[0].status.connection_label.text() and windows[0].status.user_label.text():
        w = windows[0]
        seen.update(title=w.windowTitle(), user=w.status.user_label.text(), python=sys.executable)
        poll.stop()
        w.close()
        app.quit()


poll = QTimer(interval=100)
poll.timeout.connect(watch)
poll.start()
QTimer.singleShot(int(os.environ.get("KSDESK_SMOKE_TIMEOUT_MS", "240000")), app.quit)
code = main(sys.argv[1:])
with open(result_file, "w", encoding="utf-8") as out:
    json.dump({"code": code, **seen}, out)
