"""Assembly of an article's findings into incidents, on invented articles run through the pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.events import assemble_events
from sitrep.extract.gazetteer import load_gazetteer
from sitrep.model import Article, EventMention, Span
from sitrep.pipeline import Pipeline

FRIDAY = dt.date(2024, 3, 15)


def _events(pipeline: Pipeline, text: str, published: dt.date = FRIDAY) -> list[EventMention]:
    return pipeline.analyse(Article(id="t", text=text, published=published)).events


def _place_names(event: EventMention) -> list[str]:
    return [p.span.text for p in event.places]


def test_a_far_place_mentioned_later_is_not_added_to_a_located_incident(pipeline: Pipeline) -> None:
    text = (
        "Gunmen shot dead four villagers in Garissa on Tuesday, police said. "
        "Relatives of the victims travelled overnight from Mombasa to Garissa to collect the bodies."
    )
    (event,) = _events(pipeline, text)
    assert _place_names(event) == ["Garissa"]


def test_a_known_place_becomes_the_event_location_when_a_later_sentence_says_so(pipeline: Pipeline) -> None:
    text = (
        "Garissa police said gunmen shot dead four villagers on Tuesday night. "
        "The attack took place in Garissa near the main market."
    )
    (event,) = _events(pipeline, text)
    garissa = next(p for p in event.places if p.span.text == "Garissa")
    assert garissa.is_event_location


def test_a_rising_toll_is_not_background(pipeline: Pipeline) -> None:
    text = (
        "A car bomb exploded at a checkpoint in Garissa on Tuesday, killing four people. "
        "Hospital officials said the number of dead had risen to seven."
    )
    (event,) = _events(pipeline, text)
    assert event.killed is not None and (event.killed.low, event.killed.high) == (7, 7)


def test_a_number_of_attacks_is_still_background(pipeline: Pipeline) -> None:
    text = "A growing number of attacks on aid convoys has been reported in the province this year."
    assert _events(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Police in Garissa on Thursday were still hunting for the gunmen who shot dead three "
            "shopkeepers late on Tuesday.",
            dt.date(2024, 3, 12),
        ),
        (
            "On Wednesday gunmen shot dead three shopkeepers in Garissa, police said on Thursday.",
            dt.date(2024, 3, 13),
        ),
    ],
)
def test_the_date_comes_from_the_clause_of_the_incident(pipeline: Pipeline, text: str, day: dt.date) -> None:
    (event,) = _events(pipeline, text)
    assert event.date is not None and event.date.date == day


def test_violence_by_protesters_makes_the_incident_a_violent_demonstration(pipeline: Pipeline) -> None:
    text = (
        "Police fired tear gas at protesters in Garissa on Tuesday. "
        "Protesters pelted officers with stones and burned tyres near the market."
    )
    (event,) = _events(pipeline, text)
    assert event.sub_event_type == "Violent demonstration"


def test_a_lead_sentence_without_an_incident_word_dates_counts_and_places_the_incident(
    pipeline: Pipeline,
) -> None:
    text = (
        "Two teenagers were hurt in Dayton late Thursday. "
        "Police said gunmen opened fire on a group of students outside a school."
    )
    (event,) = _events(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 14)
    assert event.injured is not None and (event.injured.low, event.injured.high) == (2, 2)
    assert "Dayton" in _place_names(event)


def test_a_lead_sentence_about_another_day_stays_out_of_the_incident(pipeline: Pipeline) -> None:
    text = (
        "Two teenagers were hurt in Dayton in January. "
        "On Thursday, gunmen opened fire on a group of students outside a school in Dayton."
    )
    (event,) = _events(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 14)
    assert event.injured is None


def test_a_reporting_date_gives_way_to_the_incident_date_stated_later(pipeline: Pipeline) -> None:
    text = (
        "A man was shot dead in Dayton, police said Thursday. "
        "The shooting happened late Tuesday outside a bar, officers said."
    )
    (event,) = _events(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 12)


def test_a_reporting_date_stays_when_nothing_else_dates_the_incident(pipeline: Pipeline) -> None:
    text = "A man was shot dead in Dayton, police said Thursday. Officers are searching for the gunman."
    (event,) = _events(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 14)


def test_within_a_sentence_the_incident_date_beats_the_reporting_date(pipeline: Pipeline) -> None:
    text = "Police said Thursday that the shooting happened Wednesday night in Dayton, killing a man."
    (event,) = _events(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 13)


def test_an_incident_left_undated_takes_the_day_it_was_reported(pipeline: Pipeline) -> None:
    text = (
        "Gunmen opened fire on two farm workers near Dayton, officers said. "
        "The county has seen a spate of rural thefts in recent months. "
        "The sheriff's office said Wednesday it was reviewing video from the farm."
    )
    (event,) = _events(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 13)


def test_the_date_of_a_recalled_incident_does_not_date_the_main_one(pipeline: Pipeline) -> None:
    text = (
        "Gunmen opened fire on a bus near Mandera, police said. "
        "In a separate attack on 2 January 2024, militants stormed a school in Lamu."
    )
    events = _events(pipeline, text)
    main = next(e for e in events if e.primary)
    assert main.date is None or main.date.date != dt.date(2024, 1, 2)


def test_a_bound_such_as_after_a_year_does_not_date_the_incident(pipeline: Pipeline) -> None:
    text = "On Tuesday, refugees in Nairobi marched to demand redress for violence after 2007 elections."
    (event,) = _events(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 12)


def test_a_date_alone_on_its_line_dates_an_otherwise_undated_incident(pipeline: Pipeline) -> None:
    text = "12 March.\nGunmen opened fire on a minibus near Garissa, killing two passengers."
    (event,) = _events(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 12)


def test_a_date_from_a_sentence_without_the_incident_gives_way_to_the_incident_date(
    pipeline: Pipeline,
) -> None:
    text = (
        "Toll in Dayton bus bombing rises to five. Two of the injured died overnight, doctors say. "
        "A roadside bomb hit the bus outside Dayton on Tuesday, officials said on Thursday."
    )
    (event,) = _events(pipeline, text)
    assert event.date is not None and event.date.date == dt.date(2024, 3, 12)


def test_a_headline_joins_the_lead_incident_instead_of_opening_its_own(pipeline: Pipeline) -> None:
    title = "Two dead as shells hit market east of Dayton"
    text = (
        f"{title}\nBy Staff Reporter\n\n"
        "Shells struck the cattle market in Xenia on Tuesday, killing two traders, officials said. "
        "Witnesses said the shelling lasted about ten minutes."
    )
    article = pipeline.analyse(Article(id="h", text=text, title=title, published=FRIDAY))
    (event,) = article.events
    assert event.primary and event.date is not None and event.date.date == dt.date(2024, 3, 12)
    assert event.trigger.start > len(title)


def test_a_lead_that_repeats_the_title_after_a_dateline_is_the_story(pipeline: Pipeline) -> None:
    title = "Xenia resident Maria Olsen was wounded at Ember nightclub in Dayton"
    text = (
        f"XENIA - {title}.\n\nWXEN News reached Olsen's brother, Tomas, via phone Monday.\n\n"
        "He told WXEN News his sister remains in the trauma unit and is speaking with the FBI.\n\n"
        "The family declined further comment."
    )
    article = pipeline.analyse(Article(id="d", text=text, title=title, published=FRIDAY))
    (event,) = article.events
    assert event.sub_event_type == "Attack" and event.injured is not None and event.injured.low == 1


def test_the_classifier_finds_an_incident_the_rules_miss_but_not_a_council_story(
    pipeline: Pipeline,
) -> None:
    report = (
        "On 8 March 2024, militants launched an attack against a border patrol unit camp near Dayton. "
        "One officer was killed and two were hurt."
    )
    (event,) = _events(pipeline, report)
    assert event.primary and event.trigger.text == "attack" and event.event_type == "Battles"
    assert event.date is not None and event.date.date == dt.date(2024, 3, 8)
    council = (
        "The county council approved a new budget for road repairs near Dayton on Tuesday. "
        "Officials said the work would start in June."
    )
    assert _events(pipeline, council) == []


def test_without_a_classifier_only_the_rules_find_incidents(pipeline: Pipeline) -> None:
    text = (
        "On 8 March 2024, militants launched an attack against a border patrol unit camp near Dayton. "
        "One officer was killed and two were hurt."
    )
    article = pipeline.analyse(Article(id="t", text=text, published=FRIDAY))
    assert assemble_events(article, load_gazetteer(pipeline.settings), classifier=None).events == []


def test_habitual_violence_is_background_not_an_incident(pipeline: Pipeline) -> None:
    text = (
        "The marshes shared by Chad, Niger and Cameroon have long sheltered armed groups, who "
        "regularly attack military positions and fishing villages."
    )
    assert _events(pipeline, text) == []


def test_an_accidental_shooting_is_one_non_conflict_incident(pipeline: Pipeline) -> None:
    text = (
        "Boy, 9, hurt when gun goes off in Dayton home\n\n"
        "A 9-year-old boy was taken to hospital on Tuesday after a handgun his uncle was cleaning "
        "accidentally discharged in a home in Dayton, police said. The boy was struck in the arm."
    )
    (event,) = _events(pipeline, text)
    assert event.primary and event.sub_event_type == "Accident" and event.event_type == "Non-conflict"
    assert event.date is not None and event.date.date == dt.date(2024, 3, 12)


@pytest.mark.parametrize(
    "text",
    [
        "Heavy snow closed schools across the county on Tuesday. A driver was killed when a truck slid "
        "off the road near Dayton, and a man was found dead of hypothermia in a park.",
        "The home side won 3-1 on Saturday. Their striker shot himself into the record books with a "
        "hat-trick, and the coach said the team demonstrate real character.",
    ],
)
def test_weather_and_sports_stories_stay_without_incidents(pipeline: Pipeline, text: str) -> None:
    assert _events(pipeline, text) == []


def test_an_incident_whose_sentences_name_no_place_takes_the_article_s_main_town() -> None:
    from sitrep.extract.events import _article_place
    from sitrep.model import Place, PlaceMention

    text = "Tulsa police said. A day care in Broken Arrow. Tulsa detectives. Oklahoma officials."
    tulsa = Place("Tulsa", 36.15, -95.99, "US", "Oklahoma")
    arrow = Place("Broken Arrow", 36.05, -95.79, "US", "Oklahoma")
    state = Place("Oklahoma", 35.5, -97.5, "US", "Oklahoma", feature="admin1")

    def at(name: str, place: Place, nth: int = 0, event: bool = False) -> PlaceMention:
        start = [i for i in range(len(text)) if text.startswith(name, i)][nth]
        return PlaceMention(Span.of(text, start, start + len(name)), name, place, is_event_location=event)

    article = Article(id="t", text=text)
    article.places = [
        at("Tulsa", tulsa),
        at("Broken Arrow", arrow),
        at("Tulsa", tulsa, 1),
        at("Oklahoma", state),
    ]
    assert [p.name for p in _article_place(article)] == ["Tulsa"]  # named most often
    article.places[1] = at("Broken Arrow", arrow, event=True)
    assert [p.name for p in _article_place(article)] == ["Broken Arrow"]  # an event location comes first
    article.places = [at("Broken Arrow", arrow), at("Oklahoma", state)]
    assert _article_place(article) == []  # a town named once, in passing, is not enough


def test_an_abduction_that_also_kills_is_an_attack(pipeline: Pipeline) -> None:
    text = "On Tuesday, gunmen stormed a fishing camp near Garissa, abducted four women and killed two men."
    (event,) = [e for e in _events(pipeline, text) if e.primary]
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_an_attack_on_police_or_soldiers_is_an_armed_clash(pipeline: Pipeline) -> None:
    text = "On Monday, al-Shabaab militants attacked Kenya Police at a camp outside Mandera."
    (event,) = [e for e in _events(pipeline, text) if e.primary]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the death a crowd protests is another incident
        ("Hundreds of residents protested in Kisumu on Thursday after police shot dead a trader.", None),
        ("Students demonstrated in Eldoret on Thursday over the death of a student in custody.", None),
        ("A mob attacked a man in Nakuru on Thursday who had allegedly killed his father.", None),
        # deaths in the crowd's own incident count
        ("Police shot dead two protesters during a demonstration in Kisumu on Thursday.", 2),
        ("A mob lynched a suspected thief in Nakuru on Thursday.", 1),
    ],
)
def test_a_crowds_incident_does_not_count_the_death_it_is_about(
    pipeline: Pipeline, text: str, killed: int | None
) -> None:
    (event,) = _events(pipeline, text)
    assert (event.killed.low if event.killed else None) == killed


def test_a_count_in_words_the_rules_miss_still_opens_the_incident(pipeline: Pipeline) -> None:
    text = "On Thursday, a boy was fatally wounded in Huruma, Nairobi, when police used live ammunition."
    (event,) = _events(pipeline, text)
    assert event.sub_event_type == "Attack"
    assert event.killed is not None and event.killed.low == 1


def test_a_count_opens_no_incident_for_a_death_by_mishap(pipeline: Pipeline) -> None:
    assert _events(pipeline, "Two people died on Thursday when their car hit a tree near Nakuru.") == []


def test_a_series_on_a_named_day_is_an_incident_a_series_over_time_is_background(pipeline: Pipeline) -> None:
    dated = "On 12 March 2024, the army carried out a series of airstrikes on rebel camps near Diffa."
    (event,) = _events(pipeline, dated)
    assert event.sub_event_type == "Air/drone strike"
    undated = "The region has seen a series of airstrikes on rebel camps in recent years."
    assert _events(pipeline, undated) == []


def test_when_sources_disagree_the_lowest_toll_is_kept(pipeline: Pipeline) -> None:
    text = (
        "On Thursday, raiders attacked a village near Lodwar, killing a herder and stealing 80 goats. "
        "One source indicates that two people were killed."
    )
    (event,) = _events(pipeline, text)
    assert event.killed is not None and (event.killed.low, event.killed.high) == (1, 1)


def test_a_protests_grievance_is_not_background(pipeline: Pipeline) -> None:
    text = "Hundreds of nurses took to the streets of Nakuru to protest unpaid allowances since March."
    (event,) = _events(pipeline, text)
    assert event.sub_event_type == "Peaceful protest"


def test_a_wave_of_protests_is_still_background(pipeline: Pipeline) -> None:
    text = "A wave of protests has shaken the region in recent months, analysts said."
    assert _events(pipeline, text) == []


@pytest.mark.parametrize(
    "second",
    [
        "The Daily Courier reports 7 dead.",
        "One report said that seven people were killed.",
        "The rebels claimed to have killed seven soldiers.",
    ],
)
def test_a_second_report_or_a_claim_gives_way_to_the_lowest_toll(pipeline: Pipeline, second: str) -> None:
    text = f"On Thursday, gunmen attacked a police post near Lodwar, killing at least four officers. {second}"
    (event,) = _events(pipeline, text)
    assert event.killed is not None and event.killed.low == 4


def test_disagreeing_sources_keep_each_groups_lowest_toll(pipeline: Pipeline) -> None:
    text = (
        "On Thursday, rebels attacked an army base near Lodwar: 30 soldiers were killed, and some reports"
        " indicate that 12 attackers were also killed."
    )
    (event,) = _events(pipeline, text)
    assert event.killed is not None and event.killed.low == 42


def test_a_named_report_of_the_same_toll_is_no_second_account(pipeline: Pipeline) -> None:
    text = (
        "Four people were shot at a wedding party in Fresno on Friday. The Valley Courier reports that two"
        " men and two women were wounded. One person sustained life-threatening injuries."
    )
    (event,) = _events(pipeline, text)
    assert event.injured is not None and event.injured.low == 4


def test_a_count_only_the_headline_gives_is_the_primary_incidents(pipeline: Pipeline) -> None:
    title = "Teen killed in Houston shooting"
    text = (
        f"{title}\n\nDallas police are investigating a shooting on Friday night outside a restaurant on Main"
        " Street. Officers found the victim in the parking lot."
    )
    article = Article(id="t", text=text, title=title, published=dt.date(2024, 3, 16))
    (event,) = pipeline.analyse(article).events
    assert event.killed is not None and (event.killed.low, event.killed.high) == (1, 1)


def test_the_one_victim_hurt_then_dead_is_killed_not_also_injured(pipeline: Pipeline) -> None:
    text = (
        "A 4-year-old boy who was shot at a home in Dayton on Tuesday has died. He was critically injured"
        " when a handgun left on a table went off, police said."
    )
    (event,) = _events(pipeline, text)
    assert event.killed is not None and event.killed.exact == 1
    assert event.injured is None
    other = "A man was killed in Dayton on Tuesday and a woman was injured, police said."
    (event,) = _events(pipeline, other)
    assert event.injured is not None and event.injured.exact == 1
