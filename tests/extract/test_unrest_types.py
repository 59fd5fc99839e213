"""How a report of crowd unrest is typed from the whole report (ACLED's protest and riot sub-types)."""

from __future__ import annotations

import pytest

from sitrep.extract.event_types import classify_text
from sitrep.extract.unrest_types import crowd_violence, unrest_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the violence is in a sentence of its own: the whole report decides
        (
            "Market vendors protested outside the county offices in Eldoret over new levies. "
            "Some of them later set tyres alight on the main road.",
            "Violent demonstration",
        ),
        (
            "Hundreds of parents demonstrated in Maradi against the closure of a school. "
            "They blocked the road to the airport for three hours.",
            "Violent demonstration",
        ),
        (
            "Nurses marched peacefully to the health ministry in Lusaka to demand unpaid allowances. "
            "Police fired tear gas to disperse them.",
            "Protest with intervention",
        ),
        (
            "Teachers held a sit-in at the education office in Mombasa over delayed salaries.",
            "Peaceful protest",
        ),
        (
            "Soldiers opened fire on a peaceful march in Conakry, and two protesters were killed.",
            "Excessive force against protesters",
        ),
        (
            "Gendarmes suppressed a peaceful march of farmers in the regional capital.",
            "Protest with intervention",
        ),
        (
            "A march against the pension reform turned violent near the port of Le Havre.",
            "Violent demonstration",
        ),
        (
            "Police arrested four people at a rally in Bristol after bottles and projectiles were thrown.",
            "Violent demonstration",
        ),
        (
            "Residents protesting a land sale stormed the county offices before police dispersed them.",
            "Violent demonstration",
        ),
        ("Police fired tear gas at a rowdy crowd of traders protesting new fees.", "Violent demonstration"),
        # riot police do not make a riot, nor does "non-violent" make a protest violent
        (
            "Riot police chased marchers through the old town after the rally against the new tax.",
            "Protest with intervention",
        ),
        (
            "Three non-violent protesters died in a crackdown on the march in the capital.",
            "Excessive force against protesters",
        ),
        # held for a protest, not at one
        (
            "Police detained three student leaders on Sunday ahead of a planned march on parliament.",
            "Arrests",
        ),
        # no demonstration: rival crowds fighting are a mob, not an armed clash
        (
            "Supporters of two rival candidates clashed outside a polling station in Homa Bay, "
            "and four people were injured.",
            "Mob violence",
        ),
        (
            "Students from two secondary schools clashed with sticks after a football match in Sarh.",
            "Mob violence",
        ),
        ("Members of two political parties clashed outside a church meeting in Nyamira.", "Mob violence"),
        (
            "Supporters of one aspirant clashed with those of another at a party rally in Homa Bay.",
            "Mob violence",
        ),
        # a crowd that turns on a person is a mob, not an armed group's attack
        ("Villagers near Tororo beat to death a man they accused of stealing a goat.", "Mob violence"),
        ("Two brothers were stabbed by a group of angry mourners at a burial in Siaya.", "Mob violence"),
        (
            "An elderly woman was beaten to death over witchcraft claims in a village near Kisii.",
            "Mob violence",
        ),
        # a crowd that wrecks property riots; it does not "loot" as an armed group does
        ("Angry youths set ablaze the house of a suspected thief in Kisii.", "Mob violence"),
        (
            "Apprentices went on the rampage at a training centre, demanding their allowances.",
            "Violent demonstration",
        ),
    ],
)
def test_short_report_is_typed_by_its_most_telling_sentence(text: str, expected: str) -> None:
    guess = classify_text(text)
    assert guess is not None
    assert guess.sub_event_type == expected


def test_police_violence_is_not_crowd_violence() -> None:
    assert not crowd_violence("Police burned the stalls of the protesting hawkers and beat them with batons.")
    assert crowd_violence("Protesters burned the stalls and pelted police with stones.")


def test_farmers_and_herders_fighting_stay_an_armed_clash() -> None:
    # communal militias are organised armed groups
    text = "Farmers and herders clashed over grazing land near Mongo; three people were killed."
    assert unrest_type("Armed clash", text) == "Armed clash"


def test_other_types_pass_through() -> None:
    text = "Protesters burned tyres after an air strike."
    assert unrest_type("Air/drone strike", text) == "Air/drone strike"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people shot at the protest, or hurt by the forces policing it: excessive force
        (
            "A schoolboy was shot dead during the fuel protests in Kericho.",
            "Excessive force against protesters",
        ),
        (
            "Traders marched in Garoua against new market fees. Four were wounded by the police.",
            "Excessive force against protesters",
        ),
        (
            "Police open fire on largely peaceful teachers' demonstrations in two towns.",
            "Excessive force against protesters",
        ),
        # a protest over an earlier killing by the police is not itself met with force
        (
            "Relatives marched in Moyale to demand justice for a boy who was shot by police last month.",
            "Peaceful protest",
        ),
    ],
)
def test_protesters_harmed_by_the_forces(text: str, expected: str) -> None:
    guess = classify_text(text)
    assert guess is not None and guess.sub_event_type == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rioting with no demonstration and no grievance voiced: a mob
        ("Rioters torched two minibuses on the bypass in Kisii overnight.", "Mob violence"),
        ("Youths pelted traffic officers with stones at a roundabout in Nakuru.", "Mob violence"),
        # students rioting at their school are protesting against it
        ("Pupils at a boarding school in Nyeri rioted and burnt a dormitory.", "Violent demonstration"),
    ],
)
def test_a_riot_without_a_demonstration_is_a_mob(text: str, expected: str) -> None:
    guess = classify_text(text)
    assert guess is not None and guess.sub_event_type == expected


