"""Small SQL helpers shared by the store's modules: chunked IN clauses, timestamps, event row writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, Select, insert, update

from sitrep.store.schema import Base

__all__ = ["CHUNK", "chunks", "now", "rows_in", "write_event_rows"]

T = TypeVar("T")

#: ids per ``IN (...)`` clause (SQLite's default limit on bound parameters is far above it)
CHUNK = 500

_EVENTS = Base.metadata.tables["events"]
_LINKS = Base.metadata.tables["event_articles"]


def chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    """``items`` in slices of at most :data:`CHUNK`."""
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def rows_in(
    conn: Connection, query: Select[Any], column: ColumnElement[Any], values: Iterable[Any]
) -> Iterator[Any]:
    """The rows of ``query`` whose ``column`` is one of ``values``, one ``IN`` clause per :data:`CHUNK`
    of the distinct values (in sorted order; any ``ORDER BY`` of ``query`` holds within each chunk)."""
    for chunk in chunks(sorted(set(values))):
        yield from conn.execute(query.where(column.in_(chunk)))


def now() -> dt.datetime:
    """The current time, timezone-aware (UTC)."""
    return dt.datetime.now(dt.UTC)


def write_event_rows(
    conn: Connection,
    rows: Mapping[str, dict[str, Any]],
    changed: Sequence[str],
    new: Sequence[str],
    at: dt.datetime,
) -> None:
    """Update the ``changed`` event rows, insert the ``new`` ones, and insert the article links of both
    (the caller has deleted the old links of ``changed``)."""
    for event_id in changed:
        conn.execute(update(_EVENTS).where(_EVENTS.c.id == event_id).values(**rows[event_id], updated_at=at))
    if new:
        conn.execute(insert(_EVENTS), [{**rows[i], "updated_at": at, "created_at": at} for i in new])
    links = [
        {"event_id": i, "article_id": a}
        for i in [*changed, *new]
        for a in dict.fromkeys(rows[i]["payload"]["article_ids"])
    ]
    if links:
        conn.execute(insert(_LINKS), links)
