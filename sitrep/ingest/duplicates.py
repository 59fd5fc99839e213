"""Wire copies: near-identical articles found with MinHash LSH.

Each article's ``clean_text`` is cut into word 5-shingles (lower-cased ``\\w+``
tokens). MinHash signatures (128 permutations) go into an LSH index; only the
candidate pairs it returns are compared, by exact Jaccard similarity of their
shingle sets (at least :data:`MIN_JACCARD`). So the work grows with the number
of articles, not with the number of pairs.

The LSH index is tuned at :data:`LSH_THRESHOLD` = 0.5 rather than at the 0.7
verification threshold: with 128 permutations datasketch picks 25 bands of 5
rows there, which returns ~99 % of pairs whose true Jaccard is 0.7 (an index
tuned at 0.8 would return only ~40 % of the pairs at 0.8). The exact Jaccard
check then removes the extra candidates.

Near-identical articles (and articles with the same ``content_hash``) form
groups, transitively; every member of a group except the earliest (by
publication date, undated last, then id) gets ``duplicate_of`` = the id of the
earliest. When the earliest is a ``known`` article that is itself a copy, its
own ``duplicate_of`` is used, so ``duplicate_of`` always names an original.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from sitrep.ingest.common import content_hash, normalise_for_hash
from sitrep.model import Article

__all__ = [
    "LSH_THRESHOLD",
    "MIN_JACCARD",
    "NUM_PERM",
    "SHINGLE_WORDS",
    "jaccard",
    "mark_duplicates",
    "shingles",
]

SHINGLE_WORDS = 5
NUM_PERM = 128
LSH_THRESHOLD = 0.5
MIN_JACCARD = 0.7

_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """The set of word ``k``-shingles of ``text`` (one shingle when it has fewer than ``k`` words)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return set()
    if len(words) < k:
        return {" ".join(words)}
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two sets (0 when both are empty)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


class _UnionFind:
    def __init__(self, items: Sequence[str]) -> None:
        self.parent = {i: i for i in items}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _order(a: Article) -> tuple[dt.date, str]:
    return (a.published or dt.date.max, a.id)


def mark_duplicates(articles: Sequence[Article], known: Sequence[Article] = ()) -> list[Article]:
    """Copies of ``articles`` with ``duplicate_of`` set for near-identical (wire) copies.

    ``known`` are articles already stored: new articles may be copies of them
    (they are not returned). An article with the same id as another is the same
    article, not a copy. Articles with no near-identical partner get
    ``duplicate_of=None``.
    """
    nodes: dict[str, Article] = {a.id: a for a in known}
    batch_ids: list[str] = []
    batch: set[str] = set()
    for a in articles:
        if a.id not in batch:  # the batch version of a re-ingested article wins
            nodes[a.id] = a
            batch.add(a.id)
            batch_ids.append(a.id)
    ids = list(nodes)
    uf = _UnionFind(ids)

    # identical content
    by_hash: dict[str, str] = {}
    for i in ids:
        art = nodes[i]
        if not normalise_for_hash(art.text):
            continue
        h = art.content_hash or content_hash(art.text)
        if h in by_hash:
            uf.union(by_hash[h], i)
        else:
            by_hash[h] = i

    # near-identical content: LSH candidates verified by exact Jaccard
    shingle_sets = {i: shingles(nodes[i].clean_text or nodes[i].text) for i in ids}
    indexed = [i for i in ids if shingle_sets[i]]
    if indexed:
        hashes = MinHash.bulk(
            [[s.encode("utf-8") for s in shingle_sets[i]] for i in indexed], num_perm=NUM_PERM, seed=1
        )
        lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        with lsh.insertion_session() as session:
            for i, m in zip(indexed, hashes, strict=True):
                session.insert(i, m)
        signature = dict(zip(indexed, hashes, strict=True))
        checked: set[tuple[str, str]] = set()
        for i in batch_ids:
            if i not in signature:
                continue
            for j in lsh.query(signature[i]):
                if j == i:
                    continue
                pair = (i, j) if i < j else (j, i)
                if pair in checked:
                    continue
                checked.add(pair)
                if jaccard(shingle_sets[i], shingle_sets[j]) >= MIN_JACCARD:
                    uf.union(i, j)

    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(uf.find(i), []).append(i)
    canonical: dict[str, str] = {}
    for members in groups.values():
        if len(members) == 1:
            continue
        first = min((nodes[m] for m in members), key=_order)
        target = first.id
        if first.id not in batch and first.duplicate_of:
            target = first.duplicate_of
        for m in members:
            canonical[m] = target

    out: list[Article] = []
    for a in articles:
        dup = canonical.get(a.id)
        out.append(dataclasses.replace(a, duplicate_of=dup if dup != a.id else None))
    return out
