"""A vectorised clustering core for very many extracted records (millions).

The per-mention path (:mod:`sitrep.resolve.cluster`) keeps a reason for every
decision; this one trades the reasons for speed, with the same ideas and the same
evidence weights (:data:`sitrep.resolve.similarity.WEIGHTS`):

* candidates from a date window × 50 km grid join, plus MinHash LSH buckets on
  each record's token set (so a report whose date or place is missing or wrong
  still meets its incident);
* pair scores from numpy arrays (date, distance, type, counts, token Jaccard);
* clusters as connected components of the pairs scoring above the threshold.

Everything is ``O(n log n + candidate pairs)`` in time and linear in memory.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from sitrep.resolve.candidates import grid_cells, haversine_km, key_pairs, neighbour_pairs, unique_pairs
from sitrep.resolve.similarity import PRIOR, WEIGHTS

__all__ = ["RecordTable", "bulk_candidates", "bulk_cluster", "bulk_scores", "drop_common", "minhash"]

logger = logging.getLogger(__name__)

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

_PRIME = np.int64((1 << 31) - 1)


@dataclass(slots=True)
class RecordTable:
    """Extracted records as columns. Missing values: day ``-1``, lat/lon NaN, counts ``-1``.

    ``tokens`` holds every record's token ids back to back; record ``i`` owns
    ``tokens[offsets[i]:offsets[i + 1]]`` (at least one token each).
    """

    day: IntArray
    lat: FloatArray
    lon: FloatArray
    event_type: IntArray
    killed: IntArray
    injured: IntArray
    tokens: IntArray
    offsets: IntArray

    def __len__(self) -> int:
        return len(self.day)


def drop_common(
    tokens: IntArray, offsets: IntArray, max_share: float = 0.001, floor: int = 50
) -> npt.NDArray[np.bool_]:
    """A mask over ``tokens``: True for tokens used by at most ``max(floor, max_share * n)`` records.

    Common words make unrelated records collide in the LSH buckets; like stop
    words they carry no evidence. A record left with no rare token keeps its first.
    """
    n = len(offsets) - 1
    _, inverse, counts = np.unique(tokens, return_inverse=True, return_counts=True)
    keep = counts[inverse] <= max(floor, int(max_share * n))
    keep[offsets[:-1][offsets[:-1] < len(tokens)]] |= ~np.logical_or.reduceat(keep, offsets[:-1])
    return keep


def minhash(tokens: IntArray, offsets: IntArray, n_hashes: int = 16, seed: int = 7) -> IntArray:
    """MinHash signatures (``(n, n_hashes)``) of ragged token sets, common tokens left out."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, _PRIME, size=n_hashes, dtype=np.int64)
    b = rng.integers(0, _PRIME, size=n_hashes, dtype=np.int64)
    keep = drop_common(tokens, offsets)
    starts = np.concatenate([[0], np.cumsum(np.add.reduceat(keep.astype(np.int64), offsets[:-1]))[:-1]])
    x = tokens[keep] % _PRIME
    sig = np.empty((len(starts), n_hashes), dtype=np.int64)
    for h in range(n_hashes):
        hashed = (a[h] * x + b[h]) % _PRIME  # a, x < 2**31: the product fits in int64
        sig[:, h] = np.minimum.reduceat(hashed, starts)
    return sig


def bulk_candidates(
    table: RecordTable, signatures: IntArray, *, window_days: int = 2, rows_per_band: int = 2
) -> IntArray:
    """Candidate pairs: date window × grid neighbours, and MinHash LSH band collisions."""
    placed = ~np.isnan(table.lat)
    both = np.flatnonzero((table.day >= 0) & placed)
    found = []
    if len(both) > 1:
        cells = np.column_stack([table.day[both], grid_cells(table.lat[both], table.lon[both], 0.25)])
        found.append(both[neighbour_pairs(cells, (window_days, 1, 1))])
    for start in range(0, signatures.shape[1] - rows_per_band + 1, rows_per_band):
        band = signatures[:, start : start + rows_per_band]
        key = band[:, 0]
        for r in range(1, rows_per_band):
            key = key * np.int64(1_000_003) + band[:, r]
        found.append(key_pairs(key ^ np.int64(start), max_block=50))
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    return unique_pairs(pairs[:, 0], pairs[:, 1])


