"""Tests for sitrep.extract.weapons: weapon vocabulary and normalisation."""

from __future__ import annotations

import pytest

from sitrep.extract.weapons import WEAPONS, find_weapons
from sitrep.model import Article


def _weapons(text: str) -> list[tuple[str, str]]:
    return [(w.span.text, w.weapon) for w in find_weapons(Article(id="t", text=text))]


@pytest.mark.parametrize(
    ("text", "surface", "weapon"),
    [
        ("Two rockets struck the airfield.", "rockets", "rocket"),
        ("A Katyusha landed near the gate.", "Katyusha", "rocket"),
        ("Rocket artillery pounded the town.", "Rocket artillery", "rocket"),
        ("A cruise missile hit the depot.", "cruise missile", "missile"),
        ("A UAV dropped explosives.", "UAV", "drone"),
        ("Mortar rounds fell on the camp.", "Mortar rounds", "mortar"),
        ("Heavy shelling continued overnight.", "shelling", "artillery"),
        ("An air strike flattened the school.", "air strike", "aircraft"),
        ("Warplanes circled the valley.", "Warplanes", "aircraft"),
        ("A roadside bomb hit the patrol.", "roadside bomb", "explosive"),
        ("An improvised explosive device was found.", "improvised explosive device", "explosive"),
        ("A VBIED detonated at the checkpoint.", "VBIED", "explosive"),
        ("He wore a suicide vest.", "suicide vest", "suicide bomb"),
        ("A suicide car bomb struck the base.", "suicide car bomb", "suicide bomb"),
        ("Someone threw a grenade into the shop.", "grenade", "grenade"),
        ("The gunman carried an AK-47.", "AK-47", "firearm"),
        ("Police recovered a handgun.", "handgun", "firearm"),
        ("Gunfire echoed through the street.", "Gunfire", "firearm"),
        ("The courier was shot in the arm.", "shot", "firearm"),
        ("A vendor was attacked with a machete.", "machete", "knife"),
        ("The clerk was stabbed twice.", "stabbed", "knife"),
        ("Riot police fired tear gas.", "tear gas", "tear gas"),
        ("Troops used rubber bullets.", "rubber bullets", "rubber bullets"),
        ("Soldiers fired live ammunition at the crowd.", "live ammunition", "live ammunition"),
        ("Inspectors found traces of sarin.", "sarin", "chemical weapon"),
        ("Attackers set fire to the clinic.", "set fire", "fire"),
        ("Investigators suspect arson.", "arson", "fire"),
        ("A vehicle ramming injured shoppers.", "vehicle ramming", "vehicle ramming"),
    ],
)
def test_surface_forms_are_normalised(text: str, surface: str, weapon: str) -> None:
    assert (surface, weapon) in _weapons(text)


def test_longest_form_wins() -> None:
    assert _weapons("Soldiers fired rubber bullets.") == [("rubber bullets", "rubber bullets")]
    assert _weapons("A suicide car bomb exploded.") == [("suicide car bomb", "suicide bomb")]


@pytest.mark.parametrize(
    "text",
    [
        "The jet was shot down over the sea.",
        "Lawmakers debated gun control for hours.",
        "Firefighters battled the blaze.",
        "His mug shot was released.",
        "The crowd threw flowers at the parade.",
        "She ordered a shotglass and a pistachio.",  # word boundaries
    ],
)
def test_idioms_and_non_weapons_are_ignored(text: str) -> None:
    assert _weapons(text) == []


def test_every_occurrence_is_reported_in_order_with_original_spans() -> None:
    text = "A drone hovered; later a second DRONE and a mortar struck."
    found = find_weapons(Article(id="t", text=text))
    assert [w.weapon for w in found] == ["drone", "drone", "mortar"]
    assert all(text[w.span.start : w.span.end] == w.span.text for w in found)


def test_hedged_weapon() -> None:
    (hedged,) = find_weapons(Article(id="t", text="The blast was possibly caused by a landmine."))
    (plain,) = find_weapons(Article(id="t", text="The blast was caused by a landmine."))
    assert hedged.hedged is True
    assert plain.hedged is False


def test_vocabulary_size() -> None:
    assert len(WEAPONS) >= 20
    assert sum(len(forms) for forms in WEAPONS.values()) >= 60
