"""The side-by-side view of an event: rows are fields, columns are sources, plus agreement.

Shared by ``sitrep show`` (a terminal table) and the markdown / HTML briefs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.model import Claim, Event, FieldAgreement

__all__ = ["FIELD_ORDER", "Cell", "Row", "claims_grid", "field_label", "split_agreement"]

#: Fields in the order a reader wants them; fields not listed follow in claim order.
FIELD_ORDER: tuple[str, ...] = (
    "event_type", "date", "place", "location_description", "killed", "injured", "abducted",
    "weapon", "munitions", "attackers", "perpetrator", "target", "victim", "blame",
    "claimed_responsibility", "denied_responsibility", "actor",
)  # fmt: skip

_LABELS = {
    "event_type": "type",
    "location_description": "described location",
    "claimed_responsibility": "claimed responsibility",
    "denied_responsibility": "denied responsibility",
}


def field_label(field: str) -> str:
    """How a field is named to people: ``"location_description"`` → ``"described location"``."""
    return _LABELS.get(field, field)


@dataclass(frozen=True, slots=True)
class Cell:
    """One value a source gives for a field."""

    value: str
    hedged: bool
    origin: str | None
    text: str  # the words of the source that carry the claim


@dataclass(frozen=True, slots=True)
class Row:
    """One field: each source's values (in ``sources`` order) and the agreement on each value."""

    field: str
    cells: tuple[tuple[Cell, ...], ...]
    agreement: tuple[FieldAgreement, ...]


def _ordered_fields(claims: list[Claim]) -> list[str]:
    present = list(dict.fromkeys(c.field for c in claims))
    return [f for f in FIELD_ORDER if f in present] + [f for f in present if f not in FIELD_ORDER]


def claims_grid(event: Event) -> tuple[list[str], list[Row]]:
    """The sources (columns) and one row per field of ``event``'s claims."""
    sources = list(dict.fromkeys(c.source for c in event.claims))
    rows: list[Row] = []
    for f in _ordered_fields(event.claims):
        cells = []
        for src in sources:
            seen: dict[str, Cell] = {}
            for c in event.claims:
                if c.field == f and c.source == src and c.value not in seen:
                    seen[c.value] = Cell(c.value, c.hedged, c.origin, c.span.text)
            cells.append(tuple(seen.values()))
        agreement = tuple(a for a in event.agreement if a.field == f)
        rows.append(Row(f, tuple(cells), agreement))
    return sources, rows


def split_agreement(event: Event) -> tuple[list[FieldAgreement], list[FieldAgreement]]:
    """(confirmed, single-source) values, uncontested, fields in reading order, ``event_type`` left out."""
    order = {f: i for i, f in enumerate(FIELD_ORDER)}
    items = sorted(
        (a for a in event.agreement if a.field != "event_type" and not a.contradicted),
        key=lambda a: order.get(a.field, len(order)),
    )
    return [a for a in items if a.confirmed], [a for a in items if a.single_source]
