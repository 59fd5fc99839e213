"""Casualty counts: how many people an article says were killed and injured.

Counts are found sentence by sentence with regular expressions in a few shapes:

* subject side: "Three people were killed", "a man was fatally shot", "two others
  were wounded", "5 found dead", "two dead and four wounded", "Jane Doe, 23, was killed";
* object side: "killed three civilians", "killing an American contractor",
  "wounding several others", "leaving two dead";
* tolls: "the death toll rose to 12", "12 deaths", "bodies of 4 people were found";
* zero: "no one was hurt", "no injuries were reported", "without casualties";
* withdrawn: a count the report dismisses, refutes or could not verify counts nothing
  (:mod:`sitrep.extract.casualty_doubt`);
* shootings: "four people were shot, one fatally" gives killed 1, and the people
  shot minus the people killed are counted as injured (a derived mention whose span
  is the "were shot" phrase).

A count needs a *person* noun ("30 rockets" and "four vehicles" never count), or
none at all directly before the verb ("three were killed", "killing three and ...").
Ages ("a 12-year-old" is one person, never twelve), times, years, money,
ordinals and "one of the victims" never count.

Quantities become ``(low, high)`` ranges (``high`` None = open):

* exact: "three", "3", "a man" (1), "both" (2), "about/some/around 30" (30), "a dozen"
  (12), "no one" / "no injuries" (0);
* "at least 30" (30, None); "more than 30", "over 30" (31, None); "more than a dozen"
  (13, None); "nearly/almost 30" (27, 29); "up to 30" (1, 30); "fewer than 30" (1, 29);
  "between 6 and 13", "from 6 to 13" (6, 13);
* "several" (2, 9); "a few", "a handful" (2, 5); "a couple of" (2, 3); "dozens"
  (24, None); "scores of" (40, None); "hundreds" (200, 999); "thousands" (2000, None);
  "many", "numerous", "multiple" (2, None); an unquantified plural ("wounded troops")
  (1, None).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sitrep.caseless import CaselessPattern, lowered
from sitrep.extract.casualty_combine import SELF_INFLICTED, combine_counts, victim_group
from sitrep.extract.casualty_doubt import (
    DOUBT_WORD,
    UNREST_SUB_TYPES,
    elsewhere_in_time,
    grievance_counts,
    withdrawn,
)
from sitrep.extract.casualty_patterns import (
    _ACTIVE_NEXT,
    _AFTER_A_COUNT,
    _AGE_OBJECT,
    _AND_DIED,
    _AND_MORE,
    _ANOTHER_HURT,
    _APPOSITIVE_SHOT,
    _BODY_FOUND,
    _CASUALTY_WORD,
    _CODED_AS,
    _DEATH_OF,
    _FATALLY,
    _FOUND_WOUNDED,
    _GROUP_OBJECT,
    _GROUP_SUBJECT,
    _HIM,
    _INTENT,
    _LEAVING,
    _LIST_BEFORE,
    _N_OF_HIS,
    _NAME_SUBJECT,
    _NAMED,
    _NOT_A_SUBJECT,
    _NOUN_COUNT,
    _OBJECT,
    _OF_THEM,
    _PAIR,
    _PERSON_SINGULAR_RE,
    _PLURAL,
    _PLURAL_SUBJECT,
    _POSSESSIVE,
    _PRONOUN,
    _REFLEXIVE,
    _SHOOTING_DEATH,
    _SHOT_DIES,
    _SHOT_N_DEAD,
    _SUBJECT,
    _SUBJECT_GAP,
    _THE_OBJECT,
    _THE_ONE,
    _TO_DEATH,
    _TO_HOSPITAL,
    _TOLL,
    _TOLL_RANGE,
    _TRANSITIVE,
    _WEAK_CASUALTY_FORMS,
    _ZERO,
)
from sitrep.extract.casualty_quantities import _Range, parse_quantity
from sitrep.extract.hedging import hedge_cue
from sitrep.model import Article, CountMention
from sitrep.text import sentences

__all__ = [
    "UNREST_SUB_TYPES",
    "combine_counts",
    "find_counts",
    "grievance_counts",
    "parse_quantity",
    "victim_group",
]

logger = logging.getLogger(__name__)

_CASUALTY_WORD_LOWER = re.compile(_CASUALTY_WORD.pattern)  # for lower-cased text: no IGNORECASE cost
_WEAK_FORMS_LOWER = re.compile(_WEAK_CASUALTY_FORMS.pattern)
_DOUBT_WORD_LOWER = re.compile(DOUBT_WORD.pattern)
_BACK_WORD = re.compile(r"earlier|before|prior|previous", re.IGNORECASE)  # the cues of an earlier incident
_DIGIT = re.compile(r"\d")
_HE_SHE = re.compile(r"\b(?:he|she)\b")
_VERB_BEFORE = re.compile(
    r"\b(?:kill(?:ing|ed)|wound(?:ing|ed)|injur(?:ing|ed)|shoot(?:ing)?|shot|leaving|left)\s+$", re.IGNORECASE
)
_NEW_CLAUSE = re.compile(r"\s+(?:\w+\s+)?(?:were|was|are|is|have|has|had)\b", re.IGNORECASE)
_NONE_OF = re.compile(
    r"\b(?:none|neither|not\s+(?:one|any))\s+of\s+(?:the\s+|these\s+|those\s+)?(?:other\s+)?$", re.I
)
# a number then a capitalised word: the gate of the group-name patterns
_DIGIT_OR_WORD_CAP = re.compile(
    r"\b(?i:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+ty)\s+(?:al[- ])?[A-Z]"
)
_NO_BEFORE = re.compile(r"\bno\s+$", re.IGNORECASE)
_PREDICATE = re.compile(r"\b(?:being|be)\s+$", re.IGNORECASE)
_APPOSITIVE = re.compile(r",\s*an?\s", re.IGNORECASE)  # a last list item after a comma, with "a"
_SUBSET = re.compile(r"\bof\s+the\s+(?:wounded|injured|victims)\b", re.IGNORECASE)
# the patterns that run faster searched in the lower-cased text (measured; the others are left as they are)
_SUBJECT_FAST = CaselessPattern(_SUBJECT)
_OBJECT_FAST = CaselessPattern(_OBJECT)
_SUBJECT_GAP_FAST = CaselessPattern(_SUBJECT_GAP)
_THE_OBJECT_FAST = CaselessPattern(_THE_OBJECT)
_HIM_FAST = CaselessPattern(_HIM)
_NOUN_COUNT_FAST = CaselessPattern(_NOUN_COUNT)
_PAIR_FAST = CaselessPattern(_PAIR)
_REFLEXIVE_FAST = CaselessPattern(_REFLEXIVE)
_AND_DIED_GATE = re.compile(r" and (?:later |then |subsequently )?(?:died|passed away)")
_AGE_OBJECT_FAST = CaselessPattern(_AGE_OBJECT)
_TO_DEATH_FAST = CaselessPattern(_TO_DEATH)
_POSSESSIVE_FAST = CaselessPattern(_POSSESSIVE)
_OF_THEM_FAST = CaselessPattern(_OF_THEM)
_SHOT_DIES_FAST = CaselessPattern(_SHOT_DIES)
_PLURAL_SUBJECT_FAST = CaselessPattern(_PLURAL_SUBJECT)
_LIST_BEFORE_FAST = CaselessPattern(_LIST_BEFORE)
_THE_ONE_FAST = CaselessPattern(_THE_ONE)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    kind: str  # killed | injured | shot
    low: int | None
    high: int | None
    priority: int


def _verb_kind(m: re.Match[str]) -> str | None:
    for group, kind in (("k", "killed"), ("i", "injured"), ("s", "shot")):
        if m.groupdict().get(group):
            return kind
    return None


def _quantity(m: re.Match[str]) -> _Range | None:
    return parse_quantity(m.group("num"), m.group("mod"))


def _scan(text: str, start: int, end: int) -> list[_Hit]:
    hits: list[_Hit] = []

    def add(
        m: re.Match[str],
        kind: str | None,
        quantity: _Range | None,
        prio: int,
        end_at: int = -1,
        start_at: int = -1,
    ) -> None:
        if kind is None or quantity is None:
            return
        begin = start_at if start_at >= 0 else m.start()
        hits.append(_Hit(begin, end_at if end_at >= 0 else m.end(), kind, quantity[0], quantity[1], prio))

    # cheap substring gates on the sentence: a pattern whose required words are absent is skipped
    low = " " + " ".join(text[start:end].lower().split()) + " "
    for m in _SUBJECT_FAST.finditer(text, start, end):
        if m.group("bare") is not None and not _bare_subject_ok(text, m):
            continue
        if not _passive(m) and _transitive(m) and _ACTIVE_NEXT.match(text, m.end()):
            continue  # "two men shot a woman": the number counts the shooters
        if _NONE_OF.search(text, max(start, m.start() - 30), m.start()):
            continue  # "none of the other eight people were hurt"
        if _PREDICATE.search(text, max(start, m.start() - 12), m.start()):
            continue  # "a man suspected of being a thief was lynched": the subject is the man
        quantity, first = _quantity(m), m.start()
        if m.group("noun"):
            quantity, first = _listed_before(text, start, first, quantity)
        add(m, _verb_kind(m), quantity, 3, start_at=first)
    for m in _OBJECT_FAST.finditer(text, start, end):
        if _INTENT.search(text, max(0, m.start() - 25), m.start()):
            continue  # "threatened to kill two people"
        kind = "killed" if m.group("ak") else "injured" if m.group("ai") else "shot"
        if m.group("noun") is None and m.group("num").isalpha() and m.group("num").lower() in ("a", "an"):
            continue
        quantity, list_end = _and_more(text, m.end(), end, _quantity(m))
        add(m, kind, quantity, 3, list_end)
    for m in _SHOT_N_DEAD.finditer(text, start, end) if " dead" in low else ():
        add(m, "killed", _quantity(m), 4)
    for m in _TO_HOSPITAL.finditer(text, start, end) if "hospital" in low or " er" in low else ():
        bare_article = m.group("noun") is None and m.group("num").lower() in ("a", "an")  # "sent a team"
        add(m, "injured", None if bare_article else _quantity(m), 3)
    appositive = _any(low, ", shot", ", wounded", ", injured", ", hurt")
    for m in _APPOSITIVE_SHOT.finditer(text, start, end) if appositive else ():
        add(m, "shot" if m.group("s") else "injured", (1, 1), 2)
    for m in _FOUND_WOUNDED.finditer(text, start, end) if "wound" in low else ():
        add(m, "shot", (1, 1), 2)
    for m in _BODY_FOUND.finditer(text, start, end) if "body" in low else ():
        add(m, "killed", (1, 1), 1)
    for m in _CODED_AS.finditer(text, start, end) if " coded " in low else ():
        add(m, "killed", (int(m.group("num")), int(m.group("num"))), 5)
    of_someones = _any(
        low, " of his ", " of her ", " of their ", " of its ", " of the ", " of these ", " of those "
    )
    for m in _N_OF_HIS.finditer(text, start, end) if of_someones else ():
        add(m, "killed" if m.group("ak") else "injured" if m.group("ai") else "shot", _quantity(m), 4)
    for m in _TOLL_RANGE.finditer(text, start, end) if "rang" in low or "var" in low else ():
        add(m, "killed", (int(m.group("num")), int(m.group("top"))), 5)
    for m in _TO_DEATH_FAST.finditer(text, start, end) if " to death" in low else ():
        add(m, "killed", (1, 1) if m.group("pron") else _victims(m), 4)
    for m in _THE_OBJECT_FAST.finditer(text, start, end) if " the " in low else ():
        if not _INTENT.search(text, max(0, m.start() - 25), m.start()):
            add(m, "killed" if m.group("ak") else "injured" if m.group("ai") else "shot", (1, 1), 2)
    for m in _AGE_OBJECT_FAST.finditer(text, start, end) if "year" in low else ():
        if not _INTENT.search(text, max(0, m.start() - 25), m.start()):
            add(m, "killed" if m.group("ak") else "injured" if m.group("ai") else "shot", (1, 1), 3)
    for m in (
        _POSSESSIVE_FAST.finditer(text, start, end) if _any(low, " his ", " her ", " their ", " its ") else ()
    ):
        if _INTENT.search(text, max(0, m.start() - 25), m.start()):
            continue
        kind = "killed" if m.group("ak") else "injured" if m.group("ai") else "shot"
        quantity, list_end = _and_more(text, m.end(), end, _victims(m))
        add(m, kind, quantity, 3, list_end)
    for m in _HIM_FAST.finditer(text, start, end) if _any(low, " him", " her") else ():
        if not _INTENT.search(text, max(0, m.start() - 25), m.start()):
            kind = "killed" if m.group("ak") or m.group("dead") else "injured" if m.group("ai") else "shot"
            add(m, kind, (1, 1), 1)
    for m in _NAME_SUBJECT.finditer(text, start, end) if _any(low, " was ", " been ") else ():
        add(m, _verb_kind(m), (1, 1), 1)
    for m in _LEAVING.finditer(text, start, end) if "lef" in low or "leav" in low else ():
        add(m, _verb_kind(m), _quantity(m), 4)
    for m in _FATALLY.finditer(text, start, end) if "tally" in low else ():
        add(m, "killed", _quantity(m), 4)
    for m in _OF_THEM_FAST.finditer(text, start, end) if " of " in low else ():
        if _verb_kind(m) != "killed" and _SUBSET.search(m.group(0)):
            continue  # "two of the wounded were in critical condition": already counted
        add(m, _verb_kind(m), _quantity(m), 4)
    for m in _TOLL.finditer(text, start, end) if "toll" in low or "number of" in low else ():
        add(m, "killed", _quantity(m), 5)
    for m in (
        _NOUN_COUNT_FAST.finditer(text, start, end)
        if _any(low, "death", "fatalit", "bodies", "injur", "wounded", "hurt")
        else ()
    ):
        add(m, _verb_kind(m), _quantity(m), 2)
    for m in _ANOTHER_HURT.finditer(text, start, end) if "another" in low else ():
        add(m, "injured", (1, 1), 1)
    for m in _NAMED.finditer(text, start, end) if _DIGIT.search(low) else ():
        add(m, _verb_kind(m), (1, 1), 2)
    gated = {_THE_ONE: True, _PRONOUN: _HE_SHE.search(low) is not None, _PAIR: " and " in low}
    for pattern, finder in ((_THE_ONE, _THE_ONE_FAST), (_PRONOUN, _PRONOUN), (_PAIR, _PAIR_FAST)):
        for m in finder.finditer(text, start, end) if gated[pattern] else ():
            if not _passive(m) and _transitive(m) and _ACTIVE_NEXT.match(text, m.end()):
                continue
            if pattern is _THE_ONE and m.group("who") and not _passive(m) and _transitive(m):
                continue  # "the man who shot ...": the shooter, not a victim
            add(m, _verb_kind(m), (2, 2) if pattern is _PAIR else (1, 1), 3 if pattern is _PAIR else 0)
    dies_at: set[int] = set()
    for m in _SHOT_DIES_FAST.finditer(text, start, end) if _any(low, " dies", " died") else ():
        if m.group(0)[:3].lower() == "one":  # "one of two men shot ... dies": the death only, beside the shot
            add(m, "killed", (1, 1), 2, start_at=m.end() - len(m.group(0).split()[-1]))
        else:
            dies_at.add(m.start())
            add(m, "killed", (1, 1), 2)
    for m in _AND_DIED.finditer(text, start, end) if _AND_DIED_GATE.search(low) else ():
        add(m, "killed", (1, 1), 4)  # over the clause's own "was shot": the same person
    for m in _SHOOTING_DEATH.finditer(text, start, end) if "death" in low else ():
        add(m, "killed", (1, 1), 0)
    for m in _DEATH_OF.finditer(text, start, end) if _any(low, "death", "bodies", "fatal", "deadly") else ():
        add(m, "killed", _quantity(m) if m.group("num") else (1, 1), 1)
    for m in _REFLEXIVE_FAST.finditer(text, start, end) if "self" in low or "own life" in low else ():
        killed = m.group("k") or m.group("k2") or m.group("k3") or m.group("k4")
        add(m, "killed" if killed else "shot", (1, 1), 1)
    for m in _PLURAL.finditer(text, start, end):
        add(m, "killed" if m.group("ak") else "injured", (1, None), 0)
    for m in _PLURAL_SUBJECT_FAST.finditer(text, start, end) if _any(low, " were ", " been ") else ():
        add(m, _verb_kind(m), (1, None), 0)
    if dies_at:  # "Man wounded in shooting dies": the victim who died is not also injured
        hits = [h for h in hits if h.kind != "injured" or h.start not in dies_at]
    if not any(
        h.priority > 0 for h in hits
    ):  # rarer shapes, tried only where no firm count was found (speed)
        group = _DIGIT_OR_WORD_CAP.search(text, start, end) is not None
        for m in _GROUP_SUBJECT.finditer(text, start, end) if group else ():
            if _passive(m) or not _transitive(m):
                quantity, first = _listed_before(text, start, m.start(), _quantity(m))
                add(m, _verb_kind(m), quantity, 2, start_at=first)
        for m in _GROUP_OBJECT.finditer(text, start, end) if group else ():
            add(m, "killed" if m.group("ak") else "injured" if m.group("ai") else "shot", _quantity(m), 2)
        for m in _SUBJECT_GAP_FAST.finditer(text, start, end):
            if (_passive(m) or not _transitive(m)) and not _NONE_OF.search(
                text, max(start, m.start() - 30), m.start()
            ):
                add(m, _verb_kind(m), _quantity(m), 2)
    for m in _ZERO.finditer(text, start, end):
        if m.group("c"):
            add(m, "killed", (0, 0), 5)
            add(m, "injured", (0, 0), 5)
        else:
            kind = "killed" if m.group("k") or m.group("k2") or m.group("k3") else "injured"
            add(m, kind, (0, 0), 5)
    return hits


def _listed_before(text: str, start: int, first: int, quantity: _Range | None) -> tuple[_Range | None, int]:
    """Add the victims listed before a subject ("Two soldiers and one civilian were killed": 3).

    Returns the summed range and where the list starts."""
    while (
        quantity is not None
        and (b := _LIST_BEFORE_FAST.search(text, max(start, first - 80), first)) is not None
    ):
        extra = parse_quantity(b.group("num"), b.group("mod"))
        if extra is None or _VERB_BEFORE.search(text, max(start, b.start() - 20), b.start()):
            break  # "wounding two others, six militants were killed": the object of another verb
        low = (quantity[0] or 0) + (extra[0] or 0)
        quantity = low, (None if quantity[1] is None or extra[1] is None else quantity[1] + extra[1])
        first = b.start()
    return quantity, first


def _any(text: str, *words: str) -> bool:
    return any(w in text for w in words)


def _victims(m: re.Match[str]) -> _Range:
    """The number of people a possessive object names: the number given, else one or an open plural."""
    num = m.group("num")
    if num:
        return parse_quantity(num) or (1, None)
    return (1, 1) if _PERSON_SINGULAR_RE.fullmatch(m.group("noun")) else (1, None)


def _and_more(text: str, pos: int, end: int, first: _Range | None) -> tuple[_Range | None, int]:
    """Add the further victims listed after an object ("killing his wife and two children": 3).

    Returns the summed range and where the list ends (-1 when nothing was added)."""
    if first is None:
        return None, -1
    low, high = first
    list_end = -1
    while (m := _AND_MORE.match(text, pos, end)) is not None:
        if _NEW_CLAUSE.match(text, m.end()):
            break  # "..., six militants were also killed": the subject of a new clause
        if _APPOSITIVE.match(m.group(0)) and _AND_MORE.match(text, m.end(), end) is None:
            break  # "killing their guard, a police officer": the same person, named again
        extra = _victims(m)
        low = (low or 0) + (extra[0] or 0)
        high = None if high is None or extra[1] is None else high + extra[1]
        pos = list_end = m.end()
    return (low, high), list_end


def _passive(m: re.Match[str]) -> bool:
    """True when the auxiliaries before the verb make it passive ("was shot", "got hurt"):
    adverbs alone leave it active ("two men reportedly shot a woman": the shooters)."""
    return not _PASSIVE_WORDS.isdisjoint(m.group("aux").lower().split())


_PASSIVE_WORDS = frozenset({"were", "was", "are", "is", "been", "being", "got", "get", "found"})


def _transitive(m: re.Match[str]) -> bool:
    verb = m.group("k") or m.group("i") or m.group("s") or ""
    return verb.split()[0].lower() in _TRANSITIVE if verb else False


def _bare_subject_ok(text: str, m: re.Match[str]) -> bool:
    """A count with no person noun ("Three were killed") must not be an age or part of a list."""
    num = m.group("num")
    if num.lower() in ("a", "an", "no"):
        return False
    before = text[max(0, m.start() - 12) : m.start()]
    if _NO_BEFORE.search(before):
        return False  # "no one has been shot"
    # a number word after a comma starts a clause ("one escaped, one was executed"); a digit there is
    # an age ("Lee, 24, was shot")
    clause = num.isalpha() and m.group("mod") is None and before.rstrip().endswith(",")
    if _NOT_A_SUBJECT.search(before) and not _AFTER_A_COUNT.search(before) and not clause:
        return False
    after = text[m.end("num") : m.end("num") + 3]
    return not after.startswith(",")


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Keep non-overlapping hits, preferring higher priority, then longer matches."""
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-h.priority, -(h.end - h.start), h.start)):
        if any(hit.start < c.end and c.start < hit.end and hit.kind == c.kind for c in chosen):
            continue
        if any(hit.start < c.end and c.start < hit.end and hit.start != c.start for c in chosen):
            continue
        chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def find_counts(article: Article) -> list[CountMention]:
    """The killed and injured counts stated in ``article``, in text order.

    Also emits a derived ``injured`` count when the article gives the number of people
    shot: people shot minus people killed (see the module docstring).
    """
    text = article.clean_text
    out: list[CountMention] = []
    shot: list[CountMention] = []
    low = lowered(text)  # cached; None when lower-casing would shift offsets
    gate, weak, doubt_word, gated = (
        (_CASUALTY_WORD, _WEAK_CASUALTY_FORMS, DOUBT_WORD, text)
        if low is None
        else (_CASUALTY_WORD_LOWER, _WEAK_FORMS_LOWER, _DOUBT_WORD_LOWER, low)
    )
    spans = sentences(text)
    for k, sent in enumerate(spans):
        if (
            gate.search(gated, sent.start, sent.end) is None
            and weak.search(gated, sent.start, sent.end) is None
        ):
            continue  # no casualty word, or one only in forms that state no count: no count here
        bounds = (sent.start, sent.end)
        following = (spans[k + 1].start, spans[k + 1].end) if k + 1 < len(spans) else None
        doubt = doubt_word.search(gated, sent.start, following[1] if following else sent.end) is not None
        back = _BACK_WORD.search(gated, sent.start, sent.end) is not None
        for hit in _select(_scan(text, sent.start, sent.end)):
            if back and elsewhere_in_time(text, hit.start, hit.end, bounds):
                continue  # "A year earlier, a guard was shot dead"
            if doubt and withdrawn(text, hit.start, hit.end, bounds, following):
                continue  # "... dismissed reports that 14 were killed", "this could not be verified"
            hedged = hedge_cue(text, hit.start, hit.end, bounds=bounds) is not None
            mention = CountMention(article.span(hit.start, hit.end), hit.kind, hit.low, hit.high, hedged)
            (shot if hit.kind == "shot" else out).append(mention)
    if shot:
        derived = _shot_minus_killed(shot, out)
        if derived:
            out.extend(derived)
            out.sort(key=lambda c: c.span.start)
    return out


