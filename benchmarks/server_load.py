"""The load driver of the ``server`` benchmark: simulated operators that behave like the client.

Each operator does what the desktop client's sync runner (``ksdesk_desktop/sync_runner.py``,
``core/live.py``, ``core/sync_engine.py``) does, over HTTP/1.1 with one connection for the live
stream and one for its requests, like the real client:

* restores its session with the refresh token its client keeps (``POST /auth/refresh``), or logs in
  with its password (``POST /auth/login``); a 429 is retried after its ``Retry-After``, a timeout
  after the client's backoff;
* holds ``GET /sync/stream`` open; on connect and on every ``changed`` event it asks for a sync round;
  a dropped stream is reopened after the client's backoff (1 s doubling to 30 s, jittered);
* runs one sync round at a time: push the outbox (``POST /sync/push``), then pull
  ``/sync/changes?after=CURSOR&limit=5000`` until ``has_more`` is false. A round asked for while one
  runs is one more round after it; a failed round is tried again after the runner's backoff (1 s
  doubling to 60 s), or at once on the next hint, as the runner does;
* asks for a round every ``round_every_s`` (60 s) anyway;
* registers one ticket every ``ticket_every_s`` (60 s, at a random phase): a ticket built like the
  form builds it (``core.tickets.TicketDraft`` checked by the shared rules, the provisional number
  of ``sync.numbering``) is put in the outbox and a round is asked for;
* looks an INN up in the state registry (``GET /registry/parties``) every ``lookup_every_s``.

The operator starts with the cursor at the head: its cache was filled by an earlier first sync.
Requests *started* inside the measured window (wall clock, shared by all driver processes) are
counted; logins are counted whenever they happen (they belong to the ramp-up). Probe operators note
when each ticket first reaches them, so the change → other screens latency is the time from the
author's push answer to the probe's pull answer that carried the ticket.

Qt-free; one process runs many operators on one asyncio loop (:func:`drive`), several processes
may share the load (:func:`driver_process`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import ssl
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from ksdesk_desktop.core.backoff import Backoff
from ksdesk_desktop.core.tickets import OrganizationChoice, TicketDraft, check_ticket
from sync.ids import new_id
from sync.numbering import provisional_number
from sync.protocol import MAX_PULL_PAGE, Mutation, PushRequest
from sync.records import Kind
from sync.reference import Channel, Priority, TicketType

API = "/api/v1"
PULL, PUSH, LOOKUP, LOGIN, STREAM = "pull", "push", "lookup", "login", "stream"
REQUEST_TYPES = (PULL, PUSH, LOOKUP, LOGIN, STREAM)


@dataclass(frozen=True)
class TicketTemplate:
    """Where a simulated ticket points: an organization, one of its contacts, a complex and one of
    its components (consultation: allowed with or without a contract, T8)."""

    organization_id: str
    contact_id: str
    complex_id: str
    component_id: str


@dataclass(frozen=True)
class LoadConfig:
    base_url: str  # scheme://host:port, without /api/v1
    logins: tuple[str, ...]
    password: str
    start_cursor: int
    templates: tuple[TicketTemplate, ...]
    inns: tuple[str, ...]
    ramp_s: float = 10.0
    ticket_every_s: float = 60.0
    lookup_every_s: float = 300.0
    round_every_s: float = 60.0
    timeout_s: float = 10.0  # the client's ApiClient default
    stream_read_timeout_s: float = 45.0  # the client's: three missed heartbeats
    probes: int = 3  # the first operators of this process note when tickets reach them
    ca_file: str | None = None  # https: the certificate authority to trust
    refresh_tokens: tuple[str, ...] = ()  # per login: the session the client restores (else the password)
    own_addresses: bool = True  # each operator connects from an address of 127.0.0.0/8 of its own
    first_address: int = 0  # this process's first operator's address number
    seed: int = 0


@dataclass
class Window:
    """The measured window in wall-clock seconds (``time.time()``); requests started in it count."""

    start: Callable[[], float] = lambda: 0.0  # infinity while not yet known
    end: Callable[[], float] = lambda: float("inf")

    def holds(self, t: float) -> bool:
        return self.start() <= t < self.end()


@dataclass
class Tally:
    """What one driver process saw (plain data: it crosses processes)."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))  # ms
    errors: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    requests: Counter[str] = field(default_factory=Counter)  # in the window
    pushed: dict[str, tuple[float, str]] = field(default_factory=dict)  # ticket id → (answer time, author)
    seen: list[tuple[str, str, float]] = field(default_factory=list)  # (ticket id, probe login, time)
    tickets_applied: int = 0
    tickets_refused: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)  # the driver's own bugs
    hints: int = 0
    pulled_records: int = 0
    connected: int = 0  # operators whose stream is open (now)
    logged_in: int = 0
    rounds: int = 0
    cpu_s: float = 0.0  # this process's CPU during the window
    window_s: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "latencies": dict(self.latencies), "errors": {k: dict(v) for k, v in self.errors.items()},
            "requests": dict(self.requests), "pushed": self.pushed, "seen": self.seen,
            "tickets_applied": self.tickets_applied, "tickets_refused": dict(self.tickets_refused),
            "failures": self.failures, "hints": self.hints, "pulled_records": self.pulled_records,
            "connected": self.connected,
            "logged_in": self.logged_in, "rounds": self.rounds, "cpu_s": self.cpu_s, "window_s": self.window_s,
        }


