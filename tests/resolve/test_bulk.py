"""The vectorised clustering core groups duplicated synthetic reports and keeps others apart."""

from __future__ import annotations

import numpy as np

from sitrep.resolve.bulk import RecordTable, bulk_cluster, minhash


def _table(rows: list[tuple[int, float, float, int, int, list[int]]]) -> RecordTable:
    tokens = [t for *_, toks in rows for t in toks]
    offsets = np.cumsum([0] + [len(r[-1]) for r in rows])
    return RecordTable(
        day=np.array([r[0] for r in rows]),
        lat=np.array([r[1] for r in rows]),
        lon=np.array([r[2] for r in rows]),
        event_type=np.zeros(len(rows), dtype=np.int64),
        killed=np.array([r[3] for r in rows]),
        injured=np.array([r[4] for r in rows]),
        tokens=np.array(tokens, dtype=np.int64),
        offsets=offsets.astype(np.int64),
    )


def test_reports_of_one_incident_cluster_and_others_stay_apart() -> None:
    a = list(range(100, 120))
    b = list(range(200, 220))
    table = _table(
        [
            (800, 41.88, -87.63, 1, 2, a[:14]),  # incident A
            (800, 41.89, -87.64, 1, 2, a[5:]),  # A again
            (-1, float("nan"), float("nan"), 1, -1, a[2:16]),  # A, no date or place: found by its tokens
            (800, 41.88, -87.63, 0, 1, b[:14]),  # B: same day and city, other words and counts
            (950, 29.76, -95.37, 3, 0, b[4:]),  # B's words months later far away: another incident
        ]
    )
    labels, _ = bulk_cluster(table)
    assert labels[0] == labels[1] == labels[2]
    assert len({labels[0], labels[3], labels[4]}) == 3


def test_minhash_agreement_tracks_overlap() -> None:
    toks = np.array(list(range(50)) + list(range(10, 60)) + list(range(500, 550)), dtype=np.int64)
    sig = minhash(toks, np.array([0, 50, 100, 150], dtype=np.int64), n_hashes=64)
    near, far = (sig[0] == sig[1]).mean(), (sig[0] == sig[2]).mean()
    assert near > 0.4 and far < 0.1
