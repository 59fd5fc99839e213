"""One settings object: defaults, then a TOML file, then ``SITREP_*`` environment variables."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from sitrep.errors import ConfigError

__all__ = ["Settings", "default_cache_dir", "load_settings"]

ENV_PREFIX = "SITREP_"


def default_cache_dir() -> Path:
    """Where sitrep keeps built indexes (``$XDG_CACHE_HOME/sitrep`` or ``~/.cache/sitrep``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitrep"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of sitrep, with its default.

    Attributes:
        db: database location: a file path (SQLite) or an SQLAlchemy URL
            (``postgresql+psycopg://...``).
        cache_dir: where the gazetteer index and other built artefacts are cached.
        gazetteer_dir: optional folder holding downloaded GeoNames dumps that extend
            the bundled offline gazetteer.
        min_city_population: smallest populated place the offline gazetteer keeps.
        cluster_days: how many days apart two reports of one incident may date it.
        cluster_km: how far apart two reports of one incident may place it.
        cluster_threshold: minimum match score (0..1) for two reports to be merged.
        max_article_chars: longer articles are truncated (with a logged warning).
        embedder: ``none`` (default, TF-IDF text similarity) or ``minilm`` (needs ``sitrep[embed]``).
        type_model: an event-type model file written by ``sitrep train``; None (default) uses
            the classifier trained on sitrep's own examples.
    """

    db: str = "sitrep.db"
    cache_dir: str = str(default_cache_dir())
    gazetteer_dir: str | None = None
    min_city_population: int = 500
    cluster_days: int = 3
    cluster_km: float = 50.0
    cluster_threshold: float = 0.5
    max_article_chars: int = 200_000
    embedder: str = "none"
    type_model: str | None = None

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with the given fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(name: str, raw: Any, default: Any) -> Any:
    target = type(default) if default is not None else str
    try:
        if target is bool:
            return str(raw).strip().lower() in ("1", "true", "yes", "on")
        return target(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"setting {name!r} has value {raw!r}, which is not a {target.__name__}",
            hint=f"give {name} a {target.__name__} value",
        ) from exc


def load_settings(path: str | Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Build the settings: defaults, then the TOML file at ``path`` (if any), then the environment.

    The file may hold the keys at top level or under a ``[sitrep]`` table. Environment
    variables are the field names upper-cased with the ``SITREP_`` prefix (``SITREP_DB``).
    """
    env = dict(os.environ) if env is None else env
    defaults = Settings()
    known = {f.name: getattr(defaults, f.name) for f in fields(Settings)}
    values: dict[str, Any] = {}
    file_path = path or env.get(ENV_PREFIX + "CONFIG")
    if file_path:
        p = Path(file_path)
        if not p.is_file():
            raise ConfigError(f"config file {p} does not exist", hint="pass an existing TOML file")
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file {p} is not valid TOML: {exc}", hint="fix its syntax") from exc
        data = data.get("sitrep", data)
        for key, raw in data.items():
            if key not in known:
                raise ConfigError(
                    f"unknown setting {key!r} in {p}", hint=f"known settings: {', '.join(sorted(known))}"
                )
            values[key] = _coerce(key, raw, known[key])
    for key, default in known.items():
        raw = env.get(ENV_PREFIX + key.upper())
        if raw is not None:
            values[key] = _coerce(key, raw, default)
    return replace(defaults, **values)
