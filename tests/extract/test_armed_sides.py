"""Armed clash or attack: who was on the receiving end (ACLED's codebook distinction)."""

from __future__ import annotations

import pytest

from sitrep.extract.armed_sides import armed_on_both_sides, civilians_only, clash_or_attack
from sitrep.extract.event_types import classify_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen attacked a gendarmerie post near Tera and killed two gendarmes.", "Armed clash"),
        ("Unknown gunmen shot dead two police officers on patrol in Garissa on Friday.", "Armed clash"),
        (
            "Bandits raided a village near Gusau and killed a farmer; soldiers later engaged the bandits, "
            "killing three of the attackers.",
            "Armed clash",
        ),
        ("Gunmen stormed a village near Tillia and shot dead four villagers, including a teacher.", "Attack"),
        ("Militants killed a woman and her two children on the road to Mandera.", "Attack"),
    ],
)
def test_victims_decide_between_clash_and_attack(text: str, expected: str) -> None:
    guess = classify_text(text)
    assert guess is not None
    assert guess.sub_event_type == expected


def test_perpetrators_are_not_victims() -> None:
    # armed men doing the killing do not make the victims armed
    assert not armed_on_both_sides("Three traders were attacked by armed men on the market road.")
    assert civilians_only("Three traders were attacked by armed men on the market road.")


def test_raiders_who_died_are_armed_victims() -> None:
    text = "Five herders and two raiders died in the cattle raid, police said."
    assert armed_on_both_sides(text)
    assert clash_or_attack("Armed clash", text) == "Armed clash"


def test_fighting_words_keep_an_armed_clash() -> None:
    text = "Heavy fighting between two militias left six people dead near Beni."
    assert clash_or_attack("Armed clash", text) == "Armed clash"


def test_other_types_pass_through() -> None:
    assert clash_or_attack("Arrests", "Police arrested two soldiers.") == "Arrests"


def test_an_unarmed_or_captive_victim_is_not_an_armed_one() -> None:
    assert not armed_on_both_sides(
        "A sergeant shot and killed an unarmed off-duty constable after a quarrel."
    )
    assert armed_on_both_sides("A sergeant shot and killed a constable on patrol after a quarrel.")


def test_an_explosive_followed_by_a_gunfight_is_an_armed_clash() -> None:
    report = "A patrol hit a roadside bomb near Kiunga and then exchanged fire with militants for an hour."
    assert clash_or_attack("Remote explosive/landmine/IED", report) == "Armed clash"
    assert clash_or_attack("Remote explosive/landmine/IED", "A roadside bomb hit a patrol near Kiunga.") == (
        "Remote explosive/landmine/IED"
    )


@pytest.mark.parametrize(
    "report",
    [
        "Gunmen fired at a politician's car near Voi; his bodyguard was shot and wounded.",
        "After raiders stole forty goats, one bandit was shot by police.",
        "A reservist shot dead two of his colleagues at the camp in Kapedo.",
        "Militants attacked a village in Wajir, and reservists tried to fight back.",
    ],
)
def test_more_armed_victims_and_resistance(report: str) -> None:
    assert clash_or_attack("Attack", report) == "Armed clash"


def test_suicide_bombs_with_an_armed_assault_on_a_base_are_an_armed_clash() -> None:
    report = (
        "Militants drove two suicide car bombs into the army camp near Tillia, followed by an armed assault; "
        "twelve soldiers were killed."
    )
    assert clash_or_attack("Suicide bomb", report) == "Armed clash"
    market = "A suicide bomber blew himself up in a crowded market, killing nine shoppers."
    assert clash_or_attack("Suicide bomb", market) == "Suicide bomb"
