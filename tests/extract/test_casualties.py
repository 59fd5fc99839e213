"""Tests for sitrep.extract.casualties: killed and injured counts."""

from __future__ import annotations

import pytest

from sitrep.extract.casualties import combine_counts, find_counts, parse_quantity
from sitrep.model import Article, CountMention, Span

Counts = dict[str, tuple[int | None, int | None]]


def _counts(text: str) -> list[CountMention]:
    return find_counts(Article(id="t", text=text))


def _combined(text: str) -> Counts:
    found = _counts(text)
    return {kind: combine_counts(found, kind) for kind in ("killed", "injured")}


def _kinds(text: str) -> list[tuple[str, int | None, int | None]]:
    return [(c.kind, c.low, c.high) for c in _counts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # object side, a/an + singular noun = 1
        ("A drone strike on the convoy killed an American contractor.", [("killed", 1, 1)]),
        ("The shells landed in the market, killing three civilians.", [("killed", 3, 3)]),
        ("The blast killed 3 and injured 7 near the gate.", [("killed", 3, 3), ("injured", 7, 7)]),
        ("The mob wounded dozens of marchers.", [("injured", 24, None)]),
        # subject side and passive
        ("Two people were shot dead outside a cafe.", [("killed", 2, 2)]),
        ("5 found dead in a burned barn.", [("killed", 5, 5)]),
        ("A man was fatally shot on Birch Lane.", [("killed", 1, 1)]),
        ("Three were killed and two others were wounded.", [("killed", 3, 3), ("injured", 2, 2)]),
        ("Twenty-three villagers died in the flood of fire.", [("killed", 23, 23)]),
        ("Eleven pilgrims have been hospitalised.", [("injured", 11, 11)]),
        ("A 9-year-old was in critical condition on Tuesday.", [("injured", 1, 1)]),
        ("A man aged 61 was treated for burns.", [("injured", 1, 1)]),
        ("Lena Marsh, 34, was shot and killed at her door.", [("killed", 1, 1)]),
        ("The guard died at the scene.", [("killed", 1, 1)]),
        # leaving / tolls
        ("The ambush left two dead and four wounded.", [("killed", 2, 2), ("injured", 4, 4)]),
        ("By evening the death toll rose to 12.", [("killed", 12, 12)]),
        ("Medics reported 14 deaths and 30 injuries.", [("killed", 14, 14), ("injured", 30, 30)]),
        ("The bodies of four men were found in a ditch.", [("killed", 4, 4)]),
        ("Five people lost their lives in the crash.", [("killed", 5, 5)]),
        # one victim, shot then dead: no injured left over
        ("The toddler who accidentally shot himself on Monday has died.", [("killed", 1, 1)]),
        (
            "A 3-year-old girl fatally shot herself at home. Her mother said the girl had shot herself"
            " with a pistol left on a bed.",
            [("killed", 1, 1)],
        ),
        # a victim named by age only, as object; an age written with spaces
        ("The crossfire injured 11-year-old Dara Quinn outside her school.", [("injured", 1, 1)]),
        ("A 15 year old was wounded near the bus stop.", [("injured", 1, 1)]),
        ("A stray bullet grazed a 6-year-old boy in his bedroom.", [("injured", 1, 1)]),
        # injuries are injuries; a gunshot wound only says who was shot; a fatal one is a death
        ("The driver suffered minor injuries in the attack.", [("injured", 1, 1)]),
        ("Officers found a teenager suffering from a gunshot wound.", [("injured", 1, 1)]),
        (
            "Officers found two men suffering from gunshot wounds. One of them died at the hospital.",
            [("injured", 1, 1), ("killed", 1, 1)],
        ),
        ("A 30-year-old woman suffered a fatal gunshot wound.", [("killed", 1, 1)]),
        # more ways to say one person died
        ("A hunting accident claimed the life of 12-year-old Lee Park.", [("killed", 1, 1)]),
        ("The girl was taken off life support and passed away on Monday.", [("killed", 1, 1)]),
        ("A driver, Omar Diaz, was shot several times and died at a hospital.", [("killed", 1, 1)]),
        ("Police ruled the shooting death an accident.", [("killed", 1, 1)]),
        ("A 15-month-old was found dead in the car.", [("killed", 1, 1)]),
        ("The robbery suspect fled and then kills himself, police said.", [("killed", 1, 1)]),
        ("Two injured, 1 dead after a party shooting.", [("injured", 2, 2), ("killed", 1, 1)]),
        # the number counts the attackers, not the victims
        ("Two gunmen killed a shopkeeper.", [("killed", 1, 1)]),
        # victims of an active verb "to death"; dying of one's injuries; a single fatality
        ("A crowd beat a suspected thief to death in the market.", [("killed", 1, 1)]),
        ("Gunmen shot two guards to death at the gate.", [("killed", 2, 2)]),
        ("The gendarme succumbed to his injuries on Friday.", [("killed", 1, 1)]),
        ("One fatality was reported after the clash.", [("killed", 1, 1)]),
        ("Soldiers killed a gendarme and three civilians.", [("killed", 4, 4)]),
        # a lynching kills; victims named with "the"; a death after other violence
        ("A vigilante mob lynched a suspected thief at the market.", [("killed", 1, 1)]),
        ("Villagers stoned to death a suspected robber.", [("killed", 1, 1)]),
        ("Gunmen shot dead the deputy governor outside his house.", [("killed", 1, 1)]),
        ("A teacher was abducted and killed by unknown men.", [("killed", 1, 1)]),
        ("A rider was fatally assaulted by police.", [("killed", 1, 1)]),
        # "members of ...", "reported to have died", a missing space after a full stop, "N of the X"
        ("Three members of the same family were killed in the raid.", [("killed", 3, 3)]),
        ("Two people were reported to have died in the clash.", [("killed", 2, 2)]),
        ("Fighting broke out at dawn.Three people died in the clash.", [("killed", 3, 3)]),
        ("Two of the suspects were killed in the exchange.", [("killed", 2, 2)]),
        ("Police shot dead a matatu (minibus) tout in the city.", [("killed", 1, 1)]),
        # bodies found, tolls given as a range, "N of them/those X", "shot N of the X dead"
        ("The body of the missing activist was found in a forest.", [("killed", 1, 1)]),
        ("Reports on fatalities range from 8 to 13.", [("killed", 8, 13)]),
        ("Three of those arrested were later found dead.", [("killed", 3, 3)]),
        ("Police returned fire and killed two of them.", [("killed", 2, 2)]),
        ("Police shot four of the robbers dead.", [("killed", 4, 4)]),
        ("The crowd beat up two men to death.", [("killed", 2, 2)]),
        # sent to hospital; a person named before a participle; found with a gunshot wound
        ("The overnight shooting sent two men to the hospital.", [("injured", 2, 2)]),
        ("A Marion-area man, shot by deputies on Sunday, remained in hospital.", [("injured", 1, 1)]),
        ("Deputies found 32-year-old Ray Cole with a gunshot wound to the leg.", [("injured", 1, 1)]),
        # a place or a time between subject and verb; present tense; "assassinated"; "shooting him dead"
        ("5 people in Ruaraka were shot dead overnight.", [("killed", 5, 5)]),
        ("Two policemen were Friday afternoon shot dead on patrol.", [("killed", 2, 2)]),
        ("Two people die in clashes with police.", [("killed", 2, 2)]),
        ("A priest was assassinated near the market.", [("killed", 1, 1)]),
        ("The gunmen demanded money before shooting him dead.", [("killed", 1, 1)]),
        # a new clause's subject is no part of the previous verb's list of victims
        (
            "Militants attacked the post, killing four soldiers and wounding two others, six militants"
            " were also killed.",
            [("killed", 4, 4), ("injured", 2, 2), ("killed", 6, 6)],
        ),
        # a coded figure stated in the report; victims among someone's people; a count after a clause
        ("Unknown fatalities coded as 10.", [("killed", 10, 10)]),
        ("An officer shot dead two of his colleagues at the post.", [("killed", 2, 2)]),
        ("Six houses destroyed, 1 killed and 1 injured.", [("killed", 1, 1), ("injured", 1, 1)]),
        # a number is no modifier of another count ("25 Aug. Five people"); an age is
        ("25 Aug. Five people were killed in an attack on the village.", [("killed", 5, 5)]),
        ("Flowers rest at a house where eight people were killed.", [("killed", 8, 8)]),
        ("Police killed a 17 years old man in the raid.", [("killed", 1, 1)]),
        ("A form four student was killed in the clashes.", [("killed", 1, 1)]),
        # an adverb keeps the verb active: the two men are the shooters
        ("Two men reportedly shot a cashier at the store.", [("injured", 1, 1)]),
    ],
)
def test_counts(text: str, expected: list[tuple[str, int | None, int | None]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "kind", "low", "high"),
    [
        ("At least 30 people were killed in the raid.", "killed", 30, None),
        ("More than a dozen recruits were wounded.", "injured", 13, None),
        ("Several farmers were hurt.", "injured", 2, 9),
        ("A few guards were injured.", "injured", 2, 5),
        ("Dozens of students were injured.", "injured", 24, None),
        ("Hundreds of people were wounded.", "injured", 200, 999),
        ("Scores of people were killed.", "killed", 40, None),
        ("Many residents were killed.", "killed", 2, None),
        ("Nearly 40 people were injured.", "injured", 36, 39),
        ("Up to 15 miners died underground.", "killed", 1, 15),
        ("Some 20 herders were killed.", "killed", 20, 20),
        ("Medics cared for wounded service members at the airfield.", "injured", 1, None),
    ],
)
def test_vague_quantities_become_ranges(text: str, kind: str, low: int, high: int | None) -> None:
    assert _kinds(text) == [(kind, low, high)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("No one was hurt in the fire.", "injured"),
        ("Nobody was killed.", "killed"),
        ("There were no injuries, the mayor said.", "injured"),
    ],
)
def test_explicit_zero(text: str, kind: str) -> None:
    assert _kinds(text) == [(kind, 0, 0)]


