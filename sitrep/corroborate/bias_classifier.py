"""Biased-sentence classifier: a logistic regression over lexicon hits and light text features.

It is trained on sentences written for sitrep (``data/bias_sentences.tsv``: news-style, many
topics, labelled biased or neutral), never on the evaluation sets. Training takes a few
milliseconds with numpy (L2-regularised Newton steps), so it happens lazily on first use and
is cached for the process: nothing binary is shipped and the model always matches the lexicon.

Features (:func:`sentence_features`): per lexicon category, how many terms the sentence has;
their density; and cues of opinion or of plain reporting (never sentence length, which
says more about an outlet's style than about bias) — adverbs in ``-ly``, evaluative
adjective endings, superlatives, negation, exclamation, numbers, attribution verbs ("said",
"according to") and capitalised names. The feature function is deliberately small and
self-contained so an embedding model can be added beside it later.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import numpy as np

from sitrep.caseless import lowered
from sitrep.corroborate.framing_lexicon import CATEGORIES, Lexicon, LexiconHit
from sitrep.corroborate.framing_lexicon import load_lexicon as _load_lexicon
from sitrep.corroborate.framing_lexicon import tokens as _tokens

__all__ = [
    "FEATURE_NAMES",
    "BiasClassifier",
    "load_classifier",
    "sentence_features",
    "train_classifier",
    "training_sentences",
]

FEATURE_NAMES: tuple[str, ...] = (
    *(f"n_{c}" for c in CATEGORIES),
    "any_loaded",
    "loaded_density",
    "ly_adverbs",
    "evaluative_suffix",
    "superlatives",
    "negation",
    "exclaim_or_question",
    "numbers",
    "attribution",
    "capitalised",
)

_ADJ_SUFFIX = ("ous", "ful", "less", "ible", "able", "ive", "ish")
_NOT_SUPERLATIVE = frozenset(
    {"interest", "protest", "arrest", "suggest", "request", "harvest", "contest", "manifest"}
)
_NEGATION = frozenset({"not", "no", "never", "nothing", "nobody", "none", "cannot"})
# said|says|stated|statement|spokes(man|woman|person)|told|according to|announced|reported, with
# the words sharing an "s" factored out (the search is a third faster)
_ATTRIBUTION = re.compile(
    r"\b(?:s(?:aid|ays|tated|tatement|pokes(?:man|woman|person))|told|according to|announced|reported)\b",
    re.IGNORECASE,
)
_ATTRIBUTION_LOWER = re.compile(_ATTRIBUTION.pattern)  # for a lower-cased text (see _attribution)
_NUMBER = re.compile(r"\d")


def _attribution(sentence: str) -> bool:
    """True when ``sentence`` has an attribution word; matched case-sensitively in the lower-cased
    sentence when that is the same (see :func:`sitrep.caseless.lowered`): over twice as fast."""
    low = lowered(sentence)
    if low is None:
        return _ATTRIBUTION.search(sentence) is not None
    return _ATTRIBUTION_LOWER.search(low) is not None


def _superlative(word: str) -> bool:
    if word in ("most", "least"):
        return True
    return len(word) > 5 and word.endswith("est") and word not in _NOT_SUPERLATIVE


_WORD_CUES: dict[str, int] = {}  # word -> its cue bits (see _word_cues)
_WORD_CUES_MAX = 200_000


def _word_cues(w: str) -> int:
    """Bits of the word-level cues of ``w``: 1 an adverb in -ly, 2 an evaluative adjective ending,
    4 a superlative, 8 a negation."""
    size = len(w)
    bits = 0
    if size > 4 and w.endswith("ly"):
        bits |= 1
    if size > 5 and w.endswith(_ADJ_SUFFIX):
        bits |= 2
    if _superlative(w):
        bits |= 4
    if w in _NEGATION or w.endswith("n't"):
        bits |= 8
    return bits


def sentence_features(
    sentence: str, hits: Sequence[LexiconHit], toks: Sequence[tuple[int, int, str]] | None = None
) -> list[float]:
    """The classifier's feature vector for one sentence and its lexicon hits (see FEATURE_NAMES)."""
    toks = _tokens(sentence) if toks is None else toks
    n = max(len(toks), 1)
    if hits:
        counts = dict.fromkeys(CATEGORIES, 0)
        for h in hits:
            counts[h.entry.category] += 1
        per_category = [math.log1p(counts[c]) for c in CATEGORIES]
        reported = len(hits) - counts["cue"]  # the categories other than "cue" are reported
    else:
        per_category, reported = [0.0] * len(CATEGORIES), 0
    capitalised = sum(1 for s, _, _ in toks[1:] if sentence[s].isupper())
    adverbs = adjectives = superlatives = negations = 0
    cues = _WORD_CUES
    for _, _, w in toks:  # one pass (speed); each word's cues are worked out once per process
        f = cues.get(w)
        if f is None:
            f = _word_cues(w)
            if len(cues) < _WORD_CUES_MAX:
                cues[w] = f
        if f:
            adverbs += f & 1
            adjectives += (f >> 1) & 1
            superlatives += (f >> 2) & 1
            negations += (f >> 3) & 1
    return [
        *per_category,
        1.0 if reported else 0.0,
        reported / n,
        adverbs / n,
        adjectives / n,
        math.log1p(superlatives),
        math.log1p(negations),
        1.0 if ("!" in sentence or "?" in sentence) else 0.0,
        math.log1p(len(_NUMBER.findall(sentence))),
        1.0 if _attribution(sentence) else 0.0,
        capitalised / n,
    ]


