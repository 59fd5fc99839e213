"""Incremental resolution: new articles update or create events without re-resolving the database.

For the new articles' event mentions, the store returns the events holding a
stored mention in the same blocks (date window, place box: the blocks of
:func:`~sitrep.resolve.cluster.cluster_mentions`, so nothing the full
clustering could merge is missed). Those events' mentions, plus the new ones,
are clustered together with the same clustering as a full run; each new mention
then joins the stored event whose mentions it was clustered with (the event
holding most of them; the older one on a tie), or, clustered with new mentions
only, forms a new event. Stored mentions never move: only a full
re-resolution (:func:`rebuild_events`) or a user decision regroups them, so event
ids are stable. Only touched events are merged, corroborated and written, and
each logs what changed (:mod:`sitrep.resolve.history`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace

import numpy as np

from sitrep.config import Settings
from sitrep.corroborate import corroborate_event
from sitrep.model import Article, Event, EventMention, FieldChange
from sitrep.resolve import SERIES_DAYS, SERIES_KM, build_event, is_series, link_related, resolve_clusters
from sitrep.resolve.candidates import haversine_km
from sitrep.resolve.cluster import Cluster, cluster_mentions
from sitrep.resolve.history import record_changes
from sitrep.resolve.merge import event_id_for
from sitrep.store import Store
from sitrep.store.resolution import ResolutionUpdate

__all__ = [
    "Assignment",
    "ResolveResult",
    "assign_new_mentions",
    "rebuild_events",
    "reconcile_ids",
    "save_events",
    "update_events",
]

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class Assignment:
    """Where new mentions go: stored events they join, and new clusters."""

    joins: dict[str, list[EventMention]] = field(default_factory=dict)
    reasons: dict[str, list[str]] = field(default_factory=dict)
    fresh: list[Cluster] = field(default_factory=list)


@dataclass(slots=True)
class ResolveResult:
    """What one resolution wrote."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    relinked: int = 0


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def assign_new_mentions(
    new_articles: Sequence[Article],
    context: Sequence[Article],
    stored: Mapping[str, Sequence[EventMention]],
    settings: Settings,
    created: Mapping[str, dt.datetime] | None = None,
) -> Assignment:
    """Cluster the new articles' mentions with the ``stored`` events' mentions and place each new mention.

    ``context`` are the stored articles of those events, with ``events`` set to
    their mentions in ``stored``. ``created`` orders stored events by age (ties
    go to the older event).
    """
    owner = {m.id: event_id for event_id, ms in stored.items() for m in ms}
    age = created or {}
    result = Assignment()
    groups = [[m.id for m in ms] for ms in stored.values()]
    for c in cluster_mentions([*context, *new_articles], settings, fixed=groups):
        new = [m for m in c.mentions if m.id not in owner]
        if not new:
            continue
        new_ids = {m.id for m in new}
        reasons = [r for r in c.reasons if r.split(" ", 1)[0] in new_ids]
        votes = Counter(owner[m.id] for m in c.mentions if m.id in owner)
        if not votes:
            result.fresh.append(Cluster(mentions=new, reasons=reasons))
            continue
        far_future = dt.datetime.max.replace(tzinfo=dt.UTC)
        target = min(votes, key=lambda e: (-votes[e], age.get(e, far_future), e))
        result.joins.setdefault(target, []).extend(new)
        result.reasons.setdefault(target, []).extend(reasons)
    return result


def _articles_for(store: Store, ids: Iterable[str], known: Mapping[str, Article]) -> dict[str, Article]:
    wanted = set(ids)
    out = {i: known[i] for i in wanted if i in known}
    out.update({a.id: a for a in store.articles(sorted(wanted - set(out)))})
    return out


def _relink(store: Store, touched: Sequence[Event], gone: Iterable[str]) -> list[Event]:
    """Refresh the related-event links of ``touched`` events; return stored neighbours whose links changed."""
    touched_ids = {e.id for e in touched}
    removed = set(gone) | touched_ids
    by_article: dict[str, set[str]] = defaultdict(set)
    for a, ids in store.events_of_articles({a for e in touched for a in e.article_ids}).items():
        by_article[a].update(ids - removed)
    for e in touched:
        for a in e.article_ids:
            by_article[a].add(e.id)
    candidates: set[str] = set()
    for e in touched:
        if e.date is not None and e.place is not None:
            candidates.update(
                store.events_near(
                    e.event_type,
                    e.date,
                    days=SERIES_DAYS,
                    latitude=e.place.latitude,
                    longitude=e.place.longitude,
                    km=SERIES_KM * 1.05,
                )
            )
    candidates.update(i for ids in by_article.values() for i in ids)
    for old in store.events_by_id(removed).values():  # their former neighbours may lose a link
        candidates.update(old.related_event_ids)
    neighbours = store.events_by_id(candidates - removed)
    related: dict[str, set[str]] = {e.id: set() for e in touched}
    for ids in by_article.values():
        for i in ids:
            if i in related:
                related[i].update(ids - {i})
    for event_id, series in _series_links(touched, [*touched, *neighbours.values()]).items():
        related[event_id].update(series)
    for e in touched:
        e.related_event_ids = sorted(related[e.id])
    changed: list[Event] = []
    for n in neighbours.values():
        links = {i for i in n.related_event_ids if i not in removed}
        links |= {e.id for e in touched if n.id in related[e.id]}
        if sorted(links) != n.related_event_ids:
            n.related_event_ids = sorted(links)
            changed.append(n)
    return changed