def test_no_casualties_means_zero_of_both() -> None:
    assert _combined("The shell hit an empty field without causing casualties.") == {
        "killed": (0, 0),
        "injured": (0, 0),
    }


def test_shot_total_minus_fatally_shot_gives_injured() -> None:
    text = "Five teenagers were shot at the park, one fatally."
    assert _combined(text) == {"killed": (1, 1), "injured": (4, 4)}


def test_shot_without_deaths_counts_as_injured() -> None:
    assert _combined("Three people were shot at a party on Saturday.") == {
        "killed": (None, None),
        "injured": (3, 3),
    }


def test_shot_and_explicit_injured_are_not_summed() -> None:
    text = "Four people were shot on Main Street. A 19-year-old was listed in critical condition."
    assert _combined(text)["injured"] == (4, 4)


@pytest.mark.parametrize(
    "text",
    [
        "A 12-year-old boy's bicycle was stolen.",  # an age is not a count
        "Thirty rockets hit the base and four vehicles were damaged.",  # things, not people
        "One of the victims was identified as a teacher.",
        "The attack began at 10:45 and 2019 was a bad year.",  # times and years
        "The other victims, ages 13, 17 and 19, were treated and released.",
        "The militants threatened to kill two hostages.",
        "He was the first person to be hurt, and the 2nd officer left.",  # ordinals
        "The reward of $5,000 was paid to 3 informants.",
        "Two officers were not injured.",
        "The crowd nearly lynched the driver before police arrived.",
        "Residents threatened to lynch the suspect.",
        "The body of evidence was found compelling.",
        "Police sent a team to the hospital.",
        "He said he would rather die than surrender.",
        "A doctor said two of the wounded were in critical condition.",  # already counted
    ],
)
def test_non_counts(text: str) -> None:
    assert _kinds(text) == []


