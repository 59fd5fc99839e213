"""Munition, attacker and abduction counts, read only from the sentences that report the incident."""

from __future__ import annotations

from sitrep.corroborate.incident_counts import find_incident_counts, parse_number
from sitrep.model import Article, EventMention


def _article(text: str, *triggers: str) -> Article:
    a = Article(id="a", text=text)
    for i, t in enumerate(triggers):
        start = text.index(t)
        a.events.append(
            EventMention(
                id=f"a#{i}",
                article_id="a",
                event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack",
                trigger=a.span(start, start + len(t)),
                primary=i == 0,
            )
        )
    return a


def _values(a: Article, field: str) -> list[tuple[int, int | None]]:
    return [(f.low, f.high) for f in find_incident_counts(a, a.events[0]) if f.field == field]


def test_numbers_in_words_and_bounds() -> None:
    assert parse_number("three") == (3, 3)
    assert parse_number("twenty-three") == (23, 23)
    assert parse_number("30", "more than") == (31, None)
    assert parse_number("dozens of") == (24, None)


def test_munitions_are_counted_but_a_rocket_attack_is_not_one_rocket() -> None:
    a = _article("A rocket attack hit the camp on Monday. Four mortar rounds landed near the gate.", "attack")
    facts = [f for f in find_incident_counts(a, a.events[0]) if f.field == "munitions"]
    assert [(f.low, f.what) for f in facts] == [(4, "mortar rounds")]


def test_attackers_and_abductions() -> None:
    a = _article(
        "Two gunmen stormed the school on Friday. More than 30 pupils were abducted, the police said.",
        "stormed",
    )
    assert _values(a, "attackers") == [(2, 2)]
    assert _values(a, "abducted") == [(31, None)]


def test_a_passing_mention_of_another_incident_is_not_read() -> None:
    text = (
        "Gunmen kidnapped 12 farmers near the town on Tuesday.\n\n"
        "In March, bandits abducted 40 villagers in a raid on a nearby market."
    )
    a = _article(text, "kidnapped", "raid")
    assert _values(a, "abducted") == [(12, 12)]
