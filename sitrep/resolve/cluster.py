"""Clustering event mentions into incidents: candidate pairs, pair scores, careful merging.

1. Candidate pairs, never all pairs: mentions dated within ``cluster_days`` of each
   other and placed within about 50 km (or unplaced); articles published within a
   few days of each other in the same area; and each article's nearest neighbours
   by text (``TextIndex.neighbours``), which finds reports whose extracted date or
   place is missing or wrong.
2. Each candidate pair is scored (:func:`score_pair`: the probability that both
   mentions report one incident).
3. Pairs are merged best first. Two clusters merge only when no pair across them is
   vetoed, no article would contribute two mentions, and the average score across
   them stays above the threshold (average linkage: one strong pair cannot chain
   two different incidents together). Mentions made in passing join only on strong
   evidence (a date and a place that both agree), and only after every pair of main
   reports has been tried: an article has one seat per incident, and a passing
   mention that took it first would keep the article's main report out.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np

from sitrep.config import Settings
from sitrep.model import Article, EventMention
from sitrep.resolve.candidates import grid_cells, neighbour_pairs
from sitrep.resolve.similarity import MatchScore, PairContext, score_pair
from sitrep.resolve.sources import source_name
from sitrep.resolve.text import TextIndex

__all__ = ["Cluster", "PairScorer", "TextIndex", "candidate_pairs", "cluster_mentions", "strong_evidence"]

logger = logging.getLogger(__name__)

_TEXT_NEIGHBOURS = 10
_PUBLISHED_DAYS = 3


@dataclass(slots=True)
class Cluster:
    """Mentions judged to report one incident, with the reasons each one joined."""

    mentions: list[EventMention] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def article_ids(self) -> set[str]:
        """The articles contributing a mention."""
        return {m.article_id for m in self.mentions}


def _ordinal(d: dt.date | None) -> int:
    return d.toordinal() if d is not None else -1


def candidate_pairs(
    mentions: Sequence[EventMention],
    published: dict[str, dt.date | None],
    text: TextIndex | None,
    settings: Settings,
    *,
    settled: Collection[str] = frozenset(),
) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of mentions worth scoring.

    ``settled``: ids of mentions already resolved together (stored events); only
    pairs with at least one other mention are returned, and text neighbours are
    searched for those others and the articles they meet only.
    """
    n = len(mentions)
    if n < 2:
        return set()
    day = np.array([_ordinal(m.date.date if m.date else None) for m in mentions], dtype=np.int64)
    pub = np.array([_ordinal(published.get(m.article_id)) for m in mentions], dtype=np.int64)
    placed = np.array([m.place is not None and m.place.place is not None for m in mentions])
    lat = np.array([m.place.place.latitude if m.place and m.place.place else 0.0 for m in mentions])
    lon = np.array([m.place.place.longitude if m.place and m.place.place else 0.0 for m in mentions])
    cells = grid_cells(lat, lon)
    window = settings.cluster_days + 1
    found: list[np.ndarray] = []
    dated = np.flatnonzero(day >= 0)
    both = np.flatnonzero((day >= 0) & placed)
    if len(both) > 1:  # same dates, same area
        sub = np.column_stack([day[both], cells[both]])
        found.append(both[neighbour_pairs(sub, (window, 1, 1))])
    if len(dated) > 1 and not placed[dated].all():  # same dates, one report unplaced
        sub = day[dated][:, None]
        found.append(dated[neighbour_pairs(sub, (window,), query=~placed[dated])])
    with_pub = np.flatnonzero((pub >= 0) & placed)
    if len(with_pub) > 1:  # published days apart, same area
        sub = np.column_stack([pub[with_pub], cells[with_pub]])
        found.append(with_pub[neighbour_pairs(sub, (_PUBLISHED_DAYS, 1, 1))])
    pairs: set[tuple[int, int]] = {(int(i), int(j)) for block in found for i, j in block}
    focus: set[str] | None = None
    if settled:
        pairs = {(i, j) for i, j in pairs if mentions[i].id not in settled or mentions[j].id not in settled}
        focus = {mentions[i].article_id for i, m in enumerate(mentions) if m.id not in settled}
        focus |= {mentions[k].article_id for pair in pairs for k in pair}
    if text is not None:  # nearest neighbours by text: primary mentions of the two articles
        primary_of: dict[str, int] = {}
        for i, m in enumerate(mentions):
            if m.primary and m.article_id not in primary_of:
                primary_of[m.article_id] = i
        for a, b in text.neighbours(_TEXT_NEIGHBOURS, rows=focus):
            if a in primary_of and b in primary_of:
                i, j = primary_of[a], primary_of[b]
                if mentions[i].id not in settled or mentions[j].id not in settled:
                    pairs.add((min(i, j), max(i, j)))
    return {(i, j) for i, j in pairs if mentions[i].article_id != mentions[j].article_id}


