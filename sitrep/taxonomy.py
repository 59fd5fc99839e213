"""sitrep's event taxonomy: ACLED's 6 event types and 25 sub-event types, with their exact names,
plus one non-ACLED group, "Non-conflict", for incidents a newsroom wants in its database that ACLED
would not code (an accidental shooting, a self-inflicted one).

:data:`EVENT_TYPES` / :data:`SUB_EVENT_TYPES` hold ACLED's types only (benchmarks and the type
classifier score against them); :data:`NON_CONFLICT_SUB_TYPES` holds the extra group;
:func:`event_type_of` knows both.
"""

from __future__ import annotations

__all__ = [
    "ALL_SUB_EVENT_TYPES",
    "EVENT_TYPES",
    "NON_CONFLICT",
    "NON_CONFLICT_SUB_TYPES",
    "SUB_EVENT_TYPES",
    "event_type_of",
    "is_acled",
]

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": (
        "Violent demonstration",
        "Mob violence",
    ),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

#: ACLED's sub-event types, each with its ACLED event type.
SUB_EVENT_TYPES: dict[str, str] = {sub: parent for parent, subs in EVENT_TYPES.items() for sub in subs}

#: The event type of incidents outside ACLED's scope (not one of ACLED's names).
NON_CONFLICT = "Non-conflict"

#: sitrep's own sub-event types of :data:`NON_CONFLICT` (not ACLED's): a gun fired by accident
#: (a hunting or handling accident, a child finding a loaded gun), and a self-inflicted shooting.
NON_CONFLICT_SUB_TYPES: dict[str, tuple[str, ...]] = {NON_CONFLICT: ("Accident", "Self-harm")}

#: Every sub-event type sitrep assigns, ACLED's and its own, each with its event type.
ALL_SUB_EVENT_TYPES: dict[str, str] = {
    **SUB_EVENT_TYPES,
    **{sub: parent for parent, subs in NON_CONFLICT_SUB_TYPES.items() for sub in subs},
}


def is_acled(sub_event_type: str) -> bool:
    """True for one of ACLED's 25 sub-event types, False for sitrep's own non-conflict ones."""
    return sub_event_type in SUB_EVENT_TYPES


def event_type_of(sub_event_type: str) -> str:
    """The event type a sub-event type belongs to: ACLED's, or "Non-conflict" for sitrep's own.

    Raises:
        KeyError: when ``sub_event_type`` is neither one of the 25 ACLED sub-event types nor one of
            sitrep's non-conflict ones.
    """
    try:
        return ALL_SUB_EVENT_TYPES[sub_event_type]
    except KeyError:
        raise KeyError(
            f"{sub_event_type!r} is not a sub-event type; use one of {sorted(ALL_SUB_EVENT_TYPES)}"
        ) from None
