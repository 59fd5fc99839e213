"""Normalising claimed values so that different wordings of one fact compare equal.

* counts: ``"1"``, ``"2-9"``, ``"at least 30"`` become (low, high) bounds; a vague
  quantity ("several", "dozens") is a range open at the top, so "several" never
  contradicts "three";
* actors: "a group calling itself X", "remnants of the Islamic State group" and
  "IS" become the actor dictionary's canonical name;
* directions: "southern", "north-west", "northwestern" become sets of compass
  components ({"south"}, {"north", "west"}) that can be checked against coordinates.
"""

from __future__ import annotations

import re

from sitrep.extract.actors import lookup_actor

__all__ = [
    "OPEN",
    "canonical_actor",
    "count_bounds",
    "direction_components",
    "is_vague",
    "parse_count",
    "ranges_clash",
]

OPEN = 10**9  # the upper bound of an open range ("at least 30")

_VAGUE = re.compile(
    r"(?i)\b(?:several|some|a\s+few|few|many|numerous|dozens|scores|hundreds|thousands|a\s+number\s+of"
    r"|multiple|others|other\s+people|a\s+handful|various)\b"
)


def parse_count(value: str) -> tuple[int, int] | None:
    """``"3"`` → (3, 3); ``"2-9"`` → (2, 9); ``"at least 30"`` → (30, OPEN); ``"unknown"`` → None."""
    if m := re.fullmatch(r"(\d+)", value):
        n = int(m.group(1))
        return n, n
    if m := re.fullmatch(r"(\d+)-(\d+)", value):
        return int(m.group(1)), int(m.group(2))
    if m := re.fullmatch(r"at least (\d+)", value):
        return int(m.group(1)), OPEN
    return None


def is_vague(text: str) -> bool:
    """True when ``text`` words a count vaguely ("several others", "dozens of people")."""
    return _VAGUE.search(text) is not None


def count_bounds(value: str, text: str = "") -> tuple[int, int] | None:
    """The (low, high) a count claim allows; a vague wording (in ``text``) leaves the top open.

    "several wounded" is extracted as a small range, but a reporter who writes "several"
    is not asserting an upper limit: it must not contradict a later exact figure.
    """
    bounds = parse_count(value)
    if bounds is None:
        return None
    low, high = bounds
    if low != high and is_vague(text):
        return low, OPEN
    return bounds


def ranges_clash(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when no number lies in both ranges."""
    return a[1] < b[0] or b[1] < a[0]


_ACTOR_NOISE = re.compile(
    r"(?i)^(?:(?:an?|the)\s+)?(?:(?:little-known|new|previously\s+unknown|shadowy|obscure|armed|militant)\s+)*"
    r"(?:group|faction|organi[sz]ation|outfit|militia)?\s*(?:calling\s+itself|known\s+as|named|called)\s+"
    r"|^(?:the\s+)?(?:remnants|members|fighters|elements|militants|cells?)\s+(?:of|from)\s+(?:the\s+)?"
    r"|^(?:of|by)\s+(?:the\s+)?"
)


def canonical_actor(name: str) -> str:
    """The dictionary's canonical name for an actor phrase, else the phrase tidied.

    "calling itself Saraya X" → "Saraya X"; "remnants of the Islamic State group" →
    "Islamic State"; "Kataib Hezbollah" → "Kata'ib Hezbollah".
    """
    phrase = re.sub(r"\s+", " ", name.strip(" \t\n'’\"“”.,;:"))
    for _ in range(3):
        stripped = _ACTOR_NOISE.sub("", phrase).strip()
        if stripped == phrase:
            break
        phrase = stripped
    hedged = re.fullmatch(
        r"(?i)([\w-]+)\s+(?:believed|thought|suspected|said|understood)\s+to\s+be\s+([\w-]+)", phrase
    )
    if hedged:  # "warplanes believed to be Russian" → "Russian warplanes"
        phrase = f"{hedged.group(2)} {hedged.group(1)}"
    candidates = [phrase, re.sub(r"(?i)\s+(?:group|militants|fighters)$", "", phrase)]
    force = _FORCE_NOUN.match(phrase)
    if force:  # "Syrian government aircraft": the force it belongs to
        candidates += [f"{force.group(1)} {noun}" for noun in ("forces", "military", "army", "warplanes")]
    for candidate in candidates:
        entry = lookup_actor(candidate)
        if entry is not None:
            return entry.name
    return re.sub(r"(?i)^(?:the|an?)\s+", "", phrase) or name


_FORCE_NOUN = re.compile(
    r"(?i)^(.+?)\s+(?:aircraft|warplanes?|jets?|drones?|helicopters?|planes?|gunships?|artillery|troops|soldiers"
    r"|forces)$"
)

_COMPASS = {"north", "south", "east", "west"}


def direction_components(text: str) -> frozenset[str]:
    """``"southern"`` → {south}; ``"north-west"``/``"northwestern"`` → {north, west}; ``"central"`` → {}."""
    words = re.findall(r"north|south|east|west", text.lower())
    return frozenset(w for w in words if w in _COMPASS)
