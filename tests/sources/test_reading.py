"""Reading articles: every bad input is one one-line problem, and the good ones still come through."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from exodus.errors import InputError, InputNotice
from exodus.schema import Document
from exodus.settings import Settings
from exodus.sources import read_documents

GOOD_TEXT = "Jan Leike joined Anthropic after leaving OpenAI.\n"
# Windows-1252 bytes: accented names and curly quotes, as old newsroom systems wrote them.
CP1252_TEXT = ("Ren\u00e9e Fran\u00e7ois, who ran research in Z\u00fcrich, has joined Anthropic. "
               "\u201cIt\u2019s a coup,\u201d said Jos\u00e9 Mu\u00f1oz, a recruiter at the caf\u00e9 next door.\n")


def split(results, notices: list[InputNotice] | None = None) -> tuple[list[Document], list[InputError]]:
    """Documents and problems; notices (read, but worth saying) go to `notices`, else there must be none."""
    results = list(results)
    documents = [r for r in results if isinstance(r, Document)]
    problems = [r for r in results if isinstance(r, InputError)]
    said = [r for r in results if isinstance(r, InputNotice)]
    assert len(documents) + len(problems) + len(said) == len(results)
    if notices is None:
        assert said == []
    else:
        notices.extend(said)
    return documents, problems


def assert_one_line_problem(problems: list[InputError], where: str, words: str) -> None:
    """Exactly one problem names `where`; its message is one line and says what is wrong."""
    matching = [p for p in problems if p.where == where]
    assert len(matching) == 1, [str(p) for p in problems]
    message = str(matching[0])
    assert "\n" not in message
    assert message.startswith(f"{where}: ")
    assert words in message.lower()


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


def test_empty_file_is_one_problem_and_batch_goes_on(tmp_path, good_file):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    documents, problems = split(read_documents([empty, good_file]))
    assert_one_line_problem(problems, str(empty), "empty")
    assert [d.id for d in documents] == ["good"]


def test_whitespace_only_file_counts_as_empty(tmp_path):
    blank = tmp_path / "blank.md"
    blank.write_text("\n   \n\t\n", encoding="utf-8")
    documents, problems = split(read_documents([blank]))
    assert documents == []
    assert_one_line_problem(problems, str(blank), "empty")


def test_binary_file_is_one_problem(tmp_path, good_file):
    blob = tmp_path / "photo.txt"
    blob.write_bytes(bytes(range(256)) * 4)
    documents, problems = split(read_documents([blob, good_file]))
    assert_one_line_problem(problems, str(blob), "binary")
    assert len(documents) == 1


def test_cp1252_file_decodes_after_charset_detection_and_says_so(tmp_path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(CP1252_TEXT.encode("cp1252"))
    notices: list[InputNotice] = []
    documents, problems = split(read_documents([legacy]), notices)
    assert problems == []
    assert documents[0].text == CP1252_TEXT.strip("\n")
    assert [str(n) for n in notices] == [f"{legacy}: not UTF-8; read as cp1252 (convert it to UTF-8 to be sure)"]


def test_latin1_file_decodes_after_charset_detection(tmp_path):
    text = "Ren\u00e9e Fran\u00e7ois joined Anthropic. Jos\u00e9 Mu\u00f1oz left the caf\u00e9 in Z\u00fcrich."
    legacy = tmp_path / "latin1.txt"
    legacy.write_bytes(text.encode("latin-1"))
    notices: list[InputNotice] = []
    documents, _ = split(read_documents([legacy]), notices)
    assert documents[0].text == text
    assert len(notices) == 1 and "not UTF-8" in str(notices[0])


def test_oversized_file_is_one_problem_naming_the_setting(tmp_path, good_file):
    big = tmp_path / "big.txt"
    big.write_text("OpenAI hired a researcher. " * 40, encoding="utf-8")
    documents, problems = split(read_documents([big, good_file], settings=Settings(max_document_bytes=200)))
    assert_one_line_problem(problems, str(big), "larger than the limit")
    assert "EXODUS_MAX_DOCUMENT_BYTES" in str(problems[0])
    assert [d.id for d in documents] == ["good"]


def test_oversized_limit_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("EXODUS_MAX_DOCUMENT_BYTES", "100")
    big = tmp_path / "big.txt"
    big.write_text("x " * 100, encoding="utf-8")
    _, problems = split(read_documents([big]))
    assert_one_line_problem(problems, str(big), "larger than the limit")


def test_malformed_jsonl_line_is_reported_with_its_line_number(tmp_path):
    batch = tmp_path / "docs.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "a", "text": "Greg Brockman returned to OpenAI."}),
        '{"id": "b", "text": "unterminated',
        "",
        json.dumps({"id": "c", "text": "Mira Murati left OpenAI.", "published": "2024-09-25"}),
        json.dumps({"text": "no id here"}),
        json.dumps(["not", "an", "object"]),
    ]) + "\n", encoding="utf-8")
    documents, problems = split(read_documents([batch]))
    assert [d.id for d in documents] == ["a", "c"]
    assert documents[1].published == "2024-09-25"
    assert_one_line_problem(problems, f"{batch}:2", "malformed json")
    assert_one_line_problem(problems, f"{batch}:5", "without id")
    assert_one_line_problem(problems, f"{batch}:6", "json object")
    assert len(problems) == 3


def test_jsonl_source_names_file_and_line(tmp_path):
    batch = tmp_path / "docs.jsonl"
    batch.write_text(json.dumps({"id": "x", "text": "Some text."}) + "\n", encoding="utf-8")
    (document,) = read_documents([batch])
    assert document.source == f"{batch}:1"


def test_missing_file_is_one_problem(tmp_path, good_file):
    missing = tmp_path / "nowhere.txt"
    documents, problems = split(read_documents([missing, good_file]))
    assert_one_line_problem(problems, str(missing), "no such file")
    assert len(documents) == 1


def test_unsupported_suffix_is_one_problem(tmp_path, good_file):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7 ...")
    documents, problems = split(read_documents([pdf, good_file]))
    assert_one_line_problem(problems, str(pdf), "unsupported file type .pdf")
    assert len(documents) == 1


def test_directory_is_read_recursively_in_sorted_order_skipping_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article.", encoding="utf-8")
    (tmp_path / "a.md").write_text("First article.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored,in,directories", encoding="utf-8")
    documents, problems = split(read_documents([tmp_path]))
    assert [d.text for d in documents] == ["First article.", "Second article."]
    assert problems == []


def test_front_matter_sets_id_title_url_and_published(tmp_path):
    article = tmp_path / "013-altman.md"
    article.write_text(
        "---\nid: sample-013\ntitle: \"OpenAI fires Sam Altman\"\npublished: 2023-11-18\n"
        "url: https://example.org/altman\nstyle: wire\n---\nOpenAI's board fired Sam Altman on Friday.\n",
        encoding="utf-8")
    (document,) = read_documents([article], published="2020-01-01")
    assert document.id == "sample-013"
    assert document.title == "OpenAI fires Sam Altman"
    assert document.published == "2023-11-18"  # the article's own date wins over the default
    assert document.url == "https://example.org/altman"
    assert document.text == "OpenAI's board fired Sam Altman on Friday."


def test_text_without_front_matter_takes_id_from_file_name_and_default_date(tmp_path):
    article = tmp_path / "leike.txt"
    article.write_text(GOOD_TEXT, encoding="utf-8")
    (document,) = read_documents([article], published="2024-05")
    assert (document.id, document.published, document.text) == ("leike", "2024-05", GOOD_TEXT.strip())


def test_bad_date_in_front_matter_is_one_problem(tmp_path):
    article = tmp_path / "dated.md"
    article.write_text("---\npublished: last Tuesday\n---\nText.\n", encoding="utf-8")
    documents, problems = split(read_documents([article]))
    assert documents == []
    assert_one_line_problem(problems, str(article), "not an iso date")


HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Leike joins Anthropic | Example News</title>
<meta property="og:title" content="Leike joins Anthropic">
<meta property="article:published_time" content="2024-05-28T16:05:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/tech">Tech</a> <a href="/login">Sign in</a></nav>
<article>
<h1>Leike joins Anthropic</h1>
<p>Jan Leike, who co-led OpenAI's Superalignment team, said on Tuesday that he had joined
Anthropic, the rival artificial intelligence company backed by Amazon.</p>
<p>Leike resigned from OpenAI earlier this month, writing that safety culture and processes
had taken a back seat to shiny products. At Anthropic he will work on scalable oversight,
weak-to-strong generalization and automated alignment research.</p>
<p>The move is the latest in a series of departures of safety researchers from OpenAI,
which disbanded the Superalignment team after Leike and Ilya Sutskever left.</p>
</article>
<footer>Copyright 2024 Example News. All rights reserved. Cookie settings.</footer>
</body></html>
"""


