"""Rule-based sub-event typing of sentences (ACLED's types and sitrep's non-conflict ones), and the
incident triggers of an article.

Each rule is a precompiled pattern for one of ACLED's sub-event types (names from
:mod:`sitrep.taxonomy`, definitions after the public ACLED codebook). Rules are
listed in order of precedence: when several fire in one sentence, the first one
wins, so specific weapon-based types beat the generic "Attack" ("a rocket attack
... killed a contractor" is shelling), protest types beat "Armed clash" and
"Arrests", and defusing or intercepting a weapon beats the weapon itself.

A trigger is dropped when the sentence only talks about a possible, feared or
threatened incident (an irrealis cue such as "would", "warned", "any", "prevent",
"called for" shortly before it) and reports no actual harm ("killed", "hit", ...).
A weapon word with no impact next to a word of discovery ("rockets were found")
is not an explosion. A rule may name words that veto it anywhere in the sentence
(a crash or a storm that "killed a man" is no attack).

Besides ACLED's types, the rules assign sitrep's own non-conflict types
(:data:`sitrep.taxonomy.NON_CONFLICT_SUB_TYPES`): a gun fired by accident, a
self-inflicted shooting.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.extract.armed_sides import clash_or_attack
from sitrep.extract.unrest_types import unrest_type
from sitrep.model import Article, Span
from sitrep.taxonomy import event_type_of
from sitrep.text import sentences

__all__ = [
    "HARM_FIRST_TYPES",
    "LOOTING",
    "Trigger",
    "TypeGuess",
    "article_type",
    "classify_sentence",
    "classify_text",
    "find_triggers",
    "is_mishap",
    "property_only",
    "yields_to_attack",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TypeGuess:
    """The sub-event type of one sentence; ``start``/``end`` locate the trigger words in it."""

    sub_event_type: str
    event_type: str
    score: float
    start: int
    end: int
    trigger: str


@dataclass(frozen=True, slots=True)
class Trigger:
    """The words of an article that report an incident of a given ACLED type."""

    span: Span  # the trigger words
    sentence: Span
    sub_event_type: str
    event_type: str
    score: float


@dataclass(frozen=True, slots=True)
class _Rule:
    sub: str
    pattern: re.Pattern[str]
    score: float
    weapon: bool = False  # an explosive/remote weapon: needs an impact unless nothing was found
    protest: bool = False  # fires only in a sentence about a protest
    realis: bool = True  # subject to the irrealis filter
    gate: tuple[str, ...] = ()  # prefixes of words one of which every match contains (a fast pre-check)
    unless: re.Pattern[str] | None = None  # found anywhere in the sentence, the rule does not fire


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(p, re.IGNORECASE)


_WORD = re.compile(r"[a-z]+")
_PROTEST = _rx(
    r"\b(?:protest(?:s|ed|ing|ers?|ors?)?|demonstrat(?:ion|ions|ors?|ed|ing)|rall(?:y|ies|ied)|marchers|sit-?ins?"
    r"|took\s+to\s+the\s+streets|taken\s+to\s+the\s+streets|strikers|rioters?|riot(?:s|ed|ing)?)\b"
)
_IMPACT = _rx(
    r"\b(?:kill(?:ed|ing|s)?|dead|died|wound(?:ed|ing|s)?|injur(?:ed|ing|ies)|hurt|casualt(?:y|ies)|hit|hitting|struck"
    r"|landed|slammed|exploded|explod(?:es|ing)|explosions?|went\s+off|blasts?|detonated|destroy(?:ed|ing)|damag(?:ed|ing)"
    r"|pounded|rocked|tore\s+through|ripped\s+through|targeted|targeting|fired|launched|dropped)\b"
)
_FOUND = _rx(
    r"\b(?:found|discovered|seized|recovered|confiscated|uncovered|defused|intercepted|shot\s+down|foiled|thwarted"
    r"|cache|stash|unexploded|dismantled)\b"
)
_IRREALIS = _rx(
    r"\b(?:would|will|could|might|(?-i:may)|should|must|threat(?:en(?:ed|s|ing)?|s)?|warn(?:ed|s|ing)?|vow(?:ed|s)?"
    r"|pledg(?:ed|es)|plan(?:s|ned|ning)?\s+to|prevent(?:ed|ing)?|avoid|any|future|possible|potential|risk\s+of"
    r"|fears?\s+of|call(?:ed|s|ing)?\s+for|urg(?:ed|es|ing)|demand(?:ed|s|ing)?|sanctions?|talks|negotiat\w+|if"
    r"|unless|against\s+the\s+use\s+of|ban\s+on|deter)\b"
)
_STATE = _rx(
    r"\b(?:army|troops|soldiers|military|government|pro-government|regime|security\s+forces|armed\s+forces|police"
    r"|forces\s+loyal\s+to\s+the\s+government|federal\s+forces|tatmadaw|national\s+guard|commandos|special\s+forces"
    r"|marines|paratroopers|gendarm(?:es|erie)|defen[cs]e\s+forces|allied\s+(?:fighters|forces|militias))\b"
)
_NONSTATE = re.compile(
    r"\b(?:(?i:militants?|rebels?|insurgents?|jihadists?|fighters|militias?|militiamen|gunmen|extremists|terrorists"
    r"|group|taliban|shabaa?b|houthis?|islamic\s+state|daesh|boko\s+haram|wagner|separatists|bandits)"
    r"|IS|ISIS|ISIL|ISWAP|JNIM|HTS|SDF|YPG|PKK|M23|ADF|RSF)\b"
)

_ASIDE = re.compile(r",\s*(?:which|who|whose|backed|supported|aided|helped|led)\b[^,]*,", re.IGNORECASE)

_DATA = Path(__file__).resolve().parent.parent / "data" / "event_keywords.json"


def _expand(body: str, fragments: dict[str, str]) -> str:
    for name, fragment in fragments.items():
        body = body.replace("{" + name + "}", fragment)
    return body


def _load_rules(path: Path = _DATA) -> tuple[_Rule, ...]:
    """The typing rules, in order of precedence, from ``sitrep/data/event_keywords.json``."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    fragments: dict[str, str] = doc["fragments"]
    rules: list[_Rule] = []
    for row in doc["rules"]:
        event_type_of(row["sub"])  # fail early on a misspelt sub-event type
        body = _expand("|".join(row["any"]), fragments)
        unless = _expand(row.get("unless", ""), fragments)
        rules.append(
            _Rule(
                sub=row["sub"],
                pattern=_rx(rf"\b(?:{body})\b"),
                score=float(row["score"]),
                weapon=bool(row.get("weapon", False)),
                protest=bool(row.get("protest", False)),
                realis=bool(row.get("realis", True)),
                gate=tuple(row.get("gate", "").split()),
                unless=_rx(rf"\b(?:{unless})\b") if unless else None,
            )
        )
    return tuple(rules)


