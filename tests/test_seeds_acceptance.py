"""The founding example: two outlets report the 27 December 2019 rocket attack near Kirkuk."""

from __future__ import annotations

from sitrep.geo import distance_km
from sitrep.store import Store
from tests.conftest import exported


def _kirkuk(events: list[dict]) -> dict:
    near = [
        e
        for e in events
        if e["latitude"] is not None and distance_km(e["latitude"], e["longitude"], 35.47, 44.39) <= 25
    ]
    assert len(near) == 1, [e["place"] for e in events]
    return near[0]


def test_one_event_with_both_articles(seeds_db: Store) -> None:
    events = exported(seeds_db)
    e = _kirkuk(events)
    assert len(e["article_ids"]) == 2
    assert e["country"] == "IQ"
    assert e["sub_event_type"] == "Shelling/artillery/missile attack"
    assert e["event_type"] == "Explosions/Remote violence"


def test_date_borrowed_for_the_undated_article(seeds_db: Store) -> None:
    e = _kirkuk(exported(seeds_db))
    assert (e["date"], e["date_precision"]) == ("2019-12-27", "day")
    undated = [m for m in seeds_db.get_event(e["event_id"]).mentions if m.date_borrowed_from]
    assert len(undated) == 1  # the article that states no date of its own


def test_casualties_and_weapons(seeds_db: Store) -> None:
    e = _kirkuk(exported(seeds_db))
    assert e["killed"] == 1
    assert e["injured"] is None  # "several": a range, no invented number
    assert e["injured_low"] is not None and e["injured_low"] >= 1
    assert e["injured_high"] is None or e["injured_high"] < 30
    assert "rocket" in e["weapons"]


def test_location_contradiction_resolved_for_the_gazetteer(seeds_db: Store) -> None:
    e = _kirkuk(exported(seeds_db))
    loc = [c for c in e["contradictions"] if c["field"] == "location_description"]
    assert len(loc) == 1
    values = {v["value"] for v in loc[0]["values"]}
    assert "southern Iraq" in values
    assert loc[0]["resolution"] == "northern Iraq"
    assert "gazetteer" in loc[0]["reason"]


def test_blame_differs_by_source_and_is_hedged(seeds_db: Store) -> None:
    e = _kirkuk(exported(seeds_db))
    blame = [c for c in e["claims"] if c["field"] == "blame"]
    by_source: dict[str, list[dict]] = {}
    for c in blame:
        by_source.setdefault(c["source"], []).append(c)
    assert len(by_source) == 2
    kh = [c for c in blame if "Hezbollah" in c["value"]]
    assert kh and all(c["hedged"] for c in kh)
    assert any(c["origin"] == "Reuters" for c in kh)
    assert any(c["value"].startswith("no attribution") for c in blame)
    assert any(c["field"] == "blame" for c in e["contradictions"])


def test_claim_spans_slice_the_original_text(seeds_db: Store) -> None:
    e = _kirkuk(exported(seeds_db))
    texts = {a.id: a.text for a in seeds_db.articles()}
    assert e["claims"]
    for c in e["claims"]:
        assert texts[c["article_id"]][c["start"] : c["end"]] == c["text"]


def test_passing_mentions_stay_separate(seeds_db: Store) -> None:
    events = exported(seeds_db)
    main = _kirkuk(events)
    others = [e for e in events if e["event_id"] != main["event_id"]]
    places = {e["place"] for e in others}
    assert any("Asad" in (p or "") for p in places)  # the 3 December attack on Al-Asad
    assert any(e["country"] == "SA" for e in others)  # the September 2019 strike on Saudi oil sites
    assert all(
        e["event_id"] in main["related_event_ids"]
        for e in others
        if main["article_ids"][0] in e["article_ids"] or main["article_ids"][1] in e["article_ids"]
    )


def test_every_article_in_the_articles_export(seeds_db: Store) -> None:
    rows = exported(seeds_db, "articles")
    assert len(rows) == 2
    assert all(r["event_ids"] for r in rows)
    assert any(r["outlet"] == "Baghdadpost" for r in rows)


def test_framing_shows_the_partisan_outlets_loaded_terms(seeds_db: Store) -> None:
    event = seeds_db.get_event(_kirkuk(exported(seeds_db))["event_id"])
    framing = {f.source: f for f in event.framing}
    assert len(framing) == 2
    partisan = framing["Baghdadpost"]
    other = next(f for name, f in framing.items() if name != "Baghdadpost")
    assert event.framing[0] is not None and event.framing[0].source == "Baghdadpost"
    assert len(partisan.terms) >= 4
    assert {"regime", "warmongering"} <= set(partisan.terms)
    assert partisan.loaded_per_1000_words >= 2 * other.loaded_per_1000_words
    assert len(other.terms) <= 5
    assert "regime" in partisan.summary


def test_each_article_records_its_wire_origin(seeds_db: Store) -> None:
    rows = {r["article_id"]: r for r in exported(seeds_db, "articles")}
    e = _kirkuk(exported(seeds_db))
    agencies = {}
    for c in e["claims"]:
        if c["independent_key"].startswith("agency:"):
            agencies.setdefault(c["article_id"], set()).add(c["independent_key"])
    assert sorted(sorted(v) for v in agencies.values()) == [["agency:afp"], ["agency:reuters"]]
    assert {a for r in rows.values() for a in r["origins"]} >= {"Reuters", "AFP"}


def test_agreement_counts_independent_sources(seeds_db: Store) -> None:
    e = _kirkuk(exported(seeds_db))
    agreement = {(a["field"], a["value"]): a for a in e["agreement"]}
    killed = agreement[("killed", "1")]
    assert killed["independent_sources"] == 2 and killed["confirmed"] and not killed["contradicted"]
    south = agreement[("location_description", "southern Iraq")]
    assert south["single_source"] and south["contradicted"]
    kh = agreement[("blame", "Kata'ib Hezbollah")]
    assert kh["hedged"] and kh["single_source"] and kh["origins"] == ["Reuters"]


def test_framing_is_in_the_export_per_source_and_per_article(seeds_db: Store) -> None:
    event = _kirkuk(exported(seeds_db))
    rates = {f["source"]: f["loaded_per_1000_words"] for f in event["framing"]}
    assert max(rates, key=lambda s: rates[s]) == "Baghdadpost"
    articles = {r["outlet"]: r for r in exported(seeds_db, "articles")}
    terms = [t["text"].lower() for t in articles["Baghdadpost"]["framing"]]
    assert any("regime" in t for t in terms)
