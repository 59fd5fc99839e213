"""Boilerplate cleaning keeps length and offsets (invented lines only)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.ingest import BOILERPLATE_PATTERNS, clean, is_boilerplate
from sitrep.model import Article

BOILERPLATE = [
    "Follow us on Twitter and Instagram to stay connected",
    "Follow The Daily Lantern on Facebook for the latest updates",
    "4 min read",
    "12 mins read",
    "Reading time: 3 minutes",
    "Share this article",
    "Share on Facebook",
    "Share",
    "Facebook Twitter Email",
    "Click here to subscribe",
    "Sign up for our newsletter",
    "Sign up to our daily briefing newsletter and never miss a story.",
    "Subscribe to our YouTube channel",
    "Advertisement",
    "ADVERTISEMENT - SCROLL TO CONTINUE",
    "Story continues below advertisement",
    "Read more: Rockets hit base in the north",
    "READ MORE | Five things to know about the ceasefire",
    "Related:",
    "Related: Militia leader killed in strike",
    "Related Articles",
    "You may also like",
    "This website uses cookies to improve your experience. By browsing you accept our use of cookies.",
    "Accept all cookies",
    "Copyright 2021 Example Wire. All rights reserved.",
    "© 2024 The Daily Lantern",
    "All rights reserved.",
    "You must enter the characters with black color that stand out from the other characters",
    "Please enable JavaScript to view the comments.",
    "[Getty]",
    "(Getty Images)",
    "Photo: AFP",
    "Image credit: Reuters",
    "Skip to main content",
    "Listen to this article",
    "Leave a comment",
    "  Advertisement  ",
]

KEPT = [
    "A rocket attack killed one contractor on Friday.",
    "Related violence killed five people on Monday, the ministry said.",
    "Share prices fell sharply after the attack.",
    "The advertisement campaign was launched by the ministry in May.",
    "Sign-up sheets for the relief convoy were handed out at the camp.",
    "Follow-up talks are planned for next week.",
    "US interests have been targeted in mystery attacks for months [Getty]",
    "Photo: Protesters gather outside the ministry in the capital on Sunday",
    "He said readers should read more about the history of the conflict before judging.",
    "Copyright law was not part of the talks.",
    "The 4 min walk to the market was closed by police.",
    "Iraq News - Local News - Baghdadpost",
    "28 December, 2019",
    "",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_recognised(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", KEPT)
def test_information_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_clean_blanks_lines_and_keeps_offsets() -> None:
    text = (
        "Militia commander killed in Kirkuk strike\n"
        "4 min read\n"
        "Advertisement\n"
        "A strike killed a militia commander near Kirkuk on Friday, officials said.\n"
        "Share this article\n"
        "The coalition did not comment.\n"
        "Follow us on Twitter and Instagram to stay connected"
    )
    art = Article(id="a1", text=text)
    out = clean(art)
    assert out is not art and art.clean_text == text  # a copy; the input is untouched
    assert len(out.clean_text) == len(text)
    assert [i for i, c in enumerate(out.clean_text) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]
    for line in ("4 min read", "Advertisement", "Share this article", "Follow us on Twitter"):
        assert line not in out.clean_text
    sentence = "A strike killed a militia commander near Kirkuk on Friday, officials said."
    s = text.index(sentence)
    e = s + len(sentence)
    assert out.text[s:e] == sentence == out.clean_text[s:e]
    tail = "The coalition did not comment."
    s2 = text.index(tail)
    assert out.clean_text[s2 : s2 + len(tail)] == tail
    assert out.clean_text.startswith("Militia commander killed in Kirkuk strike\n          \n")
    assert out.text == text  # text is never modified


def test_clean_is_idempotent() -> None:
    art = Article(id="a", text="Title\nAdvertisement\nBody sentence here.\n")
    once = clean(art)
    assert clean(once).clean_text == once.clean_text


def test_patterns_are_extensible() -> None:
    art = Article(id="x", text="Body.\nBrought to you by Acme Tyres\nMore body.")
    assert clean(art).clean_text == art.text
    BOILERPLATE_PATTERNS.append(r"brought to you by .{1,40}")
    try:
        out = clean(art)
        assert out.clean_text == "Body.\n" + " " * len("Brought to you by Acme Tyres") + "\nMore body."
    finally:
        BOILERPLATE_PATTERNS.pop()


def test_extensions_with_groups_or_flags_work() -> None:
    art = Article(id="x", text="Body.\nSponsored sponsored\nPaid content\nMore body.")
    BOILERPLATE_PATTERNS.append(re.compile(r"(sponsored) \1", re.IGNORECASE))  # a back-reference
    BOILERPLATE_PATTERNS.append(re.compile(r"paid content"))  # case-sensitive: does not match "Paid"
    try:
        out = clean(art).clean_text.split("\n")
        assert out[1].strip() == ""
        assert out[2] == "Paid content"
    finally:
        del BOILERPLATE_PATTERNS[-2:]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(BOILERPLATE + KEPT), st.sampled_from(["", " ", "x", " and more"]))
def test_one_combined_test_equals_any_pattern(line: str, suffix: str) -> None:
    text = line + suffix
    expected = 0 < len(text.strip()) <= 300 and any(p.fullmatch(text.strip()) for p in BOILERPLATE_PATTERNS)
    assert is_boilerplate(text) == expected


_LINES = st.one_of(
    st.sampled_from(BOILERPLATE + KEPT),
    st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\n"), max_size=80),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=12))
def test_clean_preserves_length_and_non_boilerplate(lines: list[str]) -> None:
    text = "\n".join(lines)
    out = clean(Article(id="h", text=text or " "))
    src = text or " "
    assert len(out.clean_text) == len(src)
    for orig, cleaned in zip(src.split("\n"), out.clean_text.split("\n"), strict=True):
        if is_boilerplate(orig):
            assert re.fullmatch(r"[ \r]*", cleaned)
            assert len(cleaned) == len(orig)
        else:
            assert cleaned == orig
