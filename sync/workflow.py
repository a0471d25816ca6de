"""The one status machine of a ticket (W2, W3): the actions, who may take each, and what each does.

A ticket's status, line (``route``), assignee and closing date are the server's own fields
(``sync.roles.TICKETS``: ``SERVER``); they change only through an action. The client offers the
actions :func:`allowed` names and queues them in its outbox (an entry with ``op = "action"``); the
server judges each one again with :func:`refusal` against the ticket as it is then and writes
:func:`effect` — status, line, assignee, the applicant's e-mail and the history entry — in the
transaction of the push.

    registered ──take──▶ in_progress ──request_info──▶ awaiting_info ──take──▶ in_progress
        │                    │  ▲                            │
        └─request_info───────┼──┼────────────────────────────┘
                             │  └──reopen── resolved / closed
                             └──resolve──▶ resolved ──close──▶ closed
    escalate (line 1 → line 2): registered / in_progress → registered on line 2, nobody's
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sync.errors import ErrorCode
from sync.reference import TicketStatus as S
from sync.roles import GRANTS, Line, Permission, Role, line_of
from sync.text import bad_character
from sync.texts import QT_TRANSLATE_NOOP

MAX_ACTION_TEXT = 20000  # a reason, a solution, a reply, a comment


class Action(StrEnum):
    TAKE = "take"
    ESCALATE = "escalate"
    REQUEST_INFO = "request_info"
    REPLY = "reply"
    RESOLVE = "resolve"
    CLOSE = "close"
    REOPEN = "reopen"
    COMMENT = "comment"


class MailKind(StrEnum):
    """The applicant's e-mail an action sends (``sync.server.mail`` writes it)."""

    REQUEST_INFO = "request_info"
    REPLY = "reply"
    SOLUTION = "solution"


# the button's label (with its mnemonic) and shortcut; the text field it asks for, if any
LABELS: dict[Action, str] = {
    Action.TAKE: "Взять в работу",
    Action.ESCALATE: "Эскалировать на 2-ю линию",
    Action.REQUEST_INFO: "Запросить информацию",
    Action.REPLY: "Ответить заявителю",
    Action.RESOLVE: "Решить",
    Action.CLOSE: "Закрыть обращение",  # not «Закрыть» alone: the card's own button closes the window
    Action.REOPEN: "Вернуть в работу",
    Action.COMMENT: "Комментарий",
}
SHORTCUTS: dict[Action, str] = {
    Action.TAKE: "Ctrl+Shift+T",
    Action.ESCALATE: "Ctrl+Shift+E",
    Action.REQUEST_INFO: "Ctrl+Shift+I",
    Action.REPLY: "Ctrl+Shift+R",
    Action.RESOLVE: "Ctrl+Shift+D",
    Action.CLOSE: "Ctrl+Shift+W",
    Action.REOPEN: "Ctrl+Shift+O",
    Action.COMMENT: "Ctrl+Shift+M",
}
# the text an action needs, by its label in the dialog (None: no text; optional: may be empty)
TEXT_LABELS: dict[Action, str] = {
    Action.ESCALATE: "Причина эскалации",
    Action.REQUEST_INFO: "Комментарий (необязательно)",
    Action.REPLY: "Ответ заявителю",
    Action.RESOLVE: "Решение",
    Action.REOPEN: "Причина (необязательно)",
    Action.COMMENT: "Комментарий",
}
TEXT_REQUIRED = frozenset({Action.ESCALATE, Action.REPLY, Action.RESOLVE, Action.COMMENT})

STATUS_LABELS: dict[str, str] = {
    S.DRAFT: "Черновик",
    S.REGISTERED: "Зарегистрировано",
    S.IN_PROGRESS: "В работе",
    S.AWAITING_INFO: "На запросе информации",
    S.RESOLVED: "Решено",
    S.CLOSED: "Закрыто",
}

LINE_LABELS: dict[str, str] = {Line.LINE_1: "1-я линия", Line.LINE_2: "2-я линия"}
MAIL_LABELS: dict[str, str] = {
    MailKind.REQUEST_INFO: "запрос информации", MailKind.REPLY: "ответ", MailKind.SOLUTION: "решение",
    "registered": "обращение зарегистрировано",
}
DELIVERY_LABELS: dict[str, str] = {"queued": "в очереди", "sent": "отправлено", "failed": "не доставлено"}

_ALL = frozenset(Role)
_OP, _SV = Role.OPERATOR, Role.SUPERVISOR

