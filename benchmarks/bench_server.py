"""The server under many operators (issue 17): ``python benchmarks/run.py server``.

A fresh PostgreSQL database (created and dropped, like ``benchmarks/databases.py``) gets the demo
data at a realistic size and N operator logins ``op0001``…; ``ksdesk-server serve`` runs in 1, 2, …
processes — behind HAProxy (Debian's package, installed with apt-get when missing) when there are
more than one — and driver processes (``benchmarks/server_load.py``) play N operators the way the
desktop client's sync runner behaves: log in, hold the live stream, a sync round on every hint and
every 60 s, one ticket a minute, an INN lookup now and then. The operators start spread over the
ramp-up; once all are connected the measured window begins. The load model is in docs/scaling.md.

Options (environment variables):

* ``KSDESK_BENCH_OPERATORS`` — operator counts, e.g. ``100,500`` (default); ``25,100,500,1000,2000``
* ``KSDESK_BENCH_PROCESSES`` — server process counts, e.g. ``1,2`` (default); ``1,2,4``
* ``KSDESK_BENCH_SECONDS`` — the measured window, 60 (default)
* ``KSDESK_BENCH_RAMP_S`` — operators start spread over this many seconds, 10 (default); the window
  starts once all have logged in and opened their stream (logins cost argon2: several seconds at 500)
* ``KSDESK_BENCH_DRIVERS`` — driver processes; default one per 250 operators, at most 4
* ``KSDESK_BENCH_TICKETS`` — demo tickets, 100000 (default); organizations a tenth, contacts 3/10
* ``KSDESK_BENCH_TICKET_EVERY_S`` (60), ``KSDESK_BENCH_LOOKUP_EVERY_S`` (300),
  ``KSDESK_BENCH_ROUND_EVERY_S`` (60) — the load model's clocks, per operator
* ``KSDESK_BENCH_PROBES`` — probe operators per driver process that time tickets reaching them, 3
* ``KSDESK_BENCH_PROXY`` — ``auto`` (HAProxy when processes > 1, default) or ``always``
* ``KSDESK_BENCH_TLS`` — ``1``: HAProxy terminates TLS with a certificate made at run time (implies
  the proxy); the drivers verify it against the run's own CA. Default ``0``.
* ``KSDESK_BENCH_LOGIN`` — how the operators start: ``refresh`` (default: the session their client
  kept, ``POST /auth/refresh``, as every returning operator's morning) or ``password`` (argon2, about
  0.2 s of CPU each: a login storm of its own, see docs/scaling.md)
* ``KSDESK_BENCH_PYSPY`` — ``1``: ``py-spy dump`` of the first server process in mid-window, printed
  (``pip install py-spy``)
* ``KSDESK_TEST_DATABASE_URL`` — the PostgreSQL to create the database in (127.0.0.1:5432/test)

Targets: 500 operators, pull p99 < 200 ms with no errors (PRODUCT.md); a change on the others'
screens p99 < 500 ms (the issue's goal for 2000).
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing as mp
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil
from sqlalchemy import Engine, insert, text

from benchmarks.databases import postgres_database
from benchmarks.figures import Figure, at_most, percentile
from benchmarks.server_load import LOGIN, LOOKUP, PULL, PUSH, STREAM, LoadConfig, driver_process, split, survey
from sync.roles import Role, line_of
from sync.server.bootstrap import prepare_database
from sync.server.changes import COUNTER, number_bulk_rows
from sync.server.db import make_engine
from sync.server.demo import DemoSize, generate_demo
from sync.server.models import User
from sync.server.security import hash_password
from tests.fixtures.servers import ServerProcess, start_server

PASSWORD = "load-test-pass"
PULL_P99_LIMIT_MS, VISIBLE_P99_LIMIT_MS = 200.0, 500.0
SAMPLE_EVERY_S = 5.0
EXCEPTION_LINE = re.compile(r"^([\w.]+(?:Error|Exception|Timeout)):")  # the last line of a logged traceback


@dataclass(frozen=True)
class Options:
    operators: tuple[int, ...] = (100, 500)
    processes: tuple[int, ...] = (1, 2)
    seconds: float = 60.0
    ramp_s: float = 10.0
    drivers: int = 0  # 0: one per 250 operators
    tickets: int = 100_000
    ticket_every_s: float = 60.0
    lookup_every_s: float = 300.0
    round_every_s: float = 60.0
    probes: int = 3
    proxy: str = "auto"
    tls: bool = False
    pyspy: bool = False
    login: str = "refresh"  # how operators start: "refresh" (a returning operator's session) or "password"

    @classmethod
    def from_env(cls) -> Options:
        env = os.environ.get

        def numbers(name: str, default: tuple[int, ...]) -> tuple[int, ...]:
            raw = env(name, "")
            return tuple(int(x) for x in raw.replace(" ", "").split(",") if x) or default

        base = cls()
        return cls(
            operators=numbers("KSDESK_BENCH_OPERATORS", base.operators),
            processes=numbers("KSDESK_BENCH_PROCESSES", base.processes),
            seconds=float(env("KSDESK_BENCH_SECONDS", base.seconds)),
            ramp_s=float(env("KSDESK_BENCH_RAMP_S", base.ramp_s)),
            drivers=int(env("KSDESK_BENCH_DRIVERS", base.drivers)),
            tickets=int(env("KSDESK_BENCH_TICKETS", base.tickets)),
            ticket_every_s=float(env("KSDESK_BENCH_TICKET_EVERY_S", base.ticket_every_s)),
            lookup_every_s=float(env("KSDESK_BENCH_LOOKUP_EVERY_S", base.lookup_every_s)),
            round_every_s=float(env("KSDESK_BENCH_ROUND_EVERY_S", base.round_every_s)),
            probes=int(env("KSDESK_BENCH_PROBES", base.probes)),
            proxy=env("KSDESK_BENCH_PROXY", base.proxy),
            tls=env("KSDESK_BENCH_TLS", "0") == "1",
            pyspy=env("KSDESK_BENCH_PYSPY", "0") == "1",
            login=env("KSDESK_BENCH_LOGIN", base.login),
        )

    def drivers_for(self, operators: int) -> int:
        return self.drivers or min(4, max(1, math.ceil(operators / 250)))


# --- the database ---------------------------------------------------------------------------------


def load_database(url: str, options: Options) -> None:
    """Demo data at the chosen size, then the operators (one argon2 hash shared by all: hashing 2000
    passwords would cost minutes of CPU and is not what is measured)."""
    engine = make_engine(url)
    try:
        prepare_database(engine)
        size = DemoSize(tickets=options.tickets, organizations=max(300, options.tickets // 10),
                        contacts=max(900, options.tickets * 3 // 10))
        started = time.perf_counter()
        report = generate_demo(engine, size, password=PASSWORD)
        print(f"demo data: {report} ({time.perf_counter() - started:.0f} s)", flush=True)
        create_operators(engine, max(options.operators))
    finally:
        engine.dispose()


def operator_logins(count: int) -> list[str]:
    return [f"op{i:04d}" for i in range(1, count + 1)]


def create_operators(engine: Engine, count: int) -> None:
    shared = hash_password(PASSWORD)
    now = datetime.now(UTC)
    rows = [{"id": uuid.uuid4(), "version": 1, "created_at": now, "updated_at": now, "deleted_at": None,
             "login": login, "full_name": f"Оператор {login}", "email": f"{login}@load.example.com",
             "role": Role.OPERATOR.value, "line": line_of(Role.OPERATOR).value, "password_hash": shared,
             "is_active": True}
            for login in operator_logins(count)]
    with engine.begin() as conn:
        conn.execute(insert(User), rows)
        number_bulk_rows(conn)
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    print(f"operators: {count} logins op0001… created", flush=True)


def refresh_tokens(engine: Engine, logins: list[str]) -> tuple[str, ...]:
    """A fresh session (refresh token) for each login, as an earlier password login left in the
    client's keyring; issued by the server's own function, before the run (no argon2 in the ramp)."""
    from sqlalchemy import select

    from sync.server.db import make_session_factory, session_scope
    from sync.server.users import issue_refresh_token

    with session_scope(make_session_factory(engine)) as session:
        users = {u.login: u for u in session.scalars(select(User).where(User.login.in_(logins)))}
        return tuple(issue_refresh_token(session, users[login], 30) for login in logins)


def change_head(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT value FROM counters WHERE name = :n"), {"n": COUNTER}).scalar_one())


# --- the servers and the load balancer ------------------------------------------------------------


@dataclass
class Front:
    url: str
    servers: list[ServerProcess]
    proxy: subprocess.Popen[bytes] | None = None
    ca_file: str | None = None

    def pids(self) -> list[int]:
        return [s.proc.pid for s in self.servers]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _haproxy() -> str:
    found = shutil.which("haproxy")
    if found:
        return found
    print("HAProxy is missing: apt-get install -y haproxy", flush=True)
    subprocess.run(["apt-get", "install", "-y", "-q", "haproxy"], check=True, stdout=subprocess.DEVNULL)
    found = shutil.which("haproxy")
    if not found:
        raise RuntimeError("haproxy did not install")
    return found


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A CA and a certificate for 127.0.0.1 signed by it: (HAProxy's cert+key PEM, the CA's PEM)."""
    import ipaddress
    from datetime import timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.now(UTC)

    def name(common: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(name("KS Desk benchmark CA")).issuer_name(name("KS Desk benchmark CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(name("127.0.0.1")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                                                        x509.DNSName("localhost")]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = folder / "server.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    ca_file = folder / "ca.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return pem, ca_file


def start_proxy(folder: Path, backends: list[str], tls: bool) -> tuple[subprocess.Popen[bytes], str, str | None]:
    """HAProxy in front of the server processes: round robin per request, no stickiness (a stream
    may land on any process: hints cross processes through PostgreSQL's NOTIFY)."""
    port = _free_port()
    bind = f"127.0.0.1:{port}"
    ca_file: str | None = None
    if tls:
        pem, ca = make_certificate(folder)
        bind += f" ssl crt {pem}"
        ca_file = str(ca)
    servers = "\n".join(f"    server s{i} {b.removeprefix('http://')}" for i, b in enumerate(backends))
    config = folder / "haproxy.cfg"
    config.write_text(f"""global
    maxconn 9000
defaults
    mode http
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    timeout http-request 10s
    timeout http-keep-alive 10s
frontend ksdesk
    bind {bind}
    option forwardfor
    default_backend servers
backend servers
    balance roundrobin
{servers}
""")
    proc = subprocess.Popen([_haproxy(), "-db", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            break
        if proc.poll() is not None:
            raise RuntimeError(f"haproxy did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
        time.sleep(0.1)
    return proc, f"{'https' if tls else 'http'}://127.0.0.1:{port}", ca_file


@contextlib.contextmanager
def front(url: str, folder: Path, processes: int, options: Options) -> Iterator[Front]:
    env = {"KSDESK_SECRET_KEY": "bench-" + uuid.uuid4().hex, "KSDESK_REGISTRY_URL": "demo",
           "KSDESK_MAX_CONNECTIONS": str(max(1000, 3 * max(options.operators))),
           "KSDESK_ACCESS_TOKEN_MINUTES": "240"}  # the driver does not refresh tokens
    servers: list[ServerProcess] = []
    proxy: subprocess.Popen[bytes] | None = None
    try:
        for _ in range(processes):
            servers.append(start_server(url, folder, env=env))
        via_proxy = processes > 1 or options.proxy == "always" or options.tls
        if via_proxy:
            proxy, base, ca_file = start_proxy(folder, [s.url for s in servers], options.tls)
        else:
            base, ca_file = servers[0].url, None
        yield Front(base, servers, proxy, ca_file)
    finally:
        if proxy is not None:
            proxy.terminate()
            proxy.wait(10)
        for server in servers:
            server.stop()


# --- measuring ------------------------------------------------------------------------------------


def _cpu(pids: Iterable[int]) -> dict[int, float]:
    seconds: dict[int, float] = {}
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            times = psutil.Process(pid).cpu_times()
            seconds[pid] = times.user + times.system
    return seconds


def _spent(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(value - before.get(pid, 0.0) for pid, value in after.items())


def _backends(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return [int(r[0]) for r in conn.execute(text(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"))]


def _all_postgres() -> list[int]:
    return [p.pid for p in psutil.process_iter(["name"]) if (p.info["name"] or "").startswith("postgres")]


def _sessions(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        row = conn.execute(text(
            "SELECT count(*), count(*) FILTER (WHERE wait_event_type = 'Lock'), "
            "count(*) FILTER (WHERE state = 'idle in transaction'), count(*) FILTER (WHERE state = 'active') "
            "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).one()
    return {"sessions": row[0], "lock waits": row[1], "idle in transaction": row[2], "active": row[3]}


@dataclass
class Measured:
    operators: int
    processes: int
    drivers: int
    connected_at_start: int
    window_s: float
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, Counter[str]] = field(default_factory=dict)
    requests: Counter[str] = field(default_factory=Counter)
    visible_ms: list[float] = field(default_factory=list)
    tickets_applied: int = 0
    tickets_refused: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    server_cpu_s: float = 0.0
    proxy_cpu_s: float = 0.0
    database_cpu_s: float = 0.0
    all_postgres_cpu_s: float = 0.0
    driver_cpu_s: list[float] = field(default_factory=list)
    sessions: list[dict[str, int]] = field(default_factory=list)
    ramp_s: float = 0.0
    login: str = "refresh"
    server_errors: Counter[str] = field(default_factory=Counter)  # exceptions in the servers' logs


def measure(options: Options, fr: Front, engine: Engine, found_templates: Any, inns: Any,
            operators: int, processes: int) -> Measured:
    drivers = options.drivers_for(operators)
    logins = operator_logins(operators)
    start_cursor = change_head(engine)
    ctx = mp.get_context("spawn")
    window_start, window_end = ctx.Value("d", 0.0, lock=False), ctx.Value("d", 0.0, lock=False)
    stop, messages = ctx.Event(), ctx.Queue()
    base = LoadConfig(base_url=fr.url, logins=(), password=PASSWORD, start_cursor=start_cursor,
                      templates=found_templates, inns=inns, ramp_s=options.ramp_s,
                      ticket_every_s=options.ticket_every_s, lookup_every_s=options.lookup_every_s,
                      round_every_s=options.round_every_s, probes=options.probes, ca_file=fr.ca_file)
    parts = split(logins, drivers)
    tokens = dict(zip(logins, refresh_tokens(engine, logins), strict=True)) if options.login == "refresh" else {}
    procs = [ctx.Process(target=driver_process, name=f"bench-driver-{i}", daemon=True,
                         args=(replace(base, logins=part, seed=i, first_address=sum(map(len, parts[:i])),
                                       refresh_tokens=tuple(tokens[x] for x in part) if tokens else ()),
                               window_start, window_end, stop, messages))
             for i, part in enumerate(parts)]
    ramp_started = time.monotonic()
    for proc in procs:
        proc.start()
    print(f"N={operators} P={processes}: {drivers} driver process(es), logging in…", flush=True)
    try:
        return _measured(options, fr, engine, procs, messages, window_start, window_end, stop, operators,
                         processes, ramp_started)
    finally:
        stop.set()
        for proc in procs:
            proc.join(15)
            if proc.is_alive():
                proc.kill()


def _measured(options: Options, fr: Front, engine: Engine, procs: list[Any], messages: Any, window_start: Any,
              window_end: Any, stop: Any, operators: int, processes: int, ramp_started: float) -> Measured:
    drivers = len(procs)
    connected: dict[int, int] = {}
    ready: set[int] = set()
    deadline = time.monotonic() + options.ramp_s + 60 + min(operators * 0.2, 120)
    while len(ready) < drivers and time.monotonic() < deadline:
        with contextlib.suppress(queue.Empty):
            kind, value, sender = messages.get(timeout=1)
            connected[sender] = int(value)
            if kind == "ready":
                ready.add(sender)
    connected_at_start = sum(connected.values())
    ramp_s = time.monotonic() - ramp_started
    if len(ready) < drivers:
        print(f"  not every operator connected within {ramp_s:.0f} s: measuring anyway", flush=True)
    start = time.time() + 2.0
    window_start.value, window_end.value = start, start + options.seconds
    time.sleep(max(0.0, start - time.time()))
    server_pids = fr.pids()
    logged = [len(server.output) for server in fr.servers]
    before = (_cpu(server_pids), _cpu([fr.proxy.pid] if fr.proxy else []), _cpu(_backends(engine)),
              _cpu(_all_postgres()))
    sessions: list[dict[str, int]] = []
    profiled = False
    while time.time() < start + options.seconds:
        time.sleep(min(SAMPLE_EVERY_S, max(0.0, start + options.seconds - time.time())))
        sessions.append(_sessions(engine))
        if options.pyspy and not profiled and time.time() >= start + options.seconds / 2:
            profiled = True
            _pyspy(server_pids[0])
    after = (_cpu(server_pids), _cpu([fr.proxy.pid] if fr.proxy else []), _cpu(before[2].keys() | _backends(engine)),
             _cpu(before[3].keys() | _all_postgres()))
    time.sleep(11)  # requests started in the window may take the client's whole timeout to end
    stop.set()
    tallies: list[dict[str, Any]] = []
    deadline = time.monotonic() + 60
    while len(tallies) < drivers and time.monotonic() < deadline:
        with contextlib.suppress(queue.Empty):
            kind, value, _sender = messages.get(timeout=1)
            if kind == "tally":
                tallies.append(value)
    result = Measured(operators, processes, drivers, connected_at_start, options.seconds, ramp_s=ramp_s,
                      sessions=sessions,
                      server_cpu_s=_spent(before[0], after[0]), proxy_cpu_s=_spent(before[1], after[1]),
                      database_cpu_s=_spent(before[2], after[2]), all_postgres_cpu_s=_spent(before[3], after[3]))
    pushed: dict[str, tuple[float, str]] = {}
    seen: list[tuple[str, str, float]] = []
    for tally in tallies:
        for kind, values in tally["latencies"].items():
            result.latencies.setdefault(kind, []).extend(values)
        for kind, counts in tally["errors"].items():
            result.errors.setdefault(kind, Counter()).update(counts)
        result.requests.update(tally["requests"])
        result.tickets_refused.update(tally["tickets_refused"])
        result.failures += tally["failures"]
        result.driver_cpu_s.append(tally["cpu_s"])
        pushed.update(tally["pushed"])
        seen += tally["seen"]
    in_window = {t: v for t, v in pushed.items() if start <= v[0] < start + options.seconds}
    for server, seen_lines in zip(fr.servers, logged, strict=True):
        result.server_errors.update(m.group(1) for line in server.output[seen_lines:]
                                    if (m := EXCEPTION_LINE.match(line)))
    result.tickets_applied = len(in_window)
    result.login = options.login
    result.visible_ms = [max(0.0, (at - in_window[t][0]) * 1000) for t, probe, at in seen
                         if t in in_window and in_window[t][1] != probe]
    return result


def _pyspy(pid: int) -> None:
    beside = Path(sys.executable).parent / "py-spy"
    spy = shutil.which("py-spy") or (str(beside) if beside.exists() else None)
    if spy is None:
        print("  py-spy is missing (pip install py-spy): no profile", flush=True)
        return
    done = subprocess.run([spy, "dump", "--pid", str(pid)], capture_output=True, text=True, timeout=60, check=False)
    print(f"  py-spy dump of server process {pid} in mid-window:\n{done.stdout}{done.stderr}", flush=True)


# --- figures --------------------------------------------------------------------------------------


def figures_of(m: Measured) -> list[Figure]:
    label = f"server N={m.operators} P={m.processes}"
    out: list[Figure] = []
    for kind in (PULL, PUSH, LOOKUP, LOGIN, STREAM):
        values = m.latencies.get(kind, [])
        if not values:
            out.append(Figure(f"{label}: {kind}: no answer", 0, "requests", ok=kind != PULL))
            continue
        for p in (50, 95, 99):
            value = percentile(values, p)
            shown = f"login by {m.login}" if kind == LOGIN else kind
            name = f"{label}: {shown} p{p} ({len(values)} answered)"
            out.append(at_most(name, value, "ms", PULL_P99_LIMIT_MS) if (kind, p) == (PULL, 99)
                       else Figure(name, round(value, 1), "ms"))
    for title, kinds in (("errors in the window", (PULL, PUSH, LOOKUP)),
                         ("errors of logins and stream connects (ramp-up included)", (LOGIN, STREAM))):
        errors = sum(sum(m.errors.get(k, Counter()).values()) for k in kinds)
        detail = "; ".join(f"{kind}: " + ", ".join(f"{n} {what}" for what, n in sorted(m.errors[kind].items()))
                           for kind in kinds if m.errors.get(kind)) or "none"
        out.append(Figure(f"{label}: {title} ({detail})", errors, "requests", "0", errors == 0))
    answered = sum(m.requests.values())
    out.append(Figure(f"{label}: requests per second ({dict(m.requests)})", round(answered / m.window_s, 1), "req/s"))
    if m.visible_ms:
        out.append(Figure(f"{label}: change on others' screens p50 ({len(m.visible_ms)} ticket×probe)",
                          round(percentile(m.visible_ms, 50), 1), "ms"))
        out.append(at_most(f"{label}: change on others' screens p99", percentile(m.visible_ms, 99), "ms",
                           VISIBLE_P99_LIMIT_MS))
    else:
        out.append(Figure(f"{label}: change on others' screens: never seen", 0, "ms", ok=False))
    refused = f", refused {dict(m.tickets_refused)}" if m.tickets_refused else ""
    out.append(Figure(f"{label}: tickets registered in the window{refused}", m.tickets_applied, "tickets",
                      ok=not m.tickets_refused))
    out.append(Figure(f"{label}: operators connected when the window began (ramp-up {m.ramp_s:.0f} s)",
                      m.connected_at_start, "operators", str(m.operators), m.connected_at_start >= m.operators))
    out.append(Figure(f"{label}: server CPU ({m.processes} process(es))", round(m.server_cpu_s / m.window_s, 2),
                      "cores"))
    if m.proxy_cpu_s:
        out.append(Figure(f"{label}: HAProxy CPU", round(m.proxy_cpu_s / m.window_s, 2), "cores"))
    out.append(Figure(f"{label}: PostgreSQL CPU (this database's sessions)", round(m.database_cpu_s / m.window_s, 2),
                      "cores"))
    out.append(Figure(f"{label}: PostgreSQL CPU (all its processes, other users' too)",
                      round(m.all_postgres_cpu_s / m.window_s, 2), "cores"))
    busiest = max(m.driver_cpu_s or [0.0]) / m.window_s
    out.append(Figure(f"{label}: driver CPU ({m.drivers} process(es), the busiest {busiest:.0%} of a core)",
                      round(sum(m.driver_cpu_s) / m.window_s, 2), "cores", "busiest < 90%", busiest < 0.9))
    if m.sessions:
        for key in ("sessions", "active", "lock waits", "idle in transaction"):
            values = [s[key] for s in m.sessions]
            out.append(Figure(f"{label}: PostgreSQL {key} (max; mean {sum(values) / len(values):.1f})",
                              max(values), "sessions"))
    top = ", ".join(f"{n}× {name}" for name, n in m.server_errors.most_common(3)) or "none"
    out.append(Figure(f"{label}: exceptions in the servers' logs ({top})", m.server_errors.total(), "exceptions",
                      "0", not m.server_errors))
    out.append(Figure(f"{label}: driver failures {m.failures[:3]}", len(m.failures), "bugs", "0", not m.failures))
    return out


def summary_row(m: Measured) -> str:
    pull = m.latencies.get(PULL, [])
    errors = sum(sum(m.errors.get(k, Counter()).values()) for k in (PULL, PUSH, LOOKUP))
    logins = sum(m.errors.get(LOGIN, Counter()).values())

    def ms(values: list[float], p: float) -> str:
        return f"{percentile(values, p):.0f}" if values else "—"

    return (f"| {m.operators} | {m.processes} | {ms(pull, 50)} / {ms(pull, 95)} / {ms(pull, 99)} "
            f"| {ms(m.latencies.get(PUSH, []), 99)} | {ms(m.latencies.get(LOOKUP, []), 99)} "
            f"| {ms(m.latencies.get(LOGIN, []), 99)} | {errors} + {logins} "
            f"| {ms(m.visible_ms, 50)} / {ms(m.visible_ms, 99)} "
            f"| {sum(m.requests.values()) / m.window_s:.0f} | {m.server_cpu_s / m.window_s:.2f} "
            f"| {m.database_cpu_s / m.window_s:.2f} | {sum(m.driver_cpu_s) / m.window_s:.2f} |")


SUMMARY_HEAD = ("| operators | processes | pull p50 / p95 / p99 ms | push p99 | lookup p99 | login p99 "
                "| errors (window + logins) | visible p50 / p99 ms | req/s | server cores | PG cores | driver cores |\n"
                "|---|---|---|---|---|---|---|---|---|---|---|---|")


def run() -> list[Figure]:
    options = Options.from_env()
    print(f"options: {options}", flush=True)
    figures: list[Figure] = []
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, postgres_database() as url:
        if url is None:
            return [Figure("server: PostgreSQL not available", 0, "", ok=False)]
        load_database(url, options)
        engine = make_engine(url, pool_size=1)
        found = None
        try:
            for processes in options.processes:
                folder = Path(tmp) / f"p{processes}"
                folder.mkdir()
                with front(url, folder, processes, options) as fr:
                    if found is None:
                        started = time.perf_counter()
                        found = survey(fr.url, "supervisor", PASSWORD, ca_file=fr.ca_file)
                        print(f"survey: a full pull of {found.records} records in "
                              f"{time.perf_counter() - started:.1f} s", flush=True)
                    for operators in options.operators:
                        m = measure(options, fr, engine, found.templates, found.inns, operators, processes)
                        rows.append(summary_row(m))
                        new = figures_of(m)
                        for fig in new:
                            print(f"  {fig.name}: {fig.value:g} {fig.unit}", flush=True)
                        figures += new
        finally:
            engine.dispose()
    print(SUMMARY_HEAD)
    print("\n".join(rows), flush=True)
    return figures
