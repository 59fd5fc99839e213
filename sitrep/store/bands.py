"""MinHash LSH band keys of articles, stored so that wire-copy candidates are found by an index lookup.

The signature is the one :mod:`sitrep.ingest.duplicates` computes (word shingles,
:data:`~sitrep.ingest.duplicates.NUM_PERM` permutations, seed 1), cut into the
bands its LSH index uses; two articles are candidates when they share a band.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from sitrep.ingest.duplicates import LSH_THRESHOLD, NUM_PERM, shingles
from sitrep.model import Article

__all__ = ["band_keys"]

_MASK = (1 << 63) - 1


@functools.cache
def _bands() -> tuple[int, int]:
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def band_keys(articles: Sequence[Article]) -> dict[str, list[int]]:
    """For each article with some text, its LSH band keys (signed 64-bit ints, one per band)."""
    sets = [(a.id, shingles(a.clean_text or a.text)) for a in articles]
    sets = [(i, s) for i, s in sets if s]
    if not sets:
        return {}
    hashes = MinHash.bulk([[s.encode("utf-8") for s in sh] for _, sh in sets], num_perm=NUM_PERM, seed=1)
    bands, rows = _bands()
    out: dict[str, list[int]] = {}
    for (article_id, _), m in zip(sets, hashes, strict=True):
        keys = []
        for b in range(bands):
            chunk = m.hashvalues[b * rows : (b + 1) * rows].tobytes()
            digest = hashlib.blake2b(bytes([b]) + chunk, digest_size=8).digest()
            keys.append(int.from_bytes(digest, "big") & _MASK)
        out[article_id] = keys
    return out
