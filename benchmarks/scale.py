"""Scale test of the clustering core on synthetic extracted records (10k / 100k / 1M articles).

Synthetic incidents (about 1.9 articles each, a geometric number) at 3,000 places
with a skewed (Zipf-like) popularity, arriving at a fixed rate (``--per-day``
articles a day, 900 by default: 1M articles span about three years), so a larger
corpus covers a longer period, as a growing archive does; ``--span-days`` fixes
the period instead (a denser world: more incidents per place and day). Each article's
record: the incident's day (or missing 15%, or a wrong day 10%), its place
jittered a few km (missing 10%, a wrong place 10%), its type (wrong 5%), killed
and injured counts (missing 30%, wrong 10%), and a token set: most of the
incident's own tokens, a few common ones, some noise. Each size runs in a fresh
process (peak memory is the process's maximum resident size) through
:func:`sitrep.resolve.bulk.bulk_cluster`; B-cubed F1 against the synthetic truth
checks that speed did not cost quality. Baseline in the same run: comparing all
pairs, timed at the pair-scoring rate measured in that run (n²/2 pairs).

Usage: python benchmarks/scale.py [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import print_table, write_result

from sitrep.resolve.bulk import RecordTable, bulk_candidates, bulk_cluster, bulk_scores, minhash


def synthesise(n_articles: int, span_days: int, seed: int = 0) -> tuple[RecordTable, np.ndarray]:
    """Records for about ``n_articles`` articles over ``span_days``, and each one's true incident."""
    rng = np.random.default_rng(seed)
    n_inc = max(1, int(n_articles / 1.9))
    per = rng.geometric(1 / 1.9, size=n_inc)
    gold = np.repeat(np.arange(n_inc), per)[:n_articles]
    n = len(gold)
    places = rng.uniform([25.0, -123.0], [48.0, -70.0], size=(3_000, 2))
    popularity = 1.0 / np.arange(6, len(places) + 6)  # the busiest place: about 2.5% of incidents
    inc_place = rng.choice(len(places), size=n_inc, p=popularity / popularity.sum())
    inc_day = rng.integers(0, max(1, span_days), size=n_inc)
    inc_type = rng.integers(0, 6, size=n_inc)
    inc_killed = rng.poisson(0.8, size=n_inc)
    inc_injured = rng.poisson(1.2, size=n_inc)

    day = inc_day[gold].copy()
    u = rng.random(n)
    day[u < 0.10] += rng.integers(-20, 21, size=int((u < 0.10).sum()))
    day[u > 0.85] = -1
    place = inc_place[gold].copy()
    v = rng.random(n)
    place[v < 0.10] = rng.integers(0, len(places), size=int((v < 0.10).sum()))
    lat = places[place, 0] + rng.normal(0, 0.03, n)
    lon = places[place, 1] + rng.normal(0, 0.03, n)
    lat[v > 0.90], lon[v > 0.90] = np.nan, np.nan
    event_type = inc_type[gold].copy()
    w = rng.random(n)
    event_type[w < 0.05] = rng.integers(0, 6, size=int((w < 0.05).sum()))
    counts = []
    for col in (inc_killed, inc_injured):
        c = col[gold].copy()
        x = rng.random(n)
        c[x < 0.10] += rng.integers(1, 3, size=int((x < 0.10).sum()))
        c[x > 0.70] = -1
        counts.append(c)

    own, vocab = 20, 2_000_000
    lengths = rng.integers(10, 17, size=n)  # of the incident's 20 own tokens
    parts, offsets = [], np.zeros(n + 1, dtype=np.int64)
    inc_base = gold.astype(np.int64) * own
    keep = rng.random((n, own)).argsort(axis=1)  # a random subset of the incident's tokens
    for k in range(lengths.max()):
        take = lengths > k
        parts.append((np.flatnonzero(take), vocab + inc_base[take] + keep[take, k]))
    for _ in range(3):  # common words
        parts.append((np.arange(n), rng.integers(0, 500, size=n)))
    for _ in range(8):  # noise
        parts.append((np.arange(n), rng.integers(500, vocab, size=n)))
    rows = np.concatenate([p[0] for p in parts])
    toks = np.concatenate([p[1] for p in parts])
    order = np.argsort(rows, kind="stable")
    rows, toks = rows[order], toks[order]
    offsets[1:] = np.cumsum(np.bincount(rows, minlength=n))
    table = RecordTable(day, lat, lon, event_type, counts[0], counts[1], toks.astype(np.int64), offsets)
    return table, gold


def bcubed_f1(pred: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    """B-cubed precision, recall and F1 of integer labelings (vectorised)."""
    pair = pred.astype(np.int64) * (int(gold.max()) + 1) + gold
    _, pair_inv, pair_n = np.unique(pair, return_inverse=True, return_counts=True)
    _, pred_inv, pred_n = np.unique(pred, return_inverse=True, return_counts=True)
    _, gold_inv, gold_n = np.unique(gold, return_inverse=True, return_counts=True)
    overlap = pair_n[pair_inv]
    p = float(np.mean(overlap / pred_n[pred_inv]))
    r = float(np.mean(overlap / gold_n[gold_inv]))
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4)}


def run_one(n: int, span_days: int) -> dict[str, float]:
    """Generate, cluster and measure one size (in this process)."""
    table, gold = synthesise(n, span_days)
    t0, c0 = time.perf_counter(), time.process_time()
    labels, stats = bulk_cluster(table)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    # pair-scoring rate, for the all-pairs baseline
    sample = table_sample_rate(table)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": len(table),
        "days": span_days,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),  # the honest figure on a shared, loaded machine
        "peak_rss_mb": round(peak_mb),
        **{k: v for k, v in stats.items() if k != "records"},
        **{f"bcubed_{k}": v for k, v in bcubed_f1(labels, gold).items()},
        "pairs_per_s": round(sample),
    }


def table_sample_rate(table: RecordTable) -> float:
    """Pairs scored per second by the vectorised scorer (on the run's own candidates)."""
    sig = minhash(table.tokens, table.offsets)
    pairs = bulk_candidates(table, sig)[:2_000_000]
    t = time.perf_counter()
    bulk_scores(table, sig, pairs)
    return len(pairs) / max(time.perf_counter() - t, 1e-9)


def main() -> None:
    """Run each size in a fresh process, print the table, write benchmarks/results/scale.json."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument(
        "--per-day", type=int, default=900, help="articles a day (the period grows with the size)"
    )
    ap.add_argument("--span-days", type=int, default=None, help="a fixed period instead (denser as it grows)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.span_days)))
        return
    rows = []
    for n in args.sizes:
        span = args.span_days or max(1, round(n / args.per_day))
        cmd = [sys.executable, __file__, "--one", str(n), "--span-days", str(span)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        rows.append(json.loads(out))
    first = rows[0]
    for r in rows:
        n = r["articles"]
        nlogn = n * math.log(n) / (first["articles"] * math.log(first["articles"]))
        r["cpu_vs_first"] = round(r["cpu_seconds"] / max(first["cpu_seconds"], 1e-3), 1)
        r["nlogn_vs_first"] = round(nlogn, 1)
        r["all_pairs_baseline_s"] = round(n * (n - 1) / 2 / r["pairs_per_s"])
    print_table("bulk clustering of synthetic records (one process per size, 2-core machine)", rows)
    name = "scale" if args.span_days is None else "scale_fixed_span"
    out_path = write_result(name, {"rows": rows, "per_day": args.per_day, "span_days": args.span_days})
    print(f"\nwrote {out_path}")


if __name__ == "__main__":
    main()
