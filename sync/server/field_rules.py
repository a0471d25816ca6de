"""Who may set which field of a record (``sync.roles.Access.fields``), enforced for every push entry
here, once, whatever the kind: ``sync_service`` asks before it stores anything.

A creation may give a field a value only when the role may set it: a field of the kind's model
that differs from its default, or any other field of the record (the server's own) given at all.
A change may change a field only when the role may change it; a field the model does not take
(the server's own, or one fixed at creation) that a client sends back as it is stored is dropped
(a client may echo a record it pulled), and one that differs is refused. The refusal is
``field_forbidden`` naming the field, for that entry only.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from sync.errors import ErrorCode
from sync.roles import Access, Role, field_refusal
from sync.server.rejection import Rejected

# the names operators know the server's own fields by (the writable ones are named by the models)
LABELS = {
    "registration_number": "Учётный номер", "status": "Статус", "route": "Маршрут", "assignee_id": "Исполнитель",
    "author_id": "Автор", "registered_at": "Дата регистрации", "closed_at": "Дата закрытия",
    "registry_status": "Статус в ЕГРЮЛ", "registry_verified": "Проверено в ЕГРЮЛ", "uploaded_bytes": "Загружено",
    "complete": "Файл загружен", "created_by": "Автор", "id": "Идентификатор", "version": "Версия",
    "change_seq": "Номер изменения", "created_at": "Создано", "updated_at": "Изменено", "deleted_at": "Удалено",
    "kind": "Список", "code": "Код", "password_hash": "Пароль",
}


def _label(name: str, models: Iterable[type[BaseModel]]) -> str:
    for model in models:
        info = model.model_fields.get(name)
        if info is not None and info.title:
            return info.title
    return LABELS.get(name, name)


def refuse(access: Access, role: Role | str, name: str, *, creating: bool, models: Iterable[type[BaseModel]]) -> None:
    """Raise ``field_forbidden`` unless ``role`` may set (``creating``) or change the field ``name``."""
    if not access.may_set(role, name, creating=creating):
        message = field_refusal(access, name, _label(name, models), creating=creating)
        raise Rejected(ErrorCode.FIELD_FORBIDDEN, message, name)


def check_creation(access: Access, role: Role | str, data: Mapping[str, Any], model: type[BaseModel],
                   columns: Iterable[str]) -> None:
    """Before validation: the fields of a creation the model does not take but the record has (the
    server's own) are refused when given a value."""
    own = set(columns) | set(access.fields)
    for name, value in data.items():
        if name not in model.model_fields and name in own and value is not None:
            refuse(access, role, name, creating=True, models=(model,))


def check_created(access: Access, role: Role | str, values: Mapping[str, Any], model: type[BaseModel]) -> None:
    """After validation: each field of the model set to something other than its default must be one
    the role may set."""
    for name, info in model.model_fields.items():
        if name in values and not info.is_required() and same(info.get_default(call_default_factory=True),
                                                                values[name]):
            continue
        refuse(access, role, name, creating=True, models=(model,))


def unchanged_dropped(access: Access, role: Role | str, obj: Any, data: Mapping[str, Any],
                      model: type[BaseModel], columns: Iterable[str]) -> dict[str, Any]:
    """Before validation: the data of a change without the fields the model does not take that are sent
    back as stored; such a field that differs is refused."""
    own = set(columns) | set(access.fields)
    kept: dict[str, Any] = {}
    for name, value in data.items():
        if name not in model.model_fields and name in own and hasattr(obj, name):
            if same(getattr(obj, name), value):
                continue
            refuse(access, role, name, creating=False, models=(model,))
        kept[name] = value
    return kept


def check_changes(access: Access, role: Role | str, current: Mapping[str, Any], values: Mapping[str, Any],
                  model: type[BaseModel]) -> list[str]:
    """After validation: the fields whose value changes, each one the role may change (or refused)."""
    changed = [name for name, value in values.items() if not same(current.get(name), value)]
    for name in changed:
        refuse(access, role, name, creating=False, models=(model,))
    return changed


def same(stored: Any, given: Any) -> bool:
    """Whether a value a client sent (JSON, or validated) is the stored one: ids, moments and dates
    compared as values whichever way they are written, lists as sets."""
    if stored is None or given is None:
        return stored is None and given is None
    if isinstance(stored, list | tuple | set | frozenset):
        return isinstance(given, list | tuple | set | frozenset) and \
            sorted(map(str, stored)) == sorted(map(str, given))
    try:
        if isinstance(stored, uuid.UUID):
            return stored == (given if isinstance(given, uuid.UUID) else uuid.UUID(str(given)))
        if isinstance(stored, datetime):
            return stored == (given if isinstance(given, datetime) else datetime.fromisoformat(str(given)))
        if isinstance(stored, date):
            return stored == (given if isinstance(given, date) else date.fromisoformat(str(given)))
    except (ValueError, TypeError):
        return False
    if isinstance(stored, bool) or isinstance(given, bool):
        return type(stored) is type(given) and stored == given
    return bool(stored == given)
