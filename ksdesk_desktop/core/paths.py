"""The one place that knows where files live: platformdirs for the user, or everything under one
folder given by ``--data-dir`` (tests point it into ``tmp_path``). Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ksdesk_desktop import APP_NAME


@dataclass(frozen=True)
class Paths:
    data: Path
    config: Path
    cache: Path
    logs: Path

    @classmethod
    def for_user(cls) -> Paths:
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False, roaming=False)
        return cls(
            data=Path(dirs.user_data_dir),
            config=Path(dirs.user_config_dir),
            cache=Path(dirs.user_cache_dir),
            logs=Path(dirs.user_log_dir),
        )

    @classmethod
    def under(cls, root: Path) -> Paths:
        root = root.resolve()
        return cls(data=root / "data", config=root / "config", cache=root / "cache", logs=root / "logs")

    @classmethod
    def resolve(cls, data_dir: str | Path | None) -> Paths:
        return cls.under(Path(data_dir)) if data_dir else cls.for_user()

    def ensure(self) -> Paths:
        for folder in (self.data, self.config, self.cache, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @property
    def local_db(self) -> Path:
        return self.data / "cache.sqlite"

    @property
    def embedded_server(self) -> Path:
        return self.data / "embedded-server"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def window_state_file(self) -> Path:
        return self.config / "window-state.json"
