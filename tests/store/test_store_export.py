"""Exports: JSON Lines, CSV and GeoJSON of events and articles, in the fixed schema."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from sitrep.model import Article
from sitrep.store import EXPORT_ARTICLE_FIELDS, EXPORT_EVENT_FIELDS, Store, export_articles, export_events
from sitrep.store.export import EXPORT_ARTICLE_PLACE_FIELDS


@pytest.fixture
def store(tmp_path: Path, make_article, make_event):
    with Store.open(str(tmp_path / "sitrep.db")) as opened:
        opened.add_articles(
            [
                make_article("a1"),
                make_article("a2", outlet="Daily Lantern", extra=" More."),
                Article(id="a3", text="A calm week at the harbour.", outlet="Harbour Gazette"),
            ]
        )
        opened.replace_events(
            [
                make_event("e1", article_ids=("a1", "a2")),
                make_event("e2", article_ids=("a2",), place=None, killed=(3, 3)),
            ]
        )
        yield opened


def _export(fn, store: Store, fmt: str) -> tuple[int, str]:
    out = io.StringIO()
    count = fn(store, fmt, out)
    return count, out.getvalue()


def test_events_jsonl(store: Store) -> None:
    count, text = _export(export_events, store, "jsonl")
    rows = [json.loads(line) for line in text.splitlines()]
    assert count == len(rows) == 2
    for row in rows:
        assert tuple(row) == EXPORT_EVENT_FIELDS
    e1 = next(r for r in rows if r["event_id"] == "e1")
    assert e1["date"] == "2024-03-03" and e1["date_precision"] == "day"
    assert (e1["place"], e1["country"], e1["admin1"]) == ("Port Emeric", "YE", "Coastal Province")
    assert (e1["latitude"], e1["longitude"], e1["geo_precision"]) == (12.625, 44.0625, "city")
    assert (e1["killed"], e1["killed_low"], e1["killed_high"]) == (None, 12, 14)
    assert (e1["injured"], e1["injured_low"], e1["injured_high"]) == (30, 30, 30)
    assert e1["actors"][0] == {"name": "Red Fang Brigade", "role": "perpetrator"}
    assert e1["article_ids"] == ["a1", "a2"] and e1["sources"] == ["Northwind Wire", "Daily Lantern"]
    claim = e1["claims"][0]
    assert set(claim) == {
        "field",
        "value",
        "source",
        "article_id",
        "start",
        "end",
        "text",
        "hedged",
        "origin",
        "independent_key",
    }
    article = store.get_article(claim["article_id"])
    assert article.text[claim["start"] : claim["end"]] == claim["text"] == "At least 12"
    assert e1["contradictions"][0]["values"][1] == {
        "value": "14",
        "sources": ["Daily Lantern", "Evening Post"],
    }
    assert e1["contradictions"][0]["resolution"] == "14"
    e2 = next(r for r in rows if r["event_id"] == "e2")
    assert e2["killed"] == 3 and e2["latitude"] is None and e2["geo_precision"] is None


def test_events_csv(store: Store) -> None:
    count, text = _export(export_events, store, "csv")
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == EXPORT_EVENT_FIELDS
    assert count == len(rows) == 2
    e1 = next(r for r in rows if r["event_id"] == "e1")
    assert e1["weapons"] == "car bomb; explosive" and e1["article_ids"] == "a1; a2"
    assert e1["killed"] == "" and e1["killed_low"] == "12"
    assert json.loads(e1["claims"])[0]["text"] == "At least 12"
    assert json.loads(e1["actors"])[1] == {"name": "Tomas Vell", "role": "source"}


def test_csv_header_is_written_even_without_rows(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "empty.db")) as empty:
        count, text = _export(export_events, empty, "csv")
        assert count == 0 and text.splitlines() == [",".join(EXPORT_EVENT_FIELDS)]
        count, text = _export(export_events, empty, "geojson")
        assert count == 0 and json.loads(text) == {"type": "FeatureCollection", "features": []}


def test_events_geojson(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("INFO", logger="sitrep.store.export"):
        count, text = _export(export_events, store, "geojson")
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    assert count == len(collection["features"]) == 1  # e2 has no coordinates
    assert "1 record(s) without coordinates" in caplog.text
    feature = collection["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [44.0625, 12.625]}  # [lon, lat]
    props = feature["properties"]
    assert tuple(props) == tuple(f for f in EXPORT_EVENT_FIELDS if f not in ("latitude", "longitude"))
    assert props["event_id"] == "e1"


def test_articles_jsonl(store: Store) -> None:
    count, text = _export(export_articles, store, "jsonl")
    rows = {r["article_id"]: r for r in map(json.loads, text.splitlines())}
    assert count == 3 and set(rows) == {"a1", "a2", "a3"}
    for row in rows.values():
        assert tuple(row) == EXPORT_ARTICLE_FIELDS
    assert rows["a1"]["event_ids"] == ["e1"] and rows["a2"]["event_ids"] == ["e1", "e2"]
    assert rows["a3"]["event_ids"] == [] and rows["a3"]["places"] == []
    assert rows["a1"]["published"] == "2024-03-04"
    resolved, unresolved = rows["a1"]["places"]
    assert resolved == {
        "name": "Port Emeric",
        "start": resolved["start"],
        "end": resolved["start"] + len("Port Emeric"),
        "latitude": 12.625,
        "longitude": 44.0625,
        "country": "YE",
    }
    assert unresolved["latitude"] is None and unresolved["country"] is None


def test_articles_csv_and_geojson(store: Store) -> None:
    count, text = _export(export_articles, store, "csv")
    reader = csv.DictReader(io.StringIO(text))
    rows = {r["article_id"]: r for r in reader}
    assert tuple(reader.fieldnames or ()) == EXPORT_ARTICLE_FIELDS and count == 3
    assert rows["a2"]["event_ids"] == "e1; e2" and rows["a1"]["origins"] == "Northwind Wire; Local Police"
    assert json.loads(rows["a1"]["places"])[0]["name"] == "Port Emeric"

    count, text = _export(export_articles, store, "geojson")
    features = json.loads(text)["features"]
    assert count == len(features) == 2  # one resolved place in each of a1 and a2
    assert {f["properties"]["article_id"] for f in features} == {"a1", "a2"}
    assert features[0]["geometry"]["coordinates"] == [44.0625, 12.625]
    assert tuple(features[0]["properties"]) == EXPORT_ARTICLE_PLACE_FIELDS


def test_unknown_format(store: Store) -> None:
    out = io.StringIO()
    with pytest.raises(ValueError, match="jsonl, csv, geojson"):
        export_events(store, "xlsx", out)
    assert out.getvalue() == ""


def test_every_export_field_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Export schema", 1)[1].split("\n## ", 1)[0]
    missing = [f for f in (*EXPORT_EVENT_FIELDS, *EXPORT_ARTICLE_FIELDS) if f"`{f}`" not in section]
    assert missing == []
