"""An incident's place named alone in another state yields to the city the article keeps naming
(invented reports)."""

from __future__ import annotations

import datetime as dt

from sitrep.model import Article, EventMention
from sitrep.pipeline import Pipeline

PUBLISHED = dt.date(2016, 11, 9)


def _primary(pipeline: Pipeline, text: str) -> EventMention:
    events = pipeline.analyse(Article(id="f", text=text, published=PUBLISHED)).events
    return next(e for e in events if e.primary)


def _best(event: EventMention) -> tuple[str | None, str | None]:
    assert event.place is not None and event.place.place is not None
    return event.place.place.name, event.place.place.admin1


def test_a_neighbourhood_read_as_a_far_namesake_gives_way_to_the_city_named_again(pipeline: Pipeline) -> None:
    text = (
        "Four people were wounded in a shooting outside a Whitehaven nightclub early Sunday. "
        "Memphis police said the gunman fled. The victims were taken to a Memphis hospital."
    )
    assert _best(_primary(pipeline, text)) == ("Memphis", "Tennessee")


def test_a_place_in_the_same_state_as_the_city_named_again_stays(pipeline: Pipeline) -> None:
    text = (
        "A man was shot in Cleveland on Friday. He had moved from Dayton, "
        "where his family still lives, and studied in Dayton."
    )
    assert _best(_primary(pipeline, text)) == ("Cleveland", "Ohio")


def test_a_city_named_once_elsewhere_does_not_move_the_incident(pipeline: Pipeline) -> None:
    text = "A man was shot in Pittsburgh on Friday. His brother lives in Denver."
    assert _best(_primary(pipeline, text)) == ("Pittsburgh", "Pennsylvania")
