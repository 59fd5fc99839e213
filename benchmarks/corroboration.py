"""Corroboration benchmark on the project's own example corpus (examples/, ground truth expected.json).

For each incident's main event, are the deliberate disagreements written into the corpus
flagged as contradictions (recall), is anything else flagged (false flags), and do values
that only wire copies of one story give count as confirmed? A baseline runs on the same
extracted claims: any two different values from two outlets are a contradiction, and a
value is confirmed when two outlets give it (no vague-count ranges, no wire-copy or
credited-origin independence, no gazetteer check of described locations, no blame rules).

Usage: python benchmarks/corroboration.py
"""

from __future__ import annotations

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


def main() -> None:
    import json

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


if __name__ == "__main__":
    main()
