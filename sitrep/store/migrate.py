"""Versioned schema migrations: each step upgrades a database by one ``schema_version``.

:func:`upgrade` runs inside the transaction that opens the store, after
``create_all`` has added any missing tables, so a step only has to change
existing tables and fill the new ones from what is already stored. Nothing
stored is dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, DateTime, insert, inspect, select, text, update

from sitrep.store.bands import band_keys
from sitrep.store.rows import article_from_row, mention_row, original_mention
from sitrep.store.schema import SCHEMA_VERSION, Base
from sitrep.store.serialize import event_from_dict

__all__ = ["MIGRATIONS", "upgrade"]

logger = logging.getLogger(__name__)

_EVENTS = Base.metadata.tables["events"]
_ARTICLES = Base.metadata.tables["articles"]
_MENTIONS = Base.metadata.tables["event_mentions"]
_BANDS = Base.metadata.tables["article_bands"]
_META = Base.metadata.tables["meta"]
_PAGE = 500


def _v1_to_v2(conn: Connection) -> None:
    """Add ``events.created_at``; fill ``event_mentions`` and ``article_bands`` from stored data."""
    columns = {c["name"] for c in inspect(conn).get_columns("events")}
    if "created_at" not in columns:
        kind = DateTime(timezone=True).compile(dialect=conn.dialect)
        conn.execute(text(f"ALTER TABLE events ADD COLUMN created_at {kind}"))
    conn.execute(update(_EVENTS).values(created_at=_EVENTS.c.updated_at))
    owner: dict[str, tuple[str, int]] = {}
    for event_id, payload in conn.execute(select(_EVENTS.c.id, _EVENTS.c.payload)):
        for position, m in enumerate(event_from_dict(payload).mentions):
            owner[m.id] = (event_id, position)
    last = ""
    mentions = bands = 0
    while True:
        query = select(_ARTICLES).where(_ARTICLES.c.id > last).order_by(_ARTICLES.c.id).limit(_PAGE)
        page = [article_from_row(r._mapping) for r in conn.execute(query)]
        if not page:
            break
        last = page[-1].id
        rows: list[dict[str, Any]] = []
        for article in page:
            for m in article.events:
                if m.id in owner:
                    event_id, position = owner[m.id]
                    rows.append(mention_row(original_mention(m), event_id, position))
        if rows:
            conn.execute(insert(_MENTIONS), rows)
            mentions += len(rows)
        keys = [{"key": k, "article_id": a} for a, ks in band_keys(page).items() for k in set(ks)]
        if keys:
            conn.execute(insert(_BANDS), keys)
            bands += len(keys)
    logger.info("schema v2: %d event mentions and %d band keys indexed", mentions, bands)


#: ``MIGRATIONS[v]`` upgrades a database from version ``v`` to ``v + 1``.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1_to_v2}


def upgrade(conn: Connection, version: int) -> int:
    """Upgrade the database at ``version`` to :data:`SCHEMA_VERSION`, step by step; return the new version."""
    while version < SCHEMA_VERSION:
        logger.info("upgrading the database schema from version %d to %d", version, version + 1)
        MIGRATIONS[version](conn)
        version += 1
        conn.execute(update(_META).where(_META.c.key == "schema_version").values(value=str(version)))
    return version
