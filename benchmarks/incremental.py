"""Incremental ingest at scale: add 1% more articles to an N-article database vs re-resolving everything.

The corpus is synthetic (generated here, no shared data): articles with
pre-filled event mentions (date, town, type, counts, actors) and a short text
made of incident-specific words (victim and street names) and common words,
so extraction time does not dominate and the gold incident of every article is
known. About 1.9 articles per incident, published over the days after it, and
~5 % of articles are lightly edited wire copies. A database is built from the
first N articles by publication date; then the newest N/100 arrive.

Timed: the initial build (one ingest of N articles into an empty database), the
incremental ingest of the 1 %, and the baseline: a full re-resolution of the
N + 1 % articles (``sitrep rebuild``, which is what every ingest did before
incremental resolution). Also reported: B-cubed agreement of the incremental
clustering with the full one, and both against the gold incidents.

Usage: python benchmarks/incremental.py [--size N] [--days D] [--seed S] [--new newest|random] [--name NAME]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bcubed, print_table, write_result

from sitrep.config import Settings
from sitrep.model import (
    ActorKind,
    ActorMention,
    ActorRole,
    Article,
    CountMention,
    DateMention,
    DatePrecision,
    EventMention,
    Place,
    PlaceMention,
    Span,
)
from sitrep.pipeline import Pipeline, ingest_articles, rebuild
from sitrep.store import Store

_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "tu",
    "ve",
    "so",
    "ne",
    "di",
    "pa",
    "gor",
    "lin",
    "bex",
    "dar",
    "fen",
    "hal",
]
_TYPES = [
    ("Violence against civilians", "Attack"),
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Riots", "Violent demonstration"),
]
_OUTLETS = [f"Outlet {i}" for i in range(60)]


def _word(rng: random.Random, n: int = 3) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(n))


def _towns(rng: random.Random, n: int = 800) -> list[Place]:
    return [
        Place(
            name=_word(rng).capitalize(),
            latitude=rng.uniform(25.0, 48.0),
            longitude=rng.uniform(-123.0, -70.0),
            country="US",
            admin1=f"State {k % 50}",
            feature="city",
            population=rng.randint(1_000, 500_000),
            gazetteer_id=f"bench:{k}",
        )
        for k in range(n)
    ]


class _Writer:
    """Builds an article text piece by piece and returns spans into it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def _article(
    rng: random.Random, aid: str, inc: dict, common: list[str], published: dt.date, outlet: str
) -> Article:
    w = _Writer()
    place: Place = inc["place"]
    filler = lambda k: " ".join(rng.choice(common) for _ in range(k)) + " "  # noqa: E731
    w.add(filler(rng.randint(5, 15)))
    place_span = w.add(place.name)
    w.add(" " + filler(3))
    trigger_span = w.add(inc["trigger"])
    w.add(" on ")
    date_span = w.add(inc["date"].isoformat())
    w.add(" " + " ".join(rng.sample(inc["words"], k=min(len(inc["words"]), rng.randint(4, 8)))) + " ")
    killed_span = w.add(str(inc["killed"]))
    w.add(" killed " + filler(rng.randint(40, 120)))
    actor_span = w.add(inc["actor"])
    w.add(" " + filler(rng.randint(10, 40)))
    text = w.text()
    span = lambda se: Span.of(text, *se)  # noqa: E731
    has_place, has_date = rng.random() > 0.08, rng.random() > 0.08
    pm = PlaceMention(span(place_span), place.name, place, is_event_location=True, score=0.9)
    dm = DateMention(span(date_span), inc["date"], DatePrecision.DAY)
    killed = inc["killed"] + (rng.choice([0, 0, 0, 1]) if rng.random() < 0.2 else 0)
    mention = EventMention(
        id=f"{aid}#0",
        article_id=aid,
        event_type=inc["type"][0],
        sub_event_type=inc["type"][1],
        trigger=span(trigger_span),
        date=dm if has_date else None,
        places=[pm] if has_place else [],
        killed=CountMention(span(killed_span), "killed", killed, killed),
        actors=[ActorMention(span(actor_span), inc["actor"], ActorKind.ARMED_GROUP, ActorRole.PERPETRATOR)],
    )
    return Article(
        id=aid,
        text=text,
        title=f"{inc['trigger']} in {place.name}",
        outlet=outlet,
        published=published,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        places=[pm] if has_place else [],
        dates=[dm] if has_date else [],
        events=[mention],
    )


