"""Extraction from short event reports: ACLED notes for Chad, Kenya and Niger (shared/benchmarks/acled-notes).

Each note is ingested as an article published three days after its event date, with no
dateline, and run through the default pipeline. The primary event mention is scored
against the ACLED record: sub-event type accuracy, date exact, place within 25 km and
100 km of the record's coordinates, and fatalities exact (no killed count = 0, as ACLED
records 0; a range counts as its low bound, as ACLED codes the most conservative figure:
"at least nine" is 9).

A keyword baseline runs in the same process: sub-event type by the first matching
keyword rule, date from the first "day Month year" in the note (else the publication
date), place from the first capitalised word that the gazetteer knows as a city in the
note's country (most populous), fatalities from the first number before "killed"/"dead".

Usage: python benchmarks/acled_notes.py [--limit N] [--errors FIELD]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import MONTHS, analyse_all, data_dir, first_count, primary, print_table, throughput, write_result

from sitrep.extract.gazetteer import Gazetteer, load_gazetteer
from sitrep.geo import distance_km
from sitrep.model import Article

COUNTRIES = {"Chad": "TD", "Kenya": "KE", "Niger": "NE"}
FIELDS = ("sub_event_type", "date", "place_25km", "place_100km", "fatalities")
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10}  # fmt: skip
#: The keyword baseline's rules, first match wins.
_KEYWORDS: tuple[tuple[str, str], ...] = (
    (r"tear ?gas|dispers|live bullets|fired at (?:the )?protesters", "Protest with intervention"),
    (r"riot|stone|burn|barricade|rampag", "Violent demonstration"),
    (r"protest|demonstrat|march|rall(?:y|ied)|strike", "Peaceful protest"),
    (r"\bmob\b|lynch", "Mob violence"),
    (r"abduct|kidnap", "Abduction/forced disappearance"),
    (r"\bied\b|landmine|mine\b|explosive device", "Remote explosive/landmine/IED"),
    (r"air ?strike|drone|aircraft|bomb(?:ed|ing)", "Air/drone strike"),
    (r"shell|mortar|artillery|rocket", "Shelling/artillery/missile attack"),
    (r"clash|fought|battle|exchange of fire", "Armed clash"),
    (r"loot|destroy|set fire", "Looting/property destruction"),
    (r"arrest", "Arrests"),
    (r"rape|sexual", "Sexual violence"),
)


def load(limit: int | None) -> tuple[list[Article], dict[str, dict]]:
    """The notes as articles (published event date + 3 days) and the gold record per article id."""
    articles, gold = [], {}
    for country in COUNTRIES:
        path = data_dir() / "acled-notes" / f"ACLED_{country}.csv"
        rows = list(csv.DictReader(path.open(encoding="utf-8-sig", newline="")))
        if limit:
            rows = rows[:limit]
        for r in rows:
            day = dt.datetime.strptime(r["event_date"], "%Y%m%d").date()
            aid = f"acled-{r['event_id_cnty']}"
            articles.append(Article(id=aid, text=r["notes"], published=day + dt.timedelta(days=3)))
            gold[aid] = {
                "country": country,
                "sub_event_type": r["sub_event_type"],
                "date": day,
                "lat": float(r["latitude"]),
                "lon": float(r["longitude"]),
                "fatalities": int(r["fatalities"] or 0),
            }
    return articles, gold


def run_sitrep(articles: list[Article]) -> tuple[dict[str, dict], dict[str, float]]:
    """The default pipeline, note by note; per-note predictions and timing."""
    pred: dict[str, dict] = {}
    analysed, per = analyse_all(articles)
    for a, done in zip(articles, analysed, strict=True):
        m = primary(done.events)
        p: dict = {
            "sub_event_type": None,
            "date": None,
            "lat": None,
            "lon": None,
            "fatalities": 0,
            "event": False,
        }
        if m is not None:
            p["event"] = True
            p["sub_event_type"] = m.sub_event_type
            if m.date is not None and m.date.precision == "day":
                p["date"] = m.date.date
            place = next((pm.place for pm in m.places if pm.place is not None), None)
            if place is not None:
                p["lat"], p["lon"] = place.latitude, place.longitude
            if m.killed is not None:  # ACLED codes the lowest figure reported ("at least 9" is 9)
                p["fatalities"] = m.killed.low
        pred[a.id] = p
    return pred, throughput(per)


def _first_date(text: str, pub: dt.date) -> dt.date:
    m = re.search(r"\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{4})\b", text)
    if m:
        try:
            return dt.date(int(m.group(3)), MONTHS.index(m.group(2).lower()) + 1, int(m.group(1)))
        except ValueError:
            pass
    return pub


def run_baseline(articles: list[Article], gold: dict[str, dict], gaz: Gazetteer) -> dict[str, dict]:
    """The keyword baseline described in the module docstring."""
    pred = {}
    for a in articles:
        code = COUNTRIES[gold[a.id]["country"]]
        lat = lon = None
        for m in re.finditer(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\b", a.text):
            found = [p for p in gaz.lookup(m.group(0)) if p.feature == "city" and p.country == code]
            if found:
                best = max(found, key=lambda p: p.population)
                lat, lon = best.latitude, best.longitude
                break
        low = a.text.lower()
        sub = next((t for pat, t in _KEYWORDS if re.search(pat, low)), "Attack")
        assert a.published is not None
        pred[a.id] = {
            "sub_event_type": sub,
            "date": _first_date(a.text, a.published),
            "lat": lat,
            "lon": lon,
            "fatalities": first_count(a.text, "(?:killed|dead)", _NUM),
        }
    return pred


def _hits(p: dict, g: dict) -> dict[str, bool]:
    km = distance_km(p["lat"], p["lon"], g["lat"], g["lon"]) if p["lat"] is not None else None
    return {
        "sub_event_type": p["sub_event_type"] == g["sub_event_type"],
        "date": p["date"] == g["date"],
        "place_25km": km is not None and km <= 25,
        "place_100km": km is not None and km <= 100,
        "fatalities": p["fatalities"] == g["fatalities"],
    }


def score(
    pred: dict[str, dict], gold: dict[str, dict], country: str | None = None, ids: list[str] | None = None
) -> dict[str, float]:
    """Share of notes (of one country, or all, or the ``ids`` given) with each field right."""
    if ids is None:
        ids = [i for i, g in gold.items() if country is None or g["country"] == country]
    totals: Counter[str] = Counter()
    for i in ids:
        totals.update(k for k, ok in _hits(pred[i], gold[i]).items() if ok)
    n = max(len(ids), 1)
    return {k: round(totals[k] / n, 4) for k in FIELDS}


def main() -> None:
    """Run sitrep and the baseline, print the comparison, write benchmarks/results/acled_notes.json."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N notes per country")
    ap.add_argument("--errors", choices=FIELDS, default=None, help="list sitrep's misses on one field")
    args = ap.parse_args()
    articles, gold = load(args.limit)
    gaz = load_gazetteer()
    pred, timing = run_sitrep(articles)
    base = run_baseline(articles, gold, gaz)
    rows = []
    for country in (None, *COUNTRIES):
        for name, p in (("baseline", base), ("sitrep", pred)):
            n = sum(1 for g in gold.values() if country is None or g["country"] == country)
            rows.append({"notes": country or "all", "n": n, "system": name, **score(p, gold, country)})
    with_event = [i for i in gold if pred[i]["event"]]
    for name, p in (("baseline", base), ("sitrep", pred)):
        rows.append(
            {
                "notes": "sitrep found an event",
                "n": len(with_event),
                "system": name,
                **score(p, gold, ids=with_event),
            }
        )
    print_table(f"acled-notes: {len(articles)} notes (primary event mention vs the ACLED record)", rows)
    confusion: Counter[tuple[str, str]] = Counter(
        (g["sub_event_type"], str(pred[i]["sub_event_type"]))
        for i, g in gold.items()
        if pred[i]["sub_event_type"] != g["sub_event_type"]
    )
    print_table(
        "most frequent sub-event type confusions (sitrep)",
        [{"gold": g, "sitrep": s, "n": n} for (g, s), n in confusion.most_common(10)],
    )
    print_table("throughput (sitrep, default pipeline)", [timing])
    if args.errors:
        texts = {a.id: a.text for a in articles}
        by_field: dict[str, list[str]] = defaultdict(list)
        for i, g in gold.items():
            if not _hits(pred[i], g)[args.errors]:
                by_field[args.errors].append(i)
                key = args.errors.split("_")[0] if args.errors.startswith("place") else args.errors
                got = (pred[i]["lat"], pred[i]["lon"]) if key == "place" else pred[i][key]
                want = (g["lat"], g["lon"]) if key == "place" else g[key]
                print(f"{i}\tgold={want}\tsitrep={got}\t{texts[i][:300]}")
    out = write_result(
        "acled_notes",
        {
            "notes": len(articles),
            "rows": rows,
            "confusions": [[*k, n] for k, n in confusion.most_common(10)],
            "timing": timing,
        },
    )
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
