"""Pairwise evidence that two event mentions report the same incident.

The evidence is combined the record-linkage way (Fellegi–Sunter): each observed
agreement or disagreement adds a log-odds weight, and the score is the resulting
probability that the two mentions report one incident. The weights (``WEIGHTS``)
are rounded values of a logistic regression over binned evidence (see
``benchmarks/gva.py --diagnose``); a missing value contributes nothing. Only a
few contradictions are hard vetoes: places in areas that cannot overlap, and
two exact dates far apart, each stated by both reports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from sitrep.extract.incident_dates import dates_compatible
from sitrep.geo import distance_km
from sitrep.model import CountMention, DatePrecision, EventMention, Place

__all__ = [
    "PRIOR",
    "WEIGHTS",
    "MatchScore",
    "PairContext",
    "contains",
    "cosine_level",
    "names_level",
    "pair_levels",
    "published_level",
    "rank_level",
    "score_levels",
    "score_pair",
]

_AREA_FEATURES = ("country", "admin1", "region")

#: Log-odds of "same incident" before any evidence, for a candidate pair.
PRIOR = 0.0

#: Log-odds weight of each evidence level (feature ``name=level``). Fitted on the
#: gun-violence development set (``benchmarks/gva.py --fit``) and rounded; the type
#: and place weights marked "prior" are set by hand where that set's extraction
#: noise would otherwise teach that disagreement is harmless.
WEIGHTS: dict[str, float] = {
    # text: cosine of the articles' TF-IDF vectors (site furniture repeated across articles removed)
    "text=none": -3.8,
    "text=low": -0.7,
    "text=some": 0.9,
    "text=high": 1.6,
    "text=very high": 2.0,
    # rare proper names (victims, streets, suspects) both articles use
    "names=0": -2.4,
    "names=1": -0.4,
    "names=2": 0.7,
    "names=3+": 2.1,
    # where each article ranks among the other's nearest neighbours by text
    "neighbours=mutual nearest": 0.4,
    "neighbours=mutual top 3": 0.4,
    "neighbours=one-way top 3": -0.1,
    "neighbours=not near": -0.7,
    # days between the two articles' publication dates
    "published=same day": 1.5,
    "published=1 day": 0.5,
    "published=2-3 days": 0.6,
    "published=4-7 days": -0.2,
    "published=8-30 days": -0.6,
    "published=30+ days": -1.9,
    # ... when both reports give the same incident day: a later report (charges, a trial) that states
    # the day of the incident it follows up
    "published=30+ days, same day stated": 2.0,
    # the incident dates the two reports give
    "date=same day": 2.7,
    "date=compatible": 2.0,
    "date=within a week": 0.0,
    "date=within a month": -0.1,
    "date=far apart": -0.7,
    # the incident places the two reports give
    "place=same place": 0.7,
    "place=nearby": 0.9,
    "place=same region": 0.6,
    "place=area contains": 0.6,
    "place=far": -1.0,  # prior
    "place=other country": -1.5,  # prior
    # event type (prior: the development set has one type, so it cannot teach these)
    "type=same sub-type": 0.0,
    "type=same type": 0.0,
    "type=different": -0.3,
    # casualty counts both reports state exactly
    "killed=same": 0.8,
    "killed=different": -0.4,
    "injured=same": 0.3,
    "injured=different": -0.8,
    "actors=shared": 0.0,
    # both articles from one outlet: its pages share wording (site furniture, house style) that
    # inflates their text similarity, and one outlet rarely files two reports of one incident a day
    "source=same": -0.7,
}

_FOLLOW_UP = "published=30+ days, same day stated"
_VETO_DAYS = 10**6  # two exact dates this far apart are a hard veto


@dataclass(slots=True)
class MatchScore:
    """A match score in [0, 1] (or vetoed) with the reasons behind it."""

    score: float = 0.0
    veto: str | None = None
    reasons: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)

    def add(self, points: float, reason: str) -> None:
        """Add evidence worth ``points`` (a probability-scale change) with a human-readable reason."""
        self.score += points
        self.reasons.append(f"{reason} ({points:+.2f})")


@dataclass(frozen=True, slots=True)
class PairContext:
    """Evidence about a pair that lives at article level rather than in the mentions.

    ``text_similarity``: cosine of the two articles' text vectors; ``shared_names``:
    how many rare proper names both use (None when not computed); ``published_days``:
    days between the publication dates (None when either is unknown);
    ``neighbour_ranks``: where each article ranks among the other's nearest
    neighbours by text (1 = nearest), None when no index was built;
    ``same_source``: both articles come from one outlet (None when unknown).
    """

    text_similarity: float = 0.0
    shared_names: int | None = None
    published_days: int | None = None
    neighbour_ranks: tuple[int, int] | None = None
    same_source: bool | None = None


def contains(outer: Place, inner: Place) -> bool:
    """Administrative containment judged from the entries' country and admin1 names."""
    if outer.feature == "country":
        return outer.country is not None and outer.country == inner.country
    if outer.feature in ("admin1", "region"):
        return (outer.country, outer.name) == (inner.country, inner.admin1) or (
            outer.country == inner.country and outer.admin1 is not None and outer.admin1 == inner.admin1
        )
    return False


