"""Event history: which resolved fields changed between two versions of an event, and why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sitrep.model import Event, FieldChange

__all__ = ["TRACKED_FIELDS", "field_values", "record_changes"]

#: The event fields whose changes are logged, in display order.
TRACKED_FIELDS: tuple[str, ...] = ("type", "date", "place", "killed", "injured", "sources")


def _count(low: int | None, high: int | None) -> str | None:
    if low is None:
        return None
    if low == high:
        return str(low)
    return f"{low}-{high}" if high is not None else f"at least {low}"


def field_values(event: Event) -> dict[str, str | None]:
    """The tracked fields of ``event`` as display strings (None when unknown)."""
    place = event.place
    place_value = None
    if place is not None:
        place_value = f"{place.name} ({place.latitude:.3f}, {place.longitude:.3f})"
    precision = event.date_precision.value if event.date_precision else "unknown"
    return {
        "type": f"{event.event_type} / {event.sub_event_type}",
        "date": f"{event.date.isoformat()} ({precision})" if event.date else None,
        "place": place_value,
        "killed": _count(event.killed_low, event.killed_high),
        "injured": _count(event.injured_low, event.injured_high),
        "sources": f"{len(event.sources)}: {', '.join(event.sources)}" if event.sources else "0",
    }


def record_changes(
    old: Event | None,
    new: Event,
    *,
    at: dt.datetime,
    article_ids: Sequence[str],
    reason: str,
) -> list[FieldChange]:
    """Append to ``new.history`` (after ``old``'s history) what changed since ``old``; return the new entries.

    A new event (``old`` is None) gets one ``created`` entry. ``article_ids`` are
    the articles whose arrival (or the decision) caused the change.
    """
    prior = list(old.history) if old is not None else []
    ids = tuple(sorted(set(article_ids)))
    if old is None:
        changes = [FieldChange("event", None, "created", at, ids, reason)]
    else:
        before, after = field_values(old), field_values(new)
        changes = [
            FieldChange(name, before[name], after[name], at, ids, reason)
            for name in TRACKED_FIELDS
            if before[name] != after[name]
        ]
    new.history = prior + changes
    return changes
