"""``ksdesk-server`` commands as an administrator runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from sync.server.db import make_engine, make_session_factory
from sync.server.migrate import current_revision, head_revision
from sync.server.models import User
from sync.server.users import authenticate


def run_cli(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "sync.server", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_migrate_brings_database_to_head(server_db_url: str, tmp_path: Path) -> None:
    result = run_cli("migrate", "--database-url", server_db_url, "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    engine = make_engine(server_db_url, pool_size=1)
    assert current_revision(engine) == head_revision()
    again = run_cli("migrate", "--database-url", server_db_url, "--data-dir", str(tmp_path))
    assert again.returncode == 0 and f"revision {head_revision()}" in again.stdout
    engine.dispose()


def test_settings_come_from_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.sqlite"
    result = run_cli(
        "migrate", env={"KSDESK_DATABASE_URL": f"sqlite:///{db.as_posix()}", "KSDESK_DATA_DIR": str(tmp_path)}
    )
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_invalid_settings_are_refused_with_a_message(tmp_path: Path) -> None:
    result = run_cli("migrate", "--data-dir", str(tmp_path), "--database-url", "mysql://x")
    assert result.returncode == 2
    assert "invalid setting database_url" in result.stderr
    assert "Traceback" not in result.stderr
    bad_port = run_cli("serve", "--data-dir", str(tmp_path), "--port", "70000")
    assert bad_port.returncode == 2 and "invalid setting port" in bad_port.stderr


def test_create_user_then_log_in(server_db_url: str, tmp_path: Path) -> None:
    args = (
        "create-user",
        "ivanova",
        "--role",
        "specialist",
        "--full-name",
        "Иванова И. И.",
        "--database-url",
        server_db_url,
        "--data-dir",
        str(tmp_path),
        "--password-stdin",
    )
    result = run_cli(*args, stdin="s3cret-pw\n")
    assert result.returncode == 0, result.stderr
    assert "created user ivanova (specialist)" in result.stdout
    duplicate = run_cli(*args, stdin="other-pw\n")
    assert duplicate.returncode == 1 and "уже существует" in duplicate.stderr
    engine = make_engine(server_db_url, pool_size=1)
    with make_session_factory(engine)() as session:
        user = authenticate(session, "ivanova", "s3cret-pw")
        assert user.role == "specialist" and user.full_name == "Иванова И. И."
        assert user.password_hash.startswith("$argon2id$")
        assert session.scalars(select(User.login)).all() == ["ivanova"]  # migrations create no users
    engine.dispose()


def test_models_and_migrations_agree(server_engine) -> None:  # type: ignore[no-untyped-def]
    """Autogenerate finds nothing to do: the migrations build exactly the models' schema."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from sync.server.models import Base

    with server_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


AGENT_DESK_TABLES = {"agent_states", "requests", "tasks", "activities", "tags"}  # 0001's, unused


def _columns(engine, table: str) -> set[str]:  # type: ignore[no-untyped-def]
    from sqlalchemy import inspect

    return {c["name"] for c in inspect(engine).get_columns(table)}


def test_a11_agent_desk_tables_are_reshaped_and_come_back(server_engine) -> None:  # type: ignore[no-untyped-def]
    """0007 dropped 0001's unused agent-desk tables and 0010 makes the agent desk's own (activities on
    tickets, queued tasks); downgrading past both brings 0001's back as 0006 had them (with their change
    numbers), and upgrading again gives the new ones."""
    from alembic import command
    from sqlalchemy import inspect

    from sync.server.migrate import alembic_config, upgrade

    tables = set(inspect(server_engine).get_table_names())
    assert not {"requests", "tags"} & tables
    assert "seen_at" in _columns(server_engine, "agent_states")  # 0011's agent states, not 0001's
    assert {"ticket_id", "channel", "tags", "message_id"} <= _columns(server_engine, "activities")
    assert {"activity_id", "state", "accepted_by", "version"} <= _columns(server_engine, "tasks")
    cfg = alembic_config(server_engine.url.render_as_string(hide_password=False))
    with server_engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0006")
    assert set(inspect(server_engine).get_table_names()) >= AGENT_DESK_TABLES
    assert "change_seq" in _columns(server_engine, "tags")
    assert "request_id" in _columns(server_engine, "activities")  # 0001's shape
    upgrade(server_engine)
    assert not {"requests", "tags"} & set(inspect(server_engine).get_table_names())
    assert {"user_id", "state", "reason", "seen_at"} <= _columns(server_engine, "agent_states")  # 0011's
    assert "request_id" not in _columns(server_engine, "activities")
    assert current_revision(server_engine) == head_revision()
