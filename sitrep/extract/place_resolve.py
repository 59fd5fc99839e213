"""Toponym resolution: choose each match's gazetteer entry from its prior and the document's evidence.

The evidence is what the rest of the article points at: countries and first-level
regions it names, a following "<place>, <region>" ("Paris, Texas"), counties named
and the towns in them (each supports the other), towns near a confidently placed town
of the same article, type cues ("province", "air base", "city"). Mentions of one name
never vouch for each other. Two rounds make the choices consistent with each other.

Small places need some support (a locative preposition, a cue, a container, a named
county or a nearby town) or :func:`accept` drops them as likely false positives; so
are small towns abroad (or towns matched through an alias) when the rest of the
article points only at other countries, and "X, Region" when X lies in another country.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.gazetteer_text import fold, word_set
from sitrep.extract.place_candidates import (
    NEAR_BONUS,
    NEAR_KM,
    CandidateFacts,
    candidate_facts,
    close,
    is_primary,
)
from sitrep.extract.place_scan import CUE_WORDS, Match

__all__ = ["accept", "resolve"]

ADMIN1_NAMED = 2.0  # bonus for a place in a first-level region the document names
COUNTY_NAMED = 3.0  # for a town in a county the document names
TOWN_NAMED = 1.5  # for a county holding a town of a name the document uses
_NONE: frozenset[int] = frozenset()
_NO_OWN: dict[str | tuple[str, str], float] = {}
_LOOSE = frozenset({"quarter", "institution"})  # cues of a name that may not be the town's
FOREIGN_MAX_POPULATION = 100_000
COUNTRY_NAME_PENALTY = 2.0  # for a city called by a country's name only as an alias
STRONG_PREPS = frozenset({"in", "near", "at", "outside", "inside", "across", "throughout", "around"})
NEAR_DEG = 1.0  # "near": within about a degree of latitude (111 km) and the same distance east-west
SEAT_PENALTY = 2.5  # for a county called by the name of a town in it without "county" after it
ALIAS_PENALTY = 0.75  # extra, for a city matched by an alias when another place bears the name itself
ANCHOR_SCORE = 0.75
MAX_ANCHORS = 8


class _Evidence:
    """Countries and admin1 regions the document points at, minus what a match adds itself."""

    def __init__(self) -> None:
        self.countries: dict[str, float] = defaultdict(float)
        self.admin1s: dict[tuple[str, str], float] = defaultdict(float)
        # per name id: the weight it adds itself to each country and region
        self.own: dict[int, dict[str | tuple[str, str], float]] = {}
        # countries the article names or places in (not adjectives: "French forces", "Chinese-run")
        self.named: dict[str, float] = defaultdict(float)
        # (country, admin1, admin2 key) -> name ids that may name that county / a town in it
        self.counties: dict[tuple[str, str, str], set[int]] = defaultdict(set)
        self.towns_in: dict[tuple[str, str, str], set[int]] = defaultdict(set)
        # confidently placed towns: (match key, lat, lon)
        self.anchors: list[tuple[str, float, float]] = []

    def near_anchor(self, key: str, lat: float, lon: float) -> bool:
        """True when a confidently placed town of another name lies within about 100 km."""
        box_lon = NEAR_DEG / max(0.2, math.cos(math.radians(lat)))
        for k, a_lat, a_lon in self.anchors:
            if k != key and abs(a_lat - lat) <= NEAR_DEG and abs(a_lon - lon) <= box_lon:
                return True
        return False

    def add_admin2(self, k: int, m: Match, gaz: Gazetteer) -> None:
        """Record the counties ``m`` may name and the counties its towns may lie in."""
        d = gaz._d
        for c in m.cands:
            a2 = d.admin2[c]
            if a2 is None:
                continue
            triple = (d.country[c] or "", d.admin1[c] or "", a2)
            if d.feature[c] == "admin2":
                self.counties[triple].add(k)
            elif d.feature[c] == "city":
                self.towns_in[triple].add(k)

    def add(self, k: int, item: str | tuple[str, str], weight: float) -> None:
        if isinstance(item, tuple):
            self.admin1s[item] += weight
        else:
            self.countries[item] += weight
        own = self.own.setdefault(k, {})
        own[item] = own.get(item, 0) + weight  # summed in the order added

    def country(self, k: int, cc: str) -> float:
        return self.countries.get(cc, 0) - self.own.get(k, _NO_OWN).get(cc, 0)

    def admin1(self, k: int, key: tuple[str, str]) -> float:
        return self.admin1s.get(key, 0) - self.own.get(k, _NO_OWN).get(key, 0)


def resolve(
    matches: list[Match], gaz: Gazetteer, text: str, title: tuple[list[Match], str] | None = None
) -> None:
    """Choose each match's place: prior + document evidence; two rounds for consistency.

    ``title`` holds the matches of a headline the text does not repeat, with the headline's
    text: they are resolved with the rest and count as evidence ("Frankfort teen shot" places
    the article in Kentucky)."""
    d = gaz._d
    ev = _Evidence()
    ids: dict[str, int] = {}
    _link_containers(matches, text)
    n_title = 0
    if title is not None:
        _link_containers(title[0], title[1])
        matches = [*title[0], *matches]
        n_title = len(title[0])
    for m in matches:  # mentions of one name share an id: a name cannot vouch for itself
        if m.key not in ids:
            ev.add_admin2(len(ids), m, gaz)  # once per name: the same candidates add nothing new
        m.kid = ids.setdefault(m.key, len(ids))
    for k, m in enumerate(matches):
        top = m.cands[0]
        if d.feature[top] == "country" or m.adjective:
            ev.add(matches[k].kid, d.country[top] or "", 1.0)
            if m.adjective is None and not _in_passing(m, title[1] if title and k < n_title else text):
                ev.named[d.country[top] or ""] += 1.0
        admins = [c for c in m.cands if d.feature[c] == "admin1"]
        if len(admins) == 1 and d.feature[top] in ("admin1", "city") and d.prior[top] >= 5:
            ev.add(matches[k].kid, (d.country[admins[0]] or "", d.name[admins[0]]), 1.0)
            ev.add(matches[k].kid, d.country[admins[0]] or "", 0.5)
            ev.named[d.country[admins[0]] or ""] += 1.0
    # per match and candidate, what the score owes to the gazetteer alone (the same in both rounds)
    fixed: list[list[CandidateFacts] | None] = [None] * len(matches)
    for round_ in range(2):
        chosen: list[int] = []
        for i, m in enumerate(matches):
            if len(m.cands) == 1:  # nothing to choose: the score would not matter
                best_score, best, second = math.inf, m.cands[0], -math.inf
            else:
                if fixed[i] is None:
                    fixed[i] = candidate_facts(m, gaz)
                best_score, best, second = -math.inf, -1, -math.inf
                own = ev.own.get(m.kid, _NO_OWN)
                for f in fixed[i] or ():  # the best (score, id) and the runner-up's score
                    sc, c = _score(m, f, ev, own), f.c
                    if sc > best_score or (sc == best_score and c > best):
                        best_score, best, second = sc, c, best_score
                    elif sc > second:
                        second = sc
            m.choice = best
            chosen.append(best)
            margin = best_score - second
            base = 0.95 if d.feature[best] in ("facility", "country") else 0.6 + 0.04 * min(d.prior[best], 8)
            m.score = base if margin == math.inf else min(base, 0.5 + 0.1 * margin)
        if round_ == 1:
            _mark_foreign(matches, gaz, ev)
            _mark_backed(matches, gaz, ev)
        if round_ == 0:
            ev.anchors = _anchors(matches, gaz)
            for k, best in enumerate(chosen):
                if d.feature[best] != "country" and d.country[best]:
                    ev.add(matches[k].kid, d.country[best] or "", 0.5)
                    if d.admin1[best] and d.feature[best] != "admin1":
                        ev.add(matches[k].kid, (d.country[best] or "", d.admin1[best] or ""), 0.5)


# between a place and the one holding it: ", " or a space; a direction may end the inner name
# ("Kipkelion East, Kericho": a subdivision named after its town)
_CONTAINER_GAP = re.compile(r"(?:\s+(?:East|West|North|South|Central))?(?:,\s*|\s+)")
_NEAR_GAP = re.compile(r"\s+(?:near|outside|close\s+to)\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
_NOT_A_NAME = word_set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december"""
)


