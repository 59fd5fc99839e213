"""Text evidence and clustering on small hand-written articles."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sitrep.config import Settings
from sitrep.model import (
    Article,
    CountMention,
    DateMention,
    DatePrecision,
    EventMention,
    Place,
    PlaceMention,
    Span,
)
from sitrep.resolve.cluster import cluster_mentions
from sitrep.resolve.text import TextIndex

SPRINGFIELD = Place("Springfield", 39.80, -89.64, "US", "Illinois", "city", 110_000)
DECATUR = Place("Decatur", 39.84, -88.95, "US", "Illinois", "city", 70_000)
PORTLAND = Place("Portland", 45.52, -122.68, "US", "Oregon", "city", 650_000)
FURNITURE = "\nSign up for our newsletter to get the latest local headlines every morning in your inbox.\n"

QUARRY = (
    "Two men were wounded when gunfire broke out outside the Quarry Lane bowling alley late Saturday. "
    "Police identified the victims as Delmar Okonkwo and Ferris Lindqvist; both are expected to survive."
)
QUARRY_2 = (
    "Officers are still searching for the shooter who wounded Delmar Okonkwo and Ferris Lindqvist "
    "outside the Quarry Lane bowling alley, a police spokesperson said Sunday."
)
ORCHARD = (
    "A woman was killed in a shooting at an apartment on Orchard Street on Saturday night. "
    "Relatives named her as Renata Vasquez-Holm, a nurse at the county hospital."
)


def article(aid: str, body: str, place: Place | None, day: dt.date | None, published: dt.date) -> Article:
    text = body + FURNITURE
    a = Article(id=aid, text=text, title=body.split(".")[0], published=published)
    where = [PlaceMention(Span.of(text, 0, 3), place.name, place)] if place else []
    when = DateMention(Span.of(text, 0, 3), day, DatePrecision.DAY) if day else None
    a.events = [
        EventMention(
            id=f"{aid}#0",
            article_id=aid,
            event_type="Violence against civilians",
            sub_event_type="Attack",
            trigger=Span.of(text, 0, 3),
            date=when,
            places=where,
        )
    ]
    return a


SAT = dt.date(2024, 3, 9)


def corpus() -> list[Article]:
    return [
        article("q1", QUARRY, SPRINGFIELD, SAT, SAT + dt.timedelta(days=1)),
        # the follow-up: its place was resolved to the wrong Springfield-area town and it gives no date
        article("q2", QUARRY_2, PORTLAND, None, SAT + dt.timedelta(days=2)),
        # another incident, same city, same night
        article("o1", ORCHARD, SPRINGFIELD, SAT, SAT + dt.timedelta(days=1)),
        article("o2", ORCHARD.replace("A woman", "A nurse"), DECATUR, SAT, SAT + dt.timedelta(days=1)),
    ]


def test_site_furniture_does_not_make_articles_similar() -> None:
    text = TextIndex(corpus())
    assert text.similarity("q1", "q2") > text.similarity("q1", "o1")
    assert text.similarity("q1", "o1") < 0.2  # the shared newsletter line is ignored


def test_rare_names_and_neighbours() -> None:
    text = TextIndex(corpus())
    assert text.shared_names("q1", "q2") >= 3  # Delmar, Okonkwo, Ferris, Lindqvist, Quarry...
    assert text.shared_names("q1", "o1") <= 1  # only "Saturday": every name is rare in four articles
    pairs = set(text.neighbours(1))
    assert ("q1", "q2") in pairs and ("o1", "o2") in pairs
    assert text.neighbour_rank("q1", "q2") == (1, 1)


def test_reports_with_a_wrong_place_still_join_and_neighbours_stay_apart() -> None:
    clusters = cluster_mentions(corpus(), Settings())
    groups = sorted(sorted(c.article_ids) for c in clusters)
    assert groups == [["o1", "o2"], ["q1", "q2"]]
    joined = next(c for c in clusters if c.article_ids == {"q1", "q2"})
    assert any("rare names" in r for r in joined.reasons)


def test_a_wire_copy_joins_its_originals_event_even_when_its_fields_disagree() -> None:
    original = article("w1", QUARRY, SPRINGFIELD, SAT, SAT + dt.timedelta(days=1))
    # the reprint's dateline put it in another city and its date was read a week off
    copy = article("w2", QUARRY, PORTLAND, SAT + dt.timedelta(days=7), SAT + dt.timedelta(days=9))
    copy.duplicate_of = "w1"
    (cluster,) = cluster_mentions([original, copy], Settings())
    assert cluster.article_ids == {"w1", "w2"}
    assert any("wire copy of w1" in r for r in cluster.reasons)


def _groups_with(fixed: list[list[str]]) -> list[list[str]]:
    clusters = cluster_mentions(corpus(), Settings(), fixed=fixed)
    return sorted(sorted(m.id for m in c.mentions) for c in clusters)


def test_new_reports_join_the_fixed_groups_they_match() -> None:
    # incremental resolution: q1 and o1 are stored as separate events; their follow-ups q2 and o2 arrive
    assert _groups_with([["q1#0"], ["o1#0"]]) == [["o1#0", "o2#0"], ["q1#0", "q2#0"]]


def test_a_fixed_group_is_never_split_even_when_the_full_clustering_would() -> None:
    # a user merged q1 and o1 into one stored event: the incremental clustering keeps them together
    assert any({"q1#0", "o1#0"} <= set(g) for g in _groups_with([["q1#0", "o1#0"]]))
    assert _groups_with([]) == [["o1#0", "o2#0"], ["q1#0", "q2#0"]]  # without it they are apart


def test_a_name_every_report_of_a_big_incident_uses_stays_rare() -> None:
    # eight reports of one incident name its suspect and street; in 3,000 articles those names are
    # still rare, while words most articles use ("Report", "Tuesday") are not
    verbs = ("charged", "arraigned", "sentenced", "jailed", "questioned", "released", "indicted", "tried")
    reports = [
        Article(id=f"r{n}", text=f"Report: Jonah McCready was {verb} on Tuesday over the Kessler shooting.")
        for n, verb in enumerate(verbs)
    ]
    # 3,000 distinct routine items (identical lines would be dropped as site furniture)
    words = [a + b for a in "bcdfghjklmnpqrstvwxyz" for b in ("an", "el", "ix", "on", "ur")]
    others = [
        Article(id=f"x{n}", text=f"Report: the council met on Tuesday about {a} and {b}.")
        for n, (a, b) in enumerate((a, b) for a in words for b in words[:29])
    ]
    text = TextIndex(reports + others)
    assert text.shared_names("r0", "r7") == 3  # Jonah, McCready, Kessler
    assert text.shared_names("r0", "x0") == 0


def test_a_passing_mention_does_not_keep_its_articles_main_report_out_of_the_incident() -> None:
    # q2's main report of the bowling-alley shooting gives a wounded count the first report does not
    # share; its passing mention of the same night agrees on date and place and scores higher. The
    # passing mention must not take q2's one seat in the incident before its main report does.
    docs = corpus()
    q1, q2 = docs[0], docs[1]
    q1.events[0] = replace(q1.events[0], injured=CountMention(Span.of(q1.text, 0, 3), "injured", 2, 2))
    q2.events[0] = replace(
        q2.events[0],
        date=DateMention(Span.of(q2.text, 0, 3), SAT, DatePrecision.DAY),
        places=[PlaceMention(Span.of(q2.text, 0, 3), "Springfield", SPRINGFIELD)],
        injured=CountMention(Span.of(q2.text, 0, 3), "injured", 3, 3),
    )
    passing = replace(q2.events[0], id="q2#1", primary=False, injured=None)
    q2.events.append(passing)
    clusters = cluster_mentions(docs, Settings())
    main_of = {m.id: n for n, c in enumerate(clusters) for m in c.mentions}
    assert main_of["q1#0"] == main_of["q2#0"]
    assert main_of["q2#1"] != main_of["q1#0"]
