"""Assemble an article's findings into event mentions: one per incident it reports.

The first incident sentence of an article opens its *primary* incident. A later
incident sentence joins an incident already open when its own date and place are
compatible with it; otherwise it opens a separate, non-primary incident (an
earlier attack recalled for context). Sentences about a series of incidents, or
cumulative tolls ("since October"), are background: they join nothing.
Sentences without an incident word join the incident being described when
nothing in them (a date, a distant place) points elsewhere.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from sitrep.extract.armed_sides import clash_or_attack
from sitrep.extract.blame import find_blame
from sitrep.extract.casualties import find_counts, grievance_counts
from sitrep.extract.casualty_combine import incident_count
from sitrep.extract.event_types import Trigger, find_triggers, property_only, yields_to_attack
from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.hedging import is_hedged
from sitrep.extract.incident_dates import (
    DateRole,
    better_incident_date,
    date_key,
    date_role,
    dates_compatible,
    days_before,
    is_dateline,
    is_later_step,
    is_reporting,
)
from sitrep.extract.incident_fallbacks import count_trigger, fallback_trigger, headline_block_end
from sitrep.extract.place_focus import most_named, refocus
from sitrep.extract.type_classifier import TypeClassifier, refine_types
from sitrep.extract.unrest_types import unrest_type
from sitrep.extract.weapons import find_weapons
from sitrep.geo import FINE_FEATURES, PLACE_SPECIFICITY, distance_km
from sitrep.model import (
    ActorMention,
    Article,
    BlameMention,
    CountMention,
    DateMention,
    DatePrecision,
    EventMention,
    PlaceMention,
    Span,
    WeaponMention,
)
from sitrep.taxonomy import event_type_of
from sitrep.text import sentences

__all__ = ["assemble_events", "dates_compatible", "places_compatible"]

logger = logging.getLogger(__name__)

T = TypeVar("T")

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_BACKGROUND = re.compile(
    r"\b(series|string|wave|spate|campaign) of\b|\bany (attacks?|strikes?)\b"
    r"|\ba (?:large |growing |small |rising |record |high |increasing )?number of (?:\w+ )?"
    r"(?:attacks|strikes|raids|bombings|incidents|clashes|killings|abductions|kidnappings|shootings)\b"
    rf"|\bsince (late |early |mid-?)?({_MONTHS}|\d{{4}}|the start)\b"
    r"|\bso far this (year|month)\b|\bin recent (weeks|months|years)\b|\bthis year alone\b"
    r"|\b(?:regularly|routinely|frequently|often|repeatedly|periodically|habitually)\s+(?:\w+\s+)?"
    r"(?:attack|raid|strike|shell|target|clash|kill|abduct|kidnap|ambush|storm|fire)",
    re.IGNORECASE,
)
_SERIES = re.compile(r"(?:series|string|wave|spate|campaign) of\b", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\bsince\s+(\w+\s+){0,2}$", re.IGNORECASE)
_DIRECTION_BEFORE = re.compile(
    r"\b(north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)(ern)?\s+$",
    re.IGNORECASE,
)
_SINGULAR_REF = re.compile(
    r"\b(the|this|that|the latest) (incident|attack|strike|bombing|shooting|blast|explosion|assault|raid)\b",
    re.IGNORECASE,
)
_GENERIC_PLURAL = re.compile(
    r"^(attacks|strikes|bombings|shootings|raids|assaults|airstrikes|air strikes)$", re.I
)
_UNREST_PARTS = frozenset(
    {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Armed clash",
        "Looting/property destruction",
        "Arrests",
    }
)


def places_compatible(gaz: Gazetteer, a: PlaceMention, b: PlaceMention, max_km: float = 50.0) -> bool:
    """True when two resolved places can denote where one incident happened."""
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return True
    if pa.feature in ("country", "admin1", "region") or pb.feature in ("country", "admin1", "region"):
        return gaz.contains(pa, pb) or gaz.contains(pb, pa) or pa == pb
    return distance_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) <= max_km


@dataclass(slots=True)
class _Sentence:
    span: Span
    triggers: list[Trigger] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    counts: list[CountMention] = field(default_factory=list)
    weapons: list[WeaponMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    blame: list[BlameMention] = field(default_factory=list)


@dataclass(slots=True)
class _Incident:
    primary: bool
    trigger: Trigger
    sentences: list[_Sentence] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    date: DateMention | None = None
    reported: bool = False  # the date is when someone spoke ("police said Thursday"), not the incident's
    after: bool = False  # the date is of a later step ("was arrested Thursday", "died Thursday")
    indirect: bool = False  # the date came from a sentence without an incident trigger ("died overnight")
    places: list[PlaceMention] = field(default_factory=list)
    extra_blame: list[BlameMention] = field(default_factory=list)


def _attach_stray_blame(incidents: list[_Incident], sents: list[_Sentence]) -> None:
    """Blame stated outside any incident's sentences goes to the primary incident when it
    speaks of a single incident ("did not attribute blame for the incident")."""
    if not incidents:
        return
    used = {id(s) for inc in incidents for s in inc.sentences}
    for s in sents:
        if id(s) in used:
            continue
        for b in s.blame:
            if (b.kind == "none" or _SINGULAR_REF.search(s.span.text)) and not _BACKGROUND.search(
                s.span.text
            ):
                incidents[0].extra_blame.append(b)


def _bucket(items: Sequence[T], spans: list[Span], get_span: Callable[[T], Span]) -> list[list[T]]:
    """Distribute ``items`` over the sentence ``spans`` that contain their start."""
    out: list[list[T]] = [[] for _ in spans]
    starts = [s.start for s in spans]
    for item in items:
        sp = get_span(item)
        i = bisect.bisect_right(starts, sp.start) - 1
        if 0 <= i < len(spans) and sp.start < spans[i].end:
            out[i].append(item)
    return out


def _specificity(p: PlaceMention) -> int:
    """0 for a facility, up to 4 for a country, 5 when unresolved."""
    return PLACE_SPECIFICITY.get(p.place.feature, 5) if p.place is not None else 5


def _event_places(places: list[PlaceMention]) -> list[PlaceMention]:
    """Resolved places in a sentence that can locate an incident, most specific first."""
    usable = [
        p
        for p in places
        if p.place is not None and (p.is_event_location or p.place.feature != "country" or p.description)
    ]
    return sorted(usable, key=lambda p: (not p.is_event_location, _specificity(p)))


def _with_directions(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """Give a country mention such as "northern Iraq" its description ("north IQ")."""
    out = []
    for p in places:
        if p.place is not None and p.place.feature == "country" and p.description is None and p.place.country:
            m = _DIRECTION_BEFORE.search(text, max(0, p.span.start - 20), p.span.start)
            if m:
                direction = m.group(1).lower().replace("-", "")
                p = replace(
                    p,
                    description=f"{direction} {p.place.country}",
                    description_span=Span.of(text, m.start(), p.span.end),
                )
        out.append(p)
    return out


def _background(sentence: _Sentence, trigger: Trigger) -> bool:
    """A trigger about a series, a cumulative toll or a hypothetical, judged near the trigger words
    (for a protest, only the words before it: what follows is its grievance, "protested unpaid
    salaries since May"); a bare plural ("airstrikes") without counts; either unless the sentence
    names the day ("a series of airstrikes on 8 April" is an incident of its own)."""
    text, base = sentence.span.text, sentence.span.start
    lo, hi = max(0, trigger.span.start - base - 40), min(len(text), trigger.span.end - base + 60)
    if trigger.event_type == "Protests":  # what follows a protest is its grievance ("unpaid since May")
        hi = trigger.span.end - base
    dated = any(d.precision == DatePrecision.DAY for d in sentence.dates)  # "airstrikes on 16 May"
    if _SINCE_BEFORE.search(text[: trigger.span.start - base]):
        return True
    if (m := _BACKGROUND.search(text[lo:hi])) and not (dated and _SERIES.match(m.group(0))):
        return True
    words = trigger.span.text.split()
    return bool(words) and bool(_GENERIC_PLURAL.match(words[-1])) and not sentence.counts and not dated


def _is_fine(p: PlaceMention) -> bool:
    return p.place is not None and p.place.feature in FINE_FEATURES


def _near(a: PlaceMention, b: PlaceMention, max_km: float = 50.0) -> bool:
    """True when two resolved places lie within ``max_km`` of each other."""
    pa, pb = a.place, b.place
    return (
        pa is None
        or pb is None
        or distance_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) <= max_km
    )


def _compatible(gaz: Gazetteer, inc: _Incident, dates: list[DateMention], places: list[PlaceMention]) -> bool:
    """Whether a sentence's dates and places allow it to be about ``inc``."""
    if dates and inc.date is not None and not any(_date_fits(d, inc) for d in dates):
        return False
    if places and inc.places:
        fine_new, fine_old = [p for p in places if _is_fine(p)], [p for p in inc.places if _is_fine(p)]
        if fine_new and fine_old:
            return any(places_compatible(gaz, a, b) for a in fine_new for b in fine_old)
        return any(places_compatible(gaz, a, b) for a in places for b in inc.places)
    return True


def _group(gaz: Gazetteer, sents: list[_Sentence], headline_end: int = -1) -> list[_Incident]:
    """Sentences into incidents. A headline (ending by ``headline_end``) never opens an incident
    of its own: it summarises the lead ("Two dead as shells hit market east of the capital"), so it
    joins the first incident like a lead sentence when its date and place allow."""
    incidents: list[_Incident] = []
    current: _Incident | None = None
    lead: list[_Sentence] = []  # plain sentences before the first incident (headline, lead)
    for s in sents:
        dates = [d for d in s.dates if not is_dateline(s.span, d)]
        places = _event_places(s.places)
        live = [t for t in s.triggers if not _background(s, t)]
        if live and not incidents and s.span.end <= headline_end:
            lead.append(s)
            continue
        if not live:
            if s.triggers or _BACKGROUND.search(s.span.text):
                current = None  # background talk: what follows is not about the open incident
                continue
            if not incidents:
                lead.append(s)
            elif current is not None and _compatible(gaz, current, dates, places):
                current.sentences.append(s)
                _absorb(current, s.span, dates, places)
            continue
        trig = max(live, key=lambda t: t.score)
        target = next((inc for inc in incidents if _compatible(gaz, inc, dates, places)), None)
        if target is None and incidents and incidents[0].date is None and _refers_back(s, trig):
            target = incidents[0]  # "The shooting happened Saturday" dates the undated incident told so far
        if target is None:
            target = _Incident(primary=not incidents, trigger=trig)
            incidents.append(target)
        target.sentences.append(s)
        target.triggers.extend(live)
        _absorb(target, s.span, dates, places, trig)
        current = target
    if incidents:
        _join_lead(gaz, incidents[0], lead)
        _date_from_article(incidents, sents)
        roles = {id(d): date_role(d, s.span) for s in sents for d in s.dates}
        for inc in incidents:
            _prefer_incident_day(inc, sents, roles)
    return incidents


_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _refers_back(sentence: _Sentence, trigger: Trigger) -> bool:
    """True when the trigger is a definite noun dated in its sentence ("The shooting happened Saturday"):
    it names an incident already told, not a new one."""
    start = trigger.span.start - sentence.span.start
    head = sentence.span.text[max(0, start - 30) : start]
    return (
        _DEFINITE.search(head) is not None
        and not _BACKGROUND.search(sentence.span.text)
        and any(date_role(d, sentence.span) == DateRole.INCIDENT for d in sentence.dates)
    )


_AFTER_REACH_DAYS = 92


def _prefer_incident_day(inc: _Incident, sents: list[_Sentence], roles: dict[int, DateRole]) -> None:
    """Replace an incident date that a later step, a vague word or a rough period gave by a better one
    from the incident's own sentences (:func:`better_incident_date`); ``roles`` holds every date's
    :func:`date_role` by ``id``."""
    if inc.date is None:
        return
    home = next((s for s in sents if any(d is inc.date for d in s.dates)), None)
    later = roles.get(id(inc.date)) == DateRole.AFTER
    counted = days_before(inc.date, home.span) if home and later else None
    if counted is not None:  # "died Saturday, a day after he was shot"
        inc.date, inc.reported, inc.after = counted, False, False
        return
    own = [(d, roles[id(d)]) for s in inc.sentences for d in s.dates if not is_dateline(s.span, d)]
    better = better_incident_date(inc.date, roles.get(id(inc.date), DateRole.PLAIN), own)
    if better is not None:
        inc.date, inc.reported, inc.after = better, False, False


def _date_from_article(incidents: list[_Incident], sents: list[_Sentence]) -> None:
    """A primary incident its own sentences leave undated takes the article's first day date
    outside the other incidents ("... police said Monday"): the day it was reported at worst."""
    primary = incidents[0]
    if primary.date is not None:
        return
    taken = {id(s) for inc in incidents[1:] for s in inc.sentences}
    free = [s for s in sents if id(s) not in taken and not _BACKGROUND.search(s.span.text)]
    days = [(d, is_dateline(s.span, d)) for s in free for d in s.dates if d.precision == DatePrecision.DAY]
    # a date standing alone on its line (a dateline, "14 March.") only as a last resort
    best = next((d for d, line in days if not line), None) or next((d for d, _ in days), None)
    if best is not None:
        primary.date, primary.reported = best, True


def _join_lead(gaz: Gazetteer, primary: _Incident, lead: list[_Sentence]) -> None:
    """Plain sentences before the primary incident's first one (a headline, a lead such as
    "Two teenagers were hurt in Dayton late Thursday.") join it when their dates and places
    allow: their counts, places and (when its own sentences give none) date are its own."""
    joined = []
    for s in lead:
        dates = [d for d in s.dates if not is_dateline(s.span, d)]
        places = _event_places(s.places)
        if _compatible(gaz, primary, dates, places):
            joined.append(s)
            _absorb(primary, s.span, dates, places)
    primary.sentences[:0] = joined


def _date_fits(d: DateMention, inc: _Incident) -> bool:
    """Whether ``d`` can date ``inc``: a reporting date also admits the week before it, a later step
    (an arrest, a court date) the month before it."""
    if inc.date is None or dates_compatible(d, inc.date):
        return True
    lag = (inc.date.date - d.date).days
    reach = _AFTER_REACH_DAYS if inc.after else 7
    return (
        (inc.reported or inc.after or inc.indirect) and d.precision == DatePrecision.DAY and 0 <= lag <= reach
    )


def _absorb(
    inc: _Incident,
    sentence: Span,
    dates: list[DateMention],
    places: list[PlaceMention],
    trigger: Trigger | None = None,
) -> None:
    """Add a sentence's date and places to ``inc``.

    The date, when the incident has none yet, is the one in the trigger's clause ("police
    on Monday were searching for the gunman who killed two on Sunday": Sunday), else the
    nearest; a reporting date ("police said Thursday"), or one read from a sentence without an
    incident trigger ("two of the wounded died overnight"), gives way to a later sentence's date
    of the incident within the week before it. A place already known is upgraded when this
    sentence makes it an event location; a fine place far from the incident's event
    locations is not added."""
    if inc.date is None and dates:
        if trigger is not None:
            inc.date = min(dates, key=lambda d: date_key(trigger, d))
        else:
            inc.date = min(
                dates, key=lambda d: (-date_role(d, sentence), list(DatePrecision).index(d.precision))
            )
        inc.reported = is_reporting(inc.date, sentence)
        inc.after = not inc.reported and date_role(inc.date, sentence) == DateRole.AFTER
        inc.indirect = trigger is None
    elif inc.date is not None and (inc.reported or inc.after or (inc.indirect and trigger is not None)):
        own = [d for d in dates if not is_later_step(d, sentence) and _date_fits(d, inc)]
        if inc.after and not inc.reported:  # only the incident's own day replaces a later step's
            own = [d for d in own if date_role(d, sentence) == DateRole.INCIDENT]
        if own:
            if trigger is not None:
                own.sort(key=lambda d: date_key(trigger, d))
            inc.date, inc.indirect = own[0], trigger is None
            inc.reported = inc.after = False
    located = [q for q in inc.places if q.is_event_location and _is_fine(q)]
    for p in places:
        known = next((i for i, q in enumerate(inc.places) if q.place == p.place), None)
        if known is not None:
            if p.is_event_location and not inc.places[known].is_event_location:
                inc.places[known] = p
        elif not located or not _is_fine(p) or any(_near(p, q) for q in located):
            inc.places.append(p)


#: how much of an incident's text is read to settle its type (who was hurt, how a crowd behaved): a
#: short report whole, a long article's first paragraphs, which name the victims and the crowd
_TYPE_TEXT_CHARS = 400


def _sub_type(inc: _Incident) -> Trigger:
    """The incident's type: the most confident trigger, the first one on ties, read against all
    of the incident's sentences.

    A violent demonstration outranks the protest, clash, looting and arrest types that
    describe parts of the same unrest (a riot with arrests is a riot); a protest whose crowd
    turns violent, or a crowd fight with no armed group, is typed by
    :func:`sitrep.extract.unrest_types.unrest_type`; an attack with armed victims or armed
    resistance is an armed clash and the reverse (:func:`sitrep.extract.armed_sides.clash_or_attack`);
    an abduction or looting that also kills or wounds is an attack."""
    best = max(inc.triggers, key=lambda t: t.score)
    text = " ".join(s.span.text for s in inc.sentences)[:_TYPE_TEXT_CHARS]
    violent = [t for t in inc.triggers if t.sub_event_type == "Violent demonstration"]
    if violent and best.sub_event_type in _UNREST_PARTS:
        best = max(violent, key=lambda t: t.score)
    sub = unrest_type(best.sub_event_type, text)
    if yields_to_attack(sub, text):  # "killed two and abducted a third"
        sub = "Attack"
    sub = clash_or_attack(sub, text)
    if property_only(sub, text) != sub:  # property alone: looting (by a crowd: a riot)
        sub = unrest_type("Looting/property destruction", text)
    if sub != best.sub_event_type:
        return replace(best, sub_event_type=sub, event_type=event_type_of(sub))
    return best


def assemble_events(
    article: Article, gazetteer: Gazetteer, classifier: TypeClassifier | None = None
) -> Article:
    """Fill ``article.events`` with one :class:`EventMention` per incident the article reports.

    With a ``classifier``, each incident's rule type is checked against the classifier's
    reading of its trigger sentences (:func:`sitrep.extract.type_classifier.combine`).
    """
    text = article.clean_text
    spans = sentences(text)
    if not spans:
        article.events = []
        return article
    sents = [_Sentence(span=s) for s in spans]
    for name, items, get in (
        ("triggers", find_triggers(article), lambda t: t.span),
        ("dates", article.dates, lambda d: d.span),
        ("places", _with_directions(article.text, article.places), lambda p: p.span),
        ("counts", find_counts(article), lambda c: c.span),
        ("weapons", find_weapons(article), lambda w: w.span),
        ("actors", article.actors, lambda a: a.span),
        ("blame", find_blame(article), lambda b: b.span),
    ):
        for sent, bucket in zip(sents, _bucket(items, spans, get), strict=True):
            getattr(sent, name).extend(bucket)

    block_end = headline_block_end(article)
    incidents = _group(gazetteer, sents, block_end) or _group(gazetteer, sents)
    if not incidents and classifier is not None:  # no rule found one: the fallbacks read the story
        story = [s for s in sents if not _BACKGROUND.search(s.span.text)]
        if fallback_trigger(article, story, classifier):
            incidents = _group(gazetteer, sents)
        if not incidents and count_trigger([s for s in story if s.span.end > block_end], classifier):
            incidents = _group(gazetteer, sents)
    _attach_stray_blame(incidents, sents)
    events: list[EventMention] = []
    bests = [_sub_type(inc) for inc in incidents]
    subs = [b.sub_event_type for b in bests]
    if classifier is not None and incidents:
        texts = [" ".join(dict.fromkeys(t.sentence.text for t in inc.triggers))[:2000] for inc in incidents]
        subs = refine_types(classifier, [(b.sub_event_type, b.score) for b in bests], texts)
    for n, (inc, sub) in enumerate(zip(incidents, subs, strict=True)):
        places = sorted(inc.places, key=lambda p: (_specificity(p), not p.is_event_location))
        if not places and inc.primary:
            places = _article_place(article)
        elif inc.primary:
            places = refocus(places, article.places)
        own = [c for s in inc.sentences for c in s.counts]
        if inc.primary:  # a kind of count only the headline gives is the primary incident's too
            headline = [
                c for s in sents if s.span.end <= block_end and s not in inc.sentences for c in s.counts
            ]
            own += [c for c in headline if all(o.kind != c.kind for o in own)]
        counts = grievance_counts(article.clean_text, own, sub)
        mention = EventMention(
            id=f"{article.id}#{n}",
            article_id=article.id,
            event_type=event_type_of(sub),
            sub_event_type=sub,
            trigger=inc.trigger.span,
            primary=inc.primary,
            date=inc.date,
            places=places,
            killed=_pick_count(counts, "killed", inc),
            injured=_pick_count(_same_victim_hurt(counts), "injured", inc),
            weapons=_unique([w for s in inc.sentences for w in s.weapons], key=lambda w: w.weapon),
            actors=_unique([a for s in inc.sentences for a in s.actors], key=lambda a: (a.name, a.role)),
            blame=[b for s in inc.sentences for b in s.blame] + inc.extra_blame,
            hedged=is_hedged(article, inc.trigger.span),
        )
        events.append(mention)
    article.events = events
    return article


def _article_place(article: Article) -> list[PlaceMention]:
    """For an incident whose own sentences name no place: the article's main fine place.

    That is the place most often named as an event location, else the fine place the article
    names most often (at least twice: "Chicago police", "a Chicago hospital"), the first on ties."""
    located = [p for p in article.places if p.is_event_location]
    best = most_named(located) or most_named(article.places, 2)
    return [best] if best is not None else []


def _pick_count(counts: list[CountMention], kind: str, inc: _Incident) -> CountMention | None:
    """The incident's count of one kind (:func:`sitrep.extract.casualty_combine.incident_count`)."""
    return incident_count(counts, kind, [s.span for s in inc.sentences])


# the one victim named again: a pronoun, a name, or "the" + a singular noun
_ONE_KNOWN = re.compile(
    r"(?:he|she|his|her|(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,2})(?:,[^,]{1,40},)?)\s", re.IGNORECASE
)


def _same_victim_hurt(counts: list[CountMention]) -> list[CountMention]:
    """Without the injured counts that name the one victim killed again: when one person is killed
    and the only injured counts are of one person named by a pronoun or a name ("X was shot ... and
    died"; "she was critically injured"), the injured person is the one who died."""
    killed = [c for c in counts if c.kind == "killed"]
    hurt = [c for c in counts if c.kind == "injured"]
    if not killed or not hurt or any(c.exact != 1 for c in killed + hurt):
        return counts
    if all(_ONE_KNOWN.match(c.span.text) for c in hurt):
        return [c for c in counts if c.kind != "injured"]
    return counts


def _unique(items: list[T], key: Callable[[T], Hashable]) -> list[T]:
    seen: set[Hashable] = set()
    out: list[T] = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out
