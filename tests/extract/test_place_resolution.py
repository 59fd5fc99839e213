"""Resolution with document evidence: states, counties, nearby towns, false friends abroad, region points."""

from __future__ import annotations

import os

import pytest

from sitrep.config import load_settings
from sitrep.extract.gazetteer import Gazetteer, load_gazetteer
from sitrep.extract.places import find_places, resolve_toponyms
from sitrep.geo import box_centre, distance_km
from sitrep.model import Article, Place, PlaceMention


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    settings = load_settings(env={k: v for k, v in os.environ.items() if k == "SITREP_CACHE_DIR"})
    return load_gazetteer(settings)


def places(text: str, gaz: Gazetteer) -> list[PlaceMention]:
    return find_places(Article(id="t", text=text), gaz)


def test_given_spans_resolve_with_the_county_and_state_named_elsewhere(gaz: Gazetteer) -> None:
    text = (
        "Firefighters in Athens put out a barn fire on Sunday. "
        "The Henderson County sheriff thanked Texas crews."
    )
    start = text.index("Athens")
    (athens,) = resolve_toponyms(Article(id="t", text=text), [(start, start + 6)], gaz)
    assert athens is not None and athens.country == "US" and athens.admin1 == "Texas"
    alone = resolve_toponyms(Article(id="t", text="Athens is busy in summer."), [(0, 6)], gaz)
    assert alone[0] is not None and alone[0].country == "GR"


def test_given_span_naming_nothing_gives_none(gaz: Gazetteer) -> None:
    text = "The Zzyzxq river flooded."
    assert resolve_toponyms(Article(id="t", text=text), [(4, 10)], gaz) == [None]


def test_a_named_county_picks_the_town_inside_it(gaz: Gazetteer) -> None:
    text = "An Alexandria man was hurt in a crash on Friday, the Douglas County sheriff said."
    town = next(m for m in places(text, gaz) if m.name == "Alexandria")
    assert town.place is not None and (town.place.country, town.place.admin1) == ("US", "Minnesota")


def test_a_town_of_another_country_than_its_region_is_dropped(gaz: Gazetteer) -> None:
    found = places("A roadside bomb killed four police officers in Kiunga, Lamu on Tuesday.", gaz)
    assert all(m.place is not None and m.place.country == "KE" for m in found)
    assert any(m.name == "Lamu" for m in found)


def test_small_town_abroad_dropped_when_the_article_points_elsewhere(gaz: Gazetteer) -> None:
    text = "Chadian soldiers clashed with militants near Tourkou in northern Chad, the army said."
    found = places(text, gaz)
    assert {m.place.country for m in found if m.place is not None} == {"TD"}


def test_region_in_parentheses_after_a_village_is_found(gaz: Gazetteer) -> None:
    found = places("Militants attacked an army post near Ngouboua (Lac, Mamdi) on Friday.", gaz)
    lac = next(m for m in found if m.name == "Lac")
    assert lac.place is not None and lac.place.feature == "admin1" and lac.place.country == "TD"


def test_short_acronyms_are_not_places(gaz: Gazetteer) -> None:
    found = places("JAS militants attacked fishermen on the lake shore, Chadian officials said.", gaz)
    assert [m.name for m in found] == ["Chadian"]


def test_countries_and_regions_sit_at_their_geographic_centre(gaz: Gazetteer) -> None:
    turkey, usa = gaz.country("TR"), gaz.country("US")
    assert turkey is not None and distance_km(turkey.latitude, turkey.longitude, 39.0, 35.0) < 30
    assert usa is not None and distance_km(usa.latitude, usa.longitude, 39.76, -98.5) < 30
    texas = gaz.admin1("US", "Texas")
    assert texas is not None  # the middle of the state, not Dallas-Houston-Austin
    assert distance_km(texas.latitude, texas.longitude, 31.25, -99.25) < 120


def test_box_centre_ignores_where_people_cluster() -> None:
    pts = [(10.0, 10.0)] * 50 + [(20.0, 30.0)]
    lat, lon = box_centre(pts, trim=0.0)
    assert (lat, lon) == pytest.approx((15.0, 20.0))
    lat, lon = box_centre([(10.0, 179.0), (10.0, -179.0)])  # across the antimeridian
    assert lat == pytest.approx(10.0, abs=0.1) and abs(lon) == pytest.approx(180.0, abs=0.01)


def test_where_attackers_came_from_is_not_the_event_place(gaz: Gazetteer) -> None:
    text = "Gunmen coming from Nigeria attacked the village of Dakoro and killed three herders."
    found = places(text, gaz)
    nigeria = next(m for m in found if m.name == "Nigeria")
    assert not nigeria.is_event_location


