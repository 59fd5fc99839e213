"""The learned event-type classifier: own examples, training, combination with the rules, model files,
the cache, and its use in event assembly."""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from sitrep.errors import ConfigError
from sitrep.extract import type_classifier as tc
from sitrep.extract.embedding import HashedNgramEmbedder, get_embedder, register_embedder
from sitrep.extract.event_types import TypeGuess, classify_text
from sitrep.extract.type_classifier import (
    NON_CONFLICT_TYPES,
    TypeClassifier,
    combine,
    load_classifier,
    load_examples,
    refine_types,
    shipped_classifier,
)
from sitrep.taxonomy import SUB_EVENT_TYPES, event_type_of

# Fresh sentences, not in the examples file: the shipped classifier must generalise to them.
UNSEEN: list[tuple[str, str]] = [
    (
        "Jets from the coalition bombed an ammunition store near the frontier town overnight.",
        "Air/drone strike",
    ),
    (
        "Kidnappers seized a doctor on his way to the clinic and are demanding money.",
        "Abduction/forced disappearance",
    ),
    ("Shopkeepers closed their stores and marched to the town hall against a new tax.", "Peaceful protest"),
    (
        "Hundreds of families fled after the river flooded their villages following a week of rain.",
        "Natural disaster",
    ),
    ("The rival militias signed a truce brokered by religious leaders.", "Agreement"),
    (
        "A landmine buried on the dirt track killed two men riding a donkey cart.",
        "Remote explosive/landmine/IED",
    ),
    ("Villagers beat a suspected goat thief to death before police arrived.", "Mob violence"),
    ("Troops and insurgents fought a fierce battle for control of the bridge.", "Armed clash"),
]


def _guess(sub: str, score: float) -> TypeGuess:
    return TypeGuess(sub, event_type_of(sub), score, 0, 0, "")


def test_own_examples_cover_every_sub_type_with_several_varied_examples() -> None:
    examples = load_examples()
    counts = Counter(label for _, label in examples)
    assert set(SUB_EVENT_TYPES) <= set(counts)
    assert all(counts[sub] >= 8 for sub in SUB_EVENT_TYPES), counts
    assert all(counts[label] >= 8 for label in NON_CONFLICT_TYPES), counts
    texts = [t for t, _ in examples]
    assert len(set(texts)) == len(texts)


def test_shipped_classifier_generalises_to_unseen_sentences(tmp_path: Path) -> None:
    clf = shipped_classifier("none", tmp_path)
    probs = clf.predict_proba([t for t, _ in UNSEEN])
    right = [max(p, key=lambda k: p[k]) == gold for p, (_, gold) in zip(probs, UNSEEN, strict=True)]
    assert sum(right) >= 6, list(zip([g for _, g in UNSEEN], right, strict=True))
    assert all(abs(sum(p.values()) - 1.0) < 1e-4 for p in probs)


def test_shipped_classifier_is_cached_by_examples_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tc, "_SHIPPED", {})
    first = shipped_classifier("none", tmp_path)
    cached = list((tmp_path / "type_models").glob("own-none-*.npz"))
    assert len(cached) == 1
    monkeypatch.setattr(tc, "_SHIPPED", {})
    monkeypatch.setattr(TypeClassifier, "train", classmethod(lambda *a, **k: pytest.fail("retrained")))
    again = shipped_classifier("none", tmp_path)
    np.testing.assert_array_equal(first.weights, again.weights)


def test_rules_plus_classifier_cross_validated_on_own_examples_keeps_its_floor() -> None:
    """5-fold CV on the project's own examples (ACLED-labelled ones scored); floor in quality_floors.json."""
    floors = json.loads((Path(__file__).resolve().parents[1] / "quality_floors.json").read_text("utf-8"))
    examples = load_examples()
    order = list(range(len(examples)))
    random.Random(3).shuffle(order)
    right = scored = 0
    for k in range(5):
        test = [examples[i] for j, i in enumerate(order) if j % 5 == k]
        train = [examples[i] for j, i in enumerate(order) if j % 5 != k]
        clf = TypeClassifier.train([t for t, _ in train], [y for _, y in train])
        for (text, gold), probs in zip(test, clf.predict_proba([t for t, _ in test]), strict=True):
            if gold in SUB_EVENT_TYPES:
                decided = combine(classify_text(text), probs)
                right += decided is not None and decided[0] == gold
                scored += 1
    assert right / scored >= floors["type_examples"]["cv_accuracy_rules_plus_classifier"]


def test_classifier_is_fast_per_text(tmp_path: Path) -> None:
    clf = shipped_classifier("none", tmp_path)
    texts = [t for t, _ in UNSEEN] * 25
    clf.predict_proba(texts[:5])
    t0 = time.perf_counter()
    clf.predict_proba(texts)
    assert (time.perf_counter() - t0) / len(texts) < 0.002


def test_model_file_round_trip_and_bad_files(tmp_path: Path) -> None:
    clf = TypeClassifier.train(
        ["rockets hit the base", "mortar shells fell", "police arrested him", "officers detained two men"],
        ["Shelling/artillery/missile attack"] * 2 + ["Arrests"] * 2,
        trained_on="tiny",
    )
    path = clf.save(tmp_path / "m.npz")
    back = TypeClassifier.load(path)
    assert back.classes == clf.classes and back.trained_on == "tiny"
    assert back.predict_proba(["shells hit a school"]) == clf.predict_proba(["shells hit a school"])
    (tmp_path / "junk.npz").write_bytes(b"not a model")
    with pytest.raises(ConfigError):
        TypeClassifier.load(tmp_path / "junk.npz")
    with pytest.raises(ConfigError, match="does not exist"):
        load_classifier(str(tmp_path / "missing.npz"))
    assert load_classifier(str(path)).classes == clf.classes