@dataclass(frozen=True)
class BiasClassifier:
    """A fitted logistic regression: standardised features times weights, plus a bias."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    intercept: float
    threshold: float = 0.5

    def probabilities(self, features: Sequence[Sequence[float]]) -> list[float]:
        """P(biased) for each feature vector.

        Plain Python on purpose: a few dozen short rows per article are faster without
        numpy's call overhead, and never wait for BLAS threads on a busy machine.
        """
        coef, offset = self._linear
        out = []
        for row in features:
            if len(row) != len(coef):
                raise ValueError(f"expected {len(coef)} features, got {len(row)}")
            z = offset + sum(map(operator.mul, coef, row))  # the products summed in order
            out.append(1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0)
        return out

    @cached_property
    def _linear(self) -> tuple[list[float], float]:
        """Weights on the raw features, and the offset (standardisation folded in)."""
        coef = [float(w / s) for w, s in zip(self.weights, self.scale, strict=True)]
        offset = self.intercept - sum(c * float(m) for c, m in zip(coef, self.mean, strict=True))
        return coef, offset

    def predict(self, features: Sequence[Sequence[float]]) -> list[bool]:
        """Biased or not, for each feature vector."""
        return [p >= self.threshold for p in self.probabilities(features)]

    def weight_table(self) -> dict[str, float]:
        """Feature name → standardised weight (for inspection)."""
        return {name: round(float(w), 3) for name, w in zip(FEATURE_NAMES, self.weights, strict=True)}


def training_sentences() -> list[tuple[str, bool]]:
    """The project's own labelled sentences: (sentence, biased)."""
    raw = resources.files("sitrep.corroborate").joinpath("data", "bias_sentences.tsv").read_text("utf-8")
    out: list[tuple[str, bool]] = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, _, sentence = line.partition("\t")
        out.append((sentence.strip(), label.strip() == "1"))
    return out


def train_classifier(
    examples: Iterable[tuple[str, bool]], lexicon: Lexicon | None = None, l2: float = 1.0
) -> BiasClassifier:
    """Fit the classifier on (sentence, biased) pairs with L2-regularised Newton steps."""
    lex = lexicon or _load_lexicon()
    rows: list[list[float]] = []
    labels: list[float] = []
    for sentence, biased in examples:
        toks = _tokens(sentence)
        rows.append(sentence_features(sentence, lex.scan(sentence, toks), toks))
        labels.append(1.0 if biased else 0.0)
    if not rows or len(set(labels)) < 2:
        raise ValueError("training needs examples of both classes")
    x = np.asarray(rows, dtype=float)
    y = np.asarray(labels)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    xs = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(xs.shape[1])
    penalty = np.full(xs.shape[1], l2)
    penalty[-1] = 0.0  # the intercept is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(xs @ w)))
        grad = xs.T @ (p - y) + penalty * w
        hess = (xs * (p * (1 - p))[:, None]).T @ xs + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return BiasClassifier(mean=mean, scale=scale, weights=w[:-1], intercept=float(w[-1]))


@lru_cache(maxsize=1)
def load_classifier() -> BiasClassifier:
    """The shipped classifier: trained once per process on the project's own sentences."""
    return train_classifier(training_sentences())