def test_html_main_text_through_trafilatura_and_date_through_htmldate(tmp_path):
    page = tmp_path / "leike.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    (document,) = read_documents([page], published="2000-01-01")
    assert document.published == "2024-05-28"
    assert "Jan Leike, who co-led OpenAI's Superalignment team" in document.text
    assert "shiny products" in document.text
    assert "Sign in" not in document.text and "Cookie settings" not in document.text
    assert document.title == "Leike joins Anthropic"


def test_html_page_without_date_takes_the_default(tmp_path):
    page = tmp_path / "undated.html"
    page.write_text(HTML_PAGE.replace('<meta property="article:published_time" content="2024-05-28T16:05:00Z">', ""),
                    encoding="utf-8")
    (document,) = read_documents([page], published="2024-05-29")
    assert document.published == "2024-05-29"


def test_html_without_article_text_is_one_problem(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>Nothing here</title></head><body><script>var a = 1;</script></body></html>",
                    encoding="utf-8")
    documents, problems = split(read_documents([page]))
    assert documents == []
    assert_one_line_problem(problems, str(page), "without article text")


def test_stdin_plain_text_is_one_document():
    stdin = io.BytesIO(GOOD_TEXT.encode("utf-8"))
    (document,) = read_documents(["-"], published="2024-05-29", stdin=stdin)
    assert document.text == GOOD_TEXT.strip()
    assert document.published == "2024-05-29"
    assert document.source == "<stdin>"


def test_stdin_jsonl_is_a_batch_with_line_numbers():
    lines = [json.dumps({"id": "one", "text": "First."}), "{broken", json.dumps({"id": "two", "text": "Second."})]
    stdin = io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))
    documents, problems = split(read_documents(["-"], stdin=stdin))
    assert [d.id for d in documents] == ["one", "two"]
    assert_one_line_problem(problems, "<stdin>:2", "malformed json")


def test_invalid_default_published_date_is_refused():
    with pytest.raises(InputError, match="not a valid date"):
        list(read_documents([], published="2024-13-01"))


def test_stdin_html_page_is_read_as_html():
    stdin = io.BytesIO(("<!-- saved page -->\n" + HTML_PAGE).encode("utf-8"))
    (document,) = read_documents(["-"], stdin=stdin)
    assert document.published == "2024-05-28"
    assert "Jan Leike, who co-led" in document.text
    assert "<p>" not in document.text
