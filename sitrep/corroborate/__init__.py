"""Corroboration: per event and field, what each source claims, how many independent sources
agree on each value, and where sources disagree."""

from __future__ import annotations

from collections.abc import Mapping

from sitrep.corroborate.agreement import article_agency, build_agreement, independent_key
from sitrep.corroborate.claims import build_claims, count_value, date_value, describe_direction
from sitrep.corroborate.contradictions import find_contradictions
from sitrep.corroborate.framing import source_framing
from sitrep.extract.gazetteer import Gazetteer, load_gazetteer
from sitrep.model import Article, Event

__all__ = [
    "article_agency",
    "build_agreement",
    "build_claims",
    "corroborate_event",
    "count_value",
    "date_value",
    "describe_direction",
    "find_contradictions",
    "independent_key",
    "source_framing",
]


def corroborate_event(
    event: Event, articles: Mapping[str, Article], gazetteer: Gazetteer | None = None
) -> Event:
    """Fill ``event.claims``, ``contradictions``, ``agreement`` and ``framing`` from its articles."""
    gaz = gazetteer or load_gazetteer()
    event.claims = build_claims(event, articles)
    event.contradictions = find_contradictions(event, event.claims, articles, gaz)
    event.agreement = build_agreement(event.claims, event.contradictions)
    event.framing = source_framing(event, articles)
    return event
