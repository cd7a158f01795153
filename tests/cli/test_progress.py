"""The progress bar: on stderr, only for a person at a terminal, never in CI; problems counted too."""
from __future__ import annotations

import io
import json
import sys

from exodus.cli.common import ProblemReporter, count_documents, progress, progress_wanted
from exodus.errors import InputError


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert progress_wanted(Terminal())
    assert not progress_wanted(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not progress_wanted(Terminal())


def test_count_documents_counts_files_and_jsonl_lines(tmp_path):
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("B.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not an article", encoding="utf-8")
    batch = tmp_path / "docs.jsonl"
    batch.write_text(json.dumps({"id": 1, "text": "x"}) + "\n\n" + json.dumps({"id": 2, "text": "y"}) + "\n")
    assert count_documents([str(tmp_path)]) == 4
    assert count_documents([str(tmp_path / "a.txt"), str(batch)]) == 3
    assert count_documents([str(tmp_path / "a.txt"), "-"]) is None


def test_bar_counts_documents_and_skipped_inputs_and_keeps_problem_lines_whole(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    files = []
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(name, encoding="utf-8")
        files.append(str(tmp_path / f"{name}.txt"))
    reporter = ProblemReporter()
    with progress(iter(["doc-a", "doc-c"]), files, reporter) as shown:
        for index, _ in enumerate(shown):
            if index == 0:
                reporter(InputError(files[1], "empty document (no text)"))
    out = terminal.getvalue()
    assert "3/3" in out and "doc/s" in out
    assert f"exodus: {files[1]}: empty document (no text)\n" in out
    assert reporter.exit_status == 1


def test_count_documents_is_unknown_for_archives_and_feeds(tmp_path):
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    for name in ("docs.jsonl.gz", "crawl.warc.gz", "news.rss"):
        (tmp_path / name).write_bytes(b"")
        assert count_documents([str(tmp_path / "a.txt"), str(tmp_path / name)]) is None
    assert count_documents([str(tmp_path)]) is None
