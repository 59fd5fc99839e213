"""Counts that are not the incident's own: a figure the report withdraws (dismissed, refuted or
unverified), a count of an earlier incident, or the death a crowd protests.

ACLED codes no fatalities from such a figure, and neither do careful readers of the news:

* dismissed before the count: "the governor dismissed reports that 14 people were shot dead";
* refuted or unverified after it, in the same sentence or at the start of the next one: "a
  report said two people were killed, but this was later refuted", "Rebels claimed ten soldiers
  were killed. The claim could not be independently verified."

Denials of something else ("the army denied the casualty", "the man was denied bail") withdraw
nothing: the refuting clause must be about the report itself (this, it, the claim, the report ...).

Also here: a count in a sentence that opens by stepping back in time ("A year earlier, ...") is an
earlier incident's (:func:`elsewhere_in_time`), and the death a crowd protests is not the crowd's
own incident's (:func:`grievance_counts`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.model import CountMention

__all__ = ["DOUBT_WORD", "UNREST_SUB_TYPES", "elsewhere_in_time", "grievance_counts", "withdrawn"]

_DISMISSED_BEFORE = re.compile(
    r"\b(?:dismiss(?:ed|es|ing)?|refut(?:ed|es|ing)|reject(?:ed|s|ing)?|den(?:ied|ies|y|ying)|rubbish(?:ed|es))"
    r"\s+(?:\w+\s+){0,2}?(?:reports?|claims?|allegations?|rumou?rs?|suggestions?)\s+(?:that|of)\b[^;]*$",
    re.IGNORECASE,
)
_WITHDRAWN = (
    r"\b(?:this|that|it|which|the\s+(?:information|claims?|reports?|statement|figures?|toll|account|news)"
    r"|these\s+(?:claims|reports|figures))\s+(?:\w+\s+)?"
    r"(?:could\s+not\s+(?:yet\s+)?be\s+(?:independently\s+)?(?:verified|confirmed)"
    r"|(?:was|were|has\s+been|have\s+been)\s+(?:later\s+|since\s+|subsequently\s+)?(?:refuted|denied|retracted"
    r"|disproved|dismissed))\b"
)
_WITHDRAWN_AFTER = re.compile(r"[^;]*?" + _WITHDRAWN, re.IGNORECASE)
_WITHDRAWN_NEXT = re.compile(r"\s*(?:however,?\s+|but\s+)?" + _WITHDRAWN, re.IGNORECASE)


#: the words any withdrawal needs: a sentence (and the next) without one withdraws nothing (speed)
DOUBT_WORD = re.compile(
    r"verif|confirm|refut|deni|deny|retract|disprov|dismiss|reject|rubbish", re.IGNORECASE
)


def withdrawn(
    text: str, start: int, end: int, sentence: tuple[int, int], following: tuple[int, int] | None
) -> bool:
    """True when the report withdraws the count at ``text[start:end]``: dismissed before it in its
    ``sentence``, or refuted / unverified after it there or at the start of the ``following`` one."""
    s_start, s_end = sentence
    if _DISMISSED_BEFORE.search(text, s_start, start):
        return True
    if _WITHDRAWN_AFTER.match(text, end, s_end):
        return True
    return following is not None and _WITHDRAWN_NEXT.match(text, following[0], following[1]) is not None


# Counts of other, earlier incidents: "A year earlier, a guard was shot dead", "A few days before, a wall
# collapsed killing six pupils".
_EARLIER_BEFORE = re.compile(
    r"(?:[^;]*?[,:]\s+)?(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+"
    r"(?:days?|weeks?|months?|years?)\s+(?:earlier|before|prior)|the\s+(?:previous|prior)\s+(?:week|month|year))"
    r",\s+[^;]*$",
    re.IGNORECASE,
)


def elsewhere_in_time(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """True when the count at ``text[start:end]`` belongs to an earlier incident: its sentence opens with a
    time-back cue ("A year earlier, ...", "Two days before, ...")."""
    return _EARLIER_BEFORE.match(text, sentence[0], start) is not None


#: the sub-event types of crowds and demonstrations, whose reports often name the deaths they are about
UNREST_SUB_TYPES = frozenset(
    {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
        "Mob violence",
        "Looting/property destruction",
    }
)
# a death or injury a crowd protests: "demonstrated after police shot a man", "over the death of a girl"
_GRIEVANCE = re.compile(
    r"\b(?:after|following|over|against|protest(?:ed|ing|s)?|(?:demand(?:ed|ing)?\s+)?justice\s+for"
    r"|in\s+response\s+to|in\s+retaliation\s+for|(?:burial|funeral|memory)\s+of|mourn(?:ed|ing)?"
    r"|accused\s+of|suspected\s+(?:of|to\s+have)|(?:who|which|that)\s+had|had\s+(?:\w+ly\s+)?\w+ed)\b"
    r"[^.;:]{0,100}$",
    re.IGNORECASE,
)


def grievance_counts(text: str, counts: Sequence[CountMention], sub_event_type: str) -> list[CountMention]:
    """The counts of a crowd's own incident: a demonstration or mob's report often states the death
    it is about ("protested after police killed a man", "over the death of a student"), which is
    another incident; such counts, after a cue of cause in their sentence, are left out. Other
    incident types keep all their counts."""
    if sub_event_type not in UNREST_SUB_TYPES:
        return list(counts)
    out = []
    for c in counts:
        start = max(0, c.span.start - 140)
        head = text[start : c.span.start]
        head = head[max(head.rfind(". "), head.rfind("\n")) + 1 :]  # this sentence only
        if not _GRIEVANCE.search(head):
            out.append(c)
    return out
