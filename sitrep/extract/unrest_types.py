"""Which of ACLED's protest and riot sub-types a report of crowd unrest is, from the whole report.

The sentence rules of :mod:`sitrep.extract.event_types` see one sentence at a time: "residents
protested over the road" in one sentence and "they burnt tyres" in the next are a peaceful
protest and a fire. ACLED's codebook decides the sub-type from the whole event:

* a demonstration whose participants turn violent or destructive (burning, looting, stoning,
  vandalism, storming a building, blocking roads with barricades, running battles with the
  police) is a *violent demonstration*, however the police respond;
* a peaceful demonstration whose participants are killed or badly hurt by the authorities
  is *excessive force against protesters*; one the authorities disperse, tear-gas or arrest is
  a *protest with intervention*; people arrested before a protest or for organising one is an
  *arrest*;
* violence by a crowd that is not demonstrating (rival supporters fighting, students of two
  schools clashing, a crowd stoning the police) is *mob violence*, not a demonstration and
  not an armed clash, which needs organised armed groups on both sides; nor is property a crowd
  burns or wrecks "looting/property destruction", which ACLED keeps for organised groups.

:func:`unrest_type` applies these decisions to the sub-type the rules found.
"""

from __future__ import annotations

import re

__all__ = ["crowd_violence", "unrest_type"]

VIOLENT_DEMONSTRATION = "Violent demonstration"
MOB_VIOLENCE = "Mob violence"
EXCESSIVE_FORCE = "Excessive force against protesters"
LOOTING = "Looting/property destruction"
_PROTEST_TYPES = frozenset({"Peaceful protest", "Protest with intervention", EXCESSIVE_FORCE})


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(p, re.IGNORECASE)