# Rules in order of precedence.
_RULES: tuple[_Rule, ...] = _load_rules()
_MISHAP = _rx(rf"\b{json.loads(_DATA.read_text(encoding='utf-8'))['fragments']['MISHAP']}\b")


def is_mishap(text: str) -> bool:
    """True when ``text`` tells of a death or injury by mishap or nature (a crash, a storm, a fire,
    a drowning, an illness) rather than by violence."""
    return _MISHAP.search(text) is not None


#: the longest gate prefix: longer prefixes of a word can never meet a gate
_GATE_LONGEST = max((len(g) for rule in _RULES for g in rule.gate), default=2)
#: the rules with no gate, which every sentence tries (as a bit mask over ``_RULES``)
_UNGATED = sum(1 << i for i, rule in enumerate(_RULES) if not rule.gate)


@lru_cache(maxsize=1 << 16)
def _rules_of_word(word: str) -> int:
    """The gated rules a word opens (a bit mask over ``_RULES``): those with a gate that is a prefix
    of ``word``. Cached: the same words recur sentence after sentence."""
    prefixes = {word[:i] for i in range(2, min(len(word), _GATE_LONGEST) + 1)}
    return sum(1 << i for i, rule in enumerate(_RULES) if rule.gate and not prefixes.isdisjoint(rule.gate))


@dataclass(frozen=True, slots=True)
class _Hit:
    rule: _Rule
    start: int
    end: int


