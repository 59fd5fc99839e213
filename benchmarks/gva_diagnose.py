"""Pair-level diagnosis of resolution on the gva-incidents set (used by ``gva.py --diagnose``)."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

import numpy as np
from common import bcubed, print_table
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from sitrep.config import Settings
from sitrep.geo import distance_km
from sitrep.model import Article, Event, EventMention
from sitrep.resolve.cluster import (
    PairScorer,
    TextIndex,
    candidate_pairs,
    cluster_mentions,
    strong_evidence,
)
from sitrep.resolve.similarity import PRIOR, WEIGHTS
from sitrep.resolve.sources import source_name


def _article_clusters(articles: list[Article], settings: Settings) -> dict[str, str]:
    """Article → cluster of its primary mention (articles without one stay alone)."""
    key: dict[str, str] = {}
    for n, c in enumerate(cluster_mentions(articles, settings)):
        for m in c.mentions:
            if m.primary:
                key[m.article_id] = str(n)
    return {a.id: key.get(a.id, f"alone:{a.id}") for a in articles}


def _held_apart(a: list[int], b: list[int], mentions: list[EventMention], scorer: PairScorer) -> str:
    """Why two clusters (mention indices) whose best pair scores above the threshold stayed apart."""
    if {mentions[x].article_id for x in a} & {mentions[y].article_id for y in b}:
        return "held apart: an article would report it twice"
    pairs = [(x, y, scorer(x, y)) for x in a for y in b]
    if any(s.veto for _, _, s in pairs):
        return "held apart: a vetoed pair across the clusters"
    passing = [s for x, y, s in pairs if not (mentions[x].primary and mentions[y].primary)]
    if any(not strong_evidence(s) for s in passing):
        return "held apart: a passing mention without strong evidence"
    return "held apart: average score below the threshold"


def _half(incident: str) -> int:
    return hashlib.sha1(incident.encode()).digest()[0] % 2


def diagnose(articles: list[Article], gold: dict[str, str]) -> dict[str, Any]:
    """Print and return the loss breakdown, a threshold sweep and the weight fit."""
    settings = Settings()
    thr = settings.cluster_threshold
    text = TextIndex(articles)
    published = {a.id: a.published for a in articles}
    mentions = [m for a in articles for m in a.events]
    cands = candidate_pairs(mentions, published, text, settings)
    scorer = PairScorer(mentions, published, text, settings, {a.id: source_name(a) for a in articles})
    primary = {m.article_id: i for i, m in enumerate(mentions) if m.primary}
    pred = _article_clusters(articles, settings)
    cluster_of = {m.id: n for n, c in enumerate(cluster_mentions(articles, settings)) for m in c.mentions}
    members_of: dict[int, list[int]] = defaultdict(list)
    for k, m in enumerate(mentions):
        members_of[cluster_of[m.id]].append(k)

    by_inc: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        by_inc[gold[a.id]].append(a.id)
    same: Counter[str] = Counter()
    for docs in by_inc.values():
        for x, y in combinations(docs, 2):
            if x not in primary or y not in primary:
                same["an article has no event mention"] += 1
                continue
            i, j = sorted((primary[x], primary[y]))
            if pred[x] == pred[y]:
                same["merged (correct)"] += 1
            elif (i, j) not in cands:
                same["never a candidate pair"] += 1
            elif scorer(i, j).score < thr:
                same["scored below the threshold"] += 1
            else:
                ci, cj = members_of[cluster_of[mentions[i].id]], members_of[cluster_of[mentions[j].id]]
                same[_held_apart(ci, cj, mentions, scorer)] += 1
    members: dict[str, list[str]] = defaultdict(list)
    for aid, c in pred.items():
        members[c].append(aid)
    wrong: Counter[str] = Counter()
    for docs in members.values():
        for x, y in combinations(docs, 2):
            if gold[x] != gold[y]:
                i, j = sorted((primary[x], primary[y]))
                direct = (i, j) in cands and scorer(i, j).score >= thr
                wrong[
                    "merged directly (pair above threshold)" if direct else "merged through other reports"
                ] += 1
    loss_rows = [{"same-incident pairs": k, "count": v} for k, v in same.most_common()]
    loss_rows += [
        {"same-incident pairs": f"different-incident pairs {k}", "count": v} for k, v in wrong.items()
    ]
    print_table("where pairs are lost (article pairs, primary mentions)", loss_rows)

    sweep = []
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        clus = bcubed(_article_clusters(articles, settings.with_overrides(cluster_threshold=t)), gold)
        sweep.append({"threshold": t, **clus})
    print_table("threshold sweep (clustering only; default 0.5 = even odds)", sweep)

    keys = sorted(WEIGHTS)
    col = {k: n for n, k in enumerate(keys)}
    rows, labels, halves = [], [], []
    for i, j in sorted(cands):
        a, b = mentions[i], mentions[j]
        if not (a.primary and b.primary):
            continue
        x = np.zeros(len(keys))
        for lv in scorer(i, j).levels:
            x[col[lv]] = 1.0
        rows.append(x)
        labels.append(gold[a.article_id] == gold[b.article_id])
        halves.append(_half(gold[a.article_id]))
    X, y, h = np.array(rows), np.array(labels), np.array(halves)
    fit = LogisticRegression(C=1.0, max_iter=2000).fit(X, y)
    held = LogisticRegression(C=1.0, max_iter=2000).fit(X[h == 0], y[h == 0])
    shipped = X @ np.array([WEIGHTS[k] for k in keys]) + PRIOR
    auc = {
        "fit on half A, AUC on half B": round(
            float(roc_auc_score(y[h == 1], held.decision_function(X[h == 1]))), 4
        ),
        "shipped weights, AUC on half B": round(float(roc_auc_score(y[h == 1], shipped[h == 1])), 4),
        "candidate pairs": len(y),
        "same-incident among them": int(y.sum()),
    }
    print_table("evidence-weight check (pairs of primary mentions)", [auc])
    weights = [
        {"level": k, "shipped": WEIGHTS[k], "refit": round(float(c), 2), "pairs": int(X[:, col[k]].sum())}
        for k, c in zip(keys, fit.coef_[0], strict=True)
    ]
    print_table(f"weights: shipped vs refit (refit intercept {fit.intercept_[0]:+.2f})", weights)
    return {"pair_loss": loss_rows, "threshold_sweep": sweep, "weight_check": auc, "weights": weights}


def field_ceiling(
    articles: list[Article],
    events: list[Event],
    incidents: dict[str, dict],
    gold: dict[str, str],
    scored: dict[str, float],
) -> list[dict[str, Any]]:
    """How far the merged field values are from what the extracted mentions allow.

    Per gold incident (as ``gva.score_fields`` picks its event): ``scored`` is the
    benchmark's score; "any mention of its event" is the share whose event holds at
    least one mention with the right value (the best any choice among the event's
    mentions could do); "any report of the incident" the share where one of the
    incident's own articles' main mentions is right (what perfect clustering could
    add). What neither reaches is lost in extraction.
    """
    from gva import gold_date

    by_article = {a.id: a for a in articles}
    event_of: dict[str, Event] = {}
    for e in events:
        for m in e.mentions:
            if m.primary or m.article_id not in event_of:
                event_of[m.article_id] = e
    by_inc: dict[str, list[str]] = defaultdict(list)
    for doc, inc in gold.items():
        by_inc[inc].append(doc)
    in_event: Counter[str] = Counter()
    in_reports: Counter[str] = Counter()
    n = 0
    for inc_id, docs in by_inc.items():
        rec = incidents.get(inc_id)
        if rec is None:
            continue
        n += 1
        keys = Counter(event_of[d].id if d in event_of else f"alone:{d}" for d in docs)
        key = keys.most_common(1)[0][0]
        event = next((event_of[d] for d in docs if d in event_of and event_of[d].id == key), None)
        own = [m for d in docs for m in by_article[d].events if m.primary]
        for pool, tally in ((event.mentions if event else [], in_event), (own, in_reports)):
            tally["date"] += any(m.date is not None and m.date.date == gold_date(rec) for m in pool)
            if rec.get("lat") is not None:
                spots = [m.place.place for m in pool if m.place is not None and m.place.place is not None]
                tally["place_25km"] += any(
                    distance_km(p.latitude, p.longitude, rec["lat"], rec["lon"]) <= 25 for p in spots
                )
            for kind in ("killed", "injured"):
                want = rec.get(f"num_{kind}")
                stated = [getattr(m, kind) for m in pool]
                counts = [c.exact for c in stated if c is not None and c.exact is not None]
                tally[kind] += (want in counts) or (not counts and want == 0)
    fields = ("date", "place_25km", "killed", "injured")
    rows = [
        {"": "scored (the merged event)", **{f: scored[f] for f in fields}},
        {"": "any mention of its event", **{f: round(in_event[f] / max(n, 1), 4) for f in fields}},
        {"": "any report of the incident", **{f: round(in_reports[f] / max(n, 1), 4) for f in fields}},
    ]
    print_table("field ceilings: the merged value vs the best the extracted mentions allow", rows)
    return rows
