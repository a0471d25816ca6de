"""Russian texts of the shared rules, and their translation on the client (P2).

The server answers in Russian, as written here: it installs no translator. The client shows the same
texts in the operator's language: Qt's ``lupdate`` collects every ``translate(context, text)`` and
``QT_TRANSLATE_NOOP(context, text)`` of ``sync/`` into the client's ``.ts``, and the client installs
Qt's translator here at start (``ksdesk_desktop.i18n.install_translators``). A code (``ErrorCode``,
``RegistryStatus`` …) picks a text marked in a table; a rule's message is translated where it is made.
A text with values in it is a template (``str.format`` fields) translated before the values go in."""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str, str], str]  # (context, Russian text) → the text in the interface's language


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """``text`` unchanged: only marks it for translation."""
    return text


def as_is(_context: str, text: str) -> str:
    """The server's translation: none (Russian is the default)."""
    return text


_translator: Translate = as_is


def install(translator: Translate) -> None:
    """The client's translator (the server never installs one)."""
    global _translator
    _translator = translator


def translate(context: str, text: str) -> str:
    """``text`` (Russian) in the interface's language."""
    return _translator(context, text)
