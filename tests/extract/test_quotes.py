"""Direct quotations: marks, scare quotes, line breaks, and who said them."""

from __future__ import annotations

import pytest

from sitrep.extract.quotes import find_quotes
from sitrep.model import Article, QuoteMention


def quotes(text: str) -> list[QuoteMention]:
    return find_quotes(Article(id="q", text=text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will rebuild every house that was destroyed," the governor said.', "the governor"),
        ('The mayor said: "Our hospitals are overwhelmed tonight."', "The mayor"),
        ('"The road is closed until further notice," said Colonel Amina Diallo.', "Colonel Amina Diallo"),
        ('A witness told AFP that "the shooting lasted for almost ten minutes."', "A witness"),
        ('"Nobody has told us anything about the missing," according to a local teacher.', "a local teacher"),
        ("“We saw the smoke rising from the market,” a resident said.", "a resident"),
        ("«We are not leaving this town», the mayor said.", "the mayor"),
        ('"Two vehicles were destroyed in the strike," the army said in a statement.', "the army"),
    ],
)
def test_speaker_attribution(text: str, speaker: str) -> None:
    found = quotes(text)
    assert len(found) == 1
    q = found[0]
    assert q.speaker == speaker
    assert q.speaker_span is not None
    assert text[q.speaker_span.start : q.speaker_span.end] == speaker
    assert '"' not in q.span.text and "“" not in q.span.text and "«" not in q.span.text


def test_quote_span_is_the_quoted_words() -> None:
    text = 'The commander said "the area is now secure and patrols have resumed" on Sunday.'
    (q,) = quotes(text)
    assert q.span.text == "the area is now secure and patrols have resumed"
    assert text[q.span.start : q.span.end] == q.span.text


def test_pronoun_resolves_to_the_last_named_speaker() -> None:
    text = (
        '"The situation is under control," Defence Minister Tom Berger said. '
        '"We will not be intimidated by these attacks," he added.'
    )
    first, second = quotes(text)
    assert first.speaker == "Defence Minister Tom Berger"
    assert second.speaker == "Defence Minister Tom Berger"
    assert second.speaker_span == first.speaker_span  # points at the name, not at "he"


def test_pronoun_without_antecedent_has_no_speaker() -> None:
    (q,) = quotes('"We heard three loud explosions before midnight," she said.')
    assert q.speaker is None and q.speaker_span is None


def test_scare_quotes_are_skipped() -> None:
    text = 'The group called the raid a "victory" and promised a "final warning" to the town.'
    assert quotes(text) == []


def test_quote_broken_across_a_line() -> None:
    text = (
        'The official said "the convoy was attacked\nnear the bridge at dawn," adding that nobody was hurt.'
    )
    (q,) = quotes(text)
    assert q.span.text == "the convoy was attacked\nnear the bridge at dawn,"
    assert q.speaker == "The official"


def test_second_quote_in_a_sentence_inherits_the_speaker() -> None:
    text = (
        'The mayor\'s office urged residents "to stay indoors until the curfew ends," warning that '
        '"looters will be arrested on sight."'
    )
    first, second = quotes(text)
    assert first.speaker == "The mayor's office"
    assert second.speaker == "The mayor's office"


def test_speaker_named_later_in_the_sentence() -> None:
    text = '"Rescue teams are still searching the rubble" for survivors, the civil defence said.'
    (q,) = quotes(text)
    assert q.speaker == "the civil defence"


def test_unpaired_mark_does_not_swallow_the_article() -> None:
    text = (
        'He said "the talks failed.\n\nLater that week the minister said "we will try again next week," '
        "before leaving for the airport."
    )
    (q,) = quotes(text)
    assert q.span.text == "we will try again next week,"
    assert q.speaker == "the minister"
