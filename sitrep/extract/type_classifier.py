"""A learned event-type classifier, and how it is combined with the typing rules.

:class:`TypeClassifier` is a multinomial logistic regression over the features of
an :class:`~sitrep.extract.embedding.Embedder`. What ships is not a model but the
project's own labelled examples (``sitrep/extract/data/type_examples.jsonl``,
written for sitrep after the public ACLED codebook definitions, plus non-conflict
negatives): training on them takes about a second, so the model is trained on
first use and cached in ``Settings.cache_dir`` under a key made of the examples'
hash and the embedder name. ``sitrep train`` fits a model on a user's own data
and writes it to a file that ``Settings.type_model`` points to.

Model files are ``.npz`` archives of plain arrays (classes, weights, bias and a
JSON header); nothing is unpickled when loading one.

:func:`combine` merges a rule guess with the classifier's probabilities: a
confident rule keeps its type unless the classifier is much surer of another
ACLED type; a weak or missing rule defers to a confident classifier.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression, SGDClassifier

from sitrep.errors import ConfigError
from sitrep.extract.embedding import get_embedder
from sitrep.extract.event_types import TypeGuess
from sitrep.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES, event_type_of, is_acled

__all__ = [
    "EXAMPLES_PATH",
    "NON_CONFLICT_TYPES",
    "TypeClassifier",
    "combine",
    "load_classifier",
    "load_examples",
    "refine_types",
    "shipped_classifier",
]

logger = logging.getLogger(__name__)

EXAMPLES_PATH = Path(__file__).resolve().parent / "data" / "type_examples.jsonl"

#: Labels of the own examples that are not ACLED sub-event types: news that is not political violence
#: (training negatives; the classifier never assigns them to an incident, unlike the rules' own
#: non-conflict types in :data:`sitrep.taxonomy.NON_CONFLICT_SUB_TYPES`).
NON_CONFLICT_TYPES: tuple[str, ...] = (
    "Natural disaster",
    "Man-made disaster",
    "Organized crime",
    "Diplomacy",
    "Unrelated",  # sport, business, science, culture: news that only borrows the words of violence
)
_FORMAT = "sitrep-type-model/1"

#: A rule at least this sure keeps its type ...
RULE_CONFIDENT = 0.8
#: ... unless the classifier gives another ACLED type at least this probability.
CLASSIFIER_OVERRULES = 0.7
#: With no rule, or a weaker one, the classifier's type is taken from this probability on.
CLASSIFIER_CONFIDENT = 0.35
#: The same for an incident of a full article (:func:`refine_types`).
ARTICLE_CLASSIFIER_CONFIDENT = 0.5
_WEAPON_TYPES = frozenset(EVENT_TYPES["Explosions/Remote violence"])
_UNREST_TYPES = frozenset(EVENT_TYPES["Protests"]) | frozenset(EVENT_TYPES["Riots"])
_TERRITORY_TYPES = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    }
)
#: Types the rules tell apart by reading the whole text (how violent a protest was, who took a town,
#: whether the victims were armed, which weapon was used):
#: the classifier never swaps a rule's type for another of the same family.
_RULE_FAMILIES = (_UNREST_TYPES, _TERRITORY_TYPES, frozenset({"Attack", "Armed clash"}), _WEAPON_TYPES)


def _family_of(sub: str) -> frozenset[str]:
    return next((f for f in _RULE_FAMILIES if sub in f), frozenset())


@dataclass(frozen=True, slots=True)
class TypeClassifier:
    """Linear softmax classifier over embedder features: ``softmax(X @ weights.T + bias)``.

    Trained by logistic regression on dense features (MiniLM), by log-loss SGD on the
    sparse hashed n-grams (restricted to the hashed features seen in training).
    """

    classes: tuple[str, ...]
    weights: np.ndarray  # (n_classes, n_used_features)
    bias: np.ndarray  # (n_classes,)
    columns: np.ndarray | None = None  # the embedder features used (sparse embedders), None: all
    embedder: str = "none"
    trained_on: str = ""  # a description: the examples' hash or the training file

    @classmethod
    def train(
        cls,
        texts: Sequence[str],
        labels: Sequence[str],
        embedder: str = "none",
        *,
        c: float = 1.0,
        trained_on: str = "",
    ) -> TypeClassifier:
        """Fit the classifier on labelled texts.

        Raises:
            ConfigError: with fewer than two distinct labels, or when texts and labels differ in number.
        """
        if len(texts) != len(labels):
            raise ConfigError(f"{len(texts)} texts but {len(labels)} labels", hint="give one label per text")
        if len(set(labels)) < 2:
            raise ConfigError("training needs at least two different labels", hint="add more labelled rows")
        x = get_embedder(embedder).embed(list(texts))
        columns = None
        model: Any
        if sp.issparse(x):
            # hashed n-grams: keep only the features the training texts have, and fit by SGD
            # (log loss), which takes well under a second on a few hundred examples
            columns = np.unique(x.indices).astype(np.int64)
            x = x[:, columns]
            model = SGDClassifier(
                loss="log_loss", alpha=1e-4, max_iter=30, tol=None, class_weight="balanced", random_state=0
            )
        else:
            model = LogisticRegression(C=c, max_iter=1000, class_weight="balanced")
        model.fit(x, list(labels))
        weights = np.asarray(model.coef_, dtype=np.float32)
        bias = np.asarray(model.intercept_, dtype=np.float32)
        if len(model.classes_) == 2:  # one weight row for the second class: as softmax, [0, z]
            weights = np.vstack([np.zeros_like(weights), weights])
            bias = np.concatenate([np.zeros_like(bias), bias])
        return cls(
            classes=tuple(str(k) for k in model.classes_),
            weights=weights,
            bias=bias,
            columns=columns,
            embedder=embedder,
            trained_on=trained_on,
        )

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """For each text, the probability of every class."""
        if not texts:
            return []
        x = get_embedder(self.embedder).embed(list(texts))
        logits = (
            self._sparse_logits(x) if self.columns is not None else np.asarray(x @ self.weights.T) + self.bias
        )
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        return [dict(zip(self.classes, (float(v) for v in row), strict=True)) for row in p]

    def _sparse_logits(self, x: Any) -> np.ndarray:
        """Logits of sparse rows over the trained feature columns (row by row: cheaper than scipy
        slicing and products for the few short texts of one article)."""
        assert self.columns is not None
        x = sp.csr_matrix(x)
        out = np.tile(self.bias, (x.shape[0], 1))
        last = len(self.columns) - 1
        for i in range(x.shape[0]):
            idx = x.indices[x.indptr[i] : x.indptr[i + 1]]
            vals = x.data[x.indptr[i] : x.indptr[i + 1]]
            pos = np.minimum(np.searchsorted(self.columns, idx), last)
            keep = self.columns[pos] == idx
            out[i] += self.weights[:, pos[keep]] @ vals[keep]
        return out

    def save(self, path: str | Path) -> Path:
        """Write the model to ``path`` (an ``.npz`` archive of plain arrays)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        header = {"format": _FORMAT, "embedder": self.embedder, "trained_on": self.trained_on}
        with path.open("wb") as fh:
            np.savez_compressed(
                fh,
                header=np.array(json.dumps(header)),
                classes=np.array(self.classes),
                weights=self.weights,
                bias=self.bias,
                columns=self.columns if self.columns is not None else np.zeros(0, dtype=np.int64),
            )
        return path

    @classmethod
    def load(cls, path: str | Path) -> TypeClassifier:
        """Read a model written by :meth:`save`.

        Raises:
            ConfigError: when the file is missing or not a sitrep type model.
        """
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"type model {path} does not exist", hint="create one with 'sitrep train'")
        try:
            with np.load(path, allow_pickle=False) as z:
                header = json.loads(str(z["header"]))
                if header.get("format") != _FORMAT:
                    raise ValueError(f"unknown format {header.get('format')!r}")
                return cls(
                    classes=tuple(str(c) for c in z["classes"]),
                    weights=np.asarray(z["weights"], dtype=np.float32),
                    bias=np.asarray(z["bias"], dtype=np.float32),
                    columns=np.asarray(z["columns"], dtype=np.int64) if len(z["columns"]) else None,
                    embedder=str(header["embedder"]),
                    trained_on=str(header.get("trained_on", "")),
                )
        except (OSError, ValueError, KeyError) as exc:
            raise ConfigError(
                f"{path} is not a sitrep type model: {exc}", hint="create one with 'sitrep train'"
            ) from exc


