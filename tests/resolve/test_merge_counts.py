"""How an event's killed and injured counts are chosen from its reports' counts (invented mentions)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model import Article, CountMention, EventMention, Span
from sitrep.resolve.cluster import Cluster
from sitrep.resolve.merge import merge_cluster

TEXT = "Police said the shooting on Elm Street left victims at the county hospital."


def _report(n: int, killed: int | None, injured: int | None) -> tuple[Article, EventMention]:
    article = Article(id=f"a{n}", text=TEXT, published=dt.date(2024, 5, n))
    span = Span.of(TEXT, 16, 24)

    def count(kind: str, value: int | None) -> CountMention | None:
        return None if value is None else CountMention(span, kind, value, value)

    mention = EventMention(
        id=f"a{n}#0",
        article_id=article.id,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        trigger=span,
        killed=count("killed", killed),
        injured=count("injured", injured),
    )
    return article, mention


def _counts(reports: list[tuple[int | None, int | None]]) -> tuple[int | None, int | None]:
    pairs = [_report(n, k, i) for n, (k, i) in enumerate(reports, start=1)]
    event = merge_cluster(Cluster(mentions=[m for _, m in pairs]), {a.id: a for a, _ in pairs})
    return event.killed, event.injured


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        # a boy critically hurt, then "the boy has died": one killed, no one injured
        ([(None, 1), (1, None)], (1, 0)),
        ([(None, 1), (None, 1), (1, None)], (1, 0)),
        # three wounded, then one of them died: one killed, two still injured
        ([(None, 3), (1, None)], (1, 2)),
        # one report already gives both: nothing was counted twice
        ([(1, 1), (1, None)], (1, 1)),
        ([(2, 1)], (2, 1)),
        # every report agrees on the deaths: the injured are others
        ([(1, 2), (1, 2)], (1, 2)),
    ],
)
def test_victims_who_died_later_are_no_longer_counted_injured(
    reports: list[tuple[int | None, int | None]], expected: tuple[int | None, int | None]
) -> None:
    assert _counts(reports) == expected
