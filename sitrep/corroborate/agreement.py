"""Agreement: per field and value, how many independent sources support it.

Two claims are not independent when they come from copies of one wire story
(``Article.duplicate_of``), from articles carrying one agency's story (a dateline
credit "BALAD, Iraq (Meridian Press) —", "told Reuters"), or when both credit the same
official for the figure ("police said three were wounded"): such claims share an
``independent_key`` and count once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from sitrep.model import Article, Claim, Contradiction, FieldAgreement

__all__ = [
    "article_agency",
    "build_agreement",
    "independent_key",
    "independent_stories",
    "independent_support",
    "origin_key",
]

# "BALAD, Iraq (Meridian Press) —": a wire dateline credits the agency in brackets
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z .'’-]{1,40}(?:,[ \t]*[A-Z][\w .'’-]{1,40})?[ \t]*"
    r"\((?P<agency>[A-Z][\w&.'’ -]{1,40})\)[ \t]*[—–-]",
    re.MULTILINE,
)


def article_agency(article: Article) -> str | None:
    """The news agency whose story ``article`` carries: its dateline credit, else the first credited."""
    m = _DATELINE.search(article.clean_text[:2000])
    if m:
        return m.group("agency").strip()
    for origin in article.origins:
        if not origin.lower().startswith("the "):  # official bodies are "the ..."; agencies are names
            return origin
    return None


def origin_key(origin: str) -> str:
    """A credited origin compared loosely: ``"The Police."`` and ``"the police"`` are one."""
    words = re.sub(r"[^\w\s'’-]", " ", origin.lower()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def independent_key(
    article: Article, origin: str | None, articles: Mapping[str, Article] | None = None
) -> str:
    """The key shared by claims that are not independent of one with this article and credited origin.

    A claim crediting an official or agency in its own sentence is that origin's; else the
    article's wire agency; else the first copy of the article's story.
    """
    if origin:
        return f"origin:{origin_key(origin)}"
    root = article
    if article.duplicate_of and articles is not None and article.duplicate_of in articles:
        root = articles[article.duplicate_of]
    agency = article_agency(root)
    if agency:
        return f"agency:{origin_key(agency)}"
    return f"article:{article.duplicate_of or article.id}"


def independent_stories(article_ids: Sequence[str], articles: Mapping[str, Article]) -> int:
    """How many independent stories the articles are: wire copies and one agency's reprints count once."""
    keys = {independent_key(articles[a], None, articles) for a in article_ids if a in articles}
    return len(keys) or len(article_ids)


_RESPONSIBILITY = ("blame", "claimed_responsibility", "denied_responsibility")


def _comparable(value: str) -> str:
    for cut in (" (per ", " (by ", " (claimed)", " (denied)"):
        value = value.split(cut)[0]
    return value


def _story_keys(claims: Sequence[Claim], articles: Mapping[str, Article] | None) -> dict[str, str]:
    """One key per story (an article and its wire copies): the origin it credits, else the story's key."""
    keys: dict[str, str] = {}
    for c in claims:
        article = articles.get(c.article_id) if articles is not None else None
        story = article.duplicate_of if article is not None and article.duplicate_of else c.article_id
        key = c.independent_key or f"article:{story}"
        if story not in keys or (key.startswith("origin:") and not keys[story].startswith("origin:")):
            keys[story] = key
    return keys


def independent_support(claims: Sequence[Claim], articles: Mapping[str, Article] | None = None) -> int:
    """How many independent sources ``claims`` (all giving one value) amount to."""
    return len(set(_story_keys(claims, articles).values()))


def build_agreement(claims: Sequence[Claim], contradictions: Sequence[Contradiction]) -> list[FieldAgreement]:
    """Per field and value: the sources, independent sources, origins and flags, fields in claim order."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.field == "event_type":
            continue
        groups[(c.field, _comparable(c.value))].append(c)
    disputed: dict[str, set[str]] = defaultdict(set)
    for d in contradictions:
        for v in d.values:
            for f in _RESPONSIBILITY if d.field == "blame" else (d.field,):
                disputed[f].add(_comparable(v.value))
    out: list[FieldAgreement] = []
    for (field, value), cs in groups.items():
        n = independent_support(cs)
        contradicted = value in disputed.get(field, ())
        out.append(
            FieldAgreement(
                field=field,
                value=value,
                sources=tuple(dict.fromkeys(c.source for c in cs)),
                independent_sources=n,
                origins=tuple(dict.fromkeys(c.origin for c in cs if c.origin)),
                single_source=n == 1,
                confirmed=n >= 2,
                contradicted=contradicted,
                hedged=all(c.hedged for c in cs),
            )
        )
    return out
