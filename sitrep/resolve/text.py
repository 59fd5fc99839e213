"""Article text evidence for resolution: TF-IDF vectors, rare shared names, nearest neighbours.

Crawled news pages carry site furniture (subscription prompts, "most popular"
lists) that survives line-level cleaning and makes unrelated articles from one
publisher look alike. A line whose normalised form recurs in several distinct
articles (wire copies excepted) is treated as furniture and left out of the
text vectors. The title is kept: it names the incident.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.neighbors import NearestNeighbors

from sitrep.model import Article

__all__ = ["TextIndex"]

logger = logging.getLogger(__name__)

_REPEATED_LINE_DOCS = 3  # a line found in this many articles is site furniture
_MIN_LINE_CHARS = 20
_NAME = re.compile(r"\b[A-Z][a-z]{2,}(?:[-'][A-Z][a-z]+)?\b")
_NORMALISE = re.compile(r"[^a-z ]+")


def _norm_line(line: str) -> str:
    return _NORMALISE.sub("", line.lower()).strip()


class TextIndex:
    """Text vectors and rare proper names of a set of articles.

    ``similarity(a, b)``: cosine of the two articles' TF-IDF vectors;
    ``shared_names(a, b)``: how many rare capitalised names (used by at most
    ``rare_df`` articles) both contain; ``neighbours(k)``: each article's ``k``
    most similar articles, from an exact cosine nearest-neighbour index.
    """

    def __init__(self, articles: Sequence[Article], *, rare_df: int | None = None) -> None:
        self.ids = [a.id for a in articles]
        self._row = {aid: i for i, aid in enumerate(self.ids)}
        docs = self._documents(articles)
        self._matrix: sparse.csr_matrix | None = None
        if any(d.strip() for d in docs):
            vec = TfidfVectorizer(sublinear_tf=True, stop_words="english", max_features=200_000)
            try:
                self._matrix = sparse.csr_matrix(vec.fit_transform(docs))
            except ValueError:  # only stop words
                self._matrix = None
        names = [set(_NAME.findall(d)) for d in docs]
        df = Counter(n for ns in names for n in ns)
        limit = rare_df if rare_df is not None else max(5, len(articles) // 1000)
        self._names = [frozenset(n for n in ns if df[n] <= limit) for ns in names]
        self._cache: dict[tuple[str, str], float] = {}
        self._ranks: dict[tuple[int, int], int] = {}
        self._k = 0  # (i, j) -> rank of j among i's neighbours (1 = nearest)

    @staticmethod
    def _documents(articles: Sequence[Article]) -> list[str]:
        lines_of = [
            [ln for ln in a.clean_text.split("\n") if len(ln.strip()) >= _MIN_LINE_CHARS] for a in articles
        ]
        seen: Counter[str] = Counter()
        for a, lines in zip(articles, lines_of, strict=True):
            if a.duplicate_of is None:
                seen.update({_norm_line(ln) for ln in lines})
        docs = []
        for a, lines in zip(articles, lines_of, strict=True):
            body = [ln for ln in lines if seen[_norm_line(ln)] < _REPEATED_LINE_DOCS]
            docs.append("\n".join([a.title or "", *body]))
        return docs

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of articles ``a`` and ``b`` (0 when either is unknown)."""
        if self._matrix is None or a not in self._row or b not in self._row:
            return 0.0
        key = (a, b) if a < b else (b, a)
        if key not in self._cache:
            va, vb = self._matrix[self._row[a]], self._matrix[self._row[b]]
            self._cache[key] = float(va.multiply(vb).sum())
        return self._cache[key]

    def neighbour_rank(self, a: str, b: str) -> tuple[int, int] | None:
        """Ranks of ``b`` among ``a``'s nearest neighbours and of ``a`` among ``b``'s (1 = nearest).

        None when :meth:`neighbours` has not been run; a rank beyond the ``k``
        computed is reported as ``k + 1``.
        """
        if not self._ranks or a not in self._row or b not in self._row:
            return None
        i, j = self._row[a], self._row[b]
        far = self._k + 1
        return self._ranks.get((i, j), far), self._ranks.get((j, i), far)

    def shared_names(self, a: str, b: str) -> int:
        """How many rare proper names articles ``a`` and ``b`` both use."""
        if a not in self._row or b not in self._row:
            return 0
        return len(self._names[self._row[a]] & self._names[self._row[b]])

    def neighbours(self, k: int, min_similarity: float = 0.1) -> list[tuple[str, str]]:
        """Article pairs where one is among the other's ``k`` nearest neighbours by cosine."""
        if self._matrix is None or len(self.ids) < 2:
            return []
        self._k = k
        k = min(k + 1, len(self.ids))
        index = NearestNeighbors(n_neighbors=k, metric="cosine", algorithm="brute").fit(self._matrix)
        dist, ind = index.kneighbors(self._matrix)
        rows = np.repeat(np.arange(len(self.ids)), ind.shape[1])
        cols, sims = ind.ravel(), 1.0 - dist.ravel()
        self._ranks = {}
        for i, row in enumerate(ind.tolist()):
            others = [j for j in row if j != i]
            for r, j in enumerate(others, start=1):
                self._ranks[(i, j)] = r
        keep = (rows != cols) & (sims >= min_similarity)
        pairs = {
            (min(i, j), max(i, j)) for i, j in zip(rows[keep].tolist(), cols[keep].tolist(), strict=True)
        }
        logger.debug("text index: %d neighbour pairs for %d articles", len(pairs), len(self.ids))
        return [(self.ids[i], self.ids[j]) for i, j in sorted(pairs)]
