"""Resolution: one event per real incident, across all articles."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence

from sitrep.config import Settings
from sitrep.geo import distance_km
from sitrep.model import Article, DatePrecision, Event
from sitrep.resolve.cluster import Cluster, cluster_mentions
from sitrep.resolve.decisions import apply_decisions
from sitrep.resolve.merge import merge_cluster, source_name
from sitrep.store.resolution import StoredDecision

__all__ = [
    "SERIES_DAYS",
    "SERIES_KM",
    "Cluster",
    "build_event",
    "is_series",
    "link_related",
    "resolve_clusters",
    "resolve_events",
    "source_name",
]

logger = logging.getLogger(__name__)

SERIES_DAYS = 45
SERIES_KM = 100.0


def is_series(a: Event, b: Event) -> bool:
    """True when two events form a series: same event type, within SERIES_KM km and SERIES_DAYS days."""
    if a.event_type != b.event_type or a.date is None or b.date is None or a.place is None or b.place is None:
        return False
    if abs((a.date - b.date).days) > SERIES_DAYS:
        return False
    pa, pb = a.place, b.place
    return distance_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) <= SERIES_KM


def link_related(events: Sequence[Event]) -> None:
    """Link events that one article reports together, or that form a series.

    A series: the same event type within ``SERIES_KM`` km and ``SERIES_DAYS`` days (:func:`is_series`).
    Links are symmetric and stored in ``related_event_ids``; events are never merged here.
    """
    by_article: dict[str, set[str]] = defaultdict(set)
    for ev in events:
        for art in ev.article_ids:
            by_article[art].add(ev.id)
    related: dict[str, set[str]] = defaultdict(set)
    for ids in by_article.values():
        for eid in ids:
            related[eid].update(ids - {eid})
    dated = sorted(
        ((e.date, e) for e in events if e.date is not None and e.place is not None), key=lambda de: de[0]
    )
    for n, (day_a, a) in enumerate(dated):
        for day_b, b in dated[n + 1 :]:
            if (day_b - day_a).days > SERIES_DAYS:
                break
            if is_series(a, b):
                related[a.id].add(b.id)
                related[b.id].add(a.id)
    for e in events:
        e.related_event_ids = sorted(related.get(e.id, ()))


def build_event(cluster: Cluster, articles: Mapping[str, Article], event_id: str | None = None) -> Event:
    """Merge a cluster into an event (with ``event_id`` when given, else one derived from its anchor).

    An event whose reports state no date takes the earliest publication date at
    week precision ("reported that week").
    """
    event = merge_cluster(cluster, articles)
    if event_id is not None:
        event.id = event_id
    if event.date is None:
        published = [
            d for a in event.article_ids if a in articles and (d := articles[a].published) is not None
        ]
        if published:
            event.date = min(published)
            event.date_precision = DatePrecision.WEEK
    return event


def resolve_clusters(
    articles: Sequence[Article], settings: Settings | None = None, decisions: Sequence[StoredDecision] = ()
) -> list[Cluster]:
    """Cluster the event mentions of ``articles``, then apply the user's ``decisions`` in order."""
    return apply_decisions(cluster_mentions(articles, settings or Settings()), decisions)


def resolve_events(
    articles: Sequence[Article], settings: Settings | None = None, decisions: Sequence[StoredDecision] = ()
) -> list[Event]:
    """Cluster the event mentions of ``articles`` and merge each cluster into an :class:`Event`.

    Wire copies (``duplicate_of`` set) still contribute their article to the event
    they report; corroboration counts them as one source with their original.
    User ``decisions`` (merge, split) are applied to the clusters before merging.
    """
    by_id = {a.id: a for a in articles}
    events = [build_event(c, by_id) for c in resolve_clusters(articles, settings, decisions)]
    link_related(events)
    return events
