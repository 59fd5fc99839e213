"""The source an article is counted under (invented addresses)."""

from __future__ import annotations

import pytest

from sitrep.model import Article
from sitrep.resolve import source_name


@pytest.mark.parametrize(
    ("url", "outlet", "expected"),
    [
        ("https://www.Example-News.com/2019/12/28/rockets", None, "example-news.com"),
        ("https://example-news.com:8080/story", None, "example-news.com"),
        # an archived page belongs to the outlet that published it, not to the archive
        (
            "http://web.archive.org/web/20160618164130/http://www.valley-times.com:80/article/5-found",
            None,
            "valley-times.com",
        ),
        ("https://web.archive.org/web/2016id_/https://river-post.org/a", None, "river-post.org"),
        ("https://example-news.com/story", "Example News", "Example News"),
        (None, None, "article x1"),
    ],
)
def test_source_name(url: str | None, outlet: str | None, expected: str) -> None:
    assert source_name(Article(id="x1", text="t", url=url, outlet=outlet)) == expected
