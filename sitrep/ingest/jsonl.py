"""JSON Lines: one article per line.

Fields: ``id``, ``url``, ``outlet``, ``title``, ``published`` (ISO date or
datetime; ``date`` is accepted as an alias) and the body as ``text`` or
``html``. With ``html`` the text is extracted as for HTML pages and missing
metadata is taken from the page's meta tags. Blank lines are ignored; a bad
line becomes a Skipped carrying its 1-based line number and the rest of the
file is read. The file is streamed, so it may be arbitrarily long.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.ingest.common import (
    DEFAULT_MAX_CHARS,
    DecodeError,
    Skipped,
    decode_bytes,
    make_article,
    normalise_newlines,
    parse_date_value,
    skip,
)
from sitrep.ingest.htmldoc import html_metadata, html_to_text
from sitrep.model import Article

__all__ = ["read_jsonl_file"]

log = logging.getLogger("sitrep.ingest")


def read_jsonl_file(path: Path | str, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | Skipped]:
    """Read a ``.jsonl``/``.ndjson`` file: one Article (or Skipped, with its line) per non-blank line."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield skip(path, f"cannot read file ({exc.strerror or exc})")
        return
    with handle:
        if b"\x00" in handle.read(8192):
            yield skip(path, "binary file (contains NUL bytes)")
            return
        handle.seek(0)
        records = 0
        for n, raw in enumerate(handle, 1):
            if n == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            records += 1
            yield _record(path, n, raw, max_chars)
        if records == 0:
            yield skip(path, "empty file (no JSON lines)")


def _record(path: Path, n: int, raw: bytes, max_chars: int) -> Article | Skipped:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            line, encoding = decode_bytes(raw)
        except DecodeError as exc:
            return skip(path, str(exc), n)
        log.warning("%s:%d: not UTF-8; decoded as %s", path, n, encoding)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return skip(path, f"not valid JSON ({exc.msg} at column {exc.colno})", n)
    if not isinstance(obj, dict):
        return skip(path, f"not a JSON object (got {type(obj).__name__})", n)

    ident = obj.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, str | int)):
        return skip(path, f"invalid 'id' (must be a string or a number, got {type(ident).__name__})", n)
    ident = str(ident).strip() if ident is not None else None

    meta = {key: _string(obj, key, path, n) for key in ("url", "outlet", "title")}
    raw_date = obj.get("published", obj.get("date"))
    published = parse_date_value(raw_date) if raw_date not in (None, "") else None
    if raw_date not in (None, "") and published is None:
        log.warning("%s:%d: 'published' value %r is not a date; ignoring it", path, n, raw_date)

    text = obj.get("text")
    html = obj.get("html")
    if isinstance(text, str) and text.strip():
        body = normalise_newlines(text)
    elif isinstance(html, str) and html.strip():
        extracted = html_to_text(html)
        if not extracted:
            return skip(path, "no article text found in 'html'", n)
        body = extracted
        page = html_metadata(html)
        meta["url"] = meta["url"] or page.url
        meta["outlet"] = meta["outlet"] or page.outlet
        meta["title"] = meta["title"] or page.title
        published = published or page.published
    elif "text" in obj or "html" in obj:
        return skip(path, "no article text ('text'/'html' is empty or not a string)", n)
    else:
        return skip(path, "no 'text' or 'html' field", n)

    return make_article(
        body,
        source_path=str(path),
        max_chars=max_chars,
        id=ident or None,
        title=meta["title"],
        outlet=meta["outlet"],
        url=meta["url"],
        published=published,
        where=f"{path}:{n}",
    )


def _string(obj: dict[str, Any], key: str, path: Path, n: int) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    log.warning("%s:%d: '%s' is a %s, not a string; ignoring it", path, n, key, type(value).__name__)
    return None
