"""Candidate pairs for resolution without comparing all pairs.

Two vectorised joins, each ``O(n log n + pairs)``: items whose integer cells are
neighbours (a date window crossed with a grid of about 50 km), and items that
share an exact key (one band of a MinHash signature, say). Both return unique
index pairs ``(i, j)`` with ``i < j`` as an ``(m, 2)`` array.
"""

from __future__ import annotations

import itertools
import logging

import numpy as np
import numpy.typing as npt

__all__ = ["grid_cells", "haversine_km", "key_pairs", "neighbour_pairs", "unique_pairs"]

logger = logging.getLogger(__name__)

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

_EARTH_KM = 6371.0
_BITS = 20  # each cell coordinate, relative to the smallest, must fit in this many bits


def grid_cells(lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64], cell_deg: float = 0.5) -> IntArray:
    """Integer grid cells (``(n, 2)``) of about ``cell_deg`` degrees for coordinates."""
    return np.stack([np.floor(lat / cell_deg), np.floor(lon / cell_deg)], axis=1).astype(np.int64)


def haversine_km(lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray) -> FloatArray:
    """Great-circle distances in km between points (broadcast; NaN where a coordinate is NaN)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))), dtype=np.float64)


def _pack(cells: IntArray) -> IntArray:
    """One int64 per row of non-negative cell coordinates (``_BITS`` bits each, up to 3 of them)."""
    if cells.shape[1] * _BITS > 62 or (len(cells) and (cells.min() < 0 or cells.max() >= 1 << _BITS)):
        raise ValueError("cells out of range for packing")
    packed = np.zeros(len(cells), dtype=np.int64)
    for d in range(cells.shape[1]):
        packed = (packed << _BITS) + cells[:, d]
    return packed


def unique_pairs(left: IntArray, right: IntArray) -> IntArray:
    """Deduplicated ``(min, max)`` pairs of two index arrays, self-pairs dropped."""
    lo, hi = np.minimum(left, right), np.maximum(left, right)
    keep = lo != hi
    if not keep.any():
        return np.empty((0, 2), dtype=np.int64)
    packed = np.unique(lo[keep] * np.int64(1 << 31) + hi[keep])
    return np.stack([packed >> 31, packed & ((1 << 31) - 1)], axis=1)


def _join(
    order: IntArray, sorted_keys: IntArray, queries: IntArray, query_items: IntArray, max_block: int
) -> tuple[IntArray, IntArray]:
    """All (query item, home item) pairs with equal keys; ``sorted_keys = keys[order]``."""
    lo = np.searchsorted(sorted_keys, queries, side="left")
    hi = np.searchsorted(sorted_keys, queries, side="right")
    counts = hi - lo
    big = counts > max_block
    if big.any():
        logger.info(
            "candidate blocks: %d queries hit blocks larger than %d; truncated", int(big.sum()), max_block
        )
        hi = np.where(big, lo + max_block, hi)
        counts = hi - lo
    total = int(counts.sum())
    left = np.repeat(query_items, counts)
    starts = np.repeat(lo - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
    right = order[starts + np.arange(total)]
    return left, right


def neighbour_pairs(
    cells: IntArray,
    radius: tuple[int, ...],
    *,
    query: npt.NDArray[np.bool_] | None = None,
    max_block: int = 5_000,
) -> IntArray:
    """Pairs of items whose cells differ by at most ``radius[d]`` in every dimension ``d``.

    ``query`` (a mask) limits the pairs to those with at least one queried item.
    Shifting every cell by one offset shifts its packed key by a constant, so the
    keys are sorted once and each offset is one sorted lookup.
    """
    n = len(cells)
    if n < 2:
        return np.empty((0, 2), dtype=np.int64)
    base = cells.min(axis=0) - np.asarray(radius, dtype=np.int64)
    home = _pack(cells - base)
    order = np.argsort(home, kind="stable")
    sorted_keys = home[order]
    if query is None:
        items, item_keys = order, sorted_keys
    else:
        chosen = query[order]
        items, item_keys = order[chosen], sorted_keys[chosen]
    out = []
    for offset in itertools.product(*(range(-r, r + 1) for r in radius)):
        delta = int(
            _pack(np.asarray([offset], dtype=np.int64) + np.asarray(radius, dtype=np.int64))[0]
        ) - int(_pack(np.asarray([radius], dtype=np.int64))[0])
        left, right = _join(order, sorted_keys, item_keys + delta, items, max_block)
        out.append(unique_pairs(left, right))
    return unique_pairs(*np.concatenate(out).T) if out else np.empty((0, 2), dtype=np.int64)


def key_pairs(keys: IntArray, *, max_block: int = 200) -> IntArray:
    """Pairs of items with equal keys (blocks larger than ``max_block`` are truncated)."""
    if len(keys) < 2:
        return np.empty((0, 2), dtype=np.int64)
    keys = keys.astype(np.int64)
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    left, right = _join(order, sorted_keys, sorted_keys, order, max_block)
    return unique_pairs(left, right)