def _shot_minus_killed(shot: list[CountMention], counts: list[CountMention]) -> list[CountMention]:
    """The injured derived from the people shot, at the span of each mention that states the largest
    number shot (a headline's "Boy shot" and the story's "a boy was shot in the leg": an incident
    that leaves the headline out still has the count)."""
    total_low, total_high = combine_counts(shot, "shot")
    # the attacker's own death is no victim among the people shot, unless the people shot
    # include someone who shot himself ("the boy had shot himself" ... "fatally shot himself")
    self_shot = any(SELF_INFLICTED.search(c.span.text) for c in shot)
    killed_low, killed_high = combine_counts(
        [c for c in counts if self_shot or not SELF_INFLICTED.search(c.span.text)], "killed"
    )
    if total_low is None:
        return []
    most = max(c.low or 0 for c in shot)
    spans = [c for c in shot if (c.low or 0) == most]
    if total_high is not None and total_low == total_high:
        if killed_low is not None and killed_low != killed_high:
            return []  # killed is vague: the difference is unknown
        injured = total_low - (killed_low or 0)
        if injured <= 0:
            return []
        return [CountMention(c.span, "injured", injured, injured, c.hedged) for c in spans]
    if killed_low is None:
        return [CountMention(c.span, "injured", total_low, total_high, c.hedged) for c in spans]
    return []
