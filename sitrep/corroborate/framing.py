"""Framing: loaded or charged wording per article, and how each outlet words an event.

The article stage (:func:`frame_article`) finds lexicon terms (see
:mod:`sitrep.corroborate.framing_lexicon`) and flags biased sentences with the classifier
(:mod:`sitrep.corroborate.bias_classifier`). Words inside quotation marks are the speaker's
framing, not the outlet's: such terms get the category prefix ``"quoted:"`` (``"quoted:epithet"``),
a halved score, and are counted separately; sentences that are mostly quotation are never
flagged as biased. A label the text gives to someone else without quotation marks ("a regime
they deem corrupt", "branded them extremists", "accused the army of butchery") is treated the
same way under the prefix ``"attributed:"``.

Per event, :func:`source_framing` summarises each outlet: its distinct loaded terms (most
frequent first), loaded terms per 1,000 words, the share of its sentences that read as biased,
and a one-line summary such as ``6 loaded terms (13.2 per 1,000 words): "regime" (neutral:
"government"), "warmongering" ...; 2 more quoted or attributed to others; 3 of 12 sentences read
as biased``.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sitrep.corroborate.bias_classifier import BiasClassifier, load_classifier, sentence_features
from sitrep.corroborate.framing_lexicon import REPORTED_CATEGORIES, Lexicon, load_lexicon, tokens
from sitrep.model import Article, Event, FramingTerm, SourceFraming, Span
from sitrep.resolve.merge import source_name
from sitrep.text import sentences

__all__ = [
    "ATTRIBUTED_PREFIX",
    "CATEGORY_SCORE",
    "MIN_SENTENCE_WORDS",
    "QUOTED_PREFIX",
    "ArticleFraming",
    "find_framing",
    "frame_article",
    "is_attributed",
    "is_quoted",
    "quoted_regions",
    "source_framing",
]

logger = logging.getLogger(__name__)

QUOTED_PREFIX = "quoted:"
ATTRIBUTED_PREFIX = "attributed:"
# a label someone else gives, reported without quotation marks: "a regime they deem corrupt",
# "branded them extremists", "described the raid as a massacre", "accused the army of butchery"
_ATTRIBUTION_CUE = re.compile(
    r"\b(?:deem(?:s|ed)?|consider(?:s|ed)?|brand(?:s|ed|ing)?|dub(?:s|bed|bing)?|label(?:s|led|ed|ling|ing)?"
    r"|call(?:s|ed|ing)?(?!\s+(?:for|on|off|in|up|out|back|upon)\b)"
    r"|describ(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){0,4}?as|accus(?:e|es|ed|ing)\s+(?:[\w'’-]+\s+){0,5}?of)\b",
    re.IGNORECASE,
)
_ATTRIBUTION_REACH = 60  # characters from the end of the cue to the term
#: how strongly a term of each category signals the outlet's own loaded wording
CATEGORY_SCORE = {
    "epithet": 0.9,
    "loaded": 0.8,
    "labelling": 0.8,
    "evaluative": 0.75,
    "speech": 0.7,
    "euphemism": 0.6,
    "doubt": 0.6,
    "intensifier": 0.5,
}
#: shorter lines (bylines, captions, "4 min read") are never flagged as biased sentences
MIN_SENTENCE_WORDS = 6
_EXAMPLES = 4  # terms named in a summary
_MAX_QUOTE = 1500  # characters; a longer "quotation" is a stray mark
_DOUBLE = re.compile(r"[\"“”„«»]")
_SINGLE = re.compile(r"['‘’]")
_DOUBLE_ROLE = {"“": "open", "„": "open", "«": "open", "”": "close", "»": "close"}
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class ArticleFraming:
    """What the framing stage finds in one article."""

    terms: list[FramingTerm]
    biased_sentences: list[Span]
    sentence_count: int


def is_quoted(term: FramingTerm) -> bool:
    """True when the term sits inside a quotation (the speaker's framing, not the outlet's)."""
    return term.category.startswith(QUOTED_PREFIX)


def is_attributed(term: FramingTerm) -> bool:
    """True when the term is someone else's wording: quoted, or a label the text attributes to others."""
    return term.category.startswith((QUOTED_PREFIX, ATTRIBUTED_PREFIX))


