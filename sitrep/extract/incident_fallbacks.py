"""When no rule reports an incident: triggers read from a lead's violent verb (with the type
classifier's reading) or from a casualty count in the body, and where an article's headline block
ends (a headline alone never opens an incident).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from sitrep.extract.event_types import Trigger, is_mishap
from sitrep.extract.type_classifier import TypeClassifier
from sitrep.model import Article, CountMention, Span, WeaponMention
from sitrep.taxonomy import SUB_EVENT_TYPES, event_type_of

__all__ = [
    "COUNT_TRIGGER_SCORE",
    "FALLBACK_CONFIDENCE",
    "SentenceFindings",
    "count_trigger",
    "fallback_trigger",
    "headline_block_end",
]


class SentenceFindings(Protocol):
    """What the fallbacks read of a sentence (the event assembler's per-sentence findings)."""

    span: Span
    triggers: list[Trigger]
    counts: list[CountMention]
    weapons: list[WeaponMention]


_VIOLENT_VERB = re.compile(
    r"\b(?:kill(?:ed|ing)|attack(?:ed|ing)?|shot|shooting|fired|opened\s+fire|burn(?:ed|t)|abduct(?:ed|ing)"
    r"|kidnapp(?:ed|ing)|assault(?:ed|ing)|ambush(?:ed)?|clash(?:ed|es)?|wounded|injured|seized|loot(?:ed|ing)"
    r"|raid(?:ed)?|explod(?:ed|ing)|detonat(?:ed|ing)|bomb(?:ed|ing)|struck|stormed|protest(?:ed|ers)"
    r"|demonstrat(?:ed|ors)|rioted|beat(?:en)?|lynched)\b",
    re.IGNORECASE,
)
#: the classifier's least probability for its ACLED type when no rule reports an incident
FALLBACK_CONFIDENCE = 0.12
_FALLBACK_SENTENCES = 3


def fallback_trigger(article: Article, sents: Sequence[SentenceFindings], classifier: TypeClassifier) -> bool:
    """When no rule finds an incident, the lead may still report one in words the rules miss
    ("members of a community killed five herders"): if one of its first sentences has a violent
    verb and the classifier reads the lead as an ACLED type (rather than a non-conflict story) with
    probability of at least :data:`FALLBACK_CONFIDENCE`, that verb becomes the trigger of the
    article's one incident. A sentence that tells of a mishap ("killed when a truck slid off the
    road") lends no verb. ``sents``: the article's sentences in order, background talk left out.
    Returns whether a trigger was added."""
    lead = list(sents[:_FALLBACK_SENTENCES])
    verbs = ((s, _VIOLENT_VERB.search(s.span.text)) for s in lead if not is_mishap(s.span.text))
    hit = next(((s, m) for s, m in verbs if m), None)
    if hit is None:
        return False
    (probs,) = classifier.predict_proba([" ".join(s.span.text for s in lead)[:2000]])
    top, p = max(probs.items(), key=lambda kv: kv[1])
    if top not in SUB_EVENT_TYPES or p < FALLBACK_CONFIDENCE:
        return False
    sent, m = hit
    start = sent.span.start + m.start()
    sent.triggers.append(
        Trigger(
            span=article.span(start, start + len(m.group(0))),
            sentence=sent.span,
            sub_event_type=top,
            event_type=event_type_of(top),
            score=round(p, 3),
        )
    )
    return True


#: the score of a trigger read from a casualty count alone (weaker than any rule's)
COUNT_TRIGGER_SCORE = 0.3
_ACCIDENTAL = re.compile(
    r"\b(?:accident(?:al(?:ly)?)?|accidently|unintentional(?:ly)?|mishandl\w*)\b", re.IGNORECASE
)
#: what the classifier may read a report as that is no violence at all
_NOT_VIOLENCE = frozenset({"Unrelated", "Natural disaster", "Man-made disaster"})
_SHOOT_WORD = re.compile(r"\bshoots?\b|\bgun", re.IGNORECASE)


def count_trigger(body: Sequence[SentenceFindings], classifier: TypeClassifier) -> bool:
    """When neither the rules nor the classifier find an incident, one of the first sentences of
    the body may still state people killed, wounded or shot in words the rules miss ("a young boy
    was fatally wounded when police used live ammunition"): that count becomes the trigger of the
    article's one incident, an attack, or an accident when the sentence says so. A headline alone
    opens nothing (a page whose body is boilerplate shares that boilerplate with unrelated pages),
    and neither do deaths by mishap (a crash, a fire) or counts with no sign of violence (a gun, a
    shot, a violent verb), nor a sentence the classifier reads as unrelated news (sport: "the striker
    shot himself into the record books") or a disaster. ``body``: the sentences after the headline
    block, in order, background talk left out. Returns whether a trigger was added."""
    for sent in body[:_FALLBACK_SENTENCES]:
        counts = [c for c in sent.counts if (c.low or 0) > 0]
        text = sent.span.text
        violent = sent.weapons or _VIOLENT_VERB.search(text) or _SHOOT_WORD.search(text)
        if not counts or not violent or is_mishap(text):
            continue
        (probs,) = classifier.predict_proba([text])
        if max(probs, key=lambda k: probs[k]) in _NOT_VIOLENCE:
            continue
        sub = "Accident" if _ACCIDENTAL.search(text) else "Attack"
        sent.triggers.append(
            Trigger(
                span=counts[0].span,
                sentence=sent.span,
                sub_event_type=sub,
                event_type=event_type_of(sub),
                score=COUNT_TRIGGER_SCORE,
            )
        )
        return True
    return False


#: a dateline that opens the line just before the title's words ("TAMPA - ", "BAGHDAD (Reuters) -")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[A-Z][A-Z .,'-]{1,40}(?:\([A-Za-z .]+\))?\s*[-\u2013\u2014]+\s*$")


def headline_block_end(article: Article) -> int:
    """Where the headline block (title, byline, date lines) ends, or -1 when the text does not open
    with the title."""
    title = (article.title or "").strip()
    at = article.clean_text.find(title, 0, 400) if title else -1
    if at < 0 or _DATELINE_BEFORE.search(article.clean_text, 0, at):
        return -1  # "TAMPA - <the title's words>.": the lead repeats the headline; it is the story
    block = article.clean_text.find("\n\n", at)
    return block if block >= 0 else at + len(title)
