"""Statements of responsibility: attribution, claim, denial and none, with who blames and hedging."""

from __future__ import annotations

import pytest

from sitrep.extract.blame import find_blame
from sitrep.model import Article, BlameMention


def blame(text: str) -> list[BlameMention]:
    return find_blame(Article(id="b", text=text))


def only(text: str) -> BlameMention:
    found = blame(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "No group has claimed responsibility for the bombing.",
        "No one has yet claimed the attack on the checkpoint.",
        "The attack has not been claimed.",
        "The spokesman did not say who was behind the shooting.",
        "It was unclear who carried out the raid.",
    ],
)
def test_none(text: str) -> None:
    b = only(text)
    assert b.kind == "none"
    assert b.blamed is None


def test_did_not_attribute_blame_names_who_declined() -> None:
    b = only("While the coalition did not attribute blame for the attack, tensions rose sharply.")
    assert (b.kind, b.blamed, b.by) == ("none", None, "the coalition")
    assert b.span.text == "did not attribute blame"


def test_negated_blame_is_none() -> None:
    assert only("The ministry did not blame any group for the explosion.").kind == "none"


def test_claim() -> None:
    b = only("Islamic State claimed responsibility for the attack in a statement.")
    assert (b.kind, b.blamed, b.by) == ("claim", "Islamic State", None)
    assert "Islamic State" in b.span.text


def test_denial() -> None:
    b = only("The Taliban denied any involvement in the blast near the airport.")
    assert (b.kind, b.blamed) == ("denial", "Taliban")


@pytest.mark.parametrize(
    ("text", "blamed", "by"),
    [
        ("Police blamed Boko Haram for the raid on the market.", "Boko Haram", "Police"),
        ("The government attributed the explosion to the PKK.", "PKK", "The government"),
        ("Officials accused the Houthis of being behind the drone attack.", "Houthis", "Officials"),
        ("Residents blamed a local cattle gang for the killings.", "local cattle gang", "Residents"),
        (
            "The army said the ambush was carried out by ISWAP.",
            "Islamic State West Africa Province",
            "The army",
        ),
    ],
)
def test_attribution(text: str, blamed: str, by: str) -> None:
    b = only(text)
    assert (b.kind, b.blamed, b.by) == ("attribution", blamed, by)
    assert b.hedged is False


def test_believed_to_be_by_is_hedged() -> None:
    b = only("The attack is believed to be by al-Shabaab militants.")
    assert (b.kind, b.blamed, b.hedged) == ("attribution", "al-Shabaab", True)


def test_possible_involvement_names_the_source() -> None:
    b = only(
        "A US official told Reuters that Washington was looking into "
        "the possible involvement of Kataib Hezbollah."
    )
    assert (b.kind, b.blamed, b.hedged) == ("attribution", "Kata'ib Hezbollah", True)
    assert b.by == "A US official"


def test_iran_backed_family_is_canonical_in_blame() -> None:
    b = only("The defence secretary blamed Iranian-backed groups for the rocket fire.")
    assert b.blamed == "Iran-backed militias"


def test_span_covers_cue_and_blamed_party() -> None:
    text = "On Sunday, Kenyan police blamed al-Shabab for the attack on the bus."
    b = only(text)
    assert text[b.span.start : b.span.end] == b.span.text
    assert "blamed" in b.span.text and "al-Shabab" in b.span.text


@pytest.mark.parametrize(
    "text",
    [
        "A rocket attack killed a contractor near the base on Friday.",
        "The base was hit by rockets shortly after dusk.",
        "The minister was responsible for the budget last year.",
    ],
)
def test_no_blame_statement(text: str) -> None:
    assert blame(text) == []
