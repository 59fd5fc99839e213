"""Storage: the sitrep database (SQLite or PostgreSQL), model serialisation and exports."""

from __future__ import annotations

from sitrep.store.database import AddResult, Store
from sitrep.store.export import (
    EXPORT_ARTICLE_FIELDS,
    EXPORT_EVENT_FIELDS,
    EXPORT_FORMATS,
    export_articles,
    export_events,
)
from sitrep.store.serialize import article_from_dict, event_from_dict, from_dict, to_dict

__all__ = [
    "EXPORT_ARTICLE_FIELDS",
    "EXPORT_EVENT_FIELDS",
    "EXPORT_FORMATS",
    "AddResult",
    "Store",
    "article_from_dict",
    "event_from_dict",
    "export_articles",
    "export_events",
    "from_dict",
    "to_dict",
]
