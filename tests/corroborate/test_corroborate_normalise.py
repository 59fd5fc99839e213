"""Normalising claimed values: equal facts compare equal, vague counts stay open, actors get one name."""

from __future__ import annotations

from sitrep.corroborate.normalise import (
    OPEN,
    canonical_actor,
    count_bounds,
    direction_components,
    ranges_clash,
)


def test_vague_counts_leave_the_top_open_and_never_clash_with_a_larger_exact_count() -> None:
    several = count_bounds("2-9", "wounded several others")
    assert several == (2, OPEN)
    assert not ranges_clash(several, (14, 14))
    assert ranges_clash(several, (1, 1))  # "several" is still more than one


def test_an_explicit_range_keeps_its_top() -> None:
    assert count_bounds("2-9", "between two and nine people") == (2, 9)
    assert ranges_clash((2, 9), (14, 14))


def test_exact_and_open_counts() -> None:
    assert count_bounds("3") == (3, 3)
    assert count_bounds("at least 13") == (13, OPEN)
    assert ranges_clash((9, 9), (13, OPEN))  # "more than a dozen" contradicts nine
    assert not ranges_clash((9, OPEN), (13, OPEN))
    assert count_bounds("unknown") is None


def test_actor_phrases_become_canonical_names() -> None:
    assert canonical_actor("calling itself Saraya al-Nakhil al-Ahmar") == "Saraya al-Nakhil al-Ahmar"
    assert canonical_actor("remnants of the Islamic State group") == "Islamic State"
    assert canonical_actor("Kataib Hezbollah") == "Kata'ib Hezbollah"
    assert canonical_actor("warplanes believed to be Russian") == canonical_actor("Russian warplanes")
    assert canonical_actor("the Unknown Brigade") == "Unknown Brigade"


def test_direction_words_become_compass_components() -> None:
    assert direction_components("southern") == {"south"}
    assert direction_components("north-west") == direction_components("northwestern") == {"north", "west"}
    assert direction_components("central") == frozenset()
