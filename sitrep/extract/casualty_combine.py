"""Combining count mentions: one incident's killed or injured count from the mentions of its sentences.

Repeats of one toll are never summed; counts of different victim groups (security forces, armed
groups, civilians) are (:func:`combine_counts`). When a report says its sources disagree, or quotes
a second report or a side's own claim of its toll, the lowest figure is kept (:func:`incident_count`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.model import CountMention, Span

__all__ = ["SELF_INFLICTED", "combine_counts", "incident_count", "victim_group"]

#: an attacker's own death: "killed himself", "took his own life"
SELF_INFLICTED = re.compile(r"\b(?:himself|herself|own\s+life)\b", re.IGNORECASE)


def combine_counts(mentions: Sequence[CountMention], kind: str) -> tuple[int | None, int | None]:
    """One incident's ``(low, high)`` count of ``kind`` from several mentions, without double counting.

    Sentences that repeat the same victims are never summed; counts of different victim
    groups (security forces, armed groups, civilians: "killed seven soldiers ... 19
    militants were killed") are. Within one group the rule is:

    1. only the mentions of ``kind``; if some are not hedged, the hedged ones are ignored;
    2. with exact counts: the largest exact count ``n`` wins; it is widened upward by
       ranges lying wholly above it: their high bound becomes the high bound (None when
       open), so 3 with "at least 10" gives (3, None); ranges containing ``n`` or lying
       below it are ignored (the exact count wins);
    3. with only ranges: fold them in order of their low bound, intersecting
       overlapping ranges and keeping the larger one when they are disjoint;
    4. no mention: ``(None, None)``;
    Across groups the group totals are summed, unless a count of people in general is
    larger ("three people were killed: two soldiers and a civilian" stays 3).
    5. an attacker who killed himself ("before he killed himself", "took his own life") is
       one more death beside the victims, however often it is repeated.
    """
    relevant = [m for m in mentions if m.kind == kind and (m.low is not None or m.high is not None)]
    if not relevant:
        return None, None
    if kind == "killed":
        others = [m for m in relevant if not SELF_INFLICTED.search(m.span.text)]
        if others and len(others) < len(relevant):  # the attacker who killed himself is one more
            o_low, o_high = combine_counts(others, kind)
            return (None if o_low is None else o_low + 1), (None if o_high is None else o_high + 1)
    groups: dict[str, list[CountMention]] = {}
    for m in relevant:
        groups.setdefault(victim_group(m.span.text), []).append(m)
    specific = [g for g in groups if g != "people"]
    if len(specific) < 2:
        return _combine_same(relevant)
    # a group only said to have lost "some" ("attackers had been killed") adds no number
    parts = [p for p in (_combine_same(groups[g]) for g in specific) if p != (1, None)] or [(1, None)]
    low = sum(p[0] or 0 for p in parts)
    high = None if any(p[1] is None for p in parts) else sum(p[1] or 0 for p in parts)
    if "people" in groups:  # "three people were killed: two soldiers and a civilian"
        g_low, g_high = _combine_same(groups["people"])
        if g_low is not None and g_low > low:
            return g_low, g_high
    return low, high


#: Victim groups: counts of different groups in one incident are different people.
_GROUPS = (
    (
        "forces",
        re.compile(
            r"soldier|troop|army|military|police|officer|policem|gendarm|guard|security|servicem|trooper"
            r"|personnel|recruit|cadet|\bKDF\b|\bdeputies\b|\bdeputy\b",
            re.IGNORECASE,
        ),
    ),
    (
        "armed",
        re.compile(
            r"militant|fighter|insurgent|rebel|jihadist|attacker|assailant|gunm[ae]n|bandit|raider|terrorist"
            r"|extremist|militia|\bBH\b",
            re.IGNORECASE,
        ),
    ),
    (
        "civilians",
        re.compile(
            r"civilian|villager|resident|farmer|herder|pastoralist|child|student|pupil|teacher|worker|trader"
            r"|passenger|pilgrim|worshipp?er|fisherm[ae]n|miner|driver|journalist|shopper|customer|bystander",
            re.IGNORECASE,
        ),
    ),
)


def victim_group(span_text: str) -> str:
    """The victim group a count names ("forces", "armed", "civilians"), else "people" (or mixed)."""
    found = {name for name, pattern in _GROUPS if pattern.search(span_text)}
    return found.pop() if len(found) == 1 else "people"


def _combine_same(relevant: list[CountMention]) -> tuple[int | None, int | None]:
    """Rules 1-3 of :func:`combine_counts` over mentions of one victim group."""
    firm = [m for m in relevant if not m.hedged]
    if firm:
        relevant = firm
    exact = [m.exact for m in relevant if m.exact is not None]
    ranges = [(m.low or 0, m.high) for m in relevant if m.exact is None]
    if exact:
        n = max(exact)
        high: int | None = n
        for low, r_high in ranges:
            if low > n:
                high = None if r_high is None or high is None else max(high, r_high)
        return n, high
    ranges.sort(key=lambda r: (r[0], r[1] if r[1] is not None else 10**9))
    cur_low, cur_high = ranges[0]
    for low, r_high in ranges[1:]:
        if cur_high is None or low <= cur_high:  # overlapping: intersect
            cur_low = max(cur_low, low)
            cur_high = r_high if cur_high is None else (cur_high if r_high is None else min(cur_high, r_high))
        else:  # disjoint: the larger range wins
            cur_low, cur_high = low, r_high
    return cur_low, cur_high


def incident_count(
    counts: Sequence[CountMention], kind: str, sentences: Sequence[Span]
) -> CountMention | None:
    """An incident's count of one kind as a CountMention spanning its most informative source.

    The counts are combined as repeats of one toll (:func:`combine_counts`), unless they give
    different figures and the incident's ``sentences`` say why (ACLED's conservative rule):

    * the sources disagree ("conflicting reports", "one source says"): the lowest figure of each
      victim group is kept;
    * a sentence quotes a second report or a side's own claim ("The Courier reports 7 dead", "the
      rebels claim to have killed 20"): its toll and the rest of the report's are two accounts, and
      the lower one is kept.
    """
    of_kind = [c for c in counts if c.kind == kind]
    if not of_kind:
        return None
    if len({f for c in of_kind if (f := _figure(c)) is not None}) > 1:
        if any(_CONFLICTING.search(s.text) for s in sentences):
            of_kind = _lowest_figures(of_kind)
        elif second := [s for s in sentences if _SECOND_ACCOUNT.search(s.text)]:
            of_kind = _lower_account(of_kind, second, kind)
    low, high = combine_counts(of_kind, kind)
    # the span: the mention that states the combined value, else the first one
    src = next((c for c in of_kind if (c.low, c.high) == (low, high)), of_kind[0])
    return CountMention(span=src.span, kind=kind, low=low, high=high, hedged=src.hedged)


#: a report that says its sources give different figures
_CONFLICTING = re.compile(
    r"\b(?:conflicting|contradictory|differing)\s+(?:reports?|figures|accounts|sources|numbers|fatalities|tolls?)"
    r"|\b(?:one|another|other|some|a\s+second|different)\s+(?:sources?|reports?)\s+(?:indicates?|says?|said"
    r"|reports?|reported|suggests?|suggested|puts?|put|claims?|claimed)\b",
    re.IGNORECASE,
)
#: a second account of the toll: a named report's own figure ("The Daily Star reports four dead") or a
#: side's claim of what it killed ("the rebels claimed to have killed 50")
_SECOND_ACCOUNT = re.compile(
    r"(?-i:\b[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s+(?:reports|claims)\s+(?:\d|(?:one|two|three|four|five|six"
    r"|seven|eight|nine|ten)\b)"
    r"|\bclaim(?:s|ed|ing)?\s+(?:that\s+)?(?:to\s+have|they\s+(?:have|had)|its\s+\w+\s+(?:have|had)?)\s*killed\b",
    re.IGNORECASE,
)


def _lower_account(counts: list[CountMention], second: Sequence[Span], kind: str) -> list[CountMention]:
    """The counts of the lower of two accounts: those in the ``second`` account's sentences, or the
    rest (each combined as one toll)."""
    inside = [c for c in counts if any(s.start <= c.span.start < s.end for s in second)]
    outside = [c for c in counts if c not in inside]
    if not inside or not outside:
        return counts
    low_in, low_out = combine_counts(inside, kind)[0], combine_counts(outside, kind)[0]
    return inside if low_in is not None and low_out is not None and low_in < low_out else outside


def _figure(c: CountMention) -> int | None:
    """The figure a count gives: its exact value, or the floor of an "at least" count (a vague one,
    "multiple", "dozens", gives no figure)."""
    if c.exact is not None:
        return c.exact
    return c.low if c.high is None and _AT_LEAST.search(c.span.text) else None


_AT_LEAST = re.compile(r"\bat\s+least\b", re.IGNORECASE)


def _lowest_figures(counts: list[CountMention]) -> list[CountMention]:
    """Of sources that disagree, the lowest figure for each victim group (ACLED's conservative rule):
    counts giving a higher figure for the same group are dropped; other groups are left alone. With
    fewer than two named groups, all counts are of one group (as in :func:`combine_counts`)."""
    groups = [victim_group(c.span.text) for c in counts]
    if len(set(groups) - {"people"}) < 2:
        groups = ["all"] * len(counts)
    lowest: dict[str, int] = {}
    for c, group in zip(counts, groups, strict=True):
        figure = _figure(c)
        if figure is not None:
            lowest[group] = min(figure, lowest.get(group, figure))
    return [
        c for c, group in zip(counts, groups, strict=True) if (f := _figure(c)) is None or f <= lowest[group]
    ]
