"""Corroboration benchmark on the project's own example corpus (examples/, ground truth expected.json).

For each incident's main event, are the deliberate disagreements written into the corpus
flagged as contradictions (recall), is anything else flagged (false flags), and do values
that only wire copies of one story give count as confirmed? A baseline runs on the same
extracted claims: any two different values from two outlets are a contradiction, and a
value is confirmed when two outlets give it (no vague-count ranges, no wire-copy or
credited-origin independence, no gazetteer check of described locations, no blame rules).

With ``--gva`` it also runs the gun-violence set (../shared/benchmarks/gva-incidents) and, for
every count contradiction sitrep flags in an event of two or more articles, checks the
resolution against the Gun Violence Archive's figure, next to simple policies on the same
values (lowest figure, highest, the latest article's, any value right).

Usage: python benchmarks/corroboration.py [--gva] [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import print_table, write_result

from sitrep.model import Article, Claim, Event
from sitrep.pipeline import Pipeline, ingest_paths
from sitrep.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
_ALIASES = {"actor": ("blame", "perpetrator")}
_BASELINE_FIELDS = ("killed", "injured", "abducted", "date", "location_description", "blame")


def _key(a: Article, expected: dict) -> str | None:
    if a.id in expected["articles"]:
        return a.id
    if a.url in expected["articles"]:
        return a.url
    return os.path.relpath(a.source_path, EXAMPLES) if a.source_path else None


def _baseline_flags(claims: list[Claim]) -> set[str]:
    flagged = set()
    for field in _BASELINE_FIELDS:
        by_value: dict[str, set[str]] = {}
        for c in claims:
            if c.field == field or (field == "blame" and c.field.endswith("_responsibility")):
                by_value.setdefault(c.value.split(" (per ")[0], set()).add(c.source)
        sources = {s for ss in by_value.values() for s in ss}
        if len(by_value) >= 2 and len(sources) >= 2:
            flagged.add(field)
    return flagged


def _main_event(inc: dict, by_key: dict[str, Article], primary: dict[str, Event]) -> Event | None:
    ids = [primary[by_key[k].id].id for k in inc["articles"] if by_key[k].id in primary]
    if not ids:
        return None
    top = Counter(ids).most_common(1)[0][0]
    return next(
        primary[by_key[k].id]
        for k in inc["articles"]
        if by_key[k].id in primary and primary[by_key[k].id].id == top
    )


def _score(flags: dict[str, set[str]], incidents: list[dict]) -> dict[str, float | int]:
    found = total = count_found = count_total = false = 0
    for inc in incidents:
        flagged = flags.get(inc["key"], set())
        deliberate: set[str] = set()
        for d in inc["disagreements"]:
            if not d["contradiction"]:
                continue
            names = set(_ALIASES.get(d["field"], (d["field"],)))
            deliberate |= names
            hit = bool(flagged & names)
            total += 1
            found += hit
            if d["field"] in ("killed", "injured"):
                count_total += 1
                count_found += hit
        false += len(flagged - deliberate)
    return {
        "disagreements_found": round(found / total, 3),
        "found": f"{found}/{total}",
        "count_disagreements_found": round(count_found / count_total, 3),
        "false_flags": false,
    }


def _wire_only_confirmed(events: list[Event], copies: list[set[str]], system: str) -> int:
    """Values counted as confirmed though only copies of one wire story give them."""
    n = 0
    for e in events:
        for pair in copies:
            if system == "sitrep":
                n += sum(1 for a in e.agreement if a.confirmed and set(a.sources) <= pair)
            else:
                values: dict[tuple[str, str], set[str]] = {}
                for c in e.claims:
                    values.setdefault((c.field, c.value), set()).add(c.source)
                n += sum(1 for srcs in values.values() if len(srcs) >= 2 and srcs <= pair)
    return n


def _gva_resolutions(limit: int | None) -> list[dict[str, object]]:
    """Resolution accuracy of flagged killed/injured contradictions on gva-incidents, vs simple policies."""
    from gva import load

    articles, gold, incidents = load(limit)
    done, events = Pipeline.default().run(articles)
    by_id = {a.id: a for a in done}
    hits: Counter[str] = Counter()
    n = 0
    for e in events:
        if len(e.article_ids) < 2:
            continue
        gid = Counter(gold[a] for a in e.article_ids).most_common(1)[0][0]
        rec = incidents.get(gid)
        if rec is None:
            continue
        for c in e.contradictions:
            if c.field not in ("killed", "injured"):
                continue
            truth = rec["num_killed" if c.field == "killed" else "num_injured"]
            exact = [cl for cl in e.claims if cl.field == c.field and cl.value.isdigit()]
            if not exact:
                continue
            n += 1
            values = [int(cl.value) for cl in exact]
            latest = max(exact, key=lambda cl: by_id[cl.article_id].published or dt.date.min)
            hits["sitrep"] += c.resolution == str(truth)
            majority = c.resolution if ("consistent with" in c.reason or "is given by" in c.reason) else None
            hits["majority, else lowest"] += int(majority or min(values)) == truth
            hits["majority, else highest"] += int(majority or max(values)) == truth
            hits["lowest"] += min(values) == truth
            hits["highest"] += max(values) == truth
            hits["latest article"] += int(latest.value) == truth
            hits["any value (ceiling)"] += truth in values
    return [
        {"policy": k, "right": hits[k], "of": n, "accuracy": round(hits[k] / n, 3) if n else 0.0}
        for k in (
            "sitrep",
            "majority, else lowest",
            "majority, else highest",
            "lowest",
            "highest",
            "latest article",
            "any value (ceiling)",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gva", action="store_true", help="also score count resolutions on gva-incidents")
    parser.add_argument("--limit", type=int, default=None, help="gva: only the first N incidents")
    args = parser.parse_args()
    expected = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "examples.db"))
        t0 = time.perf_counter()
        ingest_paths([str(EXAMPLES / "corpus")], store, Pipeline.default())
        seconds = time.perf_counter() - t0
        articles = store.articles()
        events = store.events()
        store.close()
    by_key = {k: a for a in articles if (k := _key(a, expected))}
    primary = {m.article_id: e for e in events for m in e.mentions if m.primary}
    incidents = expected["incidents"]
    mains = {inc["key"]: _main_event(inc, by_key, primary) for inc in incidents}
    sitrep_flags = {k: {c.field for c in e.contradictions} for k, e in mains.items() if e is not None}
    baseline_flags = {k: _baseline_flags(e.claims) for k, e in mains.items() if e is not None}
    copies = [{by_key[k].outlet or "" for k in pair["articles"]} for pair in expected["wire_copies"]]
    main_events = [e for e in mains.values() if e is not None]
    rows = [
        {"system": "baseline (any two values differ)", **_score(baseline_flags, incidents),
         "wire_only_confirmed": _wire_only_confirmed(main_events, copies, "baseline")},
        {"system": "sitrep", **_score(sitrep_flags, incidents),
         "wire_only_confirmed": _wire_only_confirmed(main_events, copies, "sitrep")},
    ]  # fmt: skip
    print_table(f"corroboration on examples/: {len(articles)} articles, {len(incidents)} incidents", rows)
    per_incident = [
        {
            "incident": k,
            "deliberate": ", ".join(sorted({d["field"] for d in inc["disagreements"] if d["contradiction"]})),
            "sitrep": ", ".join(sorted(sitrep_flags.get(k, set()))),
            "baseline": ", ".join(sorted(baseline_flags.get(k, set()))),
        }
        for inc in incidents
        for k in [inc["key"]]
    ]
    print_table("flagged fields per incident", per_incident)
    out = write_result(
        "corroboration",
        {"articles": len(articles), "incidents": len(incidents), "rows": rows, "per_incident": per_incident,
         "ingest_seconds": round(seconds, 2)},
    )  # fmt: skip
    print(f"\nwrote {out}")
    if args.gva:
        rows_gva = _gva_resolutions(args.limit)
        print_table(
            "gva-incidents: resolution of flagged killed/injured contradictions vs GVA's figure", rows_gva
        )
        out = write_result("corroboration_gva", {"limit": args.limit, "rows": rows_gva})
        print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
