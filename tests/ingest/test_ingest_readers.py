"""Readers, dispatch, skipping and ids (all fixture content is invented)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
from pathlib import Path

import pytest

from sitrep.ingest import (
    Skipped,
    parse_header,
    read_feed_file,
    read_html_file,
    read_jsonl_file,
    read_paths,
    read_text_file,
)
from sitrep.ingest.common import content_hash, decode_bytes, stable_id
from sitrep.ingest.plaintext import parse_date_line
from sitrep.model import Article

FIXTURES = Path(__file__).parent / "fixtures"


def articles(items: list[Article | Skipped]) -> list[Article]:
    return [a for a in items if isinstance(a, Article)]


def skipped(items: list[Article | Skipped]) -> list[Skipped]:
    return [s for s in items if isinstance(s, Skipped)]


# ---------------------------------------------------------------------------- plain text


def test_breadcrumb_shape_header() -> None:
    [art] = read_text_file(FIXTURES / "breadcrumb.txt")
    assert isinstance(art, Article)
    assert art.outlet == "Valley Courier"
    assert art.title == "Drone strike hits fuel depot outside Tel Harran"
    assert art.published is None
    assert art.text == (FIXTURES / "breadcrumb.txt").read_text(encoding="utf-8")
    assert art.clean_text == art.text
    assert art.source_path == str(FIXTURES / "breadcrumb.txt")


def test_standfirst_shape_header() -> None:
    [art] = read_text_file(FIXTURES / "standfirst.txt")
    assert isinstance(art, Article)
    assert art.title == "Protesters block highway near Mirabad port for a second day"
    assert art.published == dt.date(2021, 3, 14)
    assert art.outlet is None


@pytest.mark.parametrize(
    ("text", "title", "outlet", "published"),
    [
        (
            "Gunmen attack checkpoint\nBy Sara Ali | Coastal Times\nPublished: 2 May 2020\n\nBody text here.",
            "Gunmen attack checkpoint",
            "Coastal Times",
            dt.date(2020, 5, 2),
        ),
        (
            "Source: River Post\nFloods cut road to Amra\nUpdated 3:45 PM ET, Tue March 5, 2024\nBody.",
            "Floods cut road to Amra",
            "River Post",
            dt.date(2024, 3, 5),
        ),
        (
            "Ceasefire holds in the east\nUpdated: 6 June 2019\nPublished: 5 June 2019\nText.",
            "Ceasefire holds in the east",
            None,
            dt.date(2019, 6, 5),
        ),
        (
            "Markets calm after vote\n2019-11-02 • 2 min read\nText follows.",
            "Markets calm after vote",
            None,
            dt.date(2019, 11, 2),
        ),
        # a text that starts straight with a sentence: no title, no date, no outlet
        (
            "The council met on Monday and approved the budget for the coming year after a long debate.\n"
            "More text.",
            None,
            None,
            None,
        ),
        # a title with dashes is not a breadcrumb; "4 min read" is not a date
        (
            "Kirkuk - rocket attack kills one, officials say\n4 min read\nText.",
            "Kirkuk - rocket attack kills one, officials say",
            None,
            None,
        ),
    ],
)
def test_header_recognition(
    text: str, title: str | None, outlet: str | None, published: dt.date | None
) -> None:
    header = parse_header(text)
    assert (header.title, header.outlet, header.published) == (title, outlet, published)


@pytest.mark.parametrize(
    "line",
    [
        "4 min read",
        "2 hours ago",
        "Friday",
        "Iraq 2019: a year of protests",
        "In March 2019 the talks resumed",
        "Page 2 of 3",
    ],
)
def test_date_line_rejects_non_dates(line: str) -> None:
    assert parse_date_line(line) is None


def test_crlf_normalised(tmp_path: Path) -> None:
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"Title line\r\n\r\nFirst paragraph.\r\nSecond.\r\n")
    [art] = read_text_file(p)
    assert isinstance(art, Article)
    assert art.text == "Title line\n\nFirst paragraph.\nSecond.\n"


def test_latin1_file_is_read(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes(
        "Caf\u00e9 attack\n\nA blast hit a caf\u00e9 in the S\u00e3o district on Monday.\n".encode("latin-1")
    )
    [art] = read_text_file(p)
    assert isinstance(art, Article)
    assert "caf\u00e9" in art.text and "S\u00e3o" in art.text


def test_cp1252_smart_quotes_decoded() -> None:
    text, enc = decode_bytes("\u201cWe heard the blast,\u201d he said.".encode("cp1252"))
    assert enc == "cp1252"
    assert text == "\u201cWe heard the blast,\u201d he said."


def test_utf16_with_bom(tmp_path: Path) -> None:
    p = tmp_path / "wide.txt"
    p.write_bytes("Headline\n\nBody of the story.\n".encode("utf-16"))
    [art] = read_text_file(p)
    assert isinstance(art, Article) and art.text == "Headline\n\nBody of the story.\n"


def test_utf8_bom_dropped(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfHeadline here\n\nBody.\n")
    [art] = read_text_file(p)
    assert isinstance(art, Article) and art.text.startswith("Headline") and art.title == "Headline here"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"", "empty"),
        (b"   \n\t\n  ", "empty"),
        (bytes(range(0x80, 0x100)) * 4, "undecodable"),
    ],
)
def test_unreadable_text_skipped(tmp_path: Path, data: bytes, reason: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    [item] = read_text_file(p)
    assert isinstance(item, Skipped)
    assert reason in item.reason
    assert item.path == str(p)
    assert "\n" not in item.reason


def test_truncation(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    p = tmp_path / "long.txt"
    p.write_text("Long story\n\n" + "word " * 1000, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="sitrep.ingest"):
        [art] = read_text_file(p, max_chars=500)
    assert isinstance(art, Article)
    assert 300 <= len(art.text) <= 500
    assert "truncated" in caplog.text


# ---------------------------------------------------------------------------- HTML


def test_html_reader_text_and_metadata() -> None:
    [art] = read_html_file(FIXTURES / "article.html")
    assert isinstance(art, Article)
    assert "Fighting broke out between two armed factions" in art.text
    assert "reopened on Saturday morning" in art.text
    assert "tracking" not in art.text and "color: red" not in art.text
    assert art.title == "Clashes erupt in Saran market"
    assert art.outlet == "The Daily Lantern"
    assert art.url == "https://lantern.example/news/saran-clashes"
    assert art.published == dt.date(2022, 6, 3)


def test_html_title_tag_and_jsonld(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Ignored: og absent",
        "datePublished": "2020-09-01T10:00:00Z",
        "publisher": {"@type": "Organization", "name": "Hill Gazette"},
    }
    html = (
        f"<html><head><title>Storm damages homes - Hill Gazette</title>"
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head>'
        "<body><p>A storm damaged dozens of homes in the hill villages overnight.</p></body></html>"
    )
    p = tmp_path / "page.htm"
    p.write_text(html, encoding="utf-8")
    [art] = read_html_file(p)
    assert isinstance(art, Article)
    assert art.outlet == "Hill Gazette"
    assert art.published == dt.date(2020, 9, 1)
    assert art.title == "Ignored: og absent"  # JSON-LD headline beats <title>
    assert "storm damaged dozens of homes" in art.text


def test_html_meta_charset_latin1(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="iso-8859-1"></head>'
        "<body><p>R\u00e9sum\u00e9 of the day\u2019s events.</p></body></html>"
    )
    p = tmp_path / "old.html"
    p.write_bytes(html.replace("\u2019", "'").encode("latin-1"))
    [art] = read_html_file(p)
    assert isinstance(art, Article) and "R\u00e9sum\u00e9" in art.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Nothing</title></head><body></body></html>",
        "<html><body><script>var a = 1;</script><div>   </div></body></html>",
        "<<<>>><</",
    ],
)
def test_broken_or_empty_html_skipped(tmp_path: Path, html: str) -> None:
    p = tmp_path / "broken.html"
    p.write_text(html, encoding="utf-8")
    [item] = read_html_file(p)
    assert isinstance(item, Skipped)
    assert "no article text" in item.reason or "empty" in item.reason


# ---------------------------------------------------------------------------- feeds


def test_feed_reader() -> None:
    items = list(read_feed_file(FIXTURES / "feed.xml"))
    arts = articles(items)
    assert [a.title for a in arts] == [
        "Bridge reopens after flood repairs",
        "Roadside bomb wounds two soldiers",
    ]
    bridge, bomb = arts
    assert bridge.outlet == "Northern Herald"
    assert bridge.url == "https://herald.example/bridge-reopens"
    assert bridge.published == dt.date(2022, 2, 7)
    assert bridge.text == (  # the headline opens the text; the body follows a blank line
        "Bridge reopens after flood repairs\n\n"
        "The old river bridge at Kelvar reopened to traffic on Monday after three months of repairs.\n"
        "Engineers said the flood had washed away part of the western pier."
    )
    assert bomb.published == dt.date(2022, 2, 8)
    assert bomb.id != "2"  # feed GUIDs are not article ids
    [gallery] = skipped(items)
    assert gallery.reason == "feed entry has no text (entry 3: 'Photo gallery')"


def test_atom_feed(tmp_path: Path) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Delta Dispatch</title>
  <entry>
    <title>Ferry capsizes on the delta</title>
    <link href="https://dispatch.example/ferry"/>
    <id>urn:uuid:1</id>
    <updated>2021-08-09T12:00:00Z</updated>
    <content type="html">&lt;p&gt;A ferry capsized on the delta on Monday;
      rescuers pulled 40 people from the water.&lt;/p&gt;</content>
  </entry>
</feed>"""
    p = tmp_path / "delta.atom"
    p.write_text(atom, encoding="utf-8")
    [art] = read_feed_file(p)
    assert isinstance(art, Article)
    assert art.outlet == "Delta Dispatch"
    assert art.published == dt.date(2021, 8, 9)
    assert art.text.startswith("Ferry capsizes on the delta\n\nA ferry capsized on the delta")


