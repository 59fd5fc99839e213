"""End-to-end benchmark on the gun-violence incident set (shared/benchmarks/gva-incidents).

Measures article→incident clustering (B-cubed precision/recall/F1) and, per gold
incident, whether the event its articles landed in has the right date, a place
within 25 km, and the right killed and injured counts; plus throughput. A
baseline runs in the same process for comparison: every article alone, dated by
its publication date, placed at the most populous gazetteer match of its first
capitalised place-like word, with the first number before "killed"/"injured".

With ``--diagnose``: where recall and precision are lost at the pair level
(same-incident pairs that never became candidates, scored below the threshold,
or were held apart by the linkage check; different-incident pairs merged), a
threshold sweep of the clustering alone, and the logistic-regression fit of the
evidence weights over the candidate pairs (compare with
``sitrep.resolve.similarity.WEIGHTS``).

With ``--errors date``: every gold incident whose event has the wrong date, with the gold date,
the event's date, and for each of the incident's articles its publication date and the date its
primary mention took (the phrase and its context).

Usage: python benchmarks/gva.py [--limit N] [--diagnose] [--errors date]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import analyse_all, bcubed, data_dir, primary, print_table, write_result

from sitrep.config import Settings
from sitrep.extract.gazetteer import Gazetteer, load_gazetteer
from sitrep.geo import distance_km
from sitrep.ingest import with_headline
from sitrep.model import Article, Event
from sitrep.pipeline import Pipeline

_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def load(limit: int | None) -> tuple[list[Article], dict[str, str], dict[str, dict]]:
    """The articles, the gold article→incident map, and the gold incidents."""
    base = data_dir() / "gva-incidents"
    docs = [json.loads(line) for line in (base / "documents.jsonl").open(encoding="utf-8")]
    incidents = {}
    for line in (base / "incidents.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        incidents[rec["incident_id"]] = rec
    if limit:
        keep = sorted({d["incident_id"] for d in docs})[:limit]
        docs = [d for d in docs if d["incident_id"] in set(keep)]
    articles = [
        Article(
            id=d["doc_id"],
            text=with_headline(d.get("title"), d["content"] or ""),  # as sitrep's readers do
            title=d.get("title"),
            url=d.get("uri"),
            published=dt.date.fromisoformat(d["dct"][:10]) if d.get("dct") else None,
        )
        for d in docs
    ]
    gold = {d["doc_id"]: d["incident_id"] for d in docs}
    return articles, gold, {k: v for k, v in incidents.items() if k in set(gold.values())}


def gold_date(rec: dict) -> dt.date | None:
    """The gold incident date ("January 16, 2014")."""
    try:
        return dt.datetime.strptime(rec["date"].strip(), "%B %d, %Y").date()
    except (KeyError, ValueError):
        return None


def article_events(events: list[Event]) -> dict[str, Event]:
    """Each article's event: the event holding the article's primary mention (else any of its events)."""
    out: dict[str, Event] = {}
    for e in events:
        for m in e.mentions:
            if m.primary or m.article_id not in out:
                out[m.article_id] = e
    return out


def score_fields(pred: dict[str, dict], incidents: dict[str, dict], gold: dict[str, str]) -> dict[str, float]:
    """Per gold incident: the prediction its articles most often landed in, compared field by field."""
    by_inc: dict[str, list[str]] = defaultdict(list)
    for doc, inc in gold.items():
        by_inc[inc].append(doc)
    hits: Counter[str] = Counter()
    scored = 0
    for inc_id, docs in by_inc.items():
        rec = incidents.get(inc_id)
        if rec is None:  # a few documents name an incident without a gold record
            continue
        scored += 1
        preds = [pred[d] for d in docs if d in pred]
        if not preds:
            continue
        key = Counter(p["key"] for p in preds).most_common(1)[0][0]
        p = next(p for p in preds if p["key"] == key)
        hits["date"] += p["date"] is not None and p["date"] == gold_date(rec)
        if p["lat"] is not None and rec.get("lat") is not None:
            hits["place_25km"] += distance_km(p["lat"], p["lon"], rec["lat"], rec["lon"]) <= 25
        # GVA records 0 when no one was killed or injured; an event that reports none counts as 0
        hits["killed"] += (p["killed"] or 0) == rec.get("num_killed")
        hits["injured"] += (p["injured"] or 0) == rec.get("num_injured")
    n = max(scored, 1)
    return {k: round(hits[k] / n, 4) for k in ("date", "place_25km", "killed", "injured")}


def run_sitrep(
    articles: list[Article],
) -> tuple[dict[str, dict], dict[str, float], list[Article], list[Event]]:
    """Run the default pipeline; returns per-article predictions, timings, the analysed articles and
    the events."""
    pipe = Pipeline.default(Settings())
    t0 = time.perf_counter()
    analysed, per_article = analyse_all(articles, pipe)
    t1 = time.perf_counter()
    from sitrep.ingest import mark_duplicates

    analysed = mark_duplicates(analysed)
    events = pipe.resolve(analysed)
    t2 = time.perf_counter()
    of = article_events(events)
    pred = {}
    for a in articles:
        e = of.get(a.id)
        if e is None:
            pred[a.id] = {
                "key": f"alone:{a.id}",
                "date": None,
                "lat": None,
                "lon": None,
                "killed": None,
                "injured": None,
            }
            continue
        pred[a.id] = {
            "key": e.id,
            "date": e.date,
            "lat": e.place.latitude if e.place else None,
            "lon": e.place.longitude if e.place else None,
            "killed": e.killed,
            "injured": e.injured,
        }
    timing = {
        "extract_seconds": round(t1 - t0, 2),
        "resolve_seconds": round(t2 - t1, 2),
        "extract_articles_per_s": round(len(articles) / (t1 - t0), 1),
        "end_to_end_articles_per_s": round(len(articles) / (t2 - t0), 1),
        "median_ms_per_article": round(statistics.median(per_article) * 1000, 2),
        "events": len(events),
    }
    return pred, timing, analysed, events


def _first_count(text: str, word: str) -> int | None:
    m = re.search(r"\b(\d+|" + "|".join(_NUM) + r")\b[^.]{0,40}?\b" + word, text, re.IGNORECASE)
    if not m:
        return 0
    tok = m.group(1).lower()
    return int(tok) if tok.isdigit() else _NUM[tok]


def run_baseline(articles: list[Article], gaz: Gazetteer) -> dict[str, dict]:
    """The simple baseline described in the module docstring."""
    pred = {}
    for a in articles:
        lat = lon = None
        for m in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\b", a.text):
            found = [p for p in gaz.lookup(m.group(0)) if p.feature == "city"]
            if found:
                best = max(found, key=lambda p: p.population)
                lat, lon = best.latitude, best.longitude
                break
        pred[a.id] = {
            "key": a.id,
            "date": a.published,
            "lat": lat,
            "lon": lon,
            "killed": _first_count(a.text, "(?:killed|dead)"),
            "injured": _first_count(a.text, "(?:injured|wounded)"),
        }
    return pred


def date_errors(
    pred: dict[str, dict], incidents: dict[str, dict], gold: dict[str, str], analysed: list[Article]
) -> None:
    """Print each gold incident whose event has the wrong date, with its articles' date phrases."""
    by_id = {a.id: a for a in analysed}
    by_inc: dict[str, list[str]] = defaultdict(list)
    for doc, inc in gold.items():
        by_inc[inc].append(doc)
    for inc_id, docs in sorted(by_inc.items()):
        rec = incidents.get(inc_id)
        preds = [pred[d] for d in docs if d in pred]
        if rec is None or not preds:
            continue
        key = Counter(p["key"] for p in preds).most_common(1)[0][0]
        got, want = next(p for p in preds if p["key"] == key)["date"], gold_date(rec)
        if got == want:
            continue
        print(f"incident {inc_id}\tgold={want}\tsitrep={got}")
        for d in docs:
            a = by_id[d]
            m = primary(a.events)
            phrase = context = ""
            if m is not None and m.date is not None:
                sp, text = m.date.span, a.clean_text
                phrase = f"{m.date.date} {sp.text!r}"
                context = " ".join(text[max(0, sp.start - 80) : sp.end + 40].split())
            print(f"  {d}\tpublished={a.published}\t{phrase or 'no date'}\t{context}")


