"""Who did it and what was hit, as a source states it in its own voice.

Perpetrators: "Syrian government aircraft bombed a market".

Extraction finds attributions that are *reported* ("X blamed Y", "believed to be by Y").
A source can also name the perpetrator in its own voice, as the subject of the attack
verb; for a blame comparison across sources that counts as the source's attribution.
Only subjects qualified by a proper name or adjective ("Russian warplanes", "Turkish
drones", "Nigerian troops") are read, never a bare "gunmen" or "the aircraft".

Targets: the object of the attack verb when it is a place or thing people attack ("hit a
workshop", "stormed an army post", "bombed a crowded market") → ``"workshop"``,
``"army post"``, ``"market"``.
"""

from __future__ import annotations

import re

from sitrep.corroborate.incident_counts import own_sentences
from sitrep.corroborate.normalise import canonical_actor
from sitrep.model import Article, EventMention, Span

__all__ = ["stated_perpetrators", "stated_targets"]

_SUBJECT = re.compile(
    r"(?<![\w-])(?!(?:The|A|An|Its|Their|His|Her|These|Those|Two|Three|Several|Some|Many|Unidentified|Unknown|Suspected"
    r"|Alleged|Apparent|Unmarked)\b)"
    r"(?P<who>(?:[A-Z][\w'’.-]+\s+){1,3}(?:(?:government|military|army|regime|air\s+force|coalition)\s+)?"
    r"(?:aircraft|warplanes?|jets|drones|helicopters|gunships|artillery|troops|soldiers|forces))"
    r"\s+(?:had\s+|have\s+|has\s+)?(?:bombed|struck|shelled|hit|attacked|targeted|raided|pounded|fired\s+(?:on|at)"
    r"|opened\s+fire)\b"
)


def stated_perpetrators(article: Article, mention: EventMention) -> list[tuple[str, Span]]:
    """(canonical name, span) of each perpetrator the article names as the subject of the attack."""
    out: list[tuple[str, Span]] = []
    text = article.clean_text
    for sent in own_sentences(article, mention, article.events):
        for m in _SUBJECT.finditer(text, sent.start, sent.end):
            out.append((canonical_actor(m.group("who")), article.span(m.start("who"), m.end())))
    return out


_TARGET_NOUN = (
    r"base|air\s+base|market|marketplace|post|outpost|camp|checkpoint|school|mosque|church|hospital|clinic|convoy"
    r"|village|house|home|workshop|bus|vehicle|car|office|station|compound|embassy|airport|bar|club|party"
    r"|restaurant|hotel|prison|barracks|patrol|position|refinery|pipeline|bridge|farm|farms|kraal|camps|homes"
)
_TARGET = re.compile(
    r"\b(?:hit|hitting|struck|striking|targeted|targeting|attacked|attacking|stormed|storming|bombed|bombing"
    r"|raided|raiding|shelled|shelling|ambushed|ambushing|slammed\s+into|set\s+fire\s+to|torched)\s+"
    r"(?:a|an|the|two|three|several)\s+(?P<what>(?:[\w-]+\s+){0,2}?(?:" + _TARGET_NOUN + r"))\b",
    re.IGNORECASE,
)
_ADJECTIVES = re.compile(  # "crowded", "Iraqi": how the target is described, not what it is
    r"^(?:(?:(?i:crowded|busy|small|large|sprawling|remote|local|nearby|main|rural|central)|[A-Z][\w'’-]+)\s+)+"
)


def stated_targets(article: Article, mention: EventMention) -> list[tuple[str, Span]]:
    """(what was hit, span) for each target the article names as the object of the attack verb."""
    out: list[tuple[str, Span]] = []
    text = article.clean_text
    for sent in own_sentences(article, mention, article.events):
        for m in _TARGET.finditer(text, sent.start, sent.end):
            what = " ".join(m.group("what").split())
            what = _ADJECTIVES.sub("", what).lower() or what.lower()
            out.append((what, article.span(m.start(), m.end())))
    return out
