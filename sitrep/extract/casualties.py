"""Casualty counts: how many people an article says were killed and injured.

Counts are found sentence by sentence with regular expressions in a few shapes:

* subject side: "Three people were killed", "a man was fatally shot", "two others
  were wounded", "5 found dead", "two dead and four wounded", "Jane Doe, 23, was killed";
* object side: "killed three civilians", "killing an American contractor",
  "wounding several others", "leaving two dead";
* tolls: "the death toll rose to 12", "12 deaths", "bodies of 4 people were found";
* zero: "no one was hurt", "no injuries were reported", "without casualties";
* shootings: "four people were shot, one fatally" gives killed 1, and the people
  shot minus the people killed are counted as injured (a derived mention whose span
  is the "were shot" phrase).

A count needs a *person* noun ("30 rockets" and "four vehicles" never count), or
none at all directly before the verb ("three were killed", "killing three and ...").
Ages ("a 12-year-old" is one person, never twelve), times, years, money,
ordinals and "one of the victims" never count.

Quantities become ``(low, high)`` ranges (``high`` None = open):

* exact: "three", "3", "a man" (1), "both" (2), "about/some/around 30" (30), "a dozen"
  (12), "no one" / "no injuries" (0);
* "at least 30" (30, None); "more than 30", "over 30" (31, None); "more than a dozen"
  (13, None); "nearly/almost 30" (27, 29); "up to 30" (1, 30); "fewer than 30" (1, 29);
* "several" (2, 9); "a few", "a handful" (2, 5); "a couple of" (2, 3); "dozens"
  (24, None); "scores of" (40, None); "hundreds" (200, 999); "thousands" (2000, None);
  "many", "numerous", "multiple" (2, None); an unquantified plural ("wounded troops")
  (1, None).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.extract.hedging import hedge_cue
from sitrep.model import Article, CountMention
from sitrep.text import sentences

__all__ = ["combine_counts", "find_counts", "parse_quantity"]

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------- numbers and people

_Trie = dict[str, "_Trie"]
_Range = tuple[int | None, int | None]


def _trie_regex(words: list[str]) -> str:
    """One regex matching any of ``words`` (a character trie: much faster than a flat alternation).

    A space in a word matches any run of whitespace.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [(r"\s+" if c == " " else re.escape(c)) + emit(child) for c, child in node.items() if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


_UNITS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "both": 2, "no": 0,
    "half a dozen": 6, "a dozen": 12, "one dozen": 12, "two dozen": 24, "three dozen": 36,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
_VAGUE: dict[str, tuple[int, int | None]] = {
    "several": (2, 9), "a few": (2, 5), "a handful": (2, 5), "a handful of": (2, 5), "a couple": (2, 3),
    "a couple of": (2, 3), "dozens": (24, None), "scores": (40, None), "hundreds": (200, 999),
    "thousands": (2000, None), "many": (2, None), "numerous": (2, None), "multiple": (2, None),
    "a number of": (2, None),
}  # fmt: skip
_TENS_RE = "|".join(_TENS)
_OF_FORMS = ("dozens of", "hundreds of", "thousands of", "scores of")
_CORE = (
    r"\d{1,3}(?:,\d{3})+|\d{1,4}"
    rf"|(?:{_TENS_RE})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|"
    + _trie_regex([*(w for w in _UNITS if w != "no"), *_VAGUE, *_OF_FORMS, "no"])
)
_MODIFIER = _trie_regex(
    [
        "at least", "more than", "over", "upwards of", "nearly", "almost", "about", "around", "some",
        "roughly", "approximately", "an estimated", "up to", "as many as", "fewer than", "less than",
        "at most", "only", "just", "another", "an additional", "a further", "a total of", "all",
    ]
)  # fmt: skip
#: A quantity: optional modifier (group ``mod``) and the number itself (group ``num``).
_NUM = (
    rf"(?<![\w$£€#.,:/-])(?:(?P<mod>{_MODIFIER})\s+)?(?P<num>{_CORE})(?![\w%])"
    r"(?!-year|\s*[-–]\s*years?|[.,:/]\d|\s*(?:percent|per\s+cent|million|billion|years?\s+old|[ap]\.?m\b"
    r"|o'clock|times\b|rounds\b|shots\b|bullets\b|minutes\b|hours\b))"
)
_P = (
    "person|individual|civilian|man|woman|child|kid|boy|girl|teen|teenager|youth|adult|infant|baby|toddler"
    "|soldier|serviceman|servicewoman|service member|servicemember|policeman|policewoman|police officer"
    "|officer|cop"
    "|security guard|guard|militant|fighter|insurgent|rebel|militiaman|gunman|attacker|assailant|suspect"
    "|shooter|member|contractor|worker|employee|staffer|student|pupil|protester|protestor|demonstrator"
    "|resident|villager|victim|bystander|passenger|pilgrim|worshipper|worshiper|journalist|reporter"
    "|photographer|relative|spouse|husband|son|daughter|brother|sister|mother|father|national|citizen"
    "|refugee|migrant|patient|doctor|nurse|customer|shopper|motorist|driver|pedestrian|farmer|herder|miner"
    "|teacher|trooper|agent|marine|sailor|family member|marcher|recruit|hostage|prisoner|inmate|detainee"
    "|cadet|conscript|volunteer|activist|supporter|official|commander|tourist|visitor|guest|fan|spectator"
    "|player|monk|priest|imam|cleric|mourner|diner|partygoer|commuter|traveler|traveller|pilot|crew member"
    "|firefighter|paramedic|medic|aid worker|peacekeeper|fisherman|lawyer|judge|politician|lawmaker|voter"
)
_P_IRREGULAR_PLURAL = {"man": "men", "fisherman": "fishermen", "woman": "women", "child": "children",
                       "baby": "babies",
                       "policeman": "policemen", "policewoman": "policewomen", "serviceman": "servicemen",
                       "servicewoman": "servicewomen", "militiaman": "militiamen", "gunman": "gunmen",
                       "youth": "youths", "wife": "wives"}  # fmt: skip
_SINGULARS = [*_P.split("|"), "wife", "passer-by", "passerby", "deputy", "airman"]
_PLURALS = [_P_IRREGULAR_PLURAL.get(w, w + "s") for w in _P.split("|")] + [
    "wives",
    "passers-by",
    "passersby",
    "deputies",
    "airmen",
    "people",
    "persons",
    "troops",
    "personnel",
    "police",
    "others",
    "more",
    "staff",
]


_AGE_NOUN = r"(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)-year-old"
_PERSON_SINGULAR = rf"(?:{_trie_regex(_SINGULARS)}|{_AGE_NOUN}|(?-i:[A-Z][a-z]+(?:an|i)))"
_PERSON_PLURAL = rf"(?:{_trie_regex(_PLURALS)}|{_AGE_NOUN}s|(?-i:[A-Z][a-z]+(?:ans|is|ese)))"
_PERSON = rf"(?:{_PERSON_PLURAL}|{_PERSON_SINGULAR})"


def parse_quantity(num: str, mod: str | None = None) -> _Range | None:
    """``(low, high)`` for a number phrase (see the module table); None when it is not a count."""
    words = " ".join(num.lower().split()).removesuffix(" of")
    base: tuple[int, int | None]
    if words.replace(",", "").isdigit():
        n = int(words.replace(",", ""))
        if len(words) == 4 and 1900 <= n <= 2100:
            return None  # a year
        base = (n, n)
    elif words in _UNITS:
        base = (_UNITS[words], _UNITS[words])
    elif words in _VAGUE:
        base = _VAGUE[words]
    else:
        parts = re.split(r"[- ]", words)
        if parts[0] not in _TENS:
            return None
        n = _TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0)
        base = (n, n)
    low, high = base
    m = " ".join((mod or "").lower().split())
    exact = low == high
    if m == "at least":
        return low, None
    if m in ("more than", "over", "upwards of"):
        return (low + 1 if exact else low), None
    if m in ("nearly", "almost") and exact and low > 1:
        return max(1, -(-low * 9 // 10)), low - 1
    if m in ("up to", "as many as", "at most"):
        return (1 if low > 0 else 0), high
    if m in ("fewer than", "less than") and exact and low > 1:
        return 1, low - 1
    return low, high


# ---------------------------------------------------------------- verb phrases

_KILLED = (
    r"shot\s+(?:and\s+killed|dead|to\s+death)|(?:fatally|mortally)\s+(?:shot|stabbed|wounded|injured|struck|hit)"
    r"|(?:stabbed|beaten|burned|burnt|hacked|shot|crushed)\s+to\s+death|killed|slain|murdered|dead|died|dies"
    r"|executed|massacred|beheaded|gunned\s+down|(?:found|pronounced|confirmed|declared|left)\s+dead"
    r"|lost\s+(?:their|his|her)\s+lives?|perished"
)
_INJURED = (
    r"shot\s+and\s+(?:wounded|injured)|(?:wounded|injured|hurt)|hospitali[sz]ed|treated\s+for|recovering"
    r"|(?:listed\s+)?in\s+(?:critical|serious|stable|grave|fair|good|life-threatening|satisfactory)"
    r"(?:\s+(?:but\s+)?(?:stable|critical|serious))?\s+condition"
    r"|suffered\s+(?:\w+\s+){0,2}(?:injuries|wounds)|sustained\s+(?:\w+\s+){0,2}(?:injuries|wounds)"
)
_SHOT = r"shot|struck\s+by\s+(?:gunfire|bullets?)|hit\s+by\s+(?:gunfire|bullets?)"
_VERB = rf"(?:(?P<k>{_KILLED})|(?P<i>{_INJURED})|(?P<s>{_SHOT}))\b"
_AUX = (
    r"(?:\s+(?:were|was|are|is|have|has|had|got|get|being|been|all|also|later|reportedly|allegedly|"
    r"initially|each|both|now|then|subsequently|among\s+(?:those|the\s+people)|(?!fatally|mortally)\w+ly)){0,4}"
)
# Active verbs taking the victims as object.
_ACT_KILLED = (
    r"kill(?:ed|ing|s)?|slew|slaying|murder(?:ed|ing|s)?|execut(?:ed|ing)|massacr(?:ed|ing)|behead(?:ed|ing)"
    r"|claim(?:ed|ing)\s+the\s+lives\s+of|took\s+the\s+lives\s+of|gunn(?:ed|ing)\s+down"
)
_ACT_INJURED = r"wound(?:ed|ing|s)?|injur(?:ed|ing|es)|hurt(?:ing|s)?|maim(?:ed|ing)"
_ACT_SHOT = r"shoot(?:ing|s)?|shot"
_ACT = rf"\b(?:(?P<ak>{_ACT_KILLED})|(?P<ai>{_ACT_INJURED})|(?P<as>{_ACT_SHOT}))"

# Between a number and its person noun: up to three modifier words, none of them a
# function word or a verb (so "three rockets hit the people" never counts).
_STOP = (
    r"(?:were|was|is|are|be|been|have|has|had|and|or|of|in|at|on|by|with|from|to|for|who|that|which|the"
    r"|after|when|while|killed|died|dead|wounded|injured|hurt|shot|said|says|including|as|but|than|like|if"
    r"|into|near|outside|inside|during|before|because)"
)
_MODS = rf"(?:(?!{_STOP}\b)[\w'’.-]+\s+){{0,3}}?"
# What may follow a bare number with no person noun ("killing three and ...", "killed 3.").
_BARE_END = (
    r"(?=\s*(?:[,.;:)]|$|(?:and|in|at|on|near|outside|inside|across|around|during|when|after|while|as"
    r"|including|others?|more|overnight|yesterday|today|last|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b))"
)

_F = re.IGNORECASE
_SUBJECT = re.compile(
    rf"{_NUM}(?:\s+{_MODS}(?P<noun>{_PERSON})(?:,?\s+aged\s+\d{{1,3}}|,\s+\d{{1,3}}(?=,))?(?:\s*\([^)]{{0,40}}\))?(?:\s*,[^,.;]{{1,60}},)?|(?P<bare>))"
    rf"(?P<aux>{_AUX})\s+{_VERB}",
    _F,
)
_OBJECT = re.compile(rf"{_ACT}\s+{_NUM}(?:\s+{_MODS}(?P<noun>{_PERSON})\b|{_BARE_END})", _F)
_LEAVING = re.compile(
    rf"\b(?:leaving|left|leaves)\s+{_NUM}(?:\s+{_MODS}(?P<noun>{_PERSON}))?\s+"
    r"(?:(?P<k>dead|killed)|(?P<i>wounded|injured|hurt))\b",
    _F,
)
_FATALLY = re.compile(rf"(?:,|\band)\s*{_NUM}\s+(?:of\s+(?:them|whom)\s+)?(?P<k>fatally|mortally)\b", _F)
_OF_THEM = re.compile(
    rf"{_NUM}\s+of\s+(?:them|whom|those\s+\w+|the\s+(?:wounded|injured|victims))\s+(?:\w+\s+)?"
    rf"(?:(?P<k>died|was\s+killed|were\s+killed|later\s+died)|(?P<i>(?:was|were)\s+(?:wounded|injured)))\b",
    _F,
)
_TOLL = re.compile(
    rf"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed|fatalities))\s+(?:\w+\s+){{0,3}}?"
    rf"(?:to|at|of|is|was|reached|hit)\s+{_NUM}",
    _F,
)
_NOUN_COUNT = re.compile(
    rf"{_NUM}\s+(?:(?P<k>deaths|fatalities|bodies|dead\s+bodies)|(?P<i>injuries|wounded|injured))\b"
    r"(?!\s+(?:in|at|on)\s+(?:19|20)\d\d)",
    _F,
)
_NAMED = re.compile(
    r"(?-i:\b[A-Z][a-z]+(?:\s+[A-Z][a-z'’.-]+){1,2}),\s+(?:\d{1,2}|an?\s+\d{1,2}-year-old(?:\s+[\w-]+){0,2}),"
    rf"(?:\s+of\s+[A-Z][\w .]+,)?{_AUX}\s+{_VERB}",
    _F,
)
_THE_ONE = re.compile(
    rf"\b(?P<noun>{_PERSON_SINGULAR})\b"
    rf"(?:\s*,[^,.;]{{1,60}},)?(?:\s+who)?(?P<aux>{_AUX})\s+{_VERB}",
    _F,
)
_PRONOUN = re.compile(rf"\b(?:he|she)(?P<aux>{_AUX})\s+{_VERB}", _F)
_PAIR = re.compile(
    rf"\b(?:an?|one|the)\s+{_MODS}{_PERSON_SINGULAR}\s+and\s+(?:an?\s+|the\s+|his\s+|her\s+)?{_MODS}"
    rf"{_PERSON_SINGULAR}(?:\s*,[^,.;]{{1,60}},)?(?P<aux>{_AUX})\s+{_VERB}",
    _F,
)
_DEATH_OF = re.compile(
    rf"\b(?:deaths?|bodies)\s+of\s+(?:{_NUM}\s+{_MODS}(?P<noun>{_PERSON})\b|(?:an?|the|his|her|their)?\s*{_MODS}"
    rf"(?P<one>{_PERSON_SINGULAR})\b|(?-i:(?P<name>[A-Z][a-z]+\s+[A-Z][a-z]+)))",
    _F,
)
_REFLEXIVE = re.compile(
    r"\b(?:(?P<k>killed|shot\s+and\s+killed|fatally\s+shot)\s+(?:himself|herself)"
    r"|(?P<k2>shot)\s+(?:himself|herself)\s+to\s+death|(?P<s>shot|wounded|injured)\s+(?:himself|herself))\b",
    _F,
)
_PLURAL = re.compile(
    rf"\b(?:(?P<ak>killed|killing|dead)|(?P<ai>wounded|injured|wounding|injuring))\s+{_MODS}"
    rf"(?P<noun>{_PERSON_PLURAL})\b",
    _F,
)
_PLURAL_SUBJECT = re.compile(
    rf"\b(?P<noun>{_PERSON_PLURAL})\s+(?:were|have\s+been|had\s+been)"
    rf"\s+(?:\w+ly\s+)?{_VERB}",
    _F,
)
_ZERO = re.compile(
    r"\b(?:no\s*(?:one|body)|none|not\s+(?:any|anyone|one))\s+(?:else\s+)?(?:of\s+the\s+)?(?:\w+\s+)?(?:was|were|has\s+been|had\s+been|is|got)"
    r"\s+(?:\w+ly\s+)?(?:(?P<k>killed|dead|died)|(?P<i>injured|hurt|wounded|harmed))\b"
    r"|\b(?:no|without\s+(?:causing\s+)?(?:any\s+)?)\s*(?:other\s+|immediate\s+|reported\s+|serious\s+)*"
    r"(?:(?P<k2>deaths|fatalities)|(?P<i2>injuries)|(?P<c>casualties))\b"
    r"|\bno\s+(?:one|body)\s+(?:else\s+)?(?P<k3>died)\b",
    _F,
)

# After an active verb: its object ("two men shot a woman") — then the number is not the victims.
_ACTIVE_NEXT = re.compile(
    r"\s+(?:a|an|the|his|her|their|him|them|himself|herself|themselves|one|two|three|four|five|\d+)\b", _F
)
_TRANSITIVE = frozenset(
    [
        "killed", "murdered", "shot", "wounded", "injured", "hurt", "executed", "massacred", "beheaded",
        "slain", "gunned", "stabbed", "fatally",
    ]
)  # fmt: skip
# A sentence without one of these stems states no casualty count: skip it (speed).
_CASUALTY_WORD = re.compile(
    r"kill|dead|die|death|wound|injur|hurt|shot|shoot|hospital|condition|fatal|slain|slay|slew|murder|toll"
    r"|casualt|bodies|lives|massacr|execut|behead|gunned|stabb|beaten|burn|perish|recover|harm|treated|suffer"
    r"|sustain|maim|claim|took|struck|hit\s+by|bullet|gunfire",
    _F,
)
_NOT_A_SUBJECT = re.compile(r"(?:,|\d,?\s+and|\bage[sd]?|\bto|\bby|\bfrom|\d)\s*$", _F)
_INTENT = re.compile(r"\b(?:to|would|could|will|might|plotting|plotted|planned)\s+$", _F)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    kind: str  # killed | injured | shot
    low: int | None
    high: int | None
    priority: int


def _verb_kind(m: re.Match[str]) -> str | None:
    for group, kind in (("k", "killed"), ("i", "injured"), ("s", "shot")):
        if m.groupdict().get(group):
            return kind
    return None


def _quantity(m: re.Match[str]) -> _Range | None:
    return parse_quantity(m.group("num"), m.group("mod"))


def _scan(text: str, start: int, end: int) -> list[_Hit]:
    hits: list[_Hit] = []

    def add(m: re.Match[str], kind: str | None, quantity: _Range | None, prio: int) -> None:
        if kind is None or quantity is None:
            return
        hits.append(_Hit(m.start(), m.end(), kind, quantity[0], quantity[1], prio))

    for m in _SUBJECT.finditer(text, start, end):
        if m.group("bare") is not None and not _bare_subject_ok(text, m):
            continue
        if not m.group("aux").strip() and _transitive(m) and _ACTIVE_NEXT.match(text, m.end()):
            continue  # "two men shot a woman": the number counts the shooters
        add(m, _verb_kind(m), _quantity(m), 3)
    for m in _OBJECT.finditer(text, start, end):
        if _INTENT.search(text, max(0, m.start() - 25), m.start()):
            continue  # "threatened to kill two people"
        kind = "killed" if m.group("ak") else "injured" if m.group("ai") else "shot"
        if m.group("noun") is None and m.group("num").isalpha() and m.group("num").lower() in ("a", "an"):
            continue
        add(m, kind, _quantity(m), 3)
    low = text[start:end].lower()
    for m in _LEAVING.finditer(text, start, end) if "lef" in low or "leav" in low else ():
        add(m, _verb_kind(m), _quantity(m), 4)
    for m in _FATALLY.finditer(text, start, end) if "tally" in low else ():
        add(m, "killed", _quantity(m), 4)
    for m in _OF_THEM.finditer(text, start, end) if " of " in low else ():
        add(m, _verb_kind(m), _quantity(m), 4)
    for m in _TOLL.finditer(text, start, end) if "toll" in low or "number of" in low else ():
        add(m, "killed", _quantity(m), 5)
    for m in _NOUN_COUNT.finditer(text, start, end):
        add(m, _verb_kind(m), _quantity(m), 2)
    for m in _NAMED.finditer(text, start, end) if any(c.isdigit() for c in low) else ():
        add(m, _verb_kind(m), (1, 1), 2)
    for pattern in (_THE_ONE, _PRONOUN, _PAIR):
        for m in pattern.finditer(text, start, end):
            if not m.group("aux").strip() and _transitive(m) and _ACTIVE_NEXT.match(text, m.end()):
                continue
            add(m, _verb_kind(m), (2, 2) if pattern is _PAIR else (1, 1), 1 if pattern is _PAIR else 0)
    for m in _DEATH_OF.finditer(text, start, end) if "death" in low or "bodies" in low else ():
        add(m, "killed", _quantity(m) if m.group("num") else (1, 1), 1)
    for m in _REFLEXIVE.finditer(text, start, end) if "self" in low else ():
        add(m, "killed" if m.group("k") or m.group("k2") else "shot", (1, 1), 1)
    for m in _PLURAL.finditer(text, start, end):
        add(m, "killed" if m.group("ak") else "injured", (1, None), 0)
    for m in _PLURAL_SUBJECT.finditer(text, start, end):
        add(m, _verb_kind(m), (1, None), 0)
    for m in _ZERO.finditer(text, start, end):
        if m.group("c"):
            add(m, "killed", (0, 0), 5)
            add(m, "injured", (0, 0), 5)
        else:
            kind = "killed" if m.group("k") or m.group("k2") or m.group("k3") else "injured"
            add(m, kind, (0, 0), 5)
    return hits


def _transitive(m: re.Match[str]) -> bool:
    verb = m.group("k") or m.group("i") or m.group("s") or ""
    return verb.split()[0].lower() in _TRANSITIVE if verb else False


def _bare_subject_ok(text: str, m: re.Match[str]) -> bool:
    """A count with no person noun ("Three were killed") must not be an age or part of a list."""
    num = m.group("num")
    if num.lower() in ("a", "an", "no"):
        return False
    before = text[max(0, m.start() - 12) : m.start()]
    if _NOT_A_SUBJECT.search(before):
        return False
    after = text[m.end("num") : m.end("num") + 3]
    return not after.startswith(",")


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Keep non-overlapping hits, preferring higher priority, then longer matches."""
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.priority, -(h.end - h.start), h.start)):
        if any(hit.start < c.end and c.start < hit.end and hit.kind == c.kind for c in chosen):
            continue
        if any(hit.start < c.end and c.start < hit.end and hit.start != c.start for c in chosen):
            continue
        chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def find_counts(article: Article) -> list[CountMention]:
    """The killed and injured counts stated in ``article``, in text order.

    Also emits a derived ``injured`` count when the article gives the number of people
    shot: people shot minus people killed (see the module docstring).
    """
    text = article.clean_text
    out: list[CountMention] = []
    shot: list[CountMention] = []
    for sent in sentences(text):
        if not _CASUALTY_WORD.search(text, sent.start, sent.end):
            continue
        bounds = (sent.start, sent.end)
        for hit in _select(_scan(text, sent.start, sent.end)):
            hedged = hedge_cue(text, hit.start, hit.end, bounds=bounds) is not None
            mention = CountMention(article.span(hit.start, hit.end), hit.kind, hit.low, hit.high, hedged)
            (shot if hit.kind == "shot" else out).append(mention)
    if shot:
        derived = _shot_minus_killed(shot, out)
        if derived is not None:
            out.append(derived)
            out.sort(key=lambda c: c.span.start)
    return out


def _shot_minus_killed(shot: list[CountMention], counts: list[CountMention]) -> CountMention | None:
    total_low, total_high = combine_counts(shot, "shot")
    killed_low, killed_high = combine_counts(counts, "killed")
    if total_low is None:
        return None
    best = max(shot, key=lambda c: (c.low or 0, -c.span.start))
    if total_high is not None and total_low == total_high:
        if killed_low is not None and killed_low != killed_high:
            return None  # killed is vague: the difference is unknown
        injured = total_low - (killed_low or 0)
        if injured <= 0:
            return None
        return CountMention(best.span, "injured", injured, injured, best.hedged)
    if killed_low is None:
        return CountMention(best.span, "injured", total_low, total_high, best.hedged)
    return None


def combine_counts(mentions: Sequence[CountMention], kind: str) -> tuple[int | None, int | None]:
    """One incident's ``(low, high)`` count of ``kind`` from several mentions, without double counting.

    Sentences that repeat the same victims are never summed. The rule:

    1. only the mentions of ``kind``; if some are not hedged, the hedged ones are ignored;
    2. with exact counts: the largest exact count ``n`` wins; it is widened upward by
       ranges lying wholly above it: their high bound becomes the high bound (None when
       open), so 3 with "at least 10" gives (3, None); ranges containing ``n`` or lying
       below it are ignored (the exact count wins);
    3. with only ranges: fold them in order of their low bound, intersecting
       overlapping ranges and keeping the larger one when they are disjoint;
    4. no mention: ``(None, None)``.
    """
    relevant = [m for m in mentions if m.kind == kind and (m.low is not None or m.high is not None)]
    if not relevant:
        return None, None
    firm = [m for m in relevant if not m.hedged]
    if firm:
        relevant = firm
    exact = [m.exact for m in relevant if m.exact is not None]
    ranges = [(m.low or 0, m.high) for m in relevant if m.exact is None]
    if exact:
        n = max(exact)
        high: int | None = n
        for low, r_high in ranges:
            if low > n:
                high = None if r_high is None or high is None else max(high, r_high)
        return n, high
    ranges.sort(key=lambda r: (r[0], r[1] if r[1] is not None else 10**9))
    cur_low, cur_high = ranges[0]
    for low, r_high in ranges[1:]:
        if cur_high is None or low <= cur_high:  # overlapping: intersect
            cur_low = max(cur_low, low)
            cur_high = r_high if cur_high is None else (cur_high if r_high is None else min(cur_high, r_high))
        else:  # disjoint: the larger range wins
            cur_low, cur_high = low, r_high
    return cur_low, cur_high
