"""Actor dictionary lookups, the Iran-backed family, roles from local syntax, and hedging."""

from __future__ import annotations

import pytest

from sitrep.extract.actors import actor_dictionary, find_actors, lookup_actor
from sitrep.model import ActorKind, ActorMention, ActorRole, Article


def actors(text: str) -> list[ActorMention]:
    return find_actors(Article(id="t", text=text))


def one(text: str, name: str) -> ActorMention:
    found = [a for a in actors(text) if a.name == name]
    assert found, f"{name!r} not found in {[a.name for a in actors(text)]}"
    return found[0]


def test_dictionary_is_large_and_well_formed() -> None:
    entries = actor_dictionary()
    assert len(entries) >= 120
    kinds = {e.kind for e in entries}
    assert {ActorKind.ARMED_GROUP, ActorKind.STATE_FORCE, ActorKind.OFFICIAL, ActorKind.MEDIA} <= kinds
    assert len({e.name for e in entries}) == len(entries)


@pytest.mark.parametrize(
    ("alias", "name", "kind"),
    [
        ("ISIL", "Islamic State", ActorKind.ARMED_GROUP),
        ("Daesh", "Islamic State", ActorKind.ARMED_GROUP),
        ("Kataib Hezbollah", "Kata'ib Hezbollah", ActorKind.ARMED_GROUP),
        ("Ansar Allah", "Houthis", ActorKind.ARMED_GROUP),
        ("Hashed al-Shaabi", "Popular Mobilization Forces", ActorKind.ARMED_GROUP),
        ("U.S. troops", "US military", ActorKind.STATE_FORCE),
        ("IDF", "Israel Defense Forces", ActorKind.STATE_FORCE),
        ("Operation Inherent Resolve", "US-led coalition", ActorKind.STATE_FORCE),
        ("Agence France-Presse", "AFP", ActorKind.MEDIA),
    ],
)
def test_lookup_by_alias(alias: str, name: str, kind: ActorKind) -> None:
    entry = lookup_actor(alias)
    assert entry is not None and entry.name == name and entry.kind == kind


@pytest.mark.parametrize(
    "phrase",
    [
        "Iran-backed militias",
        "Iranian-backed groups",
        "pro-Iran factions",
        "Iran's proxies",
        "the Iranian regime's backed militias",
        "Iranian proxy groups",
        "Iran-backed Shia militia groups",
    ],
)
def test_iran_backed_family_maps_to_one_name(phrase: str) -> None:
    found = actors(f"Officials in Baghdad said {phrase} were active in the province.")
    named = [a for a in found if a.name == "Iran-backed militias"]
    assert len(named) == 1
    assert named[0].kind is ActorKind.ARMED_GROUP
    assert phrase.removeprefix("the ") in named[0].span.text


def test_spans_point_into_the_text() -> None:
    text = "Fighters from al-Shabab ambushed a convoy of Kenyan troops near Mandera."
    art = Article(id="s", text=text)
    for a in find_actors(art):
        assert text[a.span.start : a.span.end] == a.span.text
    assert [a.name for a in find_actors(art)] == ["militants", "al-Shabaab", "Kenya Defence Forces"]


def test_lowercase_is_is_not_islamic_state() -> None:
    assert not [a for a in actors("The town is quiet and the market is open.") if a.name == "Islamic State"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Militants loyal to al-Shabaab attacked a police station at dawn.",
            "al-Shabaab",
            ActorRole.PERPETRATOR,
        ),
        ("The raid was an attack by Boko Haram on a farming village.", "Boko Haram", ActorRole.PERPETRATOR),
        ("Officials blamed the killings on the Houthis.", "Houthis", ActorRole.PERPETRATOR),
        (
            "ISWAP claimed the ambush in a statement.",
            "Islamic State West Africa Province",
            ActorRole.PERPETRATOR,
        ),
        ("Rockets struck a US base near the airport.", "US military", ActorRole.TARGET),
        ("The rocket attack on Turkish forces caused no casualties.", "Turkish military", ActorRole.TARGET),
        ("The explosion killed two Iraqi soldiers on patrol.", "Iraqi Security Forces", ActorRole.VICTIM),
        ("Three civilians were wounded in the blast.", "civilians", ActorRole.VICTIM),
        ("A Pentagon spokesman said the base had been hit.", "Pentagon spokesman", ActorRole.SOURCE),
        (
            "Nine died, according to the Syrian Observatory for Human Rights.",
            "Syrian Observatory for Human Rights",
            ActorRole.SOURCE,
        ),
        ("Hezbollah has long had a presence in the valley.", "Hezbollah", ActorRole.OTHER),
    ],
)
def test_roles(text: str, name: str, role: ActorRole) -> None:
    assert one(text, name).role is role


