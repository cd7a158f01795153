"""One bad document is reported on one line and skipped; its neighbours are stored; nothing is
overwritten in silence. Each test reproduces a finding of the reliability review through the CLI."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from exodus.cli.main import main

GOOD = [
    ("leike", "Jan Leike left OpenAI in May 2024 and joined Anthropic."),
    ("murati", "Mira Murati left OpenAI in September 2024."),
    ("kingma", "Durk Kingma joined Anthropic in October 2024."),
]
SURROGATE_LINE = '{"id": "bad", "text": "John Schulman joined Anthropic. \\ud800"}'
FILLER = "\n\n".join(["Rain fell on the green hills near the old river for most of the day."] * 10_000)


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def good_lines() -> list[str]:
    return [json.dumps({"id": doc_id, "text": text, "published": "2024-12-01"}) for doc_id, text in GOOD]


def stored(db: Path) -> tuple[list[str], int]:
    conn = sqlite3.connect(db)
    try:
        keys = [row[0] for row in conn.execute("SELECT doc_key FROM documents ORDER BY doc_key")]
        facts = conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    finally:
        conn.close()
    return keys, facts


def problem_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("exodus: ")]


def test_ingest_skips_a_line_with_a_lone_surrogate_and_stores_its_neighbours(tmp_path, capsys):
    lines = good_lines()
    docs = write_jsonl(tmp_path / "docs.jsonl", lines[:2] + [SURROGATE_LINE] + lines[2:])
    db = tmp_path / "s.db"
    assert main(["ingest", str(docs), "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert problem_lines(err) == [f"exodus: {docs}:3: 'text' holds a lone surrogate (\\ud800 at character 32), "
                                  f"which is not Unicode text"]
    assert "Traceback" not in err
    assert stored(db)[0] == ["kingma", "leike", "murati"]
    assert "1 skipped" in out
    # a rerun stores nothing twice and names the bad line again
    assert main(["ingest", str(docs), "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("0 added, 0 replaced, 3 unchanged, 1 skipped")
    assert len(problem_lines(err)) == 1


@pytest.mark.parametrize("command", ["read", "extract"])
def test_read_and_extract_report_a_surrogate_as_a_bad_input_not_an_extractor_bug(tmp_path, capsys, command):
    docs = write_jsonl(tmp_path / "docs.jsonl", [SURROGATE_LINE] + good_lines())
    assert main([command, str(docs)]) == 1
    out, err = capsys.readouterr()
    assert problem_lines(err) == [f"exodus: {docs}:1: 'text' holds a lone surrogate (\\ud800 at character 32), "
                                  f"which is not Unicode text"]
    assert "report it" not in err
    assert len(out.splitlines()) >= 3


def test_a_document_longer_than_the_parser_takes_is_extracted_in_parts(tmp_path, capsys):
    text = f"{FILLER}\n\nJan Leike left OpenAI in May 2024 and joined Anthropic.\n\n{FILLER}"
    assert 1_000_000 < len(text) < 2_000_000  # spaCy refuses more than 1,000,000 characters at once
    docs = write_jsonl(tmp_path / "long.jsonl", [json.dumps({"id": "long", "text": text})] + good_lines()[1:])
    db = tmp_path / "s.db"
    assert main(["ingest", str(docs), "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert problem_lines(err) == []
    assert stored(db)[0] == ["kingma", "long", "murati"]
    conn = sqlite3.connect(db)
    evidence = conn.execute("SELECT evidence_start, evidence_text FROM claims c JOIN documents d "
                            "ON d.id = c.document_id WHERE d.doc_key = 'long'").fetchall()
    conn.close()
    assert evidence and all(start == len(FILLER) + 2 and text_ == text[start:start + len(text_)]
                            for start, text_ in evidence)


def test_files_with_one_name_in_two_folders_are_two_documents(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "b").mkdir()
    (corpus / "a" / "news.txt").write_text(GOOD[0][1], encoding="utf-8")
    (corpus / "b" / "news.txt").write_text(GOOD[1][1], encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    assert stored(db)[0] == ["a/news", "b/news"]
    capsys.readouterr()
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("0 added, 0 replaced, 2 unchanged;")


def test_two_inputs_with_one_id_never_overwrite_each_other(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "news.txt", tmp_path / "b" / "news.txt"
    first.write_text(GOOD[0][1], encoding="utf-8")
    second.write_text(GOOD[1][1], encoding="utf-8")
    db = tmp_path / "s.db"
    for _ in range(2):  # the same outcome on every run: no flip between the two
        assert main(["ingest", str(first), str(second), "--db", str(db)]) == 1
        out, err = capsys.readouterr()
        assert problem_lines(err) == [f"exodus: {second}: document id 'news' is already used by {first} in this run; "
                                      f"skipped (give each document its own id)"]
        assert "replaced" in out and " 0 replaced" in out
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT text FROM documents").fetchall() == [(GOOD[0][1],)]
    conn.close()


def test_a_duplicate_id_inside_one_jsonl_is_reported_not_stored_over_the_first(tmp_path, capsys):
    lines = good_lines()
    duplicate = json.dumps({"id": "leike", "text": "Ilya Sutskever left OpenAI in May 2024."})
    docs = write_jsonl(tmp_path / "docs.jsonl", lines + [duplicate])
    db = tmp_path / "s.db"
    assert main(["ingest", str(docs), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert problem_lines(err) == [f"exodus: {docs}:4: document id 'leike' is already used by {docs}:1 in this run; "
                                  f"skipped (give each document its own id)"]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT text FROM documents WHERE doc_key = 'leike'").fetchone() == (GOOD[0][1],)
    conn.close()


def test_one_bad_byte_in_a_utf8_file_is_an_error_not_another_charset(tmp_path, capsys):
    article = tmp_path / "kaiser.txt"
    article.write_bytes("\u0141ukasz Kaiser left Google and joined OpenAI in the caf".encode("utf-8") + b"\xe9.")
    assert main(["read", str(article)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (f"exodus: {article}: invalid UTF-8 at byte 55 (0xe9) in a file that is otherwise UTF-8; "
                   f"fix the byte or convert the file\n")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_unicode_with_a_byte_order_mark_is_read(tmp_path, capsys, encoding):
    text = "\u0141ukasz Kaiser left Google and joined OpenAI."
    article = tmp_path / "kaiser.txt"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    article.write_bytes(data)
    assert main(["read", str(article)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert json.loads(out)["text"] == text


def test_a_binary_jsonl_is_one_error(tmp_path, capsys):
    blob = tmp_path / "blob.jsonl"
    blob.write_bytes(bytes(range(256)) * 400)
    docs = write_jsonl(tmp_path / "docs.jsonl", good_lines())
    assert main(["read", str(blob), str(docs)]) == 1
    out, err = capsys.readouterr()
    assert err == f"exodus: {blob}: binary data, not documents JSONL (one JSON object a line, UTF-8)\n"
    assert len(out.splitlines()) == 3


def test_the_ingest_summary_counts_the_facts_the_store_holds(tmp_path, capsys):
    # The same fact from two articles is one fact with two sources: two statements, one fact.
    lines = [json.dumps({"id": "one", "text": GOOD[1][1]}), json.dumps({"id": "two", "text": GOOD[1][1] + " Again."})]
    docs = write_jsonl(tmp_path / "docs.jsonl", lines)
    db = tmp_path / "s.db"
    assert main(["ingest", str(docs), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    facts = stored(db)[1]
    assert out.strip().endswith(f"{db} holds {facts} facts")
    assert "2 statements stored" in out and facts == 1