#: a demonstration (not a riot: rioting alone says nothing of a grievance voiced)
_DEMONSTRATION = _rx(
    r"\b(?:protest(?:s|ed|ing|ers?|ors?)?|demonstrat(?:e|es|ion|ions|ors?|ed|ing)|rall(?:y|ies|ied)|march(?:ed|es)?"
    r"|marchers|sit-?ins?|took\s+to\s+the\s+streets|taken\s+to\s+the\s+streets|strikers|went\s+on\s+strike"
    r"|(?:general|labou?r)\s+strikes?|picket(?:s|ed|ing)?)\b"
)
#: destructive or violent acts of a crowd; state forces must not be their subject (see _by_state)
_CROWD_ACT = _rx(
    r"\b(?:set(?:s|ting)?\s+(?:\w+\s+){0,4}?(?:ablaze|alight|on\s+fire)|set(?:s|ting)?\s+fire"
    r"|(?:lit|light(?:s|ing|ed)?)\s+(?:\w+\s+)?(?:fires?|bonfires?|tyres|tires)|bonfires?|burn(?:ed|t|ing|s)?|torch(?:ed|ing|es)?|loot(?:ed|ing|s)?|ransack(?:ed|ing)?"
    r"|broke\s+into|broken\s+into|break(?:ing)?\s+into|vandali[sz](?:ed|ing|m)|smash(?:ed|ing)|destroy(?:ed|ing)"
    r"|damag(?:ed|ing)|(?:throw|throws|threw|thrown|throwing|hurl(?:s|ed|ing)?|pelt(?:s|ed|ing)?)"
    r"\s+(?:\w+\s+){0,3}?(?:stones|rocks|bricks|objects|bottles|missiles|fireworks|firecrackers|projectiles)"
    r"|broke\s+(?:through\s+)?(?:a|the)\s+(?:police\s+)?(?:line|cordon)|forc(?:ibly|ed|ing)\s+(?:\w+\s+){0,2}?(?:enter"
    r"|entry|their\s+way|open)"
    r"|(?:set\s+up|erected|mounted)\s+(?:road\s*blocks|barricades)|storm(?:ed|ing)\s+(?:into\s+)?(?:the|a|an)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:offices?|hotel|building|hall|premises|post|station|compound|grounds|headquarters|assembly)"
    r"|(?:stones|rocks|bricks|bottles|projectiles|missiles|objects|petrol\s+bombs)\s+(?:\w+\s+){0,2}?(?:were|was)\s+"
    r"(?:thrown|hurled)|stone[\s-](?:throwing|pelting)|stoned|molotov|petrol\s+bombs?|armed\s+with\s+(?:\w+\s+){0,3}?(?:rocks|stones"
    r"|sticks|clubs|machetes|pangas|crude\s+weapons|bows|spears)|barricad(?:e|es|ed|ing)|blockad(?:e|ed|ing)"
    r"|block(?:s|ed|ing)?\s+(?:[\w'-]+\s+){0,4}?(?:roads?|highways?|streets?|traffic|junctions?|entrances?|access|railways?"
    r"|bridges?|routes?)|(?:shut|closed)\s+down\s+(?:\w+\s+){0,2}?roads|rampag(?:e|ed|ing)|roughed\s+up"
    r"|(?:protesters|demonstrators|protestors|marchers|rioters|youths?|students|residents|crowds?|supporters)"
    r"\s+(?:(?!(?:were|was|been|being|are|is|had|have)\b)\w+\s+){0,3}?(?:attacked|beat|injured|abducted|assaulted|chased"
    r"|harassed|ambushed))\b"
)
#: violence of both sides, or a protest called violent
_MUTUAL = _rx(
    r"\b(?:rowdy|unruly|(?<![\w-])violent\s+(?:residents|crowds?|youths|protesters|demonstrators|supporters)|running\s+battles?|clash(?:ed|es|ing)?|(?:violence|fighting|confrontations?|skirmish(?:es)?)\s+between"
    r"|(?:(?<![\w-])violent(?:ly)?|aggressive)\s+(?:\w+\s+)?(?:protest|demonstrat|rall)\w*|street\s+(?:violence|battles|fighting)"
    r"|(?<![\w-])violent\s+(?:(?![\w-]+ed\b)[\w-]+\s+){2}(?:protest|demonstrat|rall)\w*"
    r"|(?:became|grew|escalated\s+into)\s+(?:violent|riotous|chaotic|a\s+riot)|(?:prison|jail)[\s-]?break"
    r"|turn(?:s|ed)?\s+(?:\w+\s+)?(?:violent|riotous|chaotic)|(?:protests?|demonstrations?|rall(?:y|ies)|marches)\s+"
    r"(?:\w+\s+){0,3}?turned\s+(?:violent|riotous|chaotic)|turned\s+(?:violent|riotous)|rioters|outbreaks?\s+of\s+violence"
    r"|descended\s+into\s+(?:chaos|violence)|(?<!anti-)(?<!anti)riot(?:s|ed|ing|ous)?(?!\s+(?:police|policemen|gear|squads?"
    r"|control|shields?|units?|officers|troops))"
    # damage or violence reported without its verb's subject
    r"|destruction\s+of\s+property|property\s+destruction|violent\s+unrest|marred\s+by\s+violence"
    r"|violence\s+on\s+both\s+sides|(?:windows?|property|vehicles|cars)\s+(?:\w+\s+){0,2}?(?:was|were)\s+(?:broken|smashed"
    r"|destroyed|damaged|vandali[sz]ed)|(?:hit|struck)\s+by\s+(?:a\s+)?(?:stones?|rocks?)\s+thrown"
    r"|battled?\s+(?:\w+\s+)?(?:protesters|demonstrators|villagers|residents|students)"
    r"|breach(?:ed|ing)?\s+(?:a|the)\s+(?:police\s+)?(?:roadblock|cordon|barrier|line)"
    r"|dump(?:ed|ing|s)?\s+(?:\w+\s+){0,2}?(?:garbage|sewage|waste|rubbish))\b"
)
_STATE_SUBJECT = _rx(
    r"\b(?:police|policemen|officers|security\s+(?:forces|officers|guards)|soldiers|troops|authorities|army"
    r"|military|guards|gendarmes|forces|askaris|rangers)\b(?!\s+(?:violence|brutality|harassment|killings?|posts?"
    r"|stations?|lines?|vehicles?|cars?|cells?|headquarters|camps?|barracks|checkpoints?"
    r"|shootings?|presence|excesses|abuses?))"
)
_CLAUSE_BREAK = re.compile(r"[.;:]|,\s*(?:and|but|while|as|after|when)\b|\b(?:after|when|while|as)\b")
#: protesters killed or hurt (by whoever dispersed them)
_PROTESTERS_HARMED = _rx(
    r"\b(?:(?:protesters?|demonstrators?|protestors?|marchers)\s+(?:\w+\s+){0,4}?(?:were|was|been|being)\s+"
    r"(?:\w+\s+)?(?:killed|shot\s+dead|seriously\s+(?:injured|wounded))|(?:killed|shot\s+dead|attacked)"
    r"\s+(?:\w+\s+){0,4}?(?:protesters|demonstrators|protestors|marchers|peaceful\s+\w+)|(?:brutally|violently)"
    r"\s+(?:suppressed|crushed|dispersed|attacked)|(?:protest|demonstration)\s+crackdown"
    r"|attacks?\s+(?:on|against)\s+(?:\w+\s+){0,2}?(?:protesters|protestors|demonstrators|marchers)"
    r"|(?:protesters|protestors|demonstrators|marchers)\s+(?:\w+\s+){0,3}?died|(?:die|died|killed|dead)\s+in\s+(?:an?\s+|the\s+)?"
    r"(?:\w+\s+)?crackdown"
    r"|serious\s+injuries\s+among\s+(?:\w+\s+)?(?:protesters|demonstrators)"
    # people killed or shot at the protest, or hurt by the forces policing it
    r"|(?:killed|shot\s+dead|shot|died)\s+(?:\w+\s+){0,3}?(?:during|in|at)\s+(?:the\s+|an?\s+)?(?:\w+\s+){0,2}?"
    r"(?:protests?|demonstrations?)|(?<!who\s)(?:were|was)\s+(?:\w+\s+)?(?:killed|shot(?:\s+dead)?|injured|wounded)\s+(?:in\s+the\s+\w+\s+)?by"
    r"\s+(?:the\s+)?(?:police|security\s+forces|soldiers|troops|guards|officers)"
    r"|(?:police|security\s+forces|soldiers|troops|guards|officers)\s+(?:\w+\s+){0,3}?(?:open(?:ed)?\s+fire"
    r"|responded\s+with\s+live|beat\s+(?:\w+\s+){0,2}?to\s+death)"
    r"|(?:killed|shot\s+dead|seriously\s+(?:injured|wounded))\s+(?:\w+\s+){0,6}?(?:as|while|when)\s+(?:\w+\s+){0,3}?"
    r"(?:protest(?:ed|ing)|demonstrat(?:ed|ing)|(?:tried|attempted)\s+to\s+disperse))\b"
)
#: who clashed: unorganised crowds (no armed group on either side)
_CROWD = _rx(
    r"\b(?:supporters|students|pupils|youths?|fans|gangs?|operators|drivers|traders|hawkers|vendors|workers|factions"
    r"|rival\s+groups|groups\s+of|mobs?|crowds?|protesters|demonstrators|rioters|residents|locals|villagers"
    r"|worshippers|congregants|mourners|parents|members\s+of\s+(?:the\s+)?public|families|neighbours|passengers|prisoners|inmates"
    r"|detainees|refugees|migrants|miners|voters|aspirants|politicians|cooperatives)\b"
)
_ARMED = _rx(
    r"\b(?:militia\w*|militants?|rebels?|insurgents?|jihadists?|fighters|gunm[ae]n|bandits|raiders|soldiers|troops"
    r"|army|military|armed\s+(?:men|groups?|individuals|assailants|clash\w*)|fire\s*arms|guns|rifles|Boko\s+Haram|Shabaa?b|ISWAP|ISGS|JNIM|clans?"
    r"|communit(?:y|ies)|ethnic|herders|pastoralists|farmers|police\s+reservists|al-\w+|terrorists)\b"
)
#: people arrested at a protest (not the arrest a protest is about: "against the arrest of",
#: "who was arrested")
_ARRESTEES = (
    r"(?:protesters|protestors|demonstrators|marchers|participants|activists|organi[sz]ers|students|youths|residents|traders"
    r"|workers|supporters|people|persons|leaders?|members|journalists|one|man|woman|men|women|them|him|her|several|some|dozens|scores|hundreds|\d+|two|three|four|five|six"
    r"|seven|eight|nine|ten)"
)
#: the authorities stepped in without lethal force: dispersal, tear gas, arrests, a blocked march
_INTERVENTION = _rx(
    r"\b(?:dispers(?:ed|e|ing|al)|scatter(?:ed)?|tear[\s-]?gas(?:s(?:ed|ing))?|water[\s-]?cannons?|rubber\s+bullets"
    r"|batons?|baton[\s-]charg\w*|suppress(?:ed|ing)|(?:police|security\s+forces|authorities|officers|soldiers)\s+(?:\w+\s+){0,2}?"
    r"(?:intervened|arrested|detained|prevented|stopped|blocked|beat|confiscated|broke\s+up|cordoned|chased)"
    r"|intervention\s+of\s+(?:the\s+)?(?:police|security)|arrest(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?"
    rf"{_ARRESTEES}\b|{_ARRESTEES}\s+(?:(?!(?:who|that|which)\b)[\w-]+\s+){{0,5}}?(?:were|was|are|is|been|being)\s+(?:\w+\s+)?(?:arrested|detained)"
    r"|(?:made|several|numerous|mass)\s+(?:\w+\s+)?arrests|arrests\s+were\s+made|fired\s+(?:\w+\s+)?(?:warning\s+)?"
    r"shots\s+(?:in|into)\s+the\s+air|(?:shot|fired)\s+(?:\w+\s+){0,2}?in(?:to)?\s+the\s+air|broke\s+up|crack(?:ed)?\s+down)"
)
#: a protest named only as what the arrested planned, organised or joined ("detained before the rally")
_PROTEST_PLANNED = _rx(
    r"\b(?:before|ahead\s+of|in\s+anticipation\s+of|to\s+prevent|organi[sz](?:e|es|ed|ing)|plann(?:ed|ing)"
    r"|participat(?:e|ed|ing)\s+in|related\s+to|for\s+(?:calling|inciting))\s+(?:[\w'’-]+\s+){0,5}?(?:protests?"
    r"|demonstrations?|rall(?:y|ies)|march(?:es)?|gatherings?|unrest)\b"
)
_ARRESTED = _rx(r"\b(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|taken\s+into\s+custody|rounded\s+up)\b")
_FORCE_ON_CROWD = _rx(
    r"\b(?:dispers(?:ed|e|ing|al)|tear[\s-]?gas\w*|water[\s-]?cannons?|rubber\s+bullets|batons?|broke\s+up|fired)\b"
)
#: a grievance voiced, or a road blocked: what makes a riot a demonstration rather than a mob
_GRIEVANCE = _rx(
    r"\b(?:against|demand(?:s|ed|ing)?|in\s+protest|to\s+protest|accus(?:e|ed|ing)|complain(?:ed|ing|ts?)?"
    r"|over\s+(?:the|a|an|their|his|her|its|alleged|poor|delayed|lack|high|rising|recent)\b|angered|outraged"
    r"|to\s+resist|following\s+the\s+(?:death|killing|arrest|murder|shooting)|barricad\w*|blockad\w*"
    r"|block(?:s|ed|ing)?\s+(?:[\w'-]+\s+){0,4}?(?:roads?|highways?|streets?|traffic|junctions?)"
    # a riot in reaction to a decision or an event: "rioted when the winner was announced"
    r"|riot(?:ed|ing)?\s+(?:[\w,'-]+\s+){0,5}?(?:when|after|because|over)|because|reject(?:ed|ing)|opposed\s+to"
    r"|angry\s+(?:that|about|over|at|with)|disgruntled|dissatisfied)"
)
#: a school's students: their unrest is a protest against the school
_SCHOOL = _rx(r"\b(?:students?|pupils|learners|schools?|universit(?:y|ies)|colleges?|campus)\b")
#: a crowd acting against persons or rivals, not voicing a grievance
_MOB = _rx(
    r"\b(?:supporters\s+of\s+(?:\w+\s+){0,3}?(?:candidates?|aspirants?|MPs?|politicians?|parties)"
    r"|motorcade|campaign(?:ing)?|(?:by-)?elections?|polling|voters|aspirants?|candidates?|fans|mobs?)\b"
)
#: crowd justice or a fight between rival crowds: mob violence even where a protest is mentioned
_MOB_JUSTICE = _rx(
    r"\b(?:lynch\w*|vigilantes?|mob\s+justice|rival\s+(?:\w+\s+)?(?:supporters|groups|factions|camps|gangs)"
    r"|each\s+other|with\s+those\s+of|factions\s+of\s+(?:\w+\s+){0,3}?(?:clash|fought|fight)\w*|witchcraft|witch(?:es)?|sorcery|[\w'-]+\s+and\s+[\w'-]+\s+supporters\s+(?:\w+\s+){0,2}?(?:clash|fought|fight|brawl)\w*"
    r"|(?:from|of)\s+two\s+(?:\w+\s+)?(?:schools|groups|factions|camps|villages|parties)\s+(?:\w+\s+){0,2}?(?:clash|fought|fight)\w*"
    r"|(?:convoy|motorcade|vehicle|car|home|house)\s+of\s+(?:\w+\s+){0,3}?(?:senator|MP|governor|candidate|aspirant"
    r"|politician|minister|MCA))\b"
)
#: organised armed groups, or guns (a mob fights with stones, sticks and blades; communities and herders
#: may be either)
_ORGANISED = _rx(
    r"\b(?:militia\w*|militants?|rebels?|insurgents?|jihadists?|fighters|gunm[ae]n|bandits|raiders|rustlers|soldiers"
    r"|troops|army|military|armed\s+(?:men|groups?|individuals|assailants)|Boko\s+Haram|Shabaa?b|ISWAP|ISGS|JNIM"
    r"|terrorists|fire\s*arms|guns?|gunfire|gunshots?|rifles|pistols?|handguns?|shooter|bullets?|gang)\b"
)
_CLASH = _rx(
    r"\b(?:clash(?:ed|es|ing)?|fought|fight(?:ing|s)?|brawl(?:ed|s)?|confrontations?|scuffl(?:e|es|ed)|running\s+battles?"
    r"|skirmish(?:es)?)\b"
)