class PairScorer:
    """Scores of mention pairs (by index), each computed once, with article-level context."""

    def __init__(
        self,
        mentions: Sequence[EventMention],
        published: dict[str, dt.date | None],
        text: TextIndex,
        settings: Settings,
        sources: dict[str, str] | None = None,
    ) -> None:
        self.mentions, self.published, self.text, self.settings = mentions, published, text, settings
        self.sources = sources or {}
        self.cache: dict[tuple[int, int], MatchScore] = {}

    def __call__(self, i: int, j: int) -> MatchScore:
        """The score of mentions ``i`` and ``j``."""
        key = (i, j) if i < j else (j, i)
        if key not in self.cache:
            a, b = self.mentions[key[0]], self.mentions[key[1]]
            pa, pb = self.published.get(a.article_id), self.published.get(b.article_id)
            ctx = PairContext(
                shared_names=self.text.shared_names(a.article_id, b.article_id),
                published_days=(pa - pb).days if pa and pb else None,
                neighbour_ranks=self.text.neighbour_rank(a.article_id, b.article_id),
                same_source=_same_source(self.sources, a.article_id, b.article_id),
            )
            self.cache[key] = score_pair(
                a,
                b,
                self.text.similarity(a.article_id, b.article_id),
                max_km=self.settings.cluster_km,
                context=ctx,
            )
        return self.cache[key]


def _same_source(sources: dict[str, str], a: str, b: str) -> bool | None:
    sa, sb = sources.get(a), sources.get(b)
    return None if sa is None or sb is None else sa == sb


def strong_evidence(s: MatchScore) -> bool:
    """A passing mention merges only when both its date and its place agree."""
    return (
        any(lv in ("date=same day", "date=compatible") for lv in s.levels) and "place=same place" in s.levels
    )


