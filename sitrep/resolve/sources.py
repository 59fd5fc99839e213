"""Which source an article comes from: its outlet, else its web address's host."""

from __future__ import annotations

import re

from sitrep.model import Article

__all__ = ["source_name"]

#: an archived page's address: the Wayback Machine's ``/web/<timestamp>/<original URL>``
_ARCHIVED = re.compile(r"^https?://(?:web\.)?archive\.org/web/[0-9a-z_*]+/(?P<url>.+)$", re.IGNORECASE)


def source_name(article: Article) -> str:
    """The name a source is shown under: its outlet, else its URL's host (the original page's, for a
    page archived by the Wayback Machine), else its id."""
    if article.outlet:
        return article.outlet
    url = article.url or ""
    if (m := _ARCHIVED.match(url)) is not None:
        url = m.group("url")
    if "//" in url:
        host = url.split("//", 1)[1].split("/", 1)[0].split(":", 1)[0]
        return host.lower().removeprefix("www.")
    return f"article {article.id}"
