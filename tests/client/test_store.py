"""The local cache's versioned schema, the declared settings and the paths module."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.store.db import SCHEMA_MAJOR, SCHEMA_MINOR, LocalStore, StoreVersionError


def test_s1_store_creates_versioned_schema(paths: Paths) -> None:
    store = LocalStore(paths.local_db)
    assert store.schema_version // 1000 == SCHEMA_MAJOR
    assert store.pending_count() == 0
    assert store.last_sync_at() is None
    store.set_meta("last_sync_at", "2026-11-23T10:00:00+03:00")
    store.close()
    reopened = LocalStore(paths.local_db)
    assert reopened.last_sync_at() is not None
    assert reopened.last_sync_at().isoformat() == "2026-11-23T07:00:00+00:00"
    reopened.close()


def test_store_refuses_a_cache_from_a_newer_major_version(paths: Paths) -> None:
    LocalStore(paths.local_db).close()
    with sqlite3.connect(paths.local_db) as conn:
        conn.execute(f"PRAGMA user_version = {(SCHEMA_MAJOR + 1) * 1000}")
    with pytest.raises(StoreVersionError, match="создан более новой версией программы"):
        LocalStore(paths.local_db)


def test_store_opens_a_newer_minor_version(paths: Paths) -> None:
    LocalStore(paths.local_db).close()
    with sqlite3.connect(paths.local_db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_MAJOR * 1000 + SCHEMA_MINOR + 1}")
    store = LocalStore(paths.local_db)
    assert store.schema_version == SCHEMA_MAJOR * 1000 + SCHEMA_MINOR + 1
    store.close()


def test_s6_data_dir_puts_every_path_under_it(tmp_path: Path) -> None:
    paths = Paths.resolve(tmp_path / "root").ensure()
    for folder in (paths.data, paths.config, paths.cache, paths.logs, paths.local_db, paths.settings_file):
        assert folder.is_relative_to(tmp_path / "root")


def test_s6_default_paths_come_from_platformdirs() -> None:
    import platformdirs

    paths = Paths.for_user()
    assert paths.data == Path(platformdirs.user_data_dir("KSDesk", appauthor=False))
    assert paths.logs == Path(platformdirs.user_log_dir("KSDesk", appauthor=False))


def test_settings_survive_bad_files_and_keep_declared_types(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"server_url": 5, "login": "op1", "unknown": true, "remember": false}', encoding="utf-8")
    settings = UserSettings(path)
    assert settings.get("server_url") == ""  # wrong type falls back to the default
    assert settings.get("login") == "op1" and settings.get("remember") is False
    with pytest.raises(TypeError):
        settings.set("remember", "yes")
    settings.set("server_url", "http://srv:8765")
    settings.save()
    assert UserSettings(path).get("server_url") == "http://srv:8765"
    path.write_text("{broken", encoding="utf-8")
    assert UserSettings(path).get("language") == "ru"
