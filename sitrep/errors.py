"""One exception hierarchy for sitrep. Every message says how to fix the problem."""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "ExtractionError",
    "GazetteerError",
    "IngestError",
    "NotFoundError",
    "SitrepError",
    "StoreError",
]


class SitrepError(Exception):
    """Base class of every error sitrep raises on purpose."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message} ({hint})" if hint else message)


class ConfigError(SitrepError):
    """A setting is missing or invalid."""


class IngestError(SitrepError):
    """An input could not be read as an article. ``path`` names the input."""

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message, hint=hint)


class ExtractionError(SitrepError):
    """An extractor failed on an article."""


class GazetteerError(SitrepError):
    """The gazetteer could not be built, loaded or downloaded."""


class StoreError(SitrepError):
    """The database could not be opened, read or written."""


class NotFoundError(SitrepError):
    """A requested event or article does not exist."""
