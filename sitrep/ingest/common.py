"""Shared pieces of the readers: :class:`Skipped`, decoding, ids, truncation.

Text normalisation policy: after decoding, every reader converts line endings
to ``\\n`` (``\\r\\n`` and a lone ``\\r``, as Python's text mode does) and drops a
leading byte-order mark. Nothing else is changed, so ``Article.text`` is the
input "as given" and every span offset refers to it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from sitrep.model import Article
from sitrep.text import opens_with_headline

__all__ = [
    "DEFAULT_MAX_CHARS",
    "MAX_FILE_BYTES",
    "DecodeError",
    "Skipped",
    "content_hash",
    "decode_bytes",
    "looks_binary",
    "make_article",
    "normalise_for_hash",
    "normalise_newlines",
    "parse_date_value",
    "read_limited",
    "read_or_skip",
    "stable_id",
    "truncate",
    "with_headline",
]

log = logging.getLogger("sitrep.ingest")

DEFAULT_MAX_CHARS = 200_000
#: Whole-file readers (txt, html, feeds) refuse files larger than this; JSONL is streamed.
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input, or one record of an input, that could not be read as an article.

    ``reason`` is one line, shaped ``"<category> (<details>)"`` (``"binary file
    (contains NUL bytes)"``, ``"not valid JSON (Expecting value at column 1)"``),
    so ``reason.split(" (")[0]`` groups skips by kind. ``line`` is the 1-based
    line number of a bad JSONL record, else None.
    """

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


class DecodeError(ValueError):
    """The bytes are not text we can decode; the message is a one-line reason."""


def skip(path: str | Path, reason: str, line: int | None = None, *, level: int = logging.WARNING) -> Skipped:
    """Build a :class:`Skipped` and log it."""
    s = Skipped(str(path), reason, line)
    log.log(level, "skipped %s", s)
    return s


# ---------------------------------------------------------------------------- decoding

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are clearly not text: NUL bytes without a UTF-16/32 byte-order mark."""
    if any(data.startswith(bom) for bom, enc in _BOMS if enc != "utf-8-sig"):
        return False
    return b"\x00" in data


def _text_like(text: str) -> bool:
    """Few control characters: a decoded string that reads as text."""
    if not text:
        return True
    return len(_CONTROL.findall(text)) <= max(2, len(text) // 200)


def _bytes_text_like(data: bytes) -> bool:
    """Heuristic for single-byte (cp1252/latin-1) text: few control bytes, mostly ASCII."""
    if not data:
        return True
    controls = sum(1 for b in data if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D))
    high = sum(1 for b in data if b >= 0x80)
    return controls <= max(2, len(data) // 200) and high <= len(data) * 0.3


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode input bytes to text; return ``(text, encoding)``.

    Tries a byte-order mark, ``declared`` (e.g. an HTML meta charset), UTF-8 (with
    or without BOM), then cp1252 and latin-1, the last two only when the bytes look
    like text. Raises :class:`DecodeError` with a one-line reason otherwise.
    Line endings are normalised (see the module docstring).
    """
    if looks_binary(data):
        raise DecodeError("binary file (contains NUL bytes)")
    candidates: list[str] = [enc for bom, enc in _BOMS if data.startswith(bom)][:1]
    if declared:
        try:
            candidates.append(codecs.lookup(declared).name)
        except LookupError:
            log.info("unknown declared encoding %r; ignoring it", declared)
    candidates.append("utf-8")
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if enc in ("utf-8", "utf-8-sig") or _text_like(text):
            text = text.removeprefix("\ufeff")
            if not _text_like(text):
                raise DecodeError("binary file (too many control characters)")
            return normalise_newlines(text), enc
    if not _bytes_text_like(data):
        raise DecodeError("undecodable text (not UTF-8, and the bytes do not look like cp1252/latin-1 text)")
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        return normalise_newlines(text), enc
    raise DecodeError(
        "undecodable text (not UTF-8, cp1252 or latin-1)"
    )  # pragma: no cover (latin-1 decodes all)


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; nothing else changes."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------- ids and articles

