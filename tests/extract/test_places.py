"""Place extraction on invented sentences: matching, resolution, event locations, descriptions."""

from __future__ import annotations

import pytest

from sitrep.config import Settings, load_settings
from sitrep.extract.gazetteer import Gazetteer, load_gazetteer
from sitrep.extract.places import find_places
from sitrep.model import Article, PlaceMention


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    import os

    settings: Settings = load_settings(env={k: v for k, v in os.environ.items() if k == "SITREP_CACHE_DIR"})
    return load_gazetteer(settings)


def places(text: str, gaz: Gazetteer) -> list[PlaceMention]:
    article = Article(id="t", text=text)
    found = find_places(article, gaz)
    for m in found:  # every span slices the original text exactly
        assert text[m.span.start : m.span.end] == m.span.text
        if m.description_span is not None:
            assert text[m.description_span.start : m.description_span.end] == m.description_span.text
    return found


def by_text(found: list[PlaceMention], surface: str) -> PlaceMention:
    return next(m for m in found if m.span.text == surface)


def test_northern_iraqi_town_with_description_and_event_flag(gaz: Gazetteer) -> None:
    text = (
        "Gunmen opened fire in the northern Iraqi town of Tuz Khurmatu late on Tuesday, "
        "wounding four guards, a local council member told reporters."
    )
    found = places(text, gaz)
    town = by_text(found, "Tuz Khurmatu")
    assert town.place is not None and town.place.country == "IQ"
    assert town.is_event_location
    assert town.description == "north IQ"
    assert town.description_span is not None and town.description_span.text == "northern Iraqi"
    adjective = by_text(found, "Iraqi")
    assert adjective.place is not None and adjective.place.feature == "country"
    assert not adjective.is_event_location


def test_southern_city_description(gaz: Gazetteer) -> None:
    found = places("Crowds gathered in the southern Iraqi city of Basra to protest power cuts.", gaz)
    basra = by_text(found, "Basra")
    assert basra.place is not None and basra.place.country == "IQ"
    assert basra.description == "south IQ"
    assert basra.is_event_location


def test_place_in_direction_of_country(gaz: Gazetteer) -> None:
    found = places("A roadside bomb exploded near a market in Mosul in northern Iraq, police said.", gaz)
    mosul = by_text(found, "Mosul")
    assert mosul.description == "north IQ" and mosul.is_event_location
    assert mosul.description_span is not None and mosul.description_span.text == "northern Iraq"
    iraq = by_text(found, "Iraq")
    assert not iraq.is_event_location  # a finer place exists


def test_facility_described_by_apposition(gaz: Gazetteer) -> None:
    text = "Three rockets struck the K-1 air base, a military compound in northern Iraq, before dawn."
    found = places(text, gaz)
    base = by_text(found, "K-1 air base")
    assert base.place is not None and base.place.feature == "facility"
    assert base.place.admin1 == "Kirkuk"
    assert base.is_event_location and base.description == "north IQ"


def test_facility_aliases_beat_cities(gaz: Gazetteer) -> None:
    found = places("Drones targeted Al-Asad air base and the K1 base in separate raids.", gaz)
    names = {m.place.gazetteer_id for m in found if m.place}
    assert {"sitrep:al-asad-air-base", "sitrep:k-1-air-base"} <= names


def test_dateline_is_the_event_location(gaz: Gazetteer) -> None:
    found = places("KIRKUK, Iraq (Wire) — A curfew was declared after the incident, officials said.", gaz)
    kirkuk = by_text(found, "KIRKUK")
    assert kirkuk.place is not None and kirkuk.place.country == "IQ" and kirkuk.is_event_location


def test_a_dateline_glued_to_a_crawled_title_is_found(gaz: Gazetteer) -> None:
    text = (
        "Clerk wounded in store robbery | Channel 7 News.comTOLEDO, Ohio (WXYZ) — A store clerk was "
        "shot in the arm during a robbery on Monday night, police said."
    )
    found = places(text, gaz)
    toledo = by_text(found, "TOLEDO")
    assert toledo.place is not None and toledo.place.country == "US" and toledo.is_event_location


