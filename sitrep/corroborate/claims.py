"""Claims: what each source says about each field of an event, with the span it says it in.

Values are normalised so that equal facts compare equal: counts as ``"1"``/``"2-9"``/
``"at least 30"`` ("one American contractor" and "a US civilian contractor" are both
``"1"``), dates in ISO form at their precision, places as gazetteer names, weapons and
actors as canonical names, location descriptions as ``"southern Iraq"``. Besides the
extracted fields, ``munitions``, ``attackers`` and ``abducted`` counts come from
:mod:`sitrep.corroborate.incident_counts`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pycountry

from sitrep.corroborate.agreement import independent_key
from sitrep.corroborate.described_places import described_places
from sitrep.corroborate.incident_counts import CountFact, find_incident_counts
from sitrep.corroborate.normalise import canonical_actor
from sitrep.corroborate.stated_parties import stated_perpetrators, stated_targets
from sitrep.extract.hedging import is_hedged
from sitrep.extract.origins import origin_of
from sitrep.model import (
    ActorKind,
    Article,
    Claim,
    CountMention,
    DateMention,
    DatePrecision,
    Event,
    EventMention,
    Span,
)
from sitrep.resolve.merge import source_name

__all__ = ["build_claims", "count_value", "date_value", "describe_direction"]

_ADJECTIVE = {
    "north": "northern",
    "south": "southern",
    "east": "eastern",
    "west": "western",
    "central": "central",
    "northeast": "northeastern",
    "northwest": "northwestern",
    "southeast": "southeastern",
    "southwest": "southwestern",
}


def describe_direction(code: str) -> str:
    """Render a normalised location description ``"south IQ"`` as ``"southern Iraq"``."""
    direction, _, country = code.partition(" ")
    entry = pycountry.countries.get(alpha_2=country) if country else None
    name = getattr(entry, "common_name", None) or getattr(entry, "name", None) or country
    return f"{_ADJECTIVE.get(direction, direction)} {name}".strip()


def date_value(d: DateMention) -> str:
    """A date at its precision: ``"2019-12-27"``, ``"2019-12"``, ``"2019"``; weeks as their Monday."""
    if d.precision == DatePrecision.MONTH:
        return d.date.strftime("%Y-%m")
    if d.precision == DatePrecision.YEAR:
        return str(d.date.year)
    if d.precision == DatePrecision.WEEK:
        monday = d.date.toordinal() - d.date.weekday()
        return "week of " + dt.date.fromordinal(monday).isoformat()
    return d.date.isoformat()


def count_value(low: int | None, high: int | None) -> str:
    """A casualty count as a comparable string: ``"1"``, ``"2-9"``, ``"at least 30"``, ``"unknown"``."""
    if low is not None and low == high:
        return str(low)
    if low is not None and high is not None:
        return f"{low}-{high}"
    if low is not None:
        return f"at least {low}"
    return "unknown"


def _claim(
    field: str,
    value: str,
    article: Article,
    span: Span,
    hedged: bool = False,
    articles: Mapping[str, Article] | None = None,
) -> Claim:
    origin = origin_of(article, span)
    return Claim(
        field=field,
        value=value,
        source=source_name(article),
        article_id=article.id,
        span=span,
        hedged=hedged or is_hedged(article, span),
        origin=origin,
        independent_key=independent_key(article, origin, articles),
    )


def _fact_value(f: CountFact) -> str:
    count = count_value(f.low, f.high)
    return f"{count} {f.what}" if f.field == "munitions" and f.what else count


def _mention_claims(m: EventMention, article: Article, articles: Mapping[str, Article]) -> list[Claim]:
    def claim(field: str, value: str, span: Span, hedged: bool = False) -> Claim:
        return _claim(field, value, article, span, hedged, articles)

    def count(field: str, c: CountMention) -> Claim:
        return claim(field, count_value(c.low, c.high), c.span, c.hedged)

    out = [claim("event_type", m.sub_event_type, m.trigger, m.hedged)]
    if m.date is not None and m.date_borrowed_from is None:
        out.append(claim("date", date_value(m.date), m.date.span))
    out += [claim("place", p.place.name, p.span) for p in m.places if p.place is not None]
    for d in described_places(article, m):
        out.append(claim("location_description", describe_direction(d.code), d.span))
    if m.killed is not None:
        out.append(count("killed", m.killed))
    if m.injured is not None:
        out.append(count("injured", m.injured))
    out += [claim(f.field, _fact_value(f), f.span) for f in find_incident_counts(article, m)]
    out += [claim("weapon", w.weapon, w.span, w.hedged) for w in m.weapons]
    for a in m.actors:
        if a.kind is ActorKind.MEDIA:  # an agency cited as a source is an origin, not a party to the incident
            continue
        role: str = a.role.value if a.role.value in ("perpetrator", "target", "victim") else "actor"
        out.append(claim(role, a.name, a.span, a.hedged))
    out += [claim("target", what, span) for what, span in stated_targets(article, m)]
    for name, span in stated_perpetrators(article, m):
        out.append(claim("blame", f"{name} (per {source_name(article)})", span))
    for b in m.blame:
        if b.kind == "none":
            value = "no attribution" + (f" (by {b.by})" if b.by else "")
            out.append(claim("blame", value, b.span, b.hedged))
        elif b.blamed:
            field = {"claim": "claimed_responsibility", "denial": "denied_responsibility"}.get(
                b.kind, "blame"
            )
            name = canonical_actor(b.blamed)
            value = name + (f" (per {b.by})" if b.by and field == "blame" else "")
            out.append(claim(field, value, b.span, b.hedged))
    return out


def build_claims(event: Event, articles: Mapping[str, Article]) -> list[Claim]:
    """Every claim each source makes about ``event``, in article then text order, without repeats."""
    claims: list[Claim] = []
    seen: set[tuple[str, str, str, int]] = set()
    for m in event.mentions:
        article = articles.get(m.article_id)
        if article is None:
            continue
        for c in _mention_claims(m, article, articles):
            key = (c.field, c.value, c.article_id, c.span.start)
            if key not in seen:
                seen.add(key)
                claims.append(c)
    return claims
