"""A perpetrator the source names in its own voice counts as that source's attribution."""

from __future__ import annotations

from sitrep.corroborate.stated_parties import stated_perpetrators, stated_targets
from sitrep.model import Article, EventMention


def _found(text: str) -> list[str]:
    a = Article(id="a", text=text)
    start = text.index("market")
    m = EventMention(
        id="a#0",
        article_id="a",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        trigger=a.span(start, start + 6),
    )
    a.events.append(m)
    return [name for name, _ in stated_perpetrators(a, m)]


def test_a_qualified_subject_of_the_attack_verb_is_named_canonically() -> None:
    assert _found("Russian warplanes struck a market in the town on Monday.") == ["Russian military"]
    assert _found("Syrian government aircraft bombed a market on Thursday.") == ["Syrian army"]
    assert _found("Suspected Russian warplanes struck a market on Monday.") == ["Russian military"]


def test_unqualified_or_generic_subjects_are_not_attributions() -> None:
    assert _found("The aircraft bombed a market on Thursday.") == []
    assert _found("Two gunmen attacked a market on Thursday.") == []
    assert _found("Residents said a market was bombed on Thursday.") == []


def _targets(text: str) -> list[str]:
    a = Article(id="a", text=text)
    start = text.index("market") if "market" in text else 0
    m = EventMention(
        id="a#0",
        article_id="a",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        trigger=a.span(start, start + 6),
    )
    a.events.append(m)
    return [what for what, _ in stated_targets(a, m)]


def test_what_was_hit_is_the_object_of_the_attack_verb() -> None:
    assert _targets("Jets bombed a crowded market in the town on Thursday.") == ["market"]
    assert _targets("One rocket hit a workshop near the market's runway.") == ["workshop"]
    assert _targets("Fighters stormed an army post near the market at dawn.") == ["army post"]
    assert _targets("Prices hit a record high at the market.") == []
