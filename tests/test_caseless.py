"""CaselessPattern must give exactly the matches of the original IGNORECASE pattern."""

from __future__ import annotations

import re

import pytest

from sitrep.caseless import CaselessPattern, lowered
from sitrep.extract.casualty_patterns import _OBJECT, _PLURAL_SUBJECT, _SUBJECT
from sitrep.extract.hedging import HEDGE_CUES

TEXTS = [
    "Two soldiers and three Iraqis were killed; police KILLED two gunmen. Officials said it was likely.",
    "Five Americans were wounded when the convoy was hit. The attackers reportedly killed a man.",
    "ſix people were killed in the blaſt; a Kurdish fighter was wounded.",  # long s: no shortcut
    "İstanbul: two people were killed, police said.",  # lower-casing changes the length
    "Bırak: three civilians were killed (dotless i).",
    "Kelvin sign: KILLED two men, Ünal said the victims were probably Afghans.",
    "",
]
PATTERNS = [
    _SUBJECT,
    _OBJECT,
    _PLURAL_SUBJECT,
    re.compile(r"\b(?:" + "|".join(HEDGE_CUES) + r")\b", re.IGNORECASE),
    re.compile(r"(?-i:[A-Z][a-z]+)\s+were\s+killed", re.IGNORECASE),
    re.compile(r"x*", re.IGNORECASE),  # empty matches are left to re
]


def _spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:30])
@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_the_original(pattern: re.Pattern[str], text: str) -> None:
    fast = CaselessPattern(pattern)
    assert _spans(fast.finditer(text)) == _spans(pattern.finditer(text))
    for start, end in ((5, len(text)), (0, len(text) // 2), (10, 40)):
        assert _spans(fast.finditer(text, start, end)) == _spans(pattern.finditer(text, start, end))
        expected = pattern.search(text, start, end)
        got = fast.search(text, start, end)
        assert (got.span() if got else None) == (expected.span() if expected else None)


def test_case_sensitive_parts_stay_case_sensitive() -> None:
    fast = CaselessPattern(re.compile(r"(?-i:[A-Z][a-z]+)\s+were\s+killed", re.IGNORECASE))
    assert [m.group(0) for m in fast.finditer("Iraqis WERE killed; soldiers were killed")] == [
        "Iraqis WERE killed"
    ]


def test_shortcut_only_when_offsets_and_folding_are_safe() -> None:
    assert lowered("Gunmen KILLED two — ‘probably’ é") == "gunmen killed two — ‘probably’ é"
    assert lowered("İstanbul") is None  # lower() adds a combining dot
    assert lowered("ſhot") is None  # the long s matches "s" case-insensitively
    assert lowered("Bırak") is None  # the dotless i matches "i" case-insensitively


def test_rejects_patterns_it_cannot_speed_up() -> None:
    with pytest.raises(ValueError):
        CaselessPattern(re.compile("killed"))
    with pytest.raises(ValueError):
        CaselessPattern(re.compile("Ünal", re.IGNORECASE))


def test_inline_ignorecase_flag() -> None:
    pattern = re.compile(r"(?i)blam|by\b")
    fast = CaselessPattern(pattern)
    assert not fast.fast.flags & re.IGNORECASE
    text = "Officials BLAMED the group. It was claimed by nobody; standby"
    assert _spans(fast.finditer(text)) == _spans(pattern.finditer(text))
