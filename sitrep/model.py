"""The sitrep data model.

Every stage of the pipeline takes and returns these objects. Values found in an
article always carry a :class:`Span`: character offsets into ``Article.text``,
the article's text exactly as it was given in the input (or as extracted from
HTML) *before* any cleaning. Cleaning never shifts offsets: it blanks
boilerplate out of ``Article.clean_text``, which has the same length as
``Article.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "ActorKind",
    "ActorMention",
    "ActorRole",
    "Article",
    "BlameMention",
    "Claim",
    "ClaimedValue",
    "Contradiction",
    "CountMention",
    "DateMention",
    "DatePrecision",
    "Event",
    "EventMention",
    "FieldAgreement",
    "FieldChange",
    "FramingTerm",
    "GeoPrecision",
    "Place",
    "PlaceMention",
    "QuoteMention",
    "Source",
    "SourceFraming",
    "Span",
    "WeaponMention",
]


class DatePrecision(StrEnum):
    """How precisely a date is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class GeoPrecision(StrEnum):
    """How precisely a place is known (export field ``geo_precision``)."""

    POINT = "point"  # a facility, a named site
    CITY = "city"  # a populated place
    ADMIN1 = "admin1"  # a first-level region (province, state)
    COUNTRY = "country"


class ActorRole(StrEnum):
    """The part an actor plays in an incident or an article."""

    PERPETRATOR = "perpetrator"
    TARGET = "target"
    VICTIM = "victim"
    SOURCE = "source"  # the source of a statement
    OTHER = "other"


class ActorKind(StrEnum):
    """What sort of actor a name denotes."""

    ARMED_GROUP = "armed_group"
    STATE_FORCE = "state_force"
    OFFICIAL = "official"
    ORGANISATION = "organisation"
    CIVILIAN = "civilian"
    GENERIC = "generic"  # "gunmen", "protesters", "police"
    MEDIA = "media"  # news agencies and outlets cited as sources
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's text: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text length {len(self.text)} does not match offsets {self.start}..{self.end}"
            )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build the span ``text[start:end]`` of a document."""
        return cls(start, end, text[start:end])

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a facility, populated place, region or country."""

    name: str
    latitude: float
    longitude: float
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None = None  # first-level region name
    feature: str = "city"  # facility | city | admin1 | admin2 | country | region
    population: int = 0
    gazetteer_id: str | None = None  # "geonames:94787", "sitrep:k1-air-base", ...
    parent: str | None = None  # for facilities: the place they belong to

    @property
    def precision(self) -> GeoPrecision:
        """The export ``geo_precision`` of this entry."""
        if self.feature in ("facility", "point"):
            return GeoPrecision.POINT
        if self.feature in ("admin1", "admin2", "region"):
            return GeoPrecision.ADMIN1
        if self.feature == "country":
            return GeoPrecision.COUNTRY
        return GeoPrecision.CITY


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym found in an article and, when resolved, its gazetteer entry.

    ``description`` holds a location the text itself asserts about the place
    (``"southern Iraq"`` in "the southern Iraqi city of Kirkuk"), normalised
    as ``"<direction> <country ISO2>"`` e.g. ``"south IQ"``; corroboration
    checks it against the gazetteer's coordinates.
    """

    span: Span
    name: str
    place: Place | None
    is_event_location: bool = False
    description: str | None = None
    description_span: Span | None = None
    score: float = 0.0  # resolution confidence in [0, 1]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved to a calendar date with its precision."""

    span: Span
    date: dt.date
    precision: DatePrecision
    relative: bool = False  # resolved against the publication date ("on Friday")


@dataclass(frozen=True, slots=True)
class CountMention:
    """A casualty count. Exact counts have ``low == high``; vague ones are ranges.

    ``high`` is None for an open range ("at least 30", "dozens"); both are None
    for an unquantified count we could not bound at all.
    """

    span: Span
    kind: str  # "killed" | "injured"
    low: int | None
    high: int | None
    hedged: bool = False

    @property
    def exact(self) -> int | None:
        """The count when it is exact, else None."""
        return self.low if self.low is not None and self.low == self.high else None


