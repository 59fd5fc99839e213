"""Toponym recognition: longest-first gazetteer matching with case, person and organisation rules.

The text is cut into word tokens the same way gazetteer names are
(:mod:`sitrep.extract.gazetteer_text`), and each capitalised token starts a
longest-first walk through the gazetteer's name keys (a dict lookup per token and a
prefix set to know when to stop), so the cost grows with the article, not with the
gazetteer. Matches must look like proper names (capitalised; lower-case only for
connecting particles such as "al" or "de", or inside a facility alias such as
"K-1 air base"). Person and organisation names are screened out by their neighbours
("Hillary Clinton", "President Jackson", "Washington Post").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.gazetteer_text import DIRECTION_WORDS, PARTICLES, STOP_NAMES, fold, word_set
from sitrep.extract.person_names import GIVEN_NAMES

__all__ = ["CUE_WORDS", "LOCATIVE", "ORIGIN", "Match", "add_context", "scan", "title_case_sentences"]

MAX_TOKENS = 8
MAX_CANDIDATES = 40

LOCATIVE = word_set(
    "in near at outside inside from to into toward towards around across through of on within "
    "reach reached entered besieged around across off between along"
)
ORIGIN = word_set("from to into toward towards")
TITLES = word_set(
    """president minister secretary senator sen rep gov governor mayor general gen colonel col lt
    lieutenant sgt sergeant captain capt major commander admiral king queen prince princess sheikh
    imam ayatollah pope judge justice officer chief director spokesman spokeswoman mr mrs ms dr
    prof professor sir lord lady saint st brother sister father mother son daughter uncle"""
)
# Capitalised words that may stand right before a place name without hiding a person
# or organisation ("Greater Kirkuk", "Lake Chad", "Northern Iraq").
BEFORE_OK = (
    word_set(
        "greater upper lower old new lake mount mt river gulf bay sea port cape fort city province "
        "state county district region governorate village town camp"
    )
    | DIRECTION_WORDS.keys()
)
# Capitalised words that may follow a place name ("Kirkuk Province", "Baghdad Airport").
AFTER_OK = word_set(
    "province governorate state county district region city town village area oblast prefecture "
    "municipality airport base air airbase airfield camp border crossing river valley mountains "
    "desert plain plains strip bank coast island islands peninsula heights"
)
# Capitalised words after a place name that make it part of a title or organisation name.
ORG_AFTER = word_set(
    """post times herald tribune journal globe news daily gazette chronicle examiner star sun
    dispatch telegraph observer record university college institute school street avenue road
    boulevard lane drive ave rd blvd ln hwy pkwy capitals redskins nationals wizards rangers giants
    united stars warriors senators mariners cardinals parkway freeway expressway highway"""
)
# Words that make the place the first part of an institution's or landmark's name. Such a name
# usually lies in the place ("Garissa High School", "University of Nairobi"), but may be a
# person's or a brand's ("Comer Children's Hospital", "Holiday Inn"): the match is kept as an
# "institution" and must fit the article's other places (see sitrep.extract.place_resolve).
INSTITUTION_WORDS = ORG_AFTER | word_set(
    """center centre hospital clinic church chapel cathedral mosque temple synagogue baptist
    methodist missionary catholic inn hotel motel suites lodge casino mall plaza stadium arena
    apartments apartment towers library museum theater theatre restaurant grill tavern trauma
    medical recreation elementary academy cemetery park high boys girls technical training
    teachers referral cafe lounge pub bar store shop salon"""
)
ADMIN_CUES = word_set(
    "province governorate state county district region oblast prefecture subcounty constituency ward "
    "division canton department commune township parish municipality"
)
CITY_CUES = word_set("city town village capital suburb district neighbourhood neighborhood")
FACILITY_CUES = word_set("base airbase airfield airport camp crossing garrison facility field")
_AGED = re.compile(r",\s+(?:aged\s+)?\d{1,2}\s*[,)]")  # ", 26," after a first and last name
# Nouns a town name modifies in news ("Orangeburg man shot", "two Blytheville teens"): the town is
# where the people live or the story happens, which supports a small town that would otherwise be dropped.
RESIDENT_NOUNS = word_set(
    """man men woman women teen teens teenager teenagers boy boys girl girls student students family
    couple resident residents mother father toddler child children native natives shooting shootings
    homicide homicides murder slaying officer officers deputy deputies"""
)
CUE_WORDS = ADMIN_CUES | CITY_CUES | FACILITY_CUES
_PART_WORDS = word_set("north south east west central")
# words between a preposition and the place it governs: a part of the place
_BEFORE_NAME = frozenset(DIRECTION_WORDS) | word_set("nw ne sw se downtown suburban rural greater")
# a street corner: "Fillmore and Turk streets", "Southwest 74th and Penn"
_CROSS_AFTER = re.compile(
    r"\s+(?:and|&)\s+[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)?\s+(?:[Ss]treets?|[Aa]venues?|[Rr]oads?|[Bb]oulevard|"
    r"[Dd]rive|[Ss]t|[Aa]ve|[Bb]lvd|[Rr]d)\b"
)
_CROSS_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:[Ss]treet\s+|[Aa]venue\s+)?(?:and|&)\s+\Z")
_COMMA = re.compile(r",[ \t]*")
# type words before a name: "the city of X", "the province of X", "the base in X"
_CITY_OF = re.compile(r"\b(?:city|town|village|capital) of (?:the )?$")
_ADMIN_OF = re.compile(r"\b(?:province|governorate|state|region|county|district) of (?:the )?$")
_BASE_IN = re.compile(r"\b(?:base|airbase|airport|camp)\s+(?:in|at|near)\s+$")
_ARTICLES = frozenset({"al", "el", "an", "ar", "as", "ad", "ash", "az"})  # Arabic articles opening a name
_GAP_OK = re.compile(r"[ \t]?[-'’.]?[ \t]?")


@dataclass(slots=True)
class Match:
    first: int  # token index
    last: int  # token index (inclusive)
    start: int
    end: int
    key: str
    cands: tuple[int, ...]
    adjective: str | None = None  # ISO2 when the match is a country adjective ("Iraqi")
    sentence: int = 0
    locative: bool = False
    cues: set[str] = field(default_factory=set)
    choice: int | None = None
    score: float = 0.0
    container: Match | None = None
    near: Match | None = None  # the place it is said to be near ("Bura near Hola")
    title_case: bool = False
    holds: bool = False  # the region named right after another place ("Texas" in "Paris, Texas")
    foreign: bool = False  # a small place abroad in an article that only points at other countries
    kid: int = 0  # the same for every match of one name key in an article
    origin: bool = False  # after "from", "to": where someone came from or went, not where it happened
    prep: str = ""  # the locative word before the match ("in", "near", "of")
    any_primary: bool | None = None  # some candidate bears the name as its main name (cached)


def title_case_sentences(toks: list[tuple[int, int, str]], tok_sent: list[int]) -> set[int]:
    caps: dict[int, int] = {}
    words: dict[int, int] = {}
    for (_, _, raw), s in zip(toks, tok_sent, strict=True):
        if len(raw) > 3 and raw[0].isalpha():
            words[s] = words.get(s, 0) + 1
            if raw[0].isupper():
                caps[s] = caps.get(s, 0) + 1
    return {s for s, n in words.items() if n >= 4 and caps.get(s, 0) / n >= 0.85}


def _capitalised(raw: str) -> bool:
    return raw[0].isupper() or raw[0].isdigit()


def scan(
    text: str,
    toks: list[tuple[int, int, str]],
    folded: list[str],
    tok_sent: list[int],
    title_case: set[int],
    gaz: Gazetteer,
) -> list[Match]:
    """Longest-first matching of token runs against the gazetteer's name keys."""
    names, prefixes, feature = gaz.names, gaz.prefixes, gaz._d.feature
    matches: list[Match] = []
    surnames: set[str] = set()  # keys seen as part of a person's name ("Hillary Clinton")
    n = len(toks)
    starts = [  # a name starts capitalised, or with an article before a capitalised word ("al Anbar")
        k
        for k, (_, _, raw) in enumerate(toks)
        if raw[0].isupper() or (folded[k] in _ARTICLES and k + 1 < n and toks[k + 1][2][0].isupper())
    ]
    resume = 0  # the token after the last match
    for i in starts:
        if i < resume:
            continue
        best: Match | None = None
        key = ""
        strict = True
        saint = folded[i] == "st"  # "St. Louis County" is listed as "Saint Louis County"
        for j in range(i, min(n, i + MAX_TOKENS)):
            if j > i:
                gap = text[toks[j - 1][1] : toks[j][0]]
                if not _GAP_OK.fullmatch(gap) or ("." in gap and " " in gap and len(toks[j - 1][2]) > 3):
                    break
                key += " "
            key += folded[j]
            rawj = toks[j][2]
            if j > i and not _capitalised(rawj) and folded[j] not in PARTICLES:
                strict = False
            cands = names.get(key)
            if saint and not cands and key.startswith("st ") and (long := "saint" + key[2:]) in names:
                key, cands = long, names[long]
            if cands:
                if not strict:
                    cands = tuple(c for c in cands if feature[c] == "facility")
                if cands and key in gaz.upper_keys and not all(t[2].isupper() for t in toks[i : j + 1]):
                    cands = ()
                if cands and folded[j] == "side" and j > i and folded[i] in DIRECTION_WORDS:
                    cands = ()  # "the East Side", "Chicago's South Side": a part of the city at hand
                dotted = toks[j][1] < len(text) and text[toks[j][1]] == "."
                short = j == i and len(rawj) < 3 and not rawj.isupper()
                if j == i and rawj.isupper() and len(rawj) <= 3 and key not in gaz.upper_keys:
                    # "JAS", "MSF": acronyms, not places (abbreviations are upper_keys); but a
                    # region's two-letter code right after "<place>, " is one: "COLUMBIA, MO"
                    held = len(rawj) == 2 and bool(matches)
                    held = held and _COMMA.fullmatch(text, matches[-1].end, toks[i][0]) is not None
                    cands = tuple(c for c in cands if feature[c] == "admin1") if held else ()
                if short and dotted:  # "Ga.", "La.": postal-style abbreviations of regions only
                    cands = tuple(c for c in cands if feature[c] == "admin1")
                    short = not cands
                if cands and not short:
                    best = Match(
                        i,
                        j,
                        toks[i][0],
                        toks[j][1],
                        key,
                        cands[:MAX_CANDIDATES],
                        gaz.adjectives.get(key),
                        tok_sent[i],
                    )
            if key not in prefixes and not (
                saint and key.startswith("st ") and "saint" + key[2:] in prefixes
            ):
                break
        if best is None or (
            best.last > best.first and not _capitalised(toks[best.last][2]) and folded[best.last] in PARTICLES
        ):
            continue
        best.title_case = tok_sent[i] in title_case
        person = _looks_like_person(best, text, toks, folded, matches, gaz)
        if person in ("title", "name"):
            surnames.add(best.key)
        elif best.key in surnames and not _after_locative(best.first, folded):
            person = "surname"
        if person == "institution":
            best.cues.add("institution")
            person = None
        if person is None:
            end = toks[best.last][1]
            if (
                end < len(text)
                and text[end] == "."
                and len(toks[best.last][2]) <= 3
                and (len(toks[best.last][2]) == 1 or feature[best.cands[0]] in ("admin1", "country"))
            ):
                best.end += 1  # "U.S.", "Kan." keep their final period
            matches.append(best)
        resume = best.last + 1
    return matches


