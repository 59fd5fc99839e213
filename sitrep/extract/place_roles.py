"""What each resolved toponym says about the event: is it where it happened, and where in its country.

Each mention is flagged as an event location (dateline, early locative mentions,
"in/near/at X" next to an attack verb; the dateline city only when no other fine place
qualifies, countries and regions only when no finer place does; country adjectives and
reference points such as Kirkuk in "30 km north of Kirkuk", the town of the hospital a victim
was taken to, or the towns a road is named after ("the Nairobi-Mombasa highway"), never) and gets a
description when the text places it in a part of a country ("the southern Iraqi city of
Basra", "Kirkuk in northern Iraq" → ``"north IQ"``).
"""

from __future__ import annotations

import re

from sitrep.caseless import lowered
from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.gazetteer_build import GazetteerData
from sitrep.extract.gazetteer_text import DIRECTION_WORDS
from sitrep.extract.place_scan import Match
from sitrep.geo import FINE_FEATURES, distance_km

__all__ = ["EVENT_VERBS", "descriptions", "event_flags"]

EVENT_VERBS = re.compile(
    r"\b(?:attack\w*|kill\w*|shot|shoot\w*|shelling|shelled|explo\w+|blast\w*|bomb\w*|clash\w*|"
    r"protest\w*|struck|strike|strikes|hit|hits|fire[ds]?|firing|fought|fighting|ambush\w*|raid\w*|"
    r"rocket\w*|missile\w*|drone\w*|wounded|injur\w*|dead|died|casualt\w*|riot\w*|demonstrat\w*|"
    r"march\w*|rall\w+|gunmen|gunfire|assault\w*|massacre\w*|abduct\w*|kidnap\w*|seiz\w+|captur\w+|"
    r"target\w*|detonat\w*|landed|erupted|violence|battle\w*|offensive|airstrike\w*|air strike\w*)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"\A\s*(?:[^\n]{0,80}\n\s*)??([A-Z][A-Z'’.\- ]{2,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?)"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:—|–|--|-)\s"
)
# a dateline glued to a crawled title or site name: "... | FOX6Now.comMILWAUKEE — A man ..."
_GLUED_DATELINE = re.compile(
    r"(?<=[a-z0-9.|»])([A-Z][A-Z'’.\- ]{2,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?)"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:—|–|--|-)\s"
)
_GLUED_REACH = 400  # characters from the start of the text a glued dateline may begin
_RELATIVE_BEFORE = re.compile(  # "30 km (19 miles) south of", "north-west of the": X is a reference point
    r"\b(?:\d[\d.,]*\s*(?:km|kms|kilomet(?:re|er)s|miles?|mi)\s+(?:\([^)\n]{0,30}\)\s+)?)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
# "was taken to a hospital in X", "rushed to ... Medical Center in X": where a victim was treated
_DESTINATION_BEFORE = re.compile(
    r"\b(?:taken|rushed|transported|driven|airlifted|flown|brought|transferred|drove|carried)\s+"
    r"(?:\w+\s+){0,3}?to\b[^.;!?\n]{0,80}\Z",
    re.IGNORECASE,
)
# a road named after the towns it joins ("the Nairobi-Mombasa highway"): its towns are ends, not the scene
# \b(?:[Hh]ighway|[Rr]oad|[Rr]ailway|[Pp]ipeline|[Bb]order)\b, opening with its first letters (a
# character set the regex engine skips to: several times faster than a word boundary tried everywhere)
_ROAD_WORD = re.compile(
    r"[HhRrPpBb](?<!\w[HhRrPpBb])(?:(?<=[Hh])ighway|(?<=[Rr])(?:oad|ailway)|(?<=[Pp])ipeline|(?<=[Bb])order)\b"
)
_ROAD_NAME_BEFORE = re.compile(
    r"(?<![\w'’])[A-Z][\w'’]*(?: [A-Z][\w'’]*)?(?:\s?[-–]\s?[A-Z][\w'’]*(?: [A-Z][\w'’]*)?)+\s+\Z"
)
# case-sensitive copies for a lower-cased text (over twice as fast; see _context_patterns)
_EVENT_VERBS_LOWER = re.compile(EVENT_VERBS.pattern)
_RELATIVE_LOWER = re.compile(_RELATIVE_BEFORE.pattern)
_DESTINATION_LOWER = re.compile(_DESTINATION_BEFORE.pattern)
_DATELINE_REGION_KM = 600.0  # a wire bureau's dateline covers its region
_DIRECTION_BEFORE = re.compile(
    r"\b(north|south|east|west|central|centre|center)(?:ern)?(?:[- ]?(east|west)(?:ern)?)?\s+$",
    re.IGNORECASE,
)
_TYPE_OF = re.compile(r"\A\s+(?:[a-z][a-z-]*\s+){0,3}?(?:of|in)\s+(?:the\s+)?\Z")
_POSSESSIVE = re.compile(r"\A['’]s\s+(?:[a-z][a-z-]*\s+){0,2}?\Z")
_X_IN_D = re.compile(
    r"\A(?:,\s*|\s+in\s+(?:the\s+)?|,\s+in\s+(?:the\s+)?|,\s+(?:a|an|the)\s+[^,.;:\n]{0,50}?\s+in\s+"
    r"(?:the\s+)?)\Z"
)


def event_flags(text: str, kept: list[Match], sents: list, gaz: Gazetteer) -> list[bool]:
    d = gaz._d
    flags = [False] * len(kept)
    dl_start, dl_end = _dateline(text)
    first_content = min((m.sentence for m in kept), default=0)
    roads = _road_names(text)
    seen, verbs, relative_before, destination_before = _context_patterns(text)
    for k, m in enumerate(kept):
        assert m.choice is not None
        if m.adjective is not None:
            continue
        if dl_start <= m.start and m.end <= dl_end:
            flags[k] = True
            continue
        # the regular expressions run only when their answer can change the flag (speed)
        feat = d.feature[m.choice]
        placed = m.locative and not m.origin
        early = placed and m.sentence <= first_content + 1
        if not (early or placed or feat == "facility"):
            continue
        relative = (
            any(r_start <= m.start and m.end <= r_end for r_start, r_end in roads)
            or relative_before.search(seen[max(0, m.start - 40) : m.start]) is not None
            or destination_before.search(seen[max(0, m.start - 120) : m.start]) is not None
        )
        flags[k] = not relative and (
            early or verbs.search(seen, max(0, m.start - 90), min(len(text), m.end + 90)) is not None
        )
    # the dateline city is where the story was filed: the event place only when no other fine place
    # in its region is (one far away is more likely a misread street or landmark name than the scene)
    in_dateline = [m for m in kept if dl_start <= m.start and m.end <= dl_end]
    home = [m for m in in_dateline if d.feature[m.choice or 0] in FINE_FEATURES]
    if any(
        f
        and m.end > dl_end
        and d.feature[m.choice or 0] in FINE_FEATURES
        and _within(d, m, home, _DATELINE_REGION_KM)
        for f, m in zip(flags, kept, strict=True)
    ):
        flags = [f and m.end > dl_end for f, m in zip(flags, kept, strict=True)]
    finer = any(
        f and d.feature[m.choice or 0] in ("city", "facility", "admin2")
        for f, m in zip(flags, kept, strict=True)
    )
    if finer:
        for k, m in enumerate(kept):
            if flags[k] and d.feature[m.choice or 0] in ("country", "admin1", "region"):
                flags[k] = False
    return flags


def _context_patterns(text: str) -> tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The text to search for context words, and EVENT_VERBS, _RELATIVE_BEFORE and _DESTINATION_BEFORE
    for it: the lower-cased text and case-sensitive copies when they find exactly what the
    case-insensitive patterns find in ``text`` (see :func:`sitrep.caseless.lowered`)."""
    low = lowered(text)
    if low is None:
        return text, EVENT_VERBS, _RELATIVE_BEFORE, _DESTINATION_BEFORE
    return low, _EVENT_VERBS_LOWER, _RELATIVE_LOWER, _DESTINATION_LOWER


def _road_names(text: str) -> list[tuple[int, int]]:
    """Spans of roads named after the places they join ("the Kisumu-Busia highway")."""
    out = []
    for word in _ROAD_WORD.finditer(text):
        start = max(0, word.start() - 80)
        name = _ROAD_NAME_BEFORE.search(text, start, word.start())
        if name is not None:
            out.append((name.start(), word.end()))
    return out


def _dateline(text: str) -> tuple[int, int]:
    """Where the places of the article's dateline may lie: from the text's start to the end of an
    opening dateline, or the span of a dateline glued to the title; (0, -1) when there is none."""
    opening = _DATELINE.match(text)
    if opening:
        return 0, opening.end()
    glued = _GLUED_DATELINE.search(text, 0, _GLUED_REACH + 80)
    if glued and glued.start() <= _GLUED_REACH:
        return glued.start(), glued.end()
    return 0, -1


def _within(d: GazetteerData, m: Match, others: list[Match], km: float) -> bool:
    """True when ``m`` lies within ``km`` of one of ``others`` (or ``others`` is empty)."""
    a = m.choice or 0
    return not others or any(
        distance_km(d.lat[a], d.lon[a], d.lat[o.choice or 0], d.lon[o.choice or 0]) <= km for o in others
    )


def descriptions(text: str, kept: list[Match], gaz: Gazetteer) -> dict[int, tuple[str, int, int]]:
    """ "southern Iraqi city of X", "X in northern Iraq", "X, a base in northern Iraq"."""
    d = gaz._d
    out: dict[int, tuple[str, int, int]] = {}
    for k, m in enumerate(kept):
        if m.choice is None or d.feature[m.choice] != "country":
            continue
        dm = _DIRECTION_BEFORE.search(text, max(0, m.start - 30), m.start)
        if dm is None:
            continue
        direction = DIRECTION_WORDS.get((dm.group(1) + (dm.group(2) or "")).lower(), "central")
        value = f"{direction} {d.country[m.choice]}"
        d_start, d_end = dm.start(), m.end
        if k + 1 < len(kept):
            nxt = kept[k + 1]
            gap = text[d_end : nxt.start]
            if (m.adjective and _TYPE_OF.match(gap)) or (not m.adjective and _POSSESSIVE.match(gap)):
                out.setdefault(id(nxt), (value, d_start, d_end))
                continue
        if k > 0:
            prev = kept[k - 1]
            if d.feature[prev.choice or 0] != "country" and _X_IN_D.match(text[prev.end : d_start]):
                out.setdefault(id(prev), (value, d_start, d_end))
    return out
