"""Archives: compressed documents JSONL (.jsonl.gz, .jsonl.zst) and web archives (.warc, .warc.gz),
read from files these tests write with gzip, zstandard and warcio."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
import zstandard
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from exodus.settings import Settings
from exodus.sources import read_documents
from tests.sources.test_reading import assert_one_line_problem, split

COMPRESSORS = {".jsonl.gz": gzip.compress, ".jsonl.zst": zstandard.ZstdCompressor().compress}
ARTICLE = ("<html><head><title>{title}</title></head><body><nav>Home | World | Tech</nav><article>"
           "<p>{text}</p><p>The company confirmed the move in a statement on Tuesday.</p></article>"
           "<footer>Copyright News Inc.</footer></body></html>")


def jsonl(*documents: dict) -> bytes:
    return "".join(json.dumps(d) + "\n" for d in documents).encode("utf-8")


def page(text: str, title: str = "Moves", head: str = "") -> bytes:
    return ARTICLE.format(title=title, text=text).replace("<head>", "<head>" + head).encode("utf-8")


def write_warc(path: Path, records: list[dict], compress: bool) -> None:
    """A WARC of `records` (url, body, and optionally status, content_type, kind, date)."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        for record in records:
            http = StatusAndHeaders(record.get("status", "200 OK"),
                                    [("Content-Type", record.get("content_type", "text/html; charset=utf-8"))],
                                    protocol="HTTP/1.1")
            warc_headers = {"WARC-Date": record.get("date", "2024-05-30T08:00:00Z")}
            writer.write_record(writer.create_warc_record(
                record["url"], record.get("kind", "response"), payload=io.BytesIO(record["body"]),
                http_headers=http, warc_headers_dict=warc_headers))