def _attributed(sentence: str, start: int) -> bool:
    """True when a term at ``start`` (offset in ``sentence``) follows a cue such as "they deem"."""
    for m in _ATTRIBUTION_CUE.finditer(sentence, 0, start):
        if m.end() <= start <= m.end() + _ATTRIBUTION_REACH and not re.search(
            r"[;:]", sentence[m.end() : start]
        ):
            return True
    return False


def quoted_regions(text: str, quotes: Sequence[Span] = ()) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks: the given quote spans plus paired marks.

    Double marks (straight, curly, low, guillemets) pair in text order; single curly or
    straight marks pair when they open before a word and close after one, on one line (so
    apostrophes in "Iran's" or "don't" never open a quotation).
    """
    regions = [(q.start, q.end) for q in quotes]
    regions += _pair(text, _DOUBLE, allow_newline=True)
    regions += _pair(text, _SINGLE, allow_newline=False)
    return sorted(regions)


def _pair(text: str, marks: re.Pattern[str], *, allow_newline: bool) -> list[tuple[int, int]]:
    """Pair opening and closing marks in text order; a mark's role comes from its group or shape."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for m in marks.finditer(text):
        ch, pos = m.group(0), m.start()
        role = (
            _role(text, pos)
            if ch in "'‘’"
            else "close"
            if ch in "”»"
            else "open"
            if ch in "“„«"
            else "either"
        )
        if opened is not None and role in ("close", "either"):
            inside = text[opened + 1 : pos]
            if len(inside) <= _MAX_QUOTE and (allow_newline or "\n" not in inside):
                out.append((opened + 1, pos))
            opened = None
        elif role in ("open", "either"):
            opened = pos
    return out


def _role(text: str, pos: int) -> str:
    """A single quotation mark opens before a word and closes after one; else it's an apostrophe."""
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if not before.isalnum() and after.isalnum() and text[pos] != "’":
        return "open"
    if (before.isalnum() or before in ".,!?") and not after.isalnum() and text[pos] != "‘":
        return "close"
    return "none"


def _inside(regions: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in regions)


def _quoted_share(regions: Sequence[tuple[int, int]], span: Span) -> float:
    if not regions:
        return 0.0
    covered = sum(max(0, min(e, span.end) - max(s, span.start)) for s, e in regions)
    return min(1.0, covered / max(1, span.end - span.start))


def find_framing(
    article: Article, lexicon: Lexicon | None = None, classifier: BiasClassifier | None = None
) -> ArticleFraming:
    """Loaded terms and biased sentences of ``article`` (spans index ``article.text``)."""
    lex = lexicon or load_lexicon()
    clf = classifier or load_classifier()
    text = article.clean_text
    regions = quoted_regions(text, [q.span for q in article.quotes])
    sents = sentences(text)
    features: list[list[float]] = []
    needed: list[int] = []  # sentences whose probability is used: long enough, or with a reported term
    sentence_hits = []
    long_enough: list[bool] = []
    for n, s in enumerate(sents):
        toks = tokens(s.text)
        hits = lex.scan(s.text, toks)
        sentence_hits.append(hits)
        sized = len(toks) >= MIN_SENTENCE_WORDS
        long_enough.append(sized)
        if sized or any(h.entry.category in REPORTED_CATEGORIES for h in hits):
            needed.append(n)
            features.append(sentence_features(s.text, hits, toks))
    probs = [0.0] * len(sents)
    for n, p in zip(needed, clf.probabilities(features) if features else [], strict=True):
        probs[n] = p
    terms: list[FramingTerm] = []
    biased: list[Span] = []
    for s, hits, p, sized in zip(sents, sentence_hits, probs, long_enough, strict=True):
        if sized and p >= clf.threshold and _quoted_share(regions, s) < 0.5:
            biased.append(article.span(s.start, s.end))
        for h in hits:
            category = h.entry.category
            if category not in REPORTED_CATEGORIES:
                continue
            start, end = s.start + h.start, s.start + h.end
            score = CATEGORY_SCORE.get(category, 0.5) * (0.5 + 0.5 * p)
            if _inside(regions, start, end):
                category, score = QUOTED_PREFIX + category, score / 2
            elif _attributed(s.text, h.start):
                category, score = ATTRIBUTED_PREFIX + category, score / 2
            terms.append(FramingTerm(article.span(start, end), category, h.entry.neutral, round(score, 3)))
    return ArticleFraming(terms, biased, len(sents))