def test_nationality_adjectives_do_not_make_local_towns_false_friends(gaz: Gazetteer) -> None:
    text = "French soldiers were ambushed near Ouallam on Tuesday, killing four."
    found = places(text, gaz)
    town = next(m for m in found if m.name == "Ouallam")
    assert town.place is not None and town.place.country == "NE" and town.is_event_location


def test_county_short_names_need_support(gaz: Gazetteer) -> None:
    assert not [
        m
        for m in places("The award went to Julie Brown and Katie Scholl this year.", gaz)
        if m.name == "Brown"
    ]
    found = places("Deputies responded to a fire in Brown on Monday, the Green Bay sheriff said.", gaz)
    assert any(m.name == "Brown" and m.place is not None and m.place.feature == "admin2" for m in found)


def test_a_country_name_means_the_country_next_to_its_capital(gaz: Gazetteer) -> None:
    text = "Health officials in Mexico City said the flu had spread across Mexico within a week."
    found = places(text, gaz)
    assert by_name(found, "Mexico City").feature == "city"
    assert by_name(found, "Mexico").feature == "country"


def by_name(found: list[PlaceMention], name: str) -> Place:
    place = next(m.place for m in found if m.name == name)
    assert place is not None
    return place


def test_a_name_shared_abroad_takes_the_town_in_the_country_the_article_is_about(gaz: Gazetteer) -> None:
    text = "A woman was shot in St. Louis on Saturday, and American officials later praised the police."
    found = [p for p in places(text, gaz) if p.span.text.startswith("St")]
    assert found and found[0].place is not None and found[0].place.country == "US"


def test_a_country_named_in_passing_does_not_make_a_home_town_a_false_friend(gaz: Gazetteer) -> None:
    # a destination, a neighbour or a modifier is not where the story is
    for text in (
        "Traders rioted in Awasi on Monday after a local activist was deported to Canada.",
        "Gunmen torched two police posts in Ijara, a raid blamed on a Somalia-based group.",
        "A U.S. patrol vehicle struck a mine near Ouallam on Friday.",
    ):
        found = {m.name for m in places(text, gaz) if m.place is not None and m.place.feature == "city"}
        assert found & {"Awasi", "Ijara", "Ouallam"}, text


def test_a_place_followed_by_more_of_a_name_holds_nothing(gaz: Gazetteer) -> None:
    # "Level" (a village in Hungary) opens a hospital's name, it does not hold Machakos
    text = "Machakos Level Five Hospital nurses marched in Machakos town on Monday."
    found = [m for m in places(text, gaz) if m.name == "Machakos"]
    assert found and all(m.place is not None and m.place.country == "KE" for m in found)


def test_near_picks_the_namesake_close_to_the_other_place(gaz: Gazetteer) -> None:
    text = "Herders attacked a police post in Bura near Hola on Sunday."
    bura = next(m for m in places(text, gaz) if m.name == "Bura")
    hola = gaz.lookup("Hola")[0]
    assert bura.place is not None
    assert distance_km(bura.place.latitude, bura.place.longitude, hola.latitude, hola.longitude) < 100
    far = places("A bomb went off by the road in Geneva near Mandera on Monday.", gaz)
    assert {m.place.country for m in far if m.place is not None} == {"KE"}


def test_a_sub_county_cue_supports_a_small_town(gaz: Gazetteer) -> None:
    found = places("Police shot a suspect dead in Kibundani, Msambweni Sub-County, on Wednesday.", gaz)
    assert any(m.name == "Msambweni" and m.place is not None and m.place.country == "KE" for m in found)


def test_a_town_written_as_one_word_is_found_in_text(gaz: Gazetteer) -> None:
    found = places("Gunmen stole cattle from herders in Banibangou on Sunday.", gaz)
    assert [(m.name, m.place.country) for m in found if m.place is not None] == [("Banibangou", "NE")]


def test_a_state_code_after_a_dateline_town_places_it_in_that_state(gaz: Gazetteer) -> None:
    found = places("COLUMBIA, MO (KOMU) - A trooper's windshield was hit by a bullet overnight.", gaz)
    town = next(m for m in found if m.name == "COLUMBIA")
    assert town.place is not None and town.place.admin1 == "Missouri"
    # elsewhere an upper-case pair of letters stays an acronym
    assert not [m for m in places("Officials from the MO office met on Monday.", gaz) if m.name == "MO"]


def test_a_town_said_outright_to_be_a_town_is_kept_despite_namesakes(gaz: Gazetteer) -> None:
    found = places("Rioters burned a car in the town of Majengo on Saturday.", gaz)
    assert any(m.name == "Majengo" and m.place is not None for m in found)
