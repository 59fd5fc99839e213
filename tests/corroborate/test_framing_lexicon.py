"""The framing lexicon: inflections, phrases, possessives and what never matches."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from sitrep.corroborate.framing_lexicon import CATEGORIES, inflections, load_lexicon


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.entry.category) for h in load_lexicon().scan(text)]


@pytest.mark.parametrize(
    ("key", "forms"),
    [
        ("slam/v", {"slam", "slams", "slammed", "slamming"}),
        ("rampage/vn", {"rampage", "rampages", "rampaged", "rampaging"}),
        ("witch hunt/n", {"witch hunt", "witch hunts"}),
        ("prey on", {"prey on"}),
        ("decry/v", {"decry", "decries", "decried"}),
    ],
)
def test_inflections_cover_the_usual_forms(key: str, forms: set[str]) -> None:
    assert forms <= set(inflections(key))


def test_inflected_words_and_phrases_are_found() -> None:
    text = "Officials slammed the plan as gunmen went on a rampage, and critics called it a witch hunt."
    found = _found(text)
    assert ("slammed", "speech") in found
    assert ("rampage", "loaded") in found
    assert ("witch hunt", "loaded") in found


def test_longest_phrase_wins_over_its_words() -> None:
    found = _found("The Iranian regime’s backed militias fired again.")
    assert found[0] == ("regime’s backed", "labelling")  # curly apostrophe, one phrase


def test_possessive_counts_as_the_word() -> None:
    assert _found("The regime's envoy spoke.") == [("regime", "epithet")]


def test_no_match_inside_longer_words() -> None:
    assert _found("The regimen of daily exercise helped the thugger-free town.") == []


def test_case_does_not_matter() -> None:
    assert _found("WARMONGERING abroad") == [("WARMONGERING", "loaded")]


def test_lexicon_file_is_well_formed() -> None:
    raw = resources.files("sitrep.corroborate").joinpath("data", "framing_lexicon.json").read_text("utf-8")
    data = json.loads(raw)
    assert set(data["terms"]) == set(CATEGORIES)
    assert set(data["categories"]) == set(CATEGORIES)
    seen: dict[str, str] = {}
    for category, terms in data["terms"].items():
        for key in terms:
            head = key.partition("/")[0].lower()
            assert key.partition("/")[2] in ("", "v", "n", "vn"), key
            assert head not in seen, f"{head!r} is in both {seen.get(head)} and {category}"
            seen[head] = category
    assert len(load_lexicon()) > 1500
