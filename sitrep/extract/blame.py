"""Statements of responsibility: who blames whom, who claims or denies an attack.

Kinds (see :class:`sitrep.model.BlameMention`):

* ``attribution``: "X blamed Y for", "attributed the attack to Y", "Y was behind",
  "believed to be by Y", "the possible involvement of Y", "accused Y of being behind";
* ``claim``: "Y claimed responsibility", "responsibility was claimed by Y";
* ``denial``: "Y denied involvement/responsibility";
* ``none``: "no one has claimed responsibility", "no group claimed", "did not
  attribute blame", "did not say who was behind"; a negated attribution ("did not
  blame") is ``none`` too.

``blamed`` is the canonical dictionary name of the actor found where the pattern
expects it (:mod:`sitrep.extract.actors`), else the noun phrase as written. ``by``
is who makes the attribution: the sentence's source ("X said", "X told Reuters",
"according to X") or else the subject before the verb.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sitrep.caseless import CaselessPattern
from sitrep.extract.actors import find_actors
from sitrep.extract.hedging import hedge_cue
from sitrep.model import ActorMention, ActorRole, Article, BlameMention, Span
from sitrep.text import sentences

__all__ = ["find_blame"]

logger = logging.getLogger(__name__)

_NEG = (
    r"(?:did\s+not|didn['’]t|does\s+not|doesn['’]t|has\s+not|hasn['’]t|have\s+not|haven['’]t|had\s+not|would\s+not"
    r"|wouldn['’]t|declined\s+to|refused\s+to|never|not)"
)
_Y_FWD = (
    r"(?:[\"“]\s*)?(?P<y>(?:(?:remnants|members|fighters|elements|cells|loyalists|followers)\s+of\s+(?:the\s+)?)?"
    r"[^,.;:()\"“”]{2,90}?)"
)  # a phrase after the cue (maybe quoted), up to punctuation
_Y_STOP = (
    r"(?=\s*(?:[,.;:()\"“”]|$|\s(?:for|of|in|on|at|after|over|because|with|against|during|near|inside|targeting"
    r"|when|while|using|last|this|earlier|and\s+(?:said|warned|called))\b))"
)


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str
    rx: re.Pattern[str]
    y_backward: bool = False  # Y precedes the cue ("Y claimed responsibility")
    hedged: bool = False  # the pattern itself expresses doubt ("believed to be by Y")


def _p(kind: str, pattern: str, *, back: bool = False, hedged: bool = False) -> _Pattern:
    return _Pattern(kind, re.compile(pattern, re.IGNORECASE), back, hedged)


_NONE = _p(
    "none",
    rf"\b(?:no\s+(?:one|group|organi[sz]ation|party|faction|militant\s+group|claim\s+of\s+responsibility)"
    rf"(?:\s+(?:has|had|have))?(?:\s+(?:yet|immediately|so\s+far))*\s+(?:claimed|been\s+claimed|taken\s+responsibility)"
    rf"|(?:has|had|have)\s+not\s+(?:yet\s+)?been\s+claimed|(?:was|were)\s+(?:not|never)\s+claimed"
    rf"|{_NEG}\s+(?:immediately\s+|publicly\s+|directly\s+|formally\s+)?(?:attribute|assign|apportion)\s+(?:\w+\s+)?"
    rf"(?:blame|responsibility)|{_NEG}\s+(?:immediately\s+|publicly\s+)?(?:say|said|identify|name|specify|disclose)"
    rf"\s+who\s+(?:was|were|is|are|might\s+be|could\s+be)\s+(?:behind|responsible)"
    rf"|{_NEG}\s+(?:immediately\s+|publicly\s+|directly\s+)?(?:blame|accuse)\b"
    rf"|(?:it\s+(?:was|is)|remain(?:s|ed)?)\s+unclear\s+who\s+(?:was|is|were|carried)"
    rf"|responsibility\s+(?:has|had)\s+not\s+been\s+claimed|no\s+immediate\s+claim\s+of\s+responsibility)",
)
_CLAIM = (
    _p(
        "claim",
        r"\b(?:has\s+|have\s+|had\s+)?(?:claimed|claims|claiming)\s+(?:responsibility|credit)\b",
        back=True,
    ),
    _p(
        "claim",
        rf"\bresponsibility\s+(?:for\s+[^,.;]{{0,60}}?\s+)?(?:was|has\s+been)\s+claimed\s+by\s+{_Y_FWD}{_Y_STOP}",
    ),
)
_DENIAL = _p(
    "denial",
    r"\b(?:has\s+|have\s+|had\s+)?(?:denied|denies|denying|rejected|rejects)\s+(?:any\s+)?(?:involvement|responsibility"
    r"|role|links?|claims?\s+(?:of|that))\b",
    back=True,
)
_ATTRIB = (
    _p("attribution", rf"\b(?:blamed|blames|blaming|has\s+blamed)\s+{_Y_FWD}\s+for\b"),
    _p(
        "attribution",
        rf"\b(?:blamed|blames|pinned)\s+(?:the\s+\w+|it|them|this|the\s+(?:\w+\s+){{1,3}})\s+on\s+{_Y_FWD}{_Y_STOP}",
    ),
    _p(
        "attribution",
        rf"\battribut(?:ed|es|ing)\s+(?:the\s+(?:\w+\s+){{0,3}}|it\s+|them\s+)?to\s+{_Y_FWD}{_Y_STOP}",
    ),
    _p(
        "attribution",
        rf"\baccus(?:ed|es|ing)\s+{_Y_FWD}\s+of\s+(?:being\s+behind|carrying\s+out|launching|staging"
        rf"|responsibility|orchestrating|perpetrating|the\s+attack)",
    ),
    _p(
        "attribution",
        r"\b(?P<y>[^,.;:()\"“”]{2,80}?)\s+(?:that|which|whom)\s+(?P<by>[^,.;]{2,60}?)\s+(?:has\s+|have\s+|had\s+)?"
        r"accused\s+of\s+being\s+behind\b",
    ),
    _p(
        "attribution",
        r"\b(?:believed|thought|suspected|said|likely)\s+to\s+(?:be|have\s+been)\s+(?:\w+\s+){0,2}?"
        rf"(?:carried\s+out\s+|launched\s+|staged\s+|fired\s+)?by\s+{_Y_FWD}{_Y_STOP}",
        hedged=True,
    ),
    _p(
        "attribution",
        rf"\b(?:carried\s+out|launched|staged|perpetrated|orchestrated)\s+by\s+{_Y_FWD}{_Y_STOP}",
    ),
    _p(
        "attribution",
        rf"\b(?:possible|potential|suspected|likely)\s+(?:involvement|role|hand)\s+of\s+{_Y_FWD}{_Y_STOP}",
        hedged=True,
    ),
    _p(
        "attribution",
        r"\b(?:(?:is|are|was|were)\s+(?:(?:believed|thought|suspected|likely)\s+(?:to\s+(?:be|have\s+been)\s+)?)?"
        r"(?:behind|responsible\s+for))\s+(?:(?:the|this|these|that|a|an|last\s+\w+['’]s)\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:attacks?|bombings?|blasts?|explosions?|killings?|shootings?|raids?|strikes?|ambush(?:es)?|assaults?"
        r"|incidents?|violence|massacres?|abductions?|kidnappings?|it|them)\b",
        back=True,
    ),
)
_PREFILTER = re.compile(r"(?i)blam|claim|respons|attribut|accus|behind|deni|by\b|involvement|reject|unclear")
_PREFILTER_FAST = CaselessPattern(_PREFILTER)
_SOURCE = re.compile(
    r"(?P<by>(?:(?:the|a|an|one|two|several|multiple)\s+)?(?:[A-Z][\w.'’-]*\s+|(?:senior|local|military|security|"
    r"government|US|U\.S\.|Iraqi|official|defence|defense)\s+){0,6}(?:official|officials|spokesman|spokeswoman|"
    r"spokesperson|source|sources|coalition|ministry|military|army|police|government|statement|[A-Z][\w.'’-]+))"
    r"\s+(?:said|says|told|stated|added|announced|confirmed|reported)\b"
)
_SUBJECT = re.compile(
    r"(?:^|[,;]\s+|\bwhile\s+|\bbut\s+|\band\s+)(?P<by>(?:the|a|an|one)?\s*(?:[\w.'’-]+\s+){0,6}?[\w.'’-]+)\s+"
    r"(?:has\s+|have\s+|had\s+|did\s+not\s+|didn['’]t\s+|does\s+not\s+|has\s+not\s+|also\s+)?"
    r"(?:blamed|blames|accused|accuses|attributed|attributes|attribute|blame|say|said|says|was\s+looking|is\s+looking)",
    re.I,
)


def _phrase_actor(actors: list[ActorMention], lo: int, hi: int, *, last: bool) -> ActorMention | None:
    inside = [a for a in actors if lo <= a.span.start and a.span.end <= hi]
    if not inside:
        return None
    return inside[-1] if last else inside[0]


def _clean(phrase: str) -> str | None:
    phrase = re.sub(r"^(?:the|a|an|its|their|various)\s+", "", phrase.strip(" \t\n'’\"“”-"), flags=re.I)
    phrase = re.sub(r"\s+", " ", phrase)
    return phrase or None


def _by(text: str, sent: Span, cue_start: int, actors: list[ActorMention]) -> str | None:
    """Who makes the statement: a source named in the sentence, else the subject before the cue."""
    src = [a for a in actors if sent.start <= a.span.start < sent.end and a.role is ActorRole.SOURCE]
    if src:
        det = re.search(
            r"(?:\b(?:the|a|an|one|two|several|multiple|another|senior)\s+){1,2}$",
            text[sent.start : src[0].span.start],
            re.I,
        )
        start = sent.start + det.start() if det else src[0].span.start
        return text[start : src[0].span.end]
    m = _SOURCE.search(text, sent.start, sent.end)
    if m:
        return m.group("by").strip()
    head = text[sent.start : cue_start]
    cands = list(_SUBJECT.finditer(head))
    if cands:
        by = cands[-1].group("by").strip()
        by = re.sub(r"^(?:while|but|and|however|meanwhile|in\s+\w+)\s*,?\s*", "", by, flags=re.I)
        if by and not re.fullmatch(r"(?i:it|this|that|which|who|they|he|she)", by):
            return by
    return None


def _blamed(
    text: str, m: re.Match[str], pat: _Pattern, sent: Span, actors: list[ActorMention]
) -> tuple[str | None, int, int]:
    """The blamed party's name and the (start, end) of the phrase naming it."""
    if "y" in (m.groupdict() or {}) and m.group("y") is not None:
        lo, hi = m.start("y"), m.end("y")
        actor = _phrase_actor(actors, lo, hi, last=False)
        if actor is not None:
            return actor.name, actor.span.start, actor.span.end
        return _clean(m.group("y")), lo, hi
    # Y precedes the cue: the nearest actor before it in the sentence, else the clause's last words
    head = text[sent.start : m.start()]
    if head.rstrip().endswith(",") and "," in head.rstrip()[:-1]:  # "Y, a group active in ..., claimed"
        head = head[: head.rstrip()[:-1].rfind(",")]
    end = sent.start + len(head)
    actor = _phrase_actor(actors, sent.start, end, last=True)
    named_after = re.match(r"\s+of\s+(?:the\s+)?[A-Z]", text[actor.span.end : end]) if actor else None
    if actor is not None and named_after:  # "Fighters of the X claimed": X, not the generic "fighters"
        lo = actor.span.end + named_after.end() - 1
        return _clean(text[lo:end]), lo, len(text[:end].rstrip())
    if actor is not None and end - actor.span.end < 60:
        return actor.name, actor.span.start, actor.span.end
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
    phrase = head[cut + 1 :]
    words = phrase.split()[-5:]
    if not words:
        return None, m.start(), m.start()
    name = _clean(" ".join(words))
    start = sent.start + cut + 1 + phrase.rfind(words[0])
    return name, start, m.start()


