"""Feed files: RSS and Atom entries become documents; files that are no feed are one line; an OPML list's feeds
are fetched (tests/sources/test_web.py), one line each when they cannot be."""
from __future__ import annotations

import pytest

from exodus.errors import InputNotice
from exodus.settings import Settings
from exodus.sources import read_documents
from tests.sources.test_reading import assert_one_line_problem, split

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>AI news</title>
<item><title>Leike leaves</title><link>https://n.example/leike</link>
  <pubDate>Fri, 17 May 2024 10:00:00 GMT</pubDate>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>Jan Leike left OpenAI.</p><p>He joined <b>Anthropic</b> on May 28.</p>
  <script>track()</script>]]></content:encoded></item>
<item><title>Summary only</title><link>https://n.example/summary</link>
  <description>&lt;p&gt;Ilya Sutskever founded Safe Superintelligence.&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://n.example/headline</link></item>
<item><title>No link</title><guid isPermaLink="false">tag:n.example,2024:7</guid>
  <description>Mira Murati left OpenAI.</description></item>
<item><title>Nothing</title><description>Durk Kingma joined Anthropic.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Moves</title><id>urn:moves</id>
<updated>2024-06-01T00:00:00Z</updated>
<entry><title>Karpathy</title><link href="https://m.example/karpathy"/><id>urn:k</id>
  <updated>2024-02-14T09:00:00Z</updated>
  <content type="html">&lt;p&gt;Andrej Karpathy left OpenAI.&lt;/p&gt;</content></entry>
</feed>
"""

OPML = """<?xml version="1.0"?><opml version="2.0"><head><title>My feeds</title></head><body>
<outline text="AI"><outline text="A" type="rss" xmlUrl="https://a.example/feed"/>
<outline text="B" type="rss" xmlUrl="https://b.example/rss"/></outline>
<outline text="C" type="rss" xmlUrl="https://c.example/atom"/></body></opml>
"""


def test_rss_entries_become_documents_with_link_title_and_date(tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text(RSS, encoding="utf-8")
    notices: list[InputNotice] = []
    documents, problems = split(read_documents([feed], published="2024-01-01"), notices)
    assert problems == []
    by_id = {d.id: d for d in documents}
    assert list(by_id) == ["https://n.example/leike", "https://n.example/summary", "tag:n.example,2024:7", "news#5"]
    leike = by_id["https://n.example/leike"]
    # The full content wins over the summary; markup goes, paragraphs stay, scripts are dropped.
    assert leike.text == "Jan Leike left OpenAI.\n\nHe joined Anthropic on May 28."
    assert (leike.url, leike.title, leike.published) == ("https://n.example/leike", "Leike leaves", "2024-05-17")
    assert leike.source == f"{feed}:https://n.example/leike"
    assert by_id["https://n.example/summary"].text == "Ilya Sutskever founded Safe Superintelligence."
    assert by_id["https://n.example/summary"].published == "2024-01-01"  # no date in the entry: --published
    assert by_id["tag:n.example,2024:7"].url is None
    assert [str(n) for n in notices] == [f"{feed}:https://n.example/headline: entry without text (only a title or "
                                         f"link); skipped (a feed file is read as saved: give the feed's URL to "
                                         f"have its links fetched)"]


def test_atom_feed_in_an_xml_file_is_recognised_by_its_root(tmp_path):
    feed = tmp_path / "moves.xml"
    feed.write_text(ATOM, encoding="utf-8")
    documents, problems = split(read_documents([feed]))
    assert problems == []
    assert [(d.id, d.text, d.published, d.title) for d in documents] == [
        ("https://m.example/karpathy", "Andrej Karpathy left OpenAI.", "2024-02-14", "Karpathy")]


def test_xml_that_is_no_feed_is_one_line_and_skipped_in_directories(tmp_path):
    (tmp_path / "sitemap.xml").write_text('<urlset><url><loc>https://x/</loc></url></urlset>', encoding="utf-8")
    (tmp_path / "config.xml").write_text('<configuration><setting name="a"/></configuration>', encoding="utf-8")
    (tmp_path / "moves.xml").write_text(ATOM, encoding="utf-8")
    documents, problems = split(read_documents([tmp_path]))
    assert problems == [] and [d.id for d in documents] == ["https://m.example/karpathy"]
    _, problems = split(read_documents([tmp_path / "config.xml"]))
    assert_one_line_problem(problems, str(tmp_path / "config.xml"), "not an rss or atom feed")


def test_opml_feeds_that_cannot_be_fetched_are_one_line_each(tmp_path):
    listing = tmp_path / "feeds.opml"
    listing.write_text(OPML.replace("https://a.example", "http://10.0.0.1").replace("https://b.example", "http://[::1]")
                       .replace("https://c.example", "file://"), encoding="utf-8")
    documents, problems = split(read_documents([listing]))
    assert documents == []
    assert [str(p).split(": ")[1] for p in problems] == ["http://10.0.0.1/feed", "http://[::1]/rss", "file:///atom"]
    assert all(str(p).startswith(f"{listing}: ") and "\n" not in str(p) for p in problems)


@pytest.mark.parametrize("content", ["", "just some text", "\x00\x01binary", "<rss><channel></channel></rss>"])
def test_damaged_or_empty_feed_is_one_line(tmp_path, content):
    feed = tmp_path / "bad.rss"
    feed.write_text(content, encoding="utf-8")
    documents, problems = split(read_documents([feed]), [])
    assert documents == []
    assert len(problems) == 1 and str(problems[0]).startswith(f"{feed}: ") and "\n" not in str(problems[0])


def test_repeated_link_is_reported_as_a_duplicate(tmp_path):
    feed = tmp_path / "twice.atom"
    feed.write_text(ATOM.replace("</feed>", ATOM.split("<updated>2024-06-01T00:00:00Z</updated>")[1]),
                    encoding="utf-8")
    documents, problems = split(read_documents([feed]))
    assert len(documents) == 1
    assert_one_line_problem(problems, f"{feed}:https://m.example/karpathy", "already used by")


def test_feed_file_over_its_limit_is_one_line_naming_the_setting(tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text(RSS, encoding="utf-8")
    documents, problems = split(read_documents([feed], settings=Settings(max_feed_bytes=100)))
    assert documents == []
    assert_one_line_problem(problems, str(feed), "EXODUS_MAX_FEED_BYTES".lower())


def test_feed_cut_short_is_read_leniently_and_says_so(tmp_path):
    feed = tmp_path / "cut.rss"
    feed.write_text(RSS[:RSS.index("<item><title>Headline only")] + "<item><title>Headl", encoding="utf-8")
    notices: list[InputNotice] = []
    documents, problems = split(read_documents([feed]), notices)
    assert problems == []
    assert [d.id for d in documents] == ["https://n.example/leike", "https://n.example/summary"]
    assert any(str(n).startswith(f"{feed}: not well-formed XML") for n in notices)
