"""`exodus extract`: SCHEMA JSONL or a table; each bad input one line on stderr, exit status 1."""
from __future__ import annotations

import io
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from exodus.cli.extract import write_results
from exodus.cli.main import main
from exodus.cli.table import STYLES
from exodus.schema import Document, Evidence, Fact

LEIKE = ("Jan Leike, who co-led OpenAI's Superalignment team, said on Tuesday that he had joined Anthropic. "
         "Leike resigned from OpenAI earlier this month, saying safety had taken a back seat to shiny products.\n")
SCHEMA_FIELDS = {"kind", "doc", "person", "org", "group", "action", "role", "from_org", "to_org", "investor",
                 "investee", "amount", "date", "reasons", "evidence", "confidence", "extractor"}


def exodus_command() -> list[str]:
    """The installed `exodus` script beside this Python, or `python -m exodus` from a source tree."""
    script = Path(sys.executable).with_name("exodus")
    return [str(script)] if script.exists() else [sys.executable, "-m", "exodus"]


def facts_of(jsonl: str) -> list[dict]:
    return [json.loads(line) for line in jsonl.splitlines() if line.strip()]


def test_extract_end_to_end_writes_schema_facts_with_exact_evidence(tmp_path):
    article = tmp_path / "leike.txt"
    article.write_text(LEIKE, encoding="utf-8")
    done = subprocess.run([*exodus_command(), "extract", str(article), "--published", "2024-05-29"],
                          capture_output=True, text=True, timeout=120, env={**_env(), "CI": "true"})
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    facts = facts_of(done.stdout)
    text = LEIKE.strip("\n")
    by_kind = {(f["kind"], f.get("person"), f.get("org")): f for f in facts}
    joined = by_kind[("joined", "Jan Leike", "Anthropic")]
    left = by_kind[("left", "Jan Leike", "OpenAI")]
    assert left["date"] == "2024-05"
    assert left["reasons"] == ["safety"]
    for fact in facts:
        assert set(fact) <= SCHEMA_FIELDS
        assert "keywords" not in fact
        assert fact["doc"] == "leike"
        assert fact["extractor"] == "model"
        assert 0 <= fact["confidence"] <= 1
        evidence = fact["evidence"]
        assert text[evidence["start"]:evidence["end"]] == evidence["text"]
    assert joined["evidence"]["text"].startswith("Jan Leike, who co-led")


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("EXODUS_")}


@pytest.fixture
def mixed_batch(tmp_path, monkeypatch) -> tuple[list[str], dict[str, str]]:
    """Good articles among one of every kind of bad input; returns (inputs, expected problem per input)."""
    monkeypatch.setenv("EXODUS_MAX_DOCUMENT_BYTES", "1500")
    good = tmp_path / "leike.txt"
    good.write_text(LEIKE, encoding="utf-8")
    legacy = tmp_path / "legacy.txt"  # Windows-1252, accented names: readable after charset detection
    legacy.write_bytes(("Ren\u00e9e Fran\u00e7ois, a researcher from Z\u00fcrich, has joined Anthropic, "
                        "the company said on Monday. \u201cWe\u2019re delighted,\u201d said Jos\u00e9 Mu\u00f1oz.\n"
                        ).encode("cp1252"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.md"
    binary.write_bytes(bytes(range(256)) * 2)
    oversized = tmp_path / "long.txt"
    oversized.write_text("OpenAI hired another researcher today. " * 60, encoding="utf-8")
    batch = tmp_path / "docs.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "sutskever", "text": "Ilya Sutskever left OpenAI in May 2024 and later "
                                               "co-founded Safe Superintelligence.", "published": "2024-06-20"}),
        '{"id": "broken", "text": "no closing quote}',
        json.dumps({"id": "murati", "text": "Mira Murati, OpenAI's chief technology officer, "
                                            "said on Wednesday that she was leaving the company.",
                    "published": "2024-09-25"}),
    ]) + "\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    unsupported = tmp_path / "slides.pptx"
    unsupported.write_bytes(b"PK\x03\x04 not an article")
    inputs = [str(p) for p in (good, legacy, empty, binary, oversized, batch, missing, unsupported)]
    problems = {str(legacy): "not utf-8; read as cp1252",  # a notice: read all the same
                str(empty): "empty", str(binary): "binary", str(oversized): "larger than the limit",
                f"{batch}:2": "malformed json", str(missing): "no such file", str(unsupported): "unsupported"}
    return inputs, problems


def test_bad_inputs_are_one_line_each_and_the_batch_goes_on(mixed_batch, capsys):
    inputs, expected = mixed_batch
    status = main(["extract", *inputs, "--published", "2024-05-29"])
    out, err = capsys.readouterr()
    assert status == 1
    lines = err.splitlines()
    assert len(lines) == len(expected), err
    for where, words in expected.items():
        (line,) = [line for line in lines if line.startswith(f"exodus: {where}: ")]
        assert words in line.lower()
    facts = facts_of(out)
    assert {f["doc"] for f in facts} >= {"leike", "sutskever", "murati"}
    assert main(["read", inputs[1]]) == 0  # the Windows-1252 article was read, and read right
    out, err = capsys.readouterr()
    assert "Ren\u00e9e Fran\u00e7ois" in json.loads(out)["text"]
    assert err == f"exodus: {inputs[1]}: not UTF-8; read as cp1252 (convert it to UTF-8 to be sure)\n"


