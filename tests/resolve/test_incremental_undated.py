"""An undated new report meets the stored reports of its place published near it, not every one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.config import Settings
from sitrep.model import Article, DateMention, DatePrecision, EventMention, Place, PlaceMention, Span
from sitrep.pipeline import Pipeline, ingest_articles
from sitrep.store import Store

TOWN = Place("Millbrook", 41.78, -73.69, "US", "New York", "city", 1_500)


def report(aid: str, published: dt.date, day: dt.date | None) -> Article:
    text = f"A man was shot in Millbrook, police said. Report {aid}."
    where = PlaceMention(Span.of(text, 18, 27), "Millbrook", TOWN, is_event_location=True)
    when = DateMention(Span.of(text, 0, 5), day, DatePrecision.DAY) if day else None
    mention = EventMention(
        id=f"{aid}#0",
        article_id=aid,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        trigger=Span.of(text, 12, 16),
        date=when,
        places=[where],
    )
    return Article(id=aid, text=text, title=f"Report {aid}", published=published, events=[mention])


def test_undated_report_is_looked_up_among_reports_published_near_it(tmp_path: Path) -> None:
    day = dt.date(2023, 3, 1)
    with Store.open(str(tmp_path / "db.sqlite")) as store:
        ingest_articles([report("old", day, day)], store, Pipeline(stages=[], settings=Settings()))
        (stored,) = store.event_ids()
        near = report("near", day + dt.timedelta(days=2), None).events
        late = report("late", day + dt.timedelta(days=200), None).events
        dates = {"near": day + dt.timedelta(days=2), "late": day + dt.timedelta(days=200)}
        assert store.candidate_event_ids(near, days=4, km=50, published=dates) == {stored}
        assert store.candidate_event_ids(late, days=4, km=50, published=dates) == set()
        assert store.candidate_event_ids(late, days=4, km=50) == {stored}  # without dates: every report there
