"""A version-1 database (written before incremental resolution) opens, upgrades to v2 and keeps everything."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sitrep.model import Article, Event
from sitrep.store import Store
from sitrep.store.bands import band_keys
from sitrep.store.rows import article_row, event_row, original_mention
from sitrep.store.schema import SCHEMA_VERSION
from sitrep.store.serialize import to_json_value

# The version-1 tables, as sitrep 0.1 created them (SQLite dialect).
V1_DDL = """
CREATE TABLE articles (id VARCHAR PRIMARY KEY, url TEXT, outlet VARCHAR, title TEXT, published DATE,
  source_path TEXT, content_hash VARCHAR, duplicate_of VARCHAR, text TEXT, clean_text TEXT, origins JSON,
  extraction JSON, ingested_at DATETIME);
CREATE TABLE events (id VARCHAR PRIMARY KEY, event_type VARCHAR, sub_event_type VARCHAR, date DATE,
  date_precision VARCHAR, place_name VARCHAR, country VARCHAR, admin1 VARCHAR, latitude FLOAT,
  longitude FLOAT, geo_precision VARCHAR, killed_low INTEGER, killed_high INTEGER, injured_low INTEGER,
  injured_high INTEGER, payload JSON, updated_at DATETIME);
CREATE TABLE event_articles (event_id VARCHAR REFERENCES events(id) ON DELETE CASCADE,
  article_id VARCHAR, PRIMARY KEY (event_id, article_id));
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value TEXT);
INSERT INTO meta VALUES ('schema_version', '1');
"""


_JSON = ("origins", "extraction")


def _insert(conn: sqlite3.Connection, table: str, row: dict) -> None:
    marks = ", ".join("?" * len(row))
    conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})", list(row.values()))


def _v1_database(path: Path, articles: list[Article], events: list[Event]) -> None:
    import json

    conn = sqlite3.connect(path)
    conn.executescript(V1_DDL)
    for a in articles:
        row = article_row(a, dt.datetime(2024, 3, 5, tzinfo=dt.UTC))
        row = {
            k: json.dumps(to_json_value(v)) if k in ("origins", "extraction") else v for k, v in row.items()
        }
        row["published"] = a.published.isoformat() if a.published else None
        row["ingested_at"] = "2024-03-05 00:00:00.000000"
        conn.execute(
            f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
    for e in events:
        row = event_row(e)
        row["payload"] = json.dumps(row["payload"])
        row["date"] = e.date.isoformat() if e.date else None
        row["updated_at"] = "2024-03-05 00:00:00.000000"
        conn.execute(
            f"INSERT INTO events ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
        for a in e.article_ids:
            conn.execute("INSERT INTO event_articles VALUES (?, ?)", (e.id, a))
    conn.commit()
    conn.close()


def test_v1_database_upgrades_without_losing_anything(
    tmp_path: Path, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    path = tmp_path / "old.db"
    articles = [make_article("a1"), make_article("a2", outlet="Daily Lantern", extra=" More later.")]
    event = make_event("ev-old0000001", article_ids=("a1",))
    _v1_database(path, articles, [event])
    with Store.open(str(path)) as store:
        assert store.schema_version() == SCHEMA_VERSION == 2
        assert store.articles() == articles
        assert store.events() == [event]
        assert store.event_mentions(["ev-old0000001"]) == {
            "ev-old0000001": [original_mention(articles[0].events[0])]
        }
        assert store.mention_assignments() == {"a1#0": "ev-old0000001"}
        assert set(store.event_created(["ev-old0000001"])) == {"ev-old0000001"}
        # the wire-copy index now knows the old articles: a copy of a1 finds it
        keys = band_keys([make_article("copy")])["copy"]
        assert {"a1", "a2"} <= store.articles_sharing_bands(keys)
    with Store.open(str(path)) as again:  # opening an upgraded database is a no-op
        assert again.schema_version() == 2 and again.events() == [event]


def test_upgraded_database_takes_new_reports_incrementally(
    tmp_path: Path, make_article: Callable[..., Article], make_event: Callable[..., Event]
) -> None:
    from sitrep.pipeline import Pipeline, ingest_articles

    path = tmp_path / "old.db"
    _v1_database(path, [make_article("a1")], [make_event("ev-old0000001", article_ids=("a1",))])
    with Store.open(str(path)) as store:
        later = make_article("a9", outlet="Daily Lantern", extra=" Two more victims died in hospital.")
        report = ingest_articles([later], store, Pipeline(stages=[]))
        assert report.added == ["a9"]
        event = store.get_event("ev-old0000001")
        assert set(event.article_ids) == {"a1", "a9"}
        assert store.get_article("a9").duplicate_of == "a1"  # a lightly edited copy of the stored article
        assert event.history[-1].article_ids == ("a9",) and event.history[-1].field == "sources"