@dataclass(frozen=True, slots=True)
class WeaponMention:
    """A weapon named in an article, normalised (``"rocket"``, ``"firearm"``)."""

    span: Span
    weapon: str
    hedged: bool = False


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in an article, with its canonical name, kind and role."""

    span: Span
    name: str  # canonical name ("Kata'ib Hezbollah")
    kind: ActorKind
    role: ActorRole = ActorRole.OTHER
    hedged: bool = False


@dataclass(frozen=True, slots=True)
class QuoteMention:
    """A direct quotation and, when found, its speaker."""

    span: Span  # the quoted words, without the quotation marks
    speaker: str | None = None
    speaker_span: Span | None = None


@dataclass(frozen=True, slots=True)
class BlameMention:
    """A statement of responsibility.

    ``kind`` is ``attribution`` (X blames Y), ``claim`` (Y claims the attack),
    ``denial`` (Y denies it), or ``none`` ("no one has claimed responsibility",
    "did not attribute blame": ``blamed`` is None).
    """

    span: Span
    kind: str
    blamed: str | None
    by: str | None = None  # who makes the attribution ("a US official", "the coalition")
    hedged: bool = False


@dataclass(slots=True)
class EventMention:
    """One incident as one article reports it.

    ``primary`` is False for incidents mentioned only in passing (an earlier
    attack recalled for context); those never merge with the main incident.
    """

    id: str  # "<article_id>#<n>"
    article_id: str
    event_type: str  # ACLED event type (see sitrep.taxonomy)
    sub_event_type: str
    trigger: Span
    primary: bool = True
    date: DateMention | None = None
    date_borrowed_from: str | None = None  # article id that supplied a missing date
    places: list[PlaceMention] = field(default_factory=list)  # event locations, best first
    killed: CountMention | None = None
    injured: CountMention | None = None
    weapons: list[WeaponMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    blame: list[BlameMention] = field(default_factory=list)
    hedged: bool = False

    @property
    def place(self) -> PlaceMention | None:
        """The best event location, if any."""
        return self.places[0] if self.places else None


@dataclass(frozen=True, slots=True)
class FramingTerm:
    """A loaded or charged word or phrase in an article, found by the framing stage."""

    span: Span
    category: str  # loaded | epithet | intensifier | euphemism | labelling | ...
    neutral: str | None = None  # a neutral wording, when the lexicon has one
    score: float = 1.0  # confidence in [0, 1]


@dataclass(slots=True)
class Article:
    """A news article, plus what the pipeline has found in it.

    ``text`` is never modified once read; every span indexes into it.
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source_path: str | None = None
    clean_text: str = ""  # ``text`` with boilerplate blanked out (same length)
    content_hash: str = ""
    duplicate_of: str | None = None  # id of the article this one is a (wire) copy of
    origins: list[str] = field(default_factory=list)  # attributed origin: "Reuters", "AFP", ...
    # assigned by extraction
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[QuoteMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    framing: list[FramingTerm] = field(default_factory=list)
    biased_sentences: list[Span] = field(default_factory=list)  # sentences the classifier flags

    def __post_init__(self) -> None:
        if not self.clean_text:
            self.clean_text = self.text
        if len(self.clean_text) != len(self.text):
            raise ValueError("clean_text must have the same length as text (blank, don't delete)")

    def span(self, start: int, end: int) -> Span:
        """The span ``text[start:end]`` of this article."""
        return Span.of(self.text, start, end)


@dataclass(frozen=True, slots=True)
class Source:
    """A news outlet, with the agencies its articles credit."""

    name: str
    article_ids: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """What one source says about one field of an event, and where it says it."""

    field: str  # date | place | location_description | killed | injured | weapon | actor | blame | ...
    value: str
    source: str  # outlet name
    article_id: str
    span: Span
    hedged: bool = False
    origin: str | None = None  # the agency or official the article credits for the claim
    # claims sharing this key are one source: "article:<id of the story's first copy>",
    # "agency:reuters" (a wire story), "origin:the police" (one official count)
    independent_key: str = ""


@dataclass(frozen=True, slots=True)
class ClaimedValue:
    """One of the competing values of a contradiction, with who claims it."""

    value: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Sources disagree on a field; ``resolution`` is the value we believe, if any."""

    field: str
    values: tuple[ClaimedValue, ...]
    resolution: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class FieldAgreement:
    """How well one value of one field is supported across independent sources."""

    field: str
    value: str
    sources: tuple[str, ...]  # outlets that give the value
    independent_sources: int  # wire copies and one credited agency or official counted once
    origins: tuple[str, ...] = ()  # agencies and officials the sources credit for it
    single_source: bool = False  # rests on one independent source
    confirmed: bool = False  # given by at least two independent sources
    contradicted: bool = False  # another source gives a value that cannot also be true
    hedged: bool = False  # every source that gives it hedges it


@dataclass(frozen=True, slots=True)
class SourceFraming:
    """How one outlet words its reports of an event."""

    source: str
    article_ids: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()  # distinct loaded terms, most frequent first
    loaded_per_1000_words: float = 0.0
    biased_sentence_share: float = 0.0
    summary: str = ""


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One change of an event field between resolution runs (a count that rises, say)."""

    field: str
    old: str | None
    new: str | None
    at: dt.datetime
    article_ids: tuple[str, ...] = ()  # the articles whose arrival caused the change
    reason: str = ""


@dataclass(slots=True)
class Event:
    """One real-world incident, resolved across all articles that report it."""

    id: str
    event_type: str
    sub_event_type: str
    mentions: list[EventMention] = field(default_factory=list)
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    place: Place | None = None
    place_name: str | None = None
    killed_low: int | None = None
    killed_high: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    weapons: list[str] = field(default_factory=list)
    actors: list[tuple[str, ActorRole]] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    related_event_ids: list[str] = field(default_factory=list)
    merge_reasons: list[str] = field(default_factory=list)
    framing: list[SourceFraming] = field(default_factory=list)
    history: list[FieldChange] = field(default_factory=list)
    agreement: list[FieldAgreement] = field(default_factory=list)

    @property
    def killed(self) -> int | None:
        """The killed count when it is exact."""
        return _exact(self.killed_low, self.killed_high)

    @property
    def injured(self) -> int | None:
        """The injured count when it is exact."""
        return _exact(self.injured_low, self.injured_high)


def _exact(low: int | None, high: int | None) -> int | None:
    return low if low is not None and low == high else None
