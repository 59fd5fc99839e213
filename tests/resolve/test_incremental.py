"""Incremental resolution: batches give the same events as one run, ids are stable, history is kept."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.model import Event
from sitrep.pipeline import Pipeline, ingest_paths, rebuild
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(str(p) for p in (ROOT / "examples" / "corpus").iterdir())
SNAPSHOTS: list[dict[str, str]] = []  # mention id → event id after each of the three batches


def _groups(events: list[Event]) -> set[frozenset[str]]:
    return {frozenset(m.id for m in e.mentions) for e in events}


def _by_mentions(events: list[Event]) -> dict[frozenset[str], Event]:
    return {frozenset(m.id for m in e.mentions): e for e in events}


@pytest.fixture(scope="module")
def one_batch(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[Store]:
    store = Store.open(str(tmp_path_factory.mktemp("one") / "one.db"))
    ingest_paths(FILES, store, pipeline)
    yield store
    store.close()


@pytest.fixture(scope="module")
def three_batches(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[Store]:
    store = Store.open(str(tmp_path_factory.mktemp("three") / "three.db"))
    for k in range(3):
        ingest_paths(FILES[k::3], store, pipeline)
        SNAPSHOTS.append({m.id: e.id for e in store.events() for m in e.mentions})
    yield store
    store.close()


def test_three_batches_cluster_like_one_batch(one_batch: Store, three_batches: Store) -> None:
    one, three = one_batch.events(), three_batches.events()
    assert len(one) > 10
    assert _groups(one) == _groups(three)


def test_three_batches_resolve_the_same_fields_and_links(one_batch: Store, three_batches: Store) -> None:
    one, three = _by_mentions(one_batch.events()), _by_mentions(three_batches.events())
    name_one = {e.id: k for k, e in one.items()}
    name_three = {e.id: k for k, e in three.items()}
    for key, a in one.items():
        b = three[key]
        assert (a.date, a.place, a.killed_low, a.killed_high, a.sources) == (
            b.date,
            b.place,
            b.killed_low,
            b.killed_high,
            b.sources,
        )
        assert {name_one[i] for i in a.related_event_ids} == {name_three[i] for i in b.related_event_ids}
        assert [c.field for c in a.contradictions] == [c.field for c in b.contradictions]


def test_later_reports_are_logged_in_the_history(three_batches: Store) -> None:
    grown = [e for e in three_batches.events() if len({a for c in e.history for a in c.article_ids}) > 1]
    assert grown, "some event gained reports in a later batch"
    for e in grown:
        assert e.history[0].field == "event" and e.history[0].new == "created"
        later = e.history[1:]
        assert later and all(c.reason == "new reports" and c.article_ids for c in later)
        assert all(set(c.article_ids) <= set(e.article_ids) for c in e.history)
        sources = [c for c in later if c.field == "sources"]
        if sources:
            assert sources[-1].new is not None and sources[-1].new.startswith(f"{len(e.sources)}:")
    assert three_batches.event_history(grown[0].id) == grown[0].history


def test_event_ids_do_not_change_when_reports_join(three_batches: Store) -> None:
    assert len(SNAPSHOTS) == 3
    for earlier, later in itertools.pairwise(SNAPSHOTS):
        assert len(later) > len(earlier)
        assert all(later[m] == e for m, e in earlier.items())


def test_reingest_touches_nothing(three_batches: Store, pipeline: Pipeline) -> None:
    before = {e.id: e for e in three_batches.events()}
    report = ingest_paths(FILES, three_batches, pipeline)
    assert report.added == [] and report.resolution.updated == [] and report.resolution.created == []
    assert {e.id: e for e in three_batches.events()} == before


def test_rebuild_keeps_ids_and_changes_nothing(three_batches: Store, pipeline: Pipeline) -> None:
    before = {e.id: e for e in three_batches.events()}
    result = rebuild(three_batches, pipeline)
    after = {e.id: e for e in three_batches.events()}
    assert result.created == [] and result.deleted == []
    assert set(after) == set(before)
    for event_id, e in after.items():
        assert _groups([e]) == _groups([before[event_id]])
        assert e.history == before[event_id].history


def test_wire_copies_are_found_across_batches(one_batch: Store, three_batches: Store) -> None:
    def pairs(store: Store) -> set[frozenset[str]]:
        return {frozenset((a.id, a.duplicate_of)) for a in store.articles() if a.duplicate_of}

    expected = pairs(one_batch)
    assert expected, "the example corpus has wire copies"
    assert pairs(three_batches) == expected
