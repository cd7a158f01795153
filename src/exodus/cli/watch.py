"""`exodus watch`: keep a store current from feeds and sitemaps, one line per cycle."""
from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from exodus.cli.common import ProblemReporter, add_allow_host_argument
from exodus.cli.storeargs import print_json

NAME = "watch"
HELP = "poll feeds and sitemaps, ingest the new articles they list"
DESCRIPTION = """\
Poll RSS/Atom feeds and news sitemaps (by URL) every --every, fetch the articles they
list that the store has not seen, and ingest them as `exodus ingest` does. Each cycle
prints one line: its start time (UTC), new articles stored, facts (statements) stored
from them, articles skipped (no article text, or content already stored) and errors.
Every failing source or article is also reported on stderr, one line each, and the
loop goes on; a failed article is tried again in the next cycles (EXODUS_WATCH_ATTEMPTS,
3 times in all).

What was fetched (ETag, Last-Modified, the last fetch) and which articles are stored
lives in the store itself: a watch that is stopped, crashes or is killed and started
again resumes where it was, fetching nothing twice that the server said was unchanged
and storing nothing twice. Ctrl-C or SIGTERM stops it between two articles.
Exit status: 0, also when stopped; with --once, 1 when the cycle had errors.

example:
  exodus watch https://example.com/news/rss.xml --every 15m --db news.db
  exodus watch https://example.com/sitemap-news.xml --once
"""


def _interval(text: str) -> float:
    from exodus.sources.watching import parse_interval

    try:
        return parse_interval(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="the URL of an RSS/Atom feed or a news sitemap")
    parser.add_argument("--every", type=_interval, default=_interval("15m"), metavar="INTERVAL",
                        help="time from the start of one cycle to the next: 30s, 15m, 2h or 1d (default 15m)")
    parser.add_argument("--once", action="store_true", help="run one cycle and stop")
    add_allow_host_argument(parser)  # `exodus.cli.main` adds the hosts to the setting for the command's run
    parser.add_argument("--db", "--store", metavar="PATH", dest="db",
                        help="the store (default: ./exodus.db, or EXODUS_DB)")
    parser.add_argument("--extractor", default=None,
                        help="extractor name (default: the EXODUS_EXTRACTOR setting, model)")
    parser.add_argument("--json", action="store_true", help="print each cycle's numbers as JSON instead of a line")


def run(args: argparse.Namespace) -> int:
    from exodus.sources.fetching import Fetcher
    from exodus.sources.watching import Watcher, watch
    from exodus.store import open_store

    reporter = ProblemReporter()
    reports = []

    def print_cycle(report) -> None:
        reports.append(report)
        if args.json:
            print_json(report.to_dict())
        else:
            print(report.line())
        sys.stdout.flush()

    with open_store(args.db) as store:
        fetcher = Fetcher()
        try:
            watcher = Watcher(store, args.sources, fetcher, extractor=args.extractor, on_problem=reporter)
            with _stopped_by_signals(watcher):
                watch(watcher, None if args.once else args.every, print_cycle)
        finally:
            fetcher.close()
    if watcher.stopping:
        print("exodus: watch stopped; run it again to go on where it stopped", file=sys.stderr)
    # A single cycle says in its status whether something failed; a watch that ran until stopped ends well.
    return 1 if args.once and reports and reports[-1].errors else 0


@contextmanager
def _stopped_by_signals(watcher) -> Iterator[None]:
    """Ctrl-C and SIGTERM ask the watcher to stop after the article in hand, instead of killing it."""
    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.getsignal(number) for number in handled}
    for number in handled:
        signal.signal(number, lambda _number, _frame: watcher.stop())
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