def bulk_scores(
    table: RecordTable, signatures: IntArray, pairs: IntArray, *, max_km: float = 50.0
) -> FloatArray:
    """The probability that each pair reports one incident (the weights of the per-mention path)."""
    i, j = pairs[:, 0], pairs[:, 1]
    w = WEIGHTS
    logit = np.full(len(pairs), PRIOR)
    di, dj = table.day[i], table.day[j]
    dated = (di >= 0) & (dj >= 0)
    gap = np.abs(di - dj)
    logit += np.where(
        dated,
        np.select(
            [gap == 0, gap <= 1, gap <= 7, gap <= 31],
            [w["date=same day"], w["date=compatible"], w["date=within a week"], w["date=within a month"]],
            w["date=far apart"],
        ),
        0.0,
    )
    km = haversine_km(table.lat[i], table.lon[i], table.lat[j], table.lon[j])
    placed = ~np.isnan(km)
    logit += np.where(
        placed,
        np.select([km <= 25, km <= max_km], [w["place=same place"], w["place=nearby"]], w["place=far"]),
        0.0,
    )
    logit += np.where(
        table.event_type[i] == table.event_type[j], w["type=same sub-type"], w["type=different"]
    )
    for kind, col in (("killed", table.killed), ("injured", table.injured)):
        ci, cj = col[i], col[j]
        known = (ci >= 0) & (cj >= 0)
        logit += np.where(known, np.where(ci == cj, w[f"{kind}=same"], w[f"{kind}=different"]), 0.0)
    jaccard = (signatures[i] == signatures[j]).mean(axis=1)
    logit += np.select(
        [jaccard < 0.1, jaccard < 0.2, jaccard < 0.3, jaccard < 0.45],
        [w["text=none"], w["text=low"], w["text=some"], w["text=high"]],
        w["text=very high"],
    )
    return 1.0 / (1.0 + np.exp(-logit))


def bulk_cluster(
    table: RecordTable,
    *,
    threshold: float = 0.5,
    window_days: int = 2,
    n_hashes: int = 16,
    best_match_only: bool = True,
) -> tuple[IntArray, dict[str, int]]:
    """Cluster labels (one per record) and counts of what was done.

    Clusters are connected components of the pairs above ``threshold``; with
    ``best_match_only`` each record keeps only its best-scoring link.
    """
    n = len(table)
    signatures = minhash(table.tokens, table.offsets, n_hashes)
    pairs = bulk_candidates(table, signatures, window_days=window_days)
    scores = bulk_scores(table, signatures, pairs)
    n_candidates = len(pairs)
    above = scores >= threshold
    pairs, scores = pairs[above], scores[above]
    if best_match_only and len(pairs):
        # each record keeps only its best-scoring link: a tree per incident, no chaining through
        # a record's weaker links to another incident reported the same day in the same city
        best = np.zeros(n)
        np.maximum.at(best, pairs[:, 0], scores)
        np.maximum.at(best, pairs[:, 1], scores)
        mine = (scores >= best[pairs[:, 0]]) | (scores >= best[pairs[:, 1]])
        pairs = pairs[mine]
    keep = pairs
    graph = sparse.coo_matrix((np.ones(len(keep), dtype=np.int8), (keep[:, 0], keep[:, 1])), shape=(n, n))
    n_clusters, labels = connected_components(graph, directed=False)
    stats = {
        "records": n,
        "candidate_pairs": n_candidates,
        "merged_pairs": len(keep),
        "clusters": int(n_clusters),
    }
    logger.info("bulk clustering: %s", stats)
    return labels.astype(np.int64), stats