def _series_links(touched: Sequence[Event], pool: Sequence[Event]) -> dict[str, set[str]]:
    """For each touched event, the events of ``pool`` it forms a series with (:func:`is_series`).

    The pool is indexed by event type and date, so each touched event is compared
    only with same-type events within ``SERIES_DAYS`` days, and tested exactly
    only when about ``SERIES_KM`` away: not every touched event with every event.
    """
    index: dict[str, tuple[list[Event], np.ndarray, np.ndarray, np.ndarray]] = {}
    by_type: dict[str, list[Event]] = defaultdict(list)
    for ev in pool:
        if ev.date is not None and ev.place is not None:
            by_type[ev.event_type].append(ev)
    for event_type, evs in by_type.items():
        evs.sort(key=lambda e: (e.date, e.id))
        index[event_type] = (
            evs,
            np.array([e.date.toordinal() for e in evs if e.date is not None], dtype=np.int64),
            np.array([e.place.latitude for e in evs if e.place is not None]),
            np.array([e.place.longitude for e in evs if e.place is not None]),
        )
    links: dict[str, set[str]] = defaultdict(set)
    for e in touched:
        if e.date is None or e.place is None or e.event_type not in index:
            continue
        evs, days, lat, lon = index[e.event_type]
        day = e.date.toordinal()
        lo = int(np.searchsorted(days, day - SERIES_DAYS, side="left"))
        hi = int(np.searchsorted(days, day + SERIES_DAYS, side="right"))
        here = np.array([e.place.latitude]), np.array([e.place.longitude])
        km = haversine_km(*here, lat[lo:hi], lon[lo:hi])
        for k in (np.flatnonzero(km <= SERIES_KM + 1.0) + lo).tolist():
            if evs[k].id != e.id and is_series(e, evs[k]):
                links[e.id].add(evs[k].id)
    return links


def save_events(
    store: Store,
    events: Sequence[Event],
    mentions: Mapping[str, list[EventMention]],
    history: Sequence[tuple[str, FieldChange]],
    *,
    deleted: Sequence[str] = (),
    aliases: Mapping[str, str] | None = None,
) -> ResolveResult:
    """Relink and write touched ``events``, their mentions, new history rows, deletions and aliases."""
    neighbours = _relink(store, events, deleted)
    update = ResolutionUpdate(
        events=[*events, *neighbours],
        mentions=dict(mentions),
        deleted=list(deleted),
        aliases=dict(aliases or {}),
        history=list(history),
    )
    new, changed, removed = store.save_resolution(update)
    logger.info("events: %d new, %d changed, %d deleted, %d relinked", new, changed, removed, len(neighbours))
    created = {e for e, c in history if c.field == "event" and c.new == "created"}
    return ResolveResult(
        created=sorted(created),
        updated=sorted({e.id for e in events} - created),
        deleted=list(deleted),
        relinked=len(neighbours),
    )


def update_events(store: Store, articles: Sequence[Article], settings: Settings) -> ResolveResult:
    """Resolve newly stored ``articles`` (analysed) against the stored events; write what changed."""
    mentions = [m for a in articles for m in a.events]
    if not mentions:
        return ResolveResult()
    new_ids = {a.id for a in articles}
    candidates = store.candidate_event_ids(
        mentions,
        days=settings.cluster_days + 1,
        km=settings.cluster_km,
        published={a.id: a.published for a in articles},
    )
    stored = store.event_mentions(candidates)
    per_article: dict[str, list[EventMention]] = defaultdict(list)
    for ms in stored.values():
        for m in ms:
            per_article[m.article_id].append(m)
    light = store.light_articles(set(per_article) - new_ids)
    context = [replace(a, events=per_article[a.id]) for a in light.values()]
    plan = assign_new_mentions(articles, context, stored, settings, store.event_created(stored))
    old_events = store.events_by_id(plan.joins)
    needed = {m.article_id for e in plan.joins for m in stored[e]} | new_ids
    full = _articles_for(store, needed, {a.id: a for a in articles})
    now = _now()
    events: list[Event] = []
    history: list[tuple[str, FieldChange]] = []
    held: dict[str, list[EventMention]] = {}
    for event_id, joining in plan.joins.items():
        old = old_events.get(event_id)
        reasons = (old.merge_reasons if old else []) + plan.reasons.get(event_id, [])
        cluster = Cluster(mentions=[*stored[event_id], *joining], reasons=reasons)
        ev = corroborate_event(build_event(cluster, full, event_id), full)
        causes = sorted({m.article_id for m in joining})
        history += [
            (ev.id, c) for c in record_changes(old, ev, at=now, article_ids=causes, reason="new reports")
        ]
        events.append(ev)
        held[ev.id] = cluster.mentions
    for cluster in plan.fresh:
        ev = corroborate_event(build_event(cluster, full), full)
        causes = sorted({m.article_id for m in cluster.mentions})
        history += [
            (ev.id, c) for c in record_changes(None, ev, at=now, article_ids=causes, reason="new reports")
        ]
        events.append(ev)
        held[ev.id] = cluster.mentions
    return save_events(store, events, held, history)