def cosine_level(cos: float) -> str:
    """The evidence level of a text cosine similarity."""
    if cos < 0.1:
        return "text=none"
    if cos < 0.2:
        return "text=low"
    if cos < 0.3:
        return "text=some"
    if cos < 0.45:
        return "text=high"
    return "text=very high"


def names_level(shared: int) -> str:
    """The evidence level of a count of shared rare names."""
    return f"names={shared}" if shared < 3 else "names=3+"


def rank_level(rank_ab: int, rank_ba: int) -> str:
    """The evidence level of two articles' ranks among each other's nearest neighbours."""
    worst, best = max(rank_ab, rank_ba), min(rank_ab, rank_ba)
    if worst == 1:
        return "neighbours=mutual nearest"
    if worst <= 3:
        return "neighbours=mutual top 3"
    if best <= 3:
        return "neighbours=one-way top 3"
    return "neighbours=not near"


def published_level(days: int) -> str:
    """The evidence level of the gap between two publication dates."""
    days = abs(days)
    if days == 0:
        return "published=same day"
    if days == 1:
        return "published=1 day"
    if days <= 3:
        return "published=2-3 days"
    if days <= 7:
        return "published=4-7 days"
    if days <= 30:
        return "published=8-30 days"
    return "published=30+ days"


def _date_level(a: EventMention, b: EventMention, slack_days: int) -> tuple[str | None, str | None]:
    """(level, veto) for the two mentions' incident dates."""
    if a.date is None or b.date is None:
        return None, None
    da, db = a.date, b.date
    if dates_compatible(da, db, slack_days):
        same_day = da.date == db.date and DatePrecision.DAY in (da.precision, db.precision)
        return ("date=same day" if same_day else "date=compatible"), None
    gap = abs((da.date - db.date).days)
    exact = da.precision == db.precision == DatePrecision.DAY and not (da.relative or db.relative)
    if exact and gap > _VETO_DAYS:
        return "date=far apart", f"dates {da.date} and {db.date} are {gap} days apart"
    if gap <= 7:
        return "date=within a week", None
    if gap <= 31:
        return "date=within a month", None
    return "date=far apart", None


def _place_level(a: Place, b: Place, max_km: float) -> tuple[str, str | None, str]:
    """(level, veto, description) for two resolved places."""
    if a.feature in _AREA_FEATURES or b.feature in _AREA_FEATURES:
        if a == b or contains(a, b) or contains(b, a):
            return (
                "place=area contains",
                None,
                f"{a.name} and {b.name} are the same area or one contains the other",
            )
        if a.country and b.country and a.country != b.country:
            return "place=other country", None, f"{a.name} and {b.name} are in different countries"
        return "place=far", None, f"{a.name} and {b.name} do not overlap"
    km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
    desc = f"{a.name} / {b.name}, {km:.0f} km apart"
    if km <= 25:
        return "place=same place", None, desc
    if km <= max_km:
        return "place=nearby", None, desc
    if a.country and b.country and a.country != b.country:
        return "place=other country", None, desc
    if (a.country, a.admin1) == (b.country, b.admin1) and a.admin1 is not None:
        return "place=same region", None, desc
    return "place=far", None, desc


