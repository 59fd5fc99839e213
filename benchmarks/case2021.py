"""Event-type benchmark: CASE 2021 Task 2 snippets and ACLED event notes (shared/benchmarks).

CASE 2021: weighted F1 over the 25 ACLED-derived sub-types, on the development
snippets whose gold label is one of them (the "unseen" non-ACLED types are scored
in a separate all-labels row). acled-notes: sub-event-type accuracy of the
human-written ``notes`` of ACLED events in Chad, Kenya and Niger.

Systems, all in one run:

* keyword baseline: the sub-type whose name words occur most often in the text;
* sitrep rules: :func:`sitrep.extract.event_types.classify_text`;
* sitrep classifier: the shipped classifier, trained only on the project's own
  examples (``sitrep/extract/data/type_examples.jsonl``);
* rules + classifier: what the pipeline uses;
* retrained on dev (NOT shipped): the same rules + classifier, with the classifier
  retrained on the development data itself, k-fold cross-validated (train on k-1
  folds plus the own examples, score the held-out fold) - what ``sitrep train`` on
  one's own labelled data could reach.

Usage: python benchmarks/case2021.py [--embedder none|minilm] [--folds 5] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import data_dir, print_table, write_result
from sklearn.metrics import accuracy_score, f1_score

from sitrep.extract.embedding import Embedder, get_embedder, register_embedder
from sitrep.extract.event_types import classify_text
from sitrep.extract.type_classifier import (
    NON_CONFLICT_TYPES,
    TypeClassifier,
    combine,
    load_examples,
    shipped_classifier,
)
from sitrep.taxonomy import SUB_EVENT_TYPES

#: CASE 2021 Task 2 codes -> ACLED sub-event type names (and sitrep's non-conflict labels).
CASE_LABELS = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
    "NATURAL_DISASTER": "Natural disaster",
    "MAN_MADE_DISASTER": "Man-made disaster",
    "ORG_CRIME": "Organized crime",
    "DIPLO": "Diplomacy",
    "ATTRIB": "Attribution",
}
NONE = "(none)"
_NAME_WORD = re.compile(r"[a-z]+")
_STOP = {"or", "of", "to", "use", "with", "against", "non", "state", "actor", "group", "activity", "type"}


class _Memo:
    """An embedder that remembers each text's row, so the cross-validation folds embed every text once."""

    def __init__(self, inner: Embedder) -> None:
        self.name = inner.name
        self._inner = inner
        self._rows: dict[str, Any] = {}

    def embed(self, texts: Sequence[str]) -> Any:
        todo = list(dict.fromkeys(t for t in texts if t not in self._rows))
        if todo:
            m = self._inner.embed(todo)
            for i, t in enumerate(todo):
                self._rows[t] = m[i : i + 1]
        rows = [self._rows[t] for t in texts]
        return sp.vstack(rows, format="csr") if sp.issparse(rows[0]) else np.vstack(rows)


def load_case(limit: int | None) -> list[tuple[str, str]]:
    """(snippet, ACLED or non-conflict label) pairs of the CASE 2021 development snippets."""
    path = data_dir() / "case2021-event-types" / "snippets.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [(r["EventSnippet"], CASE_LABELS[r["SubType"]]) for r in csv.DictReader(fh, delimiter="\t")]
    return rows[:limit] if limit else rows


