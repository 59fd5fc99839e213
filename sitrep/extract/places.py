"""Find place names in an article and resolve them against the gazetteer.

``find_places(article, gazetteer)`` runs three steps, each in its own module:

1. recognition (:mod:`sitrep.extract.place_scan`): longest-first gazetteer matching of
   capitalised token runs, screened for people and organisations;
2. resolution (:mod:`sitrep.extract.place_resolve`): each match's candidate chosen from
   its prior plus the document's evidence (countries and regions named, "Paris, Texas",
   type cues), small unsupported places dropped;
3. roles (:mod:`sitrep.extract.place_roles`): which mentions are where the event
   happened, and descriptions such as "northern Iraq" the text gives them.

``resolve_toponyms(article, spans, gazetteer)`` resolves toponym spans found by someone
else (a gold standard, another recogniser) with the same document evidence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.gazetteer_text import TOKEN_RE, fold
from sitrep.extract.place_resolve import accept, resolve
from sitrep.extract.place_roles import EVENT_VERBS, descriptions, event_flags
from sitrep.extract.place_scan import Match, add_context, scan, title_case_sentences
from sitrep.model import Article, Place, PlaceMention, Span
from sitrep.text import opens_with_headline, sentences

__all__ = ["EVENT_VERBS", "find_places", "resolve_toponyms"]


# Crawled pages often glue the title (or a site name) to an upper-case dateline:
# "... | FOX6Now.comMILWAUKEE — A man ...". A word that runs from lower case or a digit into
# three or more capitals ending the word is cut before the capitals, so the city is a token;
# a site name glued to the next word ("6abc.comPhiladelphia police") loses its "com" the same way.
_GLUED = re.compile(r"(?<=[a-z0-9])[A-Z]{3,}(?![^\W_])|(?<=\.com)[A-Z]|(?<=\.net)[A-Z]|(?<=\.org)[A-Z]")
# what every glued word contains ("[a-z0-9][A-Z]{3}" or ".com" etc. before a capital), written to open
# with a capital: the regex engine skips to those, so the check costs a fraction of _GLUED's search
_MAYBE_GLUED = re.compile(r"[A-Z](?:(?<=[a-z0-9][A-Z])[A-Z]{2}|(?<=\.com[A-Z]|\.net[A-Z]|\.org[A-Z]))")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens of ``text`` (see :data:`TOKEN_RE`), glued words cut apart."""
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
    if _MAYBE_GLUED.search(text) is None:
        return toks
    cuts = [m.start() for m in _GLUED.finditer(text)]
    if not cuts:
        return toks
    out: list[tuple[int, int, str]] = []
    starts = [t[0] for t in toks]
    cut_at = {bisect.bisect_right(starts, c) - 1: c for c in cuts}
    for k, (start, end, raw) in enumerate(toks):
        c = cut_at.get(k)
        if c is None or not start < c < end:
            out.append((start, end, raw))
            continue
        out.append((start, c, raw[: c - start]))
        out.append((c, end, raw[c - start :]))
    return out


@dataclass(slots=True)
class _Doc:
    text: str
    toks: list[tuple[int, int, str]]
    folded: list[str]
    sents: list[Span]
    tok_sent: list[int]
    title_case: set[int]


def _sentence_of_tokens(toks: list[tuple[int, int, str]], sent_starts: list[int]) -> list[int]:
    """Per token, the index of the last sentence starting at or before it (0 before the first)."""
    tok_starts = [t[0] for t in toks]
    out: list[int] = []
    done = 0
    for k in range(1, len(sent_starts)):  # the tokens before sentence k lie in sentence k - 1
        cut = bisect.bisect_left(tok_starts, sent_starts[k])
        out += [k - 1] * (cut - done)
        done = cut
    out += [max(0, len(sent_starts) - 1)] * (len(toks) - done)
    return out


