"""The shareable brief: the sections a reader needs, and hostile article text kept inert."""

from __future__ import annotations

import re

import pytest

from sitrep.corroborate.agreement import build_agreement
from sitrep.model import Claim, ClaimedValue, Contradiction, Event, Place, SourceFraming, Span
from sitrep.serve import build_brief, render_html, render_markdown, render_report

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> [link](http://evil.example) | `code`'
TEXT = f"Police said {HOSTILE} killed three people in the town on Friday. " * 2


def _claim(
    field: str, value: str, source: str, key: str, hedged: bool = False, origin: str | None = None
) -> Claim:
    return Claim(field, value, source, source.lower(), Span.of(TEXT, 0, 30), hedged, origin, key)


@pytest.fixture()
def event() -> Event:
    claims = [
        _claim("killed", "3", "Outlet A", "article:a"),
        _claim("killed", "3", "Outlet B", "article:b", origin="Reuters"),
        _claim("killed", "5", "Outlet C", "article:c"),
        _claim("blame", HOSTILE + " (per police)", "Outlet A", "article:a", hedged=True),
        _claim("claimed_responsibility", "Group X", "Outlet C", "article:c"),
        _claim("weapon", "firearm", "Outlet C", "article:c"),
    ]
    contradictions = [
        Contradiction(
            "killed",
            (ClaimedValue("3", ("Outlet A", "Outlet B")), ClaimedValue("5", ("Outlet C",))),
            "3",
            "3 is given by 2 independent source(s)",
        ),
        Contradiction(
            "blame",
            (ClaimedValue(HOSTILE, ("Outlet A",)), ClaimedValue("Group X (claimed)", ("Outlet C",))),
            None,
            "sources attribute responsibility differently",
        ),
    ]
    e = Event(
        id="ev-0123456789",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        place=Place("Dayton", 39.76, -84.19, "US", "Ohio"),
        killed_low=3,
        killed_high=3,
        sources=["Outlet A", "Outlet B", "Outlet C"],
        claims=claims,
        contradictions=contradictions,
        framing=[SourceFraming("Outlet A", ("a",), ("slaughter",), 4.2, 0.25, "charged wording")],
    )
    e.agreement = build_agreement(claims, contradictions)
    return e


def test_brief_sorts_values_into_confirmed_disputed_and_single_source(event: Event) -> None:
    b = build_brief(event)
    assert any(line.startswith("killed: 3") for line in b.disputed)
    assert any(line.startswith("weapon: firearm") for line in b.single_source)
    assert not b.confirmed  # the only value two sources give is disputed
    a = next(s for s in b.sources if s.name == "Outlet A")
    assert a.framing is not None and a.hedged_claims == 1
    assert any("blame on" in r and "(hedged)" in r for r in a.responsibility)
    c = next(s for s in b.sources if s.name == "Outlet C")
    assert c.responsibility == ["reports a claim of responsibility by Group X"]
    assert "3 killed" in b.summary and "Dayton, Ohio, US" in b.summary


def test_markdown_has_every_section_and_escapes_source_text(event: Event) -> None:
    md = render_markdown(build_brief(event))
    for heading in (
        "## Map position",
        "## Confirmed",
        "## Disputed",
        "## Resting on one source",
        "## Sources",
        "## Claims side by side",
    ):
        assert heading in md
    assert "39.7600°N, 84.1900°W" in md
    assert "<script>" not in md and "<img" not in md and not re.search(r"(?<!\\)\]\(http", md)  # no live link
    assert "&lt;script&gt;" in md
    assert "slaughter" in md  # the source's framing


def test_html_is_self_contained_and_inert(event: Event) -> None:
    page = render_html(build_brief(event))
    assert page.startswith("<!DOCTYPE html>")
    assert (
        "<script" not in page and "<img" not in page and "onerror=alert" not in page.replace("&", "")[:0] + ""
    )
    assert "&lt;script&gt;" in page
    assert "href=" not in page and "url(" not in page and "@import" not in page
    assert "<svg" in page and "<circle" in page
    assert "Content-Security-Policy" in page


def test_unknown_format_is_refused(event: Event) -> None:
    with pytest.raises(ValueError, match="md, html"):
        render_report(event, "pdf")


def test_an_event_without_place_or_claims_still_renders() -> None:
    bare = Event(id="ev-x", event_type="Protests", sub_event_type="Peaceful protest")
    assert "no position" in render_markdown(build_brief(bare))
    assert "<svg" not in render_html(build_brief(bare))
