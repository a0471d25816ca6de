"""User accounts' rules, one place for both sides: what a login and a password must be, and the
temporary password a reset gives. The server refuses what breaks them (the CLI's ``create-user``,
``POST /users``); the client's «Пользователи» page checks the same before it asks."""

from __future__ import annotations

import secrets

LOGIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-")
LOGIN_MAX = 64
PASSWORD_MIN = 4
PASSWORD_MAX = 256
FULL_NAME_MAX = 200
# a temporary password read off a screen and typed: no 0/O, 1/l/I
TEMPORARY_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
TEMPORARY_LENGTH = 16  # ~93 bits

LOGIN_PROBLEM = "Логин: латинские буквы, цифры, точка, дефис и подчёркивание, до 64 символов."
PASSWORD_PROBLEM = f"Пароль: не короче {PASSWORD_MIN} символов."


def normal_login(login: str) -> str:
    """A login as it is stored and compared: trimmed, lower case."""
    return login.strip().lower()


def login_problem(login: str) -> str | None:
    """Why ``login`` (as typed) cannot be a login; None when it can."""
    login = normal_login(login)
    if not login or not set(login) <= LOGIN_CHARS or len(login) > LOGIN_MAX:
        return LOGIN_PROBLEM
    return None


def password_problem(password: str) -> str | None:
    """Why ``password`` cannot be a password; None when it can."""
    if len(password) < PASSWORD_MIN:
        return PASSWORD_PROBLEM
    if len(password) > PASSWORD_MAX:
        return f"Пароль: не длиннее {PASSWORD_MAX} символов."
    return None


def temporary_password() -> str:
    """A strong password for a reset, from the operating system's random source."""
    return "".join(secrets.choice(TEMPORARY_ALPHABET) for _ in range(TEMPORARY_LENGTH))
