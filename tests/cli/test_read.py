"""`exodus read`: articles in any form out as SCHEMA "Documents in" JSONL."""
from __future__ import annotations

import json

from exodus.cli.main import main


def test_read_writes_documents_jsonl_with_front_matter_fields(tmp_path, capsys):
    (tmp_path / "a.md").write_text("---\nid: sample-001\ntitle: OpenAI launches\npublished: 2015-12-12\n"
                                   "url: https://example.org/a\n---\nOpenAI launched on Friday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Plain text, no date.\n", encoding="utf-8")
    assert main(["read", str(tmp_path), "--published", "2016-01"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    documents = [json.loads(line) for line in out.splitlines()]
    assert documents == [
        {"id": "sample-001", "text": "OpenAI launched on Friday.", "published": "2015-12-12",
         "url": "https://example.org/a", "title": "OpenAI launches"},
        {"id": "b", "text": "Plain text, no date.", "published": "2016-01"},
    ]


def test_read_reports_bad_inputs_and_exits_1(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Good.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["read", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt")]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["good"]
    assert err == f"exodus: {tmp_path / 'empty.txt'}: empty document (no text)\n"


def test_read_output_is_readable_again(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Caf\u00e9 owners \u201cquoted\u201d.\n", encoding="utf-8")
    target = tmp_path / "docs.jsonl"
    assert main(["read", str(tmp_path / "a.txt"), "--out", str(target)]) == 0
    assert main(["read", str(target)]) == 0
    (document,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert document == {"id": "a", "text": "Caf\u00e9 owners \u201cquoted\u201d."}


def test_read_of_a_warc_gz_and_a_jsonl_gz_gives_their_documents(tmp_path, capsys):
    import gzip

    from tests.sources.test_archives import jsonl, page, write_warc

    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, [
        {"url": "https://n.example/leike", "body": page("Jan Leike left OpenAI and joined Anthropic.", "Leike"),
         "date": "2024-05-30T08:00:00Z"},
        {"url": "https://n.example/logo.png", "body": b"\x89PNG", "content_type": "image/png"},
    ], compress=True)
    batch = tmp_path / "docs.jsonl.gz"
    batch.write_bytes(gzip.compress(jsonl({"id": "d1", "text": "Ilya Sutskever founded SSI.", "published": "2024-06"})))
    assert main(["read", str(archive), str(batch)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert [json.loads(line) for line in out.splitlines()] == [
        {"id": "https://n.example/leike", "published": "2024-05-30", "url": "https://n.example/leike",
         "title": "Leike", "text": "Jan Leike left OpenAI and joined Anthropic.\n"
                                  "The company confirmed the move in a statement on Tuesday."},
        {"id": "d1", "text": "Ilya Sutskever founded SSI.", "published": "2024-06"},
    ]


def test_read_of_a_damaged_jsonl_gz_says_so_in_one_line_and_exits_1(tmp_path, capsys):
    import gzip

    batch = tmp_path / "docs.jsonl.gz"
    lines = "".join(json.dumps({"id": f"d{n}", "text": f"Story {n}."}) + "\n" for n in range(5000))
    batch.write_bytes(gzip.compress(lines.encode("utf-8"))[:-20])
    assert main(["read", str(batch)]) == 1
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and err.startswith(f"exodus: {batch}: gzip data is damaged or cut short at line ")
    assert 0 < len(out.splitlines()) < 5000
