"""Time reading from the web: a news sitemap of N articles served on 127.0.0.1, read with `read_documents`.

    python benchmarks/fetch_throughput.py [--pages 300] [--interval 0]

The server is the tests' (`tests/sources/http_server.py`), in a thread of this process; every page is a
short article of about 2 kB. Two figures: fetching alone (`Fetcher.fetch` for every page: the guard,
robots.txt, the rate limit, the body read) and the whole reading path (fetch, then trafilatura and
htmldate), in pages per second; then the peak Python memory (tracemalloc) of fetching a gzip bomb of
1 GB against the default cap of EXODUS_MAX_FETCH_BYTES.
"""
from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exodus.schema import Document  # noqa: E402
from exodus.settings import get_settings  # noqa: E402
from exodus.sources import read_documents  # noqa: E402
from exodus.sources.fetching import Fetcher, FetchError  # noqa: E402
from tests.sources.http_server import Reply, gzip_bomb, serving  # noqa: E402

HTML = {"Content-Type": "text/html; charset=utf-8"}


def article(number: int) -> bytes:
    filler = " ".join(["The company said the move had been planned for several months."] * 4)
    return (f"<html><head><title>Story {number}</title></head><body><nav>Home | Tech</nav><article>"
            f"<h1>Story {number}</h1><p>Person {number} left OpenAI to join Anthropic in May 2024.</p>"
            f"<p>{filler}</p><p>{filler}</p></article><footer>News Example</footer></body></html>").encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--interval", type=float, default=0.0, help="EXODUS_FETCH_HOST_INTERVAL_S for the run")
    args = parser.parse_args()
    settings = replace(get_settings(), fetch_host_interval_s=args.interval)
    with serving() as server:
        urls = [server.route(f"/a/{n}", Reply(body=article(n), headers=HTML)) for n in range(args.pages)]
        entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
        sitemap = server.route("/sitemap.xml", Reply(body=f"<urlset>{entries}</urlset>".encode(),
                                                     headers={"Content-Type": "application/xml"}))
        with Fetcher(settings, allow_hosts=["127.0.0.1"]) as fetcher:
            started = time.perf_counter()
            for url in urls:
                fetcher.fetch(url)
            fetching = time.perf_counter() - started
        started = time.perf_counter()
        documents = [r for r in read_documents([sitemap], settings=settings, allow_hosts=["127.0.0.1"])
                     if isinstance(r, Document)]
        reading = time.perf_counter() - started
        server.route("/bomb", Reply(body=gzip_bomb(1_000_000_000), gzip=True))
        tracemalloc.start()
        started = time.perf_counter()
        try:
            with Fetcher(settings, allow_hosts=["127.0.0.1"]) as fetcher:
                fetcher.fetch(server.url("/bomb"))
        except FetchError as err:
            problem = err.problem
        bomb_seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(f"fetch only:    {args.pages} pages in {fetching:.2f} s = {args.pages / fetching:.0f} pages/s")
    print(f"read sitemap:  {len(documents)} documents in {reading:.2f} s = {len(documents) / reading:.0f} pages/s "
          f"(fetch + trafilatura + htmldate)")
    print(f"gzip bomb of 1 GB ({len(gzip_bomb(1_000_000_000)) / 1e6:.1f} MB on the wire): stopped in "
          f"{bomb_seconds:.2f} s, peak Python memory {peak / 1e6:.0f} MB (cap {settings.max_fetch_bytes / 1e6:.0f} MB): "
          f"{problem}")


if __name__ == "__main__":
    main()
