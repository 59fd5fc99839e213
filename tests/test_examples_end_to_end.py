"""The bundled example corpus, end to end, against its ground truth (examples/expected.json).

Quality floors are pinned in tests/quality_floors.json: raise them when the pipeline improves,
never lower them to make a change pass.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from sitrep.geo import distance_km
from sitrep.model import Article, Event
from sitrep.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = json.loads((ROOT / "examples" / "expected.json").read_text(encoding="utf-8"))
FLOORS = json.loads((ROOT / "tests" / "quality_floors.json").read_text(encoding="utf-8"))["examples"]


def _key(a: Article) -> str | None:
    if a.id in EXPECTED["articles"]:
        return a.id
    if a.url in EXPECTED["articles"]:
        return a.url
    return os.path.relpath(a.source_path, ROOT / "examples") if a.source_path else None


@pytest.fixture(scope="module")
def world(examples_db: Store) -> tuple[dict[str, Article], dict[str, Event]]:
    """Ground-truth key → article, and article id → the event holding its primary mention."""
    by_key = {k: a for a in examples_db.articles() if (k := _key(a))}
    primary = {m.article_id: e for e in examples_db.events() for m in e.mentions if m.primary}
    return by_key, primary


def _main_event(inc: dict, world: tuple[dict[str, Article], dict[str, Event]]) -> Event | None:
    by_key, primary = world
    ids = [primary[by_key[k].id].id for k in inc["articles"] if by_key[k].id in primary]
    if not ids:
        return None
    top = Counter(ids).most_common(1)[0][0]
    return next(
        primary[by_key[k].id]
        for k in inc["articles"]
        if primary.get(by_key[k].id, None) and primary[by_key[k].id].id == top
    )


def test_every_expected_article_was_ingested(world) -> None:  # type: ignore[no-untyped-def]
    by_key, _ = world
    assert set(EXPECTED["articles"]) <= set(by_key)


def test_clustering_quality(world) -> None:  # type: ignore[no-untyped-def]
    by_key, primary = world
    gold = {k: v for k, v in EXPECTED["articles"].items() if v is not None}
    pred = {k: (primary[by_key[k].id].id if by_key[k].id in primary else f"alone:{k}") for k in gold}
    p = r = 0.0
    for k in gold:
        same_pred = {j for j in gold if pred[j] == pred[k]}
        same_gold = {j for j in gold if gold[j] == gold[k]}
        p += len(same_pred & same_gold) / len(same_pred)
        r += len(same_pred & same_gold) / len(same_gold)
    p, r = p / len(gold), r / len(gold)
    f1 = 2 * p * r / (p + r)
    assert p >= FLOORS["bcubed_precision"], p
    assert f1 >= FLOORS["bcubed_f1"], f1


def test_event_fields_quality(world) -> None:  # type: ignore[no-untyped-def]
    incidents = EXPECTED["incidents"]
    hits = Counter()
    for inc in incidents:
        e = _main_event(inc, world)
        if e is None:
            continue
        hits["date"] += e.date is not None and e.date.isoformat() == inc["date"]
        hits["type"] += e.sub_event_type == inc["sub_event_type"]
        if e.place is not None:
            hits["place"] += (
                distance_km(e.place.latitude, e.place.longitude, inc["latitude"], inc["longitude"]) <= 25
            )
    n = len(incidents)
    assert hits["date"] / n >= FLOORS["date_exact"], hits
    assert hits["place"] / n >= FLOORS["place_25km"], hits
    assert hits["type"] / n >= FLOORS["sub_event_type"], hits


def test_unrelated_articles_report_no_incident(world) -> None:  # type: ignore[no-untyped-def]
    by_key, _ = world
    for k, v in EXPECTED["articles"].items():
        if v is None:
            assert not by_key[k].events, (k, [m.sub_event_type for m in by_key[k].events])


def test_wire_copy_detected(world) -> None:  # type: ignore[no-untyped-def]
    by_key, _ = world
    for pair in EXPECTED["wire_copies"]:
        a, b = (by_key[k] for k in pair["articles"])
        assert a.duplicate_of == b.id or b.duplicate_of == a.id


def test_deliberate_count_disagreements_found(world) -> None:  # type: ignore[no-untyped-def]
    found = total = 0
    for inc in EXPECTED["incidents"]:
        e = _main_event(inc, world)
        for d in inc["disagreements"]:
            if d["field"] not in ("killed", "injured"):
                continue
            flagged = e is not None and any(c.field == d["field"] for c in e.contradictions)
            if d["contradiction"]:
                total += 1
                found += flagged
    assert found / total >= FLOORS["count_contradictions_found"], (found, total)


# expected.json names who-did-it disagreements "actor"; sitrep reports them as blame
_FIELD_ALIASES = {"actor": ("blame", "perpetrator")}


def test_every_deliberate_disagreement_found_and_nothing_else_flagged(world) -> None:  # type: ignore[no-untyped-def]
    found = total = 0
    false_flags: list[tuple[str, str]] = []
    for inc in EXPECTED["incidents"]:
        e = _main_event(inc, world)
        flagged = {c.field for c in e.contradictions} if e is not None else set()
        deliberate: set[str] = set()
        for d in inc["disagreements"]:
            if d["contradiction"]:
                names = set(_FIELD_ALIASES.get(d["field"], (d["field"],)))
                deliberate |= names
                total += 1
                found += bool(flagged & names)
        false_flags += [(inc["key"], f) for f in sorted(flagged - deliberate)]
    assert found / total >= FLOORS["disagreements_found"], (found, total)
    assert len(false_flags) <= FLOORS["false_contradiction_flags_max"], false_flags


def test_wire_copies_count_as_one_independent_source(world) -> None:  # type: ignore[no-untyped-def]
    by_key, primary = world
    for pair in EXPECTED["wire_copies"]:
        a, b = (by_key[k] for k in pair["articles"])
        e = primary[a.id]
        keys = {c.independent_key for c in e.claims if c.article_id in (a.id, b.id) and c.field == "killed"}
        assert len(keys) == 1, keys
        both = [g for g in e.agreement if g.field == "killed" and {a.outlet, b.outlet} <= set(g.sources)]
        assert both and all(g.independent_sources < len(g.sources) for g in both)
