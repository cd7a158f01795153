"""Reading from the web with `read_documents`: URLs, URL lists, feeds (summaries fetched whole),
sitemaps and sitemap indexes, OPML lists, all from a real server on 127.0.0.1. Every bad URL is one
line and reading goes on."""
from __future__ import annotations

from dataclasses import replace

import pytest

from exodus.errors import InputError, InputNotice
from exodus.schema import Document
from exodus.settings import Settings
from exodus.sources import read_documents
from tests.sources.http_server import Reply, redirect

FAST = replace(Settings(), fetch_retries=1, fetch_backoff_s=0.01, fetch_host_interval_s=0.0, fetch_timeout_s=2.0)
HTML = {"Content-Type": "text/html; charset=utf-8"}
XML = {"Content-Type": "application/xml"}


def article(title: str, sentence: str, date: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    filler = " ".join(["The company said the move had been planned for several months."] * 3)
    return (f"<html><head><title>{title}</title>{meta}</head><body><nav>Home | World | Tech</nav>"
            f"<article><h1>{title}</h1><p>{sentence}</p><p>{filler}</p><p>{filler}</p></article>"
            f"<footer>Copyright News Example</footer></body></html>").encode()


def read(inputs: list, allow: tuple[str, ...] = ("127.0.0.1",)) -> tuple[list[Document], list[str], list[str]]:
    results = list(read_documents(inputs, settings=FAST, allow_hosts=allow))
    documents = [r for r in results if isinstance(r, Document)]
    problems = [str(r) for r in results if isinstance(r, InputError)]
    notices = [str(r) for r in results if isinstance(r, InputNotice)]
    for line in problems + notices:
        assert "\n" not in line
    return documents, problems, notices


def test_a_page_url_is_fetched_and_read_through_the_html_path(http_server):
    http_server.route("/old", redirect("/2024/leike"))
    http_server.route("/2024/leike", body=article("Leike leaves", "Jan Leike left OpenAI.", "2024-05-17"), headers=HTML)
    documents, problems, _ = read([http_server.url("/old")])
    assert problems == []
    [document] = documents
    assert (document.id, document.url) == (http_server.url("/old"), http_server.url("/2024/leike"))
    assert "Jan Leike left OpenAI." in document.text
    assert (document.published, document.title) == ("2024-05-17", "Leike leaves")


def test_a_url_that_is_refused_is_one_line_and_nothing_is_fetched(http_server):
    url = http_server.route("/a", body=article("A", "Text."), headers=HTML)
    documents, problems, _ = read([url], allow=())
    assert documents == [] and len(problems) == 1 and problems[0].startswith(f"{url}: 127.0.0.1 is refused")
    assert http_server.requests == []


def test_a_url_list_reads_each_url_and_reports_each_bad_line(http_server, tmp_path):
    good = http_server.route("/good", body=article("Good", "Ilya Sutskever founded SSI."), headers=HTML)
    listing = tmp_path / "news.urls.txt"
    listing.write_text(f"# my links\n\n{good}\nftp://files.example/x\n{http_server.url('/missing')}  # gone\n"
                       f"{http_server.url('/image')}\n", encoding="utf-8")
    http_server.route("/image", body=b"\x89PNG", headers={"Content-Type": "image/png"})
    documents, problems, _ = read([listing])
    assert [d.id for d in documents] == [good]
    assert problems == [f"{listing}:4: not an http(s) URL: 'ftp://files.example/x'; skipped",
                        f"{listing}:5: {http_server.url('/missing')}: HTTP 404 Not Found",
                        f"{listing}:6: {http_server.url('/image')}: a image/png, not an article (HTML or text), "
                        f"feed, sitemap or OPML list; skipped"]


RSS = """<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>News</title>
<item><title>Full</title><link>{base}/full</link><pubDate>Fri, 17 May 2024 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Jan Leike left OpenAI.</p>]]></content:encoded></item>
<item><title>Teaser</title><link>{base}/story</link><pubDate>Tue, 28 May 2024 09:00:00 GMT</pubDate>
<description>Jan Leike has news...</description></item>
<item><title>Headline only</title><link>{base}/dead</link></item>
</channel></rss>"""


def test_a_feed_url_gives_its_entries_and_fetches_the_articles_of_summary_only_entries(http_server):
    base = http_server.url("").rstrip("/")
    feed = http_server.route("/feed", body=RSS.format(base=base).encode(), headers={"Content-Type": "application/rss+xml"})
    http_server.route("/story", body=article("Story page", "Jan Leike joined Anthropic on May 28.", "2024-06-01"),
                      headers=HTML)
    documents, problems, _ = read([feed])
    by_id = {d.id: d for d in documents}
    assert list(by_id) == [f"{base}/full", f"{base}/story"]
    assert by_id[f"{base}/full"].text == "Jan Leike left OpenAI."  # full content: no fetch
    story = by_id[f"{base}/story"]
    assert "Jan Leike joined Anthropic on May 28." in story.text  # the article, not the summary
    assert (story.title, story.published) == ("Teaser", "2024-05-28")  # the entry's, over the page's
    assert problems == [f"{feed}:{base}/dead: entry without its full text, and its link: HTTP 404 Not Found"]
    assert http_server.requests_to("/full") == []


NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{base}/a</loc><news:news><news:publication_date>2024-05-17T08:00:00+00:00</news:publication_date>
<news:title>A</news:title></news:news></url>
<url><loc>{base}/b</loc><lastmod>2024-06-02</lastmod></url>
<url><loc>{base}/missing</loc></url>
</urlset>"""
INDEX = """<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/news-sitemap.xml</loc></sitemap><sitemap><loc>{base}/gone.xml</loc></sitemap></sitemapindex>"""


def _news_site(http_server) -> str:
    base = http_server.url("").rstrip("/")
    http_server.route("/news-sitemap.xml", body=NEWS_SITEMAP.format(base=base).encode(), headers=XML)
    http_server.route("/sitemap-index.xml", body=INDEX.format(base=base).encode(), headers=XML)
    http_server.route("/a", body=article("A", "Jan Leike left OpenAI.", "2020-01-01"), headers=HTML)
    http_server.route("/b", body=article("B", "Mira Murati left OpenAI.", "2024-06-01"), headers=HTML)
    return base


def test_a_news_sitemap_url_gives_its_articles_with_the_publication_date(http_server):
    base = _news_site(http_server)
    documents, problems, _ = read([f"{base}/news-sitemap.xml"])
    assert [(d.id, d.published) for d in documents] == [(f"{base}/a", "2024-05-17"), (f"{base}/b", "2024-06-01")]
    assert problems == [f"{base}/missing: HTTP 404 Not Found"]


def test_a_sitemap_index_is_read_through_its_sitemaps(http_server):
    base = _news_site(http_server)
    documents, problems, _ = read([f"{base}/sitemap-index.xml"])
    assert [d.id for d in documents] == [f"{base}/a", f"{base}/b"]
    assert problems == [f"{base}/missing: HTTP 404 Not Found", f"{base}/gone.xml: HTTP 404 Not Found"]


def test_a_sitemap_file_lists_articles_to_fetch(http_server, tmp_path):
    base = _news_site(http_server)
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(NEWS_SITEMAP.format(base=base), encoding="utf-8")
    documents, problems, _ = read([sitemap])
    assert [d.id for d in documents] == [f"{base}/a", f"{base}/b"]
    assert len(problems) == 1


OPML = """<?xml version="1.0"?><opml version="2.0"><body><outline text="AI">
<outline text="News" type="rss" xmlUrl="{base}/feed"/><outline text="Gone" type="rss" xmlUrl="{base}/old-feed"/>
</outline></body></opml>"""


@pytest.mark.parametrize("as_url", [False, True])
def test_an_opml_list_gives_the_entries_of_its_feeds(http_server, tmp_path, as_url):
    base = http_server.url("").rstrip("/")
    http_server.route("/feed", body=RSS.format(base=base).encode(), headers={"Content-Type": "application/rss+xml"})
    http_server.route("/story", body=article("Story", "Jan Leike joined Anthropic.", "2024-06-01"), headers=HTML)
    listing = tmp_path / "feeds.opml"
    listing.write_text(OPML.format(base=base), encoding="utf-8")
    source = http_server.route("/feeds.opml", body=listing.read_bytes(), headers={"Content-Type": "text/x-opml"}) \
        if as_url else listing
    documents, problems, _ = read([source])
    assert [d.id for d in documents] == [f"{base}/full", f"{base}/story"]
    assert problems[-1] == f"{source}: {base}/old-feed: HTTP 404 Not Found"


def test_one_fetcher_serves_every_input_robots_txt_read_once(http_server):
    urls = [http_server.route(f"/p{n}", body=article(f"P{n}", "Jan Leike left OpenAI."), headers=HTML) for n in range(3)]
    documents, problems, _ = read(urls)
    assert len(documents) == 3 and problems == []
    assert http_server.paths().count("/robots.txt") == 1


def test_the_allow_hosts_setting_allows_too(http_server, monkeypatch):
    url = http_server.route("/a", body=article("A", "Jan Leike left OpenAI."), headers=HTML)
    results = list(read_documents([url], settings=replace(FAST, allow_hosts="example.org, 127.0.0.1")))
    assert [r.id for r in results if isinstance(r, Document)] == [url]


def test_exodus_read_fetches_a_url_only_with_allow_host_for_a_local_server(http_server, capsys, monkeypatch):
    from tests.cli_runs import exodus, one_line

    monkeypatch.setenv("EXODUS_FETCH_HOST_INTERVAL_S", "0")
    monkeypatch.delenv("EXODUS_ALLOW_HOSTS", raising=False)
    url = http_server.route("/story", body=article("Story", "Jan Leike left OpenAI."), headers=HTML)
    status, out, err = exodus(capsys, "read", url)
    assert (status, out) == (1, "")
    assert one_line(err).startswith(f"exodus: {url}: 127.0.0.1 is refused (loopback address)")
    assert http_server.requests == []
    status, out, err = exodus(capsys, "read", url, "--allow-host", "127.0.0.1")
    assert (status, err) == (0, "") and '"id": "' + url + '"' in out
    assert "EXODUS_ALLOW_HOSTS" not in __import__("os").environ  # the flag lasts for its command only


def test_exodus_extract_reads_a_feed_url(http_server, capsys, monkeypatch):
    from tests.cli_runs import exodus

    monkeypatch.setenv("EXODUS_FETCH_HOST_INTERVAL_S", "0")
    base = http_server.url("").rstrip("/")
    feed = http_server.route("/feed", body=RSS.format(base=base).encode(), headers={"Content-Type": "application/rss+xml"})
    http_server.route("/story", body=article("Story", "Jan Leike joined Anthropic on May 28, 2024."), headers=HTML)
    status, out, err = exodus(capsys, "extract", feed, "--allow-host", "127.0.0.1", "--extractor", "rules",
                              "--format", "table")
    assert status == 1 and "dead: entry without its full text" in err  # the dead link, one line
    assert "2 documents" in out and "Anthropic" in out


def test_a_gzip_sitemap_url_is_unpacked(http_server):
    import gzip

    base = _news_site(http_server)
    http_server.route("/sitemap.xml.gz", body=gzip.compress(NEWS_SITEMAP.format(base=base).encode()),
                      headers={"Content-Type": "application/gzip"})
    documents, _, _ = read([f"{base}/sitemap.xml.gz"])
    assert [d.id for d in documents] == [f"{base}/a", f"{base}/b"]


@pytest.mark.parametrize("body", [b"<urlset><url><loc>", b"<urlset></urlset>", b"<sitemapindex/>"])
def test_a_damaged_or_empty_sitemap_is_one_line(http_server, body):
    url = http_server.route("/sitemap.xml", body=body, headers=XML)
    documents, problems, _ = read([url])
    assert documents == [] and len(problems) == 1 and problems[0].startswith(f"{url}: ")


def test_nothing_found_in_a_directory_makes_exodus_fetch(http_server, tmp_path):
    url = http_server.route("/a", body=article("A", "Jan Leike left OpenAI."), headers=HTML)
    (tmp_path / "urls.txt").write_text(url + "\n", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(f"<urlset><url><loc>{url}</loc></url></urlset>", encoding="utf-8")
    (tmp_path / "feeds.opml").write_text(f'<opml><body><outline xmlUrl="{url}"/></body></opml>', encoding="utf-8")
    (tmp_path / "story.txt").write_text("Jan Leike left OpenAI.", encoding="utf-8")
    documents, problems, _ = read([tmp_path])
    assert [d.id for d in documents] == ["story"] and problems == []
    assert http_server.requests == []


def test_the_progress_bar_does_not_guess_a_total_for_web_inputs(tmp_path):
    from exodus.cli.common import count_documents

    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "news.urls.txt").write_text("https://news.example/a\n", encoding="utf-8")
    assert count_documents([str(tmp_path / "a.txt"), "https://news.example/feed"]) is None
    assert count_documents([str(tmp_path / "a.txt"), str(tmp_path / "news.urls.txt")]) is None
    assert count_documents([str(tmp_path)]) == 1  # a list in a directory is not read, so not counted
