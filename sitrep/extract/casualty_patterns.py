"""The casualty patterns: verb phrases and the compiled regular expressions that find counts.

Used by :mod:`sitrep.extract.casualties`, whose docstring lists the shapes they match.
"""

from __future__ import annotations

import re

from sitrep.extract.casualty_quantities import (
    _AGE_NOUN,
    _NUM,
    _PERSON,
    _PERSON_PLURAL,
    _PERSON_SINGULAR,
)

_KILLED = (
    r"shot(?:,|,?\s+and)\s+killed|shot\s+(?:dead|to\s+death)"
    r"|(?:fatally|mortally)\s+(?:shot|stabbed|wounded|injured|struck|hit|assaulted|attacked|beaten)"
    r"|(?:stabbed|beaten|burned|burnt|hacked|shot|crushed|stoned|clubbed|tortured)\s+to\s+death"
    r"|killed|slain|murdered|assassinated|lynched|dead|died|dies|die"
    r"|executed|massacred|beheaded|decapitated|gunned\s+down|(?:found|pronounced|confirmed|declared|left)\s+dead"
    r"|lost\s+(?:their|his|her)\s+lives?|perished|passed\s+away"
    r"|succumbed(?:\s+to\s+(?:(?:his|her|their|the)\s+)?(?:[\w-]+\s+){0,2}?(?:injuries|wounds))?"
    r"|(?:suffer(?:ed|ing)|sustain(?:ed|ing))\s+(?:an?\s+)?(?:fatal|deadly|mortal)\s+(?:[\w-]+\s+){0,2}?(?:wounds?|injur(?:y|ies))"
)
_INJURED = (
    r"shot\s+and\s+(?:wounded|injured)|(?:wounded|injured|hurt)|hospitali[sz]ed|treated\s+for|recovering"
    r"|(?:listed\s+)?in\s+(?:critical|serious|stable|grave|fair|good|life-threatening|satisfactory)"
    r"(?:\s+(?:but\s+)?(?:stable|critical|serious))?\s+condition"
    r"|(?:suffer(?:ed|ing)|sustain(?:ed|ing))\s+(?:from\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:injur(?:y|ies)|(?<!gunshot\s)(?<!bullet\s)wounds?)\b"
    r"|grazed"
)
_SHOT = (
    r"shot|struck\s+by\s+(?:gunfire|bullets?)|hit\s+by\s+(?:gunfire|bullets?)"
    r"|with\s+(?:an?\s+|one\s+|multiple\s+|several\s+)?(?:\w+\s+){0,2}?(?:gunshot|gun\s+shot|bullet)\s+wounds?"
    # a gunshot wound says who was shot, not whether they survived it
    r"|(?:suffer(?:ed|ing)|sustain(?:ed|ing))\s+(?:from\s+)?(?:[\w-]+\s+){0,4}?(?:gunshot|gun\s+shot|bullet)\s+wounds?"
)
_VERB = rf"(?:(?P<k>{_KILLED})|(?P<i>{_INJURED})|(?P<s>{_SHOT}))\b"
_AUX = (
    r"(?:\s+(?:were|was|are|is|have|has|had|got|get|being|been|all|also|later|reportedly|allegedly|found|reported|"
    r"initially|each|both|now|then|subsequently|among\s+(?:those|the\s+people)|(?!fatally|mortally)\w+ly|feared"
    r"|discovered|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|afternoon|evening|night|overnight"
    r"|(?:reported|said|believed|thought|feared|known)\s+to\s+have(?:\s+been)?"
    # "was abducted and killed", "was kidnapped, murdered and buried"
    r"|(?:abducted|kidnapped|attacked|assaulted|tortured|robbed|raped|beaten|chased|stabbed|ambushed|captured)"
    r"(?:,|,?\s+and))){0,4}"
)
# Active verbs taking the victims as object.
_ACT_KILLED = (
    r"(?:fatally|mortally)\s+(?:shoot(?:ing|s)?|shot|stabb(?:ed|ing)|wound(?:ed|ing)|assault(?:ed|ing)|beat(?:ing)?)"
    r"|lynch(?:ed|es|ing)?|assassinat(?:ed|ing|es)"
    r"|(?:stoned|beat|beaten|hacked|burned|burnt|clubbed|shot|stabbed|tortured)\s+to\s+death"
    r"|(?:shot|shooting)\s+(?:and\s+kill(?:ed|ing)|dead)|kill(?:ed|ing|s)?|slew|slaying|murder(?:ed|ing|s)?|execut(?:ed|ing)|massacr(?:ed|ing)|behead(?:ed|ing)|decapitat(?:ed|ing)"
    r"|claim(?:ed|ing)\s+the\s+li(?:fe|ves)\s+of|took\s+the\s+li(?:fe|ves)\s+of|gunn(?:ed|ing)\s+down"
)
_ACT_INJURED = r"wound(?:ed|ing|s)?|injur(?:ed|ing|es)|hurt(?:ing|s)?|maim(?:ed|ing)|graz(?:ed|ing)"
_ACT_SHOT = r"shoot(?:ing|s)?|shot"
_ACT = rf"\b(?:(?P<ak>{_ACT_KILLED})|(?P<ai>{_ACT_INJURED})|(?P<as>{_ACT_SHOT}))"