def test_training_needs_two_labels() -> None:
    with pytest.raises(ConfigError):
        TypeClassifier.train(["a", "b"], ["Arrests", "Arrests"])


def test_combine_keeps_confident_rules_and_lets_a_sure_classifier_fix_weak_ones() -> None:
    grenade = _guess("Grenade", 0.9)
    assert combine(grenade, {"Attack": 0.5, "Grenade": 0.1}) == ("Grenade", 0.9)
    assert combine(grenade, {"Attack": 0.95, "Grenade": 0.01})[0] == "Attack"  # type: ignore[index]
    weak = _guess("Arrests", 0.5)
    assert combine(weak, {"Armed clash": 0.4, "Arrests": 0.2})[0] == "Armed clash"  # type: ignore[index]
    assert combine(weak, {"Armed clash": 0.1, "Arrests": 0.05})[0] == "Arrests"  # type: ignore[index]
    # no rule: the classifier's best ACLED type; non-conflict labels never become an incident type
    assert combine(None, {"Natural disaster": 0.8, "Arrests": 0.1}) == ("Arrests", 0.1)
    assert combine(_guess("Arrests", 0.5), {"Natural disaster": 0.9}) == ("Arrests", 0.5)
    assert combine(None, {"Natural disaster": 1.0}) is None


class _Sure:
    """A stand-in classifier that is sure every text reports an armed clash."""

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]:
        return [{"Armed clash": 0.97, "Attack": 0.03} for _ in texts]


def test_refine_types_batches_incidents() -> None:
    subs = refine_types(_Sure(), [("Arrests", 0.5), ("Grenade", 0.9), ("Arrests", 0.95)], ["a", "b", "c"])  # type: ignore[arg-type]
    assert subs == ["Armed clash", "Armed clash", "Armed clash"]


def test_pipeline_events_take_the_classifier_type(pipeline, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.events import assemble_events
    from sitrep.extract.gazetteer import load_gazetteer
    from sitrep.model import Article

    article = pipeline.analyse(Article(id="x", text="Police arrested three men near Kidal on Monday."))
    rule_type = article.events[0].sub_event_type
    gaz = load_gazetteer(pipeline.settings)
    retyped = assemble_events(article, gaz, _Sure())  # type: ignore[arg-type]
    assert rule_type == "Arrests"
    assert retyped.events[0].sub_event_type == "Armed clash"
    assert retyped.events[0].event_type == "Battles"


def test_hashed_embedder_is_deterministic_and_normalised() -> None:
    emb = HashedNgramEmbedder()
    a = emb.embed(["Rebels seized the town.", ""])
    b = emb.embed(["Rebels seized the town."])
    assert (a[0] != b[0]).nnz == 0
    assert a[1].nnz == 0
    norm = float(np.sqrt(a[0].multiply(a[0]).sum()))
    assert norm == pytest.approx(np.sqrt(2), rel=1e-4)  # two L2-normalised blocks


def test_embedders_are_registered_explicitly() -> None:
    with pytest.raises(ConfigError, match="unknown embedder"):
        get_embedder("bert-huge")
    register_embedder("test-hash", HashedNgramEmbedder)
    assert isinstance(get_embedder("test-hash"), HashedNgramEmbedder)


class _SureBomb:
    """A stand-in classifier that is sure every text reports a suicide bombing."""

    def predict_proba(self, texts: list[str]) -> list[dict[str, float]]:
        return [{"Suicide bomb": 0.99, "Attack": 0.01} for _ in texts]


def test_in_articles_the_classifier_never_introduces_a_weapon_type() -> None:
    texts = ["He shot his wife and then himself in an apparent murder-suicide."] * 2
    subs = refine_types(_SureBomb(), [("Attack", 0.5), ("Remote explosive/landmine/IED", 0.9)], texts)  # type: ignore[arg-type]
    # nor does it swap the rules' weapon for another: the rules read the weapon from the text
    assert subs == ["Attack", "Remote explosive/landmine/IED"]


def test_refine_types_keeps_a_rule_s_non_conflict_type() -> None:
    """The classifier knows ACLED's types only: an accident the rules found is not re-typed."""
    subs = refine_types(_Sure(), [("Accident", 0.6), ("Self-harm", 0.6), ("Arrests", 0.5)], ["a", "b", "c"])  # type: ignore[arg-type]
    assert subs == ["Accident", "Self-harm", "Armed clash"]


def test_the_classifier_never_swaps_types_the_rules_read_from_the_whole_text() -> None:
    """Who the victims were, how violent a protest was and who took a town are read by the rules
    from the whole report; the classifier does not overrule them within those families."""
    assert combine(_guess("Attack", 0.5), {"Armed clash": 0.9, "Attack": 0.1})[0] == "Attack"  # type: ignore[index]
    protest = _guess("Violent demonstration", 0.6)
    assert combine(protest, {"Peaceful protest": 0.9})[0] == "Violent demonstration"  # type: ignore[index]
    subs = refine_types(_Sure(), [("Attack", 0.5), ("Government regains territory", 0.5)], ["a", "b"])  # type: ignore[arg-type]
    assert subs == ["Attack", "Armed clash"]
