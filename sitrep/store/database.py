"""The sitrep database: articles and resolved events, on SQLite (one writer) or PostgreSQL.

>>> with Store.open("data/sitrep.db") as store:          # doctest: +SKIP
...     result = store.add_articles(articles)
...     store.replace_events(events)
...     store.get_event("3f2a")                           # a unique id prefix is enough

On SQLite the database runs in WAL mode with foreign keys on, and every write
goes through one dedicated writer thread (:class:`~sitrep.store.writer.WriterThread`),
so a :class:`Store` may be shared by many threads. On PostgreSQL writes run in
the calling thread, each in its own transaction.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

from sqlalchemy import Connection, Engine, create_engine, delete, func, insert, inspect, select, update
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.sql import Select

from sitrep.errors import NotFoundError, SitrepError, StoreError
from sitrep.model import Article, Event
from sitrep.store.bands import band_keys
from sitrep.store.connect import check_sqlite_file, configure_sqlite, resolve_location, store_error
from sitrep.store.migrate import upgrade
from sitrep.store.resolution import ResolutionStore
from sitrep.store.rows import article_from_row, article_row, event_row, mention_row, original_mention
from sitrep.store.schema import SCHEMA_VERSION, Base
from sitrep.store.serialize import event_from_dict
from sitrep.store.sql import chunks as _chunks
from sitrep.store.sql import now as _now
from sitrep.store.sql import rows_in, write_event_rows
from sitrep.store.writer import WriterThread

__all__ = ["AddResult", "Store"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

_ARTICLES = Base.metadata.tables["articles"]
_EVENTS = Base.metadata.tables["events"]
_LINKS = Base.metadata.tables["event_articles"]
_META = Base.metadata.tables["meta"]
_MENTIONS = Base.metadata.tables["event_mentions"]
_BANDS = Base.metadata.tables["article_bands"]


@dataclass(slots=True)
class AddResult:
    """What :meth:`Store.add_articles` did.

    Attributes:
        added: ids of the articles that were stored, in input order.
        existing: ids of the input articles that were not stored because their id
            or their ``content_hash`` is already in the database (or earlier in the batch).
        existing_as: for each id in ``existing``, the id of the stored article it matches.
    """

    added: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    existing_as: dict[str, str] = field(default_factory=dict)


class Store(ResolutionStore):
    """A sitrep database. Open it with :meth:`Store.open`; close it (or use ``with``)."""

    def __init__(self, engine: Engine, *, display_url: str, writer: WriterThread | None) -> None:
        """Wrap an engine whose schema is ready; use :meth:`Store.open` instead."""
        self._engine = engine
        self._writer = writer
        self._closed = False
        self.url = display_url

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(cls, url_or_path: str | Path) -> Store:
        """Open (creating when needed) the database at a file path or SQLAlchemy URL.

        A bare path means an SQLite file (its parent folders are created);
        ``sqlite:///...`` and ``postgresql+psycopg://...`` URLs are used as given.

        Raises:
            StoreError: when the location is not a sitrep database, was written by a
                newer sitrep, or cannot be opened.
        """
        url, path = resolve_location(str(url_or_path))
        display = url.render_as_string(hide_password=True)
        if path is not None:
            check_sqlite_file(path)
        try:
            engine = create_engine(url, pool_pre_ping=url.get_backend_name() != "sqlite")
        except (ArgumentError, ImportError, SQLAlchemyError) as exc:
            raise StoreError(
                f"cannot open database {display}: {exc}",
                hint="give a file path, or a URL such as postgresql+psycopg://user@host/dbname "
                "(PostgreSQL needs: pip install 'sitrep[postgres]')",
            ) from exc
        writer = None
        try:
            store = cls(engine, display_url=display, writer=None)
            # Check first, on plain connections: a database of another program must
            # not be switched to WAL mode (a persistent change) before we refuse it.
            store._check_schema()
            if engine.dialect.name == "sqlite":
                engine.dispose()  # drop the plain connections; new ones get the settings below
                configure_sqlite(engine)
                writer = store._writer = WriterThread(engine)
            store._create_schema()
        except BaseException:
            if writer is not None:
                writer.close()
            engine.dispose()
            raise
        logger.debug("opened %s", display)
        return store

    def close(self) -> None:
        """Finish pending writes, stop the writer thread and release all connections. Idempotent."""
        if self._closed:
            return
        self._closed = True
        if self._writer is not None:
            self._writer.close()
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r}{', closed' if self._closed else ''})"

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (for reads only on SQLite: writes belong to the writer thread)."""
        return self._engine

    # -- articles -------------------------------------------------------------

    def add_articles(
        self, articles: Iterable[Article], *, bands: Mapping[str, Sequence[int]] | None = None
    ) -> AddResult:
        """Store new articles, in one transaction; articles already stored are left untouched.

        An article is already stored when its id, or its non-empty ``content_hash``,
        is in the database (or earlier in the same batch): nothing is overwritten.
        ``bands`` are the articles' MinHash band keys when already computed
        (:func:`sitrep.store.bands.band_keys`); they are computed otherwise.
        """
        items = list(articles)
        now = _now()

        def work(conn: Connection) -> AddResult:
            result = AddResult()
            ids = _existing_ids(conn, [a.id for a in items])
            hashes = {a.content_hash for a in items if a.content_hash}
            owners: dict[str, str] = {}
            query = select(_ARTICLES.c.content_hash, _ARTICLES.c.id).order_by(_ARTICLES.c.id)
            for content_hash, article_id in rows_in(conn, query, _ARTICLES.c.content_hash, hashes):
                owners.setdefault(content_hash, article_id)
            rows = []
            for article in items:
                owner = article.id if article.id in ids else None
                if owner is None and article.content_hash:
                    owner = owners.get(article.content_hash)
                if owner is not None:
                    result.existing.append(article.id)
                    result.existing_as[article.id] = owner
                    continue
                rows.append(article_row(article, now))
                result.added.append(article.id)
                ids.add(article.id)
                if article.content_hash:
                    owners[article.content_hash] = article.id
            if rows:
                conn.execute(insert(_ARTICLES), rows)
                added = set(result.added)
                fresh = [a for a in items if a.id in added]
                keys = {a.id: bands.get(a.id, ()) for a in fresh} if bands is not None else band_keys(fresh)
                band_rows = [{"key": k, "article_id": a} for a, ks in keys.items() for k in set(ks)]
                if band_rows:
                    conn.execute(insert(_BANDS), band_rows)
            return result

        result = self._write(work)
        logger.info("stored %d new articles (%d already stored)", len(result.added), len(result.existing))
        return result

    def update_articles(self, articles: Iterable[Article]) -> int:
        """Replace what extraction found, ``clean_text``, ``duplicate_of`` and ``origins`` of stored articles.

        Returns the number of articles updated. All updates run in one transaction.

        Raises:
            NotFoundError: when an article is not stored (nothing is updated then).
        """
        items = list(articles)

        def work(conn: Connection) -> int:
            missing = {a.id for a in items} - _existing_ids(conn, [a.id for a in items])
            if missing:
                raise NotFoundError(
                    f"cannot update {len(missing)} article(s) that are not stored: "
                    f"{', '.join(sorted(missing)[:5])}",
                    hint="add them first with Store.add_articles",
                )
            for article in items:
                row = article_row(article, None)
                values = {k: row[k] for k in ("extraction", "clean_text", "duplicate_of", "origins")}
                conn.execute(update(_ARTICLES).where(_ARTICLES.c.id == article.id).values(**values))
            return len(items)

        return self._write(work)

    def get_article(self, article_id: str) -> Article:
        """The stored article with this id.

        Raises:
            NotFoundError: when there is no such article.
        """
        found = self.articles([article_id])
        if not found:
            raise NotFoundError(
                f"no article with id {article_id!r}", hint='run "sitrep articles" to list article ids'
            )
        return found[0]

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Stored articles: all (by id), or those with the given ids (in that order; missing ones skipped)."""
        if ids is None:
            return list(self.iter_articles())
        wanted = list(dict.fromkeys(ids))

        def work(conn: Connection) -> dict[str, Article]:
            rows = rows_in(conn, select(_ARTICLES), _ARTICLES.c.id, wanted)
            return {row.id: article_from_row(row._mapping) for row in rows}

        found = self._read(work)
        return [found[i] for i in wanted if i in found]

    def iter_articles(self, batch_size: int = 200) -> Iterator[Article]:
        """Every stored article, by id, read ``batch_size`` at a time (for exports of large databases)."""
        last: str | None = None
        while True:
            query = select(_ARTICLES).order_by(_ARTICLES.c.id).limit(batch_size)
            if last is not None:
                query = query.where(_ARTICLES.c.id > last)
            page = self._read(functools.partial(_read_articles, query=query))
            yield from page
            if len(page) < batch_size:
                return
            last = page[-1].id

    def article_ids(self) -> set[str]:
        """The ids of all stored articles."""
        return self._read(lambda conn: set(conn.scalars(select(_ARTICLES.c.id))))

    def count_articles(self) -> int:
        """How many articles are stored."""
        return self._read(lambda conn: int(conn.scalar(select(func.count()).select_from(_ARTICLES)) or 0))

    def has_content_hash(self, content_hash: str) -> bool:
        """True when an article with this ``content_hash`` is stored."""
        query = select(_ARTICLES.c.id).where(_ARTICLES.c.content_hash == content_hash).limit(1)
        return bool(content_hash) and self._read(lambda conn: conn.scalar(query) is not None)

    # -- events ---------------------------------------------------------------

    def replace_events(self, events: Sequence[Event]) -> None:
        """Make the stored events exactly ``events``, in one transaction.

        New events are inserted, changed ones updated, unchanged ones left alone
        (their ``updated_at`` is kept) and stored events whose ids are not in
        ``events`` are deleted, with their ``event_articles`` rows.

        Raises:
            StoreError: when two events share an id.
        """
        rows = {}
        by_id = {ev.id: ev for ev in events}
        for ev in events:
            if ev.id in rows:
                raise StoreError(f"two events share the id {ev.id!r}", hint="event ids must be unique")
            rows[ev.id] = event_row(ev)
        now = _now()

        def work(conn: Connection) -> tuple[int, int, int]:
            stored = {r.id: r.payload for r in conn.execute(select(_EVENTS.c.id, _EVENTS.c.payload))}
            stale = [i for i in stored if i not in rows]
            changed = [i for i, row in rows.items() if i in stored and stored[i] != row["payload"]]
            new = [i for i in rows if i not in stored]
            for chunk in _chunks(stale + changed):
                conn.execute(delete(_LINKS).where(_LINKS.c.event_id.in_(chunk)))
            for chunk in _chunks(stale):
                conn.execute(delete(_EVENTS).where(_EVENTS.c.id.in_(chunk)))
            for chunk in _chunks(stale + changed + new):
                conn.execute(delete(_MENTIONS).where(_MENTIONS.c.event_id.in_(chunk)))
            mention_rows = list(
                {  # a mention belongs to one event: the last that lists it
                    m.id: mention_row(original_mention(m), i, n)
                    for i in changed + new
                    for n, m in enumerate(by_id[i].mentions)
                }.values()
            )
            for chunk in _chunks([r["id"] for r in mention_rows]):
                conn.execute(delete(_MENTIONS).where(_MENTIONS.c.id.in_(chunk)))
            if mention_rows:
                conn.execute(insert(_MENTIONS), mention_rows)
            write_event_rows(conn, rows, changed, new, now)
            return len(new), len(changed), len(stale)

        new, changed, stale = self._write(work)
        logger.info("events: %d new, %d changed, %d deleted, %d total", new, changed, stale, len(rows))

    def events(self) -> list[Event]:
        """Every stored event, latest date first (undated events last), then by id."""
        query = select(_EVENTS.c.payload).order_by(_EVENTS.c.date.desc().nulls_last(), _EVENTS.c.id)
        return self._read(lambda conn: [event_from_dict(p) for p in conn.scalars(query)])

    def event_ids(self) -> list[str]:
        """The ids of all stored events, in :meth:`events` order."""
        query = select(_EVENTS.c.id).order_by(_EVENTS.c.date.desc().nulls_last(), _EVENTS.c.id)
        return self._read(lambda conn: list(conn.scalars(query)))

    def count_events(self) -> int:
        """How many events are stored."""
        return self._read(lambda conn: int(conn.scalar(select(func.count()).select_from(_EVENTS)) or 0))

    def get_event(self, event_id: str) -> Event:
        """The event with this id or unique id prefix, or the event that ``event_id`` was merged into.

        Raises:
            NotFoundError: when no event (or more than one event) matches.
        """

        def work(conn: Connection) -> list[tuple[str, Any]]:
            exact = conn.execute(select(_EVENTS.c.id, _EVENTS.c.payload).where(_EVENTS.c.id == event_id))
            rows = [tuple(r) for r in exact]
            if rows or not event_id:
                return rows
            query = select(_EVENTS.c.id, _EVENTS.c.payload).where(
                _EVENTS.c.id.startswith(event_id, autoescape=True)
            )
            return [tuple(r) for r in conn.execute(query.order_by(_EVENTS.c.id).limit(6))]

        rows = self._read(work)
        if len(rows) == 1:
            return event_from_dict(rows[0][1])
        if not rows and (target := self.resolve_event_id(event_id)) is not None:
            return self.get_event(target)
        if not rows:
            raise NotFoundError(
                f"no event with id {event_id!r}", hint='run "sitrep events" to list event ids'
            )
        shown = ", ".join(r[0] for r in rows[:5]) + (", ..." if len(rows) > 5 else "")
        raise NotFoundError(
            f"event id prefix {event_id!r} matches several events: {shown}",
            hint='give more characters of the id; run "sitrep events" to list event ids',
        )

    def events_for_article(self, article_id: str) -> list[str]:
        """The ids of the events the article reports, sorted."""
        query = select(_LINKS.c.event_id).where(_LINKS.c.article_id == article_id).order_by(_LINKS.c.event_id)
        return self._read(lambda conn: list(conn.scalars(query)))

    def article_event_ids(self) -> dict[str, list[str]]:
        """For every article that reports at least one event, the sorted ids of those events."""
        query = select(_LINKS.c.article_id, _LINKS.c.event_id).order_by(
            _LINKS.c.article_id, _LINKS.c.event_id
        )
        result: dict[str, list[str]] = {}
        for article_id, event_id in self._read(lambda conn: [tuple(r) for r in conn.execute(query)]):
            result.setdefault(article_id, []).append(event_id)
        return result

    # -- meta and plumbing ----------------------------------------------------

    def schema_version(self) -> int:
        """The schema version recorded in the database."""
        return self._read(_read_version) or 0

    def _check_schema(self) -> None:
        def check(conn: Connection) -> None:
            tables = set(inspect(conn).get_table_names())
            if tables and "meta" not in tables:
                raise StoreError(
                    f"{self.url} is not a sitrep database "
                    f"(it has other tables: {', '.join(sorted(tables)[:5])})",
                    hint="give the path of a sitrep database, or a new path to create one",
                )
            version = _read_version(conn) if "meta" in tables else None
            if version is not None and version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.url} was written by a newer sitrep (schema version {version}; "
                    f"this sitrep reads up to {SCHEMA_VERSION})",
                    hint="upgrade sitrep: pip install -U sitrep",
                )

        self._read(check)

    def _create_schema(self) -> None:
        def create(conn: Connection) -> None:
            Base.metadata.create_all(conn)
            version = _read_version(conn)
            if version is None:
                conn.execute(insert(_META).values(key="schema_version", value=str(SCHEMA_VERSION)))
            elif version < SCHEMA_VERSION:
                upgrade(conn, version)

        self._write(create)

    def _write(self, fn: Callable[[Connection], T]) -> T:
        self._check_open()
        try:
            if self._writer is not None:
                return self._writer.execute(fn)
            with self._engine.begin() as conn:
                return fn(conn)
        except SitrepError:
            raise
        except SQLAlchemyError as exc:
            raise store_error(self.url, "write to", exc) from exc

    def _read(self, fn: Callable[[Connection], T]) -> T:
        self._check_open()
        try:
            with self._engine.connect() as conn:
                return fn(conn)
        except SitrepError:
            raise
        except SQLAlchemyError as exc:
            raise store_error(self.url, "read", exc) from exc

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"the store {self.url} is closed", hint="open it again with Store.open()")


# -- helpers ------------------------------------------------------------------


def _read_version(conn: Connection) -> int | None:
    raw = conn.scalar(select(_META.c.value).where(_META.c.key == "schema_version"))
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        raise StoreError(
            f"unreadable schema version {raw!r} in the meta table", hint="the database is damaged"
        ) from None


def _existing_ids(conn: Connection, ids: Sequence[str]) -> set[str]:
    return {article_id for (article_id,) in rows_in(conn, select(_ARTICLES.c.id), _ARTICLES.c.id, ids)}


def _read_articles(conn: Connection, query: Select[Any]) -> list[Article]:
    return [article_from_row(row._mapping) for row in conn.execute(query)]