def test_age_of_a_single_victim_is_not_the_count() -> None:
    assert _kinds("A 12-year-old was wounded by a stray bullet.") == [("injured", 1, 1)]


def test_hedged_counts() -> None:
    hedged = _counts("The strike reportedly killed four soldiers.")
    plain = _counts("The strike killed four soldiers.")
    assert [c.hedged for c in hedged] == [True]
    assert [c.hedged for c in plain] == [False]


def test_firm_count_beats_a_hedged_one_in_the_same_sentence() -> None:
    text = "The bombing killed 40 people, officials said, though unconfirmed reports put the toll at 60."
    assert [(c.low, c.hedged) for c in _counts(text)] == [(40, False), (60, True)]
    assert _combined(text)["killed"] == (40, 40)


def test_spans_point_into_the_original_text() -> None:
    text = "Early reports differ. Three people were killed when the roof fell."
    (mention,) = _counts(text)
    assert mention.span.text == "Three people were killed"
    assert text[mention.span.start : mention.span.end] == mention.span.text


# ---------------------------------------------------------------- parse_quantity


@pytest.mark.parametrize(
    ("num", "mod", "expected"),
    [
        ("three", None, (3, 3)),
        ("twenty-three", None, (23, 23)),
        ("1,200", None, (1200, 1200)),
        ("a dozen", "more than", (13, None)),
        ("30", "at least", (30, None)),
        ("30", "more than", (31, None)),
        ("several", None, (2, 9)),
        ("2019", None, None),
    ],
)
def test_parse_quantity(num: str, mod: str | None, expected: tuple[int | None, int | None] | None) -> None:
    assert parse_quantity(num, mod) == expected


