"""Small text utilities shared by the extractors: sentences and paragraphs as spans."""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.model import Span

__all__ = ["match_windows", "opens_with_headline", "paragraphs", "sentence_of", "sentences"]


def opens_with_headline(title: str | None, body: str) -> bool:
    """True when ``body`` already carries the headline ``title`` near its start (or there is none);
    spacing and case do not matter."""
    head = " ".join((title or "").split())
    return not head or head[:40].casefold() in " ".join(body[:600].split()).casefold()


_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "maj",
    "rep",
    "sen",
    "gov",
    "st",
    "jr",
    "sr",
    "no",
    "vs",
    "inc",
    "corp",
    "co",
    "ltd",
    "u.s",
    "u.k",
    "u.n",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mt",
    "ft",
    "ave",
    "blvd",
    "rd",
    "e.g",
    "i.e",
    "approx",
    "dept",
    "est",
    "fig",
    "pres",
    "prof",
    "rev",
    "adm",
    "cpl",
    "pvt",
    "cmdr",
}
_DAY_AFTER_TIME = re.compile(
    r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
    r"|Nov|Dec)"
)
# [.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9]) | \n\s*\n | \n, opening with the character set of the
# first characters: the regex engine skips to those (several times faster than trying each branch)
_BOUNDARY = re.compile(
    r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|(?<=\n)\s*\n|(?<=\n))"
)


def sentences(text: str) -> list[Span]:
    """Split ``text`` into sentence spans (offsets into ``text``), skipping blank stretches.

    A rule-based splitter: it breaks after ``.!?`` followed by a capitalised word
    (unless the period ends a known abbreviation or an initial) and at line breaks.
    Every extractor splits the same text: the split is cached (a fresh list each call).
    """
    return list(_sentences(text))


_ABBREV_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


@lru_cache(maxsize=32)
def _sentences(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        dot = m.start()
        if text[dot] == ".":
            # the word the period ends: the run of ASCII letters and periods up to it (at most
            # 30 characters back), found by stepping back (faster than a pattern searched there)
            lo = max(start, dot - 30)
            p = dot
            while p > lo and text[p - 1] in _ABBREV_CHARS:
                p -= 1
            token = text[p : dot + 1].rstrip(".").lower()
            if token in _ABBREV or (len(token) == 1 and token.isalpha()):
                continue
            if token in ("a.m", "p.m") and _DAY_AFTER_TIME.match(text, end):
                continue  # "at 8:45 p.m. Friday": the day belongs to the time
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return tuple(spans)


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    """Append ``text[start:end]`` without its surrounding white space, unless nothing is left."""
    seg = text[start:end]
    body = seg.strip()
    if body:
        first = start + len(seg) - len(seg.lstrip())
        out.append(Span(first, first + len(body), body))


def paragraphs(text: str) -> list[Span]:
    """Split ``text`` into paragraph spans at line breaks."""
    out: list[Span] = []
    start = 0
    for m in re.finditer(r"\n", text):
        _add(text, start, m.start(), out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def sentence_of(sents: list[Span], offset: int) -> Span | None:
    """The sentence among ``sents`` that contains character ``offset``."""
    for s in sents:
        if s.start <= offset < s.end:
            return s
    return None


def match_windows(pattern: re.Pattern[str], text: str, before: int, after: int) -> list[tuple[int, int]]:
    """Merged stretches of ``text`` around the matches of ``pattern``: each from ``before``
    characters ahead of a match to ``after`` characters past it, overlapping stretches joined.
    A costly pattern whose matches always contain a cheap one's then runs only in these."""
    out: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        lo, hi = max(0, m.start() - before), min(len(text), m.end() + after)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out
