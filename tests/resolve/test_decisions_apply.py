"""Decisions on clusters and stable ids for re-resolved clusters, on small hand-made inputs."""

from __future__ import annotations

import datetime as dt

from sitrep.model import EventMention, Span
from sitrep.resolve.cluster import Cluster
from sitrep.resolve.decisions import apply_decisions
from sitrep.resolve.incremental import reconcile_ids
from sitrep.store.resolution import StoredDecision

AT = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)


def _m(mention_id: str) -> EventMention:
    article = mention_id.split("#")[0]
    return EventMention(mention_id, article, "Battles", "Armed clash", Span(0, 5, "clash"))


def _clusters(*groups: str) -> list[Cluster]:
    return [Cluster(mentions=[_m(f"{x}#0") for x in g]) for g in groups]


def _names(clusters: list[Cluster]) -> list[str]:
    return ["".join(m.article_id for m in c.mentions) for c in clusters]


def _decision(n: int, kind: str, *groups: str) -> StoredDecision:
    mention_groups = tuple(tuple(f"{x}#0" for x in g) for g in groups)
    return StoredDecision(n, kind, "ev-a", "ev-b" if kind == "merge" else None, None, mention_groups, AT)


def test_merge_joins_the_clusters_holding_the_mentions() -> None:
    out = apply_decisions(_clusters("ab", "c", "de"), [_decision(1, "merge", "ab", "de")])
    assert _names(out) == ["abde", "c"]
    assert "merged into" in out[0].reasons[-1]


def test_split_moves_the_article_out_only_while_it_sits_with_the_rest() -> None:
    split = _decision(1, "split", "b", "ac")
    assert _names(apply_decisions(_clusters("abc", "d"), [split])) == ["ac", "d", "b"]
    assert _names(apply_decisions(_clusters("ac", "bd"), [split])) == ["ac", "bd"]  # already apart


def test_later_decisions_override_earlier_ones() -> None:
    split, merge = _decision(1, "split", "b", "ac"), _decision(2, "merge", "ac", "b")
    assert _names(apply_decisions(_clusters("abc"), [split, merge])) == ["acb"]
    assert _names(apply_decisions(_clusters("abc"), [merge, split])) == ["ac", "b"]


def test_reconciled_ids_follow_most_mentions_and_alias_the_rest() -> None:
    previous = {"a#0": "ev-1", "b#0": "ev-1", "c#0": "ev-2", "d#0": "ev-3"}
    created = {"ev-1": AT, "ev-2": AT + dt.timedelta(days=1), "ev-3": AT}
    ids, aliases = reconcile_ids(_clusters("abc", "d", "e"), previous, created)
    assert ids[:2] == ["ev-1", "ev-3"]
    assert ids[2].startswith("ev-") and ids[2] not in {"ev-1", "ev-2", "ev-3"}
    assert aliases == {"ev-2": "ev-1"}


def test_a_tie_keeps_the_older_event_id() -> None:
    previous = {"a#0": "ev-new", "b#0": "ev-old"}
    created = {"ev-new": AT + dt.timedelta(hours=1), "ev-old": AT}
    ids, aliases = reconcile_ids(_clusters("ab"), previous, created)
    assert ids == ["ev-old"] and aliases == {"ev-new": "ev-old"}