# ---------------------------------------------------------------- combine_counts

_SPAN = Span(0, 1, "x")


def _m(low: int | None, high: int | None, kind: str = "killed", hedged: bool = False) -> CountMention:
    return CountMention(_SPAN, kind, low, high, hedged)


def test_combine_takes_the_largest_exact_count_without_summing() -> None:
    assert combine_counts([_m(2, 2), _m(3, 3), _m(2, 2)], "killed") == (3, 3)


def test_combine_exact_wins_over_a_containing_range() -> None:
    assert combine_counts([_m(24, None), _m(30, 30)], "killed") == (30, 30)
    assert combine_counts([_m(2, 9), _m(4, 4)], "killed") == (4, 4)


def test_combine_range_above_the_exact_widens_it() -> None:
    assert combine_counts([_m(3, 3), _m(10, None)], "killed") == (3, None)
    assert combine_counts([_m(3, 3), _m(5, 9)], "killed") == (3, 9)


def test_combine_ranges_intersect_or_the_larger_wins() -> None:
    assert combine_counts([_m(2, 9), _m(5, None)], "killed") == (5, 9)
    assert combine_counts([_m(2, 5), _m(24, None)], "killed") == (24, None)


def test_combine_prefers_unhedged_mentions_and_filters_by_kind() -> None:
    assert combine_counts([_m(50, 50, hedged=True), _m(3, 3)], "killed") == (3, 3)
    assert combine_counts([_m(50, 50, hedged=True)], "killed") == (50, 50)
    assert combine_counts([_m(4, 4, kind="injured")], "killed") == (None, None)
    assert combine_counts([], "injured") == (None, None)


def test_combine_zero_and_a_positive_count() -> None:
    # "No one else was hurt" next to "a guard was wounded": the positive count stands.
    assert combine_counts([_m(0, 0, "injured"), _m(1, 1, "injured")], "injured") == (1, 1)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # victims listed after one verb are summed, not the largest number kept
        ("The raiders killed two herders and three traders at the well.", (5, 5), (None, None)),
        ("He killed his wife and two children at the farm.", (3, 3), (None, None)),
        # ... but a speaker after a comma is no victim
        ("The bombing killed 40 people, officials said.", (40, 40), (None, None)),
        # the attacker who killed himself is one more death, however often it is repeated
        ("The gunman killed his wife and two sons before he killed himself.", (4, 4), (None, None)),
        (
            "A man shot three patrons at a bar and then took his own life. He killed himself outside.",
            (1, 1),
            (3, 3),
        ),
        ("The clerk shot herself in the hand.", (None, None), (1, 1)),
        # passive verbs with "found"/"reported", a full name as the subject, fatal active verbs
        ("Several soldiers were reported killed.", (2, 9), (None, None)),
        ("Lena Okafor was found shot and killed inside the home.", (1, 1), (None, None)),
        ("A neighbour is accused of fatally shooting a delivery driver.", (1, 1), (None, None)),
        ("Two men shot and killed him outside the store.", (1, 1), (None, None)),
    ],
)
def test_victim_lists_reflexives_and_names(
    text: str, killed: tuple[int | None, int | None], injured: tuple[int | None, int | None]
) -> None:
    assert _combined(text) == {"killed": killed, "injured": injured}


def test_a_headline_victim_shot_who_then_died_is_killed_not_injured() -> None:
    assert _combined("Teen shot outside mall dies; suspect held.") == {
        "killed": (1, 1),
        "injured": (None, None),
    }


