"""The biased-sentence classifier, trained on the project's own sentences."""

from __future__ import annotations

from sitrep.corroborate.bias_classifier import (
    FEATURE_NAMES,
    load_classifier,
    sentence_features,
    train_classifier,
    training_sentences,
)
from sitrep.corroborate.framing_lexicon import load_lexicon


def _probability(sentence: str) -> float:
    lex = load_lexicon()
    return load_classifier().probabilities([sentence_features(sentence, lex.scan(sentence))])[0]


def test_training_set_is_balanced_and_varied() -> None:
    examples = training_sentences()
    biased = sum(1 for _, b in examples if b)
    assert len(examples) >= 250
    assert 0.35 <= biased / len(examples) <= 0.65
    assert len({s for s, _ in examples}) == len(examples)  # no duplicates


def test_held_out_own_sentences_are_classified_well() -> None:
    examples = training_sentences()
    test = examples[::5]
    train = [e for i, e in enumerate(examples) if i % 5]
    clf = train_classifier(train)
    lex = load_lexicon()
    feats = [sentence_features(s, lex.scan(s)) for s, _ in test]
    correct = sum(p == b for p, (_, b) in zip(clf.predict(feats), test, strict=True))
    assert correct / len(test) >= 0.8


def test_obviously_loaded_sentence_scores_above_a_plain_one() -> None:
    loaded = (
        "The corrupt mayor's shameless cronies rammed through a disastrous giveaway to greedy developers."
    )
    plain = "The city council approved the housing plan by a vote of 6 to 3 on Tuesday, officials said."
    assert _probability(loaded) > 0.8
    assert _probability(plain) < 0.3


def test_weights_are_named_and_lexicon_hits_push_towards_biased() -> None:
    weights = load_classifier().weight_table()
    assert list(weights) == list(FEATURE_NAMES)
    assert weights["any_loaded"] > 0 and weights["attribution"] < 0
