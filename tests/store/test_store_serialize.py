"""Round trips of model objects through the dict/JSON codec."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.model import Article, Claim, Event, Place, Span
from sitrep.store import article_from_dict, event_from_dict, from_dict, to_dict


def _through_json(data: dict) -> dict:
    return json.loads(json.dumps(data))  # fails on anything that is not plain JSON


def test_fixture_spans_slice_the_text(make_article) -> None:
    article = make_article()
    spans = [m.span for m in article.places] + [q.span for q in article.quotes]
    spans += [a.span for a in article.actors] + [article.events[0].trigger, article.events[0].blame[0].span]
    for span in spans:
        assert article.text[span.start : span.end] == span.text
    assert article.clean_text != article.text and len(article.clean_text) == len(article.text)


def test_article_round_trip_is_lossless(make_article) -> None:
    article = make_article()
    restored = article_from_dict(_through_json(to_dict(article)))
    assert restored == article
    assert restored.events[0].killed is not None and restored.events[0].killed.high is None
    assert isinstance(restored.events[0].actors[0].role, type(article.events[0].actors[0].role))
    assert restored.places[1].place is None


def test_event_round_trip_is_lossless(make_event) -> None:
    event = make_event()
    restored = event_from_dict(_through_json(to_dict(event)))
    assert restored == event
    assert restored.contradictions[0].values[1].sources == ("Daily Lantern", "Evening Post")
    assert restored.actors[0] == ("Red Fang Brigade", "perpetrator")
    assert isinstance(restored.actors[0], tuple)
    assert restored.place is not None and restored.place.precision == "city"


def test_plain_values_in_the_dict(make_article, make_event) -> None:
    article, event = to_dict(make_article()), to_dict(make_event())
    assert article["published"] == "2024-03-04"
    assert article["events"][0]["date"]["precision"] == "day"
    assert article["actors"][0]["role"] == "perpetrator"
    assert type(article["actors"][0]["role"]) is str
    assert event["actors"][0] == ["Red Fang Brigade", "perpetrator"]
    assert event["date"] == "2024-03-03"


def test_missing_keys_take_defaults_and_unknown_keys_are_ignored() -> None:
    article = article_from_dict({"id": "x", "text": "Quiet day.", "from_the_future": 1})
    assert article == Article(id="x", text="Quiet day.")
    event = event_from_dict({"id": "e", "event_type": "Protests", "sub_event_type": "Peaceful protest"})
    assert event == Event(id="e", event_type="Protests", sub_event_type="Peaceful protest")


def test_numbers_and_dates_are_coerced_where_json_loses_types() -> None:
    place = from_dict(Place, {"name": "X", "latitude": 12, "longitude": -3, "country": None})
    assert isinstance(place.latitude, float) and place.longitude == -3.0
    event = event_from_dict(
        {"id": "e", "event_type": "Riots", "sub_event_type": "Mob violence", "date": "2023-12-31"}
    )
    assert event.date == dt.date(2023, 12, 31)


@pytest.mark.parametrize(
    ("cls", "data"),
    [
        (Span, {"start": 0, "end": 4, "text": "abc"}),  # text does not match offsets
        (Span, {"start": "0", "end": 3, "text": "abc"}),
        (Event, {"id": "e", "event_type": "Riots", "sub_event_type": "x", "date_precision": "fortnight"}),
        (Event, {"id": "e", "event_type": "Riots", "sub_event_type": "x", "date": "yesterday"}),
        (Event, {"id": "e", "event_type": "Riots", "sub_event_type": "x", "weapons": "rifle"}),
        (Event, {"id": None, "event_type": "Riots", "sub_event_type": "x"}),
    ],
)
def test_bad_values_are_rejected(cls: type, data: dict) -> None:
    with pytest.raises((TypeError, ValueError)):
        from_dict(cls, data)


def test_to_dict_rejects_non_dataclasses() -> None:
    with pytest.raises(TypeError):
        to_dict({"id": 1})
    with pytest.raises(TypeError):
        to_dict(Article)


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(max_size=40),
    lat=st.floats(-90, 90, allow_nan=False),
    lon=st.floats(-180, 180, allow_nan=False),
    country=st.none() | st.text(min_size=2, max_size=2),
)
def test_round_trip_of_arbitrary_values(text: str, lat: float, lon: float, country: str | None) -> None:
    place = Place(name=text, latitude=lat, longitude=lon, country=country, admin1=text or None)
    claim = Claim(field="place", value=text, source="s", article_id="a", span=Span.of(text, 0, len(text)))
    for obj in (place, claim):
        assert from_dict(type(obj), _through_json(to_dict(obj))) == obj
