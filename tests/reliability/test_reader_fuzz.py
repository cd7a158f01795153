"""Fuzzing the readers: whatever bytes a file holds, reading it gives documents, one-line problems
or notices, never a traceback and never a hang. Derandomized (tests/conftest.py): the same inputs
on every run."""
from __future__ import annotations

import gzip
import io
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from exodus.errors import InputError, InputNotice
from exodus.schema import Document
from exodus.sources import read_documents

EXAMPLES = 2000
SECONDS_PER_INPUT = 10  # a generous cap of CPU seconds: a hang, not a slow input, is what this catches

WORDS = st.sampled_from(["Jan Leike", "left", "OpenAI", "joined", "Anthropic", "in May 2024", ".", "\n", "\n\n",
                         "---", "id: x", "published: 2024-05-01", "title: T", "<p>", "</p>", "<html>", "<body>",
                         "<script>", "&amp;", "&#0;", "\ufeff", "\u0141ukasz", "\x00", "\r\n", "{", "}", "\"", "\\",
                         "\\ud800", "caf\u00e9", "\U0001F600", "\u202e"])
TEXTS = st.lists(WORDS, max_size=40).map(" ".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"])


@st.composite
def file_bytes(draw) -> bytes:
    """Bytes as files hold them: text in some encoding, cut or damaged, or raw bytes."""
    kind = draw(st.sampled_from(["text", "damaged", "raw"]))
    if kind == "raw":
        return draw(st.binary(max_size=600))
    data = draw(TEXTS).encode(draw(ENCODINGS), errors="replace")
    if kind == "damaged" and data:
        position = draw(st.integers(0, len(data) - 1))
        data = data[:position] + draw(st.binary(min_size=1, max_size=4)) + data[position + 1:]
    return data


@st.composite
def jsonl_bytes(draw) -> bytes:
    """Lines of documents JSONL, some good, some not objects, some damaged, some raw bytes."""
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        shape = draw(st.sampled_from(["document", "value", "text", "bytes"]))
        if shape == "document":
            obj = {"id": draw(st.one_of(st.text(max_size=8), st.integers(), st.none())),
                   "text": draw(st.one_of(TEXTS, st.integers(), st.none())),
                   "published": draw(st.one_of(st.none(), st.sampled_from(["2024-05-01", "2024", "May", "2024-13"])))}
            line = json.dumps(obj, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
        elif shape == "value":
            line = json.dumps(draw(st.one_of(st.integers(), st.lists(st.integers()), st.text(max_size=5)))).encode()
        elif shape == "text":
            line = draw(TEXTS).encode("utf-8", "surrogatepass")
        else:
            line = draw(st.binary(max_size=200))
        lines.append(line)
    return b"\n".join(lines)


def damaged(draw, data: bytes) -> bytes:
    """`data` as it is, cut short, or with a few bytes overwritten."""
    how = draw(st.sampled_from(["whole", "cut", "overwritten"]))
    if how == "whole" or not data:
        return data
    position = draw(st.integers(0, len(data) - 1))
    if how == "cut":
        return data[:position]
    return data[:position] + draw(st.binary(min_size=1, max_size=8)) + data[position + 8:]


@st.composite
def compressed_jsonl_bytes(draw) -> bytes:
    """Documents JSONL (or any bytes) compressed with gzip or zstd, then perhaps damaged."""
    import zstandard

    compress = draw(st.sampled_from([gzip.compress, zstandard.ZstdCompressor().compress]))
    return damaged(draw, compress(draw(st.one_of(jsonl_bytes(), file_bytes()))))


@st.composite
def warc_bytes(draw) -> bytes:
    """A small WARC (gzip or not) of responses with fuzzed bodies, statuses and types, perhaps damaged."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=draw(st.booleans()))
    for _ in range(draw(st.integers(0, 3))):
        body = b"<html><body><article><p>" + draw(file_bytes()) + b"</p></article></body></html>"
        http = StatusAndHeaders(draw(st.sampled_from(["200 OK", "404 Not Found", "200"])),
                                [("Content-Type", draw(st.sampled_from(["text/html", "text/plain", "",
                                                                        "application/xhtml+xml; charset=x"])))],
                                protocol="HTTP/1.1")
        url = draw(st.sampled_from(["https://n.example/a", "https://n.example/b", "", "not a url"]))
        fixed = {"WARC-Date": "2024-05-30T08:00:00Z", "WARC-Record-ID": "<urn:uuid:00000000-0000-0000-0000-000000000000>"}
        writer.write_record(writer.create_warc_record(url, draw(st.sampled_from(["response", "request", "resource"])),
                                                      payload=io.BytesIO(body), http_headers=http,
                                                      warc_headers_dict=fixed))
    return damaged(draw, buffer.getvalue())


@st.composite
def feed_bytes(draw) -> bytes:
    """RSS or Atom with fuzzed entries, or OPML, perhaps damaged."""
    entry = st.builds(lambda title, link, text: (title, link, text), TEXTS, st.sampled_from(["https://n.example/a",
                      "", "javascript:x", "https://n.example/b"]), TEXTS)
    entries = draw(st.lists(entry, max_size=3))
    kind = draw(st.sampled_from(["rss", "atom", "opml"]))
    if kind == "rss":
        items = "".join(f"<item><title>{t}</title><link>{u}</link><description>{x}</description>"
                        f"<pubDate>{draw(st.sampled_from(['Fri, 17 May 2024 10:00:00 GMT', 'May', '']))}</pubDate></item>"
                        for t, u, x in entries)
        text = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    elif kind == "atom":
        items = "".join(f'<entry><title>{t}</title><link href="{u}"/><content type="html">{x}</content></entry>'
                        for t, u, x in entries)
        text = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{items}</feed>'
    else:
        items = "".join(f'<outline text="{t}" xmlUrl="{u}"/>' for t, u, _ in entries)
        text = f"<opml><body>{items}</body></opml>"
    return damaged(draw, text.encode(draw(ENCODINGS), errors="replace"))


@pytest.fixture(scope="module", autouse=True)
def warm_readers(tmp_path_factory):
    """Read one dated page and one text first: loading the date parser's data (seconds on a busy
    machine) is a one-time cost, not a slow input."""
    folder = tmp_path_factory.mktemp("warm")
    (folder / "page.html").write_text("<html><body><article><p>Jan Leike left OpenAI in May 2024.</p>"
                                      "</article></body></html>", encoding="utf-8")
    (folder / "note.txt").write_text("Jan Leike left OpenAI on May 9, 2024.", encoding="utf-8")
    for path in folder.iterdir():
        list(read_documents([path]))


def read_all(path: Path) -> None:
    """Read `path` and check that every result is a document of real text, a problem or a notice.
    The time cap counts this process's CPU time, so other work on the machine cannot trip it."""
    started = time.process_time()
    for result in read_documents([path]):
        assert isinstance(result, (Document, InputError, InputNotice)), result
        if isinstance(result, Document):
            for value in (result.id, result.text, result.title or "", result.url or ""):
                value.encode("utf-8")  # no lone surrogates get through
            assert result.text.strip()
        else:
            assert "\n" not in str(result) and str(result).startswith(f"{path}")
    assert time.process_time() - started < SECONDS_PER_INPUT


FUZZ = settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                             HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(data=file_bytes())
def test_text_reader_survives_any_bytes(tmp_path, data):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    read_all(path)


@FUZZ
@given(data=file_bytes())
def test_html_reader_survives_any_bytes(tmp_path, data):
    path = tmp_path / "page.html"
    path.write_bytes(b"<html><body><article><p>" + data + b"</p></article></body></html>")
    read_all(path)


@FUZZ
@given(data=st.one_of(jsonl_bytes(), file_bytes()))
def test_jsonl_reader_survives_any_bytes(tmp_path, data):
    path = tmp_path / "docs.jsonl"
    path.write_bytes(data)
    read_all(path)


@FUZZ
@given(data=st.one_of(jsonl_bytes(), file_bytes()))
def test_stdin_reader_survives_any_bytes(data):
    started = time.process_time()
    for result in read_documents(["-"], stdin=io.BytesIO(data)):
        assert isinstance(result, (Document, InputError, InputNotice)), result
        if isinstance(result, Document):
            result.text.encode("utf-8")
    assert time.process_time() - started < SECONDS_PER_INPUT


@FUZZ
@given(data=compressed_jsonl_bytes(), suffix=st.sampled_from([".jsonl.gz", ".jsonl.zst"]))
def test_compressed_jsonl_reader_survives_any_bytes(tmp_path, data, suffix):
    path = tmp_path / f"docs{suffix}"
    path.write_bytes(data)
    read_all(path)


@FUZZ
@given(data=st.one_of(warc_bytes(), file_bytes()), suffix=st.sampled_from([".warc", ".warc.gz"]))
def test_warc_reader_survives_any_bytes(tmp_path, data, suffix):
    path = tmp_path / f"crawl{suffix}"
    path.write_bytes(data)
    read_all(path)


@FUZZ
@given(data=st.one_of(feed_bytes(), file_bytes()), suffix=st.sampled_from([".rss", ".atom", ".xml", ".opml"]))
def test_feed_reader_survives_any_bytes(tmp_path, data, suffix):
    path = tmp_path / f"feed{suffix}"
    path.write_bytes(data)
    read_all(path)
