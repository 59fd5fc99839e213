"""User decisions (merge two events, split an article out of one) applied to a clustering.

Decisions name mentions, not event ids, so they survive re-resolution: a merge
keeps together every mention the two events held when the user merged them; a
split keeps the article's mentions apart from the mentions the event held
besides them. Decisions apply in the order they were taken, so a later one
overrides an earlier one (merge after split re-joins).
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.resolve.cluster import Cluster
from sitrep.store.resolution import StoredDecision

__all__ = ["apply_decisions", "describe_decision"]


def describe_decision(d: StoredDecision) -> str:
    """One line saying what the user decided, and when."""
    when = d.at.strftime("%Y-%m-%d %H:%M UTC")
    if d.kind == "merge":
        return f"user decision #{d.id} ({when}): event {d.other_id} merged into {d.event_id}"
    return f"user decision #{d.id} ({when}): article {d.article_id} split out of event {d.event_id}"


def _index(clusters: Sequence[Cluster]) -> dict[str, int]:
    return {m.id: i for i, c in enumerate(clusters) for m in c.mentions}


def apply_decisions(clusters: list[Cluster], decisions: Sequence[StoredDecision]) -> list[Cluster]:
    """The clusters after applying ``decisions`` in order (clusters emptied by a merge are dropped)."""
    out = list(clusters)
    for d in decisions:
        where = _index(out)
        if d.kind == "merge":
            idx = sorted({where[m] for g in d.groups for m in g if m in where})
            if len(idx) < 2:
                continue
            keep = out[idx[0]]
            merged = Cluster(mentions=list(keep.mentions), reasons=list(keep.reasons))
            for i in idx[1:]:
                merged.mentions += out[i].mentions
                merged.reasons += out[i].reasons
            merged.reasons.append(describe_decision(d))
            out[idx[0]] = merged
            out = [c for i, c in enumerate(out) if i not in idx[1:]]
        elif d.kind == "split" and len(d.groups) == 2:
            leaving, rest = set(d.groups[0]), set(d.groups[1])
            for i in sorted({where[m] for m in leaving if m in where}):
                c = out[i]
                if not any(m.id in rest for m in c.mentions):
                    continue
                stay = [m for m in c.mentions if m.id not in leaving]
                gone = [m for m in c.mentions if m.id in leaving]
                reasons = [r for r in c.reasons if r.split(" ", 1)[0] not in leaving]
                out[i] = Cluster(mentions=stay, reasons=[*reasons, describe_decision(d)])
                out.append(Cluster(mentions=gone, reasons=[describe_decision(d)]))
    return out