def ticket_mutation(template: TicketTemplate, rng: random.Random, author: str) -> Mutation:
    """A new ticket as the form queues it (``core.tickets.save_ticket`` with a known organization and
    applicant): the shared rules check it first."""
    draft = TicketDraft(
        organization=OrganizationChoice(template.organization_id, "—"), contact_id=template.contact_id,
        applicant_name="Нагрузочный Тест", email="load@example.com", phone="+7 495 123-45-67",
        complex_id=template.complex_id, component_id=template.component_id,
        ticket_type=TicketType.CONSULTATION.value, channel=rng.choice(list(Channel)).value,
        priority=rng.choice(list(Priority)).value, subject=f"Нагрузка {author}: вопрос {rng.randrange(10**6)}",
        text="Не формируется отчёт после обновления; просьба проконсультировать.",
    )
    check_ticket(draft)
    ticket_id = new_id()
    values = {**draft.ticket_values(), "organization_id": template.organization_id,
              "contact_id": template.contact_id, "provisional_number": provisional_number(ticket_id)}
    return Mutation(id=new_id(), kind=Kind.TICKET.value, record_id=ticket_id, data=values)


class Driver:
    def __init__(self, config: LoadConfig, window: Window) -> None:
        self.config, self.window = config, window
        self.tally = Tally()
        self.stopping = False
        self.verify: ssl.SSLContext = ssl.create_default_context(cafile=config.ca_file)  # one, shared

    def client(self, address: str | None) -> httpx.AsyncClient:
        """One HTTP/1.1 connection, from ``address`` (a workstation of its own: the server counts
        login attempts per client address, and 30 logins at once from one address lock it out)."""
        transport = httpx.AsyncHTTPTransport(
            verify=self.verify, http1=True, http2=False, local_address=address,
            limits=httpx.Limits(max_connections=1, max_keepalive_connections=1))
        return httpx.AsyncClient(base_url=self.config.base_url + API, transport=transport,
                                 timeout=httpx.Timeout(self.config.timeout_s))

    def note(self, kind: str, started: float, ms: float | None, error: str | None = None) -> None:
        if kind not in (LOGIN, STREAM) and not self.window.holds(started):  # the ramp-up's are counted too
            return
        self.tally.requests[kind] += 1
        if error is not None:
            self.tally.errors[kind][error] += 1
        elif ms is not None:
            self.tally.latencies[kind].append(ms)


def loopback_address(number: int) -> str:
    """127.0.1.1, 127.0.1.2, …: a distinct loopback address for each operator (Linux answers all of 127/8)."""
    return f"127.{1 + number // 62500}.{1 + number // 250 % 250}.{1 + number % 250}"


def _error_kind(exc: BaseException) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "timeout"
    return "connection"


