"""User edits of the event database: merge two events, split an article out of one.

Each edit is applied at once (the touched events are re-merged, corroborated,
relinked and logged in their history) and stored as a decision that later
incremental ingests and full re-resolutions respect (:mod:`sitrep.resolve.decisions`).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sitrep.config import Settings
from sitrep.corroborate import corroborate_event
from sitrep.errors import SitrepError
from sitrep.model import Event, EventMention, FieldChange
from sitrep.resolve import build_event
from sitrep.resolve.cluster import Cluster
from sitrep.resolve.decisions import describe_decision
from sitrep.resolve.history import record_changes
from sitrep.resolve.incremental import save_events
from sitrep.resolve.merge import event_id_for
from sitrep.store import Store

__all__ = ["merge_events", "split_event"]


def _older_first(store: Store, a: Event, b: Event) -> tuple[Event, Event]:
    created = store.event_created([a.id, b.id])
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return (b, a) if created.get(b.id, far) < created.get(a.id, far) else (a, b)


def merge_events(store: Store, first: str, second: str, settings: Settings | None = None) -> Event:
    """Merge two events (ids, unique prefixes or aliases) into one, keeping the older id; return it.

    The other id becomes an alias of the merged event. The decision is stored.

    Raises:
        NotFoundError: when an id matches no event.
        SitrepError: when both ids name the same event.
    """
    del settings  # merging needs no tunables; accepted for a uniform signature
    a, b = store.get_event(first), store.get_event(second)
    if a.id == b.id:
        raise SitrepError(
            f"{first} and {second} are the same event ({a.id})", hint="give two different events"
        )
    keep, gone = _older_first(store, a, b)
    held = store.event_mentions([keep.id, gone.id])
    decision = store.add_decision(
        "merge",
        keep.id,
        [[m.id for m in held[keep.id]], [m.id for m in held[gone.id]]],
        other_id=gone.id,
    )
    cluster = Cluster(
        mentions=[*held[keep.id], *held[gone.id]],
        reasons=[*keep.merge_reasons, *gone.merge_reasons, describe_decision(decision)],
    )
    articles = {x.id: x for x in store.articles({m.article_id for m in cluster.mentions})}
    merged = corroborate_event(build_event(cluster, articles, keep.id), articles)
    reason = f"user merged {gone.id} into {keep.id}"
    changes = record_changes(keep, merged, at=decision.at, article_ids=gone.article_ids, reason=reason)
    event_note = FieldChange(
        "event", None, f"merged with {gone.id}", decision.at, tuple(gone.article_ids), reason
    )
    merged.history.append(event_note)
    changes.append(event_note)
    save_events(
        store,
        [merged],
        {keep.id: cluster.mentions},
        [(keep.id, c) for c in changes],
        deleted=[gone.id],
        aliases={gone.id: keep.id},
    )
    return merged


def split_event(store: Store, event_id: str, article_id: str, settings: Settings | None = None) -> Event:
    """Move an article's mentions out of an event into an event of their own; return the new event.

    The decision is stored: later resolutions never put them back together automatically.

    Raises:
        NotFoundError: when the event does not exist.
        SitrepError: when the article does not report the event, or is its only report.
    """
    del settings
    event = store.get_event(event_id)
    held = store.event_mentions([event.id])[event.id]
    leaving = [m for m in held if m.article_id == article_id]
    staying = [m for m in held if m.article_id != article_id]
    if not leaving:
        raise SitrepError(
            f"article {article_id} does not report event {event.id}",
            hint=f"its articles: {', '.join(event.article_ids)}",
        )
    if not staying:
        raise SitrepError(
            f"article {article_id} is the only report of event {event.id}", hint="nothing to split"
        )
    decision = store.add_decision(
        "split", event.id, [[m.id for m in leaving], [m.id for m in staying]], article_id=article_id
    )
    note = describe_decision(decision)
    leaving_ids = {m.id for m in leaving}
    reasons = [r for r in event.merge_reasons if r.split(" ", 1)[0] not in leaving_ids]
    articles = {x.id: x for x in store.articles({m.article_id for m in held})}
    rest = corroborate_event(build_event(Cluster(staying, [*reasons, note]), articles, event.id), articles)
    new_id = _split_id(store, leaving, decision.id)
    alone = corroborate_event(build_event(Cluster(leaving, [note]), articles, new_id), articles)
    reason = f"user split article {article_id} out of {event.id}"
    changes = record_changes(event, rest, at=decision.at, article_ids=[article_id], reason=reason)
    split_note = FieldChange(
        "event", None, f"article {article_id} split out to {new_id}", decision.at, (article_id,), reason
    )
    rest.history.append(split_note)
    history: list[tuple[str, FieldChange]] = [(rest.id, c) for c in [*changes, split_note]]
    history += [
        (alone.id, c)
        for c in record_changes(None, alone, at=decision.at, article_ids=[article_id], reason=reason)
    ]
    save_events(store, [rest, alone], {rest.id: staying, alone.id: leaving}, history)
    return alone


def _split_id(store: Store, leaving: list[EventMention], decision_id: int) -> str:
    anchor = next((m for m in leaving if m.primary), leaving[0])
    candidate = event_id_for(anchor)
    if store.events_by_id([candidate]) or store.resolve_event_id(candidate) is not None:
        digest = hashlib.sha1(f"{anchor.id}#split{decision_id}".encode()).hexdigest()[:10]
        candidate = f"ev-{digest}"
    return candidate