# a country named as a destination, origin or neighbour, or as a modifier ("deported to Canada",
# "gunmen from Nigeria", "the border with Somalia", "a U.S. armored vehicle", "Somalia-based")
_PASSING_BEFORE = re.compile(r"\b(?:to|into|from|towards?|with|an?)\s+(?:the\s+)?\Z", re.IGNORECASE)
_PASSING_AFTER = re.compile(r"[-‐–][a-z]")


def _in_passing(m: Match, text: str) -> bool:
    """True when a country is named only in passing, not as where the story is."""
    return (
        _PASSING_BEFORE.search(text, max(0, m.start - 20), m.start) is not None
        or _PASSING_AFTER.match(text, m.end) is not None
    )


def _link_containers(matches: list[Match], text: str) -> None:
    """ "Paris, Texas", "Kirkuk province": a place right after another holds it.

    The holder must end there: "Machakos Level Five Hospital" or "Iriba, Wadi Fira" (a region
    the gazetteer does not know) do not put Machakos in a village called Level, or Iriba in one
    called Wadi."""
    for k in range(len(matches) - 1):
        a, b = matches[k], matches[k + 1]
        gap = text[a.end : b.start]
        if b.adjective is None and _NEAR_GAP.fullmatch(gap):
            a.near = b
            continue
        if not _CONTAINER_GAP.fullmatch(gap) or b.adjective is not None:
            continue
        nxt = _NEXT_WORD.match(text, b.end)
        if nxt is not None and fold(nxt.group(1)) not in CUE_WORDS | _NOT_A_NAME:
            continue
        a.container = b
        b.holds = True


