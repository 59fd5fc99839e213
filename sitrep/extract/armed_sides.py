"""Armed clash or attack: whether the violence of a report had armed, organised groups on both sides.

ACLED's codebook separates two sub-types of political violence by who is on the receiving end:

* an *armed clash* is fighting between armed, organised groups - state forces, rebels, militias,
  armed gangs - including an assault on a military or police post, an ambush of a patrol, and a
  security operation in which the police or army kill armed militants;
* an *attack* is violence by an armed group against people who cannot fight back: civilians,
  villagers, travellers, a driver, a family.

The sentence rules find the violence but not always its victims ("gunmen killed two" is an attack
on a village and an armed clash at a police post). :func:`clash_or_attack` reads the whole report:
armed victims, an armed response ("police engaged the raiders, killing three") or an exchange of
fire make an armed clash; unarmed victims alone make an attack.
"""

from __future__ import annotations

import re

from sitrep.caseless import lower_pattern

__all__ = ["armed_on_both_sides", "civilians_only", "clash_or_attack"]

ATTACK = "Attack"
ARMED_CLASH = "Armed clash"


def _rx(p: str) -> re.Pattern[str]:
    """``p`` for lower-cased text: case-insensitive without IGNORECASE's cost (speed)."""
    return re.compile(lower_pattern(p))


#: armed people: state forces and organised armed groups
_ARMED = (
    r"(?:soldiers?|troops|servicem[ae]n|police(?:\s+(?:officers?|reservists?|m[ae]n))?|policem[ae]n|officers?"
    r"|gendarmes?|(?:national\s+|security\s+|border\s+)?guards?|guardsm[ae]n|rangers|reservists|KPRs?|NPRs?"
    r"|(?:security|armed|government|state|military)\s+forces|army|military|commanders?|captain|sergeant|constables?"
    r"|militants?|fighters?|rebels?|insurgents?|jihadists?|militias?|militiam[ae]n|gunm[ae]n|bandits?|raiders?|rustlers?"
    r"|attackers?|assailants?|robbers?|gang\s+members|bodyguards?|GSU|KDF|askaris|administration\s+police|armed\s+(?:men|groups?|individuals|assailants|bandits)"
    r"|(?:al[\s-]?)?shabaa?b(?:\s+(?:militants?|fighters|members|suspects?))?|terrorists?|Boko\s+Haram"
    r"|ISWAP|ISGS|JNIM|(?:his|her|their)\s+(?:superior|commander|comrades?|colleagues?)"
    r"|members\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:militia|group|army|forces|faction|al[\s-]?shabaa?b|boko\s+haram"
    r"|ISWAP|ISGS|JNIM))"
)
#: people who cannot fight back
_UNARMED = (
    r"(?:civilians?|people|persons?|m[ae]n|wom[ae]n|boys?|girls?|child(?:ren)?|teen(?:ager)?s?|students?|pupils"
    r"|villagers?|residents?|farmers?|herders?|herdsm[ae]n|pastoralists?|traders?|passengers?|workers?"
    r"|famil(?:y|ies)|worshippers|teachers?|chiefs?|drivers?|motorists|elders?|elderly|tourists?|travell?ers"
    r"|shoppers|customers|patients|doctors|nurses|journalists?|officials?|(?:his|her|their)\s+(?:wife|husband"
    r"|son|daughter|mother|father)|wife|husband|mother|father|son|daughter|baby|toddler|infant|victims?"
    r"|fishermen|miners|refugees|displaced|pedestrians|Britons?|nationals|locals|community\s+members)"
)
#: a word that can stand inside a noun phrase (not "by", "when", "in": the phrase has ended)
_WORD = (
    r"(?:(?!(?:by|when|as|after|while|in|at|on|near|during|from|with|and|to|for|but|before|who|which|that)\b)"
    r"[\w'-]+\s+)"
)
#: words between a subject and its passive verb: no reporting verb, no new noun phrase
_BETWEEN = (
    r"(?:(?!(?:said|says|say|told|reported|believed?|stated|confirmed|that|a|an|the|his|her|their)\b)\w+\s+)"
)
_QUANT = (
    r"(?:(?:a|an|the|his|her|their|two|three|four|five|six|seven|eight|nine|ten|several|some|many|dozens\s+of"
    r"|scores\s+of|at\s+least|about|around|more\s+than|over|\d+|one|other|another|of|local)\s+){0,3}"
    rf"{_WORD}{{0,2}}?"
)
_HARM_VERB = (
    r"(?:kill(?:ed|ing|s)?|shot\s+dead|shot|shoot(?:ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|attack(?:ed|ing|s)?"
    r"|ambush(?:ed|ing|es)?|abduct(?:ed|ing|s)?|kidnapp(?:ed|ing)|beat(?:en|ing)?|hack(?:ed|ing)|assault(?:ed|ing)"
    r"|target(?:ed|ing|s)|massacr(?:ed|ing)|execut(?:ed|ing)|behead(?:ed|ing)|stabb(?:ed|ing)|murder(?:ed|ing)"
    r"|raid(?:ed|ing)|engag(?:ed|ing)|repel(?:led|ling)?|repuls(?:ed|ing)|fought|overran|stormed|disarmed)"
)
_PASSIVE = (
    r"(?:(?:was|were|are|is|been|being|be)\s+(?:\w+\s+){0,2}?(?:shot\s+dead|killed|shot|wounded|injured|attacked"
    r"|ambushed|abducted|kidnapped|beaten|hacked|murdered|executed|beheaded|stabbed|massacred)|died|perished"
    r"|(?:killed|shot(?:\s+dead)?|wounded|injured)\s+by)"
)


