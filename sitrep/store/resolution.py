"""What incremental resolution reads and writes: mention assignments, aliases, decisions, history, bands.

:class:`ResolutionStore` is mixed into :class:`~sitrep.store.Store`; its methods
use the store's ``_read`` (pooled connection) and ``_write`` (writer thread, one
transaction) plumbing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Connection, and_, delete, exists, false, insert, or_, select, update

from sitrep.model import Article, Event, EventMention, FieldChange
from sitrep.store.rows import AREA_FEATURES, ARTICLE_COLUMNS, article_from_row, event_row, mention_row
from sitrep.store.schema import Base
from sitrep.store.serialize import event_from_dict, from_dict
from sitrep.store.sql import chunks as _chunks
from sitrep.store.sql import now as _now
from sitrep.store.sql import rows_in, write_event_rows

__all__ = ["ResolutionStore", "ResolutionUpdate", "StoredDecision"]

T = TypeVar("T")

_EVENTS = Base.metadata.tables["events"]
_LINKS = Base.metadata.tables["event_articles"]
_ARTICLES = Base.metadata.tables["articles"]
_MENTIONS = Base.metadata.tables["event_mentions"]
_ALIASES = Base.metadata.tables["event_aliases"]
_DECISIONS = Base.metadata.tables["decisions"]
_HISTORY = Base.metadata.tables["event_history"]
_BANDS = Base.metadata.tables["article_bands"]


@dataclass(slots=True)
class ResolutionUpdate:
    """Events to write after a resolution, with the mentions each one holds.

    Attributes:
        events: new or changed events, written whole (unchanged payloads are skipped).
        mentions: for each event in ``events``, its mentions as extracted, in order.
        deleted: ids of stored events to delete (merged into another, or emptied).
        aliases: old event id → the id of the event it became part of.
        history: (event id, change) rows appended to the ``event_history`` log.
        full: when True the stored events become exactly ``events`` (a full re-resolution).
    """

    events: list[Event] = field(default_factory=list)
    mentions: dict[str, list[EventMention]] = field(default_factory=dict)
    deleted: list[str] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    history: list[tuple[str, FieldChange]] = field(default_factory=list)
    full: bool = False


@dataclass(frozen=True, slots=True)
class StoredDecision:
    """A user decision as stored: ``merge`` (event_id + other_id) or ``split`` (event_id, article_id).

    ``groups`` are the mention-id groups the decision is about: for a merge, the
    mentions of each event; for a split, the article's mentions then the rest.
    """

    id: int
    kind: str
    event_id: str
    other_id: str | None
    article_id: str | None
    groups: tuple[tuple[str, ...], ...]
    at: dt.datetime


class ResolutionStore:
    """Store methods for incremental resolution (mixed into :class:`~sitrep.store.Store`)."""

    def _read(self, fn: Callable[[Connection], T]) -> T:  # pragma: no cover - provided by Store
        raise NotImplementedError

    def _write(self, fn: Callable[[Connection], T]) -> T:  # pragma: no cover - provided by Store
        raise NotImplementedError

    # -- neighbourhoods ---------------------------------------------------------

    def candidate_event_ids(
        self,
        mentions: Sequence[EventMention],
        *,
        days: int,
        km: float,
        published: Mapping[str, dt.date | None] | None = None,
    ) -> set[str]:
        """Ids of stored events holding a mention that could report the same incident as one of ``mentions``.

        A superset of what pair scoring would not veto: within ``days`` of a dated
        mention (or undated) and, when both have a place, within ``km`` or in an
        area (country or region) of the same country. An undated mention meets
        the mentions nearby; with its article's date in ``published``, only those
        of articles published within ``days`` of it (the full clustering's block
        for undated reports), not every report of the place ever stored.
        """
        dates = published or {}

        def work(conn: Connection) -> set[str]:
            found: set[str] = set()
            for m in mentions:
                cond = _near(m, days, km)
                day = dates.get(m.article_id)
                if m.date is None and day is not None:
                    cond = and_(cond, _published_near(day, days))
                found.update(conn.scalars(select(_MENTIONS.c.event_id).where(cond)))
            return found

        return self._read(work)

    def event_mentions(self, event_ids: Iterable[str]) -> dict[str, list[EventMention]]:
        """The stored (as extracted) mentions of each event, in their order in the event."""
        ids = sorted(set(event_ids))

        def work(conn: Connection) -> dict[str, list[EventMention]]:
            out: dict[str, list[EventMention]] = {i: [] for i in ids}
            query = select(_MENTIONS.c.event_id, _MENTIONS.c.payload).order_by(
                _MENTIONS.c.event_id, _MENTIONS.c.position
            )
            for event_id, payload in rows_in(conn, query, _MENTIONS.c.event_id, ids):
                out[event_id].append(from_dict(EventMention, payload))
            return out

        return self._read(work)

    def mention_assignments(self, mention_ids: Iterable[str] | None = None) -> dict[str, str]:
        """Mention id → id of the event it is assigned to (all mentions when ``mention_ids`` is None)."""

        def work(conn: Connection) -> dict[str, str]:
            query = select(_MENTIONS.c.id, _MENTIONS.c.event_id)
            if mention_ids is None:
                return {m: e for m, e in conn.execute(query)}
            return {m: e for m, e in rows_in(conn, query, _MENTIONS.c.id, mention_ids)}

        return self._read(work)

    def events_by_id(self, ids: Iterable[str]) -> dict[str, Event]:
        """The stored events with these ids (missing ones left out)."""
        query = select(_EVENTS.c.id, _EVENTS.c.payload)

        def work(conn: Connection) -> dict[str, Event]:
            return {i: event_from_dict(payload) for i, payload in rows_in(conn, query, _EVENTS.c.id, ids)}

        return self._read(work)

    def event_created(self, ids: Iterable[str]) -> dict[str, dt.datetime]:
        """When each of these events was first stored (events migrated without a time are left out)."""
        query = select(_EVENTS.c.id, _EVENTS.c.created_at)

        def work(conn: Connection) -> dict[str, dt.datetime]:
            return {i: _aware(t) for i, t in rows_in(conn, query, _EVENTS.c.id, ids) if t is not None}

        return self._read(work)

    def events_near(
        self, event_type: str, day: dt.date, *, days: int, latitude: float, longitude: float, km: float
    ) -> list[str]:
        """Ids of stored events of ``event_type`` within ``days`` of ``day`` and about ``km`` of the point."""
        dlat = km / 111.0
        dlon = km / (111.0 * max(0.1, math.cos(math.radians(latitude))))
        # event_type is checked in Python: with it in SQL, SQLite scans every event of that type
        query = select(_EVENTS.c.id, _EVENTS.c.event_type).where(
            _EVENTS.c.date.between(day - dt.timedelta(days=days), day + dt.timedelta(days=days)),
            _EVENTS.c.latitude.between(latitude - dlat, latitude + dlat),
            _EVENTS.c.longitude.between(longitude - dlon, longitude + dlon),
        )
        return self._read(lambda conn: [i for i, t in conn.execute(query) if t == event_type])

    def events_of_articles(self, article_ids: Iterable[str]) -> dict[str, set[str]]:
        """For each of these articles, the ids of the stored events it reports."""
        query = select(_LINKS.c.article_id, _LINKS.c.event_id)

        def work(conn: Connection) -> dict[str, set[str]]:
            out: dict[str, set[str]] = {}
            for a, e in rows_in(conn, query, _LINKS.c.article_id, article_ids):
                out.setdefault(a, set()).add(e)
            return out

        return self._read(work)

    def light_articles(self, ids: Iterable[str]) -> dict[str, Article]:
        """Stored articles without their extraction results (text, metadata, duplicate_of, origins)."""
        query = select(*[_ARTICLES.c[name] for name in ARTICLE_COLUMNS])

        def work(conn: Connection) -> dict[str, Article]:
            return {
                row.id: article_from_row({**row._mapping, "extraction": None})
                for row in rows_in(conn, query, _ARTICLES.c.id, ids)
            }

        return self._read(work)

    # -- wire-copy candidates ---------------------------------------------------

    def articles_sharing_bands(self, keys: Iterable[int]) -> set[str]:
        """Ids of stored articles with at least one of these MinHash band keys."""
        query = select(_BANDS.c.article_id).distinct()

        def work(conn: Connection) -> set[str]:
            return {article_id for (article_id,) in rows_in(conn, query, _BANDS.c.key, keys)}

        return self._read(work)

    # -- aliases, decisions, history ----------------------------------------------

    def resolve_event_id(self, event_id: str) -> str | None:
        """The id of the event that ``event_id`` (an alias of a merged event) now belongs to, if any."""
        query = select(_ALIASES.c.event_id).where(_ALIASES.c.alias == event_id)
        return self._read(lambda conn: conn.scalar(query))

    def aliases_map(self) -> dict[str, str]:
        """Every alias → the id of the event it was merged into."""
        return self._read(
            lambda conn: {a: e for a, e in conn.execute(select(_ALIASES.c.alias, _ALIASES.c.event_id))}
        )

    def aliases_of(self, event_id: str) -> list[str]:
        """Ids of the events merged into ``event_id``, sorted."""
        query = select(_ALIASES.c.alias).where(_ALIASES.c.event_id == event_id).order_by(_ALIASES.c.alias)
        return self._read(lambda conn: list(conn.scalars(query)))

    def add_decision(
        self,
        kind: str,
        event_id: str,
        groups: Sequence[Sequence[str]],
        *,
        other_id: str | None = None,
        article_id: str | None = None,
    ) -> StoredDecision:
        """Record a user decision (it is applied by every later resolution)."""
        now = _now()
        row = {
            "kind": kind,
            "event_id": event_id,
            "other_id": other_id,
            "article_id": article_id,
            "payload": {"groups": [list(g) for g in groups]},
            "created_at": now,
        }

        def work(conn: Connection) -> int:
            key = conn.execute(insert(_DECISIONS).values(**row)).inserted_primary_key
            return int(key[0]) if key else 0

        new_id = self._write(work)
        return StoredDecision(
            int(new_id), kind, event_id, other_id, article_id, tuple(tuple(g) for g in groups), now
        )

    def decisions(self) -> list[StoredDecision]:
        """Every user decision, oldest first."""
        query = select(_DECISIONS).order_by(_DECISIONS.c.id)
        return self._read(lambda conn: [_decision(r._mapping) for r in conn.execute(query)])

    def event_history(self, event_id: str) -> list[FieldChange]:
        """The logged field changes of ``event_id`` and of the events merged into it, oldest first."""
        ids = [event_id, *self.aliases_of(event_id)]
        query = select(_HISTORY).where(_HISTORY.c.event_id.in_(ids)).order_by(_HISTORY.c.id)
        return self._read(lambda conn: [_change(r._mapping) for r in conn.execute(query)])

    # -- writing --------------------------------------------------------------------

    def save_resolution(self, change: ResolutionUpdate) -> tuple[int, int, int]:
        """Write a resolution's events, mention assignments, aliases and history in one transaction.

        Returns the numbers of events inserted, updated and deleted.
        """
        rows = {ev.id: event_row(ev) for ev in change.events}
        now = _now()

        def work(conn: Connection) -> tuple[int, int, int]:
            stored = _stored_payloads(conn, None if change.full else list(rows) + list(change.deleted))
            deleted = [
                i for i in (stored if change.full else change.deleted) if i in stored and i not in rows
            ]
            new = [i for i in rows if i not in stored]
            changed = [i for i in rows if i in stored and stored[i] != rows[i]["payload"]]
            for chunk in _chunks(deleted + changed):
                conn.execute(delete(_LINKS).where(_LINKS.c.event_id.in_(chunk)))
            for chunk in _chunks(deleted):
                conn.execute(delete(_EVENTS).where(_EVENTS.c.id.in_(chunk)))
                conn.execute(delete(_MENTIONS).where(_MENTIONS.c.event_id.in_(chunk)))
            write_event_rows(conn, rows, changed, new, now)
            _write_mentions(conn, change.mentions)
            _write_aliases(conn, change.aliases, set(rows), now)
            if change.history:
                conn.execute(insert(_HISTORY), [_history_row(e, c) for e, c in change.history])
            return len(new), len(changed), len(deleted)

        return self._write(work)


# -- helpers ----------------------------------------------------------------------


def _near(m: EventMention, days: int, km: float) -> Any:
    """The SQL condition on stored mentions that could share a block with ``m`` (see cluster.py)."""
    c = _MENTIONS.c
    place = m.place.place if m.place is not None else None
    box: Any = None
    if place is not None:
        dlat = km / 111.0 + 0.05
        dlon = km / (111.0 * max(0.1, math.cos(math.radians(place.latitude)))) + 0.05
        box = and_(
            c.latitude.between(place.latitude - dlat, place.latitude + dlat),
            c.longitude.between(place.longitude - dlon, place.longitude + dlon),
        )
    if m.date is None:  # undated reports only meet nearby ones
        return box if box is not None else false()
    day = m.date.date.toordinal()
    in_window = c.day.between(day - days, day + days)
    if place is None:
        return in_window
    if place.feature in AREA_FEATURES:
        same_place: Any = or_(c.latitude.is_(None), c.country == place.country)
    else:
        same_place = or_(c.latitude.is_(None), box, and_(c.area.is_(True), c.country == place.country))
    return or_(and_(in_window, same_place), and_(c.day.is_(None), box))


def _published_near(day: dt.date, days: int) -> Any:
    """The SQL condition on stored mentions: their article was published within ``days`` of ``day``."""
    a = _ARTICLES.c
    span = a.published.between(day - dt.timedelta(days=days), day + dt.timedelta(days=days))
    return exists().where(a.id == _MENTIONS.c.article_id, span)


def _stored_payloads(conn: Connection, ids: list[str] | None) -> dict[str, Any]:
    query = select(_EVENTS.c.id, _EVENTS.c.payload)
    if ids is None:
        return {i: p for i, p in conn.execute(query)}
    return {i: p for i, p in rows_in(conn, query, _EVENTS.c.id, ids)}


def _write_mentions(conn: Connection, mentions: Mapping[str, list[EventMention]]) -> None:
    event_ids = sorted(mentions)
    mention_ids = sorted({m.id for ms in mentions.values() for m in ms})
    for chunk in _chunks(event_ids):
        conn.execute(delete(_MENTIONS).where(_MENTIONS.c.event_id.in_(chunk)))
    for chunk in _chunks(mention_ids):
        conn.execute(delete(_MENTIONS).where(_MENTIONS.c.id.in_(chunk)))
    rows = list({m.id: mention_row(m, e, n) for e, ms in mentions.items() for n, m in enumerate(ms)}.values())
    if rows:
        conn.execute(insert(_MENTIONS), rows)


def _write_aliases(conn: Connection, aliases: Mapping[str, str], live: set[str], now: dt.datetime) -> None:
    for chunk in _chunks(sorted(live)):  # an id in use again is no longer an alias
        conn.execute(delete(_ALIASES).where(_ALIASES.c.alias.in_(chunk)))
    for alias, target in aliases.items():
        conn.execute(update(_ALIASES).where(_ALIASES.c.event_id == alias).values(event_id=target))
        conn.execute(delete(_ALIASES).where(_ALIASES.c.alias == alias))
        conn.execute(insert(_ALIASES).values(alias=alias, event_id=target, created_at=now))


def _history_row(event_id: str, c: FieldChange) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "field": c.field,
        "old": c.old,
        "new": c.new,
        "at": c.at,
        "article_ids": list(c.article_ids),
        "reason": c.reason,
    }


def _change(row: Any) -> FieldChange:
    return FieldChange(
        field=row["field"],
        old=row["old"],
        new=row["new"],
        at=_aware(row["at"]),
        article_ids=tuple(row["article_ids"] or ()),
        reason=row["reason"] or "",
    )


def _decision(row: Any) -> StoredDecision:
    groups = (row["payload"] or {}).get("groups", [])
    return StoredDecision(
        id=int(row["id"]),
        kind=row["kind"],
        event_id=row["event_id"],
        other_id=row["other_id"],
        article_id=row["article_id"],
        groups=tuple(tuple(str(x) for x in g) for g in groups),
        at=_aware(row["created_at"]),
    )


def _aware(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo is not None else t.replace(tzinfo=dt.UTC)