_CROWD_NOUN = (
    r"(?:supporters|students|pupils|youths?|fans|mobs?|crowds?|residents|locals|villagers|voters|mourners"
    r"|worshippers|community\s+members|members\s+of\s+the\s+(?:public|community)|(?:boda\s*boda|motorcycle"
    r"|taxi|matatu)\s+(?:riders|operators|drivers|men))"
)
#: a crowd hurting people: "residents beat a suspected thief", "attacked by voters"
_CROWD_HARM = _rx(
    rf"\b(?:{_CROWD_NOUN}\s+(?:(?!(?:were|was|been|being|are|is|had|have)\b)[\w'-]+\s+){{0,3}}?(?:kill(?:ed|s)?|beat(?:s|en)?|attack(?:ed|s)?|stabb?(?:ed|s)?"
    r"|lynch(?:ed|es)?|stoned|hack(?:ed|s)|assault(?:ed|s)|torch(?:ed|es)|burn(?:t|ed|s)|set\s+(?:\w+\s+){0,3}?(?:ablaze|alight"
    r"|on\s+fire)|chased|cornered|roughed)|(?:killed|beaten|attacked|stabbed|lynched|stoned|hacked|assaulted|injured"
    rf"|wounded)\s+by\s+(?:an?\s+|the\s+)?(?:group\s+of\s+)?(?:angry\s+|irate\s+|local\s+)?{_CROWD_NOUN})\b"
)


