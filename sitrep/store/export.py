"""Export events and articles as JSON Lines, CSV or GeoJSON, in a fixed schema other tools read.

The columns, and their order, are :data:`EXPORT_EVENT_FIELDS` and
:data:`EXPORT_ARTICLE_FIELDS`:

* ``jsonl``: one JSON object per line, keys in that order; dates are
  ``YYYY-MM-DD``; missing values are ``null``.
* ``csv``: a header row, then one row per record; lists of strings are joined
  with ``"; "``; nested lists (``actors``, ``claims``, ``contradictions``, ``agreement``,
  ``places``) are JSON strings; missing values are empty cells. Open files
  for it with ``newline=""``.
* ``geojson``: a ``FeatureCollection`` of ``Point`` features (coordinates in
  ``[longitude, latitude]`` order); ``properties`` hold the JSON Lines object
  without ``latitude`` and ``longitude``. Events without coordinates are left
  out (and counted in the log). For articles, see :func:`export_articles`.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from sitrep.model import Article, Event
from sitrep.store.database import Store
from sitrep.store.serialize import to_dict

__all__ = [
    "EXPORT_ARTICLE_FIELDS",
    "EXPORT_ARTICLE_PLACE_FIELDS",
    "EXPORT_EVENT_FIELDS",
    "EXPORT_FORMATS",
    "article_record",
    "event_record",
    "export_articles",
    "export_events",
]

logger = logging.getLogger(__name__)

EXPORT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson")

#: The columns of an event export, in order.
EXPORT_EVENT_FIELDS: tuple[str, ...] = (
    "event_id", "event_type", "sub_event_type", "date", "date_precision",
    "place", "country", "admin1", "latitude", "longitude", "geo_precision",
    "killed", "killed_low", "killed_high", "injured", "injured_low", "injured_high",
    "weapons", "actors", "article_ids", "sources", "claims", "contradictions", "agreement",
    "related_event_ids", "merge_reasons", "history", "framing",
)  # fmt: skip

#: The columns of an article export, in order.
EXPORT_ARTICLE_FIELDS: tuple[str, ...] = (
    "article_id", "url", "outlet", "title", "published", "event_ids", "places",
    "duplicate_of", "origins", "framing",
)  # fmt: skip

#: The properties of an article GeoJSON feature (one per resolved place mention), in order.
EXPORT_ARTICLE_PLACE_FIELDS: tuple[str, ...] = (
    "article_id", "url", "outlet", "title", "published", "event_ids", "duplicate_of", "origins",
    "place", "start", "end", "country",
)  # fmt: skip

#: Columns written as JSON strings in CSV (the other list columns are joined with "; ").
_CSV_JSON_FIELDS = frozenset(
    {"actors", "claims", "contradictions", "agreement", "places", "history", "framing"}
)


def event_record(event: Event) -> dict[str, Any]:
    """The export object of one event: the keys of :data:`EXPORT_EVENT_FIELDS`, in order."""
    place = event.place
    record = {
        "event_id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": _value(event.date_precision),
        "place": event.place_name or (place.name if place else None),
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.precision.value if place else None,
        "killed": event.killed,
        "killed_low": event.killed_low,
        "killed_high": event.killed_high,
        "injured": event.injured,
        "injured_low": event.injured_low,
        "injured_high": event.injured_high,
        "weapons": list(event.weapons),
        "actors": [{"name": name, "role": _value(role)} for name, role in event.actors],
        "article_ids": list(event.article_ids),
        "sources": list(event.sources),
        "claims": [
            {
                "field": c.field,
                "value": c.value,
                "source": c.source,
                "article_id": c.article_id,
                "start": c.span.start,
                "end": c.span.end,
                "text": c.span.text,
                "hedged": c.hedged,
                "origin": c.origin,
                "independent_key": c.independent_key,
            }
            for c in event.claims
        ],
        "contradictions": [
            {
                "field": c.field,
                "values": [{"value": v.value, "sources": list(v.sources)} for v in c.values],
                "resolution": c.resolution,
                "reason": c.reason,
            }
            for c in event.contradictions
        ],
        "agreement": [to_dict(a) for a in event.agreement],
        "related_event_ids": list(event.related_event_ids),
        "merge_reasons": list(event.merge_reasons),
        "history": [
            {
                "field": c.field,
                "old": c.old,
                "new": c.new,
                "at": c.at.isoformat(),
                "article_ids": list(c.article_ids),
                "reason": c.reason,
            }
            for c in event.history
        ],
        "framing": [to_dict(f) for f in event.framing],
    }
    return {name: record[name] for name in EXPORT_EVENT_FIELDS}


def article_record(article: Article, event_ids: Iterable[str] = ()) -> dict[str, Any]:
    """The export object of one article: the keys of :data:`EXPORT_ARTICLE_FIELDS`, in order.

    ``event_ids`` are the events the article reports (see :meth:`Store.article_event_ids`).
    Unresolved place mentions have null coordinates and country.
    """
    record = {
        "article_id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "event_ids": list(event_ids),
        "places": [
            {
                "name": m.name,
                "start": m.span.start,
                "end": m.span.end,
                "latitude": m.place.latitude if m.place else None,
                "longitude": m.place.longitude if m.place else None,
                "country": m.place.country if m.place else None,
            }
            for m in article.places
        ],
        "duplicate_of": article.duplicate_of,
        "origins": list(article.origins),
        "framing": [
            {
                "text": t.span.text,
                "start": t.span.start,
                "end": t.span.end,
                "category": t.category,
                "neutral": t.neutral,
                "score": t.score,
            }
            for t in article.framing
        ],
    }
    return {name: record[name] for name in EXPORT_ARTICLE_FIELDS}


def export_events(store: Store, fmt: str, out: TextIO) -> int:
    """Write every stored event to ``out`` as ``jsonl``, ``csv`` or ``geojson``.

    Returns the number of records written (for GeoJSON: features, i.e. events with coordinates).

    Raises:
        ValueError: when ``fmt`` is not one of :data:`EXPORT_FORMATS`.
    """
    _check_format(fmt)
    records = (event_record(ev) for ev in store.events())
    if fmt == "geojson":
        features = _point_features(records, id_field="event_id")
        return _write_feature_collection(features, out, what="events")
    return _write_records(records, EXPORT_EVENT_FIELDS, fmt, out)


def export_articles(store: Store, fmt: str, out: TextIO) -> int:
    """Write every stored article to ``out`` as ``jsonl``, ``csv`` or ``geojson``.

    ``jsonl`` and ``csv`` have one record per article (all of them, including
    duplicates and articles that report no event). An article has no single
    location, so ``geojson`` has one ``Point`` feature per *resolved place
    mention* instead, with the properties :data:`EXPORT_ARTICLE_PLACE_FIELDS`:
    the article's fields (without ``places``) plus the mention's ``place``
    (its name as written), ``start``/``end`` offsets and ``country``; articles
    with no resolved place have no feature.

    Returns the number of records (GeoJSON: features) written.

    Raises:
        ValueError: when ``fmt`` is not one of :data:`EXPORT_FORMATS`.
    """
    _check_format(fmt)
    event_ids = store.article_event_ids()
    records = (article_record(a, event_ids.get(a.id, ())) for a in store.iter_articles())
    if fmt == "geojson":
        return _write_feature_collection(_article_place_features(records), out, what="article places")
    return _write_records(records, EXPORT_ARTICLE_FIELDS, fmt, out)


def _check_format(fmt: str) -> None:
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def _value(member: Any) -> Any:
    """An enum member's value (or the value itself)."""
    return getattr(member, "value", member)