def test_all_good_inputs_exit_zero_with_nothing_on_stderr(tmp_path, capsys):
    article = tmp_path / "leike.txt"
    article.write_text(LEIKE, encoding="utf-8")
    assert main(["extract", str(article), "--published", "2024-05-29"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert facts_of(out)


def test_out_file_gets_the_facts_and_stdout_stays_empty(tmp_path, capsys):
    article = tmp_path / "leike.txt"
    article.write_text(LEIKE, encoding="utf-8")
    target = tmp_path / "facts.jsonl"
    assert main(["extract", str(article), "--out", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert facts_of(target.read_text(encoding="utf-8"))
    assert list(tmp_path.glob(".*partial")) == []


def test_out_file_in_a_missing_folder_is_an_error(tmp_path, capsys):
    article = tmp_path / "leike.txt"
    article.write_text(LEIKE, encoding="utf-8")
    assert main(["extract", str(article), "--out", str(tmp_path / "no" / "facts.jsonl")]) == 1
    assert capsys.readouterr().err.startswith("exodus: error: cannot write")


def test_stdin_text_is_one_document(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(LEIKE.encode("utf-8"))))
    assert main(["extract", "-", "--published", "2024-05-29"]) == 0
    facts = facts_of(capsys.readouterr().out)
    # no path to name it by: the id is a hash of the content, the same for the same text
    assert {f["doc"] for f in facts} == {f"stdin-{hashlib.sha256(LEIKE.encode('utf-8')).hexdigest()[:12]}"}
    assert any(f["kind"] == "left" and f["date"] == "2024-05" for f in facts)


def test_table_groups_facts_by_document_without_colours_off_a_terminal(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(LEIKE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("The weather was fine and nobody changed jobs.\n", encoding="utf-8")
    assert main(["extract", str(tmp_path), "--format", "table", "--published", "2024-05-29"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    header_a, header_b = out.index("a | published 2024-05-29"), out.index("b | published 2024-05-29")
    assert header_a < out.index("Jan Leike joined Anthropic") < header_b
    assert "(no facts)" in out[header_b:]
    assert '"Leike resigned from OpenAI earlier this month' in out
    assert re.search(r"\n2 documents, \d+ facts\n$", out)


def test_a_document_the_extractor_fails_on_is_one_line_and_exit_status_1(tmp_path, capsys, monkeypatch):
    from exodus.extraction import base

    monkeypatch.setitem(base._REGISTRY, "failing", "tests.extraction.test_pipeline:FailingExtractor")
    (tmp_path / "a.txt").write_text("OpenAI was founded in 2015.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("BOOM.", encoding="utf-8")
    assert main(["extract", str(tmp_path), "--extractor", "failing"]) == 1
    out, err = capsys.readouterr()
    assert [f["doc"] for f in facts_of(out)] == ["a"]
    assert err.startswith(f"exodus: {tmp_path / 'b.txt'}: extractor failing failed on this document")
    assert err.count("\n") == 1


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def leike_fact() -> tuple[Document, Fact]:
    document = Document("leike", LEIKE)
    end = LEIKE.index("Anthropic.") + len("Anthropic.")
    keyword = LEIKE.index("joined")
    fact = Fact("joined", "leike", Evidence(0, end, LEIKE[:end]), person="Jan Leike", org="Anthropic",
                keywords=[(keyword, keyword + len("joined"))])
    return document, fact


def test_table_on_a_terminal_colours_keywords_and_names(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    document, fact = leike_fact()
    terminal = Terminal()
    write_results(iter([(document, [fact])]), "table", terminal)
    out = terminal.getvalue()
    assert f"{STYLES['keyword']}joined\x1b[0m" in out
    assert f"{STYLES['person']}Jan Leike\x1b[0m" in out
    assert f"{STYLES['org']}Anthropic\x1b[0m" in out
    assert f"{STYLES['org']}OpenAI\x1b[0m" not in out  # not an entity of this fact


def test_no_color_turns_colours_off_even_on_a_terminal(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    document, fact = leike_fact()
    terminal = Terminal()
    write_results(iter([(document, [fact])]), "table", terminal)
    assert "\x1b[" not in terminal.getvalue()


@pytest.mark.parametrize("argv", [
    ["extract"],
    ["extract", "a.txt", "--published", "May 2024"],
    ["extract", "a.txt", "--published", "2024-13-01"],
    ["extract", "a.txt", "--format", "csv"],
    ["extract", "a.txt", "--extractor", "no-such-extractor"],
    ["extract", "a.txt", "--processes", "0"],
    ["no-such-command"],
    [],
])
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert "usage: exodus" in capsys.readouterr().err