def test_coordinated_victims_share_the_role() -> None:
    found = actors("The blast wounded several US service members and Iraqi personnel at the site.")
    roles = {a.name: a.role for a in found}
    assert roles["US military"] is ActorRole.VICTIM
    assert roles["Iraqi Security Forces"] is ActorRole.VICTIM


def test_bare_coalition_takes_the_last_named_coalition() -> None:
    text = "The Saudi-led coalition struck a port. The coalition said the target was a weapons depot."
    found = [a for a in actors(text) if "coalition" in a.name.lower()]
    assert [a.name for a in found] == ["Saudi-led coalition", "Saudi-led coalition"]
    assert found[1].span.text == "The coalition"


def test_hedged_mentions() -> None:
    hedged = one(
        "The attack was reportedly carried out by ISWAP fighters.", "Islamic State West Africa Province"
    )
    plain = one("Boko Haram fighters attacked the village at night.", "Boko Haram")
    assert hedged.hedged is True
    assert plain.hedged is False


def test_longest_alias_wins() -> None:
    found = actors("Kenya Defence Forces soldiers and Iraqi Security Forces trained together.")
    assert [a.name for a in found][:2] == ["Kenya Defence Forces", "soldiers"]
    assert "Iraqi Security Forces" in [a.name for a in found]
    assert "security forces" not in [a.name for a in found]


@pytest.mark.parametrize(
    ("alias", "name", "kind"),
    [
        ("Boko Haram/IS", "Islamic State West Africa Province", ActorKind.ARMED_GROUP),
        ("ISGS", "Islamic State Sahel Province", ActorKind.ARMED_GROUP),
        ("Alshabaab", "al-Shabaab", ActorKind.ARMED_GROUP),
        ("GSU", "Kenya Police", ActorKind.STATE_FORCE),
        ("Chadian gendarmes", "Chadian army", ActorKind.STATE_FORCE),
        ("Mobile Intervention Unit", "Chadian police", ActorKind.STATE_FORCE),
        ("Pokot raiders", "Pokot militia", ActorKind.ARMED_GROUP),
        ("Fulani herders", "Fulani militia", ActorKind.ARMED_GROUP),
        ("cattle rustlers", "raiders", ActorKind.GENERIC),
        ("unidentified armed group", "armed group", ActorKind.GENERIC),
        ("boda boda riders", "traders", ActorKind.CIVILIAN),
    ],
)
def test_sahel_and_east_africa_actors(alias: str, name: str, kind: ActorKind) -> None:
    entry = lookup_actor(alias)
    assert entry is not None and (entry.name, entry.kind) == (name, kind)


def test_a_group_named_before_its_members_noun_is_the_perpetrator() -> None:
    text = "On Friday, ISWAP fighters attacked an army post near Diffa."
    assert one(text, "Islamic State West Africa Province").role is ActorRole.PERPETRATOR


def test_the_actor_of_a_reported_clause_is_the_perpetrator_not_the_source() -> None:
    text = "Police said gunmen opened fire on a bus near Mandera."
    assert one(text, "police").role is ActorRole.SOURCE
    assert one(text, "gunmen").role is ActorRole.PERPETRATOR
