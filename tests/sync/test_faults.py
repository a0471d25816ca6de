"""Exactly once under faults (S2, S3): a real client process killed with SIGKILL mid-push and
restarted, the server restarted, a TCP proxy cutting connections mid-request and mid-response, and
every push sent twice. Afterwards the server holds each change exactly once and the outbox is empty;
a pull killed between pages resumes from the cursor it stored with the rows."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ksdesk_desktop.store.db import INDEXES_DEFERRED, LocalStore
from ksdesk_desktop.store.replica import Replica
from ksdesk_desktop.store.schema import CACHE, deferrable_indexes
from sync.records import Kind
from sync.server.db import make_engine
from sync.server.models import AppliedMutation, Contact, Organization
from tests.fixtures.identities import make_inn
from tests.fixtures.proxy import DroppingProxy, Faults
from tests.fixtures.replicas import open_node
from tests.fixtures.servers import ServerProcess, seed_users, start_server

pytestmark = [pytest.mark.timeout(240), pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]
ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 90


class Worker:
    """``python -m tests.sync.worker …`` with its output lines collected for waiting on."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.sync.worker", *args], cwd=ROOT, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._pump = threading.Thread(target=self._read, daemon=True)
        self._pump.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            with self._changed:
                self.lines.append(raw.decode("utf-8", "replace").rstrip())
                self._changed.notify_all()
        with self._changed:
            self.lines.append("<exit>")
            self._changed.notify_all()

    def wait_for(self, condition: Callable[[list[str]], bool], what: str) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: condition(self.lines) or "<exit>" in self.lines, WAIT_S):
                raise AssertionError(f"worker: no {what} in {WAIT_S} s:\n" + "\n".join(self.lines[-30:]))
            if not condition(self.lines):
                raise AssertionError(f"worker exited before {what}:\n" + "\n".join(self.lines[-30:]))

    def count(self, prefix: str) -> Callable[[list[str]], int]:
        return lambda lines: sum(line.startswith(prefix) for line in lines)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self._close()

    def _close(self) -> None:
        self._pump.join(10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def finish_prepare(self) -> None:
        self.wait_for(lambda lines: any(line.startswith("prepared") for line in lines), "prepared")
        assert self.proc.wait(30) == 0, "\n".join(self.lines[-30:])
        self._close()

    def finish(self) -> str:
        self.wait_for(lambda lines: any(line.startswith("done") for line in lines), "done")
        assert self.proc.wait(30) == 0, "\n".join(self.lines[-30:])
        self._close()
        return next(line for line in self.lines if line.startswith("done"))


def port_of(server: ServerProcess) -> int:
    return int(server.url.rsplit(":", 1)[1])


def test_s2_exactly_once_under_kills_restarts_drops_and_repeats(server_db_url: str, tmp_path: Path) -> None:
    seed_users(server_db_url)
    server = start_server(server_db_url, tmp_path / "srv")
    proxy = DroppingProxy(port_of(server), Faults(drop_request=0.1, drop_response=0.1, seed=11))
    db = str(tmp_path / "client.sqlite")
    base = ["--url", proxy.url, "--db", db, "--batch", "5"]
    orgs, contacts = 40, 60
    try:
        Worker("--url", proxy.url, "--db", db, "--prepare-orgs", str(orgs), "--prepare-contacts",
               str(contacts)).finish_prepare()
        # round 1: creations; killed mid-push, then the server restarts under it
        first = Worker(*base)
        first.wait_for(lambda lines: first.count("push-start")(lines) >= 3, "third push")
        first.kill()
        second = Worker(*base)
        second.wait_for(lambda lines: second.count("push-done")(lines) >= 2, "two pushes after the restart")
        server.stop()
        server = start_server(server_db_url, tmp_path / "srv")
        proxy.target_port = port_of(server)
        second.finish()
        # round 2: one update of every organization, each push sent twice, killed mid-push again
        Worker("--url", proxy.url, "--db", db, "--prepare-updates").finish_prepare()
        third = Worker(*base, "--repeat")
        third.wait_for(lambda lines: third.count("push-start")(lines) >= 2, "second push")
        third.kill()
        Worker(*base, "--repeat").finish()
    finally:
        server.stop()
        proxy.close()

    engine = make_engine(server_db_url, pool_size=1)
    with engine.connect() as conn:
        org_versions = conn.execute(select(Organization.version, Organization.address)
                                    .where(Organization.name.like("ООО «Сбой-%"))).all()
        contact_versions = conn.execute(select(Contact.version).where(Contact.full_name.like("Контакт сбоя%"))).all()
        applied = conn.execute(select(func.count()).select_from(AppliedMutation)).scalar_one()
    engine.dispose()
    store = LocalStore(Path(db))
    pending = Replica(store).pending_count()
    store.close()
    counts = (f"organizations={len(org_versions)} contacts={len(contact_versions)} answers stored={applied} "
              f"outbox={pending}; proxy: connections={proxy.stats.connections} "
              f"cut mid-request={proxy.stats.cut_requests} cut mid-response={proxy.stats.cut_responses}")
    print(counts)
    assert len(org_versions) == orgs and len(contact_versions) == contacts, counts
    assert {v for v, _ in org_versions} == {2}, f"each organization created once and updated once: {counts}"
    assert {a for _, a in org_versions} == {"обновлено один раз"}
    assert {v for (v,) in contact_versions} == {1}, counts
    assert applied == orgs + contacts + orgs, counts  # one stored answer per outbox entry, no more
    assert pending == 0, counts
    assert proxy.stats.cut_requests and proxy.stats.cut_responses, "the proxy really cut connections"


def test_s3_pull_killed_between_pages_resumes_from_its_cursor_and_builds_its_deferred_indexes(
    server_db_url: str, tmp_path: Path,
) -> None:
    seed_users(server_db_url)
    server = start_server(server_db_url, tmp_path / "srv")
    try:
        writer = open_node(server.url, tmp_path / "writer.sqlite", "boss")
        for i in range(60):
            writer.replica.create(Kind.ORGANIZATION, {"inn": make_inn(i, "78"), "name": f"ООО «Страница-{i}»"})
        writer.sync()
        writer.close()
        db = tmp_path / "reader.sqlite"
        # a long first pull: the secondary indexes wait for its end (here: for the next start)
        reader = Worker("--url", server.url, "--db", str(db), "--page", "5", "--bulk", "10")
        reader.wait_for(lambda lines: reader.count("page")(lines) >= 3, "third page")
        reader.kill()
        deferred = {index.name for index in deferrable_indexes()}
        with sqlite3.connect(db) as raw:
            present = {name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert deferred and not deferred & present, "the killed pull held its indexes back"
        store = LocalStore(db)
        with store.engine.connect() as conn:
            present = {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert deferred <= present and store.get_meta(INDEXES_DEFERRED) is None, "built again at the next start"
        replica = Replica(store)
        kept = replica.cursor()
        with store.engine.connect() as conn:
            seqs = [seq for table in CACHE.values() for seq in conn.execute(select(table.c.seq)).scalars()]
        store.close()
        assert kept > 0 and max(seqs) <= kept, "rows and cursor are stored together"
        resumed = Worker("--url", server.url, "--db", str(db), "--page", "5").finish()
        pulled = int(resumed.rsplit("pulled=", 1)[1])
        total = len(seqs) + pulled
        print(f"before the kill: {len(seqs)} records, cursor {kept}; after the restart: {pulled} more")
        assert 0 < pulled < total, "the restart pulled only what the killed process had not stored"
        store = LocalStore(db)
        assert Replica(store).count(Kind.ORGANIZATION) == 60
        store.close()
    finally:
        server.stop()
