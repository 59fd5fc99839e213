"""Extraction speed: articles per second of the default pipeline on one core, ~1,200-character articles.

The articles are the first 1,200 characters of gun-violence news articles
(shared/benchmarks/gva-incidents, read at run time) cut at a word boundary. Each
repeat analyses every article once with the default pipeline (cleaning and every
extractor, no resolution); the table quotes the median over repeats. The baseline in the
same run is the cleaning stage alone (the floor any extraction pays), and the previous
run's number, read from benchmarks/results/speed.json, is shown beside the new one.
Wall-clock rates drop when other processes share the cores, so the CPU-time rate (this
process's CPU seconds) and the load average are recorded too.

Usage: python benchmarks/speed.py [--articles N] [--repeats R] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import pstats
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import RESULTS, data_dir, print_table, write_result

from sitrep.config import Settings
from sitrep.ingest import clean, with_headline
from sitrep.model import Article
from sitrep.pipeline import Pipeline

LENGTH = 1200


def load(n: int) -> list[Article]:
    """``n`` articles of about 1,200 characters (cut at the last space before the limit)."""
    path = data_dir() / "gva-incidents" / "documents.jsonl"
    out: list[Article] = []
    for line in path.open(encoding="utf-8"):
        d = json.loads(line)
        text = with_headline(d.get("title"), (d.get("content") or "").strip())  # as sitrep's readers do
        if len(text) < LENGTH:
            continue
        cut = text[:LENGTH].rsplit(" ", 1)[0]
        pub = dt.date.fromisoformat(d["dct"][:10]) if d.get("dct") else None
        out.append(Article(id=d["doc_id"], text=cut, title=d.get("title"), published=pub))
        if len(out) >= n:
            break
    return out


def timed(func: object, articles: list[Article], repeats: int) -> tuple[list[float], list[float]]:
    """Articles per second of ``func`` over ``articles``, once per repeat (fresh copies each time).

    Returns the wall-clock rates and the CPU-time rates (this process's CPU time: what one
    core delivers, less sensitive to other processes sharing the machine)."""
    rates, cpu_rates = [], []
    for _ in range(repeats):
        batch = [replace(a) for a in articles]
        t, c = time.perf_counter(), time.process_time()
        for a in batch:
            func(a)  # type: ignore[operator]
        rates.append(len(batch) / (time.perf_counter() - t))
        cpu_rates.append(len(batch) / max(time.process_time() - c, 1e-9))
    return rates, cpu_rates


def main() -> None:
    """Time the default pipeline and the cleaning stage; write benchmarks/results/speed.json."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--profile", action="store_true", help="print the 25 costliest functions (one run)")
    args = ap.parse_args()
    articles = load(args.articles)
    pipe = Pipeline.default(Settings())
    for a in articles[:20]:  # warm-up: gazetteer load, lazy compiles
        pipe.analyse(replace(a))
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for a in articles:
            pipe.analyse(replace(a))
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        return
    previous = None
    old = RESULTS / "speed.json"
    if old.exists():
        previous = (
            json.loads(old.read_text(encoding="utf-8")).get("rows", [{}])[-1].get("median_articles_per_s")
        )
    rows = []
    for name, func in (("cleaning only (baseline)", clean), ("default pipeline (sitrep)", pipe.analyse)):
        rates, cpu_rates = timed(func, articles, args.repeats)
        rows.append(
            {
                "system": name,
                "median_articles_per_s": round(statistics.median(rates), 1),
                "median_ms_per_article": round(1000 / statistics.median(rates), 2),
                "min_articles_per_s": round(min(rates), 1),
                "median_cpu_articles_per_s": round(statistics.median(cpu_rates), 1),
            }
        )
    mean_chars = round(statistics.mean(len(a.text) for a in articles))
    load_avg = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    print_table(
        f"speed: {len(articles)} articles of ~{mean_chars} characters, {args.repeats} repeats, one core", rows
    )
    if previous is not None:
        print(f"\nprevious run: {previous} articles/s (default pipeline)")
    print(f"load average (1, 5, 15 min): {load_avg}")
    out = write_result(
        "speed",
        {
            "articles": len(articles),
            "mean_chars": mean_chars,
            "repeats": args.repeats,
            "rows": rows,
            "previous_articles_per_s": previous,
            "load_average": load_avg,
            "target_articles_per_s": 200,
        },
    )
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
