"""Contradictions: fields on which sources disagree, with a resolution where one is possible."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from sitrep.corroborate.claims import describe_direction
from sitrep.extract.gazetteer import Gazetteer
from sitrep.geo import distance_km
from sitrep.model import Article, Claim, ClaimedValue, Contradiction, Event, Place

__all__ = ["find_contradictions", "independent_key", "parse_count"]

_OPEN = 10**9


def parse_count(value: str) -> tuple[int, int] | None:
    """``"3"`` → (3, 3); ``"2-9"`` → (2, 9); ``"at least 30"`` → (30, ∞); ``"unknown"`` → None."""
    if m := re.fullmatch(r"(\d+)", value):
        n = int(m.group(1))
        return n, n
    if m := re.fullmatch(r"(\d+)-(\d+)", value):
        return int(m.group(1)), int(m.group(2))
    if m := re.fullmatch(r"at least (\d+)", value):
        return int(m.group(1)), _OPEN
    return None


def independent_key(claim: Claim, articles: Mapping[str, Article]) -> str:
    """Claims sharing this key are not independent: wire copies of one story, or one credited origin."""
    if claim.origin:
        return f"origin:{claim.origin.lower()}"
    article = articles.get(claim.article_id)
    root = article.duplicate_of if article is not None and article.duplicate_of else claim.article_id
    return f"article:{root}"


def _group(claims: Sequence[Claim], field: str) -> dict[str, list[Claim]]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.field == field:
            groups[c.value].append(c)
    return groups


def _values(groups: Mapping[str, list[Claim]]) -> tuple[ClaimedValue, ...]:
    return tuple(
        ClaimedValue(value=v, sources=tuple(sorted({c.source for c in cs})))
        for v, cs in sorted(groups.items())
    )


def _majority(groups: Mapping[str, list[Claim]], articles: Mapping[str, Article]) -> tuple[str | None, str]:
    support = {v: len({independent_key(c, articles) for c in cs}) for v, cs in groups.items()}
    top = max(support.values())
    winners = [v for v, n in support.items() if n == top]
    if len(winners) == 1:
        return winners[0], f"{winners[0]} is given by {top} independent source(s), more than any other value"
    return None, "sources disagree and no value has more independent sources than the others"


def _count_contradiction(
    field: str, claims: Sequence[Claim], articles: Mapping[str, Article]
) -> Contradiction | None:
    groups = _group(claims, field)
    # one value per article: a source repeating itself is not a contradiction
    ranges = {v: parse_count(v) for v in groups}
    known = {v: r for v, r in ranges.items() if r is not None}
    clash = any(
        a[1] < b[0] or b[1] < a[0]
        for i, a in enumerate(known.values())
        for b in list(known.values())[i + 1 :]
    )
    if not clash:
        return None
    exact = {v: cs for v, cs in groups.items() if (r := known.get(v)) and r[0] == r[1]}
    resolution, reason = _majority(exact or groups, articles)
    if resolution is None:
        lowest = min(exact or known, key=lambda v: known[v][0])
        resolution = lowest
        reason = f"no majority among independent sources; the lowest figure ({lowest}) is kept, as ACLED does"
    return Contradiction(field=field, values=_values(groups), resolution=resolution, reason=reason)


def _date_contradiction(claims: Sequence[Claim], articles: Mapping[str, Article]) -> Contradiction | None:
    groups = _group(claims, "date")
    values = [v.removeprefix("week of ")[:7] if v.startswith("week of") else v for v in groups]
    clash = any(
        not (a.startswith(b) or b.startswith(a)) for i, a in enumerate(values) for b in values[i + 1 :]
    )
    if not clash:
        return None
    resolution, reason = _majority(groups, articles)
    return Contradiction(field="date", values=_values(groups), resolution=resolution, reason=reason)


def _place_contradiction(
    claims: Sequence[Claim], event: Event, articles: Mapping[str, Article]
) -> Contradiction | None:
    # each report's best place, as extraction resolved it (not looked up again by name)
    points: dict[str, Place] = {}
    for m in event.mentions:
        if m.place is not None and m.place.place is not None:
            points.setdefault(m.place.place.name, m.place.place)
    names = list(points)
    far = any(
        distance_km(points[a].latitude, points[a].longitude, points[b].latitude, points[b].longitude) > 50
        and points[a].feature not in ("country", "admin1")
        and points[b].feature not in ("country", "admin1")
        for i, a in enumerate(names)
        for b in names[i + 1 :]
    )
    if not far:
        return None
    groups = {v: [c for c in claims if c.field == "place" and c.value == v] for v in names}
    resolution, reason = _majority(groups, articles)
    return Contradiction(field="place", values=_values(groups), resolution=resolution, reason=reason)


def _direction_matches(claimed: str, actual: str) -> bool:
    return claimed == actual or claimed in actual or actual in claimed


def _location_contradiction(claims: Sequence[Claim], event: Event, gaz: Gazetteer) -> Contradiction | None:
    groups = _group(claims, "location_description")
    if not groups or event.place is None or event.place.country is None:
        return None
    actual = gaz.direction_in_country(event.place)
    if actual is None:
        if len(groups) < 2:
            return None
        return Contradiction(
            field="location_description",
            values=_values(groups),
            resolution=None,
            reason="sources describe the location differently; the gazetteer cannot place it in its country",
        )
    truth = describe_direction(f"{actual} {event.place.country}")
    wrong = [
        v for v in groups if v.split(" ")[0].removesuffix("ern") not in actual and v.split(" ")[0] != actual
    ]
    if not wrong and len(groups) < 2:
        return None
    if not wrong:
        return None
    return Contradiction(
        field="location_description",
        values=_values(groups),
        resolution=truth,
        reason=(
            f"the gazetteer places {event.place.name} at "
            f"{event.place.latitude:.2f}, {event.place.longitude:.2f}, "
            f"in the {actual} of its country: {truth}"
        ),
    )


def _blame_contradiction(claims: Sequence[Claim]) -> Contradiction | None:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.field == "blame":
            key = "no attribution" if c.value.startswith("no attribution") else c.value.split(" (per ")[0]
            groups[key].append(c)
    per_source: dict[str, set[str]] = defaultdict(set)
    for v, cs in groups.items():
        for c in cs:
            per_source[c.source].add(v)
    if len(groups) < 2 or len(per_source) < 2:
        return None
    return Contradiction(
        field="blame",
        values=_values(groups),
        resolution=None,
        reason="sources attribute responsibility differently; attribution is reported, not established",
    )


def find_contradictions(
    event: Event, claims: Sequence[Claim], articles: Mapping[str, Article], gazetteer: Gazetteer
) -> list[Contradiction]:
    """Every field of ``event`` on which the sources' claims cannot all be true."""
    found = [
        _count_contradiction("killed", claims, articles),
        _count_contradiction("injured", claims, articles),
        _date_contradiction(claims, articles),
        _place_contradiction(claims, event, articles),
        _location_contradiction(claims, event, gazetteer),
        _blame_contradiction(claims),
    ]
    return [c for c in found if c is not None]