def rebuild_events(store: Store, settings: Settings) -> ResolveResult:
    """Re-resolve every stored article from scratch, applying the user's decisions, and keep event ids.

    Each new cluster takes the id of the stored event holding most of its
    mentions (each id once, the older event first on ties); stored events whose
    id is not taken become aliases of the event that took most of their mentions.
    """
    articles = store.articles()
    by_id = {a.id: a for a in articles}
    clusters = resolve_clusters(articles, settings, store.decisions())
    previous = store.mention_assignments()
    old_events = {e.id: e for e in store.events()}
    created = store.event_created(old_events)
    ids, aliases = reconcile_ids(clusters, previous, created, set(store.aliases_map()))
    now = _now()
    events: list[Event] = []
    history: list[tuple[str, FieldChange]] = []
    held: dict[str, list[EventMention]] = {}
    for cluster, event_id in zip(clusters, ids, strict=True):
        ev = build_event(cluster, by_id, event_id)
        events.append(ev)
        held[ev.id] = cluster.mentions
    link_related(events)
    for ev in events:
        corroborate_event(ev, by_id)
        old = old_events.get(ev.id)
        if old is None or _fields_differ(old, ev):
            history += [
                (ev.id, c)
                for c in record_changes(
                    old, ev, at=now, article_ids=ev.article_ids, reason="full re-resolution"
                )
            ]
        else:
            ev.history = list(old.history)
    deleted = sorted(set(old_events) - set(ids))
    update = ResolutionUpdate(
        events=events, mentions=held, deleted=deleted, aliases=aliases, history=history, full=True
    )
    new, changed, removed = store.save_resolution(update)
    logger.info("rebuild: %d events (%d new, %d changed, %d deleted)", len(events), new, changed, removed)
    fresh = {e for e, c in history if c.field == "event"}
    return ResolveResult(
        created=sorted(fresh), updated=sorted({e.id for e in events} - fresh), deleted=deleted
    )


def _fields_differ(old: Event, new: Event) -> bool:
    probe = replace(new, history=[])
    return bool(record_changes(old, probe, at=_now(), article_ids=(), reason=""))


def reconcile_ids(
    clusters: Sequence[Cluster],
    previous: Mapping[str, str],
    created: Mapping[str, dt.datetime],
    taken: AbstractSet[str] = frozenset(),
) -> tuple[list[str], dict[str, str]]:
    """Stable ids for re-resolved ``clusters``, given the previous mention → event assignment.

    Returns the id of each cluster and the aliases (old id → new id) of stored
    events whose id no cluster kept. ``taken`` are ids that must not be reused
    (aliases of merged events).
    """
    far_future = dt.datetime.max.replace(tzinfo=dt.UTC)
    overlaps: list[tuple[int, dt.datetime, str, int]] = []
    for n, c in enumerate(clusters):
        votes = Counter(previous[m.id] for m in c.mentions if m.id in previous)
        overlaps += [(-k, created.get(e, far_future), e, n) for e, k in votes.items()]
    ids: list[str | None] = [None] * len(clusters)
    used: set[str] = set()
    for _, _, event_id, n in sorted(overlaps):
        if ids[n] is None and event_id not in used:
            ids[n] = event_id
            used.add(event_id)
    for n, c in enumerate(clusters):
        if ids[n] is None:
            base = event_id_for(next((m for m in c.mentions if m.primary), c.mentions[0]))
            candidate, k = base, 1
            while candidate in used or candidate in taken or candidate in created:
                candidate, k = f"{base}-{k}", k + 1
            ids[n] = candidate
            used.add(candidate)
    final = [i for i in ids if i is not None]
    aliases: dict[str, str] = {}
    for old_id in set(previous.values()) - used:
        votes = Counter(
            final[n] for n, c in enumerate(clusters) for m in c.mentions if previous.get(m.id) == old_id
        )
        if votes:
            aliases[old_id] = votes.most_common(1)[0][0]
    return final, aliases