def _first_hit(text: str) -> _Hit | None:
    """The first match of the rule of highest precedence that fires in ``text``."""
    cues: dict[str, bool] = {}  # the sentence-wide cues, searched only when a rule needs them

    def cue(name: str, rx: re.Pattern[str]) -> bool:
        if name not in cues:
            cues[name] = rx.search(text) is not None
        return cues[name]

    opened = _UNGATED
    for word in set(_WORD.findall(text.lower())):
        opened |= _rules_of_word(word)
    for i, rule in enumerate(_RULES):
        if not opened >> i & 1:
            continue
        if rule.protest and not cue("protest", _PROTEST):
            continue
        if rule.weapon and cue("found", _FOUND) and not cue("impact", _IMPACT):
            continue
        if rule.unless is not None and rule.unless.search(text):
            continue
        for m in rule.pattern.finditer(text):
            if rule.realis and not cue("impact", _IMPACT) and _irrealis_before(text, m.start()):
                continue
            return _Hit(rule, m.start(), m.end())
    return None


def _irrealis_before(text: str, start: int) -> bool:
    window = text[max(0, start - 70) : start]
    cut = max(window.rfind(";"), window.rfind(". "))
    if cut >= 0:
        window = window[cut + 1 :]
    return _IRREALIS.search(window) is not None


_CLAUSE_START = _rx(
    r"[;:]|\.\s|,\s*(?:and|but|while|as|after|when)\b|\b(?:after|when|while|as|before|since)\b"
)
#: no fighting: one side withdrew or handed over and the other moved in
_NO_FIGHT = _rx(
    r"\b(?:withdr(?:ew|awn|awal)|pull(?:ed|ing)\s+out|retreated|vacated|abandoned|hand(?:ed|ing)?\s+over|handover"
    r"|without\s+(?:a\s+fight|resistance|firing\s+a\s+shot|any\s+(?:fighting|resistance))"
    r"|unopposed|(?:not|no)\s+(?:\w+\s+){0,2}(?:resistance|fighting))\b"
)
_FIGHT = _rx(
    r"\b(?:clash(?:ed|es)?|fighting|fought|battles?|killed|killing|wounded|casualties|attack(?:ed|s)?|assault"
    r"|offensive|shell(?:ed|ing)|air\s*strikes?|counter-?attack)\b"
)


def _territory_sub(text: str, hit: _Hit) -> str:
    """Who took the territory: state forces regain it, anyone else overtakes it; no one, when it
    changed hands without a fight (one side withdrew).

    The taker is the first actor named in the clause before the verb (its subject: "Afghan forces in
    an offensive against the Taliban recaptured ..." is the state), else the nearest one before it.
    """
    if _NO_FIGHT.search(text) and not _FIGHT.search(text):
        return "Non-violent transfer of territory"
    before = text[max(0, hit.start - 120) : hit.start]
    before = _ASIDE.sub(" ", before)  # "the army, which is backed by militias, captured ..."
    cuts = list(_CLAUSE_START.finditer(before))
    clause = before[cuts[-1].end() :] if cuts else before
    first_state = min((m.start() for m in _STATE.finditer(clause)), default=-1)
    first_non = min((m.start() for m in _NONSTATE.finditer(clause)), default=-1)
    if first_state >= 0 or first_non >= 0:
        if first_non < 0 or 0 <= first_state < first_non:
            return "Government regains territory"
        return "Non-state actor overtakes territory"
    last_state = max((m.end() for m in _STATE.finditer(before)), default=-1)
    last_non = max((m.end() for m in _NONSTATE.finditer(before)), default=-1)
    if hit.rule.sub == "Government regains territory":
        return (
            hit.rule.sub if last_state >= last_non or last_non < 0 else "Non-state actor overtakes territory"
        )
    return "Government regains territory" if last_state > last_non else hit.rule.sub


def _score(text: str, hit: _Hit) -> float:
    score = hit.rule.score
    trigger = text[hit.start : hit.end].lower()
    if hit.rule.weapon and _IMPACT.search(text):
        score += 0.05
    if re.search(r"(?:attacks|strikes|raids|bombings|shootings)$", trigger) and not re.search(r"\d", text):
        score -= 0.15  # a plural with no numbers is usually a series recalled, not an incident
    return round(max(0.05, min(1.0, score)), 3)


