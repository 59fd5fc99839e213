"""Which date belongs to an incident: compatibility of two dates at their precisions, reporting dates
("police said Thursday"), datelines, the role of a date in its sentence (the incident's own day, a
later step such as an arrest or a funeral, or a publication stamp), and the ranking of a sentence's
dates for an incident's trigger."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from enum import IntEnum
from functools import lru_cache

from sitrep.caseless import CaselessPattern
from sitrep.extract.dates import STAMP_BEFORE
from sitrep.extract.event_types import Trigger
from sitrep.model import DateMention, DatePrecision, Span

__all__ = [
    "DateRole",
    "better_incident_date",
    "date_key",
    "date_role",
    "dates_compatible",
    "days_before",
    "is_dateline",
    "is_later_step",
    "is_reporting",
]

_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|say|told(?:\s+\w+){0,2}?|announced|reported|confirmed|added|stated|disclosed|revealed"
    r"|according\s+to(?:\s+\w+){0,3}?)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
_BOUND = re.compile(r"(?:since|after|before|until|by|from)\b", re.IGNORECASE)
_CLAUSE_BOUNDARY = re.compile(
    r"[,;()]|(?<!\d):(?!\d)|\b(?:who|which|that|after|when|while|as|following|because|before|since|where)\b",
    re.IGNORECASE,
)  # a colon inside a time ("8:45 p.m.") is no boundary


class DateRole(IntEnum):
    """What a date says about an incident, from the words next to it; higher is more telling."""

    AFTER = 0  # a later step: arrest, charge, court, funeral, death of the wounded, a statement, a stamp
    PLAIN = 1  # nothing next to it says
    INCIDENT = 2  # the incident itself: "was shot Friday", "the shooting happened Friday", "a Friday attack"


_INCIDENT_CUE = re.compile(
    r"\b(?:(?:was|were|been|being|got|get)\s+(?:\w+\s+)?(?:shot|killed|wounded|injured|hurt|stabbed|hit|struck"
    r"|attacked|robbed|beaten|murdered|gunned\s+down|abducted|kidnapped)"
    r"|shot|shootings?|shootout|gunfire|gunshots?|gunned|fired|opened\s+fire|killed|killing|slain|stabbed"
    r"|stabbing|wounded|injur(?:ed|ies|y)|sustained|found|finding|discovered|attack(?:ed|s)?|ambush(?:ed)?|happened|occurred|took\s+place|erupted"
    r"|broke\s+out|found\s+(?:dead|shot|slain|suffering|lying|unresponsive|with)|discharged|went\s+off"
    r"|robbed|robbery|clash(?:ed|es)?|fought|riot(?:ed|s)?|protest(?:ed|s)?|demonstrat(?:ed|ion|ions)"
    r"|rampage|explo(?:ded|sion)|detonated|blast|bomb(?:ed|ing)|hit|raid(?:ed)?|torched|lynched|abducted"
    r"|kidnapped|confrontation"
    r"|dispute|argument|fight|crash(?:ed)?|murder-suicide|responded|called\s+to|dispatched|incident)\b",
    re.IGNORECASE,
)
_AFTER_CUE = re.compile(
    r"\b(?:arrest(?:ed|s)?|charged|booked|jailed|surrender(?:ed)?|turned\s+(?:himself|herself|themselves)\s+in"
    r"|arraign(?:ed|ment)|indicted|sentenced|convicted|pleaded|pleads|testified|laid\s+to\s+rest|buried"
    r"|identified|named|released|ruled|resumed|reopened|closed"
    r"|investigat(?:e|ed|ing)|search(?:ed|ing)|looking\s+for|remain(?:ed|s)?|recover(?:ing|ed|s)?|condition"
    r"|died|dies|passed(?:\s+away)?"
    r"|succumbed|posted|updated|published|issued|filed|appeared|extradited|received|asking|asked|addressed"
    r"|spoke|speaking|interviewed|questioned|held|mourned|mourn|honou?red|remembered)\b",
    re.IGNORECASE,
)
#: a statement dates the saying only right next to the date ("police said Friday", "the coroner on
#: Friday said"), or after a date opening the sentence ("On Friday, the sheriff's office said"); farther
#: off it heads the reported clause ("the sheriff says around 2 p.m. on Sunday deputies were sent"), and
#: an attribution closing the sentence leaves the date to the clause it closes ("shot Friday, police said")
_SAID = re.compile(r"\b(?:said|says|say|told|announced|confirmed|stated)\b", re.IGNORECASE)
_SAID_REACH_BEFORE, _SAID_REACH_OPENING = 12, 50
#: nouns of a later step: weaker than a verb ("five were shot at a vigil Monday" is the shooting's day)
_AFTER_NOUN = re.compile(
    r"\b(?:charges?|custody|jail|court|hearings?|plea|trial|funerals?|vigils?|memorials?|visitation|burial"
    r"|conference|briefing|autopsy|reward|manhunt|interview|investigation|standoff)\b",
    re.IGNORECASE,
)
_NOUN_HANDICAP = 15  # characters a noun cue counts as farther than a verb cue
_STAMP_AFTER = re.compile(
    r"^,?\s*(?:at\s+)?\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[ECMP][SD]T|ET|GMT|UTC)\b", re.IGNORECASE
)
_DATELINE_AFTER = re.compile(r"^\s*\)\s*(?:[-–—:]|\s*$)")
_OPENING = re.compile(r"^\W*(?:(?:on|late|early|by|around|about|at|in|from|since)\s+)*$", re.IGNORECASE)
#: characters a cue after the date counts as farther than one before it, unless the date opens the
#: sentence: a time adverb follows its verb ("found dead early Sunday have been identified")
_FOLLOWING_HANDICAP = 20
_CLAUSE_PENALTY = 40  # characters a clause boundary between a cue and a date counts for
_CUE_REACH = 90  # characters around a date searched for cues


# the cue patterns run faster searched in lower-cased text (same matches: see sitrep.caseless)
_CUES = (
    (DateRole.INCIDENT, CaselessPattern(_INCIDENT_CUE), 0),
    (DateRole.AFTER, CaselessPattern(_AFTER_CUE), 0),
    (DateRole.AFTER, CaselessPattern(_AFTER_NOUN), _NOUN_HANDICAP),
)


@lru_cache(maxsize=64)  # pure, and asked several times per date while one article is assembled
def date_role(date: DateMention, sentence: Span) -> DateRole:
    """The role of ``date`` in ``sentence``, told by the nearest cue word (a clause boundary between
    them counts as distance): "was shot Friday", "a Friday shooting", "the shooting happened around
    10 p.m. Friday" date the incident; "was arrested Friday", "died Friday", "police said Friday", a
    publication stamp ("Posted: May 3, 2014 4:43 PM EDT") or a dateline ("MIAMI (May 3, 2014) -") tell of
    a later step."""
    base = sentence.start
    lo, hi = date.span.start - base, date.span.end - base
    text = sentence.text
    before = text[max(0, lo - _CUE_REACH) : max(0, lo)]
    after = text[hi : hi + _CUE_REACH]
    if (
        STAMP_BEFORE.search(before[-30:])
        or _STAMP_AFTER.match(after)
        or (before.rstrip().endswith("(") and _DATELINE_AFTER.match(after))
    ):
        return DateRole.AFTER
    opening = _OPENING.match(before) is not None  # "On Friday, police arrested ...": the date leads its verb
    best: tuple[int, DateRole] | None = None
    for role, cue, handicap in _CUES:
        for m in cue.finditer(before):
            gap = len(before) - m.end() + handicap
            gap += _CLAUSE_PENALTY * len(_CLAUSE_BOUNDARY.findall(before[m.end() :]))
            if best is None or gap < best[0]:
                best = (gap, role)
        for m in cue.finditer(after):
            gap = m.start() + handicap + _CLAUSE_PENALTY * len(_CLAUSE_BOUNDARY.findall(after[: m.start()]))
            gap += 0 if opening or m.start() <= 3 else _FOLLOWING_HANDICAP  # "a Friday shooting": no handicap
            if best is None or gap < best[0]:
                best = (gap, role)
    said = [
        len(before) - m.end() for m in _SAID.finditer(before) if len(before) - m.end() <= _SAID_REACH_BEFORE
    ]
    said += [m.start() for m in _SAID.finditer(after[: _SAID_REACH_OPENING if opening else 3])]
    if said and (best is None or min(said) < best[0]):
        best = (min(said), DateRole.AFTER)
    if best is None or best[0] > _CUE_REACH:
        return DateRole.PLAIN
    return best[1]


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


def date_key(trigger: Trigger, date: DateMention) -> tuple[int, bool, bool, bool, bool, bool, int]:
    """Sort key of a candidate date for ``trigger``: the incident's own (by :func:`date_role`), not a
    reporting date, not a bound ("since 2007", "after mid-September"), not an aside in parentheses
    ("Around 9 May (between 7 - 12 May)"), opening the sentence ("On 12 May, students protested the
    killing of a classmate on 7 May": the main clause's date), same clause, then nearest.

    The clause test spans the trigger words too, up to their end: the incident verb
    closes them ("the gunman who killed", "fighting that erupted")."""
    start, end = trigger.span.start, trigger.span.end
    if date.span.end <= start:
        lo, hi, gap = date.span.end, end, start - date.span.end
    else:
        lo, hi, gap = end, max(end, date.span.start), max(0, date.span.start - end)
    base = trigger.sentence.start
    text = trigger.sentence.text
    between = text[max(0, lo - base) : max(0, hi - base)]
    head = text[: max(0, date.span.start - base)]
    aside = head.count("(") > head.count(")") or head.count("[") > head.count("]")
    opening = _OPENING.match(head) is not None and text[date.span.end - base :].lstrip().startswith(",")
    return (
        -date_role(date, trigger.sentence),
        is_reporting(date, trigger.sentence),
        _BOUND.match(date.span.text) is not None,
        aside,
        not opening,
        _CLAUSE_BOUNDARY.search(between) is not None,
        gap,
    )


def is_later_step(date: DateMention, sentence: Span) -> bool:
    """A date of a statement or of a step after the incident ("police said Thursday", "was arrested
    Thursday", "died Thursday")."""
    return is_reporting(date, sentence) or date_role(date, sentence) == DateRole.AFTER


_VAGUE_DAY = re.compile(
    r"^(?:(?:early|late|earlier|later)\s+)?(?:overnight|today|tonight|this\s+(?:morning|afternoon|evening))$",
    re.IGNORECASE,
)
_NAMED_DAY = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d",
    re.IGNORECASE,
)


def better_incident_date(
    current: DateMention, role: DateRole, dated: Sequence[tuple[DateMention, DateRole]]
) -> DateMention | None:
    """A better date for an incident dated ``current`` (of ``role``) among its own ``dated`` mentions
    (in text order, with their roles), or None to keep it:

    * "overnight", "today" (the publication day, whose clock is unsure): a named day within a day of
      it tied to the incident ("early Sunday morning");
    * a later step ("was arrested Monday", "died Friday"): the first date tied to the incident ("was
      shot Saturday") not after it (a later step told by weekday may lie ahead, "faces arraignment
      Monday": no bound then), else the first earlier date nothing ties to anything;
    * a day nothing ties to anything: a day tied to the incident in the week before it;
    * a rough period ("last month"): the first day within it tied to the incident, else any day within it.
    """
    rough = current.precision != DatePrecision.DAY
    others = [(d, r) for d, r in dated if d is not current]
    if _VAGUE_DAY.match(current.span.text):
        named = next(
            (
                d
                for d, r in others
                if r == DateRole.INCIDENT
                and d.precision == DatePrecision.DAY
                and _NAMED_DAY.search(d.span.text)
                and abs((d.date - current.date).days) <= 1
            ),
            None,
        )
        if named is not None:
            return named
    if role == DateRole.INCIDENT and not rough:
        return None
    ahead = current.relative and current.precision == DatePrecision.DAY
    limit = dt.date.max if ahead else current.date + dt.timedelta(days=_PRECISION_DAYS[current.precision])
    finest = list(DatePrecision).index(current.precision)

    def fits(d: DateMention) -> bool:
        if role == DateRole.PLAIN and not rough:
            return d.precision == DatePrecision.DAY and 0 <= (current.date - d.date).days <= 7
        if rough and role != DateRole.AFTER:
            return d.precision == DatePrecision.DAY and dates_compatible(d, current)
        return d.date <= limit and list(DatePrecision).index(d.precision) <= finest

    wanted = [DateRole.INCIDENT, DateRole.PLAIN] if rough or role == DateRole.AFTER else [DateRole.INCIDENT]
    for want in wanted:
        for d, r in others:
            if r == want and fits(d) and (want == DateRole.INCIDENT or rough or d.date < current.date):
                return d
    return None


_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_DAYS_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,5}?\s*,?\s*(?P<n>a|one|two|three|four|five|six|[1-6])\s+days?\s+after\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:(?:was|were|had\s+been|got)\s+(?:\w+\s+)?)?(?:shot|wounded|injured|stabbed|attacked|the\s+(?:shooting|attack))\b",
    re.IGNORECASE,
)


def days_before(date: DateMention, sentence: Span) -> DateMention | None:
    """The incident's date when ``date`` is a later step counted from it ("died Saturday, a day after he
    was shot": the Friday), else None."""
    m = _DAYS_AFTER.match(sentence.text, date.span.end - sentence.start)
    if m is None:
        return None
    n = m.group("n").lower()
    return replace(date, date=date.date - dt.timedelta(days=int(n) if n.isdigit() else _COUNT[n]))
