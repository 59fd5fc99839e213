"""Counts beyond casualties, read from the sentences that report an incident.

* ``munitions``: "three rockets", "two mortar rounds", "a car bomb" → ``"3 rockets"``;
* ``attackers``: "two gunmen", "dozens of fighters" → ``"2"``, ``"at least 24"``;
* ``abducted``: "23 people were abducted", "kidnapped more than 30", "34 people missing".

Only sentences that hold the incident's own spans (its trigger, counts, date or places)
or that follow one of them in the same paragraph are read, and never a sentence that
holds another incident's trigger, so an earlier attack recalled for context is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.model import Article, EventMention, Span
from sitrep.text import sentences

__all__ = ["CountFact", "find_incident_counts", "own_sentences", "parse_number"]

_UNITS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "a pair of": 2,
}  # fmt: skip
_VAGUE_LOW = {"several": 2, "a few": 2, "dozens of": 24, "scores of": 40, "hundreds of": 200, "many": 2}
_WORD = "|".join(sorted((re.escape(w) for w in (*_UNITS, *_VAGUE_LOW)), key=len, reverse=True))
_NUM = (
    rf"(?:(?P<mod>more\s+than|over|at\s+least|nearly|almost|about|around|some|up\s+to)\s+)?"
    rf"(?P<num>\d{{1,4}}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five"
    rf"|six|seven|eight|nine)|{_WORD})"
)
_MUNITION = (
    r"(?P<what>(?:katyusha\s+|mortar\s+|artillery\s+|ballistic\s+|cruise\s+)?(?:rockets?|missiles?|shells?|rounds?"
    r"|bombs?|grenades?|drones?|projectiles?|mortars?|IEDs?|explosive\s+devices?))"
)
_ATTACKER = (
    r"(?P<what>gunm[ae]n|attackers?|assailants?|fighters?|militants?|bandits?|insurgents?|suicide\s+bombers?"
    r"|raiders?|armed\s+m[ae]n|jihadists?)"
)
_F = re.IGNORECASE
_NOT_A_COUNT = (  # "a rocket attack" counts no rockets
    r"(?!\s+(?:attacks?|strikes?|fire|launchers?|barrages?|salvos?|alerts?|sirens?|casings?|cases|fragments?"
    r"|sites?|factory|programme|program))"
)
_MUNITIONS_RX = re.compile(rf"\b{_NUM}\s+(?:[\w-]+\s+)??{_MUNITION}\b{_NOT_A_COUNT}", _F)
_ATTACKERS_RX = re.compile(
    rf"\b{_NUM}\s+(?:(?:armed|masked|heavily\s+armed|suspected|unidentified)\s+)?{_ATTACKER}\b", _F
)
_ABDUCTED_RX = (
    re.compile(
        rf"\b{_NUM}\s+(?:[\w-]+\s+){{0,3}}?(?:were|was|had\s+been|have\s+been|being)\s+"
        rf"(?:abducted|kidnapped|seized|taken\s+hostage|taken\s+captive)\b",
        _F,
    ),
    re.compile(
        rf"\b(?:abducted|abducting|kidnapped|kidnapping|seized|seizing)\s+{_NUM}\b(?!\s+(?:days?|hours?))", _F
    ),
    re.compile(
        rf"\b{_NUM}\s+(?:people|villagers|residents|students|pupils|passengers|persons)\s+missing\b", _F
    ),
)


@dataclass(frozen=True, slots=True)
class CountFact:
    """A count found for one incident: ``field`` is munitions, attackers or abducted."""

    field: str
    low: int
    high: int | None  # None: open range ("more than 30", "dozens of")
    span: Span
    what: str = ""  # for munitions: the kind ("rockets", "mortar rounds")


def parse_number(num: str, mod: str | None = None) -> tuple[int, int | None] | None:
    """(low, high) of a number phrase: ``"three"`` → (3, 3); ``"more than", "30"`` → (31, None)."""
    key = re.sub(r"\s+", " ", num.lower().strip())
    if key.isdigit():
        n = int(key)
    elif "-" in key and all(p in _UNITS for p in key.split("-")):
        tens, unit = key.split("-")
        n = _UNITS[tens] + _UNITS[unit]
    elif key in _UNITS:
        n = _UNITS[key]
    elif key in _VAGUE_LOW:
        return _VAGUE_LOW[key], None
    else:
        return None
    m = re.sub(r"\s+", " ", (mod or "").lower())
    if m in ("more than", "over"):
        return n + 1, None
    if m == "at least":
        return n, None
    if m in ("nearly", "almost"):
        return max(n - n // 10 - 1, 0), n
    if m in ("about", "around", "some"):
        return n - n // 10, n + n // 10
    if m == "up to":
        return 0, n
    return n, n


def own_sentences(article: Article, mention: EventMention, others: list[EventMention]) -> list[Span]:
    """The sentences that report ``mention``: those holding its spans, and the one after each."""
    anchors = [mention.trigger.start]
    anchors += [s.span.start for s in (mention.killed, mention.injured, mention.date) if s is not None]
    anchors += [p.span.start for p in mention.places]
    foreign = tuple(o.trigger.start for o in others if o.id != mention.id)
    return list(_own_sentences(article.clean_text, tuple(anchors), foreign))


@lru_cache(maxsize=256)  # each mention's sentences are read by several claim finders
def _own_sentences(text: str, anchors: tuple[int, ...], foreign: tuple[int, ...]) -> tuple[Span, ...]:
    sents = sentences(text)
    keep: list[Span] = []
    for i, s in enumerate(sents):
        if any(s.start <= f < s.end for f in foreign):
            continue
        own = any(s.start <= a < s.end for a in anchors)
        prev_own = i > 0 and any(sents[i - 1].start <= a < sents[i - 1].end for a in anchors)
        if own or (prev_own and "\n" not in text[sents[i - 1].end : s.start]):
            keep.append(s)
    return tuple(keep)


def _facts(article: Article, sent: Span, field: str, rx: re.Pattern[str]) -> list[CountFact]:
    out = []
    for m in rx.finditer(article.clean_text, sent.start, sent.end):
        bounds = parse_number(m.group("num"), m.group("mod"))
        if bounds is None or bounds[0] == 0:
            continue
        what = m.groupdict().get("what") or ""
        out.append(CountFact(field, bounds[0], bounds[1], article.span(m.start(), m.end()), what.lower()))
    return out


def find_incident_counts(article: Article, mention: EventMention) -> list[CountFact]:
    """Munition, attacker and abduction counts in the sentences that report ``mention``."""
    found: list[CountFact] = []
    for sent in own_sentences(article, mention, article.events):
        found += _facts(article, sent, "munitions", _MUNITIONS_RX)
        found += _facts(article, sent, "attackers", _ATTACKERS_RX)
        for rx in _ABDUCTED_RX:
            found += _facts(article, sent, "abducted", rx)
    found.sort(key=lambda f: f.span.start)
    kept: list[CountFact] = []
    for f in found:  # one reading per stretch of text
        if not any(k.field == f.field and k.span.overlaps(f.span) for k in kept):
            kept.append(f)
    return kept
