"""A headless client process for the fault tests: the real replica, API client and sync engine,
syncing until the outbox is empty. The test kills it with SIGKILL and starts it again.

    python -m tests.sync.worker --url URL --db PATH [--prepare-orgs N] [--prepare-updates]
        [--prepare-contacts N] [--batch N] [--page N] [--repeat]

Prints one line per step (``push-start``, ``push-done``, ``page``, ``done``) for the test to follow.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

from ksdesk_desktop.core import sync_engine
from ksdesk_desktop.core.api_client import ApiClient, ApiError
from ksdesk_desktop.core.backoff import Backoff
from ksdesk_desktop.core.sync_engine import SyncEngine
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.replica import Replica
from ksdesk_desktop.store.schema import CACHE
from sync.protocol import ChangesPage, Mutation, PushResponse
from sync.records import Kind
from tests.fixtures.identities import make_inn

PASSWORD = "secret-pass"


def say(*parts: object) -> None:
    print(*parts, flush=True)


class Announcing:
    """The real API client, saying what it does; with ``repeat`` every push is sent twice."""

    def __init__(self, api: ApiClient, repeat: bool) -> None:
        self.api, self.repeat = api, repeat

    def push(self, mutations: list[Mutation]) -> PushResponse:
        say("push-start", len(mutations))
        answer = self.api.push(mutations)
        if self.repeat:
            again = self.api.push(mutations)  # the same keys again: the same answers, nothing applied twice
            assert again == answer, "a repeated push got a different answer"
        say("push-done", len(mutations))
        return answer

    def changes(self, after: int, limit: int) -> ChangesPage:
        return self.api.changes(after, limit)


def retrying(call, pause: threading.Event, backoff: Backoff):  # type: ignore[no-untyped-def]
    while True:
        try:
            return call()
        except ApiError as exc:
            say("offline", exc.code)
            pause.wait(backoff.next_delay())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--user", default="op1")
    parser.add_argument("--prepare-orgs", type=int, default=0)
    parser.add_argument("--prepare-updates", action="store_true")
    parser.add_argument("--prepare-contacts", type=int, default=0)
    parser.add_argument("--batch", type=int, default=5)
    parser.add_argument("--page", type=int, default=5000)
    parser.add_argument("--repeat", action="store_true")
    parser.add_argument("--bulk", type=int, help="defer the secondary indexes of a first pull this long")
    parser.add_argument("--deadline", type=float, default=120.0)
    args = parser.parse_args(argv)

    store = LocalStore(args.db)
    replica = Replica(store)
    for i in range(args.prepare_orgs):
        replica.create(Kind.ORGANIZATION, {"inn": make_inn(i, "79"), "kpp": "790101001", "name": f"ООО «Сбой-{i}»"})
    if args.prepare_updates:
        for record_id in _ids(store, Kind.ORGANIZATION):
            replica.change(Kind.ORGANIZATION, record_id, {"address": "обновлено один раз"})
    orgs = _ids(store, Kind.ORGANIZATION)
    for i in range(args.prepare_contacts):
        replica.create(Kind.CONTACT, {"organization_id": orgs[i % len(orgs)], "full_name": f"Контакт сбоя {i}"})
    if args.prepare_orgs or args.prepare_updates or args.prepare_contacts:
        say("prepared", replica.pending_count())
        return 0

    pause = threading.Event()
    backoff = Backoff(first=0.05, cap=0.5)
    api = ApiClient(args.url, timeout=5)
    retrying(lambda: api.login(args.user, PASSWORD), pause, backoff)
    if args.bulk is not None:
        sync_engine.BULK_CHANGES = args.bulk
    engine = SyncEngine(replica, Announcing(api, args.repeat), batch_size=args.batch, page_size=args.page)
    started = time.monotonic()
    pulled = 0
    while time.monotonic() - started < args.deadline:
        try:
            report = engine.sync(progress=lambda done, total: say("page", replica.cursor()))
            pulled += report.pulled
        except ApiError as exc:
            say("offline", exc.code)
            pause.wait(backoff.next_delay())
            continue
        backoff.reset()
        if replica.pending_count() == 0:
            say("done", f"pending=0 problems={len(replica.problems())} cursor={replica.cursor()} pulled={pulled}")
            return 0
        if replica.problems():
            say("problems", [(p.state, p.error_code) for p in replica.problems()])
            return 1
    say("deadline")
    return 2


def _ids(store: LocalStore, kind: Kind) -> list[str]:
    from sqlalchemy import select

    with store.engine.connect() as conn:
        return list(conn.execute(select(CACHE[kind].c.id).order_by(CACHE[kind].c.id)).scalars())


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
