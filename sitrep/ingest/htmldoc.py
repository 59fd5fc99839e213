"""HTML articles: main text through trafilatura, metadata from meta/og tags and JSON-LD.

``Article.text`` is the text trafilatura extracts (paragraphs separated by
``\\n``). When trafilatura finds nothing, the visible text of the ``<p>``
elements, or else of ``<body>``, is used instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html

from sitrep.ingest.common import (
    DEFAULT_MAX_CHARS,
    DecodeError,
    Skipped,
    decode_bytes,
    make_article,
    normalise_newlines,
    parse_date_value,
    read_or_skip,
    skip,
)
from sitrep.model import Article

__all__ = [
    "HtmlMeta",
    "decode_html",
    "fragment_to_text",
    "html_metadata",
    "html_to_text",
    "read_html_file",
]

log = logging.getLogger("sitrep.ingest")

try:  # trafilatura pulls in lxml.html.clean (a separate package since lxml 5.2)
    import trafilatura as _trafilatura
except ImportError as _exc:  # pragma: no cover - depends on the environment
    _trafilatura = None  # type: ignore[assignment]
    log.warning("trafilatura is unavailable (%s); using plain lxml text extraction for HTML", _exc)

_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_WS = re.compile(r"[^\S\n]+")
#: fragments shorter than this (feed summaries) skip trafilatura and use their plain text
SHORT_FRAGMENT = 2000


@dataclass(frozen=True, slots=True)
class HtmlMeta:
    """Metadata found in an HTML document's head."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode HTML bytes, honouring a ``<meta charset>`` declaration. Raises DecodeError."""
    m = _CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii", "replace") if m else None
    return decode_bytes(data, declared=declared)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    # lxml refuses str input carrying an XML encoding declaration
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        log.debug("lxml could not parse HTML: %s", exc)
        return None


def _visible_text(root: lxml.html.HtmlElement) -> str:
    """Text of ``root`` with line breaks at block elements; scripts, styles and the head dropped."""
    for el in list(root.iter(*_INVISIBLE_TAGS)):
        if el is not root and el.getparent() is not None:
            el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = (_WS.sub(" ", ln).strip() for ln in normalise_newlines(text).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _fallback_text(root: lxml.html.HtmlElement) -> str:
    paras = [_tidy(p.text_content()) for p in root.iter("p")]
    text = "\n".join(p for p in paras if p)
    if text.strip():
        return text
    bodies = root.xpath("//body")
    return _visible_text(bodies[0] if bodies else root)


def html_to_text(html: str) -> str | None:
    """The main text of an HTML document, or None when there is none."""
    root = _parse(html)
    if root is None:
        return None
    if _trafilatura is not None:
        try:
            with _quiet("trafilatura", "htmldate", "courlan"):
                text = _trafilatura.extract(
                    html, include_comments=False, favor_recall=True, include_tables=True
                )
        except Exception as exc:  # trafilatura can fail on pathological markup
            log.debug("trafilatura failed: %s", exc)
            text = None
        if text and _has_words(text):
            return normalise_newlines(text)
    text = _fallback_text(root)
    return text if _has_words(text) else None


def _has_words(text: str) -> bool:
    """True when ``text`` holds at least one letter or digit (not just markup debris)."""
    return any(c.isalnum() for c in text)


@contextlib.contextmanager
def _quiet(*names: str) -> Iterator[None]:
    """Silence libraries' own error logging for inputs we handle (and report) ourselves."""
    loggers = [logging.getLogger(n) for n in names]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def fragment_to_text(fragment: str) -> str | None:
    """Text of an HTML fragment (a feed summary or content block), or None when empty."""
    if len(fragment) >= SHORT_FRAGMENT:
        text = html_to_text(f"<html><body><article>{fragment}</article></body></html>")
        if text:
            return text
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _tidy(fragment) or None
    text = _visible_text(root)
    return text if _has_words(text) else None


# ---------------------------------------------------------------------------- metadata

_META_TITLE = ("og:title", "twitter:title", "dc.title", "headline")
_META_OUTLET = ("og:site_name", "application-name", "publisher", "dc.publisher")
_META_URL = ("og:url", "twitter:url")
_META_DATE = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
    "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published", "original-publish-date",
)  # fmt: skip


def _jsonld_objects(root: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, list):
                stack.extend(obj)
            elif isinstance(obj, dict):
                if "@graph" in obj:
                    stack.extend(obj["@graph"] if isinstance(obj["@graph"], list) else [obj["@graph"]])
                yield obj


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def html_metadata(html: str | lxml.html.HtmlElement) -> HtmlMeta:
    """Title, outlet, URL and publication date from meta/og tags, JSON-LD and ``<title>``."""
    root = _parse(html) if isinstance(html, str) else html
    if root is None:
        return HtmlMeta()
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content and key not in meta:
            meta[key] = content
    ld_title = ld_outlet = ld_url = ld_date = None
    for obj in _jsonld_objects(root):
        if "datePublished" in obj or "headline" in obj:
            ld_title = ld_title or _name(obj.get("headline"))
            ld_outlet = ld_outlet or _name(obj.get("publisher"))
            ld_url = ld_url or _name(obj.get("url"))
            ld_date = ld_date or _name(obj.get("datePublished"))

    def first(keys: tuple[str, ...]) -> str | None:
        return next((meta[k] for k in keys if k in meta), None)

    outlet = first(_META_OUTLET) or ld_outlet
    title = first(_META_TITLE) or ld_title
    if not title:
        tags = root.xpath("//title")
        if tags and tags[0].text_content().strip():
            title = _strip_site(_tidy(tags[0].text_content()), outlet)
        else:
            h1 = root.xpath("//h1")
            title = _tidy(h1[0].text_content()) if h1 else None
    url = first(_META_URL) or ld_url
    if not url:
        canon = root.xpath('//link[@rel="canonical"]/@href')
        url = str(canon[0]).strip() if canon else None
    published = None
    candidates = [
        first(_META_DATE),
        ld_date,
        *root.xpath("//time[@itemprop='datePublished' or @pubdate]/@datetime"),
    ]
    for raw in candidates:
        if raw and (published := parse_date_value(str(raw))):
            break
    return HtmlMeta(title=title or None, outlet=outlet, url=url, published=published)


def _strip_site(title: str, outlet: str | None) -> str:
    if outlet:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            if title.endswith(sep + outlet):
                return title[: -len(sep + outlet)].strip()
    return title


# ---------------------------------------------------------------------------- reader


def read_html_file(path: Path | str, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | Skipped]:
    """Read an HTML article (``.html``/``.htm``). Yields one Article or one Skipped."""
    path = Path(path)
    data = read_or_skip(path)
    if isinstance(data, Skipped):
        yield data
        return
    yield from read_html_bytes(path, data, max_chars=max_chars)


def read_html_bytes(
    path: Path, data: bytes, *, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Article | Skipped]:
    """Like :func:`read_html_file`, on bytes already read from ``path``."""
    try:
        html, encoding = decode_html(data)
    except DecodeError as exc:
        yield skip(path, str(exc))
        return
    if not html.strip():
        yield skip(path, "empty file (no HTML)")
        return
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        log.info("%s: decoded as %s", path, encoding)
    text = html_to_text(html)
    if not text:
        yield skip(path, "no article text found in HTML")
        return
    meta = html_metadata(html)
    yield make_article(
        text,
        source_path=str(path),
        max_chars=max_chars,
        title=meta.title,
        outlet=meta.outlet,
        url=meta.url,
        published=meta.published,
    )
