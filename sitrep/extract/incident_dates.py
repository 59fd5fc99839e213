"""Which date belongs to an incident: compatibility of two dates at their precisions, reporting dates
("police said Thursday"), datelines, and the ranking of a sentence's dates for an incident's trigger."""

from __future__ import annotations

import re

from sitrep.extract.event_types import Trigger
from sitrep.model import DateMention, DatePrecision, Span

__all__ = ["date_key", "dates_compatible", "is_dateline", "is_reporting"]

_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|say|told(?:\s+\w+){0,2}?|announced|reported|confirmed|added|stated|disclosed|revealed"
    r"|according\s+to(?:\s+\w+){0,3}?)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
_BOUND = re.compile(r"(?:since|after|before|until|by|from)\b", re.IGNORECASE)
_CLAUSE_BOUNDARY = re.compile(
    r"[,;:()]|\b(?:who|which|that|after|when|while|as|following|because|before|since|where)\b", re.IGNORECASE
)


_PRECISION_DAYS = {
    DatePrecision.DAY: 1,
    DatePrecision.WEEK: 7,
    DatePrecision.MONTH: 31,
    DatePrecision.YEAR: 366,
}


def dates_compatible(a: DateMention, b: DateMention, slack_days: int = 1) -> bool:
    """True when two dates can denote the same day, given their precisions."""
    if a.precision == DatePrecision.MONTH and b.precision in (DatePrecision.DAY, DatePrecision.MONTH):
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    if b.precision == DatePrecision.MONTH and a.precision == DatePrecision.DAY:
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    if DatePrecision.YEAR in (a.precision, b.precision):
        return a.date.year == b.date.year
    window = max(_PRECISION_DAYS[a.precision], _PRECISION_DAYS[b.precision]) - 1 + slack_days
    return abs((a.date - b.date).days) <= window


def is_dateline(sent: Span, date: DateMention) -> bool:
    """A line that is little more than a date (a publication-date header) is not an event date."""
    return len(sent.text) - len(date.span.text) < 16 and "\n" not in sent.text


def is_reporting(date: DateMention, sentence: Span) -> bool:
    """True when ``date`` says when someone spoke: "police said Thursday", "told reporters on Friday"."""
    end = date.span.start - sentence.start
    return _REPORTING_BEFORE.search(sentence.text[max(0, end - 40) : max(0, end)]) is not None


def date_key(trigger: Trigger, date: DateMention) -> tuple[bool, bool, bool, int]:
    """Sort key of a candidate date for ``trigger``: not a reporting date, not a bound ("since
    2007", "after mid-September"), same clause, then nearest.

    The clause test spans the trigger words too, up to their end: the incident verb
    closes them ("the gunman who killed", "fighting that erupted")."""
    start, end = trigger.span.start, trigger.span.end
    if date.span.end <= start:
        lo, hi, gap = date.span.end, end, start - date.span.end
    else:
        lo, hi, gap = end, max(end, date.span.start), max(0, date.span.start - end)
    base = trigger.sentence.start
    between = trigger.sentence.text[max(0, lo - base) : max(0, hi - base)]
    return (
        is_reporting(date, trigger.sentence),
        _BOUND.match(date.span.text) is not None,
        _CLAUSE_BOUNDARY.search(between) is not None,
        gap,
    )