# W3: who may take each action (the server refuses the rest with ``forbidden``)
ROLES: dict[Action, frozenset[Role]] = {
    Action.TAKE: _ALL,
    Action.ESCALATE: frozenset({_OP, _SV}),
    Action.REQUEST_INFO: GRANTS[Permission.REQUEST_INFO],  # the second line asks (W2): specialist, supervisor
    Action.REPLY: _ALL,
    Action.RESOLVE: _ALL,
    Action.CLOSE: _ALL,
    Action.REOPEN: _ALL,
    Action.COMMENT: _ALL,
}

# the statuses each action starts from (else ``invalid_transition``)
FROM: dict[Action, frozenset[str]] = {
    Action.TAKE: frozenset({S.REGISTERED, S.AWAITING_INFO}),
    Action.ESCALATE: frozenset({S.REGISTERED, S.IN_PROGRESS}),
    Action.REQUEST_INFO: frozenset({S.REGISTERED, S.IN_PROGRESS}),
    Action.REPLY: frozenset({S.IN_PROGRESS, S.AWAITING_INFO}),
    Action.RESOLVE: frozenset({S.IN_PROGRESS, S.AWAITING_INFO}),
    Action.CLOSE: frozenset({S.RESOLVED}),
    Action.REOPEN: frozenset({S.RESOLVED, S.CLOSED}),
    Action.COMMENT: frozenset({S.REGISTERED, S.IN_PROGRESS, S.AWAITING_INFO, S.RESOLVED}),
}
# the status after it (None: unchanged)
TO: dict[Action, str | None] = {
    Action.TAKE: S.IN_PROGRESS,
    Action.ESCALATE: S.REGISTERED,
    Action.REQUEST_INFO: S.AWAITING_INFO,
    Action.REPLY: None,
    Action.RESOLVE: S.RESOLVED,
    Action.CLOSE: S.CLOSED,
    Action.REOPEN: S.IN_PROGRESS,
    Action.COMMENT: None,
}
MAIL: dict[Action, MailKind] = {
    Action.REQUEST_INFO: MailKind.REQUEST_INFO,
    Action.REPLY: MailKind.REPLY,
    Action.RESOLVE: MailKind.SOLUTION,
}
# taken on a ticket of the user's own line (or nobody's, for a supervisor): the line's queue
ON_OWN_LINE = frozenset({Action.TAKE, Action.ESCALATE, Action.REQUEST_INFO})
# taken on a ticket that is the user's own (its assignee); a supervisor may take them on any
ASSIGNEE_ONLY = frozenset({Action.REPLY, Action.RESOLVE, Action.CLOSE, Action.REOPEN})
# the action makes the user the assignee
ASSIGNS = frozenset({Action.TAKE, Action.REQUEST_INFO, Action.REOPEN})


@dataclass(frozen=True, slots=True)
class Refusal:
    code: ErrorCode
    message: str
    field: str | None = None


@dataclass(frozen=True, slots=True)
class Effect:
    """What an action does to a ticket: the new values of its server-owned fields (only the changed
    ones), the applicant's e-mail to queue, and the text it carries (reason, solution, comment)."""

    changes: dict[str, Any]
    mail: MailKind | None
    text: str


def _get(ticket: Mapping[str, Any], name: str) -> Any:
    value = ticket.get(name)
    return None if value is None else str(value)


def parse(payload: Mapping[str, Any]) -> tuple[Action, str] | Refusal:
    """The action and its text from an outbox entry's data ``{"action": …, "text": …}``."""
    try:
        action = Action(str(payload.get("action")))
    except ValueError:
        return Refusal(ErrorCode.VALIDATION_ERROR, QT_TRANSLATE_NOOP(
            "SharedRules", "Неизвестное действие с обращением."), "action")
    text = payload.get("text", "")
    if text is None:
        text = ""
    if not isinstance(text, str) or len(text) > MAX_ACTION_TEXT:
        return Refusal(ErrorCode.VALIDATION_ERROR, f"Текст действия — строка не длиннее {MAX_ACTION_TEXT} символов.",
                       "text")
    char = bad_character(text)
    if char is not None:
        return Refusal(ErrorCode.VALIDATION_ERROR, f"Недопустимый символ {char} в тексте: уберите его.", "text")
    unknown = set(payload) - {"action", "text"}
    if unknown:
        return Refusal(ErrorCode.VALIDATION_ERROR, f"Лишнее поле действия: {sorted(unknown)[0]}.", sorted(unknown)[0])
    return action, text.strip()