def corpus(n: int, days: int, seed: int) -> tuple[list[Article], dict[str, str]]:
    """``n`` synthetic articles (sorted by publication date) and their gold incident ids."""
    rng = random.Random(seed)
    towns = _towns(rng)
    common = [_word(rng, 2) for _ in range(3000)]
    start = dt.date(2020, 1, 1)
    articles: list[Article] = []
    gold: dict[str, str] = {}
    k = 0
    while len(articles) < n:
        event_type = rng.choice(_TYPES)
        inc = {
            "place": rng.choice(towns),
            "date": start + dt.timedelta(days=rng.randrange(days)),
            "type": event_type,
            "trigger": event_type[1].lower(),
            "words": [_word(rng) for _ in range(10)],
            "killed": rng.randint(0, 12),
            "actor": f"{_word(rng, 2).capitalize()} Brigade",
        }
        reports = 1 + min(5, int(rng.expovariate(1 / 0.9)))
        for r in range(reports):
            aid = f"b{k:07d}-{r}"
            published = inc["date"] + dt.timedelta(days=min(3, int(rng.expovariate(1.0))))
            art = _article(rng, aid, inc, common, published, rng.choice(_OUTLETS))
            articles.append(art)
            gold[aid] = f"inc{k}"
            if rng.random() < 0.05:  # a wire copy: same text, a line added, another outlet
                cid = f"{aid}-copy"
                copy = _article(random.Random(aid), cid, inc, common, published, rng.choice(_OUTLETS))
                articles.append(copy)
                gold[cid] = f"inc{k}"
        k += 1
    articles = articles[:n]
    articles.sort(key=lambda a: (a.published or dt.date.min, a.id))
    return articles, {a.id: gold[a.id] for a in articles}


def _clustering(store: Store) -> dict[str, str]:
    return {m.article_id: e.id for e in store.events() for m in e.mentions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="articles in the initial database")
    parser.add_argument("--days", type=int, default=0, help="days the incidents span [default: size / 25]")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--new",
        choices=("newest", "random"),
        default="newest",
        help="which 1%% arrives last: the newest articles (news as it comes) or a random sample (worst case)",
    )
    parser.add_argument("--name", default="incremental", help="result file name in benchmarks/results/")
    args = parser.parse_args()
    days = args.days or max(30, args.size // 25)
    extra = max(1, args.size // 100)
    articles, gold = corpus(args.size + extra, days, args.seed)
    if args.new == "random":
        picked = set(random.Random(args.seed).sample(range(len(articles)), extra))
        base = [a for n, a in enumerate(articles) if n not in picked]
        new = [a for n, a in enumerate(articles) if n in picked]
    else:
        base, new = articles[: args.size], articles[args.size :]
    pipeline = Pipeline(stages=[], settings=Settings())
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "bench.db")) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        ingest_articles(base, store, pipeline)
        t_build, c_build = time.perf_counter() - t0, time.process_time() - c0
        print(f"initial build: {t_build:.1f} s wall, {c_build:.1f} s cpu", flush=True)
        t0, c0 = time.perf_counter(), time.process_time()
        report = ingest_articles(new, store, pipeline)
        t_incr, c_incr = time.perf_counter() - t0, time.process_time() - c0
        print(f"incremental ingest: {t_incr:.1f} s wall, {c_incr:.1f} s cpu", flush=True)
        incremental = _clustering(store)
        t0, c0 = time.perf_counter(), time.process_time()
        rebuild(store, pipeline)
        t_full, c_full = time.perf_counter() - t0, time.process_time() - c0
        full = _clustering(store)
    ids = sorted(set(incremental) & set(full))
    agree = bcubed({i: incremental[i] for i in ids}, {i: full[i] for i in ids})
    rows = [
        {
            "run": f"initial build: ingest {args.size:,} into an empty database",
            "wall s": round(t_build, 1),
            "cpu s": round(c_build, 1),
        },
        {
            "run": f"baseline: full re-resolution of {len(articles):,} (rebuild)",
            "wall s": round(t_full, 1),
            "cpu s": round(c_full, 1),
        },
        {
            "run": f"sitrep: incremental ingest of {len(new):,} (1%)",
            "wall s": round(t_incr, 2),
            "cpu s": round(c_incr, 2),
        },
    ]
    title = f"incremental ingest, {args.size:,} + {len(new):,} ({args.new}) synthetic articles, {days} days"
    print_table(title, rows)
    ratio, cpu_ratio = t_incr / t_full, c_incr / c_full
    quality = [
        {"clustering": "incremental vs gold", **bcubed({i: incremental[i] for i in ids}, gold)},
        {"clustering": "full rebuild vs gold", **bcubed({i: full[i] for i in ids}, gold)},
        {"clustering": "incremental vs full rebuild", **agree},
    ]
    print_table("clustering (B-cubed, articles reporting an event)", quality)
    print(
        f"\nincremental / full re-resolution: {ratio:.2%} wall, {cpu_ratio:.2%} cpu (target <= 5%); "
        f"/ initial build: {t_incr / t_build:.2%} wall"
    )
    print(f"touched: {len(report.resolution.created)} new, {len(report.resolution.updated)} updated events")
    write_result(
        args.name,
        {
            "size": args.size,
            "new": args.new,
            "added": len(new),
            "days": days,
            "seconds": {"initial_build": t_build, "incremental": t_incr, "full_rebuild": t_full},
            "cpu_seconds": {"initial_build": c_build, "incremental": c_incr, "full_rebuild": c_full},
            "ratio_incremental_to_full": ratio,
            "cpu_ratio_incremental_to_full": cpu_ratio,
            "ratio_incremental_to_build": t_incr / t_build,
            "target_ratio": 0.05,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "events_created": len(report.resolution.created),
            "events_updated": len(report.resolution.updated),
            "bcubed": {q["clustering"]: {k: q[k] for k in ("precision", "recall", "f1")} for q in quality},
        },
    )


if __name__ == "__main__":
    main()
