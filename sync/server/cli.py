"""``ksdesk-server serve|migrate|demo|create-user`` — flags have the names of the settings
(``--database-url`` is ``KSDESK_DATABASE_URL``); flags win over the environment."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from sync.roles import Role
from sync.server.settings import Settings

PROGRESS_LINE = "KSDESK_PROGRESS {done}/{total} {stage}"


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", help="folder for the SQLite database, files and keys (KSDESK_DATA_DIR)")
    p.add_argument("--database-url", help="sqlite:///path or postgresql+psycopg://… (KSDESK_DATABASE_URL)")
    p.add_argument("--log-level", help="critical|error|warning|info|debug (KSDESK_LOG_LEVEL)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ksdesk-server", description="KS Desk central server")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the HTTP API (migrates the database first)")
    _add_common(serve)
    serve.add_argument("--host", help="address to listen on (KSDESK_HOST), default 127.0.0.1")
    serve.add_argument("--port", type=int, help="port (KSDESK_PORT), 0 picks a free one; default 8765")
    serve.add_argument("--demo", action="store_true",
                       help="fill an empty database with demo data first; the registry lookup then answers from "
                            "the demo registry unless KSDESK_REGISTRY_URL says otherwise")
    serve.add_argument("--registry-url", help='the EGRUL provider\'s base URL, or "demo" (KSDESK_REGISTRY_URL); '
                                              "its key comes from KSDESK_REGISTRY_TOKEN only")
    serve.add_argument("--smtp-host", help="SMTP server for the applicants' e-mail (KSDESK_SMTP_HOST); none: "
                                           "e-mail stays queued. Sender, login, password: KSDESK_SMTP_* only")
    serve.add_argument("--smtp-port", type=int, help="SMTP port (KSDESK_SMTP_PORT), default 25")
    serve.add_argument("--smtp-in-port", type=int, help="accept mail for the support mailbox over SMTP on this "
                                                        "port (KSDESK_SMTP_IN_PORT); the agent desk's e-mail channel")
    _add_demo_size(serve)
    serve.add_argument(
        "--exit-on-stdin-eof", action="store_true",
        help="stop when standard input closes (used by the desktop client for its embedded server)",
    )

    migrate = sub.add_parser("migrate", help="bring the database schema up to date")
    _add_common(migrate)

    demo = sub.add_parser("demo", help="fill an empty database with deterministic demo data")
    _add_common(demo)
    _add_demo_size(demo)
    demo.add_argument("--seed", type=int, default=20241709)

    user = sub.add_parser("create-user", help="create a user (the password is read from the terminal)")
    _add_common(user)
    user.add_argument("login")
    user.add_argument("--role", required=True, choices=[r.value for r in Role])
    user.add_argument("--full-name", default="")
    user.add_argument("--email", default=None)
    user.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    return parser


def _add_demo_size(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tickets", type=int, default=2000)
    p.add_argument("--organizations", type=int, default=300)
    p.add_argument("--contacts", type=int, default=900)


def _settings(args: argparse.Namespace) -> Settings:
    names = ("host", "port", "data_dir", "database_url", "log_level", "registry_url", "smtp_host", "smtp_port",
             "smtp_in_port")
    overrides: dict[str, Any] = {n: getattr(args, n) for n in names if getattr(args, n, None) is not None}
    return Settings(**overrides)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = _settings(args)
    except ValidationError as exc:
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"])
            print(f"ksdesk-server: invalid setting {field}: {err['msg']}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if settings.log_level != "debug":
        logging.getLogger("alembic").setLevel(logging.WARNING)
    settings.ensure_data_dir()
    command = {"serve": _serve, "migrate": _migrate, "demo": _demo, "create-user": _create_user}[args.command]
    return command(settings, args)


def _migrate(settings: Settings, _args: argparse.Namespace) -> int:
    from sync.server.bootstrap import prepare_database
    from sync.server.db import make_engine
    from sync.server.migrate import current_revision

    engine = make_engine(settings.effective_database_url)
    prepare_database(engine)
    print(f"database at revision {current_revision(engine)}")
    engine.dispose()
    return 0


def _print_progress(stage: str, done: int, total: int) -> None:
    print(PROGRESS_LINE.format(stage=stage, done=done, total=total), flush=True)


def _run_demo(settings: Settings, args: argparse.Namespace, *, only_if_empty: bool) -> int:
    from sync.server.bootstrap import prepare_database
    from sync.server.db import make_engine
    from sync.server.demo import DemoSize, database_is_empty, generate_demo
    from sync.server.errors import ServiceError

    engine = make_engine(settings.effective_database_url)
    try:
        prepare_database(engine)
        if only_if_empty and not database_is_empty(engine):
            return 0
        size = DemoSize(tickets=args.tickets, organizations=args.organizations, contacts=args.contacts)
        report = generate_demo(engine, size, seed=getattr(args, "seed", 20241709), progress=_print_progress)
    except ServiceError as exc:
        print(f"ksdesk-server: {exc.message}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(f"demo data: {report}", flush=True)
    return 0


def _demo(settings: Settings, args: argparse.Namespace) -> int:
    return _run_demo(settings, args, only_if_empty=False)


def _create_user(settings: Settings, args: argparse.Namespace) -> int:
    from sync.server.bootstrap import prepare_database
    from sync.server.db import make_engine, make_session_factory, session_scope
    from sync.server.errors import ServiceError
    from sync.server.users import create_user

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Пароль: ")
        if password != getpass.getpass("Повторите пароль: "):
            print("ksdesk-server: пароли не совпадают", file=sys.stderr)
            return 1
    engine = make_engine(settings.effective_database_url)
    try:
        prepare_database(engine)
        with session_scope(make_session_factory(engine)) as session:
            user = create_user(session, args.login, password, Role(args.role), args.full_name, args.email)
            print(f"created user {user.login} ({user.role})")
    except ServiceError as exc:
        print(f"ksdesk-server: {exc.message}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    import importlib.util

    from sync.server.runner import serve

    if settings.smtp_in_port is not None and importlib.util.find_spec("aiosmtpd") is None:
        print("ksdesk-server: receiving e-mail (--smtp-in-port) needs aiosmtpd: "
              "pip install 'ksdesk-desktop[inbound]'", file=sys.stderr)
        return 2
    if args.demo:
        code = _run_demo(settings, args, only_if_empty=True)
        if code:
            return code
        if not settings.registry_url:
            settings.registry_url = "demo"
    return serve(settings, exit_on_stdin_eof=args.exit_on_stdin_eof)
