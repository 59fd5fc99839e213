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
from collections.abc import Collection, Iterable, Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.neighbors import NearestNeighbors

from sitrep.model import Article

__all__ = ["TextIndex"]

logger = logging.getLogger(__name__)

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

_REPEATED_LINE_DOCS = 3  # a line found in this many articles is site furniture
_MIN_LINE_CHARS = 20
_EXACT_LIMIT = 10_000  # up to this many articles, text neighbours are searched among all of them
_WINDOW_DAYS = 31  # above it, among the articles published within this many days (and the undated)
_BLOCK_CELLS = 4_000_000  # similarities computed at once (a dense block of float64)
_RARE_DF_FLOOR = 10  # a name in at most this many articles is rare (more in big collections)
# a capitalised word, with a short capitalised prefix (McCague, DeShawn) or a hyphenated part
_NAME = re.compile(r"\b(?:[A-Z][a-z]{0,2}(?=[A-Z]))?[A-Z][a-z]{2,}(?:[-'][A-Z][a-z]+)?\b")
_NORMALISE = re.compile(r"[^a-z ]+")


def _norm_line(line: str) -> str:
    return _NORMALISE.sub("", line.lower()).strip()


class TextIndex:
    """Text vectors and rare proper names of a set of articles.

    ``similarity(a, b)``: cosine of the two articles' TF-IDF vectors;
    ``shared_names(a, b)``: how many rare capitalised names (used by at most
    ``rare_df`` articles) both contain; ``neighbours(k)``: each article's ``k``
    most similar articles, by exact cosine among all articles up to
    ``exact_limit`` articles, among those published within ``window_days`` days
    of each other above it.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        *,
        rare_df: int | None = None,
        exact_limit: int = _EXACT_LIMIT,
        window_days: int = _WINDOW_DAYS,
    ) -> None:
        self.ids = [a.id for a in articles]
        self.exact_limit, self.window_days = exact_limit, window_days
        self._days = np.array(
            [a.published.toordinal() if a.published is not None else -1 for a in articles], dtype=np.int64
        )
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
        limit = rare_df if rare_df is not None else max(_RARE_DF_FLOOR, len(articles) // 1000)
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
            m, i, j = self._matrix, self._row[a], self._row[b]
            p = m.indptr
            _, xa, xb = np.intersect1d(
                m.indices[p[i] : p[i + 1]],
                m.indices[p[j] : p[j + 1]],
                assume_unique=True,
                return_indices=True,
            )
            self._cache[key] = float(m.data[p[i] : p[i + 1]][xa] @ m.data[p[j] : p[j + 1]][xb])
        return self._cache[key]

    def prepare(self, pairs: Iterable[tuple[str, str]], chunk: int = 50_000) -> None:
        """Compute the similarities of many article pairs at once (what :meth:`similarity` then returns)."""
        if self._matrix is None:
            return
        todo = sorted(
            {(a, b) if a < b else (b, a) for a, b in pairs if a in self._row and b in self._row}
            - set(self._cache)
        )
        for start in range(0, len(todo), chunk):
            part = todo[start : start + chunk]
            rows = np.array([self._row[a] for a, _ in part], dtype=np.int64)
            cols = np.array([self._row[b] for _, b in part], dtype=np.int64)
            sims = np.asarray(self._matrix[rows].multiply(self._matrix[cols]).sum(axis=1)).ravel()
            self._cache.update(zip(part, sims.tolist(), strict=True))

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

    def neighbours(
        self, k: int, min_similarity: float = 0.1, *, rows: Collection[str] | None = None
    ) -> list[tuple[str, str]]:
        """Article pairs where one is among the other's ``k`` nearest neighbours by cosine.

        Up to ``exact_limit`` articles every article is compared with every other.
        Above it (or always, with ``exact_limit=0``) each is compared only with the
        articles published within ``window_days`` days of it and with the articles
        of unknown publication date: linear in the number of articles at a given
        number of articles per day, where the exact search is quadratic.

        ``rows``: only pairs with one of these articles, whose neighbours are
        searched, and so are those of the articles found among them (so both
        ranks of every pair returned are known); an incremental resolution needs
        no others.
        """
        if self._matrix is None or len(self.ids) < 2:
            return []
        self._k = k
        window = None if len(self.ids) <= self.exact_limit else self.window_days
        if rows is None and window is None:
            found = self._exact_neighbours(k)
        elif rows is None:
            self._ranks = {}
            found = self._search(k, np.arange(len(self.ids)), window)
        else:
            self._ranks = {}
            query = np.array(sorted({self._row[a] for a in rows if a in self._row}), dtype=np.int64)
            first = self._search(k, query, window)
            second = self._search(k, np.setdiff1d(first[1], query), window)
            asked = np.isin(second[1], query)  # of the others' neighbours, only pairs with a query row
            found = (
                np.concatenate([first[0], second[0][asked]]),
                np.concatenate([first[1], second[1][asked]]),
                np.concatenate([first[2], second[2][asked]]),
            )
        i, j, sims = found
        keep = (i != j) & (sims >= min_similarity)
        pairs = {(min(a, b), max(a, b)) for a, b in zip(i[keep].tolist(), j[keep].tolist(), strict=True)}
        logger.debug("text index: %d neighbour pairs for %d articles", len(pairs), len(self.ids))
        return [(self.ids[a], self.ids[b]) for a, b in sorted(pairs)]

    def _exact_neighbours(self, k: int) -> tuple[IntArray, IntArray, FloatArray]:
        """Rows, columns and cosines of every article's ``k`` nearest others, over all articles."""
        assert self._matrix is not None
        k = min(k + 1, len(self.ids))
        index = NearestNeighbors(n_neighbors=k, metric="cosine", algorithm="brute").fit(self._matrix)
        dist, ind = index.kneighbors(self._matrix)
        rows = np.repeat(np.arange(len(self.ids)), ind.shape[1])
        self._ranks = {}
        for i, row in enumerate(ind.tolist()):
            others = [j for j in row if j != i]
            for r, j in enumerate(others, start=1):
                self._ranks[(i, j)] = r
        return rows, ind.ravel(), 1.0 - dist.ravel()

    def _search(self, k: int, query: IntArray, window: int | None) -> tuple[IntArray, IntArray, FloatArray]:
        """The ``k`` nearest others of the ``query`` rows, among those published within ``window`` days.

        With a window, query articles are taken in publication order, in blocks; a
        block is compared with the articles published within the window of any of
        its members (and the undated ones), and pairs further apart than the window
        are masked, so the result does not depend on the block size. An undated
        article, or any article without a window, is compared with every article.
        Their ranks are recorded for :meth:`neighbour_rank`.
        """
        assert self._matrix is not None
        matrix, n, day = self._matrix, len(self.ids), self._days
        out: list[tuple[IntArray, IntArray, FloatArray]] = []

        def search(block: IntArray, cols: IntArray, masked: bool) -> None:
            sims = (matrix[block] @ matrix[cols].T).toarray()
            if masked:  # further apart than the window (the undated columns are never masked)
                far = np.abs(day[block][:, None] - day[cols][None, :]) > (window or 0)
                sims[far & (day[cols] >= 0)[None, :]] = -np.inf
            sims[block[:, None] == cols[None, :]] = -np.inf
            top, top_sims = _top_k(sims, cols, k)
            found = np.isfinite(top_sims)
            out.append((np.broadcast_to(block[:, None], top.shape)[found], top[found], top_sims[found]))

        query = np.asarray(query, dtype=np.int64)
        everywhere = query if window is None else query[day[query] < 0]
        if window is not None:
            dated = np.flatnonzero(day >= 0)
            dated = dated[np.argsort(day[dated], kind="stable")]
            undated = np.flatnonzero(day < 0)
            sorted_days = day[dated]
            wanted = query[day[query] >= 0]
            wanted = wanted[np.argsort(day[wanted], kind="stable")]
            start = 0
            while start < len(wanted):
                first = day[wanted[start]]
                lo = int(np.searchsorted(sorted_days, first - window, side="left"))
                span = int(np.searchsorted(sorted_days, first + window, side="right")) - lo
                size = max(1, min(len(wanted) - start, _BLOCK_CELLS // max(1, span + len(undated))))
                block = wanted[start : start + size]
                hi = int(np.searchsorted(sorted_days, day[block[-1]] + window, side="right"))
                search(block, np.concatenate([dated[lo:hi], undated]), masked=True)
                start += size
        size = max(1, _BLOCK_CELLS // n)
        for start in range(0, len(everywhere), size):
            search(everywhere[start : start + size], np.arange(n), masked=False)
        rows = np.concatenate([o[0] for o in out]) if out else np.empty(0, dtype=np.int64)
        cols = np.concatenate([o[1] for o in out]) if out else np.empty(0, dtype=np.int64)
        sims = np.concatenate([o[2] for o in out]) if out else np.empty(0)
        last, r = -1, 0
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            r = r + 1 if i == last else 1
            last = i
            self._ranks[(i, j)] = r
        return rows, cols, sims


def _top_k(sims: FloatArray, cols: IntArray, k: int) -> tuple[IntArray, FloatArray]:
    """Per row of ``sims``, the ``k`` best columns (as ids from ``cols``) and their values, best first.

    Ties go to the lower id; entries of ``-inf`` (masked) may be among them when
    a row has fewer than ``k`` others.
    """
    k = min(k, len(cols))
    if k == 0:
        return np.empty((len(sims), 0), dtype=np.int64), np.empty((len(sims), 0))
    if k < len(cols):
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    else:
        top = np.tile(np.arange(len(cols)), (len(sims), 1))
    top_sims = np.take_along_axis(sims, top, axis=1)
    ids = cols[top]
    order = np.lexsort((ids, -top_sims), axis=1)
    return np.take_along_axis(ids, order, axis=1), np.take_along_axis(top_sims, order, axis=1)
