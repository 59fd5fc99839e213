"""Date expressions: find them with regular expressions, resolve them with calendar arithmetic.

Every phrase is resolved by arithmetic against the publication date (no dateparser
call: it is slow and its ``search_dates`` is unreliable). Supported forms:

========================================  ======================================  =========
phrase                                    resolves to                             precision
========================================  ======================================  =========
"December 27, 2019", "27 December 2019",  that day                                DAY
"28 December, 2019", "2019-12-27",
"12/27/2019" (US order), "Monday, 30
September 2019"
"22-23 December 2019", "March 1 to 3"     the first day (the year as above)       DAY
"Dec. 3", "on December 3", "3 December"   that day in the publication year, or    DAY
                                          the year before if that would be more
                                          than a day after publication
"on Friday", "Friday night", "last        the most recent such weekday on or      DAY
Tuesday"                                  before publication ("last <weekday>" on
                                          that same weekday: a week earlier)
"yesterday", "last night"                 publication day - 1                     DAY
"today", "tonight", "this morning",       publication day (a night that ended     DAY
"overnight"                               before publication)
"3 days ago"                              publication day - 3                     DAY
"New Year's Eve", "on Christmas",         its most recent occurrence on or        DAY
"Thanksgiving night", "Memorial Day"      before publication (see ``holidays``)
"last week", "this week", "2 weeks ago",  Monday of that week                     WEEK
"last weekend"
"this month", "earlier this month",       first day of that month                 MONTH
"last month", "in November", "since
late October", "December 2019"
"March last year", "June this year"       first day of that month                 MONTH
"in 2014", "last year", "this year"       1 January of that year                  YEAR
========================================  ======================================  =========

Numeric dates are read month first ("12/27/2019"), day first when that is no date or lies after
publication while the day-first reading does not ("27/12/2019"); a day and month without a year
after "on", "of" or "dated" ("on 10/04") is the reading nearest before publication.

``relative`` is True for every form that needs the publication date. Without a
publication date those are dropped (full dates are kept). Dates more than one day
after publication are dropped, and so is any date whose clause announces the future
("will", "next", "scheduled", ...). Times, phone numbers, money, ages and scores
never match.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sitrep.extract.holidays import HOLIDAY_ANCHOR, HOLIDAY_PATTERN, resolve_holiday
from sitrep.model import Article, DateMention, DatePrecision, Span
from sitrep.text import match_windows

__all__ = ["STAMP_BEFORE", "best_event_date", "find_dates"]

logger = logging.getLogger(__name__)

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![a-z])"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?)"
)
_MONTH_FULL = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_PREFIX = rf"(?:(?P<wd>{_WD}),?\s+(?:the\s+)?)?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?![\d-])"
_PREP = r"(?:on|in|during|of)\s+"
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|next|scheduled|upcoming|expected\s+to|plans?\s+to|planned|is\s+to|are\s+to|"
    r"set\s+to|due\s+to\s+(?:be|take|start|begin)|going\s+to|would)\b|'ll\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:.!?\n()]")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    date: dt.date
    precision: DatePrecision
    relative: bool


_Resolver = Callable[[re.Match[str], dt.date | None], tuple[dt.date, DatePrecision, bool] | None]


# ---------------------------------------------------------------- resolvers


def _month_no(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _weekday_ok(m: re.Match[str], date: dt.date) -> bool:
    wd = m.groupdict().get("wd")
    return wd is None or _WEEKDAYS.index(wd.lower()) == date.weekday()


def _full(m: re.Match[str], pub: dt.date | None) -> tuple[dt.date, DatePrecision, bool] | None:
    groups = m.groupdict()
    month = _month_no(groups["mon"]) if groups.get("mon") else int(groups["m"])
    year = int(groups["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    date = _safe_date(year, month, int(groups["d"]))
    return (date, DatePrecision.DAY, False) if date else None


def _numeric(m: re.Match[str], pub: dt.date | None) -> tuple[dt.date, DatePrecision, bool] | None:
    """ "12/27/2019": month first (US order), unless that is no date or lies after publication while
    the day-first reading ("27/12/2019", "06/05/2017" published in May 2017) is a date that does not."""
    year = int(m.group("y"))
    if year < 100:
        year += 2000 if year < 50 else 1900
    a, b = int(m.group("m")), int(m.group("d"))
    limit = pub + dt.timedelta(days=1) if pub else dt.date.max
    us, day_first = _safe_date(year, a, b), _safe_date(year, b, a)
    if us is not None and (us <= limit or day_first is None or day_first > limit):
        return us, DatePrecision.DAY, False
    return (day_first, DatePrecision.DAY, False) if day_first else None


def _numeric_short(m: re.Match[str], pub: dt.date | None) -> tuple[dt.date, DatePrecision, bool] | None:
    """ "on 10/04", "dated 18/05": day and month in either order without a year, the reading nearest
    before publication (in its year or the year before)."""
    if pub is None:
        return None
    a, b = int(m.group("a")), int(m.group("b"))
    limit = pub + dt.timedelta(days=1)
    readings = [
        d
        for month, day in ((a, b), (b, a))
        for y in (pub.year, pub.year - 1)
        if (d := _safe_date(y, month, day)) and d <= limit
    ]
    return (max(readings), DatePrecision.DAY, True) if readings else None


def _partial(m: re.Match[str], pub: dt.date | None) -> tuple[dt.date, DatePrecision, bool] | None:
    """Month and day without a year: the publication year, else the year before. A weekday given with
    it ("Tuesday, Jan. 27") picks the year it fits, unless the nearer reading lies within half a year
    before publication: a date that old would carry its year, so the weekday is the slip."""
    if pub is None:
        return None
    month, day = _month_no(m.group("mon")), int(m.group("d"))
    limit = pub + dt.timedelta(days=1)
    candidates = [d for y in (pub.year, pub.year - 1) if (d := _safe_date(y, month, day)) and d <= limit]
    if not candidates:
        return None
    if (pub - candidates[0]).days <= _RECENT_DAYS:
        return candidates[0], DatePrecision.DAY, True
    matching = [d for d in candidates if _weekday_ok(m, d)]
    return ((matching or candidates)[0], DatePrecision.DAY, True)


_RECENT_DAYS = 183  # a date without a year this close to publication is in the year just gone by


def _range_start(m: re.Match[str], pub: dt.date | None) -> tuple[dt.date, DatePrecision, bool] | None:
    """A range of days ("22-23 December"): its first day, with or without a year."""
    return _full(m, pub) if m.group("y") else _partial(m, pub)


def _month_year(m: re.Match[str], pub: dt.date | None) -> tuple[dt.date, DatePrecision, bool] | None:
    return dt.date(int(m.group("y")), _month_no(m.group("mon")), 1), DatePrecision.MONTH, False


def _bare_month(m: re.Match[str], pub: dt.date | None) -> tuple[dt.date, DatePrecision, bool] | None:
    """ "in November", "since late October": the most recent such month not after publication."""
    if pub is None:
        return None
    month = _month_no(m.group("mon"))
    year = pub.year if month <= pub.month else pub.year - 1
    if (m.group("mod") or "").lower() == "last" and month == pub.month:
        year -= 1
    return dt.date(year, month, 1), DatePrecision.MONTH, True


def _month_of_year(m: re.Match[str], pub: dt.date | None) -> tuple[dt.date, DatePrecision, bool] | None:
    """ "March last year", "in June this year": that month of the previous or current year."""
    if pub is None:
        return None
    back = 1 if m.group("rel").lower() == "last" else 0
    return dt.date(pub.year - back, _month_no(m.group("mon")), 1), DatePrecision.MONTH, True


def _year(m: re.Match[str], pub: dt.date | None) -> tuple[dt.date, DatePrecision, bool] | None:
    return dt.date(int(m.group("y")), 1, 1), DatePrecision.YEAR, False


def _weekday(m: re.Match[str], pub: dt.date | None) -> tuple[dt.date, DatePrecision, bool] | None:
    """The most recent such weekday on or before publication ("last X" on day X: a week back)."""
    if pub is None:
        return None
    delta = (pub.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
    if delta == 0 and (m.group("mod") or "").lower() in ("last", "past"):
        delta = 7
    return pub - dt.timedelta(days=delta), DatePrecision.DAY, True


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
}  # fmt: skip


def _relative(m: re.Match[str], pub: dt.date | None) -> tuple[dt.date, DatePrecision, bool] | None:
    if pub is None:
        return None
    phrase = " ".join(m.group(0).lower().split())
    day, week, month, year = DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR
    if "ago" in phrase:
        n_text, unit = m.group("n").lower(), m.group("unit").lower()
        n = int(n_text) if n_text.isdigit() else _WORD_NUMBERS.get(" ".join(n_text.split()), 1)
        if unit.startswith("day"):
            return pub - dt.timedelta(days=n), day, True
        if unit.startswith("week"):
            return _monday(pub - dt.timedelta(weeks=n)), week, True
        if unit.startswith("month"):
            return _shift_month(pub, n), month, True
        return dt.date(pub.year - n, 1, 1), year, True
    if phrase in (
        "yesterday",
        "last night",
        "yesterday morning",
        "yesterday afternoon",
        "yesterday evening",
    ):
        return pub - dt.timedelta(days=1), day, True
    if phrase.endswith("weekend"):
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7 or 7)
        return _monday(saturday), week, True
    if phrase.endswith("week"):
        base = pub - dt.timedelta(weeks=1) if phrase.startswith("last") else pub
        return _monday(base), week, True
    if phrase.endswith("month"):
        return _shift_month(pub, 1 if phrase.startswith("last") else 0), month, True
    if phrase.endswith("year"):
        return dt.date(pub.year - (1 if phrase.startswith("last") else 0), 1, 1), year, True
    return pub, day, True  # today, tonight, this morning, earlier today


# ---------------------------------------------------------------- patterns (in priority order)

_N_AGO = (
    r"(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a\s+couple\s+of|a\s+few)"
)
# Anchors: every match of a pattern contains a match of its anchor, so a pattern only
# runs in small windows around its anchors (much faster than scanning the whole text).
_G_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_G_DIGIT = re.compile(r"\b(?:19|20)\d\d\b")
_G_ISO = re.compile(r"\d-[01]\d-")
_G_SLASH = re.compile(r"\d/[0-3]?\d/")
_G_SLASH_SHORT = re.compile(r"(?i:\b(?:on|of|dated)\s+[0-3]?\d/)")
_G_AGO = re.compile(r"(?i:\bago\b)")
_G_RELATIVE = re.compile(r"(?i:\b(?:yesterday|today|tonight|night|this|last|weekend|overnight))")
_G_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_BEFORE, _AFTER = 45, 35  # characters a match may reach before and after its anchor
_PATTERNS: tuple[tuple[re.Pattern[str], _Resolver, re.Pattern[str]], ...] = (
    # 22-23 December 2019, 1 to 3 March, between 22 and 23 March: the first day
    (
        re.compile(
            rf"\b(?<![\d.,$:]){_DAY}\s*(?:-|–|to|and)\s*[0-3]?\d(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}"
            rf"(?:,?\s+{_YEAR})?"
        ),
        _range_start,
        _G_MONTH,
    ),
    # December 22-23, 2019 / March 1 to 3: the first day
    (
        re.compile(rf"\b{_MONTH}\s+{_DAY}\s*(?:-|–|to)\s*[0-3]?\d(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?"),
        _range_start,
        _G_MONTH,
    ),
    # December 27, 2019 / Monday, December 27, 2019
    (re.compile(rf"\b{_WD_PREFIX}{_MONTH}\s+{_DAY},?\s+{_YEAR}"), _full, _G_MONTH),
    # 27 December 2019 / 28 December, 2019 / Monday, 30 September 2019
    (re.compile(rf"\b{_WD_PREFIX}(?<![\d.,$]){_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}"), _full, _G_MONTH),
    # 2019-12-27 (optionally followed by a time)
    (re.compile(r"(?<![\d\-/.])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d\-])"), _full, _G_ISO),
    # 12/27/2019, 12/27/19 (US order), 27/12/2019 (when the US order is no date, or too late)
    (
        re.compile(r"(?<![\d/.$])(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)(?![\d/])"),
        _numeric,
        _G_SLASH,
    ),
    # on 10/04, dated 18/05, the evening of 05/03: a day and a month after "on", "of" or "dated"
    (
        re.compile(r"(?i:\b(?:on|of|dated)\s+)(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?![\d/]|\.\d)"),
        _numeric_short,
        _G_SLASH_SHORT,
    ),
    # December 2019, late October 2019
    (re.compile(rf"\b(?:(?:early|late|mid-?)\s*)?{_MONTH},?\s+{_YEAR}"), _month_year, _G_MONTH),
    # Dec. 3 / Tuesday, Jan. 27 / December 3rd (not "01 Oct. 7 people": that is 1 October)
    (
        re.compile(rf"\b(?<!\d\s){_WD_PREFIX}{_MONTH}\s+{_DAY}(?![\d:]|\s*(?:-|–)\s*year|\s+years?\b)"),
        _partial,
        _G_MONTH,
    ),
    # 3 December / 3rd of December / "12 Sep. 4 killed"
    (
        re.compile(
            rf"\b{_WD_PREFIX}(?<![\d.,$:]){_DAY}(?:\s+of)?\s+{_MONTH}(?!\s*\d(?!\d?\s+[A-Za-z])|,\s*(?:19|20)\d\d)"
        ),
        _partial,
        _G_MONTH,
    ),
    # March last year, in early June this year
    (
        re.compile(rf"\b(?:(?:[Ee]arly|[Ll]ate|[Mm]id-?)\s*)?{_MONTH_FULL}\s+(?P<rel>last|this)\s+year\b"),
        _month_of_year,
        _G_MONTH,
    ),
    # 3 days ago, two weeks ago, a month ago
    (re.compile(rf"(?i:\b{_N_AGO}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b)"), _relative, _G_AGO),
    # yesterday, today, last night, this morning, last week, earlier this month, last year...
    (
        re.compile(
            r"(?i:\b(?:yesterday(?:\s+(?:morning|afternoon|evening))?|today|tonight|last\s+night"
            rf"|overnight(?!\s+(?:on\s+|into\s+|from\s+|to\s+)?{_WD})"
            r"|this\s+(?:morning|afternoon|evening)|(?:(?:earlier|later)\s+)?this\s+(?:week|month|year)"
            r"|last\s+(?:week|weekend|month|year)|(?:over\s+)?the\s+weekend)\b)"
        ),
        _relative,
        _G_RELATIVE,
    ),
    # New Year's Eve, on Christmas, Thanksgiving night, Memorial Day (sitrep.extract.holidays)
    (HOLIDAY_PATTERN, resolve_holiday, HOLIDAY_ANCHOR),
    # on Friday, Friday night, last Tuesday, early Sunday, Tuesday's attack
    (
        re.compile(
            rf"\b(?:(?P<mod>[Ll]ast|[Pp]ast|[Tt]his|[Oo]n|[Ee]arly|[Ll]ate)\s+)?(?P<wd>{_WD})(?:'s|’s)?"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b"
        ),
        _weekday,
        _G_WEEKDAY,
    ),
    # in November, since late October, last March
    (
        re.compile(
            r"\b(?:(?P<mod>in|In|since|Since|during|During|until|from|through|by|last|Last|this|before|after)"
            rf"\s+(?:(?:early|late|mid-?)\s*)?|(?:[Ee]arly|[Ll]ate|[Mm]id-?)\s*){_MONTH_FULL}\b(?!\s*\d)"
        ),
        _bare_month,
        _G_MONTH,
    ),
    # in 2014, since late 2019
    (
        re.compile(
            r"\b(?:in|In|since|Since|during|During|by|of|from|until|before|after)\s+"
            rf"(?:(?:early|late|mid-?)\s*)?{_YEAR}(?!\s*(?:-|–)\s*\d)(?!\s*(?:people|persons|troops|years?)\b)"
        ),
        _year,
        _G_DIGIT,
    ),
)
_LEADING_PREP = re.compile(_PREP, re.IGNORECASE)


def _is_future(text: str, start: int) -> bool:
    """True when the clause leading up to ``start`` announces the future ("will meet on ...")."""
    lookback = text[max(0, start - 60) : start]
    breaks = list(_CLAUSE_BREAK.finditer(lookback))
    if breaks:
        lookback = lookback[breaks[-1].end() :]
    return _FUTURE.search(lookback) is not None


#: what precedes a page's publication stamp: "Posted: Thursday, August 6, 2015", "Created: 08/09/2014"
STAMP_BEFORE = re.compile(
    r"\b(?:posted|updated|published|created|modified|last\s+updated?)\s*(?:on|at)?\s*:?\s*\(?\s*(?:\w+day,?\s*)?$",
    re.IGNORECASE,
)
_STAMP_REACH = (
    1500  # characters from the top of the text where a stamp is the page's own (not a related story's)
)


def find_dates(article: Article) -> list[DateMention]:
    """The date expressions of ``article``, resolved against its publication date, in text order.

    When the page stamps itself ("Posted: Aug. 9, 2014", "Created: 08/09/2014") more than a day
    before the publication date it came with (often a crawl or archive date), relative dates
    ("Saturday", "last week") are resolved against the stamp instead."""
    text, pub = article.clean_text, article.published
    found = _scan(text, pub)
    if pub is not None:
        stamps = [
            f.date
            for f in found
            if f.start < _STAMP_REACH
            and not f.relative
            and f.precision == DatePrecision.DAY
            and STAMP_BEFORE.search(text, max(0, f.start - 40), f.start)
        ]
        if stamps and min(stamps) < pub - dt.timedelta(days=1):
            logger.debug(
                "article %s: dates resolved against its stamp %s, not %s", article.id, min(stamps), pub
            )
            found = _scan(text, min(stamps))
    return [DateMention(article.span(f.start, f.end), f.date, f.precision, f.relative) for f in found]


def _scan(text: str, pub: dt.date | None) -> list[_Found]:
    """Every date expression of ``text`` resolved against ``pub``, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[_Found] = []
    windows: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    for pattern, resolve, anchor in _PATTERNS:
        if anchor not in windows:
            windows[anchor] = match_windows(anchor, text, _BEFORE, _AFTER)
        for m in (m for lo, hi in windows[anchor] for m in pattern.finditer(text, lo, hi)):
            start, end = m.start(), m.end()
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))  # reserve even when dropped: "next Friday" stays unmatched
            resolved = resolve(m, pub)
            if resolved is None:
                continue
            date, precision, relative = resolved
            if _is_future(text, start):
                logger.debug("skipping future date %r", m.group(0))
                continue
            if pub is not None and date > pub + dt.timedelta(days=1):
                logger.debug("skipping date %r after publication %s", m.group(0), pub)
                continue
            lead = _LEADING_PREP.match(text, start)
            if lead and lead.end() < end:
                start = lead.end()
            found.append(_Found(start, end, date, precision, relative))
    found.sort(key=lambda f: f.start)
    return found


def best_event_date(
    dates: Sequence[DateMention],
    near: Span,
    sentences: Sequence[Span],
    *,
    paragraphs: Sequence[Span] | None = None,
) -> DateMention | None:
    """The date that most likely dates the event mentioned at ``near``.

    1. a date in the same sentence as ``near`` (the nearest one to it when several);
    2. else the nearest date *before* ``near`` in the same paragraph — ``paragraphs``
       when given, otherwise the three sentences before ``near``'s sentence;
    3. else None.
    """
    if not dates:
        return None
    index = next((i for i, s in enumerate(sentences) if s.start <= near.start < s.end), None)
    if index is not None:
        sent = sentences[index]
        same = [d for d in dates if sent.start <= d.span.start < sent.end]
        if same:
            return min(same, key=lambda d: abs(d.span.start - near.start))
    if paragraphs is not None:
        para = next((p for p in paragraphs if p.start <= near.start < p.end), None)
        lo = para.start if para else near.start
    elif index is not None:
        lo = sentences[max(0, index - 3)].start
    else:
        lo = near.start
    before = [d for d in dates if lo <= d.span.start and d.span.end <= near.start]
    return max(before, key=lambda d: d.span.start) if before else None
