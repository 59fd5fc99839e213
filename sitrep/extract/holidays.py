"""Named days: "on New Year's Eve", "Christmas Day", "Thanksgiving night", "Memorial Day", "Halloween night".

A named day resolves like a weekday: to its most recent occurrence on or before the publication
date (a report published on 2 January about "New Year's Eve" means 31 December of the year
before). Fixed days (Christmas Day, 31 December, 4 July, ...) and movable ones (Thanksgiving, the
fourth Thursday of November; Easter, by the Gregorian computus; ...) are both known. "Christmas",
"Halloween", "Thanksgiving" and "Easter" alone name a season as often as a day ("Christmas
shopping", "a Halloween party"), so they count only after "on" or before "Day", "Eve", "night",
"morning", "afternoon" or "evening"; "... weekend" is no day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from sitrep.model import DatePrecision

__all__ = ["HOLIDAY_ANCHOR", "HOLIDAY_PATTERN", "holiday_date", "resolve_holiday"]


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (Monday = 0) of a month; ``n = -1``: the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    day = (h + el - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda year: dt.date(year, month, day)


_DAYS: dict[str, Callable[[int], dt.date]] = {
    "new year's eve": _fixed(12, 31),
    "new year's day": _fixed(1, 1),
    "christmas eve": _fixed(12, 24),
    "christmas": _fixed(12, 25),
    "halloween": _fixed(10, 31),
    "valentine's day": _fixed(2, 14),
    "st. patrick's day": _fixed(3, 17),
    "juneteenth": _fixed(6, 19),
    "independence day": _fixed(7, 4),
    "fourth of july": _fixed(7, 4),
    "veterans day": _fixed(11, 11),
    "cinco de mayo": _fixed(5, 5),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "mother's day": lambda y: _nth_weekday(y, 5, 6, 2),
    "father's day": lambda y: _nth_weekday(y, 6, 6, 3),
    "easter": _easter,
}

_APOS = "['’]"
_PART = r"(?:\s+(?:day|eve|night|morning|afternoon|evening))"
HOLIDAY_PATTERN = re.compile(
    r"(?i:\b(?:"
    rf"new\s+year{_APOS}?s?\s+(?:eve|day)|christmas\s+eve|valentine{_APOS}?s?\s+day"
    rf"|st\.?\s+patrick{_APOS}?s?\s+day|juneteenth|independence\s+day|(?:the\s+)?fourth\s+of\s+july"
    rf"|veterans{_APOS}?\s+day|cinco\s+de\s+mayo|easter\s+sunday|memorial\s+day|labou?r\s+day"
    rf"|mother{_APOS}?s?\s+day|father{_APOS}?s?\s+day"
    rf"|(?<=\bon\s)(?:christmas|halloween|thanksgiving|easter)(?:\s+day)?{_PART}?"
    rf"|(?:christmas|halloween|thanksgiving|easter)(?:\s+day)?{_PART}"
    r")\b(?!\s+weekend))"
)
#: every match contains one of these (the fast pre-filter of sitrep.extract.dates); named days are proper
#: nouns, written with capitals, and a case-sensitive search is five times faster
HOLIDAY_ANCHOR = re.compile(
    r"New [Yy]ear|Christmas|Valentine|Patrick|Juneteenth|Independence|Fourth of|Veterans|Cinco|Memorial"
    r"|Labou?r Day|Mother|Father|Halloween|Thanksgiving|Easter"
)


def holiday_date(phrase: str, year: int) -> dt.date | None:
    """The date of the named day ``phrase`` ("New Year's Eve", "Thanksgiving night") in ``year``."""
    key = " ".join(phrase.lower().replace("’", "'").split())
    key = re.sub(r"^the\s+", "", key).replace("easter sunday", "easter")
    key = re.sub(r"\s+(?:night|morning|afternoon|evening)$", "", key)
    key = re.sub(r"^(new year)s?'?s? ", r"\1's ", key)
    key = re.sub(r"^(valentine|mother|father|st\.? patrick)'?s? day$", r"\1's day", key)
    key = key.replace("st patrick", "st. patrick").replace("labour", "labor").replace("veterans'", "veterans")
    if key in _DAYS:
        return _DAYS[key](year)
    base = re.sub(r"\s+day$", "", key)
    return _DAYS[base](year) if base in _DAYS else None


def resolve_holiday(m: re.Match[str], pub: dt.date | None) -> tuple[dt.date, DatePrecision, bool] | None:
    """A named day's most recent occurrence on or before ``pub`` (a day after it on a late report)."""
    if pub is None:
        return None
    for year in (pub.year, pub.year - 1):
        day = holiday_date(m.group(0), year)
        if day is None:
            return None
        if day <= pub + dt.timedelta(days=1):
            return day, DatePrecision.DAY, True
    return None
