"""User decisions: merge and split apply at once, persist, and survive later ingests and full rebuilds."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.errors import NotFoundError, SitrepError
from sitrep.model import Event
from sitrep.pipeline import Pipeline, ingest_paths, rebuild
from sitrep.resolve.edits import merge_events, split_event
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(str(p) for p in (ROOT / "examples" / "corpus").iterdir())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """A database of the example corpus ingested in two batches (copied by each test)."""
    path = tmp_path_factory.mktemp("decisions") / "base.db"
    with Store.open(str(path)) as store:
        ingest_paths(FILES[::2], store, pipeline)
        ingest_paths(FILES[1::2], store, pipeline)
    return path


@pytest.fixture
def store(built: Path, tmp_path: Path) -> Iterator[Store]:
    shutil.copy(built, tmp_path / "copy.db")
    with Store.open(str(tmp_path / "copy.db")) as opened:
        yield opened


def _holding(store: Store, article_id: str) -> set[str]:
    return {e.id for e in store.events() if article_id in {m.article_id for m in e.mentions}}


def _multi(store: Store) -> Event:
    return next(e for e in store.events() if len({m.article_id for m in e.mentions}) >= 3)


def test_merge_keeps_the_older_id_and_survives_rebuild(store: Store, pipeline: Pipeline) -> None:
    first = min(e.history[0].at for e in store.events())
    old = next(e for e in store.events() if e.history[0].at == first)
    newer = next(e for e in store.events() if e.history[0].at > first)
    merged = merge_events(store, newer.id, old.id)
    assert merged.id == old.id
    assert set(merged.article_ids) == set(old.article_ids) | set(newer.article_ids)
    assert store.get_event(newer.id).id == old.id  # the merged-away id still finds the event
    assert merged.history[-1].reason == f"user merged {newer.id} into {old.id}"
    assert any("merged into" in r for r in merged.merge_reasons)
    assert all(newer.id not in e.related_event_ids for e in store.events())  # no link to the old id
    members = {m.id for m in merged.mentions}
    rebuild(store, pipeline)
    after = store.get_event(old.id)
    assert {m.id for m in after.mentions} >= members
    assert store.get_event(newer.id).id == old.id


def test_split_article_never_rejoins(store: Store, pipeline: Pipeline) -> None:
    event = _multi(store)
    article = sorted(event.article_ids)[-1]
    alone = split_event(store, event.id, article)
    assert alone.article_ids == [article] and alone.id != event.id
    rest = store.get_event(event.id)
    assert article not in rest.article_ids and len(rest.article_ids) == len(event.article_ids) - 1
    assert rest.history[-1].reason.startswith(f"user split article {article}")
    rebuild(store, pipeline)  # a full rebuild keeps the decision
    assert article not in store.get_event(event.id).article_ids
    assert store.get_event(alone.id).article_ids == [article]


def test_split_then_merge_rejoins(store: Store, pipeline: Pipeline) -> None:
    event = _multi(store)
    article = sorted(event.article_ids)[0]
    alone = split_event(store, event.id, article)
    merge_events(store, event.id, alone.id)
    rebuild(store, pipeline)
    assert article in store.get_event(event.id).article_ids
    assert _holding(store, article) >= {event.id}


def test_bad_edits_say_why(store: Store) -> None:
    event = _multi(store)
    single = next(
        e for e in store.events() if len(e.article_ids) == 1 and e.article_ids[0] not in event.article_ids
    )
    with pytest.raises(SitrepError, match="same event"):
        merge_events(store, event.id, event.id)
    with pytest.raises(SitrepError, match="does not report"):
        split_event(store, event.id, single.article_ids[0])
    with pytest.raises(SitrepError, match="only report"):
        split_event(store, single.id, single.article_ids[0])
    with pytest.raises(NotFoundError):
        merge_events(store, event.id, "ev-nope")
    assert store.decisions() == []