def test_feed_without_entries_skipped(tmp_path: Path) -> None:
    p = tmp_path / "empty.rss"
    p.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>',
        encoding="utf-8",
    )
    [item] = read_feed_file(p)
    assert isinstance(item, Skipped) and "no entries" in item.reason


def test_non_feed_xml_skipped(tmp_path: Path) -> None:
    p = tmp_path / "notes.xml"
    p.write_text("this is not xml at all <", encoding="utf-8")
    [item] = read_feed_file(p)
    assert isinstance(item, Skipped) and "no entries" in item.reason


# ---------------------------------------------------------------------------- JSONL


def test_jsonl_reader() -> None:
    items = list(read_jsonl_file(FIXTURES / "articles.jsonl"))
    arts = articles(items)
    bad = skipped(items)
    assert arts[0].id == "wire-001"
    first, second, fourth = arts
    assert first.title == "Curfew declared in Dunmore"
    assert first.outlet == "Example Wire"
    assert first.published == dt.date(2023, 1, 15)
    assert first.text.startswith("Curfew declared in Dunmore\n\nAuthorities declared a night-time curfew")
    # html body: extracted text, title from the page, date from the datetime
    assert "Most shops in Dunmore reopened" in second.text
    assert second.title == "Shops reopen in Dunmore"
    assert second.published == dt.date(2023, 1, 16)
    head = "Shops reopen in Dunmore\n\n"
    assert second.text.startswith(head)  # the page title opens the text
    assert second.id == stable_id(second.text[len(head) :])  # the id is the body's
    assert fourth.id == "4" and fourth.published is None
    assert [(s.line, s.reason.split(" (")[0]) for s in bad] == [
        (3, "not valid JSON"),
        (5, "no 'text' or 'html' field"),
    ]
    assert all(s.path == str(FIXTURES / "articles.jsonl") for s in bad)