class Operator:
    def __init__(self, driver: Driver, login: str, probe: bool, rng: random.Random, address: str | None,
                 refresh_token: str | None = None) -> None:
        self.d, self.login, self.probe, self.rng = driver, login, probe, rng
        self.cursor = driver.config.start_cursor
        self.outbox: list[Mutation] = []
        self.wanted = asyncio.Event()
        self.headers: dict[str, str] = {}
        self.http = driver.client(address)
        self.live = driver.client(address)
        self.round_backoff = Backoff(first=1.0, cap=60.0, rng=rng)
        self.stream_backoff = Backoff(first=1.0, cap=30.0, rng=rng)
        self.connected = False
        self.last_status = 0
        self.refresh_token: str | None = refresh_token

    async def close(self) -> None:
        await self.http.aclose()
        await self.live.aclose()

    async def request(self, kind: str, method: str, path: str, *, headers: dict[str, str] | None = None,
                      **kwargs: Any) -> httpx.Response | None:
        started, t0 = time.time(), time.perf_counter()
        try:
            response = await self.http.request(method, path, headers={**self.headers, **(headers or {})}, **kwargs)
        except httpx.HTTPError as exc:
            self.d.note(kind, started, None, _error_kind(exc))
            return None
        ms = (time.perf_counter() - t0) * 1000
        self.last_status = response.status_code
        if response.status_code >= 400:
            self.d.note(kind, started, ms, f"HTTP {response.status_code}")
            return response if response.status_code == 429 else None
        self.d.note(kind, started, ms)
        return response

    async def run(self, delay: float) -> None:
        await asyncio.sleep(delay)
        if not await self.sign_in():
            return
        self.d.tally.logged_in += 1
        tasks = [asyncio.create_task(c) for c in (self.rounds(), self.stream(), self.tickets(), self.lookups(),
                                                  self.timer())]
        try:
            await asyncio.gather(*tasks)
        except Exception as exc:  # a bug of the driver: said, never read as "the server was slow"
            self.d.tally.failures.append(f"{self.login}: {exc!r}")
            raise
        finally:
            for task in tasks:
                task.cancel()

    async def sign_in(self) -> bool:
        """The session restored by the refresh token the client keeps (a returning operator), or, without
        one (or when it is refused), a login with the password."""
        backoff = Backoff(first=1.0, cap=30.0, rng=self.rng)
        while not self.d.stopping:
            if self.refresh_token:
                response = await self.request(LOGIN, "POST", "/auth/refresh",
                                              json={"refresh_token": self.refresh_token})
                if response is not None and response.status_code == 200:
                    self.refresh_token = response.json()["refresh_token"]
            else:
                response = await self.request(LOGIN, "POST", "/auth/login",
                                              json={"login": self.login, "password": self.d.config.password})
            if response is not None and response.status_code == 200:
                self.headers = {"Authorization": f"Bearer {response.json()['access_token']}"}
                return True
            if self.refresh_token and self.last_status == 401:
                self.refresh_token = None  # refused: the operator types the password
            retry = response.headers.get("Retry-After") if response is not None else None
            await asyncio.sleep(float(retry) if retry and retry.isdigit() else backoff.next_delay())
        return False

    # --- the sync runner -------------------------------------------------------------------------

    async def rounds(self) -> None:
        while not self.d.stopping:
            await self.wanted.wait()
            self.wanted.clear()
            if await self.sync_round():
                self.round_backoff.reset()
                continue
            # the runner: the next round after a backoff, or at once when a hint asks for one
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wanted.wait(), self.round_backoff.next_delay())
            self.wanted.set()

    async def sync_round(self) -> bool:
        self.d.tally.rounds += 1
        pushed = await self.push() if self.outbox else True
        return await self.pull() and pushed  # the engine pulls even when the push failed

    async def push(self) -> bool:
        batch = self.outbox[:200]
        body = PushRequest(mutations=batch).model_dump_json().encode()
        response = await self.request(PUSH, "POST", "/sync/push", content=body,
                                      headers={"Content-Type": "application/json"})
        if response is None or response.status_code != 200:
            return False
        answered = time.time()
        for result in response.json()["results"]:
            if result["status"] in ("applied", "merged"):
                self.d.tally.tickets_applied += 1
                self.d.tally.pushed[result["record"]["id"]] = (answered, self.login)
            else:
                self.d.tally.tickets_refused[(result.get("error") or {}).get("code", result["status"])] += 1
        del self.outbox[:len(batch)]
        return True

    async def pull(self) -> bool:
        while not self.d.stopping:
            response = await self.request(PULL, "GET", "/sync/changes",
                                          params={"after": self.cursor, "limit": MAX_PULL_PAGE})
            if response is None or response.status_code != 200:
                return False
            page = json.loads(response.content)
            self.cursor = page["cursor"]
            changes = page["changes"]
            self.d.tally.pulled_records += len(changes)
            if self.probe:
                now = time.time()
                self.d.tally.seen.extend((c["id"], self.login, now) for c in changes if c["kind"] == Kind.TICKET)
            if not page["has_more"]:
                return True
        return False

    async def timer(self) -> None:
        while not self.d.stopping:
            await asyncio.sleep(self.d.config.round_every_s)
            self.wanted.set()

    # --- the live stream -------------------------------------------------------------------------

    async def stream(self) -> None:
        timeout = httpx.Timeout(self.d.config.timeout_s, read=self.d.config.stream_read_timeout_s)
        while not self.d.stopping:
            started, t0 = time.time(), time.perf_counter()
            try:
                async with self.live.stream("GET", "/sync/stream", headers=self.headers, timeout=timeout) as resp:
                    ms = (time.perf_counter() - t0) * 1000
                    if resp.status_code != 200:
                        self.d.note(STREAM, started, ms, f"HTTP {resp.status_code}")
                    else:
                        self.d.note(STREAM, started, ms)
                        await self.listen(resp)
            except httpx.HTTPError as exc:
                if not self.d.stopping:
                    self.d.note(STREAM, started, None, _error_kind(exc))
            finally:
                if self.connected:
                    self.connected = False
                    self.d.tally.connected -= 1
            if not self.d.stopping:
                await asyncio.sleep(self.stream_backoff.next_delay())

    async def listen(self, response: httpx.Response) -> None:
        self.stream_backoff.reset()
        self.connected = True
        self.d.tally.connected += 1
        self.wanted.set()  # changes made while we were away
        event = ""
        async for line in response.aiter_lines():
            if line.startswith("event:"):
                event = line[6:].strip()
            elif not line and event:
                if event == "changed":
                    self.d.tally.hints += 1
                    self.wanted.set()
                elif event == "closed":
                    return
                event = ""

    # --- the operator's own work ----------------------------------------------------------------

    async def tickets(self) -> None:
        every = self.d.config.ticket_every_s
        await asyncio.sleep(self.rng.uniform(0, every))
        while not self.d.stopping:
            if self.d.config.templates:
                self.outbox.append(ticket_mutation(self.rng.choice(self.d.config.templates), self.rng, self.login))
                self.wanted.set()  # a local change asks for a round
            await asyncio.sleep(every)

    async def lookups(self) -> None:
        every = self.d.config.lookup_every_s
        await asyncio.sleep(self.rng.uniform(0, every))
        while not self.d.stopping:
            if self.d.config.inns:
                inn = self.rng.choice(self.d.config.inns)
                await self.request(LOOKUP, "GET", "/registry/parties", params={"inn": inn})
            await asyncio.sleep(every)