_VERB_START = _rx(rf"\b{_HARM_VERB}\b")
_PASSIVE_AT = _rx(rf"\b{_PASSIVE}\b")
_OF_START = _rx(r"\b(?:killing|deaths?|murder|bod(?:y|ies))\s+of\b")


class _Victims:
    """Harm done to a kind of people: "killed two soldiers", "soldiers were killed", "killing of
    civilians". Each form is matched only where its verb stands (a fast scan finds those), which is
    many times cheaper than searching the whole text for the noun phrases."""

    def __init__(self, noun: str, unless: str = r"(?!x)x") -> None:
        self._unless = _rx(rf"\b(?:{unless})\b")
        self._object = _rx(
            rf"{_HARM_VERB}(?!\s+by\b)\s+(?:and\s+\w+\s+)?{_QUANT}{noun}\b"
            r"(?!\s+(?:who|which)\s+(?:had\s+)?(?:attacked|killed))"
        )
        self._subject = _rx(rf"\b{noun}\s+{_BETWEEN}{{0,3}}?$")
        self._of = _rx(rf"(?:killing|deaths?|murder|bod(?:y|ies))\s+of\s+{_QUANT}{noun}\b")

    def search(self, text: str) -> bool:
        """True when ``text`` tells of such people harmed."""
        for m in _VERB_START.finditer(text):
            hit = self._object.match(text, m.start())
            if hit and not self._unless.search(hit.group(0)):
                return True
        if any(
            self._subject.search(text[max(0, m.start() - 80) : m.start()]) for m in _PASSIVE_AT.finditer(text)
        ):
            return True
        return any(self._of.match(text, m.start()) for m in _OF_START.finditer(text))


_ARMED_HARMED = _Victims(_ARMED, unless=r"unarmed|off-duty|retired|former|prisoners?|captive")
_UNARMED_HARMED = _Victims(_UNARMED)
#: an attack on a post, camp, convoy or patrol of state forces or an armed group
_ARMED_TARGET = _rx(
    r"\b(?:attack(?:ed|s|ing)?|stormed|raided|ambush(?:ed)?|overran|assaulted|targeted"
    r"|(?:opened\s+)?fire[ds]?\s+(?:\w+\s+){0,2}?(?:on|at|upon|against))"
    rf"\s+(?:on\s+|against\s+)?{_WORD}{{0,3}}?(?:military|army|police|security|gendarmerie|national\s+guard|KDF"
    r"|GSU|government\s+(?:forces|troops|soldiers|positions?|bases?)|checkpoint|barracks|outpost|patrols?|convoys?\s+of\s+(?:\w+\s+)?(?:soldiers|troops|police)"
    r"|(?:base|camp|position|post|station)s?\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:army|military|forces|militants"
    r"|militia|rebels|insurgents|guards?))"
)
#: armed resistance or an exchange of fire
_ARMED_RESPONSE = _rx(
    r"\b(?:exchang(?:ed|ing)\s+(?:of\s+)?(?:gun)?fire|exchange\s+of\s+(?:gun)?fire|gun[\s-]?battles?|fire[\s-]?fights?"
    r"|shoot-?outs?|returned\s+fire|fired\s+back|fought\s+back|fight\s+back|repel(?:led|ling)?|repuls(?:ed|ing)|foiled\s+the\s+attack"
    r"|(?:engag(?:e|es|ed|ing)|pursued|chased|confronted)\s+(?:\w+\s+){0,3}?(?:attackers|assailants|gunm[ae]n|raiders"
    r"|bandits|militants|militia\w*|rustlers|robbers|fighters|insurgents|jihadists|(?:al[\s-]?)?shabaa?b|the\s+group)"
    r"|fired\s+(?:back\s+)?at\s+the\s+(?:attackers|assailants|gunm[ae]n|raiders|bandits|militants)|in\s+each\s+camp|on\s+(?:both|either)\s+sides?|(?:killing|killed|neutrali[sz]ed|shot\s+dead|shooting\s+dead|shot\s+and\s+killed)\s+"
    r"(?:\w+\s+){0,3}?of\s+the\s+(?:attackers|assailants|gunm[ae]n|raiders|bandits|militants))\b"
)