_WS = re.compile(r"\s+")


def normalise_for_hash(text: str) -> str:
    """Whitespace collapsed to single spaces, stripped and lower-cased."""
    return _WS.sub(" ", text).strip().lower()


def content_hash(text: str) -> str:
    """Full sha1 hex digest of the normalised text."""
    return hashlib.sha1(normalise_for_hash(text).encode("utf-8")).hexdigest()


def stable_id(text: str) -> str:
    """The id of an article that has none: 16 hex chars of :func:`content_hash`."""
    return content_hash(text)[:16]


def truncate(text: str, max_chars: int, where: str) -> str:
    """Cut ``text`` to at most ``max_chars`` characters (at a whitespace when one is near), warning."""
    if max_chars <= 0 or len(text) <= max_chars:
        return text
    cut = max_chars
    window = text[max(0, max_chars - 200) : max_chars + 1]
    ws = max(window.rfind(" "), window.rfind("\n"))
    if ws > 0:
        cut = max(0, max_chars - 200) + ws
    log.warning(
        "%s: text has %d characters; truncated to %d (max_chars=%d)", where, len(text), cut, max_chars
    )
    return text[:cut]


def make_article(
    text: str,
    *,
    source_path: str,
    max_chars: int,
    id: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    where: str | None = None,
) -> Article:
    """Build an :class:`Article`: truncate, set ``content_hash`` and the id (given or stable).

    The text opens with the headline (see :func:`with_headline`); ``content_hash`` and the
    stable id are those of the body alone, so an article read again is recognised whatever
    its headline."""
    text = truncate(text, max_chars, where or source_path)
    digest = content_hash(text)
    title = _clean_meta(title)
    return Article(
        id=id if id else digest[:16],
        text=with_headline(title, text),
        title=title,
        outlet=_clean_meta(outlet),
        url=_clean_meta(url),
        published=published,
        source_path=source_path,
        content_hash=digest,
    )


def with_headline(title: str | None, body: str) -> str:
    """``body`` preceded by its headline and a blank line, unless the body already opens with it.

    Headlines carry the who, where and how many of a story ("Frankfort teen shot, killed"),
    and much crawled or fed text leaves them out; extraction reads them as the opening of the
    article (they never open an incident of their own: they join the lead)."""
    if opens_with_headline(title, body):
        return body
    return f"{' '.join((title or '').split())}\n\n{body}"


def _clean_meta(value: str | None) -> str | None:
    if value is None:
        return None
    value = _WS.sub(" ", str(value)).strip()
    return value or None


def read_limited(path: Path) -> bytes:
    """The bytes of ``path``; :class:`DecodeError` when it is over :data:`MAX_FILE_BYTES`."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        mib = 1024 * 1024
        raise DecodeError(f"file too large ({size // mib} MiB; the limit is {MAX_FILE_BYTES // mib} MiB)")
    return path.read_bytes()


def read_or_skip(path: Path) -> bytes | Skipped:
    """The bytes of ``path``, or a :class:`Skipped` saying why they cannot be read."""
    try:
        return read_limited(path)
    except OSError as exc:
        return skip(path, f"cannot read file ({exc.strerror or exc})")
    except DecodeError as exc:
        return skip(path, str(exc))


def parse_date_value(raw: object) -> dt.date | None:
    """A date from a metadata value: ISO 8601 date or datetime, else anything dateparser reads.

    A datetime keeps the calendar date it was written in (its own time zone).
    Returns None (logging at DEBUG) when the value is not a full date.
    """
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if not isinstance(raw, str) or not raw.strip():
        return None
    value = raw.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    import dateparser  # imported lazily: slow to import

    try:
        parsed = dateparser.parse(
            value,
            settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False},
        )
    except Exception as exc:  # dateparser raises assorted errors on odd input
        log.debug("dateparser failed on %r: %s", value, exc)
        return None
    if parsed is None:
        log.debug("not a date: %r", value)
        return None
    return parsed.date()
