"""What the subcommands share: input arguments, problem lines on stderr, progress, output files."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO, TypeVar

from exodus.errors import ExodusError, ExtractionFailed, InputError
from exodus.sources import SUPPORTED_SUFFIXES
from exodus.sources.reading import normalize_published

T = TypeVar("T")


def published_date(value: str) -> str:
    """argparse type of `--published`: an ISO date of any precision."""
    try:
        normalized = normalize_published(value, "--published")
    except InputError as err:
        raise argparse.ArgumentTypeError(err.problem) from None
    assert normalized is not None
    return normalized


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="a .txt/.md/.html/.jsonl file, a directory of them (recursive), or - for stdin")
    parser.add_argument("--published", type=published_date, metavar="DATE",
                        help="publication date (ISO: 2024, 2024-05, 2024-05-29) of documents that carry none; "
                             "relative dates ('last month') are resolved against it")


def add_output_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="FILE", type=Path,
                        help="write to FILE instead of standard output (replaced only when the run ends)")


class ProblemReporter:
    """Prints one line per problem on stderr (`exodus: FILE[:LINE]: what is wrong`) and counts them.

    Skipped inputs (`InputError`) and documents the extractor failed on
    (`ExtractionFailed`) make the exit status 1; a dropped fact (`InvalidEvidence`,
    an extractor bug that loses one fact, not a document) is printed but does not.
    """

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream
        self.failed_inputs = 0
        self.other_problems = 0
        self.progress: Any = None  # the tqdm bar while one is shown: problems are written around it

    def __call__(self, problem: ExodusError) -> None:
        if isinstance(problem, (InputError, ExtractionFailed)):
            self.failed_inputs += 1
        else:
            self.other_problems += 1
        line = f"exodus: {problem}"
        stream = self.stream if self.stream is not None else sys.stderr
        if self.progress is not None:
            from tqdm import tqdm

            tqdm.write(line, file=stream)
            if isinstance(problem, InputError):
                self.progress.update(1)  # a skipped input was counted in the total too
            elif isinstance(problem, ExtractionFailed):
                self.progress.update(1)  # so was a document the extractor failed on
        else:
            print(line, file=stream, flush=True)

    @property
    def exit_status(self) -> int:
        return 1 if self.failed_inputs else 0


def progress_wanted(stream: TextIO | None = None) -> bool:
    """A progress bar only for a person watching: stderr is a terminal and not in CI."""
    stream = stream if stream is not None else sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("CI")


def count_documents(inputs: Iterable[str]) -> int | None:
    """How many documents `inputs` hold, for the progress bar's ETA; None when unknown (stdin)."""
    total = 0
    for item in inputs:
        if item == "-":
            return None
        path = Path(item)
        files = ([p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES]
                 if path.is_dir() else [path])
        for file in files:
            if file.suffix.lower() != ".jsonl":
                total += 1
                continue
            try:
                with file.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                continue
    return total


@contextmanager
def progress(items: Iterator[T], inputs: list[str], reporter: ProblemReporter,
             unit: str = "doc") -> Iterator[Iterator[T]]:
    """`items` with a progress bar (rate and ETA) on stderr when a person is watching."""
    if not progress_wanted():
        yield items
        return
    from tqdm import tqdm

    try:
        size = os.get_terminal_size(sys.stderr.fileno())
        known_size = size.columns > 0 and size.lines > 0
    except (OSError, ValueError):
        known_size = False
    # tqdm draws nothing on a terminal that reports a size of zero (some pseudo-terminals).
    shape = {"dynamic_ncols": True} if known_size else {"ncols": 80, "nrows": 24}
    bar = tqdm(total=count_documents(inputs), unit=unit, file=sys.stderr, smoothing=0.1, **shape)
    reporter.progress = bar

    def counted() -> Iterator[T]:
        # Counted by hand, not by iterating the bar: tqdm's iterator would overwrite the
        # updates the reporter makes for skipped inputs.
        for item in items:
            bar.update(1)
            yield item

    try:
        yield counted()
    finally:
        bar.close()
        reporter.progress = None


def writer_for(stream: TextIO, reporter: ProblemReporter) -> Callable[[str], object]:
    """`stream.write`, stepping around the progress bar when both share the terminal."""
    if reporter.progress is None or not getattr(stream, "isatty", lambda: False)():
        return stream.write
    from tqdm import tqdm

    def write(text: str) -> None:
        with tqdm.external_write_mode(file=stream):
            stream.write(text)
            stream.flush()

    return write


@contextmanager
def output_stream(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or a file that replaces `path` only when writing finished."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    temporary = path.with_name(f".{path.name}.partial")
    try:
        stream = temporary.open("w", encoding="utf-8", newline="\n")
    except OSError as err:
        raise ExodusError(f"cannot write {path}: {err.strerror or err}") from None
    try:
        with stream:
            yield stream
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()


def wants_colour(stream: TextIO) -> bool:
    """ANSI colours only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("NO_COLOR")