def refusal(action: Action, role: Role | str, user_id: str, ticket: Mapping[str, Any],
            text: str = "", line: str | None = None) -> Refusal | None:
    """Why this user may not take ``action`` on ``ticket`` (a dict or mapping of its fields) now;
    None when they may (``line``: the user's own, when one is set for them, ``sync.roles.line_of``).
    Checked in this order: role, status, line, assignee, text."""
    try:
        role = Role(role)
    except ValueError:
        return Refusal(ErrorCode.FORBIDDEN, "Недостаточно прав для этого действия.")
    label = LABELS[action]
    if role not in ROLES[action]:
        return Refusal(ErrorCode.FORBIDDEN, f"Действие «{label}» недоступно вашей роли.")
    status = _get(ticket, "status") or ""
    if status not in FROM[action]:
        shown = STATUS_LABELS.get(status, status)
        return Refusal(ErrorCode.INVALID_TRANSITION, f"Действие «{label}» невозможно: обращение в статусе «{shown}».",
                       "status")
    assignee, mine = _get(ticket, "assignee_id"), _get(ticket, "assignee_id") == str(user_id)
    route = _get(ticket, "route") or Line.LINE_1
    if action in ON_OWN_LINE and role is not Role.SUPERVISOR:
        if action is Action.ESCALATE and route != Line.LINE_1:
            return Refusal(ErrorCode.WRONG_LINE, QT_TRANSLATE_NOOP(
                "SharedRules", "Обращение уже на 2-й линии."), "route")
        if action is Action.ESCALATE and line_of(role, line) != Line.LINE_1:
            return Refusal(ErrorCode.WRONG_LINE, QT_TRANSLATE_NOOP(
                "SharedRules", "Эскалирует сотрудник 1-й линии."), "route")
        if action is not Action.ESCALATE and route != line_of(role, line):
            return Refusal(ErrorCode.WRONG_LINE, QT_TRANSLATE_NOOP(
                "SharedRules", "Обращение на другой линии."), "route")
        if assignee is not None and not mine:
            return Refusal(ErrorCode.NOT_ASSIGNEE, "Обращение в работе у другого сотрудника.", "assignee_id")
    if action is Action.ESCALATE and role is Role.SUPERVISOR and route != Line.LINE_1:
        return Refusal(ErrorCode.WRONG_LINE, QT_TRANSLATE_NOOP("SharedRules", "Обращение уже на 2-й линии."), "route")
    if action in ASSIGNEE_ONLY and role is not Role.SUPERVISOR and not mine:
        return Refusal(ErrorCode.NOT_ASSIGNEE, f"Действие «{label}» доступно исполнителю обращения.", "assignee_id")
    if action is Action.COMMENT and role is Role.OPERATOR and not mine and _get(ticket, "author_id") != str(user_id):
        return Refusal(ErrorCode.FORBIDDEN, QT_TRANSLATE_NOOP("SharedRules", "Комментировать можно свои обращения."))
    if action in TEXT_REQUIRED and not text.strip():
        return Refusal(ErrorCode.VALIDATION_ERROR, f"Заполните поле «{TEXT_LABELS[action]}».", "text")
    return None


def allowed(role: Role | str, user_id: str, ticket: Mapping[str, Any], line: str | None = None) -> list[Action]:
    """The actions the card offers this user on ``ticket`` (their text still to be given), in order."""
    return [a for a in Action if refusal(a, role, user_id, ticket, text="·", line=line) is None]


def effect(action: Action, user_id: str, ticket: Mapping[str, Any], text: str = "") -> Effect:
    """What ``action`` (allowed: see :func:`refusal`) does to ``ticket``: the changed server-owned fields
    (``status``, ``route``, ``assignee_id``, ``closed_at`` as the marker ``"now"`` or None)."""
    target: dict[str, Any] = {}
    to = TO[action]
    if to is not None:
        target["status"] = to
    if action in ASSIGNS:
        target["assignee_id"] = str(user_id)
    if action is Action.ESCALATE:
        target.update(route=Line.LINE_2.value, assignee_id=None)
    if action is Action.CLOSE:
        target["closed_at"] = "now"
    if action is Action.REOPEN and ticket.get("closed_at") is not None:
        target["closed_at"] = None
    changes = {k: v for k, v in target.items() if _get(ticket, k) != (None if v is None else str(v))}
    return Effect(changes, MAIL.get(action), text)


def predicted(ticket: Mapping[str, Any], payload: Mapping[str, Any], user_id: str = "") -> dict[str, Any]:
    """The ticket as the operator sees it after an action still in the outbox (the server decides)."""
    parsed = parse(payload)
    if isinstance(parsed, Refusal):
        return dict(ticket)
    action, text = parsed
    changes = effect(action, user_id, ticket, text).changes
    if not user_id and action in ASSIGNS:
        changes.pop("assignee_id", None)
    changes.pop("closed_at", None)
    return {**ticket, **changes}
