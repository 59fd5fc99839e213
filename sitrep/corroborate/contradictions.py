"""Contradictions: fields on which sources disagree, with a resolution where one is possible.

* counts (killed, injured, abducted): two stories contradict when no number fits both;
  resolved to the exact figure consistent with the most independent sources, else the highest;
  a vague count ("several") is open at the top, and one story (an article and its
  wire copies) never contradicts itself: its readings are merged into one range;
* dates: when neither date contains the other (a day inside a month is compatible);
* places: event locations more than 50 km apart;
* location descriptions: "the southern city of X" is checked against the gazetteer's
  coordinates for X and its country's extent;
* blame: different actors claimed or blamed by different sources, or a claim of
  responsibility against a statement that no one has claimed it (an accusation and the
  absence of a claim are compatible).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from sitrep.corroborate.agreement import independent_support
from sitrep.corroborate.claims import describe_direction
from sitrep.corroborate.described_places import PlaceDescription, described_places
from sitrep.corroborate.normalise import count_bounds, direction_components, parse_count, ranges_clash
from sitrep.extract.gazetteer import Gazetteer
from sitrep.geo import distance_km
from sitrep.model import Article, Claim, ClaimedValue, Contradiction, Event, Place

__all__ = ["find_contradictions", "parse_count"]

_SIDE_MARGIN = 0.05  # share of the half-extent a place must lie beyond the centre on the wrong side


def _story(claim: Claim, articles: Mapping[str, Article]) -> str:
    article = articles.get(claim.article_id)
    return article.duplicate_of if article is not None and article.duplicate_of else claim.article_id


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
        if cs
    )


def _majority(groups: Mapping[str, list[Claim]], articles: Mapping[str, Article]) -> tuple[str | None, str]:
    support = {v: independent_support(cs, articles) for v, cs in groups.items() if cs}
    if not support:
        return None, "no source gives a value"
    top = max(support.values())
    winners = [v for v, n in support.items() if n == top]
    if len(winners) == 1:
        return winners[0], f"{winners[0]} is given by {top} independent source(s), more than any other value"
    return None, "sources disagree and no value has more independent sources than the others"


def _supported_figure(
    field: str, claims: Sequence[Claim], articles: Mapping[str, Article]
) -> tuple[str | None, str]:
    """The exact figure consistent with the most independent sources ("at least 9" supports 9), if unique."""
    bounded = [(c, b) for c in claims if c.field == field and (b := count_bounds(c.value, c.span.text))]
    support = {
        v: independent_support([c for c, (lo, hi) in bounded if lo <= int(v) <= hi], articles)
        for v in {c.value for c, (lo, hi) in bounded if lo == hi}
    }
    if not support:
        return None, ""
    top = max(support.values())
    winners = [v for v, n in support.items() if n == top]
    if len(winners) > 1:
        return None, ""
    return winners[
        0
    ], f"{winners[0]} is consistent with {top} independent source(s), more than any other figure"


def _count_contradiction(
    field: str, claims: Sequence[Claim], articles: Mapping[str, Article]
) -> Contradiction | None:
    groups = _group(claims, field)
    stories: dict[str, tuple[int, int]] = {}
    for c in claims:
        if c.field != field or (b := count_bounds(c.value, c.span.text)) is None:
            continue
        key = _story(c, articles)
        old = stories.get(key)
        stories[key] = b if old is None else (min(old[0], b[0]), max(old[1], b[1]))
    ranges = list(stories.values())
    if not any(ranges_clash(a, b) for i, a in enumerate(ranges) for b in ranges[i + 1 :]):
        return None
    resolution, reason = _supported_figure(field, claims, articles)
    exact = [v for v in groups if (r := parse_count(v)) and r[0] == r[1]]
    if resolution is None and not exact:
        resolution, reason = _majority(groups, articles)
    if resolution is None and exact:
        # measured on gva-incidents (benchmarks/corroboration.py): the highest figure is right more
        # often than the lowest; tolls rise as reports come in, and lower figures often count only
        # some of the victims
        resolution = max(exact, key=int)
        reason = (
            "no figure has more independent sources than the others; "
            f"the highest exact figure ({resolution}) is kept, as tolls rise as reports come in"
        )
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


def _offsets(place: Place, gaz: Gazetteer) -> tuple[float, float] | None:
    """Where ``place`` lies from its country's centre, as shares of the half-extent (north, east)."""
    box = gaz.country_extent(place.country or "")
    if box is None:
        return None
    south, north, west, east = box
    half_y, half_x = (north - south) / 2, (east - west) / 2
    if half_y <= 1e-6 or half_x <= 1e-6:
        return None
    return (place.latitude - (south + north) / 2) / half_y, (place.longitude - (west + east) / 2) / half_x


