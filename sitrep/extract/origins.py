"""Attributed origins: the news agencies and official bodies an article credits.

An agency counts when it is named in a crediting context: "told Reuters",
"Reuters reported", "(AP)", "according to AFP", a "— Reuters" credit line,
"quoted by Xinhua". Names come from the media entries of the actor dictionary
(``sitrep/data/actors.json``), so "Agence France-Presse" is "AFP" and "the
Associated Press" is "AP". An official body counts when it speaks: "the coalition
said in a statement", "the defence ministry said", "according to the army"; any
coalition is "the coalition", other bodies keep their words ("the interior ministry").
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from sitrep.caseless import lowered
from sitrep.extract.actors import actor_dictionary, alias_alternation
from sitrep.model import ActorKind, Article, Span
from sitrep.text import match_windows, sentences

__all__ = ["find_origins", "origin_of"]

logger = logging.getLogger(__name__)

_BODY_HEAD = (
    r"(?:coalition|ministry|military|army|police|government|pentagon|command|embassy|department|office|forces"
    r"|authorities|council|mission|presidency|administration)"
)
_MODIFIER = (
    r"(?:[A-Z][\w'’.-]*|(?i:defen[cs]e|interior|foreign|health|security|military|local|provincial|regional|federal"
    r"|state|us-led|saudi-led|international|national|armed|joint|central|public))"
)
_BODY = rf"(?P<body>(?:[Tt]he\s+)?(?:{_MODIFIER}\s+){{0,5}}(?i:{_BODY_HEAD}))"
_SAYS = r"(?:said|says|announced|confirmed|stated|reported|added|told\s+reporters)"
_BODY_PATTERNS = (
    re.compile(rf"(?<![\w-]){_BODY}\s+(?i:{_SAYS})\b"),
    re.compile(rf"\b(?i:in\s+a\s+statement|according\s+to|a\s+statement\s+(?:from|by))\s*,?\s+{_BODY}\b"),
)
# A quick test on the lower-cased text for each body pattern (None: always run it): the first
# pattern needs a head word right before a speech verb, which the lower-cased text then shows.
_BODY_GATES = (re.compile(rf"{_BODY_HEAD}\s+{_SAYS}\b"), None)
# a body pattern's match ends where its gate matches (a head word and a speech verb) and starts at
# most this many characters earlier (room for "the" and modifiers): it is searched only there
_BODY_REACH = 200
_NOT_BODY = re.compile(r"\b(?:he|she|they|it|who|which|that|if|when|while|and|but)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _media() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every media alias in a crediting context, and alias -> canonical name."""
    names: dict[str, str] = {}
    for entry in actor_dictionary():
        if entry.kind is ActorKind.MEDIA:
            for alias in (entry.name, *entry.aliases):
                names[_key(alias)] = entry.name
    aliases = sorted(
        (a for e in actor_dictionary() if e.kind is ActorKind.MEDIA for a in (e.name, *e.aliases)),
        key=len,
        reverse=True,
    )
    m = "(?:(?:the|The)\\s+)?(?P<m>" + alias_alternation(aliases) + ")"
    before = (
        r"\b(?:told|tells|telling|to|according\s+to|by|via|quoted\s+by|cited\s+by|reported\s+by|quoting|"
        r"interview\s+with|speaking\s+to|said\s+to|statement\s+to|sources?\s+told)\s+" + m + r"(?![\w-])"
    )
    after = (
        r"(?<![\w-])"
        + m
        + r"(?:\s+(?:news\s+agency|reported|reports|said|says|added|quoted|cited|learned|learnt"
        r"|contributed|reporter|correspondent|has\s+learned|understands)\b|\s*\)|\s*['’]s\s+(?:reporter|correspondent))"
    )
    credit = r"(?:^|\n)[ \t]*[—–-]{1,2}[ \t]*" + m + r"[ \t]*(?=\n|$)|(?<![\w-])" + m + r"[ \t]*[—–]"
    paren = r"\(\s*" + m + r"\s*\)"
    counter = iter(range(100))
    pattern = "|".join(f"(?:{a})" for a in (before, after, credit, paren))
    pattern = re.sub(r"\(\?P<m>", lambda _: f"(?P<m{next(counter)}>", pattern)  # one group name per use
    return re.compile(pattern), names


@lru_cache(maxsize=1)
def _media_gate() -> re.Pattern[str]:
    """Any media alias as a whole word: a text without one credits no agency (a quick test
    before the slower pattern of crediting contexts; speed)."""
    aliases = [a for e in actor_dictionary() if e.kind is ActorKind.MEDIA for a in (e.name, *e.aliases)]
    return re.compile(rf"(?<!\w)(?:{alias_alternation(aliases)})(?![\w-])")


def _key(s: str) -> str:
    return " ".join(s.replace(".", "").replace("-", " ").lower().split())


def _canonical_body(body: str) -> str | None:
    body = re.sub(r"\s+", " ", body.strip())
    if _NOT_BODY.search(body):
        body = re.split(r"\b(?:he|she|they|it|who|which|that|if|when|while|and|but)\b", body, flags=re.I)[
            -1
        ].strip()
    if not body:
        return None
    if re.search(r"coalition", body, re.I):
        return "the coalition"
    words = body.split()
    if words[0].lower() == "the":
        words = words[1:]
    if not words:
        return None
    return "the " + " ".join(words)


def _hits(text: str) -> list[tuple[int, str]]:
    pattern, names = _media()
    hits: list[tuple[int, str]] = []
    low = lowered(text)
    for m in pattern.finditer(text) if _media_gate().search(text) else ():
        for name, value in m.groupdict().items():
            if value is not None and name.startswith("m"):
                canon = names.get(_key(value))
                if canon:
                    hits.append((m.start(name), canon))
                break
    for rx, body_gate in zip(_BODY_PATTERNS, _BODY_GATES, strict=True):
        windows = (
            [(0, len(text))]
            if body_gate is None or low is None
            else match_windows(body_gate, low, _BODY_REACH, 0)
        )
        for lo, hi in windows:
            for m in rx.finditer(text, lo, hi):
                canon = _canonical_body(m.group("body"))
                if canon:
                    hits.append((m.start("body"), canon))
    hits.sort()
    return hits


def find_origins(article: Article) -> list[str]:
    """The agencies and official bodies ``article`` credits, canonical names, in order of first appearance."""
    seen: list[str] = []
    for _, name in _hits(article.clean_text):
        if name not in seen:
            seen.append(name)
    return seen


@lru_cache(maxsize=32)
def _by_sentence(text: str) -> tuple[tuple[Span, tuple[str, ...]], ...]:
    hits = _hits(text)
    out: list[tuple[Span, tuple[str, ...]]] = []
    for sent in sentences(text):
        names: list[str] = []
        for pos, name in hits:
            if sent.start <= pos < sent.end and name not in names:
                names.append(name)
        out.append((sent, tuple(names)))
    return tuple(out)


def origin_of(article: Article, span: Span) -> str | None:
    """The origin credited in the sentence holding ``span``, else in the sentence before it, else None."""
    table = _by_sentence(article.clean_text)
    for i, (sent, names) in enumerate(table):
        if sent.start <= span.start < sent.end or (sent.start >= span.start and sent.end >= span.end):
            if names:
                return names[0]
            if i > 0 and table[i - 1][1]:
                return table[i - 1][1][0]
            return None
    return None
