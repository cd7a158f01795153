"""`exodus demo`: extraction over the sample corpus that ships inside the package."""
from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files
from pathlib import Path

from exodus.cli.extract import FORMATS, run_extraction
from exodus.errors import ExodusError

NAME = "demo"
HELP = "extract facts from the bundled sample corpus and show them"
DESCRIPTION = """\
Run the extractor over the sample articles bundled with Exodus (60-odd short
articles about AI-industry events 2015-2025, some with no facts or only rumors
and denials) and print the facts, each with its evidence, grouped by article.

example:
  exodus demo
  exodus demo --format jsonl --out sample-facts.jsonl
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument("--out", metavar="FILE", type=Path, help="write to FILE instead of standard output")


@contextmanager
def sample_articles() -> Iterator[Path]:
    """The folder of the bundled sample articles, as a real path while the context lasts."""
    folder = files("exodus").joinpath("sample", "articles")
    with as_file(folder) as path:
        if not Path(path).is_dir():
            raise ExodusError(f"the sample corpus is missing from this installation ({path}); "
                              "reinstall Exodus: pip install --force-reinstall exodus")
        yield Path(path)


def run(args: argparse.Namespace) -> int:
    with sample_articles() as folder:
        return run_extraction([str(folder)], fmt=args.format, out=args.out)