def _after_locative(first: int, folded: list[str]) -> bool:
    k = first - 1
    if k >= 0 and folded[k] in ("the", "a"):
        k -= 1
    return k >= 0 and folded[k] in LOCATIVE


def _looks_like_person(
    m: Match,
    text: str,
    toks: list[tuple[int, int, str]],
    folded: list[str],
    matches: list[Match],
    gaz: Gazetteer,
) -> str | None:
    """Screen "Hillary Clinton", "President Jackson", "Washington Post".

    A place followed by another capitalised word is kept ("Ohio Department of
    Transportation", "Kirkuk Operations Command" still name the place) unless it is a
    small town making a two-word run with a non-place word ("Gary Smith said").

    Returns why the match is not a place ("title", "name", "org"), "institution" for the first
    word of an institution's name (kept, but checked against the article's other places), or None.
    """
    if m.adjective is not None:
        return None
    feats = {gaz._d.feature[c] for c in m.cands}
    i, j = m.first, m.last
    gap = toks[i][0] - toks[i - 1][1] if i > 0 else 99
    if i >= 2 and folded[i - 1] == "of" and folded[i - 2] == "block":
        return "org"  # "the 1600 block of Edmore": a street
    if _CROSS_AFTER.match(text, m.end) or _CROSS_BEFORE.search(text, max(0, m.start - 30), m.start):
        return "org"  # "near Fillmore and Turk streets", "at 74th and Penn": a street corner
    k = i - 2 if i >= 2 and folded[i - 1] == "the" else i - 1
    if k >= 1 and folded[k] == "of" and folded[k - 1] in INSTITUTION_WORDS and toks[k - 1][2][0].isupper():
        return "institution"  # "Church of the Harvest", "University of Nairobi"
    personal = feats <= {"city", "admin2"}  # towns and counties; never regions or countries
    if (
        personal
        and gap == 1
        and folded[i - 1] in GIVEN_NAMES
        and toks[i - 1][2][0].isupper()
        and text[toks[i - 1][1]].isspace()
        and not (matches and matches[-1].last == i - 1)
    ):
        return "name"  # "Detective Michael Wright"
    if gap <= 2:
        prev_raw, prev = toks[i - 1][2], folded[i - 1]
        prev_is_place = bool(matches) and matches[-1].last == i - 1
        glued = gap == 1 and text[toks[i - 1][1]] == "."  # "Smithridge Dr.RENO, Nev.": a crawled join
        if prev in TITLES and prev_raw[0].isupper() and not glued:
            return "title"
        if m.title_case:
            return None
        if (
            gap == 1  # "Gary Smith"; not "Ngouboua (Lac", "Ngouboua, Lac", "Parking Lot(Cincinnati"
            and text[toks[i - 1][1]].isspace()
            and prev_raw[0].isupper()
            and not (len(prev_raw) > 1 and prev_raw.isupper())  # "CBS Dallas", "FOX5 San Diego": a station
            and not prev_is_place
            and prev not in STOP_NAMES
            and prev not in BEFORE_OK
            and "country" not in feats
            and "facility" not in feats
        ):
            return "name"
    if (
        j + 2 < len(toks)
        and folded[j + 1] == "s"
        and toks[j + 1][0] - toks[j][1] == 1
        and toks[j + 2][2][0].isupper()
        and _org_run(toks, folded, j + 2)
    ):
        return "institution"  # "Maynard's Cafe", "St Mary's Hospital"
    if (
        "country" not in feats
        and i == j
        and j + 1 < len(toks)
        and toks[j + 1][2][0].isupper()
        and _AGED.match(text, toks[j + 1][1])
    ):
        return "name"  # "Leon Hamlin, 26, remains in hospital"
    followed = j + 1 < len(toks) and toks[j + 1][0] - toks[j][1] == 1 and toks[j + 1][2][0].isupper()
    if followed and not m.title_case:
        nxt = folded[j + 1]
        if nxt in ORG_AFTER:
            return "org"  # a newspaper, a team, a street: "Washington Post", "Baghdad Street"
        if _org_run(toks, folded, j + 1):
            return "institution"  # "Comer Children's Hospital", "Garissa High School"
        if (
            personal
            and i == j
            and m.key in GIVEN_NAMES
            and text[toks[j][1]].isspace()
            and nxt not in STOP_NAMES
            and nxt not in AFTER_OK
            and nxt not in CUE_WORDS
            and not any(gaz._d.feature[c] in ("admin1", "country") for c in gaz.names.get(nxt, ()))
        ):
            return "name"  # "said Brenda Jones", "spokesman Marcus Hines"
        small_town = feats <= {"city", "admin2"} and max(gaz._d.population[c] for c in m.cands) < 100_000
        two_word_run = j + 2 >= len(toks) or not toks[j + 2][2][0].isupper()
        if (
            small_town
            and two_word_run
            and nxt not in AFTER_OK
            and nxt not in STOP_NAMES
            and nxt not in gaz.names
            and nxt not in gaz.prefixes
        ):
            return "name"  # "Gary Smith said": a first name that is also a small town
    return None