def frame_article(article: Article) -> Article:
    """The framing stage: ``article`` with ``framing`` and ``biased_sentences`` filled."""
    found = find_framing(article)
    return replace(article, framing=found.terms, biased_sentences=found.biased_sentences)


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def source_framing(event: Event, articles: Mapping[str, Article]) -> list[SourceFraming]:
    """Per outlet reporting ``event``: its loaded wording, most loaded outlet first."""
    by_source: dict[str, list[Article]] = {}
    for aid in event.article_ids:
        article = articles.get(aid)
        if article is not None:
            by_source.setdefault(source_name(article), []).append(article)
    out = [_summarise(source, group) for source, group in by_source.items()]
    out.sort(key=lambda f: (-f.loaded_per_1000_words, f.source))
    if len(out) > 1 and out[0].loaded_per_1000_words > 0:
        lead, rest = out[0], max(f.loaded_per_1000_words for f in out[1:])
        if lead.loaded_per_1000_words >= 2 * rest:
            note = f"; the most loaded wording of the {len(out)} sources"
            out[0] = replace(lead, summary=lead.summary + note)
    return out


def _summarise(source: str, group: Sequence[Article]) -> SourceFraming:
    lex = load_lexicon()
    own: Counter[str] = Counter()  # lexicon headword → count, so "slammed" and "slams" count together
    surface: dict[str, Counter[str]] = {}  # headword → the wordings the outlet used
    neutral: dict[str, str] = {}
    quoted = words = sentence_count = biased = 0
    for article in group:
        terms, flagged = article.framing, article.biased_sentences
        sents = len(sentences(article.clean_text))
        if not terms and not flagged:  # stored before the framing stage existed, or nothing found
            found = find_framing(article)
            terms, flagged = found.terms, found.biased_sentences
        for t in terms:
            if is_attributed(t):
                quoted += 1
                continue
            said = " ".join(t.span.text.lower().replace("’", "'").split())
            entry = lex.lookup(said)
            key = entry.term.lower() if entry else said
            own[key] += 1
            surface.setdefault(key, Counter())[said] += 1
            if t.neutral:
                neutral.setdefault(key, t.neutral)
        words += _word_count(article.clean_text)
        sentence_count += sents
        biased += len(flagged)
    total = sum(own.values())
    rate = round(1000 * total / words, 1) if words else 0.0
    share = round(biased / sentence_count, 3) if sentence_count else 0.0
    shown = {key: forms.most_common(1)[0][0] for key, forms in surface.items()}
    neutral = {shown[key]: n for key, n in neutral.items()}
    ranked = tuple(shown[key] for key, _ in own.most_common())
    return SourceFraming(
        source=source,
        article_ids=tuple(a.id for a in group),
        terms=ranked,
        loaded_per_1000_words=rate,
        biased_sentence_share=share,
        summary=_summary_line(total, rate, ranked, neutral, quoted, biased, sentence_count),
    )


def _summary_line(
    total: int,
    rate: float,
    ranked: Sequence[str],
    neutral: Mapping[str, str],
    quoted: int,
    biased: int,
    sentence_count: int,
) -> str:
    if total:
        named = [
            f'"{t}"' + (f' (neutral: "{neutral[t]}")' if t in neutral else "") for t in ranked[:_EXAMPLES]
        ]
        more = f" and {len(ranked) - _EXAMPLES} more" if len(ranked) > _EXAMPLES else ""
        plural = "s" if total != 1 else ""
        parts = [f"{total} loaded term{plural} ({rate} per 1,000 words): {', '.join(named)}{more}"]
    else:
        parts = ["no loaded terms in its own words"]
    if quoted:
        parts.append(f"{quoted} more quoted or attributed to others")
    parts.append(f"{biased} of {sentence_count} sentences read as biased")
    return "; ".join(parts)
