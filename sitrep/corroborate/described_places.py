"""Where a source says a place lies: "the southern city of Balad", "Kirkuk in northern Iraq".

Extraction records descriptions that name a country ("the southern Iraqi city of X",
"X in northern Iraq") on the place mention. A description without a country ("the
eastern town of Lokichar", "the southern state of Zamfara") is found here and read as
being about the place's own country. Each description comes with the gazetteer entry
of the place it describes, so it can be checked against that place's coordinates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.model import Article, EventMention, Place, Span

__all__ = ["PlaceDescription", "described_places"]

_BEFORE = re.compile(
    r"\b(?P<d>(?:north|south)(?:ern)?[- ]?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?|central)\s+"
    r"(?:[A-Z][\w'’-]+\s+)?"
    r"(?:city|town|village|state|province|region|district|county|governorate|port\s+city|provincial\s+capital"
    r"|border\s+town|market\s+town|capital)\s+of\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_DIRECTION = {"north": "north", "south": "south", "east": "east", "west": "west", "central": "central"}


@dataclass(frozen=True, slots=True)
class PlaceDescription:
    """A location one article asserts: ``direction`` ("south", "northwest") within ``country``."""

    place: Place
    direction: str
    country: str
    span: Span

    @property
    def code(self) -> str:
        """The normalised form ``"<direction> <ISO2>"`` (as ``PlaceMention.description``)."""
        return f"{self.direction} {self.country}"


def _direction(word: str) -> str:
    parts = re.findall(r"north|south|east|west|central", word.lower())
    return "".join(_DIRECTION[p] for p in parts) or "central"


def described_places(article: Article, mention: EventMention) -> list[PlaceDescription]:
    """Every description of one of ``mention``'s places, from extraction or from the text before it."""
    out: list[PlaceDescription] = []
    text = article.clean_text
    located = [p.place for p in mention.places if p.place is not None and p.place.feature != "country"]
    for p in mention.places:
        if p.place is None or p.place.country is None:
            continue
        if p.description and p.description_span is not None:
            # a description carried by the country itself ("... in northern Iraq") is about the event's place
            place = p.place if p.place.feature != "country" else (located[0] if located else None)
            direction, _, country = p.description.partition(" ")
            if place is not None:
                out.append(PlaceDescription(place, direction, country or p.place.country, p.description_span))
            continue
        if p.place.feature == "country":
            continue
        m = _BEFORE.search(text, max(0, p.span.start - 60), p.span.start)
        if m is None:
            continue
        out.append(
            PlaceDescription(
                p.place,
                _direction(m.group("d")),
                p.place.country,
                article.span(m.start(), m.start("d") + len(m.group("d"))),
            )
        )
    seen: set[tuple[int, str]] = set()
    unique = []
    for d in out:
        if (d.span.start, d.code) not in seen:
            seen.add((d.span.start, d.code))
            unique.append(d)
    return unique
