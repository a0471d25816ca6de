"""Refresh tokens in the operating system's keyring (Credential Manager on Windows), never in a
file. Without a usable keyring the program still works: it says so and asks for the password."""

from __future__ import annotations

import contextlib
import logging

import keyring
from keyring.backends.fail import Keyring as FailKeyring
from keyring.errors import KeyringError

log = logging.getLogger(__name__)
SERVICE = "KSDesk"


class CredentialStore:
    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    @property
    def available(self) -> bool:
        try:
            return not isinstance(keyring.get_keyring(), FailKeyring)
        except Exception:  # a broken back end must not stop the program
            log.warning("keyring back end failed", exc_info=True)
            return False

    @staticmethod
    def _key(server_url: str, login: str) -> str:
        return f"{login}@{server_url.rstrip('/')}"

    def save_refresh_token(self, server_url: str, login: str, token: str) -> bool:
        try:
            keyring.set_password(self.service, self._key(server_url, login), token)
            return True
        except (KeyringError, RuntimeError) as exc:
            log.warning("cannot store the session in the keyring: %s", exc)
            return False

    def load_refresh_token(self, server_url: str, login: str) -> str | None:
        try:
            return keyring.get_password(self.service, self._key(server_url, login))
        except (KeyringError, RuntimeError) as exc:
            log.warning("cannot read the keyring: %s", exc)
            return None

    def forget(self, server_url: str, login: str) -> None:
        with contextlib.suppress(KeyringError, RuntimeError):  # nothing stored is fine
            keyring.delete_password(self.service, self._key(server_url, login))
