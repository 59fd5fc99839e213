"""Direct quotations and their speakers.

Quotation marks: straight ``"``, curly “ ”, low „ and guillemets « ». Marks pair up
in text order, across line breaks; a straight mark closes an open quotation and
opens one otherwise. A pair more than :data:`MAX_QUOTE_CHARS` apart, or one that
spans a blank line without the next paragraph opening a quote, is abandoned.
Quotations of fewer than :data:`MIN_WORDS` words are scare quotes and are skipped.

The speaker comes from the words around the quote, in this order:
``"...," X said`` / ``"...," said X`` / ``"...," according to X`` after it, then
``X said: "..."`` / ``X told AFP that "..."`` before it in the same sentence, then
``X said.`` at the start of the next sentence. A pronoun ("he said") resolves to
the most recent named speaker, and ``speaker_span`` then points at that earlier
name; otherwise ``speaker_span`` points at the speaker words next to the quote.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sitrep.model import Article, QuoteMention
from sitrep.text import sentence_of, sentences

__all__ = ["MAX_QUOTE_CHARS", "MIN_WORDS", "find_quotes", "speaker_before"]

logger = logging.getLogger(__name__)

MIN_WORDS = 3
MAX_QUOTE_CHARS = 1500

_OPEN = "“„«"
_CLOSE = "”»"
_MARKS = re.compile(r"[\"“”„«»]")
_SPEECH = (
    r"(?:said|says|say|told|tells|added|adds|continued|stated|states|wrote|writes|explained|noted|insisted|declared"
    r"|warned|warning|urged|tweeted|announced|stressed|argued|asked|recalled|complained|described|acknowledged"
    r"|called\s+on|called\s+for|quoted|quoting)"
)
_PRONOUN = re.compile(r"(?i:he|she|they|it|we|i)")
_NP_WORD = r"[\w.'’&-]+"
_NP = rf"(?:{_NP_WORD}(?:\s+{_NP_WORD}){{0,9}})"

# after the closing mark: ', X said' / ', said X' / ', according to X'
_AFTER_SUBJ = re.compile(rf"^[\s,.:;—–-]*(?P<spk>{_NP}?)\s+{_SPEECH}\b")
_AFTER_INV = re.compile(rf"^[\s,—–-]*(?:{_SPEECH})\s+(?P<spk>[^,.;:\"“”\n]{{2,80}}?)\s*(?=[,.;:\"“”\n]|$)")
_AFTER_ACC = re.compile(
    r"^[\s,—–-]*according\s+to\s+(?P<spk>[^,.;:\"“”\n]{2,80}?)\s*(?=[,.;:\"“”\n]|$)", re.I
)
_AFTER_TAIL = re.compile(
    rf",\s*(?P<spk>{_NP}?)\s+{_SPEECH}(?:\s+(?:in|on)\s+a\s+\w+(?:\s+\w+)?)?\s*[.!]?[\"”’]?\s*$"
)
_SPEECH_RE = re.compile(rf"\b{_SPEECH}\b")
_TIME_NOUN = r"(?:week|day|month|morning|afternoon|evening|night|year|time|weekend)"
_STOP_LEAD = re.compile(
    r"(?:(?:but|and|however|meanwhile|also|then|later|earlier|separately|in\s+a\s+statement"
    rf"|(?:that|this|last|next|the\s+same|the\s+following|on\s+the\s+same)\s+{_TIME_NOUN}"
    r"|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b[\s,]*)+",
    re.I,
)
_NOT_SPEAKER = re.compile(r"^(?:it|this|that|there|which|who|what)$", re.I)
_CONNECT = re.compile(r"\b(?:that|and|but|while|as|because|when|after|before|which|who)\b")


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str
    start: int
    end: int
    pronoun: bool


def _pairs(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the quotation marks that pair up."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _MARKS.finditer(text):
        ch, pos = m.group(0), m.start()
        if opened is not None:
            gap = text[opened + 1 : pos]
            if pos - opened > MAX_QUOTE_CHARS or (re.search(r"\n\s*\n", gap) and ch not in _CLOSE):
                opened = None
        if opened is None:
            if ch in _OPEN or ch == '"':
                opened = pos
            continue
        if ch in _OPEN:  # a new opening mark: the previous one never closed
            opened = pos
            continue
        out.append((opened, pos))
        opened = None
    return out


def _clean_np(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim a candidate speaker phrase ``text[start:end]`` to its words; None if it is not a name."""
    seg = text[start:end]
    lead = _STOP_LEAD.match(seg)
    if lead:
        start += lead.end()
    while start < end and not (text[start].isalnum() or text[start] in "'’"):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".’'"):
        end -= 1
    if end <= start:
        return None
    words = text[start:end].split()
    if not words or len(words) > 10 or _NOT_SPEAKER.match(text[start:end]):
        return None
    return start, end


