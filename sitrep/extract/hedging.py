"""Hedging: does a sentence present a value as uncertain?

A value (a count, a weapon, an actor) is *hedged* when the sentence that states it
carries a hedge cue ("reportedly", "suspected", "according to", "may have", ...):

* a cue **before** the value counts anywhere earlier in the same sentence, as long
  as no semicolon separates the two (a semicolon starts a new clause);
* a cue **after** the value counts only when it follows closely (within
  :data:`AFTER_WINDOW` characters, no semicolon and at most one comma between): "two
  people were killed, according to local media";
* a cue inside the value's own span counts too ("possibly three people").

Deliberately not cues: "reported" on its own ("police reported two deaths" is an
attribution, not doubt), "claimed responsibility" / "claimed the lives of", and
"possible" in fixed phrases such as "as soon as possible".
"""

from __future__ import annotations

import bisect
import logging
import re
from functools import lru_cache

from sitrep.caseless import CaselessPattern
from sitrep.model import Article, Span
from sitrep.text import sentences

__all__ = ["AFTER_WINDOW", "HEDGE_CUES", "hedge_cue", "is_hedged"]

logger = logging.getLogger(__name__)

#: How far (in characters) after a value a trailing cue may sit and still hedge it.
AFTER_WINDOW = 80

#: The hedge cues, as regular expressions (matched case-insensitively on word boundaries).
HEDGE_CUES: tuple[str, ...] = (
    r"(?:is|are|was|were)\s+believed\s+to",
    r"believed\s+to\s+(?:be|have)",
    r"reportedly",
    r"(?:is|are|was|were)\s+reported\s+(?:to|as)",
    r"(?:unconfirmed|initial|preliminary|media|local|unverified)\s+reports?",
    r"reports\s+(?:said|say|suggest(?:ed)?|indicat(?:e|ed))",
    r"suspected",
    r"allegedly",
    r"alleged",
    r"according\s+to",
    # a side's own claim ("the rebels claim 40 dead", "claiming to have killed 90"), not a claim of an attack
    r"claim(?:s|ed|ing)?(?!\s+(?:responsibility|credit|the\s+lives?|(?:\w+\s+)?lives?|ownership))",
    r"(?<!as\s)(?<!if\s)(?<!where\s)(?<!whenever\s)(?<!wherever\s)possible(?!\s+(?:to|for))",
    r"possibly",
    r"may\s+have",
    r"might",
    r"could\s+have",
    r"apparent(?:ly)?",
    r"unconfirmed",
    r"unverified",
    r"could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif(?:y|ied)|confirm(?:ed)?)",
    r"(?:is|are|was|were)\s+said\s+to",
    r"(?:is|are|was|were)\s+thought\s+to",
    r"thought\s+to\s+(?:be|have)",
    r"looking\s+into\s+the\s+possible\s+involvement",
    r"likely",
    r"probably",
    r"perhaps",
    r"purportedly",
    r"presumably",
    r"presumed",
    r"feared",
    r"appear(?:s|ed)?\s+to",
    r"(?:a\s+)?sources?\s+(?:said|say|says|told|close\s+to)",
    r"unclear",
    r"not\s+(?:yet\s+)?clear",
)

_CUE_RE = CaselessPattern(re.compile(r"\b(?:" + "|".join(HEDGE_CUES) + r")\b", re.IGNORECASE))


def hedge_cue(text: str, start: int, end: int, *, bounds: tuple[int, int] | None = None) -> Span | None:
    """The hedge cue that hedges ``text[start:end]``, or None.

    ``text`` is the article text (or its ``clean_text``, which shares offsets).
    ``bounds`` is the (start, end) of the sentence holding the value, when the caller
    already knows it; otherwise the sentence is found with :func:`sitrep.text.sentences`
    on a window around the value. Among several cues the one nearest the value wins.
    """
    if bounds is None:
        bounds = _sentence_bounds(text, start, end)
    s_start, s_end = bounds
    cue_starts, cue_ends = _cues(text)
    best: tuple[int, Span] | None = None
    for k in range(bisect.bisect_left(cue_starts, s_start), len(cue_starts)):
        c_start, c_end = cue_starts[k], cue_ends[k]
        if c_end > s_end:
            break
        if c_end <= start:  # before the value: same clause (no semicolon between)
            if ";" in text[c_end:start]:
                continue
            distance = start - c_end
        elif c_start >= end:  # after the value: only close by
            gap = text[end:c_start]
            if len(gap) > AFTER_WINDOW or ";" in gap or gap.count(",") > 1:
                break  # later cues are farther still
            distance = c_start - end
        else:
            distance = 0
        if best is None or distance < best[0]:
            best = (distance, Span.of(text, c_start, c_end))
    return best[1] if best else None


@lru_cache(maxsize=16)
def _cues(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the hedge cues of ``text`` start and end (one scan per text, cached: every value
    of an article looks up its own sentence's cues)."""
    found = [(m.start(), m.end()) for m in _CUE_RE.finditer(text)]
    return tuple(a for a, _ in found), tuple(b for _, b in found)


def is_hedged(article: Article, span: Span) -> bool:
    """True when the sentence of ``article`` holding ``span`` hedges it (see :func:`hedge_cue`)."""
    return hedge_cue(article.clean_text, span.start, span.end) is not None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) of ``text`` holding ``text[start:end]`` (the split is cached per text)."""
    spans = sentences(text)
    k = bisect.bisect_right([s.start for s in spans], start) - 1
    s_start, s_end = start, end
    while 0 <= k < len(spans) and spans[k].start < end:
        if spans[k].end > start:
            s_start, s_end = min(s_start, spans[k].start), max(s_end, spans[k].end)
        k += 1
    return s_start, s_end
