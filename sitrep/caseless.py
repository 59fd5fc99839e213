"""Faster case-insensitive regular expressions: search the lower-cased text case-sensitively.

Python's ``re`` compares every character case-insensitively under ``IGNORECASE`` and
cannot use its literal-prefix shortcuts, which makes the long alternations of the
extractors slow. :class:`CaselessPattern` keeps the original pattern for the result but
finds *where* a match can start with a case-sensitive copy run on ``text.lower()``:

* the copy has every ASCII letter of the pattern lower-cased and every case-sensitive
  ``(?-i:...)`` group relaxed to case-insensitive, so on the lower-cased text it matches
  wherever the original matches (a superset);
* at each position the copy accepts, the original pattern is tried on the real text, so
  the matches (and their groups, with the text's own case) are exactly those of
  ``pattern.finditer``.

The shortcut is only taken when lower-casing keeps every offset and no character of the
text matches an ASCII letter case-insensitively without lower-casing to it (the dotless
``ı`` or the long ``ſ``); otherwise the original pattern runs as is.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["CaselessPattern", "lower_pattern", "lowered"]

# an ASCII capital that is pattern syntax, not a literal: an escape (\S, \W, \B ...) or "(?P"
_SYNTAX_CAPITAL = re.compile(r"\\.|\(\?P|\(\?-i:|[A-Z]", re.DOTALL)


def lower_pattern(pattern: str) -> str:
    """``pattern`` (meant case-insensitively) for lower-cased text, searched case-sensitively: every
    ASCII letter that is a literal lower-cased, ``(?-i:...)`` groups relaxed (a superset)."""

    def repl(m: re.Match[str]) -> str:
        token = m.group(0)
        if token == "(?-i:":
            return "(?:"  # a case-sensitive group, relaxed: the copy matches a superset
        if len(token) == 1:
            return token.lower()
        return token

    if pattern.startswith("(?i)"):  # the inline form of IGNORECASE, which the copy drops
        pattern = pattern[4:]
    return _SYNTAX_CAPITAL.sub(repl, pattern)


@lru_cache(maxsize=4096)
def _safe_char(ch: str) -> bool:
    """True when ``ch`` matches an ASCII letter case-insensitively only if it lower-cases to it."""
    low = ch.lower()
    if len(low) != 1:
        return False
    for letter in string.ascii_lowercase:
        if re.fullmatch(letter, ch, re.IGNORECASE) and low != letter:
            return False
    return True


@lru_cache(maxsize=8)
def lowered(text: str) -> str | None:
    """``text.lower()`` when the caseless shortcut is valid for ``text`` (offsets kept), else None."""
    low = text.lower()
    if len(low) != len(text):
        return None
    if not text.isascii() and not all(_safe_char(ch) for ch in set(text) if not ch.isascii()):
        return None
    return low


class CaselessPattern:
    """A case-insensitive pattern whose :meth:`finditer` equals ``pattern.finditer`` but runs faster.

    Example:
        >>> rx = CaselessPattern(re.compile(r"\\bkill(?:ed|ing)\\b", re.IGNORECASE))
        >>> [m.group(0) for m in rx.finditer("Gunmen KILLED two; the killing ...")]
        ['KILLED', 'killing']
    """

    __slots__ = ("exact", "fast")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE:
            raise ValueError("CaselessPattern needs an IGNORECASE pattern")
        if any(ch.lower() != ch or ch.upper() != ch for ch in pattern.pattern if not ch.isascii()):
            raise ValueError(
                "CaselessPattern needs a pattern without non-ASCII letters (they fold differently)"
            )
        self.exact = pattern
        self.fast = re.compile(lower_pattern(pattern.pattern), pattern.flags & ~re.IGNORECASE)

    @property
    def pattern(self) -> str:
        """The original pattern's source."""
        return self.exact.pattern

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """The matches of the original pattern in ``text[start:end]``, as ``re.Pattern.finditer``."""
        stop = len(text) if end is None else end
        low = lowered(text)
        if low is None:
            yield from self.exact.finditer(text, start, stop)
            return
        pos = start
        while (candidate := self.fast.search(low, pos, stop)) is not None:
            at = candidate.start()
            m = self.exact.match(text, at, stop)
            if m is None:
                pos = at + 1
                continue
            if m.end() == at:  # an empty match: leave the bookkeeping of empty matches to re
                yield from self.exact.finditer(text, at, stop)
                return
            yield m
            pos = m.end()

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The first match of the original pattern in ``text[start:end]``, as ``re.Pattern.search``."""
        return next(self.finditer(text, start, end), None)
