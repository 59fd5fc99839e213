"""A shareable brief of one event: what is confirmed, disputed, single-sourced, and how each source frames it.

:func:`build_brief` gathers it from the event (and, when given, its articles, for each
source's wire agency); :mod:`sitrep.serve.report` renders it as markdown or HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sitrep.corroborate.agreement import article_agency, independent_stories
from sitrep.model import Article, Event, FieldAgreement, SourceFraming
from sitrep.serve.grid import Row, claims_grid, field_label, split_agreement

__all__ = ["Brief", "Position", "SourceSummary", "build_brief", "count_text", "framing_line"]


@dataclass(frozen=True, slots=True)
class Position:
    """Where the event is on the map."""

    latitude: float
    longitude: float
    precision: str
    label: str


@dataclass(slots=True)
class SourceSummary:
    """One source: its articles, the agency its story comes from, what it says about blame."""

    name: str
    article_ids: list[str] = field(default_factory=list)
    agency: str | None = None
    credits: list[str] = field(default_factory=list)  # agencies and officials it credits for its claims
    responsibility: list[str] = field(default_factory=list)
    hedged_claims: int = 0
    claims: int = 0
    framing: SourceFraming | None = None


@dataclass(slots=True)
class Brief:
    """Everything a report shows, as plain values."""

    event_id: str
    title: str
    summary: str
    position: Position | None
    confirmed: list[str]
    disputed: list[str]
    single_source: list[str]
    sources: list[SourceSummary]
    columns: list[str]
    rows: list[Row]


def count_text(low: int | None, high: int | None) -> str:
    """A count for people: ``"3"``, ``"2–9"``, ``"at least 30"``, ``"unknown"``."""
    if low is None:
        return "unknown"
    if low == high:
        return str(low)
    return f"{low}–{high}" if high is not None else f"at least {low}"


def _place_label(event: Event) -> str:
    if event.place is None:
        return event.place_name or "an unknown place"
    parts = [event.place.name, event.place.admin1, event.place.country]
    return ", ".join(p for p in parts if p)


def _summary(event: Event, independent: int) -> str:
    when = event.date.isoformat() if event.date else "an unknown date"
    if event.date and event.date_precision and event.date_precision != "day":
        when += f" ({event.date_precision})"
    n = len(event.sources)
    return (
        f"{event.sub_event_type} in {_place_label(event)} on {when}: "
        f"{count_text(event.killed_low, event.killed_high)} killed, "
        f"{count_text(event.injured_low, event.injured_high)} injured; "
        f"reported by {n} source{'s' if n != 1 else ''} ({independent} independent)."
    )


def framing_line(f: SourceFraming) -> str:
    """One source's framing in words: its loaded terms, their rate, the share of biased sentences."""
    terms = ", ".join(f.terms) or "none"
    line = (
        f"loaded terms: {terms}; {f.loaded_per_1000_words:.1f} per 1,000 words; "
        f"{f.biased_sentence_share:.0%} of sentences flagged as biased"
    )
    return line + (f"; {f.summary}" if f.summary else "")


def _agreement_line(a: FieldAgreement) -> str:
    credited = f"; credited to {', '.join(a.origins)}" if a.origins else ""
    hedged = " (hedged)" if a.hedged else ""
    return (
        f"{field_label(a.field)}: {a.value}{hedged}: {', '.join(a.sources)} "
        f"({a.independent_sources} independent{credited})"
    )


def _responsibility(field_name: str, value: str, hedged: bool) -> str:
    mark = " (hedged)" if hedged else ""
    if field_name == "claimed_responsibility":
        return f"reports a claim of responsibility by {value}{mark}"
    if field_name == "denied_responsibility":
        return f"reports a denial by {value}{mark}"
    if value.startswith("no attribution"):
        by = value.removeprefix("no attribution").strip(" ()").removeprefix("by ").strip()
        return "says no one has been blamed or has claimed it" + (f" ({by})" if by else "") + mark
    name, _, per = value.partition(" (per ")
    return f"reports blame on {name}" + (f" by {per.rstrip(')')}" if per else "") + mark


def _sources(event: Event, articles: Mapping[str, Article] | None) -> list[SourceSummary]:
    out: dict[str, SourceSummary] = {}
    for c in event.claims:
        s = out.setdefault(c.source, SourceSummary(name=c.source))
        if c.article_id not in s.article_ids:
            s.article_ids.append(c.article_id)
        s.claims += 1
        s.hedged_claims += c.hedged
        if c.origin and c.origin not in s.credits:
            s.credits.append(c.origin)
        if c.field in ("blame", "claimed_responsibility", "denied_responsibility"):
            line = _responsibility(c.field, c.value, c.hedged)
            if line not in s.responsibility:
                s.responsibility.append(line)
    for s in out.values():
        for aid in s.article_ids:
            article = articles.get(aid) if articles else None
            if article is not None and s.agency is None:
                s.agency = article_agency(article)
        s.framing = next((f for f in event.framing if f.source == s.name), None)
    return list(out.values())


def build_brief(event: Event, articles: Mapping[str, Article] | None = None) -> Brief:
    """The brief of ``event``; ``articles`` (by id) adds each source's wire agency."""
    confirmed, single = split_agreement(event)
    if articles:
        independent = independent_stories(event.article_ids, articles)
    else:  # without the articles: one per story key the claims carry, else one per source
        keys = {
            c.independent_key for c in event.claims if c.independent_key.startswith(("agency:", "article:"))
        }
        independent = len(keys) or len(event.sources)
    position = None
    if event.place is not None:
        position = Position(
            event.place.latitude, event.place.longitude, event.place.precision.value, _place_label(event)
        )
    disputed = []
    for d in event.contradictions:
        listed = "; ".join(f"{v.value} ({', '.join(v.sources)})" for v in d.values)
        outcome = f"resolved as {d.resolution}" if d.resolution else "unresolved"
        disputed.append(f"{field_label(d.field)}: {listed}: {outcome}: {d.reason}")
    columns, rows = claims_grid(event)
    return Brief(
        event_id=event.id,
        title=f"{event.event_type} / {event.sub_event_type}",
        summary=_summary(event, independent),
        position=position,
        confirmed=[_agreement_line(a) for a in confirmed],
        disputed=disputed,
        single_source=[_agreement_line(a) for a in single],
        sources=_sources(event, articles),
        columns=columns,
        rows=rows,
    )
