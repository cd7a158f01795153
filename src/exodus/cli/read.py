"""`exodus read`: articles in any supported form, written as documents JSONL."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from exodus.cli.common import (ProblemReporter, add_input_arguments, add_output_argument, output_stream, progress,
                               writer_for)
from exodus.extraction.pipeline import iter_documents

NAME = "read"
HELP = "print articles as documents JSONL (id, text, published, url, title)"
DESCRIPTION = """\
Read articles (.txt/.md with front matter, .html, documents .jsonl, compressed
.jsonl.gz/.jsonl.zst, web archives .warc/.warc.gz, feed files .rss/.atom/.xml,
directories, http(s) URLs of pages, feeds, sitemaps or OPML lists, urls.txt lists,
or - for stdin) and print them as documents JSONL, the shape of
docs/fact-format.md: what `exodus extract` sees, and what `exodus evaluate --docs`
takes. Unreadable inputs are reported on stderr and skipped (exit status 1).

example:
  exodus read src/exodus/sample/articles --out sample.docs.jsonl
  exodus read CC-NEWS-20240530.warc.gz news.rss --out news.docs.jsonl
  exodus read https://news.example/news-sitemap.xml links.urls.txt --out web.docs.jsonl
  exodus evaluate --docs sample.docs.jsonl --gold gold.jsonl --pred facts.jsonl
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    add_output_argument(parser)


def run_read(inputs: list[str], out: Path | None = None, published: str | None = None) -> int:
    """Write the documents of `inputs` as JSONL; the exit status (1 when an input failed)."""
    reporter = ProblemReporter()
    documents = iter_documents(inputs, published=published, on_problem=reporter)
    with output_stream(out) as stream, progress(documents, inputs, reporter) as shown:
        write = writer_for(stream, reporter)
        for document in shown:
            write(json.dumps(document.to_dict(), ensure_ascii=False) + "\n")
    return reporter.exit_status


def run(args: argparse.Namespace) -> int:
    return run_read(args.inputs, args.out, args.published)
