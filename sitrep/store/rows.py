"""Conversion between model objects and table rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sitrep.model import Article, Event, EventMention
from sitrep.store.schema import EXTRACTION_FIELDS
from sitrep.store.serialize import article_from_dict, from_dict, to_dict, to_json_value

__all__ = [
    "AREA_FEATURES",
    "ARTICLE_COLUMNS",
    "article_from_row",
    "article_row",
    "event_row",
    "mention_from_row",
    "mention_row",
    "original_mention",
]

#: Place features that denote an area (compatible with any place inside it) rather than a point.
AREA_FEATURES = frozenset({"country", "admin1", "region"})

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


def original_mention(m: EventMention) -> EventMention:
    """The mention as extraction found it: without a date borrowed from another report at merge time."""
    if m.date_borrowed_from is not None:
        return replace(m, date=None, date_borrowed_from=None)
    return m


def mention_row(m: EventMention, event_id: str, position: int) -> dict[str, Any]:
    """The ``event_mentions`` row assigning mention ``m`` to ``event_id`` (at ``position`` in it)."""
    place = m.place.place if m.place is not None else None
    return {
        "id": m.id,
        "article_id": m.article_id,
        "event_id": event_id,
        "position": position,
        "is_primary": m.primary,
        "day": m.date.date.toordinal() if m.date is not None else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "country": place.country if place else None,
        "area": bool(place and place.feature in AREA_FEATURES),
        "payload": to_dict(m),
    }


def mention_from_row(row: Any) -> EventMention:
    """Rebuild a mention from an ``event_mentions`` row mapping."""
    return from_dict(EventMention, row["payload"])
