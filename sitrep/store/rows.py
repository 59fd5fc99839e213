"""Conversion between model objects and table rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sitrep.model import Article, Event
from sitrep.store.schema import EXTRACTION_FIELDS
from sitrep.store.serialize import article_from_dict, to_dict, to_json_value

__all__ = ["ARTICLE_COLUMNS", "article_from_row", "article_row", "event_row"]

#: Article fields stored in their own column (the rest are in ``extraction``).
ARTICLE_COLUMNS: tuple[str, ...] = (
    "id", "text", "title", "outlet", "url", "published", "source_path",
    "clean_text", "content_hash", "duplicate_of", "origins",
)  # fmt: skip


def article_row(article: Article, ingested_at: dt.datetime | None) -> dict[str, Any]:
    """The ``articles`` row of an article (``ingested_at`` omitted when None)."""
    row: dict[str, Any] = {name: getattr(article, name) for name in ARTICLE_COLUMNS}
    row["origins"] = list(article.origins)
    row["clean_text"] = None if article.clean_text == article.text else article.clean_text
    row["extraction"] = {name: to_json_value(getattr(article, name)) for name in EXTRACTION_FIELDS}
    if ingested_at is not None:
        row["ingested_at"] = ingested_at
    return row


def article_from_row(row: Any) -> Article:
    """Rebuild an article from an ``articles`` row mapping."""
    data = {name: row[name] for name in ARTICLE_COLUMNS}
    data["clean_text"] = row["clean_text"] or row["text"]
    data.update(row["extraction"] or {})
    return article_from_dict(data)


def event_row(ev: Event) -> dict[str, Any]:
    """The ``events`` row of an event, without ``updated_at``."""
    place = ev.place
    return {
        "id": ev.id,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "date": ev.date,
        "date_precision": ev.date_precision.value if ev.date_precision else None,
        "place_name": ev.place_name or (place.name if place else None),
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.precision.value if place else None,
        "killed_low": ev.killed_low,
        "killed_high": ev.killed_high,
        "injured_low": ev.injured_low,
        "injured_high": ev.injured_high,
        "payload": to_dict(ev),
    }
