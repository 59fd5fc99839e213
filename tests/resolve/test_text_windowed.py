"""Text neighbours above the exact-search limit: searched within a publication window, same answers."""

from __future__ import annotations

import datetime as dt
import random

from sitrep.model import Article, Event, Place
from sitrep.resolve import is_series
from sitrep.resolve.incremental import _series_links
from sitrep.resolve.text import TextIndex

START = dt.date(2023, 1, 1)
COMMON = ["police", "said", "shooting", "happened", "near", "house", "late", "night", "officers", "responded"]
SYLLABLES = ["ka", "lo", "mi", "ru", "te", "vo", "sen", "dar", "bex", "ul"]


def _syllables(rng: random.Random, n: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def incident_reports(n_incidents: int, seed: int = 3) -> tuple[list[Article], dict[str, int]]:
    """Two differently worded reports of each incident, published a day apart, incidents weeks apart."""
    rng = random.Random(seed)
    articles, incident_of = [], {}
    for k in range(n_incidents):
        names = [_syllables(rng).capitalize() for _ in range(4)]
        day = START + dt.timedelta(days=7 * k)
        for r in range(2):
            filler = " ".join(rng.choice(COMMON) for _ in range(30))
            own = rng.sample(names, 3)
            text = f"{filler} {own[0]} {own[1]} and {own[2]} were named by relatives {filler}"
            aid = f"i{k}-r{r}"
            published = None if (k == 5 and r == 1) else day + dt.timedelta(days=r)
            articles.append(Article(id=aid, text=text, title=f"Shooting report {r}", published=published))
            incident_of[aid] = k
    return articles, incident_of


def test_windowed_search_with_a_window_over_everything_equals_the_exact_search() -> None:
    articles, _ = incident_reports(30)
    exact = TextIndex(articles)
    windowed = TextIndex(articles, exact_limit=0, window_days=100_000)
    assert windowed.neighbours(3) == exact.neighbours(3)
    for a in exact.ids[:20]:
        for b in exact.ids[:20]:
            if a != b:
                assert windowed.neighbour_rank(a, b) == exact.neighbour_rank(a, b)


def test_windowed_search_finds_every_reports_other_report_as_its_nearest() -> None:
    articles, incident_of = incident_reports(40)
    index = TextIndex(articles, exact_limit=0, window_days=10)
    pairs = set(index.neighbours(1))
    for k in range(40):
        a, b = f"i{k}-r0", f"i{k}-r1"
        assert (a, b) in pairs  # also for incident 5, whose second report has no publication date
        assert index.neighbour_rank(a, b) == (1, 1)
    assert all(incident_of[a] == incident_of[b] for a, b in pairs)


def test_windowed_search_does_not_compare_articles_published_further_apart_than_the_window() -> None:
    articles, _ = incident_reports(3)
    late = Article(id="late", text=articles[0].text, title="Report", published=START.replace(year=2024))
    index = TextIndex([*articles, late], exact_limit=0, window_days=31)
    assert all("late" not in pair for pair in index.neighbours(3))
    assert ("i0-r0", "late") in TextIndex([*articles, late]).neighbours(3)  # the exact search finds it


def test_prepared_similarities_equal_single_ones() -> None:
    articles, _ = incident_reports(10)
    one, many = TextIndex(articles), TextIndex(articles)
    pairs = [(a.id, b.id) for a in articles for b in articles if a.id < b.id]
    many.prepare(pairs)
    for a, b in pairs:
        assert abs(one.similarity(a, b) - many.similarity(b, a)) < 1e-12


def test_series_links_from_the_date_index_equal_every_pair_compared() -> None:
    rng = random.Random(5)
    towns = [Place(f"Town{k}", 40 + rng.uniform(-2, 2), -90 + rng.uniform(-2, 2), "US") for k in range(15)]
    events = [
        Event(
            id=f"e{k}",
            event_type=rng.choice(["Battles", "Riots"]),
            sub_event_type="x",
            date=START + dt.timedelta(days=rng.randrange(200)),
            place=rng.choice(towns),
        )
        for k in range(150)
    ]
    touched = events[:40]
    links = _series_links(touched, events)
    expected = {e.id: {o.id for o in events if o.id != e.id and is_series(e, o)} for e in touched}
    assert {e.id: links.get(e.id, set()) for e in touched} == expected
    assert sum(map(len, expected.values())) > 20  # the check is not vacuous


def test_neighbours_of_some_rows_rank_them_as_the_full_search_does() -> None:
    articles, _ = incident_reports(30)
    for limit in (10_000, 0):  # exact, windowed
        full = TextIndex(articles, exact_limit=limit, window_days=10)
        some = TextIndex(articles, exact_limit=limit, window_days=10)
        everything = full.neighbours(3)
        focused = some.neighbours(3, rows={"i7-r0", "i12-r1"})
        assert ("i7-r0", "i7-r1") in focused and ("i12-r0", "i12-r1") in focused
        assert set(focused) <= set(everything)
        for a, b in focused:
            assert some.neighbour_rank(a, b) == full.neighbour_rank(a, b)
        assert len(focused) < len(everything) / 3  # the other articles' neighbours were not searched
