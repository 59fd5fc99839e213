"""Actors named in an article: canonical name and kind from a dictionary, role from local syntax.

The dictionary lives in ``sitrep/data/actors.json`` (canonical name, aliases, kind,
country). Aliases match case-insensitively, except acronyms ("IS", "PMF") and
single capitalised words ("Hashed", "Wagner"), which must match as written. The
"Iran-backed" family ("Iranian-backed groups", "pro-Iran factions", "Iran's
proxies", "the Iranian regime's backed militias") is matched by a pattern and
mapped to the canonical "Iran-backed militias". A bare "the coalition" takes the
name of the last specific coalition named before it.

The role comes from the words right around a mention: "X attacked/fired/claimed"
(also "X fighters attacked", and "police said X opened fire": the verb after the
mention beats a reporting verb before it) or "attack by X" make X a perpetrator,
"attack on X" a target, "killed two X" or "X were wounded" a victim, "X said" or
"according to X" a source.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.caseless import CaselessPattern
from sitrep.extract.hedging import hedge_cue
from sitrep.model import ActorKind, ActorMention, ActorRole, Article, Span

__all__ = [
    "ActorEntry",
    "actor_dictionary",
    "alias_alternation",
    "alias_regex",
    "find_actors",
    "lookup_actor",
    "role_of",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary entry: a canonical actor name with its aliases."""

    name: str
    aliases: tuple[str, ...]
    kind: ActorKind
    country: str | None


_DATA = Path(__file__).resolve().parent.parent / "data" / "actors.json"
IRAN_BACKED = "Iran-backed militias"
_COALITION = "coalition"

_IRAN_FAMILY = re.compile(
    r"(?:(?:Iran|Iranian|Tehran)(?:['’]s)?(?:\s+regime(?:['’]s)?)?[\s-]+"
    r"(?:backed|supported|sponsored|aligned|allied|linked)"
    r"|pro-Iran(?:ian)?)"
    r"\s+(?:(?:Shia|Shi['’]ite|Shiite|Muslim|Iraqi|armed|paramilitary)\s+){0,3}"
    r"(?:militia\s+groups?|militias?|groups?|factions?|forces|proxies|paramilitar(?:y|ies)(?:\s+groups?)?"
    r"|militiamen|fighters)\b"
    r"|\b(?:Iran|Tehran)['’]s\s+(?:regional\s+)?(?:proxies|proxy\s+(?:groups|militias|forces)|(?:allied\s+)?militias)"
    r"|\bIranian\s+prox(?:y|ies)(?:\s+(?:groups|militias|forces))?",
)


def alias_regex(alias: str) -> str:
    """A regex for one alias: flexible spaces/hyphens/apostrophes/dots, case rule by shape."""
    tokens = re.split(r"(\s+|-)", alias)
    parts: list[str] = []
    for tok in tokens:
        if not tok:
            continue
        if tok.isspace() or tok == "-":
            parts.append(r"[\s-]+" if tok.isspace() else r"[\s-]?")
            continue
        if tok in ("US", "UN", "UK"):
            parts.append(rf"{tok[0]}\.?{tok[1]}\.?")
            continue
        esc = re.escape(tok).replace("'", "['’]?").replace("’", "['’]?")
        parts.append(esc)
    body = "".join(parts)
    words = alias.replace("-", " ").split()
    acronym = any(len(w) >= 2 and sum(c.isupper() for c in w) >= 2 for w in words)
    single_cap = len(words) == 1 and alias[:1].isupper()
    if acronym or single_cap:
        return body
    # case-insensitive except that a capitalised alias may also appear capitalised or not
    return f"(?i:{body})"


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace(".", "").replace("-", " ").replace("'", "")
    return " ".join(s.lower().split())