def _by_state(text: str, start: int) -> bool:
    """Whether the acting subject of the act at ``start`` is a state force: a state word in its clause
    before it, and no crowd word after that."""
    window = text[max(0, start - 60) : start]
    cuts = list(_CLAUSE_BREAK.finditer(window))
    if cuts:
        window = window[cuts[-1].end() :]
    states = list(_STATE_SUBJECT.finditer(window))
    if not states:
        return False
    return _CROWD.search(window, states[-1].end()) is None


_NEGATED = _rx(r"\b(?:no|not|without|devoid\s+of|free\s+of|nor|never)\s+(?:\w+\s+){0,3}?$")
#: a report that calls the protest peaceful: a blocked road alone does not make it violent
_PEACEFUL = _rx(r"\b(?:peaceful(?:ly)?|non-?violent|without\s+incident|no\s+(?:reports?\s+of\s+)?violence)\b")
_BLOCKADE = _rx(
    r"^(?:barricad|blockad|block)",
)


def _negated(text: str, start: int) -> bool:
    return _NEGATED.search(text[max(0, start - 40) : start]) is not None


#: what a protest is about: the violence named after it is the cause, not the crowd's act
_CAUSE_BEFORE = _rx(r"\b(?:over|in\s+response\s+to|in\s+protest\s+(?:at|of|over))\s+(?:[\w'-]+\s+){0,6}?$")
#: done by others: "a road damaged by heavy rains", "a man burnt by soldiers"
_BY_OTHERS_AFTER = _rx(
    r"^\s+(?:[\w-]+\s+){0,2}?by\s+(?:the\s+|unknown\s+|heavy\s+|military\s+|security\s+)?(?:police|military|soldiers|officers"
    r"|security|army|assailants|attackers|gunmen|rains?|floods?)\b"
)