def _org_run(toks: list[tuple[int, int, str]], folded: list[str], k: int) -> bool:
    """True when the capitalised run starting at token ``k`` (up to three words, a possessive
    "'s" allowed) holds an organisation or landmark word ("Children's Hospital", "Trauma Center")."""
    for n in range(k, min(len(toks), k + 4)):
        if n > k:
            gap = toks[n][0] - toks[n - 1][1]
            if folded[n] == "s" and gap == 1:  # "Children's"
                continue
            if gap != 1 or not toks[n][2][0].isupper():
                return False
        if folded[n] in INSTITUTION_WORDS:
            return True
    return False


def add_context(text: str, toks: list[tuple[int, int, str]], folded: list[str], matches: list[Match]) -> None:
    """Locative prepositions before and type words around each match."""
    for m in matches:
        k = m.first - 1
        if k >= 0 and folded[k] in _BEFORE_NAME and toks[k][2].islower():
            k -= 1  # "in northwest Houston", "in downtown Chicago" (not "on North Fifth Street")
        if k >= 0 and folded[k] in ("the", "a"):
            k -= 1
        if k >= 0 and folded[k] in LOCATIVE and toks[k + 1][0] - toks[k][1] < 8:
            m.locative = True
            m.origin = folded[k] in ORIGIN
            m.prep = folded[k]
        if m.last + 1 < len(toks):
            nxt = folded[m.last + 1]
            after = m.last + 2
            # "Msambweni Sub-County", "Baringo South Sub-County": the cue after a part's name
            if nxt in _PART_WORDS and toks[m.last + 1][2][0].isupper() and after < len(toks):
                nxt, after = folded[after], after + 1
            if nxt == "sub" and after < len(toks) and folded[after] in ADMIN_CUES:
                nxt = folded[after]
            if nxt in RESIDENT_NOUNS and toks[m.last + 1][0] - toks[m.last][1] == 1:
                m.cues.add("resident")  # "Orangeburg man", "Blytheville teens", "a DeKalb shooting"
            if nxt in ADMIN_CUES:
                m.cues.add("admin")
            elif nxt in CITY_CUES:
                m.cues.add("city")
                if nxt in ("neighborhood", "neighbourhood"):
                    m.cues.add("quarter")  # part of a city: must lie near the article's other towns
            elif nxt in FACILITY_CUES or (
                nxt == "air" and m.last + 2 < len(toks) and folded[m.last + 2] in FACILITY_CUES
            ):
                m.cues.add("facility")
        before = fold(text[max(0, m.start - 30) : m.start])
        # what each pattern's end needs, tested first (most names have none of these before them)
        of_end = (before[:-1] if before.endswith("\n") else before).endswith(("of ", "of the "))
        if of_end and _CITY_OF.search(before):
            m.cues.add("city")
        elif of_end and _ADMIN_OF.search(before):
            m.cues.add("admin")
        elif before.rstrip().endswith(("in", "at", "near")) and _BASE_IN.search(before):
            m.cues.add("city")
