"""What the subcommands share: input arguments, problem lines on stderr, progress, output files."""
from __future__ import annotations

import argparse
import os
import secrets
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TextIO, TypeVar

from exodus.errors import ExodusError, ExtractionFailed, InputError
from exodus.resolution.dates import parse_date
from exodus.sources.reading import CONTAINER_SUFFIXES, input_suffix, normalize_published, supported_files
from exodus.sources.urllists import is_url, is_url_list

T = TypeVar("T")


def published_date(value: str) -> str:
    """argparse type of `--published`: an ISO date of any precision."""
    try:
        normalized = normalize_published(value, "--published")
    except InputError as err:
        raise argparse.ArgumentTypeError(err.problem) from None
    assert normalized is not None
    return normalized


def iso_date(value: str) -> str:
    """argparse type of the date options (`--as-of`, `--since`, `--until`): an ISO date of any precision."""
    if parse_date(value) != value:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; use ISO: 2024, 2024-05 or 2024-05-28")
    return value


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
                        help="a .txt/.md/.html/.jsonl file, a .jsonl.gz/.jsonl.zst, .warc/.warc.gz or "
                             ".rss/.atom/.xml feed file, a sitemap.xml, OPML or urls.txt list, a directory of "
                             "them (recursive), an http(s) URL (a page, feed, sitemap or OPML list), or - for stdin")
    parser.add_argument("--published", type=published_date, metavar="DATE",
                        help="publication date (ISO: 2024, 2024-05, 2024-05-29) of documents that carry none; "
                             "relative dates ('last month') are resolved against it")
    add_allow_host_argument(parser)


def add_allow_host_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--allow-host", action="append", metavar="HOST", dest="allow_host",
                        help="fetch from HOST (a name or IP) although it is loopback or private, which Exodus "
                             "otherwise refuses (repeatable; adds to EXODUS_ALLOW_HOSTS)")


@contextmanager
def allowing_hosts(hosts: list[str] | None) -> Iterator[None]:
    """For the command's duration, `--allow-host` HOSTs join the `allow_hosts` setting (through its
    environment variable, so that every reader and worker process of the command sees them)."""
    if not hosts:
        yield
        return
    from exodus.settings import get_settings

    name = "EXODUS_ALLOW_HOSTS"
    before = os.environ.get(name)
    os.environ[name] = ",".join([*(before.split(",") if before else []), *hosts])
    get_settings.cache_clear()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before
        get_settings.cache_clear()


def add_output_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="FILE", type=Path,
                        help="write to FILE instead of standard output (a regular file, new or replaced "
                             "only once everything was written)")


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
    """How many documents `inputs` hold, for the progress bar's ETA; None when unknown (stdin, an archive,
    a feed or a web input, which would have to be read through twice)."""
    total = 0
    for item in inputs:
        if item == "-" or is_url(item):
            return None
        path = Path(item)
        files = supported_files(path) if path.is_dir() else [path]
        for file in files:
            suffix = input_suffix(file)
            if suffix in CONTAINER_SUFFIXES or is_url_list(file):
                return None
            if suffix != ".jsonl":
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
    """Standard output, or the file `path`, written whole or not at all.

    The text goes to a temporary file beside the target that replaces it only when
    everything was written: an interrupted run or a full disk leaves the old file as it
    was. `path` may be a new file, a regular file or a symlink to one (written through:
    the link stays); a directory, device, FIFO or socket is refused. Every failure is an
    `ExodusError` of one line, `cannot write PATH: what is wrong`.
    """
    if path is None:
        stdout = NamedOutput(sys.stdout, "standard output")
        yield stdout
        stdout.flush()
        return
    target, mode = _output_target(path)
    temporary, fd = _create_beside(target, path, mode)
    kept = "the file was left as it was" if mode is not None else "no file was written"
    stream = NamedOutput(os.fdopen(fd, "w", encoding="utf-8", newline="\n"), str(path), f" ({kept})")
    try:
        yield stream
        stream.finish()
        try:
            os.replace(temporary, target)
        except OSError as err:
            raise ExodusError(f"cannot write {path}: {err.strerror or err}") from None
    except BaseException:
        with suppress(OSError):  # what could not be written is dropped with the temporary file
            stream.close()
        with suppress(OSError):
            os.unlink(temporary)
        raise


class NamedOutput:
    """A text stream whose write errors say what was being written (`cannot write out.jsonl: No space left
    on device`). A closed pipe stays a BrokenPipeError: the reader went away, nothing is wrong."""

    def __init__(self, stream: TextIO, name: str, note: str = ""):
        self.stream = stream
        self.name = name
        self.note = note  # said after the cause: what became of the file
        self.failed = False  # a write failed: what is left in the stream's buffer cannot be written

    def write(self, text: str) -> int:
        with self._named_errors():
            return self.stream.write(text)

    def flush(self) -> None:
        with self._named_errors():
            self.stream.flush()

    def finish(self) -> None:
        """Flush, sync and close a file: its text is on disk before it replaces anything."""
        with self._named_errors():
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()

    def close(self) -> None:
        self.stream.close()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)

    @contextmanager
    def _named_errors(self) -> Iterator[None]:
        try:
            yield
        except BrokenPipeError:
            self.failed = True
            raise
        except OSError as err:
            self.failed = True
            raise ExodusError(f"cannot write {self.name}: {err.strerror or err}{self.note}") from None


_FILE_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"))


def _output_target(path: Path) -> tuple[Path, int | None]:
    """The regular file `path` names (through symlinks), and its permissions when it exists."""
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except FileNotFoundError:
        if not target.parent.is_dir():
            folder = path.parent if target.parent == path.absolute().parent else target.parent
            raise ExodusError(f"cannot write {path}: there is no directory {folder}") from None
        return target, None
    except OSError as err:
        raise ExodusError(f"cannot write {path}: {err.strerror or err}") from None
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _FILE_KINDS if test(info.st_mode)), "not a file")
        raise ExodusError(f"cannot write {path}: not a regular file ({kind}); --out writes only files "
                          "(leave it out to write to standard output)")
    return target, stat.S_IMODE(info.st_mode)


def _create_beside(target: Path, path: Path, mode: int | None) -> tuple[Path, int]:
    """A new temporary file in the target's directory (so that renaming it over the target is atomic)."""
    while True:
        temporary = target.with_name(f".{target.name[:200]}.{secrets.token_hex(4)}.partial")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            continue
        except OSError as err:
            raise ExodusError(f"cannot write {path}: {err.strerror or err} (in {target.parent})") from None
        if mode is not None:
            try:
                os.fchmod(fd, mode)  # a replaced file keeps its permissions
            except OSError as err:
                os.close(fd)
                temporary.unlink(missing_ok=True)
                raise ExodusError(f"cannot write {path}: {err.strerror or err}") from None
        return temporary, fd


def wants_colour(stream: TextIO) -> bool:
    """ANSI colours only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("NO_COLOR")
