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
``meta``
    Key/value settings of the database itself; ``schema_version`` is the
    version of this schema the database was created with.

Only portable types are used (``sqlalchemy.JSON``, ``Date``, ``DateTime``,
``Float``, ``Integer``, ``String``, ``Text``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "EXTRACTION_FIELDS",
    "SCHEMA_VERSION",
    "ArticleRow",
    "Base",
    "EventArticleRow",
    "EventRow",
    "MetaRow",
]

#: Version of the schema below. Bump it when a table changes (and add a migration).
SCHEMA_VERSION = 1

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
