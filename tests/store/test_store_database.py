"""The Store on SQLite: articles, events, the single writer thread, errors."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import event, text

from sitrep.errors import NotFoundError, StoreError
from sitrep.model import Article
from sitrep.store import Store
from sitrep.store.rows import ARTICLE_COLUMNS
from sitrep.store.schema import EXTRACTION_FIELDS, SCHEMA_VERSION


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(str(tmp_path / "db" / "sitrep.db")) as opened:
        yield opened


def test_every_article_field_has_a_home() -> None:
    names = {f.name for f in dataclasses.fields(Article)}
    assert names == set(ARTICLE_COLUMNS) | set(EXTRACTION_FIELDS)


def test_article_round_trip(store: Store, make_article) -> None:
    article = make_article("a1")
    result = store.add_articles([article])
    assert result.added == ["a1"] and result.existing == []
    assert store.get_article("a1") == article
    assert store.articles() == [article]
    assert store.count_articles() == 1 and store.article_ids() == {"a1"}
    assert store.has_content_hash(article.content_hash)
    assert not store.has_content_hash("0" * 64) and not store.has_content_hash("")


def test_article_without_extraction_round_trips(store: Store) -> None:
    bare = Article(id="b", text="Two lines.\nNothing else.")
    store.add_articles([bare])
    assert store.get_article("b") == bare


def test_re_adding_the_same_id_changes_nothing(store: Store, make_article) -> None:
    original = make_article("a1")
    store.add_articles([original])
    changed = dataclasses.replace(make_article("a1", extra=" Updated."), title="Another title", places=[])
    result = store.add_articles([changed])
    assert result.added == [] and result.existing == ["a1"] and result.existing_as == {"a1": "a1"}
    assert store.get_article("a1") == original


def test_same_content_under_another_id_is_a_no_op(store: Store, make_article) -> None:
    store.add_articles([make_article("a1")])
    copy = make_article("copy-of-a1", outlet="Daily Lantern")
    fresh = make_article("a2", extra=" A second report.")
    result = store.add_articles([copy, fresh])
    assert result.added == ["a2"]
    assert result.existing == ["copy-of-a1"] and result.existing_as == {"copy-of-a1": "a1"}
    assert store.article_ids() == {"a1", "a2"}
    assert store.get_article("a1").outlet == "Northwind Wire"


def test_duplicates_inside_one_batch(store: Store, make_article) -> None:
    result = store.add_articles([make_article("a1"), make_article("a1"), make_article("twin")])
    assert result.added == ["a1"]
    assert result.existing_as == {"a1": "a1", "twin": "a1"}
    assert store.count_articles() == 1


def test_update_articles_replaces_extraction(store: Store, make_article) -> None:
    store.add_articles([make_article("a1", extracted=False)])
    extracted = dataclasses.replace(make_article("a1"), duplicate_of="a0", origins=["Coastal Radio"])
    assert store.update_articles([extracted]) == 1
    assert store.get_article("a1") == extracted


def test_update_of_unknown_article_fails_and_changes_nothing(store: Store, make_article) -> None:
    store.add_articles([make_article("a1", extracted=False)])
    with pytest.raises(NotFoundError, match="not stored: ghost"):
        store.update_articles([make_article("a1"), make_article("ghost")])
    assert store.get_article("a1").events == []


def test_articles_by_ids_keeps_order_and_skips_missing(store: Store, make_article) -> None:
    store.add_articles([make_article(f"a{i}", extra=f" {i}") for i in range(5)])
    assert [a.id for a in store.articles(["a3", "nope", "a0", "a3"])] == ["a3", "a0"]
    assert [a.id for a in store.iter_articles(batch_size=2)] == [f"a{i}" for i in range(5)]
    with pytest.raises(NotFoundError, match="no article"):
        store.get_article("nope")


def test_replace_events_deletes_stale_events(store: Store, make_event) -> None:
    store.replace_events([make_event("e1", article_ids=("a1",)), make_event("e2", article_ids=("a1", "a2"))])
    assert store.count_events() == 2
    assert store.events_for_article("a1") == ["e1", "e2"]
    changed = make_event("e2", article_ids=("a2", "a3"))
    store.replace_events([changed, make_event("e3", article_ids=("a3",))])
    assert sorted(e.id for e in store.events()) == ["e2", "e3"]
    assert store.get_event("e2") == changed
    assert store.events_for_article("a1") == []
    assert store.article_event_ids() == {"a2": ["e2"], "a3": ["e2", "e3"]}
    with pytest.raises(NotFoundError):
        store.get_event("e1")
    store.replace_events([])
    assert store.events() == [] and store.article_event_ids() == {}


def test_unchanged_events_keep_their_timestamp(store: Store, make_event) -> None:
    def stamps() -> dict[str, object]:
        with store.engine.connect() as conn:
            return {r[0]: r[1] for r in conn.execute(text("SELECT id, updated_at FROM events"))}

    store.replace_events([make_event("e1"), make_event("e2")])
    before = stamps()
    store.replace_events([make_event("e1"), make_event("e2", killed=(20, 20))])
    after = stamps()
    assert after["e1"] == before["e1"] and after["e2"] != before["e2"]
    assert store.get_event("e2").killed == 20


def test_duplicate_event_ids_are_refused(store: Store, make_event) -> None:
    with pytest.raises(StoreError, match="share the id"):
        store.replace_events([make_event("e1"), make_event("e1")])


def test_events_order_latest_first_undated_last(store: Store, make_event) -> None:
    import datetime as dt

    store.replace_events(
        [
            make_event("b-undated", date=None),
            make_event("a-old", date=dt.date(2023, 1, 1)),
            make_event("c-new", date=dt.date(2024, 5, 1)),
            make_event("a-new", date=dt.date(2024, 5, 1)),
        ]
    )
    assert [e.id for e in store.events()] == ["a-new", "c-new", "a-old", "b-undated"]
    assert store.event_ids() == ["a-new", "c-new", "a-old", "b-undated"]


def test_get_event_by_prefix(store: Store, make_event) -> None:
    store.replace_events([make_event("3f2a91"), make_event("3f2b07"), make_event("3f"), make_event("x_1")])
    assert store.get_event("3f2a").id == "3f2a91"
    assert store.get_event("3f").id == "3f"  # an exact id wins over longer ids it prefixes
    with pytest.raises(NotFoundError, match="matches several events"):
        store.get_event("3f2")
    with pytest.raises(NotFoundError) as missing:
        store.get_event("zz")
    assert missing.value.hint is not None and "sitrep events" in missing.value.hint
    with pytest.raises(NotFoundError):
        store.get_event("x%")  # LIKE wildcards are matched literally
    with pytest.raises(NotFoundError):
        store.get_event("")


def test_writes_from_many_threads_are_all_committed(store: Store, make_article) -> None:
    errors: list[BaseException] = []
    writing_threads: set[str] = set()

    @event.listens_for(store.engine, "before_cursor_execute")
    def spy(conn, cursor, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            writing_threads.add(threading.current_thread().name)

    def writer(n: int) -> None:
        try:
            for i in range(15):
                store.add_articles([make_article(f"t{n}-{i}", extra=f" {n}/{i}")])
                store.count_articles()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.count_articles() == 8 * 15
    assert writing_threads == {"sitrep-store-writer"}


def test_sqlite_settings(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert store.schema_version() == SCHEMA_VERSION


def test_close_stops_the_writer_thread(tmp_path: Path, make_article) -> None:
    before = {t.ident for t in threading.enumerate() if t.name == "sitrep-store-writer"}
    with Store.open(tmp_path / "x.db") as store:
        store.add_articles([make_article()])
    assert {t.ident for t in threading.enumerate() if t.name == "sitrep-store-writer"} <= before
    with pytest.raises(StoreError, match="closed"):
        store.count_articles()
    store.close()  # idempotent
    with Store.open(f"sqlite:///{tmp_path / 'x.db'}") as again:  # URLs work too; data persisted
        assert again.article_ids() == {"a1"}


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list: nets, rope, bread\n" * 20)
    with pytest.raises(StoreError, match="is not a sitrep database") as error:
        Store.open(str(path))
    assert error.value.hint
    with pytest.raises(StoreError, match="folder"):
        Store.open(str(tmp_path))


def test_an_sqlite_database_of_another_program(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    with pytest.raises(StoreError, match="is not a sitrep database"):
        Store.open(str(path))
    with sqlite3.connect(path) as conn:  # left as it was: not switched to WAL, no tables added
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall() == [
            ("recipes",)
        ]
    conn.close()


def test_a_database_from_a_newer_sitrep(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store.open(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.close()
    with pytest.raises(StoreError, match="newer sitrep") as error:
        Store.open(str(path))
    assert error.value.hint is not None and "upgrade" in error.value.hint


@pytest.mark.parametrize("location", [":memory:", "sqlite://", "sqlite:///:memory:", "nosuchdb://x"])
def test_unusable_locations(location: str) -> None:
    with pytest.raises(StoreError):
        Store.open(location)