def test_mourners_burning_property_are_a_mob() -> None:
    guess = classify_text("Mourners set a house, car and crops alight after the burial in Londiani.")
    assert guess is not None and guess.sub_event_type == "Mob violence"


@pytest.mark.parametrize(
    "text",
    [
        "Party supporters rioted in Kisii when the results of the nomination were announced.",
        "Voters at two polling stations in Homa Bay rioted because the ballot papers had run out.",
    ],
)
def test_a_riot_in_reaction_to_a_decision_is_a_demonstration(text: str) -> None:
    guess = classify_text(text)
    assert guess is not None and guess.sub_event_type == "Violent demonstration"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the arrest a protest is about is no intervention
        (
            "Residents of Voi marched to the police station to protest against the arrest of their MCA.",
            "Peaceful protest",
        ),
        (
            "Riders marched in Bungoma, demanding the release of a colleague who was arrested on Monday.",
            "Peaceful protest",
        ),
        # arrests at the protest are
        (
            "Nurses demonstrated outside the hospital in Nyeri. Two of their officials were arrested.",
            "Protest with intervention",
        ),
        (
            "Students protested over fees at the college in Eldoret, and police arrested six of them.",
            "Protest with intervention",
        ),
    ],
)
def test_arrests_at_a_protest_or_about_it(text: str, expected: str) -> None:
    guess = classify_text(text)
    assert guess is not None and guess.sub_event_type == expected


@pytest.mark.parametrize(
    "text",
    [
        "Students demonstrated at the polytechnic in Kisumu over fees. Several windows were smashed.",
        "Traders protested in Kitale over new levies; the protest led to destruction of property.",
        "Cleaners protested unpaid wages in Homa Bay by dumping garbage outside the county offices.",
        "Police battled protesters in the town centre of Migori on Tuesday.",
    ],
)
def test_damage_or_violence_without_its_subject_makes_a_violent_demonstration(text: str) -> None:
    guess = classify_text(text)
    assert guess is not None and guess.sub_event_type == "Violent demonstration"


@pytest.mark.parametrize(
    "text",
    [
        "Villagers demonstrated in Molo over recent ethnic clashes in the valley.",
        "Residents protested in Voi over a bridge that was destroyed by floods last year.",
        "Traders marched in Kisii after a stall owner was beaten by police officers.",
    ],
)
def test_the_violence_a_protest_is_about_is_not_the_crowds(text: str) -> None:
    guess = classify_text(text)
    assert guess is not None and guess.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(
    "text",
    [
        "Twelve houses were torched in two villages near Kakamega after claims of witchcraft.",
        "Pupils burn their dormitory in Kisii to avoid the mock exams. Ten were arrested the next day.",
    ],
)
def test_property_burnt_by_a_crowd_or_over_witchcraft_is_mob_violence(text: str) -> None:
    guess = classify_text(text)
    assert guess is not None and guess.sub_event_type == "Mob violence"


@pytest.mark.parametrize(
    "text",
    [
        "Three marchers were seriously injured as police tried to disperse a fuel protest in Thika.",
        "A boy was injured in the head by police during a protest against the tallying in Kisumu.",
    ],
)
def test_serious_harm_while_dispersing_a_protest_is_excessive_force(text: str) -> None:
    guess = classify_text(text)
    assert guess is not None and guess.sub_event_type == "Excessive force against protesters"


@pytest.mark.parametrize(
    "text",
    [
        "Inmates staged a demonstration over food at the prison in Kitale, which turned into a prison break.",
        "Traders protested in Kisii on Monday. The protest became violent in the afternoon.",
        "Two men were shot during violent fuel price demonstrations in Embu.",
        "Angry demonstrators in Matuu ambushed a county official.",
    ],
)
def test_more_signs_of_a_violent_demonstration(text: str) -> None:
    guess = classify_text(text)
    assert guess is not None and guess.sub_event_type == "Violent demonstration"


def test_forces_that_violently_dispersed_a_protest_are_no_violent_crowd() -> None:
    text = (
        "Several people were hurt after security forces violently dispersed a protest in the northern port."
    )
    guess = classify_text(text)
    assert guess is not None and guess.sub_event_type != "Violent demonstration"