async def drive(config: LoadConfig, window: Window, stop: Callable[[Tally], bool],
                on_ready: Callable[[Tally, bool], None] | None = None, poll_s: float = 0.2) -> Tally:
    """Run the operators until ``stop(tally)``; ``on_ready(tally, all_connected)`` is called every
    second until every operator has logged in and opened its stream, then once with True."""
    driver = Driver(config, window)
    rng = random.Random(config.seed)
    operators = [Operator(driver, login, i < config.probes, random.Random(rng.random()),
                          loopback_address(config.first_address + i) if config.own_addresses else None,
                          config.refresh_tokens[i] if i < len(config.refresh_tokens) else None)
                 for i, login in enumerate(config.logins)]
    spread = config.ramp_s / max(1, len(operators))
    tasks = [asyncio.create_task(op.run(i * spread)) for i, op in enumerate(operators)]
    ready, told = False, 0.0
    cpu_at: float | None = None
    try:
        while not stop(driver.tally):
            await asyncio.sleep(poll_s)
            if not ready and on_ready is not None and time.monotonic() >= told + 1:
                told = time.monotonic()
                ready = driver.tally.connected >= len(operators)
                on_ready(driver.tally, ready)
            now, start, end = time.time(), window.start(), window.end()
            if cpu_at is None and start <= now:
                cpu_at = time.process_time()
            if cpu_at is not None and now >= end and not driver.tally.window_s:
                driver.tally.cpu_s = time.process_time() - cpu_at
                driver.tally.window_s = end - start
    finally:
        if cpu_at is not None and not driver.tally.window_s:
            driver.tally.cpu_s = time.process_time() - cpu_at
            driver.tally.window_s = time.time() - window.start()
        driver.stopping = True
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await asyncio.gather(*(op.close() for op in operators), return_exceptions=True)
    return driver.tally


