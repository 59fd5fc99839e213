"""Finding input files and dispatching each to its reader."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.ingest.common import (
    DEFAULT_MAX_CHARS,
    Skipped,
    looks_binary,
    read_or_skip,
    skip,
)
from sitrep.ingest.feed import read_feed_bytes
from sitrep.ingest.htmldoc import read_html_bytes
from sitrep.ingest.jsonl import read_jsonl_file
from sitrep.ingest.plaintext import read_text_bytes
from sitrep.model import Article

__all__ = [
    "FEED_SUFFIXES",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "TEXT_SUFFIXES",
    "iter_files",
    "read_file",
    "read_paths",
]

log = logging.getLogger("sitrep.ingest")

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_SUPPORTED = ", ".join(sorted(TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES))


def iter_files(root: Path) -> Iterator[Path | Skipped]:
    """Files under ``root``, recursively, in sorted order; hidden files and folders are left out.

    Symbolic links to folders are followed once (loops are cut). An unreadable
    folder is reported as a Skipped.
    """
    seen: set[str] = set()

    def walk(folder: Path) -> Iterator[Path | Skipped]:
        real = os.path.realpath(folder)
        if real in seen:
            log.info("%s: already visited (symbolic link loop?); not descending again", folder)
            return
        seen.add(real)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield skip(folder, f"cannot list folder ({exc.strerror or exc})")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(path)
            else:
                yield path

    yield from walk(root)


def _sniff(data: bytes) -> str:
    head = data[:4096].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:1024]:
        return "html"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def read_file(path: Path | str, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | Skipped]:
    """Read one input file with the reader its extension (or, with none, its content) calls for."""
    path = Path(path)
    if not path.exists():
        yield skip(path, "no such file or folder")
        return
    if not path.is_file():
        yield skip(path, "not a regular file")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, max_chars=max_chars)
        return
    if suffix and suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES:
        yield skip(
            path,
            f"unsupported file type {suffix!r} (supported: {_SUPPORTED}, or no extension)",
            level=logging.INFO,
        )
        return
    data = read_or_skip(path)
    if isinstance(data, Skipped):
        yield data
        return
    if not suffix:
        if looks_binary(data):
            yield skip(path, "binary file (contains NUL bytes)")
            return
        kind = _sniff(data)
        if kind == "jsonl":
            yield from read_jsonl_file(path, max_chars=max_chars)
            return
        suffix = {"html": ".html", "feed": ".xml", "text": ".txt"}[kind]
    if suffix in HTML_SUFFIXES:
        yield from read_html_bytes(path, data, max_chars=max_chars)
    elif suffix in FEED_SUFFIXES:
        yield from read_feed_bytes(path, data, max_chars=max_chars)
    else:
        yield from read_text_bytes(path, data, max_chars=max_chars)


def read_paths(
    paths: Iterable[str | Path] | str | Path, *, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Article | Skipped]:
    """Read articles from files and folders (recursively, in sorted order).

    Dispatch is by extension: ``.txt`` (and extensionless text, sniffed for
    HTML/feed/JSONL content), ``.html``/``.htm``, ``.xml``/``.rss``/``.atom``
    feeds and ``.jsonl``/``.ndjson``. Hidden files and folders inside a folder
    are ignored. Every input that cannot be read becomes a :class:`Skipped`
    (also logged) and reading goes on. Texts longer than ``max_chars`` are
    truncated with a logged warning.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for item in iter_files(path):
                if isinstance(item, Skipped):
                    yield item
                else:
                    yield from read_file(item, max_chars=max_chars)
        else:
            yield from read_file(path, max_chars=max_chars)
