"""Find place names in an article and resolve them against the gazetteer.

``find_places(article, gazetteer)`` scans ``article.clean_text`` once: word tokens are
matched longest-first against the gazetteer's name keys (a dict lookup per token and
a prefix set to know when to stop), so the cost grows with the article, not with the
gazetteer. Matches must look like proper names (capitalised; lower-case only for
connecting particles such as "al" or "de", or inside a facility alias such as
"K-1 air base"). Person and organisation names are screened out by their neighbours
("Hillary Clinton", "President Jackson", "Washington Post").

Each match is resolved among its candidates with the gazetteer's prior plus the
document's evidence: countries and regions the article names, a following
"<place>, <region>" ("Paris, Texas"), type cues ("province", "air base", "city").
Small places need some support (a locative preposition, their country named in the
text, a container) or they are dropped as likely false positives.

Then each mention is flagged ``is_event_location`` (dateline, early locative
mentions, "in/near/at X" next to an attack verb; the dateline city only when no other
fine place qualifies, countries and regions only when no finer place does; country
adjectives and reference points such as Kirkuk in "30 km north of Kirkuk" never) and
gets a ``description`` when the text places it in a part of a country ("the southern
Iraqi city of Basra", "Kirkuk in northern Iraq" → ``"north IQ"``). Relative locations
are kept as a mention of the reference place without a description.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.gazetteer_build import GazetteerData
from sitrep.extract.gazetteer_text import DIRECTION_WORDS, PARTICLES, STOP_NAMES, TOKEN_RE, fold, word_set
from sitrep.geo import FINE_FEATURES, distance_km
from sitrep.model import Article, PlaceMention
from sitrep.text import sentences

__all__ = ["EVENT_VERBS", "find_places"]

logger = logging.getLogger(__name__)

MAX_TOKENS = 8
MAX_CANDIDATES = 40

LOCATIVE = word_set(
    "in near at outside inside from to into toward towards around across through of on within "
    "reach reached entered besieged around across off"
)
EVENT_VERBS = re.compile(
    r"\b(?:attack\w*|kill\w*|shot|shoot\w*|shelling|shelled|explo\w+|blast\w*|bomb\w*|clash\w*|"
    r"protest\w*|struck|strike|strikes|hit|hits|fire[ds]?|firing|fought|fighting|ambush\w*|raid\w*|"
    r"rocket\w*|missile\w*|drone\w*|wounded|injur\w*|dead|died|casualt\w*|riot\w*|demonstrat\w*|"
    r"march\w*|rall\w+|gunmen|gunfire|assault\w*|massacre\w*|abduct\w*|kidnap\w*|seiz\w+|captur\w+|"
    r"target\w*|detonat\w*|landed|erupted|violence|battle\w*|offensive|airstrike\w*|air strike\w*)\b",
    re.IGNORECASE,
)
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
    boulevard lane drive capitals redskins nationals wizards rangers giants united stars
    warriors senators mariners cardinals"""
)
ADMIN_CUES = word_set("province governorate state county district region oblast prefecture")
CITY_CUES = word_set("city town village capital suburb district neighbourhood neighborhood")
FACILITY_CUES = word_set("base airbase airfield airport camp crossing garrison facility field")
_GAP_OK = re.compile(r"[ \t]?[-'’.]?[ \t]?")
_DATELINE = re.compile(
    r"\A\s*(?:[^\n]{0,80}\n\s*)??([A-Z][A-Z'’.\- ]{2,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?)"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:—|–|--|-)\s"
)
_RELATIVE_BEFORE = re.compile(  # "30 km (19 miles) south of", "north-west of the": X is a reference point
    r"\b(?:\d[\d.,]*\s*(?:km|kms|kilomet(?:re|er)s|miles?|mi)\s+(?:\([^)\n]{0,30}\)\s+)?)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_DATELINE_REGION_KM = 600.0  # a wire bureau's dateline covers its region
_DIRECTION_BEFORE = re.compile(
    r"\b(north|south|east|west|central|centre|center)(?:ern)?(?:[- ]?(east|west)(?:ern)?)?\s+$",
    re.IGNORECASE,
)
_TYPE_OF = re.compile(r"\A\s+(?:[a-z][a-z-]*\s+){0,3}?(?:of|in)\s+(?:the\s+)?\Z")
_POSSESSIVE = re.compile(r"\A['’]s\s+(?:[a-z][a-z-]*\s+){0,2}?\Z")
_X_IN_D = re.compile(
    r"\A(?:,\s*|\s+in\s+(?:the\s+)?|,\s+in\s+(?:the\s+)?|,\s+(?:a|an|the)\s+[^,.;:\n]{0,50}?\s+in\s+"
    r"(?:the\s+)?)\Z"
)


@dataclass(slots=True)
class _Match:
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
    container: _Match | None = None
    title_case: bool = False


def find_places(article: Article, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Find, resolve and characterise the place names of ``article`` (in text order)."""
    text = article.clean_text
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
    if not toks:
        return []
    folded = [fold(t[2]) for t in toks]
    sents = sentences(text)
    sent_starts = [s.start for s in sents]
    tok_sent = [max(0, bisect.bisect_right(sent_starts, t[0]) - 1) for t in toks]
    title_case = _title_case_sentences(toks, tok_sent)
    matches = _scan(text, toks, folded, tok_sent, title_case, gazetteer)
    _context(text, toks, folded, matches)
    _resolve(matches, gazetteer, text)
    kept = [m for m in matches if m.choice is not None and _accept(m, gazetteer)]
    events = _event_flags(text, kept, sents, gazetteer)
    described = _descriptions(text, kept, gazetteer)
    out: list[PlaceMention] = []
    for m, is_event in zip(kept, events, strict=True):
        assert m.choice is not None
        desc = described.get(id(m))
        out.append(
            PlaceMention(
                span=article.span(m.start, m.end),
                name=" ".join(article.text[m.start : m.end].split()),
                place=gazetteer.place(m.choice),
                is_event_location=is_event,
                description=desc[0] if desc else None,
                description_span=article.span(desc[1], desc[2]) if desc else None,
                score=round(m.score, 3),
            )
        )
    return out


def _title_case_sentences(toks: list[tuple[int, int, str]], tok_sent: list[int]) -> set[int]:
    caps: Counter[int] = Counter()
    words: Counter[int] = Counter()
    for (_, _, raw), s in zip(toks, tok_sent, strict=True):
        if raw[0].isalpha() and len(raw) > 3:
            words[s] += 1
            caps[s] += raw[0].isupper()
    return {s for s, n in words.items() if n >= 4 and caps[s] / n >= 0.85}


def _capitalised(raw: str) -> bool:
    return raw[0].isupper() or raw[0].isdigit()


def _scan(
    text: str,
    toks: list[tuple[int, int, str]],
    folded: list[str],
    tok_sent: list[int],
    title_case: set[int],
    gaz: Gazetteer,
) -> list[_Match]:
    """Longest-first matching of token runs against the gazetteer's name keys."""
    names, prefixes, feature = gaz.names, gaz.prefixes, gaz._d.feature
    matches: list[_Match] = []
    surnames: set[str] = set()  # keys seen as part of a person's name ("Hillary Clinton")
    n = len(toks)
    i = 0
    while i < n:
        raw = toks[i][2]
        if not (
            raw[0].isupper()
            or (
                folded[i] in ("al", "el", "an", "ar", "as", "ad", "ash", "az")
                and i + 1 < n
                and toks[i + 1][2][0].isupper()
            )
        ):
            i += 1
            continue
        best: _Match | None = None
        key = ""
        strict = True
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
            if cands:
                if not strict:
                    cands = tuple(c for c in cands if feature[c] == "facility")
                if cands and key in gaz.upper_keys and not all(t[2].isupper() for t in toks[i : j + 1]):
                    cands = ()
                dotted = toks[j][1] < len(text) and text[toks[j][1]] == "."
                short = j == i and len(rawj) < 3 and not rawj.isupper()
                if short and dotted:  # "Ga.", "La.": postal-style abbreviations of regions only
                    cands = tuple(c for c in cands if feature[c] == "admin1")
                    short = not cands
                if cands and not short:
                    best = _Match(
                        i,
                        j,
                        toks[i][0],
                        toks[j][1],
                        key,
                        cands[:MAX_CANDIDATES],
                        gaz.adjectives.get(key),
                        tok_sent[i],
                    )
            if key not in prefixes:
                break
        if best is None or (
            best.last > best.first and not _capitalised(toks[best.last][2]) and folded[best.last] in PARTICLES
        ):
            i += 1
            continue
        best.title_case = tok_sent[i] in title_case
        person = _looks_like_person(best, toks, folded, matches, gaz)
        if person in ("title", "name"):
            surnames.add(best.key)
        elif best.key in surnames and not _after_locative(best.first, folded):
            person = "surname"
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
        i = best.last + 1
    return matches


def _after_locative(first: int, folded: list[str]) -> bool:
    k = first - 1
    if k >= 0 and folded[k] in ("the", "a"):
        k -= 1
    return k >= 0 and folded[k] in LOCATIVE


def _looks_like_person(
    m: _Match, toks: list[tuple[int, int, str]], folded: list[str], matches: list[_Match], gaz: Gazetteer
) -> str | None:
    """Screen "Hillary Clinton", "President Jackson", "Washington Post".

    A place followed by another capitalised word is kept ("Ohio Department of
    Transportation", "Kirkuk Operations Command" still name the place) unless it is a
    small town making a two-word run with a non-place word ("Gary Smith said").

    Returns why the match is not a place ("title", "name", "org") or None.
    """
    if m.adjective is not None:
        return None
    feats = {gaz._d.feature[c] for c in m.cands}
    i, j = m.first, m.last
    if i > 0 and toks[i][0] - toks[i - 1][1] <= 2:
        prev_raw, prev = toks[i - 1][2], folded[i - 1]
        prev_is_place = bool(matches) and matches[-1].last == i - 1
        if prev in TITLES and prev_raw[0].isupper():
            return "title"
        if m.title_case:
            return None
        if (
            prev_raw[0].isupper()
            and not prev_is_place
            and prev not in STOP_NAMES
            and prev not in BEFORE_OK
            and "country" not in feats
            and "facility" not in feats
        ):
            return "name"
    followed = j + 1 < len(toks) and toks[j + 1][0] - toks[j][1] == 1 and toks[j + 1][2][0].isupper()
    if followed and not m.title_case:
        nxt = folded[j + 1]
        if nxt in ORG_AFTER:
            return "org"  # a newspaper, a team, a street: "Washington Post", "Baghdad Street"
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


def _context(text: str, toks: list[tuple[int, int, str]], folded: list[str], matches: list[_Match]) -> None:
    """Locative prepositions before and type words around each match."""
    for m in matches:
        k = m.first - 1
        if k >= 0 and folded[k] in ("the", "a"):
            k -= 1
        if k >= 0 and folded[k] in LOCATIVE and toks[m.first][0] - toks[k][1] < 8:
            m.locative = True
        if m.last + 1 < len(toks):
            nxt = folded[m.last + 1]
            if nxt in ADMIN_CUES:
                m.cues.add("admin")
            elif nxt in CITY_CUES:
                m.cues.add("city")
            elif nxt in FACILITY_CUES or (
                nxt == "air" and m.last + 2 < len(toks) and folded[m.last + 2] in FACILITY_CUES
            ):
                m.cues.add("facility")
        before = fold(text[max(0, m.start - 30) : m.start])
        if re.search(r"\b(?:city|town|village|capital) of (?:the )?$", before):
            m.cues.add("city")
        elif re.search(r"\b(?:province|governorate|state|region|county|district) of (?:the )?$", before):
            m.cues.add("admin")
        elif re.search(r"\b(?:base|airbase|airport|camp)\s+(?:in|at|near)\s+$", before):
            m.cues.add("city")


class _Evidence:
    """Countries and admin1 regions the document points at, minus what a match adds itself."""

    def __init__(self) -> None:
        self.countries: dict[str, float] = defaultdict(float)
        self.admin1s: dict[tuple[str, str], float] = defaultdict(float)
        self.own: dict[int, list[tuple[str | tuple[str, str], float]]] = {}

    def add(self, k: int, item: str | tuple[str, str], weight: float) -> None:
        if isinstance(item, tuple):
            self.admin1s[item] += weight
        else:
            self.countries[item] += weight
        self.own.setdefault(k, []).append((item, weight))

    def country(self, k: int, cc: str) -> float:
        return self.countries.get(cc, 0) - sum(w for i, w in self.own.get(k, ()) if i == cc)

    def admin1(self, k: int, key: tuple[str, str]) -> float:
        return self.admin1s.get(key, 0) - sum(w for i, w in self.own.get(k, ()) if i == key)


def _resolve(matches: list[_Match], gaz: Gazetteer, text: str) -> None:
    """Choose each match's place: prior + document evidence; two rounds for consistency."""
    d = gaz._d
    ev = _Evidence()
    for k, m in enumerate(matches):
        top = m.cands[0]
        if d.feature[top] == "country" or m.adjective:
            ev.add(k, d.country[top] or "", 1.0)
        admins = [c for c in m.cands if d.feature[c] == "admin1"]
        if len(admins) == 1 and d.feature[top] in ("admin1", "city") and d.prior[top] >= 5:
            ev.add(k, (d.country[admins[0]] or "", d.name[admins[0]]), 1.0)
            ev.add(k, d.country[admins[0]] or "", 0.5)
    for k in range(len(matches) - 1):
        a, b = matches[k], matches[k + 1]
        gap = text[a.end : b.start]
        if re.fullmatch(r",\s*|\s+", gap) and b.adjective is None:
            a.container = b
    for round_ in range(2):
        chosen: list[int] = []
        for k, m in enumerate(matches):
            scored = sorted(((_score(k, m, c, gaz, ev), c) for c in m.cands), reverse=True)
            best_score, best = scored[0]
            second = scored[1][0] if len(scored) > 1 else -math.inf
            m.choice = best
            chosen.append(best)
            margin = best_score - second
            base = 0.95 if d.feature[best] in ("facility", "country") else 0.6 + 0.04 * min(d.prior[best], 8)
            m.score = base if margin == math.inf else min(base, 0.5 + 0.1 * margin)
        if round_ == 0:
            for k, best in enumerate(chosen):
                if d.feature[best] != "country" and d.country[best]:
                    ev.add(k, d.country[best] or "", 0.5)
                    if d.admin1[best] and d.feature[best] != "admin1":
                        ev.add(k, (d.country[best] or "", d.admin1[best] or ""), 0.5)


def _score(k: int, m: _Match, c: int, gaz: Gazetteer, ev: _Evidence) -> float:
    d = gaz._d
    feat, cc = d.feature[c], d.country[c] or ""
    s = d.prior[c]
    in_country = ev.country(k, cc)
    if in_country > 0:
        s += 1.5 + 0.25 * min(in_country, 4)
    if feat != "facility" and not _primary(gaz, c, m.key):
        s -= 0.75  # matched through an alternate name ("Iraq" is also a name of Arak, Iran)
    if feat in ("city", "admin2", "facility") and d.admin1[c] and ev.admin1(k, (cc, d.admin1[c] or "")) > 0:
        s += 1.5
    if m.container is not None and feat != "country":
        inner = gaz.place(c)
        if any(gaz.contains(gaz.place(o), inner) for o in m.container.cands[:10]):
            s += 6.0
    if "facility" in m.cues and feat == "facility":
        s += 3.0
    if "admin" in m.cues and feat in ("admin1", "admin2"):
        s += 2.5
    if "city" in m.cues and feat == "city":
        s += 1.0
    return s


_PRIMARY: dict[int, str] = {}


def _primary(gaz: Gazetteer, c: int, key: str) -> bool:
    """True when ``key`` is the place's main name (not one of its alternate names)."""
    main = _PRIMARY.get(c)
    if main is None:
        main = _PRIMARY[c] = " ".join(TOKEN_RE.findall(fold(gaz._d.name[c])))
    return main == key


def _accept(m: _Match, gaz: Gazetteer) -> bool:
    """Keep big or well-supported places; drop small ones with no support in the text."""
    assert m.choice is not None
    d = gaz._d
    c = m.choice
    if d.feature[c] in ("country", "admin1", "facility", "region"):
        return True
    pop = d.population[c]
    supported = m.locative or bool(m.cues) or m.container is not None
    if pop >= 100_000 or d.prior[c] >= 8:
        return True
    if m.title_case and not supported:
        return False
    if pop >= 15_000:
        return supported or m.score >= 0.6
    return supported and m.score >= 0.55


def _event_flags(text: str, kept: list[_Match], sents: list, gaz: Gazetteer) -> list[bool]:
    d = gaz._d
    flags = [False] * len(kept)
    dateline = _DATELINE.match(text)
    dl_end = dateline.end() if dateline else -1
    first_content = min((m.sentence for m in kept), default=0)
    for k, m in enumerate(kept):
        assert m.choice is not None
        if m.adjective is not None:
            continue
        feat = d.feature[m.choice]
        near_event = EVENT_VERBS.search(text, max(0, m.start - 90), min(len(text), m.end + 90)) is not None
        relative = _RELATIVE_BEFORE.search(text[max(0, m.start - 40) : m.start]) is not None
        flags[k] = m.end <= dl_end or (
            not relative
            and (
                (near_event and (m.locative or feat == "facility"))
                or (m.locative and m.sentence <= first_content + 1)
            )
        )
    # the dateline city is where the story was filed: the event place only when no other fine place
    # in its region is (one far away is more likely a misread street or landmark name than the scene)
    home = [m for m in kept if m.end <= dl_end and d.feature[m.choice or 0] in FINE_FEATURES]
    if any(
        f
        and m.end > dl_end
        and d.feature[m.choice or 0] in FINE_FEATURES
        and _within(d, m, home, _DATELINE_REGION_KM)
        for f, m in zip(flags, kept, strict=True)
    ):
        flags = [f and m.end > dl_end for f, m in zip(flags, kept, strict=True)]
    finer = any(
        f and d.feature[m.choice or 0] in ("city", "facility", "admin2")
        for f, m in zip(flags, kept, strict=True)
    )
    if finer:
        for k, m in enumerate(kept):
            if flags[k] and d.feature[m.choice or 0] in ("country", "admin1", "region"):
                flags[k] = False
    return flags


def _within(d: GazetteerData, m: _Match, others: list[_Match], km: float) -> bool:
    """True when ``m`` lies within ``km`` of one of ``others`` (or ``others`` is empty)."""
    a = m.choice or 0
    return not others or any(
        distance_km(d.lat[a], d.lon[a], d.lat[o.choice or 0], d.lon[o.choice or 0]) <= km for o in others
    )


def _descriptions(text: str, kept: list[_Match], gaz: Gazetteer) -> dict[int, tuple[str, int, int]]:
    """ "southern Iraqi city of X", "X in northern Iraq", "X, a base in northern Iraq"."""
    d = gaz._d
    out: dict[int, tuple[str, int, int]] = {}
    for k, m in enumerate(kept):
        if m.choice is None or d.feature[m.choice] != "country":
            continue
        dm = _DIRECTION_BEFORE.search(text, max(0, m.start - 30), m.start)
        if dm is None:
            continue
        direction = DIRECTION_WORDS.get((dm.group(1) + (dm.group(2) or "")).lower(), "central")
        value = f"{direction} {d.country[m.choice]}"
        d_start, d_end = dm.start(), m.end
        if k + 1 < len(kept):
            nxt = kept[k + 1]
            gap = text[d_end : nxt.start]
            if (m.adjective and _TYPE_OF.match(gap)) or (not m.adjective and _POSSESSIVE.match(gap)):
                out.setdefault(id(nxt), (value, d_start, d_end))
                continue
        if k > 0:
            prev = kept[k - 1]
            if d.feature[prev.choice or 0] != "country" and _X_IN_D.match(text[prev.end : d_start]):
                out.setdefault(id(prev), (value, d_start, d_end))
    return out
