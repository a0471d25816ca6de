"""``ksdesk [--server URL] [--data-dir DIR] [--lang en]`` — start-up and wiring.

With no server given or configured, the embedded demo server is started as a child process and
the demo operator is logged in. The main window opens at once from the local cache; the network
comes up in the background and the status bar follows it.

The start is in two stages (``ksdesk_desktop.quick_start``): first, with nothing but PySide6 and the
standard library, the main window is shown with the desktop's feed read straight from the cache file;
then the rest of the client (``ksdesk_desktop.controller``: the store, the models, the network, the
keyring) is imported on a worker thread and the controller takes the window over in short steps.
This module therefore imports nothing heavy. The start is one chain, each module importing only
those after it: ``app`` → ``quick_start`` → ``start_loader`` → ``controller`` → ``ui`` → ``core`` →
``store`` (``tests/test_architecture.py`` refuses a cycle).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ksdesk_desktop import __version__, collector
from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.options import Options
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.core.resources import resource
from ksdesk_desktop.crash import CrashHandler
from ksdesk_desktop.i18n import LANGUAGES, install_translators

if TYPE_CHECKING:
    from ksdesk_desktop.quick_start import Startup

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(prog="ksdesk", description="КС Деск — рабочее место сотрудника поддержки")
    parser.add_argument("--server", help="адрес центрального сервера; без него запускается встроенный демо-сервер")
    parser.add_argument("--data-dir", help="папка для всех данных, кэша, настроек и журналов")
    parser.add_argument("--lang", choices=LANGUAGES, help="язык интерфейса (по умолчанию ru)")
    parser.add_argument("--demo-tickets", type=int, default=2000, help="размер демо-данных встроенного сервера")
    parser.add_argument("--version", action="version", version=f"ksdesk {__version__}")
    args = parser.parse_args(argv)
    return Options(args.server, args.data_dir, args.lang, args.demo_tickets)


def setup_logging(paths: Paths, rotating: bool = True) -> logging.Handler:
    """The log file; ``rotating=False`` — the same file without rotation, for the first stage of the
    start (``logging.handlers`` and what it imports would cost the first frame some 5 ms)."""
    file = paths.logs / "ksdesk.log"
    if rotating:
        from logging.handlers import RotatingFileHandler

        handler: logging.Handler = RotatingFileHandler(file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    else:
        handler = logging.FileHandler(file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def apply_style(app: QApplication) -> None:
    from ksdesk_desktop.ui.look import install_look  # QtWidgets only: light

    install_look(app)
    style = resource("style.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def main(argv: Sequence[str] | None = None, watch: Callable[[Startup], object] | None = None) -> int:
    """``ksdesk``; ``watch`` sees the start-up (``quick_start.Startup``: the window, its feed, and the
    controller once it is built) before the window is shown (the start-up benchmark listens)."""
    from ksdesk_desktop.quick_start import Startup

    options = parse_args(argv)
    paths = Paths.resolve(options.data_dir).ensure()
    log_handler = setup_logging(paths, rotating=False)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    collector.install(app)  # cycles are collected on this thread only: a widget never dies on a worker
    app.setApplicationName("KSDesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons", "app.svg"))))  # the installer's ksdesk.ico is drawn from it
    apply_style(app)
    crash = CrashHandler(paths.logs)
    crash.install()
    settings = UserSettings(paths.settings_file)
    lang = options.lang or str(settings.get("language"))
    translators = install_translators(app, lang if lang in LANGUAGES else "ru", paths.cache)
    startup = Startup(options, paths, settings)

    def rotate_log() -> None:  # the second stage is done: the log file rotates from now on
        nonlocal log_handler
        logging.getLogger().removeHandler(log_handler)
        log_handler.close()
        log_handler = setup_logging(paths)

    startup.completed.connect(rotate_log)
    try:
        watcher = watch(startup) if watch is not None else None
        app.aboutToQuit.connect(startup.shutdown)
        startup.start()
        code = app.exec()
        startup.finish()
        del watcher
        return startup.exit_code if startup.exit_code is not None else code
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        logging.getLogger().removeHandler(log_handler)
        log_handler.close()
