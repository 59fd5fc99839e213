"""Plain-text articles, with the title, outlet and date recognised from the header lines.

Recognised header shapes (all optional, looked for among the first
:data:`HEADER_LINES` non-blank lines):

* a breadcrumb line ``Section - Section - Outlet`` (three or more short parts
  separated by `` - ``, `` – ``, `` — `` or `` | ``): the last part is the outlet;
* ``By <author> | <Outlet>`` / ``By <author> - <Outlet>`` and ``Source: <Outlet>``;
* a line that is just a date, optionally prefixed with ``Published``/``Updated``/
  ``Posted`` (``28 December, 2019``, ``Published: Dec. 28, 2019 14:05 GMT``),
  parsed with dateparser; a ``Published`` line wins over an ``Updated`` one;
* reading-time lines (``4 min read``), skipped;
* the title: the first remaining line, if it reads as a headline (short, not a
  sentence ending in a full stop).

``Article.text`` is the whole file as decoded (line endings normalised).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dateparser

from sitrep.ingest.common import (
    DEFAULT_MAX_CHARS,
    DecodeError,
    Skipped,
    decode_bytes,
    make_article,
    read_or_skip,
    skip,
)
from sitrep.model import Article

__all__ = ["HEADER_LINES", "Header", "parse_date_line", "parse_header", "read_text_file"]

log = logging.getLogger("sitrep.ingest")

#: How many non-blank lines at the top of a file may hold header information.
HEADER_LINES = 8

_SEP = re.compile(r"\s+[-–—|]\s+")
_BAD_CRUMB = re.compile(r"[.!?:;,\"“”]")
_READ_TIME = re.compile(r"(?i)^(?:reading time:?\s*)?\d+\s*(?:min|mins|minutes?)(?:\s+read)?$")
_BYLINE = re.compile(r"(?i)^by\s+(?P<author>[^|]+?)\s+(?:\||-|–|—)\s+(?P<outlet>[^|]+?)$")
_SOURCE = re.compile(r"(?i)^(?:source|publisher|outlet)\s*:\s*(?P<outlet>.+?)$")
_DATE_PREFIX = re.compile(
    r"(?i)^(?P<kind>(?:first\s+|originally\s+)?published|(?:last\s+)?updated|posted|date[d]?|modified)\b"
    r"\s*(?:on|at)?\s*[:\-–]?\s*"
)
_DATE_PART_SPLIT = re.compile(r"\s+[|•·]\s+")

_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
_DAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
}  # fmt: skip
_WORDS = {*_MONTHS, *_DAYS, "am", "pm", "a.m", "p.m", "at", "on", "of", "the", "utc", "gmt"}
_NUMERIC_TOKEN = re.compile(
    r"""(?x)^(
        \d{1,4}(?:st|nd|rd|th)?                                   # 28, 28th, 2019
      | \d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:am|pm)?                 # 14:05, 2.30pm
      | \d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}                         # 28/12/2019, 2019-12-28
      | \d{4}-\d{2}-\d{2}t[\d:.]+(?:z|[+\-]\d{2}:?\d{2})?         # ISO 8601 datetime
      | (?:utc|gmt)?[+\-]\d{1,2}(?::?\d{2})?                      # +03:00, GMT+3
    )$"""
)
_DATEPARSER_SETTINGS = {
    "STRICT_PARSING": False,
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@dataclass(frozen=True, slots=True)
class Header:
    """What the header lines of a text say about the article."""

    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


def _breadcrumb_outlet(line: str) -> str | None:
    parts = _SEP.split(line)
    if len(parts) < 3:
        return None
    for p in parts:
        if not p or len(p) > 40 or len(p.split()) > 5 or _BAD_CRUMB.search(p) or not p[0].isalnum():
            return None
    return parts[-1]


def _short_name(value: str) -> str | None:
    value = value.strip().strip("()[]").strip()
    if not value or len(value) > 50 or len(value.split()) > 6 or not any(c.isalpha() for c in value):
        return None
    return value


def _is_date_token(raw: str) -> bool:
    tok = raw.strip("()[],").rstrip(".")
    low = tok.lower()
    if not tok:
        return True
    if low in _WORDS or _NUMERIC_TOKEN.match(low):
        return True
    # time zone abbreviations: ET, EST, AST, CEST (upper case in the input)
    return tok.isalpha() and tok.isupper() and 2 <= len(tok) <= 5


def _date_only(text: str) -> dt.date | None:
    """The date of ``text`` when it is essentially just a date, else None."""
    text = text.strip()
    if not text or len(text) > 80 or not any(c.isdigit() for c in text):
        return None
    tokens = text.replace(",", " ").split()
    if len(tokens) > 10 or not all(_is_date_token(t) for t in tokens):
        return None
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    except Exception as exc:  # dateparser raises assorted errors on odd input
        log.debug("dateparser failed on %r: %s", text, exc)
        return None
    return parsed.date() if parsed else None


def parse_date_line(line: str) -> tuple[dt.date, str] | None:
    """``(date, kind)`` when ``line`` is essentially a date, with an optional prefix.

    ``kind`` is ``"published"``, ``"updated"`` or ``""`` (no prefix). A line may
    combine parts with ``|``/``•``/``·`` (``28 December 2019 • 4 min read``).
    """
    found: tuple[dt.date, str] | None = None
    for part in _DATE_PART_SPLIT.split(line.strip()):
        kind = ""
        m = _DATE_PREFIX.match(part)
        if m:
            word = m.group("kind").lower()
            kind = "updated" if ("updated" in word or "modified" in word) else "published"
            part = part[m.end() :]
        date = _date_only(part)
        if date is not None:
            if found is None or (kind == "published" and found[1] != "published"):
                found = (date, kind)
        elif not _READ_TIME.match(part.strip()):
            return None
    return found


def _headline(line: str) -> bool:
    if len(line) > 200 or len(line.split()) > 30 or not any(c.isalpha() for c in line):
        return False
    # sentences end with a full stop after a lower-case word; "U.S." does not disqualify
    return not re.search(r"[a-z0-9\"'”’)]\.$|[,;:]$", line)


def parse_header(text: str) -> Header:
    """Recognise title, outlet and publication date from the first lines of ``text``."""
    head = [ln.strip() for ln in text.split("\n", 200)[:200] if ln.strip()][:HEADER_LINES]
    outlet: str | None = None
    dates: list[tuple[dt.date, str]] = []
    consumed: set[int] = set()
    for i, line in enumerate(head):
        crumb = _breadcrumb_outlet(line) if i < 2 else None
        if crumb:
            outlet = outlet or crumb
            consumed.add(i)
            continue
        m = _BYLINE.match(line) or _SOURCE.match(line)
        if m and (name := _short_name(m.group("outlet"))):
            outlet = outlet or name
            consumed.add(i)
            continue
        if _READ_TIME.match(line):
            consumed.add(i)
            continue
        d = parse_date_line(line)
        if d:
            dates.append(d)
            consumed.add(i)
    title = None
    for i, line in enumerate(head):
        if i in consumed:
            continue
        if _headline(line):
            title = line
        break
    published = None
    if dates:
        preferred = [d for d, kind in dates if kind == "published"]
        plain = [d for d, kind in dates if kind == ""]
        published = (preferred or plain or [dates[0][0]])[0]
    return Header(title=title, outlet=outlet, published=published)


def read_text_file(path: Path | str, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | Skipped]:
    """Read a plain-text article (``.txt`` or extensionless). Yields one Article or one Skipped."""
    path = Path(path)
    data = read_or_skip(path)
    if isinstance(data, Skipped):
        yield data
        return
    yield from read_text_bytes(path, data, max_chars=max_chars)


def read_text_bytes(
    path: Path, data: bytes, *, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Article | Skipped]:
    """Like :func:`read_text_file`, on bytes already read from ``path``."""
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        yield skip(path, str(exc))
        return
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        log.warning("%s: not UTF-8; decoded as %s", path, encoding)
    if not text.strip():
        yield skip(path, "empty file (no text)")
        return
    header = parse_header(text)
    yield make_article(
        text,
        source_path=str(path),
        max_chars=max_chars,
        title=header.title,
        outlet=header.outlet,
        published=header.published,
    )
