"""Turn a cluster of mentions into one :class:`Event` with resolved fields."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Literal

from sitrep.geo import PLACE_SPECIFICITY, distance_km
from sitrep.model import (
    ActorRole,
    Article,
    CountMention,
    DatePrecision,
    Event,
    EventMention,
    Place,
)
from sitrep.resolve.cluster import Cluster
from sitrep.resolve.sources import source_name

__all__ = ["combine_source_counts", "event_id_for", "merge_cluster", "source_name"]

_PRECISION_ORDER = list(DatePrecision)


def event_id_for(anchor: EventMention) -> str:
    """A stable event id derived from the mention that founded the event."""
    return "ev-" + hashlib.sha1(anchor.id.encode("utf-8")).hexdigest()[:10]


def combine_source_counts(
    counts: Sequence[CountMention], *, tie: Literal["lowest", "highest"] = "lowest"
) -> tuple[int | None, int | None]:
    """One (low, high) from several sources' counts of the same victims.

    Sources that give an exact number outvote vague ones: the exact value most
    sources give wins. On a tie, ``tie="lowest"`` keeps the lowest (ACLED's
    conservative practice, used for deaths) and ``tie="highest"`` the highest (used
    for the injured: an early report often lists only the victims taken to one
    hospital; a victim who later died is taken out by the deaths anyway). With only
    vague counts, overlapping ranges are intersected; otherwise the widest lower
    bound is kept with an open top.
    """
    exact = [c.exact for c in counts if c.exact is not None]
    if exact:
        tally = Counter(exact)
        top = max(tally.values())
        tied = [v for v, n in tally.items() if n == top]
        value = max(tied) if tie == "highest" else min(tied)
        return value, value
    lows = [c.low for c in counts if c.low is not None]
    highs = [c.high for c in counts if c.high is not None]
    low = max(lows) if lows else None
    high = min(highs) if highs and len(highs) == len(counts) else None
    if low is not None and high is not None and high < low:
        high = None
    return low, high


def _still_injured(
    mentions: Sequence[EventMention],
    killed: tuple[int | None, int | None],
    injured: tuple[int | None, int | None],
) -> tuple[int | None, int | None]:
    """The injured count once victims who died later are taken out of it.

    An early report counts a victim as wounded; a later one reports the death. When a report
    gives fewer deaths than the event's count while it names injured, the injured can be
    no more than the most victims (killed plus injured) any one report gives, minus the
    deaths: "a boy critically hurt" then "the boy has died" is one killed, none injured;
    "three wounded" then "one of them died" is one killed, two injured."""
    if killed[0] is None or killed[0] != killed[1] or injured[0] is None or injured[0] != injured[1]:
        return injured  # only exact counts are reconciled
    deaths, hurt = killed[0], injured[0]
    reports = [(_exact_or_zero(m.killed), _exact_or_zero(m.injured)) for m in mentions]
    if hurt == 0 or not any(k < deaths and i > 0 for k, i in reports):
        return injured
    still = max(0, max(k + i for k, i in reports) - deaths)
    return (still, still) if still < hurt else injured


def _exact_or_zero(count: CountMention | None) -> int:
    return (count.exact or 0) if count is not None else 0


def _best_date(
    mentions: Sequence[EventMention], published: Mapping[str, dt.date | None] | None = None
) -> EventMention | None:
    """The mention whose date is finest and most often given (the earliest on ties).

    A date more than a day after the first report of the event (by ``published``, article id →
    publication date) cannot be the event's: it dates a later step (an arrest, a funeral) and is
    set aside while another date remains."""
    dated = [(m, m.date) for m in mentions if m.date is not None]
    if not dated:
        return None
    first = min((d for m in mentions if published and (d := published.get(m.article_id))), default=None)
    if first is not None:
        bound = first + dt.timedelta(days=1)
        dated = [(m, d) for m, d in dated if d.date <= bound] or dated
    best_precision = min(_PRECISION_ORDER.index(d.precision) for _, d in dated)
    finest = [(m, d) for m, d in dated if _PRECISION_ORDER.index(d.precision) == best_precision]
    tally = Counter(d.date for _, d in finest)
    top = max(tally.values())
    value = min(day for day, n in tally.items() if n == top)
    return next(m for m, d in finest if d.date == value)


def _best_place(mentions: Sequence[EventMention]) -> tuple[Place | None, str | None]:
    """The most specific place that most sources agree with (within 25 km or by containment); among
    equals, the one resolved with the most confidence (a small namesake far from the rest is more
    often a misread name: "Parker", "Jones")."""
    found = [
        (m.place.place, m.place.name, m.place.score)
        for m in mentions
        if m.place is not None and m.place.place
    ]
    if not found:
        return None, None

    def support(p: Place) -> int:
        return sum(
            1
            for q, _, _ in found
            if distance_km(p.latitude, p.longitude, q.latitude, q.longitude) <= 25
            or (q.country == p.country and q.feature in ("country", "admin1"))
        )

    place, name, _ = min(
        found, key=lambda pns: (-support(pns[0]), PLACE_SPECIFICITY.get(pns[0].feature, 5), -pns[2])
    )
    return place, name


def merge_cluster(cluster: Cluster, articles: Mapping[str, Article]) -> Event:
    """Build the event for a cluster: fields resolved across its mentions."""
    mentions = cluster.mentions
    primaries = [m for m in mentions if m.primary] or mentions
    anchor = primaries[0]
    type_votes = Counter(m.sub_event_type for m in primaries)
    sub = max(type_votes, key=lambda t: (type_votes[t], -[m.sub_event_type for m in primaries].index(t)))
    event_type = next(m.event_type for m in primaries if m.sub_event_type == sub)

    published = {m.article_id: articles[m.article_id].published for m in mentions if m.article_id in articles}
    dated = _best_date(mentions, published)
    if dated is not None:
        mentions = [
            replace(m, date=dated.date, date_borrowed_from=dated.article_id) if m.date is None else m
            for m in mentions
        ]
    place, place_name = _best_place(mentions)
    killed = combine_source_counts([m.killed for m in mentions if m.killed is not None])
    injured = _still_injured(
        mentions,
        killed,
        combine_source_counts([m.injured for m in mentions if m.injured is not None], tie="highest"),
    )

    weapons = sorted({w.weapon for m in mentions for w in m.weapons})
    actors: list[tuple[str, ActorRole]] = []
    for m in mentions:
        for a in m.actors:
            if (a.name, a.role) not in actors:
                actors.append((a.name, a.role))
    article_ids = sorted({m.article_id for m in mentions})
    sources = sorted({source_name(articles[a]) for a in article_ids if a in articles})
    return Event(
        id=event_id_for(anchor),
        event_type=event_type,
        sub_event_type=sub,
        mentions=mentions,
        date=dated.date.date if dated and dated.date else None,
        date_precision=dated.date.precision if dated and dated.date else None,
        place=place,
        place_name=place_name,
        killed_low=killed[0],
        killed_high=killed[1],
        injured_low=injured[0],
        injured_high=injured[1],
        weapons=weapons,
        actors=actors,
        article_ids=article_ids,
        sources=sources,
        merge_reasons=list(cluster.reasons),
    )
