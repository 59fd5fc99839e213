"""Pair evidence, source-count merging and related-event links, on hand-built mentions."""

from __future__ import annotations

import datetime as dt

from sitrep.model import (
    Article,
    CountMention,
    DateMention,
    DatePrecision,
    EventMention,
    Place,
    PlaceMention,
    Span,
)
from sitrep.pipeline import Pipeline
from sitrep.resolve.merge import combine_source_counts
from sitrep.resolve.similarity import PairContext, score_pair

TEXT = "x" * 200
KIRKUK = Place("Kirkuk", 35.468, 44.392, "IQ", "Kirkuk", "city", 1_000_000)
K1 = Place("K-1 Air Base", 35.507, 44.282, "IQ", "Kirkuk", "facility")
BASRA = Place("Basra", 30.508, 47.783, "IQ", "Basra", "city", 2_000_000)
IRAQ = Place("Iraq", 33.0, 44.0, "IQ", None, "country")


def span(a: int = 0, b: int = 5) -> Span:
    return Span.of(TEXT, a, b)


def mention(
    aid: str,
    place: Place | None = KIRKUK,
    day: dt.date | None = dt.date(2019, 12, 27),
    precision: DatePrecision = DatePrecision.DAY,
    killed: int | None = None,
    sub: str = "Shelling/artillery/missile attack",
) -> EventMention:
    return EventMention(
        id=f"{aid}#0",
        article_id=aid,
        event_type="Explosions/Remote violence",
        sub_event_type=sub,
        trigger=span(),
        date=DateMention(span(), day, precision) if day else None,
        places=[PlaceMention(span(), place.name, place)] if place else [],
        killed=CountMention(span(), "killed", killed, killed) if killed is not None else None,
    )


def test_same_incident_scores_above_threshold() -> None:
    s = score_pair(mention("a", K1, killed=1), mention("b", KIRKUK, killed=1), 0.3)
    assert s.veto is None and s.score >= 0.5
    assert any("same place" in r for r in s.reasons)


def test_distant_places_and_other_dates_count_against_a_match() -> None:
    same = score_pair(mention("a"), mention("b"), 0.2).score
    apart = score_pair(mention("a", KIRKUK), mention("b", BASRA), 0.2).score
    other_day = score_pair(
        mention("a", day=dt.date(2019, 12, 27)), mention("b", day=dt.date(2019, 10, 3)), 0.2
    )
    assert same >= 0.5
    assert apart < same and other_day.score < same
    assert any("date=far apart" in r for r in other_day.reasons)
    months_later = PairContext(published_days=85)
    late = score_pair(
        mention("a", day=dt.date(2019, 12, 27)),
        mention("b", day=dt.date(2019, 10, 3)),
        0.2,
        context=months_later,
    )
    assert late.score < 0.5


def test_month_precision_is_compatible_with_a_day_in_that_month() -> None:
    s = score_pair(mention("a"), mention("b", day=dt.date(2019, 12, 1), precision=DatePrecision.MONTH), 0.2)
    assert s.veto is None


def test_country_contains_city_but_not_another_country() -> None:
    inside = score_pair(mention("a", IRAQ), mention("b", KIRKUK), 0.2)
    saudi = Place("Saudi Arabia", 24.0, 45.0, "SA", None, "country")
    outside = score_pair(mention("a", saudi), mention("b", KIRKUK), 0.2)
    assert "place=area contains" in inside.levels and "place=other country" in outside.levels
    assert outside.score < inside.score


def test_unrelated_texts_are_penalised() -> None:
    close = score_pair(mention("a"), mention("b"), 0.4).score
    far = score_pair(mention("a"), mention("b"), 0.0).score
    assert far < close - 0.2


def test_source_counts_exact_beats_vague_and_majority_wins() -> None:
    several = CountMention(span(), "injured", 2, 9)
    three = CountMention(span(), "injured", 3, 3)
    assert combine_source_counts([several, three]) == (3, 3)
    four, six = CountMention(span(), "killed", 4, 4), CountMention(span(), "killed", 6, 6)
    assert combine_source_counts([four, six, six]) == (6, 6)
    assert combine_source_counts([four, six]) == (4, 4)  # a tie keeps the lowest, as ACLED does
    assert combine_source_counts([several]) == (2, 9)


def test_a_tie_between_injured_figures_keeps_the_highest() -> None:
    two, three = CountMention(span(), "injured", 2, 2), CountMention(span(), "injured", 3, 3)
    assert combine_source_counts([two, three], tie="highest") == (3, 3)
    assert combine_source_counts([two, three, two], tie="highest") == (2, 2)  # the majority still wins


def test_two_reports_of_one_shooting_keep_the_higher_injured_figure(pipeline: Pipeline) -> None:
    tail = "outside a bar on Elm Street in Dayton, Ohio, early Saturday, police said."
    first = f"Two people were wounded when a gunman opened fire {tail} Officers arrested Darnell Okafor, 24."
    later = f"Three people were wounded when a gunman opened fire {tail} Darnell Okafor, 24, was arrested."
    day = dt.date(2024, 3, 10)
    _, events = pipeline.run(
        [Article(id="a", text=first, published=day), Article(id="b", text=later, published=day)]
    )
    (event,) = events
    assert event.injured == 3 and event.killed in (None, 0)


def test_two_pages_of_one_outlet_count_for_less() -> None:
    # one outlet's pages share house wording that inflates their text similarity
    other = score_pair(mention("a"), mention("b"), 0.3, context=PairContext(same_source=False))
    same = score_pair(mention("a"), mention("b"), 0.3, context=PairContext(same_source=True))
    assert same.score < other.score
    assert any(r.startswith("source=same") for r in same.reasons)
    assert not any(r.startswith("source=same") for r in other.reasons)


def test_a_follow_up_months_later_that_states_the_same_day_is_no_stranger() -> None:
    # charges or a trial months later: the report states the day of the incident it follows up
    months_later = PairContext(published_days=85)
    same_day = score_pair(mention("a"), mention("b"), 0.2, context=months_later)
    no_date = score_pair(mention("a"), mention("b", day=None), 0.2, context=months_later)
    assert any(r.startswith("published=30+ days, same day stated") for r in same_day.reasons)
    assert any(r.startswith("published=30+ days:") for r in no_date.reasons)
    assert same_day.score >= 0.5
