"""Which date dates an incident: the role of a date in its sentence, and the incident date an article
gets when its first dated sentence tells of an arrest, a funeral or a statement (invented texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.dates import find_dates
from sitrep.extract.incident_dates import DateRole, date_role
from sitrep.model import Article, EventMention, Span
from sitrep.pipeline import Pipeline

FRIDAY = dt.date(2024, 3, 15)


def _role(sentence: str, date_text: str) -> DateRole:
    article = Article(id="r", text=sentence, published=FRIDAY)
    date = next(d for d in find_dates(article) if d.span.text == date_text)
    return date_role(date, Span.of(sentence, 0, len(sentence)))


@pytest.mark.parametrize(
    ("sentence", "date_text", "role"),
    [
        ("A cyclist was shot Tuesday near the old mill.", "Tuesday", DateRole.INCIDENT),
        ("Deputies say the stabbing happened around 9 p.m. Wednesday.", "Wednesday", DateRole.INCIDENT),
        ("Nobody has been charged over the Tuesday shooting.", "Tuesday", DateRole.INCIDENT),
        ("A farmer was arrested Thursday after he shot a neighbour Tuesday.", "Thursday", DateRole.AFTER),
        ("A farmer was arrested Thursday after he shot a neighbour Tuesday.", "Tuesday", DateRole.INCIDENT),
        ("The teenager died Thursday in hospital.", "Thursday", DateRole.AFTER),
        ("Her funeral was held at noon on Thursday, March 14.", "Thursday, March 14", DateRole.AFTER),
        ("Three men were wounded at a vigil Wednesday evening.", "Wednesday evening", DateRole.INCIDENT),
        ("Posted: Tuesday, March 12, 2024 4:10 PM EDT", "Tuesday, March 12, 2024", DateRole.AFTER),
        ("The weather on Tuesday was mild.", "Tuesday", DateRole.PLAIN),
        ("The boy is recovering Wednesday after he was hit in the leg.", "Wednesday", DateRole.AFTER),
        ("The clerk was in stable condition Thursday, police said.", "Thursday", DateRole.AFTER),
    ],
)
def test_the_words_next_to_a_date_tell_its_role(sentence: str, date_text: str, role: DateRole) -> None:
    assert _role(sentence, date_text) == role


def _primary(pipeline: Pipeline, text: str) -> EventMention:
    events = pipeline.analyse(Article(id="t", text=text, published=FRIDAY)).events
    return next(e for e in events if e.primary)


def test_an_arrest_date_gives_way_to_the_day_of_the_shooting(pipeline: Pipeline) -> None:
    text = (
        "A man was arrested Thursday in connection with a shooting in Dayton. "
        "Police said he shot a delivery driver outside a pharmacy on Monday night."
    )
    event = _primary(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 11)


def test_a_funeral_date_does_not_date_the_shooting(pipeline: Pipeline) -> None:
    text = (
        "A boy who was killed in an accidental shooting in Dayton will be buried this week. "
        "His funeral is set for 2 p.m. on Thursday, March 14, at a chapel on Main Street. "
        "The boy was shot on Sunday at his grandmother's home."
    )
    event = _primary(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 10)


def test_a_rough_date_is_refined_by_the_day_given_later(pipeline: Pipeline) -> None:
    text = (
        "A second suspect has been charged over a shooting in Dayton last month. "
        "Officers say the victim was shot outside a gas station on Feb. 20."
    )
    event = _primary(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 2, 20)


def test_a_later_step_stays_when_no_sentence_dates_the_incident(pipeline: Pipeline) -> None:
    text = "A man was arrested Thursday in connection with a shooting in Dayton. He is being held in jail."
    event = _primary(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 14)


def test_the_incident_date_is_not_taken_from_after_the_later_step(pipeline: Pipeline) -> None:
    text = (
        "A man was arrested Monday in connection with a shooting in Dayton. "
        "A woman was shot outside a bar in Dayton on Wednesday, police said."
    )
    event = _primary(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 11)


def test_an_opening_date_dates_the_main_clause(pipeline: Pipeline) -> None:
    text = "On 12 March 2024, traders in Garissa protested the killing of a shopkeeper by gunmen on 8 March."
    event = _primary(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 12)


def test_a_date_in_parentheses_is_an_aside(pipeline: Pipeline) -> None:
    text = "Around 9 March 2024 (between 7 and 12 March), gunmen attacked a bus near Garissa, killing two."
    event = _primary(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 9)


@pytest.mark.parametrize(
    ("sentence", "date_text", "role"),
    [
        ("A clerk was shot Friday, police said.", "Friday", DateRole.INCIDENT),
        ("The coroner's office on Friday said the clerk died of a gunshot wound.", "Friday", DateRole.AFTER),
        (
            "The sheriff says around 2 p.m. on Sunday deputies responded to the farm.",
            "Sunday",
            DateRole.INCIDENT,
        ),
        ("On Friday, the sheriff's office said a clerk had been shot.", "Friday", DateRole.AFTER),
    ],
)
def test_a_statement_dates_the_saying_only_next_to_it(sentence: str, date_text: str, role: DateRole) -> None:
    assert _role(sentence, date_text) == role


def test_a_rough_date_takes_a_day_within_it_even_one_nothing_ties_to_the_incident(pipeline: Pipeline) -> None:
    text = (
        "A teenager was hurt in an accidental shooting in Dayton over the weekend. "
        "Deputies say that around 2 p.m. on Sunday they went to a farm on Route 4."
    )
    event = _primary(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 10)


def test_a_day_named_in_the_story_beats_overnight(pipeline: Pipeline) -> None:
    text = (
        "A man was shot overnight outside a bar in Dayton. "
        "Officers say the shooting happened early Thursday morning after an argument."
    )
    event = pipeline.analyse(Article(id="t", text=text, published=dt.date(2024, 3, 15))).events[0]
    assert event.date is not None and event.date.date == dt.date(2024, 3, 14)


def test_a_day_after_a_clock_time_stays_in_its_sentence(pipeline: Pipeline) -> None:
    text = (
        "A woman was arrested Thursday over a shooting in Dayton. "
        "Police say the shooting happened at about 8:45 p.m. Monday outside a diner."
    )
    event = _primary(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 11)


def test_an_arrest_weeks_later_still_takes_the_day_of_the_shooting(pipeline: Pipeline) -> None:
    text = (
        "A teenager was arrested Thursday in connection with a fatal shooting in Dayton. "
        "He is accused of shooting a 17-year-old outside a gas station on Feb. 20."
    )
    event = _primary(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 2, 20)


def test_after_a_later_step_an_earlier_day_nothing_ties_to_anything_dates_the_incident(
    pipeline: Pipeline,
) -> None:
    text = (
        "A man was arrested Thursday after a shooting in Dayton. "
        "Neighbours say four men were drinking on a porch on Monday evening."
    )
    event = _primary(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 11)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("A Dayton teenager died Saturday, a day after he was shot outside a store.", dt.date(2024, 3, 8)),
        (
            "A man was arrested Thursday on a murder charge, two days after he shot a clerk in Dayton.",
            dt.date(2024, 3, 12),
        ),
    ],
)
def test_a_later_step_counted_from_the_incident_dates_it(pipeline: Pipeline, text: str, day: dt.date) -> None:
    event = _primary(pipeline, text)
    assert event.date is not None and event.date.date == day
