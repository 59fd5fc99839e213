"""What a toponym candidate's score owes to the gazetteer and the match alone.

:func:`candidate_facts` gathers, per candidate of a match, the parts of its score in
:mod:`sitrep.extract.place_resolve` that the rest of the article does not change (prior,
alternate-name penalties, container, "near" and type-cue bonuses), so the two resolution rounds
and later mentions of the same name in other articles reuse them; the helpers say whether a
name is a place's main name and whether two places lie close together.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.gazetteer_build import GazetteerData, population_prior
from sitrep.extract.gazetteer_text import TOKEN_RE, fold
from sitrep.extract.place_scan import Match
from sitrep.geo import distance_km

__all__ = ["NEAR_BONUS", "NEAR_KM", "CandidateFacts", "any_primary", "candidate_facts", "close", "is_primary"]

NEAR_BONUS = 2.0  # for a candidate near a confidently placed town of the same article
NEAR_KM = 100.0  # "X near Y": X within this distance of Y (three times that and X is another X)


@dataclass(slots=True)
class CandidateFacts:
    """What a candidate's score owes to the gazetteer and the match alone (the same in both rounds)."""

    c: int
    feat: str
    cc: str
    admin1: str
    prior: float
    alias: bool  # matched through an alternate name
    alias_cap: float | None  # a town called by an alias when another candidate bears the name itself
    country_name: bool  # a city called by a country's name
    seat: bool  # a county called by the name of the town in it
    triple: tuple[str, str, str] | None  # (country, admin1, admin2) of a town or county
    lat: float
    lon: float
    bonus: tuple[float, ...]  # container, "near" and cue bonuses, in the order they are added


_MEMO_MAX = 20_000  # names (with their candidates) remembered per gazetteer


def candidate_facts(m: Match, gaz: Gazetteer) -> list[CandidateFacts]:
    """The facts of each candidate of ``m``, in order; remembered on the gazetteer (across
    articles) for a match with no container and no "near" place, whose facts then come from its
    name, candidates and type cues alone."""
    if m.container is not None or m.near is not None:
        return [_facts(m, c, gaz) for c in m.cands]
    cues = m.cues
    key = (m.key, m.cands, "facility" in cues, "admin" in cues, "city" in cues)
    memo = gaz.resolve_memo
    found = memo.get(key)
    if found is None:
        if len(memo) >= _MEMO_MAX:
            memo.clear()
        found = memo[key] = [_facts(m, c, gaz) for c in m.cands]
    return found  # type: ignore[return-value]


def _facts(m: Match, c: int, gaz: Gazetteer) -> CandidateFacts:
    """The facts of candidate ``c`` of ``m`` (see :class:`CandidateFacts`)."""
    d = gaz._d
    feat, cc = d.feature[c], d.country[c] or ""
    alias = feat != "facility" and not is_primary(gaz, c, m.key)
    cap = population_prior(d.population[c]) if alias and feat == "city" and any_primary(m, gaz) else None
    a2 = d.admin2[c]
    bonus: list[float] = []
    if m.container is not None and feat != "country":
        inner = gaz.place(c)
        if any(gaz.contains(gaz.place(o), inner) for o in m.container.cands[:10]):
            bonus.append(6.0)
    near = m.near
    if (
        near is not None
        and feat in ("city", "admin2")
        and any(close(d, c, o, NEAR_KM) for o in near.cands[:10])
    ):
        bonus.append(NEAR_BONUS)  # "Bura near Hola": the Bura that lies near a Hola
    if "facility" in m.cues and feat == "facility":
        bonus.append(3.0)
    if "admin" in m.cues and feat in ("admin1", "admin2"):
        bonus.append(2.5)
    if "city" in m.cues and feat == "city":
        bonus.append(1.0)
    return CandidateFacts(
        c=c,
        feat=feat,
        cc=cc,
        admin1=d.admin1[c] or "",
        prior=d.prior[c],
        alias=alias,
        alias_cap=cap,
        # "Mexico" is the country, even in an article about Mexico City
        country_name=alias and feat == "city" and d.feature[m.cands[0]] == "country",
        # "Milwaukee police": the city, not Milwaukee County
        seat=feat == "admin2" and "admin" not in m.cues and _names_its_seat(m, c, gaz),
        triple=(cc, d.admin1[c] or "", a2) if a2 is not None and feat in ("city", "admin2") else None,
        lat=d.lat[c],
        lon=d.lon[c],
        bonus=tuple(bonus),
    )


def close(d: GazetteerData, a: int, b: int, km: float) -> bool:
    """True when places ``a`` and ``b`` lie within ``km`` of each other."""
    return distance_km(d.lat[a], d.lon[a], d.lat[b], d.lon[b]) <= km


def _names_its_seat(m: Match, c: int, gaz: Gazetteer) -> bool:
    """True when the county ``c`` is matched through its short name and a town of that very name
    lies in it ("Milwaukee" for Milwaukee County, which holds the city of Milwaukee)."""
    if is_primary(gaz, c, m.key):
        return False
    d = gaz._d
    return any(
        d.feature[o] == "city"
        and d.admin2[o] == d.admin2[c]
        and d.admin1[o] == d.admin1[c]
        and d.country[o] == d.country[c]
        and is_primary(gaz, o, m.key)
        for o in m.cands
    )


def any_primary(m: Match, gaz: Gazetteer) -> bool:
    """True when some candidate of ``m`` carries the matched name as its main name."""
    if m.any_primary is None:
        m.any_primary = any(is_primary(gaz, o, m.key) for o in m.cands)
    return m.any_primary


def is_primary(gaz: Gazetteer, c: int, key: str) -> bool:
    """True when ``key`` is the place's main name (not one of its alternate names)."""
    main = gaz.main_keys.get(c)
    if main is None:
        main = gaz.main_keys[c] = " ".join(TOKEN_RE.findall(fold(gaz._d.name[c])))
    if main == key:
        return True
    if " " not in main and " " not in key:
        return False
    return main.replace(" ", "") == key.replace(" ", "")  # "Bani Bangou" written "Banibangou"
