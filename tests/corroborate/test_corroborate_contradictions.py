"""Contradictions: vague counts don't contradict exact ones, real disagreements are found and resolved."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.corroborate.claims import count_value, describe_direction
from sitrep.corroborate.contradictions import find_contradictions, parse_count
from sitrep.extract.gazetteer import Gazetteer, load_gazetteer
from sitrep.model import Article, Claim, Event, Place, Span

TEXT = "A rocket attack hit the base. " * 5


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def claim(field: str, value: str, source: str, aid: str | None = None, origin: str | None = None) -> Claim:
    return Claim(field, value, source, aid or source, Span.of(TEXT, 0, 6), origin=origin)


def articles(*ids: str) -> dict[str, Article]:
    return {i: Article(id=i, text=TEXT, outlet=i) for i in ids}


def event(place: Place | None = None) -> Event:
    return Event(id="ev-1", event_type="Explosions/Remote violence", sub_event_type="Grenade", place=place)


def test_count_values_round_trip() -> None:
    for low, high in [(3, 3), (2, 9), (30, None)]:
        text = count_value(low, high)
        parsed = parse_count(text)
        assert parsed is not None and parsed[0] == low


def test_several_does_not_contradict_three(gaz: Gazetteer) -> None:
    claims = [claim("injured", "2-9", "A"), claim("injured", "3", "B")]
    assert find_contradictions(event(), claims, articles("A", "B"), gaz) == []


def test_four_versus_six_killed_is_a_contradiction_resolved_by_independent_majority(gaz: Gazetteer) -> None:
    claims = [claim("killed", "4", "A"), claim("killed", "6", "B"), claim("killed", "6", "C")]
    [c] = find_contradictions(event(), claims, articles("A", "B", "C"), gaz)
    assert c.field == "killed" and c.resolution == "6"
    assert {v.value for v in c.values} == {"4", "6"}


def test_wire_copies_and_shared_origins_count_once(gaz: Gazetteer) -> None:
    arts = articles("A", "B", "C")
    arts["C"].duplicate_of = "B"
    claims = [
        claim("killed", "4", "A"),
        claim("killed", "4", "A2", aid="A", origin=None),
        claim("killed", "6", "B"),
        claim("killed", "6", "C"),
    ]
    [c] = find_contradictions(event(), claims, arts, gaz)
    assert c.resolution == "6"  # two articles of A's root vs one story copied twice: a tie, highest kept
    assert "highest" in c.reason


def test_described_location_checked_against_the_gazetteer(gaz: Gazetteer) -> None:
    kirkuk = gaz.lookup("Kirkuk")[0]
    claims = [claim("location_description", describe_direction("south IQ"), "A")]
    [c] = find_contradictions(event(kirkuk), claims, articles("A"), gaz)
    assert c.field == "location_description"
    assert c.resolution == "northern Iraq"
    correct = [claim("location_description", "northern Iraq", "B")]
    assert find_contradictions(event(kirkuk), correct, articles("B"), gaz) == []


def test_blame_disagreement_is_recorded_unresolved(gaz: Gazetteer) -> None:
    claims = [
        claim("blame", "Kata'ib Hezbollah (per a US official)", "A"),
        claim("blame", "Iran-backed militias", "B"),
    ]
    [c] = find_contradictions(event(), claims, articles("A", "B"), gaz)
    assert c.field == "blame" and c.resolution is None
    assert {v.value for v in c.values} == {"Kata'ib Hezbollah", "Iran-backed militias"}


def test_a_claim_of_responsibility_contradicts_no_one_claiming_it(gaz: Gazetteer) -> None:
    claims = [claim("claimed_responsibility", "Group X", "A"), claim("blame", "no attribution", "B")]
    [c] = find_contradictions(event(), claims, articles("A", "B"), gaz)
    assert c.field == "blame" and "Group X (claimed)" in {v.value for v in c.values}


def test_an_accusation_and_no_claim_are_compatible(gaz: Gazetteer) -> None:
    claims = [claim("blame", "Group X (per the police)", "A"), claim("blame", "no attribution", "B")]
    assert find_contradictions(event(), claims, articles("A", "B"), gaz) == []


def test_one_source_repeating_two_blamed_actors_is_not_a_contradiction(gaz: Gazetteer) -> None:
    claims = [claim("blame", "Group X", "A"), claim("blame", "Group Y", "A")]
    assert find_contradictions(event(), claims, articles("A"), gaz) == []


def test_dates_at_coarser_precision_do_not_contradict(gaz: Gazetteer) -> None:
    claims = [claim("date", "2019-12-27", "A"), claim("date", "2019-12", "B")]
    assert find_contradictions(event(), claims, articles("A", "B"), gaz) == []
    claims.append(claim("date", "2019-12-26", "C"))
    [c] = find_contradictions(event(), claims, articles("A", "B", "C"), gaz)
    assert c.field == "date"
    assert dt.date.fromisoformat("2019-12-27")


def test_an_open_count_supports_the_exact_figure_it_contains(gaz: Gazetteer) -> None:
    claims = [
        claim("injured", "9", "A"),
        claim("injured", "at least 9", "B"),
        claim("injured", "at least 13", "C"),
    ]
    [c] = find_contradictions(event(), claims, articles("A", "B", "C"), gaz)
    assert c.resolution == "9" and "consistent with 2" in c.reason
