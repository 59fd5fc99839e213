"""Framing: loaded terms per article, quoted speech kept apart, and a per-outlet summary."""

from __future__ import annotations

from pathlib import Path

from sitrep.corroborate import corroborate_event
from sitrep.corroborate.framing import (
    find_framing,
    frame_article,
    is_attributed,
    is_quoted,
    quoted_regions,
    source_framing,
)
from sitrep.model import Article, Event
from sitrep.pipeline import Pipeline
from tests.conftest import build

PARTISAN = (
    "The regime's thugs slaughtered protesters in a savage rampage on Friday.\n"
    "Its warmongering leaders have once again shown their utter contempt for human life, "
    "and their cronies in the capital shamelessly peddled lies about the massacre.\n"
    "Witnesses said at least 12 people were killed near the central market."
)
NEUTRAL = (
    "Security forces killed at least 12 protesters near the central market on Friday, witnesses said.\n"
    "The government said its forces had come under attack and had returned fire.\n"
    "The United Nations called for an independent inquiry into the deaths."
)
QUOTING = (
    'Opposition leader Amal Haddad said: "These thugs are butchering our people and the regime '
    'is lying about it."\n'
    "The interior ministry said the police had acted within the law.\n"
)


def _article(aid: str, text: str, outlet: str) -> Article:
    return Article(id=aid, text=text, outlet=outlet)


def test_partisan_article_has_many_loaded_terms_with_neutral_wording() -> None:
    found = find_framing(_article("p", PARTISAN, "Partisan Daily"))
    words = {t.span.text.lower() for t in found.terms}
    assert {"regime", "thugs", "slaughtered", "warmongering", "massacre"} <= words
    regime = next(t for t in found.terms if t.span.text == "regime")
    assert (regime.category, regime.neutral) == ("epithet", "government")
    assert all(PARTISAN[t.span.start : t.span.end] == t.span.text for t in found.terms)
    assert all(0 < t.score <= 1 for t in found.terms)


def test_neutral_article_has_no_loaded_terms_and_no_biased_sentence() -> None:
    found = find_framing(_article("n", NEUTRAL, "Wire"))
    assert found.terms == []
    assert found.biased_sentences == []


def test_loaded_sentences_are_flagged_and_the_plain_one_is_not() -> None:
    found = find_framing(_article("p", PARTISAN, "Partisan Daily"))
    flagged = [s.text for s in found.biased_sentences]
    assert any(s.startswith("The regime's thugs") for s in flagged)
    assert any(s.startswith("Its warmongering") for s in flagged)
    assert not any(s.startswith("Witnesses said") for s in flagged)


def test_quoted_terms_are_the_speakers_and_marked_as_such() -> None:
    found = find_framing(_article("q", QUOTING, "Wire"))
    assert found.terms and all(is_quoted(t) for t in found.terms)
    assert {t.category for t in found.terms} >= {"quoted:epithet"}
    assert found.biased_sentences == []  # the quoted sentence is the speaker's framing


def test_apostrophes_do_not_open_quotations() -> None:
    text = "Iran's envoy and the militias' leaders met; the 'so-called ceasefire' held. Don't ask."
    regions = quoted_regions(text)
    assert [text[s:e] for s, e in regions] == ["so-called ceasefire"]


def test_frame_article_fills_the_article_fields() -> None:
    a = frame_article(_article("p", PARTISAN, "Partisan Daily"))
    assert a.framing and a.biased_sentences
    assert a.text == PARTISAN


def _event(*ids: str) -> Event:
    return Event(
        id="ev", event_type="Violence against civilians", sub_event_type="Attack", article_ids=list(ids)
    )


def test_source_framing_contrasts_outlets() -> None:
    articles = {
        "p": frame_article(_article("p", PARTISAN, "Partisan Daily")),
        "n": frame_article(_article("n", NEUTRAL, "Wire")),
    }
    out = source_framing(_event("p", "n"), articles)
    assert [f.source for f in out] == ["Partisan Daily", "Wire"]
    partisan, wire = out
    assert partisan.loaded_per_1000_words > 50 and wire.loaded_per_1000_words == 0
    assert partisan.article_ids == ("p",)
    assert "regime" in partisan.terms and "thugs" in partisan.terms
    assert 0 < partisan.biased_sentence_share <= 1 and wire.biased_sentence_share == 0
    assert 'neutral: "government"' in partisan.summary
    assert "most loaded wording of the 2 sources" in partisan.summary
    assert wire.summary.startswith("no loaded terms")


def test_quoted_terms_do_not_count_towards_the_outlets_rate() -> None:
    articles = {"q": frame_article(_article("q", QUOTING, "Wire"))}
    (wire,) = source_framing(_event("q"), articles)
    assert wire.loaded_per_1000_words == 0 and wire.terms == ()
    assert "quoted or attributed to others" in wire.summary


def test_articles_stored_without_framing_are_framed_on_the_fly() -> None:
    articles = {"p": _article("p", PARTISAN, "Partisan Daily")}  # framing stage never ran
    (f,) = source_framing(_event("p"), articles)
    assert "warmongering" in f.terms


def test_corroborate_event_fills_event_framing() -> None:
    articles = {"p": frame_article(_article("p", PARTISAN, "Partisan Daily"))}
    event = corroborate_event(_event("p"), articles)
    assert [f.source for f in event.framing] == ["Partisan Daily"]


def test_pipeline_stores_framing_for_ingested_articles(tmp_path: Path, pipeline: Pipeline) -> None:
    doc = tmp_path / "partisan.txt"
    doc.write_text("Partisan Daily\n\nRegime thugs attack market\n\n" + PARTISAN + "\n", encoding="utf-8")
    store, _ = build(tmp_path, [doc], pipeline)
    try:
        (article,) = list(store.articles())
        words = {t.span.text.lower() for t in article.framing}
        assert {"thugs", "warmongering"} <= words
        assert all(article.text[t.span.start : t.span.end] == t.span.text for t in article.framing)
        assert article.biased_sentences
    finally:
        store.close()


def test_inflections_of_one_term_are_counted_together() -> None:
    text = (
        "Critics slammed the deal on Monday.\nThe mayor slams the critics in return.\n"
        "Unions slammed it again later, calling it a giveaway."
    )
    (f,) = source_framing(_event("s"), {"s": frame_article(_article("s", text, "Daily"))})
    assert f.terms[0] == "slammed"  # the wording used most, standing for slam/slams/slammed
    assert "slams" not in f.terms
    assert f.summary.startswith("3 loaded terms") and 'neutral: "criticise"' in f.summary
    assert "1 more quoted or attributed" in f.summary  # the unions call it a giveaway


def test_labels_attributed_to_others_are_not_the_outlets() -> None:
    text = (
        "Thousands marched against a government they deem corrupt and brutal.\n"
        "Officials branded the marchers thugs, and the opposition accused the police of a massacre.\n"
        "The corrupt officials called for calm."
    )
    found = find_framing(_article("a", text, "Wire"))
    by_word = {t.span.text: t.category for t in found.terms}
    assert by_word["brutal"] == "attributed:evaluative"
    assert by_word["thugs"] == "attributed:epithet"
    assert by_word["massacre"] == "attributed:loaded"
    own = [t for t in found.terms if not is_attributed(t)]
    assert [t.span.text for t in own] == ["corrupt"]  # "called for" attributes nothing
    assert own[0].span.start > text.index("The corrupt")