@dataclass(frozen=True, slots=True)
class _Dictionary:
    entries: tuple[ActorEntry, ...]
    by_alias: dict[str, ActorEntry]
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def _dictionary() -> _Dictionary:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    entries: list[ActorEntry] = []
    by_alias: dict[str, ActorEntry] = {}
    aliases: list[str] = []
    for row in raw["actors"]:
        entry = ActorEntry(
            row["name"], tuple(row.get("aliases", [])), ActorKind(row["kind"]), row.get("country")
        )
        entries.append(entry)
        for alias in (entry.name, *entry.aliases):
            key = _norm(alias)
            if key in by_alias and by_alias[key] is not entry:
                logger.debug("alias %r of %r shadows %r", alias, entry.name, by_alias[key].name)
                continue
            by_alias[key] = entry
            aliases.append(alias)
    aliases.sort(key=len, reverse=True)
    pattern = re.compile(
        rf"(?<![\w'’-])(?:(?P<iran>{_IRAN_FAMILY.pattern})|(?P<alias>{alias_alternation(aliases)}))(?![\w-])"
    )
    return _Dictionary(tuple(entries), by_alias, pattern)


def alias_alternation(aliases: list[str]) -> str:
    """A regex matching any of ``aliases`` (see :func:`alias_regex`), tried in the given order.

    The same matches as the plain alternation, only faster: the aliases are grouped by first
    and then second letter behind one-character lookaheads, so at each position only the
    group of the letters at hand is tried. Aliases whose second character may vary ("U.S.")
    or that start with another character are tried without the lookahead."""
    by_first: dict[str, dict[str, list[str]]] = {}
    for alias in aliases:
        first = alias[0].lower() if alias[0].isascii() and alias[0].isalnum() else ""
        second = alias[1].lower() if len(alias) > 1 and alias[1].isascii() and alias[1].isalnum() else ""
        if re.split(r"[\s-]", alias, maxsplit=1)[0] in ("US", "UN", "UK"):
            second = ""  # "U.S.": a dot may follow the first letter
        by_first.setdefault(first, {}).setdefault(second, []).append(alias_regex(alias))
    parts = []
    for c, groups in by_first.items():
        inner = "|".join(
            f"(?=.[{d}{d.upper()}])(?:{'|'.join(regexes)})" if d else "|".join(regexes)
            for d, regexes in sorted(groups.items(), key=lambda kv: kv[0] != "")
        )
        parts.append(f"(?=[{c}{c.upper()}])(?:{inner})" if c else inner)
    alternation = "|".join(parts)
    if "" in by_first:
        return alternation
    firsts = "".join(sorted({c for c in by_first} | {c.upper() for c in by_first}))
    return f"(?=[{firsts}])(?:{alternation})"  # one class test rejects most positions at once


def actor_dictionary() -> tuple[ActorEntry, ...]:
    """Every entry of the actor dictionary (loaded once from ``sitrep/data/actors.json``)."""
    return _dictionary().entries


def lookup_actor(text: str) -> ActorEntry | None:
    """The dictionary entry whose alias is exactly ``text`` (ignoring case, dots, hyphens), if any."""
    d = _dictionary()
    key = _norm(re.sub(r"^(?i:the)\s+", "", text.strip()))
    if key in d.by_alias:
        return d.by_alias[key]
    if _IRAN_FAMILY.fullmatch(text.strip()):
        return d.by_alias.get(_norm(IRAN_BACKED))
    return None


# ---- roles -------------------------------------------------------------------------------