def main() -> None:
    """Run sitrep and the baseline, print the comparison, write benchmarks/results/gva.json."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N incidents (for a quick look)")
    ap.add_argument(
        "--diagnose", action="store_true", help="pair-level loss breakdown, threshold sweep, weight fit"
    )
    ap.add_argument("--errors", choices=("date",), default=None, help="list the incidents dated wrong")
    args = ap.parse_args()
    articles, gold, incidents = load(args.limit)
    gaz = load_gazetteer()
    pred, timing, analysed, events = run_sitrep(articles)
    base = run_baseline(articles, gaz)
    rows = []
    for name, p in (("baseline", base), ("sitrep", pred)):
        clus = bcubed({k: v["key"] for k, v in p.items()}, gold)
        fields = score_fields(p, incidents, gold)
        rows.append({"system": name, **{f"bcubed_{k}": v for k, v in clus.items()}, **fields})
    print_table(f"gva-incidents: {len(articles)} articles, {len(incidents)} incidents", rows)
    print_table("throughput (sitrep, default pipeline, one process)", [timing])
    payload: dict = {"articles": len(articles), "incidents": len(incidents), "rows": rows, "timing": timing}
    if args.errors == "date":
        date_errors(pred, incidents, gold, analysed)
    if args.diagnose:
        from gva_diagnose import diagnose, field_ceiling

        payload["diagnosis"] = diagnose(analysed, gold)
        payload["diagnosis"]["field_ceilings"] = field_ceiling(
            analysed, events, incidents, gold, score_fields(pred, incidents, gold)
        )
    out = write_result("gva", payload)
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
