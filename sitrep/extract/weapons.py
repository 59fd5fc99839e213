"""Weapons: a small vocabulary of surface forms mapped to normalised weapon names.

Matching is case-insensitive on word boundaries, longest form first, so "rubber
bullets" is never also "firearm" and "suicide car bomb" is one "suicide bomb".
Each occurrence is reported (callers deduplicate by ``weapon``); ``hedged`` tells
whether the sentence hedges it (see :mod:`sitrep.extract.hedging`).

A few forms are excluded as idioms: "shot down" (aircraft, not a firearm), "mug
shot", "booster shot", "gun control"/"gun laws"/"gun violence" (policy talk),
"shell company", "fire department"/"firefighters" (never matched: "fire" alone is
not a weapon; "set fire", "arson" and "torched" are).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from sitrep.caseless import CaselessPattern
from sitrep.extract.hedging import hedge_cue
from sitrep.model import Article, WeaponMention
from sitrep.text import sentences

__all__ = ["WEAPONS", "find_weapons"]

logger = logging.getLogger(__name__)

#: Normalised weapon name -> surface forms (regular expressions, case-insensitive).
WEAPONS: dict[str, tuple[str, ...]] = {
    "suicide bomb": (
        r"suicide\s+(?:car\s+|truck\s+)?bomb(?:s|ers?|ings?)?",
        r"suicide\s+vests?",
        r"suicide\s+belts?",
        r"suicide\s+attack(?:er|ers|s)?",
        r"explosive\s+vests?",
    ),
    "explosive": (
        r"improvised\s+explosive\s+devices?",
        r"explosive\s+devices?",
        r"IEDs?",
        r"VBIEDs?",
        r"roadside\s+bombs?",
        r"car\s+bombs?",
        r"truck\s+bombs?",
        r"landmines?",
        r"land\s+mines?",
        r"pipe\s+bombs?",
        r"bomb(?:s|ings?|ed)?",
        r"explosives",
        r"booby[- ]traps?(?:ped)?",
        r"sticky\s+bombs?",
        r"magnetic\s+bombs?",
    ),
    "rocket-propelled grenade": (r"rocket[- ]propelled\s+grenades?", r"RPGs?"),
    "rocket": (r"rocket\s+artillery", r"Katyushas?(?:\s+rockets?)?", r"Grad\s+rockets?", r"rockets?"),
    "missile": (r"(?:ballistic|cruise|guided|surface-to-air|anti-tank)\s+missiles?", r"missiles?"),
    "drone": (
        r"drone\s+strikes?",
        r"armed\s+drones?",
        r"drones?",
        r"UAVs?",
        r"unmanned\s+aerial\s+vehicles?",
    ),
    "mortar": (r"mortar\s+(?:rounds?|shells?|bombs?|fire)", r"mortars?"),
    "artillery": (
        r"artillery(?:\s+(?:fire|shells?|strikes?))?",
        r"shelling",
        r"shelled",
        r"shells",
        r"howitzers?",
        r"tank\s+fire",
    ),
    "aircraft": (
        r"air\s*strikes?",
        r"air\s+raids?",
        r"warplanes?",
        r"fighter\s+jets?",
        r"jets?\s+struck",
        r"helicopter\s+gunships?",
        r"gunships?",
        r"aerial\s+bombardment",
        r"barrel\s+bombs?",
    ),
    "grenade": (r"(?:hand|stun)\s+grenades?", r"grenades?"),
    "rubber bullets": (r"rubber\s+bullets?", r"rubber-coated\s+bullets?", r"plastic\s+bullets?"),
    "live ammunition": (r"live\s+(?:ammunition|rounds|fire|bullets)",),
    "tear gas": (r"tear\s*gas", r"pepper\s+spray"),
    "water cannon": (r"water\s+cannons?",),
    "chemical weapon": (
        r"chemical\s+(?:weapons?|attacks?|agents?)",
        r"chlorine(?:\s+gas)?",
        r"sarin",
        r"nerve\s+agents?",
        r"mustard\s+gas",
        r"toxic\s+gas",
    ),
    "knife": (r"knife", r"knives", r"machetes?", r"stabb(?:ed|ing|ings)", r"daggers?", r"bayonets?", r"axe"),
    "blunt object": (r"baseball\s+bats?", r"hammers?", r"batons?", r"clubs\s+and\s+sticks", r"iron\s+bars?"),
    "fire": (
        r"set\s+(?:on\s+)?fire",
        r"set\s+ablaze",
        r"arson",
        r"torch(?:ed|ing)",
        r"petrol\s+bombs?",
        r"molotov\s+cocktails?",
        r"firebomb(?:s|ed|ing)?",
    ),
    "vehicle ramming": (
        r"(?:vehicle|car|truck)[- ]ramming",
        r"ramm(?:ed|ing)\s+(?:a|his|her|their)?\s*(?:car|truck|vehicle|van)",
        r"(?:drove|plowed|ploughed)\s+(?:a|his|her|their|the)\s+(?:car|truck|vehicle|van)\s+into",
    ),
    "firearm": (
        r"assault\s+rifles?",
        r"machine\s*guns?",
        r"sub-?machine\s+guns?",
        r"AK-?47s?",
        r"AR-?15s?",
        r"Kalashnikovs?",
        r"semi-?automatic(?:\s+(?:rifles?|weapons?|handguns?|pistols?))?",
        r"hand\s*guns?",
        r"shot\s*guns?",
        r"rifles?",
        r"pistols?",
        r"revolvers?",
        r"firearms?",
        r"gunfire",
        r"gun\s*shots?",
        r"gunm[ae]n",
        r"snipers?",
        r"opened\s+fire",
        r"open\s+fire",
        r"(?:exchange|exchanges|exchanged)\s+(?:of\s+)?fire",
        r"guns?",
        r"bullets?",
        r"shootings?",
        r"shootouts?",
        r"shot",
        r"shooting",
        r"\.\d{2,3}[- ]caliber",
        r"\d{1,2}\s*mm\s+(?:handgun|pistol)",
    ),
}

_EXCLUDE = re.compile(
    r"(?=[bfgmprs])(?:shot\s+down|mug\s*shots?|booster\s+shots?|big\s+shots?|shot\s+put|gun\s+(?:control|laws?|rights|violence"
    r"|owners?|ownership|shows?|lobby|reform|safety|policy|policies|legislation)|shells?\s+compan(?:y|ies)"
    r"|photo\s+shoot|(?:film|video)\s+shoot|shooting\s+(?:a\s+)?(?:film|video|movie|scene)"
    r"|bomb\s+(?:threats?|squads?|disposal)|rocket\s+science)",
    re.IGNORECASE,
)

_FORMS = sorted(
    ((form, name) for name, forms in WEAPONS.items() for form in forms),
    key=lambda pair: len(pair[0].replace("\\s+", " ").replace("?", "")),
    reverse=True,
)


def _grouped(forms: list[str]) -> str:
    """One alternation of ``forms`` (longest first), grouped by first letter behind a cheap lookahead.

    Forms that do not start with a letter come last, as one group."""
    by_first: dict[str, list[str]] = {}
    for form in forms:
        key = form[0].lower() if form[0].isalpha() else ""
        by_first.setdefault(key, []).append(form)
    groups = [f"(?=[{c}{c.upper()}])(?:{'|'.join(fs)})" for c, fs in by_first.items() if c]
    if "" in by_first:
        groups.append(f"(?:{'|'.join(by_first[''])})")
    return "|".join(groups)


_WEAPON_RE = re.compile(
    r"(?<![\w-])(?:" + _grouped([form for form, _ in _FORMS]) + r")(?![\w-])", re.IGNORECASE
)
_WEAPON_FAST = CaselessPattern(_WEAPON_RE)  # the same matches, found in the lower-cased text (speed)
_FORM_RES = [(re.compile(form, re.IGNORECASE), name) for form, name in _FORMS]


@lru_cache(maxsize=1024)
def _weapon_name(surface: str) -> str | None:
    """The normalised name of a matched surface form (the longest form that matches it whole)."""
    for pattern, name in _FORM_RES:
        if pattern.fullmatch(surface):
            return name
    return None


def find_weapons(article: Article) -> list[WeaponMention]:
    """The weapons named in ``article``, one mention per occurrence, in text order."""
    text = article.clean_text
    excluded = [(m.start(), m.end()) for m in _EXCLUDE.finditer(text)]
    sents = sentences(text)
    out: list[WeaponMention] = []
    index = 0
    for m in _WEAPON_FAST.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in excluded):
            continue
        weapon = _weapon_name(m.group(0))
        if weapon is None:
            continue
        while index < len(sents) and sents[index].end <= m.start():
            index += 1
        bounds = (sents[index].start, sents[index].end) if index < len(sents) else None
        hedged = hedge_cue(text, m.start(), m.end(), bounds=bounds) is not None
        out.append(WeaponMention(article.span(m.start(), m.end()), weapon, hedged))
    return out
