"""Settings as data: defaults in data/settings.toml, overridden by a local file and env vars."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

CONFIG_ENV = "PRESSESCHAU_CONFIG"
ENV_PREFIX = "PRESSESCHAU_"
# Keys that no longer exist, with what replaces them: a setting that silently did nothing
# would leave the user believing it was in force.
REPLACED = {
    "fetch_allow_private": (
        "fetch_allow_private was replaced by fetch_allow_networks, a list of the networks and hosts "
        'that may be fetched although they are not public, e.g. fetch_allow_networks = ["10.0.0.0/8", '
        '"intranet.example"] (or PRESSESCHAU_FETCH_ALLOW_NETWORKS=127.0.0.1); link-local and cloud '
        "metadata addresses are never fetched"
    ),
}


class SettingsError(ValueError):
    """A setting that cannot be used as given; the message says what to write instead."""


@dataclass(frozen=True)
class Settings:
    db_path: str
    inputs: tuple[str, ...]
    max_file_bytes: int
    max_body_chars: int
    batch_size: int
    workers: int
    pool_min_documents: int
    max_failure_rate: float
    lock_timeout_s: float
    near_duplicate_threshold: float
    aliases_path: str
    task_runner: str
    sources: str
    landing_dir: str
    schedule_cron: str
    fetch_user_agent: str
    fetch_content_types: tuple[str, ...]
    fetch_timeout_s: float
    fetch_max_bytes: int
    fetch_retries: int
    fetch_backoff_s: float
    fetch_max_redirects: int
    fetch_per_host: int
    fetch_concurrency: int
    fetch_allow_networks: tuple[str, ...]
    fetch_feed_max_items: int


def load_settings(**overrides: Any) -> Settings:
    """Defaults ← presseschau.toml (or $PRESSESCHAU_CONFIG) ← PRESSESCHAU_* env ← overrides."""
    values: dict[str, Any] = tomllib.loads(
        resources.files("presseschau").joinpath("data/settings.toml").read_text()
    )
    local = Path(os.environ.get(CONFIG_ENV, "presseschau.toml"))
    if local.is_file():
        values.update(tomllib.loads(local.read_text()))
    for key, replacement in REPLACED.items():
        if key in values or ENV_PREFIX + key.upper() in os.environ:
            raise SettingsError(replacement)
    settings = Settings(**{f.name: _coerce(f.name, values[f.name]) for f in fields(Settings)})
    from_env = {
        f.name: _coerce(f.name, os.environ[ENV_PREFIX + f.name.upper()])
        for f in fields(Settings)
        if ENV_PREFIX + f.name.upper() in os.environ
    }
    given = {key: _coerce(key, value) for key, value in overrides.items() if value is not None}
    return replace(settings, **from_env, **given)


def _coerce(name: str, value: Any) -> Any:
    default_type = {f.name: f.type for f in fields(Settings)}[name]
    if default_type == "tuple[str, ...]":
        return tuple(value.split(",")) if isinstance(value, str) else tuple(value)
    if default_type == "int":
        return int(value)
    if default_type == "float":
        return float(value)
    if default_type == "bool":
        return value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes", "on")
    return str(value)