def _anchors(matches: list[Match], gaz: Gazetteer) -> list[tuple[str, float, float]]:
    """The fine places of the first round chosen by a clear margin (at most MAX_ANCHORS of them)."""
    d = gaz._d
    out: dict[int, tuple[str, float, float]] = {}
    for m in matches:
        c = m.choice
        if c is not None and d.feature[c] in ("city", "admin2", "facility") and m.score >= ANCHOR_SCORE:
            out.setdefault(c, (m.key, d.lat[c], d.lon[c]))
            if len(out) >= MAX_ANCHORS:
                break
    return list(out.values())


def _mark_backed(matches: list[Match], gaz: Gazetteer, ev: _Evidence) -> None:
    """Cue towns the rest of the article backs up: their county is named, or a town near them."""
    d = gaz._d
    regions = {  # where the article's other fine places lie
        (d.country[m.choice] or "", d.admin1[m.choice] or "")
        for m in matches
        if m.choice is not None
        and d.feature[m.choice] in ("city", "admin2", "facility")
        and not m.cues & _LOOSE
    }
    for m in matches:
        c = m.choice
        if c is None:
            continue
        if m.cues & _LOOSE and d.feature[c] in ("admin1", "region"):
            # "Cascade Mall": a region's name opening a landmark's is the landmark's, unless the
            # article otherwise points at that country
            if ev.country(m.kid, d.country[c] or "") <= 0:
                m.foreign = True
            continue
        if d.feature[c] != "city":
            continue
        a2 = d.admin2[c]
        county = a2 is not None and bool(
            ev.counties.get((d.country[c] or "", d.admin1[c] or "", a2), _NONE) - {m.kid}
        )
        if county or (len(m.cands) > 1 and ev.near_anchor(m.key, d.lat[c], d.lon[c])):
            m.cues.add("context")
        elif (
            m.cues & _LOOSE
            and not ev.admin1(m.kid, (d.country[c] or "", d.admin1[c] or "")) > 0
            and (
                (ev.anchors and not ev.near_anchor(m.key, d.lat[c], d.lon[c]))
                or (regions and (d.country[c] or "", d.admin1[c] or "") not in regions)
            )
        ):
            # "the Gresham neighborhood" of a Chicago story is not Gresham, Oregon; "Comer
            # Children's Hospital" there is no town in Georgia
            m.foreign = True


def _mark_foreign(matches: list[Match], gaz: Gazetteer, ev: _Evidence) -> None:
    """Flag small towns (or any town matched by an alias) in countries nothing else in the article
    points at, when it points at others.

    In a note about Chad ("Chadian troops ... near Kaiga"), a village of the same name in
    Romania or Japan is a false friend, not a place the text means.
    """
    d = gaz._d
    for m in matches:
        c = m.choice
        if c is None or d.feature[c] not in ("city", "admin2"):
            continue
        outer = m.container.choice if m.container is not None else None
        small = d.population[c] < FOREIGN_MAX_POPULATION
        by = m.near.choice if m.near is not None else None
        if by is not None and d.feature[by] != "country" and not close(d, c, by, 3 * NEAR_KM):
            m.foreign = True  # "Geneva near Mandera": not the Geneva of Switzerland
            continue
        if (
            outer is not None
            and (small or d.feature[outer] in ("admin1", "admin2", "country"))
            and d.feature[outer] != "facility"
            and d.country[outer] != d.country[c]
        ):
            m.foreign = True  # "Kiunga, Lamu": not the Kiunga of Papua New Guinea
            continue
        if d.population[c] >= FOREIGN_MAX_POPULATION and is_primary(gaz, c, m.key):
            continue  # big towns abroad are named in news often enough; through an alias they are not
        cc = d.country[c] or ""
        if ev.country(m.kid, cc) > 0:
            continue
        # a nationality adjective ("Chadian army") is enough against a town matched by an alias only
        pool = ev.named if is_primary(gaz, c, m.key) else ev.countries
        others = max((ev.country(m.kid, o) for o in pool if o != cc), default=0.0)
        if others < 1.0:
            continue
        home = [
            o
            for o in m.cands
            if d.feature[o] in ("city", "admin2") and ev.country(m.kid, d.country[o] or "") > 0
        ]
        if home:  # "St. Louis" in an article about the US: the American city, not the one in Senegal
            m.choice = max(home, key=lambda o: d.prior[o])
        else:
            m.foreign = True
    abroad = {(m.key, m.choice) for m in matches if m.foreign}
    for m in matches:  # one sense per article: every mention of a false friend goes
        if (m.key, m.choice) in abroad:
            m.foreign = True


