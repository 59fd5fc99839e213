"""Tests for sitrep.extract.hedging: hedge cues around a value."""

from __future__ import annotations

import pytest

from sitrep.extract.hedging import hedge_cue, is_hedged
from sitrep.model import Article


def _cue(text: str, value: str) -> str | None:
    start = text.index(value)
    cue = hedge_cue(text, start, start + len(value))
    return cue.text if cue else None


@pytest.mark.parametrize(
    ("text", "value", "cue"),
    [
        ("The attackers were believed to be from the north.", "attackers", "were believed to"),
        ("Militants reportedly fired four rockets.", "four rockets", "reportedly"),
        ("A suspected militia fired the rockets.", "militia", "suspected"),
        ("The group allegedly planted the bomb.", "bomb", "allegedly"),
        ("Five people died, according to the health ministry.", "Five people", "according to"),
        (
            "Officials are looking into the possible involvement of the militia.",
            "militia",
            "looking into the possible involvement",
        ),
        ("The blast may have been caused by a gas leak.", "gas leak", "may have"),
        ("It was apparently a drone.", "drone", "apparently"),
        ("Unconfirmed reports put the toll at nine.", "nine", "Unconfirmed reports"),
        ("The shooter is said to have fled.", "shooter", "is said to"),
        ("The fire was likely set on purpose.", "fire", "likely"),
        ("Three civilians were killed, sources said.", "Three civilians", "sources said"),
    ],
)
def test_cues_are_found(text: str, value: str, cue: str) -> None:
    assert _cue(text, value) == cue


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Three civilians were killed in the raid.", "Three civilians"),
        ("The attack claimed the lives of six guards.", "six guards"),
        ("The brigade claimed responsibility for the ambush.", "ambush"),
        ("Police reported two deaths at the scene.", "two deaths"),
        ("Medics arrived as soon as possible and treated four people.", "four people"),
        # a cue in another sentence does not count
        ("The origin is unclear. A drone struck the depot.", "drone"),
        # nor one in another clause across a semicolon
        ("Reportedly the talks stalled; a rocket hit the base.", "rocket"),
    ],
)
def test_no_cue(text: str, value: str) -> None:
    assert _cue(text, value) is None


def test_trailing_cue_must_be_close() -> None:
    near = "Two guards died, police possibly said."
    far = (
        "Two guards died as the long convoy waited at the river bridge for the army engineers "
        "to finish their repairs, possibly."
    )
    assert _cue(near, "Two guards") == "possibly"
    assert _cue(far, "Two guards") is None


def test_trailing_cue_beyond_the_next_clause_does_not_count() -> None:
    text = "Two guards died, officials said, though unconfirmed accounts differ."
    assert _cue(text, "Two guards") is None


def test_nearest_cue_wins() -> None:
    text = "According to locals, the blast was reportedly a mortar."
    assert _cue(text, "mortar") == "reportedly"


def test_is_hedged_uses_the_article_sentence_and_clean_text() -> None:
    text = "Menu: allegedly tasty.\nA mortar hit the school."
    clean = " " * 22 + text[22:]
    article = Article(id="t", text=text, clean_text=clean)
    start = text.index("mortar")
    assert is_hedged(article, article.span(start, start + 6)) is False
    hedged = Article(id="h", text="A mortar reportedly hit the school.")
    assert is_hedged(hedged, hedged.span(2, 8)) is True


def test_explicit_bounds_limit_the_search() -> None:
    text = "Reportedly, a rocket hit the base."
    start = text.index("rocket")
    assert hedge_cue(text, start, start + 6, bounds=(12, len(text))) is None
    cue = hedge_cue(text, start, start + 6, bounds=(0, len(text)))
    assert cue is not None and (cue.start, cue.end) == (0, 10)