def driver_process(config: LoadConfig, window_start: Any, window_end: Any, stop: Any, messages: Any) -> None:
    """A driver process (multiprocessing): ``window_start``/``window_end`` are shared doubles (0: not
    yet), ``stop`` an Event; ``messages`` gets ("ready", n) once, then ("tally", dict)."""
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    with contextlib.suppress(ImportError):
        import uvloop  # the driver's own loop should cost as little as it can

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    window = Window(lambda: window_start.value or float("inf"), lambda: window_end.value or float("inf"))
    tally = asyncio.run(drive(config, window, lambda _: bool(stop.is_set()),
                              lambda t, ready: messages.put(("ready" if ready else "connected", t.connected,
                                                             config.seed))))
    messages.put(("tally", tally.as_dict(), config.seed))


@dataclass(frozen=True)
class Survey:
    head: int  # the cursor after a full pull: where the simulated operators' caches start
    templates: tuple[TicketTemplate, ...]
    inns: tuple[str, ...]
    records: int


def survey(base_url: str, login: str, password: str, *, after: int = 0, ca_file: str | None = None,
           limit: int = 300, seed: int = 1) -> Survey:
    """One full pull (like a first sync) to learn what simulated tickets may point at and which INNs
    exist; ``after`` > 0 only moves the head forward (the templates then come out empty)."""
    organizations: dict[str, str] = {}
    contacts: list[tuple[str, str]] = []
    components: list[tuple[str, str]] = []
    records = 0
    with httpx.Client(base_url=base_url + API, verify=ssl.create_default_context(cafile=ca_file), timeout=120) as http:
        token = http.post("/auth/login", json={"login": login, "password": password}).raise_for_status().json()
        http.headers["Authorization"] = f"Bearer {token['access_token']}"
        cursor, more = after, True
        while more:
            page = http.get("/sync/changes", params={"after": cursor, "limit": MAX_PULL_PAGE}).raise_for_status().json()
            cursor, more = page["cursor"], page["has_more"]
            records += len(page["changes"])
            for change in page["changes"]:
                data, kind = change.get("data") or {}, change["kind"]
                if change.get("deleted"):
                    continue
                if kind == Kind.ORGANIZATION and data.get("inn"):
                    organizations[change["id"]] = data["inn"]
                elif kind == Kind.CONTACT and data.get("organization_id"):
                    contacts.append((change["id"], data["organization_id"]))
                elif kind == Kind.COMPONENT and data.get("complex_id"):
                    components.append((change["id"], data["complex_id"]))
    rng = random.Random(seed)
    usable = [c for c in contacts if c[1] in organizations]
    templates: list[TicketTemplate] = []
    if usable and components:
        for _ in range(limit):
            contact_id, organization_id = rng.choice(usable)
            component_id, complex_id = rng.choice(components)
            templates.append(TicketTemplate(organization_id, contact_id, complex_id, component_id))
    inns = sorted(set(organizations.values()))
    return Survey(cursor, tuple(templates), tuple(rng.sample(inns, min(limit, len(inns)))), records)


def split(logins: Sequence[str], parts: int) -> list[tuple[str, ...]]:
    return [tuple(logins[i::parts]) for i in range(parts)]
