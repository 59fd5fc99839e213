"""The database schema (SQLAlchemy 2 declarative), portable across SQLite and PostgreSQL.

Tables:

``articles``
    One row per ingested article: its metadata and text as columns, and what
    extraction found in it (places, dates, quotes, actors, event mentions) as
    one JSON document, ``extraction``, written with :func:`sitrep.store.to_dict`.
``events``
    One row per resolved event. ``payload`` holds the whole serialised
    :class:`~sitrep.model.Event`; the other columns are copies of its main
    fields so that they can be filtered and sorted in SQL.
``event_articles``
    Which articles report which event.
``event_mentions`` (v2)
    Every event mention as extraction found it, and the event it is assigned
    to, with its day and coordinates as columns: incremental resolution finds
    the stored mentions near a new one with an indexed query.
``event_aliases`` (v2)
    Ids of events that were merged into another one; they still find it.
``decisions`` (v2)
    User decisions (``merge``, ``split``) that every later resolution respects.
``event_history`` (v2)
    An append-only log of event field changes (rows are never deleted).
``article_bands`` (v2)
    MinHash LSH band keys of every article, to find wire-copy candidates
    among stored articles without loading them all.
``meta``
    Key/value settings of the database itself; ``schema_version`` is the
    version of this schema the database is at (see :mod:`sitrep.store.migrate`).

Only portable types are used (``sqlalchemy.JSON``, ``Date``, ``DateTime``,
``Float``, ``Integer``, ``String``, ``Text``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "EXTRACTION_FIELDS",
    "SCHEMA_VERSION",
    "ArticleBandRow",
    "ArticleRow",
    "Base",
    "DecisionRow",
    "EventAliasRow",
    "EventArticleRow",
    "EventHistoryRow",
    "EventMentionRow",
    "EventRow",
    "MetaRow",
]

#: Version of the schema below. Bump it when a table changes (and add a migration).
SCHEMA_VERSION = 2

#: The :class:`~sitrep.model.Article` fields kept in the ``articles.extraction`` JSON column.
EXTRACTION_FIELDS: tuple[str, ...] = (
    "places",
    "dates",
    "quotes",
    "actors",
    "events",
    "framing",
    "biased_sentences",
)


class Base(DeclarativeBase):
    """Declarative base of every sitrep table."""

    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        dict[str, Any]: JSON,
        list[str]: JSON,
        dt.date: Date,
        dt.datetime: DateTime(timezone=True),
    }


class ArticleRow(Base):
    """An article: metadata, text and extraction results."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None]
    source_path: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String, index=True, default="")
    duplicate_of: Mapped[str | None] = mapped_column(String)
    text: Mapped[str] = mapped_column(Text)
    #: NULL when identical to ``text`` (nothing was blanked out), to halve the storage.
    clean_text: Mapped[str | None] = mapped_column(Text)
    origins: Mapped[list[str]]
    extraction: Mapped[dict[str, Any]]
    ingested_at: Mapped[dt.datetime]


class EventRow(Base):
    """A resolved event: searchable columns plus the full serialised event in ``payload``."""

    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    event_type: Mapped[str] = mapped_column(String, index=True)
    sub_event_type: Mapped[str] = mapped_column(String)
    date: Mapped[dt.date | None] = mapped_column(index=True)
    date_precision: Mapped[str | None] = mapped_column(String)
    place_name: Mapped[str | None] = mapped_column(String)
    country: Mapped[str | None] = mapped_column(String, index=True)
    admin1: Mapped[str | None] = mapped_column(String)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[str | None] = mapped_column(String)
    killed_low: Mapped[int | None] = mapped_column(Integer)
    killed_high: Mapped[int | None] = mapped_column(Integer)
    injured_low: Mapped[int | None] = mapped_column(Integer)
    injured_high: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]]
    updated_at: Mapped[dt.datetime]
    #: when the event (under this id) was first stored; v2 (NULL for rows migrated without one)
    created_at: Mapped[dt.datetime | None]


class EventArticleRow(Base):
    """Link table: the article ``article_id`` reports the event ``event_id``.

    ``article_id`` has no foreign key, so that events can be written before (or
    without) their articles; ``event_id`` cascades on delete.
    """

    __tablename__ = "event_articles"

    event_id: Mapped[str] = mapped_column(
        String, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[str] = mapped_column(String, primary_key=True, index=True)


class MetaRow(Base):
    """A key/value setting of the database (``schema_version``)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class EventMentionRow(Base):
    """An event mention as extracted (``payload``) and the event it is assigned to.

    ``day`` is the proleptic ordinal of the mention's date; ``latitude``/``longitude``,
    ``country`` and ``area`` (a country or region rather than a point) describe its
    best place. They make the neighbourhood query of incremental resolution an index scan.
    """

    __tablename__ = "event_mentions"
    #: day first (the date window), then latitude: undated mentions are searched by place
    __table_args__ = (Index("ix_event_mentions_day_latitude", "day", "latitude"),)

    id: Mapped[str] = mapped_column(String, primary_key=True)
    article_id: Mapped[str] = mapped_column(String, index=True)
    event_id: Mapped[str] = mapped_column(String, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)  # order within the event
    is_primary: Mapped[bool] = mapped_column(Boolean)
    day: Mapped[int | None] = mapped_column(Integer)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String)
    area: Mapped[bool] = mapped_column(Boolean, default=False)
    payload: Mapped[dict[str, Any]]


class EventAliasRow(Base):
    """``alias`` is the id of an event merged into ``event_id``."""

    __tablename__ = "event_aliases"

    alias: Mapped[str] = mapped_column(String, primary_key=True)
    event_id: Mapped[str] = mapped_column(String, index=True)
    created_at: Mapped[dt.datetime]


class DecisionRow(Base):
    """A user decision: ``merge`` (two events are one) or ``split`` (an article leaves an event).

    ``payload`` holds the mention ids the decision is about (see :mod:`sitrep.resolve.decisions`),
    so it survives re-resolution, which may renumber events.
    """

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String)
    event_id: Mapped[str] = mapped_column(String, index=True)
    other_id: Mapped[str | None] = mapped_column(String)
    article_id: Mapped[str | None] = mapped_column(String)
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[dt.datetime]


class EventHistoryRow(Base):
    """One change of one field of an event (append-only)."""

    __tablename__ = "event_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String, index=True)
    field: Mapped[str] = mapped_column(String)
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime]
    article_ids: Mapped[list[str]]
    reason: Mapped[str] = mapped_column(Text, default="")


class ArticleBandRow(Base):
    """One MinHash LSH band key of an article (for wire-copy candidates)."""

    __tablename__ = "article_bands"

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[str] = mapped_column(String, primary_key=True)