def cluster_mentions(
    articles: Sequence[Article], settings: Settings, *, fixed: Sequence[Collection[str]] = ()
) -> list[Cluster]:
    """Group every event mention of ``articles`` into clusters, one per incident.

    ``fixed``: groups of mention ids already resolved together (stored events).
    Each starts as one cluster, and only pairs with a mention outside every group
    are candidates: the other mentions join the groups, never split them, and the
    pairs inside the groups are not scored again.
    """
    text = TextIndex(articles)
    published = {a.id: a.published for a in articles}
    mentions = [m for a in articles for m in a.events]
    order = sorted(
        range(len(mentions)),
        key=lambda i: (
            not mentions[i].primary,
            published.get(mentions[i].article_id) is None,
            published.get(mentions[i].article_id) or dt.date.min,
            mentions[i].id,
        ),
    )
    rank = {i: r for r, i in enumerate(order)}
    scorer = PairScorer(mentions, published, text, settings, {a.id: source_name(a) for a in articles})
    scored = []
    settled = {mid for group in fixed for mid in group}
    pairs = candidate_pairs(mentions, published, text, settings, settled=settled)
    text.prepare((mentions[i].article_id, mentions[j].article_id) for i, j in pairs)
    for i, j in pairs:
        s = scorer(i, j)
        both_primary = mentions[i].primary and mentions[j].primary
        if s.veto is None and s.score >= settings.cluster_threshold and (both_primary or strong_evidence(s)):
            # main reports first (passing mentions after them), best score first within each
            scored.append((not both_primary, -s.score, min(rank[i], rank[j]), i, j))
    scored.sort()
    members: dict[int, list[int]] = {i: [i] for i in range(len(mentions))}
    owner = list(range(len(mentions)))
    reasons: dict[int, list[str]] = {i: [] for i in range(len(mentions))}
    index = {m.id: i for i, m in enumerate(mentions)}
    for group in fixed:  # a stored event is one cluster from the start
        ks = sorted((index[mid] for mid in group if mid in index), key=rank.__getitem__)
        for k in ks[1:]:
            keep, gone = owner[ks[0]], owner[k]
            if keep != gone:
                reasons[keep].extend(reasons.pop(gone))
                for x in members[gone]:
                    owner[x] = keep
                members[keep] = sorted(members[keep] + members.pop(gone), key=rank.__getitem__)
    for i, j in _wire_copy_pairs(articles, mentions):  # a copy reports what its original reports
        if mentions[i].id in settled and mentions[j].id in settled:
            continue
        keep, gone = (owner[i], owner[j]) if rank[i] <= rank[j] else (owner[j], owner[i])
        if keep == gone:
            continue
        reasons[keep].append(f"{mentions[j].id} joined: wire copy of {mentions[i].article_id}")
        reasons[keep].extend(reasons.pop(gone))
        for k in members[gone]:
            owner[k] = keep
        members[keep] = sorted(members[keep] + members.pop(gone), key=rank.__getitem__)
    for _, _, _, i, j in scored:
        ci, cj = owner[i], owner[j]
        if ci == cj or not _compatible(members[ci], members[cj], mentions, scorer, settings):
            continue
        keep, gone = (ci, cj) if rank[members[ci][0]] <= rank[members[cj][0]] else (cj, ci)
        s = scorer(i, j)
        reasons[keep].append(
            f"{mentions[j if owner[i] == keep else i].id} joined (score {s.score:.2f}): "
            + "; ".join(s.reasons)
        )
        reasons[keep].extend(reasons.pop(gone))
        for k in members[gone]:
            owner[k] = keep
        members[keep] = sorted(members[keep] + members.pop(gone), key=rank.__getitem__)
    clusters = [
        Cluster(mentions=[mentions[k] for k in ks], reasons=reasons[c])
        for c, ks in sorted(members.items(), key=lambda ck: rank[ck[1][0]])
    ]
    logger.info("clustered %d mentions into %d events", len(mentions), len(clusters))
    return clusters


def _wire_copy_pairs(articles: Sequence[Article], mentions: Sequence[EventMention]) -> list[tuple[int, int]]:
    """Index pairs (original's mention, copy's mention) of the same incident in a wire copy and the
    article it copies: the n-th mention of each, when both have the same sub-event type."""
    index = {m.id: i for i, m in enumerate(mentions)}
    pairs = []
    for a in articles:
        if not a.duplicate_of:
            continue
        for n, m in enumerate(a.events):
            i = index.get(f"{a.duplicate_of}#{n}")
            if i is not None and mentions[i].sub_event_type == m.sub_event_type:
                pairs.append((i, index[m.id]))
    return pairs


def _compatible(
    a: list[int], b: list[int], mentions: Sequence[EventMention], scorer: PairScorer, settings: Settings
) -> bool:
    """Average linkage with hard constraints: no veto, no article twice, mean score above threshold."""
    if {mentions[i].article_id for i in a} & {mentions[j].article_id for j in b}:
        return False
    total = 0.0
    for i in a:
        for j in b:
            s = scorer(i, j)
            if s.veto is not None:
                return False
            if not (mentions[i].primary and mentions[j].primary) and not strong_evidence(s):
                return False
            total += s.score
    return total / (len(a) * len(b)) >= settings.cluster_threshold
