"""Demo users: the three well-known logins plus first-line operators and second-line specialists."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from sync.roles import Role, line_of
from sync.server.demo.common import REFERENCE_NOW, Row
from sync.server.demo.numbers import uuid7_at
from sync.server.models import User
from sync.server.security import hash_password
from sync.server.users import create_user

STAFF_DOMAIN = "ksdesk.example.com"
# login, role, full name; the first three are the documented demo logins
MAIN_USERS: tuple[tuple[str, Role, str], ...] = (
    ("operator", Role.OPERATOR, "Иванова Анна Сергеевна"),
    ("specialist", Role.SPECIALIST, "Смирнов Дмитрий Олегович"),
    ("supervisor", Role.SUPERVISOR, "Кузнецова Елена Викторовна"),
)
EXTRA_USERS: tuple[tuple[str, Role, str], ...] = (
    ("op.petrova", Role.OPERATOR, "Петрова Ольга Николаевна"),
    ("op.sokolov", Role.OPERATOR, "Соколов Артём Игоревич"),
    ("op.morozova", Role.OPERATOR, "Морозова Татьяна Андреевна"),
    ("op.volkov", Role.OPERATOR, "Волков Максим Евгеньевич"),
    ("op.lebedeva", Role.OPERATOR, "Лебедева Наталья Павловна"),
    ("spec.novikov", Role.SPECIALIST, "Новиков Алексей Владимирович"),
    ("spec.fedorova", Role.SPECIALIST, "Фёдорова Ирина Михайловна"),
    ("spec.egorov", Role.SPECIALIST, "Егоров Павел Сергеевич"),
)
USERS_CREATED = REFERENCE_NOW - timedelta(days=800)


@dataclass(frozen=True, slots=True)
class Staff:
    operators: tuple[uuid.UUID, ...]  # the first is the demo login «operator»
    specialists: tuple[uuid.UUID, ...]  # the first is the demo login «specialist»
    supervisor: uuid.UUID

    @property
    def count(self) -> int:
        return len(self.operators) + len(self.specialists) + 1


def create_staff(session: Session, rng: random.Random, password: str) -> Staff:
    """The main users through :func:`create_user` (with reproducible ids); the others in bulk with one
    password hash, since argon2 costs a fifth of a second per hash."""
    ids: dict[str, tuple[uuid.UUID, Role]] = {}
    for minute, (login, role, full_name) in enumerate(MAIN_USERS):
        user = create_user(session, login, password, role, full_name, f"{login}@{STAFF_DOMAIN}")
        at = USERS_CREATED + timedelta(minutes=minute)
        user.id, user.created_at, user.updated_at = uuid7_at(rng, at), at, at
        session.flush()
        ids[login] = (user.id, role)
    shared_hash = hash_password(password)
    rows: list[Row] = []
    for minute, (login, role, full_name) in enumerate(EXTRA_USERS, start=len(MAIN_USERS)):
        at = USERS_CREATED + timedelta(minutes=minute)
        row: Row = {"id": uuid7_at(rng, at), "version": 1, "created_at": at, "updated_at": at,
                    "deleted_at": None, "login": login, "full_name": full_name,
                    "email": f"{login}@{STAFF_DOMAIN}", "role": role.value, "line": line_of(role).value,
                    "password_hash": shared_hash,
                    "is_active": True}
        rows.append(row)
        ids[login] = (row["id"], role)  # type: ignore[assignment]
    session.execute(insert(User), rows)
    return Staff(
        operators=tuple(i for i, r in ids.values() if r is Role.OPERATOR),
        specialists=tuple(i for i, r in ids.values() if r is Role.SPECIALIST),
        supervisor=ids["supervisor"][0],
    )