# --- compressed documents JSONL ---------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_compressed_jsonl_reads_like_plain_jsonl(tmp_path, suffix):
    batch = tmp_path / f"docs{suffix}"
    batch.write_bytes(COMPRESSORS[suffix](jsonl(
        {"id": "a", "text": "Jan Leike left OpenAI.", "published": "2024-05-17", "url": "https://x/a"},
        {"id": "b", "text": "Jan Leike joined Anthropic.", "title": "Leike"})))
    documents, problems = split(read_documents([batch]))
    assert problems == []
    assert [(d.id, d.text, d.published, d.url, d.title, d.source) for d in documents] == [
        ("a", "Jan Leike left OpenAI.", "2024-05-17", "https://x/a", None, f"{batch}:1"),
        ("b", "Jan Leike joined Anthropic.", None, None, "Leike", f"{batch}:2")]


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_compressed_jsonl_bad_lines_are_reported_by_line_and_the_rest_read(tmp_path, suffix):
    batch = tmp_path / f"docs{suffix}"
    batch.write_bytes(COMPRESSORS[suffix](b'{"id": "a", "text": "Jan Leike left OpenAI."}\n'
                                          b'{"id": "b", "text": \n'
                                          b'{"id": "c", "text": "Caf\xe9 owner joined Anthropic."}\n'
                                          b'{"id": "d", "text": "Ilya Sutskever founded SSI."}\n'))
    documents, problems = split(read_documents([batch]))
    assert [d.id for d in documents] == ["a", "d"]
    assert_one_line_problem(problems, f"{batch}:2", "malformed json")
    assert_one_line_problem(problems, f"{batch}:3", "invalid utf-8")


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_compressed_jsonl_repeated_id_is_reported_not_overwritten(tmp_path, suffix):
    batch = tmp_path / f"docs{suffix}"
    batch.write_bytes(COMPRESSORS[suffix](jsonl({"id": "a", "text": "First."}, {"id": "a", "text": "Second."})))
    documents, problems = split(read_documents([batch]))
    assert [d.text for d in documents] == ["First."]
    assert_one_line_problem(problems, f"{batch}:2", "already used")


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_cut_short_compressed_jsonl_keeps_what_came_before_and_says_so_once(tmp_path, suffix):
    lines = [{"id": f"d{n}", "text": f"Researcher {n * 7919} joined Anthropic from OpenAI."} for n in range(3000)]
    data = COMPRESSORS[suffix](jsonl(*lines))
    batch = tmp_path / f"docs{suffix}"
    batch.write_bytes(data[:len(data) * 9 // 10])
    documents, problems = split(read_documents([batch]))
    assert len(problems) == 1, [str(p) for p in problems]
    assert 0 < len(documents) < len(lines)
    assert [d.id for d in documents] == [f"d{n}" for n in range(len(documents))]
    assert_one_line_problem(problems, str(batch), f"cut short at line {len(documents) + 1:,}")
    assert f"the {len(documents):,} lines before it were read" in str(problems[0])


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_file_that_is_not_compressed_is_one_problem(tmp_path, suffix):
    batch = tmp_path / f"docs{suffix}"
    batch.write_bytes(jsonl({"id": "a", "text": "Plain, not compressed."}))
    documents, problems = split(read_documents([batch]))
    assert documents == []
    assert_one_line_problem(problems, str(batch), "not ")


def test_zstd_frames_one_after_another_are_one_stream(tmp_path):
    batch = tmp_path / "docs.jsonl.zst"
    compress = zstandard.ZstdCompressor().compress
    batch.write_bytes(compress(jsonl({"id": "a", "text": "One."})) + compress(jsonl({"id": "b", "text": "Two."})))
    documents, problems = split(read_documents([batch]))
    assert problems == [] and [d.id for d in documents] == ["a", "b"]


def test_compressed_line_over_the_size_limit_is_skipped_without_being_held(tmp_path):
    huge = json.dumps({"id": "big", "text": "x" * 50_000})
    batch = tmp_path / "docs.jsonl.gz"
    batch.write_bytes(gzip.compress(jsonl({"id": "a", "text": "Before."}) + huge.encode() + b"\n"
                                    + jsonl({"id": "b", "text": "After."})))
    documents, problems = split(read_documents([batch], settings=Settings(max_document_bytes=1000)))
    assert [d.id for d in documents] == ["a", "b"]
    assert_one_line_problem(problems, f"{batch}:2", f"document of {len(huge) + 1:,} bytes is larger than the limit")


def test_gzip_bomb_line_is_reported_not_loaded(tmp_path):
    """A line of 200 MB of zeros (a 200 kB file) is reported by size; the line after it still counts."""
    batch = tmp_path / "bomb.jsonl.gz"
    with gzip.open(batch, "wb", compresslevel=1) as fh:
        for _ in range(200):
            fh.write(b"0" * 1_000_000)
        fh.write(b"\n" + jsonl({"id": "after", "text": "Still read."}))
    documents, problems = split(read_documents([batch]))
    assert [d.id for d in documents] == ["after"]
    assert_one_line_problem(problems, f"{batch}:1", "larger than the limit")


def test_directory_reads_compressed_jsonl_next_to_other_files(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(jsonl({"id": "gz", "text": "From gzip."})))
    (tmp_path / "b.jsonl.zst").write_bytes(COMPRESSORS[".jsonl.zst"](jsonl({"id": "zst", "text": "From zstd."})))
    (tmp_path / "c.tar.gz").write_bytes(gzip.compress(b"not an input"))
    documents, problems = split(read_documents([tmp_path]))
    assert problems == [] and [d.id for d in documents] == ["gz", "zst"]


# --- WARC ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_warc_html_responses_become_documents_known_by_their_url(tmp_path, compress):
    archive = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_warc(archive, [
        {"url": "https://news.example/leike", "body": page("Jan Leike left OpenAI and joined Anthropic.", "Leike"),
         "date": "2024-05-30T08:00:00Z"},
        {"url": "https://news.example/robots.txt", "body": b"User-agent: *", "content_type": "text/plain"},
        {"url": "https://news.example/gone", "body": page("Gone."), "status": "404 Not Found"},
        {"url": "https://news.example/moved", "body": page("Moved."), "status": "301 Moved Permanently"},
        {"url": "https://news.example/leike", "body": page("Asked for it."), "kind": "request"},
        {"url": "https://news.example/xhtml", "body": page("Ilya Sutskever founded Safe Superintelligence."),
         "content_type": "application/xhtml+xml"},
    ], compress)
    documents, problems = split(read_documents([archive]))
    assert problems == []
    assert [(d.id, d.url, d.source) for d in documents] == [
        ("https://news.example/leike", "https://news.example/leike", f"{archive}:https://news.example/leike"),
        ("https://news.example/xhtml", "https://news.example/xhtml", f"{archive}:https://news.example/xhtml")]
    leike = documents[0]
    assert "Jan Leike left OpenAI and joined Anthropic." in leike.text
    assert "Copyright" not in leike.text and "Home | World" not in leike.text  # the trafilatura path
    assert leike.title == "Leike"


def test_warc_page_date_wins_over_the_capture_date_which_wins_over_published(tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    dated = '<meta property="article:published_time" content="2024-05-17T10:00:00Z">'
    write_warc(archive, [
        {"url": "https://n.example/dated", "body": page("Jan Leike left OpenAI.", head=dated),
         "date": "2024-06-01T00:00:00Z"},
        {"url": "https://n.example/undated", "body": page("Jan Leike joined Anthropic."),
         "date": "2024-06-02T00:00:00Z"},
    ], True)
    documents, _ = split(read_documents([archive], published="2020-01-01"))
    assert {d.id: d.published for d in documents} == {"https://n.example/dated": "2024-05-17",
                                                      "https://n.example/undated": "2024-06-02"}


def test_warc_bad_records_are_one_line_each_and_reading_goes_on(tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, [
        {"url": "https://n.example/empty", "body": b"<html><body></body></html>"},
        {"url": "https://n.example/binary", "body": bytes(range(256)) * 8},
        {"url": "https://n.example/big", "body": page("Long. " * 400)},
        {"url": "https://n.example/good", "body": page("Jan Leike joined Anthropic.")},
    ], True)
    documents, problems = split(read_documents([archive], settings=Settings(max_document_bytes=1500)))
    assert [d.id for d in documents] == ["https://n.example/good"]
    assert_one_line_problem(problems, f"{archive}:https://n.example/empty", "without article text")
    assert_one_line_problem(problems, f"{archive}:https://n.example/binary", "binary")
    assert_one_line_problem(problems, f"{archive}:https://n.example/big", "larger than the limit")
    assert len(problems) == 3


def test_warc_repeated_url_is_reported_as_a_duplicate(tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, [{"url": "https://n.example/a", "body": page("First capture of the story.")},
                         {"url": "https://n.example/a", "body": page("Second capture of the story.")}], True)
    documents, problems = split(read_documents([archive]))
    assert len(documents) == 1 and "First capture" in documents[0].text
    assert_one_line_problem(problems, f"{archive}:https://n.example/a", "already used by")


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_cut_short_warc_keeps_the_records_before_and_stops_that_file_only(tmp_path, compress):
    archive = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    write_warc(archive, [{"url": f"https://n.example/{n}", "body": page(f"Researcher {n} joined Anthropic. " * 20)}
                         for n in range(3)], compress)
    data = archive.read_bytes()
    archive.write_bytes(data[:len(data) * 5 // 6])
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "next", "text": "Read after the archive."}) + "\n", encoding="utf-8")
    documents, problems = split(read_documents([archive, other]))
    assert [d.id for d in documents] == ["https://n.example/0", "https://n.example/1", "next"]
    assert len(problems) == 1
    assert_one_line_problem(problems, str(archive), "cut short")


def test_damaged_warc_is_one_line_and_the_records_before_are_kept(tmp_path):
    archive = tmp_path / "bad.warc.gz"
    write_warc(archive, [{"url": f"https://n.example/{n}", "body": page(f"Researcher {n} joined Anthropic. " * 20)}
                         for n in range(3)], True)
    data = bytearray(archive.read_bytes())
    middle = len(data) * 2 // 3
    data[middle:middle + 40] = b"\xff" * 40
    archive.write_bytes(bytes(data))
    documents, problems = split(read_documents([archive]))
    assert "https://n.example/0" in [d.id for d in documents]
    assert len(problems) == 1 and str(problems[0]).startswith(f"{archive}")
    assert "\n" not in str(problems[0])


def test_damaged_payload_in_plain_warc_fails_its_digest(tmp_path):
    archive = tmp_path / "bad.warc"
    write_warc(archive, [{"url": "https://n.example/a", "body": page("Jan Leike left OpenAI.")},
                         {"url": "https://n.example/b", "body": page("Jan Leike joined Anthropic.")}], False)
    archive.write_bytes(archive.read_bytes().replace(b"left OpenAI", b"left Google", 1))
    documents, problems = split(read_documents([archive]))
    assert [d.id for d in documents] == ["https://n.example/b"]
    assert_one_line_problem(problems, f"{archive}:https://n.example/a", "digest")


@pytest.mark.parametrize("content", [b"", b"hello, not an archive\n", bytes(range(256))])
def test_file_that_is_not_a_warc_is_one_line(tmp_path, content, capsys):
    archive = tmp_path / "junk.warc.gz"
    archive.write_bytes(content)
    documents, problems = split(read_documents([archive]))
    assert documents == []
    if content:
        assert_one_line_problem(problems, str(archive), "not a warc archive")
    assert capsys.readouterr().err == ""  # warcio's own warnings are not printed