def test_a_city_name_is_the_city_not_the_county_named_after_it(gaz: Gazetteer) -> None:
    text = "Milwaukee police said a driver was shot on Monday night, just south of the Glendale line."
    milwaukee = by_text(places(text, gaz), "Milwaukee")
    assert milwaukee.place is not None and milwaukee.place.feature == "city"
    county = by_text(places("Deputies of Milwaukee County found the car.", gaz), "Milwaukee County")
    assert county.place is not None and county.place.feature == "admin2"


def test_a_site_name_glued_to_the_lead_does_not_hide_its_first_word(gaz: Gazetteer) -> None:
    text = "Man hurt in shooting | channel8.comDallas police are investigating a shooting."
    dallas = by_text(places(text, gaz), "Dallas")
    assert dallas.place is not None and dallas.place.country == "US"


def test_a_station_acronym_before_a_city_does_not_make_it_a_surname(gaz: Gazetteer) -> None:
    text = "Watch more on KXYZ Dallas. Dallas police arrested a man after the shooting."
    found = [p for p in places(text, gaz) if p.name == "Dallas"]
    assert len(found) == 2 and all(p.place is not None and p.place.country == "US" for p in found)


def test_a_title_abbreviation_glued_to_a_dateline_is_a_street_not_a_doctor(gaz: Gazetteer) -> None:
    text = "Crash closes Oak Ridge Dr.RENO, Nev. (KXYZ) - Police shot a man after the crash."
    reno = by_text(places(text, gaz), "RENO")
    assert reno.place is not None and reno.place.country == "US" and reno.is_event_location
    assert not places("Dr. Reno said the patient was stable.", gaz)


def test_st_before_a_county_name_reads_as_saint(gaz: Gazetteer) -> None:
    county = by_text(
        places("Deputies in St. Lucie County found the stolen car on Friday.", gaz), "St. Lucie County"
    )
    assert county.place is not None and county.place.feature == "admin2" and county.place.country == "US"


def test_a_word_glued_before_a_bracket_is_no_first_name(gaz: Gazetteer) -> None:
    text = "Man found shot in a Parking Lot(Cincinnati, OH)--A man was shot and killed on Tuesday night."
    cincinnati = by_text(places(text, gaz), "Cincinnati")
    assert cincinnati.place is not None and cincinnati.place.country == "US"


def test_an_abbreviated_street_is_not_the_place_it_is_named_after(gaz: Gazetteer) -> None:
    found = places("He was found in the 2600 block of Montana Ave. in Cincinnati on Tuesday.", gaz)
    assert [p.name for p in found] == ["Cincinnati"]


def test_capitals_inside_an_ordinary_word_are_not_cut_off(gaz: Gazetteer) -> None:
    found = places("Protesters gathered in the streets of MosulKIRKUKian yesterday.", gaz)
    assert all(p.name != "KIRKUK" for p in found)


def test_dateline_is_only_a_fallback_when_another_town_is_the_scene(gaz: Gazetteer) -> None:
    text = (
        "MOSUL, Iraq (Wire) — Gunmen attacked a checkpoint in Tikrit on Friday night, killing two policemen."
    )
    found = places(text, gaz)
    assert by_text(found, "Tikrit").is_event_location
    assert not by_text(found, "MOSUL").is_event_location


def test_a_far_away_place_does_not_displace_the_dateline(gaz: Gazetteer) -> None:
    text = (
        "MOSUL, Iraq (Wire) — Two guards were shot dead at a checkpoint on Friday, police said. "
        "One of the victims had just returned from Toronto."
    )
    found = places(text, gaz)
    assert by_text(found, "MOSUL").is_event_location


