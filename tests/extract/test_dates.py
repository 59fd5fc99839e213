"""Tests for sitrep.extract.dates: finding and resolving date expressions."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.dates import best_event_date, find_dates
from sitrep.model import Article, DatePrecision, Span
from sitrep.text import sentences

SATURDAY = dt.date(2019, 12, 28)


def _dates(text: str, published: dt.date | None = SATURDAY) -> list[tuple[str, dt.date, DatePrecision, bool]]:
    article = Article(id="t", text=text, published=published)
    return [(d.span.text, d.date, d.precision, d.relative) for d in find_dates(article)]


def _one(text: str, published: dt.date | None = SATURDAY) -> tuple[str, dt.date, DatePrecision, bool]:
    found = _dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The depot burned on December 27, 2019, officials said.", "December 27, 2019"),
        ("The depot burned on 27 December 2019.", "27 December 2019"),
        ("The depot burned on 28 December, 2019.", "28 December, 2019"),
        ("The log entry was dated 2019-12-27.", "2019-12-27"),
        ("The form was signed 12/27/2019 by the mayor.", "12/27/2019"),
        ("It started on Friday, December 27, 2019 at dawn.", "Friday, December 27, 2019"),
    ],
)
def test_full_dates_resolve_to_the_day(text: str, expected: str) -> None:
    span, date, precision, relative = _one(text)
    assert span == expected
    assert (date.month, date.day) == (12, 27 if "28" not in expected else 28)
    assert precision is DatePrecision.DAY
    assert relative is False


def test_weekday_prefix_is_part_of_a_full_date() -> None:
    span, date, precision, _ = _one("Monday, 30 September 2019 was the day the bridge fell.")
    assert span == "Monday, 30 September 2019"
    assert date == dt.date(2019, 9, 30)
    assert precision is DatePrecision.DAY


def test_us_numeric_order_is_month_first() -> None:
    assert _one("Filed 03/04/2019 at the clerk's office.")[1] == dt.date(2019, 3, 4)


def test_month_and_day_take_the_publication_year() -> None:
    span, date, _, relative = _one("Protesters gathered on Dec. 3 outside the ministry.")
    assert span == "Dec. 3"
    assert date == dt.date(2019, 12, 3)
    assert relative is True
    assert _one("The raid happened on December 3.")[1] == dt.date(2019, 12, 3)


def test_month_and_day_after_publication_fall_in_the_previous_year() -> None:
    published = dt.date(2020, 1, 5)
    assert _one("The feud began on December 30.", published)[1] == dt.date(2019, 12, 30)
    assert _one("The feud began on 8 January.", published)[1] == dt.date(2019, 1, 8)
    # one day after publication is tolerated (time zones)
    assert _one("The feud began on 6 January.", published)[1] == dt.date(2020, 1, 6)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Friday", dt.date(2019, 12, 27)),  # published Saturday: the day before
        ("Friday night", dt.date(2019, 12, 27)),
        ("last Tuesday", dt.date(2019, 12, 24)),
        ("on Saturday", dt.date(2019, 12, 28)),  # same weekday as publication: that day
        ("on Sunday", dt.date(2019, 12, 22)),
        ("yesterday", dt.date(2019, 12, 27)),
        ("last night", dt.date(2019, 12, 27)),
        ("today", dt.date(2019, 12, 28)),
        ("this morning", dt.date(2019, 12, 28)),
        ("three days ago", dt.date(2019, 12, 25)),
    ],
)
def test_relative_days(phrase: str, expected: dt.date) -> None:
    span, date, precision, relative = _one(f"A convoy was ambushed {phrase} near the river.")
    assert date == expected
    assert precision is DatePrecision.DAY
    assert relative is True
    assert span.lower().endswith(phrase.split()[-1].lower())


def test_last_weekday_on_the_same_weekday_goes_back_a_week() -> None:
    assert _one("The market was shelled last Saturday.")[1] == dt.date(2019, 12, 21)


@pytest.mark.parametrize(
    ("phrase", "expected", "precision"),
    [
        ("earlier this month", dt.date(2019, 12, 1), DatePrecision.MONTH),
        ("this month", dt.date(2019, 12, 1), DatePrecision.MONTH),
        ("last month", dt.date(2019, 11, 1), DatePrecision.MONTH),
        ("in November", dt.date(2019, 11, 1), DatePrecision.MONTH),
        ("since late October", dt.date(2019, 10, 1), DatePrecision.MONTH),
        ("last week", dt.date(2019, 12, 16), DatePrecision.WEEK),
        ("last year", dt.date(2018, 1, 1), DatePrecision.YEAR),
    ],
)
def test_coarse_relative_periods(phrase: str, expected: dt.date, precision: DatePrecision) -> None:
    _, date, found_precision, relative = _one(f"Fighting has flared {phrase} in the hills.")
    assert (date, found_precision, relative) == (expected, precision, True)


def test_bare_month_is_never_after_publication() -> None:
    # December is the publication month: this December; in February it is last December.
    assert _one("The siege began in December.")[1] == dt.date(2019, 12, 1)
    assert _one("The siege began in December.", dt.date(2020, 2, 10))[1] == dt.date(2019, 12, 1)


def test_years_and_month_years_are_absolute() -> None:
    assert _one("The group was founded in 2014.") == ("2014", dt.date(2014, 1, 1), DatePrecision.YEAR, False)
    found = _one("The truce collapsed in March 2018.")
    assert found == ("March 2018", dt.date(2018, 3, 1), DatePrecision.MONTH, False)


def test_without_publication_date_only_full_dates_survive() -> None:
    text = "On Friday, and on Dec. 3, and yesterday, and on December 27, 2019, things happened."
    assert [d[0] for d in _dates(text, None)] == ["December 27, 2019"]


@pytest.mark.parametrize(
    "text",
    [
        "The council will meet on Monday to discuss the attack.",
        "Talks are scheduled for Tuesday in the capital.",
        "Elections are due next Friday.",
        "The trial opens on March 3, 2020.",  # after publication
    ],
)
def test_future_dates_are_dropped(text: str) -> None:
    assert _dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The blast happened at 7:20 pm near the square.",
        "Call the hotline on 555-123-4567 with tips.",
        "He paid $12.50 for the fare and 3/4 of the crowd left.",
        "The suspect, age 17, was detained.",
        "The home side won 3-1 in front of 20,000 fans.",
        "Authorities may release the names later.",
    ],
)
def test_times_phones_money_ages_and_scores_are_not_dates(text: str) -> None:
    assert _dates(text) == []


def test_dates_come_in_text_order_with_spans_into_the_text() -> None:
    text = "Shelling resumed on Friday after a lull that began on December 20."
    article = Article(id="t", text=text, published=SATURDAY)
    found = find_dates(article)
    assert [d.span.text for d in found] == ["Friday", "December 20"]
    assert all(text[d.span.start : d.span.end] == d.span.text for d in found)


def test_clean_text_is_searched_but_spans_use_the_original_text() -> None:
    text = "Menu: Friday specials.\nThe depot was hit on Thursday."
    clean = " " * 22 + text[22:]
    found = find_dates(Article(id="t", text=text, clean_text=clean, published=SATURDAY))
    assert [(d.span.text, d.date) for d in found] == [("Thursday", dt.date(2019, 12, 26))]


# ---------------------------------------------------------------- best_event_date


def _setup(text: str) -> tuple[Article, list[Span]]:
    article = Article(id="t", text=text, published=SATURDAY)
    article.dates = find_dates(article)
    return article, sentences(text)


def test_best_date_is_in_the_same_sentence() -> None:
    text = "Talks ended on Monday. Gunmen attacked the checkpoint on Thursday, killing two."
    article, sents = _setup(text)
    near = article.span(text.index("attacked"), text.index("attacked") + 8)
    best = best_event_date(article.dates, near, sents)
    assert best is not None and best.span.text == "Thursday"


def test_best_date_falls_back_to_the_nearest_preceding_date_in_the_paragraph() -> None:
    text = "Talks ended on Monday. Rebels moved in on Wednesday. They attacked the checkpoint."
    article, sents = _setup(text)
    near = article.span(text.index("attacked"), text.index("attacked") + 8)
    best = best_event_date(article.dates, near, sents)
    assert best is not None and best.span.text == "Wednesday"


def test_best_date_respects_paragraphs_when_given() -> None:
    text = "Talks ended on Monday.\nThey attacked the checkpoint."
    article, sents = _setup(text)
    near = article.span(text.index("attacked"), text.index("attacked") + 8)
    paragraphs = [article.span(0, 22), article.span(23, len(text))]
    assert best_event_date(article.dates, near, sents, paragraphs=paragraphs) is None
    assert best_event_date([], near, sents) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam was first attacked in March last year.", ("March last year", dt.date(2018, 3, 1))),
        ("The camp was shelled in early June this year.", ("early June this year", dt.date(2019, 6, 1))),
        (
            "Raids resumed in November last year, residents said.",
            ("November last year", dt.date(2018, 11, 1)),
        ),
    ],
)
def test_month_with_last_or_this_year_is_one_month(text: str, expected: tuple[str, dt.date]) -> None:
    assert _one(text) == (*expected, DatePrecision.MONTH, True)


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        (
            "Students clashed with police on 22-23 December 2019.",
            "22-23 December 2019",
            dt.date(2019, 12, 22),
        ),
        ("Traders protested between 9 and 11 December.", "9 and 11 December", dt.date(2019, 12, 9)),
        ("Fighting raged on December 20-22 in the valley.", "December 20-22", dt.date(2019, 12, 20)),
        ("Gunmen raided the village overnight, police said.", "overnight", dt.date(2019, 12, 28)),
    ],
)
def test_ranges_give_their_first_day_and_overnight_the_night_just_ended(
    text: str, span: str, day: dt.date
) -> None:
    assert _one(text)[:3] == (span, day, DatePrecision.DAY)


def test_overnight_before_a_weekday_leaves_the_weekday_to_date_it() -> None:
    assert _one("The shelling went on overnight into Friday.")[:2] == ("Friday", dt.date(2019, 12, 27))


def test_many_articles_find_the_same_dates_in_windows_as_in_the_whole_text() -> None:
    text = " ".join(
        f"Item {i}: on Monday, 3 June 2019 and June 4 and in 2018 and 2019-06-0{i % 9 + 1}, last week."
        for i in range(40)
    )
    found = _dates(text, dt.date(2019, 6, 10))
    assert len(found) == 40 * 5


@pytest.mark.parametrize(
    ("numeric", "expected"),
    [
        ("23/11/2019", dt.date(2019, 11, 23)),  # there is no 23rd month
        ("12/06/2019", dt.date(2019, 6, 12)),  # December 6 is after publication
        ("11/12/2019", dt.date(2019, 11, 12)),  # both readings fit: US order
    ],
)
def test_numeric_dates_are_read_day_first_when_month_first_cannot_be_right(
    numeric: str, expected: dt.date
) -> None:
    text = f"The herders were attacked on {numeric} near the well."
    assert _one(text, dt.date(2019, 12, 1))[1] == expected


def test_a_day_and_month_after_on_take_the_reading_nearest_before_publication() -> None:
    span, date, precision, relative = _one("Raiders stole forty goats on 14/11 near the river.", SATURDAY)
    assert (span, date, precision, relative) == ("14/11", dt.date(2019, 11, 14), DatePrecision.DAY, True)


def test_a_day_and_month_without_on_is_not_a_date() -> None:
    assert _dates("The squad won 14/11 on aggregate.") == []


def test_a_day_and_month_followed_by_a_count_is_still_a_date() -> None:
    span, date, _, _ = _one("On 26 December, 20 people were hurt when the roof fell.")
    assert (span, date) == ("26 December", dt.date(2019, 12, 26))


def test_a_recent_month_and_day_keeps_its_year_when_the_weekday_slips() -> None:
    # 27 December 2019 was a Friday; a year-less date a day old is not from 2018, whatever the weekday
    span, date, _, _ = _one("The depot burned on Thursday, Dec. 27, officials said.")
    assert (span, date) == ("Thursday, Dec. 27", dt.date(2019, 12, 27))


def test_an_older_month_and_day_takes_the_year_its_weekday_fits() -> None:
    # published 28 December 2019; 3 June 2019 was a Monday, 3 June 2018 a Sunday
    span, date, _, _ = _one("The depot burned on Sunday, June 3, officials said.")
    assert (span, date) == ("Sunday, June 3", dt.date(2018, 6, 3))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("02 Mar. 7 herders were killed near the river.", 2),
        ("11 Mar. 3 suspects were shot by police.", 11),
        ("On 4 Mar. 12 people were hurt.", 4),
    ],
)
def test_a_day_and_month_heading_is_not_the_month_and_the_next_count(text: str, day: int) -> None:
    (when,) = _dates(text)
    assert when[1] == dt.date(SATURDAY.year, 3, day) and when[2] == DatePrecision.DAY


def test_a_month_and_day_still_read_as_such() -> None:
    assert _one("Police said on Mar. 7 that two men were held.")[1] == dt.date(SATURDAY.year, 3, 7)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a report two days into the new year: the Eve of the year before
        ("A girl was shot on New Year's Eve at a party.", dt.date(2017, 1, 2), dt.date(2016, 12, 31)),
        ("Two men were hurt Thanksgiving night.", dt.date(2015, 11, 28), dt.date(2015, 11, 26)),
        ("A man died on Christmas after a fight.", dt.date(2016, 12, 27), dt.date(2016, 12, 25)),
        ("Shots rang out on Halloween night.", dt.date(2016, 11, 1), dt.date(2016, 10, 31)),
        ("He was killed on Memorial Day.", dt.date(2016, 6, 2), dt.date(2016, 5, 30)),
        ("The crash happened on Easter Sunday.", dt.date(2016, 4, 5), dt.date(2016, 3, 27)),
        ("Fireworks and gunfire on the Fourth of July.", dt.date(2016, 7, 6), dt.date(2016, 7, 4)),
    ],
)
def test_named_days_resolve_to_their_last_occurrence(
    text: str, published: dt.date, expected: dt.date
) -> None:
    _, date, precision, relative = _one(text, published)
    assert (date, precision, relative) == (expected, DatePrecision.DAY, True)


@pytest.mark.parametrize(
    "text",
    [
        "Christmas shopping was slow in the mall.",
        "A Halloween party drew a crowd.",
        "Police added patrols over the Memorial Day weekend.",
    ],
)
def test_a_season_named_after_a_day_is_no_date(text: str) -> None:
    assert _dates(text, dt.date(2016, 12, 1)) == []


def test_relative_dates_follow_the_pages_own_stamp_when_the_given_date_is_later() -> None:
    # archived pages often come with the crawl date; the page's "Created:" stamp is its own
    text = "Updated: 08/10/2014 4:26 PM Created: 08/09/2014 5:14 AM\nNine people were hurt early Saturday."
    found = _dates(text, dt.date(2017, 1, 28))
    assert ("early Saturday", dt.date(2014, 8, 9), DatePrecision.DAY, True) in found


def test_a_stamp_on_or_a_day_before_the_given_date_changes_nothing() -> None:
    text = "Posted: Friday, December 27, 2019\nA man was shot Thursday."
    assert ("Thursday", dt.date(2019, 12, 26), DatePrecision.DAY, True) in _dates(text)


def test_a_stamp_deep_in_the_page_is_another_storys() -> None:
    filler = "Residents described a quiet street where nothing like this had happened before. " * 25
    text = f"A man was shot Thursday.\n{filler}\nRelated: Posted: March 3, 2018 - an older story"
    assert ("Thursday", dt.date(2019, 12, 26), DatePrecision.DAY, True) in _dates(text)