def test_the_person_who_shot_is_the_shooter_not_a_victim() -> None:
    assert _counts("Deputies are searching for the man who shot at a patrol car.") == []
    assert _kinds("The man who was shot is in stable condition.") == [("injured", 1, 1)]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # different victim groups in one incident are different people: summed
        (
            "Raiders killed four soldiers near the well. Later, six militants were killed in the pursuit.",
            (10, 10),
        ),
        ("Two police officers and one civilian were killed in the ambush.", (3, 3)),
        # a count of people in general that covers the groups is not added to them
        ("Three people were killed, two soldiers and a civilian.", (3, 3)),
        ("Five people died in the raid. Two of them were soldiers.", (5, 5)),
        # a group only said to have lost some adds no number
        ("Nine soldiers were killed in the raid; attackers were killed too.", (9, 9)),
        ("The attackers killed two vigilantes at the roadblock.", (2, 2)),
        # the same group told twice is counted once
        ("Gunmen killed three villagers. The three villagers were killed near the river.", (3, 3)),
    ],
)
def test_victim_groups(text: str, killed: tuple[int | None, int | None]) -> None:
    assert _combined(text)["killed"] == killed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Teenager shot, killed outside corner store", {"killed": (1, 1), "injured": (None, None)}),
        (
            "A toddler in Greenfield died on Friday after a gun went off.",
            {"killed": (1, 1), "injured": (None, None)},
        ),
        (
            "A man was found with a gunshot wound on Tuesday night.",
            {"killed": (None, None), "injured": (1, 1)},
        ),
        (
            "Dana Reyes was fatally injured after shots were fired.",
            {"killed": (1, 1), "injured": (None, None)},
        ),
        ("Deputies identify 3 dead, 1 hurt in riverside shooting", {"killed": (3, 3), "injured": (1, 1)}),
        ("Teen killed, another wounded in late-night shooting", {"killed": (1, 1), "injured": (1, 1)}),
        ("Police said a 16-year-old male was shot in the leg.", {"killed": (None, None), "injured": (1, 1)}),
        ("Man cleaning gun accidentally shoots self", {"killed": (None, None), "injured": (1, 1)}),
        (
            "A man shot and killed his 3-year-old daughter before turning the gun on himself.",
            {"killed": (2, 2), "injured": (None, None)},
        ),
        (
            "Police charged a neighbour over the fatal shooting of Dana Reyes on Elm Street.",
            {"killed": (1, 1), "injured": (None, None)},
        ),
        (
            "Two men were found with gunshot wounds, and one of them died.",
            {"killed": (1, 1), "injured": (1, 1)},
        ),
    ],
)
def test_headline_tolls_wounds_and_a_place_between_victim_and_verb(text: str, expected: Counts) -> None:
    assert _combined(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause or a phrase between the victims and their verb
        ("Three men who robbed a grocery in Tamsk were beaten and lynched by a crowd.", [("killed", 3, 3)]),
        ("A nurse at the district clinic, was shot dead on her way home.", [("killed", 1, 1)]),
        ("Four rangers escorting a supply truck have been killed near the river.", [("killed", 4, 4)]),
        ("A trader released on bail last week is lynched in Doro market.", [("killed", 1, 1)]),
        # a victim noun in quotation marks
        ("The rebels say they killed 3 'informers' near the well.", [("killed", 3, 3)]),
        ("A suspected 'smuggler' was shot dead at the checkpoint.", [("killed", 1, 1)]),
        # a number word after a comma starts a clause; a digit there is an age
        ("Two herders were seized. One managed to flee, one was executed in the bush.", [("killed", 1, 1)]),
        # the lower end of a range of two numbers
        ("Between 4 and 9 guards were killed at the depot.", [("killed", 4, 9)]),
        ("Accounts ranging from two to five deaths were given.", [("killed", 2, 5)]),
        # more person nouns in victim lists; an appositive is the same person
        ("Gunmen shot dead a village elder and his bodyguard at the gate.", [("killed", 2, 2)]),
        ("A bomb hit the bus, killing three soldiers and a cameraman.", [("killed", 4, 4)]),
        (
            "Raiders seized two traders after killing their bodyguard, a retired policeman.",
            [("killed", 1, 1)],
        ),
        ("The men killed two guards, a driver and a clerk.", [("killed", 4, 4)]),
        ("The gang decapitated two farmers near the ridge.", [("killed", 2, 2)]),
    ],
)
def test_gapped_subjects_quoted_nouns_ranges_and_lists(
    text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The governor dismissed reports that 12 people were shot dead in the raid.",
        "An early report said a guard was killed, but this was later refuted by the army.",
        "The militia said eight soldiers were killed. The claim could not be independently verified.",
        "According to the rebels, 20 troops died, however, this could not be verified.",
    ],
)
def test_a_dismissed_refuted_or_unverified_count_is_withdrawn(text: str) -> None:
    assert [c for c in _counts(text) if c.kind == "killed"] == []