def load_notes(limit: int | None) -> list[tuple[str, str]]:
    """(notes, sub_event_type) pairs of the ACLED events, shuffled with a fixed seed."""
    rows: list[tuple[str, str]] = []
    for path in sorted((data_dir() / "acled-notes").glob("ACLED_*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows += [(r["notes"], r["sub_event_type"]) for r in csv.DictReader(fh) if r["notes"].strip()]
    random.Random(7).shuffle(rows)
    return rows[:limit] if limit else rows


def keyword_baseline(text: str) -> str:
    """The sub-type whose name words (e.g. "grenade", "protest", "arrests") occur most often."""
    low = text.lower()
    best, best_n = NONE, 0
    for sub in SUB_EVENT_TYPES:
        words = [w for w in _NAME_WORD.findall(sub.lower()) if w not in _STOP and len(w) > 2]
        n = sum(low.count(w[:-1] if w.endswith("s") else w) for w in words)
        if n > best_n:
            best, best_n = sub, n
    return best


def rules(text: str) -> str:
    guess = classify_text(text)
    return guess.sub_event_type if guess else NONE


def scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """Weighted F1 over the ACLED sub-types present in ``gold``, and accuracy."""
    acled = sorted({g for g in gold if g in SUB_EVENT_TYPES})
    return {
        "weighted_f1": round(
            float(f1_score(gold, pred, labels=acled, average="weighted", zero_division=0)), 4
        ),
        "accuracy": round(float(accuracy_score(gold, pred)), 4),
    }


def combined_predictions(texts: Sequence[str], clf: TypeClassifier) -> list[str]:
    """Rules + classifier, as the pipeline combines them."""
    probs = clf.predict_proba(texts)
    out = []
    for text, p in zip(texts, probs, strict=True):
        decided = combine(classify_text(text), p)
        out.append(decided[0] if decided else NONE)
    return out


def classifier_predictions(texts: Sequence[str], clf: TypeClassifier) -> list[str]:
    return [max(p, key=lambda k: p[k]) for p in clf.predict_proba(texts)]


def cross_validated(
    data: Sequence[tuple[str, str]], folds: int, embedder: str, predict: Callable[..., list[str]]
) -> list[str]:
    """Predictions of a classifier retrained on the other folds (plus the own examples) for each fold."""
    own = load_examples()
    order = list(range(len(data)))
    random.Random(13).shuffle(order)
    pred = [NONE] * len(data)
    for k in range(folds):
        test = [i for n, i in enumerate(order) if n % folds == k]
        held = set(test)
        train = [data[i] for i in order if i not in held]
        clf = TypeClassifier.train(
            [t for t, _ in own] + [t for t, _ in train], [y for _, y in own] + [y for _, y in train], embedder
        )
        for i, p in zip(test, predict([data[i][0] for i in test], clf), strict=True):
            pred[i] = p
    return pred


def run(name: str, data: list[tuple[str, str]], embedder: str, folds: int) -> list[dict[str, object]]:
    texts = [t for t, _ in data]
    gold = [y for _, y in data]
    shipped = shipped_classifier(embedder)
    systems: list[tuple[str, Callable[[], list[str]]]] = [
        ("keyword baseline", lambda: [keyword_baseline(t) for t in texts]),
        ("sitrep rules", lambda: [rules(t) for t in texts]),
        (f"sitrep classifier ({embedder}, own examples)", lambda: classifier_predictions(texts, shipped)),
        (f"rules + classifier ({embedder}) [shipped]", lambda: combined_predictions(texts, shipped)),
        (
            f"classifier retrained on dev, {folds}-fold CV [not shipped]",
            lambda: cross_validated(data, folds, embedder, classifier_predictions),
        ),
        (
            f"rules + classifier retrained on dev, {folds}-fold CV [not shipped]",
            lambda: cross_validated(data, folds, embedder, combined_predictions),
        ),
    ]
    rows: list[dict[str, object]] = []
    for system, predict in systems:
        t0 = time.perf_counter()
        pred = predict()
        ms = (time.perf_counter() - t0) * 1000 / max(1, len(texts))
        rows.append({"data": name, "system": system, **scores(gold, pred), "ms_per_text": round(ms, 3)})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--embedder", default="none", help="none (hashed n-grams) or minilm")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None, help="score only the first N texts of each set")
    args = ap.parse_args()
    inner = get_embedder(args.embedder)  # fails early on an unknown name
    register_embedder(args.embedder, lambda: _Memo(inner))

    case = load_case(args.limit)
    acled_case = [(t, y) for t, y in case if y in SUB_EVENT_TYPES]
    notes = load_notes(args.limit)
    rows = run("case2021 (25 ACLED types)", acled_case, args.embedder, args.folds)
    rows += run("acled-notes", notes, args.embedder, args.folds)
    print_table("Event types: weighted F1 over ACLED sub-types, accuracy", rows)
    unseen = Counter(y for _, y in case if y not in SUB_EVENT_TYPES)
    print(
        f"\ncase2021: {len(acled_case)} ACLED-typed snippets scored; "
        f"{sum(unseen.values())} of non-ACLED types "
        f"({', '.join(sorted(unseen))}) not scored. acled-notes: {len(notes)} notes."
    )
    write_result(
        f"case2021{'' if args.embedder == 'none' else '_' + args.embedder}",
        {
            "embedder": args.embedder,
            "folds": args.folds,
            "non_conflict_labels": list(NON_CONFLICT_TYPES),
            "targets": {"case2021_weighted_f1": 0.84, "acled_notes_accuracy": 0.85},
            "rows": rows,
        },
    )


if __name__ == "__main__":
    main()