def _a_cause(text: str, start: int, end: int) -> bool:
    """Whether the act at ``start:end`` is what the protest is about, or was done by others."""
    window = text[max(0, start - 60) : start]
    cuts = list(_CLAUSE_BREAK.finditer(window))
    if cuts:
        window = window[cuts[-1].end() :]
    return (
        _CAUSE_BEFORE.search(window) is not None or _BY_OTHERS_AFTER.search(text[end : end + 50]) is not None
    )


def crowd_violence(text: str) -> bool:
    """True when ``text`` tells of a crowd that burnt, looted, stoned, barricaded, stormed or fought
    (rather than of force used against it, and not "no violence or running battles", nor the violence
    the protest is about: "demonstrated over ethnic clashes"). A report that calls the protest peaceful
    needs more than a blocked road."""
    if any(
        not _negated(text, m.start()) and not _a_cause(text, m.start(), m.end())
        for m in _MUTUAL.finditer(text)
    ):
        return True
    peaceful = _PEACEFUL.search(text) is not None
    return any(
        not _by_state(text, m.start())
        and not _negated(text, m.start())
        and not _a_cause(text, m.start(), m.end())
        and not (peaceful and _BLOCKADE.match(m.group(0).lower()))
        for m in _CROWD_ACT.finditer(text)
    )


