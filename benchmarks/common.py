"""Shared helpers for the benchmark scripts: data location, tables, result files, B-cubed."""

from __future__ import annotations

import json
import os
import platform
import re
import statistics
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"


def data_dir() -> Path:
    """Where the evaluation data lives: $SITREP_BENCHMARKS, else ../shared/benchmarks beside the repo."""
    env = os.environ.get("SITREP_BENCHMARKS")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent.parent / "shared" / "benchmarks", ROOT.parent / ".." / "shared" / "benchmarks"]
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    raise SystemExit("evaluation data not found: set SITREP_BENCHMARKS to the shared/benchmarks folder")


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a clustering ``pred`` (item → cluster) against ``gold``."""
    items = list(gold)
    pred_members: dict[str, set[str]] = defaultdict(set)
    gold_members: dict[str, set[str]] = defaultdict(set)
    for i in items:
        pred_members[pred[i]].add(i)
        gold_members[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        pc, gc = pred_members[pred[i]], gold_members[gold[i]]
        overlap = len(pc & gc)
        p += overlap / len(pc)
        r += overlap / len(gc)
    p, r = p / len(items), r / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def print_table(title: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Print rows (dicts with the same keys) as an aligned text table."""
    if not rows:
        return
    cols = list(rows[0])
    cells = [[_fmt(r.get(c)) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    print(f"\n{title}")
    print("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)))


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def write_result(name: str, payload: Mapping[str, Any]) -> Path:
    """Write ``benchmarks/results/<name>.json`` with the machine and time of the run."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{name}.json"
    meta = {
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    out.write_text(json.dumps({**payload, "meta": meta}, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return out


#: Month abbreviations, in calendar order (``MONTHS.index(m) + 1`` is the month number).
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def primary(mentions: Sequence[Any]) -> Any:
    """An article's primary event mention (the first one when none is marked primary), or None."""
    return next((m for m in mentions if m.primary), mentions[0] if mentions else None)


def first_count(text: str, word: str, numbers: Mapping[str, int]) -> int:
    """Baseline count: the first numeral or number word within 40 characters before ``word`` (a regex),
    else 0."""
    m = re.search(r"\b(\d+|" + "|".join(numbers) + r")\b[^.]{0,40}?\b" + word, text, re.IGNORECASE)
    if not m:
        return 0
    tok = m.group(1).lower()
    return int(tok) if tok.isdigit() else numbers[tok]


def analyse_all(articles: Sequence[Any], pipe: Any = None) -> tuple[list[Any], list[float]]:
    """Each article through ``pipe`` (the default pipeline when None): the analysed articles and the
    seconds each took."""
    if pipe is None:
        from sitrep.config import Settings
        from sitrep.pipeline import Pipeline

        pipe = Pipeline.default(Settings())
    analysed, seconds = [], []
    for a in articles:
        t = time.perf_counter()
        analysed.append(pipe.analyse(a))
        seconds.append(time.perf_counter() - t)
    return analysed, seconds


def throughput(per_article_seconds: Sequence[float]) -> dict[str, float]:
    """Articles per second and the median milliseconds per article of a run."""
    per = per_article_seconds
    return {
        "articles_per_s": round(len(per) / sum(per), 1),
        "median_ms": round(statistics.median(per) * 1000, 2),
    }