@pytest.mark.parametrize(
    "lead",
    ["40 km south of", "about 25 kilometres (15 miles) north-west of", "east of"],
)
def test_reference_point_of_a_relative_location_is_not_the_scene(gaz: Gazetteer, lead: str) -> None:
    found = places(
        f"Fighters ambushed an army convoy on a road {lead} Kirkuk on Sunday, killing four soldiers.", gaz
    )
    kirkuk = by_text(found, "Kirkuk")
    assert kirkuk.place is not None and kirkuk.place.country == "IQ"
    assert not kirkuk.is_event_location
    # without the relative phrase the same town is the scene
    assert by_text(
        places("Fighters ambushed an army convoy in Kirkuk on Sunday.", gaz), "Kirkuk"
    ).is_event_location


def test_container_disambiguates_paris_texas(gaz: Gazetteer) -> None:
    found = places("A tornado damaged a school in Paris, Texas, on Sunday night.", gaz)
    paris = by_text(found, "Paris")
    assert paris.place is not None and (paris.place.country, paris.place.admin1) == ("US", "Texas")
    plain = by_text(places("Protesters marched through central Paris on Saturday.", gaz), "Paris")
    assert plain.place is not None and plain.place.country == "FR"


def test_document_region_disambiguates_springfield(gaz: Gazetteer) -> None:
    text = (
        "The governor of Illinois visited the state capital on Monday. "
        "Later, two men were shot outside a bar in Springfield."
    )
    spring = by_text(places(text, gaz), "Springfield")
    assert spring.place is not None and spring.place.admin1 == "Illinois"
    assert spring.is_event_location


def test_country_adjectives_count_as_their_country(gaz: Gazetteer) -> None:
    found = places("Turkish and Kenyan diplomats met their Saudi counterparts.", gaz)
    assert [m.place.country for m in found if m.place] == ["TR", "KE", "SA"]
    assert not any(m.is_event_location for m in found)


def test_abbreviations_need_capitals(gaz: Gazetteer) -> None:
    found = places("The U.S. envoy told us that the US would respond.", gaz)
    assert [m.span.text for m in found] == ["U.S.", "US"]
    assert all(m.place is not None and m.place.country == "US" for m in found)


def test_stop_words_and_people_are_not_places(gaz: Gazetteer) -> None:
    text = (
        "Police said on Friday that May had been calm. Hillary Clinton and President Jackson "
        "wrote to the Washington Post about the Street fair."
    )
    found = places(text, gaz)
    assert found == []


def test_admin1_cue_picks_the_province(gaz: Gazetteer) -> None:
    found = places("Clashes spread across Kirkuk province overnight.", gaz)
    kirkuk = by_text(found, "Kirkuk")
    assert kirkuk.place is not None and kirkuk.place.feature == "admin1"


def test_country_is_event_location_only_without_finer_place(gaz: Gazetteer) -> None:
    found = places("A suicide bomber killed nine people in Somalia on Thursday.", gaz)
    assert by_text(found, "Somalia").is_event_location


def test_small_unsupported_places_are_dropped(gaz: Gazetteer) -> None:
    # "Reed" and "Given" are tiny places somewhere; at sentence start they are just words.
    assert places("Given the risk, Reed stayed home.", gaz) == []


def test_a_city_named_outright_beats_a_capital_known_by_that_old_name(gaz: Gazetteer) -> None:
    # "Philadelphia" is also an old name of Amman; "St. Louis" also names Saint-Louis, Senegal
    found = places("Five people were shot outside a home in Philadelphia on Sunday.", gaz)
    assert by_text(found, "Philadelphia").place.country == "US"  # type: ignore[union-attr]
    found = places("A teenager was killed in a drive-by shooting in St. Louis overnight.", gaz)
    assert by_text(found, "St. Louis").place.admin1 == "Missouri"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        ("The victim was taken to Comer Children's Hospital in Chicago.", "Comer"),
        ("Staff at a Holiday Inn in Eureka called police on Tuesday.", "Holiday"),
        ("A man was stabbed and rushed to Sunrise Trauma Center in Las Vegas.", "Sunrise"),
        ("Worshippers met at the Rose of Sharon Baptist Church in Houston.", "Sharon"),
        ("Two men were shot in the 1600 block of Edmore in Detroit.", "Edmore"),
        ('"We heard shots," said Brenda Jones, who lives in Sacramento.', "Brenda"),
        ("Police spokesman Marcus Hines said no one was arrested in Tulsa.", "Marcus"),
        ("Detective Michael Wright said the gunman fled Miami Gardens.", "Wright"),
        ("A man was killed at Holladay Park in Portland, Oregon.", "Holladay"),
        ("Leon Hamlin, 26, remains in hospital in Baltimore.", "Leon"),
        ("Two men were shot on the East Side of San Antonio on Tuesday.", "East Side"),
        ("A gunman stood in the doorway of Maynard's Cafe in Baltimore on Sunday night.", "Maynard"),
        ("An 18-year-old, Tyler Presley, was hit by buckshot while hunting in Baldwin County.", "Tyler"),
    ],
)
def test_landmarks_streets_and_people_named_after_towns_are_not_places(
    gaz: Gazetteer, text: str, not_a_place: str
) -> None:
    found = places(text, gaz)
    assert all(p.span.text != not_a_place for p in found)
    assert found, "the real town of the sentence is still found"


