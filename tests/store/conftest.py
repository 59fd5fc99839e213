"""Fixtures for the store tests: fully populated, invented articles and events."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

import pytest

from sitrep.model import (
    ActorKind,
    ActorMention,
    ActorRole,
    Article,
    BlameMention,
    Claim,
    ClaimedValue,
    Contradiction,
    CountMention,
    DateMention,
    DatePrecision,
    Event,
    EventMention,
    Place,
    PlaceMention,
    QuoteMention,
    Span,
    WeaponMention,
)

# Invented text: no real place, outlet or person.
TEXT = (
    "VELMORA, March 4 (Northwind Wire) - At least 12 people were killed and 30 wounded when a car bomb "
    'exploded near the fish market in Port Emeric on Sunday, officials said. "We heard one huge blast '
    'and then the screaming started," said Tomas Vell, who sells nets nearby. The Red Fang Brigade '
    "claimed responsibility, according to a police spokesman in the southern coastal town.\n"
    "Sign up for our morning newsletter."
)
BOILERPLATE = "Sign up for our morning newsletter."

PORT_EMERIC = Place(
    name="Port Emeric",
    latitude=12.625,
    longitude=44.0625,
    country="YE",
    admin1="Coastal Province",
    feature="city",
    population=120_000,
    gazetteer_id="sitrep:port-emeric",
    parent=None,
)
FISH_MARKET = Place(
    name="Port Emeric fish market",
    latitude=12.63,
    longitude=44.07,
    country="YE",
    admin1="Coastal Province",
    feature="facility",
    gazetteer_id="sitrep:port-emeric-fish-market",
    parent="sitrep:port-emeric",
)


def _span(text: str, phrase: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Span.of(text, start, start + len(phrase))


def build_article(
    article_id: str = "a1", *, outlet: str = "Northwind Wire", extra: str = "", extracted: bool = True
) -> Article:
    """A fully populated article; ``extra`` is appended to the text (to vary its content)."""
    text = TEXT + extra
    clean = text.replace(BOILERPLATE, " " * len(BOILERPLATE))
    article = Article(
        id=article_id,
        text=text,
        title="Car bomb kills at least 12 in Port Emeric",
        outlet=outlet,
        url=f"https://news.example.org/{article_id}",
        published=dt.date(2024, 3, 4),
        source_path=f"/data/in/{article_id}.html",
        clean_text=clean,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        duplicate_of=None,
        origins=["Northwind Wire", "Local Police"],
    )
    if not extracted:
        return article
    s = lambda phrase, n=0: _span(text, phrase, n)  # noqa: E731
    place = PlaceMention(
        span=s("Port Emeric"),
        name="Port Emeric",
        place=PORT_EMERIC,
        is_event_location=True,
        description="south YE",
        description_span=s("southern coastal town"),
        score=0.875,
    )
    unresolved = PlaceMention(span=s("VELMORA"), name="Velmora", place=None)
    date = DateMention(span=s("Sunday"), date=dt.date(2024, 3, 3), precision=DatePrecision.DAY, relative=True)
    killed = CountMention(span=s("At least 12"), kind="killed", low=12, high=None, hedged=False)
    injured = CountMention(span=s("30"), kind="injured", low=30, high=30, hedged=True)
    weapon = WeaponMention(span=s("car bomb"), weapon="car bomb")
    brigade = ActorMention(
        span=s("Red Fang Brigade"),
        name="Red Fang Brigade",
        kind=ActorKind.ARMED_GROUP,
        role=ActorRole.PERPETRATOR,
    )
    vell = ActorMention(
        span=s("Tomas Vell"), name="Tomas Vell", kind=ActorKind.CIVILIAN, role=ActorRole.SOURCE
    )
    blame = BlameMention(
        span=s("The Red Fang Brigade claimed responsibility"),
        kind="claim",
        blamed="Red Fang Brigade",
        by="a police spokesman",
        hedged=True,
    )
    article.places = [place, unresolved]
    article.dates = [date]
    article.quotes = [
        QuoteMention(
            span=s("We heard one huge blast and then the screaming started,"),
            speaker="Tomas Vell",
            speaker_span=s("Tomas Vell"),
        ),
        QuoteMention(span=s("officials said")),
    ]
    article.actors = [brigade, vell]
    article.events = [
        EventMention(
            id=f"{article_id}#0",
            article_id=article_id,
            event_type="Explosions/Remote violence",
            sub_event_type="Remote explosive/landmine/IED",
            trigger=s("exploded"),
            primary=True,
            date=date,
            date_borrowed_from="a0",
            places=[place],
            killed=killed,
            injured=injured,
            weapons=[weapon],
            actors=[brigade],
            blame=[blame],
            hedged=False,
        ),
        EventMention(
            id=f"{article_id}#1",
            article_id=article_id,
            event_type="Violence against civilians",
            sub_event_type="Attack",
            trigger=s("blast"),
            primary=False,
        ),
    ]
    return article


def build_event(
    event_id: str = "ev-3f2a91",
    *,
    article_ids: tuple[str, ...] = ("a1", "a2"),
    date: dt.date | None = dt.date(2024, 3, 3),
    place: Place | None = PORT_EMERIC,
    killed: tuple[int | None, int | None] = (12, 14),
) -> Event:
    """A fully populated event reported by ``article_ids`` (mentions come from ``build_article``)."""
    article = build_article(article_ids[0])
    claim_span = _span(article.text, "At least 12")
    return Event(
        id=event_id,
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        mentions=[article.events[0]],
        date=date,
        date_precision=DatePrecision.DAY if date else None,
        place=place,
        place_name="Port Emeric" if place else None,
        killed_low=killed[0],
        killed_high=killed[1],
        injured_low=30,
        injured_high=30,
        weapons=["car bomb", "explosive"],
        actors=[("Red Fang Brigade", ActorRole.PERPETRATOR), ("Tomas Vell", ActorRole.SOURCE)],
        article_ids=list(article_ids),
        sources=["Northwind Wire", "Daily Lantern"],
        claims=[
            Claim(
                field="killed",
                value="12",
                source="Northwind Wire",
                article_id=article_ids[0],
                span=claim_span,
                hedged=True,
                origin="officials",
            )
        ],
        contradictions=[
            Contradiction(
                field="killed",
                values=(
                    ClaimedValue("12", ("Northwind Wire",)),
                    ClaimedValue("14", ("Daily Lantern", "Evening Post")),
                ),
                resolution="14",
                reason="the later report counts two more deaths in hospital",
            )
        ],
        related_event_ids=["ev-0001"],
        merge_reasons=["same place", "dates 0 days apart"],
    )


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """``build_article`` as a fixture."""
    return build_article


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """``build_event`` as a fixture."""
    return build_event


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: needs PostgreSQL server binaries and psycopg")