def _wrong_side(d: PlaceDescription, gaz: Gazetteer) -> bool:
    """True when the place lies on the other side of its country's centre from where ``d`` puts it."""
    if d.country != d.place.country:  # the text puts it in another country: a geocoding question, not ours
        return False
    offsets = _offsets(d.place, gaz)
    if offsets is None:
        return False
    uy, ux = offsets
    said = direction_components(d.direction)
    if not said:  # "central": wrong only for a place in the country's outer sixth
        return max(abs(uy), abs(ux)) > 2 / 3
    wrong = {"north": uy < -_SIDE_MARGIN, "south": uy > _SIDE_MARGIN, "east": ux < -_SIDE_MARGIN}
    wrong["west"] = ux > _SIDE_MARGIN
    return any(wrong[c] for c in said)


def _descriptions(
    claims: Sequence[Claim], event: Event, articles: Mapping[str, Article]
) -> list[PlaceDescription]:
    """The located descriptions behind ``claims``: from the mentions, else claims about ``event.place``."""
    found = [
        d
        for m in event.mentions
        if (article := articles.get(m.article_id)) is not None
        for d in described_places(article, m)
    ]
    if found or event.place is None or event.place.country is None:
        return found
    return [
        PlaceDescription(
            event.place,
            "".join(w for w in ("north", "south", "east", "west") if w in direction_components(c.value))
            or "central",
            event.place.country,
            c.span,
        )
        for c in claims
        if c.field == "location_description"
    ]


def _location_contradiction(
    claims: Sequence[Claim], event: Event, articles: Mapping[str, Article], gaz: Gazetteer
) -> Contradiction | None:
    groups = _group(claims, "location_description")
    if not groups:
        return None
    for d in _descriptions(claims, event, articles):
        if not _wrong_side(d, gaz):
            continue
        actual = gaz.direction_in_country(d.place)
        truth = describe_direction(f"{actual} {d.place.country}") if actual else None
        said = describe_direction(d.code)
        reason = (
            f"the gazetteer places {d.place.name} at {d.place.latitude:.2f}, {d.place.longitude:.2f}"
            + (
                f", in the {'centre' if actual == 'central' else actual} of its country: {truth}"
                if truth
                else ""
            )
            + f"; '{said}' puts it on the wrong side of the country"
        )
        return Contradiction(
            field="location_description", values=_values(groups), resolution=truth, reason=reason
        )
    return None


def _blame_positions(
    claims: Sequence[Claim], articles: Mapping[str, Article]
) -> dict[str, dict[str, set[str]]]:
    """Per story: the actors it says claimed, were blamed, denied, and whether it says no one claimed."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for c in claims:
        story = _story(c, articles)
        name = c.value.split(" (per ")[0]
        if c.field == "blame" and c.value.startswith("no attribution"):
            out[story]["none"].add("no attribution")
        elif c.field == "blame":
            out[story]["blamed"].add(name)
        elif c.field == "claimed_responsibility":
            out[story]["claimed"].add(name)
        elif c.field == "denied_responsibility":
            out[story]["denied"].add(name)
    return out


def _blame_contradiction(claims: Sequence[Claim], articles: Mapping[str, Article]) -> Contradiction | None:
    positions = _blame_positions(claims, articles)
    stories = list(positions)
    reasons: list[str] = []
    for i, a in enumerate(stories):
        for b in stories[i + 1 :]:
            pa, pb = positions[a], positions[b]
            named_a, named_b = pa["claimed"] | pa["blamed"], pb["claimed"] | pb["blamed"]
            if named_a and named_b and not named_a & named_b:
                reasons.append(f"{', '.join(sorted(named_a))} vs {', '.join(sorted(named_b))}")
            if (pa["claimed"] and pb["none"]) or (pb["claimed"] and pa["none"]):
                reasons.append("a claim of responsibility vs a report that no one has claimed it")
            if (pa["denied"] & named_b) or (pb["denied"] & named_a):
                reasons.append("an actor denies what another source attributes to it")
    if not reasons:
        return None
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.field in ("blame", "claimed_responsibility", "denied_responsibility"):
            value = "no attribution" if c.value.startswith("no attribution") else c.value.split(" (per ")[0]
            label = {"claimed_responsibility": " (claimed)", "denied_responsibility": " (denied)"}.get(
                c.field, ""
            )
            groups[value + label].append(c)
    return Contradiction(
        field="blame",
        values=_values(groups),
        resolution=None,
        reason="sources attribute responsibility differently ("
        + "; ".join(dict.fromkeys(reasons))
        + "); attribution is reported, not established",
    )


def find_contradictions(
    event: Event, claims: Sequence[Claim], articles: Mapping[str, Article], gazetteer: Gazetteer
) -> list[Contradiction]:
    """Every field of ``event`` on which the sources' claims cannot all be true."""
    found = [
        _count_contradiction("killed", claims, articles),
        _count_contradiction("injured", claims, articles),
        _count_contradiction("abducted", claims, articles),
        _date_contradiction(claims, articles),
        _place_contradiction(claims, event, articles),
        _location_contradiction(claims, event, articles, gazetteer),
        _blame_contradiction(claims, articles),
    ]
    return [c for c in found if c is not None]
