"""«О программе / Скопировать в буфер» (T10): a plain-text block that pastes well into the ticket's
«Информация о системе»."""

from __future__ import annotations

import platform
from dataclasses import dataclass

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QGuiApplication

from ksdesk_desktop import __version__


@dataclass
class SystemContext:
    server_url: str = ""
    server_kind: str = ""  # встроенный / внешний
    server_version: str = ""
    server_database: str = ""
    cache_path: str = ""
    cache_bytes: int = 0
    user: str = ""
    language: str = "ru"


def human_size(size: int) -> str:
    translate = QCoreApplication.translate
    value = float(size)
    units = (translate("SystemInfo", "Б"), translate("SystemInfo", "КБ"), translate("SystemInfo", "МБ"),
             translate("SystemInfo", "ГБ"))
    for i, unit in enumerate(units):
        if value < 1024 or i == len(units) - 1:
            return f"{value:.0f} {unit}" if i == 0 else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} {units[0]}"


def system_info(ctx: SystemContext) -> str:
    """The block in the interface's language (an English operator pastes it for an English reader)."""
    translate = QCoreApplication.translate
    server = ctx.server_url or translate("SystemInfo", "нет связи")
    rows = [
        (translate("SystemInfo", "Программа"),
         translate("SystemInfo", "КС Деск (KS Desk Desktop) {v}").format(v=__version__)),
        (translate("SystemInfo", "ОС"),
         f"{platform.system()} {platform.release()} ({platform.version()}), {platform.machine()}"),
        ("Python", platform.python_version()),
        ("Qt", f"{qVersion()} (PySide6 {PySide6.__version__})"),
        (translate("SystemInfo", "Сервер"), f"{server} ({ctx.server_kind})" if ctx.server_kind else server),
        (translate("SystemInfo", "Версия сервера"), ctx.server_version or translate("SystemInfo", "неизвестна")),
        (translate("SystemInfo", "База данных сервера"), ctx.server_database or translate("SystemInfo", "неизвестна")),
        (translate("SystemInfo", "Локальный кэш"), f"{ctx.cache_path} ({human_size(ctx.cache_bytes)})"),
        (translate("SystemInfo", "Пользователь"), ctx.user or translate("SystemInfo", "не выполнен вход")),
        (translate("SystemInfo", "Язык"), ctx.language),
        (translate("SystemInfo", "Графическая платформа"), QGuiApplication.platformName() or "—"),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name + ':':<{width + 1}} {value}" for name, value in rows)
