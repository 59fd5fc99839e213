"""How an event's place is chosen from its reports' places (invented mentions)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model import Article, EventMention, Place, PlaceMention, Span
from sitrep.resolve.cluster import Cluster
from sitrep.resolve.merge import merge_cluster

TEXT = "Police said Parker fired at officers near the Dayton depot on Friday."
DAYTON = Place("Dayton", 39.759, -84.192, "US", "Ohio", population=137_000)
PARKER = Place("Parker", 39.518, -104.761, "US", "Colorado", population=4_600)  # a namesake far away
KETTERING = Place("Kettering", 39.690, -84.169, "US", "Ohio", population=57_000)


def _report(n: int, place: Place, score: float) -> tuple[Article, EventMention]:
    article = Article(id=f"a{n}", text=TEXT, published=dt.date(2024, 5, 3))
    span = Span.of(TEXT, 12, 18)
    mention = EventMention(
        id=f"a{n}#0",
        article_id=article.id,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        trigger=span,
        places=[PlaceMention(span, place.name, place, is_event_location=True, score=score)],
    )
    return article, mention


def _place(reports: list[tuple[Place, float]]) -> str | None:
    pairs = [_report(n, p, s) for n, (p, s) in enumerate(reports, start=1)]
    event = merge_cluster(Cluster(mentions=[m for _, m in pairs]), {a.id: a for a, _ in pairs})
    return event.place.name if event.place is not None else None


@pytest.mark.parametrize("order", [1, -1])
def test_between_two_reports_the_more_confident_place_wins(order: int) -> None:
    assert _place([(PARKER, 0.3), (DAYTON, 0.8)][::order]) == "Dayton"


def test_support_from_other_reports_still_comes_first() -> None:
    # two reports agree on the Dayton area (Kettering lies within 25 km), so a confident outlier loses
    assert _place([(PARKER, 0.9), (DAYTON, 0.4), (KETTERING, 0.5)]) in ("Dayton", "Kettering")