_CROWD_SIDE = _rx(
    r"\b(?:(?:political|rival|two)\s+(?:parties|rivals|groups|factions)|parties|rivals|lawmakers|legislators|squatters|members\s+of\s+(?:\w+\s+){0,3}?"
    r"part(?:y|ies)|(?:clash(?:ed|es)?|running\s+battles?|confrontations?)\s+with\s+(?:the\s+)?police)\b"
)


def _crowd_clash(text: str) -> bool:
    """A clash or fight among unorganised crowds, or of a crowd with the police, and no armed group."""
    return bool(
        _CLASH.search(text) and (_CROWD.search(text) or _CROWD_SIDE.search(text)) and not _ARMED.search(text)
    )


#: words one of which each crowd-harm (first) and mob-justice (second) match contains: a fast pre-check
_CROWD_HARM_KEYS = (
    "supporter", "student", "pupil", "youth", "fan", "mob", "crowd", "resident", "local", "villager", "voter",
    "mourner", "worshipper", "community", "members", "boda", "motorcycle", "taxi", "matatu",
)  # fmt: skip
_MOB_KEYS = (
    "lynch", "vigilante", "justice", "rival", "each", "those", "faction", "witch", "sorcery", "supporters",
    "two", "convoy", "motorcade", "vehicle", "car", "home", "house",
)  # fmt: skip