def _prepare(text: str) -> _Doc | None:
    toks = _tokens(text)
    if not toks:
        return None
    sents = sentences(text)
    tok_sent = _sentence_of_tokens(toks, [s.start for s in sents])
    # an ASCII word has nothing to fold but case (see gazetteer_text.fold): no call for most
    folded = [w.lower() if w.isascii() else fold(w) for _, _, w in toks]
    return _Doc(text, toks, folded, sents, tok_sent, title_case_sentences(toks, tok_sent))


def find_places(article: Article, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Find, resolve and characterise the place names of ``article`` (in text order)."""
    doc = _prepare(article.clean_text)
    if doc is None:
        return []
    matches = scan(doc.text, doc.toks, doc.folded, doc.tok_sent, doc.title_case, gazetteer)
    add_context(doc.text, doc.toks, doc.folded, matches)
    resolve(matches, gazetteer, doc.text, _title_matches(article, gazetteer))
    kept = [m for m in matches if m.choice is not None and accept(m, gazetteer)]
    events = event_flags(doc.text, kept, doc.sents, gazetteer)
    described = descriptions(doc.text, kept, gazetteer)
    out: list[PlaceMention] = []
    for m, is_event in zip(kept, events, strict=True):
        assert m.choice is not None
        desc = described.get(id(m))
        out.append(
            PlaceMention(
                span=article.span(m.start, m.end),
                name=" ".join(article.text[m.start : m.end].split()),
                place=gazetteer.place(m.choice),
                is_event_location=is_event,
                description=desc[0] if desc else None,
                description_span=article.span(desc[1], desc[2]) if desc else None,
                score=round(m.score, 3),
            )
        )
    return out


def _title_matches(article: Article, gazetteer: Gazetteer) -> tuple[list[Match], str] | None:
    """The place matches of a title the text does not open with, and the title (for evidence only)."""
    if opens_with_headline(article.title, article.clean_text):
        return None
    title = (article.title or "").strip()
    doc = _prepare(title)
    if doc is None:
        return None
    found = scan(doc.text, doc.toks, doc.folded, doc.tok_sent, set(), gazetteer)
    add_context(doc.text, doc.toks, doc.folded, found)
    return found, title


def resolve_toponyms(
    article: Article, spans: list[tuple[int, int]], gazetteer: Gazetteer
) -> list[Place | None]:
    """Resolve given toponym spans (offsets into ``article.clean_text``) with the document as context.

    The places sitrep itself recognises in the article serve as evidence; each given
    span replaces any recognised match it overlaps. A span whose text names nothing in
    the gazetteer gives None.
    """
    doc = _prepare(article.clean_text)
    if doc is None:
        return [None] * len(spans)
    found = scan(doc.text, doc.toks, doc.folded, doc.tok_sent, doc.title_case, gazetteer)
    given: list[Match | None] = [_span_match(doc, s, e, gazetteer) for s, e in spans]
    real = [m for m in given if m is not None]
    merged = [m for m in found if not any(m.start < g.end and g.start < m.end for g in real)] + real
    merged.sort(key=lambda m: (m.start, m.end))
    add_context(doc.text, doc.toks, doc.folded, merged)
    resolve(merged, gazetteer, doc.text, _title_matches(article, gazetteer))
    return [None if m is None or m.choice is None else gazetteer.place(m.choice) for m in given]


def _span_match(doc: _Doc, start: int, end: int, gaz: Gazetteer) -> Match | None:
    """A match for the given span, when its text (or a shortened form of it) names a place."""
    first = bisect.bisect_left([t[1] for t in doc.toks], start + 1)
    last = bisect.bisect_right([t[0] for t in doc.toks], end - 1) - 1
    if first > last:
        return None
    words = doc.folded[first : last + 1]
    while words and words[0] == "the":
        words, first = words[1:], first + 1
    key = " ".join(words)
    cands = gaz.ids(key)
    if not cands:
        return None
    return Match(first, last, start, end, key, cands[:40], gaz.adjectives.get(key), doc.tok_sent[first])