def speaker_before(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The speaker phrase of the last speech verb in ``text[lo:hi]``: ``X said``, ``X told AFP that``.

    Returns the (start, end) of the phrase or None. The phrase runs from the start of the
    verb's clause; a long clause keeps only its leading name ("U.S. Secretary of State
    Mike Pompeo blamed ... and warned" gives "U.S. Secretary of State Mike Pompeo").
    """
    verbs = list(_SPEECH_RE.finditer(text, lo, hi))
    if not verbs:
        return None
    v = verbs[-1]
    seg_start = lo
    for m in re.finditer(rf"[,;:\"“”(]|\bthat\b(?!\s+{_TIME_NOUN}\b)", text[lo : v.start()]):
        seg_start = lo + m.end()
    while seg_start < v.start() and text[seg_start].isspace():
        seg_start += 1
    lead_words = _STOP_LEAD.match(text, seg_start, v.start())
    if lead_words:
        seg_start = lead_words.end()
    seg = text[seg_start : v.start()]
    if len(seg.split()) > 8 or _CONNECT.search(seg):
        lead = re.match(
            r"\s*((?:(?:the|a|an|one|two|several|multiple)\s+)?(?:[A-Z][\w.'’&-]*|of|for|and)(?:\s+(?:[A-Z][\w.'’&-]*"
            r"|of|for|official|officials|spokesman|spokeswoman|spokesperson|minister|ministry|source|sources))*)",
            seg,
        )
        if not lead or not lead.group(1).strip():
            return None
        return _clean_np(text, seg_start + lead.start(1), seg_start + lead.end(1))
    return _clean_np(text, seg_start, v.start())


def _speaker_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    after = text[pos:limit]
    for rx in (_AFTER_ACC, _AFTER_INV, _AFTER_SUBJ):
        m = rx.match(after)
        if m and m.group("spk").strip():
            return _clean_np(text, pos + m.start("spk"), pos + m.end("spk"))
    if not _MARKS.search(after):
        m = _AFTER_TAIL.search(after)
        if m:
            return _clean_np(text, pos + m.start("spk"), pos + m.end("spk"))
    return None


def find_quotes(article: Article) -> list[QuoteMention]:
    """Every quotation of at least :data:`MIN_WORDS` words in ``article.clean_text``, with its speaker."""
    text = article.clean_text
    sents = sentences(text)
    out: list[QuoteMention] = []
    last_named: _Speaker | None = None
    prev: tuple[int, _Speaker | None] | None = None  # (sentence start, speaker) of the previous quote
    for open_pos, close_pos in _pairs(text):
        q_start, q_end = open_pos + 1, close_pos
        while q_start < q_end and text[q_start].isspace():
            q_start += 1
        while q_end > q_start and text[q_end - 1].isspace():
            q_end -= 1
        if len(text[q_start:q_end].split()) < MIN_WORDS:
            continue
        sent = sentence_of(sents, open_pos)
        s_lo = sent.start if sent else max(0, open_pos - 300)
        end_sent = sentence_of(sents, close_pos)
        s_hi = end_sent.end if end_sent else min(len(text), close_pos + 300)
        found = _speaker_after(text, close_pos + 1, s_hi)
        if found is None:
            found = speaker_before(text, s_lo, open_pos)
        if found is None and end_sent is not None:
            nxt = next((s for s in sents if s.start >= end_sent.end), None)
            if nxt is not None and nxt.start - close_pos < 40:
                m = re.match(rf"\s*(?P<spk>{_NP}?)\s+{_SPEECH}\s*[.,]", text[nxt.start : nxt.end])
                if m:
                    found = _clean_np(text, nxt.start + m.start("spk"), nxt.start + m.end("spk"))
        speaker: _Speaker | None = None
        if found is not None:
            a, b = found
            is_pronoun = bool(_PRONOUN.fullmatch(text[a:b]))
            speaker = _Speaker(text[a:b], a, b, is_pronoun)
            if is_pronoun:
                speaker = last_named
        elif prev is not None and sent is not None and prev[0] == sent.start:
            speaker = prev[1]  # a second quote in the sentence of a quote with a speaker
        if speaker is not None and not speaker.pronoun:
            last_named = speaker
        prev = (sent.start if sent else -1, speaker)
        out.append(
            QuoteMention(
                span=article.span(q_start, q_end),
                speaker=speaker.name if speaker else None,
                speaker_span=article.span(speaker.start, speaker.end) if speaker else None,
            )
        )
    return out
