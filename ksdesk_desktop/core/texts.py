"""Texts of the Qt-free core and of the shared rules (``sync/``) in the interface's language (P2).

The core builds messages without Qt: it calls :func:`translate` with a context and the Russian text,
as ``QCoreApplication.translate`` is called (so ``lupdate`` collects them), and
``ksdesk_desktop.i18n.install_translators`` installs Qt's translator at start (in ``sync.texts``, where
the shared rules' messages are translated too). Messages of the
shared rules come with a code or a marked Russian text and are translated here by it."""

from __future__ import annotations

from sync.errors import MESSAGES_RU, ErrorCode
from sync.texts import install, translate

__all__ = ["error_message", "install", "organization_label", "translate"]


def organization_label(name: str, inn: str, kpp: str = "") -> str:
    """«ООО «Ромашка» (ИНН 7712345678, КПП 771201001)»: an organization as messages name it."""
    if not inn:
        return name
    if kpp:
        return translate("Texts", "{name} (ИНН {inn}, КПП {kpp})").format(name=name, inn=inn, kpp=kpp)
    return translate("Texts", "{name} (ИНН {inn})").format(name=name, inn=inn)


def error_message(code: str, message: str = "") -> str:
    """An error's message for the operator. The server sends Russian: the code's default text, or a more
    particular one. The default is translated by the code; a particular message of a shared rule as it
    is marked; any other particular message (naming a field, a record …) is shown as it came in Russian,
    and in another language replaced by the code's own text — less particular, but in that language."""
    try:
        default = MESSAGES_RU[ErrorCode(code)]
    except ValueError:
        default = ""
    by_code = translate("ErrorCode", default) if default else ""
    if default and (not message or message == default):
        return by_code
    if not message:
        return message
    marked = translate("SharedRules", message)
    if marked != message or not default or by_code == default:  # translated, or nothing better, or Russian
        return marked
    return by_code