def test_jsonl_non_object_and_bad_types(tmp_path: Path) -> None:
    p = tmp_path / "x.ndjson"
    p.write_text(
        '[1, 2]\n{"id": {"a": 1}, "text": "x"}\n{"text": ""}\n{"text": "Fine line."}\n', encoding="utf-8"
    )
    items = list(read_jsonl_file(p))
    assert [s.line for s in skipped(items)] == [1, 2, 3]
    assert [a.text for a in articles(items)] == ["Fine line."]


# ---------------------------------------------------------------------------- read_paths


def test_read_paths_folder_mixed(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for name in ("breadcrumb.txt", "standfirst.txt", "article.html", "feed.xml", "articles.jsonl"):
        shutil.copy(FIXTURES / name, root / "sub" / name)
    (root / "a_binary.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (root / "b_empty.txt").write_bytes(b"")
    (root / "c_latin.txt").write_bytes("Ni\u00f1o storm\n\nThe storm hit the coast.".encode("latin-1"))
    (root / "d_broken.html").write_text("<html><body></body></html>", encoding="utf-8")
    (root / "e_image.png").write_bytes(b"\x89PNG\r\n")
    (root / ".DS_Store").write_bytes(b"\x00\x00")
    (root / ".hidden" / "secret.txt").write_text("Hidden\n\nShould not be read.", encoding="utf-8")
    (root / "noext").write_text(
        "<html><body><p>Sniffed as HTML from its content.</p></body></html>", encoding="utf-8"
    )

    items = list(read_paths([root, tmp_path / "missing.txt"]))
    arts = articles(items)
    skips = skipped(items)
    by_name = {Path(s.path).name: s.reason for s in skips if s.line is None}
    assert "binary" in by_name["a_binary.txt"]
    assert "empty" in by_name["b_empty.txt"]
    assert "no article text" in by_name["d_broken.html"]
    assert "unsupported file type '.png'" in by_name["e_image.png"]
    assert "no such file" in by_name["missing.txt"]
    assert not any("secret" in (a.source_path or "") or "DS_Store" in s.path for a in arts for s in skips)
    texts = [a.text for a in arts]
    assert any("The storm hit the coast." in t for t in texts)
    assert any("Sniffed as HTML" in t for t in texts)
    # sorted, stable order: top-level files (a_..., c_..., noext) then sub/...
    paths = [Path(a.source_path or "").relative_to(root).as_posix() for a in arts]
    assert paths == sorted(paths, key=lambda p: p.split("/"))
    assert len([a for a in arts if a.source_path and a.source_path.endswith("feed.xml")]) == 2
    assert len([a for a in arts if a.source_path and a.source_path.endswith("articles.jsonl")]) == 3
    # same order every time
    assert [a.id for a in articles(list(read_paths([root])))] == [a.id for a in arts]


def test_read_paths_accepts_single_path_and_strings() -> None:
    one = articles(list(read_paths(FIXTURES / "breadcrumb.txt")))
    two = articles(list(read_paths([str(FIXTURES / "breadcrumb.txt")])))
    assert [a.id for a in one] == [a.id for a in two] and len(one) == 1


def test_skips_are_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    p = tmp_path / "zero.txt"
    p.write_bytes(b"")
    with caplog.at_level(logging.INFO, logger="sitrep.ingest"):
        list(read_paths([p]))
    assert "zero.txt" in caplog.text and "empty" in caplog.text


# ---------------------------------------------------------------------------- ids


def test_same_text_same_id_anywhere(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    body = "Rockets hit the base\n\nSeveral rockets struck the base at dawn, officials said.\n"
    (tmp_path / "x" / "one.txt").write_text(body, encoding="utf-8")
    (tmp_path / "y" / "two.txt").write_text(body.replace("\n", "\r\n"), encoding="utf-8")
    a, b = articles(list(read_paths([tmp_path])))
    assert a.id == b.id == stable_id(body)
    assert len(a.id) == 16 and a.content_hash == content_hash(body) and len(a.content_hash) == 40
    assert a.source_path != b.source_path


def test_id_ignores_whitespace_and_case() -> None:
    assert stable_id("Rockets  hit\nthe BASE ") == stable_id("rockets hit the base")
    assert stable_id("rockets hit the base") != stable_id("rockets hit the camp")


def test_every_article_has_content_hash() -> None:
    for item in read_paths([FIXTURES]):
        if isinstance(item, Article):
            head = f"{item.title}\n\n" if item.title else ""
            body = item.text[len(head) :] if head and item.text.startswith(head) else item.text
            # the body's hash: the same article under a new headline is still the same article
            assert item.content_hash in (content_hash(body), content_hash(item.text))
            assert item.id


def test_the_headline_opens_the_text_once() -> None:
    from sitrep.ingest import with_headline

    body = "Gunmen attacked a checkpoint in Tikrit on Friday."
    assert with_headline("Checkpoint attacked in Tikrit", body) == f"Checkpoint attacked in Tikrit\n\n{body}"
    repeated = f"CHECKPOINT ATTACKED IN TIKRIT\n{body}"
    assert with_headline("Checkpoint attacked in  Tikrit", repeated) == repeated  # already there
    assert with_headline(None, body) == body
    assert with_headline("   ", body) == body