def test_the_town_of_the_hospital_a_victim_was_taken_to_is_not_the_scene(gaz: Gazetteer) -> None:
    text = "A boy was shot near his home in Roseland and was taken to a hospital in Oak Lawn, where he died."
    found = places(text, gaz)
    assert not by_text(found, "Oak Lawn").is_event_location


def test_a_part_of_the_town_between_preposition_and_name_keeps_it_the_scene(gaz: Gazetteer) -> None:
    for text in (
        "Three men were wounded by gunfire at a party in northwest Houston early on Sunday.",
        "A clerk was shot during a robbery attempt in north Philadelphia on Friday night.",
    ):
        found = [m for m in places(text, gaz) if m.place is not None and m.place.feature == "city"]
        assert found and found[0].is_event_location, text
    # a capitalised direction opens a name of its own: the South Side is no town called Side
    found = places("Two men were shot on the South Side late on Saturday, Chicago police said.", gaz)
    assert [m.name for m in found if m.place is not None and m.place.feature == "city"] == ["Chicago"]


def test_a_street_corner_is_no_town(gaz: Gazetteer) -> None:
    text = (
        "San Francisco police said a cab driver was shot near Fillmore and Turk streets. "
        "A second shooting happened at Southwest 74th and Penn."
    )
    names = {m.name for m in places(text, gaz)}
    assert "San Francisco" in names and not names & {"Fillmore", "Penn"}


def test_the_towns_a_road_is_named_after_are_not_the_scene(gaz: Gazetteer) -> None:
    text = "Residents protesting water cuts blocked the traffic on the Nairobi-Mombasa highway at Emali."
    found = places(text, gaz)
    assert by_text(found, "Emali").is_event_location
    assert not by_text(found, "Nairobi").is_event_location
    assert not by_text(found, "Mombasa").is_event_location


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Students of Garissa High School set fire to a dormitory on Monday.", "Garissa"),
        ("Lecturers at the University of Nairobi went on strike over pay.", "Nairobi"),
    ],
)
def test_an_institution_named_after_its_town_places_the_story_there(
    gaz: Gazetteer, text: str, town: str
) -> None:
    assert [p.span.text for p in places(text, gaz)] == [town]


@pytest.mark.parametrize(
    ("text", "town", "state"),
    [
        ("Orangeburg man shot while hunting on Saturday morning.", "Orangeburg", "South Carolina"),
        ("Two Blytheville teens were charged on Monday.", "Blytheville", "Arkansas"),
    ],
)
def test_a_small_town_modifying_its_residents_is_kept(
    gaz: Gazetteer, text: str, town: str, state: str
) -> None:
    found = by_text(places(text, gaz), town)
    assert found.place is not None and found.place.admin1 == state


def test_a_region_opening_a_landmark_name_is_no_place_of_the_story(gaz: Gazetteer) -> None:
    text = "Five people died in the Cascade Mall shooting in Burlington, Washington, on Friday night."
    assert all(p.span.text != "Cascade" for p in places(text, gaz))