def find_blame(article: Article) -> list[BlameMention]:
    """Every statement of responsibility in ``article.clean_text``, in text order.

    Uses ``article.actors`` when the actors stage has filled it, else finds the actors itself.
    """
    text = article.clean_text
    actors = article.actors or find_actors(article)
    out: list[BlameMention] = []
    for sent in sentences(text):
        taken: list[tuple[int, int]] = []
        if _PREFILTER_FAST.search(text, sent.start, sent.end) is None:  # as searching the sentence alone
            continue
        for pat in (_NONE, *_CLAIM, _DENIAL, *_ATTRIB):
            for m in pat.rx.finditer(text, sent.start, sent.end):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                kind = pat.kind
                if kind != "none" and re.search(
                    rf"(?i)\b{_NEG}\s+(?:\w+\s+)?$", text[max(sent.start, m.start() - 30) : m.start()]
                ):
                    kind = "none"
                blamed: str | None
                if kind == "none":
                    blamed, lo, hi = None, m.start(), m.end()
                else:
                    blamed, lo, hi = _blamed(text, m, pat, sent, actors)
                    if blamed is None:
                        continue
                span_lo, span_hi = min(lo, m.start()), max(hi, m.end())
                span = article.span(span_lo, span_hi)
                hedged = (
                    pat.hedged or hedge_cue(text, span_lo, span_hi, bounds=(sent.start, sent.end)) is not None
                )
                if kind in ("claim", "denial"):
                    by = None
                elif m.groupdict().get("by"):
                    by = m.group("by").strip()
                else:
                    by = _by(text, sent, m.end(), actors)
                out.append(BlameMention(span=span, kind=kind, blamed=blamed, by=by, hedged=hedged))
                taken.append((m.start(), m.end()))
    return out