def _score(m: Match, f: CandidateFacts, ev: _Evidence, own: dict[str | tuple[str, str], float]) -> float:
    """The candidate's score in the article (``own``: what ``m``'s name adds to the evidence itself;
    :meth:`_Evidence.country` and :meth:`_Evidence.admin1` inlined)."""
    feat = f.feat
    s = f.prior
    in_country = ev.countries.get(f.cc, 0) - own.get(f.cc, 0)
    if in_country > 0:
        s += 1.5 + 0.25 * min(in_country, 4)
    if f.alias:
        if f.alias_cap is not None:
            # a regional capital's boost is for its own name, and a town called by its own name
            # comes first: "Philadelphia" is also an old name of Amman, "Pueblo" a name of Puebla
            s = min(s, f.alias_cap) - ALIAS_PENALTY
        s -= 0.75  # matched through an alternate name ("Iraq" is also a name of Arak, Iran)
        if f.country_name:
            s -= COUNTRY_NAME_PENALTY
    if f.seat:
        s -= SEAT_PENALTY
    if feat in ("city", "admin2", "facility") and f.admin1:
        region = (f.cc, f.admin1)
        if ev.admin1s.get(region, 0) - own.get(region, 0) > 0:
            s += ADMIN1_NAMED
    triple = f.triple
    if triple is not None:
        if feat == "city" and _others(ev.counties, triple, m.kid):
            s += COUNTY_NAMED  # "Alexandria" in an article naming Douglas County: Alexandria, Minnesota
        elif feat == "admin2" and _others(ev.towns_in, triple, m.kid):
            s += TOWN_NAMED
    if ev.anchors and feat in ("city", "admin2") and len(m.cands) > 1 and ev.near_anchor(m.key, f.lat, f.lon):
        s += NEAR_BONUS
    for b in f.bonus:
        s += b
    return s


def _others(table: dict[tuple[str, str, str], set[int]], triple: tuple[str, str, str], kid: int) -> bool:
    """True when ``table`` holds a name other than ``kid`` for the county ``triple``."""
    ks = table.get(triple)
    return ks is not None and (len(ks) > 1 or (len(ks) == 1 and kid not in ks))


def accept(m: Match, gaz: Gazetteer) -> bool:
    """Keep big or well-supported places; drop small ones with no support in the text."""
    assert m.choice is not None
    d = gaz._d
    c = m.choice
    if m.foreign:
        return False
    if d.feature[c] in ("country", "admin1", "facility", "region"):
        return True
    if d.feature[c] == "admin2" and not is_primary(gaz, c, m.key):
        # "Clarke" for Clarke County: only after "in", before "county", in "X, Y" (county short
        # names are often surnames: "Julie Brown", "the family of Brown")
        return (
            (m.locative and m.prep in STRONG_PREPS) or "admin" in m.cues or m.container is not None or m.holds
        )
    pop = d.population[c]
    supported = m.locative or bool(m.cues) or m.container is not None
    if pop >= 100_000 or d.prior[c] >= 8:
        return True
    if "context" in m.cues or "resident" in m.cues:
        return True  # its county is named, or a town near it; "Orangeburg man shot"
    if m.title_case and not supported:
        return False
    if pop >= 15_000:
        return supported or m.score >= 0.6
    if m.locative and "city" in m.cues and not m.origin:
        return True  # "in Majengo town", "the village of Kaiga": said outright to be a town
    return supported and m.score >= 0.55
