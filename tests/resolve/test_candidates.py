"""Candidate generation: the vectorised joins find exactly the neighbouring pairs."""

from __future__ import annotations

import itertools

import numpy as np

from sitrep.resolve.candidates import grid_cells, key_pairs, neighbour_pairs


def _brute(cells: np.ndarray, radius: tuple[int, ...]) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i, j in itertools.combinations(range(len(cells)), 2)
        if all(abs(int(cells[i, d]) - int(cells[j, d])) <= r for d, r in enumerate(radius))
    }


def test_neighbour_pairs_match_brute_force() -> None:
    rng = np.random.default_rng(3)
    cells = np.column_stack([rng.integers(737_000, 737_040, 300), rng.integers(-5, 5, (300, 2))])
    found = {tuple(p) for p in neighbour_pairs(cells, (2, 1, 1)).tolist()}
    assert found == _brute(cells, (2, 1, 1))
    assert found  # the data has neighbours at all


def test_query_mask_keeps_only_pairs_touching_a_queried_item() -> None:
    cells = np.array([[10], [11], [12], [30]])
    query = np.array([False, False, True, False])
    assert {tuple(p) for p in neighbour_pairs(cells, (1,), query=query).tolist()} == {(1, 2)}


def test_key_pairs_group_equal_keys_only() -> None:
    keys = np.array([5, 7, 5, 9, 7, 5])
    assert {tuple(p) for p in key_pairs(keys).tolist()} == {(0, 2), (0, 5), (2, 5), (1, 4)}


def test_grid_cells_put_nearby_points_in_neighbouring_cells() -> None:
    cells = grid_cells(np.array([41.88, 41.90, 29.76]), np.array([-87.63, -87.70, -95.37]))
    assert np.abs(cells[0] - cells[1]).max() <= 1
    assert np.abs(cells[0] - cells[2]).max() > 1
