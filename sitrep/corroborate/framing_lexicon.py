"""The framing lexicon: loaded and charged terms, their category and a neutral wording.

The lexicon lives in ``sitrep/corroborate/data/framing_lexicon.json`` (see README, "Framing").
Each key is a term of one to four words; a suffix ``/v`` adds verb forms (``slam/v`` →
slams, slammed, slamming), ``/n`` plurals (``thug/n`` → thugs) and ``/vn`` both. Matching is
case-insensitive on word tokens (hyphenated words and possessives stay one token, curly
apostrophes count as straight ones), longest term first, and takes a few microseconds per
sentence: the text is tokenised once and n-grams are looked up in a dict.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "CATEGORIES",
    "REPORTED_CATEGORIES",
    "Lexicon",
    "LexiconEntry",
    "LexiconHit",
    "inflections",
    "load_lexicon",
    "tokens",
]

#: the categories, in the order the classifier's features use them
CATEGORIES = (
    "loaded",
    "epithet",
    "labelling",
    "speech",
    "evaluative",
    "intensifier",
    "doubt",
    "euphemism",
    "cue",
)
#: categories whose hits are reported as framing terms (``cue`` only feeds the classifier)
REPORTED_CATEGORIES = frozenset(CATEGORIES) - {"cue"}

_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SIBILANT = ("s", "sh", "ch", "x", "z")
_VOWELS = set("aeiou")


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One lexicon term: its headword, category and neutral wording (``None`` if none)."""

    term: str
    category: str
    neutral: str | None


@dataclass(frozen=True, slots=True)
class LexiconHit:
    """A lexicon term found in a text, with character offsets into that text."""

    start: int
    end: int
    entry: LexiconEntry


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens of ``text`` as (start, end, normalised lower-case form)."""
    low = text.lower().replace("’", "'")
    if len(low) != len(text):  # a rare character whose lower case is longer: normalise per token
        return [(m.start(), m.end(), _norm(m.group(0))) for m in _TOKEN.finditer(text)]
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(low)]


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _plural(word: str) -> list[str]:
    if word.endswith(_SIBILANT):
        return [word + "es"]
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        return [word[:-1] + "ies"]
    return [word + "s"]


def _verb_forms(word: str) -> list[str]:
    forms = [*_plural(word)]
    if word.endswith("e"):
        forms += [word + "d", word[:-1] + "ing"]
    elif word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        forms += [word[:-1] + "ied", word + "ing"]
    else:
        forms += [word + "ed", word + "ing"]
        cvc = len(word) >= 3 and word[-1] not in _VOWELS | {"w", "x", "y"}
        if cvc and word[-2] in _VOWELS and word[-3] not in _VOWELS:
            forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    return forms


def inflections(key: str) -> list[str]:
    """The surface forms of a lexicon key such as ``"slam/v"`` or ``"witch hunt/n"``."""
    term, _, kind = key.partition("/")
    term = " ".join(_norm(term).split())
    words = term.split(" ")
    out = [term]
    if "v" in kind:  # inflect the first word of a phrasal verb ("prey on" → "preyed on")
        out += [" ".join([f, *words[1:]]) for f in _verb_forms(words[0])]
    if "n" in kind:  # inflect the head noun, the last word ("witch hunt" → "witch hunts")
        out += [" ".join([*words[:-1], f]) for f in _plural(words[-1])]
    return out


class Lexicon:
    """Surface form → entry, with a longest-match scanner over word tokens."""

    def __init__(self, entries: dict[str, LexiconEntry]) -> None:
        self._forms = entries
        # first word → the numbers of words of the terms starting with it (and 1), most first
        lengths: dict[str, set[int]] = {}
        self._second: dict[str, set[str]] = {}  # first word → second words of longer terms
        for form in entries:
            first, *rest = form.split(" ")
            lengths.setdefault(first, {1}).add(1 + len(rest))
            if rest:
                self._second.setdefault(first, set()).add(rest[0])
        self._lengths = {first: tuple(sorted(ks, reverse=True)) for first, ks in lengths.items()}

    def __len__(self) -> int:
        return len(self._forms)

    def __contains__(self, form: str) -> bool:
        return " ".join(_norm(form).split()) in self._forms

    def lookup(self, form: str) -> LexiconEntry | None:
        """The entry a surface form belongs to, if any."""
        return self._forms.get(" ".join(_norm(form).split()))

    def scan(self, text: str, toks: list[tuple[int, int, str]] | None = None) -> list[LexiconHit]:
        """Every lexicon term in ``text``, longest match first, not overlapping, in text order."""
        toks = tokens(text) if toks is None else toks
        hits: list[LexiconHit] = []
        forms, lengths = self._forms, self._lengths
        n = len(toks)
        starts = [  # words a term can start at: a term's first word, or a possessive ("regime's")
            k for k, (_, _, w) in enumerate(toks) if w in lengths or ("'" in w and w.endswith("'s"))
        ]
        resume = 0  # the word after the last hit
        for i in starts:
            if i < resume:
                continue
            word = toks[i][2]
            found = None
            # a longer term needs its first two words here ("the" starts many; few follow it)
            longer = i + 1 < n and toks[i + 1][2] in self._second.get(word, ())
            for k in lengths.get(word) or (1,):  # only the lengths some term starting with this word has
                if k > n - i or (k > 1 and not longer):
                    continue
                key = word if k == 1 else " ".join([t[2] for t in toks[i : i + k]])
                entry = forms.get(key)
                if entry is not None:
                    found = (k, entry, 0)
                    break
                if k == 1 and key.endswith("'s") and (entry := forms.get(key[:-2])) is not None:
                    found = (1, entry, 2)  # "regime's" counts as "regime"
            if found is None:
                continue
            k, entry, trim = found
            hits.append(LexiconHit(toks[i][0], toks[i + k - 1][1] - trim, entry))
            resume = i + k
        return hits


def _parse(data: dict) -> dict[str, LexiconEntry]:
    entries: list[tuple[str, LexiconEntry]] = []
    for category, terms in data["terms"].items():
        if category not in CATEGORIES:
            raise ValueError(f"unknown framing category {category!r}")
        for key, neutral in terms.items():
            entries.append((key, LexiconEntry(key.partition("/")[0], category, neutral or None)))
    forms = {inflections(key)[0]: entry for key, entry in entries}  # headwords win over inflections
    for key, entry in entries:
        for form in inflections(key)[1:]:
            forms.setdefault(form, entry)
    return forms


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon shipped with sitrep (loaded once)."""
    raw = resources.files("sitrep.corroborate").joinpath("data", "framing_lexicon.json").read_text("utf-8")
    return Lexicon(_parse(json.loads(raw)))