class _Anchored:
    """A pattern tried only where one of its first words stands (found by a fast scan)."""

    def __init__(self, pattern: re.Pattern[str], first_words: str) -> None:
        self._pattern = pattern
        self._start = _rx(rf"\b(?:{first_words})")

    def search(self, text: str) -> bool:
        return any(self._pattern.match(text, m.start()) for m in self._start.finditer(text))


_ARMED_TARGET_AT = _Anchored(
    _ARMED_TARGET, r"attack|stormed|raided|ambush|overran|assaulted|targeted|opened|fire"
)
_ARMED_RESPONSE_AT = _Anchored(
    _ARMED_RESPONSE,
    r"exchang|gun|fire|shoot|returned|fought|repel|repuls|foiled|engag|pursued|chased|confronted|in\s+each"
    r"|on\s+(?:both|either)|killing|killed|neutrali|shot|shooting|fight",
)


def armed_on_both_sides(text: str) -> bool:
    """True when ``text`` tells of armed people harmed or targeted, or of armed resistance."""
    text = text.lower()
    return _ARMED_TARGET_AT.search(text) or _ARMED_RESPONSE_AT.search(text) or _ARMED_HARMED.search(text)


def civilians_only(text: str) -> bool:
    """True when ``text`` tells of unarmed people harmed and of no armed people harmed or fighting back."""
    return bool(_UNARMED_HARMED.search(text.lower())) and not armed_on_both_sides(text)


#: words of mutual fighting: the rules' armed clash stands whoever the victims
_MUTUAL = _rx(
    r"\b(?:clash(?:ed|es|ing)?|fighting|fought|fights?\s+between|battl(?:e|ed|es|ing)|skirmish(?:es)?|exchange\s+of\s+fire"
    r"|(?:violence|conflict|hostilities)\s+between|(?:inter-?)?(?:communal|ethnic|clan|tribal)\s+(?:violence|conflict)"
    r"|armed\s+conflict"
    r"|exchanged\s+fire|gun[\s-]?battles?|fire[\s-]?fights?|shoot-?outs?|confrontations?)\b"
)


#: an exchange of fire: an explosive followed by a gunfight is an armed clash
_GUNFIGHT = _rx(
    r"\b(?:exchang(?:ed|ing)\s+(?:of\s+)?(?:gun)?fire|exchange\s+of\s+(?:gun)?fire|gun[\s-]?battles?|fire[\s-]?fights?"
    r"|shoot-?outs?|shot\s+at\s+(?:the\s+)?(?:police|soldiers|troops|officers)|clash(?:ed|es)\s+with|engaged\s+in\s+(?:a\s+)?"
    r"(?:shoot|gun|fire))"
)
IED = "Remote explosive/landmine/IED"
SUICIDE_BOMB = "Suicide bomb"
#: guns used beside the bombs
_ARMED_ASSAULT = _rx(
    r"\b(?:armed\s+assault|gunfire|gunshots|guns|gunm[ae]n|shooting|gun[\s-]?battles?|exchang(?:ed|e)\s+(?:of\s+)?fire"
    r"|killed\s+(?:\w+\s+){0,3}?(?:militants|attackers|assailants))\b"
)
_ARMED_WORD = _rx(rf"\b{_ARMED}\b")


def clash_or_attack(sub_event_type: str, text: str) -> str:
    """The sub-event type of a report of violence the rules typed ``sub_event_type``: an attack with
    armed victims or armed resistance is an armed clash; an armed clash with no fighting words and
    only unarmed victims is an attack; an explosive device followed by an exchange of fire with
    armed people, or suicide bombs with an armed assault on armed people, is an armed clash. Other
    types are returned unchanged."""
    if sub_event_type == ATTACK and armed_on_both_sides(text):
        return ARMED_CLASH
    if sub_event_type == IED and _GUNFIGHT.search(text.lower()) and _ARMED_WORD.search(text.lower()):
        return ARMED_CLASH
    if sub_event_type == SUICIDE_BOMB and _ARMED_ASSAULT.search(text.lower()) and armed_on_both_sides(text):
        return ARMED_CLASH  # a complex attack on a base: suicide bombers and gunmen against its garrison
    if sub_event_type == ARMED_CLASH and not _MUTUAL.search(text.lower()) and civilians_only(text):
        return ATTACK
    return sub_event_type
