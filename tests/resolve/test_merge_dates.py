"""How an event's date is chosen from its reports' dates (invented mentions)."""

from __future__ import annotations

import datetime as dt

from sitrep.model import Article, DateMention, DatePrecision, EventMention, Span
from sitrep.resolve.cluster import Cluster
from sitrep.resolve.merge import merge_cluster


def _report(n: int, published: dt.date, day: dt.date | None) -> tuple[Article, EventMention]:
    text = "A farmer was shot near the river on Tuesday."
    article = Article(id=f"a{n}", text=text, published=published)
    date = DateMention(Span.of(text, 36, 43), day, DatePrecision.DAY, True) if day else None
    mention = EventMention(
        id=f"a{n}#0",
        article_id=article.id,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        trigger=Span.of(text, 14, 18),
        date=date,
    )
    return article, mention


def _event_date(reports: list[tuple[Article, EventMention]]) -> dt.date | None:
    articles = {a.id: a for a, _ in reports}
    return merge_cluster(Cluster(mentions=[m for _, m in reports]), articles).date


def test_the_date_most_reports_give_wins() -> None:
    reports = [
        _report(1, dt.date(2024, 3, 14), dt.date(2024, 3, 12)),
        _report(2, dt.date(2024, 3, 14), dt.date(2024, 3, 12)),
        _report(3, dt.date(2024, 3, 14), dt.date(2024, 3, 13)),
    ]
    assert _event_date(reports) == dt.date(2024, 3, 12)


def test_a_date_after_the_first_report_cannot_date_the_event() -> None:
    # the later report's date is of an arrest a week on; the first report came out on the 13th
    reports = [
        _report(1, dt.date(2024, 3, 20), dt.date(2024, 3, 19)),
        _report(2, dt.date(2024, 3, 21), dt.date(2024, 3, 19)),
        _report(3, dt.date(2024, 3, 13), dt.date(2024, 3, 12)),
    ]
    assert _event_date(reports) == dt.date(2024, 3, 12)


def test_when_every_date_is_after_the_first_report_the_dates_still_count() -> None:
    reports = [
        _report(1, dt.date(2024, 3, 10), None),
        _report(2, dt.date(2024, 3, 21), dt.date(2024, 3, 19)),
    ]
    assert _event_date(reports) == dt.date(2024, 3, 19)