def classify_sentence(text: str) -> TypeGuess | None:
    """The ACLED sub-event type a sentence reports, or None when it reports no incident.

    Among the rules that fire the one of highest precedence wins; statements,
    warnings, politics and talks with no incident verb yield None.
    """
    hit = _first_hit(text)
    if hit is None:
        return None
    sub = hit.rule.sub
    if sub in ("Government regains territory", "Non-state actor overtakes territory"):
        sub = _territory_sub(text, hit)
    return TypeGuess(
        sub, event_type_of(sub), _score(text, hit), hit.start, hit.end, text[hit.start : hit.end]
    )


#: Protest sub-types, most severe first: a short report of one protest that mentions stone-throwing
#: in one sentence and a peaceful march in another is a violent demonstration.
_PROTEST_LADDER = (
    "Violent demonstration",
    "Excessive force against protesters",
    "Protest with intervention",
    "Peaceful protest",
)


#: Types that yield to "Attack" in a short report that also tells of people killed, wounded or
#: tortured (ACLED codes an abduction ending in a killing, a raid that loots and kills, or a
#: detention with torture, as an attack).
HARM_FIRST_TYPES = frozenset({"Abduction/forced disappearance", "Looting/property destruction", "Arrests"})
_HARM = _rx(
    r"\b(?:killed|killing|executed|shot\s+dead|murdered|beheaded|slaughtered|wounded|wounding|injured|injuring|hacked"
    r"|assault(?:ed|ing)?|tortur(?:e|ed|ing)|assassinated|amputated|decapitated|crushed|beaten|found\s+dead|fatally"
    r"|serious\s+injur(?:y|ies)|bod(?:y|ies)\s+(?:\w+\s+){0,6}?(?:was|were|are|is)\s+found)\b"
    r"(?!\s+no\b)"
)


def yields_to_attack(sub_event_type: str, text: str) -> bool:
    """True when an abduction, looting or arrest report also tells of people killed, wounded or
    tortured: ACLED codes it as an attack."""
    return sub_event_type in HARM_FIRST_TYPES and _HARM.search(text) is not None


LOOTING = "Looting/property destruction"
#: property looted, burnt or destroyed
_PROPERTY_ACT = _rx(
    r"\b(?:loot(?:ed|ing)|pillag(?:ed|ing)|plunder(?:ed|ing)|ransack(?:ed|ing)|burn(?:ed|t|ing)|torch(?:ed|ing)|razed"
    r"|set\s+(?:[\w,'-]+\s+){0,5}?(?:ablaze|alight|on\s+fire)|set\s+fire|destroy(?:ed|ing)|vandali[sz](?:ed|ing)"
    r"|stole|emptied|(?:seized|took|made\s+off\s+with|stealing)\s+(?:[\w-]+\s+){0,3}?(?:livestock|cattle|cows|goats|sheep"
    r"|camels|animals|vehicles?|motorbikes?|motorcycles?|goods|food|grain|money|cash|belongings|property))\b"
)
#: people killed, hurt or taken (a casualty count negated, "no casualties reported", is not)
_PEOPLE_HARMED = _rx(
    r"\b(?<!no\s)(?:kill(?:ed|ing|s)?|dead|died|deaths?|fatalit(?:y|ies)|wound(?:ed|ing|s)?|injur(?:ed|ing|y|ies)|hurt"
    r"|casualt(?:y|ies)|shot|shoot(?:ing|s)?|fired|gunfire|abduct\w*|kidnap\w*|hostages?|beat(?:en|ing)?|assault(?:ed|ing)"
    r"|tortur\w+|rap(?:e|ed|ing)|hacked|stabbed|executed|whipped|flogged|bod(?:y|ies)|assassinat\w+|tied\s+up"
    r"|threat\w*|open(?:ed)?\s+fire|bomb(?:ed|s|ing)?|grenades?|explosi\w+|harass\w*|intimidat\w+"
    r"|(?:was|were)\s+(?:\w+\s+)?(?:burnt|burned)(?!\s+down))\b"
)
_NO_HARM = _rx(
    r"\b(?:no|without|nor)\s+(?:\w+\s+){0,3}?(?:casualt(?:y|ies)|injur(?:y|ies)|fatalit(?:y|ies)|deaths?|victims|one\s+was\s+hurt)"
)