# Between a number and its person noun: up to three modifier words, none of them a
# function word or a verb (so "three rockets hit the people" never counts).
_STOP = (
    r"(?:were|was|is|are|be|been|have|has|had|and|or|of|in|at|on|by|with|from|to|for|who|that|which|the"
    r"|after|when|while|killed|died|dead|wounded|injured|hurt|shot|said|says|including|as|but|than|like|if"
    r"|into|near|outside|inside|during|before|because)"
)
# a modifier is no number itself: "25 Aug. Five people" counts five, not 25; an age ("a 60 year-old
# woman") stays a modifier
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s(?!years?\b|year-|months?\b)"
)
# ... and may be a parenthesis: "a matatu (minibus) tout"
_MODS = rf"(?:(?!{_STOP}\b|{_NUMBER_WORD})[\w'’.-]+\s+|\([\w'’ .-]{{1,30}}\)\s+){{0,3}}?"
# What may follow a bare number with no person noun ("killing three and ...", "killed 3.").
_BARE_END = (
    r"(?=\s*(?:[,.;:)]|$|of\s+(?:them|whom)\b|(?:and|in|at|on|near|outside|inside|across|around|during|when|after|while|as"
    r"|including|others?|more|overnight|yesterday|today|last|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b))"
)

_F = re.IGNORECASE
# quotation marks around a victim noun: "killed two 'spies'"
_OPEN_Q = "['‘\"“]{0,2}"
_CLOSE_Q = "['’\"”]{0,2}"
_SUBJECT = re.compile(
    rf"{_NUM}(?:\s+{_MODS}{_OPEN_Q}(?P<noun>{_PERSON}){_CLOSE_Q}"
    r"(?-i:\s+(?:in|from)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)?(?=\s+(?:were|was|are|have|had)\b))?"
    r"(?:\s+(?:of|from)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+(?=\s+(?:were|was|are|is|had|have|died)\b))?"
    rf"(?:,?\s+aged\s+\d{{1,3}}|,\s+\d{{1,3}}(?=,))?(?:\s*\([^)]{{0,40}}\))?(?:\s*,[^,.;]{{1,60}},)?|(?P<bare>))"
    rf"(?P<aux>{_AUX})\s+{_VERB}",
    _F,
)
# A subject whose noun is followed by a relative clause or a phrase before its verb: "two men who stole
# a motorbike were lynched", "a teacher at the village school, was shot dead", "five policemen escorting a
# bus have been killed". The words between state no casualty, no number and start no new clause.
_GAP_WORD = (
    r"(?!(?:and|but|or|where|when|while|whereas|after|before|because|as|then|including|said|says|told"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|dozens|several)\b)"
    r"(?![\w'’.-]*(?:kill|dead|die|death|wound|injur|hurt|shot|shoot|fatal|slain|murder|lynch|execut|stab))"
    r"[a-z][\w'’.-]*"
)
_SUBJECT_GAP = re.compile(
    rf"{_NUM}\s+{_MODS}(?P<noun>{_PERSON})\s+"
    r"(?:who|whom|that|of|from|at|in|on|with|near|along|aboard|inside|outside|belonging\s+to"
    r"|(?!(?:including|during|according|following|morning|evening|something|nothing)\b)[a-z]+ing"
    r"|(?:suspected|accused|released|used|known|identified|arrested|detained|held|involved|deployed|posted"
    r"|stationed|employed|travel(?:l)?ed|wanted|believed|thought)\b)"
    rf"(?:\s+{_GAP_WORD}){{1,10}}?,?(?P<aux>{_AUX})\s+{_VERB}",
    _F,
)
# A capitalised group name right after a number is a noun for its members: "seven Pokot were killed",
# "killed four al Shabaab after a shootout" (never a day or a month: "killed two Monday").
_GROUP_NAME = (
    r"(?-i:(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August"
    r"|September|October|November|December)(?:al[- ])?[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?"
)
_GROUP_SUBJECT = re.compile(rf"{_NUM}\s+(?P<noun>{_GROUP_NAME})(?P<aux>{_AUX})\s+{_VERB}", _F)
_GROUP_OBJECT = re.compile(rf"{_ACT}\s+{_NUM}\s+(?P<noun>{_GROUP_NAME}){_BARE_END}", _F)
_OBJECT = re.compile(
    rf"{_ACT}\s+{_NUM}(?:\s+{_MODS}{_OPEN_Q}(?P<noun>{_PERSON})\b{_CLOSE_Q}|{_BARE_END})", _F
)
# "beat a shopkeeper to death", "shot two guards to death": the victims of an active verb, then "to death"
_TO_DEATH = re.compile(
    r"\b(?:beat(?:s|ing)?|tortur(?:ed|ing)|stabb(?:ed|ing)|hack(?:ed|ing)|ston(?:ed|ing)|burn(?:ed|t|ing)"
    r"|club(?:bed|bing)|bludgeon(?:ed|ing)|shot|shooting|strangl(?:ed|ing)|chok(?:ed|ing))(?:\s+up)?\s+"
    rf"(?:{_NUM}\s+{_MODS}(?P<noun>{_PERSON})|(?P<pron>him|her))\b(?:\s+[^.;,]{{0,30}}?)?\s+to\s+death\b",
    _F,
)
# "sends 1 person to the hospital", "sent two men to hospital": the people hurt
_TO_HOSPITAL = re.compile(
    rf"\b(?:sends?|sent|sending|put|puts|landed|lands)\s+{_NUM}(?:\s+{_MODS}(?P<noun>{_PERSON}))?\s+(?:to|in)\s+"
    r"(?:the\s+|a\s+)?(?:hospital|ER|emergency\s+room)\b",
    _F,
)
# "A Marion-area man, shot by deputies on Sunday, ...": one person, named before the participle
_APPOSITIVE_SHOT = re.compile(
    rf"\b(?:an?|the)\s+{_MODS}{_PERSON_SINGULAR},\s+(?:(?P<s>shot)|(?P<i>wounded|injured|hurt))\s+(?:by|in|at|during)\b",
    _F,
)
# "found 32-year-old Perez Walker with a gunshot wound": one person shot
_FOUND_WOUNDED = re.compile(
    rf"\b(?:found|located|discovered)\s+(?:an?\s+)?{_AGE_NOUN}[^.;,]{{0,40}}?\s+with\s+(?:an?\s+)?(?:[\w-]+\s+){{0,2}}?"
    r"(?:gunshot|bullet|gun\s+shot)\s+wounds?",
    _F,
)
# "shot six of the robbers dead"
_SHOT_N_DEAD = re.compile(
    rf"\bshot\s+{_NUM}\s+(?:of\s+(?:them|the\s+{_MODS}(?P<noun>{_PERSON_PLURAL}))\s+)?dead\b", _F
)
# "A body was found dumped", "the decapitated body of a chief ... was found": one death
_BODY_FOUND = re.compile(
    r"\b(?:an?|the|his|her)\s+(?:[\w-]+\s+)?body(?:\s+of\s+(?:an?|the|his|her|their)\s+[^.;]{1,80}?)?\s+(?:was|has\s+been|had\s+been|is)"
    r"\s+(?:\w+ly\s+)?(?:later\s+)?(?:found|discovered|recovered|retrieved|dumped)\b",
    _F,
)
# "Unknown fatalities coded as 10", "coded at low estimate of 3": the figure a coded report states
_CODED_AS = re.compile(
    r"\bfatalit(?:y|ies)\s+(?:were\s+|are\s+)?coded\s+(?:as|at)\s+(?:(?:the\s+|a\s+)?(?:low(?:est)?\s+)?"
    r"estimate\s+of\s+)?(?P<num>\d+)\b",
    _F,
)
# "shot dead two of his colleagues": victims counted among someone's people
_N_OF_HIS = re.compile(
    rf"{_ACT}\s+{_NUM}\s+of\s+(?:his|her|their|its|the|these|those)\s+{_MODS}(?P<noun>{_PERSON})\b", _F
)
# "Reports on fatalities range from 8 to 13": the lowest to the highest
_TOLL_RANGE = re.compile(
    r"\b(?:fatalities|deaths|death\s+toll|the\s+dead)\s+(?:\w+\s+)?(?:range|ranged|ranging|vary|varied)\s+"
    r"(?:from|between)\s+(?P<num>\d+)\s+(?:to|and)\s+(?P<top>\d+)\b",
    _F,
)
# "shot dead the former deputy governor": one victim named with "the" (not "the victim's brother")
_THE_OBJECT = re.compile(rf"{_ACT}\s+the\s+{_MODS}(?P<noun>{_PERSON_SINGULAR})\b(?!['’]s)", _F)
# "injured 11-year-old Ana Ruiz": one victim named by age, with no article
_AGE_OBJECT = re.compile(rf"{_ACT}\s+{_AGE_NOUN}\b", _F)
_LEAVING = re.compile(
    rf"\b(?:leaving|left|leaves)\s+{_NUM}(?:\s+{_MODS}(?P<noun>{_PERSON}))?\s+"
    r"(?:(?P<k>dead|killed)|(?P<i>wounded|injured|hurt))\b",
    _F,
)
_FATALLY = re.compile(rf"(?:,|\band)\s*{_NUM}\s+(?:of\s+(?:them|whom)\s+)?(?P<k>fatally|mortally)\b", _F)
_OF_THEM = re.compile(
    rf"{_NUM}\s+of\s+(?:them|whom|those\s+\w+|the\s+(?:wounded|injured|victims|(?:[\w'’-]+\s+)?{_PERSON_PLURAL}))"
    rf"(?P<aux>{_AUX})\s+{_VERB}",
    _F,
)
_TOLL = re.compile(
    rf"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed|fatalities))\s+(?:\w+\s+){{0,3}}?"
    rf"(?:to|at|of|is|was|reached|hit)\s+{_NUM}",
    _F,
)
_NOUN_COUNT = re.compile(
    rf"{_NUM}\s+(?:(?P<k>deaths|fatalities|(?:(?<=\b1\s)|(?<=\bone\s))(?:death|fatality)|bodies|dead\s+bodies)|(?P<i>injuries|wounded|injured|hurt))\b"
    r"(?!\s+(?:in|at|on)\s+(?:19|20)\d\d)",
    _F,
)
_NAMED = re.compile(
    r"(?-i:\b[A-Z][a-z]+(?:\s+[A-Z][a-z'’.-]+){1,2}),\s+(?:\d{1,2}|an?\s+\d{1,2}-year-old(?:\s+[\w-]+){0,2}),"
    rf"(?:\s+of\s+[A-Z][\w .]+,)?{_AUX}\s+{_VERB}",
    _F,
)
_SMALL = r"two|three|four|five|six|seven|eight|nine|ten|\d{1,2}"
# "killed his wife", "shot her two sons": a possessive object (one person, or the number given).
_POSSESSIVE = re.compile(
    rf"{_ACT}\s+(?:his|her|their|its)\s+(?:(?P<num>{_SMALL})\s+)?{_MODS}(?P<noun>{_PERSON})\b", _F
)
# "... and two children", ", her mother and her sister": more victims of the same verb.
_LIST_MODS = rf"(?:(?!{_STOP}\b|\w+(?:ing|ed)\b|(?:{_SMALL})\b)[\w'’-]+\s+){{0,2}}?"
_AND_MORE = re.compile(
    rf"(?:,?\s+and\s+|,\s*(?=(?:his|her|their|the|an?|{_SMALL})\s))(?:(?:his|her|their|the|an?)\s+)?"
    rf"(?:(?P<num>{_SMALL})\s+)?{_LIST_MODS}(?P<noun>{_PERSON})\b(?!\s+(?:said|say|says|told|reported)\b)",
    _F,
)
# "Two soldiers and ..." / "two soldiers, ...": earlier members of a listed subject.
_LIST_BEFORE = re.compile(rf"{_NUM}\s+{_LIST_MODS}(?P<noun>{_PERSON})\s*(?:,\s*(?:and\s+)?|\s+and\s+)$", _F)
# "shot and killed him": one person.
_HIM = re.compile(rf"{_ACT}\s+(?:him|her)\b(?!\s+(?:self|own)\b)(?P<dead>\s+(?:dead|to\s+death)\b)?", _F)
# "Jakell Mitchell was shot and killed": a full name as the subject of a passive casualty verb.
_NAME_SUBJECT = re.compile(
    r"(?-i:\b[A-Z][a-z'’]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2})"
    rf"(?P<aux>(?:\s+\w+ly)?\s+(?:was|has\s+been|had\s+been)(?:\s+(?:later|found|reportedly|(?!fatally|mortally)\w+ly)){{0,2}})"
    rf"\s+{_VERB}",
    _F,
)
_PERSON_SINGULAR_RE = re.compile(rf"{_PERSON_SINGULAR}", _F)
_THE_ONE = re.compile(
    rf"\b(?P<noun>{_PERSON_SINGULAR})\b{_CLOSE_Q}"
    r"(?-i:\s+(?:in|from)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)?)?"  # "a baby in Indiana died"
    rf"(?:\s*,[^,.;]{{1,60}},)?(?P<who>\s+who)?(?P<aux>{_AUX})\s+{_VERB}",
    _F,
)
# "Girl shot at party dies", "the boy who accidentally shot himself has died": one person shot
# who then died.
# Also one of several victims, a victim wounded another way, or shot after a phrase: "One of two men shot
# Monday dies", "Man wounded in shooting dies", "Boy on life support after being shot dies".
_SHOT_DIES = re.compile(
    rf"\b(?:{_PERSON_SINGULAR}|one\s+of\s+(?:the\s+)?(?:{_SMALL})\s+{_PERSON_PLURAL})\s+"
    r"(?:who\s+(?:was\s+|had\s+been\s+)?(?:\w+ly\s+)?|[^.;:]{0,30}?\bafter\s+being\s+)?"
    r"(?:shot|wounded|stabbed)\b[^.;:]{0,60}?\b(?:dies|died|has\s+died|later\s+died)\b",
    _F,
)
# "The boy was taken off life support and passed away", "X, 20, was shot twice and died": the
# subject of a passive clause who then died (the verb "died" right after "and").
_AND_DIED = re.compile(
    rf"\b{_PERSON_SINGULAR}\b(?:,[^,.;]{{1,60}},)?\s+(?:was|had\s+been)\b[^.;:]{{0,80}}?"
    r"\band\s+(?:later\s+|then\s+|subsequently\s+)?(?:died|passed\s+away)\b",
    _F,
)
_PRONOUN = re.compile(rf"\b(?:he|she)(?P<aux>{_AUX})\s+{_VERB}", _F)
_PAIR = re.compile(
    rf"\b(?:an?|one|the)\s+{_MODS}{_PERSON_SINGULAR}\s+and\s+(?:an?\s+|the\s+|his\s+|her\s+)?{_MODS}"
    rf"{_PERSON_SINGULAR}(?:\s*,[^,.;]{{1,60}},)?(?P<aux>{_AUX})\s+{_VERB}",
    _F,
)
_DEATH_OF = re.compile(
    rf"\b(?:deaths?|bod(?:y|ies)|(?:fatal|deadly)\s+(?:shooting|stabbing|beating))\s+of\s+(?:{_NUM}\s+{_MODS}(?P<noun>{_PERSON})\b|(?:an?|the|his|her|their)?\s*{_MODS}"
    rf"(?P<one>{_PERSON_SINGULAR})\b|(?-i:(?P<name>[A-Z][a-z]+\s+[A-Z][a-z]+)))",
    _F,
)
# "an accidental shooting death": one death, with no count and no "of"
_SHOOTING_DEATH = re.compile(r"\b(?:shooting|gunshot|stabbing)\s+death\b(?!\s+of\b)", _F)
_REFLEXIVE = re.compile(
    r"\b(?:(?P<k>kill(?:ed|s)|shot\s+and\s+killed|fatally\s+shoot(?:s|ing)?|fatally\s+shot)\s+(?:himself|herself)"
    r"|(?P<k3>took|taking)\s+(?:his|her)\s+own\s+life"
    r"|(?P<k2>shot)\s+(?:himself|herself)\s+to\s+death|(?P<s>shot|shoots|wounded|injured)\s+(?:himself|herself|self)"
    r"|(?P<k4>turn(?:ed|ing|s)?\s+the\s+(?:gun|weapon|rifle|shotgun|pistol|handgun)\s+on\s+(?:himself|herself)))\b",
    _F,
)
# "Teen killed, another wounded": one more victim, hurt
_ANOTHER_HURT = re.compile(r"\banother\s+(?:[\w-]+\s+)?(?:was\s+)?(?:wounded|injured|hurt)\b", _F)
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
    r"\s+(?:\w+ly\s+)?(?:(?P<k>killed|dead|died)|(?P<i>injured|hurt|wounded|harmed|shot))\b"
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
    r"kill|dead|die|death|wound|injur|hurt|shot|fatal|slain|slay|slew|toll|gunn|turn\w*\s+the\s+\w+\s+on"
    r"|casualt|bodies|lives|massacr|execut|behead|decapitat|stabb|beaten|burn|perish|recover|harm|treated|suffer"
    r"|sustain|maim|claim|took|struck|hit\s+by|gunfire|passed\s+away|graz|lynch|body|succumb|assault|tortur"
    r"|stoned|feared|assassin|condition",
    _F,
)
# Words that state a count only in some forms: a sentence whose only casualty words are these ("the
# shooting happened", "a murder charge", "at the hospital") is read only when one of those forms is there.
_WEAK_CASUALTY_FORMS = re.compile(
    r"shoot(?:s|ing)?\s+(?:and\s+\w+\s+)?(?:an?|the|his|her|their|him|them|himself|herself|themselves|self|one|two"
    r"|three|four|five|six|seven|eight|nine|ten|\d+|dead|several|multiple|dozens|at\s+least|more|another|up)\b"
    r"|hospitali[sz]|(?:sends?|sent|sending|puts?|landed|lands)\b[^.;]{0,60}\bhospital"
    r"|murder(?:ed|ing|s)\b|bullet\s+wounds?|(?:struck|hit)\s+by\s+(?:an?\s+)?(?:\w+\s+)?bullets?",
    _F,
)
_NOT_A_SUBJECT = re.compile(r"(?:,|\d,?\s+and|\bage[sd]?|\bto|\bby|\bfrom|\d)\s*$", _F)
# ... unless the comma follows another count's verb: "Several injured, 1 dead"
_AFTER_A_COUNT = re.compile(r"\b(?:injured|wounded|hurt|dead|killed|shot|(?!aged\b)\w+ed)\s*,\s*$", _F)
_INTENT = re.compile(
    r"\b(?:to|would|could|will|might|plotting|plotted|planned|almost|nearly"
    r"|(?:would|could|might|may)\s+(?:\w+ly\s+)?have)\s+$",  # "it could easily have killed her"
    _F,
)
