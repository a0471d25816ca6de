"""«О программе / Скопировать в буфер» (T10): a plain-text block that pastes well into the ticket's
«Информация о системе»."""

from __future__ import annotations

import platform
from dataclasses import dataclass

import PySide6
from PySide6.QtCore import qVersion
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
    value = float(size)
    for unit in ("Б", "КБ", "МБ", "ГБ"):
        if value < 1024 or unit == "ГБ":
            return f"{value:.0f} {unit}" if unit == "Б" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} Б"


def system_info(ctx: SystemContext) -> str:
    rows = [
        ("Программа", f"КС Деск (KS Desk Desktop) {__version__}"),
        ("ОС", f"{platform.system()} {platform.release()} ({platform.version()}), {platform.machine()}"),
        ("Python", platform.python_version()),
        ("Qt", f"{qVersion()} (PySide6 {PySide6.__version__})"),
        ("Сервер", f"{ctx.server_url or 'нет связи'}{f' ({ctx.server_kind})' if ctx.server_kind else ''}"),
        ("Версия сервера", ctx.server_version or "неизвестна"),
        ("База данных сервера", ctx.server_database or "неизвестна"),
        ("Локальный кэш", f"{ctx.cache_path} ({human_size(ctx.cache_bytes)})"),
        ("Пользователь", ctx.user or "не выполнен вход"),
        ("Язык", ctx.language),
        ("Графическая платформа", QGuiApplication.platformName() or "—"),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name + ':':<{width + 1}} {value}" for name, value in rows)
