"""Wire-copy detection (invented stories)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest

import sitrep.ingest.duplicates as dup_module
from sitrep.ingest import clean, mark_duplicates
from sitrep.ingest.common import content_hash, stable_id
from sitrep.model import Article

FIXTURES = Path(__file__).parent / "fixtures"
WIRE = (FIXTURES / "wire_original.txt").read_text(encoding="utf-8")
# the same agency story as a local outlet runs it: its own tag line and headline, one added
# sentence, a social-media footer
EDITED = (
    "Provinces - Security - Valley Courier\n\n"
    "Two police officers killed as mortars hit Beladi station\n\n"
    + WIRE.replace(
        "killing a soldier.",
        "killing a soldier. The Valley Courier was unable to reach the interior ministry for comment.",
    )
    + "\nFollow us on Twitter and Instagram to stay connected"
)
# another outlet's own report of the same incident
DIFFERENT = (FIXTURES / "wire_different_report.txt").read_text(encoding="utf-8")


def art(id: str, text: str, published: dt.date | None = None, outlet: str | None = None) -> Article:
    return clean(
        Article(id=id, text=text, published=published, outlet=outlet, content_hash=content_hash(text))
    )


def test_edited_wire_copy_detected() -> None:
    original = art("wire", WIRE, dt.date(2023, 5, 10), "Example Wire")
    copy = art("courier", EDITED, dt.date(2023, 5, 11), "Valley Courier")
    other = art("lantern", DIFFERENT, dt.date(2023, 5, 10), "The Lantern")
    out = mark_duplicates([copy, other, original])
    by_id = {a.id: a for a in out}
    assert [a.id for a in out] == ["courier", "lantern", "wire"]  # input order kept
    assert by_id["courier"].duplicate_of == "wire"
    assert by_id["wire"].duplicate_of is None
    assert by_id["lantern"].duplicate_of is None  # a different report of the same incident
    assert original.duplicate_of is None and copy.duplicate_of is None  # inputs untouched
    # same date: the tie goes to the smaller id
    same_day = dataclasses.replace(copy, published=dt.date(2023, 5, 10))
    assert {a.id: a.duplicate_of for a in mark_duplicates([original, same_day])} == {
        "wire": "courier",
        "courier": None,
    }


def test_earliest_by_date_is_the_original() -> None:
    early = art("zzz-early", EDITED, dt.date(2023, 5, 9))
    late = art("aaa-late", WIRE, dt.date(2023, 5, 11))
    undated = art("000-undated", WIRE.replace("Wednesday", "Wednesday night"))
    out = {a.id: a.duplicate_of for a in mark_duplicates([late, undated, early])}
    assert out == {"zzz-early": None, "aaa-late": "zzz-early", "000-undated": "zzz-early"}


def test_copy_of_known_article() -> None:
    known = art("stored", WIRE, dt.date(2023, 5, 10))
    new = art("new", EDITED, dt.date(2023, 5, 11))
    [out] = mark_duplicates([new], known=[known])
    assert out.duplicate_of == "stored"


def test_known_copy_points_to_its_original() -> None:
    original = art("orig", WIRE, dt.date(2023, 5, 1))
    known_copy = dataclasses.replace(art("copy1", EDITED, dt.date(2023, 5, 2)), duplicate_of="orig")
    new = art("copy2", EDITED.replace("Valley Courier", "Hill Gazette"), dt.date(2023, 5, 3))
    [out] = mark_duplicates([new], known=[known_copy])  # the original itself is not passed
    assert out.duplicate_of == "orig"
    assert original.id == "orig"


def test_identical_hash_is_a_duplicate_but_same_id_is_not() -> None:
    short = "Curfew declared."  # too short for meaningful shingles
    a = art("a", short, dt.date(2023, 1, 1))
    b = art("b", "curfew   DECLARED.", dt.date(2023, 1, 2))
    c = art("c", "Curfew lifted.", dt.date(2023, 1, 3))
    out = {x.id: x.duplicate_of for x in mark_duplicates([b, a, c])}
    assert out == {"a": None, "b": "a", "c": None}
    # re-ingesting the same article: same id, not a copy of itself
    again = art(stable_id(WIRE), WIRE)
    [same] = mark_duplicates([again], known=[again])
    assert same.duplicate_of is None


def test_same_id_twice_in_batch_is_not_a_copy() -> None:
    a = art("x", WIRE)
    out = mark_duplicates([a, a])
    assert [o.duplicate_of for o in out] == [None, None]


def test_empty_inputs() -> None:
    assert mark_duplicates([]) == []
    [only] = mark_duplicates([art("e", " ")])
    assert only.duplicate_of is None


def _random_article(rng: random.Random, vocab: list[str], n: int = 220) -> str:
    return " ".join(rng.choice(vocab) for _ in range(n)) + "."


def test_scales_without_all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(3000)]
    base = [art(f"a{i:04d}", _random_article(rng, vocab)) for i in range(1500)]
    copies = []
    for i in range(0, 1500, 100):
        words = base[i].text.split()
        words[40:40] = ["inserted", "words", "from", "an", "editor", "here"]
        copies.append(art(f"b{i:04d}", " ".join(words)))
    calls = 0
    real = dup_module.jaccard

    def counting(a: set[str], b: set[str]) -> float:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(dup_module, "jaccard", counting)
    out = mark_duplicates(base[750:] + copies, known=base[:750])
    flagged = {a.id: a.duplicate_of for a in out if a.duplicate_of}
    assert flagged == {f"b{i:04d}": f"a{i:04d}" for i in range(0, 1500, 100)}
    n = 1500 + len(copies)
    assert calls < n  # LSH candidates only; all pairs would be ~1.1 million
