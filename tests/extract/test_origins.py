"""Attributed origins: agencies and official bodies an article credits, and the origin of a span."""

from __future__ import annotations

import pytest

from sitrep.extract.actors import actor_dictionary, alias_regex
from sitrep.extract.origins import find_origins, origin_of
from sitrep.model import ActorKind, Article


def origins(text: str) -> list[str]:
    return find_origins(Article(id="o", text=text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KABUL (Reuters) - Two rockets landed near the airport on Sunday.", ["Reuters"]),
        ("Two rockets landed near the airport, a police officer told AFP.", ["AFP"]),
        ("Seven people died, according to the Associated Press.", ["AP"]),
        ("Agence France-Presse reported that the road was closed.", ["AFP"]),
        ("Three soldiers were wounded, Anadolu Agency reported.", ["Anadolu"]),
        ("The bridge was destroyed, Xinhua news agency said.", ["Xinhua"]),
        ("The convoy was hit near the border.\n— Reuters", ["Reuters"]),
        ("One contractor died, the US-led coalition said in a statement.", ["the coalition"]),
        ("The coalition said the base had been hit by at least ten rockets.", ["the coalition"]),
        ("Four militants were killed, the defence ministry said.", ["the defence ministry"]),
    ],
)
def test_credited_origins(text: str, expected: list[str]) -> None:
    assert origins(text) == expected


def test_order_of_first_appearance_without_repeats() -> None:
    text = (
        "A shell hit the market, a doctor told AFP. Reuters reported that six people died. "
        "The toll later rose to eight, AFP reported."
    )
    assert origins(text) == ["AFP", "Reuters"]


@pytest.mark.parametrize(
    "text",
    [
        "He worked for Reuters in London for ten years before retiring.",
        "The minister visited the AP Mohan Hospital on Tuesday.",
        "Heavy rain fell across the region on Monday.",
    ],
)
def test_mentions_that_credit_nothing(text: str) -> None:
    assert origins(text) == []


def test_origin_of_a_span() -> None:
    text = (
        "The market was shelled on Friday. Five people were killed, a medic told AFP. "
        "Rescue teams worked through the night. Residents fled the area. "
        "Officials said the shelling came from the hills."
    )
    art = Article(id="x", text=text)
    killed = art.span(text.index("Five"), text.index("Five") + len("Five people were killed"))
    rescue = art.span(text.index("Rescue"), text.index("Rescue") + len("Rescue teams"))
    fled = art.span(text.index("Residents"), text.index("Residents") + len("Residents fled"))
    assert origin_of(art, killed) == "AFP"
    assert origin_of(art, rescue) == "AFP"  # falls back to the sentence before
    assert origin_of(art, fled) is None


def test_every_media_alias_is_credited_in_every_context() -> None:
    """The quick pre-test on the lower-cased text never hides a credit (every alias, every context)."""
    media = [e for e in actor_dictionary() if e.kind is ActorKind.MEDIA]
    for entry in media:
        for alias in (entry.name, *entry.aliases):
            for text in (
                f"Two rockets hit the base, an official told {alias}.",
                f"Two rockets hit the base, {alias} reported.",
                f"BAGHDAD ({alias}) - Two rockets hit the base.",
                f"Two rockets hit the base.\n— {alias.upper()}",
            ):
                if (
                    text.endswith(alias.upper())
                    and alias.upper() != alias
                    and "(?i:" not in alias_regex(alias)
                ):
                    continue  # a case-sensitive alias is not credited in capitals
                assert entry.name in origins(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Four militants were killed, the Defence MINISTRY Said on Monday.",
        "Four militants were killed, the Interior Ministry\nannounced.",
        "No body spoke: the police were not reached.",
    ],
)
def test_speaking_bodies_found_whatever_the_case(text: str) -> None:
    """The quick pre-test on the lower-cased text agrees with the full body pattern."""
    from sitrep.extract.origins import _BODY_PATTERNS, _canonical_body

    expected = [_canonical_body(m.group("body")) for rx in _BODY_PATTERNS for m in rx.finditer(text)]
    assert origins(text) == [e for e in expected if e]
