"""Greedy, blocked clustering of event mentions into incidents.

Primary mentions (what an article is about) are clustered first, ordered by
publication date; each joins the best-scoring existing cluster above the
threshold, or starts a new one. Candidate clusters come from blocks (a date
window, or a grid cell of about 50 km for undated mentions), never from all pairs.
Mentions made in passing join a cluster only on strong evidence (a date and a
place that both agree); otherwise they stay events of their own.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sklearn.feature_extraction.text import TfidfVectorizer

from sitrep.config import Settings
from sitrep.model import Article, EventMention
from sitrep.resolve.similarity import MatchScore, score_pair

__all__ = ["Cluster", "TextIndex", "cluster_mentions"]

logger = logging.getLogger(__name__)


class TextIndex:
    """TF-IDF vectors of the articles, for cosine similarity between two articles."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self._row = {a.id: i for i, a in enumerate(articles)}
        docs = [a.clean_text for a in articles]
        if any(d.strip() for d in docs):
            vec = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1, max_features=200_000)
            self._matrix = vec.fit_transform(docs)
        else:
            self._matrix = None
        self._cache: dict[tuple[str, str], float] = {}

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of articles ``a`` and ``b`` (0 when either is unknown)."""
        if self._matrix is None or a not in self._row or b not in self._row:
            return 0.0
        key = (a, b) if a < b else (b, a)
        if key not in self._cache:
            va, vb = self._matrix[self._row[a]], self._matrix[self._row[b]]
            self._cache[key] = float(va.multiply(vb).sum())
        return self._cache[key]


@dataclass(slots=True)
class Cluster:
    """Mentions judged to report one incident, with the reasons each one joined."""

    mentions: list[EventMention] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def article_ids(self) -> set[str]:
        """The articles contributing a mention."""
        return {m.article_id for m in self.mentions}


def _date_keys(m: EventMention, window: int) -> list[tuple[str, int, int]]:
    if m.date is None:
        return []
    day = m.date.date.toordinal()
    return [("d", day + k, 0) for k in range(-window, window + 1)]


def _grid_keys(m: EventMention, cell: float = 0.5) -> list[tuple[str, int, int]]:
    place = m.place.place if m.place else None
    if place is None:
        return []
    x, y = int(place.latitude // cell), int(place.longitude // cell)
    return [("g", x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]


def _score(m: EventMention, c: Cluster, text: TextIndex, settings: Settings) -> MatchScore | None:
    if m.article_id in c.article_ids:
        return None
    best: MatchScore | None = None
    for other in c.mentions:
        s = score_pair(m, other, text.similarity(m.article_id, other.article_id), max_km=settings.cluster_km)
        if s.veto:
            return None  # complete linkage on hard constraints
        if best is None or s.score > best.score:
            best = s
    return best


def _strong(m: EventMention, s: MatchScore) -> bool:
    """A passing mention merges only when both its date and its place agree."""
    return (
        m.date is not None
        and m.place is not None
        and any("same place" in r for r in s.reasons)
        and any("dates agree" in r for r in s.reasons)
    )


def cluster_mentions(articles: Sequence[Article], settings: Settings) -> list[Cluster]:
    """Group every event mention of ``articles`` into clusters, one per incident."""
    text = TextIndex(articles)
    published = {a.id: a.published for a in articles}
    mentions = [m for a in articles for m in a.events]
    order = sorted(
        mentions,
        key=lambda m: (
            not m.primary,
            published.get(m.article_id) is None,
            published.get(m.article_id) or 0,
            m.id,
        ),
    )
    clusters: list[Cluster] = []
    blocks: dict[tuple[str, int, int], set[int]] = defaultdict(set)
    dated: set[int] = set()
    window = settings.cluster_days + 1
    for m in order:
        date_keys, grid_keys = _date_keys(m, window), _grid_keys(m)
        near = {i for k in grid_keys for i in blocks.get(k, ())}
        if m.date is not None:
            # same dates, or undated reports from nearby
            candidates = {i for k in date_keys for i in blocks.get(k, ())} | (near - dated)
        else:
            candidates = near
        best_i, best = -1, None
        for i in sorted(candidates):
            s = _score(m, clusters[i], text, settings)
            if s is not None and (best is None or s.score > best.score):
                best_i, best = i, s
        joins = best is not None and best.score >= settings.cluster_threshold
        if joins and best is not None and not m.primary:
            joins = _strong(m, best)
        if joins and best is not None:
            clusters[best_i].mentions.append(m)
            clusters[best_i].reasons.append(
                f"{m.id} joined (score {best.score:.2f}): " + "; ".join(best.reasons)
            )
            idx = best_i
        else:
            clusters.append(Cluster(mentions=[m]))
            idx = len(clusters) - 1
        for k in date_keys + grid_keys:
            blocks[k].add(idx)
        if m.date is not None:
            dated.add(idx)
    logger.info("clustered %d mentions into %d events", len(mentions), len(clusters))
    return clusters
