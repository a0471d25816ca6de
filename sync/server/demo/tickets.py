"""Tickets over the two years before the demo's reference date, numbered in registration order.

The ticket type obeys T8: anything but «Консультация» only when the organization's customer has a
contract valid on the registration day that covers the ticket's software complex.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

from sync.numbering import registration_number
from sync.reference import Channel, Priority, TicketStatus, TicketType
from sync.roles import Line
from sync.server.demo.catalog import COMPLEXES
from sync.server.demo.clients import ComplexInfo, CustomerInfo, OrgInfo
from sync.server.demo.common import (
    REFERENCE_DATE,
    REFERENCE_NOW,
    TICKET_WINDOW_DAYS,
    Row,
    at_day,
    between,
    cumulative,
    pick,
    stream,
    wpick,
)
from sync.server.demo.numbers import uuid7_at
from sync.server.demo.staff import Staff
from sync.server.demo.texts import compose, system_info

_COVERED_TYPES = (TicketType.CONSULTATION, TicketType.BUG, TicketType.CONFIGURATION, TicketType.ENHANCEMENT)
_COVERED_CUM = cumulative([35, 35, 20, 10])
_CHANNELS = tuple(Channel)
_CHANNEL_CUM = cumulative([45, 35, 20])
_PRIORITIES = (Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.CRITICAL)
_PRIORITY_CUM = cumulative([15, 60, 20, 5])
_STATUSES = (TicketStatus.REGISTERED, TicketStatus.IN_PROGRESS, TicketStatus.AWAITING_INFO,
             TicketStatus.RESOLVED, TicketStatus.CLOSED)
_STATUS_CUM_BY_AGE = (  # (minimum age in days, cumulative weights over _STATUSES)
    (45, cumulative([0, 3, 2, 7, 88])),
    (7, cumulative([5, 15, 10, 25, 45])),
    (0, cumulative([30, 35, 15, 15, 5])),
)
# the newest tickets, newest first: every open status shows up whatever the size
_NEWEST_STATUSES = (TicketStatus.REGISTERED, TicketStatus.IN_PROGRESS, TicketStatus.AWAITING_INFO,
                    TicketStatus.RESOLVED, TicketStatus.REGISTERED, TicketStatus.IN_PROGRESS)
_COMPLEX_CUM = cumulative([c.popularity for c in COMPLEXES])
HOUR = 3600.0


def covered(customer: CustomerInfo | None, complex_index: int, day: date) -> bool:
    """Whether a contract of ``customer`` valid on ``day`` covers the complex (T7, T8)."""
    if customer is None:
        return False
    return any(c.valid_from <= day <= c.valid_to and complex_index in c.complexes for c in customer.contracts)


class TicketFactory:
    def __init__(self, seed: int, orgs: list[OrgInfo], customers: list[CustomerInfo],
                 complexes: list[ComplexInfo], staff: Staff) -> None:
        self.rng = stream(seed, "tickets")
        self.rnd = self.rng.random
        self.orgs = [org for org in orgs if org.contacts]
        self.org_cum = cumulative([org.weight for org in self.orgs])
        self.customers = customers
        self.complexes = complexes
        self.staff = staff
        self.author_cum = cumulative([3.0] + [1.4] * (len(staff.operators) - 1))

    def rows(self, count: int) -> Iterator[Row]:
        """``count`` tickets in registration order, so that they can be written while being made."""
        if not self.orgs:
            return
        moments = sorted(self._registered_at() for _ in range(count))
        for number, registered in enumerate(moments, start=1):
            newest = count - number
            row = self._ticket(registered, _NEWEST_STATUSES[newest] if newest < len(_NEWEST_STATUSES) else None)
            row["registration_number"] = registration_number(registered, number)
            yield row

    def _registered_at(self) -> datetime:
        rnd = self.rnd
        day = REFERENCE_DATE - timedelta(days=1 + int(TICKET_WINDOW_DAYS * rnd() ** 1.35))
        if day.weekday() >= 5 and rnd() < 0.9:
            day -= timedelta(days=day.weekday() - 4)  # weekend requests are mostly logged on Friday
        return at_day(day, 6 * 3600 + int(rnd() * 9 * 3600))  # 09:00–18:00 Moscow time

    def _complex(self, org: OrgInfo) -> int:
        rnd = self.rnd
        if org.customer is not None and rnd() < 0.75:
            return pick(rnd, self.customers[org.customer].base)
        return wpick(rnd, range(len(self.complexes)), _COMPLEX_CUM)

    def _ticket(self, registered: datetime, status: TicketStatus | None) -> Row:
        rnd = self.rnd
        org = wpick(rnd, self.orgs, self.org_cum)
        contact = pick(rnd, org.contacts)
        day = registered.date()
        cx_index = self._complex(org)
        cx = self.complexes[cx_index]
        customer = self.customers[org.customer] if org.customer is not None else None
        if covered(customer, cx_index, day):
            ticket_type = wpick(rnd, _COVERED_TYPES, _COVERED_CUM)
        else:
            ticket_type = TicketType.CONSULTATION
        component_id, component = pick(rnd, cx.components)
        has_component = rnd() < 0.9
        subject, text = compose(rnd, ticket_type, day, cx.name, component, contact)
        sysinfo = ""
        if ticket_type in (TicketType.BUG, TicketType.CONFIGURATION) and rnd() < 0.6:
            sysinfo = system_info(rnd, day, cx)
        row: Row = {
            "provisional_number": None, "organization_id": org.id, "contact_id": contact.id,
            "applicant_name": contact.full_name, "email": contact.email, "phone": contact.phone,
            "phone_ext": contact.phone_ext, "complex_id": cx.id,
            "component_id": component_id if has_component else None, "ticket_type": str(ticket_type),
            "priority": str(self._priority(ticket_type)), "system_info": sysinfo, "subject": subject,
            "text": text, "registered_at": registered,
        }
        row.update(self._workflow(registered, ticket_type, status))
        return row

    def _priority(self, ticket_type: TicketType) -> Priority:
        priority = wpick(self.rnd, _PRIORITIES, _PRIORITY_CUM)
        if priority is Priority.CRITICAL and ticket_type is not TicketType.BUG:
            return Priority.HIGH
        return priority

    def _workflow(self, registered: datetime, ticket_type: TicketType, status: TicketStatus | None) -> Row:
        """Status (older tickets are mostly closed), channel, route, people and timestamps (W1, W2, A7)."""
        rnd = self.rnd
        if status is None:
            age = (REFERENCE_DATE - registered.date()).days
            status = wpick(rnd, _STATUSES, next(cum for min_age, cum in _STATUS_CUM_BY_AGE if age >= min_age))
        channel = wpick(rnd, _CHANNELS, _CHANNEL_CUM)
        author = wpick(rnd, self.staff.operators, self.author_cum)
        escalate = 0.35 if ticket_type in (TicketType.BUG, TicketType.ENHANCEMENT) else 0.1
        if status is TicketStatus.AWAITING_INFO:
            route, assignee = Line.LINE_2, pick(rnd, self.staff.specialists)
            channel = Channel.SERVICE_DESK if rnd() < 0.8 else channel
        elif status is not TicketStatus.REGISTERED and rnd() < escalate:
            route, assignee = Line.LINE_2, pick(rnd, self.staff.specialists)
        else:
            route, assignee = Line.LINE_1, author  # W1: the operator who registered it
        created = registered - timedelta(seconds=between(rnd, 40, 900))
        updated, closed, version = self._timeline(registered, status)
        return {
            "id": uuid7_at(self.rng, created), "version": version, "created_at": created, "updated_at": updated,
            "deleted_at": None, "channel": str(channel), "status": str(status), "route": str(route),
            "assignee_id": assignee, "author_id": author, "closed_at": closed,
        }

    def _timeline(self, registered: datetime, status: TicketStatus) -> tuple[datetime, datetime | None, int]:
        rng, rnd = self.rng, self.rnd
        span = (REFERENCE_NOW - registered).total_seconds()

        def later(mean_hours: float, share: float) -> timedelta:
            return timedelta(seconds=int(min(rng.expovariate(1 / (mean_hours * HOUR)), span * share)) + 60)

        if status is TicketStatus.REGISTERED:
            return registered, None, 1
        if status is TicketStatus.IN_PROGRESS:
            return registered + later(6, 0.9), None, 2
        if status is TicketStatus.AWAITING_INFO:
            return registered + later(24, 0.9), None, 3
        if status is TicketStatus.RESOLVED:
            return registered + later(72, 0.9), None, between(rnd, 3, 4)
        resolved = registered + later(72, 0.5)
        closed = resolved + later(48, 0.45)
        return closed, closed, between(rnd, 4, 5)
