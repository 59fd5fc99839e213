"""Lexical-bias spans on BASIL (shared/benchmarks/basil): recall at >= 0.5 precision.

BASIL annotates, in 162 articles (54 events told by Fox News, the New York Times and the
Huffington Post), the phrases that carry lexical bias. sitrep's framing stage runs on each
article (its sentences joined into paragraphs); every framing term, quoted or not, is a
predicted span with the term's score. A predicted span is correct when it shares a word
token with a gold lexical-bias span; a gold span is found when some kept prediction shares
a token with it. Sweeping the score threshold gives a precision/recall curve; the table
reports the recall at the best threshold with precision >= 0.5, and at no threshold.

Baseline in the same run: every word of a short generic list of loaded words.
Also: per-outlet loaded-term rates (sitrep) beside the gold lexical-bias rate, and the
framing stage's speed per 1,200 characters (median over articles, wall clock and CPU
time of the thread: the second is what the stage costs when the machine is shared).

Usage: python benchmarks/basil.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from babe import GENERIC
from common import data_dir, print_table, write_result

from sitrep.corroborate.framing import find_framing, is_attributed
from sitrep.corroborate.framing_lexicon import tokens
from sitrep.model import Article

OUTLETS = {"fox": "Fox News", "nyt": "New York Times", "hpo": "HuffPost"}
Range = tuple[int, int]


def load() -> list[tuple[Article, str, list[Range]]]:
    """(article, outlet, gold lexical-bias character ranges) for every BASIL article."""
    base = data_dir() / "basil"
    out = []
    for ann_path in sorted((base / "annotations").glob("*/*_ann.json")):
        art_path = base / "articles" / ann_path.parent.name / ann_path.name.replace("_ann", "")
        art = json.loads(art_path.read_text(encoding="utf-8"))
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        title = art.get("title") or ""
        parts, offsets = [title, "\n\n"], []
        pos = len(title) + 2
        for paragraph in art["body-paragraphs"]:
            for k, sentence in enumerate(paragraph):
                if k:
                    parts.append(" ")
                    pos += 1
                offsets.append(pos)
                parts.append(sentence)
                pos += len(sentence)
            parts.append("\n")
            pos += 1
        text = "".join(parts)
        gold = []
        for p in ann["phrase-level-annotations"]:
            if p["bias"] != "lex":
                continue
            if p["id"] == "title":
                gold.append((p["start"], p["end"]))
                continue
            i = int(p["id"].lstrip("p"))
            if i < len(offsets):
                gold.append((offsets[i] + p["start"], offsets[i] + p["end"]))
        aid = art_path.stem
        outlet = art["source"].lower()
        out.append((Article(id=aid, text=text, outlet=outlet), outlet, gold))
    return out


def _token_sets(text: str, ranges: list[Range]) -> list[set[int]]:
    toks = tokens(text)
    return [{i for i, (s, e, _) in enumerate(toks) if s < end and start < e} for start, end in ranges]


def curve(items: list[tuple[list[tuple[set[int], float]], list[set[int]]]]) -> list[dict[str, float]]:
    """Precision and recall at every score threshold; items are (scored predictions, gold) per article."""
    thresholds = sorted({score for preds, _ in items for _, score in preds}, reverse=True)
    rows = []
    total_gold = sum(len(g) for _, g in items)
    for th in thresholds:
        kept = correct = found = 0
        for preds, gold in items:
            mine = [t for t, s in preds if s >= th]
            kept += len(mine)
            correct += sum(1 for t in mine if any(t & g for g in gold))
            found += sum(1 for g in gold if any(t & g for t in mine))
        rows.append(
            {"threshold": th, "precision": correct / kept if kept else 0.0, "recall": found / total_gold}
        )
    return rows


def summarise(name: str, rows: list[dict[str, float]]) -> dict[str, object]:
    """Recall at >= 0.5 precision (best threshold), the best precision at >= 5% recall, and
    precision/recall with every prediction kept."""
    ok = [r for r in rows if r["precision"] >= 0.5]
    best = max(ok, key=lambda r: r["recall"]) if ok else None
    last = rows[-1] if rows else {"precision": 0.0, "recall": 0.0}
    useful = [r for r in rows if r["recall"] >= 0.05]
    return {
        "system": name,
        "recall_at_p50": round(best["recall"], 4) if best else 0.0,
        "best_precision_at_recall_5pct": round(max((r["precision"] for r in useful), default=0.0), 4),
        "threshold_at_p50": round(best["threshold"], 3) if best else None,
        "precision_all": round(last["precision"], 4),
        "recall_all": round(last["recall"], 4),
    }


def main() -> None:
    data = load()
    find_framing(data[0][0])  # train the classifier before timing
    sitrep_items, own_items, generic_items = [], [], []
    per_outlet: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    speed, cpu = [], []
    for article, outlet, gold in data:
        t0, c0 = time.perf_counter(), time.thread_time()
        found = find_framing(article)
        per = 1000 * 1200 / max(1, len(article.text))
        speed.append((time.perf_counter() - t0) * per)
        cpu.append((time.thread_time() - c0) * per)
        gold_sets = _token_sets(article.text, gold)
        spans = [(t.span.start, t.span.end) for t in found.terms]
        scored = list(zip(_token_sets(article.text, spans), [t.score for t in found.terms], strict=True))
        sitrep_items.append((scored, gold_sets))
        own = [(ts, s) for (ts, s), t in zip(scored, found.terms, strict=True) if not is_attributed(t)]
        own_items.append((own, gold_sets))
        toks = tokens(article.text)
        generic_items.append(([({i}, 1.0) for i, (_, _, w) in enumerate(toks) if w in GENERIC], gold_sets))
        words = len(toks)
        o = per_outlet[OUTLETS.get(outlet, outlet)]
        o["articles"] += 1
        o["words"] += words
        o["sitrep_terms"] += sum(1 for t in found.terms if not is_attributed(t))
        o["gold_lexical_spans"] += len(gold)
        o["biased_sentences"] += len(found.biased_sentences)
        o["sentences"] += found.sentence_count
    rows = [
        summarise(f"generic word list ({len(GENERIC)} words)", curve(generic_items)),
        summarise("sitrep framing terms (all)", curve(sitrep_items)),
        summarise("sitrep framing terms (the outlet's own words)", curve(own_items)),
    ]
    gold_total = sum(len(g) for _, _, g in data)
    print_table(
        f"BASIL: {len(data)} articles, {gold_total} lexical-bias spans — token-overlap matching", rows
    )
    outlet_rows = [
        {
            "outlet": name,
            "articles": int(o["articles"]),
            "sitrep_loaded_per_1000_words": round(1000 * o["sitrep_terms"] / o["words"], 2),
            "gold_lexical_per_1000_words": round(1000 * o["gold_lexical_spans"] / o["words"], 2),
            "biased_sentence_share": round(o["biased_sentences"] / o["sentences"], 3),
        }
        for name, o in sorted(per_outlet.items())
    ]
    print_table("per outlet", outlet_rows)
    timing = {
        "median_ms_per_1200_chars": round(statistics.median(speed), 3),
        "p90_ms_per_1200_chars": round(sorted(speed)[int(0.9 * len(speed))], 3),
        "median_cpu_ms_per_1200_chars": round(statistics.median(cpu), 3),
        "p90_cpu_ms_per_1200_chars": round(sorted(cpu)[int(0.9 * len(cpu))], 3),
    }
    print_table("framing stage speed (lexicon + classifier, one process)", [timing])
    out = write_result(
        "basil",
        {
            "dataset": "BASIL (development part): articles and phrase-level lexical-bias annotations",
            "articles": len(data),
            "gold_lexical_spans": gold_total,
            "matching": "a predicted span is correct when it shares a word token with a gold span",
            "rows": rows,
            "per_outlet": outlet_rows,
            "timing": timing,
            "target": {"recall_at_precision_0.5": 0.40},
        },
    )
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