def _count_level(kind: str, a: CountMention | None, b: CountMention | None) -> str | None:
    if a is None or b is None or a.exact is None or b.exact is None:
        return None
    return f"{kind}=same" if a.exact == b.exact else f"{kind}=different"


def pair_levels(
    a: EventMention,
    b: EventMention,
    context: PairContext,
    *,
    max_km: float = 50.0,
    slack_days: int = 1,
) -> tuple[list[tuple[str, str]], str | None]:
    """The evidence levels observed for a pair, each with its reason, and a veto if any."""
    levels: list[tuple[str, str]] = []
    level, veto = _date_level(a, b, slack_days)
    if veto:
        return [], veto
    if level and a.date and b.date:
        levels.append((level, f"dates {a.date.date} / {b.date.date}"))
    pa, pb = a.place, b.place
    if pa is not None and pb is not None and pa.place is not None and pb.place is not None:
        plevel, veto, desc = _place_level(pa.place, pb.place, max_km)
        if veto:
            return [], veto
        levels.append((plevel, desc))
    if a.sub_event_type == b.sub_event_type:
        levels.append(("type=same sub-type", a.sub_event_type))
    elif a.event_type == b.event_type:
        levels.append(("type=same type", a.event_type))
    else:
        levels.append(("type=different", f"{a.sub_event_type} / {b.sub_event_type}"))
    for kind, ca, cb in (("killed", a.killed, b.killed), ("injured", a.injured, b.injured)):
        clevel = _count_level(kind, ca, cb)
        if clevel and ca is not None and cb is not None:
            levels.append((clevel, f"{ca.exact} / {cb.exact}"))
    levels.append((cosine_level(context.text_similarity), f"cosine {context.text_similarity:.2f}"))
    if context.shared_names is not None:
        levels.append((names_level(context.shared_names), f"{context.shared_names} rare names in common"))
    if context.neighbour_ranks is not None:
        levels.append(
            (rank_level(*context.neighbour_ranks), "ranks {} / {}".format(*context.neighbour_ranks))
        )
    if context.published_days is not None:
        published = published_level(context.published_days)
        if published == "published=30+ days" and level == "date=same day":
            published = _FOLLOW_UP  # a follow-up that states the incident's day
        levels.append((published, f"{abs(context.published_days)} days"))
    if context.same_source:
        levels.append(("source=same", "both from one outlet"))
    names_a = {x.name for x in a.actors if x.kind.value not in ("generic", "media")}
    shared = names_a & {x.name for x in b.actors if x.kind.value not in ("generic", "media")}
    if shared:
        levels.append(("actors=shared", ", ".join(sorted(shared))))
    return levels, None


def score_levels(levels: list[str]) -> float:
    """The probability of one incident given the evidence levels (logistic of the summed weights)."""
    logit = PRIOR + sum(WEIGHTS.get(lv, 0.0) for lv in levels)
    return 1.0 / (1.0 + math.exp(-logit))


def score_pair(
    a: EventMention,
    b: EventMention,
    text_similarity: float,
    *,
    max_km: float = 50.0,
    slack_days: int = 1,
    context: PairContext | None = None,
) -> MatchScore:
    """Evidence that mentions ``a`` and ``b`` (from different articles) are one incident.

    ``score`` is the probability of one incident under the weights in ``WEIGHTS``;
    ``reasons`` lists each piece of evidence with its weight. ``context`` adds
    article-level evidence (shared rare names, publication gap); its text
    similarity, when given, is replaced by ``text_similarity``.
    """
    ctx = context or PairContext()
    ctx = replace(ctx, text_similarity=text_similarity)
    observed, veto = pair_levels(a, b, ctx, max_km=max_km, slack_days=slack_days)
    result = MatchScore()
    if veto:
        result.veto = veto
        return result
    result.levels = [lv for lv, _ in observed]
    result.score = score_levels(result.levels)
    result.reasons = [f"{lv}: {why} ({WEIGHTS.get(lv, 0.0):+.1f})" for lv, why in observed]
    return result