def property_only(sub_event_type: str, text: str) -> str:
    """An attack that only loots, burns or destroys property, with no one killed, hurt or taken, is
    ACLED's looting/property destruction; other types and attacks on people are returned unchanged."""
    if sub_event_type != "Attack" or not _PROPERTY_ACT.search(text):
        return sub_event_type
    if _PEOPLE_HARMED.search(_NO_HARM.sub(" ", text)):
        return sub_event_type
    return LOOTING


def classify_text(text: str) -> TypeGuess | None:
    """The sub-event type of a short report (a snippet, an event note) by the rules, or None.

    Every sentence is typed; the type with the most position-weighted evidence wins, as in
    :func:`article_type`, except that a protest is typed by the most severe form any sentence
    reports (violent, met with lethal force, broken up, peaceful). Offsets of the returned guess
    are relative to ``text``.
    """
    totals: dict[str, float] = defaultdict(float)
    guesses: list[tuple[float, TypeGuess]] = []
    for sent in sentences(text):
        guess = classify_sentence(sent.text)
        if guess is None:
            continue
        weight = guess.score * (1.0 + 1.5 * math.exp(-sent.start / 500.0))
        totals[guess.sub_event_type] += weight
        shifted = TypeGuess(
            guess.sub_event_type,
            guess.event_type,
            guess.score,
            sent.start + guess.start,
            sent.start + guess.end,
            guess.trigger,
        )
        guesses.append((weight, shifted))
    if not guesses:
        return None
    best_sub = max(totals, key=lambda s: totals[s])
    if best_sub in _PROTEST_LADDER:  # one protest: its most severe reported form
        best_sub = min((s for s in totals if s in _PROTEST_LADDER), key=_PROTEST_LADDER.index)
    crowd_sub = clash_or_attack(unrest_type(best_sub, text), text)  # a protest turned violent, armed victims
    if property_only(crowd_sub, text) != crowd_sub:  # property alone: looting (by a crowd: a riot)
        crowd_sub = unrest_type(LOOTING, text)
    if crowd_sub != best_sub:
        g = max(guesses, key=lambda g: g[0])[1]
        return TypeGuess(crowd_sub, event_type_of(crowd_sub), g.score, g.start, g.end, g.trigger)
    if yields_to_attack(best_sub, text):  # people killed or hurt: an attack
        g = next((g for g in guesses if g[1].sub_event_type == best_sub), guesses[0])[1]
        return TypeGuess("Attack", event_type_of("Attack"), g.score, g.start, g.end, g.trigger)
    best = max((g for g in guesses if g[1].sub_event_type == best_sub), key=lambda g: g[0])
    return best[1]


def find_triggers(article: Article) -> list[Trigger]:
    """One trigger per sentence of ``article.clean_text`` that reports an incident, in text order."""
    text = article.clean_text
    out: list[Trigger] = []
    for sent in sentences(text):
        guess = classify_sentence(sent.text)
        if guess is None:
            continue
        out.append(
            Trigger(
                span=article.span(sent.start + guess.start, sent.start + guess.end),
                sentence=article.span(sent.start, sent.end),
                sub_event_type=guess.sub_event_type,
                event_type=guess.event_type,
                score=guess.score,
            )
        )
    return out


def article_type(triggers: list[Trigger]) -> Trigger | None:
    """The trigger of the article's main incident: the type with the most position-weighted evidence.

    Triggers near the top (headline, lead) weigh up to 2.5 times as much as those deep in the
    text. Returns the best-placed trigger of the winning type, or None when there are none.
    """
    if not triggers:
        return None

    def weight(t: Trigger) -> float:
        return t.score * (1.0 + 1.5 * math.exp(-t.sentence.start / 500.0))

    totals: dict[str, float] = defaultdict(float)
    for t in triggers:
        totals[t.sub_event_type] += weight(t)
    best_sub = max(totals, key=lambda s: totals[s])
    return max((t for t in triggers if t.sub_event_type == best_sub), key=weight)
