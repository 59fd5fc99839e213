"""Boilerplate removal that keeps offsets: matching lines are blanked with spaces.

A line is boilerplate when, stripped of surrounding whitespace, it is at most
:data:`MAX_BOILERPLATE_LINE` characters long and one of
:data:`BOILERPLATE_PATTERNS` matches it *whole* (``fullmatch``). Only clear
furniture is listed (social-media prompts, reading times, share buttons,
newsletter and subscription prompts, advertisement markers, "Read more:" and
"Related:" links, cookie notices, copyright lines, captcha prompts, credit-only
photo lines). Captions, datelines and titles are kept: they carry information.

``BOILERPLATE_PATTERNS`` is a plain list: append compiled patterns (or strings,
compiled case-insensitively) to extend it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import lru_cache

from sitrep.model import Article

__all__ = ["BOILERPLATE_PATTERNS", "MAX_BOILERPLATE_LINE", "boilerplate_lines", "clean", "is_boilerplate"]

#: Longer lines are never treated as boilerplate.
MAX_BOILERPLATE_LINE = 300

_SOCIAL = (
    r"(?:twitter|x|facebook|instagram|telegram|youtube|tiktok|linkedin|whatsapp|threads|bluesky|"
    r"google\s+news|social\s+media|mastodon|snapchat)"
)
_RELATED_HEADING = (
    r"(?:read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this\s+(?:story|topic)"
    r"|related(?:\s+(?:articles?|stories|story|coverage|content|news|topics|links|reading|videos?))?"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?"
    r"|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|most\s+(?:read|popular|viewed|shared)"
    r"|trending(?:\s+(?:now|stories|topics))?|editor['’]?s\s+picks?|top\s+stories|latest\s+news)"
)

_SOURCES = [
    # social-media prompts: "Follow us on Twitter and Instagram to stay connected"
    r"(?:please\s+)?(?:follow|like|join|find)\s+(?:us|[\w .&'’-]{1,40}?)\s+on\s+"
    + _SOCIAL
    + r"\b[^.!?]{0,100}[.!]?",
    # reading time: "4 min read", "Reading time: 3 minutes"
    r"\d+\s*(?:-\s*\d+\s*)?(?:min|mins|minutes?)\.?\s+read",
    r"(?:estimated\s+)?reading\s+time\s*:?\s*\d+\s*(?:min|mins|minutes?)\.?",
    # share buttons: "Share this article", "Share on Facebook", "Facebook Twitter Email"
    r"share\s+(?:this|the)\s+(?:article|story|page|post|video)(?:\s+(?:on|via|with)\s+.{1,60})?[:.!]?",
    r"share(?:\s+(?:on|via))?(?:\s+" + _SOCIAL + r")?\s*:?",
    r"(?:(?:share|tweet|email|e-mail|print|facebook|twitter|whatsapp|linkedin|reddit|telegram|messenger"
    r"|pinterest|copy\s+link|copy\s+url|save|bookmark)\s*[|·•,/]?\s*){2,12}",
    # calls to action
    r"click\s+here\b.{0,150}",
    r"(?:sign\s+up|subscribe|register)\b.{0,100}\bnewsletters?\b.{0,100}",
    r"(?:get|receive)\s+(?:our|the)\s+.{0,40}\bnewsletters?\b.{0,80}",
    r"subscribe(?:\s+(?:now|today|here|for\s+free))?[.!]?",
    r"subscribe\s+to\s+(?:our|the)\s+.{1,80}",
    r"sign\s+up(?:\s+(?:now|here|today|for\s+free))?[.!]?",
    r"(?:download|get)\s+(?:our|the)\s+(?:free\s+)?(?:[\w-]+\s+)?app\b.{0,80}",
    rf"join\s+our\s+(?:{_SOCIAL})\s+(?:channel|group|community).{{0,80}}",
    r"listen\s+to\s+(?:this|the)\s+(?:article|story)(?:\s*[(\[]?\d+\s*(?:min|mins|minutes?)[)\]]?)?",
    r"(?:print|email|e-mail)\s+this\s+(?:article|story|page)",
    # advertising
    r"(?:advertisement|advertising|sponsored(?:\s+content)?|ad|promoted(?:\s+content)?)"
    r"(?:\s*[-–—:]?\s*(?:scroll|continue)\b.{0,40})?",
    r"(?:the\s+)?(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?\.?",
    r"continue\s+reading(?:\s+the)?(?:\s+main)?(?:\s+story)?(?:\s+below)?\.?",
    # "Read more: ...", "Related:", "READ MORE | ..."
    _RELATED_HEADING + r"\s*[:|»>]?",
    _RELATED_HEADING + r"\s*[:|»>]\s*.{1,200}",
    r"(?:read\s+(?:more|also|next)|also\s+read)\s+.{1,200}",
    # cookie notices
    r"(?=.*\bcookies?\b)(?=.*\b(?:website|site|brows\w*|consent|accept\w*|privacy|personali[sz]\w*"
    r"|experience|settings|analytics)\b).{1,300}",
    r"(?:accept|reject|decline|allow)(?:\s+all)?(?:\s+cookies)?",
    r"manage\s+(?:cookie\s+)?(?:preferences|settings|consent)",
    # copyright
    r"(?=.*\ball\s+rights\s+reserved\b).{1,200}",
    r"(?:©|\(c\)|copyright\s*©?)\s*\d{4}(?:\s*[-–]\s*\d{4})?\b.{0,100}",
    r"©.{0,100}",
    # captcha and browser notices
    r"(?:you\s+must\s+|please\s+)?enter\s+the\s+characters\b.{0,200}",
    r"(?:please\s+)?(?:enable|turn\s+on)\s+javascript\b.{0,200}",
    r"your\s+browser\s+(?:does\s+not|doesn['’]t)\s+support\b.{0,200}",
    # navigation furniture
    r"skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation)",
    r"back\s+to\s+top",
    r"(?:loading|please\s+wait)\s*(?:\.{3}|…)?",
    r"(?:leave|post|add)\s+a\s+(?:comment|reply)",
    r"\d+\s+comments?",
    r"(?:view|show|load|see)\s+(?:all\s+|more\s+)?comments(?:\s*\(\d+\))?",
    r"(?:image|photo|picture|video)\s*\d+\s*(?:of|/)\s*\d+",
    # credit-only photo lines: "[Getty]", "(Getty Images)", "Photo: AFP", "Image credit: Reuters"
    r"\[[\w .,&/'’-]{1,50}\]",
    r"\((?:getty\s+images|(?:file\s+)?photo\b[^)]{0,50}|image\b[^)]{0,50}|credit\b[^)]{0,50})\)",
    r"(?:(?:file\s+)?photo(?:graph)?|image|picture|credit|photo\s+credit|image\s+credit)s?"
    r"(?:\s+by)?\s*[:/|]\s*[^\s.!?]+(?:\s+[^\s.!?]+){0,5}",
    r"photo(?:graph)?s?\s+by\s+[^\s.!?]+(?:\s+[^\s.!?]+){0,5}",
]

#: Whole-line patterns (matched case-insensitively against the stripped line).
BOILERPLATE_PATTERNS: list[re.Pattern[str] | str] = [re.compile(p, re.IGNORECASE) for p in _SOURCES]

_compiled_cache: dict[str, re.Pattern[str]] = {}


def _pattern(p: re.Pattern[str] | str) -> re.Pattern[str]:
    if isinstance(p, re.Pattern):
        return p
    if p not in _compiled_cache:
        _compiled_cache[p] = re.compile(p, re.IGNORECASE)
    return _compiled_cache[p]


_DEFAULT_FLAGS = re.compile("", re.IGNORECASE).flags


@lru_cache(maxsize=4)
def _matcher(patterns: tuple[re.Pattern[str] | str, ...]) -> Callable[[str], bool]:
    """One test for "some pattern fullmatches the line" (speed: a single alternation).

    A fullmatch of ``(?:a)|(?:b)`` succeeds exactly when one branch matches the whole
    line; patterns with groups or other flags stay separate."""
    compiled = [_pattern(p) for p in patterns]
    simple = [p for p in compiled if p.groups == 0 and p.flags == _DEFAULT_FLAGS]
    others = [p for p in compiled if not (p.groups == 0 and p.flags == _DEFAULT_FLAGS)]
    try:
        combined = re.compile("|".join(f"(?:{p.pattern})" for p in simple), re.IGNORECASE) if simple else None
    except re.error:
        combined, others = None, compiled
    tests = ([combined] if combined is not None else []) + others

    def matches(line: str) -> bool:
        return any(t.fullmatch(line) for t in tests)

    return matches


def is_boilerplate(line: str) -> bool:
    """True when the whole (stripped) line is boilerplate."""
    return _is_boilerplate(line, _matcher(tuple(BOILERPLATE_PATTERNS)))


def _is_boilerplate(line: str, matches: Callable[[str], bool]) -> bool:
    s = line.strip()
    if not s or len(s) > MAX_BOILERPLATE_LINE:
        return False
    return matches(s)


def boilerplate_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the boilerplate lines of ``text`` (newline excluded)."""
    out: list[tuple[int, int]] = []
    pos = 0
    matches = _matcher(tuple(BOILERPLATE_PATTERNS))
    for line in text.split("\n"):
        if _is_boilerplate(line, matches):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def clean(article: Article) -> Article:
    """A copy of ``article`` whose ``clean_text`` has boilerplate lines blanked with spaces.

    ``clean_text`` keeps the length of ``text`` and all its line breaks, so every
    offset into it is an offset into ``text``. Works from the current
    ``clean_text`` (which is ``text`` until something cleans it), so cleaning
    twice changes nothing.
    """
    base = article.clean_text or article.text
    spans = boilerplate_lines(base)
    if not spans:
        return dataclasses.replace(article, clean_text=base)
    chars = list(base)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\r":
                chars[i] = " "
    return dataclasses.replace(article, clean_text="".join(chars))
