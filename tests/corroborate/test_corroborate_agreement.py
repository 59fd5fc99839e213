"""Agreement: wire copies, one agency's reprints and one official's figure each count once."""

from __future__ import annotations

import pytest

from sitrep.corroborate import corroborate_event
from sitrep.corroborate.agreement import article_agency, build_agreement, independent_key
from sitrep.extract.gazetteer import Gazetteer, load_gazetteer
from sitrep.model import Article, Claim, ClaimedValue, Contradiction, Event, EventMention, PlaceMention, Span

TEXT = "Three people were wounded in the blast, police said. " * 3


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def claim(field: str, value: str, source: str, key: str, hedged: bool = False) -> Claim:
    return Claim(field, value, source, source, Span.of(TEXT, 0, 5), hedged=hedged, independent_key=key)


def test_wire_copies_and_one_agency_count_once() -> None:
    original = Article(
        id="a", text="BAIDOA, Somalia (Meridian Press) — A bomb exploded on Monday.", outlet="X"
    )
    copy = Article(id="b", text=original.text, outlet="Y", duplicate_of="a")
    other = Article(id="c", text="A bomb exploded in Baidoa on Monday, witnesses said.", outlet="Z")
    arts = {a.id: a for a in (original, copy, other)}
    assert article_agency(original) == "Meridian Press"
    assert independent_key(copy, None, arts) == independent_key(original, None, arts)
    assert independent_key(other, None, arts) != independent_key(original, None, arts)
    assert independent_key(other, "The Police", arts) == independent_key(original, "the police", arts)


def test_confirmed_single_source_contradicted_and_hedged_flags() -> None:
    claims = [
        claim("injured", "3", "A", "article:a"),
        claim("injured", "3", "B", "article:a"),  # B reprints A's story: one source
        claim("killed", "1", "A", "article:a"),
        claim("killed", "1", "C", "article:c", hedged=True),
        claim("killed", "2", "D", "article:d", hedged=True),
    ]
    dispute = Contradiction(
        "killed", (ClaimedValue("1", ("A", "C")), ClaimedValue("2", ("D",))), "1", "majority"
    )
    got = {(a.field, a.value): a for a in build_agreement(claims, [dispute])}
    injured = got[("injured", "3")]
    assert injured.sources == ("A", "B") and injured.independent_sources == 1 and injured.single_source
    one = got[("killed", "1")]
    assert one.confirmed and one.contradicted and not one.hedged
    two = got[("killed", "2")]
    assert two.single_source and two.contradicted and two.hedged


def _balad_event(gaz: Gazetteer, text: str) -> tuple[Event, dict[str, Article]]:
    article = Article(id="a", text=text, outlet="Gulf Example")
    start = text.index("Balad")
    balad = next(p for p in gaz.lookup("Balad") if p.country == "IQ")
    trigger = text.index("rockets")
    mention = EventMention(
        id="a#0",
        article_id="a",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        trigger=article.span(trigger, trigger + 7),
        places=[PlaceMention(article.span(start, start + 5), "Balad", balad, is_event_location=True)],
    )
    event = Event(
        id="ev-1", event_type=mention.event_type, sub_event_type=mention.sub_event_type, place=balad
    )
    event.mentions = [mention]
    return event, {"a": article}


def test_a_described_location_without_a_country_is_checked_against_the_gazetteer(gaz: Gazetteer) -> None:
    event, arts = _balad_event(gaz, "Two rockets hit an air base in the southern city of Balad on Tuesday.")
    corroborate_event(event, arts, gaz)
    [c] = [c for c in event.contradictions if c.field == "location_description"]
    assert {v.value for v in c.values} == {"southern Iraq"}
    assert "Balad" in c.reason and "gazetteer" in c.reason
    assert any(a.field == "munitions" and a.value == "2 rockets" for a in event.agreement)


def test_a_compatible_description_is_not_flagged(gaz: Gazetteer) -> None:
    event, arts = _balad_event(gaz, "Two rockets hit an air base in the central city of Balad on Tuesday.")
    corroborate_event(event, arts, gaz)
    assert not [c for c in event.contradictions if c.field == "location_description"]
