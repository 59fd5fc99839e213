"""Perpetrators a source states as fact: "Syrian government aircraft bombed a market".

Extraction finds attributions that are *reported* ("X blamed Y", "believed to be by Y").
A source can also name the perpetrator in its own voice, as the subject of the attack
verb; for a blame comparison across sources that counts as the source's attribution.
Only subjects qualified by a proper name or adjective ("Russian warplanes", "Turkish
drones", "Nigerian troops") are read, never a bare "gunmen" or "the aircraft".
"""

from __future__ import annotations

import re

from sitrep.corroborate.incident_counts import own_sentences
from sitrep.corroborate.normalise import canonical_actor
from sitrep.model import Article, EventMention, Span

__all__ = ["stated_perpetrators"]

_SUBJECT = re.compile(
    r"(?<![\w-])(?!(?:The|A|An|Its|Their|His|Her|These|Those|Two|Three|Several|Some|Many|Unidentified|Unknown)\b)"
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
