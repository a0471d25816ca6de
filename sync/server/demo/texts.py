"""Ticket subjects, texts and system information assembled from phrase fragments (T10, T11)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sync.server.demo import phrases as P
from sync.server.demo.clients import ComplexInfo, ContactInfo
from sync.server.demo.common import Rnd, between, pick, pick_distinct, ru_date
from sync.server.demo.names import FEMALE_FIRST, PATRONYMICS, SURNAMES, feminine


class _Context(dict[str, object]):
    """Placeholder values, drawn only when a template asks for them."""

    def __init__(self, rnd: Rnd, day: date, complex_name: str, component: str) -> None:
        super().__init__(complex=complex_name, component=component, year=day.year + (day.month >= 10))
        self.rnd = rnd
        self.day = day

    def __missing__(self, key: str) -> object:
        value = _MAKERS[key](self.rnd, self.day)
        self[key] = value
        return value


def _period(rnd: Rnd, day: date) -> str:
    roll = rnd()
    if roll < 0.5:
        year = day.year if day.month > 1 else day.year - 1
        return f"за {P.MONTHS[(day.month - 2) % 12]} {year} г."
    if roll < 0.8:
        return f"за {pick(rnd, P.QUARTERS)} {day.year} г."
    return f"за {day.year - 1} год"


def version(rnd: Rnd, day: date) -> str:
    return f"{day.year % 100}.{(day.month - 1) // 3 + 1}.{between(rnd, 1, 40)}"


def _newcomer(rnd: Rnd, _day: date) -> str:
    return f"{feminine(pick(rnd, SURNAMES))} {pick(rnd, FEMALE_FIRST)} {pick(rnd, PATRONYMICS)[1]}"


_MAKERS: dict[str, Callable[[Rnd, date], object]] = {
    "form": lambda r, d: pick(r, P.FORMS),
    "doc": lambda r, d: pick(r, P.DOCS),
    "ext": lambda r, d: pick(r, P.EXTERNAL),
    "err": lambda r, d: pick(r, P.ERRORS),
    "action": lambda r, d: pick(r, P.ACTIONS),
    "action_cap": lambda r, d: pick(r, P.ACTIONS).capitalize(),
    "howto": lambda r, d: pick(r, P.HOWTO),
    "period": _period,
    "version": version,
    "date": lambda r, d: ru_date(d - timedelta(days=between(r, 1, 20))),
    "deadline": lambda r, d: ru_date(d + timedelta(days=between(r, 2, 30))),
    "n": lambda r, d: between(r, 20, 400),
    "m": lambda r, d: between(r, 1, 19),
    "newcomer": _newcomer,
}


def compose(
    rnd: Rnd, ticket_type: str, day: date, complex_name: str, component: str, applicant: ContactInfo
) -> tuple[str, str]:
    """Subject and text of a ticket of ``ticket_type`` registered on ``day``."""
    ctx = _Context(rnd, day, complex_name, component)
    subject = pick(rnd, P.SUBJECTS[ticket_type]).format_map(ctx)
    sentences = pick_distinct(rnd, P.BODIES[ticket_type], 2 if rnd() < 0.5 else 3)
    body = " ".join(s.format_map(ctx) for s in sentences)
    extra = pick(rnd, P.EXTRAS).format_map(ctx)
    paragraphs = [pick(rnd, P.OPENERS), f"{body} {extra}".rstrip(), pick(rnd, P.CLOSERS)]
    if rnd() < 0.6:
        paragraphs.append(f"С уважением,\n{applicant.short_name}, {applicant.position}")
    return subject, "\n\n".join(p for p in paragraphs if p)


def system_info(rnd: Rnd, day: date, complex_: ComplexInfo) -> str:
    """What «Меню / О программе / Скопировать в буфер» gives (T10)."""
    return "\n".join((
        f"Программный комплекс: {complex_.name}, версия {version(rnd, day)}",
        f"ОС: {pick(rnd, P.OS_NAMES)}",
        f"СУБД: {pick(rnd, P.DB_NAMES)}",
        f"Сервер приложений: app{between(rnd, 1, 4):02d}.fin.local:{pick(rnd, (8080, 8443, 9090))}",
        f"Пользователь: user{between(rnd, 1, 40)}",
    ))