def test_a_denial_of_something_else_keeps_the_count() -> None:
    text = "Two guards were killed at the gate, though the ministry denied the attack was planned."
    assert _kinds(text) == [("killed", 2, 2)]
    assert _kinds("A man who shot two people was denied bail on Monday.") == [("injured", 2, 2)]


def test_a_sides_own_claim_yields_to_the_reported_toll() -> None:
    text = "A roadside bomb killed 6 soldiers near Dara. The rebels claim 20 fatalities."
    assert _combined(text)["killed"] == (6, 6)
    assert _combined("The rebels claim to have killed 20 soldiers near Dara.")["killed"] == (20, 20)


def test_none_of_the_others_is_no_count() -> None:
    text = "A guard was wounded. None of the other six people inside the bank were injured."
    assert _kinds(text) == [("injured", 1, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Girl on life support after being shot in the neck dies", [("killed", 1, 1)]),
        ("Woman wounded in Tuesday shooting dies", [("killed", 1, 1)]),
        ("One of three men shot outside a bar dies", [("injured", 2, 2), ("killed", 1, 1)]),
        ("A 5-year-old boy fatally shoots himself at home", [("killed", 1, 1)]),
    ],
)
def test_a_victim_wounded_who_then_died(
    text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert _kinds(text) == expected


def test_the_injured_derived_from_the_people_shot_sit_at_each_mention_of_them() -> None:
    text = "Girl shot in Elm Park\nA girl was shot in the arm on Sunday in Elm Park, police said."
    derived = [c for c in _counts(text) if c.kind == "injured"]
    assert [(c.low, c.high) for c in derived] == [(1, 1), (1, 1)]
    assert [c.span.text for c in derived] == ["Girl shot", "A girl was shot"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels raided the post; the guard and a driver were killed in the fighting.", [("killed", 2, 2)]),
        ("Guards fired back, shooting dead three of the robbers.", [("killed", 3, 3)]),
        ("At least nine Turkana were killed in the raid.", [("killed", 9, None)]),
        ("Troops killed five al Qaeda after an ambush.", [("killed", 5, 5)]),
        ("Two soldiers and one KDF were killed.", [("killed", 3, 3)]),
        ("The gunmen killed two Saturday in the market.", [("killed", 2, 2)]),
    ],
)
def test_pairs_of_the_group_and_group_names(
    text: str, expected: list[tuple[str, int | None, int | None]]
) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Parents protested at the school gate. A few days before, a wall collapsed killing six pupils.",
        "The bar reopened on Friday. A year earlier, a bouncer was shot dead at the door.",
        "The depot reopened. Two weeks earlier, gunmen had shot dead two guards there.",
    ],
)
def test_counts_of_an_earlier_incident_are_left_out(text: str) -> None:
    assert [c for c in _counts(text) if c.kind == "killed" or c.kind == "injured"] == []


def test_a_count_reported_a_week_later_is_kept() -> None:
    assert _kinds("A boy who died in Flint last week had found a loaded gun.") == [("killed", 1, 1)]


def test_what_could_have_happened_is_no_count() -> None:
    assert _kinds("It could easily have killed her, the officer said.") == []
    assert _kinds("A ricochet might have killed two people in the queue.") == []


def test_a_predicate_noun_is_not_the_subject() -> None:
    found = _counts("A man suspected of being a poacher was lynched by villagers.")
    assert [(c.kind, c.low, c.span.text) for c in found] == [
        ("killed", 1, "A man suspected of being a poacher was lynched")
    ]


def test_no_one_shot_is_zero_not_one() -> None:
    assert _kinds("Police said no one has been shot so far.") == [("injured", 0, 0)]