def _write_records(records: Iterable[dict[str, Any]], fields: tuple[str, ...], fmt: str, out: TextIO) -> int:
    count = 0
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([_csv_cell(name, record[name]) for name in fields])
        count += 1
    return count


def _csv_cell(name: str, value: Any) -> Any:
    if value is None:
        return ""
    if name in _CSV_JSON_FIELDS:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _point_features(records: Iterable[dict[str, Any]], *, id_field: str) -> Iterator[dict[str, Any]]:
    skipped = 0
    for record in records:
        lat, lon = record.get("latitude"), record.get("longitude")
        if lat is None or lon is None:
            skipped += 1
            continue
        properties = {k: v for k, v in record.items() if k not in ("latitude", "longitude")}
        yield _feature(record[id_field], lon, lat, properties)
    if skipped:
        logger.info("left %d record(s) without coordinates out of the GeoJSON export", skipped)


def _article_place_features(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for record in records:
        base = {k: v for k, v in record.items() if k not in ("places", "framing")}
        for place in record["places"]:
            if place["latitude"] is None or place["longitude"] is None:
                continue
            properties = {
                **base,
                "place": place["name"],
                "start": place["start"],
                "end": place["end"],
                "country": place["country"],
            }
            feature_id = f"{record['article_id']}@{place['start']}"
            yield _feature(feature_id, place["longitude"], place["latitude"], properties)


def _feature(feature_id: str, lon: float, lat: float, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": feature_id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def _write_feature_collection(features: Iterable[dict[str, Any]], out: TextIO, *, what: str) -> int:
    """Stream a FeatureCollection, one feature per line."""
    count = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for feature in features:
        out.write(("\n" if count == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    logger.info("exported %d %s as GeoJSON features", count, what)
    return count
