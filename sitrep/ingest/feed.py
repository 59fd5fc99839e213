"""RSS/Atom feeds: one article per entry.

Each entry's longest ``content`` block (else its ``summary``) becomes the text,
converted from HTML the same way as HTML pages. The feed title is the outlet.
Entry ids are not used as article ids: feed GUIDs are only unique within their
feed, so articles get the usual stable content-hash id.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from sitrep.ingest.common import (
    DEFAULT_MAX_CHARS,
    Skipped,
    looks_binary,
    make_article,
    normalise_newlines,
    parse_date_value,
    read_or_skip,
    skip,
)
from sitrep.ingest.htmldoc import fragment_to_text
from sitrep.model import Article

__all__ = ["read_feed_file"]

log = logging.getLogger("sitrep.ingest")

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def _body(entry: Any) -> tuple[str, bool]:
    """The entry's text source and whether it is HTML."""
    blocks = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if blocks:
        best = max(blocks, key=lambda c: len(c.get("value") or ""))
        return best["value"], (best.get("type") or "text/html") in _HTML_TYPES
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return summary, (detail.get("type") or "text/html") in _HTML_TYPES


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    for key in ("published", "updated", "created"):
        if entry.get(key) and (d := parse_date_value(entry.get(key))):
            return d
    return None


def _plain(value: str | None) -> str | None:
    if not value:
        return None
    if "<" in value:
        return fragment_to_text(value)
    return value


def read_feed_file(path: Path | str, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | Skipped]:
    """Read an RSS/Atom feed (``.xml``/``.rss``/``.atom``): one Article per entry.

    A feed with no entries is one Skipped; an entry with no text is a Skipped too
    while the other entries are read. Malformed feeds (feedparser's ``bozo``) are
    read for whatever entries feedparser recovers.
    """
    path = Path(path)
    data = read_or_skip(path)
    if isinstance(data, Skipped):
        yield data
        return
    yield from read_feed_bytes(path, data, max_chars=max_chars)


def read_feed_bytes(
    path: Path, data: bytes, *, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Article | Skipped]:
    """Like :func:`read_feed_file`, on bytes already read from ``path``."""
    if looks_binary(data):
        yield skip(path, "binary file (contains NUL bytes)")
        return
    if not data.strip():
        yield skip(path, "empty file (no feed)")
        return
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = "feed has no entries"
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            reason += (
                f" (not a well-formed RSS/Atom feed: {str(exc).splitlines()[0] if exc else 'unknown error'})"
            )
        yield skip(path, reason)
        return
    if parsed.get("bozo"):
        log.info(
            "%s: malformed feed (%s); reading the %d entries recovered",
            path,
            parsed.get("bozo_exception"),
            len(entries),
        )
    outlet = _plain((parsed.get("feed") or {}).get("title"))
    for n, entry in enumerate(entries, 1):
        title = _plain(entry.get("title"))
        body, is_html = _body(entry)
        text = fragment_to_text(body) if is_html and body.strip() else normalise_newlines(body).strip()
        where = f"{path} entry {n}" + (f" ({title!r})" if title else "")
        if not text or not text.strip():
            yield skip(path, f"feed entry has no text (entry {n}" + (f": {title!r})" if title else ")"))
            continue
        yield make_article(
            text,
            source_path=str(path),
            max_chars=max_chars,
            title=title,
            outlet=outlet,
            url=entry.get("link"),
            published=_entry_date(entry),
            where=where,
        )
