"""`exodus extract`: facts with their evidence from articles, as JSONL or a table."""
from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from exodus.cli.common import (ProblemReporter, add_input_arguments, add_output_argument, output_stream,
                               positive_int, progress, wants_colour, writer_for)
from exodus.cli.table import format_document
from exodus.extraction.base import available_extractors
from exodus.extraction.pipeline import extract_documents
from exodus.schema import Document, Fact

NAME = "extract"
HELP = "extract facts with their evidence from articles"
DESCRIPTION = """\
Extract facts (joined, left, founded, role, member, group_event, invested) from
articles, each with the exact sentence that states it. Unreadable inputs are
reported on stderr, one line each, and skipped; the exit status is then 1.

formats:
  jsonl  one fact a line, as docs/fact-format.md describes it (for programs and exodus evaluate)
  table  one line per fact, grouped by document, for people

example:
  exodus extract article.txt --published 2024-05-29 --format table
  exodus extract docs.jsonl news/ --out facts.jsonl --processes 2
  curl -s https://example.org/story.html | exodus extract - --published 2024-05-29
  exodus extract https://news.example/feed.xml --format table    # a page, feed, sitemap or OPML URL
"""
FORMATS = ("jsonl", "table")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    add_output_argument(parser)
    parser.add_argument("--extractor", choices=available_extractors(), metavar="NAME",
                        help=f"extractor to use: {', '.join(available_extractors())} "
                             "(default: the EXODUS_EXTRACTOR setting, rules)")
    parser.add_argument("--processes", type=positive_int, metavar="N",
                        help="worker processes (default: the EXODUS_PROCESSES setting, 0 = auto: two CPUs for inputs of more than 32 documents)")


def write_results(results: Iterator[tuple[Document, list[Fact]]], fmt: str, stream: TextIO,
                  write: Callable[[str], object] | None = None) -> tuple[int, int]:
    """Write every document's facts in `fmt` (through `write`, default `stream.write`);
    return (documents, facts) written."""
    colour = fmt == "table" and wants_colour(stream)
    write = write or stream.write
    documents = facts_written = 0
    for document, facts in results:
        documents += 1
        facts_written += len(facts)
        if fmt == "jsonl":
            if facts:
                write("".join(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n" for fact in facts))
        else:
            write(format_document(document, facts, colour) + "\n")
    if fmt == "table":
        write(f"{documents} document{'s' * (documents != 1)}, "
              f"{facts_written} fact{'s' * (facts_written != 1)}\n")
    return documents, facts_written


def run_extraction(inputs: list[str], fmt: str = "jsonl", out: Path | None = None,
                   extractor: str | None = None, processes: int | None = None,
                   published: str | None = None) -> int:
    """Extract from `inputs` and write the facts; the exit status (1 when an input failed)."""
    reporter = ProblemReporter()
    results = extract_documents(inputs, extractor=extractor, processes=processes, published=published,
                                on_problem=reporter)
    with output_stream(out) as stream, progress(results, inputs, reporter) as shown:
        write_results(shown, fmt, stream, writer_for(stream, reporter))
    return reporter.exit_status


def run(args: argparse.Namespace) -> int:
    return run_extraction(args.inputs, args.format, args.out, args.extractor, args.processes, args.published)
