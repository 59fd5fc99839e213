"""The article's focus: a place named alone in another region yields to the city the article keeps naming.

Crawled local news names its city again and again ("Memphis police", "a Memphis hospital") while a
neighbourhood or a name the gazetteer misreads is named once: "Whitehaven" resolved to the English
town, "Parker" to a town in Florida, "Cook" to Minnesota. When an incident's best place lies in a
first-level region (a state) that nothing else in the article names, and the article's most
named city lies in another region and is named at least twice, that city is the better guess. A
place with support stays ("K-1 Air Base" beside "Kirkuk"): capitals are named again and again in
international news without being where the incident was.
"""

from __future__ import annotations

from collections import Counter

from sitrep.geo import FINE_FEATURES
from sitrep.model import Place, PlaceMention

__all__ = ["most_named", "refocus"]

_LEAST = 2  # mentions of the focus city needed


def _region(place: Place) -> tuple[str | None, str | None]:
    return place.country, place.admin1


def most_named(pool: list[PlaceMention], least: int = 1) -> PlaceMention | None:
    """The first mention of the fine place (city, district, site) ``pool`` names most often, the first
    seen on ties, when it is named at least ``least`` times; else None."""
    first: dict[Place, PlaceMention] = {}
    counts: Counter[Place] = Counter()
    for p in pool:
        if p.place is not None and p.place.feature in FINE_FEATURES:
            first.setdefault(p.place, p)
            counts[p.place] += 1
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)  # first seen wins ties
    return first[best] if counts[best] >= least else None


def refocus(places: list[PlaceMention], article_places: list[PlaceMention]) -> list[PlaceMention]:
    """``places`` (an incident's, best first) with the article's focus city first when the best place
    is alone in its region (see the module docstring); unchanged otherwise."""
    if not places or places[0].place is None:
        return places
    focus = most_named(article_places, _LEAST)
    if focus is None or focus.place is None:
        return places
    best = places[0].place
    if _region(best) == _region(focus.place):
        return places
    named = [p.place for p in article_places if p.place is not None]
    if sum(_region(pl) == _region(best) for pl in named) > 1:  # not alone: the region is named again
        return places
    return [focus, *(p for p in places if p.place != focus.place)]
