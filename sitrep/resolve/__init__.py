"""Resolution: one event per real incident, across all articles."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence

from sitrep.config import Settings
from sitrep.geo import distance_km
from sitrep.model import Article, DatePrecision, Event
from sitrep.resolve.cluster import Cluster, cluster_mentions
from sitrep.resolve.merge import merge_cluster, source_name

__all__ = ["Cluster", "link_related", "resolve_events", "source_name"]

logger = logging.getLogger(__name__)

_SERIES_DAYS = 45
_SERIES_KM = 100.0


def link_related(events: Sequence[Event]) -> None:
    """Link events that one article reports together, or that form a series.

    A series: the same event type within ``_SERIES_KM`` km and ``_SERIES_DAYS`` days.
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
            if (day_b - day_a).days > _SERIES_DAYS:
                break
            if a.event_type != b.event_type:
                continue
            pa, pb = a.place, b.place
            if pa and pb and distance_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) <= _SERIES_KM:
                related[a.id].add(b.id)
                related[b.id].add(a.id)
    for e in events:
        e.related_event_ids = sorted(related.get(e.id, ()))


def resolve_events(articles: Sequence[Article], settings: Settings | None = None) -> list[Event]:
    """Cluster the event mentions of ``articles`` and merge each cluster into an :class:`Event`.

    Wire copies (``duplicate_of`` set) still contribute their article to the event
    they report; corroboration counts them as one source with their original.
    An event whose reports state no date takes the earliest publication date at
    week precision ("reported that week").
    """
    settings = settings or Settings()
    by_id = {a.id: a for a in articles}
    events = [merge_cluster(c, by_id) for c in cluster_mentions(articles, settings)]
    for e in events:
        if e.date is None:
            published = [d for a in e.article_ids if a in by_id and (d := by_id[a].published) is not None]
            if published:
                e.date = min(published)
                e.date_precision = DatePrecision.WEEK
    link_related(events)
    return events