def load_examples(path: Path = EXAMPLES_PATH) -> list[tuple[str, str]]:
    """The project's own labelled examples: (text, label) pairs; labels are ACLED or non-conflict types."""
    out: list[tuple[str, str]] = []
    known = set(SUB_EVENT_TYPES) | set(NON_CONFLICT_TYPES)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row["label"] not in known:
            raise ValueError(f"{path}:{n}: unknown label {row['label']!r}")
        out.append((row["text"], row["label"]))
    return out


def _examples_key(embedder: str, path: Path = EXAMPLES_PATH) -> str:
    version = str(getattr(get_embedder(embedder), "version", ""))
    digest = hashlib.sha256(path.read_bytes() + f"{_FORMAT} {embedder} {version}".encode()).hexdigest()
    return digest[:16]


_SHIPPED: dict[tuple[str, str], TypeClassifier] = {}


def shipped_classifier(embedder: str = "none", cache_dir: str | Path | None = None) -> TypeClassifier:
    """The classifier trained on the shipped own examples, from the cache or trained now and cached."""
    key = _examples_key(embedder)
    if (embedder, key) in _SHIPPED:
        return _SHIPPED[(embedder, key)]
    cached = Path(cache_dir) / "type_models" / f"own-{embedder}-{key}.npz" if cache_dir else None
    clf: TypeClassifier | None = None
    if cached is not None and cached.is_file():
        try:
            clf = TypeClassifier.load(cached)
        except ConfigError:
            logger.warning("ignoring unreadable cached type model %s", cached)
    if clf is None:
        examples = load_examples()
        logger.info("training the event-type classifier on %d own examples", len(examples))
        clf = TypeClassifier.train(
            [t for t, _ in examples], [y for _, y in examples], embedder, trained_on=f"own examples {key}"
        )
        if cached is not None:
            try:
                clf.save(cached)
            except OSError as exc:
                logger.warning("could not cache the type model in %s: %s", cached, exc)
    _SHIPPED[(embedder, key)] = clf
    return clf


