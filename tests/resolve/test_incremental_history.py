"""Field history: what changed between two versions of an event, with the articles that caused it."""

from __future__ import annotations

import datetime as dt

from sitrep.model import Event, FieldChange
from sitrep.resolve.history import record_changes

AT = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)


def _event(killed: int | None, sources: list[str]) -> Event:
    return Event("ev-1", "Battles", "Armed clash", killed_low=killed, killed_high=killed, sources=sources)


def test_new_event_logs_its_creation() -> None:
    e = _event(2, ["A"])
    changes = record_changes(None, e, at=AT, article_ids=["a2", "a1"], reason="new reports")
    assert changes == [FieldChange("event", None, "created", AT, ("a1", "a2"), "new reports")]
    assert e.history == changes


def test_rising_count_and_new_source_are_logged_after_the_old_history() -> None:
    old = _event(2, ["A"])
    record_changes(None, old, at=AT, article_ids=["a1"], reason="new reports")
    new = _event(5, ["A", "B"])
    later = AT + dt.timedelta(days=1)
    changes = record_changes(old, new, at=later, article_ids=["b1"], reason="new reports")
    assert [(c.field, c.old, c.new) for c in changes] == [
        ("killed", "2", "5"),
        ("sources", "1: A", "2: A, B"),
    ]
    assert all(c.article_ids == ("b1",) and c.at == later for c in changes)
    assert new.history == [*old.history, *changes]


def test_nothing_changed_logs_nothing() -> None:
    old = _event(2, ["A"])
    assert record_changes(old, _event(2, ["A"]), at=AT, article_ids=["x"], reason="r") == []
