"""Pairwise evidence that two event mentions report the same incident."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.extract.events import dates_compatible
from sitrep.geo import distance_km
from sitrep.model import CountMention, DatePrecision, EventMention, Place

__all__ = ["MatchScore", "contains", "score_pair"]

_AREA_FEATURES = ("country", "admin1", "region")


@dataclass(slots=True)
class MatchScore:
    """A match score in [0, 1] (or vetoed) with the reasons behind it."""

    score: float = 0.0
    veto: str | None = None
    reasons: list[str] = field(default_factory=list)

    def add(self, points: float, reason: str) -> None:
        """Add evidence worth ``points`` with a human-readable reason."""
        self.score += points
        self.reasons.append(f"{reason} ({points:+.2f})")


def contains(outer: Place, inner: Place) -> bool:
    """Administrative containment judged from the entries' country and admin1 names."""
    if outer.feature == "country":
        return outer.country is not None and outer.country == inner.country
    if outer.feature in ("admin1", "region"):
        return (outer.country, outer.name) == (inner.country, inner.admin1) or (
            outer.country == inner.country and outer.admin1 is not None and outer.admin1 == inner.admin1
        )
    return False


def _place_evidence(a: Place, b: Place, max_km: float, result: MatchScore) -> None:
    if a.feature in _AREA_FEATURES or b.feature in _AREA_FEATURES:
        if a == b or contains(a, b) or contains(b, a):
            result.add(0.1, f"{a.name} and {b.name} are the same area or one contains the other")
        else:
            result.veto = f"places {a.name} and {b.name} do not overlap"
        return
    km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
    if km <= 25:
        result.add(0.35, f"same place ({a.name} / {b.name}, {km:.0f} km apart)")
    elif km <= max_km:
        result.add(0.2, f"nearby places ({a.name} / {b.name}, {km:.0f} km apart)")
    else:
        result.veto = f"places {a.name} and {b.name} are {km:.0f} km apart"


def _counts_evidence(kind: str, a: CountMention | None, b: CountMention | None, result: MatchScore) -> None:
    if a is None or b is None:
        return
    if a.exact is not None and a.exact == b.exact:
        result.add(0.05, f"same {kind} count ({a.exact})")
        return
    lo_a, hi_a = a.low or 0, a.high if a.high is not None else 10**9
    lo_b, hi_b = b.low or 0, b.high if b.high is not None else 10**9
    if a.exact is not None and b.exact is not None and (hi_a < lo_b or hi_b < lo_a):
        result.add(-0.1, f"different {kind} counts ({a.exact} vs {b.exact})")


def score_pair(
    a: EventMention,
    b: EventMention,
    text_similarity: float,
    *,
    max_km: float = 50.0,
    slack_days: int = 1,
) -> MatchScore:
    """Evidence that mentions ``a`` and ``b`` (from different articles) are one incident.

    Hard vetoes: incompatible dates, places too far apart or in different areas.
    Points: date (0.3 when both known), place (up to 0.35), type (up to 0.15),
    casualty counts (±0.05 to 0.1 each), text similarity (0.35 × cosine, or a
    0.15 penalty below 0.05).
    """
    result = MatchScore()
    if a.date is not None and b.date is not None:
        if dates_compatible(a.date, b.date, slack_days):
            same_day = a.date.date == b.date.date and DatePrecision.DAY in (
                a.date.precision,
                b.date.precision,
            )
            result.add(0.3 if same_day else 0.2, f"dates agree ({a.date.date} / {b.date.date})")
        else:
            result.veto = f"dates {a.date.date} and {b.date.date} are incompatible"
            return result
    else:
        result.add(0.05, "one report gives no date")
    pa, pb = a.place, b.place
    if pa is not None and pb is not None and pa.place is not None and pb.place is not None:
        _place_evidence(pa.place, pb.place, max_km, result)
        if result.veto:
            return result
    if a.sub_event_type == b.sub_event_type:
        result.add(0.15, f"same type ({a.sub_event_type})")
    elif a.event_type == b.event_type:
        result.add(0.07, f"same event type ({a.event_type})")
    _counts_evidence("killed", a.killed, b.killed, result)
    _counts_evidence("injured", a.injured, b.injured, result)
    if text_similarity < 0.05:
        result.add(-0.15, f"texts barely overlap (cosine {text_similarity:.2f})")
    else:
        result.add(0.35 * text_similarity, f"text similarity {text_similarity:.2f}")
    names_a = {x.name for x in a.actors if x.kind.value not in ("generic", "media")}
    names_b = {x.name for x in b.actors if x.kind.value not in ("generic", "media")}
    shared = names_a & names_b
    if shared:
        result.add(0.05, f"shared actors: {', '.join(sorted(shared))}")
    return result
