"""A client process typing into a new ticket form, for the crash test of drafts (T15): the test kills
it with SIGKILL at a random moment and checks what the draft kept.

    python -m tests.client.draft_worker --data-dir DIR --text TEXT

Prints ``typed N`` after each keystroke and ``saved N`` when a draft holding the first N characters
of the text has been written.
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.options import Options
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.store.db import LocalStore
from tests.client.helpers import type_text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--text", required=True)
    args = parser.parse_args()
    app = QApplication([])
    paths = Paths.resolve(args.data_dir).ensure()
    # a server nobody answers at: the operator works offline
    controller = Controller(Options(server="http://127.0.0.1:9"), paths, LocalStore(paths.local_db),
                            UserSettings(paths.settings_file))
    controller.start()
    form = controller.tickets.new_ticket()
    form.draft_saved.connect(lambda data: print("saved", len(data["text"]), flush=True))
    typed = 0

    def type_next() -> None:
        nonlocal typed
        if form.catalog is None:
            return
        if typed < len(args.text):
            type_text(form.text_edit, args.text[typed])
            typed += 1
            print("typed", typed, flush=True)

    timer = QTimer(interval=15, timeout=type_next)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