def load_classifier(
    model: str | None, embedder: str = "none", cache_dir: str | None = None
) -> TypeClassifier:
    """The classifier the pipeline uses: the model file ``model`` when given, else the shipped one."""
    if model:
        return TypeClassifier.load(model)
    return shipped_classifier(embedder, cache_dir)


def combine(
    rule: TypeGuess | None,
    probs: dict[str, float],
    *,
    confident: float = CLASSIFIER_CONFIDENT,
    exclude: frozenset[str] = frozenset(),
) -> tuple[str, float] | None:
    """The sub-event type of a text from its rule guess and the classifier's probabilities.

    Returns (sub-event type, confidence), or None when there is neither a rule guess
    nor an ACLED type among ``probs``. A confident rule (score of at least
    :data:`RULE_CONFIDENT`) stands unless the classifier gives a different ACLED type at
    least :data:`CLASSIFIER_OVERRULES`; a weaker rule gives way to a classifier type of at
    least ``confident``. Types in ``exclude`` are never taken from the classifier, nor another
    type of the rule's family (protest and riot types; territory types). Without
    a rule guess the classifier's most probable ACLED type is taken: use this on texts
    known to report an incident.
    """
    if rule is not None:
        exclude = exclude | (_family_of(rule.sub_event_type) - {rule.sub_event_type})
    acled = {k: v for k, v in probs.items() if k in SUB_EVENT_TYPES and k not in exclude}
    top, p = max(acled.items(), key=lambda kv: kv[1]) if acled else (None, 0.0)
    if rule is None:
        return (top, p) if top is not None else None
    if top is None or top == rule.sub_event_type:
        return rule.sub_event_type, max(rule.score, p)
    threshold = CLASSIFIER_OVERRULES if rule.score >= RULE_CONFIDENT else confident
    if p >= threshold:
        return top, p
    return rule.sub_event_type, rule.score


def refine_types(
    classifier: TypeClassifier, guesses: Sequence[tuple[str, float]], texts: Sequence[str]
) -> list[str]:
    """The sub-event type of each incident of an article: its rule type (sub-type, score)
    combined with the classifier's reading of its text (one batch for all incidents).

    Stricter than :func:`combine` on a short report: in a long article the trigger
    sentences carry context (an arrest after a shooting), so a weak rule gives way only
    to a classifier probability of :data:`ARTICLE_CLASSIFIER_CONFIDENT`, and a weapon type
    (explosions, remote violence) is never introduced by the classifier alone: the
    rules find weapons reliably; nor does it turn one protest or riot type into another (the
    rules judge a protest's violence from the whole report: :mod:`sitrep.extract.unrest_types`).
    A rule's non-conflict type (an accident, a self-inflicted
    shooting; :data:`sitrep.taxonomy.NON_CONFLICT_SUB_TYPES`) stands: the classifier knows
    ACLED's types only.
    """
    out = []
    # the classifier knows ACLED's types only: the other guesses stand without reading their texts
    read = [k for k, (sub, _) in enumerate(guesses) if is_acled(sub)]
    probabilities = dict(zip(read, classifier.predict_proba([texts[k] for k in read]), strict=True))
    for k, (sub, score) in enumerate(guesses):
        if k not in probabilities:
            out.append(sub)
            continue
        probs = probabilities[k]
        exclude = frozenset() if sub in _WEAPON_TYPES else _WEAPON_TYPES
        guess = TypeGuess(sub, event_type_of(sub), score, 0, 0, "")
        decided = combine(guess, probs, confident=ARTICLE_CLASSIFIER_CONFIDENT, exclude=exclude)
        out.append(decided[0] if decided else sub)
    return out
