"""Numbers and people for the casualty patterns: number words, vague quantities, person nouns.

See :mod:`sitrep.extract.casualties` for how quantities become ``(low, high)`` ranges.
"""

from __future__ import annotations

import re

__all__ = ["parse_quantity"]

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
# the lower end of a range given as two numbers: "between 6 and 13 soldiers", "from two to five people"
_LOWER_END = (
    r"(?:between\s+(?:\d{1,4}|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|several)"
    r"(?![\w-]))\s+and|from\s+(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten)\s+to)"
)
#: A quantity: optional modifier (group ``mod``) and the number itself (group ``num``).
_NUM = (
    rf"(?<![\w$£€#,:/-])(?<![\d.]\.)(?<!\bform\s)(?:(?P<mod>{_MODIFIER}|{_LOWER_END})\s+)?(?P<num>{_CORE})(?![\w%])"
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
    "|patron|clerk|cashier|owner|homeowner|tenant|roommate|neighbor|neighbour|friend|girlfriend|boyfriend"
    "|classmate|coworker|co-worker|colleague|cousin|nephew|niece|uncle|aunt|grandmother|grandfather|robber"
    "|intruder|chief|elder|trader|herdsman|pastoralist|vigilante|ranger|spy|informant|informer|hunter"
    "|player|monk|priest|imam|cleric|mourner|diner|partygoer|commuter|traveler|traveller|pilot|crew member"
    "|firefighter|paramedic|medic|aid worker|peacekeeper|fisherman|lawyer|judge|politician|lawmaker|voter"
    "|male|female|juvenile|minor|grandson|granddaughter|stepson|stepdaughter"
    "|gendarme|marabout|technician|mechanic|merchant|businessman|businesswoman|vendor|shopkeeper|leader"
    "|councillor|councilor|administrator|preacher|pastor|sheikh|labourer|laborer|nomad"
    "|guardsman|prefect|governor|mayor|captive|abductee|occupant|inhabitant|chauffeur|headman"
    "|thief|burglar|poacher|smuggler|bandit|criminal|kidnapper|rustler|dealer|rapist|murderer|tout|operator"
    "|rider|manager|executive|defender|warden|reservist|returnee|superior|schoolboy|schoolgirl|schoolchild"
    "|waitress|waiter|bartender|cabbie|security officer|rioter|looter|terrorist|foreigner|butcher|widow"
    "|convict|recruiter|aspirant|conservationist|investigator|photojournalist|chemist|collector|councilman"
    "|councilwoman|IDP|assistant|associate|aide|bodyguard|companion|accomplice|cameraman|gangster|thug|warrior"
    "|courier|watchman|caretaker|herdboy|elderly man|elderly woman"
)
_P_IRREGULAR_PLURAL = {
    "man": "men", "woman": "women", "child": "children", "baby": "babies", "spy": "spies", "thief": "thieves",
    "schoolchild": "schoolchildren", "youth": "youths", "wife": "wives",
    "herdsman": "herdsmen", "fisherman": "fishermen",
    "policeman": "policemen", "policewoman": "policewomen", "serviceman": "servicemen",
    "servicewoman": "servicewomen", "militiaman": "militiamen", "gunman": "gunmen",
    "businessman": "businessmen", "businesswoman": "businesswomen",
    "guardsman": "guardsmen", "headman": "headmen",
    "councilman": "councilmen", "councilwoman": "councilwomen",
    "cameraman": "cameramen", "watchman": "watchmen",
    "elderly man": "elderly men", "elderly woman": "elderly women",
}  # fmt: skip
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
    "forces",
]


_AGE_NOUN = r"(?:(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)-(?:year|month)[- ]old|\d{1,2}\s+(?:year|month)\s+old)"
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
    if m.startswith(("between ", "from ")):  # "between 6 and 13": the range from the lower end
        lower = parse_quantity(m.split(" ", 1)[1].rsplit(" ", 1)[0])
        if lower is not None and lower[0] is not None and low is not None and lower[0] <= low:
            return lower[0], high
        return low, high
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