_NUM = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds|several|many"
    r"|some|a|an|at\s+least\s+\w+|more\s+than\s+\w+|up\s+to\s+\w+)"
)
_PERP_AFTER = re.compile(
    r"^(?:\s*,[^,]{0,60},)?\s*(?:(?:has|have|had|reportedly|allegedly|also|then|later|is|are|was|were)\s+){0,2}"
    r"(?:attack(?:ed|s)|fired|fire[sd]?\b|shot|shoot|kill(?:ed|s)|claim(?:ed|s)|launch(?:ed|es)|stormed|ambush(?:ed)?"
    r"|opened\s+fire|detonated|abducted|kidnapp?ed|carried\s+out|target(?:ed|s)|raided|struck|shelled|bombed"
    r"|seized|captured|overran|executed|massacred|stabbed|hit|blew\s+up)\b"
    r"|^-led\b",
    re.IGNORECASE,
)
_VICTIM_AFTER = re.compile(
    r"^\s*(?:killed|wounded|injured|shot|abducted|kidnapp?ed|hurt|slain)\s+(?:in|by|when|after|during|while|on|at|as)\b"
    r"|^\s*(?:(?:and|,)\s+(?:[\w'’.-]+\s+){1,4})?(?:\w+\s+){0,2}?(?:was|were|had\s+been|have\s+been|has\s+been|being|are|is)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|hurt|shot|abducted|kidnapp?ed|taken\s+hostage|murdered|beheaded|executed|slain|hit)\b"
    r"|^\s*(?:died|perished)\b",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(
    r"^\s*(?:,[^,]{0,80},\s*)?(?:(?:has|have|had|also|later|then)\s+)?"
    r"(?:said|says|say|told|stated|added|announced|reported|confirmed|tweeted|wrote|explained|noted"
    r"|continued|insisted|declared|warned|described|revealed|disclosed|blamed|accused|attributed)\b",
    re.IGNORECASE,
)
_CLAIM_AFTER = re.compile(
    r"^\s*(?:has\s+|have\s+)?(?:claimed|claims)\s+(?:responsibility|credit)", re.IGNORECASE
)
_PERP_BEFORE = re.compile(
    r"(?:(?:attacks?|strikes?|assaults?|ambush|raids?|shelling|bombing|offensive|shooting)\s+(?:carried\s+out\s+|launched\s+)?by"
    r"|(?:was|were|been)\s+(?:\w+\s+)?(?:attacked|targeted|killed|shot|fired|launched|carried\s+out|abducted|kidnapped|claimed)\s+by"
    r"|blamed\s+(?:\w+\s+){0,4}?on|attributed\s+(?:\w+\s+){0,3}?to|involvement\s+of|believed\s+to\s+be\s+(?:\w+\s+)?by"
    r"|blamed|accused|suspected)\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)
_TARGET_BEFORE = re.compile(
    r"(?:(?:attacks?|strikes?|assaults?|raids?|ambush(?:ed)?|fire)\s+(?:on|against|targeting|at)"
    r"|targeting|targeted|hit|hitting|struck|striking|ambushed|attacked|stormed)\s+(?:\w+\s+){0,2}?$",
    re.IGNORECASE,
)
_TARGET_AFTER = re.compile(
    r"^\s*(?:military\s+|army\s+|air\s+)?(?:base|bases|convoy|convoys|patrol|positions?|post|outpost|checkpoint|"
    r"headquarters|interests|embassy|vehicles?|camp)\b",
    re.IGNORECASE,
)
_VICTIM_BEFORE = re.compile(
    rf"(?:kill(?:ed|ing|s)|wound(?:ed|ing|s)|injur(?:ed|ing|es)|abduct(?:ed|ing)|kidnapp?(?:ed|ing)|left|death\s+of"
    rf"|deaths\s+of|murder(?:ed|ing)|shot)\s+(?:{_NUM}\s+)?(?:(?:other|more|fellow|civilian|local|foreign)\s+)?$",
    re.IGNORECASE,
)
_SOURCE_BEFORE = re.compile(
    r"(?:according\s+to|in\s+a\s+statement,?|said|says|told\s+by|quoted|quoting|spokesman\s+for|statement\s+(?:from|by))"
    r"\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)


_MEMBERS_AFTER = re.compile(
    r"^\s+(?:suspected\s+)?(?:fighters|militants|insurgents|militiamen|militia|members|gunmen|elements|jihadists"
    r"|rebels|troops|soldiers|forces|officers|operatives|attackers|assailants|raiders)\b(?=\s)",
    re.IGNORECASE,
)


_PERP_BEFORE_LOW = CaselessPattern(_PERP_BEFORE).fast
_SOURCE_BEFORE_LOW = CaselessPattern(_SOURCE_BEFORE).fast
_VICTIM_BEFORE_LOW = CaselessPattern(_VICTIM_BEFORE).fast
_TARGET_BEFORE_LOW = CaselessPattern(_TARGET_BEFORE).fast


def role_of(sentence_before: str, sentence_after: str) -> ActorRole:
    """The role of a mention from the sentence text just before and just after it."""
    before = sentence_before[-80:]
    low = before.lower()  # the before-patterns end in "$": searched lower-cased, without IGNORECASE (speed)
    after = _MEMBERS_AFTER.sub("", sentence_after[:100], count=1)  # "Boko Haram fighters attacked"
    if _CLAIM_AFTER.match(after):
        return ActorRole.PERPETRATOR
    if _VICTIM_AFTER.match(after):
        return ActorRole.VICTIM
    if _TARGET_AFTER.match(after) and re.search(
        r"\b(?:attack|strike|rocket|missile|shell|target|hit|struck|fire[ds]?|bomb|raid|ambush)", before, re.I
    ):
        return ActorRole.TARGET
    if _PERP_BEFORE_LOW.search(low):
        return ActorRole.PERPETRATOR
    if _PERP_AFTER.match(after):  # before a reporting verb: "police said gunmen opened fire"
        return ActorRole.PERPETRATOR
    if _SOURCE_BEFORE_LOW.search(low):
        return ActorRole.SOURCE
    if _SOURCE_AFTER.match(after):
        return ActorRole.SOURCE
    if _VICTIM_BEFORE_LOW.search(low):
        return ActorRole.VICTIM
    if _TARGET_BEFORE_LOW.search(low):
        return ActorRole.TARGET
    return ActorRole.OTHER


# ---- finding -----------------------------------------------------------------------------


def _hedged(text: str, span: Span, sent: Span | None) -> bool:
    bounds = (sent.start, sent.end) if sent is not None else None
    return hedge_cue(text, span.start, span.end, bounds=bounds) is not None


def find_actors(article: Article) -> list[ActorMention]:
    """Every dictionary actor named in ``article.clean_text``, in text order, with role and hedging."""
    from sitrep.text import sentences

    text = article.clean_text
    d = _dictionary()
    sents = sentences(text)
    out: list[ActorMention] = []
    last_coalition: str | None = None
    si = 0
    for m in d.pattern.finditer(text):
        start, end = m.span()
        if m.group("iran") is not None:
            entry = d.by_alias.get(_norm(IRAN_BACKED))
        else:
            entry = d.by_alias.get(_norm(m.group("alias")))
        if entry is None:
            continue
        name = entry.name
        if entry.name == _COALITION:
            name = last_coalition or _COALITION
        elif "coalition" in entry.name.lower():
            last_coalition = entry.name
        while si < len(sents) and sents[si].end <= start:
            si += 1
        sent = sents[si] if si < len(sents) and sents[si].start <= start else None
        s_lo = sent.start if sent else max(0, start - 200)
        s_hi = sent.end if sent else min(len(text), end + 200)
        role = role_of(text[s_lo:start], text[end:s_hi])
        span = article.span(start, end)
        kind = entry.kind
        if name != entry.name:  # a bare "the coalition" resolved to the coalition named before
            kind = next((e.kind for e in d.entries if e.name == name), kind)
        if role is ActorRole.OTHER and out and sent is not None and out[-1].span.start >= sent.start:
            gap = text[out[-1].span.end : start]
            if len(gap) < 40 and re.fullmatch(r"\s*(?:,|and|or|as well as)\s+(?:\w+\s+){0,2}", gap):
                role = out[-1].role  # coordinated with the previous mention: "X and Y were wounded"
        out.append(ActorMention(span=span, name=name, kind=kind, role=role, hedged=_hedged(text, span, sent)))
    return out
