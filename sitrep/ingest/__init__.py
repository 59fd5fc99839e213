"""Reading articles: files, folders, feeds and JSONL; boilerplate cleaning; wire-copy detection.

Typical use::

    from sitrep.ingest import Skipped, clean, mark_duplicates, read_paths

    items = list(read_paths(["inbox/"]))
    articles = [clean(a) for a in items if not isinstance(a, Skipped)]
    articles = mark_duplicates(articles, known=stored_articles)
"""

from __future__ import annotations

from sitrep.ingest.clean import BOILERPLATE_PATTERNS, clean, is_boilerplate
from sitrep.ingest.common import Skipped, content_hash, stable_id, with_headline
from sitrep.ingest.discover import iter_files, read_file, read_paths
from sitrep.ingest.duplicates import mark_duplicates
from sitrep.ingest.feed import read_feed_file
from sitrep.ingest.htmldoc import html_metadata, html_to_text, read_html_file
from sitrep.ingest.jsonl import read_jsonl_file
from sitrep.ingest.plaintext import parse_header, read_text_file

__all__ = [
    "BOILERPLATE_PATTERNS",
    "Skipped",
    "clean",
    "content_hash",
    "html_metadata",
    "html_to_text",
    "is_boilerplate",
    "iter_files",
    "mark_duplicates",
    "parse_header",
    "read_feed_file",
    "read_file",
    "read_html_file",
    "read_jsonl_file",
    "read_paths",
    "read_text_file",
    "stable_id",
    "with_headline",
]
