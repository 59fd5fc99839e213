"""Claims: what each source says about each field of an event, with the span it says it in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pycountry

from sitrep.extract.hedging import is_hedged
from sitrep.extract.origins import origin_of
from sitrep.model import Article, Claim, CountMention, DateMention, DatePrecision, Event, EventMention, Span
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


def _claim(field: str, value: str, article: Article, span: Span, hedged: bool = False) -> Claim:
    return Claim(
        field=field,
        value=value,
        source=source_name(article),
        article_id=article.id,
        span=span,
        hedged=hedged or is_hedged(article, span),
        origin=origin_of(article, span),
    )


def _count_claim(field: str, c: CountMention, article: Article) -> Claim:
    return _claim(field, count_value(c.low, c.high), article, c.span, c.hedged)


def _mention_claims(m: EventMention, article: Article) -> list[Claim]:
    out = [_claim("event_type", m.sub_event_type, article, m.trigger, m.hedged)]
    if m.date is not None and m.date_borrowed_from is None:
        out.append(_claim("date", date_value(m.date), article, m.date.span))
    for p in m.places:
        if p.place is not None:
            out.append(_claim("place", p.place.name, article, p.span))
        if p.description and p.description_span is not None:
            out.append(
                _claim("location_description", describe_direction(p.description), article, p.description_span)
            )
    if m.killed is not None:
        out.append(_count_claim("killed", m.killed, article))
    if m.injured is not None:
        out.append(_count_claim("injured", m.injured, article))
    out += [_claim("weapon", w.weapon, article, w.span, w.hedged) for w in m.weapons]
    for a in m.actors:
        role: str = a.role.value if a.role.value in ("perpetrator", "target", "victim") else "actor"
        out.append(_claim(role, a.name, article, a.span, a.hedged))
    for b in m.blame:
        if b.kind == "none":
            value = "no attribution" + (f" (by {b.by})" if b.by else "")
            out.append(_claim("blame", value, article, b.span, b.hedged))
        elif b.blamed:
            field = {"claim": "claimed_responsibility", "denial": "denied_responsibility"}.get(
                b.kind, "blame"
            )
            value = b.blamed + (f" (per {b.by})" if b.by and field == "blame" else "")
            out.append(_claim(field, value, article, b.span, b.hedged))
    return out


def build_claims(event: Event, articles: Mapping[str, Article]) -> list[Claim]:
    """Every claim each source makes about ``event``, in article then text order, without repeats."""
    claims: list[Claim] = []
    seen: set[tuple[str, str, str, int]] = set()
    for m in event.mentions:
        article = articles.get(m.article_id)
        if article is None:
            continue
        for c in _mention_claims(m, article):
            key = (c.field, c.value, c.article_id, c.span.start)
            if key not in seen:
                seen.add(key)
                claims.append(c)
    return claims
