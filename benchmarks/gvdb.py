"""Per-article field extraction on the Gun Violence Database dev split (shared/benchmarks/gvdb/dev.tsv).

Each article is run through the default pipeline alone; its primary event mention is
compared with the gold annotation:

* city exact: the gold city equals the name of one of the event's places, as written in
  the article or as resolved (or the resolved city's name for a facility inside it),
  both compared in lower case without a compass part or "City" ("Southwest Houston" is
  "houston"); articles without a gold city are left out;
* date exact: the event date is the gold date (DAY precision);
* killed / injured exact: the gold counts are the victims marked killed, and those marked
  injured or hospitalised but not killed; no count in the event means 0.

The data set has no publication date: each article is taken as published the day after
the gold date (a typical delay for local news). A baseline runs in the same process: the
first "Month day" in the text (else the publication date), the first number before
"killed"/"injured", the first capitalised word that the gazetteer knows as a city.

Usage: python benchmarks/gvdb.py [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import MONTHS, analyse_all, data_dir, first_count, primary, print_table, throughput, write_result

from sitrep.extract.gazetteer import Gazetteer, load_gazetteer
from sitrep.ingest import with_headline
from sitrep.model import Article, EventMention

_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
FIELDS = ("city", "date", "killed", "injured")


def load(limit: int | None) -> tuple[list[Article], dict[str, dict]]:
    """The articles and, per article id, the gold city, date, killed and injured."""
    csv.field_size_limit(10**9)
    path = data_dir() / "gvdb" / "dev.tsv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline=""), delimiter="\t"))
    if limit:
        rows = rows[:limit]
    articles, gold = [], {}
    for r in rows:
        info = json.loads(r["Json"])
        y, mo, d = (int(x) for x in info["date-and-time"]["date"].split("-"))
        when = dt.date(y, mo, d)
        city = info["date-and-time"]["city"]["value"].strip().splitlines()
        victims = info.get("victim-section") or []
        killed = sum("killed" in v.get("victim-was", []) for v in victims)
        injured = sum(
            "killed" not in v.get("victim-was", [])
            and bool({"injured", "hospitalized"} & set(v.get("victim-was", [])))
            for v in victims
        )
        aid = f"gvdb-{r['Article id']}"
        articles.append(
            Article(
                id=aid,
                text=with_headline(r["Article title"], r["Full text"]),  # as sitrep's readers do
                title=r["Article title"] or None,
                url=r["Article url"] or None,
                published=when + dt.timedelta(days=1),
            )
        )
        gold[aid] = {
            "city": norm_city(city[-1]) if city and city[-1].strip() else None,
            "date": when,
            "killed": killed,
            "injured": injured,
        }
    return articles, gold


_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|downtown|central"
    r"|n|s|e|w|ne|nw|se|sw)\s+)"
    r"|\s+(?:north|south|east|west|city)$"
)


def norm_city(name: str) -> str:
    """A city name for comparison: lower case, without a compass part (also abbreviated: "E. Houston"),
    "city" or trailing punctuation ("Southwest Houston", "New Orleans East", "Oklahoma City" and
    "Valley Glen," compare as "houston", "new orleans", "oklahoma" and "valley glen")."""
    name = " ".join(name.lower().replace(".", "").split()).strip(" ,;:")
    return _DIRECTION.sub("", name) or name


def _city_names(m: EventMention, gaz: Gazetteer) -> set[str]:
    names: set[str] = set()
    for p in m.places:
        names.add(norm_city(p.name))
        if p.place is not None:
            names.add(norm_city(p.place.name))
            if p.place.parent:
                names.add(norm_city(p.place.parent.split(":")[-1].replace("-", " ")))
    return names


def run_sitrep(articles: list[Article], gaz: Gazetteer) -> tuple[dict[str, dict], dict[str, float]]:
    """The default pipeline, article by article; per-article predictions and timing."""
    pred: dict[str, dict] = {}
    analysed, per = analyse_all(articles)
    for a, done in zip(articles, analysed, strict=True):
        m = primary(done.events)
        if m is None:
            pred[a.id] = {"cities": set(), "date": None, "killed": 0, "injured": 0}
            continue
        day = m.date.date if m.date is not None and m.date.precision == "day" else None
        pred[a.id] = {
            "cities": _city_names(m, gaz),
            "date": day,
            "killed": m.killed.low if m.killed is not None and m.killed.low == m.killed.high else None,
            "injured": m.injured.low if m.injured is not None and m.injured.low == m.injured.high else None,
        }
        if m.killed is None:
            pred[a.id]["killed"] = 0
        if m.injured is None:
            pred[a.id]["injured"] = 0
    return pred, throughput(per)


def _first_date(text: str, pub: dt.date) -> dt.date:
    m = re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b", text)
    if m:
        try:
            day = dt.date(pub.year, MONTHS.index(m.group(1).lower()) + 1, int(m.group(2)))
        except ValueError:
            return pub
        return day if day <= pub else day.replace(year=pub.year - 1)
    return pub


def run_baseline(articles: list[Article], gaz: Gazetteer) -> dict[str, dict]:
    """The simple baseline described in the module docstring."""
    pred = {}
    for a in articles:
        city = None
        for m in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\b", a.text):
            if any(p.feature == "city" for p in gaz.lookup(m.group(0))):
                city = norm_city(m.group(0))
                break
        assert a.published is not None
        pred[a.id] = {
            "cities": {city} if city else set(),
            "date": _first_date(a.text, a.published),
            "killed": first_count(a.text, "(?:killed|dead)", _NUM),
            "injured": first_count(a.text, "(?:injured|wounded)", _NUM),
        }
    return pred


def score(pred: dict[str, dict], gold: dict[str, dict]) -> dict[str, float]:
    """Share of articles with each field exact (city: only articles with a gold city)."""
    hits: Counter[str] = Counter()
    with_city = 0
    for aid, g in gold.items():
        p = pred[aid]
        if g["city"]:
            with_city += 1
            hits["city"] += g["city"] in p["cities"]
        hits["date"] += p["date"] == g["date"]
        hits["killed"] += p["killed"] == g["killed"]
        hits["injured"] += p["injured"] == g["injured"]
    n = max(len(gold), 1)
    return {
        "city": round(hits["city"] / max(with_city, 1), 4),
        **{k: round(hits[k] / n, 4) for k in ("date", "killed", "injured")},
    }


def main() -> None:
    """Run sitrep and the baseline, print the comparison, write benchmarks/results/gvdb.json."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (for a quick look)")
    ap.add_argument("--errors", choices=FIELDS, default=None, help="list sitrep's misses on one field")
    args = ap.parse_args()
    articles, gold = load(args.limit)
    gaz = load_gazetteer()
    pred, timing = run_sitrep(articles, gaz)
    base = run_baseline(articles, gaz)
    rows = [{"system": name, **score(p, gold)} for name, p in (("baseline", base), ("sitrep", pred))]
    print_table(f"gvdb dev: {len(articles)} articles (exact match per field)", rows)
    print_table("throughput (sitrep, default pipeline)", [timing])
    if args.errors:
        field = args.errors
        for a in articles:
            g, p = gold[a.id], pred[a.id]
            got = p["cities"] if field == "city" else p[field]
            ok = g["city"] in got if field == "city" else got == g[field]
            if (field != "city" or g["city"]) and not ok:
                print(f"{a.id}\tgold={g[field]}\tsitrep={got}")
    out = write_result("gvdb", {"articles": len(articles), "rows": rows, "timing": timing})
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