def _crowd_turned_on_people(text: str) -> bool:
    """A crowd, not an organised armed group, hurt people: crowd justice, rival crowds, a crowd fight."""
    if _ORGANISED.search(text):
        return False
    low = text.lower()
    return bool(
        (any(k in low for k in _CROWD_HARM_KEYS) and _CROWD_HARM.search(text))
        or (any(k in low for k in _MOB_KEYS) and _MOB_JUSTICE.search(text))
        or _crowd_clash(text)
    )


def unrest_type(sub_event_type: str, text: str) -> str:
    """The sub-event type of a report of unrest, given the type its rules found (see the module
    docstring); other types are returned unchanged.

    ``text`` is the whole report (a short report, or the sentences of one incident).
    """
    if sub_event_type in _PROTEST_TYPES:
        if (
            _PROTEST_PLANNED.search(text)
            and _ARRESTED.search(text)
            and not _FORCE_ON_CROWD.search(text)
            and not crowd_violence(text)
        ):
            return "Arrests"  # people held for a protest, not at one
        if crowd_violence(text):
            return MOB_VIOLENCE if _MOB_JUSTICE.search(text) else VIOLENT_DEMONSTRATION
        if sub_event_type != EXCESSIVE_FORCE and _PROTESTERS_HARMED.search(text):
            return EXCESSIVE_FORCE
        if sub_event_type == "Peaceful protest" and _INTERVENTION.search(text):
            return "Protest with intervention"
        return sub_event_type
    if sub_event_type == VIOLENT_DEMONSTRATION:
        if _MOB_JUSTICE.search(text):
            return MOB_VIOLENCE
        if _DEMONSTRATION.search(text):
            return sub_event_type
        if not _GRIEVANCE.search(text) and (_MOB.search(text) or not _SCHOOL.search(text)):
            # a riot with no demonstration and no grievance voiced: a mob (students rioting at
            # their school are protesting against it)
            return MOB_VIOLENCE
        return sub_event_type
    if sub_event_type in ("Armed clash", MOB_VIOLENCE) and _crowd_clash(text):
        return VIOLENT_DEMONSTRATION if _DEMONSTRATION.search(text) else MOB_VIOLENCE
    if sub_event_type == "Attack" and _crowd_turned_on_people(text):
        # a crowd, not an armed group, turned on people: a mob
        return VIOLENT_DEMONSTRATION if _DEMONSTRATION.search(text) else MOB_VIOLENCE
    if sub_event_type == LOOTING and (
        (_CROWD.search(text) and not _ARMED.search(text)) or _MOB_JUSTICE.search(text)
    ):
        # a crowd, not an armed group, burnt or wrecked property: a riot
        return VIOLENT_DEMONSTRATION if _DEMONSTRATION.search(text) else MOB_VIOLENCE
    return sub_event_type
